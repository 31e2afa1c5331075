// Issue 17: the server watches the configured vulnerability data. It registers a watcher
// (workspace/didChangeWatchedFiles, dynamic registration) for each feed file or folder the open
// dossiers configure — VEX included —, and a changed feed file re-checks the dossier: a CVE the
// table does not address appears when a record is added to the OSV folder, and goes again when a
// VEX statement assesses it. Both a push client (published diagnostics) and a pull client
// (workspace/diagnostic/refresh, then textDocument/diagnostic).

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FileChangeType, type Diagnostic, type DidChangeWatchedFilesRegistrationOptions } from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';
import { startServer, type TestClient } from './client';
import { COUNT, JQUERY_OSV, SBOM, json, researchReport } from '../vulns/fixtures';

const WATCH = 'workspace/didChangeWatchedFiles';
const RC = 'sbom: bom.json\nvulnerabilities:\n  - vulns/osv\n  - vex\n';
/** The assessment lists CVE-2020-11023 (its row) and counts it: only a new CVE can be unaddressed. */
const DOC = researchReport(`${COUNT([0, 0, 1, 0], [0, 0, 1, 0])}\n\n| 漏洞编号 | 漏洞内容 | 对产品的影响 | 综合剩余风险 | 是否可接受 |\n| --- | --- | --- | --- | --- |\n| CVE-2020-11023 | jQuery XSS | 仅本地帮助页面 | 低 | 是 |\n`);
/** CycloneDX VEX: CVE-2020-11022 does not affect the jQuery of the device. */
const VEX = {
  bomFormat: 'CycloneDX',
  specVersion: '1.5',
  version: 1,
  metadata: { timestamp: '2024-12-05T09:00:00Z' },
  components: [{ type: 'library', 'bom-ref': 'jquery-3.1.1', name: 'jQuery', version: '3.1.1', purl: 'pkg:npm/jquery@3.1.1' }],
  vulnerabilities: [{ id: 'CVE-2020-11022', analysis: { state: 'not_affected', justification: 'code_not_reachable', detail: 'The help pages pass no untrusted HTML to jQuery.' }, affects: [{ ref: 'jquery-3.1.1' }] }],
};

const unaddressed = (ds: Diagnostic[]) =>
  ds
    .filter((d) => d.code === 'known-vulnerability-unaddressed' || d.code === 'known-exploited-vulnerability')
    .map((d) => `${d.code} ${(d.data as { vulnerability?: string }).vulnerability}`)
    .sort();

function workspace(): string {
  const ws = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'cyberdossier-vwatch-')));
  fs.mkdirSync(path.join(ws, '.git'));
  fs.mkdirSync(path.join(ws, 'vulns', 'osv'), { recursive: true });
  fs.mkdirSync(path.join(ws, 'vex'));
  fs.writeFileSync(path.join(ws, 'bom.json'), json(SBOM));
  fs.writeFileSync(path.join(ws, '.cyberdossierrc.yaml'), RC);
  fs.writeFileSync(path.join(ws, 'vulns', 'osv', `${JQUERY_OSV[0].id}.json`), json(JQUERY_OSV[0]));
  // The VEX folder starts with a statement about something else (a folder entry must hold data).
  fs.writeFileSync(path.join(ws, 'vex', 'other.cdx.json'), json({ ...VEX, vulnerabilities: [{ ...VEX.vulnerabilities[0], id: 'CVE-2015-9251' }] }));
  fs.writeFileSync(path.join(ws, 'doc.md'), DOC);
  return ws;
}

const CAPS = {
  push: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true } } },
  pull: {
    workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, diagnostics: { refreshSupport: true } },
    textDocument: { diagnostic: { dynamicRegistration: false } },
  },
};

describe.each(['push', 'pull'] as const)('a %s client', (mode) => {
  let ws: string;
  let c: TestClient;
  let uri: string;
  beforeAll(async () => {
    ws = workspace();
    c = await startServer({ root: ws, capabilities: CAPS[mode] });
  });
  afterAll(async () => {
    await c?.close();
    fs.rmSync(ws, { recursive: true, force: true });
  });

  /** The findings of doc.md once they satisfy `pred`: the next publication (push) or a pull after the refresh. */
  async function findings(pred: (ds: Diagnostic[]) => boolean, refreshesBefore: number, publishedBefore: number): Promise<Diagnostic[]> {
    // Only a publication after the change counts (the first check's would satisfy "none reported").
    if (mode === 'push') return (await c.diagnostics(uri, (p) => c.published.indexOf(p) >= publishedBefore && pred(p.diagnostics))).diagnostics;
    await c.refreshed(refreshesBefore);
    const r = (await c.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { kind: string; items: Diagnostic[] };
    expect(r.kind).toBe('full');
    return r.items;
  }

  const changed = (rel: string, type: FileChangeType) => c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: URI.file(path.join(ws, rel)).toString(), type }] });

  test('opening the dossier registers a watcher for the OSV folder and the VEX folder', async () => {
    uri = await c.open(path.join(ws, 'doc.md'), DOC);
    const reg = await c.registered(WATCH);
    const opts = reg.registerOptions as DidChangeWatchedFilesRegistrationOptions;
    const patterns = opts.watchers.map((w) => (typeof w.globPattern === 'string' ? w.globPattern : `${URI.parse(typeof w.globPattern.baseUri === 'string' ? w.globPattern.baseUri : w.globPattern.baseUri.uri).fsPath}|${w.globPattern.pattern}`));
    const slash = (p: string) => p.split(path.sep).join('/');
    expect(patterns).toEqual(
      mode === 'push'
        ? [`${ws}|vex`, `${path.join(ws, 'vex')}|**/*.{json,zip}`, `${path.join(ws, 'vulns')}|osv`, `${path.join(ws, 'vulns', 'osv')}|**/*.{json,zip}`]
        : [slash(path.join(ws, 'vex')), `${slash(path.join(ws, 'vex'))}/**/*.{json,zip}`, slash(path.join(ws, 'vulns', 'osv')), `${slash(path.join(ws, 'vulns', 'osv'))}/**/*.{json,zip}`],
    );
    // The first check: the listed CVE is addressed, nothing is reported.
    const first = mode === 'push' ? (await c.diagnostics(uri)).diagnostics : ((await c.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diagnostic[] }).items;
    expect(unaddressed(first)).toEqual([]);
    expect(first.filter((d) => d.code === 'config-invalid')).toEqual([]);
    // Checking again with the same data does not register again.
    await c.checked(uri, 1);
    expect(c.registrations.filter((r) => r.method === WATCH)).toHaveLength(1);
  });

  test('a record added to the OSV folder: the dossier is checked again and the new CVE is reported', async () => {
    const before = c.refreshes;
    const n = c.published.length;
    fs.writeFileSync(path.join(ws, 'vulns', 'osv', `${JQUERY_OSV[1].id}.json`), json(JQUERY_OSV[1]));
    await changed(`vulns/osv/${JQUERY_OSV[1].id}.json`, FileChangeType.Created);
    const ds = await findings((d) => unaddressed(d).length > 0, before, n);
    expect(unaddressed(ds)).toEqual(['known-vulnerability-unaddressed CVE-2020-11022']);
    const d = ds.find((x) => x.code === 'known-vulnerability-unaddressed')!;
    expect(d.message).toContain('CVE-2020-11022 (CVSS 6.1) affects jQuery 3.1.1');
    if (mode === 'pull') expect(c.published.length).toBe(n); // nothing pushed to a pull client
  });

  test('a VEX statement written: the CVE counts as assessed, the finding goes', async () => {
    const before = c.refreshes;
    const n = c.published.length;
    fs.writeFileSync(path.join(ws, 'vex', 'jquery.cdx.json'), json(VEX));
    await changed('vex/jquery.cdx.json', FileChangeType.Created);
    const ds = await findings((d) => unaddressed(d).length === 0, before, n);
    expect(unaddressed(ds)).toEqual([]);
  });

  test('a record changed in place (same name and size class): the change is seen', async () => {
    const before = c.refreshes;
    const n = c.published.length;
    // CVE-2020-11023's record now says the range ends before 3.1.1: it no longer affects the component,
    // and a new advisory (CVE-2019-11358) is appended as a second record of the same file.
    const moved = { ...JQUERY_OSV[0], affected: [{ ...(JQUERY_OSV[0].affected[0] as Record<string, unknown>), ranges: [{ type: 'SEMVER', events: [{ introduced: '1.0.3' }, { fixed: '3.0.0' }] }] }] };
    fs.writeFileSync(path.join(ws, 'vulns', 'osv', `${JQUERY_OSV[0].id}.json`), json([moved, JQUERY_OSV[2]]));
    await changed(`vulns/osv/${JQUERY_OSV[0].id}.json`, FileChangeType.Changed);
    const ds = await findings((d) => unaddressed(d).length > 0, before, n);
    expect(unaddressed(ds)).toEqual(['known-vulnerability-unaddressed CVE-2019-11358']);
  });

  test('a feed that turns hostile (malformed) is config-invalid on its entry; the server keeps serving', async () => {
    const before = c.refreshes;
    fs.writeFileSync(path.join(ws, 'vex', 'jquery.cdx.json'), '{"bomFormat": "CycloneDX", "vulnerabilities": [ SECRET-TOKEN ]}');
    await changed('vex/jquery.cdx.json', FileChangeType.Changed);
    const rcUri = URI.file(path.join(ws, '.cyberdossierrc.yaml')).toString();
    let rc: Diagnostic[];
    if (mode === 'push') rc = (await c.diagnostics(rcUri, (p) => p.diagnostics.some((d) => d.code === 'config-invalid'))).diagnostics;
    else {
      await c.refreshed(before);
      await c.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
      const report = (await c.conn.sendRequest('workspace/diagnostic', { previousResultIds: [] })) as { items: { uri: string; items: Diagnostic[] }[] };
      rc = report.items.find((i) => i.uri === rcUri)?.items ?? [];
    }
    expect(rc.map((d) => [d.code, d.range.start.line, (d.data as { problem?: string }).problem, (d.data as { file?: string }).file])).toEqual([['config-invalid', 3, 'invalid', 'jquery.cdx.json']]);
    expect(JSON.stringify(rc)).not.toContain('SECRET');
    const info = (await c.conn.sendRequest('cyberdossier/serverInfo')) as { pid: number };
    expect(info.pid).toBe(c.proc.pid);
  });
});

describe('a client without dynamic watcher registration', () => {
  test('is never asked to register one; its own *.json watcher still re-checks on a changed feed', async () => {
    const ws = workspace();
    const c = await startServer({ root: ws, capabilities: { workspace: { configuration: true } } });
    try {
      const uri = await c.open(path.join(ws, 'doc.md'), DOC);
      expect(unaddressed((await c.diagnostics(uri)).diagnostics)).toEqual([]);
      await c.checked(uri, 1);
      fs.writeFileSync(path.join(ws, 'vulns', 'osv', `${JQUERY_OSV[1].id}.json`), json(JQUERY_OSV[1]));
      await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: URI.file(path.join(ws, 'vulns', 'osv', `${JQUERY_OSV[1].id}.json`)).toString(), type: FileChangeType.Created }] });
      const ds = (await c.diagnostics(uri, (p) => unaddressed(p.diagnostics).length > 0)).diagnostics;
      expect(unaddressed(ds)).toEqual(['known-vulnerability-unaddressed CVE-2020-11022']);
      expect(c.registrations.filter((r) => r.method === WATCH)).toEqual([]);
    } finally {
      await c.close();
      fs.rmSync(ws, { recursive: true, force: true });
    }
  });
});
