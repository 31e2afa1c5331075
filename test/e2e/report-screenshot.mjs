// The HTML report in a real browser (issue 7): `cyberdossier report --format html` on the example
// dossier with mistakes, opened from a file:// URL in Debian chromium (playwright-core, as
// run.mjs drives it) with every network request blocked — and none attempted — then a full-page
// screenshot to build/e2e/report.png (and report-en.png). Runs setup.sh first (idempotent).
//
//   node test/e2e/report-screenshot.mjs        (also a step of test/e2e/run.mjs)

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const cache = process.env.CYBERDOSSIER_E2E_CACHE ?? path.join(root, '.vscode-test');
const outDir = path.join(root, 'build', 'e2e');
fs.mkdirSync(outDir, { recursive: true });
const log = (m) => console.log(`[report] ${m}`);

function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}`);
}

function pngSize(file) {
  const b = fs.readFileSync(file);
  if (b.readUInt32BE(0) !== 0x89504e47) throw new Error(`${file} is not a PNG`);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20), bytes: b.length };
}

sh('bash', [path.join(root, 'test', 'e2e', 'setup.sh')]);
if (!fs.existsSync(path.join(root, 'server', 'out', 'cli.js'))) sh(process.execPath, [path.join(root, 'esbuild.mjs')], { cwd: root });

const { chromium } = createRequire(path.join(cache, 'tools', 'package.json'))('playwright-core');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberdossier-report-'));
let failed = false;
try {
  // The example with typical mistakes in Chinese; the anesthesia workstation fixture (a not-applicable
  // answer, an invalid fact, traceability gaps) in English.
  for (const { locale, name, dossier, must } of [
    { locale: 'zh-CN', name: 'report', dossier: path.join('examples', 'nmpa-2017', 'monitor-with-mistakes'), must: ['网络安全申报资料检查报告', 'D3.7', '可追溯性矩阵', '33 项必需章节中已具备 22 项', '未定义'] },
    { locale: 'en', name: 'report-en', dossier: path.join('test', 'fixtures', 'checklist', 'aw-700'), must: ['Overview', 'D3.5', 'Traceability matrix', '23 of 34 required sections present', 'no test', 'cannot decide'] },
  ]) {
    const html = path.join(outDir, `${name}.html`);
    sh(process.execPath, [path.join(root, 'bin', 'cyberdossier.js'), 'report', dossier, '--format', 'html', '--locale', locale, '--output', html], {
      cwd: root,
      env: { ...process.env, SOURCE_DATE_EPOCH: '1714521600' },
    });
    const text = fs.readFileSync(html, 'utf8');
    const external = text.match(/https?:|\/\/|<script|<link|\b(?:src|href)\s*=\s*["']?(?!#|data:)[^\s"'>]+/gi);
    if (external) throw new Error(`${name}.html refers to something outside itself: ${external.slice(0, 5).join(' ')}`);

    const profile = path.join(tmp, `profile-${name}`);
    const ctx = await chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium',
      env: { ...process.env, HOME: profile },
      headless: true,
      viewport: { width: 1280, height: 900 },
      deviceScaleFactor: 1,
      locale,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const attempted = [];
      const problems = [];
      // Everything but the report itself is refused, and recorded: a self-contained page asks for nothing.
      await ctx.route('**/*', (route) => {
        const url = route.request().url();
        if (url === pathToFileURL(html).href) return route.continue();
        attempted.push(url);
        return route.abort();
      });
      const page = ctx.pages()[0] ?? (await ctx.newPage());
      page.on('request', (r) => {
        if (r.url() !== pathToFileURL(html).href) attempted.push(r.url());
      });
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
      });
      page.on('pageerror', (e) => problems.push(String(e)));
      await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
      const body = await page.locator('body').innerText();
      for (const m of must) if (!body.includes(m)) throw new Error(`${name}: the rendered page lacks “${m}”`);
      const bars = await page.locator('.bar > span').count();
      if (bars < 4) throw new Error(`${name}: expected a completeness bar per document, found ${bars}`);
      const shot = path.join(outDir, `${name}.png`);
      await page.screenshot({ path: shot, fullPage: true });
      const size = pngSize(shot);
      log(`${name}.png ${size.width}×${size.height}, ${Math.round(size.bytes / 1024)} KB`);
      if (size.width < 1000 || size.height < 1500 || size.bytes < 60_000) throw new Error(`${name}.png looks empty (${size.width}×${size.height}, ${size.bytes} bytes)`);
      // Responsive (issue 18 item 8): at 1500 px and at a narrow 820 px no cell of a requirement
      // table is cut off — the findings column wraps; a table too wide scrolls sideways.
      for (const width of [1500, 820]) {
        await page.setViewportSize({ width, height: 900 });
        const clipped = await page.evaluate(() =>
          [...document.querySelectorAll('table.req td, table.req th')]
            .filter((td) => td.scrollWidth > td.clientWidth + 1)
            .map((td) => `${td.cellIndex}:${td.innerText.slice(0, 30)}`),
        );
        if (clipped.length) throw new Error(`${name}: at ${width} px ${clipped.length} table cells are clipped: ${clipped.slice(0, 5).join(' | ')}`);
        const findingsCells = await page.locator('table.req td.num').count();
        if (!findingsCells) throw new Error(`${name}: no findings column found`);
      }
      if (attempted.length) throw new Error(`${name}: the page tried to load ${attempted.join(', ')}`);
      if (problems.length) throw new Error(`${name}: console problems: ${problems.join(' | ')}`);
    } finally {
      await ctx.close().catch(() => {});
    }
  }
  log('ok: no request left the page; screenshots in build/e2e/');
} catch (e) {
  failed = true;
  console.error(`[report] ${e.message}`);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
