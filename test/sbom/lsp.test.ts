// The language server's cyberdossier/sbomImport (server/src/lsp/sbom.ts) driven through a
// stand-in connection: the engine's host (with the editor overlay) is what is read, the target's
// configuration picks the language, failures are readable response errors. And the rule that the
// SBOM code knows no editor.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { type Connection, ResponseError } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { Engine } from '../../server/src/engine/engine';
import { overlayHost } from '../../server/src/engine/host';
import { clearSbomCache } from '../../server/src/sbom';
import { registerSbomRequests } from '../../server/src/lsp/sbom';
import { SbomImportRequest, type SbomImportParams, type SbomImportResult } from '../../server/src/shared/protocol';
import { memHost, ROOT } from '../helpers';
import { startServer } from '../protocol/client';
import { CDX, description, OTS_TABLE, sbomText } from './helpers';
import { sbomReader } from '../../server/src/sbom';

const overlay = new Map<string, { text: string; version: number }>();
const host = overlayHost(
  memHost({
    'zh/bom.json': sbomText('cyclonedx-1.4.json'),
    'zh/description.md': '# 网络安全描述文档\n',
    'en/.cyberdossierrc.yaml': 'locale: en\n',
    'en/description.md': '# Cybersecurity description\n',
    'en/bad.json': '{"bomFormat":"CycloneDX","specVersion":"1.5","components":[{"name":"x"},{"type":"lib","name":"y"}]}',
  }),
  overlay,
);
const handlers = new Map<string, (p: unknown) => unknown>();
const connection = { onRequest: (method: string, handler: (p: unknown) => unknown) => handlers.set(method, handler) } as unknown as Connection;
registerSbomRequests(connection, () => new Engine({ sbom: sbomReader, host }), { locale: () => 'zh-CN' });

const uri = (rel: string) => URI.file(path.join(ROOT, rel)).toString();
const request = (p: SbomImportParams) => handlers.get(SbomImportRequest)!(p) as SbomImportResult;
function failure(p: unknown): ResponseError<unknown> {
  try {
    handlers.get(SbomImportRequest)!(p);
  } catch (e) {
    if (e instanceof ResponseError) return e;
    throw e;
  }
  throw new Error('expected a ResponseError');
}

beforeEach(() => {
  overlay.clear();
  clearSbomCache();
});

describe('cyberdossier/sbomImport', () => {
  test('the table, the components, the flagged ones (messages in the locale of the target document)', () => {
    const zh = request({ uri: uri('zh/bom.json'), targetUri: uri('zh/description.md') });
    expect(zh.markdown.split('\n')[0]).toBe('| 名称 | 型号规格 | 完整版本 | 供应商 | 类别 |');
    expect(zh.components).toHaveLength(10);
    expect(zh.flagged.map((f) => f.message)).toEqual(['NLog 5.x：版本“5.x”不是完整版本', 'protobuf 3.21.12：没有供应商']);
    const en = request({ uri: uri('zh/bom.json'), targetUri: uri('en/description.md') });
    expect(en.markdown.split('\n')[0]).toBe('| Name | Model/spec | Full version | Vendor | Category |');
    expect(en.flagged[1].message).toBe('protobuf 3.21.12: no vendor');
    expect(request({ uri: uri('zh/bom.json'), targetUri: uri('en/description.md'), locale: 'zh-CN' }).flagged[1].message).toBe('protobuf 3.21.12：没有供应商');
  });
  test('the patch table', () => {
    const r = request({ uri: uri('zh/bom.json'), table: 'patches', locale: 'en' });
    expect(r).toMatchObject({ table: 'patches', template: true, patches: [] });
    expect(r.notes.at(-1)).toMatch(/^the SBOM carries no reliable patch information/);
  });
  test('an unsaved SBOM open in the editor is what gets imported', () => {
    overlay.set(path.join(ROOT, 'zh/bom.json'), { text: sbomText('spdx-2.3.json'), version: 3 });
    expect(request({ uri: uri('zh/bom.json') })).toMatchObject({ format: 'SPDX', specVersion: '2.3' });
  });
  test('failures: a readable message with the first problems; bad parameters', () => {
    const e = failure({ uri: uri('en/bad.json'), targetUri: uri('en/description.md') });
    expect(e.message).toBe('the SBOM does not conform to CycloneDX 1.5 (2 problems)\ncomponents[0].type: required field missing\ncomponents[1].type: “lib” is not one of application, framework, library, container, operating-system, device, firmware, file, platform, device-driver, machine-learning-model, data');
    expect(failure({ uri: uri('zh/none.json') }).message).toBe(`无法读取 SBOM 文件：${path.join(ROOT, 'zh/none.json')}`);
    expect(failure({ uri: 'untitled:Untitled-1' }).message).toMatch(/^Only file URIs are supported/);
    expect(failure({ uri: uri('zh/bom.json'), table: 'trace' }).message).toBe('table must be ots or patches, not trace');
    expect(failure({ uri: uri('zh/bom.json'), locale: 'fr' }).message).toBe('locale must be zh-CN or en, not fr');
    expect(failure({}).message).toBe('uri is required');
  });
});

test('server/src/sbom imports nothing from vscode or the language server', () => {
  const dir = path.join(__dirname, '..', '..', 'server', 'src', 'sbom');
  for (const f of fs.readdirSync(dir)) {
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    for (const m of text.matchAll(/(?:from|import|require\()\s*['"]([^'"]+)['"]/g)) expect(m[1], `${f} imports ${m[1]}`).not.toMatch(/^vscode(-languageserver|-languageclient)?(\/|$)/);
  }
});

describe('the consistency check through the language server (the bundled server over stdio)', () => {
  test('the same finding as the engine’s; its quick fix; the SBOM changed on disk is re-read when the watcher reports it', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberdossier-sbom-lsp-'));
    fs.mkdirSync(path.join(tmp, '.git'));
    fs.writeFileSync(path.join(tmp, '.cyberdossierrc.yaml'), 'sbom: build/bom.cdx.json\n');
    fs.mkdirSync(path.join(tmp, 'build'));
    const bom = path.join(tmp, 'build', 'bom.cdx.json');
    fs.writeFileSync(bom, CDX);
    const file = path.join(tmp, 'description.md');
    const text = description(OTS_TABLE.replace('| Qt | 开源版（LGPLv3） | 5.15.2 |', '| Qt | 开源版（LGPLv3） | 5.15.10 |'));
    fs.writeFileSync(file, text);
    const client = await startServer({ root: tmp, initializationOptions: { selectRangeCommand: false } });
    try {
      const uri = await client.open(file, text);
      const sbomFindings = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'inconsistent-fact' && (d.data as { mismatch?: string }).mismatch);
      const first = sbomFindings((await client.diagnostics(uri, (p) => p.version === 1)).diagnostics);
      // The engine on the same files says the same.
      const engine = new Engine({ sbom: sbomReader, host: memHost({ '.cyberdossierrc.yaml': 'sbom: build/bom.cdx.json\n', 'build/bom.cdx.json': CDX, 'description.md': text }) });
      const [expected] = engine.check({ files: [path.join(ROOT, 'description.md')] }).reports[0].diagnostics.filter((d) => d.code === 'inconsistent-fact');
      expect(first).toHaveLength(1);
      expect(first[0]).toMatchObject({ code: 'inconsistent-fact', severity: 2, source: 'cyberdossier', range: expected.range, message: expected.message.en });
      expect(first[0].data).toEqual(expected.data);
      expect(first[0].codeDescription?.href).toMatch(/inconsistent-fact/);

      const actions = (await client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: first[0].range, context: { diagnostics: first } })) as CodeAction[];
      const fix = actions.find((a) => a.title === 'Use the SBOM’s version 5.15.2');
      expect(fix?.edit?.changes?.[uri]).toEqual([{ range: first[0].range, newText: '5.15.2' }]);

      // The SBOM is updated by the build (5.15.10 now): the client's watcher reports it, the server re-checks.
      fs.writeFileSync(bom, CDX.replace('"version": "5.15.2"', '"version": "5.15.10"'));
      await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: URI.file(bom).toString(), type: 2 }] });
      await client.diagnostics(uri, (p) => p.version === 1 && client.published.filter((q) => q.uri === uri).indexOf(p) > 0 && sbomFindings(p.diagnostics).length === 0);
    } finally {
      await client.close();
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }, 30_000);
});

