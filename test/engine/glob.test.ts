// Globs and .gitignore lines in linear time (server/src/engine/glob.ts): the same answers as the
// libraries the engine used before (picomatch with dot: true; the `ignore` package through the
// folder walk) on generated globs, .gitignore files and trees, and none of their backtracking.

import * as path from 'node:path';
import fc from 'fast-check';
import ignore from 'ignore';
import picomatch from 'picomatch';
import { describe, expect, test } from 'vitest';
import { compileGlob, Gitignore, gitignoreOf } from '../../server/src/engine/glob';
import { walkMarkdown } from '../../server/src/engine/workspace';
import { memHost, ROOT } from '../helpers';

const SEED = Number(process.env.FUZZ_SEED ?? 20261205);
const seg = fc.array(fc.constantFrom('a', 'b', 'A', '.', '-', 'x'), { minLength: 1, maxLength: 4 }).map((c) => c.join('')).filter((s) => s !== '.' && s !== '..');
const relPath = fc.array(seg, { minLength: 1, maxLength: 4 }).map((s) => s.join('/'));
// Extglobs are tried in fixed cases below: picomatch misreads some combinations (it says
// `[!a]?(b)` matches "a").
// `[!a]` too: picomatch 4 reads it as "! or a", glob.ts as bash and git do, "not a".
// No lone '.': picomatch reads `..` as "a dot, then any character".
const globAtom = fc.constantFrom('a', 'b', '.m', '-', '*', '?', '[ab]', '[^b]', '[a-b]', '{a,b}', '{a,*b}', 'x', '[[:alpha:]]');
const globSeg = fc.oneof({ weight: 1, arbitrary: fc.constant('**') }, { weight: 5, arbitrary: fc.array(globAtom, { minLength: 1, maxLength: 3 }).map((a) => a.join('')) });
const glob = fc.array(globSeg, { minLength: 1, maxLength: 4 }).map((s) => s.join('/'));

describe('globs', () => {
  test('agree with picomatch (dot: true) on generated globs and paths', () => {
    let matched = 0;
    fc.assert(
      fc.property(glob, fc.array(relPath, { minLength: 1, maxLength: 8 }), (g, paths) => {
        const m = compileGlob(g);
        if (!('test' in m)) throw new Error(`refused ${g}: ${m.en}`);
        for (const p of paths) {
          const want = picomatch.isMatch(p, g, { dot: true });
          if (want) matched++;
          expect(m.test(p), `${g} on ${p}`).toBe(want);
        }
      }),
      { seed: SEED, numRuns: 1500 },
    );
    expect(matched).toBeGreaterThan(200); // the cases exercised both answers
  });
  test.each([
    ['dossier/**/*.md', 'dossier/a.md', true],
    ['dossier/**/*.md', 'dossier/x/y/a.md', true],
    ['dossier/**/*.md', 'other/a.md', false],
    ['**/*.md', 'a.md', true],
    ['*.md', 'x/a.md', false],
    ['!drafts/**', 'drafts/a.md', false],
    ['!drafts/**', 'final/a.md', true],
    ['./docs/*.md', 'docs/a.md', true],
    ['{docs,specs}/*.md', 'specs/a.md', true],
    ['docs/[0-9][0-9]-*.md', 'docs/01-intro.md', true],
    ['@(a|b).md', 'b.md', true],
    ['+(a).md', 'aaa.md', true],
    ['?(x)a.md', 'a.md', true],
    ['*(a|b)c.md', 'ababc.md', true],
    ['*(a|b)c.md', 'abxc.md', false],
  ])('%s on %s: %s (as picomatch)', (g, p, want) => {
    expect(picomatch.isMatch(p, g, { dot: true })).toBe(want);
    const m = compileGlob(g);
    expect('test' in m && m.test(p)).toBe(want);
  });
  test('[!a] is "not a", as in bash and git', () => {
    const m = compileGlob('[!a]x.md');
    expect('test' in m && m.test('bx.md')).toBe(true);
    expect('test' in m && m.test('ax.md')).toBe(false);
  });
  test('a negated extglob, which RE2 cannot express, is refused with a reason', () => {
    const m = compileGlob('!(draft).md');
    expect('test' in m).toBe(false);
    expect(m).toMatchObject({ en: 'the negated extglob !(…) is not supported' });
  });
});

describe('.gitignore', () => {
  // Negated classes are left out: git reads `[!b]` and `[^b]` as "not b", the `ignore` package as
  // "! or b" and "^ or b"; glob.ts follows git (fixed cases below).
  const lineAtom = fc.constantFrom('a', 'b', '.', '*', '?', '[ab]', '[a-b]', 'x', 'A');
  const lineSeg = fc.oneof({ weight: 1, arbitrary: fc.constant('**') }, { weight: 5, arbitrary: fc.array(lineAtom, { minLength: 1, maxLength: 3 }).map((a) => a.join('')) });
  const line = fc
    .tuple(fc.constantFrom('', '', '!', '/'), fc.array(lineSeg, { minLength: 1, maxLength: 3 }), fc.constantFrom('', '', '/', '  '))
    // `a/**/` is left out too: the `ignore` package excludes a/b.md with it, git only folders inside a.
    // Nor `**/**`, where `ignore` misses what git excludes (fixed case below).
    .filter(([, segs]) => !segs.some((x, i) => x === '**' && segs[i + 1] === '**'))
    .map(([pre, segs, post]) => `${pre}${segs.join('/')}${segs.at(-1) === '**' && post === '/' ? '' : post}`);
  const gitignoreText = fc.array(fc.oneof(line, fc.constantFrom('# comment', '', '\\#a', 'a\\ ')), { minLength: 1, maxLength: 6 }).map((l) => l.join('\n'));
  const tree = fc.uniqueArray(fc.array(seg, { minLength: 1, maxLength: 3 }).map((s) => `${s.join('/')}.md`), { minLength: 1, maxLength: 12 });

  /** The walk as before: the `ignore` package, same order and rules. */
  function oldWalk(files: Record<string, string>): string[] {
    const host = memHost(files);
    const out: string[] = [];
    const visit = (dir: string, rules: { base: string; ig: ReturnType<typeof ignore> }[]) => {
      const entries = host.readDir(dir)!;
      let local = rules;
      if (entries.some((e) => e.name === '.gitignore' && !e.dir)) local = [...rules, { base: dir, ig: ignore().add(host.readFile(path.join(dir, '.gitignore'))!) }];
      const ignored = (p: string, isDir: boolean) =>
        local.some(({ base, ig }) => {
          const rel = path.relative(base, p).split(path.sep).join('/');
          return rel && !rel.startsWith('..') && ig.ignores(isDir ? `${rel}/` : rel);
        });
      for (const e of entries) {
        const p = path.join(dir, e.name);
        if (e.dir) {
          if (e.name.startsWith('.') || ignored(p, true)) continue;
          visit(p, local);
        } else if (/\.(md|markdown)$/i.test(e.name) && !ignored(p, false)) out.push(p);
      }
    };
    visit(ROOT, []);
    return out.sort();
  }

  test('the folder walk lists the same files as with the `ignore` package', () => {
    let excluded = 0;
    fc.assert(
      fc.property(tree, gitignoreText, fc.option(gitignoreText), (files, gi, nested) => {
        const fsFiles: Record<string, string> = Object.fromEntries(files.map((f) => [f, '# x\n']));
        fsFiles['.gitignore'] = gi;
        const firstDir = files.find((f) => f.includes('/'))?.split('/')[0];
        if (nested && firstDir) fsFiles[`${firstDir}/.gitignore`] = nested;
        const want = oldWalk(fsFiles);
        excluded += files.length - want.length;
        expect(walkMarkdown(memHost(fsFiles), ROOT).sort(), `.gitignore:\n${gi}\n---\n${nested ?? ''}`).toEqual(want);
      }),
      { seed: SEED, numRuns: 800 },
    );
    expect(excluded).toBeGreaterThan(200);
  });
  test('git rules: last match wins, ! re-includes, a trailing / is folders only, a slash anchors', () => {
    const g = new Gitignore('*.md\n!keep.md\nbuild/\n/top.md\ndocs/**/draft*.md\n');
    expect(g.ignores('a.md', false)).toBe(true);
    expect(g.ignores('x/keep.md', false)).toBe(false);
    expect(g.ignores('build', true)).toBe(true);
    expect(g.ignores('build', false)).toBe(false);
    expect(new Gitignore('/top.md').ignores('sub/top.md', false)).toBe(false);
    expect(new Gitignore('/top.md').ignores('top.md', false)).toBe(true);
    expect(new Gitignore('docs/**/draft*.md').ignores('docs/a/b/draft-1.md', false)).toBe(true);
    expect(new Gitignore('[!b].md').ignores('a.md', false)).toBe(true); // git: "not b"
    expect(new Gitignore('[!b].md').ignores('b.md', false)).toBe(false);
    expect(new Gitignore('[^b].md').ignores('a.md', false)).toBe(true);
    expect(new Gitignore('a/**/').ignores('a/b.md', false)).toBe(false); // as git check-ignore says
    expect(new Gitignore('a/**/').ignores('a/b', true)).toBe(true);
    expect(new Gitignore('**/**/*').ignores('a.md', false)).toBe(true); // as git check-ignore says
    expect(gitignoreOf('a\n')).toBe(gitignoreOf('a\n')); // compiled once per text
  });
});
