// Stage 3 of the structure planner: ordering. Which sections keep their place (the heaviest
// order-keeping subsequence of the target order) and which move; the headings step pins what
// would move to its current parent until nothing does. Then the final order — moved sections
// where the catalogue puts them among their new siblings — and each node's heading level.

import type { Heading, DocumentKind } from '../../engine';
import { heaviestIncreasing } from './increasing';
import type { StructurePlan } from './structure-types';
import { buildTargetTree, preorder, rootsOf, TOP, type TargetTree, type TNode, type TreeSource } from './target-tree';

const MAX_DEPTH = 6;

export interface Settled {
  tree: TargetTree;
  /** Roots of the subtrees that must move. */
  moved: Set<number>;
}

/**
 * The target tree and the sections that must move in it. For the headings step every
 * re-parented section that would move is pinned to its current parent, round after round, so
 * that the step edits heading lines only.
 */
export function settleTree(src: TreeSource, mode: 'headings' | 'moves'): Settled {
  const count = src.headings.length;
  let pinned = new Set<number>();
  let tree = buildPinningCycles(src, pinned);
  let moved = movedRootsOf(tree.nodes, preorder(tree.nodes), count);
  if (mode === 'headings') {
    for (let guard = 0; moved.size && guard < count; guard++) {
      const more = [...moved].filter((x) => !pinned.has(x) && tree.nodes[x].reparented);
      if (!more.length) break;
      pinned = new Set([...pinned, ...more]);
      tree = buildPinningCycles(src, pinned);
      moved = movedRootsOf(tree.nodes, preorder(tree.nodes), count);
    }
  }
  return { tree, moved };
}

/** The target tree, pinning (one per round) each section whose new parent sits inside it. */
function buildPinningCycles(src: TreeSource, pinned: Set<number>): TargetTree & { cycle?: number } {
  let tree = buildTargetTree(src, pinned);
  for (let guard = 0; tree.cycle !== undefined && guard < src.headings.length; guard++) {
    pinned.add(tree.cycle);
    tree = buildTargetTree(src, pinned);
  }
  return tree;
}

/**
 * Sections that must move for `nodes`: the complement of the heaviest order-keeping
 * subsequence of `order` (a section that keeps its parent weighs most, one re-parented under an
 * existing heading least), as the roots of the subtrees left out.
 */
export function movedRootsOf(nodes: readonly TNode[], order: readonly number[], headingCount: number): Set<number> {
  const seq = order.filter((x) => nodes[x].h !== undefined);
  const weight = (x: number) => {
    const n = nodes[x];
    if (!n.reparented) return 100;
    return n.parent !== TOP && nodes[n.parent].h !== undefined ? 1 : 4;
  };
  const kept = heaviestIncreasing(
    seq.map((x) => nodes[x].h!),
    seq.map(weight),
    headingCount,
  );
  const keptSet = new Set(kept.map((k) => seq[k]));
  const excluded = new Set(seq.filter((x) => !keptSet.has(x)));
  const rootsOut = new Set<number>();
  for (const x of excluded) {
    let inside = false;
    for (let y = nodes[x].parent; y !== TOP; y = nodes[y].parent) if (excluded.has(y)) inside = true;
    if (!inside) rootsOut.add(x);
  }
  return rootsOut;
}

export interface MoveSet {
  /** Every node inside a moved subtree. */
  movedAll: Set<number>;
  /** The outermost moved subtrees, each one move. */
  moveRoots: Set<number>;
}

/**
 * Every node inside a moved subtree moves with it; a new heading whose sections all move is part
 * of that move (the outermost such new heading becomes the move's root).
 */
export function collectMoves(nodes: readonly TNode[], moved: ReadonlySet<number>, headingCount: number): MoveSet {
  const movedAll = new Set<number>();
  const markMoved = (x: number) => {
    movedAll.add(x);
    for (const c of nodes[x].children) markMoved(c);
  };
  for (const r of moved) markMoved(r);
  const allMoved = (x: number) => {
    const below = existingBelow(nodes, x);
    return below.length > 0 && below.every((y) => movedAll.has(y));
  };
  const moveRoots = new Set(moved);
  for (let x = headingCount; x < nodes.length; x++) {
    if (!allMoved(x) || movedAll.has(x)) continue;
    let top = x;
    for (let p = nodes[x].parent; p !== TOP && nodes[p].h === undefined; p = nodes[p].parent) {
      if (allMoved(p)) top = p;
      else break;
    }
    if (!movedAll.has(top)) {
      for (const y of existingBelow(nodes, top)) moveRoots.delete(y);
      moveRoots.add(top);
      markMoved(top);
    }
  }
  // Keep only the outermost roots.
  for (const r of [...moveRoots]) {
    for (let p = nodes[r].parent; p !== TOP; p = nodes[p].parent) if (moveRoots.has(p)) moveRoots.delete(r);
  }
  return { movedAll, moveRoots };
}

/** The existing headings strictly below node `x`, depth-first. */
export function existingBelow(nodes: readonly TNode[], x: number): number[] {
  const out: number[] = [];
  const walk = (y: number) => {
    if (nodes[y].h !== undefined) out.push(y);
    for (const c of nodes[y].children) walk(c);
  };
  for (const c of nodes[x].children) walk(c);
  return out;
}

export interface Layout {
  /** The top-level nodes, in final order. */
  rootList: number[];
  /** Every node depth-first in final order. */
  finalOrder: number[];
}

/**
 * The final order: moved sections go where the catalogue puts them among their new siblings
 * (after the last sibling the catalogue puts before them), the others keep their target order.
 * Rewrites the children lists that receive a move.
 */
export function finalLayout(kind22: DocumentKind, nodes: TNode[], moveRoots: ReadonlySet<number>): Layout {
  const catIndex = (slot?: string) => (slot ? kind22.requirements.findIndex((r) => r.id === slot) : -1);
  const reposition = (siblings: number[]): number[] => {
    const stay = siblings.filter((c) => !moveRoots.has(c));
    const go = siblings.filter((c) => moveRoots.has(c)).sort((a, b) => catIndex(nodes[a].slot) - catIndex(nodes[b].slot) || nodes[a].key - nodes[b].key);
    for (const m of go) stay.splice(insertionPoint(stay, m), 0, m);
    return stay;
  };
  const insertionPoint = (stay: readonly number[], m: number): number => {
    const mi = catIndex(nodes[m].slot);
    if (mi < 0) {
      const j = stay.findIndex((c) => nodes[c].key > nodes[m].key);
      return j >= 0 ? j : stay.length;
    }
    for (let i = stay.length - 1; i >= 0; i--) {
      const ci = catIndex(nodes[stay[i]].slot);
      if (ci >= 0 && ci < mi) return i + 1;
    }
    const j = stay.findIndex((c) => catIndex(nodes[c].slot) > mi);
    return j >= 0 ? j : stay.length;
  };
  for (const n of nodes) if (n.children.some((c) => moveRoots.has(c))) n.children = reposition(n.children);
  const rootList = reposition(rootsOf(nodes));
  return { rootList, finalOrder: preorder(nodes, rootList) };
}

/**
 * Each node's heading level: a top-level node keeps the level of its (first) heading, a node
 * that keeps its parent keeps its distance to it, any other sits one below its parent; deeper
 * than 6 is a problem (the heading stays at 6).
 */
export function assignDepths(headings: readonly Heading[], nodes: TNode[], finalOrder: readonly number[], problems: StructurePlan['problems']): void {
  for (const x of finalOrder) {
    const n = nodes[x];
    if (n.parent === TOP) {
      const f = n.h ?? firstExisting(nodes, x);
      n.depth = f !== undefined ? headings[f].depth : 1;
    } else if (n.h !== undefined && !n.reparented) n.depth = nodes[n.parent].depth + (headings[n.h].depth - headings[n.parent].depth);
    else n.depth = nodes[n.parent].depth + 1;
    if (n.depth > MAX_DEPTH) {
      if (n.h !== undefined) problems.push({ line: headings[n.h].line, reason: 'too-deep', title: headings[n.h].text });
      n.depth = MAX_DEPTH;
    }
  }
}

/** The first existing heading below node `x` (depth-first), as a heading index. */
export function firstExisting(nodes: readonly TNode[], x: number): number | undefined {
  for (const c of nodes[x].children) {
    const h = nodes[c].h;
    if (h !== undefined) return h;
    const d = firstExisting(nodes, c);
    if (d !== undefined) return d;
  }
  return undefined;
}
