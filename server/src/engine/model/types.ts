// The document model's types: one heading tree with document offsets, built from the chunks'
// facts (build.ts) or from the heading scan alone (outline.ts). Rules read this, never the text.

import type { BlockFact, ChunkFacts, TableFact, TextRun } from '../parse';
import type { ScanResult } from '../scan';
import type { LineIndex, Range } from '../text';

/** A piece of chunk data with the chunk's document offset. */
export interface Based<T> {
  base: number;
  item: T;
}

export interface Heading {
  index: number;
  depth: number;
  text: string;
  key: string;
  line: number;
  /** Whole heading line. */
  range: Range;
  parent: number;
  children: number[];
  /** Own blocks, up to the next heading of any level. */
  blocks: Based<BlockFact>[];
  hasBody: boolean;
  /** Line where the heading's subtree ends (exclusive). */
  end: number;
  /** A negative answer at the start of the own body. */
  /** `extra`: answered by a word only some rule sets read as negative (NOT_APPLICABLE_EXTRA). */
  notApplicable?: { range: Range; reasonChars: number; reason: string; extra?: boolean };
}

export interface TableModel {
  index: number;
  heading: number;
  base: number;
  fact: TableFact;
}

export interface Placeholder {
  range: Range;
  text: string;
  heading: number;
}

export interface Suppression {
  kind: 'next-line' | 'disable' | 'enable' | 'file';
  line: number;
  endLine: number;
  /** For next-line: the first non-blank line after the comment. */
  target?: number;
  /** Empty = every code. */
  rules: { code: string; requirement?: string }[];
}

export interface ModelLabel {
  kind: 'block' | 'row';
  /** Heading whose own content holds it (-1: before the first heading). */
  heading: number;
  line: number;
  /** Last line of the labelled block or row. */
  endLine: number;
  candidates: { text: string; range: Range; rest: string }[];
  /** The table (model index) of a row label. */
  table?: number;
}

export interface ModelRef {
  heading: number;
  line: number;
  endLine: number;
  range: Range;
  text: string;
  reference: string;
}

export interface DocModel {
  text: string;
  lines: LineIndex;
  scan: ScanResult;
  headings: Heading[];
  /** Blocks before the first heading (after the frontmatter). */
  preamble: Based<BlockFact>[];
  tables: TableModel[];
  listItems: Based<{ run: TextRun; heading: number }>[];
  starts: Based<{ run: TextRun; kind: 'paragraph' | 'listItem' | 'heading'; heading: number }>[];
  runs: Based<{ run: TextRun; heading: number; table?: number; row?: number; cell?: number }>[];
  placeholders: Placeholder[];
  suppressions: Suppression[];
  chunks: { hash: string; facts: ChunkFacts; base: number }[];
  /** Labelled blocks and table rows that may answer an item without a heading (§3a). */
  labels: ModelLabel[];
  /** Sentences (and table rows) that hold a reference to where something is (§3a). */
  refs: ModelRef[];
  /** Built from the heading scan alone (no labels, no sentences): answers beyond headings unknown. */
  outline?: boolean;
  /** Sections that were not parsed (too deeply nested, or the parser failed). */
  skipped: { line: number; skipped: NonNullable<ChunkFacts['skipped']> }[];
}
