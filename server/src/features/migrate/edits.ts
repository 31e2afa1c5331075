// Text edits in LSP shape (0-based line, UTF-16 character) for the migration: applying them with
// the LSP semantics (every range refers to the original text; inserts at one position keep their
// array order), composing a pipeline of steps into one edit list on the original text, and the
// line-ending conventions of a file. Pure: no editor API.

import { LineIndex, type Position, type Range } from '../../engine';

export interface MigrationEdit {
  range: Range;
  newText: string;
}

/** An edit in offsets (internal form). */
export interface OffsetEdit {
  start: number;
  end: number;
  text: string;
}

/** The line ending a text uses (its first one), '\n' when it has none. */
export function eolOf(text: string): string {
  const i = text.search(/\r\n|\r|\n/);
  if (i < 0) return '\n';
  return text.startsWith('\r\n', i) ? '\r\n' : text[i];
}

export function toOffsets(lines: LineIndex, edits: MigrationEdit[]): OffsetEdit[] {
  return edits.map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), text: e.newText }));
}

export function toRanges(lines: LineIndex, edits: OffsetEdit[]): MigrationEdit[] {
  return edits.map((e) => ({ range: { start: lines.positionAt(e.start), end: lines.positionAt(e.end) }, newText: e.text }));
}

/** Stable order of LSP application: by start; at one start, inserts (in array order) first. */
export function sortEdits<T extends OffsetEdit>(edits: T[]): T[] {
  return edits
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.start - b.e.start || (a.e.end === a.e.start ? 0 : 1) - (b.e.end === b.e.start ? 0 : 1) || a.i - b.i)
    .map((x) => x.e);
}

/** True when no two edits overlap (touching is allowed; inserts at one point are allowed). */
export function disjoint(edits: OffsetEdit[]): boolean {
  const s = sortEdits(edits);
  for (let i = 1; i < s.length; i++) {
    const a = s[i - 1];
    const b = s[i];
    if (b.start < a.end) return false;
    // A replacement and an insert at its start are ambiguous for some clients: not produced.
    if (b.start === a.start && a.end > a.start) return false;
  }
  return true;
}

/** Applies offset edits with the LSP semantics (ranges refer to the original text). */
export function applyOffsets(text: string, edits: OffsetEdit[]): string {
  const s = sortEdits(edits);
  let out = '';
  let at = 0;
  for (const e of s) {
    if (e.start < at) throw new Error(`overlapping edits at ${e.start}`);
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
}

export function applyEdits(text: string, edits: MigrationEdit[]): string {
  return applyOffsets(text, toOffsets(new LineIndex(text), edits));
}

/**
 * Composes `second` (offsets in applyOffsets(t0, first)) after `first` (offsets in t0) into one
 * edit list on t0 with the same result. Edits of both that touch or overlap merge into one
 * replacement whose text is read from the final text; the others are kept as they are.
 */
export function composeOffsets(t0: string, first: OffsetEdit[], second: OffsetEdit[]): OffsetEdit[] {
  if (!second.length) return sortEdits(first);
  if (!first.length) return sortEdits(second);
  const e1 = sortEdits(first);
  const t1 = applyOffsets(t0, e1);
  const e2 = sortEdits(second);
  const t2 = applyOffsets(t1, e2);
  // t1 pieces: original spans and inserted texts.
  interface Piece {
    t1: number;
    len: number;
    t0?: number;
    edit?: number;
  }
  const pieces: Piece[] = [];
  let at0 = 0;
  let at1 = 0;
  e1.forEach((e, i) => {
    if (e.start > at0) pieces.push({ t1: at1, len: e.start - at0, t0: at0 });
    at1 += e.start - at0;
    pieces.push({ t1: at1, len: e.text.length, edit: i });
    at1 += e.text.length;
    at0 = e.end;
  });
  pieces.push({ t1: at1, len: t0.length - at0, t0: at0 });
  // A t1 offset → t0 span: exact in an original span, the whole first-edit range inside an insert.
  const map = (x: number, side: 'start' | 'end'): number => {
    // Prefer an original piece that contains x (ends included).
    for (const p of pieces) if (p.t0 !== undefined && x >= p.t1 && x <= p.t1 + p.len) return p.t0 + (x - p.t1);
    for (const p of pieces) {
      if (p.edit !== undefined && x >= p.t1 && x <= p.t1 + p.len) return side === 'start' ? e1[p.edit].start : e1[p.edit].end;
    }
    return t0.length;
  };
  interface Item {
    a: number;
    b: number;
    d1: number;
    d2: number;
  }
  const items: Item[] = [];
  for (const e of e1) items.push({ a: e.start, b: e.end, d1: e.text.length - (e.end - e.start), d2: 0 });
  for (const e of e2) items.push({ a: map(e.start, 'start'), b: map(e.end, 'end'), d1: 0, d2: e.text.length - (e.end - e.start) });
  items.sort((x, y) => x.a - y.a || x.b - y.b);
  const clusters: Item[] = [];
  for (const it of items) {
    const last = clusters[clusters.length - 1];
    if (last && it.a <= last.b) {
      last.b = Math.max(last.b, it.b);
      last.d1 += it.d1;
      last.d2 += it.d2;
    } else clusters.push({ ...it });
  }
  const out: OffsetEdit[] = [];
  let delta1 = 0;
  let delta2 = 0;
  for (const c of clusters) {
    const t1a = c.a + delta1;
    const t1b = c.b + delta1 + c.d1;
    const t2a = t1a + delta2;
    const t2b = t1b + delta2 + c.d2;
    const text = t2.slice(t2a, t2b);
    if (!(text === t0.slice(c.a, c.b))) out.push({ start: c.a, end: c.b, text });
    delta1 += c.d1;
    delta2 += c.d2;
  }
  return out;
}

/** Composes a pipeline: each step's edits are on the text the previous steps produced. */
export function composePipeline(t0: string, steps: OffsetEdit[][]): { edits: OffsetEdit[]; result: string } {
  let edits: OffsetEdit[] = [];
  let text = t0;
  for (const s of steps) {
    if (!s.length) continue;
    edits = composeOffsets(t0, edits, s);
    text = applyOffsets(text, s);
  }
  return { edits: sortEdits(edits), result: text };
}

export function point(p: Position): Range {
  return { start: p, end: p };
}
