// Bundles the CLI, the language server and the VS Code client. One bundle per entry point, CJS,
// Node platform; `vscode` stays external (the editor provides it).
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';
import * as path from 'node:path';

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
// The server-side entry points all live in server/src/entries/ (issue 15 item 3): thin composition
// roots that wire and start; nothing imports them (test/architecture/architecture.test.ts).
const entries = [
  // The CLI: a small boot file that runs the bundle with its V8 code cache (scripts/code-cache.mjs).
  { entryPoints: ['server/src/entries/cli.ts'], outfile: 'server/out/cli.js', sourcemap: false },
  { entryPoints: ['server/src/entries/cli-main.ts'], outfile: 'server/out/cli-main.js' },
  { entryPoints: ['server/src/entries/server.ts'], outfile: 'server/out/server.js' },
  { entryPoints: ['server/src/entries/engine.ts'], outfile: 'server/out/engine.js' },
  // Word import/export: its own bundle, loaded on first use and given the caller's engine
  // (server/src/shared/lazy.ts), so it holds only the Word code and its own dependencies.
  { entryPoints: ['server/src/entries/word.ts'], outfile: 'server/out/word.js', ...injectedEngine() },
  { entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] },
].filter((e) => existsSync(e.entryPoints[0]));

// A factory bundle: `module.exports = (deps) => exports`. Every import of the engine's public
// module (server/src/engine/index.ts) reads `deps.engine`, of the SBOM reader's (sbom/index.ts)
// `deps.sbom`, instead of bundling a copy; the build stops when anything else of the engine or
// the SBOM reader (a deep import) or `yaml` (the engine's parser) is bundled.
function injectedEngine() {
  const injected = new Map([
    [path.resolve('server/src/engine/index.ts'), 'engine'],
    [path.resolve('server/src/sbom/index.ts'), 'sbom'],
  ]);
  const plugin = {
    name: 'inject-engine',
    setup(build) {
      build.onResolve({ filter: /engine|sbom/ }, async (args) => {
        if (args.namespace === 'cyberdossier-injected' || args.pluginData === 'inject-engine') return undefined;
        const r = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: 'inject-engine' });
        const dep = r.errors.length ? undefined : injected.get(path.resolve(r.path));
        return dep ? { path: dep, namespace: 'cyberdossier-injected' } : undefined;
      });
      build.onLoad({ filter: /.*/, namespace: 'cyberdossier-injected' }, (args) => ({ contents: `module.exports = __cyberdossierDeps.${args.path};`, loader: 'js' }));
    },
  };
  const verify = (result) => {
    const leaked = Object.keys(result.metafile.inputs).filter((f) => f.startsWith('server/src/engine/') || f.startsWith('server/src/sbom/') || /node_modules\/yaml\//.test(f));
    if (leaked.length) throw new Error(`the Word bundle must take the engine by injection, yet it bundles ${leaked.slice(0, 5).join(', ')}${leaked.length > 5 ? ', …' : ''}`);
  };
  return {
    verify,
    plugins: [plugin],
    metafile: true,
    banner: { js: 'module.exports = function cyberdossierBundle(__cyberdossierDeps) { var module = { exports: {} }, exports = module.exports;' },
    footer: { js: 'return module.exports; };' },
  };
}

if (watch) {
  for (const { verify: _, ...e } of entries) (await esbuild.context({ ...common, ...e })).watch();
} else {
  await Promise.all(
    entries.map(async ({ verify, ...e }) => {
      const result = await esbuild.build({ ...common, ...e });
      if (verify) verify(result);
    }),
  );
  if (!production) await import('./scripts/code-cache.mjs');
}
