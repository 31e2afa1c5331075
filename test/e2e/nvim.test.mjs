// Neovim's built-in LSP client (Debian neovim, headless) starts the standalone server over stdio
// and reports the same diagnostics for an example dossier as the CLI.
import { test } from 'node:test';
import assert from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const SERVER = path.join(root, 'bin', 'cyberdossier-language-server.js');
const INIT = path.join(root, 'test', 'e2e', 'nvim', 'init.lua');

function workspace() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nvim-e2e-'));
  fs.mkdirSync(path.join(tmp, 'ws', '.git'), { recursive: true });
  fs.cpSync(path.join(root, 'examples', 'nmpa-2017'), path.join(tmp, 'ws'), { recursive: true });
  return tmp;
}

function runNvim(tmp, rel, extraEnv = {}) {
  const out = path.join(tmp, 'diags.json');
  const env = { ...process.env, LSP_SERVER: SERVER, NODE_BIN: process.execPath, OUT: out, ...extraEnv, XDG_CONFIG_HOME: tmp, XDG_DATA_HOME: tmp, XDG_STATE_HOME: tmp, XDG_CACHE_HOME: tmp };
  try {
    execFileSync('nvim', ['--headless', '-n', '-i', 'NONE', '-u', INIT, rel], { cwd: path.join(tmp, 'ws'), env, timeout: 60000, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    throw new Error(`nvim failed (${e.status}): ${fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : e.stderr}`);
  }
  return JSON.parse(fs.readFileSync(out, 'utf8'));
}

function cli(tmp, rel) {
  // Exit 1 (errors found) is expected; the JSON is on stdout.
  const out = spawnSync(process.execPath, [path.join(root, 'bin', 'cyberdossier.js'), 'check', rel, '--format', 'json'], { cwd: path.join(tmp, 'ws'), encoding: 'utf8' }).stdout;
  return JSON.parse(out).files.find((f) => f.path === rel).diagnostics;
}

const SEV = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

test('Neovim reports the same diagnostics as the CLI for the example dossier with mistakes', () => {
  const tmp = workspace();
  try {
    const rel = 'monitor-with-mistakes/description.md';
    const r = runNvim(tmp, rel);
    const fromNvim = r.initial.map((d) => [d.lnum, d.col, d.end_lnum, d.end_col, SEV[d.severity], d.code, d.source]);
    // Neovim counts columns in bytes; LSP (and the CLI's JSON) in UTF-16 code units.
    const lines = fs.readFileSync(path.join(tmp, 'ws', rel), 'utf8').split('\n');
    const bytes = (line, ch) => Buffer.byteLength((lines[line] ?? '').slice(0, ch), 'utf8');
    const fromCli = cli(tmp, rel).map((d) => [d.range.start.line, bytes(d.range.start.line, d.range.start.character), d.range.end.line, bytes(d.range.end.line, d.range.end.character), d.severity, d.code, 'cyberdossier']);
    assert.ok(fromCli.length >= 10, 'the example has findings');
    assert.deepStrictEqual(fromNvim, fromCli);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

test('Neovim: diagnostics follow an edit (didChange, incremental sync)', () => {
  const tmp = workspace();
  try {
    const rel = 'monitor-with-mistakes/description.md';
    const lines = fs.readFileSync(path.join(tmp, 'ws', rel), 'utf8').split('\n');
    const line = lines.findIndex((l) => l.startsWith('TODO'));
    const r = runNvim(tmp, rel, { EDIT_LINE: String(line), EDIT_TEXT: '第三方测试报告编号 PM9000-CS-TR-2024-03。' });
    assert.ok(r.initial.some((d) => d.code === 'placeholder'));
    assert.ok(!r.after_edit.some((d) => d.code === 'placeholder'));
    assert.strictEqual(r.after_edit.length, r.initial.length - 1);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
