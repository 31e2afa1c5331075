// `npm test`: every test of the project, each step timed. A step that cannot run (a missing tool
// it failed to install) fails; nothing is skipped.
//
// Steps that share nothing run side by side, two at a time (the machine this is measured on has
// 2 cores and each of these steps is one busy process): the type check, the lint and the build;
// then the five independent corpora. Their output is held and printed whole, in step order, when
// the step ends. The vitest run (two workers of its own), the bench smoke (it measures time) and
// the Word render and end-to-end steps (real LibreOffice, VS Code, Neovim) run alone.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const only = process.argv.slice(2);
const node = process.execPath;
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const PARALLEL = 2;

/** Groups of steps, in order; the steps of one group run side by side. */
const groups = [
  [
    ['typecheck', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']],
    ['lint (eslint: no floating promises)', bin('eslint'), ['server/src', 'client/src']],
    ['build', node, ['esbuild.mjs']],
  ],
  [['unit, cli and protocol tests (vitest)', bin('vitest'), ['run']]],
  fs
    .readdirSync(path.join(root, 'test', 'corpus'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(root, 'test', 'corpus', d.name, 'verify.mjs')))
    .map((d) => [`independent corpus ${d.name}`, node, [path.join('test', 'corpus', d.name, 'verify.mjs'), path.join(root, 'bin', 'cyberdossier.js')]]),
  [['bench smoke (50 KB)', node, ['bench/run.mjs', '--smoke']]],
  [['Word export rendered by LibreOffice', node, ['test/word/render.mjs']]],
  [['end-to-end: Neovim, VS Code server + chromium, .vsix', node, ['test/e2e/run.mjs']]],
];

const env = { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '1' };

/** Runs one step; alone it inherits the terminal, beside others its output is held until it ends. */
function runStep([name, cmd, args], alone) {
  const start = Date.now();
  if (alone) console.log(`\n▶ ${name}`);
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, env, stdio: alone ? 'inherit' : ['ignore', 'pipe', 'pipe'] });
    const chunks = [];
    if (!alone) for (const s of [child.stdout, child.stderr]) s.on('data', (c) => chunks.push(c));
    const done = (ok) => {
      const seconds = ((Date.now() - start) / 1000).toFixed(1);
      if (!alone) {
        console.log(`\n▶ ${name}`);
        process.stdout.write(Buffer.concat(chunks));
      }
      console.log(`${ok ? '✔' : '✘'} ${name} (${seconds} s)`);
      resolve({ name, ok, seconds });
    };
    child.on('error', (e) => {
      chunks.push(Buffer.from(`${e.message}\n`));
      done(false);
    });
    child.on('close', (code) => done(code === 0));
  });
}

/** The steps of a group, at most PARALLEL at once; results in step order. */
async function runGroup(steps) {
  const alone = steps.length === 1;
  const results = new Array(steps.length);
  let next = 0;
  const worker = async () => {
    while (next < steps.length) {
      const i = next++;
      results[i] = await runStep(steps[i], alone);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, steps.length) }, worker));
  return results;
}

const results = [];
const started = Date.now();
for (const group of groups) {
  const steps = group.filter(([name]) => !only.length || only.some((o) => name.includes(o)));
  if (steps.length) results.push(...(await runGroup(steps)));
}
console.log('\nSummary');
for (const r of results) console.log(`  ${r.ok ? '✔' : '✘'} ${r.name.padEnd(48)} ${r.seconds} s`);
console.log(`  ${'total (wall)'.padEnd(50)} ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
