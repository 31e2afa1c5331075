// Fast path 1: simple GFM tables, read by a line tokenizer instead of
// micromark-extension-gfm-table.
//
// Why: the extension keeps one EditMap for every table of a parse and `EditMap.add` finds its
// insertion point by a linear scan, so a parse costs O(cells²) over all its tables together
// (../shared/reference/performance-anchors.md §4: 4 000 ten-column rows, 47 s). A table read
// here is masked out of the text remark parses (fast-path.ts), so the extension only ever sees
// the tables this path declines.
//
// Why it is exact (GFM 0.29 §4.10 "Tables (extension)"; CommonMark 0.31.2 section numbers):
// - A table is a header row, a delimiter row with the same number of cells, and data rows; it
//   ends at the first blank line or the start of another block. Here every row starts and ends
//   with `|` at column 0 (so no indented code, §4.4, and no container, §5), the table starts
//   after a blank line, an ATX heading or the chunk start (no paragraph it could continue or
//   interrupt, §4.8), and it must end at a blank line, an ATX heading (§4.2) or the chunk end —
//   a following line without a leading pipe could still be a row, so such a table is declined.
// - Every cell is plain text: none of the characters that start a backslash escape (§2.4), an
//   entity (§2.5), a code span (§6.1), emphasis (§6.2), a link or image (§6.3, §6.4), an
//   autolink or raw HTML (§6.5, §6.6), strikethrough (GFM §6.5) or an autolink literal (GFM
//   §6.9). Then remark's cell text is the trimmed slice between two pipes, byte for byte, and an
//   escaped pipe (`\|`, which would not split a cell) cannot occur.
// - Rows with more or fewer cells than the header are declined (GFM pads or drops cells).
// test/engine/parse-identity.test.ts proves the facts equal remark's on every fixture, example,
// corpus file, a bench dossier and seeded edits.

import { emptyFacts, type CellFact, type ChunkFacts, type TextRun } from './facts';
import { isAtxHeading, isBlank, type SourceLine } from './lines';
import { joinRuns } from './tree';

const ROW = /^\|(.*)\|$/;
const DELIMITER = /^\|(?:[ \t]*:?-+:?[ \t]*\|)+$/;
// Characters that could make a cell more than plain text (inline markup, entities, HTML,
// escapes, autolink literals): such a table is left to remark.
const NOT_PLAIN = /[\\`*_[\]<>&!~$]|www\.|https?:|@/i;

function cellsOf(row: string): string[] | undefined {
  const m = ROW.exec(row);
  return m ? m[1].split('|') : undefined;
}

/**
 * The table whose header row is line `i`, if lines `i` and `i + 1` are a header and a matching
 * delimiter row: `end` is the line after its last row (every following line that starts with a
 * pipe), `simple` whether this path may read it (it ends cleanly, all its cells are plain).
 * Undefined when no table starts at `i`.
 */
export function simpleTableAt(lines: readonly SourceLine[], i: number): { end: number; simple: boolean } | undefined {
  const header = cellsOf(lines[i].text);
  const delim = lines[i + 1] ? lines[i + 1].text : '';
  if (!header || !DELIMITER.test(delim) || delim.split('|').length - 2 !== header.length) return undefined;
  let j = i + 2;
  while (j < lines.length && lines[j].text.startsWith('|')) j++;
  const rows = lines.slice(i + 2, j).map((l) => cellsOf(l.text));
  const after = isBlank(lines, j) || isAtxHeading(lines, j);
  const plain = [header, ...rows].every((cells) => cells && cells.length === header.length && cells.every((c) => !NOT_PLAIN.test(c)));
  return { end: j, simple: after && plain };
}

/** The facts remark would give for a simple table (its text: header, delimiter, rows). */
export function simpleTableFacts(text: string): ChunkFacts {
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

/** Puts a simple table's facts where remark saw the masking thematic break. */
export function spliceTable(facts: ChunkFacts, table: ChunkFacts, at: number): void {
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
