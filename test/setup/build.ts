// The process tests run the real bundles: build them before the run — once. When every bundle is
// newer than every input (a build step just ran, as in `npm test`, or nothing changed since the
// last run), the build is skipped; a source edited since is always rebuilt.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const INPUTS = ['server/src', 'client/src', 'schemas', 'package.json', 'package-lock.json', 'esbuild.mjs', 'scripts/code-cache.mjs'];
const OUTPUTS = ['server/out/cli.js', 'server/out/cli-main.js', 'server/out/server.js', 'server/out/engine.js', 'server/out/word.js', 'client/out/extension.js'];

function newest(p: string): number {
  const s = fs.statSync(p, { throwIfNoEntry: false });
  if (!s) return 0;
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...fs.readdirSync(p).map((e) => newest(path.join(p, e))));
}

export function upToDate(root = ROOT): boolean {
  const built = OUTPUTS.map((o) => fs.statSync(path.join(root, o), { throwIfNoEntry: false })?.mtimeMs ?? 0);
  const oldest = Math.min(...built);
  return oldest > 0 && INPUTS.every((i) => newest(path.join(root, i)) < oldest);
}

export default function setup(): void {
  if (upToDate()) return;
  process.stderr.write('test/setup/build.ts: building the bundles (a source is newer than them)\n');
  execFileSync(process.execPath, [path.join(ROOT, 'esbuild.mjs')], { cwd: ROOT, stdio: 'inherit' });
}
