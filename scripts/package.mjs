// `npm run package`: builds and packs the extension into build/cyberdossier-<version>.vsix with
// vsce, then checks that the archive holds only what it should (bundles, docs, schemas,
// snippets, grammar, localisation). Prints the path of the .vsix.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const out = path.join(root, 'build', `cyberdossier-${pkg.version}.vsix`);
fs.mkdirSync(path.dirname(out), { recursive: true });
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run(process.execPath, ['esbuild.mjs', '--production']);
run(path.join(root, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--skip-license', '--no-rewrite-relative-links', '--out', out]);

// What is inside: list the zip's entries (central directory) without extra dependencies.
export function zipEntries(file) {
  const buf = fs.readFileSync(file);
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const names = [];
  for (let i = 0; i < count; i++) {
    const nameLen = buf.readUInt16LE(p + 28);
    const extra = buf.readUInt16LE(p + 30);
    const comment = buf.readUInt16LE(p + 32);
    names.push(buf.toString('utf8', p + 46, p + 46 + nameLen));
    p += 46 + nameLen + extra + comment;
  }
  return names;
}
const allowed = [/^\[Content_Types\]\.xml$/, /^extension\.vsixmanifest$/, /^extension\/(package\.json|package\.nls(\.zh-cn)?\.json|readme\.md|LICENSE(\.txt)?|changelog\.md)$/i, /^extension\/client\/out\/extension\.js$/, /^extension\/images\/icon\.png$/, /^extension\/server\/out\/(server|word)\.js$/, /^extension\/(docs|schemas|snippets|syntaxes|l10n)\//];
const entries = zipEntries(out);
const stray = entries.filter((e) => !allowed.some((re) => re.test(e)));
const required = ['extension/client/out/extension.js', 'extension/server/out/server.js', 'extension/server/out/word.js', 'extension/snippets/cyberdossier.code-snippets', 'extension/syntaxes/cyberdossier.injection.tmLanguage.json', 'extension/schemas/cyberdossierrc.schema.json', 'extension/docs/rules/missing-section.md', 'extension/l10n/bundle.l10n.zh-cn.json', 'extension/package.nls.zh-cn.json', 'extension/images/icon.png', 'extension/docs/walkthrough/create.md'];
const missing = required.filter((r) => !entries.includes(r));
if (stray.length || missing.length) {
  console.error(`unexpected in the .vsix: ${stray.join(', ') || '-'}; missing: ${missing.join(', ') || '-'}`);
  process.exit(1);
}
console.log(`${out} (${entries.length} entries, ${(fs.statSync(out).size / 1024).toFixed(0)} KB)`);
