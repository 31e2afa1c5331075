// test/ is organised by layer (issue 15 item 7), and the folders say what their tests may reach:
// a test in test/engine/ imports only the engine (with sbom/ and vulns/), one in test/features/
// the engine and the features, and so on up the layers of ARCHITECTURE.md — through its local
// helpers too (test/helpers.ts, scripts/). Component folders (word/, sbom/, vulns/), the process
// suites (protocol/, security/), fuzz/, corpus/ and e2e/ keep their own organisation.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect, test } from 'vitest';

const ROOT = path.join(__dirname, '..', '..');
const ENGINE = ['engine', 'sbom', 'vulns'];

/** Layer folder → the server/src folders its tests may import (`*`: any, client/src included). */
const LAYER_DIRS: Record<string, string[] | '*'> = {
  engine: ENGINE,
  features: [...ENGINE, 'features'],
  lsp: [...ENGINE, 'features', 'lsp', 'shared'],
  cli: [...ENGINE, 'features', 'cli', 'shared'],
  report: [...ENGINE, 'features', 'report'],
  // More than one adapter at once (the same totals on every surface, one rule set end to end).
  integration: '*',
  client: '*',
  architecture: '*',
};
const OTHER_DIRS = ['word', 'sbom', 'vulns', 'protocol', 'security', 'fuzz', 'corpus', 'e2e', 'fixtures', 'setup'];

const specifiers = (text: string) => [...text.matchAll(/(?:from|import|require\()\s*['"](\.[^'"]+)['"]/g)].map((m) => m[1]);
function resolve(from: string, s: string): string | undefined {
  const base = path.resolve(path.dirname(from), s);
  return [base, `${base}.ts`, `${base}.mts`, `${base}.mjs`, path.join(base, 'index.ts')].find((c) => fs.existsSync(c) && fs.statSync(c).isFile());
}

/** The server/src and client/src modules a test file imports, directly or through local helpers (test/, scripts/, bench/). */
export function reached(file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  const out: string[] = [];
  for (const s of specifiers(fs.readFileSync(file, 'utf8'))) {
    const r = resolve(file, s);
    if (!r) continue;
    const rel = path.relative(ROOT, r).split(path.sep).join('/');
    if (rel.startsWith('server/src/') || rel.startsWith('client/src/')) out.push(rel);
    else if (/^(test|scripts|bench)\//.test(rel)) out.push(...reached(r, seen));
  }
  return out;
}

/** Each import of a layer folder's tests that reaches above the layer, as `file → module`. */
export function layerBreaches(dir: string, allowed: string[] | '*'): string[] {
  if (allowed === '*') return [];
  const files = fs.readdirSync(path.join(ROOT, 'test', dir), { recursive: true }) as string[];
  return files
    .filter((f) => f.endsWith('.ts'))
    .flatMap((f) => {
      const file = path.join(ROOT, 'test', dir, f);
      return reached(file)
        .filter((m) => m.startsWith('client/') || !allowed.includes(m.split('/')[2]))
        .map((m) => `test/${dir}/${f} → ${m}`);
    });
}

test('every folder of test/ is a layer folder or one of the named others (test/unit/ is gone: put a test in its layer)', () => {
  const dirs = fs
    .readdirSync(path.join(ROOT, 'test'), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  expect(dirs.filter((d) => !(d in LAYER_DIRS) && !OTHER_DIRS.includes(d))).toEqual([]);
  for (const d of Object.keys(LAYER_DIRS)) expect(fs.existsSync(path.join(ROOT, 'test', d)), d).toBe(true);
});

test.each(Object.entries(LAYER_DIRS).filter(([, a]) => a !== '*'))('test/%s/ reaches nothing above its layer', (dir, allowed) => {
  expect(layerBreaches(dir, allowed)).toEqual([]);
});

test('the check follows helpers and sees a breach', () => {
  // test/engine/ files reach the engine through test/helpers.ts …
  expect(reached(path.join(ROOT, 'test', 'engine', 'conditions.test.ts'))).toContain('server/src/engine/engine.ts');
  // … and a features test placed among the engine tests would be a breach.
  expect(layerBreaches('features', ENGINE).length).toBeGreaterThan(0);
  expect(layerBreaches('lsp', ENGINE)).toContain('test/lsp/lsp-feeds.test.ts → server/src/lsp/feeds.ts');
});
