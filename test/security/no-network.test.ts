// No network, no execution, no stray reads or writes (issue 5 §6). The CLI and the language server
// run as real processes with test/security/guard.cjs preloaded: it refuses every socket, DNS
// lookup, HTTP(S)/TLS request and child process, and records every file read, write and module
// load. The engine runs inside both, so it is covered too.

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { URI } from 'vscode-uri';
import { startServer } from '../protocol/client';
import { COUNT, JQUERY_OSV, RC, dataSet, json, researchReport, zipOf } from '../vulns/fixtures';

const ROOT = path.join(__dirname, '..', '..');
const CLI = path.join(ROOT, 'bin', 'cyberdossier.js');
const GUARD = path.join(__dirname, 'guard.cjs');
const MARKER = 'cyberdossier-executed-marker';

interface Record {
  network: string[];
  reads: string[];
  writes: string[];
  dirs: string[];
  exec: string[];
  modules: string[];
}

let ws: string;
let tmp: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberdossier-guard-'));
  ws = path.join(tmp, 'ws');
  fs.mkdirSync(path.join(ws, '.git'), { recursive: true });
  fs.cpSync(path.join(ROOT, 'examples', 'nmpa-2017'), ws, { recursive: true });
  // Files a careless tool might read or run: none of them may be touched.
  const marker = path.join(tmp, MARKER).replace(/\\/g, '/');
  const js = `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran');\n`;
  fs.writeFileSync(path.join(ws, 'secrets.txt'), 'confidential');
  fs.writeFileSync(path.join(ws, '.env'), 'TOKEN=secret');
  fs.writeFileSync(path.join(ws, '.cyberdossierrc.js'), js);
  fs.writeFileSync(path.join(ws, 'cyberdossier.config.js'), js);
  fs.writeFileSync(path.join(ws, 'monitor', 'plugin.js'), js);
  // Configuration is data: tags that other YAML loaders turn into code stay inert strings.
  fs.writeFileSync(
    path.join(ws, '.cyberdossierrc.yaml'),
    `locale: en\nrules:\n  placeholder: warning\nplugins: !!js/function "function () { require('fs').writeFileSync('${marker}', 'ran') }"\nextends: ./cyberdossier.config.js\n`,
  );
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function guarded(args: string[], cwd = ws): { code: number | null; stdout: string; stderr: string; record: Record } {
  const out = path.join(tmp, `record-${Math.random().toString(36).slice(2)}.json`);
  const r = spawnSync(process.execPath, ['--require', GUARD, CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CYBERDOSSIER_GUARD_OUT: out },
    timeout: 20_000, // a hang guard (a FIFO opened by mistake would block forever)
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, record: JSON.parse(fs.readFileSync(out, 'utf8')) };
}

const inside = (dir: string) => (p: string) => path.resolve(p).startsWith(dir + path.sep);
/** What the program may read: its own code, and the dossier's Markdown and configuration. */
function assertReads(record: Record): void {
  for (const p of record.reads) {
    const abs = path.resolve(ws, p);
    if (inside(ws)(abs)) expect(path.basename(abs), abs).toMatch(/\.(md|markdown)$|^dossier\.yaml$|^\.cyberdossierrc\.yaml$/);
    else expect(abs === path.join(ROOT, 'package.json') || abs.startsWith(path.join(ROOT, 'bin')) || abs.startsWith(path.join(ROOT, 'server', 'out')), abs).toBe(true);
  }
  // Folders listed: the dossier's own (walking it for *.md), never the home folder or the system.
  for (const d of record.dirs) {
    const abs = path.resolve(ws, d);
    expect(abs === ws || inside(ws)(abs) || abs.startsWith(ROOT + path.sep), abs).toBe(true);
  }
  for (const m of record.modules) {
    if (!path.isAbsolute(m)) continue; // built-in modules
    expect(inside(ws)(m), m).toBe(false);
    expect(m.startsWith(path.join(ROOT, 'bin')) || m.startsWith(path.join(ROOT, 'server', 'out')), m).toBe(true);
  }
}

describe('the CLI', () => {
  test('checks a dossier without a socket, a child process, a write or a read outside the dossier', () => {
    const r = guarded(['check', '.', '--format', 'json']);
    expect(r.code, r.stderr).toBe(1); // the example with mistakes has errors
    const report = JSON.parse(r.stdout);
    // The executable-looking configuration is reported as invalid data, never run.
    expect(JSON.stringify(report)).toContain('Custom YAML tag !!js/function is not allowed');
    expect(r.record.network).toEqual([]);
    expect(r.record.exec).toEqual([]);
    expect(r.record.writes).toEqual([]);
    assertReads(r.record);
    const read = r.record.reads.map((p) => path.relative(ws, path.resolve(ws, p))).filter((p) => !p.startsWith('..'));
    expect(read).toContain('monitor/dossier.yaml');
    expect(read).toContain('.cyberdossierrc.yaml');
    expect(fs.existsSync(path.join(tmp, MARKER))).toBe(false);
  });
  test('writes only the --output file the user asked for', () => {
    const r = guarded(['check', 'monitor', '--format', 'sarif', '--output', 'reports/cd.sarif']);
    expect(r.code, r.stderr).toBe(1); // the hostile .cyberdossierrc.yaml is config-invalid
    expect(fs.readFileSync(path.join(ws, 'reports', 'cd.sarif'), 'utf8')).toContain('config-invalid');
    expect(r.record.network).toEqual([]);
    expect(r.record.exec).toEqual([]);
    expect(r.record.writes.map((p) => path.relative(ws, path.resolve(ws, p)))).toEqual(['reports', 'reports/cd.sarif']);
    assertReads(r.record);
  });
  test('the guard itself works: a refused connection is recorded', () => {
    const out = path.join(tmp, 'probe.json');
    const r = spawnSync(process.execPath, ['--require', GUARD, '-e', "try { require('https').get('https://example.com') } catch (e) { console.log(e.message) }"], {
      encoding: 'utf8',
      env: { ...process.env, CYBERDOSSIER_GUARD_OUT: out },
    });
    expect(r.stdout).toMatch(/refused/);
    expect(JSON.parse(fs.readFileSync(out, 'utf8')).network).toHaveLength(1);
  });
});

describe('the language server', () => {
  test('a whole editing session opens no socket besides its stdio channel, runs nothing and writes nothing', async () => {
    const out = path.join(tmp, 'server-record.json');
    const c = await startServer({ root: ws, execArgv: ['--require', GUARD], env: { CYBERDOSSIER_GUARD_OUT: out } });
    const file = path.join(ws, 'monitor-with-mistakes', 'description.md');
    const text = fs.readFileSync(file, 'utf8');
    const uri = await c.open(file, text);
    const first = await c.diagnostics(uri);
    expect(first.diagnostics.length).toBeGreaterThan(0);
    c.change(uri, 2, `${text}\n## 5 网络安全能力\n\n待补充\n`);
    await c.diagnostics(uri, (p) => p.version === 2);
    const pos = { line: 0, character: 0 };
    await c.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: pos });
    await c.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: pos });
    const diags = (await c.diagnostics(uri, (p) => p.version === 2)).diagnostics;
    await c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diags[0].range, context: { diagnostics: diags } });
    await c.conn.sendRequest('cyberdossier/checkWorkspace', {});
    await c.conn.sendRequest('cyberdossier/serverInfo');
    await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: URI.file(path.join(ws, 'secrets.txt')).toString(), type: 2 }] });
    await c.conn.sendRequest('cyberdossier/serverInfo');
    await c.close();
    const record: Record = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(record.network).toEqual([]);
    expect(record.exec).toEqual([]);
    expect(record.writes).toEqual([]);
    assertReads(record);
    expect(record.reads.some((p) => p.endsWith('dossier.yaml'))).toBe(true);
    expect(fs.existsSync(path.join(tmp, MARKER))).toBe(false);
  });
});

// Issue 14: a path the configuration names outside the dossier is never opened — not by the
// check, not by the export, not by the server. The targets are real: a secret beside the
// repository, /etc/passwd, /dev/zero and a FIFO through links, a link out of the repository.
describe('configured paths outside the dossier', () => {
  let repo: string;
  let secretDir: string;
  const targets = () => [secretDir, '/etc/passwd', '/dev/zero', path.join(repo, 'fifo.json')];
  beforeAll(() => {
    repo = path.join(tmp, 'hostile');
    secretDir = path.join(tmp, 'secrets');
    fs.mkdirSync(path.join(repo, '.git'), { recursive: true });
    fs.mkdirSync(secretDir);
    fs.writeFileSync(path.join(secretDir, 'secret.json'), '{"token":"secret"}');
    fs.writeFileSync(path.join(secretDir, 'ref.docx'), 'PK not really');
    fs.cpSync(path.join(ROOT, 'examples', 'nmpa-2017', 'monitor'), path.join(repo, 'monitor'), { recursive: true });
    fs.symlinkSync('/dev/zero', path.join(repo, 'zero.json'));
    fs.symlinkSync(path.join(secretDir, 'secret.json'), path.join(repo, 'link.json'));
    expect(spawnSync('mkfifo', [path.join(repo, 'fifo.json')]).status).toBe(0);
    fs.writeFileSync(
      path.join(repo, 'monitor', '.cyberdossierrc.yaml'),
      'sbom:\n  - ../../secrets/secret.json\n  - /etc/passwd\n  - ../zero.json\n  - ../link.json\n  - ../fifo.json\nexport:\n  referenceDocx: ../../secrets/ref.docx\n',
    );
  });
  /** Nothing under a target was opened; everything opened is the dossier's or the program's. */
  function assertNotOpened(record: Record): void {
    const opened = [...record.reads, ...record.writes].map((p) => path.resolve(repo, p));
    for (const t of targets()) expect(opened.filter((p) => p === t || p.startsWith(t + path.sep)), t).toEqual([]);
    for (const p of record.reads.map((x) => path.resolve(repo, x))) {
      const own = p.startsWith(repo + path.sep) && /\.(md|markdown)$|^dossier\.yaml$|^\.cyberdossierrc\.yaml$/.test(path.basename(p));
      expect(own || p === path.join(ROOT, 'package.json') || p.startsWith(path.join(ROOT, 'bin')) || p.startsWith(path.join(ROOT, 'server', 'out')), p).toBe(true);
    }
  }
  test('the check reports each as config-invalid and opens none of them', () => {
    const r = guarded(['check', 'monitor', '--format', 'json', '--locale', 'en'], repo);
    expect(r.code, r.stderr).toBe(1);
    const rc = JSON.parse(r.stdout).files.find((f: { path: string }) => f.path.endsWith('.cyberdossierrc.yaml'));
    expect(rc.diagnostics.map((d: { range: { start: { line: number } }; data?: unknown }) => d.range.start.line)).toEqual([1, 2, 3, 4, 5, 7]);
    expect(r.record.network).toEqual([]);
    assertNotOpened(r.record);
  });
  test('export --force uses the built-in styles and opens none of them', () => {
    const r = guarded(['export', 'monitor', '--to', 'docx', '--force', '--output', 'out.docx', '--locale', 'en'], repo);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('the built-in styles were used');
    // Written: the output only (its folder is made first; the write is recorded as an open too).
    expect(new Set(r.record.writes.map((p) => path.relative(repo, path.resolve(repo, p))))).toEqual(new Set(['', 'out.docx']));
    assertNotOpened({ ...r.record, writes: [] });
  });
  test('a language-server session (open, edit, check the workspace) opens none of them', async () => {
    const out = path.join(tmp, 'hostile-server-record.json');
    const c = await startServer({ root: repo, execArgv: ['--require', GUARD], env: { CYBERDOSSIER_GUARD_OUT: out } });
    const file = path.join(repo, 'monitor', 'cybersecurity-description.md');
    const uri = await c.open(file, fs.readFileSync(file, 'utf8'));
    await c.diagnostics(uri);
    const rcUri = URI.file(path.join(repo, 'monitor', '.cyberdossierrc.yaml')).toString();
    expect((await c.diagnostics(rcUri, (p) => p.diagnostics.length > 0)).diagnostics).toHaveLength(6);
    await c.conn.sendRequest('cyberdossier/checkWorkspace', {});
    await c.close();
    const record: Record = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(record.network).toEqual([]);
    expect(record.writes).toEqual([]);
    assertNotOpened(record);
  });
});

// Issue 17: the vulnerability data are the user's files. Matching them opens no socket, runs
// nothing, reads only the dossier, its SBOM and the configured data, and writes only the index
// beside the data (.cyberdossier-cache/); a configured path that leads outside is never opened.
describe('vulnerability data', () => {
  let repo: string;
  let secretDir: string;
  beforeAll(() => {
    repo = path.join(tmp, 'vulns');
    secretDir = path.join(tmp, 'vuln-secrets');
    fs.mkdirSync(path.join(repo, '.git'), { recursive: true });
    fs.mkdirSync(secretDir);
    fs.writeFileSync(path.join(secretDir, 'osv.json'), '{"id":"GHSA-secret","modified":"2024-01-01T00:00:00Z","affected":[]}');
    for (const [rel, content] of Object.entries(dataSet())) {
      fs.mkdirSync(path.dirname(path.join(repo, rel)), { recursive: true });
      fs.writeFileSync(path.join(repo, rel), content);
    }
    // The zip path too: a per-ecosystem export in the OSV folder (the same advisories: one finding each).
    fs.writeFileSync(path.join(repo, 'vulns', 'osv', 'npm-all.zip'), zipOf(Object.fromEntries(JQUERY_OSV.map((r) => [`${r.id}.json`, json(r)]))));
    fs.writeFileSync(path.join(repo, 'doc.md'), researchReport(COUNT([0, 0, 0, 0])));
    fs.writeFileSync(path.join(repo, '.cyberdossierrc.yaml'), RC);
    fs.mkdirSync(path.join(repo, 'hostile'));
    fs.symlinkSync('/dev/zero', path.join(repo, 'hostile', 'zero.json'));
    fs.symlinkSync(secretDir, path.join(repo, 'hostile', 'linked'));
    expect(spawnSync('mkfifo', [path.join(repo, 'hostile', 'fifo.json')]).status).toBe(0);
    fs.writeFileSync(path.join(repo, 'hostile', 'doc.md'), researchReport(COUNT([0, 0, 0, 0])));
    fs.writeFileSync(path.join(repo, 'hostile', '.cyberdossierrc.yaml'), 'vulnerabilities:\n  - ../../vuln-secrets\n  - zero.json\n  - fifo.json\n  - linked/osv.json\n  - linked\n  - https://osv-vulnerabilities.storage.googleapis.com/npm/all.zip\n');
  });
  const rel = (p: string) => path.relative(repo, path.resolve(repo, p));
  /** Reads: the program, the dossier's Markdown and configuration, the SBOM, the data (JSON, the zip export, VEX) and its index. */
  function assertVulnReads(record: Record): void {
    for (const p of record.reads.map((x) => path.resolve(repo, x))) {
      if (p.startsWith(repo + path.sep)) expect(rel(p), p).toMatch(/\.(md|yaml)$|^bom\.json$|^(vulns|vex)\/.*\.(json|zip)$|\.cyberdossier-cache\/[0-9a-f]+\.(idx\.json|rec)$/);
      else expect(p === path.join(ROOT, 'package.json') || p.startsWith(path.join(ROOT, 'bin')) || p.startsWith(path.join(ROOT, 'server', 'out')), p).toBe(true);
    }
    for (const p of record.writes) expect(rel(p), p).toMatch(/^(vulns|vex)(\/[^/]+)*\/\.cyberdossier-cache(\/(\.gitignore|[0-9a-f]+\.(rec|idx)\.\d+\.\d+\.tmp))?$/);
    expect(record.network).toEqual([]);
    expect(record.exec).toEqual([]);
  }
  /** The code paths ran: the OSV folder's zip export, the NVD, CVE 5 and KEV files, the three VEX documents. */
  function assertFeedsRead(record: Record, cold: boolean): void {
    const read = new Set(record.reads.map((p) => rel(p)));
    if (cold) for (const f of ['vulns/osv/npm-all.zip', 'vulns/nvd/nvdcve-2.0-modified.json', 'vulns/cve/CVE-2023-45853.json', 'vulns/known_exploited_vulnerabilities.json', 'vex/openssl.cdx.json', 'vex/openssl.openvex.json', 'vex/zlib.csaf.json']) expect(read.has(f), f).toBe(true);
    else expect([...read].some((p) => /\.cyberdossier-cache\/[0-9a-f]+\.idx\.json$/.test(p))).toBe(true);
  }
  test('check and vulns: no socket, no child process; reads the data, writes only its index', () => {
    const c = guarded(['check', 'doc.md', '--format', 'json', '--locale', 'en'], repo);
    expect(c.code, c.stderr).toBe(1);
    expect(c.stdout).toContain('known-exploited-vulnerability');
    assertVulnReads(c.record);
    assertFeedsRead(c.record, true);
    expect(c.record.writes.some((p) => p.endsWith('.gitignore'))).toBe(true);
    const v = guarded(['vulns', 'doc.md', '--locale', 'en'], repo);
    expect(v.code, v.stderr).toBe(1);
    expect(v.stdout).toContain('| Total | 7 | 7 |');
    assertVulnReads(v.record);
    assertFeedsRead(v.record, false);
    // Warm: the index is read, nothing is written.
    expect(v.record.writes).toEqual([]);
  });
  test('data paths outside the repository, through links, a device or a FIFO: config-invalid, none opened', () => {
    const r = guarded(['check', 'hostile/doc.md', '--format', 'json', '--locale', 'en'], repo);
    const rc = JSON.parse(r.stdout).files.find((f: { path: string }) => f.path.endsWith('hostile/.cyberdossierrc.yaml'));
    expect(rc.diagnostics.map((d: { range: { start: { line: number } }; data: { problem?: string } }) => [d.range.start.line, d.data.problem ?? null])).toEqual([
      [1, 'outside'],
      [2, 'outside'],
      [3, 'not-a-file'],
      [4, 'outside'],
      [5, 'outside'],
      [6, null],
    ]);
    const opened = [...r.record.reads, ...r.record.writes, ...r.record.dirs].map((p) => path.resolve(repo, p));
    for (const t of [secretDir, '/dev/zero', path.join(repo, 'hostile', 'fifo.json')]) expect(opened.filter((p) => p === t || p.startsWith(t + path.sep)), t).toEqual([]);
    expect(r.record.network).toEqual([]);
    expect(r.record.writes).toEqual([]);
  });
  test('a language-server session with the draft request: no socket, writes only the index', async () => {
    const out = path.join(tmp, 'vulns-server-record.json');
    fs.rmSync(path.join(repo, 'vulns', 'osv', '.cyberdossier-cache'), { recursive: true, force: true });
    const c = await startServer({ root: repo, execArgv: ['--require', GUARD], env: { CYBERDOSSIER_GUARD_OUT: out } });
    const file = path.join(repo, 'doc.md');
    const uri = await c.open(file, fs.readFileSync(file, 'utf8'));
    await c.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'known-exploited-vulnerability'));
    const draft = (await c.conn.sendRequest('cyberdossier/vulnsDraft', { uri })) as { markdown: string };
    expect(draft.markdown).toContain('| 合计 | 7 | 7 |');
    // The watch path: a changed zip export re-checks (and rebuilds the index) without a socket either.
    const n = c.published.length;
    fs.utimesSync(path.join(repo, 'vulns', 'osv', 'npm-all.zip'), new Date(), new Date(Date.now() + 5000));
    await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: URI.file(path.join(repo, 'vulns', 'osv', 'npm-all.zip')).toString(), type: 2 }] });
    await c.diagnostics(uri, (p) => c.published.indexOf(p) >= n && p.diagnostics.some((d) => d.code === 'known-exploited-vulnerability'));
    expect(c.logs.some((l) => l.includes('vulnerability data changed: npm-all.zip'))).toBe(true);
    await c.close();
    const record: Record = JSON.parse(fs.readFileSync(out, 'utf8'));
    assertVulnReads(record);
    // The OSV folder's index was removed: the server read its JSON and the zip export again.
    expect(record.reads.map((p) => rel(p))).toContain('vulns/osv/npm-all.zip');
    expect(record.network).toEqual([]);
  });
});

describe('the manifest', () => {
  test('declares untrusted workspaces limited (nothing of the workspace is executed; settings that load patterns wait for trust) and no other network-facing contribution', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.capabilities.untrustedWorkspaces.supported).toBe('limited');
    // cyberdossier.export names a file (referenceDocx), so it waits for trust like the pattern settings (issue 15 item 5a).
    expect(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations).toEqual(['cyberdossier.ids', 'cyberdossier.dossierGlobs', 'cyberdossier.export']);
    // No setting may name a program to run or a URL to call.
    const props = Object.keys(pkg.contributes.configuration.properties);
    for (const p of props) expect(p).not.toMatch(/path|executable|command|url|endpoint|server\.(?!trace)/i);
  });
});
