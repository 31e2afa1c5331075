// Issue 15's size limits, measured: files over 400 lines in server/src (catalogue data is exempt by
// judgement, listed anyway) and functions over 80 lines in engine/, features/, lsp/.
// Usage: node scripts/sizes.mjs [--json]
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const SRC = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'server', 'src');
const FN_ROOTS = ['engine', 'features', 'lsp'];
const MAX_FILE = 400;
const MAX_FN = 80;

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const rel = (f) => path.relative(path.join(SRC, '..', '..'), f);
const files = [];
const functions = [];
for (const f of walk(SRC)) {
  const text = fs.readFileSync(f, 'utf8');
  const lines = text.split('\n').length;
  if (lines > MAX_FILE) files.push({ file: rel(f), lines });
  if (!FN_ROOTS.some((r) => rel(f).startsWith(`server/src/${r}/`))) continue;
  const src = ts.createSourceFile(f, text, ts.ScriptTarget.Latest, true);
  const visit = (n) => {
    if (ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n) || ts.isArrowFunction(n) || ts.isFunctionExpression(n) || ts.isConstructorDeclaration(n)) {
      const start = src.getLineAndCharacterOfPosition(n.getStart()).line;
      const len = src.getLineAndCharacterOfPosition(n.end).line - start + 1;
      if (len > MAX_FN) {
        const name = n.name?.getText() ?? (ts.isVariableDeclaration(n.parent) || ts.isPropertyAssignment(n.parent) ? n.parent.name.getText() : '<anonymous>');
        functions.push({ at: `${rel(f)}:${start + 1}`, name, lines: len });
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(src);
}
files.sort((a, b) => b.lines - a.lines);
functions.sort((a, b) => b.lines - a.lines);
if (process.argv.includes('--json')) console.log(JSON.stringify({ files, functions }, null, 2));
else {
  console.log(`files over ${MAX_FILE} lines: ${files.length}`);
  for (const x of files) console.log(`  ${String(x.lines).padStart(5)}  ${x.file}`);
  console.log(`functions over ${MAX_FN} lines (engine/, features/, lsp/): ${functions.length}`);
  for (const x of functions) console.log(`  ${String(x.lines).padStart(5)}  ${x.name}  ${x.at}`);
}
