// Issue 18, acceptance: one finding per section still to write. A section that still has
// placeholders gets one finding — the placeholder finding — and the content checks that judge
// what that section says (version-rule-incomplete, section-incomplete, missing-diagram,
// vulnerability-assessment-incomplete) are folded into it (relatedInformation, data.folded), not
// reported beside it. Once the placeholders are gone those checks are reported on their own.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { FileReport } from '../../server/src/engine';
import { checkFiles, render } from '../helpers';

const EX = path.join(__dirname, '..', '..', 'examples', 'nmpa-2022', 'monitor');
const M22: Record<string, string> = {};
for (const name of fs.readdirSync(EX)) if (/\.(md|ya?ml)$/.test(name)) M22[`d/${name}`] = fs.readFileSync(path.join(EX, name), 'utf8');
const REPORT = 'd/cybersecurity-research-report.md';
const TR = 'd/technical-requirements.md';

function edit(files: Record<string, string>, file: string, from: string | RegExp, to: string): Record<string, string> {
  const next = files[file].replace(from, to);
  if (next === files[file]) throw new Error(`edit changed nothing: ${String(from)}`);
  return { ...files, [file]: next };
}

// No version naming rule anywhere: the technical requirements lose theirs, 软件信息 its reference.
const noRule = edit(
  edit(M22, TR, /### 1\.2 软件版本命名规则\n[\s\S]*?(?=\n#)/u, '### 1.2 软件版本\n\n软件名称：PM-9000 多参数患者监护仪嵌入式软件；发布版本：V2。\n'),
  REPORT,
  '（版本命名规则见产品技术要求 1.2）',
  '',
);
// …and 软件信息 still has placeholders.
const noRuleDraft = edit(noRule, REPORT, '| 发布版本 | V2 |', '| 发布版本 | <发布版本> |\n| 运行环境 | 待补充 |');

const reportOf = (rs: FileReport[]) => rs.find((r) => r.path.endsWith('cybersecurity-research-report.md'))!;

describe('placeholders and the content checks of the same section: one finding', () => {
  test('without placeholders, version-rule-incomplete is reported on its own (unchanged)', () => {
    expect(render([reportOf(checkFiles(noRule, { folders: ['d'] }))])).toMatchInlineSnapshot(`"d/cybersecurity-research-report.md:15 warning version-rule-incomplete R1.1"`);
  });

  test('with placeholders, it is folded into the placeholder finding of 软件信息', () => {
    const r = reportOf(checkFiles(noRuleDraft, { folders: ['d'] }));
    expect(render([r], { data: ['count', 'folded'], message: 'zh' })).toMatchInlineSnapshot(
      `"d/cybersecurity-research-report.md:21 warning placeholder R1.1 count=2 folded=["version-rule-incomplete"] — “1.1 软件信息”（R1.1）中残留 2 处占位符（“<发布版本>”、“待补充”）：提交前请替换为实际内容；另：软件版本命名规则不完整（见相关信息）"`,
    );
    expect(render([r], { message: 'en' })).toMatchInlineSnapshot(
      `"d/cybersecurity-research-report.md:21 warning placeholder R1.1 — 2 placeholders left in “1.1 软件信息” (R1.1) (“<发布版本>”, “待补充”): replace them with the real content before submission; also: version naming rule incomplete (see the related information)"`,
    );
    const d = r.diagnostics[0];
    // The folded finding first (where it was, its whole message), then the other placeholders.
    expect(d.related?.map((x) => `${x.range.start.line + 1} ${x.message.en}`)).toEqual([
      '15 version-rule-incomplete: “1.1 软件信息” (R1.1): no software version naming rule is given here, and the dossier has no technical requirements stating one (N1.1): the rule must cover cybersecurity updates and tell major from minor ones (二（八）1, 七（三）)',
      '22 Placeholder “待补充”',
    ]);
  });

  test('the group takes the strongest severity; a folded finding switched off folds nothing', () => {
    const loud = { ...noRuleDraft, 'd/.cyberdossierrc.yaml': 'rules:\n  version-rule-incomplete: error\n' };
    expect(render([reportOf(checkFiles(loud, { folders: ['d'] }))], { data: ['folded'] })).toMatchInlineSnapshot(
      `"d/cybersecurity-research-report.md:21 error placeholder R1.1 folded=["version-rule-incomplete"]"`,
    );
    const off = { ...noRuleDraft, 'd/.cyberdossierrc.yaml': 'rules:\n  version-rule-incomplete: "off"\n' };
    const r = reportOf(checkFiles(off, { folders: ['d'] }));
    expect(render([r], { data: ['folded'] })).toMatchInlineSnapshot(`"d/cybersecurity-research-report.md:21 warning placeholder R1.1"`);
    expect(r.diagnostics[0].message.en).not.toMatch(/also:/);
  });

  test('a switched-off placeholder leaves the content check reported as before', () => {
    const off = { ...noRuleDraft, 'd/.cyberdossierrc.yaml': 'rules:\n  placeholder: "off"\n' };
    expect(render([reportOf(checkFiles(off, { folders: ['d'] }))])).toMatchInlineSnapshot(`"d/cybersecurity-research-report.md:15 warning version-rule-incomplete R1.1"`);
  });

  test('placeholders in another section fold nothing', () => {
    const elsewhere = edit(noRule, REPORT, /(### 1\.2 数据架构\n+)/u, '$1<概述数据架构>\n\n');
    expect(render([reportOf(checkFiles(elsewhere, { folders: ['d'] }))])).toMatchInlineSnapshot(`
      "d/cybersecurity-research-report.md:15 warning version-rule-incomplete R1.1
      d/cybersecurity-research-report.md:35 warning placeholder R1.2"
    `);
  });
});

describe('a document-level finding anchored on a section still to write', () => {
  test('2017: privacy-not-addressed on 1.1 类型 folds into its placeholder; written, it is reported again', () => {
    const yaml = 'guideline: nmpa-2017\nsubmission: initial-registration\nproduct:\n  name: 监护仪\n  model: M-1\n  class: II\n  software_version: 1.0.0.1\ndata:\n  types: [health, device]\ninterfaces:\n  network: {}\n';
    const doc = (types: string) => `---\ndocument: cybersecurity-description\n---\n# 监护仪 网络安全描述文档\n\n## 1 基本信息\n\n概述。\n\n### 1.1 类型\n\n${types}\n`;
    const draft = checkFiles({ 'e/dossier.yaml': yaml, 'e/d.md': doc('<说明产品涉及的数据类型：健康数据、设备数据>') }, { files: ['e/d.md'] });
    const d = draft[0].diagnostics.filter((x) => x.range.start.line >= 9 && x.range.start.line <= 11);
    expect(d.map((x) => `${x.range.start.line + 1} ${x.code} ${JSON.stringify(x.data.folded)}`)).toEqual(['12 placeholder ["privacy-not-addressed"]']);
    expect(d[0].related?.[0]).toMatchObject({ range: { start: { line: 9 } } });
    const written = checkFiles({ 'e/dossier.yaml': yaml, 'e/d.md': doc('健康数据与设备数据。') }, { files: ['e/d.md'] });
    expect(written[0].diagnostics.filter((x) => x.range.start.line >= 9 && x.range.start.line <= 11).map((x) => `${x.range.start.line + 1} ${x.code}`)).toEqual(['10 privacy-not-addressed']);
  });
});
