// `npm run bench`: medians of checking generated dossiers of 50 KB, 500 KB and 5 MB through the
// engine (in process, cold caches) and through the CLI (a whole process). Prints a table and
// writes bench/results/latest.json. `--smoke` runs the 50 KB size once (CI).

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { generate, parseSize } from './generate.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const smoke = args.includes('--smoke');
const sizes = smoke ? ['50k'] : (args.find((a) => a.startsWith('--sizes='))?.slice(8).split(',') ?? ['50k', '500k', '5m']);

if (!fs.existsSync(path.join(root, 'server/out/engine.js')) || !fs.existsSync(path.join(root, 'server/out/cli.js'))) {
  spawnSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'inherit' });
}
const { Engine, nodeHost, ChunkCache } = require(path.join(root, 'server/out/engine.js'));

const gen = path.join(root, 'bench', '.generated');
fs.mkdirSync(gen, { recursive: true });
fs.mkdirSync(path.join(gen, '.git'), { recursive: true }); // stop dossier.yaml discovery here

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);

const rows = [];
for (const size of sizes) {
  const file = path.join(gen, `dossier-${size}.md`);
  if (!fs.existsSync(file)) fs.writeFileSync(file, generate(parseSize(size)));
  const bytes = fs.statSync(file).size;
  const runs = smoke ? 1 : size === '5m' ? 3 : 7;

  const engineMs = [];
  let findings = 0;
  for (let i = 0; i < runs; i++) {
    const engine = new Engine({ host: nodeHost, chunkCache: new ChunkCache() });
    const t = performance.now();
    const result = engine.check({ files: [file] });
    engineMs.push(performance.now() - t);
    findings = result.reports.reduce((n, r) => n + r.diagnostics.length, 0);
  }
  const warm = new Engine({ host: nodeHost, chunkCache: new ChunkCache() });
  warm.check({ files: [file] });
  const warmMs = [];
  for (let i = 0; i < runs; i++) {
    warm.forget(file); // re-read and re-model, chunks cached
    const t = performance.now();
    warm.check({ files: [file] });
    warmMs.push(performance.now() - t);
  }

  const cliMs = [];
  let peakKb = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, path.join(root, 'bin/cyberdossier.js'), 'check', file, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    cliMs.push(performance.now() - t);
    if (r.status !== 0) throw new Error(`CLI failed on ${size}: ${r.stderr}`);
    peakKb = Math.max(peakKb, Number(r.stderr.trim().split('\n').at(-1)) || 0);
  }
  rows.push({ size, bytes, runs, findings, engineMedianMs: median(engineMs), engineWarmMedianMs: median(warmMs), cliMedianMs: median(cliMs), cliPeakRssMb: Math.round(peakKb / 1024) });
  if (findings !== 0) throw new Error(`the generated ${size} dossier should check clean, got ${findings} findings`);
}

console.log('\nsize   bytes      runs  engine (cold)  engine (chunks cached)  CLI process  CLI peak RSS');
for (const r of rows) {
  console.log(
    `${r.size.padEnd(6)} ${String(r.bytes).padEnd(10)} ${String(r.runs).padEnd(5)} ${fmt(r.engineMedianMs).padEnd(14)} ${fmt(r.engineWarmMedianMs).padEnd(23)} ${fmt(r.cliMedianMs).padEnd(12)} ${r.cliPeakRssMb} MB`,
  );
}
if (rows.length > 1) {
  for (let i = 1; i < rows.length; i++) {
    const a = rows[i - 1];
    const b = rows[i];
    const growth = b.engineMedianMs / a.engineMedianMs / (b.bytes / a.bytes);
    console.log(`engine growth ${a.size}→${b.size}: ${(b.engineMedianMs / a.engineMedianMs).toFixed(1)}× time for ${(b.bytes / a.bytes).toFixed(1)}× bytes (${growth > 1.3 ? 'super-linear' : 'linear'})`);
  }
}
fs.mkdirSync(path.join(root, 'bench', 'results'), { recursive: true });
const out = { date: new Date().toISOString(), node: process.version, smoke, rows };
fs.writeFileSync(path.join(root, 'bench', 'results', smoke ? 'smoke.json' : 'latest.json'), `${JSON.stringify(out, null, 2)}\n`);
