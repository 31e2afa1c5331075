// The invariants of ARCHITECTURE.md that a grep or the import graph can prove.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect, test } from 'vitest';
import { cycles, importGraph, layerViolations, reachable, readerDeepImports, specifiers } from './import-graph';

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

// ---- issue 15 item 3: the bundles' entry points in one entries/ folder ----------------------

test('every bundle esbuild.mjs builds from server/src starts in entries/, and each entry wires what its bundle needs', () => {
  const build = fs.readFileSync(path.join(ROOT, 'esbuild.mjs'), 'utf8');
  const points = [...build.matchAll(/entryPoints: \['([^']+)'\], outfile: '([^']+)'/g)].map((m) => [m[1], m[2]]);
  expect(points.filter(([src]) => src.startsWith('server/'))).toEqual([
    ['server/src/entries/cli.ts', 'server/out/cli.js'],
    ['server/src/entries/cli-main.ts', 'server/out/cli-main.js'],
    ['server/src/entries/server.ts', 'server/out/server.js'],
    ['server/src/entries/engine.ts', 'server/out/engine.js'],
    ['server/src/entries/word.ts', 'server/out/word.js'],
  ]);
  for (const [src] of points) expect(fs.existsSync(path.join(ROOT, src)), src).toBe(true);
  expect([...graph.keys()].filter((m) => m.startsWith('entries/')).sort()).toEqual(['entries/cli', 'entries/cli-main', 'entries/engine', 'entries/server', 'entries/word']);
  expect([...graph.get('entries/cli-main')!]).toEqual(['cli/main']);
  expect([...graph.get('entries/server')!]).toEqual(['lsp/server']);
  // The engine bundle composes the SBOM reader its users' Engines are given (EngineOptions.sbom).
  expect([...graph.get('entries/engine')!]).toEqual(['engine/index', 'sbom/index']);
  expect([...graph.get('entries/word')!]).toEqual(['word/bundle']);
  // The boot file reads the CLI bundle from disk (with its code cache): it imports no module of ours.
  expect([...graph.get('entries/cli')!]).toEqual([]);
  // Nothing imports an entry, not even another entry.
  for (const [from, deps] of graph) for (const to of deps) expect(to.startsWith('entries/'), `${from} → ${to}`).toBe(false);
});

test('the layer check fails on an import of an entry and on an entry deep-importing the engine', () => {
  const g = (edges: Record<string, string[]>) => new Map(Object.entries(edges).map(([k, v]) => [k, new Set(v)]));
  const synthetic = g({
    'entries/server': ['lsp/server', 'engine/index', 'features/hover', 'cli/main'],
    'entries/engine': ['engine/engine'],
    'entries/cli-main': ['entries/server'],
    'lsp/server': ['entries/word', 'engine/index'],
    'entries/word': ['word/bundle'],
    'word/bundle': [],
    'cli/main': [],
    'features/hover': ['engine/index'],
    'engine/index': ['engine/engine'],
    'engine/engine': [],
  });
  expect(layerViolations(synthetic)).toEqual([
    'entries/cli-main → entries/server: nothing imports an entry point (entries/ are the bundles\' composition roots)',
    'entries/engine → engine/engine: an entry point imports the engine only through engine/index or sbom/index or vulns/index',
    'lsp/server → entries/word: nothing imports an entry point (entries/ are the bundles\' composition roots)',
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

// ---- issue 15 item 2: the engine's public surface for report, word and the readers ------------

test('report and word reach the engine and the SBOM reader only through their public surfaces', () => {
  const g = (edges: Record<string, string[]>) => new Map(Object.entries(edges).map(([k, v]) => [k, new Set(v)]));
  const synthetic = g({
    'report/html': ['engine/index', 'engine/rules/context', 'features/checklist'],
    'word/export': ['engine/index', 'sbom/cyclonedx', 'engine/snapshot'],
    'features/checklist': ['engine/index', 'engine/model'],
    'engine/index': ['engine/model', 'engine/snapshot', 'engine/rules/context'],
    'engine/model': [],
    'engine/snapshot': ['engine/rules/context'],
    'engine/rules/context': [],
    'sbom/cyclonedx': [],
  });
  expect(layerViolations(synthetic)).toEqual([
    // Features too read the engine through its surface only (issue 15 item 2).
    'features/checklist → engine/model: a feature imports the engine only through engine/index or sbom/index or vulns/index',
    'report/html → engine/rules/context: an adapter imports the engine only through engine/index or sbom/index or vulns/index',
    'word/export → engine/snapshot: an adapter imports the engine only through engine/index or sbom/index or vulns/index',
    'word/export → sbom/cyclonedx: an adapter imports the engine only through engine/index or sbom/index or vulns/index',
  ]);
  // And the real tree: no adapter module imports an engine, sbom or vulns module but the public ones.
  for (const [from, deps] of graph) {
    if (!/^(report|word|cli|lsp|shared)\//.test(from)) continue;
    for (const to of deps) if (/^(engine|sbom|vulns)\//.test(to)) expect(['engine/index', 'sbom/index', 'vulns/index'], `${from} → ${to}`).toContain(to);
  }
});

test('the SBOM and vulnerability readers deep-import the engine only where the engine imports them (a list that may only shrink)', () => {
  // Issue 15 item 2: the engine reaches the SBOM reader through its port (engine/sbom-reader.ts,
  // EngineOptions.sbom, wired by the adapters), so sbom/ imports only engine/index and its deep
  // imports are gone; so are vulns/draft's (engine/index, Engine.snapshotOf, dossierComponents).
  // What is left: the vulnerability readers the engine's rules still import (rules/vulns,
  // check/families) — routing them through engine/index would be a cycle until the engine
  // reaches them through a port too. A new deep import fails here.
  expect(readerDeepImports(graph)).toEqual([
    // store.ts split into its parts (issue 17): the same three engine modules store.ts imported.
    'vulns/feed → engine/configured-file',
    'vulns/feed → engine/rulesets/types',
    'vulns/feed-read → engine/host',
    'vulns/feed-read → engine/rulesets/types',
    'vulns/index-build → engine/host',
    'vulns/index-read → engine/host',
    'vulns/json → engine/host',
    'vulns/store → engine/configured-file',
    'vulns/store → engine/host',
    'vulns/store → engine/rulesets/types',
    'vulns/types → engine/rulesets/types',
    'vulns/zip → engine/host',
  ]);
  // Why the vulns list is not empty yet: those readers are reachable from engine/index.
  const fromIndex = reachable(graph, 'engine/index');
  for (const m of ['vulns/feed', 'vulns/store', 'vulns/zip', 'vulns/types']) expect(fromIndex.has(m), m).toBe(true);
  // vulns/draft is not, and imports the engine only through engine/index.
  expect(fromIndex.has('vulns/draft')).toBe(false);
  expect([...graph.get('vulns/draft')!].filter((m) => m.startsWith('engine/'))).toEqual(['engine/index']);
});

test('engine → sbom → engine is gone: the engine reaches no SBOM module that imports the engine', () => {
  const fromIndex = reachable(graph, 'engine/index');
  const sbom = [...graph.keys()].filter((m) => m.startsWith('sbom/'));
  // Every SBOM module imports the engine through engine/index only…
  for (const m of sbom) for (const to of graph.get(m)!) if (to.startsWith('engine/')) expect(to, `${m} → ${to}`).toBe('engine/index');
  // …and what the engine reaches of sbom/ is the identifier syntax the vulnerability readers share,
  // which imports nothing: no module of the engine imports sbom/ itself.
  expect(sbom.filter((m) => fromIndex.has(m)).sort()).toEqual(['sbom/identifiers', 'sbom/json-syntax']);
  for (const m of ['sbom/identifiers', 'sbom/json-syntax']) expect([...graph.get(m)!], m).toEqual([]);
  for (const [from, deps] of graph) if (from.startsWith('engine/')) for (const to of deps) expect(to, `${from} → ${to}`).not.toMatch(/^sbom\//);
  // The reader (the port's implementation) and the loader are out of the engine's reach.
  for (const m of ['sbom/reader', 'sbom/load', 'sbom/compare', 'sbom/parse', 'sbom/cyclonedx']) expect(fromIndex.has(m), m).toBe(false);
});
