// JSON of untrusted feeds, bounded. Small files are parsed whole after a depth scan; large ones
// (an NVD year feed, the KEV catalog, a list of OSV records) are streamed: a byte scanner walks
// the file in 1 MB slices, keeps the top-level scalars (dates, format markers) and hands each
// element of the one big array (`vulnerabilities`, or the top-level array) to JSON.parse on its
// own. Errors carry the line and column in the file, never its bytes.

import type { RandomAccessFile } from '../engine/host';
import { jsonErrorOffset } from '../sbom/json-syntax';
import { FeedError } from './types';

export const MAX_DEPTH = 64;
export const MAX_ELEMENT_BYTES = 16 * 1024 * 1024;
const SLICE = 1 << 20;

function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

const at = (line: number, column: number) => ({ zh: `第 ${line} 行第 ${column} 列`, en: `line ${line}, column ${column}` });

export function notJson(line: number, column: number): FeedError {
  const p = at(line, column);
  return new FeedError({ zh: `不是有效的 JSON（${p.zh}）`, en: `not valid JSON at ${p.en}` }, line, column);
}

function tooDeep(line: number, column: number): FeedError {
  const p = at(line, column);
  return new FeedError({ zh: `JSON 嵌套超过 ${MAX_DEPTH} 层（${p.zh}）`, en: `JSON nested deeper than ${MAX_DEPTH} levels at ${p.en}` }, line, column);
}

/** The deepest nesting outside strings, stopping at the first level past the cap (an error then). */
function checkDepth(text: string): void {
  let depth = 0;
  let inStr = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inStr) {
      if (c === 92) i++;
      else if (c === 34) inStr = false;
    } else if (c === 34) inStr = true;
    else if (c === 123 || c === 91) {
      if (++depth > MAX_DEPTH) {
        const p = position(text, i);
        throw tooDeep(p.line, p.column);
      }
    } else if (c === 125 || c === 93) depth--;
  }
}

/** A whole (small) JSON text: depth-checked, parsed; errors with line and column. */
export function parseJsonText(text: string, base = { line: 1, column: 1 }): unknown {
  const t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  checkDepth(t);
  try {
    return JSON.parse(t);
  } catch {
    const off = jsonErrorOffset(t) ?? t.length;
    const p = position(t, off);
    throw notJson(base.line + p.line - 1, p.line === 1 ? base.column + p.column - 1 : p.column);
  }
}

export interface StreamOptions {
  /** The top-level key whose array is streamed element by element (when the top level is an object). */
  arrayKey: string;
  onElement: (value: unknown) => void;
  maxElementBytes?: number;
}

/**
 * Streams a JSON file whose top level is an object holding one big array under `arrayKey`, or an
 * array: every element is parsed alone. Returns the top-level scalars (strings and numbers, each
 * at most 4 KB). Structure is checked as far as brackets, strings and depth go; each element is
 * checked by JSON.parse.
 */
export function streamJson(file: RandomAccessFile, opts: StreamOptions): Record<string, string | number | boolean | null> {
  const maxEl = opts.maxElementBytes ?? MAX_ELEMENT_BYTES;
  const top: Record<string, string | number | boolean | null> = {};
  const stack: number[] = []; // 123 object, 91 array
  let inStr = false;
  let esc = false;
  let line = 1;
  let lineStart = 0; // file offset where the current line starts
  let topKind = 0;
  let elementDepth = -1; // depth at which streamed elements start (1: top array, 2: the key's array)
  // depth-1 key tracking
  let keyBuf: number[] | undefined;
  let lastKey: string | undefined;
  let expectKey = false;
  // element capture
  let el: Buffer[] | undefined;
  let elStart = 0;
  let elStartLine = 1;
  let elStartCol = 1;
  let elBytes = 0;
  // top-level scalar capture
  let scalar: number[] | undefined;
  let scalarKey: string | undefined;
  let closed = false;

  const col = (off: number) => off - lineStart + 1;
  const finishElement = (endOff: number, chunk: Buffer, chunkOff: number) => {
    el!.push(chunk.subarray(Math.max(elStart - chunkOff, 0), endOff - chunkOff + 1));
    const text = Buffer.concat(el!).toString('utf8');
    el = undefined;
    opts.onElement(parseJsonText(text, { line: elStartLine, column: elStartCol }));
  };
  const finishScalar = () => {
    if (!scalar || scalarKey === undefined) return;
    const s = Buffer.from(scalar).toString('utf8').trim();
    scalar = undefined;
    try {
      top[scalarKey] = JSON.parse(s);
    } catch {
      /* a malformed scalar: the structure check reports what matters */
    }
  };

  for (let off = 0; off < file.size; off += SLICE) {
    const chunk = file.read(off, SLICE);
    if (!chunk.length) break;
    for (let j = 0; j < chunk.length; j++) {
      const c = chunk[j];
      const pos = off + j;
      if (c === 10) {
        line++;
        lineStart = pos + 1;
      }
      if (el && ++elBytes > maxEl) throw new FeedError({ zh: `一条记录超过 ${maxEl / 1024 / 1024} MB（第 ${elStartLine} 行）`, en: `a record is larger than ${maxEl / 1024 / 1024} MB (line ${elStartLine})` }, elStartLine, elStartCol);
      if (scalar) {
        if (inStr || !(c === 44 || c === 125 || c === 93 || c === 32 || c === 10 || c === 13 || c === 9)) {
          if (scalar.length < 4096) scalar.push(c);
        } else if (!inStr) finishScalar();
      }
      if (inStr) {
        if (esc) esc = false;
        else if (c === 92) esc = true;
        else if (c === 34) {
          inStr = false;
          if (keyBuf) {
            lastKey = Buffer.from(keyBuf).toString('utf8');
            keyBuf = undefined;
          }
        } else if (c < 0x20) throw notJson(line, col(pos));
        else if (keyBuf && keyBuf.length < 256) keyBuf.push(c);
        continue;
      }
      if (c === 32 || c === 10 || c === 13 || c === 9) continue;
      if (closed) throw notJson(line, col(pos));
      const depth = stack.length;
      if (depth === 0 && topKind === 0) {
        if (c === 0xef && pos === 0) {
          j += 2; // UTF-8 byte order mark
          continue;
        }
        if (c !== 123 && c !== 91) throw notJson(line, col(pos));
        topKind = c;
        if (c === 91) elementDepth = 1;
        stack.push(c);
        expectKey = c === 123;
        continue;
      }
      // Starting an element of the streamed array.
      if (depth === elementDepth && !el && c !== 44 && c !== 93) {
        if (c !== 123) throw new FeedError({ zh: `第 ${line} 行第 ${col(pos)} 列：数组元素应为对象`, en: `line ${line}, column ${col(pos)}: the array's elements must be objects` }, line, col(pos));
        el = [];
        elStart = pos;
        elStartLine = line;
        elStartCol = col(pos);
        elBytes = 1;
      }
      if (depth === 1 && topKind === 123) {
        if (expectKey) {
          if (c === 125) {
            stack.pop();
            closed = true;
            continue;
          }
          if (c === 44) continue;
          if (c !== 34) throw notJson(line, col(pos));
          inStr = true;
          keyBuf = [];
          expectKey = false;
          continue;
        }
        if (c === 58) continue;
        if (c === 44) {
          finishScalar();
          expectKey = true;
          continue;
        }
        if (c === 125) {
          finishScalar();
          stack.pop();
          closed = true;
          continue;
        }
        // A value at depth 1.
        if (c === 91 && lastKey === opts.arrayKey && elementDepth < 0) elementDepth = 2;
        else if (c !== 123 && c !== 91 && !scalar) {
          scalar = [c];
          scalarKey = lastKey;
          if (c === 34) inStr = true;
          continue;
        }
      }
      if (c === 34) {
        inStr = true;
        continue;
      }
      if (c === 123 || c === 91) {
        if (stack.length >= MAX_DEPTH) throw tooDeep(line, col(pos));
        stack.push(c);
        continue;
      }
      if (c === 125 || c === 93) {
        const open = stack.pop();
        if (open !== (c === 125 ? 123 : 91)) throw notJson(line, col(pos));
        if (el && stack.length === elementDepth) finishElement(pos, chunk, off);
        if (stack.length === 0) closed = true;
        if (stack.length === 1 && topKind === 123) expectKey = false;
        continue;
      }
      // Other bytes (numbers, literals, commas, colons) inside nested values: checked by JSON.parse of the element.
    }
    if (el) el.push(chunk.subarray(Math.max(elStart - off, 0)));
  }
  if (!closed || inStr) throw notJson(line, col(file.size));
  return top;
}
