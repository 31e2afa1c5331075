// Hostile vulnerability data: malformed, deeply nested, huge, a zip bomb, a FIFO, a path outside.
// Each is a clear config-invalid on the rc entry (line and column where there are some, never
// the file's bytes), in bounded time; nothing hangs, nothing is written outside.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import * as zlib from 'node:zlib';
import { afterEach, describe, expect, test } from 'vitest';
import { Engine } from '../../server/src/engine/engine';
import { nodeHost, type RandomAccessFile } from '../../server/src/engine/host';
import { streamJson, parseJsonText, MAX_DEPTH } from '../../server/src/vulns/json';
import { clearFeedMemory } from '../../server/src/vulns/store';
import { FeedError } from '../../server/src/vulns/types';
import { zipEntries, zipEntryData } from '../../server/src/vulns/zip';
import { COUNT, json, researchReport, SBOM, tmpTree, zipOf, JQUERY_OSV } from './fixtures';
import { sbomReader } from '../../server/src/sbom';

const dirs: string[] = [];
afterEach(() => {
  clearFeedMemory();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** The config-invalid findings of a check with one feed entry `value`. */
function invalid(files: Record<string, string | Buffer>, value: string) {
  const dir = tmpTree({ 'bom.json': json(SBOM), '.cyberdossierrc.yaml': `sbom: bom.json\nvulnerabilities:\n  - ${value}\n`, 'doc.md': researchReport(COUNT([0, 0, 0, 0])), ...files });
  dirs.push(dir);
  const t0 = performance.now();
  const r = new Engine({ sbom: sbomReader, host: nodeHost, roots: () => [dir] }).check({ files: [path.join(dir, 'doc.md')], folders: [] });
  const ms = performance.now() - t0;
  const found = r.reports.flatMap((x) => x.diagnostics.filter((d) => d.code === 'config-invalid' || d.code.startsWith('known-')).map((d) => ({ file: path.relative(dir, x.path), line: d.range.start.line + 1, code: d.code, data: d.data, en: d.message.en })));
  return { found, ms, dir };
}

const buf = (b: Buffer): RandomAccessFile => ({ size: b.length, mtimeMs: 0, read: (p, n) => b.subarray(p, p + n), close: () => undefined });

describe('malformed', () => {
  test('broken JSON: line and column, not the bytes', () => {
    const { found } = invalid({ 'v/bad.json': '{\n  "id": "GHSA-xxxx",\n  "affected": [ SECRET-TOKEN ]\n}\n' }, 'v/bad.json');
    expect(found).toEqual([{ file: '.cyberdossierrc.yaml', line: 3, code: 'config-invalid', data: { key: 'vulnerabilities', path: 'v/bad.json', problem: 'invalid', line: 3, column: 17 }, en: 'The vulnerability data v/bad.json named by vulnerabilities cannot be used: not valid JSON at line 3, column 17. Known vulnerabilities were not assessed against it' }]);
    expect(JSON.stringify(found)).not.toContain('SECRET');
  });

  test('JSON that is no vulnerability data; a broken file inside a folder names the file', () => {
    expect(invalid({ 'v/x.json': '{"hello": "world"}' }, 'v/x.json').found[0].en).toMatch(/not recognised vulnerability data: expected OSV JSON/);
    const f = invalid({ 'v/osv/a.json': json(JQUERY_OSV[0]), 'v/osv/b.json': '[1, 2' }, 'v/osv').found[0];
    expect(f.data).toMatchObject({ problem: 'invalid', file: 'b.json', line: 1 });
    expect(f.en).toContain('v/osv (b.json)');
  });

  test('the streamed reader: an element that is not an object, a bracket that does not close, trailing garbage', () => {
    const run = (s: string) => {
      try {
        streamJson(buf(Buffer.from(s)), { arrayKey: 'vulnerabilities', onElement: () => undefined });
        return 'ok';
      } catch (e) {
        return e instanceof FeedError ? e.plain.en : String(e);
      }
    };
    expect(run('{"format":"NVD_CVE","vulnerabilities":[{"cve":{"id":"CVE-1"}},\n {"cve": {"id": }}]}')).toBe('not valid JSON at line 2, column 17');
    expect(run('{"vulnerabilities":[1,2]}')).toBe('line 1, column 21: the array\u2019s elements must be objects'.replace('\u2019', "'"));
    expect(run('{"vulnerabilities":[{"a":[}]}')).toBe('not valid JSON at line 1, column 27');
    expect(run('{"vulnerabilities":[]} x')).toBe('not valid JSON at line 1, column 24');
    expect(run('{"vulnerabilities":[{"a":1}]')).toBe('not valid JSON at line 1, column 29');
    const seen: unknown[] = [];
    const top = streamJson(buf(Buffer.from('\ufeff{"timestamp":"2024-12-01T00:00:00","vulnerabilities":[{"a":"]}"},{"b":[1,{"c":"\\"}"}]}],"n":3}')), { arrayKey: 'vulnerabilities', onElement: (v) => seen.push(v) });
    expect(seen).toEqual([{ a: ']}' }, { b: [1, { c: '"}' }] }]);
    expect(top).toEqual({ timestamp: '2024-12-01T00:00:00', n: 3 });
  });
});

describe('deeply nested', () => {
  test(`more than ${MAX_DEPTH} levels: refused at the offending bracket, fast, whole or streamed`, () => {
    const deep = `{"id":"X","affected":${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
    const { found, ms } = invalid({ 'v/deep.json': deep }, 'v/deep.json');
    expect(found[0].en).toContain(`JSON nested deeper than ${MAX_DEPTH} levels at line 1, column ${22 + MAX_DEPTH - 1}`);
    expect(ms).toBeLessThan(5000);
    expect(() => streamJson(buf(Buffer.from(`{"vulnerabilities":[${'{"a":'.repeat(100)}1${'}'.repeat(100)}]}`)), { arrayKey: 'vulnerabilities', onElement: () => undefined })).toThrow(/nested deeper/);
    expect(() => parseJsonText('['.repeat(65))).toThrow(/nested deeper than 64 levels at line 1, column 65/);
  });
});

describe('huge', () => {
  test('a streamed record over the element cap is refused without being parsed', () => {
    const big = Buffer.from(`{"vulnerabilities":[{"cve":{"id":"CVE-1","descriptions":[{"lang":"en","value":"${'A'.repeat(3 * 1024 * 1024)}"}]}}]}`);
    const t0 = performance.now();
    expect(() => streamJson(buf(big), { arrayKey: 'vulnerabilities', onElement: () => undefined, maxElementBytes: 1024 * 1024 })).toThrow(/a record is larger than 1 MB \(line 1\)/);
    expect(performance.now() - t0).toBeLessThan(3000);
  });

  test('a zip bomb: an entry that inflates past the cap whatever its header says', () => {
    const zeros = Buffer.alloc(40 * 1024 * 1024);
    const z = zipOf({ 'bomb.json': zeros });
    expect(z.length).toBeLessThan(200 * 1024);
    // The header lies: it declares a small entry.
    const lying = Buffer.from(z);
    const cd = lying.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    lying.writeUInt32LE(100, cd + 24);
    const t0 = performance.now();
    const { found } = invalid({ 'v/all.zip': lying }, 'v/all.zip');
    expect(found[0].en).toContain('not a readable ZIP file: entry bomb.json inflates to more than 16 MB');
    expect(performance.now() - t0).toBeLessThan(5000);
  });

  test('a broken archive, an encrypted entry, an unknown method: clear errors', () => {
    expect(invalid({ 'v/all.zip': Buffer.from('PK\u0003\u0004 not really a zip') }, 'v/all.zip').found[0].en).toContain('not a readable ZIP file: no end of central directory');
    const z = zipOf({ 'a.json': json(JQUERY_OSV[0]) }, { stored: true });
    const cd = z.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    const enc = Buffer.from(z);
    enc.writeUInt16LE(1, cd + 8);
    expect(() => zipEntryData(buf(enc), zipEntries(buf(enc))[0])).toThrow(/entry a\.json is encrypted/);
    const m = Buffer.from(z);
    m.writeUInt16LE(12, cd + 10);
    expect(() => zipEntryData(buf(m), zipEntries(buf(m))[0])).toThrow(/compression method 12/);
  });

  test('a per-ecosystem OSV export (deflated entries) is read entry by entry', () => {
    const z = zipOf(Object.fromEntries(JQUERY_OSV.map((r) => [`${r.id}.json`, json(r)])));
    const { found } = invalid({ 'v/npm/all.zip': z }, 'v/npm/all.zip');
    expect(found.filter((f) => f.code === 'known-vulnerability-unaddressed').map((f) => f.data.vulnerability)).toEqual(['CVE-2019-11358', 'CVE-2020-11022', 'CVE-2020-11023']);
    expect(found.some((f) => f.code === 'config-invalid')).toBe(false);
    expect(zlib.inflateRawSync(zlib.deflateRawSync(Buffer.from('x'))).toString()).toBe('x');
  });
});

describe('not a file, outside, a URL', () => {
  test('a FIFO named directly is refused unopened; a FIFO inside a folder is skipped', () => {
    const dir = tmpTree({ 'bom.json': json(SBOM), 'v/osv/a.json': json(JQUERY_OSV[0]), '.cyberdossierrc.yaml': 'sbom: bom.json\nvulnerabilities:\n  - v/fifo.json\n  - v/osv\n', 'doc.md': researchReport(COUNT([0, 0, 0, 0])) });
    dirs.push(dir);
    execFileSync('mkfifo', [path.join(dir, 'v/fifo.json')]);
    execFileSync('mkfifo', [path.join(dir, 'v/osv/fifo.json')]);
    const t0 = performance.now();
    const out = new Engine({ sbom: sbomReader, host: nodeHost, roots: () => [dir] }).check({ files: [path.join(dir, 'doc.md')], folders: [] }).reports.flatMap((x) => x.diagnostics.filter((d) => d.code === 'config-invalid' || d.code.startsWith('known-')));
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(out.filter((d) => d.code === 'config-invalid').map((d) => d.data)).toEqual([{ key: 'vulnerabilities', path: 'v/fifo.json', problem: 'not-a-file' }]);
    expect(out.filter((d) => d.code === 'known-vulnerability-unaddressed').map((d) => d.data.vulnerability)).toEqual(['CVE-2020-11023']);
  });

  test('a path that leads outside (directly or through a link) is refused; a URL is refused by the configuration', () => {
    const outside = tmpTree({ 'osv.json': json(JQUERY_OSV[0]) });
    dirs.push(outside);
    const a = invalid({}, `${outside}/osv.json`);
    expect(a.found.map((f) => f.data.problem)).toEqual(['outside']);
    fs.symlinkSync(outside, path.join(a.dir, 'linked'));
    fs.writeFileSync(path.join(a.dir, '.cyberdossierrc.yaml'), 'sbom: bom.json\nvulnerabilities:\n  - linked/osv.json\n  - https://osv-vulnerabilities.storage.googleapis.com/npm/all.zip\n');
    const out = new Engine({ sbom: sbomReader, host: nodeHost, roots: () => [a.dir] }).check({ files: [path.join(a.dir, 'doc.md')], folders: [] }).reports.flatMap((x) => x.diagnostics.filter((d) => d.code === 'config-invalid'));
    expect(out.map((d) => [d.range.start.line + 1, d.data.problem ?? d.data.key])).toEqual([
      [3, 'outside'],
      [4, 'vulnerabilities'],
    ]);
    expect(out[1].message.en).toContain('not URLs (the checker never goes online)');
    expect(fs.readdirSync(outside)).toEqual(['osv.json']);
  });

  test('Restricted Mode: vulnerabilities is not applied (an info on the key), nothing is read', () => {
    const dir = tmpTree({ 'v/bad.json': '{', '.cyberdossierrc.yaml': 'vulnerabilities:\n  - v/bad.json\n', 'doc.md': researchReport(COUNT([0, 0, 0, 0])) });
    dirs.push(dir);
    const out = new Engine({ sbom: sbomReader, host: nodeHost, roots: () => [dir], restricted: () => true }).check({ files: [path.join(dir, 'doc.md')], folders: [] }).reports.flatMap((x) => x.diagnostics.filter((d) => d.code === 'config-invalid'));
    expect(out.map((d) => [d.severity, d.data])).toEqual([['info', { key: 'vulnerabilities', restricted: true }]]);
  });
});
