// Normalised SBOM → the dossier's Markdown tables (zh-CN and en), the flags and notes beside them,
// cell escaping that the checker's own parser reads back verbatim, and where an editor inserts.

import { describe, expect, test } from 'vitest';
import { analyzeChunk } from '../../server/src/engine/parse';
import { escapeCell, flaggedEntries, importNotes, importResult, insertionText, renderOtsTable, renderPatchTable, type SbomComponent } from '../../server/src/sbom';
import { sbom } from './helpers';

describe('the 现成软件 table', () => {
  test('zh-CN: guideline order of categories, placeholders for what the SBOM does not say', () => {
    expect(renderOtsTable(sbom('cyclonedx-1.4.json').components, 'zh-CN')).toMatchInlineSnapshot(`
      "| 名称 | 型号规格 | 完整版本 | 供应商 | 类别 |
      | --- | --- | --- | --- | --- |
      | Windows 10 IoT Enterprise LTSC 2021 | x64 | 10.0.19044.3086 | Microsoft Corporation | 系统软件（操作系统） |
      | .NET Runtime | <型号规格> | 6.0.25 | Microsoft Corporation | 支持软件（框架） |
      | DCMTK | <型号规格> | 3.6.8 | OFFIS e.V. | 支持软件（库） |
      | libcurl | <型号规格> | 8.6.0 | curl project (Daniel Stenberg) | 支持软件（库） |
      | NLog | <型号规格> | 5.x | NLog Project | 支持软件（库） |
      | OpenSSL | <型号规格> | 3.0.13 | OpenSSL Software Foundation | 支持软件（库） |
      | protobuf | <型号规格> | 3.21.12 | <供应商> | 支持软件（库） |
      | Qt | open source | 5.15.2 | The Qt Company | 支持软件（框架） |
      | SQLite | <型号规格> | 3.45.1 | SQLite Consortium | 支持软件（库） |
      | zlib | <型号规格> | 1.3.1 | Jean-loup Gailly, Mark Adler | 支持软件（库） |
      "
    `);
  });
  test('en headers and categories; special characters escaped', () => {
    expect(renderOtsTable(sbom('cyclonedx-1.6.json').components, 'en')).toMatchInlineSnapshot(`
      "| Name | Model/spec | Full version | Vendor | Category |
      | --- | --- | --- | --- | --- |
      | FTDI VCP driver | \\<insert model\\> | 2.12.36.4 | Future Technology Devices International Ltd. | System software (device driver) |
      | Linux kernel | arm | 5.15.148 | Linus Torvalds, Greg Kroah-Hartman | System software (operating system) |
      | Poky (Yocto Project reference distribution) | kirkstone LTS | 4.0.17 | Yocto Project (Linux Foundation) | System software (operating system) |
      | U-Boot | \\<insert model\\> | 2022.01 | DENX Software Engineering | System software (firmware) |
      | lwIP | \\<insert model\\> | vers:generic/\\>=2.1.0\\|\\<2.2.0 | lwIP project (Savannah) | Support software (library) |
      | OpenSSL | \\<insert model\\> | 3.0.13 | OpenSSL Software Foundation | Support software (library) |
      | Qt Base | 开源版（LGPLv3） | 5.15.2 | The Qt Company | Support software (library) |
      | zlib | \\<insert model\\> | 1.3.1 | zlib project (Jean-loup Gailly, Mark Adler) | Support software (library) |
      "
    `);
  });
  test('SPDX, zh-CN', () => {
    expect(renderOtsTable(sbom('spdx-2.3.json').components, 'zh-CN')).toMatchInlineSnapshot(`
      "| 名称 | 型号规格 | 完整版本 | 供应商 | 类别 |
      | --- | --- | --- | --- | --- |
      | Debian GNU/Linux | amd64 | 12.5 | Debian Project | 系统软件（操作系统） |
      | Eclipse Temurin JRE | <型号规格> | 17.0.10+7 | Eclipse Foundation | 支持软件（框架） |
      | hapi-base | <型号规格> | 2.5.1 | University Health Network | 支持软件（库） |
      | libcurl | <型号规格> | 8.6.0 | Daniel Stenberg | 支持软件（库） |
      | log4j-core | <型号规格> | \\>=2.17.1 | The Apache Software Foundation | 支持软件（库） |
      | openssl | <型号规格> | 3.0.13 | OpenSSL Software Foundation | 支持软件（库） |
      | SQLite | <型号规格> | 3.45.1 | SQLite Consortium | 支持软件（库） |
      | zlib | <型号规格> | 1.3.1 | <供应商> | 支持软件（库） |
      "
    `);
  });
  test('an empty SBOM gives the header alone', () => {
    expect(renderOtsTable([], 'en')).toBe('| Name | Model/spec | Full version | Vendor | Category |\n| --- | --- | --- | --- | --- |\n');
  });
});

describe('the 网络安全补丁 table', () => {
  test('rows from the SBOM (zh-CN)', () => {
    const r = renderPatchTable(sbom('cyclonedx-1.5.json').patches, 'zh-CN');
    expect(r.isTemplate).toBe(false);
    expect(r.markdown).toMatchInlineSnapshot(`
      "| 补丁名称 | 完整版本 | 发布日期 | 适用软件 |
      | --- | --- | --- | --- |
      | KB5034127 | 10.0.17763.5329 | 2024-01-09 | Windows 10 IoT Enterprise LTSC 2019 10.0.17763.5329 |
      | Eclipse Temurin 17.0.10+7 (2024-01 CPU) | 17.0.10+7 | 2024-01-16 | Eclipse Temurin JRE 17.0.10+7 |
      | CVE-2024-2511 | 3.0.13 | 2024-04-10 | OpenSSL 3.0.13 |
      "
    `);
  });
  test('no patch information: the empty template, and a note saying so', () => {
    const doc = sbom('cyclonedx-1.4.json');
    expect(renderPatchTable(doc.patches, 'en')).toMatchInlineSnapshot(`
      {
        "isTemplate": true,
        "markdown": "| Patch name | Full version | Release date | Applies to |
      | --- | --- | --- | --- |
      | \\<insert patch name or ID\\> | \\<insert full version\\> | \\<insert release date\\> | \\<insert software\\> |
      ",
      }
    `);
    expect(importNotes(doc, 'patches').at(-1)?.zh).toBe(
      'SBOM 中没有可靠的补丁信息（CycloneDX pedigree.patches、类型为 patch 的 releaseNotes、KB 更新组件，或 SPDX PATCH_APPLIED 关系），已输出空白补丁表格模板',
    );
  });
  test('a patch without a date is flagged', () => {
    const doc = sbom('cyclonedx-1.5.json');
    const undated = { ...doc, patches: doc.patches.map((p) => (p.name === 'CVE-2024-2511' ? { ...p, date: undefined, flags: ['date-missing' as const] } : p)) };
    expect(renderPatchTable(undated.patches, 'zh-CN').markdown).toContain('| CVE-2024-2511 | 3.0.13 | <发布日期> | OpenSSL 3.0.13 |');
    expect(flaggedEntries(undated, 'patches').map((f) => f.message.zh)).toEqual(['CVE-2024-2511 3.0.13：没有发布日期']);
  });
});

describe('flags and notes', () => {
  test('flagged components, in table order, localised', () => {
    const doc = sbom('cyclonedx-1.5.json');
    expect(flaggedEntries(doc, 'ots').map((f) => [f.message.zh, f.message.en])).toEqual([
      ['IPX 射频模块固件 latest：版本“latest”不是完整版本；没有供应商', 'IPX 射频模块固件 latest: the version “latest” is not a full version; no vendor'],
      ['libusb >=1.0.26：版本“>=1.0.26”不是完整版本', 'libusb >=1.0.26: the version “>=1.0.26” is not a full version'],
    ]);
  });
  test('notes: merged, left out, no model', () => {
    expect(importNotes(sbom('spdx-2.3.json'), 'ots').map((n) => n.en)).toMatchInlineSnapshot(`
      [
        "1 duplicate component(s) merged (same purl, or name and version)",
        "1 entry left out of the OTS table (build or test tooling only): junit-jupiter 5.10.2",
        "1 entry left out of the OTS table (a patch, listed in the patch table): openssl-3.0.13-CVE-2024-2511.patch 3.0.13-1",
        "7 component(s) have no model/spec in the SBOM (a cyberdossier:model property or the edition fields of a CPE); the placeholder <insert model> was written",
      ]
    `);
  });
  test('the result the adapters return is plain JSON', () => {
    const r = importResult(sbom('cyclonedx-1.6.json'), 'ots', 'en');
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    expect(r).toMatchObject({ table: 'ots', template: false, format: 'CycloneDX', specVersion: '1.6', subject: { name: 'PM-9000 嵌入式软件', version: 'V2.1.0.3' } });
    expect(r.flagged).toEqual([{ name: 'lwIP', version: 'vers:generic/>=2.1.0|<2.2.0', flags: ['version-not-full'], message: 'lwIP vers:generic/>=2.1.0|<2.2.0: the version “vers:generic/>=2.1.0|<2.2.0” is not a full version' }]);
    expect(r.components.map((c) => c.name)[0]).toBe('FTDI VCP driver');
  });
});

describe('cells', () => {
  const nasty = [
    'a|b',
    'C:\\Program Files\\Vendor',
    '*emphasis* and __strong__',
    'snake_case_name',
    '_leading and trailing_',
    '`code`',
    '[link](https://example.invalid)',
    '<script>alert(1)</script>',
    '<供应商>',
    '~~struck~~',
    'AT&T &amp; &#169;',
    'line one\nline two',
    'Müller GmbH & Co. KG — 北京某某科技有限公司（第三方）',
    'v1.2.3+build.4',
  ];
  test('the checker reads every cell back exactly (one line, no markup, no HTML)', () => {
    const components: SbomComponent[] = nasty.map((n, i) => ({ name: n, version: `1.0.${i}`, vendor: n, model: n, licenses: [], flags: [] }));
    const md = renderOtsTable(components, 'zh-CN');
    const t = analyzeChunk(md).tables[0];
    expect(t.rows).toHaveLength(nasty.length);
    const byVersion = new Map(t.rows.map((r) => [r.cells[2].run.text, r.cells.map((c) => c.run.text)]));
    nasty.forEach((n, i) => {
      const cells = byVersion.get(`1.0.${i}`)!;
      const expected = n.replace(/\n/g, ' ');
      expect(cells[0], n).toBe(expected);
      expect(cells[1], n).toBe(expected);
      expect(cells[3], n).toBe(expected);
    });
  });
  test('escapes', () => {
    expect(escapeCell('a|b')).toBe('a\\|b');
    expect(escapeCell('snake_case_name')).toBe('snake_case_name');
    expect(escapeCell('_x_')).toBe('\\_x\\_');
    expect(escapeCell('  two\r\nlines  ')).toBe('two lines');
  });
});

describe('where the editor inserts the table', () => {
  const table = '| a |\n| --- |\n| 1 |\n';
  test('on an empty line after a blank line: as is', () => {
    expect(insertionText(table, { before: '', after: '', previousLine: '' })).toBe(table);
    expect(insertionText(table, { before: '', after: '' })).toBe(table);
  });
  test('right after a paragraph: a blank line first', () => {
    expect(insertionText(table, { before: '', after: '', previousLine: '现成软件如下：' })).toBe(`\n${table}`);
  });
  test('in the middle of a line: the line is ended, the rest moves below the table', () => {
    expect(insertionText(table, { before: '见下表。', after: '其余见附件。', previousLine: '' })).toBe(`\n\n${table}\n`);
    expect(insertionText('| a |', { before: '', after: '后文', previousLine: '' })).toBe('| a |\n\n');
  });
});
