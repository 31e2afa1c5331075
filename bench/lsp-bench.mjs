// A generic LSP client for benchmarks: spawns a server over stdio, opens one document, measures
// open→diagnostics, types N single characters in the middle (incremental didChange) timing each
// edit→diagnostics (push with version, or a pull after each change), then completion and hover
// latency, and the server's RSS. Answers the requests VS Code's Markdown server makes of its client
// (markdown/parse with markdown-it, as VS Code's extension host does; fs requests from disk).
//   node lsp-bench.mjs --file DOC [--edits 30] [--mode push|pull] [--json out.json] -- <server cmd...>

import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-languageserver-protocol/node');
const { URI } = require('vscode-uri');
const MarkdownIt = require('markdown-it');

export async function lspBench({ file, edits = 30, mode = 'push', command, settings = {}, completionAt, hoverAt, rounds = 20, completeNotification }) {
  const proc = spawn(command[0], command.slice(1), { stdio: ['pipe', 'pipe', 'pipe'] });
  proc.stderr.on('data', () => {});
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  const md = new MarkdownIt();
  const uri = URI.file(file).toString();
  let text = fs.readFileSync(file, 'utf8');
  let version = 1;
  const waiters = [];
  let published = 0;
  let parses = 0;
  let completeVersion;
  let completeAt;
  let onComplete;
  conn.onNotification(completeNotification ?? '$/none', (p) => {
    if (p.uri === uri && p.complete && completeVersion === undefined) {
      completeVersion = p.version;
      completeAt = performance.now();
      onComplete?.();
    }
  });
  const rss = () => {
    try {
      return Math.round(Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${proc.pid}/status`, 'utf8'))[1]) / 1024);
    } catch {
      return undefined;
    }
  };
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    if (p.uri === uri) published++;
    for (const w of [...waiters]) if (p.uri === uri && (p.version === undefined || p.version >= w.version)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(p);
    }
  });
  conn.onNotification('window/logMessage', () => {});
  conn.onNotification('$/progress', () => {});
  conn.onRequest('workspace/configuration', (p) => p.items.map((i) => settings[i.section] ?? {}));
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onRequest('workspace/diagnostic/refresh', () => null);
  // VS Code's Markdown server asks the client to tokenize and to read the file system.
  conn.onRequest('markdown/parse', (p) => { parses++; return md.parse(p.text ?? (p.uri === uri ? text : fs.readFileSync(URI.parse(p.uri).fsPath, 'utf8')), {}); });
  conn.onRequest('markdown/fs/stat', (p) => {
    try {
      return { isDirectory: fs.statSync(URI.parse(p.uri).fsPath).isDirectory() };
    } catch {
      return undefined;
    }
  });
  conn.onRequest('markdown/fs/readFile', (p) => [...fs.readFileSync(URI.parse(p.uri).fsPath)]);
  conn.onRequest('markdown/fs/readDirectory', (p) => fs.readdirSync(URI.parse(p.uri).fsPath, { withFileTypes: true }).map((d) => [d.name, { isDirectory: d.isDirectory() }]));
  conn.onRequest('markdown/findMarkdownFilesInWorkspace', () => [uri]);
  conn.onRequest('markdown/fs/watcher/create', () => null);
  conn.onRequest('markdown/fs/watcher/delete', () => null);
  conn.listen();

  const rootUri = URI.file(path.dirname(file)).toString();
  const t0 = performance.now();
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'ws' }],
    locale: 'en',
    capabilities: {
      workspace: { configuration: true, workspaceFolders: true },
      textDocument: { publishDiagnostics: { versionSupport: true }, ...(mode === 'pull' ? { diagnostic: { dynamicRegistration: false } } : {}), completion: {}, hover: {} },
      window: { workDoneProgress: true },
    },
  });
  await conn.sendNotification('initialized', {});
  // Push-style settings too (VS Code's Markdown client sends them this way).
  await conn.sendNotification('workspace/didChangeConfiguration', { settings });
  const startupMs = performance.now() - t0;

  const diagnostics = async (v) => {
    if (mode === 'pull') return conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
    return new Promise((resolve) => waiters.push({ version: v, resolve }));
  };
  const t1 = performance.now();
  const first = diagnostics(1);
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  let firstResult = await first;
  // A pull answered before the server has read the document (nothing parsed yet) is not an answer.
  while (mode === 'pull' && parses === 0) firstResult = await diagnostics(1);
  const openMs = performance.now() - t1;
  // Complete: a server that answers fast first says when the full check is done
  // (cyberdossier/checked); otherwise the first answer is the complete one.
  if (completeVersion === undefined && completeNotification) await new Promise((r) => (onComplete = r));
  const openCompleteMs = (completeAt ?? performance.now()) - t1;
  const rssAfterOpenMb = rss();
  const diagnosticCount = mode === 'pull' ? firstResult.items.length : firstResult.diagnostics.length;

  const lines = text.split('\n');
  let line = Math.floor(lines.length / 2);
  while (line < lines.length - 1 && (lines[line].trim() === '' || lines[line].startsWith('|') || lines[line].startsWith('#'))) line++;
  const editMs = [];
  for (let i = 0; i < edits; i++) {
    version++;
    const ch = lines[line].length;
    const change = { range: { start: { line, character: ch }, end: { line, character: ch } }, text: 'x' };
    lines[line] += 'x';
    text = lines.join('\n');
    const t = performance.now();
    const wait = mode === 'push' ? diagnostics(version) : null;
    await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    await (wait ?? diagnostics(version));
    editMs.push(performance.now() - t);
  }

  const timeRequest = async (method, position) => {
    const out = [];
    for (let i = 0; i < rounds; i++) {
      const t = performance.now();
      try {
        await conn.sendRequest(method, { textDocument: { uri }, position });
      } catch {
        // A failing request still took this long.
      }
      out.push(performance.now() - t);
    }
    return out;
  };
  const completionMs = completionAt ? await timeRequest('textDocument/completion', completionAt(lines)) : [];
  const hoverMs = hoverAt ? await timeRequest('textDocument/hover', hoverAt(lines)) : [];
  const rssMb = rss();
  try {
    await Promise.race([conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
    await conn.sendNotification('exit');
  } catch {}
  conn.dispose();
  proc.kill();
  return { startupMs, openMs, openCompleteMs, rssAfterOpenMb, diagnosticCount, editMs, completionMs, hoverMs, rssMb };
}
