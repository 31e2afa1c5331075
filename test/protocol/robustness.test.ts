// Malformed and out-of-order LSP traffic leaves the server serving (issue 5 §4). Each case is
// followed by proof of life: a fresh document still gets its diagnostics.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CancellationTokenSource } from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { startServer, type TestClient } from './client';

const ROOT = path.join(__dirname, '..', '..');
let ws: string;
let c: TestClient;
let n = 0;
const exampleText = () => fs.readFileSync(path.join(ROOT, 'examples', 'nmpa-2017', 'monitor-with-mistakes', 'description.md'), 'utf8');

beforeAll(async () => {
  ws = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberdossier-robust-'));
  fs.mkdirSync(path.join(ws, '.git'));
  c = await startServer({ root: ws });
});
afterAll(async () => {
  await c.close();
  fs.rmSync(ws, { recursive: true, force: true });
});

/** The server still answers a request and checks a newly opened document. */
async function alive(): Promise<void> {
  const file = path.join(ws, `alive-${++n}.md`);
  const uri = await c.open(file, exampleText());
  const p = await c.diagnostics(uri);
  expect(p.diagnostics.length).toBeGreaterThan(0);
  expect(c.proc.exitCode).toBeNull();
}

const inside = (text: string, r: { start: { line: number; character: number }; end: { line: number; character: number } }) => {
  const lines = text.split('\n');
  for (const p of [r.start, r.end]) {
    expect(p.line).toBeLessThan(lines.length);
    expect(p.character).toBeLessThanOrEqual(lines[p.line].length);
  }
};

describe('out-of-order and malformed traffic', () => {
  test('didChange and didClose for a document that was never opened', async () => {
    const uri = URI.file(path.join(ws, 'never-opened.md')).toString();
    await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 7 }, contentChanges: [{ text: '# x' }] });
    await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await alive();
  });

  test('a version going backwards: the latest text wins, nothing crashes', async () => {
    const file = path.join(ws, 'backwards.md');
    const text = exampleText();
    const uri = await c.open(file, text);
    await c.diagnostics(uri, (p) => p.version === 1);
    c.change(uri, 9, text);
    await c.diagnostics(uri, (p) => p.version === 9);
    const shorter = text.split('\n').slice(0, 12).join('\n');
    c.change(uri, 3, shorter);
    const p = await c.diagnostics(uri, (x) => x.version === 3);
    for (const d of p.diagnostics) inside(shorter, d.range);
    await alive();
  });

  test('incremental changes with ranges past the end of the document are clamped', async () => {
    const file = path.join(ws, 'ranges.md');
    const text = exampleText();
    const uri = await c.open(file, text);
    await c.diagnostics(uri);
    await c.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [
        { range: { start: { line: 10_000, character: 0 }, end: { line: 20_000, character: 5 } }, text: '\n\n## 9 附加\n\n内容\n' },
        { range: { start: { line: 0, character: 999 }, end: { line: 0, character: 1_000 } }, text: '' },
        { range: { start: { line: 5, character: 0 }, end: { line: 2, character: 0 } }, text: '' }, // start after end
      ],
    });
    const p = await c.diagnostics(uri, (x) => x.version === 2);
    expect(p.diagnostics.length).toBeGreaterThan(0);
    await alive();
  });

  test('an unknown request gets MethodNotFound; an unknown notification is ignored', async () => {
    await expect(c.conn.sendRequest('cyberdossier/noSuchThing', { x: 1 })).rejects.toMatchObject({ code: -32601 });
    await c.conn.sendNotification('cyberdossier/noSuchNotification', { x: 1 });
    await c.conn.sendNotification('$/noSuchThing');
    await alive();
  });

  // An answer, or a refusal of the parameters: never a handler that crashed (InternalError).
  const notCrashed = (method: string) => (e: { code?: number }) => expect(e.code, method).not.toBe(-32603);
  test('requests with missing or absurd parameters answer empty, never crash', async () => {
    const uri = URI.file(path.join(ws, 'not-open.md')).toString();
    const far = { line: 1e9, character: -5 };
    expect(await c.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: far })).toBeNull();
    const open = await c.open(path.join(ws, 'absurd.md'), exampleText());
    await c.diagnostics(open);
    for (const method of ['textDocument/hover', 'textDocument/completion', 'textDocument/definition', 'textDocument/references']) {
      await c.conn.sendRequest(method, { textDocument: { uri: open }, position: far, context: { includeDeclaration: true } }).catch(notCrashed(method));
      await c.conn.sendRequest(method, {}).catch(notCrashed(method));
      await c.conn.sendRequest(method, null).catch(notCrashed(method));
    }
    await c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: open }, range: { start: far, end: far }, context: { diagnostics: [{ range: { start: far, end: far }, message: 'x', code: 'missing-section', data: { requirement: 'Z9' } }] } }).catch(notCrashed('codeAction'));
    await c.conn.sendRequest('cyberdossier/status', { uri: 'not a uri' }).catch(notCrashed('status'));
    await c.conn.sendRequest('cyberdossier/skeleton', { kind: 'nonsense', lang: 'xx' }).catch(notCrashed('skeleton'));
    await alive();
  });

  test('a request cancelled before it is answered', async () => {
    const open = await c.open(path.join(ws, 'cancel.md'), exampleText());
    await c.diagnostics(open);
    const results: unknown[] = [];
    for (let i = 0; i < 20; i++) {
      const source = new CancellationTokenSource();
      const pending = c.conn.sendRequest('textDocument/completion', { textDocument: { uri: open }, position: { line: 3, character: 0 } }, source.token);
      source.cancel();
      results.push(await pending.then((r) => (r ? 'answered' : 'empty'), (e: { code?: number }) => e.code));
    }
    // Each is either answered or reported cancelled (-32800); nothing hangs.
    for (const r of results) expect(['answered', 'empty', -32800]).toContain(r);
    await alive();
  });

  test('a document opened twice, and closed twice', async () => {
    const file = path.join(ws, 'twice.md');
    const uri = await c.open(file, exampleText());
    await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: '# 重复' } });
    await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await alive();
  });

  test('messages that are not JSON, not an object, or not a valid request', async () => {
    const stdin = c.proc.stdin!;
    // (A lying Content-Length cannot be tested: LSP framing has no way to resynchronise.)
    for (const body of ['{this is not json', '[]', 'null', '42', '{"jsonrpc":"2.0","id":"x","method":5,"p":1}', '{"jsonrpc":"2.0","method":"textDocument/didOpen","params":"oops"}', '{"jsonrpc":"2.0","id":7}', '\u0000\u0001\u0002'])
      stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    await alive();
  });
});
