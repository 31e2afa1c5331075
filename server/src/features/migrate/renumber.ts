// Stage 4 of the structure planner: the decimal number of every node in the final tree
// (headings.ts states the three numbering rules). Other numbering styles are never touched; an
// unnumbered heading never gets a number.

import { parentId, type Heading, type DocumentKind } from '../../engine';
import type { HeadingLine } from './heading-line';
import { isAlways } from './mapping';
import type { Role } from './roles';
import { modelParent, TOP, type ParentRef, type TargetTree } from './target-tree';

export interface NumberingInput {
  headings: readonly Heading[];
  /** The parts of each heading line (`headingParts`). */
  parts: readonly HeadingLine[];
  roles: readonly Role[];
  kind17?: DocumentKind;
  kind22: DocumentKind;
  tree: TargetTree;
  rootList: readonly number[];
  finalOrder: readonly number[];
  movedAll: ReadonlySet<number>;
  mode: 'headings' | 'moves';
}

/**
 * The position of requirement `id` among its catalogue siblings that are always required or
 * present (1-based): the `k` of `p.k`.
 */
export function catalogueNumber(kind: DocumentKind, id: string, present: (id: string) => boolean): number {
  const sib = kind.requirements.filter((r) => parentId(r.id) === parentId(id) && !r.wholeDocument);
  let k = 1;
  for (const r of sib) {
    if (r.id === id) return k;
    if (isAlways(r) || present(r.id)) k++;
  }
  return k;
}

/** The common prefix (`"3."`, or `""` for single numbers) of the numbered headings in `kids`, if they share one. */
export function childPrefix(oldNum: readonly (string | undefined)[], kids: readonly number[]): string | undefined {
  let prefix: string | undefined;
  for (const c of kids) {
    const num = oldNum[c];
    if (!num) continue;
    const p = num.includes('.') ? num.slice(0, num.lastIndexOf('.') + 1) : '';
    if (prefix === undefined) prefix = p;
    else if (prefix !== p) return undefined;
  }
  return prefix;
}

/** Node → its new number (undefined: none), in final order; `sepOf` the separator a new number takes. */
export class Numbering {
  readonly newNum = new Map<number, string | undefined>();
  private readonly oldNum: (string | undefined)[];
  private readonly alignedMemo = new Map<ParentRef, boolean>();
  private readonly m17Present: Set<string>;
  private readonly m22Present: Set<string>;

  constructor(private readonly input: NumberingInput) {
    this.oldNum = input.parts.map((p) => p.number);
    this.m22Present = new Set(input.roles.map((r) => r.id22).filter((x): x is string => !!x));
    this.m17Present = new Set(input.roles.map((r) => r.id17).filter((x): x is string => !!x));
    for (const x of input.finalOrder) this.newNum.set(x, this.decide(x));
  }

  /** The separator between number and title for a new number under `x`'s parent: the first numbered sibling's, else any heading's. */
  sepOf(x: number): string {
    const { tree, headings: H, parts } = this.input;
    const parent = tree.nodes[x].parent;
    const sibs = parent !== TOP ? tree.nodes[parent].children : this.input.rootList;
    for (const s of [...sibs, ...H.map((_, i) => i)]) if (s < H.length && parts[s].number) return parts[s].sep || ' ';
    return ' ';
  }

  /** Rules 1–3 for one node, its parent and earlier siblings already numbered. */
  private decide(x: number): string | undefined {
    const { nodes, slotNode } = this.input.tree;
    const oldNum = this.oldNum;
    const n = nodes[x];
    const p = n.parent;
    const parentChanged = p !== TOP && (nodes[p].h === undefined || this.numberOf(p) !== oldNum[nodes[p].h]);
    const catalogued = this.slotChild(x, p) && this.childrenChanged(p) && this.aligned(p);
    if (n.h !== undefined && !n.reparented && !parentChanged && !catalogued) return oldNum[n.h];
    if (n.h !== undefined && !oldNum[n.h]) return undefined;
    const prefix = this.prefixOf(p);
    if (prefix === undefined) return n.h !== undefined ? oldNum[n.h] : undefined;
    if (n.slot && this.slotChild(x, p) && this.aligned(p)) return prefix + catalogueNumber(this.input.kind22, n.slot, (id) => slotNode.has(id));
    if (n.h !== undefined && !n.reparented && p !== TOP && p < this.input.headings.length) {
      const op = oldNum[p];
      const own = oldNum[n.h]!;
      if (op && own.startsWith(`${op}.`)) return prefix + own.slice(op.length + 1);
    }
    const siblings = p !== TOP ? nodes[p].children : this.input.rootList;
    let k = 1;
    for (const s of siblings) {
      if (s === x) break;
      if (this.numberOf(s)) k++;
    }
    return prefix + k;
  }

  /** A node's number so far: its new one once decided, else its old one. */
  private numberOf(x: number): string | undefined {
    const h = this.input.tree.nodes[x].h;
    return this.newNum.has(x) ? this.newNum.get(x) : h !== undefined ? this.oldNum[h] : undefined;
  }

  /** The current children of heading parent `p` in the input model. */
  private origChildren(p: ParentRef): number[] {
    return this.input.headings.map((h, i) => (modelParent(h) === p ? i : -1)).filter((i) => i >= 0);
  }

  private prefixOf(p: ParentRef): string | undefined {
    if (p !== TOP) {
      const n = this.numberOf(p);
      if (n) return `${n}.`;
      return p < this.input.headings.length ? childPrefix(this.oldNum, this.origChildren(p)) : undefined;
    }
    return childPrefix(this.oldNum, this.origChildren(TOP));
  }

  /** Is `x` the node of a catalogue child of `p`'s requirement (or of a top-level requirement at a requirement-free place)? */
  private slotChild(x: number, p: ParentRef): boolean {
    const { nodes, slotNode } = this.input.tree;
    const slot = nodes[x].slot;
    return slot !== undefined && (parentId(slot) === '' ? p === TOP || nodes[p].slot === undefined : slotNode.get(parentId(slot)) === p);
  }

  /**
   * A parent whose children change (one re-parented in or out, or a new one): in a context
   * numbered by the catalogue, its requirement children take their 2022 catalogue positions.
   */
  private childrenChanged(p: ParentRef): boolean {
    const { nodes } = this.input.tree;
    const { movedAll, mode } = this.input;
    const now = (p !== TOP ? nodes[p].children : this.input.rootList).filter((c) => !movedAll.has(c) || mode === 'moves');
    const before = p === TOP || p < this.input.headings.length ? this.origChildren(p) : [];
    return now.length !== before.length || now.some((c) => nodes[c].h === undefined || nodes[c].orig !== p || nodes[c].reparented) || before.some((c) => nodes[c].parent !== p);
  }

  /** Were `p`'s current children numbered by the 2017 catalogue (a 2017 text) or the 2022 one (a migrated text)? A new parent counts as aligned. */
  private aligned(p: ParentRef): boolean {
    if (p !== TOP && p >= this.input.headings.length) return true;
    const memo = this.alignedMemo.get(p);
    if (memo !== undefined) return memo;
    const { roles, kind17, kind22 } = this.input;
    const pre = p !== TOP && this.oldNum[p] ? `${this.oldNum[p]}.` : childPrefix(this.oldNum, this.origChildren(p));
    let ok = 0;
    let bad = 0;
    if (pre !== undefined) {
      for (const c of this.origChildren(p)) {
        const num = this.oldNum[c];
        const r = roles[c];
        if (!num || !(r.id22 || r.id17)) continue;
        const by17 = r.id17 && kind17 ? `${pre}${catalogueNumber(kind17, r.id17, (id) => this.m17Present.has(id))}` : undefined;
        const by22 = r.id22 ? `${pre}${catalogueNumber(kind22, r.id22, (id) => this.m22Present.has(id))}` : undefined;
        if (num === by17 || num === by22) ok++;
        else bad++;
      }
    }
    const v = ok > 0 && bad === 0;
    this.alignedMemo.set(p, v);
    return v;
  }
}
