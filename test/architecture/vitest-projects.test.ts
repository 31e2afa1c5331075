// The vitest projects (vitest.config.mts) cover the whole suite: every *.test.ts under test/ runs in
// exactly one project, and a test that drives the built bundles (the CLI or the language server
// as processes, server/out/*.js) runs in a project that builds them first — `vitest run --project
// unit` must pass on a clean clone without a build.
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { expect, test } from 'vitest';
import type { ViteUserConfig as UserConfig } from 'vitest/config';

const ROOT = path.join(__dirname, '..', '..');
// By path: the config is a .mts file, which the type checker does not import by name.
const config = ((await import(path.join(ROOT, 'vitest.config.mts'))) as { default: UserConfig }).default;

interface Project {
  name: string;
  include: string[];
  exclude: string[];
  builds: boolean;
}

function projects(): Project[] {
  const list = (config.test?.projects ?? []) as { test: { name: string; include?: string[]; exclude?: string[]; globalSetup?: string[] } }[];
  return list.map(({ test: t }) => ({
    name: t.name,
    include: t.include ?? [],
    exclude: t.exclude ?? [],
    builds: (t.globalSetup ?? []).includes('test/setup/build.ts'),
  }));
}

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? (e.name === 'node_modules' ? [] : walk(p)) : [p];
  });
}
const rel = (f: string) => path.relative(ROOT, f).split(path.sep).join('/');
const testFiles = () => walk(path.join(ROOT, 'test')).map(rel).filter((f) => f.endsWith('.test.ts')).sort();

/** The projects whose include matches `file` and whose exclude does not. */
function projectsOf(file: string, ps: Project[]): string[] {
  return ps.filter((p) => picomatch(p.include)(file) && !(p.exclude.length && picomatch(p.exclude)(file))).map((p) => p.name);
}

/**
 * Whether a test (or a local helper it imports, transitively) reaches the built bundles: a path
 * joined from `'bin'` (bin/cyberdossier*.js) or from `'server', 'out'`, or the language server's
 * Word requests (lsp/word.ts loads the built Word bundle on first use). Paths merely named in a
 * string (the .vsix listing, an esbuild entry) do not count.
 */
const BUNDLE = /path\.join\([^)]*'bin'[,)]|path\.join\([^)]*'server', 'out'|server\/src\/lsp\/word'/;
function drivesBundles(file: string, seen = new Set<string>()): boolean {
  if (seen.has(file)) return false;
  seen.add(file);
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  if (BUNDLE.test(text)) return true;
  for (const m of text.matchAll(/from '(\.[^']+)'/g)) {
    const target = rel(path.resolve(path.dirname(path.join(ROOT, file)), m[1]));
    if (target.startsWith('server/') || target.startsWith('client/')) continue;
    const found = [target, `${target}.ts`].find((c) => fs.existsSync(path.join(ROOT, c)) && fs.statSync(path.join(ROOT, c)).isFile());
    if (found && drivesBundles(found, seen)) return true;
  }
  return false;
}

test('the projects are the three the config describes', () => {
  expect(projects().map((p) => [p.name, p.builds])).toEqual([
    ['unit', false],
    ['process', true],
    ['property', true],
  ]);
});

test('every *.test.ts under test/ runs in exactly one vitest project', () => {
  const ps = projects();
  const files = testFiles();
  expect(files.length).toBeGreaterThan(80);
  const wrong = files.map((f) => [f, projectsOf(f, ps)] as const).filter(([, in_]) => in_.length !== 1);
  expect(wrong.map(([f, in_]) => `${f}: ${in_.length ? in_.join(' + ') : 'no project'}`)).toEqual([]);
});

test('a test that drives the built bundles runs in a project that builds them', () => {
  const ps = projects();
  const misplaced = testFiles().filter((f) => drivesBundles(f) && !ps.find((p) => p.name === projectsOf(f, ps)[0])?.builds);
  expect(misplaced).toEqual([]);
});

test('the bundle detector sees the CLI, the server and the Word bundle, and not a plain unit test', () => {
  expect(drivesBundles('test/cli/cli.test.ts')).toBe(true); // joins the path of bin/cyberdossier.js
  expect(drivesBundles('test/protocol/server.test.ts')).toBe(true); // through ./client
  expect(drivesBundles('test/security/hostile-repo.test.ts')).toBe(true); // through ./hostile
  expect(drivesBundles('test/word/lsp.test.ts')).toBe(true); // lsp/word.ts loads server/out/word.js
  expect(drivesBundles('test/word/bundle.test.ts')).toBe(true);
  expect(drivesBundles('test/engine/glob.test.ts')).toBe(false);
  expect(drivesBundles('test/engine/editor-artifacts.test.ts')).toBe(false); // names bin/ in package.json only
});
