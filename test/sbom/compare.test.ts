// The dossier's OTS table against the SBOM (what the engine will report as inconsistent-fact),
// and reading an SBOM through the engine's Host (the language server's overlay included).

import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { overlayHost } from '../../server/src/engine/host';
import { analyzeChunk } from '../../server/src/engine/parse';
import { clearSbomCache, compareOtsTable, loadConfiguredSbom, loadSbom, normalizeVersion, renderOtsTable, unionComponents, rowsFromTable, sameVendor, sameVersion, type SbomComponent } from '../../server/src/sbom';
import { fixture } from '../fixtures';
import { memHost, ROOT } from '../helpers';
import { sbom, sbomText } from './helpers';

const comp = (name: string, version?: string, extra: Partial<SbomComponent> = {}): SbomComponent => ({ name, ...(version ? { version } : {}), vendor: 'ACME', licenses: [], flags: [], ...extra });
const row = (name: string, version = '', vendor = 'ACME') => ({ name, version, vendor });

/** The D1.6 table of a dossier file, as the engine's parser sees it. */
function otsTableOf(markdown: string) {
  const tables = analyzeChunk(markdown).tables;
  const t = tables.find((x) => x.header.some((c) => c.run.text.includes('供应商')) && !x.header.some((c) => c.run.text.includes('运行环境')));
  if (!t) throw new Error('no OTS table');
  return t;
}

describe('compareOtsTable', () => {
  test('the 2017 example dossier against a newer SBOM: an upgraded OS and SQLite, a runtime swapped, components not yet listed', () => {
    const rows = rowsFromTable(otsTableOf(fixture('nmpa-2017/description-full.md')));
    expect(rows.map((r) => `${r.name} ${r.version}`)).toEqual(['Windows 10 IoT Enterprise LTSC 10.0.17763.5329', '.NET Framework 4.8.04084', 'SQLite 3.42.0', 'OpenSSL 3.0.13']);
    const m = compareOtsTable(rows, sbom('cyclonedx-1.4.json').components, { sbomName: 'bom.json' });
    expect(m.map((x) => `${x.kind}: ${x.message.zh}`)).toMatchInlineSnapshot(`
      [
        "version-differs: “Windows 10 IoT Enterprise LTSC”的版本在现成软件表格中为“10.0.17763.5329”，SBOM（bom.json） 中为“10.0.19044.3086”",
        "not-in-sbom: 现成软件表格中的“.NET Framework 4.8.04084”不在 SBOM（bom.json） 中：补充到 SBOM，或从表格中删除",
        "version-differs: “SQLite”的版本在现成软件表格中为“3.42.0”，SBOM（bom.json） 中为“3.45.1”",
        "missing-from-table: SBOM（bom.json） 列出的“.NET Runtime 6.0.25”不在现成软件表格中",
        "missing-from-table: SBOM（bom.json） 列出的“DCMTK 3.6.8”不在现成软件表格中",
        "missing-from-table: SBOM（bom.json） 列出的“libcurl 8.6.0”不在现成软件表格中",
        "missing-from-table: SBOM（bom.json） 列出的“NLog 5.x”不在现成软件表格中",
        "missing-from-table: SBOM（bom.json） 列出的“protobuf 3.21.12”不在现成软件表格中",
        "missing-from-table: SBOM（bom.json） 列出的“Qt 5.15.2”不在现成软件表格中",
        "missing-from-table: SBOM（bom.json） 列出的“zlib 1.3.1”不在现成软件表格中",
      ]
    `);
    expect(m[0]).toMatchObject({ kind: 'version-differs', index: 0, tableVersion: '10.0.17763.5329', sbomVersion: '10.0.19044.3086', row: { rowIndex: 0 } });
    expect(m[0].message.en).toBe('The version of “Windows 10 IoT Enterprise LTSC” is “10.0.17763.5329” in the off-the-shelf software table but “10.0.19044.3086” in the SBOM (bom.json)');
  });
  test('a table generated from the SBOM matches it exactly', () => {
    const doc = sbom('spdx-2.3.json');
    const rows = rowsFromTable(analyzeChunk(renderOtsTable(doc.components, 'zh-CN')).tables[0]);
    expect(rows).toHaveLength(doc.components.length);
    expect(compareOtsTable(rows, doc.components)).toEqual([]);
  });
  test('several SBOMs of one device: their union, deduplicated across them', () => {
    const a = sbom('cyclonedx-1.5.json').components;
    const b = sbom('cyclonedx-1.6.json').components;
    const all = unionComponents([a, b]);
    expect(all).toHaveLength(a.length + b.length - 1); // OpenSSL 3.0.13 is in both
    expect(all.filter((c) => c.name === 'OpenSSL')).toHaveLength(1);
    expect(a.find((c) => c.name === 'OpenSSL')!.flags).toEqual([]);
    const rows = rowsFromTable(analyzeChunk(renderOtsTable(all, 'zh-CN')).tables[0]);
    expect(compareOtsTable(rows, all)).toEqual([]);
  });
  test('versions: trimmed, NFKC, a leading v; a build suffix in brackets', () => {
    expect(normalizeVersion(' V3.0.13 ')).toBe('3.0.13');
    expect(normalizeVersion('３．０．１３')).toBe('3.0.13');
    expect(normalizeVersion('版本 2.5.1')).toBe('2.5.1');
    expect(sameVersion('v3.0.13', '3.0.13')).toBe(true);
    expect(sameVersion('10.0.19044.3086 (21H2)', '10.0.19044.3086')).toBe(true);
    expect(sameVersion('3.0', '3.0.13')).toBe(false);
    expect(sameVersion('vendor-build', '')).toBe(false);
    expect(compareOtsTable([row('OpenSSL', 'ｖ3.0.13')], [comp('OpenSSL', '3.0.13')])).toEqual([]);
  });
  test('two versions of one component pair by version, whatever the order', () => {
    const m = compareOtsTable([row('Qt', '6.5.3'), row('Qt', '5.15.2')], [comp('Qt', '5.15.2'), comp('Qt', '6.5.3')]);
    expect(m).toEqual([]);
    const m2 = compareOtsTable([row('Qt', '6.5.3'), row('Qt', '5.15.2'), row('Qt', '5.12.0')], [comp('Qt', '5.15.2'), comp('Qt', '6.5.3')]);
    expect(m2.map((x) => x.kind)).toEqual(['not-in-sbom']);
  });
  test('names: case and punctuation folded, the purl name, the CPE product, one name containing the other', () => {
    const comps = [
      comp('HAPI base', '2.5.1', { purl: 'pkg:maven/ca.uhn.hapi/hapi-base@2.5.1' }),
      comp('Windows 10 IoT Enterprise LTSC 2021', '10.0.19044.3086', { cpe: 'cpe:2.3:o:microsoft:windows_10_21h2:10.0.19044.3086:*:*:*:*:*:x64:*' }),
      comp('curl', '8.6.0'),
      comp('Microsoft .NET Runtime', '6.0.25'),
    ];
    const m = compareOtsTable([row('ca.uhn.hapi/hapi-base', '2.5.1'), row('windows 10 21h2', '10.0.19044.3086'), row('libcurl', '8.6.0'), row('.net runtime', '6.0.25')], comps);
    expect(m).toEqual([]);
  });
  test('an ambiguous containment is not a match', () => {
    const m = compareOtsTable([row('Qt', '5.15.2')], [comp('Qt Base', '5.15.2'), comp('Qt Declarative', '5.15.2')]);
    expect(m.map((x) => x.kind)).toEqual(['not-in-sbom', 'missing-from-table', 'missing-from-table']);
    // … unless the version singles one out
    expect(compareOtsTable([row('Qt', '5.15.2')], [comp('Qt Base', '5.15.2'), comp('Qt Declarative', '6.5.3')]).map((x) => x.kind)).toEqual(['missing-from-table']);
  });
  test('an empty or placeholder version cell is left to incomplete-row / placeholder', () => {
    expect(compareOtsTable([row('OpenSSL', ''), row('SQLite', '<完整版本>')], [comp('OpenSSL', '3.0.13'), comp('SQLite', '3.45.1')])).toEqual([]);
  });
  test('rowsFromTable: en headers, answer rows left out, tables without a name column give nothing', () => {
    const md = '| Vendor | Name | Full version |\n| --- | --- | --- |\n| OpenSSL Software Foundation | OpenSSL | 3.0.13 |\n| 无 | | |\n| | | |\n';
    expect(rowsFromTable(analyzeChunk(md).tables[0])).toEqual([{ name: 'OpenSSL', version: '3.0.13', vendor: 'OpenSSL Software Foundation', rowIndex: 0 }]);
    expect(rowsFromTable(analyzeChunk('| 版本 | 供应商 |\n| --- | --- |\n| 1 | 2 |\n').tables[0])).toEqual([]);
  });
  test('large tables stay fast (exact matches are indexed; the containment pass is budgeted)', () => {
    const n = 20_000;
    const comps = Array.from({ length: n }, (_, i) => comp(`component-${i}`, `1.${i}.0`));
    const rows = comps.map((c) => row(c.name, c.version));
    rows.push(row('something else entirely', '1.0.0'));
    const t0 = performance.now();
    const m = compareOtsTable(rows, comps);
    expect(performance.now() - t0).toBeLessThan(2_000);
    expect(m.map((x) => x.kind)).toEqual(['not-in-sbom']);
  });
});

describe('loadSbom: through the Host', () => {
  const bom = path.join(ROOT, 'dossier', 'bom.json');
  test('reads, parses, caches by the version token', () => {
    clearSbomCache();
    const host = memHost({ 'dossier/bom.json': sbomText('cyclonedx-1.4.json') });
    const a = loadSbom(bom, host);
    expect(a.ok && a.sbom.components.length).toBe(10);
    expect(loadSbom(bom, host)).toBe(a);
    host.files.set(bom, sbomText('cyclonedx-1.6.json'));
    const b = loadSbom(bom, host);
    expect(b).not.toBe(a);
    expect(b.ok && b.sbom.specVersion).toBe('1.6');
  });
  test('an unsaved SBOM open in the editor (the overlay) wins over the disk', () => {
    clearSbomCache();
    const disk = memHost({ 'dossier/bom.json': sbomText('cyclonedx-1.4.json') });
    const overlay = new Map([[bom, { text: sbomText('spdx-2.3.json'), version: 7 }]]);
    const r = loadSbom(bom, overlayHost(disk, overlay));
    expect(r.ok && r.sbom.format).toBe('SPDX');
  });
  test('never throws: missing, a folder, too large, invalid, outside the allowed folder', () => {
    clearSbomCache();
    const host = memHost({ 'dossier/bom.json': sbomText('cyclonedx-1.4.json'), 'dossier/bad.json': '{"bomFormat":"CycloneDX","specVersion":"1.9"}', 'other/bom.json': '{}' });
    const err = (r: ReturnType<typeof loadSbom>) => (r.ok ? 'ok' : `${r.error.code}: ${r.error.localized.en}`);
    expect(err(loadSbom(path.join(ROOT, 'dossier/none.json'), host))).toBe(`unreadable: cannot read the SBOM file: ${path.join(ROOT, 'dossier/none.json')}`);
    expect(err(loadSbom(path.join(ROOT, 'dossier'), host))).toMatch(/^unreadable/);
    expect(err(loadSbom(bom, host, { maxBytes: 1000 }))).toMatch(/^too-large: the SBOM file is too large \(\d KB; the limit is 1 KB\)$/);
    expect(err(loadSbom(path.join(ROOT, 'dossier/bad.json'), host))).toBe('unsupported: CycloneDX 1.9 is not supported: the supported versions are 1.4, 1.5, 1.6');
    // A configured SBOM (engine/configured-file.ts): only inside the allowed folders.
    const scope = { base: path.join(ROOT, 'dossier'), roots: [] };
    expect(err(loadConfiguredSbom('../other/bom.json', host, scope))).toMatch(/^outside: it leads outside the folder of this file/);
    expect(err(loadConfiguredSbom('bom.json', host, scope))).toBe('ok');
  });
});

test('sameVendor: legal forms, case, punctuation, e-mails and generic words are no difference; another organisation is', () => {
  for (const [a, b] of [
    ['Microsoft', 'Microsoft Corporation'],
    ['OpenSSL 项目', 'OpenSSL Software Foundation (openssl-security@openssl.org)'],
    ['The Qt Company Ltd.', 'QT COMPANY'],
    ['curl project (Daniel Stenberg)', 'curl'],
    ['深圳迈瑞生物医疗电子股份有限公司', '迈瑞医疗'],
    ['Inc.', 'Oracle'], // nothing identifying on one side: never a clear difference
  ])
    expect(sameVendor(a, b), `${a} ≈ ${b}`).toBe(true);
  for (const [a, b] of [
    ['Digia Plc', 'The Qt Company'],
    ['Microsoft Corporation', 'Oracle Corporation'],
    ['东软医疗系统股份有限公司', '深圳迈瑞生物医疗电子股份有限公司'],
  ])
    expect(sameVendor(a, b), `${a} ≠ ${b}`).toBe(false);
  // Off unless asked; authors are people, never compared with a vendor.
  expect(compareOtsTable([row('Qt', '5.15.2', 'Digia Plc')], [comp('Qt', '5.15.2', { vendor: 'The Qt Company' })])).toEqual([]);
  expect(compareOtsTable([row('Qt', '5.15.2', 'Digia Plc')], [comp('Qt', '5.15.2', { vendor: 'The Qt Company' })], { vendors: true }).map((m) => m.kind)).toEqual(['vendor-differs']);
  expect(compareOtsTable([row('zlib', '1.3.1', 'zlib.net')], [comp('zlib', '1.3.1', { vendor: 'Jean-loup Gailly', vendorSource: 'author' })], { vendors: true })).toEqual([]);
});

