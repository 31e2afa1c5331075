// One chunk of Markdown → the facts the rules need, with chunk-relative offsets. remark
// (remark-parse + remark-gfm + remark-frontmatter) does the parsing; nothing here knows about
// requirements or configuration, so the result can be cached by the chunk's text alone.
//
// The parts: parse/facts.ts (the fact types), parse/remark.ts (the processors), parse/tree.ts
// (mdast → facts), parse/fast-path.ts with parse/simple-table.ts and parse/simple-list.ts (the
// blocks read without micromark's slow paths). This module is the entry: the nesting guard and
// the containment of a parser failure.

import { analyzeWithFastPaths } from './parse/fast-path';
import { emptyFacts, type ChunkFacts, type TextRun } from './parse/facts';
import { parseMarkdown } from './parse/remark';
import { factsFromTree } from './parse/tree';

export type { Piece, TextRun, HeadingFact, CellFact, TableFact, BlockKind, BlockFact, BlockStart, CommentFact, Segment, ChunkFacts } from './parse/facts';
export { parseMarkdown } from './parse/remark';
export { factsFromTree, runOf, runSpan } from './parse/tree';
export { findSimpleBlocks, type SimpleBlockSpan } from './parse/fast-path';

/** Facts of a chunk through the full processor (the reference the fast path is tested against). */
export function analyzeChunkFull(text: string): ChunkFacts {
  return factsFromTree(parseMarkdown(text), text);
}

/**
 * Facts of one chunk. Simple GFM tables (plain cells, after a blank line) are read by an exact
 * line tokenizer, and simple tight bullet lists (one-line items) have their items parsed as plain
 * paragraphs; both are masked out — replaced by a thematic break that, like them, ends the blocks
 * before it — so the rest of the chunk is parsed by remark in one call with only the GFM parts it
 * can use. Identical to analyzeChunkFull (test/engine/parse-identity.test.ts).
 */
export function analyzeChunk(text: string, maxNesting = MAX_NESTING): ChunkFacts {
  const depth = nestingDepth(text);
  if (depth > maxNesting) return skippedFacts(text, { reason: 'nesting', depth });
  try {
    return analyzeWithFastPaths(text);
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
