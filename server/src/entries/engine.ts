// Entry of the engine bundle (server/out/engine.js): the engine's public surface as one CommonJS
// module for the front ends outside server/src (bench/run.mjs, bench/vulns.mjs). It adds nothing
// but the composition they need: whatever they may use is what engine/index.ts exports, and the
// SBOM reader their Engines are given (EngineOptions.sbom: the engine never imports sbom/).
export * from '../engine/index';
export { sbomReader } from '../sbom';
