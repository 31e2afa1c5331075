// The workspace check (server/src/lsp/workspace-check.ts) and the dossiers a migrate request
// stands for (lsp/migrate.ts `dossiersOf`, over the engine's read-only snapshots), in-process
// over copies of the examples.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Connection, Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { Engine, nodeHost, overlayHost, totalsOf } from '../../server/src/engine';
import { DiagnosticSink } from '../../server/src/lsp/diagnostics';
import { dossiersOf, migrate } from '../../server/src/lsp/migrate';
import { Publisher } from '../../server/src/lsp/publish';
import { checkWorkspace } from '../../server/src/lsp/workspace-check';

let tmp: string;
const ex = (...p: string[]) => path.join(tmp, ...p);
const uri = (f: string) => URI.file(f).toString();

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberdossier-workspace-'));
  fs.mkdirSync(ex('.git'));
  fs.cpSync(path.join(__dirname, '..', '..', 'examples', 'nmpa-2017'), ex('nmpa-2017'), { recursive: true });
  fs.cpSync(path.join(__dirname, '..', '..', 'examples', 'nmpa-2022'), ex('nmpa-2022'), { recursive: true });
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function setup(folders: string[]) {
  const published = new Map<string, { version?: number; diagnostics: LspDiagnostic[] }>();
  let refreshes = 0;
  const connection = {
    sendDiagnostics: async (p: { uri: string; version?: number; diagnostics: LspDiagnostic[] }) => void published.set(p.uri, p),
    languages: { diagnostics: { refresh: async () => void refreshes++ } },
  } as unknown as Connection;
  const overlay = new Map<string, { text: string; version: number }>();
  const docs = new Map<string, TextDocument>();
  const engine = new Engine({ host: overlayHost(nodeHost, overlay), roots: () => folders });
  const sink = new DiagnosticSink(connection, 'push');
  const publisher = new Publisher({ documents: docs, sink: () => sink, localeFor: () => 'zh-CN' });
  const progress: string[] = [];
  const reporter = { begin: (t: string) => progress.push(`begin ${t}`), report: (n: number, m?: string) => progress.push(`${n}% ${m}`), done: () => progress.push('done') };
  const run = () =>
    checkWorkspace({ engine, documents: docs, overlay, publisher, sink: () => sink, folders: () => folders, ensureSettings: async () => undefined, clientLocale: () => 'zh-CN' }, reporter as never);
  return { engine, docs, overlay, publisher, published, progress, run, refreshes: () => refreshes };
}

describe('the workspace check', () => {
  test('totals are the CLI’s count of the same folders; every file with findings is published; progress per folder', async () => {
    const folders = [ex('nmpa-2017'), ex('nmpa-2022')];
    const s = setup(folders);
    const summary = await s.run();
    const cli = new Engine({ host: nodeHost, roots: () => folders });
    const expected = folders.map((f) => totalsOf(cli.check({ folders: [f], members: true }).reports));
    expect(summary).toEqual({
      files: expected[0].files + expected[1].files,
      errors: expected[0].errors + expected[1].errors,
      warnings: expected[0].warnings + expected[1].warnings,
      infos: expected[0].infos + expected[1].infos,
      hints: expected[0].hints + expected[1].hints,
    });
    expect(summary.errors).toBeGreaterThan(0);
    expect(s.progress).toEqual(['begin 正在检查申报资料', '0% nmpa-2017', '50% nmpa-2022', 'done']);
    const ifu = uri(ex('nmpa-2017', 'monitor-with-mistakes', 'instructions-for-use.md'));
    expect(s.published.get(ifu)?.diagnostics.map((d) => d.code)).toEqual(['missing-section', 'placeholder']);
    expect(s.published.get(ifu)?.version).toBeUndefined();
    expect(s.publisher.hasClosed(ifu)).toBe(true);
  });

  test('a closed file whose findings are gone is cleared; an open document edited since is left to its own check', async () => {
    const folder = ex('nmpa-2017');
    const s = setup([folder]);
    const stale = uri(ex('nmpa-2017', 'gone.md'));
    s.publisher.publish(stale, { path: ex('nmpa-2017', 'gone.md'), diagnostics: [{ code: 'placeholder', severity: 'warning', message: 'x', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }] } as never);
    const file = ex('nmpa-2017', 'monitor-with-mistakes', 'instructions-for-use.md');
    // Open at version 2 while the engine's overlay still holds version 1: a newer check is pending.
    s.docs.set(uri(file), TextDocument.create(uri(file), 'markdown', 2, fs.readFileSync(file, 'utf8')));
    s.overlay.set(file, { text: fs.readFileSync(file, 'utf8'), version: 1 });
    await s.run();
    expect(s.published.get(stale)?.diagnostics).toEqual([]);
    expect(s.publisher.hasClosed(stale)).toBe(false);
    expect(s.published.has(uri(file))).toBe(false);
  });
});

describe('the dossiers of a migrate request (read-only snapshots)', () => {
  test('a folder: each dossier below it once; its dossier.yaml: that dossier; a member: its dossier', () => {
    const engine = new Engine({ host: nodeHost, roots: () => [tmp] });
    const all = dossiersOf(engine, ex('nmpa-2017'));
    expect(all.map((d) => path.basename(path.dirname(d.snapshot.yamlPath!))).sort()).toEqual(['monitor', 'monitor-with-mistakes']);
    expect(new Set(all.map((d) => d.snapshot)).size).toBe(all.length);
    const yaml = ex('nmpa-2017', 'monitor', 'dossier.yaml');
    expect(dossiersOf(engine, yaml).map((d) => d.snapshot.yamlPath)).toEqual([yaml]);
    const member = ex('nmpa-2017', 'monitor', 'instructions-for-use.md');
    const one = dossiersOf(engine, member);
    expect(one).toHaveLength(1);
    expect(one[0]).toMatchObject({ file: member, snapshot: { yamlPath: yaml } });
    expect(one[0].snapshot.files.map((f) => path.basename(f.path))).toContain('instructions-for-use.md');
  });

  test('migrate plans each of them: the folder’s edit is the union of its two dossiers’ edits', () => {
    const engine = new Engine({ host: nodeHost, roots: () => [tmp] });
    const toUri = (f: string) => URI.file(f).toString();
    const folder = migrate(engine, ex('nmpa-2017'), 'all', 'zh-CN', toUri);
    const a = migrate(engine, ex('nmpa-2017', 'monitor', 'dossier.yaml'), 'all', 'zh-CN', toUri);
    const b = migrate(engine, ex('nmpa-2017', 'monitor-with-mistakes', 'dossier.yaml'), 'all', 'zh-CN', toUri);
    expect(folder.dossiers).toBe(2);
    expect(a.dossiers + b.dossiers).toBe(2);
    expect(folder.edit.changes).toEqual({ ...a.edit.changes, ...b.edit.changes });
    expect(folder.files).toBeGreaterThan(0);
    // A 2022 dossier has nothing to migrate.
    expect(migrate(engine, ex('nmpa-2022'), 'all', 'zh-CN', toUri).files).toBe(0);
  });
});
