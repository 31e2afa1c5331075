// The invariants of ARCHITECTURE.md that a grep can prove.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect, test } from 'vitest';

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
