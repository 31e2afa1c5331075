// Issue 17 bench: a generated per-ecosystem OSV export (a ZIP of one JSON record per advisory,
// ZIP64 when it has more than 65 535 entries) and a CycloneDX SBOM of 2 000 npm components,
// matched through the real engine bundle. One process per phase, so each phase's peak RSS is
// its own:
//   node bench/vulns.mjs gen MB DIR     write DIR/osv/all.zip (≈ MB on disk) and DIR/bom.json
//   node bench/vulns.mjs build DIR      cold: the index is built (and written beside the data)
//   node bench/vulns.mjs warm DIR       warm: the index read from .cyberdossier-cache/, 2 000 matched
// Each phase prints one JSON line: { ms, peakRssMb, ... }.

import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const require = createRequire(import.meta.url);
const [phase, a, b] = process.argv.slice(2);
const COMPONENTS = 2000;
const PACKAGES = 20000;

/** A deterministic pseudo-random stream (text that compresses like real advisories, not like zeros). */
function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
}
const WORDS = 'a an the of in to when via allows remote attackers cause denial service crafted input buffer overflow prototype pollution cross site scripting injection parser function untrusted memory corruption heap stack read write bypass authentication validation improper sanitisation'.split(' ');

function record(i, r) {
  const pkg = `pkg-${i % PACKAGES}`;
  const major = 1 + Math.floor(r() * 5);
  const fixed = `${major}.${Math.floor(r() * 10)}.${Math.floor(r() * 20)}`;
  const details = Array.from({ length: 120 + Math.floor(r() * 200) }, () => WORDS[Math.floor(r() * WORDS.length)]).join(' ');
  const id = `GHSA-${(i * 7919).toString(36).padStart(4, '0').slice(-4)}-${(i * 104729).toString(36).padStart(4, '0').slice(-4)}-${i.toString(36).padStart(4, '0')}`;
  return {
    schema_version: '1.6.0',
    id,
    modified: '2024-11-05T12:00:00Z',
    published: '2022-03-01T00:00:00Z',
    aliases: [`CVE-${2015 + (i % 10)}-${10000 + i}`],
    summary: `${pkg}: ${WORDS[i % WORDS.length]} vulnerability`,
    details,
    severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N' }],
    affected: [{ package: { ecosystem: 'npm', name: pkg, purl: `pkg:npm/${pkg}` }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed }] }], database_specific: { source: 'bench' } }],
    references: [{ type: 'ADVISORY', url: `https://nvd.nist.gov/vuln/detail/CVE-${2015 + (i % 10)}-${10000 + i}` }],
    database_specific: { cwe_ids: ['CWE-79'], severity: 'MODERATE', github_reviewed: true },
  };
}

function gen(mb, dir) {
  fs.mkdirSync(path.join(dir, 'osv'), { recursive: true });
  const file = path.join(dir, 'osv', 'all.zip');
  const fd = fs.openSync(file, 'w');
  const central = [];
  let offset = 0;
  let count = 0;
  const r = rng(17);
  const target = mb * 1024 * 1024;
  const t0 = performance.now();
  let raw = 0;
  while (offset < target) {
    const data = Buffer.from(JSON.stringify(record(count, r)));
    raw += data.length;
    const comp = zlib.deflateRawSync(data, { level: 6 });
    const name = Buffer.from(`advisory-${count}.json`);
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(8, 8);
    lh.writeUInt32LE(zlib.crc32 ? zlib.crc32(data) >>> 0 : 0, 14);
    lh.writeUInt32LE(comp.length, 18);
    lh.writeUInt32LE(data.length, 22);
    lh.writeUInt16LE(name.length, 26);
    fs.writeSync(fd, Buffer.concat([lh, name, comp]));
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(45, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(8, 10);
    lh.copy(ch, 16, 14, 26); // crc, sizes
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(offset, 42);
    central.push(ch, name);
    offset += 30 + name.length + comp.length;
    count++;
  }
  const cd = Buffer.concat(central);
  const cdOffset = offset;
  fs.writeSync(fd, cd);
  // ZIP64 end record and locator (the entry count does not fit 16 bits), then the classic end record.
  const z64 = Buffer.alloc(56);
  z64.writeUInt32LE(0x06064b50, 0);
  z64.writeBigUInt64LE(44n, 4);
  z64.writeUInt16LE(45, 12);
  z64.writeUInt16LE(45, 14);
  z64.writeBigUInt64LE(BigInt(count), 24);
  z64.writeBigUInt64LE(BigInt(count), 32);
  z64.writeBigUInt64LE(BigInt(cd.length), 40);
  z64.writeBigUInt64LE(BigInt(cdOffset), 48);
  const loc = Buffer.alloc(20);
  loc.writeUInt32LE(0x07064b50, 0);
  loc.writeBigUInt64LE(BigInt(cdOffset + cd.length), 8);
  loc.writeUInt32LE(1, 16);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(count, 0xffff), 8);
  end.writeUInt16LE(Math.min(count, 0xffff), 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(Math.min(cdOffset, 0xffffffff), 16);
  if (count > 0xffff) {
    end.writeUInt16LE(0xffff, 8);
    end.writeUInt16LE(0xffff, 10);
  }
  fs.writeSync(fd, Buffer.concat([z64, loc, end]));
  fs.closeSync(fd);
  // 2 000 components, every tenth package; versions below and above the fixes.
  const components = Array.from({ length: COMPONENTS }, (_, k) => {
    const name = `pkg-${(k * 10) % PACKAGES}`;
    const version = `${1 + (k % 6)}.${k % 10}.${k % 7}`;
    return { type: 'library', 'bom-ref': `c${k}`, name, version, purl: `pkg:npm/${name}@${version}`, supplier: { name: 'bench' } };
  });
  fs.writeFileSync(path.join(dir, 'bom.json'), JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.5', version: 1, components }));
  return { ms: performance.now() - t0, zipBytes: fs.statSync(file).size, rawBytes: raw, records: count, components: COMPONENTS };
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

let out;
if (phase === 'gen') out = gen(Number(a), b);
else if (phase === 'build') out = phaseRun(a, true);
else if (phase === 'warm') out = phaseRun(a, false);
else throw new Error('usage: node bench/vulns.mjs gen MB DIR | build DIR | warm DIR');
console.log(JSON.stringify(out));
