// The Word export as a reader sees it: export the example dossier through the CLI, convert the
// .docx to PDF with LibreOffice, render page 1 to PNG, and check pages, text and fonts.
// Installs LibreOffice Writer, poppler-utils and Noto CJK fonts with apt when they are missing.
// Never skips: a missing tool that cannot be installed is a failure.
//
//   node test/word/render.mjs      → build/word/monitor.docx, monitor.pdf, monitor-page1.png

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const out = path.join(root, 'build', 'word');
const started = Date.now();

function fail(message) {
  console.error(`render: FAIL ${message}`);
  process.exit(1);
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: opts.timeout ?? 180_000, cwd: opts.cwd ?? root, env: { ...process.env, ...(opts.env ?? {}) } });
  if (r.error) fail(`${cmd}: ${r.error.message}`);
  if (r.status !== 0 && !opts.allowFailure) fail(`${cmd} ${args.join(' ')} exited ${r.status}\n${r.stdout}\n${r.stderr}`);
  return r;
}

const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).status === 0;
const cjkFonts = () => has('fc-list') && spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).stdout.trim().length > 0;

// (a) Tools, installed once (idempotent: nothing happens when they are there).
const missing = [];
if (!has('soffice')) missing.push('libreoffice-writer-nogui');
if (!has('pdftoppm') || !has('pdftotext') || !has('pdfinfo') || !has('pdffonts')) missing.push('poppler-utils');
if (!cjkFonts()) missing.push('fonts-noto-cjk');
if (missing.length) {
  console.log(`render: installing ${missing.join(' ')} (apt)`);
  const sudo = typeof process.getuid === 'function' && process.getuid() !== 0 ? ['sudo'] : [];
  const apt = (args) => run(sudo[0] ?? 'apt-get', sudo.length ? ['apt-get', ...args] : args, { env: { DEBIAN_FRONTEND: 'noninteractive' }, timeout: 900_000 });
  apt(['update']);
  apt(['install', '-y', '--no-install-recommends', ...missing]);
  for (const t of ['soffice', 'pdftoppm', 'pdftotext']) if (!has(t)) fail(`${t} is still missing after installing ${missing.join(' ')}`);
  if (!cjkFonts()) fail('no font for Chinese after installing fonts-noto-cjk');
}

// (b) Export through the CLI (build the bundle first when it is not there).
if (!fs.existsSync(path.join(root, 'server', 'out', 'cli.js'))) run(process.execPath, ['esbuild.mjs']);
fs.mkdirSync(out, { recursive: true });
const docx = path.join(out, 'monitor.docx');
const pdf = path.join(out, 'monitor.pdf');
const png = path.join(out, 'monitor-page1.png');
for (const f of [docx, pdf, png]) fs.rmSync(f, { force: true });
const exp = run(process.execPath, [path.join(root, 'bin', 'cyberdossier.js'), 'export', 'examples/nmpa-2017/monitor', '--to', 'docx', '--output', docx, '--locale', 'en'], { allowFailure: true });
if (exp.status !== 0) fail(`export exited ${exp.status}\n${exp.stdout}${exp.stderr}`);
if (!fs.existsSync(docx)) fail('export wrote no .docx');

// (c) .docx → PDF with a private LibreOffice profile (no state shared with anything else).
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberdossier-lo-'));
try {
  run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', out, docx], { timeout: 240_000 });
} finally {
  fs.rmSync(profile, { recursive: true, force: true });
}
if (!fs.existsSync(pdf)) fail('LibreOffice wrote no PDF');

// (d) Page 1 → PNG.
run('pdftoppm', ['-png', '-f', '1', '-l', '1', '-r', '80', '-singlefile', pdf, path.join(out, 'monitor-page1')]);

// (e) Checks.
const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [pdf]).stdout)?.[1] ?? 0);
if (pages < 2) fail(`the PDF has ${pages} page(s), expected at least 2`);
if (!fs.existsSync(png)) fail('no PNG of page 1');
const pngSize = fs.statSync(png).size;
if (pngSize <= 10 * 1024) fail(`the PNG of page 1 is only ${pngSize} bytes`);
const text = run('pdftotext', ['-layout', pdf, '-']).stdout;
for (const want of ['多参数患者监护仪', '产品名称', 'PM-9000', 'V2.1.0.3', '1 基本信息', '1.6 现成软件', '风险管理', 'OpenSSL']) {
  if (!text.includes(want)) fail(`the PDF text lacks “${want}”`);
}
if (/TOC \\[oh]/.test(text)) fail('the table-of-contents field instruction shows as text');
const fonts = run('pdffonts', [pdf]).stdout;
if (!/CJK|Hei|Song|Ming|WenQuanYi|Fallback/i.test(fonts)) fail(`no Chinese font embedded (tofu?):\n${fonts}`);

console.log(`render: ok — ${pages} pages, page 1 PNG ${(pngSize / 1024).toFixed(0)} KB, ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`render: ${path.relative(root, docx)}, ${path.relative(root, pdf)}, ${path.relative(root, png)}`);
