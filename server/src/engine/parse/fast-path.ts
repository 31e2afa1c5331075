// The fast paths of a chunk: find the simple tables (simple-table.ts) and simple tight bullet
// lists (simple-list.ts) by a line scan, mask them out of the text remark parses, and splice
// their facts in where remark saw the mask. The result equals remark's facts for the whole
// chunk (test/engine/parse-identity.test.ts); where the scan cannot be sure, it leaves the block
// (or the whole chunk) to remark, which only costs time.

import { htmlBlockStart } from '../scan';
import type { ChunkFacts } from './facts';
import { shiftFacts } from './facts';
import { isAtxHeading, isBlank, splitLines, type SourceLine } from './lines';
import { parseFast } from './remark';
import { ANY_ITEM, simpleListAt, simpleListFacts, spliceList } from './simple-list';
import { simpleTableAt, simpleTableFacts, spliceTable } from './simple-table';
import { factsFromTree } from './tree';

/** A span of a chunk: a simple table, a simple list, or the text between them. */
export interface SimpleBlockSpan {
  kind: 'text' | 'table' | 'list';
  start: number;
  end: number;
}

// Fenced code (CommonMark 0.31.2 §4.5): an opening fence of three or more backticks or tildes.
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
// A link reference definition (§4.7) applies across blocks; a chunk holding one stays whole.
const LINK_DEFINITION = /^ {0,3}\[[^\]]+\]:/m;

/**
 * Fenced code blocks (§4.5) and HTML blocks (§4.6), which the scan passes over: no table or list
 * is taken inside one. The scan cannot tell every HTML block from an autolink paragraph
 * (`<https://x>`, §6.5), nor where an HTML block that opens inside another ends, so after the
 * first HTML block it takes no more lists.
 */
class OpaqueBlocks {
  private fence: string | undefined;
  private html: { end: RegExp | 'blank' } | undefined;
  /** An HTML block was seen: no list is taken after it. */
  sawHtml = false;

  get inside(): boolean {
    return !!(this.fence || this.html);
  }

  /** True when line `t` opens, continues or closes a fence or an HTML block. */
  consume(t: string): boolean {
    if (this.fence) {
      if (new RegExp(`^ {0,3}${this.fence[0] === '`' ? '`' : '~'}{${this.fence.length},}[ \\t]*$`).test(t)) this.fence = undefined;
      return true;
    }
    const f = FENCE.exec(t);
    if (f) {
      this.fence = f[1];
      return true;
    }
    if (this.html) {
      if (this.html.end === 'blank' ? t.trim() === '' : this.html.end.test(t)) this.html = undefined;
      return true;
    }
    this.html = htmlBlockStart(t);
    if (this.html) this.sawHtml = true;
    return !!this.html;
  }
}

/**
 * Spans of a chunk: simple tables, simple tight bullet lists and the text around them. A list is
 * taken only where no list can be open before it and none can continue after it, so remark
 * would see exactly that list. One text span when the chunk has neither (or must stay whole).
 */
export function findSimpleBlocks(text: string): SimpleBlockSpan[] {
  const whole: SimpleBlockSpan[] = [{ kind: 'text', start: 0, end: text.length }];
  if ((!text.includes('|') && !text.includes('\n- ')) || LINK_DEFINITION.test(text) || text.includes('\r')) return whole;
  const lines = splitLines(text);
  const pieces: SimpleBlockSpan[] = [];
  let textStart = 0;
  const take = (kind: 'table' | 'list', from: number, to: number) => {
    if (lines[from].start > textStart) pieces.push({ kind: 'text', start: textStart, end: lines[from].start });
    pieces.push({ kind, start: lines[from].start, end: lines[to - 1].end });
    textStart = lines[to - 1].end;
  };
  const opaque = new OpaqueBlocks();
  // A chunk that opens like frontmatter (`---`) is left to remark for lists: an unclosed one
  // changes what follows.
  const frontmatterLike = /^---/.test(text);
  // Whether a list may still be open here (then a following item could belong to it).
  let listOpen = frontmatterLike;
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i].text;
    // What the line scan skips (fences, HTML blocks) may still be read as list items by remark
    // (an autolink such as <https://x> is not HTML): a list may be open after it.
    if (opaque.inside && ANY_ITEM.test(t)) listOpen = true;
    if (opaque.consume(t)) continue;
    if (i > 0 && closesLists(lines, i) && !frontmatterLike) listOpen = false;
    const prevOk = i === 0 || isBlank(lines, i - 1) || isAtxHeading(lines, i - 1);
    if (!listOpen && !opaque.sawHtml && prevOk) {
      const end = simpleListAt(lines, i);
      if (end !== undefined) {
        take('list', i, end);
        i = end - 1;
        continue;
      }
    }
    if (ANY_ITEM.test(t)) listOpen = true;
    if (!prevOk || !t.startsWith('|')) continue;
    const table = simpleTableAt(lines, i);
    if (!table) continue;
    if (table.simple) take('table', i, table.end);
    i = table.end - 1;
  }
  if (!pieces.length) return whole;
  if (textStart < text.length) pieces.push({ kind: 'text', start: textStart, end: text.length });
  return pieces;
}

/**
 * Line `i` ends every open list: an ATX heading (§4.2), or a non-blank line at column 0 that is
 * no list item and follows a blank line (the blank line ended any paragraph a lazy line could
 * continue, §5.2, and column 0 is no item's content).
 */
function closesLists(lines: readonly SourceLine[], i: number): boolean {
  const t = lines[i].text;
  return isAtxHeading(lines, i) || (t.trim() !== '' && !/^[ \t]/.test(t) && !ANY_ITEM.test(t) && isBlank(lines, i - 1));
}

/**
 * The facts of a chunk with its simple blocks read by the fast paths: each is masked out —
 * replaced by a thematic break (§4.1) and blank lines (§4.9) of the same length, which, like
 * the table or list, ends the blocks before it and keeps every offset — so remark parses the
 * rest in one call with only the GFM parts it can use; then each block's facts are spliced in
 * where remark saw its break. A list whose items do not each read as one paragraph is left to
 * remark.
 */
export function analyzeWithFastPaths(text: string): ChunkFacts {
  const lists = new Map<number, ChunkFacts>();
  const simple = findSimpleBlocks(text).filter((p) => {
    if (p.kind !== 'list') return p.kind === 'table';
    const f = simpleListFacts(text.slice(p.start, p.end));
    if (f) lists.set(p.start, f);
    return !!f;
  });
  if (!simple.length) return factsFromTree(parseFast(text), text);
  const masked = maskSpans(text, simple);
  const facts = factsFromTree(parseFast(masked), masked);
  for (const t of simple) {
    const piece = text.slice(t.start, t.end);
    if (t.kind === 'table') spliceTable(facts, shiftFacts(simpleTableFacts(piece), t.start), t.start);
    else spliceList(facts, shiftFacts(lists.get(t.start)!, t.start), t.start);
  }
  return facts;
}

/** `text` with each span replaced by `***` and spaces, line for line (same length, same lines). */
export function maskSpans(text: string, spans: readonly SimpleBlockSpan[]): string {
  let masked = '';
  let pos = 0;
  for (const t of spans) {
    const region = text.slice(t.start, t.end).split('\n');
    masked += text.slice(pos, t.start) + ['***' + ' '.repeat(region[0].length - 3), ...region.slice(1).map((l) => ' '.repeat(l.length))].join('\n');
    pos = t.end;
  }
  masked += text.slice(pos);
  return masked;
}
