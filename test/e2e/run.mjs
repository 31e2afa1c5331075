// End-to-end tests in real editors (../shared/guides/e2e.md): Neovim's LSP client; the VS Code
// server (code-server 4.139.1 = VS Code 1.139.1) driven by Debian chromium, running the
// extension-host test suite and photographing the Problems panel; the packaged .vsix installed
// into the VS Code server; and the HTML report in chromium. Everything installs itself
// (test/e2e/setup.sh, cached under .vscode-test/). Screenshots and logs go to build/e2e/.

import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';

import { cache, freePort, node24, profile, root, serverMain, sh } from './common.mjs';

const outDir = path.join(root, 'build', 'e2e');
const only = process.argv.slice(2);
fs.mkdirSync(outDir, { recursive: true });

const step = (name, fn) => ({ name, fn });
const log = (m) => console.log(`[e2e] ${m}`);

const playwright = () => createRequire(path.join(cache, 'tools', 'package.json'))('playwright-core');


/**
 * A per-run sandbox: its own HOME, XDG and TMP folders, a copy of the example workspace.
 * `trust`: Workspace Trust on (the folder opens in Restricted Mode, without the start-up prompt).
 */
function sandbox(name, { trust = false } = {}) {
  const box = profile(`cyberdossier-e2e-${name}-`, {
    'workbench.enableExperiments': false,
    'security.workspace.trust.enabled': trust,
    ...(trust ? { 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.banner': 'never' } : {}),
  });
  fs.cpSync(path.join(root, 'examples', 'nmpa-2017'), box.ws, { recursive: true });
  return { ...box, trust };
}

async function startServer(box, port, extraArgs = []) {
  const args = [
    serverMain,
    '--host', '127.0.0.1', '--port', String(port), '--without-connection-token', '--accept-server-license-terms',
    ...(box.trust ? [] : ['--disable-workspace-trust']), '--telemetry-level', 'off',
    '--server-data-dir', path.join(box.dir, 'data'), '--user-data-dir', path.join(box.dir, 'ud'), '--extensions-dir', path.join(box.dir, 'exts'),
    ...extraArgs,
  ];
  const logFile = fs.openSync(path.join(box.dir, 'server.log'), 'w');
  const proc = spawn(node24, args, { env: box.env, detached: true, stdio: ['ignore', logFile, logFile] });
  const kill = () => {
    try {
      process.kill(-proc.pid, 'SIGTERM');
    } catch {}
    setTimeout(() => {
      try {
        process.kill(-proc.pid, 'SIGKILL');
      } catch {}
    }, 1500).unref();
  };
  for (let i = 0; i < 300; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/`).then((r) => r.ok).catch(() => false);
    if (ok) return { proc, kill };
    await new Promise((r) => setTimeout(r, 200));
  }
  kill();
  throw new Error(`VS Code server did not start: ${fs.readFileSync(path.join(box.dir, 'server.log'), 'utf8').slice(-2000)}`);
}

async function browser(box) {
  const { chromium } = playwright();
  const profile = path.join(box.dir, 'chromium');
  return chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    env: { ...box.env, HOME: profile },
    headless: true,
    viewport: { width: 1500, height: 950 },
    locale: 'zh-CN',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=zh-CN'],
  });
}

/** Expected diagnostics for the in-host suite: the CLI's, on the same files. */
function cliExpectations(ws) {
  const out = spawnSync(process.execPath, [path.join(root, 'bin', 'cyberdossier.js'), 'check', 'monitor-with-mistakes/description.md', '--format', 'json'], { cwd: ws, encoding: 'utf8' }).stdout;
  return Object.fromEntries(JSON.parse(out).files.map((f) => [f.path, f.diagnostics]));
}

const steps = [
  step('setup (idempotent, cached)', async () => sh('bash', [path.join(root, 'test', 'e2e', 'setup.sh')])),
  step('Neovim LSP client', async () => sh(process.execPath, ['--test', path.join(root, 'test', 'e2e', 'nvim.test.mjs')])),
  // The HTML report in chromium, offline, photographed (build/e2e/report.png, report-en.png).
  step('HTML report in chromium (no network, screenshot)', async () => sh(process.execPath, [path.join(root, 'test', 'e2e', 'report-screenshot.mjs')])),
  step('VS Code extension-host tests', async () => {
    const box = sandbox('host');
    const expectedFile = path.join(box.dir, 'expected.json');
    fs.writeFileSync(expectedFile, JSON.stringify(cliExpectations(box.ws)));
    const resultFile = path.join(outDir, 'extension-host-results.txt');
    fs.rmSync(resultFile, { force: true });
    box.env.EXPECTED_FILE = expectedFile;
    box.env.E2E_RESULT_FILE = resultFile;
    box.env.E2E_READY_FILE = path.join(box.dir, 'ready');
    box.env.E2E_SHOT_FILE = path.join(box.dir, 'shot');
    const port = await freePort();
    const server = await startServer(box, port, ['--enable-smoke-test-driver']);
    const ctx = await browser(box);
    try {
      const auth = `127.0.0.1:${port}`;
      const payload = JSON.stringify([
        ['extensionDevelopmentPath', `vscode-remote://${auth}${root}`],
        ['extensionTestsPath', `vscode-remote://${auth}${path.join(root, 'test', 'e2e', 'vscode', 'index.js')}`],
      ]);
      const page = ctx.pages()[0] ?? (await ctx.newPage());
      page.on('console', (m) => fs.appendFileSync(path.join(outDir, 'extension-host-console.txt'), `[${m.type()}] ${m.text()}\n`));
      let exit;
      const exited = new Promise((r) => (exit = r));
      await page.exposeFunction('codeAutomationExit', (code) => exit(code));
      await page.goto(`http://${auth}/?folder=${encodeURIComponent(box.ws)}&payload=${encodeURIComponent(payload)}`);
      // The suite opens the Problems panel and waits for the screenshot before it ends.
      const shot = (async () => {
        while (!fs.existsSync(box.env.E2E_READY_FILE)) await new Promise((r) => setTimeout(r, 100));
        await page.waitForFunction(() => /D3\.7|TODO|placeholder/.test(document.querySelector('.markers-panel')?.innerText ?? ''), undefined, { timeout: 60_000 }).catch(async (e) => {
          await page.screenshot({ path: path.join(outDir, 'problems-panel-failure.png') });
          fs.writeFileSync(path.join(outDir, 'problems-panel-failure.txt'), await page.locator('.markers-panel').innerText().catch(() => '(no markers panel)'));
          throw e;
        });
        fs.writeFileSync(path.join(outDir, 'problems-panel.txt'), await page.locator('.markers-panel').innerText());
        await page.screenshot({ path: path.join(outDir, 'problems-panel.png') });
        fs.writeFileSync(box.env.E2E_SHOT_FILE, 'done');
      })();
      const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), 360_000))]);
      await Promise.race([shot, new Promise((r) => setTimeout(r, 1000))]);
      if (!fs.existsSync(path.join(outDir, 'problems-panel.png'))) throw new Error('no screenshot of the Problems panel');
      const results = fs.existsSync(resultFile) ? fs.readFileSync(resultFile, 'utf8') : '(no result file)';
      console.log(results);
      if (code !== 0) throw new Error(`extension-host tests failed (exit ${code}); see build/e2e/`);
    } finally {
      await ctx.close().catch(() => {});
      server.kill();
      fs.cpSync(path.join(box.dir, 'server.log'), path.join(outDir, 'extension-host-server.log'));
      fs.rmSync(box.dir, { recursive: true, force: true });
    }
  }),
  // Issue 14: Workspace Trust on, the folder not trusted (Restricted Mode). The suite
  // (test/e2e/vscode/restricted.js) opens the Workspace Trust editor when it is ready for trust to
  // be granted; this launcher then clicks its Trust button, as a person would.
  step('VS Code extension-host tests, Restricted Mode (workspace not trusted, then trusted)', async () => {
    const box = sandbox('restricted', { trust: true });
    const monitor = path.join(box.ws, 'monitor');
    fs.writeFileSync(path.join(monitor, '.cyberdossierrc.yaml'), "locale: en\nsbom: bom.json\nids:\n  test: ['VT-\\d+']\n");
    fs.writeFileSync(path.join(monitor, 'bom.json'), JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.5', components: [{ type: 'library', name: 'zlib', version: '1.3.1', supplier: { name: 'zlib' } }] }));
    fs.mkdirSync(path.join(box.ws, '.vscode'), { recursive: true });
    fs.writeFileSync(path.join(box.ws, '.vscode', 'settings.json'), JSON.stringify({ 'cyberdossier.ids': { test: ['VT-\\d+'] } }));
    const resultFile = path.join(outDir, 'restricted-mode-results.txt');
    fs.rmSync(resultFile, { force: true });
    box.env.E2E_RESULT_FILE = resultFile;
    box.env.E2E_TRUST_FILE = path.join(box.dir, 'trust-ready');
    const port = await freePort();
    const server = await startServer(box, port, ['--enable-smoke-test-driver']);
    const ctx = await browser(box);
    try {
      const auth = `127.0.0.1:${port}`;
      const payload = JSON.stringify([
        ['extensionDevelopmentPath', `vscode-remote://${auth}${root}`],
        ['extensionTestsPath', `vscode-remote://${auth}${path.join(root, 'test', 'e2e', 'vscode', 'restricted.js')}`],
      ]);
      const page = ctx.pages()[0] ?? (await ctx.newPage());
      page.on('console', (m) => fs.appendFileSync(path.join(outDir, 'restricted-mode-console.txt'), `[${m.type()}] ${m.text()}\n`));
      let exit;
      const exited = new Promise((r) => (exit = r));
      await page.exposeFunction('codeAutomationExit', (code) => exit(code));
      await page.goto(`http://${auth}/?folder=${encodeURIComponent(box.ws)}&payload=${encodeURIComponent(payload)}`);
      const trust = (async () => {
        while (!fs.existsSync(box.env.E2E_TRUST_FILE)) await new Promise((r) => setTimeout(r, 100));
        const button = page.locator('.workspace-trust-editor .workspace-trust-buttons-row .monaco-button', { hasText: /^Trust$/ }).first();
        await button.waitFor({ timeout: 60_000 });
        await page.screenshot({ path: path.join(outDir, 'restricted-mode-trust-editor.png') });
        await button.click();
      })();
      const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), 240_000))]);
      await Promise.race([trust.catch((e) => log(`trust click: ${e.message}`)), new Promise((r) => setTimeout(r, 1000))]);
      const results = fs.existsSync(resultFile) ? fs.readFileSync(resultFile, 'utf8') : '(no result file)';
      console.log(results);
      if (code !== 0) {
        await page.screenshot({ path: path.join(outDir, 'restricted-mode-failure.png') }).catch(() => {});
        throw new Error(`Restricted Mode tests failed (exit ${code}); see build/e2e/`);
      }
    } finally {
      await ctx.close().catch(() => {});
      server.kill();
      fs.cpSync(path.join(box.dir, 'server.log'), path.join(outDir, 'restricted-mode-server.log'));
      fs.rmSync(box.dir, { recursive: true, force: true });
    }
  }),
  step('the .vsix installs into the VS Code server and works from there', async () => {
    sh(process.execPath, [path.join(root, 'scripts', 'package.mjs')], { cwd: root });
    const vsix = fs.readdirSync(path.join(root, 'build')).filter((f) => f.endsWith('.vsix')).map((f) => path.join(root, 'build', f))[0];
    const box = sandbox('vsix');
    sh(node24, [serverMain, '--install-extension', vsix, '--extensions-dir', path.join(box.dir, 'exts'), '--server-data-dir', path.join(box.dir, 'data'), '--user-data-dir', path.join(box.dir, 'ud')], { env: box.env });
    const installed = fs.readdirSync(path.join(box.dir, 'exts')).filter((d) => d.startsWith('cyberdossier.cyberdossier-'));
    if (!installed.length) throw new Error('the extension was not installed');
    const port = await freePort();
    const server = await startServer(box, port);
    const ctx = await browser(box);
    try {
      const page = ctx.pages()[0] ?? (await ctx.newPage());
      await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(box.ws)}`);
      await page.waitForSelector('.monaco-workbench', { timeout: 120_000 });
      // Open the example description through Quick Open, then the Problems panel.
      await page.keyboard.press('Control+P');
      await page.keyboard.type('monitor-with-mistakes/description.md');
      await page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: 60_000 });
      await page.keyboard.press('Enter');
      await page.waitForSelector('.tab[aria-label*="description.md"]', { timeout: 60_000 });
      await page.locator('#status\\.problems a, #status\\.problems').first().click();
      await page.waitForSelector('.markers-panel', { timeout: 60_000 });
      await page.waitForFunction(() => /D3\.7/.test(document.querySelector('.markers-panel')?.innerText ?? ''), undefined, { timeout: 120_000 });
      const text = await page.locator('.markers-panel').innerText();
      fs.writeFileSync(path.join(outDir, 'vsix-problems.txt'), text);
      await page.screenshot({ path: path.join(outDir, 'vsix-problems-panel.png') });
      for (const must of ['D3.7', 'SR-007', 'TODO', 'missing-section']) if (!text.includes(must)) throw new Error(`Problems panel lacks ${must}:\n${text}`);
      log(`Problems panel from the installed .vsix:\n${text.split('\n').slice(0, 12).join('\n')}`);
    } finally {
      await ctx.close().catch(() => {});
      server.kill();
      fs.cpSync(path.join(box.dir, 'server.log'), path.join(outDir, 'vsix-server.log'));
      fs.rmSync(box.dir, { recursive: true, force: true });
    }
  }),
];

let failed = 0;
for (const s of steps) {
  if (only.length && !only.some((o) => s.name.includes(o))) continue;
  const t = Date.now();
  log(`▶ ${s.name}`);
  try {
    await s.fn();
    log(`✔ ${s.name} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
  } catch (e) {
    failed++;
    log(`✘ ${s.name}: ${e.message}`);
  }
}
process.exit(failed ? 1 : 0);
