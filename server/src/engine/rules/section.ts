// What a content check reads: the section that answers a requirement. That is a heading's
// subtree, or — when the requirement is answered without a heading of its own (requirements.md
// §3a) — the lines of its label's region (up to the next item's label) or of its sentence. Every
// content check reads its tables, text and sub-headings through this, so a label that answers an
// item with a table below it is checked exactly as a heading would be.

import type { Answer, HeadingRef } from '../match';
import { descendants, type Based, type DocModel, type Heading, type TableModel } from '../model';
import type { BlockFact } from '../parse';
import type { Range } from '../text';
import type { DocGroup, FileState } from './context';

export interface Section {
  file: FileState;
  model: DocModel;
  /** The heading of the section, or the heading whose content holds the answer (-1: none). */
  index: number;
  heading?: Heading;
  /** Lines [from, to) of the section. */
  from: number;
  to: number;
  /** Where findings about the section land: its heading, or the label (sentence) that answers it. */
  anchor: Range;
  /** Set when the section is an answer without a heading: only its lines count. */
  answer?: Answer;
  /** Heading indices whose own content may lie in the section (-1 for text before any heading). */
  headings: Set<number>;
}

export function headingSection(group: DocGroup, ref: HeadingRef): Section {
  const file = group.files[ref.file];
  const model = file.model!;
  const heading = model.headings[ref.heading];
  return { file, model, index: heading.index, heading, from: heading.line, to: heading.end, anchor: heading.range, headings: new Set([heading.index, ...descendants(model, heading.index)]) };
}

export function answerSection(group: DocGroup, a: Answer): Section {
  const file = group.files[a.file];
  const model = file.model!;
  const headings = new Set<number>([a.heading]);
  for (const h of model.headings) if (h.line >= a.region.from && h.line < a.region.to) headings.add(h.index);
  return { file, model, index: a.heading, heading: a.heading >= 0 ? model.headings[a.heading] : undefined, from: a.region.from, to: a.region.to, anchor: a.range, answer: a, headings };
}

/** The section of a requirement: its heading, else its answer without one; undefined if neither. */
export function sectionOf(group: DocGroup, id: string): Section | undefined {
  const ref = group.match.found.get(id);
  if (ref) return headingSection(group, ref);
  const a = group.match.answers.get(id);
  return a ? answerSection(group, a) : undefined;
}

function inLines(s: Section, line: number): boolean {
  return !s.answer || (line >= s.from && line < s.to);
}

export function sectionTables(s: Section): TableModel[] {
  return s.model.tables.filter((t) => s.headings.has(t.heading) && inLines(s, s.model.lines.positionAt(t.base + t.fact.start).line));
}

/** Plain text of the section (every text run in it). */
export function sectionText(s: Section): string {
  return s.model.runs
    .filter((r) => s.headings.has(r.item.heading) && inLines(s, s.model.lines.positionAt(r.base + r.item.run.start).line))
    .map((r) => r.item.run.text)
    .join('\n');
}

/** Source lines of the section. */
export function sectionLines(s: Section): string[] {
  const out: string[] = [];
  for (let l = s.from; l < s.to; l++) out.push(s.model.lines.lineText(l));
  return out;
}

/** Headings inside the section (not its own). */
export function sectionHeadings(s: Section): Heading[] {
  return s.model.headings.filter((h) => h.index !== s.index && s.headings.has(h.index) && inLines(s, h.line));
}

/** List items of the section. */
export function sectionListItems(s: Section): DocModel['listItems'] {
  return s.model.listItems.filter((li) => s.headings.has(li.item.heading) && inLines(s, s.model.lines.positionAt(li.base + li.item.run.start).line));
}

/** The blocks of the section (own content of each heading in it). */
export function sectionBlocks(s: Section): Based<BlockFact>[] {
  const out: Based<BlockFact>[] = [];
  for (const i of s.headings) {
    const blocks = i < 0 ? s.model.preamble : s.model.headings[i].blocks;
    for (const b of blocks) if (inLines(s, s.model.lines.positionAt(b.base + b.item.start).line) || (s.answer && blockCovers(s, b))) out.push(b);
  }
  return out;
}

/** A block that starts before an answer's region but reaches into it (a list holding the label). */
function blockCovers(s: Section, b: Based<BlockFact>): boolean {
  const start = s.model.lines.positionAt(b.base + b.item.start).line;
  const end = s.model.lines.positionAt(b.base + Math.max(b.item.start, b.item.end - 1)).line;
  return start < s.from && end >= s.from;
}

/** The line after the section's content, trailing blank lines skipped. */
export function sectionEndLine(s: Section): number {
  let end = s.to;
  while (end - 1 > s.from && s.model.lines.lineText(end - 1).trim() === '') end--;
  return end;
}

/** Whether the section has body text (for an answer: anything after its label). */
export function sectionHasBody(s: Section): boolean {
  if (!s.answer) return s.heading ? [s.index, ...descendants(s.model, s.index)].some((h) => s.model.headings[h].hasBody) : false;
  if (s.answer.kind === 'reference' || s.answer.rest.trim()) return true;
  const labelEnd = s.answer.range.end.line;
  return sectionBlocks(s).some((b) => b.item.body && s.model.lines.positionAt(b.base + b.item.start).line > labelEnd);
}

/** The first body text of an answer after its label: where a 不适用 answer stands. */
export function answerLead(s: Section): string {
  const a = s.answer;
  if (!a) return '';
  if (a.rest.trim()) return a.rest;
  const labelEnd = a.range.end.line;
  const next = sectionBlocks(s).find((b) => b.item.body && s.model.lines.positionAt(b.base + b.item.start).line > labelEnd);
  return next?.item.run.text ?? '';
}
