// Writes every generated artefact (rule docs, requirement tables, snippets) from the rule sets.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const out = path.join(root, 'node_modules', '.cache', 'cyberdossier-gen.cjs');
await esbuild.build({ entryPoints: [path.join(root, 'scripts/gen-all.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'warning' });
const { generated } = createRequire(import.meta.url)(out);
for (const [rel, text] of generated(root)) {
  const p = path.join(root, rel);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  if (!fs.existsSync(p) || fs.readFileSync(p, 'utf8') !== text) {
    fs.writeFileSync(p, text);
    console.log(`wrote ${rel}`);
  }
}
