// One chunk of Markdown → the facts the rules need, with chunk-relative offsets. remark
// (remark-parse + remark-gfm + remark-frontmatter) does the parsing; nothing here knows about
// requirements or configuration, so the result can be cached by the chunk's text alone.

import { unified } from 'unified';
import { htmlBlockStart } from './scan';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root, RootContent, Nodes, Table, List, ListItem, Paragraph } from 'mdast';
import type { Extension } from 'micromark-util-types';
import type { Extension as MdastExtension } from 'mdast-util-from-markdown';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';

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

// The full processor: remark-parse + remark-frontmatter + remark-gfm. It is the reference; the
// fast path below must give exactly its facts (test/unit/parse-identity.test.ts).
const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze();

export function parseMarkdown(text: string): Root {
  return processor.parse(text) as Root;
}

/** Facts of a chunk through the full processor (the reference the fast path is tested against). */
export function analyzeChunkFull(text: string): ChunkFacts {
  return factsFromTree(parseMarkdown(text), text);
}

// GFM's parts, each included only when its trigger characters occur in the text: a construct
// cannot match without them, so the tree is identical and the unused tokenizers cost nothing.
const GFM_PARTS: { test: RegExp; micromark: () => Extension; mdast: () => MdastExtension }[] = [
  { test: /www\.|https?:\/\/|@/i, micromark: gfmAutolinkLiteral, mdast: gfmAutolinkLiteralFromMarkdown },
  { test: /\[\^/, micromark: gfmFootnote, mdast: gfmFootnoteFromMarkdown },
  { test: /~/, micromark: () => gfmStrikethrough(), mdast: gfmStrikethroughFromMarkdown },
  { test: /\|/, micromark: gfmTable, mdast: gfmTableFromMarkdown },
  { test: /\[[ \txX]\]/, micromark: gfmTaskListItem, mdast: gfmTaskListItemFromMarkdown },
];
const processors = new Map<number, ReturnType<typeof makeProcessor>>();

function makeProcessor(mask: number) {
  // A unified plugin that adds the chosen GFM parts the way remark-gfm adds all of them.
  function remarkGfmParts(this: unknown) {
    const data = (this as { data(): Record<string, unknown[]> }).data();
    const mm = (data.micromarkExtensions ??= []);
    const md = (data.fromMarkdownExtensions ??= []);
    GFM_PARTS.forEach((part, i) => {
      if (mask & (1 << i)) {
        mm.push(part.micromark());
        md.push(part.mdast());
      }
    });
  }
  return unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfmParts).freeze();
}

function parseFast(text: string): Root {
  let mask = 0;
  GFM_PARTS.forEach((part, i) => {
    if (part.test.test(text)) mask |= 1 << i;
  });
  let p = processors.get(mask);
  if (!p) processors.set(mask, (p = makeProcessor(mask)));
  return p.parse(text) as Root;
}

/**
 * Facts of one chunk. Simple GFM tables (plain cells, after a blank line) are read by an exact
 * line tokenizer, and simple tight bullet lists (one-line items) have their items parsed as plain
 * paragraphs; both are masked out — replaced by a thematic break that, like them, ends the blocks
 * before it — so the rest of the chunk is parsed by remark in one call with only the GFM parts it
 * can use. Identical to analyzeChunkFull (test/unit/parse-identity.test.ts).
 */
export function analyzeChunk(text: string, maxNesting = MAX_NESTING): ChunkFacts {
  const depth = nestingDepth(text);
  if (depth > maxNesting) return skippedFacts(text, { reason: 'nesting', depth });
  try {
    return analyzeChunkChecked(text);
  } catch (e) {
    return skippedFacts(text, { reason: 'error', message: String((e as Error)?.message ?? e) });
  }
}

/** Container nesting beyond which a section is not parsed (micromark slows quadratically). */
export const MAX_NESTING = 100;

/** The deepest line of nested containers: block quotes, and list levels by indentation. */
export function nestingDepth(text: string): number {
  let max = 0;
  const re = /^([ \t]*(?:>[ \t]*)*)/gm;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const prefix = m[1];
    let quotes = 0;
    let spaces = 0;
    for (const ch of prefix) {
      if (ch === '>') quotes++;
      else spaces += ch === '\t' ? 4 : 1;
    }
    const d = quotes + Math.floor(spaces / 2);
    if (d > max) max = d;
    if (m[0].length === 0) re.lastIndex++;
  }
  return max;
}

/**
 * A section that was not parsed: its heading (from the line) keeps the outline right, a body
 * block keeps it from reading as empty, and `skipped` says why (a diagnostic reports it).
 */
function skippedFacts(text: string, skipped: NonNullable<ChunkFacts['skipped']>): ChunkFacts {
  const facts = emptyFacts();
  facts.skipped = skipped;
  const nl = text.indexOf('\n');
  const first = nl < 0 ? text : text.slice(0, nl);
  const m = /^(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*\r?$/.exec(first);
  const empty: TextRun = { text: '', pieces: [], start: 0 };
  if (m) {
    const title = (m[2] ?? '').trim();
    const at = m[2] ? first.indexOf(m[2]) : first.length;
    const run: TextRun = title ? { text: title, pieces: [{ text: title, at: 0, start: at, end: at + title.length, exact: true }], start: 0 } : { text: '', pieces: [], start: 0 };
    facts.segments.push({ heading: { depth: m[1].length, run, start: 0, end: first.length }, blocks: [{ kind: 'other', start: first.length, end: text.length, body: true, run: empty }] });
  } else facts.segments[0].blocks.push({ kind: 'other', start: 0, end: text.length, body: true, run: empty });
  return facts;
}

function analyzeChunkChecked(text: string): ChunkFacts {
  // A list whose items do not each read as one paragraph on their own is left to remark.
  const lists = new Map<number, ChunkFacts>();
  const simple = splitSimpleTables(text).filter((p) => {
    if (p.kind !== 'list') return p.kind === 'table';
    const f = simpleListFacts(text.slice(p.start, p.end));
    if (f) lists.set(p.start, f);
    return !!f;
  });
  if (!simple.length) return factsFromTree(parseFast(text), text);
  let masked = '';
  let pos = 0;
  for (const t of simple) {
    const region = text.slice(t.start, t.end).split('\n');
    masked += text.slice(pos, t.start) + ['***' + ' '.repeat(region[0].length - 3), ...region.slice(1).map((l) => ' '.repeat(l.length))].join('\n');
    pos = t.end;
  }
  masked += text.slice(pos);
  const facts = factsFromTree(parseFast(masked), masked);
  for (const t of simple) {
    const piece = text.slice(t.start, t.end);
    if (t.kind === 'table') spliceTable(facts, shiftFacts(simpleTableFacts(piece), t.start), t.start);
    else spliceList(facts, shiftFacts(lists.get(t.start)!, t.start), t.start);
  }
  return facts;
}

/** Puts a simple table's facts where remark saw the masking thematic break. */
function spliceTable(facts: ChunkFacts, table: ChunkFacts, at: number): void {
  const segment = facts.segments.findIndex((s) => s.blocks.some((b) => b.kind === 'break' && b.start === at));
  const blocks = facts.segments[segment].blocks;
  const index = facts.tables.filter((t) => t.start < at).length;
  for (const s of facts.segments) for (const b of s.blocks) if (b.table !== undefined && b.table >= index) b.table++;
  for (const r of facts.runs) if (r.table !== undefined && r.table >= index) r.table++;
  blocks.splice(blocks.findIndex((b) => b.kind === 'break' && b.start === at), 1, { ...table.segments[0].blocks[0], table: index });
  facts.tables.splice(index, 0, table.tables[0]);
  facts.tableSegment.splice(index, 0, segment);
  const q = facts.runs.findIndex((r) => r.run.start > at);
  facts.runs.splice(q < 0 ? facts.runs.length : q, 0, ...table.runs.map((r) => ({ ...r, segment, table: index })));
}

/** Puts a simple list's facts where remark saw the masking thematic break. */
function spliceList(facts: ChunkFacts, list: ChunkFacts, at: number): void {
  const segment = facts.segments.findIndex((s) => s.blocks.some((b) => b.kind === 'break' && b.start === at));
  const blocks = facts.segments[segment].blocks;
  blocks.splice(blocks.findIndex((b) => b.kind === 'break' && b.start === at), 1, list.segments[0].blocks[0]);
  const insert = <T>(into: T[], items: T[], start: (x: T) => number) => {
    const q = into.findIndex((x) => start(x) > at);
    into.splice(q < 0 ? into.length : q, 0, ...items);
  };
  insert(facts.listItems, list.listItems.map((x) => ({ ...x, segment })), (x) => x.run.start);
  insert(facts.starts, list.starts.map((x) => ({ ...x, segment })), (x) => x.start.run.start);
  insert(facts.runs, list.runs.map((x) => ({ ...x, segment })), (x) => x.run.start);
  insert(facts.comments, list.comments, (x) => x.start);
  insert(facts.html, list.html.map((x) => ({ ...x, segment })), (x) => x.start);
}

function emptyFacts(): ChunkFacts {
  return { segments: [{ blocks: [] }], tables: [], tableSegment: [], listItems: [], starts: [], comments: [], runs: [], html: [] };
}

export function factsFromTree(tree: Root, text: string): ChunkFacts {
  const facts = emptyFacts();
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

/** Pre-order walk without recursion: deeply nested input must not exhaust the stack. */
function visit(node: Nodes, enter: (n: Nodes) => boolean): void {
  const stack: Nodes[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (!enter(n)) continue;
    if ('children' in n) {
      const children = n.children as Nodes[];
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
  }
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
  // Iterative (deep nesting must not exhaust the stack); a string item is a separator to emit.
  const stack: (Nodes | string)[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (typeof n === 'string') {
      out += n;
      continue;
    }
    switch (n.type) {
      case 'text':
      case 'inlineCode':
        add(n.value, n.position?.start.offset ?? 0, n.position?.end.offset ?? 0);
        break;
      case 'break':
        out += '\n';
        break;
      case 'code':
      case 'html':
      case 'yaml':
      case 'definition':
      case 'footnoteDefinition':
      case 'image':
      case 'imageReference':
        break;
      default:
        if ('children' in n) {
          const block = isBlock(n);
          const children = n.children as Nodes[];
          for (let i = children.length - 1; i >= 0; i--) {
            stack.push(children[i]);
            if (i > 0 && block && isBlock(children[i])) stack.push('\n');
          }
        }
    }
  }
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

// ---- the fast path for simple tables -------------------------------------------------------

interface PieceSpan {
  kind: 'text' | 'table' | 'list';
  start: number;
  end: number;
}

const ROW = /^\|(.*)\|$/;
const DELIMITER = /^\|(?:[ \t]*:?-+:?[ \t]*\|)+$/;
// Characters that could make a cell more than plain text (inline markup, entities, HTML,
// escapes, autolink literals): such a table is left to remark.
const NOT_PLAIN = /[\\`*_[\]<>&!~$]|www\.|https?:|@/i;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const LINK_DEFINITION = /^ {0,3}\[[^\]]+\]:/m;

// A list item line as micromark sees one (any marker, up to 3 spaces of indentation).
const ANY_ITEM = /^ {0,3}(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/;
// A simple bullet item: `- ` and one line of plain text that cannot open another construct
// (a nested list, heading, quote, break, setext line, code) and has no trailing whitespace.
const SIMPLE_ITEM = /^- (?![-+*#>=|[<\s]|\d{1,9}[.)](?:[ \t]|$))\S(?:.*\S)?$/;

function cellsOf(row: string): string[] | undefined {
  const m = ROW.exec(row);
  return m ? m[1].split('|') : undefined;
}

/**
 * Spans of a chunk: simple tables (read by simpleTableFacts), simple tight bullet lists (read by
 * simpleListFacts) and the text around them. A list is taken only where no list can be open
 * before it and none can continue after it, so remark would see exactly that list.
 */
export function splitSimpleTables(text: string): PieceSpan[] {
  const whole: PieceSpan[] = [{ kind: 'text', start: 0, end: text.length }];
  // Link reference definitions apply across blocks; keep such a chunk whole.
  if ((!text.includes('|') && !text.includes('\n- ')) || LINK_DEFINITION.test(text)) return whole;
  const lines: { text: string; start: number; end: number }[] = [];
  let pos = 0;
  while (pos <= text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    const end = nl > pos && text[nl - 1] === '\r' ? nl - 1 : nl;
    lines.push({ text: text.slice(pos, end), start: pos, end });
    if (nl >= text.length) break;
    pos = nl + 1;
  }
  if (text.includes('\r')) return whole;
  const pieces: PieceSpan[] = [];
  let textStart = 0;
  let fence: string | undefined;
  let html: { end: RegExp | 'blank' } | undefined;
  const blank = (l: number) => l < 0 || l >= lines.length || lines[l].text.trim() === '';
  const atx = (l: number) => l >= 0 && l < lines.length && /^#{1,6}(?:[ \t]|$)/.test(lines[l].text);
  // Whether a list may still be open here (then a following item could belong to it). A chunk
  // that opens like frontmatter (`---`) is left to remark: an unclosed one changes what follows.
  let listOpen = /^---/.test(text);
  let noLists = false;
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i].text;
    // What the line scan skips (fences, HTML blocks) may still be read as list items by remark
    // (an autolink such as <https://x> is not HTML): a list may be open after it.
    if ((fence || html) && ANY_ITEM.test(t)) listOpen = true;
    if (fence) {
      if (new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`).test(t)) fence = undefined;
      continue;
    }
    const f = FENCE.exec(t);
    if (f) {
      fence = f[1];
      continue;
    }
    if (html) {
      if (html.end === 'blank' ? t.trim() === '' : html.end.test(t)) html = undefined;
      continue;
    }
    html = htmlBlockStart(t);
    if (html) {
      // This scan cannot tell every HTML block from an autolink paragraph (<https://x>), nor where
      // an HTML block that opens inside another ends: no list is taken after one.
      noLists = true;
      continue;
    }
    if (i > 0 && (atx(i) || (t.trim() !== '' && !/^[ \t]/.test(t) && !ANY_ITEM.test(t) && blank(i - 1))) && !/^---/.test(text)) listOpen = false;
    const prevOk = i === 0 || blank(i - 1) || atx(i - 1);
    if (!listOpen && !noLists && prevOk && SIMPLE_ITEM.test(t)) {
      let j = i + 1;
      while (j < lines.length && SIMPLE_ITEM.test(lines[j].text)) j++;
      let next = j;
      while (next < lines.length && blank(next)) next++;
      // Ends at a heading, or at a blank line after which nothing can continue the list.
      const ends = j >= lines.length || atx(j) || (blank(j) && (next >= lines.length || (!ANY_ITEM.test(lines[next].text) && !/^[ \t]/.test(lines[next].text))));
      if (ends) {
        if (lines[i].start > textStart) pieces.push({ kind: 'text', start: textStart, end: lines[i].start });
        pieces.push({ kind: 'list', start: lines[i].start, end: lines[j - 1].end });
        textStart = lines[j - 1].end;
        i = j - 1;
        continue;
      }
    }
    if (ANY_ITEM.test(t)) listOpen = true;
    if (!prevOk || !t.startsWith('|')) continue;
    const header = cellsOf(t);
    const delim = lines[i + 1] ? lines[i + 1].text : '';
    if (!header || !DELIMITER.test(delim) || delim.split('|').length - 2 !== header.length) continue;
    let j = i + 2;
    while (j < lines.length && lines[j].text.startsWith('|')) j++;
    const rows = lines.slice(i + 2, j).map((l) => cellsOf(l.text));
    const after = j >= lines.length || blank(j) || /^#{1,6}(?:[ \t]|$)/.test(lines[j].text);
    const plain = [header, ...rows].every((cells) => cells && cells.length === header.length && cells.every((c) => !NOT_PLAIN.test(c)));
    if (!after || !plain) {
      i = j - 1;
      continue;
    }
    if (lines[i].start > textStart) pieces.push({ kind: 'text', start: textStart, end: lines[i].start });
    pieces.push({ kind: 'table', start: lines[i].start, end: lines[j - 1].end });
    textStart = lines[j - 1].end;
    i = j - 1;
  }
  if (!pieces.length) return whole;
  if (textStart < text.length) pieces.push({ kind: 'text', start: textStart, end: text.length });
  return pieces;
}

/** The facts remark would give for a simple table (its text: header, delimiter, rows). */
function simpleTableFacts(text: string): ChunkFacts {
  const facts = emptyFacts();
  const rowSpans: { start: number; end: number }[] = [];
  let pos = 0;
  for (const line of text.split('\n')) {
    rowSpans.push({ start: pos, end: pos + line.length });
    pos += line.length + 1;
  }
  const cellFacts = (row: { start: number; end: number }, rowIndex: number): CellFact[] => {
    const line = text.slice(row.start, row.end);
    const pipes: number[] = [];
    for (let k = 0; k < line.length; k++) if (line[k] === '|') pipes.push(k);
    const cells: CellFact[] = [];
    for (let c = 0; c < pipes.length - 1; c++) {
      // remark's cell span: from its opening pipe to the next; the last one holds the closing pipe.
      let start = row.start + pipes[c];
      let end = c === pipes.length - 2 ? row.end : row.start + pipes[c + 1];
      while (start < end && (text[start] === '|' || text[start] === ' ' || text[start] === '\t')) start++;
      while (end > start && (text[end - 1] === '|' || text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
      const value = text.slice(start, end);
      const cellStart = row.start + pipes[c];
      const run: TextRun = value ? { text: value, pieces: [{ text: value, at: 0, start, end, exact: true }], start: cellStart } : { text: '', pieces: [], start: cellStart };
      facts.runs.push({ run, segment: 0, table: 0, row: rowIndex, cell: c });
      cells.push({ run, start, end });
    }
    return cells;
  };
  const header = cellFacts(rowSpans[0], -1);
  const rows = rowSpans.slice(2).map((r, i) => ({ start: r.start, end: r.end, cells: cellFacts(r, i) }));
  const end = rowSpans[rowSpans.length - 1].end;
  facts.tables.push({ start: 0, end, header, rows });
  facts.tableSegment.push(0);
  facts.segments[0].blocks.push({ kind: 'table', start: 0, end, body: true, run: joinRuns(header.map((c) => c.run), 0), table: 0, image: false });
  return facts;
}

/**
 * The facts remark would give for a tight bullet list of one-line items (its text: one `- item`
 * per line). micromark's list containers are what is slow, so the items' texts are parsed in one
 * call as the paragraphs they are inside the items (separated by blank lines, so nothing inline
 * spans two) and mapped back. Undefined when an item does not read as exactly one paragraph.
 */
function simpleListFacts(text: string): ChunkFacts | undefined {
  const items: { value: string; start: number; at: number }[] = [];
  let pos = 0;
  let synthetic = '';
  for (const line of text.split('\n')) {
    if (items.length) synthetic += '\n\n';
    items.push({ value: line.slice(2), start: pos + 2, at: synthetic.length });
    synthetic += line.slice(2);
    pos += line.length + 1;
  }
  const tree = parseFast(synthetic);
  if (tree.children.length !== items.length) return undefined;
  const paragraphs = tree.children.filter((n, k): n is Paragraph => n.type === 'paragraph' && n.position?.start.offset === items[k].at && n.position?.end.offset === items[k].at + items[k].value.length);
  if (paragraphs.length !== items.length) return undefined;
  const facts = emptyFacts();
  const list: TextRun = { text: '', pieces: [], start: 0 };
  const shifted = (r: TextRun, d: number): TextRun => ({ text: r.text, pieces: r.pieces.map((p) => ({ ...p, start: p.start + d, end: p.end + d })), start: r.start + d });
  let image = false;
  paragraphs.forEach((para, k) => {
    const d = items[k].start - items[k].at;
    const item = shifted(runOf(para, synthetic), d);
    facts.listItems.push({ run: item, segment: 0 });
    facts.starts.push({ start: { run: item, kind: 'listItem' }, segment: 0 });
    if (k > 0) list.text += '\n';
    for (const p of item.pieces) list.pieces.push({ ...p, at: p.at + list.text.length });
    list.text += item.text;
    const inline = emptyFacts();
    collectInline(para, synthetic, inline, 0);
    for (const c of inline.comments) facts.comments.push({ ...c, start: c.start + d, end: c.end + d });
    for (const h of inline.html) facts.html.push({ ...h, start: h.start + d, end: h.end + d });
    image ||= hasImage(para);
  });
  facts.runs.push({ run: list, segment: 0 });
  facts.segments[0].blocks.push({ kind: 'list', body: list.text.trim().length > 0 || image, run: list, image, start: 0, end: text.length });
  return facts;
}

/** Moves every offset of a piece's facts by `delta` (shared objects once). */
function shiftFacts(f: ChunkFacts, delta: number): ChunkFacts {
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
