// A remark tree (mdast) → chunk facts: blocks per heading segment, tables, list items, block
// starts, text runs with their source offsets, comments and HTML fragments. The reference
// reading: the fast paths (fast-path.ts) must give exactly what this gives for their blocks.

import type { Root, RootContent, Nodes, Table, List, ListItem } from 'mdast';
import { emptyFacts, type BlockFact, type BlockKind, type CellFact, type ChunkFacts, type Piece, type TextRun } from './facts';

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
export function visit(node: Nodes, enter: (n: Nodes) => boolean): void {
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

export function hasImage(node: Nodes): boolean {
  let found = false;
  visit(node, (n) => {
    if (n.type === 'image' || n.type === 'imageReference' || (n.type === 'html' && /<img\b/i.test(n.value))) found = true;
    return !found;
  });
  return found;
}

/** Inline HTML inside a block: comments (suppressions) and other fragments. */
export function collectInline(node: Nodes, text: string, facts: ChunkFacts, segment: number): void {
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

export function joinRuns(runs: TextRun[], start: number): TextRun {
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
