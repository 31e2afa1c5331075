// Two builds of the language server side by side on one generated file, alternated so load hits
// both alike: the edit→diagnostics median of each. Usage (build both first):
//   node bench/lsp-ab.mjs OTHER_CHECKOUT [50k|500k] [rounds]
// e.g. `git worktree add --detach /tmp/base <commit> && (cd /tmp/base && npm ci && npm run build)`.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lspBench } from './lsp-bench.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const [other, size = '50k', rounds = '4'] = process.argv.slice(2);
if (!other) {
  console.error('usage: node bench/lsp-ab.mjs OTHER_CHECKOUT [50k|500k] [rounds]');
  process.exit(2);
}
const src = path.join(here, '.generated', `dossier-${size}.md`);
if (!fs.existsSync(src)) {
  console.error(`${src} is missing: run npm run bench once (it generates the files)`);
  process.exit(2);
}
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberdossier-ab-'));
fs.mkdirSync(path.join(dir, '.git'));
const file = path.join(dir, 'dossier.md');
fs.copyFileSync(src, file);
const roots = { other: path.resolve(other), this: path.resolve(here, '..') };
const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
const all = { other: [], this: [] };
for (let i = 0; i < Number(rounds); i++) {
  for (const k of ['other', 'this']) {
    const r = await lspBench({
      file,
      mode: 'push',
      command: [path.join(roots[k], 'bin/cyberdossier-language-server.js'), '--stdio'],
      settings: { cyberdossier: {} },
      completeNotification: 'cyberdossier/checked',
      completionAt: () => ({ line: 2, character: 12 }),
      hoverAt: () => ({ line: 3, character: 2 }),
    });
    all[k].push(...r.editMs);
    console.log(`${k} run ${i + 1}: edit median ${median(r.editMs).toFixed(1)} ms`);
  }
}
console.log(`all edits: other ${median(all.other).toFixed(1)} ms, this ${median(all.this).toFixed(1)} ms (load ${os.loadavg()[0].toFixed(1)})`);
fs.rmSync(dir, { recursive: true, force: true });
