// Issue 18 item 4: `npx @vscode/vsce package` works without flags (repository, icon, licence,
// .vscodeignore), and the .vsix holds what the extension needs and nothing else — no
// node_modules, no tests or sources, no source maps, no e2e cache. `vsce ls` and `vsce package`
// run offline (the production dependency list is `npm list`, local; everything is bundled).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, test } from 'vitest';

const ROOT = path.join(__dirname, '..', '..');
const VSCE = path.join(ROOT, 'node_modules', '.bin', 'vsce');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberdossier-vsce-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Runs vsce with no terminal: a question it would ask (missing repository, licence) fails instead. */
function vsce(args: string[]) {
  return spawnSync(VSCE, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' }, timeout: 120_000 });
}

const JUNK: [RegExp, string][] = [
  [/(^|\/)node_modules\//, 'node_modules'],
  [/^\.vscode-test(\/|$)/, 'the e2e cache'],
  [/\.map$/, 'a source map'],
  [/^(test|bench|scripts|examples|build|e2e)\//, 'tests, benches, scripts, examples or build output'],
  [/^(server|client)\/src\//, 'sources'],
  [/\.(ts|mts|cts)$/, 'TypeScript'],
  [/\.vsix$/, 'a package'],
  [/^docs\/spec\//, 'the specification (not user documentation)'],
  [/(^|\/)\.(git|github|cyberdossier-cache)(\/|$)|(^|\/)\.eslintrc|^\.vscodeignore$/, 'repository files'],
  [/^server\/out\/(cli|cli-main|engine)\.js|\.jsc$/, 'the CLI bundles (not used by the extension)'],
];

/** What the extension loads or the manifest names: all must be packed. */
function needed(): string[] {
  const c = pkg.contributes;
  const strip = (p: string) => p.replace(/^\.\//, '');
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const images = [...readme.matchAll(/\]\((docs\/images\/[^)\s]+\.png)\)/g)].map((m) => m[1]);
  return [
    'package.json',
    'package.nls.json',
    'package.nls.zh-cn.json',
    'README.md',
    'LICENSE',
    strip(pkg.main),
    strip(pkg.icon),
    'server/out/server.js',
    'server/out/word.js',
    `${strip(pkg.l10n)}/bundle.l10n.json`,
    `${strip(pkg.l10n)}/bundle.l10n.zh-cn.json`,
    'snippets/cyberdossier.code-snippets',
    'docs/rules/missing-section.md',
    ...c.grammars.map((g: { path: string }) => strip(g.path)),
    ...c.yamlValidation.map((v: { url: string }) => strip(v.url)),
    ...c.walkthroughs.flatMap((w: { steps: { media: { markdown: string } }[] }) => w.steps.map((s) => strip(s.media.markdown))),
    ...images,
  ];
}

describe('the .vsix (vsce, offline)', () => {
  test('vsce ls without flags: what the extension needs, no junk', () => {
    const r = vsce(['ls']);
    expect(r.status, r.stderr).toBe(0);
    const files = r.stdout.split('\n').map((l) => l.trim()).filter(Boolean);
    const junk = files.flatMap((f) => JUNK.filter(([re]) => re.test(f)).map(([, why]) => `${f} (${why})`));
    expect(junk).toEqual([]);
    const missing = needed().filter((f) => !files.includes(f));
    expect(missing).toEqual([]);
    // The README's images ship, so the Extensions view shows them offline; none is large.
    for (const f of files.filter((x) => x.startsWith('docs/images/'))) expect(fs.statSync(path.join(ROOT, f)).size, f).toBeLessThan(300 * 1024);
  });

  test('vsce package without flags (no question asked: repository, licence and icon are set), the archive has the same files', async () => {
    const out = path.join(tmp, 'cyberdossier.vsix');
    // `--out` only says where to write; without it the package lands in the repository root.
    const r = vsce(['package', '--out', out]);
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    expect(`${r.stdout}${r.stderr}`).not.toMatch(/repository.*missing|LICENSE.*not found|Do you want to continue/i);
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    const entries = Object.keys(zip.files).filter((f) => !zip.files[f].dir);
    const packed = entries.filter((e) => e.startsWith('extension/')).map((e) => e.slice('extension/'.length));
    const listed = vsce(['ls']).stdout.split('\n').map((l) => l.trim()).filter(Boolean);
    // vsce lower-cases the readme's name inside the archive and adds .txt to the licence's.
    const norm = (f: string) => (/^readme\.md$/i.test(f) ? 'README.md' : f === 'LICENSE.txt' ? 'LICENSE' : f);
    expect(packed.map(norm).sort()).toEqual([...listed].sort());
    const manifest = JSON.parse(await zip.file('extension/package.json')!.async('string'));
    expect(manifest.repository.url).toBe(pkg.repository.url);
    expect(manifest.icon).toBe(pkg.icon);
    expect(entries).toContain('extension.vsixmanifest');
  });
});
