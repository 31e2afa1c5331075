// The structure planner's numbering (features/migrate/renumber.ts): the catalogue position `k`,
// the shared prefix of numbered siblings, and the three numbering rules on a 2017 outline.

import { describe, expect, test } from 'vitest';
import { getRuleSet } from '../../server/src/engine/rulesets';
import { headingParts } from '../../server/src/features/migrate/heading-line';
import { assignDepths, collectMoves, finalLayout, settleTree } from '../../server/src/features/migrate/ordering';
import { catalogueNumber, childPrefix, Numbering } from '../../server/src/features/migrate/renumber';
import { assignRoles } from '../../server/src/features/migrate/roles';
import { DESCRIPTION_2017, structureInputOf } from './migrate-stage-input';

const kind22 = getRuleSet('nmpa-2022')!.kinds.find((k) => k.id === 'cybersecurity-research-report')!;

describe('catalogueNumber', () => {
  test('counts the siblings before it that are always required or present', () => {
    // Under R1 every child is always required.
    expect(catalogueNumber(kind22, 'R1.2', () => false)).toBe(2);
    expect(catalogueNumber(kind22, 'R2.3', () => false)).toBe(3);
    expect(catalogueNumber(kind22, 'R1.5', () => false)).toBe(5);
    // R1.2.4 远程维护与升级 is conditional: it counts only when the document has it.
    expect(catalogueNumber(kind22, 'R1.2.5', () => false)).toBe(4);
    expect(catalogueNumber(kind22, 'R1.2.5', (id) => id === 'R1.2.4')).toBe(5);
  });
});

describe('childPrefix', () => {
  test('the prefix the numbered siblings share, "" for single numbers, undefined when they disagree', () => {
    expect(childPrefix(['1', '1.1', '1.2', undefined], [1, 2, 3])).toBe('1.');
    expect(childPrefix(['1', '2'], [0, 1])).toBe('');
    expect(childPrefix(['1.1', '2.1'], [0, 1])).toBeUndefined();
    expect(childPrefix([undefined], [0])).toBeUndefined();
  });
});

describe('Numbering', () => {
  function numbersOf(text: string, mode: 'headings' | 'moves') {
    const input = structureInputOf(text);
    const H = input.model.headings;
    const roles = assignRoles(input);
    const { tree, moved } = settleTree({ headings: H, roles, kind22: input.kind22 }, mode);
    const moves = collectMoves(tree.nodes, moved, H.length);
    const layout = finalLayout(input.kind22, tree.nodes, moves.moveRoots);
    assignDepths(H, tree.nodes, layout.finalOrder, []);
    const parts = H.map((h) => headingParts(input.model.lines.lineText(h.line)));
    const numbering = new Numbering({ headings: H, parts, roles, kind17: input.kind17, kind22: input.kind22, tree, ...layout, movedAll: moves.movedAll, mode });
    const name = (x: number) => (tree.nodes[x].h !== undefined ? H[tree.nodes[x].h!].text : tree.nodes[x].slot!);
    return { numbering, list: layout.finalOrder.map((x) => `${name(x)} → ${numbering.newNum.get(x) ?? '-'}`), tree };
  }

  test('moved and new headings take their 2022 catalogue numbers under a catalogue-numbered parent', () => {
    const { list } = numbersOf(DESCRIPTION_2017, 'moves');
    expect(list).toEqual([
      '1 基本信息 → 1', // rule 1: position unchanged
      'R1.2 → 1.2', // rule 3: new, parent numbered by the catalogue
      'R1.2.2 → 1.2.2',
      '1.1 类型 → 1.2.2.1', // rule 2: re-parented under a new parent, position among numbered siblings
      '1.2 功能 → 1.2.2.2',
      '1.4 交换方式 → 1.2.3', // R1.2.3 in the catalogue
      '1.5 安全软件 → 1.5', // kept
      'R2 → 2',
      '2 风险管理 → 2.1',
      '2.1 风险分析报告 → 2.1.1', // parent's number changed: old number with the parent's replaced
      '3 验证与确认 → 2.3',
      '3.1 网络安全测试计划 → 2.3.1',
      '1.4.1 无线电管理符合性 → 2.3.3', // R2.3.7: third of 验证与确认's children that are always required or present
    ]);
  });

  test('an unnumbered document stays unnumbered, new headings included', () => {
    const { list } = numbersOf(DESCRIPTION_2017.replace(/^(#+) [\d.]+ /gm, '$1 '), 'moves');
    expect(list.every((l) => l.endsWith('→ -'))).toBe(true);
  });

  test('the separator of a new number is the one the numbered headings use', () => {
    const { numbering, tree } = numbersOf(DESCRIPTION_2017.replace(/^(#+ [\d.]+) /gm, '$1\u3000'), 'moves');
    expect(numbering.sepOf(tree.slotNode.get('R1.2')!)).toBe('\u3000');
  });
});
