// The chunk as lines, for the fast paths' line scan (fast-path.ts). CommonMark 0.31.2 §2.1: a
// line ends at a line feed, a carriage return or both. The scan leaves every chunk holding a
// carriage return to remark (fast-path.ts), so what it reads ends at `\n` only.

export interface SourceLine {
  text: string;
  start: number;
  end: number;
}

/** The lines of `text` with their offsets (the last one may be empty). */
export function splitLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  let pos = 0;
  while (pos <= text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    const end = nl > pos && text[nl - 1] === '\r' ? nl - 1 : nl;
    lines.push({ text: text.slice(pos, end), start: pos, end });
    if (nl >= text.length) break;
    pos = nl + 1;
  }
  return lines;
}

/** A blank line (§4.9), or no line at all (before the chunk, after it). */
export function isBlank(lines: readonly SourceLine[], l: number): boolean {
  return l < 0 || l >= lines.length || lines[l].text.trim() === '';
}

/** An ATX heading line at column 0 (§4.2): a single-line block that no paragraph continues. */
export function isAtxHeading(lines: readonly SourceLine[], l: number): boolean {
  return l >= 0 && l < lines.length && ATX.test(lines[l].text);
}

export const ATX = /^#{1,6}(?:[ \t]|$)/;
