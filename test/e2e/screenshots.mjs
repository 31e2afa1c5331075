// `npm run screenshots` (issue 18): the first-run flow photographed in the real workbench, once
// with the extension's UI in Chinese and once in English — the VS Code server (code-server
// 4.139.1) with the extension registered from this folder, driven by Debian chromium through
// playwright-core, like run.mjs. From an empty folder: *New dossier document…* (its quick input),
// the skeleton opened with the checklist view revealed, the Problems panel, a hover quoting the
// guideline. Writes docs/images/first-run-<step>-<zh|en>.png (1280×800 viewport, each < 300 KB)
// and fails when a picture does not show what it claims. VS Code's own menus stay English: no
// display-language pack can be installed here; `cyberdossier.locale` sets the extension's.
//
//   npm run build && node test/e2e/screenshots.mjs   (runs setup.sh first, idempotent)

import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';

import { cache, freePort, node24, profile, root, serverMain, sh } from './common.mjs';

const images = path.join(root, 'docs', 'images');
const log = (m) => console.log(`[screenshots] ${m}`);
const MAX_BYTES = 300 * 1024;

function pngSize(file) {
  const b = fs.readFileSync(file);
  if (b.readUInt32BE(0) !== 0x89504e47) throw new Error(`${file} is not a PNG`);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20), bytes: b.length };
}

sh('bash', [path.join(root, 'test', 'e2e', 'setup.sh')]);
if (!fs.existsSync(path.join(root, 'client', 'out', 'extension.js'))) sh(process.execPath, [path.join(root, 'esbuild.mjs')], { cwd: root });
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const { chromium } = createRequire(path.join(cache, 'tools', 'package.json'))('playwright-core');
fs.mkdirSync(images, { recursive: true });

const RUNS = [
  { lang: 'zh', locale: 'zh-CN', product: 'PM-9000 多参数患者监护仪', problems: /缺少|占位|待补充|填写/, hover: /指导原则|网络安全/, checklist: '申报资料检查清单' },
  { lang: 'en', locale: 'en', product: 'PM-9000 patient monitor', problems: /missing|placeholder|left in/i, hover: /guideline|cybersecurity/i, checklist: 'Dossier checklist' },
];

async function photograph(run) {
  const { dir, env, ws } = profile(
    `cyberdossier-shots-${run.lang}-`,
    {
      'workbench.tips.enabled': false,
      'security.workspace.trust.enabled': false,
      'editor.minimap.enabled': false,
      'editor.hover.delay': 100,
      'cyberdossier.locale': run.locale,
    },
    ['chromium'],
  );
  // The extension registered from this folder (no packaging), as an installed one.
  fs.writeFileSync(
    path.join(dir, 'exts', 'extensions.json'),
    JSON.stringify([{ identifier: { id: `${pkg.publisher}.${pkg.name}` }, version: pkg.version, location: { $mid: 1, path: root, scheme: 'file' }, metadata: { source: 'vsix' } }]),
  );
  const port = await freePort();
  const logFile = fs.openSync(path.join(dir, 'server.log'), 'w');
  const server = spawn(
    node24,
    [serverMain, '--host', '127.0.0.1', '--port', String(port), '--without-connection-token', '--accept-server-license-terms', '--disable-workspace-trust', '--telemetry-level', 'off', '--server-data-dir', path.join(dir, 'data'), '--user-data-dir', path.join(dir, 'ud'), '--extensions-dir', path.join(dir, 'exts')],
    { env, detached: true, stdio: ['ignore', logFile, logFile] },
  );
  const kill = (sig) => {
    try {
      process.kill(-server.pid, sig);
    } catch {}
  };
  let ctx;
  try {
    for (let i = 0; ; i++) {
      if (await fetch(`http://127.0.0.1:${port}/`).then((r) => r.ok).catch(() => false)) break;
      if (i > 300) throw new Error('the VS Code server did not start');
      await new Promise((r) => setTimeout(r, 200));
    }
    ctx = await chromium.launchPersistentContext(path.join(dir, 'chromium'), {
      executablePath: '/usr/bin/chromium',
      env: { ...env, HOME: path.join(dir, 'chromium') },
      headless: true,
      viewport: { width: 1280, height: 800 },
      deviceScaleFactor: 1,
      locale: run.locale,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    const shot = async (name, must) => {
      const file = path.join(images, `first-run-${name}-${run.lang}.png`);
      await page.screenshot({ path: file });
      const s = pngSize(file);
      if (s.width !== 1280 || s.height !== 800) throw new Error(`${file}: ${s.width}×${s.height}`);
      if (s.bytes > MAX_BYTES) throw new Error(`${file}: ${Math.round(s.bytes / 1024)} KB > 300 KB`);
      // The editor renders spaces as no-break spaces.
      if (must) for (const [what, sel, re] of must) if (!re.test((await page.locator(sel).first().innerText()).replace(/\u00a0/g, ' '))) throw new Error(`${name}-${run.lang}: ${what} lacks ${re}`);
      log(`${path.relative(root, file)} ${Math.round(s.bytes / 1024)} KB`);
    };
    const quickInput = page.locator('.quick-input-widget');
    // "(3/9)" in English, "（3/9）" in Chinese (the total counts the questions the guideline adds).
    const step = async (n) => {
      await page.waitForFunction((k) => new RegExp(`[（(]${k}/\\d+[）)]`).test(document.querySelector('.quick-input-widget .quick-input-title')?.textContent ?? ''), n, { timeout: 30_000 });
    };
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(ws)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 120_000 });
    // Run the command from the palette (contributed: listed before the extension activates).
    for (let i = 0; ; i++) {
      await page.keyboard.press('F1');
      await quickInput.waitFor({ state: 'visible', timeout: 30_000 });
      await page.keyboard.type('CyberDossier: New dossier document');
      const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'New dossier document' }).first();
      if (await row.isVisible({ timeout: 5000 }).catch(() => false)) {
        await page.keyboard.press('Enter');
        break;
      }
      await page.keyboard.press('Escape');
      if (i > 20) throw new Error('the New dossier document command never appeared');
    }
    await step(1);
    await page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: 30_000 });
    await shot('new-document', [['the quick input', '.quick-input-widget', run.lang === 'zh' ? /NMPA|指导原则/ : /NMPA|guideline/i]]);
    await page.keyboard.press('Enter'); // the current guideline (first)
    await step(2);
    await page.keyboard.press('Enter'); // initial registration
    for (const [n, answer] of [[3, run.product], [4, 'PM-9000'], [5, null], [6, '2.1.0.3']]) {
      await step(n);
      if (answer === null) {
        await page.keyboard.press('ArrowDown'); // class II
      } else await page.keyboard.type(answer);
      await page.keyboard.press('Enter');
    }
    await step(7);
    await page.keyboard.press('Enter'); // the language offered first: the extension's
    await page.waitForFunction(() => !/[（(]\d+\/\d+[）)]/.test(document.querySelector('.quick-input-widget .quick-input-title')?.textContent ?? ''), undefined, { timeout: 30_000 });
    await page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: 30_000 });
    await page.keyboard.press('Enter'); // the first kind: the research report
    // The facts its catalogue depends on: the data types (several), the software safety level, the use of OTS software.
    await step(8);
    await page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: 30_000 });
    // A multi-select: tick sensitive medical data and device data (rows 1 and 3), then accept.
    const rows = page.locator('.quick-input-list .monaco-list-row');
    // (In a multi-select a click on a row toggles its checkbox.)
    for (const i of [0, 2]) await rows.nth(i).click();
    await page.keyboard.press('Enter');
    await step(9);
    await page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: 30_000 });
    await page.keyboard.press('ArrowDown'); // moderate
    await page.keyboard.press('Enter');
    await step(10);
    await page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: 30_000 });
    await page.keyboard.press('Enter'); // no OTS software
    // The save dialog (the workbench's simple dialog in a browser): the proposed name, accepted.
    await page.waitForFunction(() => /\.md$/.test(document.querySelector('.quick-input-widget input')?.value ?? ''), undefined, { timeout: 30_000 });
    await page.keyboard.press('Enter');
    await page.waitForSelector('.tab[aria-label*=".md"]', { timeout: 60_000 });
    await page.waitForFunction((t) => [...document.querySelectorAll('.pane-header')].some((h) => h.textContent.includes(t) && h.getAttribute('aria-expanded') === 'true'), run.checklist, { timeout: 60_000 });
    await page.waitForFunction(() => document.querySelectorAll('.pane-body .monaco-list-row').length > 3, undefined, { timeout: 60_000 });
    await shot('skeleton', [['the editor', '.editor-instance .view-lines', new RegExp(run.product.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))]]);

    await page.locator('#status\\.problems a, #status\\.problems').first().click();
    await page.waitForSelector('.markers-panel .monaco-list-row', { timeout: 60_000 });
    await page.waitForFunction((src) => new RegExp(src, 'i').test(document.querySelector('.markers-panel')?.innerText ?? ''), run.problems.source, { timeout: 60_000 });
    await shot('problems', [['the Problems panel', '.markers-panel', run.problems]]);

    // Hover on the first numbered heading of the skeleton.
    const heading = page.locator('.editor-instance .view-line', { hasText: /^##[ \u00a0]\d/ }).first();
    await heading.waitFor({ timeout: 30_000 });
    const box = await heading.boundingBox();
    await page.mouse.move(box.x + 40, box.y + box.height / 2);
    await page.waitForFunction((src) => [...document.querySelectorAll('.monaco-hover')].some((h) => h.offsetParent && new RegExp(src, 'i').test(h.innerText)), run.hover.source, { timeout: 30_000 });
    await shot('hover', [['the hover', '.monaco-hover:visible', run.hover]]);
  } catch (e) {
    if (ctx) await ctx.pages()[0]?.screenshot({ path: path.join(dir, 'failure.png') }).catch(() => {});
    fs.mkdirSync(path.join(root, 'build', 'e2e'), { recursive: true });
    if (fs.existsSync(path.join(dir, 'failure.png'))) fs.copyFileSync(path.join(dir, 'failure.png'), path.join(root, 'build', 'e2e', `screenshots-failure-${run.lang}.png`));
    throw e;
  } finally {
    await ctx?.close().catch(() => {});
    kill('SIGTERM');
    setTimeout(() => kill('SIGKILL'), 1500).unref();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

let failed = false;
for (const run of RUNS) {
  try {
    await photograph(run);
  } catch (e) {
    failed = true;
    console.error(`[screenshots] ${run.lang}: ${e.message}`);
  }
}
process.exit(failed ? 1 : 0);
