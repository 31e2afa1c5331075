// Entry of the Word bundle (server/out/word.js): a factory bundle, loaded on first use by the CLI
// (import / export commands) and the language server, given the caller's engine (esbuild.mjs,
// ../shared/lazy.ts). What it exports is word/bundle.ts — the surface the adapters type the loaded
// bundle with (`typeof import('../word/bundle')`), since nothing may import an entry.
export * from '../word/bundle';
