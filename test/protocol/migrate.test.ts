// The migration over the protocol, as an editor drives it: `cyberdossier/migrate` on a copy of
// the 2017 example answers the WorkspaceEdit the in-process plan computes; the source action
// `source.migrate.nmpa2022` is resolved lazily (codeAction/resolve) for clients without the
// command and is the command `cyberdossier.migrateTo2022` for the VS Code client; a native 2022
// document gets no migrate offer.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CodeAction, TextEdit } from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';
import { Engine } from '../../server/src/engine/engine';
import { nodeHost } from '../../server/src/engine/host';
import { ChunkCache } from '../../server/src/engine/model';
import { applyEdits, planMigration, type MigrationPlan } from '../../server/src/features/migrate';
import type { MigrateResult } from '../../server/src/shared/protocol';
import { startServer, type TestClient } from './client';

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');
const ZERO = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

let tmp: string;
let description: string;
let plan: MigrationPlan;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberdossier-lsp-migrate-'));
  fs.mkdirSync(path.join(tmp, '.git'));
  fs.cpSync(path.join(EXAMPLES, 'nmpa-2017', 'monitor'), path.join(tmp, 'monitor'), { recursive: true });
  fs.cpSync(path.join(EXAMPLES, 'nmpa-2022', 'monitor'), path.join(tmp, 'native-2022'), { recursive: true });
  description = path.join(tmp, 'monitor', 'cybersecurity-description.md');
  plan = planMigration(new Engine({ host: nodeHost, chunkCache: new ChunkCache() }), description, { locale: 'en' })!;
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** The migrated texts a WorkspaceEdit gives, by path. */
function applied(changes: Record<string, TextEdit[]>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [uri, edits] of Object.entries(changes)) {
    const file = URI.parse(uri).fsPath;
    out.set(file, applyEdits(fs.readFileSync(file, 'utf8'), edits));
  }
  return out;
}

const expected = () => new Map(plan.files.filter((f) => f.all.length).map((f) => [f.path, f.result]));

async function openAndWait(client: TestClient, file: string): Promise<string> {
  const uri = await client.open(file, fs.readFileSync(file, 'utf8'));
  await client.diagnostics(uri);
  return uri;
}

describe('a client without the migrate command', () => {
  let client: TestClient;
  beforeAll(async () => {
    client = await startServer({ root: tmp, initializationOptions: { selectRangeCommand: false } });
  });
  afterAll(async () => client?.close());

  test('initialize announces the migration kinds and resolve', () => {
    expect(client.init.capabilities.codeActionProvider).toMatchObject({
      codeActionKinds: expect.arrayContaining(['source.migrate.nmpa2022', 'source.migrateSteps.nmpa2022']),
      resolveProvider: true,
    });
  });

  test('cyberdossier/migrate answers the edit of the in-process plan, and writes nothing', async () => {
    const before = fs.readFileSync(description, 'utf8');
    const r = (await client.conn.sendRequest('cyberdossier/migrate', { uri: URI.file(description).toString(), locale: 'en' })) as MigrateResult;
    expect(r.dossiers).toBe(1);
    // A plan that edits nothing would make every comparison below trivially equal.
    expect(expected().size).toBeGreaterThan(0);
    expect(r.edits).toBeGreaterThan(0);
    expect(r.files).toBe(expected().size);
    expect(r.edits).toBe(Object.values(r.edit.changes).reduce((n, e) => n + e.length, 0));
    expect(r.blocked).toEqual([]);
    expect(applied(r.edit.changes)).toEqual(expected());
    expect(r.manual.map((m) => m.key).sort()).toEqual(plan.manual.map((m) => m.key).sort());
    expect(r.summary).toContain('# NMPA 2022 migration');
    expect(fs.readFileSync(description, 'utf8')).toBe(before);
  });

  test('the folder and its dossier.yaml stand for the same dossier', async () => {
    const byFolder = (await client.conn.sendRequest('cyberdossier/migrate', { uri: URI.file(path.join(tmp, 'monitor')).toString(), locale: 'en' })) as MigrateResult;
    expect(applied(byFolder.edit.changes)).toEqual(expected());
    const byYaml = (await client.conn.sendRequest('cyberdossier/migrate', { uri: URI.file(path.join(tmp, 'monitor', 'dossier.yaml')).toString(), locale: 'en' })) as MigrateResult;
    expect(applied(byYaml.edit.changes)).toEqual(expected());
  });

  test('a single step waits for the one it builds on', async () => {
    const r = (await client.conn.sendRequest('cyberdossier/migrate', { uri: URI.file(description).toString(), steps: 'moves' })) as MigrateResult;
    expect(r.blocked).toEqual(['moves']);
  });

  test('source.migrate.nmpa2022 comes with data and no edit; codeAction/resolve fills the edit', async () => {
    const uri = await openAndWait(client, description);
    const actions = (await client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: ZERO, context: { diagnostics: [], only: ['source.migrate.nmpa2022'] } })) as CodeAction[];
    expect(actions.map((a) => a.kind)).toEqual(['source.migrate.nmpa2022']);
    const [a] = actions;
    expect(a.edit).toBeUndefined();
    expect(a.command).toBeUndefined();
    expect(a.data).toEqual({ cyberdossierMigrate: { uri, steps: 'all' } });
    const resolved = (await client.conn.sendRequest('codeAction/resolve', a)) as CodeAction;
    expect(applied(resolved.edit!.changes as Record<string, TextEdit[]>)).toEqual(expected());
  });

  test('a native 2022 document gets no migrate offer', async () => {
    const uri = await openAndWait(client, path.join(tmp, 'native-2022', 'cybersecurity-research-report.md'));
    const only = (await client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: ZERO, context: { diagnostics: [], only: ['source.migrate.nmpa2022'] } })) as CodeAction[];
    expect(only).toEqual([]);
    const line = { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } };
    const all = (await client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: line, context: { diagnostics: [] } })) as CodeAction[];
    expect(all.filter((x) => /migrate/.test(x.kind ?? ''))).toEqual([]);
    const r = (await client.conn.sendRequest('cyberdossier/migrate', { uri })) as MigrateResult;
    expect(r.edits).toBe(0);
  });
});

describe('the VS Code client (initializationOptions.migrateCommand)', () => {
  let client: TestClient;
  beforeAll(async () => {
    client = await startServer({ root: tmp, initializationOptions: { selectRangeCommand: true, migrateCommand: true } });
  });
  afterAll(async () => client?.close());

  test('the source action is the command cyberdossier.migrateTo2022 on the file', async () => {
    const uri = await openAndWait(client, description);
    const actions = (await client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: ZERO, context: { diagnostics: [], only: ['source.migrate.nmpa2022'] } })) as CodeAction[];
    expect(actions).toHaveLength(1);
    expect(actions[0].command).toMatchObject({ command: 'cyberdossier.migrateTo2022', arguments: [uri] });
    expect(actions[0].data).toBeUndefined();
  });
});
