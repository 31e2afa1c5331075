// The language server wired in-process (server/src/lsp/server.ts + handlers/): a stand-in
// connection records the handler each family registers, then a short session runs through them
// — initialize, open a document of the nmpa-2017 example with mistakes, its pushed findings,
// completion, hover, code actions, status, the workspace check — to show the registry loses no
// request and the families read the same shared state.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CompletionItem, Connection, Diagnostic, Hover } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { DossierServer } from '../../server/src/lsp/server';
import { CheckedNotification, CheckWorkspaceRequest, KindsRequest, StatusRequest } from '../../server/src/shared/protocol';

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberdossier-handlers-'));
  fs.mkdirSync(path.join(tmp, '.git'));
  fs.cpSync(path.join(__dirname, '..', '..', 'examples', 'nmpa-2017'), tmp, { recursive: true });
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

type Handler = (...a: unknown[]) => unknown;

/** A connection that records every `onX(handler)` and `onRequest(type, handler)`, and what is sent. */
function recordingConnection() {
  const handlers = new Map<string, Handler[]>();
  const sent: { diagnostics: { uri: string; version?: number; diagnostics: Diagnostic[] }[]; notifications: { type: unknown; params: unknown }[]; logs: string[] } = { diagnostics: [], notifications: [], logs: [] };
  const on = (name: string) => (a: unknown, b?: unknown) => {
    const key = typeof a === 'function' ? name : `${name} ${typeof a === 'string' ? a : (a as { method: string }).method}`;
    handlers.set(key, [...(handlers.get(key) ?? []), (typeof a === 'function' ? a : b) as Handler]);
    return { dispose: () => undefined };
  };
  const target: Record<string, unknown> = {
    console: { log: (m: string) => sent.logs.push(m), error: (m: string) => sent.logs.push(`error ${m}`) },
    sendDiagnostics: async (p: (typeof sent.diagnostics)[number]) => void sent.diagnostics.push(p),
    sendNotification: async (type: unknown, params: unknown) => void sent.notifications.push({ type, params }),
    languages: { diagnostics: { on: on('languages.diagnostics.on'), onWorkspace: on('languages.diagnostics.onWorkspace'), refresh: async () => undefined } },
    workspace: { onDidChangeWorkspaceFolders: on('workspace.onDidChangeWorkspaceFolders'), getConfiguration: async (items: unknown[]) => items.map(() => ({})) },
    client: { register: async () => ({ dispose: () => undefined }) },
    window: { createWorkDoneProgress: async () => ({ begin: () => undefined, report: () => undefined, done: () => undefined }) },
  };
  const connection = new Proxy(target, { get: (t, k: string) => (k in t ? t[k] : k.startsWith('on') ? on(k) : undefined) }) as unknown as Connection;
  const call = async (key: string, ...args: unknown[]) => {
    const hs = handlers.get(key);
    if (!hs) throw new Error(`no handler for ${key}`);
    return hs[0](...args, { isCancellationRequested: false, onCancellationRequested: () => ({ dispose: () => undefined }) });
  };
  return { connection, handlers, sent, call };
}

describe('the handler registry', () => {
  const rec = recordingConnection();
  const dir = () => path.join(tmp, 'monitor-with-mistakes');
  const ifu = () => path.join(dir(), 'instructions-for-use.md');

  beforeAll(() => {
    new DossierServer(rec.connection, { debounceMs: 10 });
  });

  test('every request is registered once', () => {
    const keys = [...rec.handlers.keys()];
    expect(keys.filter((k) => rec.handlers.get(k)!.length > 1)).toEqual([]);
    expect(keys).toEqual(
      expect.arrayContaining([
        'onInitialize',
        'onInitialized',
        'onNotification cyberdossier/didChangeTrust',
        'onDidChangeConfiguration',
        'onDidChangeWatchedFiles',
        'onCompletion',
        'onHover',
        'onCodeAction',
        'onCodeActionResolve',
        'onDefinition',
        'onReferences',
        'languages.diagnostics.on',
        'languages.diagnostics.onWorkspace',
        `onRequest ${StatusRequest}`,
        `onRequest ${KindsRequest}`,
        `onRequest ${CheckWorkspaceRequest}`,
        'onRequest cyberdossier/checklist',
        'onRequest cyberdossier/migrate',
        'onRequest cyberdossier/exportDocx',
        // TextDocuments.listen, last
        'onDidOpenTextDocument',
        'onDidChangeTextDocument',
        'onDidCloseTextDocument',
      ]),
    );
  });

  test('a session through the families: initialize, open, findings pushed, completion, hover, code actions, status, workspace check', async () => {
    const init = (await rec.call('onInitialize', { processId: 1, rootUri: null, locale: 'en', workspaceFolders: [{ uri: URI.file(tmp).toString(), name: 't' }], capabilities: {} })) as { capabilities: Record<string, unknown> };
    expect(init.capabilities.diagnosticProvider).toBeUndefined(); // no pull capability: push
    await rec.call('onInitialized', {});
    const uri = URI.file(ifu()).toString();
    const text = fs.readFileSync(ifu(), 'utf8');
    await rec.call('onDidOpenTextDocument', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const checked = async (version: number) => {
      const start = Date.now();
      const done = () => rec.sent.notifications.some((n) => n.type === CheckedNotification && (n.params as { version: number; complete: boolean }).version === version);
      while (!done() && Date.now() - start < 10_000) await new Promise((r) => setTimeout(r, 10));
    };
    await checked(1);
    const pushed = rec.sent.diagnostics.filter((d) => d.uri === uri).at(-1)!;
    expect(pushed.version).toBe(1);
    expect(pushed.diagnostics.map((d) => `${d.range.start.line + 1} ${d.code}`)).toEqual(['4 missing-section', '19 placeholder']);
    expect(pushed.diagnostics[0]).toMatchObject({ source: 'cyberdossier', codeDescription: { href: expect.stringContaining('missing-section') } });

    // Completion at a new heading typed at the end: the catalogue's headings.
    const lines = text.split('\n');
    await rec.call('onDidChangeTextDocument', { textDocument: { uri, version: 2 }, contentChanges: [{ text: `${text}\n## ` }] });
    const completion = (await rec.call('onCompletion', { textDocument: { uri }, position: { line: lines.length, character: 3 } })) as CompletionItem[] | { items: CompletionItem[] } | null;
    const items = Array.isArray(completion) ? completion : (completion?.items ?? []);
    expect(items.length).toBeGreaterThan(0);
    await rec.call('onDidChangeTextDocument', { textDocument: { uri, version: 3 }, contentChanges: [{ text }] });
    await checked(3);
    // Hover on the first section heading (运行环境) explains its requirement.
    const headingLine = lines.findIndex((l) => l.startsWith('## '));
    const h = (await rec.call('onHover', { textDocument: { uri }, position: { line: headingLine, character: 3 } })) as Hover | null;
    expect(JSON.stringify(h?.contents ?? '')).toMatch(/I1\.1|运行环境/);
    // The quick fixes of the pushed findings.
    const actions = (await rec.call('onCodeAction', { textDocument: { uri }, range: pushed.diagnostics[0].range, context: { diagnostics: pushed.diagnostics } })) as { title: string; kind: string }[];
    expect(actions.some((a) => a.kind === 'quickfix')).toBe(true);
    // Status counts the pushed findings.
    const status = (await rec.call(`onRequest ${StatusRequest}`, { uri })) as { errors: number; warnings: number } | null;
    expect(status).toMatchObject({ errors: 1, warnings: 1 });
    // The workspace check: both dossiers of the folder, the closed ones published too.
    const summary = (await rec.call(`onRequest ${CheckWorkspaceRequest}`)) as { files: number; errors: number };
    expect(summary.files).toBeGreaterThan(5);
    expect(summary.errors).toBeGreaterThan(1);
    expect(new Set(rec.sent.diagnostics.map((d) => d.uri)).size).toBeGreaterThan(3);
    // An unknown document: neutral answers, nothing thrown.
    const none = URI.file(path.join(tmp, 'none.md')).toString();
    expect(await rec.call('onHover', { textDocument: { uri: none }, position: { line: 0, character: 0 } })).toBeNull();
    expect(await rec.call('onCodeAction', { textDocument: { uri: none }, range: pushed.diagnostics[0].range, context: { diagnostics: [] } })).toEqual([]);
    expect(rec.sent.logs.filter((l) => l.startsWith('error'))).toEqual([]);
  });
});
