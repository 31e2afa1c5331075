// The Word export and import through the CLI bundles: wall time per example dossier (median of
// --runs, default 5) and, with --digest FILE, a digest of every part of every exported .docx
// (zip timestamps, the creation time in docProps/core.xml and the docx library's random hyperlink
// relationship ids aside) so two builds can be compared byte for byte (`cmp` the digest files).
//
//   node bench/word.mjs [--runs 5] [--digest /tmp/word.digest]
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const runs = Number(arg('--runs', '5'));
const digestFile = arg('--digest');
const cli = path.join(root, 'bin', 'cyberdossier.js');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-word-bench-'));
const examples = ['nmpa-2017/monitor', 'nmpa-2017/monitor-with-mistakes', 'nmpa-2022/monitor', 'fda-premarket-2025/infusion-pump', 'fda-premarket-2025/infusion-pump-with-mistakes'];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const digest = [];

function run(args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

for (const ex of examples) {
  const out = path.join(tmp, `${ex.replace(/\//g, '_')}.docx`);
  const times = [];
  for (let i = 0; i < runs; i++) times.push(run(['export', path.join('examples', ex), '--to', 'docx', '--output', out, '--force', '--locale', 'en']));
  const zip = await JSZip.loadAsync(fs.readFileSync(out));
  for (const name of Object.keys(zip.files).sort()) {
    if (zip.files[name].dir) continue;
    let bytes = await zip.files[name].async('uint8array');
    // docProps/core.xml carries the export time (dcterms:created / modified): blank it.
    if (name === 'docProps/core.xml') bytes = Buffer.from(Buffer.from(bytes).toString('utf8').replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, '$1'));
    // The docx library names hyperlink relationships with random ids (rId + 21 characters).
    if (/\.(xml|rels)$/.test(name)) bytes = Buffer.from(Buffer.from(bytes).toString('utf8').replace(/"rId[A-Za-z0-9_-]{21}"/g, '"rId~"'));
    digest.push(`${ex} ${name} ${createHash('sha256').update(bytes).digest('hex')}`);
  }
  // The import of the exported document back (a round trip through the Word import).
  const md = path.join(tmp, `${ex.replace(/\//g, '_')}.md`);
  const itimes = [];
  for (let i = 0; i < runs; i++) itimes.push(run(['import', out, '--out', md, '--force', '--locale', 'en']));
  digest.push(`${ex} import.md ${createHash('sha256').update(fs.readFileSync(md)).digest('hex')}`);
  console.log(`${ex.padEnd(48)} export ${median(times).toFixed(0).padStart(5)} ms   import ${median(itimes).toFixed(0).padStart(5)} ms   (median of ${runs}, process included)`);
}
if (digestFile) fs.writeFileSync(digestFile, `${digest.join('\n')}\n`);
fs.rmSync(tmp, { recursive: true, force: true });
