// A minimal LSP client for protocol tests: spawns the bundled server over stdio and records what
// it publishes. Tests wait on events (published diagnostics), never on sleeps.

import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type InitializeResult,
  type ClientCapabilities,
  type Registration,
  type RegistrationParams,
} from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';

export const SERVER = path.join(__dirname, '..', '..', 'bin', 'cyberdossier-language-server.js');

export interface TestClient {
  conn: ProtocolConnection;
  proc: ChildProcess;
  init: InitializeResult;
  published: PublishDiagnosticsParams[];
  /** `workspace/diagnostic/refresh` requests received so far (a pull client). */
  refreshes: number;
  /** Resolves at the first refresh request numbered above `since`. */
  refreshed(since: number, timeoutMs?: number): Promise<void>;
  /** Resolves when the server reports a complete check of `uri` at `version` (`cyberdossier/checked`). */
  checked(uri: string, version: number, timeoutMs?: number): Promise<void>;
  logs: string[];
  /** Every registration the server asked for (`client/registerCapability`), in order. */
  registrations: Registration[];
  /** IDs of the registrations the server withdrew (`client/unregisterCapability`). */
  unregistered: string[];
  /** Resolves with the first registration of `method` that satisfies `pred` (past or future). */
  registered(method: string, pred?: (r: Registration) => boolean, timeoutMs?: number): Promise<Registration>;
  /** Resolves with the first publication for `uri` that satisfies `pred` (after `since`). */
  diagnostics(uri: string, pred?: (p: PublishDiagnosticsParams) => boolean, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  open(file: string, text: string, languageId?: string): Promise<string>;
  change(uri: string, version: number, text: string): void;
  close(): Promise<void>;
}

export async function startServer(opts: {
  root: string;
  capabilities?: ClientCapabilities;
  initializationOptions?: unknown;
  settings?: unknown;
  locale?: string;
  /** Extra Node options (e.g. a --require preload) and environment for the server process. */
  execArgv?: string[];
  env?: Record<string, string>;
}): Promise<TestClient> {
  const proc = spawn(process.execPath, [...(opts.execArgv ?? []), SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...opts.env } });
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const published: PublishDiagnosticsParams[] = [];
  const logs: string[] = [];
  const waiters: { uri: string; pred: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.push(p);
    for (const w of [...waiters]) {
      if (w.uri === p.uri && w.pred(p)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(p);
      }
    }
  });
  conn.onNotification('window/logMessage', (p: { message: string }) => void logs.push(p.message));
  const checked = new Set<string>();
  const checkWaiters = new Map<string, () => void>();
  conn.onNotification('cyberdossier/checked', (p: { uri: string; version: number; complete: boolean }) => {
    if (!p.complete) return;
    const key = `${p.version} ${p.uri}`;
    checked.add(key);
    checkWaiters.get(key)?.();
  });
  let refreshes = 0;
  const refreshWaiters: { since: number; resolve: () => void }[] = [];
  conn.onRequest('workspace/diagnostic/refresh', () => {
    refreshes++;
    for (const w of refreshWaiters.filter((x) => refreshes > x.since)) {
      refreshWaiters.splice(refreshWaiters.indexOf(w), 1);
      w.resolve();
    }
    return null;
  });
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => opts.settings ?? {}));
  const registrations: Registration[] = [];
  const unregistered: string[] = [];
  const regWaiters: { method: string; pred: (r: Registration) => boolean; resolve: (r: Registration) => void }[] = [];
  conn.onRequest('client/registerCapability', (p: RegistrationParams) => {
    for (const r of p.registrations) {
      registrations.push(r);
      for (const w of regWaiters.filter((x) => x.method === r.method && x.pred(r))) {
        regWaiters.splice(regWaiters.indexOf(w), 1);
        w.resolve(r);
      }
    }
    return null;
  });
  conn.onRequest('client/unregisterCapability', (p: { unregisterations: { id: string }[] }) => {
    for (const u of p.unregisterations ?? []) unregistered.push(u.id);
    return null;
  });
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onNotification('$/progress', () => undefined);
  conn.listen();
  const rootUri = URI.file(opts.root).toString();
  const init = (await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    locale: opts.locale ?? 'en',
    workspaceFolders: [{ uri: rootUri, name: 'ws' }],
    capabilities: opts.capabilities ?? { workspace: { configuration: true }, window: { workDoneProgress: true } },
    initializationOptions: opts.initializationOptions,
  })) as InitializeResult;
  await conn.sendNotification('initialized', {});
  const versions = new Map<string, number>();
  return {
    conn,
    proc,
    init,
    published,
    get refreshes() {
      return refreshes;
    },
    refreshed(since, timeoutMs = 20_000) {
      if (refreshes > since) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no diagnostic refresh (logs: ${logs.join(' | ')})`)), timeoutMs);
        refreshWaiters.push({ since, resolve: () => (clearTimeout(timer), resolve()) });
      });
    },
    checked(uri, version, timeoutMs = 20_000) {
      const key = `${version} ${uri}`;
      if (checked.has(key)) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no complete check of ${uri} v${version} (logs: ${logs.join(' | ')})`)), timeoutMs);
        checkWaiters.set(key, () => (clearTimeout(timer), checkWaiters.delete(key), resolve()));
      });
    },
    logs,
    registrations,
    unregistered,
    registered(method, pred = () => true, timeoutMs = 20_000) {
      const done = registrations.find((r) => r.method === method && pred(r));
      if (done) return Promise.resolve(done);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no registration of ${method} (logs: ${logs.join(' | ')})`)), timeoutMs);
        regWaiters.push({ method, pred, resolve: (r) => (clearTimeout(timer), resolve(r)) });
      });
    },
    diagnostics(uri, pred = () => true, timeoutMs = 20_000) {
      const done = published.find((p) => p.uri === uri && pred(p));
      if (done) return Promise.resolve(done);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} (logs: ${logs.join(' | ')})`)), timeoutMs);
        waiters.push({ uri, pred, resolve: (p) => (clearTimeout(timer), resolve(p)) });
      });
    },
    async open(file, text, languageId = 'markdown') {
      const uri = URI.file(file).toString();
      versions.set(uri, 1);
      await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
      return uri;
    },
    change(uri, version, text) {
      void conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    },
    async close() {
      const exited = proc.exitCode !== null ? Promise.resolve() : new Promise<void>((resolve) => proc.once('exit', () => resolve()));
      try {
        await conn.sendRequest('shutdown');
        await conn.sendNotification('exit');
        // The server exits on `exit`; a kill is only the fallback for a hung one.
        const timer = setTimeout(() => proc.kill(), 5000);
        await exited;
        clearTimeout(timer);
      } catch {
        /* already gone */
      }
      conn.dispose();
      proc.kill();
    },
  };
}
