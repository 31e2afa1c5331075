// Stage 5 of the structure planner: the edits. The final tree is written out in final order:
// a kept section gets its heading line edited in place (named spans only: the `#` run, the
// number, the title); every run of sections that leaves is deleted, and what comes in between
// two kept sections (moved sections verbatim but for their heading lines, new skeleton headings)
// is inserted there, blank-line separated. Edits that belong to a move are collected per move.

import { normalize, type DocModel } from '../../engine';
import { applyOffsets, eolOf, type OffsetEdit } from './edits';
import type { HeadingLine } from './heading-line';
import type { Layout, MoveSet } from './ordering';
import { firstExisting } from './ordering';
import type { Numbering } from './renumber';
import type { Role } from './roles';
import type { StructurePlan } from './structure-types';
import { TOP, type TargetTree } from './target-tree';

export interface EditInput {
  model: DocModel;
  roles: readonly Role[];
  parts: readonly HeadingLine[];
  tree: TargetTree;
  layout: Layout;
  moves: MoveSet;
  numbering: Numbering;
  /** The title of a 2022 requirement in the document's language. */
  title22: (slot: string) => string;
}

/** A run of text to insert, and the move it belongs to (undefined: the in-place edits). */
interface Pending {
  owner: number | undefined;
  text: string;
}

/** Writes `input`'s final tree into `plan` (edits, moves, problems, created headings). */
export function writeStructureEdits(input: EditInput, plan: StructurePlan): void {
  new StructureWriter(input, plan).write();
}

class StructureWriter {
  private readonly text: string;
  private readonly eol: string;
  private readonly moveEdits = new Map<number, OffsetEdit[]>();
  private pending: Pending[] = [];
  private lastKeptEnd: number;

  constructor(
    private readonly input: EditInput,
    private readonly plan: StructurePlan,
  ) {
    this.text = input.model.text;
    this.eol = eolOf(this.text);
    this.lastKeptEnd = this.segStart(0);
  }

  write(): void {
    const { nodes } = this.input.tree;
    const { movedAll } = this.input.moves;
    for (const x of this.input.layout.finalOrder) {
      const h = nodes[x].h;
      if (h !== undefined && !movedAll.has(x)) {
        this.flush(this.segStart(h));
        for (const e of this.lineEdits(x)) this.plan.edits.push(e);
        this.lastKeptEnd = this.segEnd(h);
      } else this.pending.push({ owner: this.ownerOf(x), text: this.blockText(x) });
    }
    this.flush(this.text.length);
    this.collectMoves();
  }

  /** Where heading `i`'s own text (up to the next heading) starts and ends. */
  private segStart(i: number): number {
    return this.input.model.lines.starts[this.input.model.headings[i].line];
  }

  private segEnd(i: number): number {
    const H = this.input.model.headings;
    return i + 1 < H.length ? this.input.model.lines.starts[H[i + 1].line] : this.text.length;
  }

  /** The edits of an existing heading's line: level, number, title. */
  private lineEdits(x: number): OffsetEdit[] {
    const n = this.input.tree.nodes[x];
    const h = this.input.model.headings[n.h!];
    const p = this.input.parts[n.h!];
    const ls = this.input.model.lines.starts[h.line];
    const out: OffsetEdit[] = [];
    if (n.depth !== h.depth) {
      if (p.hashes === undefined) this.plan.problems.push({ line: h.line, reason: 'setext', title: h.text });
      else if (n.depth > h.depth) out.push({ start: ls + p.hashes, end: ls + p.hashes, text: '#'.repeat(n.depth - h.depth) });
      else out.push({ start: ls + p.hashes - (h.depth - n.depth), end: ls + p.hashes, text: '' });
    }
    const num = this.input.numbering.newNum.get(x);
    if (p.number && num && num !== p.number) out.push({ start: ls + p.content, end: ls + p.content + p.number.length, text: num });
    const r = this.input.roles[n.h!];
    if (r.rename) {
      if (normalize(p.title) === h.key && p.title) out.push({ start: ls + p.titleStart, end: ls + p.titleStart + p.title.length, text: r.rename });
      else this.plan.problems.push({ line: h.line, reason: 'title-markup', title: h.text });
    }
    return out;
  }

  /** A new skeleton heading. */
  private createdText(x: number): string {
    const n = this.input.tree.nodes[x];
    const num = this.input.numbering.newNum.get(x);
    const t = this.input.title22(n.slot!);
    this.plan.created.push({ requirement: n.slot!, title: t });
    return `${'#'.repeat(n.depth)} ${num ? num + this.input.numbering.sepOf(x) : ''}${t}${this.eol}${this.eol}`;
  }

  /** The text a node contributes where it is inserted. */
  private blockText(x: number): string {
    const n = this.input.tree.nodes[x];
    if (n.h === undefined) return this.createdText(x);
    const s = this.segStart(n.h);
    const local = this.lineEdits(x).map((e) => ({ start: e.start - s, end: e.end - s, text: e.text }));
    return applyOffsets(this.text.slice(s, this.segEnd(n.h)), local);
  }

  /** The outermost move `x` belongs to. */
  private ownerOf(x: number): number | undefined {
    const { nodes } = this.input.tree;
    let top: number | undefined;
    for (let y: number | typeof TOP = x; y !== TOP; y = nodes[y].parent) if (this.input.moves.moveRoots.has(y)) top = y;
    return top;
  }

  private push(owner: number | undefined, e: OffsetEdit): void {
    if (owner === undefined) this.plan.edits.push(e);
    else {
      const list = this.moveEdits.get(owner) ?? [];
      list.push(e);
      this.moveEdits.set(owner, list);
    }
  }

  /** Everything between the last kept section and `pos` leaves; what is pending comes in at `pos`. */
  private flush(pos: number): void {
    this.deleteLeaving(pos);
    if (!this.pending.length) return;
    this.insertPending(pos);
    this.pending = [];
  }

  /** Deletes the sections between the last kept one and `pos`, one edit per run of one owner. */
  private deleteLeaving(pos: number): void {
    let run: { owner: number | undefined; start: number; end: number } | undefined;
    for (let j = 0; j < this.input.model.headings.length; j++) {
      if (this.segStart(j) < this.lastKeptEnd || this.segEnd(j) > pos) continue;
      const owner = this.ownerOf(j);
      if (run && run.owner === owner && run.end === this.segStart(j)) run.end = this.segEnd(j);
      else {
        if (run) this.push(run.owner, { start: run.start, end: run.end, text: '' });
        run = { owner, start: this.segStart(j), end: this.segEnd(j) };
      }
    }
    if (run) this.push(run.owner, { start: run.start, end: run.end, text: '' });
  }

  /** Inserts the pending texts at `pos`, one edit per run of one owner, each a block of its own. */
  private insertPending(pos: number): void {
    const eol = this.eol;
    const atEnd = pos >= this.text.length;
    const before = this.text.slice(0, this.lastKeptEnd);
    const groups: Pending[] = [];
    for (const p of this.pending) {
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
      this.push(g.owner, { start: pos, end: pos, text: t });
    });
  }

  /** One `Move` per move root, in document order of their headings. */
  private collectMoves(): void {
    const { nodes } = this.input.tree;
    const H = this.input.model.headings;
    const title22 = this.input.title22;
    for (const [owner, edits] of this.moveEdits) {
      const n = nodes[owner];
      const rootHeading = n.h ?? firstExisting(nodes, owner) ?? -1;
      const p = n.parent;
      this.plan.moves.push({
        heading: rootHeading,
        title: rootHeading >= 0 ? H[rootHeading].text : title22(n.slot!),
        parentTitle: p === TOP ? '' : nodes[p].h !== undefined ? H[nodes[p].h].text : title22(nodes[p].slot!),
        requirement: n.slot,
        edits,
      });
    }
    this.plan.moves.sort((a, b) => a.heading - b.heading);
  }
}
