// Version semantics and range edge cases: SemVer, PEP 440, Debian, the generic (CPE) order; OSV
// events (introduced / fixed / last_affected / limit, `versions` lists, unsorted events); NVD
// CPE bounds (including / excluding); CVSS v3.1 base scores from vectors.

import { describe, expect, test } from 'vitest';
import { compareDpkg, compareGeneric, comparePep440, compareSemver, inInterval, osvIntervals, type Scheme } from '../../server/src/vulns/version';
import { cvss3BaseScore, levelOf } from '../../server/src/vulns/cvss';
import { nvdRecord, osvRecord, cve5Record } from '../../server/src/vulns/records';
import { matchComponents } from '../../server/src/vulns/match';
import type { LoadedFeed } from '../../server/src/vulns/store';
import type { VulnRecord } from '../../server/src/vulns/types';

const sorted = (cmp: (a: string, b: string) => number, list: string[]) => [...list].sort(cmp);

describe('orders', () => {
  test('SemVer 2.0: pre-releases before the release, numeric identifiers numerically, build metadata ignored', () => {
    expect(sorted(compareSemver, ['1.0.0', '1.0.0-rc.1', '1.0.0-alpha.beta', '1.0.0-beta.11', '1.0.0-alpha', '1.0.0-beta.2', '1.0.0-alpha.1', '1.0.0-beta', '0.9.9', '1.0.0+build.5'])).toEqual([
      '0.9.9',
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-alpha.beta',
      '1.0.0-beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      '1.0.0',
      '1.0.0+build.5',
    ]);
    expect(compareSemver('1.0.0', '1.0.0+build.5')).toBe(0);
    expect(compareSemver('3.10.0', '3.9.1')).toBe(1);
  });

  test('PEP 440: epochs, dev / pre / post releases, local versions, zero padding', () => {
    expect(sorted(comparePep440, ['1.0', '1.0.post1', '1.0a1', '1.0.dev1', '1.0b2', '1.0rc1', '1.0a2.dev1', '1!0.5', '0.9', '1.0+local.1', '1.0.1'])).toEqual([
      '0.9',
      '1.0.dev1',
      '1.0a1',
      '1.0a2.dev1',
      '1.0b2',
      '1.0rc1',
      '1.0',
      '1.0+local.1',
      '1.0.post1',
      '1.0.1',
      '1!0.5',
    ]);
    expect(comparePep440('1.0', '1.0.0')).toBe(0);
    expect(comparePep440('2.0.0rc1', '2.0.0c1')).toBe(0);
    expect(comparePep440('1.0-1', '1.0.post1')).toBe(0);
  });

  test('Debian: epoch, tilde before everything, letters before other signs, revision last', () => {
    expect(sorted(compareDpkg, ['1.1.1w-0+deb11u1', '1.1.1w-0+deb11u2', '1.1.1n-0+deb11u5', '1:1.0-1', '1.1.1w~rc1-1', '1.1.1w-0', '3.0.11-1~deb12u2', '3.0.11-1'])).toEqual([
      '1.1.1n-0+deb11u5',
      '1.1.1w~rc1-1',
      '1.1.1w-0',
      '1.1.1w-0+deb11u1',
      '1.1.1w-0+deb11u2',
      '3.0.11-1~deb12u2',
      '3.0.11-1',
      '1:1.0-1',
    ]);
    expect(compareDpkg('1.2.11.dfsg-2+deb11u2', '1.2.11.dfsg-2+deb11u1')).toBe(1);
  });

  test('generic (CPE): OpenSSL letter releases, missing segments first, a leading v ignored', () => {
    expect(sorted(compareGeneric, ['1.1.1w', '1.1.1', '1.1.1a', '1.1.1x', '1.1.0l', '3.0.13', 'v1.1.1v'])).toEqual(['1.1.0l', '1.1.1', '1.1.1a', 'v1.1.1v', '1.1.1w', '1.1.1x', '3.0.13']);
    expect(compareGeneric('2.0.10', '2.0.8')).toBe(1);
    expect(compareGeneric('3.45.1', '3.45.1')).toBe(0);
  });
});

describe('OSV ranges', () => {
  const hit = (events: Parameters<typeof osvIntervals>[0], v: string, scheme: Scheme = 'semver') => osvIntervals(events, scheme).some((r) => inInterval(v, r, scheme));

  test('introduced / fixed: the lower bound is in, the fix is out', () => {
    const ev = [{ introduced: '1.0.3' }, { fixed: '3.5.0' }];
    expect([hit(ev, '1.0.2'), hit(ev, '1.0.3'), hit(ev, '3.1.1'), hit(ev, '3.4.99'), hit(ev, '3.5.0'), hit(ev, '3.5.0-rc.1')]).toEqual([false, true, true, true, false, true]);
  });

  test('introduced "0" is the lowest version; last_affected is in; several intervals; unsorted events', () => {
    expect(hit([{ introduced: '0' }, { fixed: '3.4.0' }], '0.0.1')).toBe(true);
    const la = [{ introduced: '2.0.0' }, { last_affected: '2.0.8' }];
    expect([hit(la, '2.0.8'), hit(la, '2.0.9'), hit(la, '1.9.9')]).toEqual([true, false, false]);
    const two = [{ fixed: '1.2.12' }, { introduced: '2.0.0' }, { introduced: '1.0.0' }, { fixed: '2.0.5' }];
    expect([hit(two, '1.2.11'), hit(two, '1.2.12'), hit(two, '1.9.0'), hit(two, '2.0.4'), hit(two, '2.0.5')]).toEqual([true, false, false, true, false]);
    // introduced with no end: every later version.
    expect(hit([{ introduced: '5.0.0' }], '99.0.0')).toBe(true);
  });

  test('limit caps an open range (a branch that was never fixed)', () => {
    const ev = [{ introduced: '1.0.0' }, { limit: '1.5.0' }];
    expect([hit(ev, '1.4.9'), hit(ev, '1.5.0'), hit(ev, '2.0.0')]).toEqual([true, false, false]);
  });

  test('PyPI ranges follow PEP 440: 2.0.0rc1 is before 2.0.0', () => {
    const ev = [{ introduced: '0' }, { fixed: '2.0.0' }];
    expect([hit(ev, '2.0.0rc1', 'pep440'), hit(ev, '2.0.0', 'pep440'), hit(ev, '2.0.0.post1', 'pep440')]).toEqual([true, false, false]);
  });

  test('a record: versions lists, GIT ranges ignored, the severity vector scored, withdrawn dropped', () => {
    const r = osvRecord({
      id: 'PYSEC-2099-1',
      modified: '2024-01-01T00:00:00Z',
      aliases: ['CVE-2099-0001'],
      severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }],
      affected: [{ package: { ecosystem: 'PyPI', name: 'Django_Thing' }, ranges: [{ type: 'GIT', repo: 'x', events: [{ introduced: 'abc' }] }], versions: ['1.0', '1.1'] }],
    })!;
    expect(r).toMatchObject({ id: 'CVE-2099-0001', ids: ['CVE-2099-0001', 'PYSEC-2099-1'], level: 'critical', cvss: { score: 9.8 } });
    expect(r.affected[0]).toMatchObject({ pkg: 'pypi:django-thing', scheme: 'pep440', intervals: [], versions: ['1.0', '1.1'] });
    expect(osvRecord({ id: 'X', modified: '2024-01-01', withdrawn: '2024-02-01', affected: [] })).toBeUndefined();
  });
});

describe('NVD CPE ranges and CVE 5 versions', () => {
  const feed = (records: (VulnRecord | undefined)[]): LoadedFeed => {
    const list = records.filter((r): r is VulnRecord => !!r);
    const keys = new Map<string, number[]>();
    list.forEach((r, i) => {
      for (const a of r.affected) for (const k of [a.pkg && `p:${a.pkg}`, a.cpe && `c:${a.cpe}`, ...a.names.map((n) => `n:${n}`)]) if (k) keys.set(k, [...(keys.get(k) ?? []), i]);
    });
    return { ok: true, value: 'test', path: '/t', kinds: ['nvd'], files: 1, dateSource: 'data', index: { keys, count: list.length, record: (i) => list[i] }, kev: new Map(), vex: [], cache: 'built' };
  };
  const nvd = (bounds: Record<string, string>, criteria = 'cpe:2.3:a:zlib:zlib:*:*:*:*:*:*:*:*') =>
    nvdRecord({ cve: { id: 'CVE-2099-1', vulnStatus: 'Analyzed', metrics: {}, configurations: [{ nodes: [{ operator: 'OR', cpeMatch: [{ vulnerable: true, criteria, ...bounds }] }] }] } });
  const affected = (bounds: Record<string, string>, version: string, criteria?: string) => matchComponents([{ name: 'zlib', version, cpe: 'cpe:2.3:a:zlib:zlib:*:*:*:*:*:*:*:*' }], [feed([nvd(bounds, criteria)])]).length === 1;

  test.each([
    [{ versionStartIncluding: '1.2.0', versionEndExcluding: '1.2.12' }, ['1.2.0', '1.2.11'], ['1.1.9', '1.2.12', '1.3']],
    [{ versionStartExcluding: '1.2.0', versionEndIncluding: '1.2.12' }, ['1.2.0.1', '1.2.12'], ['1.2.0', '1.2.13']],
    [{ versionEndExcluding: '1.2.12' }, ['0.9', '1.2.11'], ['1.2.12']],
    [{ versionStartIncluding: '1.3' }, ['1.3', '1.3.1'], ['1.2.13']],
  ])('%j', (bounds, inside, outside) => {
    for (const v of inside) expect(affected(bounds, v), v).toBe(true);
    for (const v of outside) expect(affected(bounds, v), v).toBe(false);
  });

  test('an exact CPE version matches that version only; a vulnerable:false match (the platform) never', () => {
    expect(affected({}, '1.2.11', 'cpe:2.3:a:zlib:zlib:1.2.11:*:*:*:*:*:*:*')).toBe(true);
    expect(affected({}, '1.2.12', 'cpe:2.3:a:zlib:zlib:1.2.11:*:*:*:*:*:*:*')).toBe(false);
    const platform = nvdRecord({ cve: { id: 'CVE-2099-2', configurations: [{ nodes: [{ operator: 'AND', cpeMatch: [{ vulnerable: false, criteria: 'cpe:2.3:a:zlib:zlib:*:*:*:*:*:*:*:*' }] }] }] } });
    expect(platform?.affected).toEqual([]);
  });

  test('CVE 5: version + lessThan / lessThanOrEqual, unaffected entries skipped, vendor/product as CPE and name keys', () => {
    const r = cve5Record({
      dataType: 'CVE_RECORD',
      cveMetadata: { cveId: 'CVE-2099-3', state: 'PUBLISHED', dateUpdated: '2024-08-02T00:00:00Z' },
      containers: {
        cna: {
          affected: [
            {
              vendor: 'SQLite',
              product: 'SQLite',
              versions: [
                { version: '3.44.0', lessThan: '3.49.1', status: 'affected', versionType: 'custom' },
                { version: '3.0', lessThanOrEqual: '3.2', status: 'affected' },
                { version: '3.49.1', status: 'unaffected' },
              ],
            },
          ],
        },
      },
    })!;
    expect(r.affected[0]).toMatchObject({ cpe: 'sqlite:sqlite', names: ['sqlite'], intervals: [{ from: '3.44.0', to: '3.49.1' }, { from: '3.0', to: '3.2', toIncl: true }] });
    const m = (v: string) => matchComponents([{ name: 'SQLite', version: v }], [feed([r])]).length;
    expect([m('3.45.1'), m('3.49.1'), m('3.2'), m('3.2.1')]).toEqual([1, 0, 1, 0]);
  });
});

describe('CVSS v3.1 base scores', () => {
  test.each([
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 9.8, 'critical'],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N', 6.1, 'medium'],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H', 7.5, 'high'],
    ['CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:N/I:N/A:H', 5.5, 'medium'],
    ['CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:N/A:L', 3.7, 'low'],
    ['CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H', 9.9, 'critical'],
    ['CVSS:3.0/AV:P/AC:H/PR:H/UI:R/S:U/C:N/I:N/A:N', 0, 'none'],
  ] as const)('%s → %s', (vector, score, level) => {
    const c = cvss3BaseScore(vector);
    expect(c?.score).toBe(score);
    expect(levelOf(c!.score)).toBe(level);
  });

  test('not a v3 vector: undefined', () => {
    expect(cvss3BaseScore('AV:N/AC:L/Au:N/C:P/I:P/A:P')).toBeUndefined();
    expect(cvss3BaseScore('CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H')).toBeUndefined();
  });
});
