// Text primitives shared by the whole engine: positions in LSP shape (0-based line, UTF-16
// character), a line index, and the normalisation used for heading and header matching.

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export function range(sl: number, sc: number, el: number, ec: number): Range {
  return { start: { line: sl, character: sc }, end: { line: el, character: ec } };
}

/** Line starts of a text; understands \n, \r\n and a lone \r as line ends (as LSP does). */
export class LineIndex {
  readonly starts: number[];
  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Offset just past the line's content (before its line end). */
  lineEnd(line: number): number {
    if (line >= this.starts.length - 1) return this.text.length;
    let end = this.starts[line + 1];
    if (end > 0 && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > 0 && this.text.charCodeAt(end - 1) === 13) end--;
    return Math.max(end, this.starts[line]);
  }

  lineText(line: number): string {
    if (line < 0 || line >= this.starts.length) return '';
    return this.text.slice(this.starts[line], this.lineEnd(line));
  }

  positionAt(offset: number): Position {
    offset = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    // An offset inside a line break (the \r of \r\n, say) is the end of its line: positions
    // never point into the line terminator.
    return { line: lo, character: Math.min(offset, this.lineEnd(lo)) - this.starts[lo] };
  }

  offsetAt(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.starts.length) return this.text.length;
    return Math.min(this.starts[pos.line] + Math.max(0, pos.character), this.lineEnd(pos.line));
  }

  /** The whole line as a range (used for headings, rows, "line 0"). */
  lineRange(line: number): Range {
    const l = Math.max(0, Math.min(line, this.starts.length - 1));
    return range(l, 0, l, this.lineEnd(l) - this.starts[l]);
  }
}

const PUNCT_OR_SPACE = /[\p{P}\p{S}\p{Z}\s]/gu;

/**
 * Width, case, spaces and punctuation folded away: the form in which titles, synonyms, aliases
 * and table headers are compared (requirements.md §3).
 */
export function normalize(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(PUNCT_OR_SPACE, '');
}

const CN_NUM = '一二三四五六七八九十百千零〇两壹贰叁肆伍陆柒捌玖拾';
const NUMBERING: RegExp[] = [
  // 第一部分 / 第1章 / 第三节 / 第二条
  new RegExp(`^第\\s*[${CN_NUM}\\d]+\\s*[部分章节条篇款项]+[\\s、.．:：]*`, 'u'),
  // Part 1 / Chapter 2 / Section 3.1 / Part I
  /^(?:part|chapter|section)\s+(?:\d+(?:\.\d+)*|[ivxlcdm]+)\b[\s.:)、．：-]*/iu,
  // （一） (一) （1） (1) (a)
  new RegExp(`^[（(]\\s*(?:[${CN_NUM}]+|\\d+|[a-zA-Z])\\s*[)）][\\s、.．:：]*`, 'u'),
  // 一、 一. 十二、
  new RegExp(`^[${CN_NUM}]+\\s*[、.．:：][\\s]*`, 'u'),
  // 1 / 1. / 1.4 / 4.2.1 / 1、 / 1） / 1) / 1.4.
  /^\d+(?:\s*[.．]\s*\d+)*\s*(?:[.．、)）:：]|(?=\s)|$|(?=[^\x00-\x7F]))[\s]*/u,
  // I. II) IV、 (Roman numerals need a delimiter)
  /^[IVXLCivxlc]+\s*[.．)）、]\s*/u,
  // A. B) c、
  /^[A-Za-z]\s*[.．)）、]\s+/u,
  // § 3 / §3.1
  /^§\s*\d+(?:\.\d+)*[\s.．]*/u,
  // ① … ⑳, ⑴ … ⒇
  /^[\u2460-\u2473\u2474-\u2487]\s*/u,
];

/** Removes the numbering an author put before a title ("4.2.1 ", "（一）", "第一部分", "Part 1", …). */
export function stripNumbering(title: string): string {
  let t = title.trim();
  for (let pass = 0; pass < 3; pass++) {
    let changed = false;
    for (const re of NUMBERING) {
      const m = re.exec(t);
      if (m && m[0].length > 0 && m[0].length < t.length) {
        t = t.slice(m[0].length).trim();
        changed = true;
        break;
      }
    }
    if (!changed) break;
  }
  return t;
}

/** The key under which a heading is compared with titles, synonyms and aliases. */
export function titleKey(headingText: string): string {
  return normalize(stripNumbering(headingText));
}

/** Characters that are neither whitespace nor punctuation (the not-applicable reason count). */
export function countReasonChars(s: string): number {
  let n = 0;
  for (const ch of s) {
    if (!/[\p{P}\p{S}\p{Z}\s]/u.test(ch)) n++;
  }
  return n;
}

/** djb2-style string hash, 53-bit; collisions are acceptable for a cache keyed also by length. */
export function hashString(s: string): string {
  let h1 = 0xdeadbeef ^ s.length;
  let h2 = 0x41c6ce57 ^ s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36) + ':' + s.length.toString(36);
}

/** Levenshtein distance, bounded: returns max+1 as soon as the distance must exceed max. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const prev = new Array<number>(b.length + 1);
  const cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (cur[j] < rowMin) rowMin = cur[j];
    }
    if (rowMin > max) return max + 1;
    for (let j = 0; j <= b.length; j++) prev[j] = cur[j];
  }
  return prev[b.length];
}

/** The closest candidate within a small edit distance (did-you-mean), or undefined. */
export function didYouMean(value: string, candidates: Iterable<string>): string | undefined {
  const v = value.trim().toLowerCase();
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const cl = c.toLowerCase();
    if (cl === v) return c;
    const limit = Math.max(1, Math.min(3, Math.floor(c.length / 3)));
    const d = editDistance(v, cl, limit);
    if (d <= limit && d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return best;
}
