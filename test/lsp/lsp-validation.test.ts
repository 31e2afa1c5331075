// The language server's validation scheduler (server/src/lsp/validation.ts) and its publisher
// (publish.ts), driven in-process over the real engine and the nmpa-2017 example with mistakes:
// debounced edits coalesce, a superseded version is never published, push sends versions, pull
// answers from the check of the pulled version and is refreshed once per burst of changes.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Connection, Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { Engine, nodeHost, overlayHost } from '../../server/src/engine';
import { DiagnosticSink, type DiagnosticMode } from '../../server/src/lsp/diagnostics';
import { Publisher } from '../../server/src/lsp/publish';
import { Validation } from '../../server/src/lsp/validation';
import { CheckedNotification } from '../../server/src/shared/protocol';

let tmp: string;
const dir = () => path.join(tmp, 'monitor-with-mistakes');
const ifu = () => path.join(dir(), 'instructions-for-use.md');
const render = (ds: LspDiagnostic[]) => ds.map((d) => `${d.range.start.line + 1} ${['', 'error', 'warning', 'info', 'hint'][d.severity!]} ${d.code}`);

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberdossier-validation-'));
  fs.mkdirSync(path.join(tmp, '.git'));
  fs.cpSync(path.join(__dirname, '..', '..', 'examples', 'nmpa-2017'), tmp, { recursive: true });
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(ok: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error('timed out');
    await wait(5);
  }
}

/** A server's validation over a stand-in client that records what it is sent. */
function setup(mode: DiagnosticMode) {
  const published: { uri: string; version?: number; diagnostics: LspDiagnostic[] }[] = [];
  const notified: { uri: string; version: number; complete: boolean }[] = [];
  let refreshes = 0;
  const connection = {
    sendDiagnostics: async (p: (typeof published)[number]) => void published.push(p),
    sendNotification: async (type: unknown, p: (typeof notified)[number]) => void (type === CheckedNotification && notified.push(p)),
    languages: { diagnostics: { refresh: async () => void refreshes++ } },
  } as unknown as Connection;
  const docs = new Map<string, TextDocument>();
  const overlay = new Map<string, { text: string; version: number }>();
  let checks = 0;
  const engine = new Engine({ host: overlayHost(nodeHost, overlay), roots: () => [tmp] });
  const check = engine.check.bind(engine);
  engine.check = (req) => (checks++, check(req));
  const sink = new DiagnosticSink(connection, mode);
  const documents = { get: (u: string) => docs.get(u), all: () => [...docs.values()] };
  const publisher = new Publisher({ documents, sink: () => sink, localeFor: () => 'en' });
  const errors: string[] = [];
  const validation = new Validation({
    connection,
    engine,
    documents,
    overlay,
    sink: () => sink,
    publisher,
    ensureSettings: async () => undefined,
    localeFor: () => 'en',
    watchFeeds: () => undefined,
    log: () => undefined,
    error: (w, e) => errors.push(`${w}: ${String(e)}`),
    debounceMs: 30,
  });
  /** The document at a new version, as the documents handler sees it. */
  const edit = (file: string, text: string, opened = false) => {
    const uri = URI.file(file).toString();
    const version = (docs.get(uri)?.version ?? 0) + 1;
    const doc = TextDocument.create(uri, file.endsWith('.md') ? 'markdown' : 'yaml', version, text);
    docs.set(uri, doc);
    overlay.set(file, { text, version });
    validation.track(doc, opened);
    return uri;
  };
  const close = (file: string) => {
    const uri = URI.file(file).toString();
    docs.delete(uri);
    overlay.delete(file);
    validation.closed(uri);
  };
  return { validation, publisher, sink, published, notified, errors, edit, close, checks: () => checks, refreshes: () => refreshes };
}

describe('push', () => {
  test('an opened document is checked at once and pushed with its version; the dossier’s closed files are not', async () => {
    const s = setup('push');
    const uri = s.edit(ifu(), fs.readFileSync(ifu(), 'utf8'), true);
    await until(() => s.notified.length > 0);
    const mine = s.published.filter((p) => p.uri === uri);
    expect(mine).toHaveLength(1);
    expect(mine[0].version).toBe(1);
    expect(render(mine[0].diagnostics)).toEqual(['4 error missing-section', '19 warning placeholder']);
    expect(s.notified).toEqual([{ uri, version: 1, complete: true }]);
    // Closed Markdown members are left to the workspace check; dossier.yaml's findings come with the member.
    expect(s.published.map((p) => path.basename(URI.parse(p.uri).fsPath)).filter((f) => f.endsWith('.md'))).toEqual(['instructions-for-use.md']);
    expect(s.errors).toEqual([]);
  });

  test('edits in a burst are checked once, for the last version', async () => {
    const s = setup('push');
    const text = fs.readFileSync(ifu(), 'utf8');
    const uri = s.edit(ifu(), text, true);
    await until(() => s.notified.length === 1);
    const before = s.checks();
    s.edit(ifu(), text + '\nA');
    s.edit(ifu(), text + '\nAB');
    s.edit(ifu(), text + '\nABC');
    await until(() => s.notified.length === 2);
    await wait(60);
    expect(s.checks() - before).toBe(1);
    expect(s.notified[1]).toEqual({ uri, version: 4, complete: true });
    expect(s.published.filter((p) => p.uri === uri).map((p) => p.version)).toEqual([1, 4]);
  });

  test('closing a document clears its findings; a config file’s change re-checks the open documents', async () => {
    const s = setup('push');
    const uri = s.edit(ifu(), fs.readFileSync(ifu(), 'utf8'), true);
    await until(() => s.notified.length === 1);
    const yaml = path.join(dir(), 'dossier.yaml');
    s.edit(yaml, fs.readFileSync(yaml, 'utf8'), true);
    await until(() => s.notified.length === 2);
    await wait(60);
    // dossier.yaml is not checked as a document; the member it governs is, at once.
    expect(s.notified.map((n) => n.uri)).toEqual([uri, uri]);
    s.close(ifu());
    expect(s.published.at(-1)).toEqual({ uri, version: undefined, diagnostics: [] });
    expect(s.sink.get(uri)).toBeUndefined();
  });
});

describe('pull', () => {
  test('a pull runs the pending check now, is answered from it, and pushes nothing', async () => {
    const s = setup('pull');
    const uri = s.edit(ifu(), fs.readFileSync(ifu(), 'utf8'));
    const items = await s.validation.pulled(uri);
    expect(render(items)).toEqual(['4 error missing-section', '19 warning placeholder']);
    const checks = s.checks();
    // The same version again: the last check's answer, no new check.
    expect(await s.validation.pulled(uri)).toBe(items);
    expect(s.checks()).toBe(checks);
    await wait(60); // the cancelled debounce does not check again either
    expect(s.checks()).toBe(checks);
    expect(s.published).toEqual([]);
  });

  test('two pulls of one version share one check', async () => {
    const s = setup('pull');
    const uri = s.edit(ifu(), fs.readFileSync(ifu(), 'utf8'));
    const before = s.checks();
    const [a, b] = await Promise.all([s.validation.pulled(uri), s.validation.pulled(uri)]);
    expect(a).toEqual(b);
    expect(s.checks() - before).toBe(1);
  });

  test('re-checking every document asks the client to pull again once per burst; push clients are never asked', async () => {
    const s = setup('pull');
    s.edit(ifu(), fs.readFileSync(ifu(), 'utf8'));
    s.validation.revalidateAll();
    s.validation.revalidateAll();
    s.validation.revalidateAll(0);
    await wait(80);
    expect(s.refreshes()).toBe(1);
    const p = setup('push');
    p.validation.revalidateAll(0);
    await wait(20);
    expect(p.refreshes()).toBe(0);
  });

  test('a closed document is answered from the workspace report’s findings', async () => {
    const s = setup('pull');
    const yamlUri = URI.file(path.join(dir(), 'dossier.yaml')).toString();
    s.publisher.publish(yamlUri, { path: path.join(dir(), 'dossier.yaml'), diagnostics: [{ code: 'missing-document', severity: 'error', message: 'x', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }] } as never);
    expect(render(await s.validation.pulled(yamlUri))).toEqual(['1 error missing-document']);
    expect(s.publisher.hasClosed(yamlUri)).toBe(true);
  });
});
