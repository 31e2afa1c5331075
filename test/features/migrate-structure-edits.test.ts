// The structure planner's last stage (features/migrate/structure-edits.ts), through planStructure:
// heading lines edited in their named spans only, new skeleton headings inserted blank-line
// separated, each move a delete + insert pair carrying its text verbatim, problems reported.

import { describe, expect, test } from 'vitest';
import { applyOffsets } from '../../server/src/features/migrate/edits';
import { headingParts } from '../../server/src/features/migrate/heading-line';
import { planStructure } from '../../server/src/features/migrate/headings';
import { DESCRIPTION_2017, structureInputOf } from './migrate-stage-input';

const outline = (t: string) => t.split('\n').filter((l) => l.startsWith('#'));

describe('headingParts', () => {
  test('the `#` run, the decimal number, its separator and the title', () => {
    expect(headingParts('### 1.4 交换方式 ##')).toEqual({ hashes: 3, content: 4, number: '1.4', sep: ' ', title: '交换方式', titleStart: 8 });
    expect(headingParts('## 风险管理')).toMatchObject({ hashes: 2, number: undefined, title: '风险管理' });
    expect(headingParts('2.1 Risk analysis')).toMatchObject({ hashes: undefined, content: 0, number: '2.1', title: 'Risk analysis' });
  });
});

describe('the edits of planStructure', () => {
  test('headings step: only `#` runs, numbers and renamed titles change; new parents are inserted', () => {
    const plan = planStructure(structureInputOf(DESCRIPTION_2017), 'headings');
    expect(plan.moves).toEqual([]);
    for (const e of plan.edits) {
      const removed = DESCRIPTION_2017.slice(e.start, e.end);
      expect(removed === '' || /^#+$|^[\d.]+$|^交换方式$/.test(removed), JSON.stringify(e)).toBe(true);
    }
    expect(plan.created.map((c) => c.requirement)).toEqual(['R1.2', 'R1.2.2', 'R2']);
    const after = applyOffsets(DESCRIPTION_2017, plan.edits);
    expect(outline(after).slice(0, 7)).toEqual(['## 1 基本信息', '### 1.2 数据架构', '#### 1.2.2 数据情况', '##### 1.2.2.1 类型', '##### 1.2.2.2 功能', '#### 1.2.3 电子接口情况', '##### 1.2.3.1 无线电管理符合性']);
    expect(after).toContain('\n\n### 1.2 数据架构\n\n#### 1.2.2 数据情况\n\n##### 1.2.2.1 类型\n');
  });

  test('moves step: each move deletes its section and inserts it verbatim (but its heading line) at its new place', () => {
    const plan = planStructure(structureInputOf(DESCRIPTION_2017), 'moves');
    expect(plan.moves.map((m) => [m.heading, m.title, m.parentTitle, m.requirement])).toEqual([
      [4, '1.4.1 无线电管理符合性', '3 验证与确认', 'R2.3.7'],
      [6, '2 风险管理', '实现过程', 'R2.1'],
    ]);
    const radio = plan.moves[0];
    const [del, ins] = [radio.edits.find((e) => e.text === '')!, radio.edits.find((e) => e.text !== '')!];
    expect(DESCRIPTION_2017.slice(del.start, del.end)).toBe('#### 1.4.1 无线电管理符合性\n\n正文：型号核准证。\n\n');
    expect(ins.text).toBe('\n#### 2.3.3 无线电管理符合性\n\n正文：型号核准证。\n\n');
    expect(ins.start).toBe(DESCRIPTION_2017.length);
    const after = applyOffsets(DESCRIPTION_2017, [...plan.edits, ...plan.moves.flatMap((m) => m.edits)]);
    expect(outline(after).slice(-6)).toEqual(['## 2 实现过程', '### 2.1 风险管理', '#### 2.1.1 风险分析报告', '### 2.3 验证与确认', '#### 2.3.1 网络安全测试计划', '#### 2.3.3 无线电管理符合性']);
  });

  test('CRLF documents get CRLF in what is inserted', () => {
    const crlf = DESCRIPTION_2017.replace(/\n/g, '\r\n');
    const plan = planStructure(structureInputOf(crlf), 'headings');
    const inserted = plan.edits.filter((e) => e.start === e.end && e.text.includes('数据架构'));
    expect(inserted.map((e) => e.text)).toEqual(['### 1.2 数据架构\r\n\r\n#### 1.2.2 数据情况\r\n\r\n']);
  });

  test('a setext heading keeps its level; one that must change level is a problem, not an edit', () => {
    const text = '1 基本信息\n==========\n\n### 1.1 类型\n';
    const plan = planStructure(structureInputOf(text), 'headings');
    expect(plan.problems.filter((p) => p.reason === 'setext')).toEqual([]);
    const deeper = planStructure(structureInputOf('# 1 基本信息\n\n1.1 类型\n--------\n'), 'headings');
    expect(deeper.problems).toEqual([{ line: 2, reason: 'setext', title: '1.1 类型' }]);
  });

  test('no headings, no plan', () => {
    expect(planStructure(structureInputOf('正文，没有标题。\n'), 'moves')).toEqual({ edits: [], moves: [], problems: [], created: [] });
  });
});
