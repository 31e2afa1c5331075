// Writes server/out/cli-main.jsc, the V8 code cache of the CLI bundle (see server/src/entries/cli.ts):
// runs the CLI once over the bundled examples (both rule sets, clean and with mistakes) so the
// functions a check compiles are in the cache. Run by esbuild.mjs after a build; a failure only
// means no cache (the CLI then compiles as usual), so it warns and never fails the build.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const cache = path.join(root, 'server', 'out', 'cli-main.jsc');
fs.rmSync(cache, { force: true });
const r = spawnSync(process.execPath, [path.join(root, 'server', 'out', 'cli.js'), 'check', 'examples', '--format', 'json'], {
  cwd: root,
  env: { ...process.env, CYBERDOSSIER_WRITE_CODE_CACHE: '1' },
  encoding: 'utf8',
  maxBuffer: 1 << 26,
});
if (r.status !== 0 && r.status !== 1) console.warn(`code cache: the warm-up check exited ${r.status}: ${r.stderr}`);
if (!fs.existsSync(cache)) console.warn('code cache: not written; the CLI will compile on every run');
