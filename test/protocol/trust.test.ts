// Two promises of issue 14 over a raw LSP session (the bundled server over stdio):
//   - Workspace Trust: with `trusted: false` the rc keys that name files or load patterns are not
//     applied (an info-level config-invalid on each), heading checks still run; the trust
//     notification applies them.
//   - LSP requests carry no trust: every custom request that names a file accepts only URIs inside
//     the workspace folders the client opened (symbolic links followed) and refuses others with a
//     clear error, before anything is read or written.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { URI } from 'vscode-uri';
import { startServer, type TestClient } from './client';

const ROOT = path.join(__dirname, '..', '..');
let tmp: string;
let ws: string;
let outside: string;

beforeAll(() => {
  tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'cyberdossier-trust-')));
  ws = path.join(tmp, 'ws');
  outside = path.join(tmp, 'outside');
  fs.mkdirSync(path.join(ws, '.git'), { recursive: true });
  fs.mkdirSync(outside);
  fs.cpSync(path.join(ROOT, 'examples', 'nmpa-2017', 'monitor'), path.join(ws, 'monitor'), { recursive: true });
  // The rc file: the SBOM disagrees with the D1.6 table (a finding only when applied), the test IDs
  // are renamed (the traceability table's TC- IDs are undefined only when applied).
  fs.writeFileSync(path.join(ws, 'monitor', '.cyberdossierrc.yaml'), "locale: en\nsbom: bom.json\nids:\n  test: ['VT-\\d+']\n");
  fs.writeFileSync(path.join(ws, 'monitor', 'bom.json'), JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.5', components: [{ type: 'library', name: 'zlib', version: '1.3.1', supplier: { name: 'zlib' } }] }));
  fs.writeFileSync(path.join(outside, 'bom.json'), '{"bomFormat":"CycloneDX","specVersion":"1.5","components":[]}');
  fs.writeFileSync(path.join(outside, 'doc.md'), '---\ndocument: cybersecurity-description\n---\n\n# 基本信息\n');
  fs.symlinkSync(outside, path.join(ws, 'link-out'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const desc = () => path.join(ws, 'monitor', 'cybersecurity-description.md');
const rcUri = () => URI.file(path.join(ws, 'monitor', '.cyberdossierrc.yaml')).toString();

describe('Workspace Trust', () => {
  let c: TestClient;
  afterAll(async () => c?.close());

  test('Restricted Mode: ids and sbom are not applied (an info on each key), heading checks run; trust applies them', async () => {
    c = await startServer({ root: ws, initializationOptions: { trusted: false } });
    const text = fs.readFileSync(desc(), 'utf8').replace('### 3.3 可追溯性分析报告', '### 3.3 追溯');
    const uri = await c.open(desc(), text);
    const first = await c.diagnostics(uri);
    // The renamed heading is still found missing: headings are checked in Restricted Mode.
    expect(first.diagnostics.map((d) => d.code)).toContain('missing-section');
    expect(first.diagnostics.some((d) => d.code === 'inconsistent-fact' || d.code === 'undefined-reference')).toBe(false);
    const rc = await c.diagnostics(rcUri(), (p) => p.diagnostics.length > 0);
    expect(rc.diagnostics.map((d) => [d.code, d.severity, d.range.start.line, (d.data as { key: string }).key])).toEqual([
      ['config-invalid', 3, 1, 'sbom'],
      ['config-invalid', 3, 2, 'ids'],
    ]);
    expect(rc.diagnostics[0].message).toMatch(/^Restricted Mode: sbom is not used until you trust this folder/);
    expect(c.logs.join('\n')).toMatch(/Restricted Mode/);

    await c.conn.sendNotification('cyberdossier/didChangeTrust', { trusted: true });
    const trusted = await c.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'inconsistent-fact'));
    expect(trusted.diagnostics.map((d) => d.code)).toContain('missing-section');
    await c.diagnostics(rcUri(), (p) => p.diagnostics.length === 0);
  });

  test('a client that says nothing about trust (another editor) is trusted', async () => {
    const other = await startServer({ root: ws });
    try {
      const uri = await other.open(desc(), fs.readFileSync(desc(), 'utf8'));
      const d = await other.diagnostics(uri);
      expect(d.diagnostics.some((x) => x.code === 'inconsistent-fact')).toBe(true);
    } finally {
      await other.close();
    }
  });
});

describe('custom requests accept only paths inside the workspace folders', () => {
  let c: TestClient;
  beforeAll(async () => {
    c = await startServer({ root: ws });
  });
  afterAll(async () => c.close());

  const out = (p: string) => URI.file(path.join(outside, p)).toString();
  const viaLink = (p: string) => URI.file(path.join(ws, 'link-out', p)).toString();
  const inside = () => URI.file(desc()).toString();
  const refusal = async (method: string, params: unknown): Promise<string> => {
    try {
      await c.conn.sendRequest(method, params);
    } catch (e) {
      return (e as Error).message;
    }
    return 'answered';
  };

  test.each([
    ['cyberdossier/checklist', (u: string) => ({ uri: u })],
    ['cyberdossier/checklists', (u: string) => ({ uri: u })],
    ['cyberdossier/report', (u: string) => ({ uri: u, format: 'html' })],
    ['cyberdossier/migrate', (u: string) => ({ uri: u })],
    ['cyberdossier/sbomImport', (u: string) => ({ uri: u.replace(/doc\.md$/, 'bom.json') })],
    ['cyberdossier/importDocx', (u: string) => ({ uri: u.replace(/doc\.md$/, 'a.docx') })],
    ['cyberdossier/exportDocx', (u: string) => ({ uri: u, outUri: URI.file(path.join(ws, 'x.docx')).toString() })],
  ] as const)('%s: a path outside, or inside through a link out, is refused with a clear error', async (method, params) => {
    for (const u of [out('doc.md'), viaLink('doc.md')]) {
      const msg = await refusal(method, params(u));
      expect(msg, `${method} ${u}`).toMatch(/^Refused: .* is outside the workspace folders this editor opened \(symbolic links followed\)\. Open its folder as a workspace folder first\.$/);
    }
    expect(await refusal(method, params('untitled:Untitled-1'))).toMatch(/^Only file URIs are supported/);
  });

  test('the other URIs of a request too: export to a file outside, an SBOM for a target outside', async () => {
    expect(await refusal('cyberdossier/exportDocx', { uri: inside(), outUri: out('x.docx') })).toMatch(/^Refused: .*x\.docx is outside the workspace folders/);
    expect(fs.existsSync(path.join(outside, 'x.docx'))).toBe(false);
    const bom = URI.file(path.join(ws, 'monitor', 'bom.json')).toString();
    expect(await refusal('cyberdossier/sbomImport', { uri: bom, targetUri: out('doc.md') })).toMatch(/^Refused: /);
    expect(await refusal('cyberdossier/importDocx', { uri: URI.file(path.join(ws, 'a.docx')).toString(), outUri: out('a.md') })).toMatch(/^Refused: /);
  });

  test('inside the workspace the same requests are answered (the refusal is not a blanket one)', async () => {
    expect(await c.conn.sendRequest('cyberdossier/checklist', { uri: inside() })).toMatchObject({ documents: expect.any(Array) });
    const report = (await c.conn.sendRequest('cyberdossier/report', { uri: inside(), format: 'md' })) as { text: string };
    expect(report.text.length).toBeGreaterThan(100);
    const bom = URI.file(path.join(ws, 'monitor', 'bom.json')).toString();
    const table = (await c.conn.sendRequest('cyberdossier/sbomImport', { uri: bom, targetUri: inside() })) as { markdown: string };
    expect(table.markdown).toContain('zlib');
    expect(await c.conn.sendRequest('cyberdossier/migrate', { uri: inside() })).toMatchObject({ dossiers: 1 });
  });

  test('a workspace folder added later is accepted from then on', async () => {
    const extra = await startServer({ root: ws, capabilities: { workspace: { configuration: true, workspaceFolders: true } } });
    try {
      const before = await extra.conn.sendRequest('cyberdossier/checklist', { uri: out('doc.md') }).then(
        () => 'answered',
        (e: Error) => e.message,
      );
      expect(before).toMatch(/^Refused/);
      await extra.conn.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: URI.file(outside).toString(), name: 'outside' }], removed: [] } });
      // Answered now (the file is no dossier of a checklist: null, but not refused).
      const after = await extra.conn.sendRequest('cyberdossier/checklist', { uri: out('doc.md') });
      expect(after === null || typeof after === 'object').toBe(true);
    } finally {
      await extra.close();
    }
  });
});
