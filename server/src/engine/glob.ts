// Globs (`dossierGlobs`) and .gitignore lines, matched in linear time. Both come from the
// repository, and the usual libraries compile them to backtracking RegExps: picomatch turns
// `*a*a*a*a*a*a*a*a*a*a*b` (or an extglob such as `+(+(a))`) into an expression that takes
// minutes on a 40-character file name, and so does the `ignore` package with the same line in a
// .gitignore. Here each is translated to an RE2 expression (pattern.ts) and matched as a whole.
//
// Globs follow picomatch with `dot: true` (what the engine used before): `*` and `?` within one
// path segment, `**` as a whole segment for any number of segments, `[...]` classes (`!` or `^`
// negates, POSIX classes such as `[[:digit:]]`), `{a,b}` alternatives, the extglobs `@(a|b)`,
// `?(…)`, `*(…)`, `+(…)`, a leading `!` negating the glob, `\` escaping. `!(…)` cannot be expressed
// in RE2 and is refused. .gitignore lines follow git's rules (gitignore(5)); they are matched
// against the path relative to the .gitignore's folder, folders before their contents, ignoring
// case (as the `ignore` package did).

import type { RE2JS } from 're2js';
import { compileUserPattern, MAX_PATTERN_LENGTH } from './pattern';
import type { Localized } from './rulesets/types';

export const MAX_GLOBS = 64;
/** .gitignore lines honoured per file (the first ones; later lines exclude nothing, so more is checked, never less). */
export const MAX_GITIGNORE_RULES = 1000;
export const MAX_GITIGNORE_BYTES = 256 * 1024;

class GlobError extends Error {
  constructor(readonly localized: Localized) {
    super(localized.en);
  }
}

const quote = (ch: string) => (/[\\^$.|?*+()[\]{}]/.test(ch) ? `\\${ch}` : ch);

/** The end of a bracket expression opening at `i` (index of `]`), or -1. */
function classEnd(p: string, i: number): number {
  let j = i + 1;
  if (p[j] === '!' || p[j] === '^') j++;
  if (p[j] === ']') j++;
  for (; j < p.length; j++) {
    if (p[j] === '\\') j++;
    else if (p[j] === '[' && p[j + 1] === ':') {
      const close = p.indexOf(':]', j + 2);
      if (close > 0) j = close + 1;
    } else if (p[j] === ']') return j;
  }
  return -1;
}

/** `[...]` → an RE2 class that never matches `/`. */
function translateClass(body: string): string {
  let neg = false;
  let i = 0;
  if (body[0] === '!' || body[0] === '^') {
    neg = true;
    i = 1;
  }
  let out = '';
  for (; i < body.length; i++) {
    const c = body[i];
    if (c === '\\' && i + 1 < body.length) out += quoteInClass(body[++i]);
    else if (c === '[' && body[i + 1] === ':') {
      const close = body.indexOf(':]', i + 2);
      out += body.slice(i, close + 2);
      i = close + 1;
    } else if (c === '-' && out && i + 1 < body.length) out += '-';
    else out += quoteInClass(c);
  }
  return neg ? `[^/${out}]` : `[${out}]`;
}
const quoteInClass = (c: string) => (/[\\\]\[^-]/.test(c) ? `\\${c}` : c);

/** The index of the bracket closing the one at `i` (`{`…`}` or `(`…`)`), skipping escapes and classes; -1 if none. */
function closing(p: string, i: number, open: string, close: string): number {
  let depth = 0;
  for (let j = i; j < p.length; j++) {
    const c = p[j];
    if (c === '\\') j++;
    else if (c === '[') {
      const e = classEnd(p, j);
      if (e > 0) j = e;
    } else if (c === open) depth++;
    else if (c === close && --depth === 0) return j;
  }
  return -1;
}

/** Splits at top-level `sep` (not inside braces, parentheses, classes or after `\`). */
function splitTop(s: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let j = 0; j < s.length; j++) {
    const c = s[j];
    if (c === '\\') j++;
    else if (c === '[') {
      const e = classEnd(s, j);
      if (e > 0) j = e;
    } else if (c === '{' || c === '(') depth++;
    else if (c === '}' || c === ')') depth--;
    else if (c === sep && depth === 0) {
      parts.push(s.slice(start, j));
      start = j + 1;
    }
  }
  parts.push(s.slice(start));
  return parts;
}

/** A picomatch-style glob (no leading `!`) → RE2 source matching a whole relative path. */
function globBody(p: string): string {
  let out = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') {
      out += i + 1 < p.length ? quote(p[++i]) : '\\\\';
      continue;
    }
    if ((c === '@' || c === '?' || c === '*' || c === '+' || c === '!') && p[i + 1] === '(') {
      const end = closing(p, i + 1, '(', ')');
      if (end > 0) {
        if (c === '!') throw new GlobError({ zh: '不支持否定扩展模式 !(…)', en: 'the negated extglob !(…) is not supported' });
        const alts = splitTop(p.slice(i + 2, end), '|').map(globBody);
        out += `(?:${alts.join('|')})${c === '@' ? '' : c}`;
        i = end;
        continue;
      }
    }
    if (c === '(') {
      const end = closing(p, i, '(', ')');
      if (end > 0) {
        out += `(?:${splitTop(p.slice(i + 1, end), '|').map(globBody).join('|')})`;
        i = end;
        continue;
      }
    }
    if (c === '*') {
      let j = i;
      while (p[j] === '*') j++;
      const wholeSegment = j - i >= 2 && (i === 0 || p[i - 1] === '/') && (j === p.length || p[j] === '/');
      if (wholeSegment) {
        if (j === p.length) {
          // `**` alone matches everything; `a/**` also matches `a` itself, unless the segment
          // before ends with a star (as picomatch: `*/**` and `a*/**` do not match `ab`).
          if (out.endsWith('/') && !out.endsWith('[^/]*/')) out = `${out.slice(0, -1)}(?:/.*)?`;
          else out += '.*';
        } else {
          out += '(?:[^/]*/)*';
          j++; // the `/` after `**`
        }
      } else out += '[^/]*';
      i = j - 1;
      continue;
    }
    if (c === '?') {
      out += '[^/]';
      continue;
    }
    if (c === '[') {
      const end = classEnd(p, i);
      if (end > 0) {
        out += translateClass(p.slice(i + 1, end));
        i = end;
        continue;
      }
    }
    if (c === '{') {
      const end = closing(p, i, '{', '}');
      if (end > 0) {
        const alts = splitTop(p.slice(i + 1, end), ',');
        if (alts.length > 1) {
          out += `(?:${alts.map(globBody).join('|')})`;
          i = end;
          continue;
        }
      }
    }
    out += quote(c);
  }
  return out;
}

export interface PathMatcher {
  /** Whether the relative path (`/`-separated) matches. */
  test(rel: string): boolean;
}

/** Compiles a dossierGlobs entry; an error says why it cannot be used (config-invalid). */
export function compileGlob(glob: string): PathMatcher | Localized {
  if (glob.length > MAX_PATTERN_LENGTH) return { zh: `长度超过上限 ${MAX_PATTERN_LENGTH}`, en: `it is longer than ${MAX_PATTERN_LENGTH} characters` };
  let g = glob;
  let negated = false;
  while (g.startsWith('!') && g[1] !== '(') {
    negated = !negated;
    g = g.slice(1);
  }
  g = g.replace(/^(?:\.\/)+/, '');
  let body: string;
  try {
    body = globBody(g);
  } catch (e) {
    if (e instanceof GlobError) return e.localized;
    throw e;
  }
  const c = compileUserPattern(body);
  if (!c.ok) return c.error;
  const re = c.re;
  return { test: (rel) => re.testExact(rel) !== negated };
}

const globCache = new Map<string, PathMatcher | undefined>();

/** Whether a path matches any of the globs (compiled once; unusable globs match nothing). */
export function matchesAnyGlob(rel: string, globs: readonly string[]): boolean {
  for (const g of globs) {
    let m = globCache.get(g);
    if (!globCache.has(g)) {
      const c = compileGlob(g);
      m = 'test' in c ? c : undefined;
      globCache.set(g, m);
      if (globCache.size > 512) globCache.delete(globCache.keys().next().value!);
    }
    if (m?.test(rel)) return true;
  }
  return false;
}

// ---- .gitignore ---------------------------------------------------------------------------------

interface Rule {
  negate: boolean;
  dirOnly: boolean;
  re: RE2JS;
}

/** One .gitignore line → RE2 source (undefined: a blank line or a comment). */
function gitignoreLine(raw: string): { negate: boolean; dirOnly: boolean; source: string } | undefined {
  // No RegExp over the line itself (a trim such as /\s+$/ is quadratic on a hostile line).
  let end = raw.length;
  if (raw.charCodeAt(end - 1) === 13) end--;
  // Trailing spaces are dropped unless escaped with a backslash.
  while (end > 0 && (raw[end - 1] === ' ' || raw[end - 1] === '\t') && raw[end - 2] !== '\\') end--;
  let line = raw.slice(0, end);
  if (!line || line.startsWith('#')) return undefined;
  let negate = false;
  if (line.startsWith('!')) {
    negate = true;
    line = line.slice(1);
  } else if (line.startsWith('\\!') || line.startsWith('\\#')) line = line.slice(1);
  if (!line) return undefined;
  let dirOnly = false;
  if (line.endsWith('/') && !line.endsWith('\\/')) {
    dirOnly = true;
    let e = line.length;
    while (e > 0 && line[e - 1] === '/') e--;
    line = line.slice(0, e);
  }
  if (!line) return undefined;
  const anchored = line.includes('/');
  if (line.startsWith('/')) line = line.slice(1);
  let out = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\') {
      out += i + 1 < line.length ? quote(line[++i]) : '';
      continue;
    }
    if (c === '*') {
      let j = i;
      while (line[j] === '*') j++;
      const run = j - i;
      const atStart = i === 0 || line[i - 1] === '/';
      const atEnd = j === line.length || line[j] === '/';
      if (run >= 2 && atStart && atEnd) {
        if (j === line.length) out += '.*'; // `a/**`: everything inside
        else {
          out += '(?:.*/)?'; // `**/`: any number of folders, none included
          j++;
        }
      } else out += '[^/]*';
      i = j - 1;
      continue;
    }
    if (c === '?') {
      out += '[^/]';
      continue;
    }
    if (c === '[') {
      const end = classEnd(line, i);
      if (end > 0) {
        out += translateClass(line.slice(i + 1, end));
        i = end;
        continue;
      }
    }
    out += quote(c);
  }
  // Case-insensitive, as the `ignore` package the walker used before matched.
  return { negate, dirOnly, source: `(?i)${anchored ? out : `(?:.*/)?${out}`}` };
}

/** The rules of one .gitignore file: last matching line wins, `!` re-includes. */
export class Gitignore {
  private readonly rules: Rule[] = [];

  constructor(text: string) {
    const lines = text.slice(0, MAX_GITIGNORE_BYTES).split('\n');
    for (const raw of lines) {
      const r = gitignoreLine(raw);
      if (!r) continue;
      if (this.rules.length >= MAX_GITIGNORE_RULES) break;
      const c = compileUserPattern(r.source);
      // A line RE2 cannot take (git would read it somehow) excludes nothing.
      if (c.ok) this.rules.push({ negate: r.negate, dirOnly: r.dirOnly, re: c.re });
    }
  }

  get size(): number {
    return this.rules.length;
  }

  /** Whether `rel` (relative to the .gitignore's folder, `/`-separated) is ignored. */
  ignores(rel: string, isDir: boolean): boolean {
    for (let i = this.rules.length - 1; i >= 0; i--) {
      const r = this.rules[i];
      if (r.dirOnly && !isDir) continue;
      if (r.re.testExact(rel)) return !r.negate;
    }
    return false;
  }
}

const gitignoreCache = new Map<string, Gitignore>();

/** A .gitignore's rules, compiled once per text (a small LRU: walks repeat on every re-check). */
export function gitignoreOf(text: string): Gitignore {
  let g = gitignoreCache.get(text);
  if (g) {
    gitignoreCache.delete(text);
  } else g = new Gitignore(text);
  gitignoreCache.set(text, g);
  while (gitignoreCache.size > 32) gitignoreCache.delete(gitignoreCache.keys().next().value!);
  return g;
}
