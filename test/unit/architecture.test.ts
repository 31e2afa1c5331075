// The invariants of ARCHITECTURE.md that a grep or the import graph can prove.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect, test } from 'vitest';
import { cycles, importGraph, layerViolations, specifiers } from './import-graph';

const ROOT = path.join(__dirname, '..', '..');
function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}
const imports = (f: string) => [...fs.readFileSync(f, 'utf8').matchAll(/(?:from|import|require\()\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);

test('the engine imports nothing from vscode or vscode-languageserver', () => {
  for (const f of files(path.join(ROOT, 'server/src/engine'))) {
    for (const i of imports(f)) expect(i, `${path.relative(ROOT, f)} imports ${i}`).not.toMatch(/^vscode(-languageserver|-languageclient)?(\/|$)/);
  }
});

test('the rules never branch on a guideline', () => {
  for (const f of files(path.join(ROOT, 'server/src/engine/rules'))) {
    const text = fs.readFileSync(f, 'utf8');
    expect(text, path.relative(ROOT, f)).not.toMatch(/nmpa-20\d\d|nmpa20\d\d/);
  }
});

// ---- the import graph (import-graph.ts): no cycle, the layers --------------------------------

const graph = importGraph(path.join(ROOT, 'server/src'));

test('the graph is the real one (every module, its imports resolved)', () => {
  expect(graph.size).toBeGreaterThan(100);
  expect([...graph.get('lsp/server')!]).toEqual(expect.arrayContaining(['engine/index', 'lsp/diagnostics', 'shared/protocol']));
  expect([...graph.get('cli/main')!]).toEqual(expect.arrayContaining(['cli/check', 'cli/report', 'word/bundle']));
});

test('no import cycle in server/src', () => {
  expect(cycles(graph)).toEqual([]);
});

test('the layers: engine ← features ← adapters; features and adapters reach the engine only through its public surface', () => {
  expect(layerViolations(graph)).toEqual([]);
});

test('the checks fail on a cycle, an adapter or a feature deep-importing the engine, and an import upwards', () => {
  const g = (edges: Record<string, string[]>) => new Map(Object.entries(edges).map(([k, v]) => [k, new Set(v)]));
  const synthetic = g({
    'engine/index': ['engine/engine'],
    'engine/engine': ['engine/rules/a'],
    'engine/rules/a': ['engine/rules/b'],
    'engine/rules/b': ['engine/rules/a', 'features/hover'],
    'engine/self': ['engine/self'],
    'features/hover': ['engine/model'],
    'features/view': ['engine/index', 'features/hover'],
    'engine/model': [],
    'lsp/server': ['engine/index', 'engine/engine', 'features/hover', 'sbom/index'],
    'cli/check': ['engine/config', 'sbom/parse'],
    'sbom/index': ['engine/tables'],
    'sbom/parse': [],
    'engine/config': [],
    'engine/tables': [],
    'tools/x': ['engine/index'],
  });
  expect(cycles(synthetic)).toEqual([['engine/rules/a', 'engine/rules/b'], ['engine/self']]);
  expect(layerViolations(synthetic)).toEqual([
    'cli/check → engine/config: an adapter imports the engine only through engine/index or sbom/index or vulns/index',
    'cli/check → sbom/parse: an adapter imports the engine only through engine/index or sbom/index or vulns/index',
    'engine/rules/b → features/hover: engine imports features, a layer above it',
    // Issue 15 item 2: features, like the adapters, read the engine through its public surface only.
    'features/hover → engine/model: a feature imports the engine only through engine/index or sbom/index or vulns/index',
    'lsp/server → engine/engine: an adapter imports the engine only through engine/index or sbom/index or vulns/index',
    'tools/x → engine/index: outside the layers (add its folder to LAYERS)',
  ]);
});

test('every kind of import is an edge: type-only, re-export, import(), require(), import types', () => {
  const text = [
    "import type { A } from './a';",
    "import { type B, c } from './b';",
    "export { d } from './d';",
    "export * from './e';",
    "const f = await import('./f');",
    "const g = require('./g');",
    "type H = import('./h').H;",
    "import i = require('./i');",
    "import * as fs from 'node:fs';",
  ].join('\n');
  expect(specifiers('x.ts', text)).toEqual(['./a', './b', './d', './e', './f', './g', './h', './i', 'node:fs']);
});
