// Push or pull, never both (issue 15): a client that cannot be asked to pull again gets every
// finding pushed, once; a pull client (textDocument/diagnostic + workspace/diagnostic/refresh)
// gets them only by pulling — open documents per document, closed files through the workspace
// report — and is asked to pull again when dossier.yaml changes.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CancellationTokenSource, WorkspaceDiagnosticRequest } from 'vscode-languageserver-protocol';
import type { Diagnostic, WorkspaceDiagnosticReport, WorkspaceFullDocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';
import { startServer, type TestClient } from './client';

let tmp: string;
const render = (ds: Diagnostic[]) => ds.map((d) => `${d.range.start.line + 1} ${['', 'error', 'warning', 'info', 'hint'][d.severity!]} ${d.code}${(d.data as { requirement?: string })?.requirement ? ` ${(d.data as { requirement: string }).requirement}` : ''}`);
const dir = () => path.join(tmp, 'monitor-with-mistakes');
const uriOf = (f: string) => URI.file(f).toString();

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberdossier-mode-'));
  fs.mkdirSync(path.join(tmp, '.git'));
  fs.cpSync(path.join(__dirname, '..', '..', 'examples', 'nmpa-2017'), tmp, { recursive: true });
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe.each([
  ['no pull capability', { workspace: { configuration: true } }],
  // Pull without workspace/diagnostic/refresh could never learn of a dossier.yaml change: push.
  ['pull without refresh support', { workspace: { configuration: true }, textDocument: { diagnostic: { dynamicRegistration: false } } }],
])('a push client (%s)', (_name, capabilities) => {
  let c: TestClient;
  beforeAll(async () => {
    c = await startServer({ root: tmp, capabilities });
  });
  afterAll(async () => c?.close());

  test('no diagnostic provider; each finding pushed once per check; never asked to pull', async () => {
    expect(c.init.capabilities.diagnosticProvider).toBeUndefined();
    const uri = await c.open(path.join(dir(), 'instructions-for-use.md'), fs.readFileSync(path.join(dir(), 'instructions-for-use.md'), 'utf8'));
    const p = await c.diagnostics(uri);
    expect(render(p.diagnostics)).toEqual(['4 error missing-section I5', '19 warning placeholder I1.3']);
    await c.checked(uri, 1);
    expect(c.published.filter((x) => x.uri === uri)).toHaveLength(1);
    expect(c.refreshes).toBe(0);
  });
});

describe('a pull client', () => {
  let c: TestClient;
  const desc = () => path.join(dir(), 'description.md');
  const yaml = () => path.join(dir(), 'dossier.yaml');
  const pull = async (uri: string) => (await c.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { kind: string; items: Diagnostic[] };
  const workspacePull = (previousResultIds: { uri: string; value: string }[], token?: CancellationTokenSource) =>
    c.conn.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds }, token?.token) as Promise<WorkspaceDiagnosticReport>;
  let first: WorkspaceDiagnosticReport;

  beforeAll(async () => {
    c = await startServer({
      root: tmp,
      capabilities: { workspace: { configuration: true, diagnostics: { refreshSupport: true } }, textDocument: { diagnostic: { dynamicRegistration: false } } },
    });
  });
  afterAll(async () => c?.close());

  test('advertises document and workspace pulls', () => {
    expect(c.init.capabilities.diagnosticProvider).toMatchObject({ identifier: 'cyberdossier', interFileDependencies: true, workspaceDiagnostics: true });
  });

  test('an open document: each finding once, by pull only — nothing is pushed', async () => {
    const uri = await c.open(desc(), fs.readFileSync(desc(), 'utf8'));
    const report = await pull(uri);
    expect(report.kind).toBe('full');
    const got = render(report.items);
    expect(new Set(got).size).toBe(got.length);
    expect(got).toContain('56 error missing-section D3.7');
    expect(got).toContain('50 error undefined-reference');
    await c.checked(uri, 1);
    // A second pull of the same version answers from that check, with the same findings.
    expect(render((await pull(uri)).items)).toEqual(got);
    expect(c.published).toEqual([]);
  });

  test('closed files come through the workspace report, once; the open document is not in it', async () => {
    first = await workspacePull([]);
    const byUri = new Map(first.items.map((i) => [i.uri, i as WorkspaceFullDocumentDiagnosticReport]));
    expect(byUri.has(uriOf(desc()))).toBe(false);
    const y = byUri.get(uriOf(yaml()));
    expect(y?.kind).toBe('full');
    // An open member checks its dossier as a folder (issue 18 item 2): missing-document comes at
    // once, without a workspace check, as the CLI reports it for the folder.
    expect(render(y!.items)).toEqual(['4 error missing-document', '9 warning version-not-full']);
    expect(c.published).toEqual([]);
  });

  test('dossier.yaml changes on disk: the client is asked to pull again, and the pulls follow', async () => {
    const previous = first.items.map((i) => ({ uri: i.uri, value: i.resultId! }));
    // Nothing changed since: the workspace report waits for a change instead of answering.
    const waiting = workspacePull(previous);
    let answered = false;
    void waiting.then(() => (answered = true));
    await new Promise((r) => setTimeout(r, 200));
    expect(answered).toBe(false);

    const since = c.refreshes;
    fs.writeFileSync(yaml(), fs.readFileSync(yaml(), 'utf8').replace('remote_control: realtime', 'remote_control: none'));
    await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(yaml()), type: 2 }] });
    await c.refreshed(since);
    const after = render((await pull(uriOf(desc()))).items);
    expect(after).not.toContain('56 error missing-section D3.7');
    expect(after).toContain('50 error undefined-reference');
    // The held workspace report answers with the re-checked dossier.yaml, under a new result id.
    const next = await waiting;
    const y = next.items.find((i) => i.uri === uriOf(yaml()));
    expect(y?.resultId).not.toBe(previous.find((p) => p.uri === uriOf(yaml()))?.value);
    expect(c.published).toEqual([]);
  });

  test('a held workspace report ends when the client cancels it', async () => {
    const all = await workspacePull([]);
    const token = new CancellationTokenSource();
    const held = workspacePull(
      all.items.map((i) => ({ uri: i.uri, value: i.resultId! })),
      token,
    );
    token.cancel();
    await expect(held.then((r) => r.items)).resolves.toEqual([]);
  });

  test('check workspace: closed files through the workspace report, open documents re-pulled', async () => {
    const previous = (await workspacePull([])).items.map((i) => ({ uri: i.uri, value: i.resultId! }));
    const since = c.refreshes;
    await c.conn.sendRequest('cyberdossier/checkWorkspace', {});
    await c.refreshed(since);
    const next = new Map((await workspacePull(previous)).items.map((i) => [i.uri, render((i as WorkspaceFullDocumentDiagnosticReport).items)]));
    expect(next.get(uriOf(yaml()))).toEqual(['4 error missing-document', '9 warning version-not-full']);
    expect(next.get(uriOf(path.join(dir(), 'patch.md')))).toEqual(['2 error wrong-document-kind']);
    expect(next.has(uriOf(desc()))).toBe(false);
    expect(c.published).toEqual([]);
  });
});
