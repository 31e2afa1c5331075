// User patterns on RE2 (server/src/engine/pattern.ts). The claim: no pattern makes one check
// take longer than it would with `TC-\d+`, up to a fixed constant. Shown without a clock:
//   - every configured pattern runs on RE2 — no native RegExp is ever built from one;
//   - the work per text run is the same number of RE2 calls for `(a+)+$` as for `TC-\d+` (one
//     DFA test, and one search per match), and each call is linear in the run (RE2);
//   - what a pattern compiles to is bounded (MAX_PROGRAM_SIZE instructions, MAX_PATTERN_LENGTH
//     characters, MAX_PATTERNS_PER_KIND per kind), so the constant of that linear time is too.
// The matches are the ones the former lookaround RegExp found. (Time itself: bench/run.mjs.)

import fc from 'fast-check';
import { RE2JS } from 're2js';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { checkIdPattern, MAX_PATTERN_LENGTH, MAX_PATTERNS_PER_KIND, MAX_PROGRAM_SIZE, TokenPattern } from '../../server/src/engine/pattern';
import { defaultConfig, loadConfigText } from '../../server/src/engine/config';
import { extractIds } from '../../server/src/engine/ids';
import { buildModel, ChunkCache } from '../../server/src/engine/model';
import { allRequirementIds } from '../../server/src/engine/rulesets';
import { checkFiles, render } from '../helpers';

const SEED = Number(process.env.FUZZ_SEED ?? 20261205);
const CATASTROPHIC = ['(a+)+$', '(a|aa)+$', '(a|a?)+b', '(\\w+\\s?)+$', '(.*a){12}', '([a-z]+)*!'];

/** The matcher the engine used before (V8, lookaround): the reference for which IDs are found. */
function former(pattern: string, text: string): [number, string][] {
  const re = new RegExp(`(?<![A-Za-z0-9_-])(?:${pattern})(?![A-Za-z0-9_]|-[A-Za-z0-9])`, 'gu');
  const out: [number, string][] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (!m[0]) {
      re.lastIndex++;
      continue;
    }
    out.push([m.index, m[0]]);
  }
  return out;
}
const now = (pattern: string, text: string): [number, string][] => {
  const t = TokenPattern.compile(pattern);
  if (!(t instanceof TokenPattern)) throw new Error(`refused ${pattern}: ${t.en}`);
  return t.matches(text).map((m) => [m.index, text.slice(m.index, m.index + m.length)]);
};

describe('whole-token matching without lookaround', () => {
  test('finds the IDs the former RegExp found, on generated text and patterns', () => {
    const piece = fc.constantFrom('SR-', 'R-', 'TC-', 'SR-1', 'R-12', 'TC-007', '-', '_', 'x', ' ', '，', '、', '需求', '1', '2', '.', ':', '\n', '😀', 'a', 'CS-TEST-3');
    const text = fc.array(piece, { maxLength: 40 }).map((a) => a.join(''));
    const pattern = fc.constantFrom('SR-\\d+', 'R-\\d+', 'TC-\\d{3}', 'CS-TEST-\\d+', '(?:SR|R)-\\d+', 'R-\\d+(?:\\.\\d+)?', '[A-Z]{1,4}-\\d+', 'TC-\\d+|R-\\d+', '需求\\d');
    let found = 0;
    fc.assert(
      fc.property(pattern, text, (p, t) => {
        const want = former(p, t);
        found += want.length;
        expect(now(p, t), `${p} on ${JSON.stringify(t)}`).toEqual(want);
      }),
      { seed: SEED, numRuns: 3000 },
    );
    expect(found).toBeGreaterThan(150);
  });
  test('the boundaries: not inside a longer word, not before a letter, digit, _ or -letter', () => {
    expect(now('R-\\d+', 'SR-012 R-1 R-2a R-3_ R-4-b R-5- R-6，R-7')).toEqual([
      [7, 'R-1'],
      [27, 'R-5'],
      [32, 'R-6'],
      [36, 'R-7'],
    ]);
    expect(now('SR-\\d+', 'SR-1,SR-2')).toEqual([
      [0, 'SR-1'],
      [5, 'SR-2'],
    ]);
  });
});

describe('RE2 only, bounded', () => {
  afterEach(() => vi.restoreAllMocks());

  test('no native RegExp is ever built from a configured pattern (ids extraction through the engine)', () => {
    const seen: string[] = [];
    const Native = globalThis.RegExp;
    const spy = vi.spyOn(globalThis, 'RegExp').mockImplementation(function (this: unknown, p: string | RegExp, f?: string) {
      seen.push(String(p instanceof Native ? p.source : p));
      return new Native(p, f);
    } as never);
    const pattern = '(a+)+$';
    const config = defaultConfig();
    config.ids.test = [pattern];
    const text = `# 测试\n\n${'a'.repeat(40)}!\n\n| 编号 | 说明 |\n| --- | --- |\n| ${'a'.repeat(30)} | x |\n`;
    const model = buildModel(text, new ChunkCache());
    const ids = extractIds(model, config);
    // The paragraph's `aaaa…!` is no whole-token match of (a+)+$ (the ! follows); the cell is.
    expect(ids.map((o) => o.id)).toEqual(['a'.repeat(30)]);
    expect(seen.filter((s) => s.includes(pattern))).toEqual([]);
    // The spy would have seen it: the former matcher builds exactly such a RegExp.
    former(pattern, 'x');
    expect(spy).toHaveBeenCalled();
    expect(seen.filter((s) => s.includes(pattern))).toHaveLength(1);
  });

  test('per text run: the same number of RE2 calls for a catastrophic pattern as for TC-\\d+', () => {
    const calls = { test: 0, find: 0 };
    const origTest = RE2JS.prototype.test;
    vi.spyOn(RE2JS.prototype, 'test').mockImplementation(function (this: RE2JS, s) {
      calls.test++;
      return origTest.call(this, s);
    });
    const text = `${'a'.repeat(2000)}! TC-001 ${'a'.repeat(2000)}`;
    const count = (p: string) => {
      calls.test = 0;
      const t = TokenPattern.compile(p) as TokenPattern;
      const n = t.matches(text).length;
      return { tests: calls.test, matches: n };
    };
    const base = count('TC-\\d+');
    expect(base).toEqual({ tests: 1, matches: 1 });
    for (const p of CATASTROPHIC) {
      const c = count(p);
      // One DFA pass per run, then one search per match found (at most one per character).
      expect(c.tests, p).toBe(1);
      expect(c.matches, p).toBeLessThanOrEqual(1);
    }
  });

  test('what any accepted pattern compiles to is bounded; more is refused with config-invalid', () => {
    const atom = fc.constantFrom('a', 'b', '\\d', '\\w', '.', '[a-z]', '(a|b)', '(?:ab)', 'x{2,5}', '\\p{Han}');
    const quant = fc.constantFrom('', '*', '+', '?', '{3}', '{0,40}', '{100}', '{1000}');
    const gen = fc
      .array(fc.tuple(atom, quant, fc.boolean()), { minLength: 1, maxLength: 12 })
      .map((parts) => parts.map(([a, q, group]) => (group ? `(${a}${q})${q}` : `${a}${q}`)).join(''));
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(gen, (p) => {
        const t = TokenPattern.compile(p);
        if (t instanceof TokenPattern) {
          accepted++;
          expect(t.programSize).toBeLessThanOrEqual(MAX_PROGRAM_SIZE);
        } else refused++;
      }),
      { seed: SEED, numRuns: 1500 },
    );
    expect(accepted).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(10); // the bound really refuses something
    // TC-\d+ for scale: the bound is a constant factor of it.
    expect((TokenPattern.compile('TC-\\d+') as TokenPattern).programSize).toBeLessThan(30);
  });

  test('refused: lookaround, backreferences, huge repeats, too long; JavaScript spellings are translated', () => {
    const why = (p: string) => checkIdPattern(p)?.en;
    expect(why('(?<!S)R-\\d+')).toMatch(/does not accept it: .*lookaround/);
    expect(why('R-(?=\\d)')).toMatch(/lookaround/);
    expect(why('(a)\\1')).toMatch(/backreferences/);
    expect(why('((a{100}){100}){100}')).toMatch(/invalid repeat count/);
    expect(why('(a{1000})(b{1000})')).toMatch(/^it compiles to \d+ instructions, over the limit of 1000/);
    expect(why('a'.repeat(MAX_PATTERN_LENGTH + 1))).toBe(`it is ${MAX_PATTERN_LENGTH + 1} characters long, over the limit of ${MAX_PATTERN_LENGTH}`);
    expect(why('x*')).toBe('it matches the empty string');
    expect(why('[\\u4e00-\\u9fa5]{2}-\\d+')).toBeUndefined();
    expect(now('[\\u4e00-\\u9fa5]{2}-\\d+', '见 需求-12。')).toEqual([[2, '需求-12']]);
    expect(why('(?<kind>SR)-\\d+')).toBeUndefined();
  });

  test('at most MAX_PATTERNS_PER_KIND patterns per kind; the rest are config-invalid', () => {
    const list = Array.from({ length: MAX_PATTERNS_PER_KIND + 2 }, (_, i) => `'X${i}-\\d+'`).join(', ');
    const r = loadConfigText(`ids:\n  test: [${list}]\n`, allRequirementIds(), ['nmpa-2017']);
    expect(r.input.ids?.test).toHaveLength(MAX_PATTERNS_PER_KIND);
    expect(r.findings.map((f) => f.message.en)).toEqual([
      `ids.test takes at most ${MAX_PATTERNS_PER_KIND} patterns; the rest are not used`,
      `ids.test takes at most ${MAX_PATTERNS_PER_KIND} patterns; the rest are not used`,
    ]);
  });

  test('through the engine: a catastrophic pattern is accepted, finds nothing odd, and the dossier is checked', () => {
    const doc = `---\ndocument: cybersecurity-description\n---\n\n# 基本信息\n\n${'a'.repeat(40)}!\n`;
    const out = render(checkFiles({ 'doc.md': doc, '.cyberdossierrc.yaml': "ids:\n  test: ['(a+)+$']\n" }));
    expect(out).toMatch(/^doc\.md:\d+ error frontmatter-missing/m);
    expect(out).not.toMatch(/config-invalid/);
  });
});
