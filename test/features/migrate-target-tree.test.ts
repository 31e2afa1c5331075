// The structure planner's target tree (features/migrate/target-tree.ts) on a 2017 网络安全描述文档
// outline: each heading under the node of its role's parent requirement, the missing 2022 parents
// created once, children in document order, cycles reported for the caller to pin.

import { describe, expect, test } from 'vitest';
import { buildModel, ChunkCache } from '../../server/src/engine/model';
import { assignRoles } from '../../server/src/features/migrate/roles';
import { buildTargetTree, preorder, rootsOf, TOP, type TargetTree, type TreeSource } from '../../server/src/features/migrate/target-tree';
import { DESCRIPTION_2017, structureInputOf } from './migrate-stage-input';

function sourceOf(text: string): TreeSource {
  const input = structureInputOf(text);
  return { headings: input.model.headings, roles: assignRoles(input), kind22: input.kind22 };
}

/** node → "slot or heading text ← parent", for reading. */
function shape(src: TreeSource, tree: TargetTree): string[] {
  const name = (x: number) => {
    const n = tree.nodes[x];
    return n.h !== undefined ? src.headings[n.h].text : `(new ${n.slot})`;
  };
  return preorder(tree.nodes).map((x) => {
    const p = tree.nodes[x].parent;
    return `${name(x)} ← ${p === TOP ? 'top' : name(p)}`;
  });
}

describe('buildTargetTree', () => {
  const src = sourceOf(DESCRIPTION_2017);

  test('headings go under their 2022 parents; the missing parents (数据架构, 数据情况, 实现过程) are created once', () => {
    const tree = buildTargetTree(src, new Set());
    expect(tree.cycle).toBeUndefined();
    expect(shape(src, tree)).toEqual([
      '1 基本信息 ← top',
      '(new R1.2) ← 1 基本信息',
      '(new R1.2.2) ← (new R1.2)',
      '1.1 类型 ← (new R1.2.2)',
      '1.2 功能 ← (new R1.2.2)',
      '1.4 交换方式 ← (new R1.2)',
      '1.5 安全软件 ← 1 基本信息',
      '(new R2) ← top',
      '3 验证与确认 ← (new R2)',
      '1.4.1 无线电管理符合性 ← 3 验证与确认',
      '3.1 网络安全测试计划 ← 3 验证与确认',
      '2 风险管理 ← (new R2)',
      '2.1 风险分析报告 ← 2 风险管理',
    ]);
    expect([...tree.slotNode.keys()].filter((s) => tree.nodes[tree.slotNode.get(s)!].h === undefined)).toEqual(['R1.2.2', 'R1.2', 'R2']);
  });

  test('re-parented marks exactly the headings whose parent changes; keys order siblings by their first heading', () => {
    const tree = buildTargetTree(src, new Set());
    const moved = tree.nodes.flatMap((n) => (n.reparented ? [src.headings[n.h!].text] : []));
    expect(moved).toEqual(['1.1 类型', '1.2 功能', '1.4 交换方式', '1.4.1 无线电管理符合性', '2 风险管理', '3 验证与确认']);
    // 验证与确认 (key 4: it now holds 1.4.1) sorts before 风险管理 (key 6) under the new 实现过程.
    const r2 = tree.slotNode.get('R2')!;
    expect(tree.nodes[r2].children.map((c) => src.headings[c].text)).toEqual(['3 验证与确认', '2 风险管理']);
    expect(rootsOf(tree.nodes).map((x) => tree.nodes[x].slot)).toEqual(['R1', 'R2']);
  });

  test('a pinned heading stays under its current parent', () => {
    const tree = buildTargetTree(src, new Set([4]));
    expect(tree.nodes[4].parent).toBe(3);
    expect(tree.nodes[4].reparented).toBe(false);
    expect(tree.nodes[3].children).toEqual([4]);
  });

  test('a cycle (a section whose new parent sits inside it) is reported, lowest heading first, until pinned away', () => {
    // 基本信息 (R1) nested inside 数据架构 (R1.2) inside 数据情况 (R1.2.2): every one wants the other as parent.
    const model = buildModel('# 数据情况\n\n## 数据架构\n\n### 基本信息\n\n', new ChunkCache());
    const cyc: TreeSource = { headings: model.headings, roles: [{ slot: 'R1.2.2' }, { slot: 'R1.2' }, { slot: 'R1' }], kind22: src.kind22 };
    expect(buildTargetTree(cyc, new Set()).cycle).toBe(1);
    expect(buildTargetTree(cyc, new Set([1])).cycle).toBe(0);
    const settled = buildTargetTree(cyc, new Set([0, 1]));
    expect(settled.cycle).toBeUndefined();
    expect(settled.nodes.map((n) => n.parent)).toEqual([TOP, 0, 1]);
  });

  test('a document without 2017 or 2022 headings keeps its own tree', () => {
    const plain = sourceOf('# 概述\n\n## 背景\n\n## 范围\n');
    const tree = buildTargetTree(plain, new Set());
    expect(tree.nodes.map((n) => [n.parent, n.reparented])).toEqual([
      [TOP, false],
      [0, false],
      [0, false],
    ]);
  });
});
