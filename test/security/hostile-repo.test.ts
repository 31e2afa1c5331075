// Issue 14: a hostile repository cannot hang the checker or read files outside it. Each attack
// of the table (and its neighbours: a link out of the repository, files over the size
// caps, a folder, hostile globs and .gitignore lines) is a real fixture (test/security/hostile.ts)
// checked through the engine, the CLI (every output format; the export too) and the language
// server. Each must end (a child-process timeout is the hang detector, not a measurement: the
// bench times them), exit 0 or 1 with valid JSON, carry config-invalid on the key's line, and
// leave no byte of the target file in any output. The CLI's JSON run of each case is a real
// process (the hang guard); its SARIF and text formats of the same check, once that process has
// ended, run in-process (test/cli/in-process.ts): the formatters, not the process, are tested there.

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { URI } from 'vscode-uri';
import { Engine } from '../../server/src/engine/engine';
import { nodeHost } from '../../server/src/engine/host';
import { runInProcess } from '../cli/in-process';
import { startServer, type TestClient } from '../protocol/client';
import { CASES, CLI, leaks, makeHostileRepo, type HostileRepo } from './hostile';
import { sbomReader } from '../../server/src/sbom';

let h: HostileRepo;
beforeAll(() => {
  h = makeHostileRepo();
});
afterAll(() => h.cleanup());

/** A generous hang guard: a hung check is killed and fails the test; the bench measures time. */
const HANG_GUARD_MS = 20_000;

function cli(args: string[]): { code: number | null; signal: NodeJS.Signals | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: h.repo, encoding: 'utf8', timeout: HANG_GUARD_MS, maxBuffer: 1 << 26 });
  return { code: r.status, signal: r.signal, out: r.stdout, err: r.stderr };
}

const rcOf = (name: string) => path.join(h.caseDir(name), '.cyberdossierrc.yaml');

describe('the engine', () => {
  test.each(CASES.map((c) => [c.name, c] as const))('%s: checked, config-invalid on the key, nothing leaked', (_n, c) => {
    const engine = new Engine({ sbom: sbomReader, host: nodeHost, roots: () => [h.repo] });
    const r = engine.check({ folders: [h.caseDir(c.name)] });
    expect(r.errors).toEqual([]);
    const dossierFiles = r.reports.filter((x) => x.isDossierFile);
    expect(dossierFiles.length).toBeGreaterThanOrEqual(3); // the three example documents really checked
    const rc = r.reports.find((x) => x.path === rcOf(c.name));
    if (c.line === undefined) expect(rc?.diagnostics ?? []).toEqual([]);
    else {
      expect(rc?.diagnostics.map((d) => [d.code, d.range.start.line, d.data.problem ?? d.data.error])).toEqual([['config-invalid', c.line, c.problem]]);
    }
    expect(leaks(JSON.stringify(r.reports))).toEqual([]);
  });
  test('the FIFO zz.md is not listed; the 40-character names under hostile globs and .gitignore lines are matched', () => {
    const engine = new Engine({ sbom: sbomReader, host: nodeHost, roots: () => [h.repo] });
    const paths = (name: string) => engine.check({ folders: [h.caseDir(name)] }).reports.map((x) => path.basename(x.path));
    expect(paths('fifo-markdown')).not.toContain('zz.md');
    // A glob matches the 40-a file (`+(+(a)).md`): it is a dossier file now (frontmatter-missing).
    expect(paths('catastrophic-globs')).toContain(`${'a'.repeat(40)}.md`);
    // The .gitignore line a*a*…b does not match aaaa….md (no b): still walked, not a dossier file.
    const gi = engine.check({ folders: [h.caseDir('catastrophic-gitignore')] });
    expect(gi.reports.some((x) => x.path.endsWith(`${'a'.repeat(40)}.md`))).toBe(false);
    expect(gi.reports.filter((x) => x.isDossierFile)).toHaveLength(3);
  });
});

describe('the CLI', () => {
  test.each(CASES.map((c) => [c.name, c] as const))('%s: ends, exit 0/1, valid JSON, config-invalid on the key, no leak in json/sarif/text', async (_n, c) => {
    const json = cli(['check', c.name, '--format', 'json', '--locale', 'en']);
    expect(json.signal, 'killed by the hang guard').toBeNull();
    expect([0, 1], json.err).toContain(json.code);
    const report = JSON.parse(json.out);
    const rc = report.files.find((f: { path: string }) => f.path === `${c.name}/.cyberdossierrc.yaml`);
    if (c.line === undefined) expect(rc).toBeUndefined();
    else {
      expect(rc.diagnostics.map((d: { code: string; range: { start: { line: number } } }) => [d.code, d.range.start.line])).toEqual([['config-invalid', c.line]]);
      expect(json.code).toBe(1);
    }
    // The process above ended (no hang): the same check in the other formats, in-process.
    const sarif = await runInProcess(['check', c.name, '--format', 'sarif'], h.repo);
    expect([0, 1], sarif.err).toContain(sarif.code);
    expect(JSON.parse(sarif.out).runs[0].results.length).toBeGreaterThan(c.line === undefined ? -1 : 0);
    const text = await runInProcess(['check', c.name], h.repo);
    expect([0, 1], text.err).toContain(text.code);
    for (const r of [json, sarif, text]) expect(leaks(r.out + r.err)).toEqual([]);
  });
  test('--allow-path lets the user (never the repository) allow a folder outside; the file is still not quoted', () => {
    const r = cli(['check', 'sbom-secret-outside', '--format', 'json', '--locale', 'en', '--allow-path', '../outside']);
    expect(r.signal).toBeNull();
    const rc = JSON.parse(r.out).files.find((f: { path: string }) => f.path.endsWith('.cyberdossierrc.yaml'));
    expect(rc.diagnostics[0].message).toBe('The SBOM ../../outside/secret.json named by sbom cannot be used: not valid JSON at line 1, column 1. The off-the-shelf software list was not compared with it');
    expect(leaks(r.out + r.err)).toEqual([]);
  });
  test('export --to docx with export.referenceDocx naming a FIFO: refused at once (exit 1); with --force, built-in styles and a warning', () => {
    const dir = 'docx-fifo';
    const refused = cli(['export', dir, '--to', 'docx', '--locale', 'en', '--output', 'out/refused.docx']);
    expect(refused.signal).toBeNull();
    expect(refused.code, refused.err).toBe(1);
    expect(refused.err).toContain('export.referenceDocx: ../special/fifo.docx: it is not a regular file (a FIFO, a socket or a device); it was not read  [config-invalid]');
    expect(fs.existsSync(path.join(h.repo, 'out', 'refused.docx'))).toBe(false);
    for (const name of ['docx-fifo', 'docx-huge', 'docx-passwd-link']) {
      const forced = cli(['export', name, '--to', 'docx', '--locale', 'en', '--force', '--output', `out/${name}.docx`]);
      expect(forced.signal).toBeNull();
      expect(forced.code, forced.err).toBe(0);
      expect(forced.err).toMatch(/export\.referenceDocx: \.\.\/special\/[\w-]+\.docx: it .*; the built-in styles were used/);
      expect(fs.statSync(path.join(h.repo, 'out', `${name}.docx`)).size).toBeGreaterThan(1000);
      expect(leaks(forced.out + forced.err)).toEqual([]);
    }
  });
  test('import of a FIFO named .docx (the user picked it): refused at once, exit 2, not a hang', () => {
    const r = cli(['import', 'special/fifo.docx', '--out', 'out/fifo.md', '--locale', 'en']);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Cannot read .*fifo\.docx: not a regular file, or over 200 MB/);
  });
  test('report (it checks the dossier, SBOM included) ends with the hostile rc files too', () => {
    for (const name of ['sbom-fifo', 'sbom-dev-zero', 'fifo-markdown']) {
      const r = cli(['report', name, '--format', 'csv']);
      expect(r.signal).toBeNull();
      expect(r.code, r.err).toBe(0);
      expect(leaks(r.out + r.err)).toEqual([]);
    }
  });
});

describe('the language server', () => {
  let c: TestClient;
  beforeAll(async () => {
    c = await startServer({ root: h.repo });
  });
  afterAll(async () => c.close());

  test.each(CASES.map((x) => [x.name, x] as const))('%s: diagnostics arrive, config-invalid on the key, the server keeps answering', async (_n, hc) => {
    const file = path.join(h.caseDir(hc.name), 'cybersecurity-description.md');
    const uri = await c.open(file, fs.readFileSync(file, 'utf8'));
    await c.diagnostics(uri);
    const rcUri = URI.file(rcOf(hc.name)).toString();
    if (hc.line !== undefined) {
      const rc = await c.diagnostics(rcUri, (p) => p.diagnostics.length > 0);
      expect(rc.diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([['config-invalid', hc.line]]);
    } else expect(c.published.filter((p) => p.uri === rcUri && p.diagnostics.length)).toEqual([]);
    // Still serving at once: an edit is checked, a hover is answered.
    c.change(uri, 2, `${fs.readFileSync(file, 'utf8')}\n## 9 新增\n\n待补充\n`);
    const edited = await c.diagnostics(uri, (p) => p.version === 2);
    expect(edited.diagnostics.some((d) => d.code === 'placeholder')).toBe(true);
    await c.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  });
  test('Check workspace walks past the FIFO and every hostile case; nothing leaks into any message or log', async () => {
    const summary = (await c.conn.sendRequest('cyberdossier/checkWorkspace', {})) as { files: number };
    expect(summary.files).toBeGreaterThan(CASES.length * 3);
    expect(c.published.some((p) => p.uri.endsWith('/zz.md'))).toBe(false);
    expect(leaks(JSON.stringify(c.published) + c.logs.join('\n'))).toEqual([]);
    const info = (await c.conn.sendRequest('cyberdossier/serverInfo')) as { pid: number };
    expect(info.pid).toBe(c.proc.pid);
  });
  test('pull diagnostics (textDocument/diagnostic) answer with the same rc file', async () => {
    const pull = await startServer({ root: h.repo, capabilities: { workspace: { configuration: true }, textDocument: { diagnostic: { dynamicRegistration: false } } } });
    try {
      const file = path.join(h.caseDir('sbom-fifo'), 'cybersecurity-description.md');
      const uri = await pull.open(file, fs.readFileSync(file, 'utf8'));
      const r = (await pull.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { kind: string; items: unknown[] };
      expect(r.kind).toBe('full');
      expect(Array.isArray(r.items)).toBe(true);
      const rc = (await pull.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { kind: string };
      expect(rc.kind).toBe('full');
    } finally {
      await pull.close();
    }
  });
});
