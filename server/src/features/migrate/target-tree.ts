// Stage 2 of the structure planner: the target tree. Every heading hangs under the node of its
// role's parent requirement (a new skeleton heading when the document lacks it), headings without
// a role under their current parent; pinned headings stay under their current parent. Children
// are ordered by their subtree's first heading in the document, a new section after its
// catalogue predecessors (headings.ts explains the whole plan).
//
// Node indices: node `i < headings.length` is heading `i`; the new headings follow, in the order
// they were first needed. Parents are `ParentRef`s: a node index or `TOP`, never a sentinel.

import { parentId, type Heading, type DocumentKind } from '../../engine';
import type { Role } from './roles';

/** The document's top level, as a parent. */
export const TOP = 'top';
/** Where a node hangs: another node (its index in `TargetTree.nodes`) or the top level. */
export type ParentRef = number | typeof TOP;

export interface TNode {
  /** Heading index in the input model; undefined for a new (skeleton) heading. */
  h?: number;
  /** The 2022 requirement the node stands for. */
  slot?: string;
  /** Target parent. */
  parent: ParentRef;
  /** The heading's current parent (`TOP` for a new heading). */
  orig: ParentRef;
  children: number[];
  /** Heading level in the target (set by `assignDepths`). */
  depth: number;
  /** Order among siblings: the first heading index in the subtree (Infinity: none). */
  key: number;
  /** An existing heading whose target parent is not its current parent. */
  reparented: boolean;
}

export interface TargetTree {
  nodes: TNode[];
  /** 2022 requirement → its node. */
  slotNode: Map<string, number>;
}

/** What the tree is built from: the document's headings and their roles. */
export interface TreeSource {
  headings: readonly Heading[];
  roles: readonly Role[];
  kind22: DocumentKind;
}

/**
 * The target tree with the headings in `pinned` kept under their current parent. With `cycle`
 * set (a section whose new parent sits inside it) the tree is not linked — no children, no keys —
 * and the caller pins `cycle` and builds again.
 */
export function buildTargetTree(src: TreeSource, pinned: ReadonlySet<number>): TargetTree & { cycle?: number } {
  const { nodes, slotNode, unplaced } = placeByRole(src, pinned);
  placeNewTopLevel(src, nodes, unplaced);
  const cycle = findCycle(nodes, src.headings.length);
  if (cycle !== undefined) return { nodes, slotNode, cycle };
  linkChildren(nodes);
  for (const x of rootsOf(nodes)) assignKeys(nodes, x);
  placeNewAfterPredecessors(src, nodes);
  for (const n of nodes) n.children.sort((a, b) => nodes[a].key - nodes[b].key);
  return { nodes, slotNode };
}

/** A heading's current parent as a `ParentRef`. */
export function modelParent(h: Heading): ParentRef {
  return h.parent >= 0 ? h.parent : TOP;
}

/** The top-level nodes, in target order. */
export function rootsOf(nodes: readonly TNode[]): number[] {
  return nodes
    .map((n, i) => (n.parent === TOP ? i : -1))
    .filter((i) => i >= 0)
    .sort((a, b) => nodes[a].key - nodes[b].key);
}

/** The nodes depth-first, children in target order, starting from `roots`. */
export function preorder(nodes: readonly TNode[], roots: readonly number[] = rootsOf(nodes)): number[] {
  const out: number[] = [];
  const walk = (x: number) => {
    out.push(x);
    for (const c of nodes[x].children) walk(c);
  };
  for (const r of roots) walk(r);
  return out;
}

/**
 * Each heading's target parent from its role, creating the nodes of the parent requirements the
 * document lacks (each under its own parent requirement, recursively). A new node whose
 * requirement is top-level is `unplaced`: where it goes depends on what it wraps.
 */
function placeByRole(src: TreeSource, pinned: ReadonlySet<number>): TargetTree & { unplaced: number[] } {
  const { headings: H, roles } = src;
  const nodes: TNode[] = H.map((h, i) => ({ h: i, slot: roles[i].slot, parent: modelParent(h), orig: modelParent(h), children: [], depth: 0, key: i, reparented: false }));
  const slotNode = new Map<string, number>();
  roles.forEach((r, i) => {
    if (r.slot) slotNode.set(r.slot, i);
  });
  const unplaced: number[] = [];
  const nodeOf = (slot: string): number => {
    const found = slotNode.get(slot);
    if (found !== undefined) return found;
    const x = nodes.length;
    nodes.push({ slot, parent: TOP, orig: TOP, children: [], depth: 0, key: Infinity, reparented: false });
    slotNode.set(slot, x);
    const ps = parentId(slot);
    if (ps) nodes[x].parent = nodeOf(ps);
    else unplaced.push(x);
    return x;
  };
  for (let i = 0; i < H.length; i++) {
    const r = roles[i];
    const n = nodes[i];
    if (pinned.has(i)) n.parent = n.orig;
    else if (r.slot) {
      const ps = parentId(r.slot);
      n.parent = ps ? nodeOf(ps) : n.orig;
    } else if (r.under) n.parent = nodeOf(r.under);
  }
  return { nodes, slotNode, unplaced };
}

/**
 * A new top-level section sits where the sections it wraps sit: under the nearest role-free
 * ancestor of the first heading it wraps (or at the top level).
 */
function placeNewTopLevel(src: TreeSource, nodes: TNode[], unplaced: readonly number[]): void {
  const { headings: H, roles } = src;
  const childrenOf = (x: number) => nodes.map((n, i) => (n.parent === x ? i : -1)).filter((i) => i >= 0);
  const roleFree = (a: number) => !roles[a].slot && !roles[a].under && !roles[a].id17 && !roles[a].id22;
  for (const x of unplaced) {
    const stack = [x];
    let first = Infinity;
    while (stack.length) {
      const y = stack.pop()!;
      for (const c of childrenOf(y)) {
        const h = nodes[c].h;
        if (h !== undefined) first = Math.min(first, h);
        else stack.push(c);
      }
    }
    let a = first === Infinity ? -1 : H[first].parent;
    while (a >= 0 && !roleFree(a)) a = H[a].parent;
    nodes[x].parent = a >= 0 ? a : TOP;
  }
}

/** The first heading (in index order) whose parent chain leads back to it. */
function findCycle(nodes: readonly TNode[], headingCount: number): number | undefined {
  for (let x = 0; x < headingCount; x++) {
    let y = nodes[x].parent;
    for (let steps = 0; y !== TOP && steps <= nodes.length; steps++) {
      if (y === x) return x;
      y = nodes[y].parent;
    }
  }
  return undefined;
}

function linkChildren(nodes: TNode[]): void {
  for (let x = 0; x < nodes.length; x++) {
    const n = nodes[x];
    if (n.h !== undefined) n.reparented = n.parent !== n.orig;
    if (n.parent !== TOP) nodes[n.parent].children.push(x);
  }
}

/** A node's key: the first heading index in its subtree. */
function assignKeys(nodes: TNode[], x: number): number {
  const n = nodes[x];
  let k = n.h ?? Infinity;
  for (const c of n.children) k = Math.min(k, assignKeys(nodes, c));
  n.key = k;
  return k;
}

/**
 * A new section goes after its catalogue predecessors among its siblings (U6 维护计划 after U4,
 * not where the 用户告知计划 it wraps sat), unless its successors force it earlier: otherwise its
 * catalogue number would sit out of order. Its sections then move with it.
 */
function placeNewAfterPredecessors(src: TreeSource, nodes: TNode[]): void {
  const cat = (slot?: string) => (slot ? src.kind22.requirements.findIndex((r) => r.id === slot) : -1);
  const rootIds = nodes.map((n, i) => (n.parent === TOP ? i : -1)).filter((i) => i >= 0);
  for (let x = src.headings.length; x < nodes.length; x++) {
    const n = nodes[x];
    const mine = cat(n.slot);
    if (mine < 0 || n.key === Infinity) continue;
    const sibs = (n.parent !== TOP ? nodes[n.parent].children : rootIds).filter((s) => s !== x && cat(nodes[s].slot) >= 0);
    const lo = Math.max(-1, ...sibs.filter((s) => cat(nodes[s].slot) < mine).map((s) => nodes[s].key));
    const hi = Math.min(Infinity, ...sibs.filter((s) => cat(nodes[s].slot) > mine).map((s) => nodes[s].key));
    if (n.key < lo && lo < hi) n.key = lo + 0.5;
  }
}
