// Fast path 2: simple tight bullet lists, their items parsed as plain paragraphs.
//
// Why: micromark's list containers are the slow part of a list-heavy section (each container
// exit edits the document's event array: quadratic in micromark 4.0.3, still the main cost in
// the pinned 4.0.2; ../shared/reference/performance-anchors.md §4 and bench/NOTES.md). The items'
// texts are parsed in one remark call as the paragraphs they are inside the items, and only the
// list facts are assembled here (附录 A of the 500 KB bench: 142 ms → 56 ms).
//
// Why it is exact (CommonMark 0.31.2):
// - Each item is one line `- text` at column 0 (§5.2 list items: a `-` bullet and one space, so
//   the content starts at column 2 and every item is a single paragraph, §4.8). The text cannot
//   open another construct at its start — a nested list or a thematic break (`-+*`, ordered
//   markers; §5.2, §4.1), an ATX heading (§4.2), a block quote (§5.1), a setext underline
//   (§4.3), a table (GFM §4.10), a task list item or link reference definition (`[`, GFM §5.3,
//   §4.7), an HTML block (§4.6) or indented content — and has no trailing whitespace (a hard
//   line break, §6.7, or spaces remark trims).
// - Consecutive such lines with no blank line between them form one tight list (§5.3). The
//   line scan (fast-path.ts) takes one only where no list can be open before it (else the items
//   would join that list) and where none can continue after it: it ends at an ATX heading, at
//   the chunk end, or at a blank line after which comes neither a list item nor an indented line
//   (which would make the list loose or continue an item).
// - The synthetic text separates the items by blank lines, so nothing inline spans two of them;
//   when an item does not come back as exactly one paragraph over its whole text, the list is
//   left to remark.
// test/engine/parse-identity.test.ts proves the facts equal remark's (fixtures, examples, corpus,
// bench dossier, seeded edits).

import { emptyFacts, type ChunkFacts, type TextRun } from './facts';
import type { Paragraph } from 'mdast';
import { isAtxHeading, isBlank, type SourceLine } from './lines';
import { parseFast } from './remark';
import { collectInline, hasImage, runOf } from './tree';

// A list item line as micromark sees one (any marker, up to 3 spaces of indentation).
export const ANY_ITEM = /^ {0,3}(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/;
// A simple bullet item: `- ` and one line of plain text that cannot open another construct
// (a nested list, heading, quote, break, setext line, code) and has no trailing whitespace.
const SIMPLE_ITEM = /^- (?![-+*#>=|[<\s]|\d{1,9}[.)](?:[ \t]|$))\S(?:.*\S)?$/;

/**
 * The simple list whose first item is line `i`: the line after its last item, or undefined when
 * line `i` is no simple item or the list could continue past its last simple item.
 */
export function simpleListAt(lines: readonly SourceLine[], i: number): number | undefined {
  if (!SIMPLE_ITEM.test(lines[i].text)) return undefined;
  let j = i + 1;
  while (j < lines.length && SIMPLE_ITEM.test(lines[j].text)) j++;
  let next = j;
  while (next < lines.length && isBlank(lines, next)) next++;
  // Ends at a heading, or at a blank line after which nothing can continue the list.
  const ends = j >= lines.length || isAtxHeading(lines, j) || (isBlank(lines, j) && (next >= lines.length || (!ANY_ITEM.test(lines[next].text) && !/^[ \t]/.test(lines[next].text))));
  return ends ? j : undefined;
}

/**
 * The facts remark would give for a tight bullet list of one-line items (its text: one `- item`
 * per line). micromark's list containers are what is slow, so the items' texts are parsed in one
 * call as the paragraphs they are inside the items (separated by blank lines, so nothing inline
 * spans two) and mapped back. Undefined when an item does not read as exactly one paragraph.
 */
export function simpleListFacts(text: string): ChunkFacts | undefined {
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

/** Puts a simple list's facts where remark saw the masking thematic break. */
export function spliceList(facts: ChunkFacts, list: ChunkFacts, at: number): void {
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
