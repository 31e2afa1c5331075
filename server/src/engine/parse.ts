// One chunk of Markdown → the facts the rules need, with chunk-relative offsets. remark
// (remark-parse + remark-gfm + remark-frontmatter) does the parsing; nothing here knows about
// requirements or configuration, so the result can be cached by the chunk's text alone.

import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root, RootContent, Nodes, Table, List, ListItem } from 'mdast';

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

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze();

export function parseMarkdown(text: string): Root {
  return processor.parse(text) as Root;
}

export function analyzeChunk(text: string): ChunkFacts {
  return factsFromTree(parseMarkdown(text), text);
}

export function factsFromTree(tree: Root, text: string): ChunkFacts {
  const facts: ChunkFacts = {
    segments: [{ blocks: [] }],
    tables: [],
    tableSegment: [],
    listItems: [],
    starts: [],
    comments: [],
    runs: [],
    html: [],
  };
  const seg = () => facts.segments.length - 1;

  for (const node of tree.children) {
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? start;
    if (node.type === 'heading') {
      const run = runOf(node, text);
      facts.segments.push({ heading: { depth: node.depth, run, start, end }, blocks: [] });
      facts.starts.push({ start: { run, kind: 'heading' }, segment: seg() });
      facts.runs.push({ run, segment: seg() });
      collectInline(node, text, facts, seg());
      continue;
    }
    const block = blockOf(node, text, facts, seg());
    facts.segments[seg()].blocks.push({ ...block, start, end });
  }
  return facts;
}

function blockOf(
  node: RootContent,
  text: string,
  facts: ChunkFacts,
  segment: number,
): Omit<BlockFact, 'start' | 'end'> {
  const empty: TextRun = { text: '', pieces: [], start: node.position?.start.offset ?? 0 };
  switch (node.type) {
    case 'yaml':
      return { kind: 'yaml', body: false, run: empty };
    case 'definition':
      return { kind: 'definition', body: false, run: empty };
    case 'thematicBreak':
      return { kind: 'break', body: false, run: empty };
    case 'html': {
      const v = node.value;
      const start = node.position?.start.offset ?? 0;
      if (/^\s*<!--[\s\S]*-->\s*$/.test(v) && !/-->[\s\S]*<!--/.test(v.replace(/^\s*<!--/, ''))) {
        facts.comments.push({ text: v, start, end: node.position?.end.offset ?? start });
        return { kind: 'comment', body: false, run: empty };
      }
      collectComments(v, start, facts);
      facts.html.push({ text: v, start, end: node.position?.end.offset ?? start, segment });
      return { kind: 'html', body: stripComments(v).trim().length > 0, run: empty, image: /<img\b/i.test(v) };
    }
    case 'code':
      return { kind: 'code', body: true, run: empty, lang: node.lang ?? undefined };
    case 'table': {
      const index = tableOf(node, text, facts, segment);
      const run = joinRuns(facts.tables[index].header.map((c) => c.run), node.position?.start.offset ?? 0);
      return { kind: 'table', body: true, run, table: index, image: hasImage(node) };
    }
    case 'list': {
      listItems(node, text, facts, segment);
      const run = runOf(node, text);
      facts.runs.push({ run, segment });
      collectInline(node, text, facts, segment);
      return { kind: 'list', body: run.text.trim().length > 0 || hasImage(node), run, image: hasImage(node) };
    }
    case 'paragraph':
    case 'blockquote':
    default: {
      if (node.type === 'blockquote') {
        visit(node, (n) => {
          if (n.type === 'list') listItems(n, text, facts, segment);
          return n.type !== 'list';
        });
      }
      const run = runOf(node, text);
      if (node.type === 'paragraph') facts.starts.push({ start: { run, kind: 'paragraph' }, segment });
      else
        visit(node, (n) => {
          if (n.type === 'paragraph') facts.starts.push({ start: { run: runOf(n, text), kind: 'paragraph' }, segment });
          return true;
        });
      facts.runs.push({ run, segment });
      collectInline(node, text, facts, segment);
      const kind: BlockKind = node.type === 'paragraph' ? 'paragraph' : node.type === 'blockquote' ? 'blockquote' : 'other';
      return { kind, body: run.text.trim().length > 0 || hasImage(node), run, image: hasImage(node) };
    }
  }
}

function tableOf(node: Table, text: string, facts: ChunkFacts, segment: number): number {
  const cellsOf = (row: Table['children'][number], rowIndex: number, tableIndex: number): CellFact[] =>
    row.children.map((cell, cellIndex) => {
      const run = runOf(cell, text);
      facts.runs.push({ run, segment, table: tableIndex, row: rowIndex, cell: cellIndex });
      collectInline(cell, text, facts, segment);
      let start = cell.position?.start.offset ?? 0;
      let end = cell.position?.end.offset ?? start;
      while (start < end && (text[start] === '|' || text[start] === ' ' || text[start] === '\t')) start++;
      while (end > start && (text[end - 1] === '|' || text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
      // Escaped pipes aside, the trimmed slice is the cell text span.
      return { run, start, end };
    });
  const index = facts.tables.length;
  const [head, ...body] = node.children;
  facts.tables.push({
    start: node.position?.start.offset ?? 0,
    end: node.position?.end.offset ?? 0,
    header: head ? cellsOf(head, -1, index) : [],
    rows: body.map((row, i) => ({
      start: row.position?.start.offset ?? 0,
      end: row.position?.end.offset ?? 0,
      cells: cellsOf(row, i, index),
    })),
  });
  facts.tableSegment.push(segment);
  return index;
}

function listItems(list: List, text: string, facts: ChunkFacts, segment: number): void {
  const items: ListItem[] = [];
  visit(list, (n) => {
    if (n.type === 'listItem') items.push(n);
    return true;
  });
  for (const item of items) {
    const first = item.children[0];
    if (first && first.type === 'paragraph') {
      const run = runOf(first, text);
      facts.listItems.push({ run, segment });
      facts.starts.push({ start: { run, kind: 'listItem' }, segment });
    }
  }
}

function visit(node: Nodes, enter: (n: Nodes) => boolean): void {
  if (!enter(node)) return;
  if ('children' in node) for (const c of node.children as Nodes[]) visit(c, enter);
}

function hasImage(node: Nodes): boolean {
  let found = false;
  visit(node, (n) => {
    if (n.type === 'image' || n.type === 'imageReference' || (n.type === 'html' && /<img\b/i.test(n.value))) found = true;
    return !found;
  });
  return found;
}

/** Inline HTML inside a block: comments (suppressions) and other fragments. */
function collectInline(node: Nodes, text: string, facts: ChunkFacts, segment: number): void {
  visit(node, (n) => {
    if (n.type === 'html' && n !== node) {
      const start = n.position?.start.offset ?? 0;
      const end = n.position?.end.offset ?? start;
      if (/^<!--/.test(n.value)) facts.comments.push({ text: n.value, start, end });
      else facts.html.push({ text: n.value, start, end, segment });
    }
    if (n.type === 'table' && n !== node) return false;
    return true;
  });
  void text;
}

function collectComments(v: string, start: number, facts: ChunkFacts): void {
  const re = /<!--[\s\S]*?-->/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(v))) facts.comments.push({ text: m[0], start: start + m.index, end: start + m.index + m[0].length });
}

function stripComments(v: string): string {
  return v.replace(/<!--[\s\S]*?(-->|$)/g, '');
}

/** Plain text of a node with the source offsets of each piece. Code blocks and HTML are left out. */
export function runOf(node: Nodes, text: string): TextRun {
  const pieces: Piece[] = [];
  let out = '';
  const add = (value: string, start: number, end: number) => {
    const exact = text.slice(start, end) === value;
    pieces.push({ text: value, at: out.length, start, end, exact });
    out += value;
  };
  const walk = (n: Nodes): void => {
    switch (n.type) {
      case 'text':
      case 'inlineCode':
        add(n.value, n.position?.start.offset ?? 0, n.position?.end.offset ?? 0);
        return;
      case 'break':
        out += '\n';
        return;
      case 'code':
      case 'html':
      case 'yaml':
      case 'definition':
      case 'footnoteDefinition':
      case 'image':
      case 'imageReference':
        return;
      default:
        if ('children' in n) {
          const block = isBlock(n);
          (n.children as Nodes[]).forEach((c, i) => {
            if (i > 0 && block && isBlock(c as Nodes)) out += '\n';
            walk(c as Nodes);
          });
        }
    }
  };
  walk(node);
  return { text: out, pieces, start: node.position?.start.offset ?? 0 };
}

function isBlock(n: Nodes): boolean {
  return (
    n.type === 'paragraph' ||
    n.type === 'list' ||
    n.type === 'listItem' ||
    n.type === 'blockquote' ||
    n.type === 'table' ||
    n.type === 'tableRow' ||
    n.type === 'heading' ||
    n.type === 'root'
  );
}

function joinRuns(runs: TextRun[], start: number): TextRun {
  let text = '';
  const pieces: Piece[] = [];
  for (const r of runs) {
    if (text) text += ' ';
    for (const p of r.pieces) pieces.push({ ...p, at: p.at + text.length });
    text += r.text;
  }
  return { text, pieces, start };
}

/**
 * Maps [from, to) of run.text back to source offsets. Inexact pieces (escapes, entities, code
 * backticks) are located by searching the matched text inside the piece's source slice.
 */
export function runSpan(run: TextRun, from: number, to: number, source: string, base = 0): { start: number; end: number } {
  for (const p of run.pieces) {
    if (from >= p.at && from < p.at + p.text.length) {
      const innerFrom = from - p.at;
      const innerTo = Math.min(to - p.at, p.text.length);
      if (p.exact) return { start: p.start + innerFrom, end: p.start + innerTo };
      const needle = p.text.slice(innerFrom, innerTo);
      const found = source.slice(base + p.start, base + p.end).indexOf(needle);
      if (found >= 0) return { start: p.start + found, end: p.start + found + needle.length };
      return { start: p.start, end: p.end };
    }
  }
  return { start: run.start, end: run.start };
}
