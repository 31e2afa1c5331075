// The consistency check of the dossier's OTS table with the SBOM a `.cyberdossierrc.yaml` names
// (`sbom:`): a 2017 网络安全描述文档 whose D1.6 table lists the device's real components, against
// a CycloneDX 1.5 and an SPDX 2.3 SBOM of the same build. Agreement is silent; each disagreement is
// exactly one inconsistent-fact; an unusable SBOM is one config-invalid on the rc entry.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import { Engine, type FileReport } from '../../server/src/engine/engine';
import { codeActions } from '../../server/src/features/codeActions';
import { clearSbomCache } from '../../server/src/sbom';
import { checkFiles, memHost, render, ROOT } from '../helpers';
import { CDX, description, OTS_TABLE, SPDX, sbomText } from './helpers';
import { sbomReader } from '../../server/src/sbom';

const DATA = ['mismatch', 'tableVersion', 'sbomVersion', 'tableVendor', 'sbomVendor', 'component', 'clause'];

function check(files: Record<string, string>, opts: { configFile?: string } = {}): FileReport[] {
  return checkFiles(files, { files: Object.keys(files).filter((f) => f.endsWith('.md')), ...opts });
}
const show = (reports: FileReport[], message: 'en' | 'zh' = 'en') => render(reports, { data: DATA, message });
const onlySbom = (reports: FileReport[]) =>
  reports.map((r) => ({ ...r, diagnostics: r.diagnostics.filter((d) => d.code === 'config-invalid' || (d.code === 'inconsistent-fact' && d.data.mismatch)) }));

beforeEach(() => clearSbomCache());

describe('the D1.6 table against the SBOM', () => {
  for (const [name, bom] of [
    ['CycloneDX 1.5', CDX],
    ['SPDX 2.3', SPDX],
  ] as const) {
    test(`${name}: the table and the SBOM agree — nothing is reported (build tools, excluded scope and the device itself are not OTS)`, () => {
      const reports = check({ '.cyberdossierrc.yaml': 'sbom: sbom/bom.json\n', 'sbom/bom.json': bom, 'description.md': description() });
      expect(show(reports)).toBe('');
    });
  }

  test('the example is not silent for want of a table: without the rc file the same dossier is clean too', () => {
    expect(show(check({ 'description.md': description() }))).toBe('');
  });

  test('a row the SBOM does not list: one finding on that row', () => {
    const text = description(OTS_TABLE + '| NLog | 通用版 | 5.2.8 | NLog Project |\n');
    const reports = check({ '.cyberdossierrc.yaml': 'sbom: bom.cdx.json\n', 'bom.cdx.json': CDX, 'description.md': text });
    expect(show(reports)).toMatchInlineSnapshot(
      `"description.md:76 warning inconsistent-fact D1.6 mismatch="not-in-sbom" clause="四(二)1(6)" — “NLog 5.2.8” in the “1.6 现成软件” (D1.6) table is not in the SBOM (bom.cdx.json): the table and the SBOM list the same off-the-shelf software (四(二)1(6)); add it to the SBOM or remove the row"`,
    );
    const d = reports[0].diagnostics[0];
    expect(text.split('\n')[d.range.start.line]).toBe('| NLog | 通用版 | 5.2.8 | NLog Project |');
    expect(d.range.start.character).toBe(0);
  });

  test('a component the table does not list: one finding on the table header', () => {
    const text = description(OTS_TABLE.replace(/\| zlib .*\n/, ''));
    const reports = check({ '.cyberdossierrc.yaml': 'sbom: bom.spdx.json\n', 'bom.spdx.json': SPDX, 'description.md': text });
    expect(show(reports, 'zh')).toMatchInlineSnapshot(
      `"description.md:67 warning inconsistent-fact D1.6 mismatch="missing-from-table" component={"name":"zlib","version":"1.3.1","vendor":"zlib project"} clause="四(二)1(6)" — SBOM（bom.spdx.json）列出的“zlib 1.3.1”不在“1.6 现成软件”（D1.6）表格中：表格应列出产品的全部现成软件（四(二)1(6)），请补充此行，或从 SBOM 中删除它"`,
    );
    expect(text.split('\n')[66]).toBe('| 名称 | 型号规格 | 完整版本 | 供应商 |');
  });

  test('a version that differs: one finding on the version cell, and a quick fix that writes the SBOM’s version there', () => {
    const text = description(OTS_TABLE.replace('| OpenSSL | 通用版 | 3.0.13 |', '| OpenSSL | 通用版 | 3.0.12 |'));
    const reports = check({ '.cyberdossierrc.yaml': 'sbom: bom.cdx.json\n', 'bom.cdx.json': CDX, 'description.md': text });
    expect(show(reports)).toMatchInlineSnapshot(
      `"description.md:71 warning inconsistent-fact D1.6 mismatch="version-differs" tableVersion="3.0.12" sbomVersion="3.0.13" component={"name":"OpenSSL","version":"3.0.13","vendor":"OpenSSL Software Foundation"} clause="四(二)1(6)" — The full version of “OpenSSL” is “3.0.12” in the “1.6 现成软件” (D1.6) table but “3.0.13” in the SBOM (bom.cdx.json): both must name the same build (四(二)1(6))"`,
    );
    const d = reports[0].diagnostics[0];
    const line = text.split('\n')[d.range.start.line];
    expect(line.slice(d.range.start.character, d.range.end.character)).toBe('3.0.12');

    const uri = 'file:///ws/description.md';
    const lsp: Diagnostic = { range: d.range, code: d.code, severity: 2, source: 'cyberdossier', message: d.message.en, data: d.data };
    const actions = codeActions({ uri, text, locale: 'en', diagnostics: [lsp] });
    const fix = actions.find((a) => a.title.includes('3.0.13'))!;
    expect(fix.title).toBe('Use the SBOM’s version 3.0.13');
    expect(fix.isPreferred).toBe(false);
    const [edit] = fix.edit!.changes![uri];
    expect(edit).toEqual({ range: d.range, newText: '3.0.13' });
    const fixed = text.split('\n');
    fixed[d.range.start.line] = line.slice(0, d.range.start.character) + edit.newText + line.slice(d.range.end.character);
    expect(show(check({ '.cyberdossierrc.yaml': 'sbom: bom.cdx.json\n', 'bom.cdx.json': CDX, 'description.md': fixed.join('\n') }))).toBe('');
    expect(codeActions({ uri, text, locale: 'zh-CN', diagnostics: [lsp] }).map((a) => a.title)).toContain('改为 SBOM 中的版本 3.0.13');
  });

  test('a vendor that names another organisation: one finding on the vendor cell; spelling and legal forms are not differences', () => {
    const text = description(OTS_TABLE.replace('| 5.15.2 | The Qt Company |', '| 5.15.2 | Digia Plc |'));
    const reports = check({ '.cyberdossierrc.yaml': 'sbom: bom.spdx.json\n', 'bom.spdx.json': SPDX, 'description.md': text });
    expect(show(reports)).toMatchInlineSnapshot(
      `"description.md:73 warning inconsistent-fact D1.6 mismatch="vendor-differs" tableVendor="Digia Plc" sbomVendor="The Qt Company" component={"name":"Qt","version":"5.15.2","vendor":"The Qt Company"} clause="四(二)1(6)" — The vendor of “Qt” is “Digia Plc” in the “1.6 现成软件” (D1.6) table but “The Qt Company” in the SBOM (bom.spdx.json) (四(二)1(6))"`,
    );
    const d = reports[0].diagnostics[0];
    expect(text.split('\n')[d.range.start.line].slice(d.range.start.character, d.range.end.character)).toBe('Digia Plc');
  });

  test('several disagreements at once: one finding each, nothing else', () => {
    const table = OTS_TABLE.replace('| V3.45.1 |', '| 3.42.0 |').replace(/\| DCMTK .*\n/, '') + '| libcurl | 通用版 | 8.6.0 | curl project |\n';
    const reports = onlySbom(check({ '.cyberdossierrc.yaml': 'sbom: bom.cdx.json\n', 'bom.cdx.json': CDX, 'description.md': description(table) }));
    expect(render(reports, { data: ['mismatch'] })).toMatchInlineSnapshot(`
      "description.md:67 warning inconsistent-fact D1.6 mismatch="missing-from-table"
      description.md:72 warning inconsistent-fact D1.6 mismatch="version-differs"
      description.md:75 warning inconsistent-fact D1.6 mismatch="not-in-sbom""
    `);
  });

  test('rows under category sub-headings (several tables) are one list; a missing component goes on the first table’s header', () => {
    const lines = OTS_TABLE.trimEnd().split('\n');
    const [head, rule] = lines;
    const split = `#### 系统软件\n\n${[head, rule, lines[2]].join('\n')}\n\n#### 支持软件\n\n${[head, rule, ...lines.slice(3)].join('\n')}\n`;
    const text = description(split);
    expect(show(check({ '.cyberdossierrc.yaml': 'sbom: bom.cdx.json\n', 'bom.cdx.json': CDX, 'description.md': text }))).toBe('');
    const reports = check({ '.cyberdossierrc.yaml': 'sbom: bom.cdx.json\n', 'bom.cdx.json': CDX, 'description.md': text.replace(/\| DCMTK .*\n/, '') });
    expect(render(reports, { data: ['mismatch'] })).toBe('description.md:69 warning inconsistent-fact D1.6 mismatch="missing-from-table"');
  });

  test('D1.6 answered “none” while the SBOM lists software: one finding on the heading', () => {
    const text = description('无。本产品软件全部为自研，未使用任何现成软件。');
    const reports = check({ '.cyberdossierrc.yaml': 'sbom: bom.cdx.json\n', 'bom.cdx.json': CDX, 'description.md': text });
    expect(show(reports)).toMatchInlineSnapshot(
      `"description.md:65 warning inconsistent-fact D1.6 mismatch="none-listed" clause="四(二)1(6)" — “1.6 现成软件” (D1.6) is answered none / not applicable, but the SBOM (bom.cdx.json) lists 7 off-the-shelf components (“Windows 10 IoT Enterprise LTSC 2021 10.0.19044.3086”, …): list them here (四(二)1(6)) or correct the SBOM"`,
    );
  });

  test('a section that refers to an attached list (no table) is not compared', () => {
    const text = description('现成软件清单见附件 3《IP-600 现成软件清单》（由构建流水线生成的 SBOM）。');
    // No comparison; only the hint that the referenced list was not checked (requirements.md §3a).
    const out = show(check({ '.cyberdossierrc.yaml': 'sbom: bom.cdx.json\n', 'bom.cdx.json': CDX, 'description.md': text }));
    expect(out.split('\n').map((l) => l.split(' — ')[0])).toEqual(['description.md:65 hint answered-by-reference D1.6 clause="四(二)1(6)"']);
  });

  test('two SBOMs (a workstation and an embedded part): the table must agree with their union', () => {
    const embedded = sbomText('cyclonedx-1.6.json');
    const rc = 'sbom:\n  - bom.cdx.json\n  - embedded/bom.json\n';
    const reports = onlySbom(check({ '.cyberdossierrc.yaml': rc, 'bom.cdx.json': CDX, 'embedded/bom.json': embedded, 'description.md': description() }));
    // OpenSSL, zlib are in both; the embedded-only components are missing from the table.
    // (in table order: system software first, then by name)
    expect(render(reports, { data: ['component'] }).split('\n').map((l) => JSON.parse(/component=(\{.*\})/.exec(l)![1]).name)).toEqual([
      'FTDI VCP driver',
      'Linux kernel',
      'Poky (Yocto Project reference distribution)',
      'U-Boot',
      'lwIP',
      'Qt Base',
    ]);
    expect(reports[0].diagnostics[0].message.en).toContain('(bom.cdx.json, bom.json)');
  });

  test('--config: paths are relative to that file, and stay inside the allowed folders', () => {
    const files = { 'ci/cyberdossier.yaml': 'sbom: ../build/bom.json\n', 'build/bom.json': CDX, 'dossier/description.md': description(OTS_TABLE.replace('| 3.6.8 |', '| 3.6.7 |')) };
    // The CLI allows its current directory (here the repository root, as in CI).
    const reports = checkFiles(files, { files: ['dossier/description.md'], configFile: 'ci/cyberdossier.yaml', roots: ['.'] });
    expect(render(reports, { data: ['mismatch'] })).toBe('dossier/description.md:75 warning inconsistent-fact D1.6 mismatch="version-differs"');
    // Without it, ../build is outside the rc file's folder: refused, not opened.
    expect(render(checkFiles(files, { files: ['dossier/description.md'], configFile: 'ci/cyberdossier.yaml' }), { message: 'en' })).toBe(
      'ci/cyberdossier.yaml:1 error config-invalid — The SBOM ../build/bom.json named by sbom cannot be used: it leads outside the folder of this file, the dossier and the workspace (symbolic links followed); it was not opened. The off-the-shelf software list was not compared with it',
    );
  });

  test('the rule can be turned off or down like any code', () => {
    const text = description(OTS_TABLE.replace('| 3.6.8 |', '| 3.6.7 |'));
    expect(render(check({ '.cyberdossierrc.yaml': 'sbom: b.json\nrules:\n  inconsistent-fact/D1.6: off\n', 'b.json': CDX, 'description.md': text }))).toBe('');
    expect(render(check({ '.cyberdossierrc.yaml': 'sbom: b.json\nrules:\n  inconsistent-fact: error\n', 'b.json': CDX, 'description.md': text }))).toBe(
      'description.md:75 error inconsistent-fact D1.6',
    );
  });
});

describe('an SBOM that cannot be used is config-invalid, once, on the rc entry', () => {
  const two = (rc: string, extra: Record<string, string> = {}) =>
    check({
      '.cyberdossierrc.yaml': rc,
      'a/description.md': description(),
      'b/description.md': description(OTS_TABLE.replace('| 3.6.8 |', '| 3.6.7 |')),
      ...extra,
    });

  test('a missing file: one finding on the value, no comparison, no crash', () => {
    const reports = two('locale: en\nsbom: build/bom.json\n');
    expect(show(reports)).toMatchInlineSnapshot(
      `".cyberdossierrc.yaml:2 error config-invalid — The SBOM build/bom.json named by sbom cannot be used: there is no such file. The off-the-shelf software list was not compared with it"`,
    );
    const d = reports.find((r) => r.path.endsWith('.cyberdossierrc.yaml'))!.diagnostics[0];
    expect(d.range).toEqual({ start: { line: 1, character: 6 }, end: { line: 1, character: 20 } });
    expect(d.data).toMatchObject({ key: 'sbom', path: 'build/bom.json', error: 'unreadable' });
  });

  test('an invalid SBOM: its first problem is named; a good SBOM in the same list is still read, but nothing is compared', () => {
    const bad = '{"bomFormat":"CycloneDX","specVersion":"1.5","components":[{"name":"OpenSSL","version":"3.0.13"}]}';
    const reports = two('sbom: [bom.cdx.json, bad.json]\n', { 'bom.cdx.json': CDX, 'bad.json': bad });
    expect(show(reports, 'zh')).toMatchInlineSnapshot(
      `".cyberdossierrc.yaml:1 error config-invalid — sbom 指定的 bad.json 无法使用：SBOM 不符合 CycloneDX 1.5 的结构要求（1 处问题）；components[0].type：缺少必需字段。现成软件清单未与之比对"`,
    );
  });

  test('not JSON, an SBOM format that is not supported, a folder', () => {
    const out = show(two('sbom:\n  - broken.json\n  - bom.xml\n  - sbom\n', { 'broken.json': '{"bomFormat": "CycloneDX",', 'bom.xml': sbomText('invalid/cyclonedx.xml'), 'sbom/x.json': '{}' }));
    const lines = out.split('\n').map((l) => l.replace(/ — .*?cannot be used: /, ' — '));
    // Where it breaks, never what it holds (the JSON parser's own words quote the file).
    expect(lines[0]).toBe('.cyberdossierrc.yaml:2 error config-invalid — not valid JSON at line 1, column 27. The off-the-shelf software list was not compared with it');
    expect(lines.slice(1)).toMatchInlineSnapshot(`
      [
        ".cyberdossierrc.yaml:3 error config-invalid — CycloneDX XML is not supported: export the SBOM as JSON (CycloneDX 1.4–1.6). The off-the-shelf software list was not compared with it",
        ".cyberdossierrc.yaml:4 error config-invalid — it is a folder, not a file. The off-the-shelf software list was not compared with it",
      ]
    `);
  });

  test('bad values are config-invalid when the rc file is read: a URL, an empty path, a mapping', () => {
    expect(show(two('sbom: https://sbom.example.com/ip600.json\n'))).toBe(
      '.cyberdossierrc.yaml:1 error config-invalid — sbom must be a local file path, not a URL (the checker never goes online): https://sbom.example.com/ip600.json',
    );
    // the rest still applies: bom.json is compared
    expect(show(two('sbom: ["", bom.json]\n', { 'bom.json': CDX })).replace(/ —.*/gm, '')).toBe(
      '.cyberdossierrc.yaml:1 error config-invalid\nb/description.md:75 warning inconsistent-fact D1.6 mismatch="version-differs" tableVersion="3.6.7" sbomVersion="3.6.8" component={"name":"DCMTK","version":"3.6.8","vendor":"OFFIS e.V."} clause="四(二)1(6)"',
    );
    expect(show(two('sbom: { file: bom.json }\n'))).toBe('.cyberdossierrc.yaml:1 error config-invalid — sbom must be the path of an SBOM file, or a list of paths (relative to this file)');
    expect(show(two('sbom: []\n'))).toBe('.cyberdossierrc.yaml:1 error config-invalid — sbom must be the path of an SBOM file, or a list of paths (relative to this file)');
    expect(show(two('sboms: bom.json\n'))).toBe('.cyberdossierrc.yaml:1 error config-invalid — Unknown configuration key sboms. Did you mean sbom?');
  });
});

describe('through the engine’s Host', () => {
  test('a changed SBOM is read again (its version token changed); an unchanged one comes from the cache', () => {
    const host = memHost({ '.cyberdossierrc.yaml': 'sbom: bom.json\n', 'bom.json': CDX, 'description.md': description() });
    let reads = 0;
    const counting = { ...host, readFile: (p: string) => (p.endsWith('bom.json') && reads++, host.readFile(p)) };
    const engine = new Engine({ sbom: sbomReader, host: counting });
    const file = path.join(ROOT, 'description.md');
    const run = () => render(engine.check({ files: [file] }).reports, { data: ['mismatch'] });
    expect(run()).toBe('');
    expect(run()).toBe('');
    expect(reads).toBe(1);
    host.files.set(path.join(ROOT, 'bom.json'), CDX.replace('"version": "3.6.8"', '"version": "3.6.9"'));
    expect(run()).toBe('description.md:75 warning inconsistent-fact D1.6 mismatch="version-differs"');
    expect(reads).toBe(2);
  });

  test('a rule family failure is contained: the other findings stay', () => {
    const files = { '.cyberdossierrc.yaml': 'sbom: bom.json\n', 'bom.json': CDX, 'description.md': description(OTS_TABLE.replace('| 3.6.8 |', '| 3.6.7 |')) + '\nTODO\n' };
    const failures: string[] = [];
    const engine = new Engine({ sbom: sbomReader, host: memHost(files), faults: ['sbom'], onInternalError: (f) => failures.push(f.rule) });
    const out = render(engine.check({ files: [path.join(ROOT, 'description.md')] }).reports);
    expect(failures).toEqual(['sbom']);
    expect(out).not.toContain('inconsistent-fact');
    expect(out).toContain('placeholder');
  });
});

describe('nmpa-2022: the IFU’s 现成软件清单 against the SBOM', () => {
  const dir = path.join(__dirname, '..', '..', 'examples', 'nmpa-2022', 'monitor');
  const read = (f: string) => fs.readFileSync(path.join(dir, f), 'utf8');
  const component = (type: string, name: string, version: string, supplier: string, extra: object = {}) => ({ type, name, version, supplier: { name: supplier }, ...extra });
  const bom = (openssl: string) =>
    JSON.stringify({
      bomFormat: 'CycloneDX',
      specVersion: '1.6',
      version: 1,
      metadata: { component: { type: 'firmware', name: 'PM-9000 嵌入式软件', version: 'V2.1.0.3' } },
      components: [
        component('operating-system', 'Yocto Project', '4.0.17', 'Linux Foundation'),
        component('operating-system', 'Linux kernel', '5.15.148', 'NXP Semiconductors', { cpe: 'cpe:2.3:o:linux:linux_kernel:5.15.148:*:*:*:*:*:*:*' }),
        component('application', 'wpa_supplicant', '2.10', 'hostap project'),
        component('framework', 'Qt for Device Creation', '5.15.2', 'The Qt Company'),
        component('library', 'OpenSSL', openssl, 'OpenSSL Software Foundation', { purl: `pkg:generic/openssl@${openssl}` }),
        component('library', 'SQLite', '3.45.1', 'SQLite Consortium'),
      ],
    });
  const files = (openssl: string) => ({
    '.cyberdossierrc.yaml': 'sbom: build/pm9000.cdx.json\n',
    'build/pm9000.cdx.json': bom(openssl),
    'dossier/dossier.yaml': read('dossier.yaml'),
    // SBOMs name the kernel in English; the example table's Chinese name would not match it.
    'dossier/instructions-for-use.md': read('instructions-for-use.md').replace('| Linux 内核 |', '| Linux kernel |'),
  });

  test('agreement is silent; a version that differs is one finding with the M8 requirement and clause', () => {
    expect(render(onlySbom(check(files('3.0.13'))))).toBe('');
    expect(render(onlySbom(check(files('3.0.14'))), { data: ['mismatch', 'clause', 'sbomVersion'] })).toBe(
      'dossier/instructions-for-use.md:77 warning inconsistent-fact M8 mismatch="version-differs" clause="七（一）2, 二（四）16" sbomVersion="3.0.14"',
    );
  });
});
