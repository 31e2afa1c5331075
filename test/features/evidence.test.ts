// Answers without a heading (requirements.md §3a, issue 11): dossiers laid out the way applicants
// write them — items answered in prose with attachment references, by bold lead-ins, numbered
// paragraphs and table rows, headings in the guideline's own wording — check clean, while an item
// that is only mentioned (“测试报告：TODO”, “风险分析报告待补充”) is still reported.

import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Engine } from '../../server/src/engine/engine';
import { nmpa2017 } from '../../server/src/engine/rulesets/nmpa-2017';
import { nmpa2022 } from '../../server/src/engine/rulesets/nmpa-2022';
import { titleMatcher } from '../../server/src/engine/titles';
import { complete } from '../../server/src/features/completion';
import { hover } from '../../server/src/features/hover';
import { checklist } from '../../server/src/features/checklist';
import { viewOf } from '../../server/src/features/view';
import { checkFiles, memHost, render, ROOT } from '../helpers';
import { fixture, headings } from '../fixtures';
import { sbomReader } from '../../server/src/sbom';

const REPO = path.join(__dirname, '..', '..');
const read = (p: string) => fs.readFileSync(path.join(REPO, p), 'utf8');
const D17 = nmpa2017.kinds.find((k) => k.id === 'cybersecurity-description')!;
const R22 = nmpa2022.kinds.find((k) => k.id === 'cybersecurity-research-report')!;

/** Errors and warnings only (hints and infos are advice, not defects). */
const defects = (s: string) =>
  s
    .split('\n')
    .filter((l) => / (error|warning) /.test(l))
    .join('\n');

/** The engine and the state of `doc` among `files`. */
function stateOf(files: Record<string, string>, doc: string) {
  const host = memHost(files);
  const engine = new Engine({ sbom: sbomReader, host });
  const file = path.join(ROOT, doc);
  const reports = engine.check({ files: [file] }).reports;
  return { engine, file, view: viewOf(engine, file)!, reports };
}

/** How each requirement of the document is answered: heading, label, row or reference. */
function answers(files: Record<string, string>, doc: string): string {
  const { view } = stateOf(files, doc);
  const m = view.group!.match;
  return view.group!.kind.requirements
    .filter((r) => m.found.has(r.id) || m.answers.has(r.id))
    .map((r) => {
      const a = m.answers.get(r.id);
      return a ? `${r.id} ${a.kind}${a.reference ? ` (${a.reference})` : ''}` : `${r.id} heading`;
    })
    .join('\n');
}

const APPLICANT = 'test/fixtures/applicant';
const PROSE = read(`${APPLICANT}/nmpa-2017-prose/description.md`);
const NUMBERED = read(`${APPLICANT}/nmpa-2017-numbered/description.md`);
const BOLD_2022 = read(`${APPLICANT}/nmpa-2022-bold/cybersecurity-research-report.md`);
const DOSSIER_2022 = read(`${APPLICANT}/nmpa-2022-bold/dossier.yaml`);
const FULL_2017 = fixture('nmpa-2017/description-full.md');
const EXAMPLE_2022 = read('examples/nmpa-2022/monitor/cybersecurity-research-report.md');

describe('applicant layouts check clean', () => {
  test('2017: 四(二) 1–4 with 2–4 answered in prose and attachment references', () => {
    expect(render(checkFiles({ 'doc.md': PROSE }))).toMatchInlineSnapshot(`
      "doc.md:21 hint missing-section D5
      doc.md:57 hint answered-by-reference D2
      doc.md:63 hint answered-by-reference D3.3"
    `);
    expect(answers({ 'doc.md': PROSE }, 'doc.md')).toMatchInlineSnapshot(`
      "D1 heading
      D1.1 heading
      D1.2 heading
      D1.3 heading
      D1.4 heading
      D1.5 heading
      D1.6 heading
      D2 heading
      D2.1 reference (附件 1)
      D2.2 reference (附件 2)
      D3 heading
      D3.1 reference (附件 3、附件 4)
      D3.2 reference (附件 3、附件 4)
      D3.3 reference (附件 5)
      D3.5 reference (附件 6)
      D3.6 reference (附件 7)
      D4 heading
      D4.1 reference (《网络安全维护程序》)
      D4.2 reference (《网络安全维护程序》)
      D4.3 label"
    `);
  });

  test('2017: numbered paragraphs （1）/ 1) and bold lead-ins', () => {
    expect(defects(render(checkFiles({ 'doc.md': NUMBERED })))).toBe('');
    expect(answers({ 'doc.md': NUMBERED }, 'doc.md').split('\n').filter((l) => !l.endsWith('heading'))).toEqual([
      'D2.1 label (文件编号 RMF-CS-001)',
      'D2.2 label (文件编号 RMF-CS-002)',
      'D3.1 label',
      'D3.2 label',
      'D3.3 label (文件编号 TRA-CS-001)',
      'D3.5 label',
      'D3.6 label',
      'D4.1 label',
      'D4.2 label',
      'D4.3 label',
    ]);
  });

  test('2022: the example with the sub-headings under 2.1 / 2.3 / 2.5 / 3 as bold lead-ins', () => {
    const files = { 'd/doc.md': BOLD_2022, 'd/dossier.yaml': DOSSIER_2022 };
    expect(render(checkFiles(files, { files: ['d/doc.md'] }))).toBe('');
    expect(answers(files, 'd/doc.md').split('\n').filter((l) => !l.endsWith('heading'))).toEqual([
      // 1.1's 软件信息 table has a row for the cybersecurity level and why (not required here).
      'R1.1.1 row',
      'R2.1.1 label (附件 1)',
      'R2.1.2 label',
      'R2.3.1 label (附件 3)',
      'R2.3.2 label (报告编号 PM9000-STR-CS-002)',
      'R2.3.4 label',
      'R2.3.5 label (附件 5)',
      'R2.5.1 label',
      'R2.5.2 label',
      'R2.5.3 label',
      'R3.1 label',
    ]);
  });

  test('a label with its table below is checked like a heading: the risk table, the residual list, the diagram', () => {
    const files = { 'd/doc.md': BOLD_2022, 'd/dossier.yaml': DOSSIER_2022 };
    const broken = BOLD_2022.replace('| R-003 | 设备配置 | 篡改维护报文修改设备配置 | 私有协议缺少完整性保护 | 中 | SR-003 PMX 报文 HMAC-SHA256 校验与双向鉴别 | 低 | 是 |', '| R-003 | 设备配置 | 篡改维护报文修改设备配置 | 私有协议缺少完整性保护 | 中 | SR-003 PMX 报文 HMAC-SHA256 校验与双向鉴别 | 高 | 否 |')
      .replace('![图 4 网络安全更新流程图](figures/fig4-update-process.svg)\n', '')
      .replace('依据图 4 描述相关活动：', '相关活动如下：');
    expect(render(checkFiles({ ...files, 'd/doc.md': broken }, { files: ['d/doc.md'] }))).toMatchInlineSnapshot(`
      "d/doc.md:137 error unacceptable-residual-risk R2.1
      d/doc.md:210 warning missing-diagram R2.5.1"
    `);
  });
});

describe('the guideline’s own wording as headings', () => {
  test('2017: 符合无线电管理规定的证明材料, 网络安全风险分析报告, 网络安全风险管理报告, 网络安全测试计划和报告, 网络安全可追溯性分析报告, the version rule under 基本信息', () => {
    let t = FULL_2017.replace('#### 1.4.1 无线电管理符合性', '#### 1.4.1 符合无线电管理规定的证明材料')
      .replace('### 2.1 风险分析报告', '### 2.1 网络安全风险分析报告')
      .replace('### 2.2 风险管理总结报告', '### 2.2 网络安全风险管理报告')
      .replace('### 3.1 网络安全测试计划', '### 3.1 网络安全测试计划和报告')
      .replace('### 3.2 网络安全测试报告\n', '')
      .replace('### 3.3 可追溯性分析报告', '### 3.3 网络安全可追溯性分析报告')
      .replace('### 3.5 标准符合性证明', '### 3.5 标准符合性证明材料')
      .replace('### 3.6 完整性测试总结报告', '### 3.6 自定义传输协议完整性测试总结报告');
    // The version naming rule moved from 维护计划 to 基本信息 (四(一) fixes no place for it).
    const rule = /### 4\.3 软件版本命名规则\n\n[^\n]+\n\n/.exec(t)![0];
    t = t.replace(rule, '').replace('## 2 风险管理', `${rule.replace('4.3', '1.7')}## 2 风险管理`);
    expect(render(checkFiles({ 'doc.md': t }))).toBe(render(checkFiles({ 'doc.md': FULL_2017 })));
    const found = stateOf({ 'doc.md': t }, 'doc.md').view.group!.match.found;
    const line = (id: string) => headings(t)[found.get(id)!.heading].title;
    expect(['D1.4.1', 'D2.1', 'D2.2', 'D3.1', 'D3.2', 'D3.3', 'D3.5', 'D3.6', 'D4.3'].map((id) => `${id} ${line(id)}`)).toEqual([
      'D1.4.1 符合无线电管理规定的证明材料',
      'D2.1 网络安全风险分析报告',
      'D2.2 网络安全风险管理报告',
      'D3.1 网络安全测试计划和报告',
      'D3.2 网络安全测试计划和报告',
      'D3.3 网络安全可追溯性分析报告',
      'D3.5 标准符合性证明材料',
      'D3.6 自定义传输协议完整性测试总结报告',
      'D4.3 软件版本命名规则',
    ]);
  });

  test('2022: 网络安全需求规范文档, 网络安全测试计划和报告, 标准传输协议/存储格式真实性声明, 私有协议完整性测试总结报告, 流程图 titles, 网络安全补丁清单, 网络安全可追溯性分析报告, 网络安全研究结论', () => {
    const t = EXAMPLE_2022.replace('### 1.4 网络安全补丁', '### 1.4 网络安全补丁清单')
      .replace('### 2.2 需求规范', '### 2.2 网络安全需求规范文档')
      .replace('#### 2.3.1 网络安全测试计划', '#### 2.3.1 网络安全测试计划和报告')
      .replace('#### 2.3.2 网络安全测试报告\n', '')
      .replace('#### 2.3.3 标准传输协议或存储格式真实性声明', '#### 2.3.3 标准传输协议/存储格式真实性声明')
      .replace('#### 2.3.4 完整性测试总结报告', '#### 2.3.4 私有协议完整性测试总结报告')
      .replace('### 2.4 可追溯性分析', '### 2.4 网络安全可追溯性分析报告')
      .replace('#### 2.5.1 网络安全更新', '#### 2.5.1 网络安全更新流程图')
      .replace('#### 2.5.2 网络安全事件应急响应', '#### 2.5.2 网络安全事件应急响应流程图')
      .replace('#### 2.5.3 远程维护与升级', '#### 2.5.3 远程维护与升级流程图')
      .replace('## 4 结论', '## 4 网络安全研究结论');
    const files = { 'd/doc.md': t, 'd/dossier.yaml': DOSSIER_2022 };
    expect(render(checkFiles(files, { files: ['d/doc.md'] }))).toBe('');
    const found = answers(files, 'd/doc.md').split('\n');
    for (const id of ['R1.4', 'R2.2', 'R2.3.1', 'R2.3.2', 'R2.3.4', 'R2.3.5', 'R2.4', 'R2.5.1', 'R2.5.2', 'R2.5.3', 'R4']) expect(found).toContain(`${id} heading`);
  });
});

describe('an item merely mentioned is still reported', () => {
  const inD2 = (body: string) => PROSE.replace(/## 2 风险管理\n\n[^\n]+\n/, `## 2 风险管理\n\n${body}\n`);
  test('“风险分析报告待补充” (no answer, a placeholder): missing-section and the placeholder', () => {
    expect(defects(render(checkFiles({ 'doc.md': inD2('风险分析报告待补充。风险管理总结报告见附件 2。') })))).toMatchInlineSnapshot(`
      "doc.md:57 error missing-section D2.1
      doc.md:59 warning placeholder D2"
    `);
  });
  test('“风险分析报告：TODO” answers the item with a placeholder: the placeholder is reported', () => {
    expect(defects(render(checkFiles({ 'doc.md': inD2('风险分析报告：TODO\n\n风险管理总结报告见附件 2。') })))).toMatchInlineSnapshot(`"doc.md:59 warning placeholder D2.1"`);
  });
  test('a label with nothing after it: empty-section on the label', () => {
    expect(defects(render(checkFiles({ 'doc.md': inD2('**风险分析报告**：\n\n**风险管理总结报告**：8 项风险均已控制，全部剩余风险可接受（附件 2）。') })))).toMatchInlineSnapshot(`"doc.md:59 warning empty-section D2.1"`);
  });
  test('a sentence that names the item without saying where it is does not answer it', () => {
    expect(defects(render(checkFiles({ 'doc.md': inD2('风险分析报告按 YY/T 1406.1-2016 的格式编写。风险管理总结报告见附件 2。') })))).toMatchInlineSnapshot(`"doc.md:57 error missing-section D2.1"`);
  });
  test('a label that names another item answers that one only', () => {
    expect(defects(render(checkFiles({ 'doc.md': inD2('**风险管理总结报告**：全部剩余风险均是可接受的，见附件 2。') })))).toMatchInlineSnapshot(`"doc.md:57 error missing-section D2.1"`);
  });
  test('a reference in the wrong section does not count where the guideline fixes the place (D3.3 in 风险管理)', () => {
    const t = PROSE.replace('可追溯性分析报告见附件 5，追溯网络安全需求规范、设计规范、测试与风险管理的关系。', '').replace('全部剩余风险均是可接受的。', '全部剩余风险均是可接受的。可追溯性分析报告见附件 5。');
    expect(defects(render(checkFiles({ 'doc.md': t })))).toMatchInlineSnapshot(`"doc.md:61 error missing-section D3.3"`);
  });
  test('a bare 不适用 after a label: not-applicable-without-reason; with a reason: clean', () => {
    const t = inD2('**风险分析报告**：不适用。\n\n**风险管理总结报告**：见附件 2。');
    expect(defects(render(checkFiles({ 'doc.md': t })))).toMatchInlineSnapshot(`"doc.md:59 error not-applicable-without-reason D2.1"`);
    expect(defects(render(checkFiles({ 'doc.md': t.replace('不适用。', '不适用，本产品的网络安全风险分析并入软件风险管理文档，见附件 1。') })))).toBe('');
  });
  test('a table row answers only when it says something (“| 网络安全的安全性级别 | 中等 |” gives no reasons)', () => {
    const t = inD2('| 项目 | 内容 |\n| --- | --- |\n| 风险分析报告 | 是 |\n| 风险管理总结报告 | 见附件 2（文件编号 RMF-CS-002） |');
    expect(defects(render(checkFiles({ 'doc.md': t })))).toMatchInlineSnapshot(`"doc.md:57 error missing-section D2.1"`);
    expect(defects(render(checkFiles({ 'doc.md': t.replace('| 风险分析报告 | 是 |', '| 风险分析报告 | 见附件 1（文件编号 RMF-CS-001） |') })))).toBe('');
  });
});

describe('answered by reference: content checks that need the text say so, never an error', () => {
  const d16 = (body: string) => PROSE.replace(/### 1\.6 现成软件\n\n[\s\S]*?\n\n## 2/, `### 1.6 现成软件\n\n${body}\n\n## 2`);
  test('D1.6 “见附件 2”: one hint naming the reference', () => {
    expect(render(checkFiles({ 'doc.md': d16('现成软件清单见附件 2（文件编号 OTS-LIST-003）。') }), { data: ['reference'] }).split('\n').filter((l) => l.includes('D1.6'))).toEqual([
      'doc.md:48 hint answered-by-reference D1.6 reference="附件 2"',
    ]);
  });
  test('the table in the dossier is checked as today, reference or not', () => {
    const t = d16('现成软件清单另见附件 2。\n\n| 名称 | 型号规格 | 完整版本 | 供应商 |\n| --- | --- | --- | --- |\n| OpenSSL | 通用 | latest | OpenSSL Software Foundation |');
    expect(defects(render(checkFiles({ 'doc.md': t })))).toMatchInlineSnapshot(`"doc.md:54 warning version-not-full D1.6"`);
  });
  test('a bold label with the table below it: every check runs on the label’s region', () => {
    // 1.1–1.6 as bold lead-ins directly under 1 基本信息.
    const t = PROSE.replace(/### 1\.[1-5] (\S+)\n\n/g, '**$1**：').replace(/### 1\.6 现成软件\n\n/, '**现成软件**：本产品使用的现成软件如下。\n\n').replace('| 支持软件 | OpenSSL | 通用 | 3.0.13 |', '| 支持软件 | OpenSSL | 通用 | 3 |');
    expect(defects(render(checkFiles({ 'doc.md': t })))).toMatchInlineSnapshot(`"doc.md:43 warning version-not-full D1.6"`);
  });
});

describe('2022 vulnerability counts: by level only where the guideline asks', () => {
  const patchReport = (level: string, assessment: string) => `---
document: cybersecurity-patch-update-report
guideline: nmpa-2022
submission: change
updates: [minor]
update_content: [patch]
product: { name: 多参数患者监护仪, model: PM-9000, class: II, software_version: V2.1.1.0 }
software: { safety_level: ${level} }
data: { types: [device] }
functions: { user_access: true }
---

# 7 漏洞评估

${assessment}
`;
  const u7 = (s: string) => render(checkFiles({ 'doc.md': s })).split('\n').filter((l) => / U7[ .]|U7$/.test(l) && / (error|warning|hint) vulnerability/.test(l)).join('\n');
  test('表2 at 轻微: totals in prose or in a table are enough', () => {
    expect(u7(patchReport('minor', '本次补丁更新后经漏洞扫描，已知漏洞总数 12 个，已知剩余漏洞数 3 个，均为低危。'))).toBe('');
    expect(u7(patchReport('minor', '| 已知漏洞总数 | 已知剩余漏洞数 |\n| --- | --- |\n| 12 | 3 |'))).toBe('');
    expect(u7(patchReport('minor', '本次补丁更新后经漏洞扫描，已知漏洞共 12 个，无已知剩余漏洞。'))).toBe('');
  });
  test('at 轻微 a statement without numbers is still incomplete', () => {
    expect(u7(patchReport('minor', '已使用漏洞扫描工具进行了检查，未发现高风险漏洞。'))).toBe('doc.md:13 error vulnerability-assessment-incomplete U7');
  });
  test('at 中等 表2 asks for counts by level: totals are not enough', () => {
    expect(u7(patchReport('moderate', '本次补丁更新后经漏洞扫描，已知漏洞总数 12 个，已知剩余漏洞数 3 个。'))).toBe('doc.md:13 error vulnerability-assessment-incomplete U7');
  });
  test('the research report keeps counts by level at 轻微 (六（一）3 and 表1 say 按照…漏洞等级)', () => {
    const r = `---\ndocument: cybersecurity-research-report\nguideline: nmpa-2022\nsubmission: initial-registration\nproduct: { name: 多参数患者监护仪, model: PM-9000, class: II, software_version: V2.1.0.3 }\nsoftware: { safety_level: minor }\ndata: { types: [device] }\nfunctions: { user_access: true }\n---\n\n# 3 漏洞评估\n\n已知漏洞总数 12 个，已知剩余漏洞数 3 个。\n`;
    expect(render(checkFiles({ 'doc.md': r })).split('\n').filter((l) => l.includes('R3'))).toEqual(['doc.md:11 error vulnerability-assessment-incomplete R3']);
  });
});

describe('editor features follow the answers', () => {
  test('hover on a bold label shows the requirement it answers', () => {
    const { view, file } = stateOf({ 'doc.md': NUMBERED }, 'doc.md');
    const line = NUMBERED.split('\n').findIndex((l) => l.startsWith('**更新确认**'));
    const h = hover({ text: NUMBERED, position: { line, character: 3 }, locale: 'en', view, ruleset: nmpa2017 });
    expect(file).toBeTruthy();
    expect((h?.contents as { value: string }).value.split('\n\n')[0]).toBe('**D4.1 更新确认** · Update verification');
    expect((h?.contents as { value: string }).value).toContain('Answered by this labelled paragraph.');
  });
  test('hover on a reference sentence names the reference', () => {
    const { view } = stateOf({ 'doc.md': PROSE }, 'doc.md');
    const line = PROSE.split('\n').findIndex((l) => l.startsWith('网络安全测试计划 STP-CS-001'));
    const h = hover({ text: PROSE, position: { line, character: 2 }, locale: 'zh-CN', view, ruleset: nmpa2017 });
    expect((h?.contents as { value: string }).value).toContain('以引用作答（附件 3、附件 4）');
  });
  test('completion does not offer an item a label or reference already answers', () => {
    // A new sub-heading under 3 验证与确认: only the items nothing answers yet are offered.
    const t = PROSE.replace('## 4 维护计划', '### ‸\n\n## 4 维护计划');
    const i = t.indexOf('‸');
    const text = t.replace('‸', '');
    const line = text.slice(0, i).split('\n').length - 1;
    const { view } = stateOf({ 'doc.md': text }, 'doc.md');
    const items = complete({ text, position: { line, character: 4 }, locale: 'zh-CN', view, ruleset: nmpa2017 })?.items ?? [];
    // Issue 18 item 6: the answered items are still offered (never an empty list), all marked present.
    expect(items.filter((x) => x.sortText!.startsWith('0')).map((x) => x.detail?.split(' · ')[0])).toEqual([]);
    expect(items.filter((x) => x.sortText!.startsWith('2')).map((x) => x.detail?.split(' · ')[0])).toEqual(['D3.1', 'D3.2', 'D3.3', 'D3.5', 'D3.6']);
    expect(items.filter((x) => x.sortText!.startsWith('2')).every((x) => x.detail!.endsWith('✓ 已有'))).toBe(true);
  });
  test('the checklist says “answered by reference to 附件 5”', () => {
    const host = memHost({ 'd/doc.md': PROSE });
    const engine = new Engine({ sbom: sbomReader, host });
    engine.check({ files: [path.join(ROOT, 'd/doc.md')] });
    const c = checklist(engine, path.join(ROOT, 'd/doc.md'), 'en')!;
    const items = c.documents.flatMap((d) => d.requirements);
    const d33 = items.find((x) => x.id === 'D3.3')!;
    expect([d33.status, d33.note?.en, d33.location?.line]).toEqual(['present', 'answered by reference to 附件 5', 62]);
    expect(items.find((x) => x.id === 'D4.3')!.note?.zh).toBe('由第 71 行的标注段落作答');
  });
});

describe('title normalisation (requirements.md §3a)', () => {
  const m17 = titleMatcher(D17, nmpa2017.answers, {});
  const m22 = titleMatcher(R22, nmpa2022.answers, {});
  const kids = (k: typeof D17, id: string) => k.requirements.filter((r) => r.id.startsWith(`${id}.`) && r.id.split('.').length === id.split('.').length + 1);
  const ids = (rs: { id: string }[]) => rs.map((r) => r.id);
  test.each([
    ['网络安全测试计划和报告', 'D3', ['D3.1', 'D3.2']],
    ['测试计划与报告', 'D3', ['D3.1', 'D3.2']],
    ['网络安全测试报告', 'D3', ['D3.2']],
    ['医疗器械网络安全风险分析报告', 'D2', ['D2.1']],
    ['风险分析报告和风险管理总结报告', 'D2', ['D2.1', 'D2.2']],
    ['风险分析和风险管理总结报告', 'D2', ['D2.1', 'D2.2']],
    ['网络安全可追溯性分析报告', 'D3', ['D3.3']],
    ['完整性与可得性测试报告', 'D3', ['D3.7']],
    ['现成软件清单', 'D1', ['D1.6']],
    ['Cybersecurity Test Plan and Report', 'D3', ['D3.1', 'D3.2']],
  ])('%s under %s → %j', (title, parent, expected) => {
    expect(ids(m17.match(title, kids(D17, parent)))).toEqual(expected);
  });
  test('an exact title elsewhere wins: 测试报告 at the top level is not 验证与确认', () => {
    expect(ids(m17.match('测试报告', kids(D17, '').length ? D17.requirements.filter((r) => !r.id.includes('.')) : []))).toEqual([]);
    expect(ids(m17.match('网络安全测试', D17.requirements.filter((r) => !r.id.includes('.'))))).toEqual(['D3']);
  });
  test('a joined title names items only when every part does', () => {
    expect(ids(m17.match('基本信息与风险管理', D17.requirements.filter((r) => !r.id.includes('.'))))).toEqual(['D1', 'D2']);
    expect(ids(m17.match('PM-9000 网络安全描述文档（第 1 部分：基本信息与风险管理）', D17.requirements.filter((r) => !r.id.includes('.'))))).toEqual([]);
  });
  test('2022 wordings', () => {
    expect(ids(m22.match('网络安全需求规范文档', kids(R22, 'R2')))).toEqual(['R2.2']);
    expect(ids(m22.match('标准传输协议/存储格式真实性声明', kids(R22, 'R2.3')))).toEqual(['R2.3.4']);
    expect(ids(m22.match('网络安全事件应急响应流程图', kids(R22, 'R2.5')))).toEqual(['R2.5.2']);
    expect(ids(m22.match('网络安全研究结论', R22.requirements.filter((r) => !r.id.includes('.'))))).toEqual(['R4']);
  });
  test('sentences: a longer name hides the shorter one inside it', () => {
    expect([...m17.named('安全软件兼容性测试报告见附件 6')]).toEqual(['D3.4']);
    expect([...m17.named('网络安全测试计划和报告见附件 3')].sort()).toEqual(['D3.1', 'D3.2']);
    expect([...m22.named('医疗数据出境已完成安全评估，评估结论见附件 7')]).toEqual(['R1.2.5']);
  });
  test('no two sibling requirements share a normalised title (the matcher could not tell them apart)', () => {
    for (const rs of [nmpa2017, nmpa2022])
      for (const k of rs.kinds) {
        const m = titleMatcher(k, rs.answers, {});
        const byParent = new Map<string, string[]>();
        for (const r of k.requirements) if (!r.wholeDocument) byParent.set(r.id.replace(/\.?[^.]+$/, ''), [...(byParent.get(r.id.replace(/\.?[^.]+$/, '')) ?? []), r.id]);
        for (const sibs of byParent.values()) {
          const seen = new Map<string, string>();
          for (const id of sibs) {
            for (const key of m.looseKeys(k.requirements.find((r) => r.id === id)!)) {
              expect(seen.get(key) === undefined || seen.get(key) === id, `${k.id}: ${id} and ${seen.get(key)} share “${key}”`).toBe(true);
              seen.set(key, id);
            }
          }
        }
      }
  });
});

describe('property: a labelled block never answers a requirement its text does not name', () => {
  // D2.1 removed from a complete description; random labelled blocks, rows and reference
  // sentences are added under 风险管理, none of which names D2.1: it must stay missing.
  const m = titleMatcher(D17, nmpa2017.answers, {});
  const d21 = D17.requirements.find((r) => r.id === 'D2.1')!;
  const keys = [...m.looseKeys(d21), ...m.exactKeys(d21)].map((k) => k.replace(/\uE000/g, ''));
  const names = (s: string) => {
    const n = s.normalize('NFKC').toLowerCase().replace(/[\p{P}\p{S}\p{Z}\s]/gu, '');
    return keys.some((k) => n.includes(k)) || m.names(s, d21) || m.named(s).has('D2.1');
  };
  const base = FULL_2017.replace(/### 2\.1 风险分析报告\n\n[\s\S]*?(?=### 2\.2)/, '');
  const words = ['风险管理总结报告', '测试计划', '剩余风险', '风险', '分析', '报告', '见附件 3', '文件编号 RMF-02', '不适用', 'TODO', '资产与威胁', '可追溯性分析报告', '风险评价'];
  const phrase = fc.array(fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 4 })), { minLength: 1, maxLength: 4 }).map((p) => p.join(''));
  const block = fc.oneof(
    phrase.map((p) => `**${p}**：${p}见附件 2。`),
    fc.tuple(phrase, phrase).map(([a, b]) => `（1）${a}：${b}`),
    fc.tuple(phrase, phrase).map(([a, b]) => `| 项目 | 内容 |\n| --- | --- |\n| ${a} | ${b}，文件编号 X-001 |`),
    phrase.map((p) => `${p}详见附件 4。`),
    phrase.map((p) => `1) ${p}\n   见《${p}》`),
  );
  test('random labels under 风险管理', () => {
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 5 }), (blocks) => {
        fc.pre(blocks.every((b) => !names(b)));
        // A first paragraph of its own, so no block stands where a 不适用 answer would cover the section.
        const t = base.replace('## 2 风险管理\n\n', `## 2 风险管理\n\n本章说明网络安全风险管理活动。\n\n${blocks.join('\n\n')}\n\n`);
        expect(render(checkFiles({ 'doc.md': t }))).toMatch(/missing-section D2\.1/);
      }),
      { seed: 20261205, numRuns: 300 },
    );
  });
});
