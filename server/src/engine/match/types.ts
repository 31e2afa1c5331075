// What requirement matching produces (match.ts): where each requirement is answered — by a heading
// or, without one, by a label, a table row or a reference (requirements.md §3a) — and the lookups
// over it the rules and features share.

import type { DocumentKind, Requirement } from '../rulesets/types';
import type { Range } from '../text';
import type { TitleMatcher } from '../titles';

export interface HeadingRef {
  file: number;
  heading: number;
}

/** An answer without a heading of its own (requirements.md §3a). */
export interface Answer {
  kind: 'label' | 'row' | 'reference';
  file: number;
  /** The heading whose content holds it (-1: before the first heading). */
  heading: number;
  line: number;
  /** The label's span, the row, or the sentence. */
  range: Range;
  /** The label or the sentence as written. */
  text: string;
  /** Lines [from, to) of the answer: a label's up to the next item's label or the section's end. */
  region: { from: number; to: number };
  /** What follows the label in its own block (row: the other cells). */
  rest: string;
  /** The reference the answer gives (附件 5, 《…》, 文件编号 …), when it gives one. */
  reference?: string;
}

export interface DocMatch {
  kind: DocumentKind;
  /** Requirement → its (first) heading. */
  found: Map<string, HeadingRef>;
  /** Requirements answered without a heading: labels, table rows, references. */
  answers: Map<string, Answer>;
  /** Second and later headings of a requirement under the same parent. */
  duplicates: { id: string; at: HeadingRef; first: HeadingRef }[];
  /** A heading matching a requirement that was not found where it belongs. */
  misplaced: Map<string, HeadingRef>;
  /** "file:heading" → requirement ID (the first, when one heading answers several). */
  byHeading: Map<string, string>;
  /** "file:heading" → every requirement a heading answers (网络安全测试计划和报告: two). */
  headingAnswers: Map<string, string[]>;
  matcher: TitleMatcher;
}

export function refKey(r: HeadingRef): string {
  return `${r.file}:${r.heading}`;
}

/** Requirement ID → its parent ID ('' for top level). */
export function parentId(id: string): string {
  const i = id.lastIndexOf('.');
  return i < 0 ? '' : id.slice(0, i);
}

export function childrenOf(kind: DocumentKind, id: string): Requirement[] {
  return kind.requirements.filter((r) => parentId(r.id) === id && !r.wholeDocument);
}

/** Whether a requirement is answered at all: by a heading or otherwise. */
export function isAnswered(m: DocMatch, id: string): boolean {
  return m.found.has(id) || m.answers.has(id);
}
