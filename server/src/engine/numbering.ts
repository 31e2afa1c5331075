// The numbering an author put before a heading, and the next / previous one in the same style,
// so inserted sections read like the rest of the document ("3.6 " → "3.7 ", "（六）" → "（七）").

import { stripNumbering } from './text';

const CN = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'];
const ROMAN = ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV'];

/** The numbering prefix of a heading's text, with its trailing separator ("3.6 ", "（六）"). */
export function numberingOf(headingText: string): string {
  const t = headingText.trim();
  const rest = stripNumbering(t);
  return rest === t ? '' : t.slice(0, t.length - rest.length).replace(/\s+$/, ' ');
}

/** The same numbering moved by `delta` in its last component, or '' when it cannot be. */
export function shiftNumbering(prefix: string, delta: number): string {
  if (!prefix) return '';
  let m = /^(.*?)(\d+)(\D*)$/.exec(prefix);
  if (m) {
    const n = Number(m[2]) + delta;
    return n > 0 ? `${m[1]}${n}${m[3]}` : '';
  }
  m = /^(.*?)([一二三四五六七八九十]+)(\D*)$/.exec(prefix);
  if (m) {
    const i = CN.indexOf(m[2]);
    const n = i + delta;
    return i > 0 && n > 0 && n < CN.length ? `${m[1]}${CN[n]}${m[3]}` : '';
  }
  m = /^(.*?)\b([IVX]+)\b(\W*)$/.exec(prefix);
  if (m) {
    const i = ROMAN.indexOf(m[2]);
    const n = i + delta;
    return i > 0 && n > 0 && n < ROMAN.length ? `${m[1]}${ROMAN[n]}${m[3]}` : '';
  }
  m = /^(.*?)\b([A-Za-z])\b(\W*)$/.exec(prefix);
  if (m) {
    const c = m[2].charCodeAt(0) + delta;
    const ok = /[A-Za-z]/.test(String.fromCharCode(c)) && (m[2] <= 'Z') === (String.fromCharCode(c) <= 'Z');
    return ok ? `${m[1]}${String.fromCharCode(c)}${m[3]}` : '';
  }
  return '';
}

/** The first child numbering under a parent's ("3 " → "3.1 ", "3.6 " → "3.6.1 "), if decimal. */
export function childNumbering(parentPrefix: string, index = 1): string {
  const m = /^(\d+(?:\.\d+)*)\.?\s*$/.exec(parentPrefix.trim());
  return m ? `${m[1]}.${index} ` : '';
}
