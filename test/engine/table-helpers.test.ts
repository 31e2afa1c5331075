// rules/table-helpers.ts (issue 15 item 3): the table helpers the check kinds share — where a row
// lies, how a column role is named, which tables are risk tables and which lie in a section —
// over a model built from a dossier-like Markdown file.

import { describe, expect, test } from 'vitest';
import { buildModel } from '../../server/src/engine/model';
import { fdaPremarket2025 } from '../../server/src/engine/rulesets/fda-premarket-2025';
import { nmpa2017 } from '../../server/src/engine/rulesets/nmpa-2017';
import { isRiskTable, labelOf, rowRange, rulesetLabelOf, tablesIn } from '../../server/src/engine/rules/table-helpers';

const TEXT = [
  '# 网络安全描述文档', //                                 0
  '', //                                                   1
  '## 4 风险管理', //                                      2
  '', //                                                   3
  '| 风险编号 | 威胁 | 脆弱性 | 风险水平 | 控制措施 | 剩余风险 | 是否可接受 |', // 4
  '| --- | --- | --- | --- | --- | --- | --- |', //       5
  '| R1 | 未授权访问 | 默认口令 | 高 | 首次登录强制修改口令 | 低 | 可接受 |', // 6
  '| R2 | 数据篡改 | 明文传输 | 中 | TLS 1.2 | 低 | 可接受 |', // 7
  '', //                                                   8
  '### 4.1 现成软件', //                                   9
  '', //                                                   10
  '| 名称 | 型号规格 | 完整版本 | 供应商 |', //           11
  '| --- | --- | --- | --- |', //                         12
  '| OpenSSL | 通用 | 3.0.13 | OpenSSL Project |', //     13
  '', //                                                   14
  '## 5 其他', //                                          15
  '', //                                                   16
  '| 项目 | 说明 |', //                                   17
  '| --- | --- |', //                                     18
  '| 维护 | 远程维护 |', //                               19
  '',
].join('\n');

describe('table-helpers', () => {
  const model = buildModel(TEXT);
  const heading = (text: string) => model.headings.findIndex((h) => h.text.includes(text));

  test('tablesIn: a section holds its own tables and those of its sub-sections, not the next section\'s', () => {
    expect(tablesIn(model, heading('风险管理')).map((t) => model.lines.positionAt(t.base + t.fact.start).line)).toEqual([4, 11]);
    expect(tablesIn(model, heading('现成软件')).map((t) => model.lines.positionAt(t.base + t.fact.start).line)).toEqual([11]);
    expect(tablesIn(model, heading('其他'))).toHaveLength(1);
  });

  test('rowRange: the whole source line of the header and of each row', () => {
    const [risk] = model.tables;
    expect(rowRange(model, risk, risk.fact.start)).toEqual({ start: { line: 4, character: 0 }, end: { line: 4, character: TEXT.split('\n')[4].length } });
    expect(risk.fact.rows.map((r) => rowRange(model, risk, r.start).start.line)).toEqual([6, 7]);
  });

  test('isRiskTable: threat, control and residual/acceptability columns make a risk table', () => {
    expect(model.tables.map((t) => isRiskTable(nmpa2017, t))).toEqual([true, false, false]);
  });

  test('labelOf / rulesetLabelOf: the shared label, a rule set\'s own label first, the role itself otherwise', () => {
    expect(labelOf('version')).toEqual({ zh: '完整版本', en: 'Full version' });
    expect(labelOf('no-such-role')).toEqual({ zh: 'no-such-role', en: 'no-such-role' });
    expect(rulesetLabelOf(fdaPremarket2025, 'name')).toEqual({ zh: '组件名称', en: 'Component name' });
    expect(rulesetLabelOf(nmpa2017, 'name')).toEqual(labelOf('name'));
  });
});
