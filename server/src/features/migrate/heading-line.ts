// The named spans of a heading line the structure planner edits: the `#` run, the decimal
// number, the title after it. Shared with the template step, which numbers inserted headings.

import { stripNumbering } from '../../engine';

const NUMBER = /^(\d{1,3}(?:\.\d{1,3})*)(?!\d)/;

/** The parts of a heading line: `#` run end, content start, decimal number, title span. */
export interface HeadingLine {
  /** End of the `#` run (ATX headings only). */
  hashes?: number;
  /** Start of the content (after the `#` run and its spaces). */
  content: number;
  /** The decimal number at the start of the content. */
  number?: string;
  /** What separates the number from the title. */
  sep: string;
  title: string;
  titleStart: number;
}

/** The parts of one heading line (see `HeadingLine`). */
export function headingParts(line: string): HeadingLine {
  const atx = /^( {0,3})(#{1,6})(?=[ \t]|$)/.exec(line);
  let start = atx ? atx[0].length : 0;
  while (start < line.length && /[ \t]/.test(line[start])) start++;
  let end = line.length;
  if (atx) {
    const close = /[ \t]+#+[ \t]*$/.exec(line.slice(start));
    if (close) end = start + close.index;
    else if (/^#+[ \t]*$/.test(line.slice(start))) end = start;
  }
  while (end > start && /[ \t]/.test(line[end - 1])) end--;
  const content = line.slice(start, end);
  const rest = stripNumbering(content);
  const titleStart = start + content.length - rest.length;
  const m = NUMBER.exec(content);
  const number = m && rest !== content && titleStart - start >= m[1].length ? m[1] : undefined;
  const sep = number ? content.slice(number.length, titleStart - start) : '';
  return { hashes: atx ? atx[0].length : undefined, content: start, number, sep, title: rest === content && !number ? content : rest, titleStart };
}
