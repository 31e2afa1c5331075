// Regular expressions a user (or a repository) supplies — `ids:` patterns, and the globs and
// .gitignore lines translated by glob.ts — run on RE2 (re2js, a pure-JS port): matching time is
// linear in the text for every pattern, so no pattern can hang a check (no catastrophic
// backtracking). RE2 has no lookaround and no backreferences; such a pattern is refused with
// config-invalid. Sizes are bounded too, so the constant of the linear time is bounded: at most
// MAX_PATTERN_LENGTH characters and MAX_PROGRAM_SIZE compiled RE2 instructions per pattern, at
// most MAX_PATTERNS_PER_KIND patterns per ID kind. Built-in patterns (the rule sets' own, fixed in
// the code) stay native RegExps.

import { RE2JS } from 're2js';
import type { Localized } from './rulesets/types';

export const MAX_PATTERN_LENGTH = 256;
/** RE2 instructions of one compiled pattern (`TC-\d+` compiles to 7; the whole-token wrapper adds 13). */
export const MAX_PROGRAM_SIZE = 1000;
export const MAX_PATTERNS_PER_KIND = 16;

export type Compiled = { ok: true; re: RE2JS } | { ok: false; error: Localized };

/** Compiles a user pattern for RE2: JavaScript-only spellings (`\u4e00`, `(?<name>…)`) are translated first. */
export function compileUserPattern(source: string, wrap?: (re2Source: string) => string): Compiled {
  if (source.length > MAX_PATTERN_LENGTH)
    return { ok: false, error: { zh: `长度为 ${source.length} 个字符，超过上限 ${MAX_PATTERN_LENGTH}`, en: `it is ${source.length} characters long, over the limit of ${MAX_PATTERN_LENGTH}` } };
  let translated: string;
  let re: RE2JS;
  try {
    translated = RE2JS.translateRegExp(source);
    re = RE2JS.compile(wrap ? wrap(translated) : translated);
  } catch (e) {
    const detail = (e as Error).message.replace(/^error parsing regexp: /, '');
    // Say why when the pattern uses what only a backtracking engine can do.
    const unsupported = /Perl syntax|named capture|escape sequence/.test(detail);
    return {
      ok: false,
      error: {
        zh: `线性时间正则引擎（RE2）不接受：${detail}${unsupported ? '（不支持前后断言 (?=…) (?<!…) 与反向引用 \\1）' : ''}`,
        en: `the linear-time engine (RE2) does not accept it: ${detail}${unsupported ? ' (lookaround such as (?=…) or (?<!…) and backreferences such as \\1 are not supported)' : ''}`,
      },
    };
  }
  if (re.programSize() > MAX_PROGRAM_SIZE)
    return {
      ok: false,
      error: { zh: `编译后有 ${re.programSize()} 条指令，超过上限 ${MAX_PROGRAM_SIZE}（请简化重复次数）`, en: `it compiles to ${re.programSize()} instructions, over the limit of ${MAX_PROGRAM_SIZE} (use smaller repeat counts)` },
    };
  return { ok: true, re };
}

// Whole token, without lookaround: the character before the ID is consumed by a non-capturing
// prefix (or the ID starts the text), the one after by a suffix; the ID is capture group 1.
// The same boundaries as before: not inside a longer word ("R-\d+" never matches inside "SR-012"),
// and not followed by a letter, a digit, "_" or "-" plus a letter or digit.
const PREFIX = '(?:^|[^A-Za-z0-9_-])';
const SUFFIX = '(?:$|[^A-Za-z0-9_-]|-(?:$|[^A-Za-z0-9]))';

/** An ID pattern compiled for whole-token search. */
export class TokenPattern {
  private constructor(
    readonly source: string,
    private readonly re: RE2JS,
  ) {}

  static compile(source: string): TokenPattern | Localized {
    const c = compileUserPattern(source, (p) => `${PREFIX}(${p})${SUFFIX}`);
    if (!c.ok) return c.error;
    return new TokenPattern(source, c.re);
  }

  /** RE2 instructions of the compiled search (bounded by MAX_PROGRAM_SIZE). */
  get programSize(): number {
    return this.re.programSize();
  }

  /** Every whole-token match, left to right, non-overlapping. */
  matches(text: string): { index: number; length: number }[] {
    // A DFA pass without captures first: most text runs hold no ID of most patterns.
    if (!this.re.test(text)) return [];
    const out: { index: number; length: number }[] = [];
    const m = this.re.matcher(text);
    let pos = 0;
    while (pos <= text.length && m.find(pos)) {
      const start = m.start(1);
      const end = m.end(1);
      if (end > start) out.push({ index: start, length: end - start });
      // Resume at the ID's end: the suffix character may be the next ID's prefix.
      pos = end > pos ? end : pos + 1;
    }
    return out;
  }
}

const verdicts = new Map<string, Localized | undefined>();

/** Whether a user pattern is usable as an ID pattern: why not, or undefined. Empty matches are refused. */
export function checkIdPattern(source: string): Localized | undefined {
  // Asked on every configuration resolution: remembered (bounded), as compiling is not free.
  if (verdicts.has(source)) return verdicts.get(source);
  const v = verdictOf(source);
  verdicts.set(source, v);
  if (verdicts.size > 256) verdicts.delete(verdicts.keys().next().value!);
  return v;
}

function verdictOf(source: string): Localized | undefined {
  const c = compileUserPattern(source);
  if (!c.ok) return c.error;
  if (c.re.testExact('')) return { zh: '可匹配空字符串', en: 'it matches the empty string' };
  const t = TokenPattern.compile(source);
  return t instanceof TokenPattern ? undefined : t;
}
