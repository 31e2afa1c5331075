// The store's zip path and its in-memory index: a zip export with many entries is read through
// the sliced central directory (forEachZipEntry), entry by entry — no read is larger than a
// directory slice or one entry, whatever the archive's size; the entry cap of the directory is a
// clear error; a change reported for a path through a link drops the index of the real path.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { nodeHost, type Host, type RandomAccessFile } from '../../server/src/engine/host';
import { matchComponents } from '../../server/src/vulns/match';
import { clearFeedMemory, forgetFeeds, loadFeed, type LoadedFeed } from '../../server/src/vulns/store';
import { MAX_ENTRIES } from '../../server/src/vulns/zip';
import { JQUERY_OSV, json, tmpTree, zipClaimingEntries, zipOf } from './fixtures';

const dirs: string[] = [];
afterEach(() => {
  clearFeedMemory();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** nodeHost, with every positional read of the feed files recorded. */
function recordingHost(): { host: Host; reads: { file: string; length: number }[] } {
  const reads: { file: string; length: number }[] = [];
  const host: Host = {
    ...nodeHost,
    openRandom(p) {
      const rf = nodeHost.openRandom!(p);
      if (!rf) return undefined;
      const wrapped: RandomAccessFile = {
        size: rf.size,
        mtimeMs: rf.mtimeMs,
        read: (pos, len) => {
          const b = rf.read(pos, len);
          reads.push({ file: path.basename(p), length: b.length });
          return b;
        },
        close: () => rf.close(),
      };
      return wrapped;
    },
  };
  return { host, reads };
}

/** A small OSV record of an unrelated npm package `pkg-N`. */
const filler = (n: number) => JSON.stringify({ id: `GHSA-fill-${n.toString(36).padStart(4, '0')}-0000`, modified: '2024-06-01T00:00:00Z', aliases: [`CVE-2099-${100000 + n}`], affected: [{ package: { ecosystem: 'npm', name: `pkg-${n}` }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: `${(n % 9) + 1}.0.0` }] }] }] });

describe('a zip export with many entries', () => {
  test('30 000 entries with long names: indexed entry by entry; no read larger than a directory slice; the real records match', () => {
    const N = 30_000;
    const entries: Record<string, string> = {};
    for (let i = 0; i < N; i++) entries[`osv/npm/advisories/github-reviewed/2024/06/npm-packages-without-a-scope-and-their-advisories/GHSA-fill-${String(i).padStart(6, '0')}/GHSA-fill-${String(i).padStart(6, '0')}.json`] = filler(i);
    for (const r of JQUERY_OSV) entries[`advisories/${r.id}.json`] = json(r);
    // Stored (the deflated path is tested with the real records): the test is about the directory.
    const zip = zipOf(entries, { stored: true });
    const dir = tmpTree({ 'osv/all.zip': zip });
    dirs.push(dir);
    const { host, reads } = recordingHost();
    const t0 = performance.now();
    const feed = loadFeed(host, { value: 'osv/all.zip' }, { base: dir, roots: [dir] }, { writeCache: false });
    const ms = performance.now() - t0;
    expect(feed.ok, JSON.stringify(feed)).toBe(true);
    const f = feed as LoadedFeed;
    expect(f.kinds).toEqual(['osv-zip']);
    expect(f.index.count).toBe(N + JQUERY_OSV.length);
    // The central directory alone is over 4 MB: it was read in slices of at most 4 MB, and the
    // entries one by one — never the archive whole.
    const cd = zip.length - zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    expect(cd).toBeGreaterThan(4 * 1024 * 1024);
    const largest = Math.max(...reads.filter((r) => r.file === 'all.zip').map((r) => r.length));
    expect(largest).toBeLessThanOrEqual(4 * 1024 * 1024);
    expect(largest).toBeLessThan(zip.length / 4);
    const found = matchComponents([{ name: 'jQuery', version: '3.1.1', purl: 'pkg:npm/jquery@3.1.1' }, { name: 'pkg-7', version: '7.5.0', purl: 'pkg:npm/pkg-7@7.5.0' }], [f]);
    expect(found.map((v) => `${v.component.name} ${v.id}`).sort()).toEqual(['jQuery CVE-2019-11358', 'jQuery CVE-2020-11022', 'jQuery CVE-2020-11023', 'pkg-7 CVE-2099-100007']);
    expect(ms).toBeLessThan(60_000);
  });

  test(`a directory that claims more than ${MAX_ENTRIES} entries is refused before any entry is read`, () => {
    const dir = tmpTree({ 'osv/all.zip': zipClaimingEntries({ 'a.json': json(JQUERY_OSV[0]) }, MAX_ENTRIES + 1) });
    dirs.push(dir);
    const { host, reads } = recordingHost();
    const feed = loadFeed(host, { value: 'osv/all.zip' }, { base: dir, roots: [dir] }, { writeCache: false });
    expect(feed).toMatchObject({ ok: false, problem: 'invalid', message: { en: `not a readable ZIP file: more than ${MAX_ENTRIES} entries` } });
    // The signature's first 64 KB and the tail with the end records: nothing of the directory.
    expect(reads.every((r) => r.length <= 65_557)).toBe(true);
  });
});

describe('forgetFeeds', () => {
  test('a change reported through a link to the data (the editor watches the path as configured) drops the real entry', () => {
    const dir = tmpTree({ 'real/osv/a.json': json(JQUERY_OSV[0]) });
    dirs.push(dir);
    fs.symlinkSync(path.join(dir, 'real'), path.join(dir, 'via-link'));
    const load = () => loadFeed(nodeHost, { value: 'real/osv' }, { base: dir, roots: [dir] }, { writeCache: false });
    expect(load()).toMatchObject({ ok: true, cache: 'built' });
    expect(load()).toMatchObject({ ok: true, cache: 'memory' });
    expect(forgetFeeds([path.join(dir, 'elsewhere', 'a.json')])).toBe(0);
    // A file deleted under the link: its parent is resolved.
    expect(forgetFeeds([path.join(dir, 'via-link', 'osv', 'gone.json')])).toBe(1);
    expect(load()).toMatchObject({ ok: true, cache: 'built' });
  });
});
