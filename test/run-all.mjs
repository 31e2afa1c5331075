// `npm test`: every test of the project, in order, each step timed. A step that cannot run
// (a missing tool it failed to install) fails; nothing is skipped.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const only = process.argv.slice(2);
const node = process.execPath;
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

const steps = [
  ['typecheck', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']],
  ['lint (eslint: no floating promises)', bin('eslint'), ['server/src', 'client/src']],
  ['build', node, ['esbuild.mjs']],
  ['unit, cli and protocol tests (vitest)', bin('vitest'), ['run']],
  ...fs
    .readdirSync(path.join(root, 'test', 'corpus'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(root, 'test', 'corpus', d.name, 'verify.mjs')))
    .map((d) => [`independent corpus ${d.name}`, node, [path.join('test', 'corpus', d.name, 'verify.mjs'), path.join(root, 'bin', 'cyberdossier.js')]]),
  ['bench smoke (50 KB)', node, ['bench/run.mjs', '--smoke']],
  ['Word export rendered by LibreOffice', node, ['test/word/render.mjs']],
  ['end-to-end: Neovim, VS Code server + chromium, .vsix', node, ['test/e2e/run.mjs']],
];

const results = [];
for (const [name, cmd, args] of steps) {
  if (only.length && !only.some((o) => name.includes(o))) continue;
  const start = Date.now();
  console.log(`\n▶ ${name}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '1' } });
  const ok = r.status === 0;
  results.push({ name, ok, seconds: ((Date.now() - start) / 1000).toFixed(1) });
  console.log(`${ok ? '✔' : '✘'} ${name} (${results.at(-1).seconds} s)`);
}
console.log('\nSummary');
for (const r of results) console.log(`  ${r.ok ? '✔' : '✘'} ${r.name.padEnd(48)} ${r.seconds} s`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
