// Issue 17 bench: a generated per-ecosystem OSV export (a ZIP of one JSON record per advisory,
// ZIP64 when it has more than 65 535 entries) and a CycloneDX SBOM of 2 000 npm components,
// matched through the real engine bundle. One process per phase, so each phase's peak RSS is
// its own:
//   node bench/vulns.mjs gen MB DIR     write DIR/osv/all.zip (≈ MB on disk) and DIR/bom.json
//   node bench/vulns.mjs build DIR      cold: the index is built (and written beside the data)
//   node bench/vulns.mjs warm DIR       warm: the index read from .cyberdossier-cache/, 2 000 matched
// Each phase prints one JSON line: { ms, peakRssMb, ... }.
//   node bench/vulns.mjs suite [--size 2g|200m] [--dir DIR]
//                                       all three, each in its own process (gen only when DIR has no
//                                       export yet; default DIR bench/.generated/vulns-SIZE); warm ×3.
//                                       `npm run bench -- vulns --size 2g` runs this.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeOsvExport, writeSbom } from './osv-export.mjs';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const require = createRequire(import.meta.url);
const [phase, a, b] = process.argv.slice(2);
const COMPONENTS = 2000;

function gen(mb, dir) {
  fs.mkdirSync(path.join(dir, 'osv'), { recursive: true });
  const file = path.join(dir, 'osv', 'all.zip');
  const t0 = performance.now();
  const progress = (bytes, n) => process.stderr.write(`[vulns] ${(bytes / 1024 / 1024).toFixed(0)} MB, ${n} records\n`);
  const w = writeOsvExport(file, mb * 1024 * 1024, { progress: mb >= 512 ? progress : undefined });
  const components = writeSbom(path.join(dir, 'bom.json'), COMPONENTS);
  return { ms: performance.now() - t0, ...w, components };
}

function phaseRun(dir, cold) {
  const { loadFeed, matchComponents } = require(path.join(root, 'server/out/engine.js'));
  const { nodeHost } = require(path.join(root, 'server/out/engine.js'));
  if (cold) fs.rmSync(path.join(dir, 'osv', '.cyberdossier-cache'), { recursive: true, force: true });
  const bom = JSON.parse(fs.readFileSync(path.join(dir, 'bom.json'), 'utf8'));
  const comps = bom.components.map((c) => ({ name: c.name, version: c.version, purl: c.purl }));
  const t0 = performance.now();
  const feed = loadFeed(nodeHost, { value: 'osv/all.zip' }, { base: dir, roots: [] });
  const tLoad = performance.now() - t0;
  if (!feed.ok) throw new Error(JSON.stringify(feed));
  const t1 = performance.now();
  const found = matchComponents(comps, [feed]);
  const tMatch = performance.now() - t1;
  return { ms: tLoad + tMatch, loadMs: tLoad, matchMs: tMatch, cache: feed.cache, records: feed.index.count, matches: found.length, peakRssMb: process.resourceUsage().maxRSS / 1024 };
}

/** `2g`, `200m`, `2048` (MB) → MB. */
function sizeMb(v) {
  const m = /^(\d+(?:\.\d+)?)([gm]?)b?$/i.exec(String(v ?? '200m'));
  if (!m) throw new Error(`--size: expected e.g. 2g or 200m, got ${v}`);
  return Math.round(Number(m[1]) * (m[2].toLowerCase() === 'g' ? 1024 : 1));
}

function suite(argv) {
  const opt = (name) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : argv.find((x) => x.startsWith(`${name}=`))?.split('=')[1];
  };
  const mb = sizeMb(opt('--size'));
  const dir = path.resolve(opt('--dir') ?? path.join(root, 'bench', '.generated', `vulns-${mb}mb`));
  const self = new URL(import.meta.url).pathname;
  const run = (...a) => {
    const r = spawnSync(process.execPath, ['--max-old-space-size=4096', self, ...a], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 });
    if (r.status !== 0) throw new Error(`bench/vulns.mjs ${a[0]} failed (${r.status})`);
    return JSON.parse(r.stdout.trim().split('\n').pop());
  };
  const meta = path.join(dir, 'generated.json');
  if (!fs.existsSync(path.join(dir, 'osv', 'all.zip')) || !fs.existsSync(meta)) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(meta, JSON.stringify(run('gen', String(mb), dir)));
  }
  const g = JSON.parse(fs.readFileSync(meta, 'utf8'));
  const build = run('build', dir);
  const warm = [run('warm', dir), run('warm', dir), run('warm', dir)].sort((x, y) => x.ms - y.ms);
  return { sizeMb: mb, dir, zipBytes: g.zipBytes, records: g.records, build, warm, warmMedian: warm[1] };
}

let out;
if (phase === 'suite') out = suite(process.argv.slice(3));
else if (phase === 'gen') out = gen(Number(a), b);
else if (phase === 'build') out = phaseRun(a, true);
else if (phase === 'warm') out = phaseRun(a, false);
else throw new Error('usage: node bench/vulns.mjs gen MB DIR | build DIR | warm DIR | suite [--size 2g] [--dir DIR]');
console.log(JSON.stringify(out));
