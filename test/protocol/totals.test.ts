// Issue 18 item 2 over stdio: opening one member of a dossier publishes dossier.yaml's
// dossier-level findings (missing-document) without any "check workspace" request; the status
// item's dossier totals are the CLI's for the folder; a document added on disk clears it.

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';
import { startServer, type TestClient } from './client';

const CLI = path.join(__dirname, '..', '..', 'bin', 'cyberdossier.js');
let tmp: string;
let client: TestClient;
const dossier = () => path.join(tmp, 'monitor-with-mistakes');
const uriOf = (f: string) => URI.file(f).toString();
const render = (ds: Diagnostic[]) => ds.map((d) => `${d.range.start.line + 1} ${['', 'error', 'warning', 'info', 'hint'][d.severity!]} ${d.code}`);

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberdossier-totals-'));
  fs.mkdirSync(path.join(tmp, '.git'));
  fs.cpSync(path.join(__dirname, '..', '..', 'examples', 'nmpa-2017'), tmp, { recursive: true });
  client = await startServer({ root: tmp });
});
afterAll(async () => {
  await client?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

function cliSummary(): { errors: number; warnings: number; infos: number; hints: number } {
  const r = spawnSync(process.execPath, [CLI, 'check', 'monitor-with-mistakes', '--format', 'json'], { cwd: tmp, encoding: 'utf8' });
  return JSON.parse(r.stdout).summary;
}

test('open one member: dossier.yaml’s missing-document arrives without a workspace check; the status totals are the CLI’s', async () => {
  const yaml = uriOf(path.join(dossier(), 'dossier.yaml'));
  const ifu = path.join(dossier(), 'instructions-for-use.md');
  const waiting = client.diagnostics(yaml, (p) => p.diagnostics.some((d) => d.code === 'missing-document'));
  const uri = await client.open(ifu, fs.readFileSync(ifu, 'utf8'));
  const p = await waiting;
  expect(render(p.diagnostics)).toEqual(['4 error missing-document', '9 warning version-not-full']);
  // Nobody asked for a workspace check: the server's log says which checks ran.
  expect(client.logs.some((l) => /check workspace/i.test(l))).toBe(false);

  await client.checked(uri, 1);
  const status = (await client.conn.sendRequest('cyberdossier/status', { uri })) as { errors: number; warnings: number; totals: { document: Record<string, number>; dossier: Record<string, number> } };
  const want = cliSummary();
  expect(want).toMatchObject({ errors: 9, warnings: 6, infos: 0, hints: 1 });
  const { files: _files, ...counts } = want as typeof want & { files: number };
  expect(status.totals.dossier).toEqual({ total: 16, ...counts });
  expect([status.errors, status.warnings]).toEqual([1, 1]);
  expect(status.totals.document).toEqual({ total: 2, errors: 1, warnings: 1, infos: 0, hints: 0 });

  // The missing document is added on disk: dossier.yaml keeps only its own warning.
  const tr = path.join(dossier(), 'technical-requirements.md');
  fs.writeFileSync(tr, '---\ndocument: technical-requirements\n---\n\n# 产品技术要求（网络安全）\n');
  const cleared = client.diagnostics(yaml, (x) => !x.diagnostics.some((d) => d.code === 'missing-document'));
  await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(tr), type: 1 }] });
  expect(render((await cleared).diagnostics)).toEqual(['9 warning version-not-full']);
});
