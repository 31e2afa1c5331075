// The facts one chunk of Markdown yields (chunk-relative offsets): what the model merges and the
// rules read. Produced by the remark walk (tree.ts) and, for the blocks the fast paths read
// themselves, by simple-table.ts and simple-list.ts; both must give the same facts.

/** A run of plain text and where it came from (offsets relative to the chunk). */
export interface Piece {
  text: string;
  /** Index of the piece inside its run's text. */
  at: number;
  start: number;
  end: number;
  /** True when the source slice equals the text, so inner offsets map 1:1. */
  exact: boolean;
}

export interface TextRun {
  text: string;
  pieces: Piece[];
  /** Offset where the run's source begins (used when it has no pieces, e.g. an empty cell). */
  start: number;
}

export interface HeadingFact {
  depth: number;
  run: TextRun;
  start: number;
  end: number;
}

export interface CellFact {
  run: TextRun;
  /** Offsets of the trimmed cell text (zero-width for an empty cell). */
  start: number;
  end: number;
}

export interface TableFact {
  start: number;
  end: number;
  header: CellFact[];
  rows: { start: number; end: number; cells: CellFact[] }[];
}

export type BlockKind =
  | 'paragraph'
  | 'list'
  | 'table'
  | 'code'
  | 'html'
  | 'comment'
  | 'blockquote'
  | 'break'
  | 'definition'
  | 'yaml'
  | 'other';

export interface BlockFact {
  kind: BlockKind;
  start: number;
  end: number;
  /** Counts as body text (requirements.md §3: anything but HTML comments and headings). */
  body: boolean;
  /** Plain text of the block, for answers, mentions and placeholders (not for code). */
  run: TextRun;
  /** Index into ChunkFacts.tables for a table block. */
  table?: number;
  /** Fence language of a code block. */
  lang?: string;
  /** The block holds an image (Markdown or HTML). */
  image?: boolean;
}

/** The start of a paragraph, list item or heading: where an ID may be defined. */
export interface BlockStart {
  run: TextRun;
  kind: 'paragraph' | 'listItem' | 'heading';
}

export interface CommentFact {
  text: string;
  start: number;
  end: number;
}

export interface Segment {
  /** Undefined for the part of a chunk before its first heading. */
  heading?: HeadingFact;
  blocks: BlockFact[];
}

export interface ChunkFacts {
  /** Set when the chunk was not parsed (too deeply nested, or the parser failed). */
  skipped?: { reason: 'nesting'; depth: number } | { reason: 'error'; message: string };
  segments: Segment[];
  tables: TableFact[];
  /** Segment index for each table. */
  tableSegment: number[];
  listItems: { run: TextRun; segment: number }[];
  starts: { start: BlockStart; segment: number }[];
  comments: CommentFact[];
  /** Text that is scanned for placeholders and IDs: everything but code and HTML. */
  runs: { run: TextRun; segment: number; table?: number; row?: number; cell?: number }[];
  /** HTML (non-comment) fragments, which are never placeholders unless `<insert …>`. */
  html: { text: string; start: number; end: number; segment: number }[];
}

export function emptyFacts(): ChunkFacts {
  return { segments: [{ blocks: [] }], tables: [], tableSegment: [], listItems: [], starts: [], comments: [], runs: [], html: [] };
}

/** Moves every offset of a piece's facts by `delta` (shared objects once). */
export function shiftFacts(f: ChunkFacts, delta: number): ChunkFacts {
  if (!delta) return f;
  const seen = new Set<object>();
  const span = (o: { start: number; end: number }) => {
    if (seen.has(o)) return;
    seen.add(o);
    o.start += delta;
    o.end += delta;
  };
  const run = (r: TextRun) => {
    if (seen.has(r)) return;
    seen.add(r);
    r.start += delta;
    for (const p of r.pieces) span(p);
  };
  for (const seg of f.segments) {
    if (seg.heading) {
      span(seg.heading);
      run(seg.heading.run);
    }
    for (const b of seg.blocks) {
      span(b);
      run(b.run);
    }
  }
  for (const t of f.tables) {
    span(t);
    for (const c of t.header) {
      span(c);
      run(c.run);
    }
    for (const r of t.rows) {
      span(r);
      for (const c of r.cells) {
        span(c);
        run(c.run);
      }
    }
  }
  for (const li of f.listItems) run(li.run);
  for (const s of f.starts) run(s.start.run);
  for (const r of f.runs) run(r.run);
  for (const c of f.comments) span(c);
  for (const h of f.html) span(h);
  return f;
}
