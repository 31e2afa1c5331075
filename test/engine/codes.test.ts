// Every diagnostic code of diagnostics.md on realistic fixtures, rendered (file:line severity
// code REQ) and, where the wording matters, with the message.

import { describe, expect, test } from 'vitest';
import { checkFiles, diag, fm, render } from '../helpers';
import { fixture, headings, replaceLines } from '../fixtures';
import { isFullVersion } from '../../server/src/engine/tables';

const full = fixture('nmpa-2017/description-full.md');
const lineOf = (text: string, title: string) => headings(text).find((h) => h.title === title)!.line + 1;
function body(text: string, title: string, lines: string[]): string {
  const s = headings(text).find((h) => h.title === title)!;
  return replaceLines(text, s.line + 1, s.end, ['', ...lines, '']);
}
const FACTS = `submission: initial-registration
product:
  name: 中央监护系统
  class: II
  software_version: V1.2.3
data:
  types: [device]
interfaces:
  network:
    wired: true`;

describe('frontmatter-missing', () => {
  test('a file matched by dossierGlobs without frontmatter: line 0, body not checked', () => {
    const r = checkFiles({ 'dossier/a.md': '# 网络安全描述文档\n\nTODO\n', '.cyberdossierrc.yaml': "dossierGlobs: ['dossier/**/*.md']\n" });
    expect(render(r, { message: 'en' })).toMatchInlineSnapshot(
      `"dossier/a.md:1 error frontmatter-missing — This dossier file (it matches dossierGlobs) has no frontmatter: add a YAML block between --- lines at the top with at least \`document\` and the product facts"`,
    );
  });
  test('a missing key lands on its parent key, else on the opening ---', () => {
    const t = fm(`document: technical-requirements\nsubmission: initial-registration\nproduct:\n  name: 中央监护系统\n  model: CMS-3000\ninterfaces:\n  storage_media: { types: [usb] }`) + '\n# 数据接口\n\n正文。\n\n## 存储格式\n\nPDF/A-1b。\n';
    expect(diag(t, { message: 'zh' })).toMatchInlineSnapshot(`
      "doc.md:1 error frontmatter-missing — 缺少必填项 data（数据）
      doc.md:4 error frontmatter-missing — 缺少必填项 product.class（管理类别）
      doc.md:10 error missing-section T2 — 缺少“用户访问控制”（T2）章节：指导原则 五(一)2(2) 要求产品技术要求（网络安全部分）包含此项：用户身份鉴别方法、用户类型及权限。"
    `);
  });
  test('with dossier.yaml, a key missing from both is reported on the file’s opening ---', () => {
    const r = checkFiles({
      'd/dossier.yaml': 'submission: initial-registration\nproduct:\n  name: 中央监护系统\ndata:\n  types: [device]\ninterfaces:\n  network: { wired: true }\n',
      'd/t.md': '---\ndocument: technical-requirements\n---\n\n# 数据接口\n\nHL7。\n\n## 传输协议\n\nHL7 v2.5。\n\n# 用户访问控制\n\n## 用户身份鉴别方法\n\n口令。\n\n## 用户类型及权限\n\n管理员。\n',
    });
    expect(render(r)).toMatchInlineSnapshot(`"d/t.md:1 error frontmatter-missing"`);
  });
});

describe('frontmatter-invalid', () => {
  const doc = (y: string) => fm(y) + '\n# 数据接口\n\n见附件。\n\n## 传输协议\n\n见附件。\n\n# 用户访问控制\n\n## 用户身份鉴别方法\n\n口令。\n\n## 用户类型及权限\n\n管理员。\n';
  test('unknown key with a did-you-mean; enum typo; wrong type; zh aliases accepted', () => {
    const t = doc(`document: 产品技术要求\nsubmision: initial-registration\nsubmission: 产品注册\nproduct:\n  name: 中央监护系统\n  class: 二类\n  software_version: 1.2.3\ndata:\n  types: 健康数据\nfunctions:\n  exchange: bidirectonal\ninterfaces:\n  network:\n    wired: yes`);
    expect(diag(t, { message: 'en', data: ['suggestion'] })).toMatchInlineSnapshot(`
      "doc.md:3 error frontmatter-invalid suggestion="submission" — Unknown key submision. Did you mean submission?
      doc.md:10 error frontmatter-invalid suggestion="[health]" — data.types must be a list, not "健康数据". Did you mean [health]?
      doc.md:12 error frontmatter-invalid suggestion="bidirectional" — functions.exchange: "bidirectonal" is not one of none | unidirectional | bidirectional. Did you mean bidirectional?
      doc.md:15 error frontmatter-invalid — interfaces.network.wired must be true or false, not "yes""
    `);
  });
  test('broken YAML: reported at the error, the body is not checked', () => {
    const t = '---\ndocument: cybersecurity-description\nproduct: {name: 泵, class: II\n---\n\n# 基本信息\n\nTODO\n';
    const out = diag(t);
    expect(out.split('\n').every((l) => l.includes('frontmatter-invalid'))).toBe(true);
    expect(out).toBe('doc.md:4 error frontmatter-invalid');
  });
  test('unclosed frontmatter with a document line', () => {
    expect(diag('---\ndocument: cybersecurity-description\n\n# 基本信息\n')).toBe('doc.md:1 error frontmatter-invalid');
  });
  test('a billion-laughs alias bomb is rejected quickly with a clear message', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) bomb.push(`${'abcdefghij'[i]}: &${'abcdefghij'[i]} [${Array(10).fill(`*${'abcdefghij'[i - 1]}`).join(',')}]`);
    const t = `---\ndocument: cybersecurity-description\n${bomb.join('\n')}\n---\n\n# 基本信息\n`;
    const start = Date.now();
    const out = diag(t, { message: 'en' });
    expect(Date.now() - start).toBeLessThan(5000);
    expect(out).toContain('more than 10000 nodes after alias expansion');
  });
  test('custom tags are refused; __proto__ and constructor are plain (unknown) keys', () => {
    const t = doc(`document: technical-requirements\nsubmission: !!js/function "() => 1"\n__proto__: { polluted: true }\nconstructor: x\n${FACTS.replace('submission: initial-registration\n', '')}`);
    const out = diag(t, { message: 'en' });
    expect(out).toContain('the custom tag !!js/function is not allowed (plain data only)');
    expect(out).not.toContain('Unresolved tag');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const t2 = doc(`document: technical-requirements\n__proto__: { polluted: true }\nconstructor: x\n${FACTS}`);
    expect(diag(t2, { message: 'en' })).toMatchInlineSnapshot(`
      "doc.md:3 error frontmatter-invalid — Unknown key __proto__ (allowed: document, guideline, submission, updates, product, data, functions, uses, interfaces, security_software)
      doc.md:4 error frontmatter-invalid — Unknown key constructor (allowed: document, guideline, submission, updates, product, data, functions, uses, interfaces, security_software)"
    `);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
  test('an unknown document kind lists the kinds of the rule set', () => {
    const t = doc(`document: cybersecurity-research-report\n${FACTS}`);
    expect(diag(t, { message: 'en' })).toMatchInlineSnapshot(`"doc.md:2 error frontmatter-invalid — document: "cybersecurity-research-report" is not one of cybersecurity-description | patch-description | authenticity-statement | technical-requirements | instructions-for-use ("cybersecurity-research-report" is valid only under guideline: nmpa-2022; set guideline: nmpa-2022)"`);
  });
});

describe('placeholder', () => {
  test('every placeholder form, in prose, tables, headings and lists; never in comments, tags or code', () => {
    const t = body(full, '网络安全测试报告', [
      '测试结论：TODO，报告编号 TBD；FIXME 与 XXX 亦为占位符，todo-list 与 XXXL 不是。',
      '',
      '- 测试环境：待补充',
      '- 测试人员：待定；审核人：待填写',
      '',
      '| 项目 | 结果 |',
      '| --- | --- |',
      '| 渗透测试 | （略） |',
      '| 模糊测试 | (略) |',
      '',
      'Lorem ipsum dolor sit amet. 产品名称：<产品名称>，版本 {{version}}，<insert tester name>。',
      '',
      '<!-- TODO: 这是注释，不是占位符 -->',
      '',
      '换行<br>与 <span>标签</span> 不是占位符，`<代码>` 中的内容是。',
      '',
      '```',
      'TODO 在代码块中不检查',
      '```',
    ]);
    const line = lineOf(t, '网络安全测试报告');
    // One finding for the section, on its first placeholder; every placeholder in `related`.
    const [d, ...others] = checkFiles({ 'doc.md': t })[0].diagnostics.filter((x) => x.code === 'placeholder');
    expect(others).toEqual([]);
    expect(d.range.start.line + 1 - line).toBe(2);
    expect(d.data).toMatchObject({ requirement: 'D3.2', text: 'TODO', count: 14 });
    expect(d.message.en).toMatchInlineSnapshot(`"14 placeholders left in “3.2 网络安全测试报告” (D3.2) (“TODO”, “TBD”, “FIXME”, …): replace them with the real content before submission"`);
    expect(d.message.zh).toMatchInlineSnapshot(`"“3.2 网络安全测试报告”（D3.2）中残留 14 处占位符（“TODO”、“TBD”、“FIXME”等）：提交前请替换为实际内容"`);
    expect([{ range: d.range, message: { en: 'Placeholder “TODO”' } }, ...(d.related ?? [])].map((r) => `${r.range.start.line + 1 - line} ${r.message.en.replace('Placeholder ', '')}`)).toEqual([
      '2 “TODO”',
      '2 “TBD”',
      '2 “FIXME”',
      '2 “XXX”',
      '4 “待补充”',
      '5 “待定”',
      '5 “待填写”',
      '9 “（略）”',
      '10 “(略)”',
      '12 “Lorem ipsum”',
      '12 “<产品名称>”',
      '12 “{{version}}”',
      '12 “<insert tester name>”',
      '16 “<代码>”',
    ]);
    expect((d.data.lines as number[]).map((l) => l + 1 - line)).toEqual([2, 2, 2, 2, 4, 5, 5, 9, 10, 12, 12, 12, 12, 16]);
  });
  test('one finding per section: two sections, two findings; a silenced placeholder is not counted', () => {
    let t = body(full, '网络安全测试报告', ['结论：待补充。', '', '<!-- cyberdossier-disable-next-line placeholder -->', '负责人：待定。', '', '日期：TBD。']);
    t = body(t, '可追溯性分析报告', ['见下表：待补充。']);
    const ds = checkFiles({ 'doc.md': t })[0].diagnostics.filter((x) => x.code === 'placeholder');
    expect(ds.map((x) => `${x.data.requirement} ${x.data.count} ${x.message.en}`)).toMatchInlineSnapshot(`
      [
        "D3.2 2 2 placeholders left in “3.2 网络安全测试报告” (D3.2) (“待补充”, “TBD”): replace them with the real content before submission",
        "D3.3 1 Placeholder “待补充” left in “3.3 可追溯性分析报告” (D3.3): replace it with the real content before submission",
      ]
    `);
  });
  test('the range is the placeholder text itself', () => {
    const r = checkFiles({ 'doc.md': body(full, '网络安全测试报告', ['结论：待补充。']) });
    const d = r[0].diagnostics.find((x) => x.code === 'placeholder')!;
    expect(d.range.end.character - d.range.start.character).toBe(3);
    expect(d.range.start.character).toBe(3);
  });
});

describe('tables: missing-column, incomplete-row, version-not-full', () => {
  test('OTS table: column order free, English headers, category as a sub-heading', () => {
    const t = body(full, '现成软件', [
      '#### 系统软件',
      '',
      '| Vendor | Full version | Name | Model/spec |',
      '| --- | --- | --- | --- |',
      '| Microsoft Corporation | 10.0.17763.5329 | Windows 10 IoT Enterprise LTSC | 2019 |',
      '',
      '#### 支持软件',
      '',
      '| Name | Model/spec | Full version | Vendor |',
      '| --- | --- | --- | --- |',
      '| SQLite | 通用版 | 3.42.0 | SQLite Consortium |',
    ]);
    expect(diag(t)).toBe('');
  });
  test('a missing column, an empty cell and versions that are not full', () => {
    const t = body(full, '现成软件', [
      '| 名称 | 完整版本 | 供应商 |',
      '| --- | --- | --- |',
      '| Windows 10 IoT Enterprise LTSC | Windows 10 | Microsoft Corporation |',
      '| OpenSSL | 1.1.1w |  |',
      '| SQLite | latest | SQLite Consortium |',
      '| Qt | 5.x | The Qt Company |',
    ]);
    const l = lineOf(t, '现成软件');
    expect(diag(t, { message: 'en' })).toBe(
      [
        `doc.md:${l + 2} error missing-column D1.6 — The “1.6 现成软件” (D1.6) table lacks a “Model/spec” column: guideline 四(二)1(6) asks for Name, Model/spec, Full version, Vendor`,
        `doc.md:${l + 4} warning version-not-full D1.6 — The version “Windows 10” of “Windows 10 IoT Enterprise LTSC” is not a full version: it must identify one exact build (e.g. 2.31, 3.0.13, 10.0.19044.3086, 1.1.1w, build 1234) (四(二)1(6))`,
        `doc.md:${l + 5} error incomplete-row D1.6 — This row of the “1.6 现成软件” (D1.6) table has no “Vendor” (guideline 四(二)1(6))`,
        `doc.md:${l + 6} warning version-not-full D1.6 — The version “latest” of “SQLite” is not a full version: it must identify one exact build (e.g. 2.31, 3.0.13, 10.0.19044.3086, 1.1.1w, build 1234) (四(二)1(6))`,
        `doc.md:${l + 7} warning version-not-full D1.6 — The version “5.x” of “Qt” is not a full version: it must identify one exact build (e.g. 2.31, 3.0.13, 10.0.19044.3086, 1.1.1w, build 1234) (四(二)1(6))`,
      ].join('\n'),
    );
  });
  test('the version range is the trimmed cell text', () => {
    const t = body(full, '现成软件', ['| 名称 | 型号规格 | 完整版本 | 供应商 |', '| --- | --- | --- | --- |', '| Qt | 商业版 |   V5   | The Qt Company |']);
    const d = checkFiles({ 'doc.md': t })[0].diagnostics[0];
    expect([d.code, d.range.start.character, d.range.end.character]).toEqual(['version-not-full', 15, 17]);
  });
  test('a listing section without a name-column table gets no table diagnostic', () => {
    expect(diag(body(full, '现成软件', ['本产品使用的现成软件见附件 5《现成软件清单》。', '', '| 附件 | 页数 |', '| --- | --- |', '| 附件 5 | 3 |']))).toBe('');
  });
  test.each([
    ['2.31', true], ['3.0.13', true], ['10.0.19044.3086', true], ['1.1.1w', true], ['V2.1.0.3', true],
    ['21H2 (build 19044.3086)', true], ['2023-05-01 build 1234', true], ['2024-05-01', true], ['build 1234', true], ['KB5034441', true],
    ['latest', false], ['*', false], ['x', false], ['2.x', false], ['>=1.2', false], ['~1.2', false], ['10', false], ['V3', false],
    ['Windows 10', false], ['', false], ['最新版', false], ['1.2 及以上', false], ['22H2', false],
  ])('isFullVersion(%j) = %s', (v, full) => {
    expect(isFullVersion(v)).toBe(full);
  });
  test('product.software_version must be full', () => {
    const t = full.replace('software_version: V3.0.2.118', 'software_version: V3');
    expect(diag(t)).toBe('doc.md:8 warning version-not-full');
  });
});

describe('unacceptable-residual-risk', () => {
  const risk = (cells: string[]) =>
    body(full, '风险分析报告', [
      '| 风险编号 | 威胁 | 控制措施 | 剩余风险 | 是否可接受 |',
      '| --- | --- | --- | --- | --- |',
      ...cells.map((c, i) => `| R-00${i + 1} | 伪造远程调速指令 | SR-001 指令签名 | 中 | ${c} |`),
      '',
      '风险接受准则矩阵（不是风险表）：',
      '',
      '| 严重度 | 可能性 | 是否可接受 |',
      '| --- | --- | --- |',
      '| 严重 | 经常 | 不可接受 |',
    ]);
  test.each([['不可接受'], ['Unacceptable'], ['否'], ['No'], ['不可接受（需增加控制）']])('%s → error on the row', (cell) => {
    const t = risk(['可接受', cell]);
    expect(diag(t)).toBe(`doc.md:${lineOf(t, '风险分析报告') + 5} error unacceptable-residual-risk D2`);
  });
  test('the residual column is used when there is no acceptability column; P5 too', () => {
    const t = body(full, '风险分析报告', ['| 编号 | Hazard | Mitigation | Residual risk |', '| --- | --- | --- | --- |', '| R-001 | 窃听 | TLS | 高，不可接受 |']);
    expect(diag(t)).toBe(`doc.md:${lineOf(t, '风险分析报告') + 4} error unacceptable-residual-risk D2`);
    const p = fixture('nmpa-2017/patch-description.md').replace('| 低 | 可接受 |', '| 高 | 否 |');
    expect(diag(p)).toMatch(/^doc\.md:\d+ error unacceptable-residual-risk P5$/);
  });
});

describe('IDs: undefined-reference and untraced-requirement', () => {
  test('a reference to an undefined ID, and whole-token matching (R-\\d+ not inside SR-012)', () => {
    const t = body(full, '网络安全测试报告', ['TC-001、TC-009 通过；需求 SR-001 已满足，SR-012 的风险见 R-002。']);
    const l = lineOf(t, '网络安全测试报告');
    expect(diag(t, { data: ['id'] })).toBe(
      [`doc.md:${l + 2} error undefined-reference id="TC-009"`, `doc.md:${l + 2} error undefined-reference id="SR-012"`].join('\n'),
    );
  });
  test('an untraced requirement: no defined test, or no defined risk', () => {
    let t = full.replace('- SR-002：HL7 通信须采用 TLS 1.2 加密。', '- SR-002：HL7 通信须采用 TLS 1.2 加密。\n- SR-003：日志导出须校验完整性。');
    t = t.replace('| SR-002 | SD-002 | TC-002 | R-002 |', '| SR-002 | SD-002 | TC-002 | R-002 |\n| SR-003 | SD-002 | 待定 | R-002 |');
    const line = t.split('\n').findIndex((l) => l.startsWith('- SR-003')) + 1;
    expect(diag(t, { message: 'en' })).toContain(
      `doc.md:${line} warning untraced-requirement D3.3 — Requirement SR-003 has no defined test in the traceability table`,
    );
  });
  test('no traceability table at all (an attachment): nothing is untraced', () => {
    const t = body(full, '可追溯性分析报告', ['可追溯性分析报告见附件 6《网络安全可追溯性分析报告》。']);
    // Nothing is untraced; the hint says the traceability rows were not checked (§3a).
    expect(diag(t)).toBe('doc.md:102 hint answered-by-reference D3.3');
  });
  test('IDs in the traceability table are references, not definitions', () => {
    const t = full.replace('| SR-002 | SD-002 | TC-002 | R-002 |', '| SR-002 | SD-002 | TC-002 | R-002 |\n| SR-099 | SD-002 | TC-002 | R-002 |');
    expect(diag(t, { data: ['id'] })).toMatch(/undefined-reference id="SR-099"$/);
  });
  test('configured ID patterns', () => {
    const t = body(full, '网络安全测试报告', ['用例 CS-TEST-07 通过。']);
    expect(diag(t)).toBe('');
    const r = checkFiles({ 'doc.md': t, '.cyberdossierrc.yaml': "ids:\n  test: ['TC-\\d+', 'CS-TEST-\\d+']\n" });
    expect(render(r, { data: ['id'] })).toBe(`doc.md:${lineOf(t, '网络安全测试报告') + 2} error undefined-reference id="CS-TEST-07"`);
  });
  test('definitions and references across the files of a dossier', () => {
    const files = {
      'd/dossier.yaml': FACTS,
      'd/t.md': '---\ndocument: technical-requirements\n---\n\n# 数据接口\n\nSR-001 所述加密，见 TC-001。\n\n## 传输协议\n\nHL7 v2.6。\n\n# 用户访问控制\n\n## 用户身份鉴别方法\n\n口令（SR-002）。\n\n## 用户类型及权限\n\n管理员。\n',
      'd/i.md': '---\ndocument: instructions-for-use\n---\n\n# 运行环境\n\n- SR-001：通信加密。\n- TC-001：加密测试。\n\n## 硬件配置\n\nPC。\n\n## 软件环境\n\nWindows。\n\n## 网络条件\n\n以太网。\n\n# 安全软件\n\n无，本产品不安装任何第三方安全软件。\n\n# 数据与设备接口\n\n网口。\n\n# 用户访问控制机制\n\n口令。\n\n# 软件环境与安全软件更新\n\n由厂家更新。\n',
    };
    expect(render(checkFiles(files), { data: ['id'] })).toBe('d/t.md:17 error undefined-reference id="SR-002"');
  });
});

describe('capability-unaddressed', () => {
  test('one per missing capability, on the D5 heading, with data.capability', () => {
    const t = full.replace(/\| PLOK \| 物理锁 \|.*\n/, '').replace(/\| TXIG \|.*\n/, '');
    const l = lineOf(t, '网络安全能力');
    expect(diag(t, { data: ['capability'] })).toBe(`doc.md:${l} warning capability-unaddressed D5 capability="PLOK"\ndoc.md:${l} warning capability-unaddressed D5 capability="TXIG"`);
  });
  test('capabilities as sub-headings or list items, by code or by name', () => {
    const caps = ['ALOF', 'AUDT', 'AUTH', 'CNFS', 'CSUP', 'DIDT', 'DTBK', 'EMRG', 'IGAU', 'MLDP', 'NAUT', 'PAUT', 'PLOK', 'RDMP', 'SAHD', 'SGUD', 'STCF'];
    const t = body(full, '网络安全能力', [
      ...caps.flatMap((c, i) => [`### 5.${i + 1} ${c}`, '', '适用，已实现。', '']),
      '- 传输保密性：TLS 1.2。',
      '- Transmission integrity: HMAC.',
    ]);
    expect(diag(t)).toBe('');
  });
});

describe('inconsistent-fact', () => {
  test('a protocol of the frontmatter not named in T1', () => {
    const t = fixture('nmpa-2017/technical-requirements.md').replace('- { name: HL7 v2.6, kind: standard }', '- { name: HL7 v2.6, kind: standard }\n      - { name: DICOM 3.0, kind: standard }');
    expect(diag(t, { message: 'en' })).toMatchInlineSnapshot(
      `"doc.md:16 warning inconsistent-fact T1 — “DICOM 3.0” (interfaces.network.protocols) is declared in the frontmatter but not named in “2.8 数据接口” (T1): that section must name every protocol and format (五(一)2(1))"`,
    );
  });
  test('the same fact differing between files of one dossier folder', () => {
    const files = {
      'd/dossier.yaml': FACTS,
      'd/a.md': '---\ndocument: technical-requirements\nproduct:\n  software_version: V1.2.4\n---\n\n# 数据接口\n\n以太网。\n\n## 传输协议\n\nHL7 v2.6。\n\n# 用户访问控制\n\n## 用户身份鉴别方法\n\n口令。\n\n## 用户类型及权限\n\n管理员。\n',
    };
    expect(render(checkFiles(files), { message: 'en' })).toMatchInlineSnapshot(
      `"d/a.md:4 warning inconsistent-fact — product.software_version is V1.2.4 here but V1.2.3 in dossier.yaml: the files of one dossier describe one product"`,
    );
  });
});

test('duplicate-section: the second heading', () => {
  const t = full.replace('### 4.2 用户告知', '### 4.2 用户告知\n\n书面告知。\n\n### 4.2 用户通知');
  expect(diag(t, { data: ['firstAt'] })).toBe(`doc.md:${lineOf(t, '用户通知')} warning duplicate-section D4.2 firstAt=${lineOf(t, '用户告知') - 1}`);
});

describe('privacy-not-addressed', () => {
  const noPrivacy = full.replace('系统处理的输注记录含患者个人信息，隐私保护措施见第 2 章与第 5 章。', '').replace('健康数据：患者标识', '健康数据：患者标识');
  test('on the D1.1 heading', () => {
    const t = noPrivacy.replace('，涉及患者隐私', '');
    expect(diag(t)).toBe(`doc.md:${lineOf(t, '类型')} warning privacy-not-addressed`);
  });
  test('on the data.types value when D1.1 is absent; nothing for device data only', () => {
    const t = replaceLines(noPrivacy.replace('，涉及患者隐私', ''), lineOf(noPrivacy, '类型') - 1, lineOf(noPrivacy, '功能') - 1, []);
    expect(diag(t)).toBe(`doc.md:10 warning privacy-not-addressed\ndoc.md:${lineOf(t, '基本信息')} error missing-section D1.1`);
    expect(diag(t.replace('types: [health, device]', 'types: [device]'))).toBe(`doc.md:${lineOf(t, '基本信息')} error missing-section D1.1`);
  });
});

describe('config-invalid and severities', () => {
  test('unknown keys, bad severities and invalid patterns land on the rc file; the rest applies', () => {
    const r = checkFiles({
      'doc.md': full.replace('### 4.3 软件版本命名规则', '### 4.3 版本规则'),
      '.cyberdossierrc.yaml': "rules:\n  missing-section/D4.3: off\n  placeholdr: warning\n  empty-section: loud\nids:\n  test: ['TC-(']\nlocal: en\n",
    });
    expect(render(r, { message: 'en' })).toMatchInlineSnapshot(`
      ".cyberdossierrc.yaml:3 error config-invalid — Unknown diagnostic code placeholdr. Did you mean placeholder?
      .cyberdossierrc.yaml:4 error config-invalid — Severity must be off | hint | info | warning | error
      .cyberdossierrc.yaml:6 error config-invalid — Invalid regular expression TC-(: the linear-time engine (RE2) does not accept it: missing closing ): \`TC-(\`
      .cyberdossierrc.yaml:7 error config-invalid — Unknown configuration key local. Did you mean locale?"
    `);
  });
  test('a code set to off, a code/requirement more specific than the code', () => {
    const t = full.replace('### 4.3 软件版本命名规则', '### 4.3 版本规则');
    expect(diag(t)).toBe(`doc.md:${lineOf(t, '维护计划')} warning missing-section D4.3`);
    expect(diag(t, { settings: { rules: { 'missing-section': 'info' } } })).toBe(`doc.md:${lineOf(t, '维护计划')} info missing-section D4.3`);
    expect(diag(t, { settings: { rules: { 'missing-section': 'error', 'missing-section/D4.3': 'off' } } })).toBe('');
    // The rc file wins over editor settings.
    expect(diag(t, { settings: { rules: { 'missing-section/D4.3': 'off' } }, extra: { '.cyberdossierrc.yaml': 'rules:\n  missing-section/D4.3: error\n' } })).toBe(
      `doc.md:${lineOf(t, '维护计划')} error missing-section D4.3`,
    );
  });
  test('errors in dossier.yaml are config-invalid on dossier.yaml', () => {
    const r = checkFiles({
      'd/dossier.yaml': 'document: technical-requirements\n' + FACTS.replace('wired: true', 'wired: true\n    bandwith: 10M'),
      'd/t.md': '---\ndocument: technical-requirements\n---\n\n# 数据接口\n\n以太网。\n\n## 传输协议\n\nHL7 v2.6。\n\n# 用户访问控制\n\n## 用户身份鉴别方法\n\n口令。\n\n## 用户类型及权限\n\n管理员。\n',
    });
    expect(render(r, { message: 'en' })).toMatchInlineSnapshot(`
      "d/dossier.yaml:1 error config-invalid — document does not belong in dossier.yaml; set it in each file's frontmatter
      d/dossier.yaml:12 error config-invalid — Unknown key interfaces.network.bandwith. Did you mean bandwidth?"
    `);
  });
});

test('file-too-large: line 0, not checked', () => {
  const r = checkFiles({ 'doc.md': full, '.cyberdossierrc.yaml': 'maxFileSize: 4KB\n' });
  expect(render(r, { message: 'en' })).toMatch(/^doc\.md:1 error file-too-large — The file is \d+\.\d KB, over the limit of 4\.0 KB; it was not checked/);
});

describe('suppression comments', () => {
  const t = full
    .replace('### 4.3 软件版本命名规则', '<!-- cyberdossier-disable-next-line missing-section -->\n\n### 4.3 版本规则')
    .replace('| SQLite | 通用版 | 3.42.0 |', '| SQLite | 通用版 | latest |');
  test('next-line does not reach a finding elsewhere', () => {
    expect(diag(t)).toBe(`doc.md:${lineOf(t, '现成软件') + 6} warning version-not-full D1.6\ndoc.md:${lineOf(t, '维护计划')} warning missing-section D4.3`);
  });
  test('disable-next-line on the line before the finding, with a requirement', () => {
    const u = t.replace('## 4 维护计划', '<!-- cyberdossier-disable-next-line missing-section D4.3 -->\n## 4 维护计划');
    expect(diag(u)).toBe(`doc.md:${lineOf(u, '现成软件') + 6} warning version-not-full D1.6`);
    const w = t.replace('## 4 维护计划', '<!-- cyberdossier-disable-next-line missing-section D4.1 -->\n## 4 维护计划');
    expect(diag(w)).toContain('missing-section D4.3');
  });
  test('a disable/enable region around a table, and disable-file', () => {
    const u = t.replace('### 1.6 现成软件\n', '### 1.6 现成软件\n\n<!-- cyberdossier-disable version-not-full -->\n').replace('| OpenSSL | 通用版 | 3.0.13 | OpenSSL Software Foundation |\n', '| OpenSSL | 通用版 | 3.0.13 | OpenSSL Software Foundation |\n\n<!-- cyberdossier-enable version-not-full -->\n');
    expect(diag(u)).toBe(`doc.md:${lineOf(u, '维护计划')} warning missing-section D4.3`);
    expect(diag(`${t}\n<!-- cyberdossier-disable-file missing-section D4.3, version-not-full -->\n`)).toBe('');
    expect(diag(`${t}\n<!-- cyberdossier-disable-file -->\n`)).toBe('');
  });
});

test('a Markdown file that is not a dossier file gets no diagnostics at all', () => {
  const readme = '# 项目说明\n\nTODO：整理。\n\n## 测试\n\n| 名称 | 版本 |\n| --- | --- |\n| x | latest |\n';
  expect(diag(readme)).toBe('');
  expect(diag(`---\ntitle: 周报\n---\n\n${readme}`)).toBe('');
  expect(checkFiles({ 'notes/readme.md': readme, 'd/x.md': full }, { folders: ['.'] }).map((r) => r.path)).toEqual(['/ws/d/x.md']);
});
