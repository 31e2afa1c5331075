// Soak (issue 5 §5): a long scripted editing session against the real language server over stdio.
//  1. 10 000 incremental edits over a generated 500 KB dossier — typing, deleting, pasting
//     paragraphs and table rows, adding and removing headings — waiting for the diagnostics of
//     the latest version after every burst of 10 edits, as an editor's debounce would.
//     Server RSS after the first 500 edits vs at the end must stay within 20 %.
//  2. 1 000 open/check/close cycles over 1 000 different files: RSS after the first 100 cycles vs
//     at the end within 20 %, and the engine's caches (cyberdossier/serverInfo) bounded.
//   node bench/soak.mjs [--edits 10000] [--cycles 1000] [--size 500k] [--json out.json] [--heap]
// --heap starts the server with --expose-gc and records the heap after a full GC at each sample.
// Exit 1 when a bound is exceeded. Figures are printed and, with --json, written.

import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { generate, parseSize } from './generate.mjs';

const require = createRequire(import.meta.url);
const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-languageserver-protocol/node');
const { URI } = require('vscode-uri');

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const EDITS = Number(arg('edits', 10_000));
const CYCLES = Number(arg('cycles', 1_000));
const SIZE = parseSize(arg('size', '500k'));
const BURST = 10;
const jsonOut = arg('json');

function rng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberdossier-soak-'));
fs.mkdirSync(path.join(dir, '.git'));
const diagnose = process.argv.includes('--heap');
// The flags VS Code starts the server with (client/src/extension.ts), plus any under trial.
const nodeFlags = ['--max-semi-space-size=4', ...(arg('node-flags', '').split(' ').filter(Boolean))];
const proc = spawn(process.execPath, [...nodeFlags, ...(diagnose ? ['--expose-gc'] : []), path.join(root, 'bin', 'cyberdossier-language-server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
let stderr = '';
proc.stderr.on('data', (d) => (stderr += d));
const conn = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
const waiters = [];
const errors = [];
conn.onNotification('textDocument/publishDiagnostics', (p) => {
  for (const w of [...waiters]) if (w.uri === p.uri && (p.version === undefined || p.version >= w.version)) {
    waiters.splice(waiters.indexOf(w), 1);
    w.resolve(p);
  }
});
conn.onNotification('window/logMessage', (p) => {
  if (p.type === 1) errors.push(p.message);
});
conn.onNotification('$/progress', () => {});
// A large change is first answered from the heading scan (complete: false); the soak waits for
// the complete check of each burst's last version, so every burst runs the whole engine.
const checkedWaiters = [];
conn.onNotification('cyberdossier/checked', (p) => {
  if (!p.complete) return;
  for (const w of [...checkedWaiters]) if (w.uri === p.uri && p.version >= w.version) {
    checkedWaiters.splice(checkedWaiters.indexOf(w), 1);
    w.resolve(p);
  }
});
const checked = (uri, version) => new Promise((resolve) => checkedWaiters.push({ uri, version, resolve }));
conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({})));
conn.onRequest('client/registerCapability', () => null);
conn.onRequest('window/workDoneProgress/create', () => null);
conn.listen();
const published = (uri, version) => new Promise((resolve) => waiters.push({ uri, version, resolve }));
const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${proc.pid}/status`, 'utf8'))[1]) / 1024;
const info = () => conn.sendRequest('cyberdossier/serverInfo');

const rootUri = URI.file(dir).toString();
await conn.sendRequest('initialize', {
  processId: process.pid,
  rootUri,
  workspaceFolders: [{ uri: rootUri, name: 'soak' }],
  locale: 'zh-CN',
  capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } }, window: { workDoneProgress: true } },
});
await conn.sendNotification('initialized', {});

// ---- 1. edits ------------------------------------------------------------------------------
const file = path.join(dir, 'cybersecurity-description.md');
let lines = generate(SIZE).split('\n');
fs.writeFileSync(file, lines.join('\n'));
const uri = URI.file(file).toString();
let version = 1;
const opened = checked(uri, 1);
await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text: lines.join('\n') } });
await opened;

const r = rng(7);
const pick = (a) => a[Math.floor(r() * a.length)];
const SNIPPETS = ['\n新增一段网络安全说明：采用 TLS 1.2 加密传输，见 REQ-001。\n', '| 新组件 | 标准版 | 1.2.3 | 某供应商 |', '\n### 临时小节\n\n待补充\n', 'x', '的', '数据'];
// A cursor that mostly stays where the user is typing and sometimes jumps elsewhere.
let cursor = Math.floor(lines.length / 2);
const bodyLine = () => {
  if (r() < 0.05) cursor = 5 + Math.floor(r() * (lines.length - 6));
  cursor = Math.min(Math.max(cursor, 5), lines.length - 1);
  while (cursor < lines.length - 1 && lines[cursor].startsWith('---')) cursor++;
  return cursor;
};
let size = lines.join('\n').length;
const target = size;
/** One edit as an incremental change, applied to our copy of the text too. */
function edit() {
  const kind = r();
  const l = bodyLine();
  const tooBig = size > target * 1.05;
  const tooSmall = size < target * 0.95;
  if (kind < 0.55) {
    // typing a character or word at the end of a line
    const t = pick(SNIPPETS.slice(3));
    const ch = lines[l].length;
    lines[l] += t;
    size += t.length;
    return { range: { start: { line: l, character: ch }, end: { line: l, character: ch } }, text: t };
  }
  if (kind < 0.75 && lines[l].length > 0) {
    // backspace
    const ch = lines[l].length;
    lines[l] = lines[l].slice(0, ch - 1);
    size -= 1;
    return { range: { start: { line: l, character: ch - 1 }, end: { line: l, character: ch } }, text: '' };
  }
  if ((kind < 0.9 && !tooBig) || tooSmall) {
    // paste a paragraph, a table row or a heading after a line
    const t = pick(SNIPPETS.slice(0, 3));
    size += t.length + 1;
    cursor = l + 1;
    const ch = lines[l].length;
    const added = `\n${t}`.split('\n');
    lines[l] += added[0];
    lines.splice(l + 1, 0, ...added.slice(1));
    return { range: { start: { line: l, character: ch }, end: { line: l, character: ch } }, text: `\n${t}` };
  }
  // delete a whole line (keeps the document near its size)
  size -= lines.splice(l, 1)[0].length + 1;
  return { range: { start: { line: l, character: 0 }, end: { line: l + 1, character: 0 } }, text: '' };
}

const samples = [];
const t0 = performance.now();
let rssAt500;
let worstWaitMs = 0;
for (let i = 1; i <= EDITS; i++) {
  version++;
  const change = edit();
  const last = i % BURST === 0 || i === EDITS;
  const wait = last ? checked(uri, version) : undefined;
  await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
  if (wait) {
    const tw = performance.now();
    await wait;
    worstWaitMs = Math.max(worstWaitMs, performance.now() - tw);
  }
  if (i === 500) rssAt500 = rssMb();
  if (i % 1000 === 0) {
    const heap = diagnose ? Math.round((await conn.sendRequest('cyberdossier/serverInfo', { gc: true })).heapUsedBytes / 1048576) : undefined;
    samples.push({ edits: i, rssMb: Math.round(rssMb()), heapAfterGcMb: heap, sizeKb: Math.round(Buffer.byteLength(lines.join('\n')) / 1024) });
    process.stderr.write(`  ${i} edits, RSS ${samples.at(-1).rssMb} MB\n`);
  }
}
const editSeconds = (performance.now() - t0) / 1000;
const rssEndEdits = rssMb();
// The text the server holds is ours: a stale or corrupted buffer would show up as a mismatch.
const finalText = lines.join('\n');
const infoAfterEdits = await info();
await conn.sendNotification('textDocument/didClose', { textDocument: { uri } });

// ---- 2. open/close cycles -----------------------------------------------------------------
const small = generate(parseSize('8k'), 3);
const t1 = performance.now();
let rssAt100;
for (let i = 1; i <= CYCLES; i++) {
  const f = path.join(dir, 'cycle', `doc-${i}.md`);
  const u = URI.file(f).toString();
  const p = checked(u, 1);
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: u, languageId: 'markdown', version: 1, text: `${small}\n\n附注 ${i}\n` } });
  await p;
  await conn.sendNotification('textDocument/didClose', { textDocument: { uri: u } });
  if (i === 100) rssAt100 = rssMb();
}
const cycleSeconds = (performance.now() - t1) / 1000;
const rssEndCycles = rssMb();
const infoEnd = await info();
await conn.sendRequest('shutdown');
await conn.sendNotification('exit');

const result = {
  edits: EDITS,
  sizeKb: Math.round(SIZE / 1024),
  finalSizeKb: Math.round(Buffer.byteLength(finalText) / 1024),
  editSeconds: Number(editSeconds.toFixed(1)),
  worstWaitMs: Math.round(worstWaitMs),
  rssAfter500EditsMb: Math.round(rssAt500),
  rssAfterAllEditsMb: Math.round(rssEndEdits),
  editGrowth: Number((rssEndEdits / rssAt500 - 1).toFixed(3)),
  samples,
  cachesAfterEdits: infoAfterEdits.caches,
  cycles: CYCLES,
  cycleSeconds: Number(cycleSeconds.toFixed(1)),
  rssAfter100CyclesMb: Math.round(rssAt100),
  rssAfterAllCyclesMb: Math.round(rssEndCycles),
  cycleGrowth: Number((rssEndCycles / rssAt100 - 1).toFixed(3)),
  cachesAfterCycles: infoEnd.caches,
  documentsOpenAtEnd: infoEnd.documents,
  serverErrors: errors.length,
};
console.log(JSON.stringify(result, null, 2));
if (jsonOut) fs.writeFileSync(jsonOut, JSON.stringify(result, null, 2));
fs.rmSync(dir, { recursive: true, force: true });

const failures = [];
if (result.editGrowth > 0.2) failures.push(`RSS grew ${(result.editGrowth * 100).toFixed(1)} % over the edits (bound 20 %)`);
if (result.cycleGrowth > 0.2) failures.push(`RSS grew ${(result.cycleGrowth * 100).toFixed(1)} % over the open/close cycles (bound 20 %)`);
if (infoEnd.caches.states > 2 || infoEnd.caches.files > 2) failures.push(`closed files still hold dossier states: ${JSON.stringify(infoEnd.caches)}`);
if (infoEnd.documents !== 0) failures.push(`${infoEnd.documents} documents still open`);
if (errors.length) failures.push(`the server logged ${errors.length} errors, first: ${errors[0]}`);
for (const f of failures) console.error(`soak: ${f}`);
process.exit(failures.length ? 1 : 0);
