// The fast, fence-aware line scanner. It finds the frontmatter and splits the body into chunks
// at ATX headings that are certainly headings (column 0, outside fenced code and HTML blocks).
// Each chunk is then parsed by remark on its own and cached by content, so an edit re-parses only
// the chunk it touches. The scanner is conservative: where it is unsure it does not split, and a
// missed split only makes a chunk larger; headings themselves always come from remark.

import { LineIndex } from './text';

export interface FrontmatterSpan {
  /** Line of the opening `---` (always 0, or 0 after a BOM). */
  openLine: number;
  /** Line of the closing `---`, or undefined when the block is never closed. */
  closeLine: number | undefined;
  /** Offsets of the YAML text between the fences. */
  contentStart: number;
  contentEnd: number;
  /** True when some line of it starts with `document:` (decides dossier-ness when YAML fails). */
  hasDocumentLine: boolean;
}

export interface Chunk {
  startLine: number;
  /** Exclusive. */
  endLine: number;
  start: number;
  end: number;
}

export interface ScanResult {
  lines: LineIndex;
  frontmatter: FrontmatterSpan | undefined;
  /** The first line after the frontmatter (0 without frontmatter). */
  bodyStartLine: number;
  chunks: Chunk[];
  /** Lines that are certainly ATX headings (column 0, outside fences and HTML blocks). */
  headingLines: number[];
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const ATX = /^#{1,6}(?:[ \t]|$)/;
const BLANK = /^[ \t]*$/;
const HTML_START = /^ {0,3}<(?:(script|pre|style|textarea)(?:[\s>]|$)|(!--)|(\?)|(![A-Za-z])|(!\[CDATA\[)|\/?[A-Za-z])/i;
const FM_FENCE = /^---[ \t]*$/;
const DOCUMENT_KEY = /^["']?document["']?[ \t]*:/;

export function scan(text: string, lines = new LineIndex(text)): ScanResult {
  const n = lines.lineCount;
  let frontmatter: FrontmatterSpan | undefined;
  let bodyStartLine = 0;

  const first = lines.lineText(0).replace(/^\uFEFF/, '');
  if (FM_FENCE.test(first)) {
    let close: number | undefined;
    let hasDocumentLine = false;
    for (let l = 1; l < n; l++) {
      const t = lines.lineText(l);
      if (FM_FENCE.test(t)) {
        close = l;
        break;
      }
      if (DOCUMENT_KEY.test(t)) hasDocumentLine = true;
    }
    const contentStart = n > 1 ? lines.starts[1] : text.length;
    const contentEnd = close !== undefined ? lines.starts[close] : text.length;
    frontmatter = { openLine: 0, closeLine: close, contentStart, contentEnd, hasDocumentLine };
    bodyStartLine = close !== undefined ? close + 1 : n;
  }

  const chunks: Chunk[] = [];
  let chunkStart = bodyStartLine;
  let fence: { char: string; len: number } | undefined;
  let html: { end: RegExp | 'blank' } | undefined;

  for (let l = bodyStartLine; l < n; l++) {
    const t = lines.lineText(l);
    if (fence) {
      const m = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(t);
      if (m && m[1][0] === fence.char && m[1].length >= fence.len) fence = undefined;
      continue;
    }
    if (html) {
      if (html.end === 'blank' ? BLANK.test(t) : html.end.test(t)) html = undefined;
      continue;
    }
    if (ATX.test(t) && l > chunkStart) {
      chunks.push(makeChunk(lines, chunkStart, l));
      chunkStart = l;
    }
    const f = FENCE_OPEN.exec(t);
    if (f && !(f[1][0] === '`' && f[2].includes('`'))) {
      fence = { char: f[1][0], len: f[1].length };
      continue;
    }
    html = htmlBlockStart(t);
  }
  if (chunkStart < n || chunks.length === 0) chunks.push(makeChunk(lines, chunkStart, n));
  const headingLines = chunks.filter((c) => ATX.test(lines.lineText(c.startLine))).map((c) => c.startLine);
  return { lines, frontmatter, bodyStartLine, chunks: mergeSmall(chunks, lines), headingLines };
}

/** Sub-sections (### and deeper) join the chunk before them while it stays small. */
const MERGE_LIMIT = 6000;

/**
 * Fewer, larger chunks cost fewer parser set-ups (≈0.2 ms each). A chunk starting with a `#` or
 * `##` heading always starts anew, so an edit can only move the boundaries of its own section.
 */
function mergeSmall(chunks: Chunk[], lines: LineIndex): Chunk[] {
  const out: Chunk[] = [];
  for (const c of chunks) {
    const last = out[out.length - 1];
    const depth = /^(#{1,6})(?:[ \t]|$)/.exec(lines.lineText(c.startLine))?.[1].length ?? 0;
    if (last && depth >= 3 && last.end - last.start + (c.end - c.start) <= MERGE_LIMIT) {
      last.endLine = c.endLine;
      last.end = c.end;
    } else out.push({ ...c });
  }
  return out;
}

/**
 * An HTML block (CommonMark types 1–7) opening on this line and not closing on it: the condition
 * that ends it. Conservative: a type-7 tag that cannot interrupt a paragraph still counts.
 */
export function htmlBlockStart(t: string): { end: RegExp | 'blank' } | undefined {
  const h = HTML_START.exec(t);
  if (!h) return undefined;
  let end: RegExp | 'blank' = 'blank';
  if (h[1]) end = new RegExp(`</${h[1]}>`, 'i');
  else if (h[2]) end = /-->/;
  else if (h[3]) end = /\?>/;
  else if (h[5]) end = /\]\]>/;
  else if (h[4]) end = />/;
  // The end condition may hold on the opening line itself.
  const rest = t.slice(h.index + h[0].length);
  return end === 'blank' || !end.test(rest) ? { end } : undefined;
}

function makeChunk(lines: LineIndex, startLine: number, endLine: number): Chunk {
  const start = startLine < lines.lineCount ? lines.starts[startLine] : lines.text.length;
  const end = endLine < lines.lineCount ? lines.starts[endLine] : lines.text.length;
  return { startLine, endLine, start, end };
}
