// The structure planner's ordering stage (features/migrate/ordering.ts): which sections keep
// their place and which move, the pinning of the headings step, the final order with moved
// sections at their catalogue place, and the heading levels.

import { describe, expect, test } from 'vitest';
import { heaviestIncreasing } from '../../server/src/features/migrate/increasing';
import { assignDepths, collectMoves, finalLayout, movedRootsOf, settleTree } from '../../server/src/features/migrate/ordering';
import { assignRoles } from '../../server/src/features/migrate/roles';
import type { StructurePlan } from '../../server/src/features/migrate/structure-types';
import { buildTargetTree, preorder, type TreeSource } from '../../server/src/features/migrate/target-tree';
import { DESCRIPTION_2017, structureInputOf } from './migrate-stage-input';

const input = structureInputOf(DESCRIPTION_2017);
const src: TreeSource = { headings: input.model.headings, roles: assignRoles(input), kind22: input.kind22 };
const titles = (xs: Iterable<number>) => [...xs].map((x) => src.headings[x]?.text ?? `new#${x}`);

describe('heaviestIncreasing', () => {
  test('keeps the increasing subsequence of largest weight, not the longest', () => {
    // 3 4 5 are longest; 0 (weight 100) outweighs them.
    expect(heaviestIncreasing([3, 4, 5, 0], [1, 1, 1, 100], 6)).toEqual([3]);
    expect(heaviestIncreasing([3, 4, 5, 0], [1, 1, 1, 1], 6)).toEqual([0, 1, 2]);
    expect(heaviestIncreasing([], [], 0)).toEqual([]);
  });
});

describe('movedRootsOf', () => {
  test('the sections out of order in the target are the moves, as subtree roots', () => {
    const tree = buildTargetTree(src, new Set());
    const moved = movedRootsOf(tree.nodes, preorder(tree.nodes), src.headings.length);
    // 1.4.1 goes into 验证与确认 (after 风险管理 in the document) and 风险管理 goes after it:
    // keeping 验证与确认 in place, those two move; 2.1 moves with 风险管理, not on its own.
    expect(titles(moved)).toEqual(['1.4.1 无线电管理符合性', '2 风险管理']);
  });
});

describe('settleTree', () => {
  test('the moves step keeps the moves', () => {
    expect(titles(settleTree(src, 'moves').moved)).toEqual(['1.4.1 无线电管理符合性', '2 风险管理']);
  });

  test('the headings step pins every re-parented section that would move: nothing moves', () => {
    const { tree, moved } = settleTree(src, 'headings');
    expect(moved.size).toBe(0);
    expect(tree.nodes[4].parent).toBe(3); // 1.4.1 stays under 交换方式
    expect(tree.nodes[6].reparented).toBe(false); // 风险管理 stays at the top level
  });
});

describe('collectMoves and finalLayout', () => {
  test('a move carries its subtree; moved sections go after their catalogue predecessors', () => {
    const { tree, moved } = settleTree(src, 'moves');
    const moves = collectMoves(tree.nodes, moved, src.headings.length);
    expect(titles(moves.moveRoots)).toEqual(['1.4.1 无线电管理符合性', '2 风险管理']);
    expect(titles(moves.movedAll)).toEqual(['1.4.1 无线电管理符合性', '2 风险管理', '2.1 风险分析报告']);
    const layout = finalLayout(src.kind22, tree.nodes, moves.moveRoots);
    const r2 = tree.slotNode.get('R2')!;
    // R2.1 风险管理 before R2.3 验证与确认; R2.3.7 after R2.3.1 among 验证与确认's children.
    expect(titles(tree.nodes[r2].children)).toEqual(['2 风险管理', '3 验证与确认']);
    expect(titles(tree.nodes[8].children)).toEqual(['3.1 网络安全测试计划', '1.4.1 无线电管理符合性']);
    expect(layout.finalOrder.slice(-6)).toEqual([r2, 6, 7, 8, 9, 4]);
  });

  test('a new heading whose sections all move is part of the move', () => {
    // 实现过程 (new) wraps 风险管理 and 验证与确认 here, and 验证与确认 stays: the move is 风险管理 alone.
    const { tree, moved } = settleTree(src, 'moves');
    expect(collectMoves(tree.nodes, moved, src.headings.length).moveRoots.has(tree.slotNode.get('R2')!)).toBe(false);
    // 验证与确认 before 基本信息: the new 实现过程 wraps only it, so the new heading is the move.
    const first = structureInputOf('## 3 验证与确认\n\n## 1 基本信息\n\n### 1.5 安全软件\n\n### 1.1 类型\n\n### 1.2 功能\n');
    const s2: TreeSource = { headings: first.model.headings, roles: assignRoles(first), kind22: first.kind22 };
    const settled = settleTree(s2, 'moves');
    expect([...settled.moved]).toEqual([0]);
    const m2 = collectMoves(settled.tree.nodes, settled.moved, s2.headings.length);
    expect([...m2.moveRoots]).toEqual([settled.tree.slotNode.get('R2')]);
    expect([...m2.movedAll].sort()).toEqual([0, settled.tree.slotNode.get('R2')].sort());
  });
});

describe('assignDepths', () => {
  test('kept nesting keeps its distance; re-parented and new headings sit one below their parent', () => {
    const { tree, moved } = settleTree(src, 'moves');
    const layout = finalLayout(src.kind22, tree.nodes, collectMoves(tree.nodes, moved, src.headings.length).moveRoots);
    const problems: StructurePlan['problems'] = [];
    assignDepths(src.headings, tree.nodes, layout.finalOrder, problems);
    const depth = (slotOrHeading: string | number) => tree.nodes[typeof slotOrHeading === 'number' ? slotOrHeading : tree.slotNode.get(slotOrHeading)!].depth;
    expect([depth(0), depth('R1.2'), depth('R1.2.2'), depth(1), depth(3), depth(5)]).toEqual([2, 3, 4, 5, 4, 3]);
    expect([depth('R2'), depth(6), depth(7), depth(8), depth(4)]).toEqual([2, 3, 4, 3, 4]);
    expect(problems).toEqual([]);
  });

  test('deeper than six is a problem and stays at six', () => {
    const deep = structureInputOf('##### 1 基本信息\n\n###### 1.1 类型\n');
    const s: TreeSource = { headings: deep.model.headings, roles: assignRoles(deep), kind22: deep.kind22 };
    const { tree } = settleTree(s, 'headings');
    const layout = finalLayout(s.kind22, tree.nodes, new Set());
    const problems: StructurePlan['problems'] = [];
    assignDepths(s.headings, tree.nodes, layout.finalOrder, problems);
    expect(problems).toEqual([{ line: 2, reason: 'too-deep', title: '1.1 类型' }]);
    expect(tree.nodes[1].depth).toBe(6);
  });
});
