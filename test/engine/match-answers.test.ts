// match/answers.ts: answers without a heading (requirements.md §3a) in a 2022 patch update report —
// labels, table rows and reference sentences, each only inside its parent's section.
import { describe, expect, test } from 'vitest';
import { matchDocument } from '../../server/src/engine/match';
import { buildModel } from '../../server/src/engine/model/build';
import { getRuleSet } from '../../server/src/engine/rulesets';

const nmpa = getRuleSet('nmpa-2022')!;
const patch = nmpa.kinds.find((k) => k.id === 'cybersecurity-patch-update-report')!;
const text = `---
document: cybersecurity-patch-update-report
guideline: nmpa-2022
---

# IP-600 网络安全补丁更新研究报告

## 1 软件信息

软件名称 IP-600 输液工作站软件，发布版本 V3.1，完整版本 V3.1.0.27。

## 2 网络安全补丁

本次补丁修复 OpenSSL 漏洞 CVE-2024-0727，详见附件 2《补丁清单》。

## 3 风险管理

**风险分析报告**：见附件 3《IP-600 网络安全风险分析报告 V1.2》。

补丁涉及的风险均已重新评估。

**风险管理报告**：见附件 4《IP-600 网络安全风险管理报告 V1.2》。

## 4 验证与确认

| 文件 | 说明 |
| --- | --- |
| 网络安全测试计划 | 中等 |
| 网络安全测试报告 | 见附件 6《网络安全测试报告 V3.1》 |

测试计划详见附件 5《网络安全测试计划 V3.1》，其中规定了渗透测试的范围。
`;
const lineOf = (s: string) => text.split('\n').findIndex((l) => l.includes(s));

describe('answers without a heading', () => {
  const m = matchDocument(patch, [buildModel(text)], {}, nmpa.answers);
  test('labels answer the items of their parent’s section; a label’s region runs to the next label', () => {
    const u31 = m.answers.get('U3.1')!;
    const u32 = m.answers.get('U3.2')!;
    expect([u31.kind, u31.line, u31.reference]).toEqual(['label', lineOf('**风险分析报告**'), '附件 3']);
    expect(u31.region).toEqual({ from: lineOf('**风险分析报告**'), to: lineOf('**风险管理报告**') });
    expect([u32.kind, u32.region.from]).toEqual(['label', lineOf('**风险管理报告**')]);
    expect(u32.region.to).toBe(lineOf('## 4 验证与确认'));
  });
  test('a row answers only when its other cells say something; a reference sentence answers what it names', () => {
    const u42 = m.answers.get('U4.2')!;
    expect([u42.kind, u42.line, u42.rest.trim(), u42.reference]).toEqual(['row', lineOf('| 网络安全测试报告 |'), '见附件 6《网络安全测试报告 V3.1》', '附件 6']);
    const u41 = m.answers.get('U4.1')!;
    expect([u41.kind, u41.line]).toEqual(['reference', lineOf('测试计划详见附件 5')]);
  });
  test('headings answer their own requirements; nothing is answered outside its parent', () => {
    expect([...m.found.keys()].sort()).toEqual(['U1', 'U2', 'U3', 'U4']);
    expect([...m.answers.keys()].sort()).toEqual(['U3.1', 'U3.2', 'U4.1', 'U4.2']);
  });
});

test('the same label outside its parent’s section answers nothing', () => {
  const moved = text.replace('## 3 风险管理\n', '## 3 风险管理\n\n见下文。\n\n## 5 其他\n');
  const m = matchDocument(patch, [buildModel(moved)], {}, nmpa.answers);
  expect(m.answers.has('U3.1')).toBe(false);
  expect(m.answers.has('U3.2')).toBe(false);
  expect(m.answers.get('U4.2')?.kind).toBe('row');
});
