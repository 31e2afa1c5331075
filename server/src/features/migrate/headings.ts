// Steps 2 and 3 of the migration: headings (rename, new parents, re-nesting in place) and moves
// (a section with its whole subtree cut and inserted under its new parent), from the "Differences
// from nmpa-2017" tables (requirements-nmpa-2022.md §13).
//
// The plan is a function of the current text, so it is idempotent: every heading gets a *role*
// — its 2022 requirement where the 2022 catalogue already finds it in place, else the 2022
// requirement (or the new 2022 parent) its 2017 requirement maps to, else (for the sections that
// must move) the 2022 requirement found misplaced there — and the roles define a target tree:
// each heading under the node of its role's parent requirement (created as a skeleton heading
// when absent), headings without a role under their own parent. The target tree is written out
// depth-first, children in document order; the largest set of sections whose order the target
// keeps (a weighted longest increasing subsequence, preferring to keep sections whose parent does
// not change) stays in place, every other subtree is a move. The headings step "pins" the
// sections that would move to their current parent, so it never moves text; the moves step then
// moves them, each as a separate, explicit edit pair (delete + insert of the text, verbatim but
// for its heading lines).
//
// Heading lines are edited in named spans only: the `#` run (deepened by inserting `#`s after
// it, made shallower by deleting its last ones), the decimal number, the title after the number.
//
// Numbering (decimal numbers only; other styles are never touched):
// 1. A heading keeps its number unless its position changed: it is re-parented (wrapped under a
//    new parent, or moved) or its parent's number changed.
// 2. A heading whose position changed gets, under a parent numbered `p`: `p.k` where k is the
//    2022 catalogue position among the siblings that are always required or present ("1.3" for
//    网络安全能力 under "1 基本信息"), when the parent's children were numbered that way (by the
//    2017 or 2022 catalogue) or the parent is new; else its old number with the parent's old
//    number replaced ("3.2.1" → "2.3.2.1"); else its position among the numbered siblings.
// 3. A new heading is numbered the same way when its parent or siblings are numbered, else not.
//    An unnumbered heading never gets a number.

import { parentId } from '../../engine/match';
import type { DocumentKind } from '../../engine/rulesets/types';
import { normalize } from '../../engine/text';
import { applyOffsets, eolOf, type OffsetEdit } from './edits';
import { headingParts } from './heading-line';
import { heaviestIncreasing } from './increasing';
import { isAlways } from './mapping';
import { assignRoles, documentLanguage } from './roles';
import type { StructureInput, StructurePlan } from './structure-types';

export type { Move, StructureInput, StructurePlan } from './structure-types';

interface TNode {
  /** Heading index, or -1 for a new (skeleton) heading. */
  h: number;
  slot?: string;
  /** Target parent node (-1: top level). */
  parent: number;
  /** The heading's current parent (-1: top level). */
  orig: number;
  children: number[];
  depth: number;
  key: number;
  reparented: boolean;
}

const MAX_DEPTH = 6;

export function planStructure(input: StructureInput, mode: 'headings' | 'moves'): StructurePlan {
  const { model, kind22 } = input;
  const H = model.headings;
  const text = model.text;
  const lines = model.lines;
  const eol = eolOf(text);
  const plan: StructurePlan = { edits: [], moves: [], problems: [], created: [] };
  if (!H.length) return plan;

  const roles = assignRoles(input);
  const m22Present = new Set(roles.map((r) => r.id22).filter((x): x is string => !!x));
  const m17Present = new Set(roles.map((r) => r.id17).filter((x): x is string => !!x));
  const lang = input.lang ?? documentLanguage(input, roles);
  const title22 = (slot: string) => {
    const r = kind22.requirements.find((x) => x.id === slot);
    return r ? r.title[lang] : slot;
  };

  // ---- target tree ------------------------------------------------------------------------------
  const build = (pinned: Set<number>): { nodes: TNode[]; slotNode: Map<string, number>; cycle?: number } => {
    const nodes: TNode[] = H.map((h, i) => ({ h: i, slot: roles[i].slot, parent: -2, orig: h.parent, children: [], depth: 0, key: i, reparented: false }));
    const slotNode = new Map<string, number>();
    roles.forEach((r, i) => {
      if (r.slot) slotNode.set(r.slot, i);
    });
    const nodeOf = (slot: string): number => {
      const found = slotNode.get(slot);
      if (found !== undefined) return found;
      const x = nodes.length;
      nodes.push({ h: -1, slot, parent: -2, orig: -1, children: [], depth: 0, key: Infinity, reparented: false });
      slotNode.set(slot, x);
      const ps = parentId(slot);
      nodes[x].parent = ps ? nodeOf(ps) : -3;
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
      else n.parent = n.orig;
    }
    const childrenOf = (x: number) => nodes.map((n, i) => (n.parent === x ? i : -1)).filter((i) => i >= 0);
    // A new top-level section sits where the sections it wraps sit (their top-level container).
    const roleFree = (a: number) => !roles[a].slot && !roles[a].under && !roles[a].id17 && !roles[a].id22;
    for (let x = H.length; x < nodes.length; x++) {
      if (nodes[x].parent !== -3) continue;
      const stack = [x];
      let first = Infinity;
      while (stack.length) {
        const y = stack.pop()!;
        for (const c of childrenOf(y)) {
          if (nodes[c].h >= 0) first = Math.min(first, nodes[c].h);
          else stack.push(c);
        }
      }
      let a = first === Infinity ? -1 : H[first].parent;
      while (a >= 0 && !roleFree(a)) a = H[a].parent;
      nodes[x].parent = a;
    }
    // A cycle (a section whose new parent sits inside it): pin it to its current parent.
    for (let x = 0; x < H.length; x++) {
      let y = nodes[x].parent;
      for (let steps = 0; y >= 0 && steps <= nodes.length; steps++) {
        if (y === x) return { nodes, slotNode, cycle: x };
        y = nodes[y].parent;
      }
    }
    for (let x = 0; x < nodes.length; x++) {
      const n = nodes[x];
      if (n.h >= 0) n.reparented = n.parent !== n.orig;
      if (n.parent >= 0) nodes[n.parent].children.push(x);
    }
    const keyOf = (x: number): number => {
      const n = nodes[x];
      let k = n.h >= 0 ? n.h : Infinity;
      for (const c of n.children) k = Math.min(k, keyOf(c));
      n.key = k;
      return k;
    };
    for (let x = 0; x < nodes.length; x++) if (nodes[x].parent < 0) keyOf(x);
    // A new section goes after its catalogue predecessors among its siblings (U6 维护计划 after
    // U4, not where the 用户告知计划 it wraps sat), unless its successors force it earlier:
    // otherwise its catalogue number would sit out of order. Its sections then move with it.
    const cat = (slot?: string) => (slot ? kind22.requirements.findIndex((r) => r.id === slot) : -1);
    const rootIds = nodes.map((n, i) => (n.parent === -1 ? i : -1)).filter((i) => i >= 0);
    for (let x = H.length; x < nodes.length; x++) {
      const n = nodes[x];
      const mine = cat(n.slot);
      if (mine < 0 || n.key === Infinity) continue;
      const sibs = (n.parent >= 0 ? nodes[n.parent].children : rootIds).filter((s) => s !== x && cat(nodes[s].slot) >= 0);
      const lo = Math.max(-1, ...sibs.filter((s) => cat(nodes[s].slot) < mine).map((s) => nodes[s].key));
      const hi = Math.min(Infinity, ...sibs.filter((s) => cat(nodes[s].slot) > mine).map((s) => nodes[s].key));
      if (n.key < lo && lo < hi) n.key = lo + 0.5;
    }
    for (const n of nodes) n.children.sort((a, b) => nodes[a].key - nodes[b].key);
    return { nodes, slotNode };
  };

  const roots = (nodes: TNode[]) =>
    nodes
      .map((n, i) => (n.parent === -1 ? i : -1))
      .filter((i) => i >= 0)
      .sort((a, b) => nodes[a].key - nodes[b].key);
  const linearize = (nodes: TNode[]): number[] => {
    const out: number[] = [];
    const walk = (x: number) => {
      out.push(x);
      for (const c of nodes[x].children) walk(c);
    };
    for (const r of roots(nodes)) walk(r);
    return out;
  };

  /** Sections that must move for `nodes`: the complement of the heaviest order-keeping subsequence. */
  const movedRootsOf = (nodes: TNode[], order: number[]): Set<number> => {
    const seq = order.filter((x) => nodes[x].h >= 0);
    const weight = (x: number) => {
      const n = nodes[x];
      if (!n.reparented) return 100;
      return nodes[n.parent]?.h >= 0 ? 1 : 4;
    };
    const kept = heaviestIncreasing(
      seq.map((x) => nodes[x].h),
      seq.map(weight),
      H.length,
    );
    const keptSet = new Set(kept.map((k) => seq[k]));
    const excluded = new Set(seq.filter((x) => !keptSet.has(x)));
    const rootsOut = new Set<number>();
    for (const x of excluded) {
      let y = nodes[x].parent;
      let inside = false;
      while (y >= 0) {
        if (excluded.has(y)) inside = true;
        y = nodes[y].parent;
      }
      if (!inside) rootsOut.add(x);
    }
    return rootsOut;
  };

  let pinned = new Set<number>();
  let tree = build(pinned);
  for (let guard = 0; tree.cycle !== undefined && guard < H.length; guard++) {
    pinned = new Set([...pinned, tree.cycle]);
    tree = build(pinned);
  }
  let order = linearize(tree.nodes);
  let moved = movedRootsOf(tree.nodes, order);
  if (mode === 'headings') {
    // Pin what would move; repeat until nothing moves (each round pins a re-parented section).
    for (let guard = 0; moved.size && guard < H.length; guard++) {
      const more = [...moved].filter((x) => !pinned.has(x) && tree.nodes[x].reparented);
      if (!more.length) break;
      pinned = new Set([...pinned, ...more]);
      tree = build(pinned);
      for (let g2 = 0; tree.cycle !== undefined && g2 < H.length; g2++) {
        pinned = new Set([...pinned, tree.cycle]);
        tree = build(pinned);
      }
      order = linearize(tree.nodes);
      moved = movedRootsOf(tree.nodes, order);
    }
  }
  const { nodes, slotNode } = tree;

  // Every node inside a moved subtree moves with it; a new heading whose sections all move is
  // part of that move.
  const movedAll = new Set<number>();
  const markMoved = (x: number) => {
    movedAll.add(x);
    for (const c of nodes[x].children) markMoved(c);
  };
  for (const r of moved) markMoved(r);
  const existingBelow = (x: number): number[] => {
    const out: number[] = [];
    const walk = (y: number) => {
      if (nodes[y].h >= 0) out.push(y);
      for (const c of nodes[y].children) walk(c);
    };
    for (const c of nodes[x].children) walk(c);
    return out;
  };
  const moveRoots = new Set(moved);
  for (let x = H.length; x < nodes.length; x++) {
    const below = existingBelow(x);
    if (below.length && below.every((y) => movedAll.has(y)) && !movedAll.has(x)) {
      let top = x;
      for (let p = nodes[x].parent; p >= H.length; p = nodes[p].parent) {
        const b = existingBelow(p);
        if (b.length && b.every((y) => movedAll.has(y))) top = p;
        else break;
      }
      if (!movedAll.has(top)) {
        for (const y of existingBelow(top)) moveRoots.delete(y);
        moveRoots.add(top);
        markMoved(top);
      }
    }
  }
  // Keep only the outermost roots.
  for (const r of [...moveRoots]) {
    for (let p = nodes[r].parent; p >= 0; p = nodes[p].parent) if (moveRoots.has(p)) moveRoots.delete(r);
  }

  // Moved sections go where the catalogue puts them among their new siblings.
  const catIndex = (slot?: string) => (slot ? kind22.requirements.findIndex((r) => r.id === slot) : -1);
  const reposition = (siblings: number[]): number[] => {
    const stay = siblings.filter((c) => !moveRoots.has(c));
    const go = siblings.filter((c) => moveRoots.has(c)).sort((a, b) => catIndex(nodes[a].slot) - catIndex(nodes[b].slot) || nodes[a].key - nodes[b].key);
    for (const m of go) {
      const mi = catIndex(nodes[m].slot);
      let at = -1;
      if (mi >= 0) {
        for (let i = stay.length - 1; i >= 0; i--) {
          const ci = catIndex(nodes[stay[i]].slot);
          if (ci >= 0 && ci < mi) {
            at = i + 1;
            break;
          }
        }
        if (at < 0) {
          const j = stay.findIndex((c) => catIndex(nodes[c].slot) > mi);
          at = j >= 0 ? j : stay.length;
        }
      } else {
        const j = stay.findIndex((c) => nodes[c].key > nodes[m].key);
        at = j >= 0 ? j : stay.length;
      }
      stay.splice(at, 0, m);
    }
    return stay;
  };
  for (const n of nodes) if (n.children.some((c) => moveRoots.has(c))) n.children = reposition(n.children);
  const rootList = reposition(roots(nodes));
  const finalOrder: number[] = [];
  const walk = (x: number) => {
    finalOrder.push(x);
    for (const c of nodes[x].children) walk(c);
  };
  for (const r of rootList) walk(r);

  // ---- depths ---------------------------------------------------------------------------------
  const firstExisting = (x: number): number | undefined => {
    for (const c of nodes[x].children) {
      if (nodes[c].h >= 0) return nodes[c].h;
      const d = firstExisting(c);
      if (d !== undefined) return d;
    }
    return undefined;
  };
  for (const x of finalOrder) {
    const n = nodes[x];
    if (n.parent < 0) {
      const f = n.h >= 0 ? n.h : firstExisting(x);
      n.depth = f !== undefined ? H[f].depth : 1;
    } else if (n.h >= 0 && !n.reparented) n.depth = nodes[n.parent].depth + (H[n.h].depth - H[n.orig].depth);
    else n.depth = nodes[n.parent].depth + 1;
    if (n.depth > MAX_DEPTH) {
      if (n.h >= 0) plan.problems.push({ line: H[n.h].line, reason: 'too-deep', title: H[n.h].text });
      n.depth = MAX_DEPTH;
    }
  }

  // ---- numbering ------------------------------------------------------------------------------
  const raw = H.map((h) => headingParts(lines.lineText(h.line)));
  const oldNum = raw.map((p) => p.number);
  const newNum = new Map<number, string | undefined>();
  const childPrefix = (kids: number[]): string | undefined => {
    let prefix: string | undefined;
    for (const c of kids) {
      const num = oldNum[c];
      if (!num) continue;
      const p = num.includes('.') ? num.slice(0, num.lastIndexOf('.') + 1) : '';
      if (prefix === undefined) prefix = p;
      else if (prefix !== p) return undefined;
    }
    return prefix;
  };
  const origChildren = (p: number) => H.map((h, i) => (h.parent === p ? i : -1)).filter((i) => i >= 0);
  const oldPrefix = (p: number): string | undefined => (p >= 0 && oldNum[p] ? `${oldNum[p]}.` : childPrefix(origChildren(p)));
  const kOf = (kind: DocumentKind, id: string, present: (id: string) => boolean): number => {
    const sib = kind.requirements.filter((r) => parentId(r.id) === parentId(id) && !r.wholeDocument);
    let k = 1;
    for (const r of sib) {
      if (r.id === id) return k;
      if (isAlways(r) || present(r.id)) k++;
    }
    return k;
  };
  const alignedMemo = new Map<number, boolean>();
  const aligned = (p: number): boolean => {
    if (p >= H.length) return true;
    const memo = alignedMemo.get(p);
    if (memo !== undefined) return memo;
    const pre = oldPrefix(p);
    let ok = 0;
    let bad = 0;
    if (pre !== undefined) {
      for (const c of origChildren(p)) {
        const num = oldNum[c];
        const r = roles[c];
        if (!num || !(r.id22 || r.id17)) continue;
        // Numbered by the 2017 catalogue (a 2017 text) or by the 2022 one (a migrated text).
        const by17 = r.id17 && input.kind17 ? `${pre}${kOf(input.kind17, r.id17, (id) => m17Present.has(id))}` : undefined;
        const by22 = r.id22 ? `${pre}${kOf(kind22, r.id22, (id) => m22Present.has(id))}` : undefined;
        if (num === by17 || num === by22) ok++;
        else bad++;
      }
    }
    const v = ok > 0 && bad === 0;
    alignedMemo.set(p, v);
    return v;
  };
  const numberOf = (x: number): string | undefined => (newNum.has(x) ? newNum.get(x) : nodes[x].h >= 0 ? oldNum[nodes[x].h] : undefined);
  const prefixOf = (p: number): string | undefined => {
    if (p >= 0) {
      const n = numberOf(p);
      if (n) return `${n}.`;
      return p < H.length ? childPrefix(origChildren(p)) : undefined;
    }
    return childPrefix(origChildren(-1));
  };
  // A parent whose children change (one re-parented in or out, or a new one): in a context
  // numbered by the catalogue, its requirement children take their 2022 catalogue positions.
  const origKids = (p: number) => (p < H.length ? origChildren(p) : []);
  const childrenChanged = (p: number): boolean => {
    const now = (p >= 0 ? nodes[p].children : rootList).filter((c) => !movedAll.has(c) || mode === 'moves');
    const before = origKids(p);
    return now.length !== before.length || now.some((c) => nodes[c].h < 0 || nodes[c].orig !== p || nodes[c].reparented) || before.some((c) => nodes[c].parent !== p);
  };
  const slotChild = (x: number, p: number) => {
    const slot = nodes[x].slot;
    return slot !== undefined && (parentId(slot) === '' ? nodes[p]?.slot === undefined : slotNode.get(parentId(slot)) === p);
  };
  for (const x of finalOrder) {
    const n = nodes[x];
    const p = n.parent;
    const parentChanged = p >= 0 && (nodes[p].h < 0 || numberOf(p) !== oldNum[nodes[p].h]);
    const catalogued = slotChild(x, p) && childrenChanged(p) && aligned(p);
    if (n.h >= 0 && !n.reparented && !parentChanged && !catalogued) {
      newNum.set(x, oldNum[n.h]);
      continue;
    }
    if (n.h >= 0 && !oldNum[n.h]) {
      newNum.set(x, undefined);
      continue;
    }
    const prefix = prefixOf(p);
    if (prefix === undefined) {
      newNum.set(x, n.h >= 0 ? oldNum[n.h] : undefined);
      continue;
    }
    if (n.slot && slotChild(x, p) && aligned(p)) {
      newNum.set(x, prefix + kOf(kind22, n.slot, (id) => slotNode.has(id)));
      continue;
    }
    if (n.h >= 0 && !n.reparented && p >= 0 && p < H.length) {
      const op = oldNum[p];
      const own = oldNum[n.h]!;
      if (op && own.startsWith(`${op}.`)) {
        newNum.set(x, prefix + own.slice(op.length + 1));
        continue;
      }
    }
    const siblings = p >= 0 ? nodes[p].children : rootList;
    let k = 1;
    for (const s of siblings) {
      if (s === x) break;
      if (numberOf(s)) k++;
    }
    newNum.set(x, prefix + k);
  }
  const sepOf = (x: number): string => {
    const sibs = nodes[x].parent >= 0 ? nodes[nodes[x].parent].children : rootList;
    for (const s of [...sibs, ...H.map((_, i) => i)]) if (s < H.length && raw[s].number) return raw[s].sep || ' ';
    return ' ';
  };

  // ---- text of each node ----------------------------------------------------------------------
  const segStart = (i: number) => lines.starts[H[i].line];
  const segEnd = (i: number) => (i + 1 < H.length ? lines.starts[H[i + 1].line] : text.length);
  const lineEdits = (x: number): OffsetEdit[] => {
    const n = nodes[x];
    const h = H[n.h];
    const p = raw[n.h];
    const ls = lines.starts[h.line];
    const out: OffsetEdit[] = [];
    if (n.depth !== h.depth) {
      if (p.hashes === undefined) plan.problems.push({ line: h.line, reason: 'setext', title: h.text });
      else if (n.depth > h.depth) out.push({ start: ls + p.hashes, end: ls + p.hashes, text: '#'.repeat(n.depth - h.depth) });
      else out.push({ start: ls + p.hashes - (h.depth - n.depth), end: ls + p.hashes, text: '' });
    }
    const num = newNum.get(x);
    if (p.number && num && num !== p.number) out.push({ start: ls + p.content, end: ls + p.content + p.number.length, text: num });
    const r = roles[n.h];
    if (r.rename) {
      if (normalize(p.title) === h.key && p.title) out.push({ start: ls + p.titleStart, end: ls + p.titleStart + p.title.length, text: r.rename });
      else plan.problems.push({ line: h.line, reason: 'title-markup', title: h.text });
    }
    return out;
  };
  const createdText = (x: number): string => {
    const n = nodes[x];
    const num = newNum.get(x);
    const t = title22(n.slot!);
    plan.created.push({ requirement: n.slot!, title: t });
    return `${'#'.repeat(n.depth)} ${num ? num + sepOf(x) : ''}${t}${eol}${eol}`;
  };
  const blockText = (x: number): string => {
    const n = nodes[x];
    if (n.h < 0) return createdText(x);
    const s = segStart(n.h);
    const local = lineEdits(x).map((e) => ({ start: e.start - s, end: e.end - s, text: e.text }));
    return applyOffsets(text.slice(s, segEnd(n.h)), local);
  };

  // ---- edits ------------------------------------------------------------------------------------
  const ownerOf = (x: number): number => {
    let top = -1;
    for (let y: number = x; y >= 0; y = nodes[y].parent) if (moveRoots.has(y)) top = y;
    return top;
  };
  const moveEdits = new Map<number, OffsetEdit[]>();
  const push = (owner: number, e: OffsetEdit) => {
    if (owner < 0) plan.edits.push(e);
    else {
      const list = moveEdits.get(owner) ?? [];
      list.push(e);
      moveEdits.set(owner, list);
    }
  };
  let pending: { owner: number; text: string }[] = [];
  let lastKeptEnd = segStart(0);
  const flush = (pos: number) => {
    // The sections between the last kept one and `pos` all move away: delete them, by owner.
    let run: { owner: number; start: number; end: number } | undefined;
    for (let j = 0; j < H.length; j++) {
      if (segStart(j) < lastKeptEnd || segEnd(j) > pos) continue;
      const owner = ownerOf(j);
      if (run && run.owner === owner && run.end === segStart(j)) run.end = segEnd(j);
      else {
        if (run) push(run.owner, { start: run.start, end: run.end, text: '' });
        run = { owner, start: segStart(j), end: segEnd(j) };
      }
    }
    if (run) push(run.owner, { start: run.start, end: run.end, text: '' });
    if (!pending.length) return;
    const atEnd = pos >= text.length;
    const before = text.slice(0, lastKeptEnd);
    const groups: { owner: number; text: string }[] = [];
    for (const p of pending) {
      const last = groups[groups.length - 1];
      if (last && last.owner === p.owner) last.text += p.text;
      else groups.push({ ...p });
    }
    groups.forEach((g, i) => {
      let t = g.text;
      if (!/(\r\n|\r|\n)$/.test(t)) t += eol;
      if (!(atEnd && i === groups.length - 1) && !/(\r\n|\r|\n)[ \t]*(\r\n|\r|\n)$/.test(t)) t += eol;
      if (i === 0) {
        if (!/(\r\n|\r|\n)$/.test(before) && before.length) t = eol + eol + t;
        else if (before.length && !/(\r\n|\r|\n)[ \t]*(\r\n|\r|\n)$/.test(before)) t = eol + t;
      }
      push(g.owner, { start: pos, end: pos, text: t });
    });
    pending = [];
  };
  const isKept = (x: number) => nodes[x].h >= 0 && !movedAll.has(x);
  for (const x of finalOrder) {
    if (isKept(x)) {
      flush(segStart(nodes[x].h));
      for (const e of lineEdits(x)) plan.edits.push(e);
      lastKeptEnd = segEnd(nodes[x].h);
    } else pending.push({ owner: ownerOf(x), text: blockText(x) });
  }
  flush(text.length);

  for (const [owner, edits] of moveEdits) {
    const n = nodes[owner];
    const rootHeading = n.h >= 0 ? n.h : firstExisting(owner) ?? -1;
    const p = n.parent;
    plan.moves.push({
      heading: rootHeading,
      title: rootHeading >= 0 ? H[rootHeading].text : title22(n.slot!),
      parentTitle: p < 0 ? '' : nodes[p].h >= 0 ? H[nodes[p].h].text : title22(nodes[p].slot!),
      requirement: n.slot,
      edits,
    });
  }
  plan.moves.sort((a, b) => a.heading - b.heading);
  if (mode === 'headings' && plan.moves.length) {
    // Could not be done in place even with every re-parented section pinned (a section of no
    // requirement in the way): the in-place edits assume these moves, so they belong together.
    for (const m of plan.moves) plan.edits.push(...m.edits);
    plan.moves = [];
  }
  return plan;
}
