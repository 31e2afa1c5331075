// Bundles the CLI, the language server and the VS Code client. One bundle per entry point, CJS,
// Node platform; `vscode` stays external (the editor provides it).
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};
const entries = [
  // The CLI: a small boot file that runs the bundle with its V8 code cache (scripts/code-cache.mjs).
  { entryPoints: ['server/src/cli/boot.ts'], outfile: 'server/out/cli.js', sourcemap: false },
  { entryPoints: ['server/src/cli/index.ts'], outfile: 'server/out/cli-main.js' },
  { entryPoints: ['server/src/lsp/main.ts'], outfile: 'server/out/server.js' },
  { entryPoints: ['server/src/engine/index.ts'], outfile: 'server/out/engine.js' },
  // Word import/export: its own bundle, loaded on first use (server/src/shared/lazy.ts).
  { entryPoints: ['server/src/word/bundle.ts'], outfile: 'server/out/word.js' },
  { entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] },
].filter((e) => existsSync(e.entryPoints[0]));

if (watch) {
  for (const e of entries) (await esbuild.context({ ...common, ...e })).watch();
} else {
  await Promise.all(entries.map((e) => esbuild.build({ ...common, ...e })));
  if (!production) await import('./scripts/code-cache.mjs');
}
