// Entry of the engine bundle (server/out/engine.js): the engine's public surface as one CommonJS
// module for the front ends outside server/src (bench/run.mjs, bench/vulns.mjs). It adds nothing:
// whatever they may use is what engine/index.ts exports.
export * from '../engine/index';
