// The import graph of server/src, read with the TypeScript compiler API (static imports and
// re-exports, `import type` included — a type cycle is still a knot for the reader — plus
// `import()` and `require()` of a literal), and the two checks ARCHITECTURE.md states: no
// cycle, and the layers (engine ← features ← adapters ← entries; features, adapters and entries
// reach the engine only through engine/index.ts, sbom/index.ts or vulns/index.ts; nothing imports
// an entry).
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

/** Module → the modules it imports; names are paths relative to the source root, no extension. */
export type Graph = Map<string, Set<string>>;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** The module specifiers a file names (relative ones only matter here). */
export function specifiers(fileName: string, text: string): string[] {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false);
  const out: string[] = [];
  const visit = (n: ts.Node): void => {
    if ((ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) && n.moduleSpecifier && ts.isStringLiteral(n.moduleSpecifier)) out.push(n.moduleSpecifier.text);
    else if (ts.isImportEqualsDeclaration(n) && ts.isExternalModuleReference(n.moduleReference) && ts.isStringLiteral(n.moduleReference.expression)) out.push(n.moduleReference.expression.text);
    else if (ts.isCallExpression(n) && n.arguments.length === 1 && ts.isStringLiteral(n.arguments[0]) && (n.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(n.expression) && n.expression.text === 'require')))
      out.push(n.arguments[0].text);
    else if (ts.isImportTypeNode(n) && ts.isLiteralTypeNode(n.argument) && ts.isStringLiteral(n.argument.literal)) out.push(n.argument.literal.text);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

/** The graph of every .ts file under `root` (edges to files outside it are left out). */
export function importGraph(root: string): Graph {
  const files = sourceFiles(root);
  const known = new Set(files.map((f) => path.relative(root, f).replace(/\.tsx?$/, '').split(path.sep).join('/')));
  const graph: Graph = new Map();
  for (const f of files) {
    const from = path.relative(root, f).replace(/\.tsx?$/, '').split(path.sep).join('/');
    const deps = new Set<string>();
    for (const s of specifiers(f, fs.readFileSync(f, 'utf8'))) {
      if (!s.startsWith('.')) continue;
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(from), s.replace(/\.(js|ts)$/, '')));
      const resolved = known.has(target) ? target : known.has(`${target}/index`) ? `${target}/index` : undefined;
      if (resolved) deps.add(resolved);
    }
    graph.set(from, deps);
  }
  return graph;
}

/** Every cycle, as the strongly connected components (Tarjan) of more than one module, or a self-import. */
export function cycles(graph: Graph): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const strong = (v: string): void => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || graph.get(v)?.has(v)) out.push(scc.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!idx.has(v)) strong(v);
  return out.sort((a, b) => a[0].localeCompare(b[0]));
}

/**
 * The layers, bottom up: a module may import its own layer and those below. The SBOM reader sits
 * with the engine: it implements the engine's SBOM reader port (engine/sbom-reader.ts), imports
 * the engine only through engine/index, and the engine never imports it (the adapters inject it,
 * EngineOptions.sbom). `shared` is the adapters' (the custom protocol,
 * URIs, lazy bundles). Features and adapters reach the engine layer only through its public
 * surfaces (issue 15 item 2).
 */
export const LAYERS: { name: string; dirs: string[] }[] = [
  { name: 'engine', dirs: ['engine', 'sbom', 'vulns'] },
  { name: 'features', dirs: ['features'] },
  { name: 'adapters', dirs: ['report', 'word', 'cli', 'lsp', 'shared'] },
  // The bundles' entry points (issue 15 item 3): composition roots that wire and start. They may
  // import any adapter (the engine, like everyone, through its public surfaces); nothing imports them.
  { name: 'entries', dirs: ['entries'] },
];
export const PUBLIC = ['engine/index', 'sbom/index', 'vulns/index'];

function layerOf(module: string): number {
  const top = module.split('/')[0];
  return LAYERS.findIndex((l) => l.dirs.includes(top));
}

/** Each import that breaks the layer rule, as `from → to: why`. */
export function layerViolations(graph: Graph): string[] {
  const out: string[] = [];
  for (const [from, deps] of graph) {
    const lf = layerOf(from);
    for (const to of deps) {
      const lt = layerOf(to);
      if (lf < 0 || lt < 0) out.push(`${from} → ${to}: outside the layers (add its folder to LAYERS)`);
      else if (LAYERS[lt].name === 'entries') out.push(`${from} → ${to}: nothing imports an entry point (entries/ are the bundles' composition roots)`);
      else if (lt > lf) out.push(`${from} → ${to}: ${LAYERS[lf].name} imports ${LAYERS[lt].name}, a layer above it`);
      else if (LAYERS[lf].name === 'adapters' && LAYERS[lt].name === 'engine' && !PUBLIC.includes(to)) out.push(`${from} → ${to}: an adapter imports the engine only through ${PUBLIC.join(' or ')}`);
      else if (LAYERS[lf].name === 'entries' && LAYERS[lt].name === 'engine' && !PUBLIC.includes(to)) out.push(`${from} → ${to}: an entry point imports the engine only through ${PUBLIC.join(' or ')}`);
      else if (LAYERS[lf].name === 'features' && LAYERS[lt].name === 'engine' && !PUBLIC.includes(to)) out.push(`${from} → ${to}: a feature imports the engine only through ${PUBLIC.join(' or ')}`);
    }
  }
  return out.sort();
}

/**
 * The edges from the SBOM and vulnerability readers (engine layer) into the engine's internals,
 * as `from → to`. A reader the engine imports (the vulnerability readers: rules/vulns,
 * check/families) cannot go through engine/index: that would be a cycle. The SBOM reader now
 * comes through a port and has none left; architecture.test.ts pins the list so that it can only
 * shrink.
 */
export function readerDeepImports(graph: Graph): string[] {
  const out: string[] = [];
  for (const [from, deps] of graph) {
    if (!/^(sbom|vulns)\//.test(from)) continue;
    for (const to of deps) if (to.startsWith('engine/') && to !== 'engine/index') out.push(`${from} → ${to}`);
  }
  return out.sort();
}

/** The modules `from` reaches through its imports (itself included). */
export function reachable(graph: Graph, from: string): Set<string> {
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length) {
    const v = stack.pop()!;
    if (seen.has(v)) continue;
    seen.add(v);
    for (const w of graph.get(v) ?? []) stack.push(w);
  }
  return seen;
}
