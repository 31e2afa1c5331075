// The CLI (`cyberdossier check` and `cyberdossier vulns`) and the language server (the draft
// request and the published diagnostics), as real processes over the built bundles, on the same
// fixture data as the engine tests.

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import { URI } from 'vscode-uri';
import { startServer } from '../protocol/client';
import { VulnsDraftRequest, type VulnsDraftResult } from '../../server/src/shared/protocol';
import { COUNT, RC, dataSet, researchReport, tmpTree } from './fixtures';

const CLI = path.join(__dirname, '..', '..', 'bin', 'cyberdossier.js');
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function cli(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function workspace(extra: Record<string, string> = {}): string {
  const d = tmpTree({ ...dataSet(), '.cyberdossierrc.yaml': RC, 'doc.md': researchReport(COUNT([0, 0, 0, 0])), ...extra });
  dirs.push(d);
  return d;
}

describe('cyberdossier vulns', () => {
  test('writes the assessment tables (zh), says what it read on stderr, exit 1 while some need a status', () => {
    const dir = workspace();
    const r = cli(dir, 'vulns', 'doc.md');
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain('| CVSS 漏洞等级 | 已知漏洞数 | 已知剩余漏洞数 |\n| --- | --- | --- |\n| 严重 | 3 | 3 |\n| 高危 | 1 | 1 |\n| 中危 | 3 | 3 |\n| 低危 | 0 | 0 |\n| 合计 | 7 | 7 |');
    expect(r.stdout).toContain('| CVE-2022-37434 | zlib | 1.2.11 | 9.8 | CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H | 严重 | <状态：已修复 / 剩余漏洞 / 不受影响> | <理由> |');
    expect(r.stderr.replace(/\d+ ms/, 'N ms')).toMatchInlineSnapshot(`
      "5 个组件（来自 SBOM），10 个已知漏洞，其中 7 个待评估；漏洞数据截至 2024-08-02（N ms）
        ⚠ 1 个已列入 CISA KEV 且未修复：CVE-2020-11023
      "
    `);
    // The index is beside the data now.
    expect(fs.existsSync(path.join(dir, 'vulns', 'osv', '.cyberdossier-cache', '.gitignore'))).toBe(true);
  });

  test('--format json --locale en --output: rows with the IDs, CVSS and match method; an existing file is kept without --force', () => {
    const dir = workspace();
    const r = cli(dir, 'vulns', '.', '--format', 'json', '--locale', 'en', '--output', 'out/vulns.json');
    expect(r.code, r.stderr).toBe(1);
    const j = JSON.parse(fs.readFileSync(path.join(dir, 'out', 'vulns.json'), 'utf8'));
    expect(j.locale).toBe('en');
    expect(j.counts.critical).toEqual({ known: 3, residual: 3 });
    expect(j.rows.find((x: { id: string }) => x.id === 'CVE-2018-1285')).toEqual({ id: 'CVE-2018-1285', ids: ['CVE-2018-1285', 'GHSA-2cwj-8chv-9pp9'], component: 'log4net', version: '2.0.8', score: 9.8, cvssVersion: '3.1', vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', severity: 'critical', status: 'unassessed', kev: false, matchedBy: 'purl' });
    expect(j.rows.find((x: { id: string }) => x.id === 'CVE-2018-25032')).toMatchObject({ status: 'not_affected', justification: 'vulnerable_code_not_present', matchedBy: 'cpe' });
    expect(cli(dir, 'vulns', '.', '--output', 'out/vulns.json').code).toBe(2);
  });

  test('nothing configured, unusable data, bad usage: exit 2 with a readable message', () => {
    const none = workspace({ '.cyberdossierrc.yaml': 'sbom: bom.json\n' });
    const a = cli(none, 'vulns', 'doc.md');
    expect([a.code, a.stderr.split('\n')[0]]).toEqual([2, 'cyberdossier vulns: .cyberdossierrc.yaml 没有 vulnerabilities：请列出本地漏洞数据文件或文件夹（OSV、NVD、CVE 5、KEV、VEX），例如']);
    const bad = workspace({ '.cyberdossierrc.yaml': 'locale: en\nsbom: bom.json\nvulnerabilities: [vulns/broken.json]\n', 'vulns/broken.json': '{\n  "id": 1,\n' });
    const b = cli(bad, 'vulns', 'doc.md');
    expect([b.code, b.stderr]).toEqual([2, 'cyberdossier vulns: vulns/broken.json: not valid JSON at line 3, column 1\n']);
    expect(cli(bad, 'vulns').code).toBe(2);
    expect(cli(bad, 'vulns', '--help').stdout).toContain('Usage: cyberdossier vulns FILE|FOLDER');
  });
});

describe('cyberdossier check', () => {
  test('reports the new codes with their documentation link, in SARIF too', () => {
    const dir = workspace();
    const r = cli(dir, 'check', 'doc.md', '--format', 'json', '--locale', 'en');
    const diags = JSON.parse(r.stdout).files.flatMap((f: { diagnostics: { code: string; data: Record<string, unknown>; codeDescription?: { href: string } }[] }) => f.diagnostics);
    const kev = diags.find((d: { code: string }) => d.code === 'known-exploited-vulnerability');
    expect(kev.data).toMatchObject({ vulnerability: 'CVE-2020-11023', dataDate: '2024-08-02', kev: { cve: 'CVE-2020-11023', dateAdded: '2025-01-23' } });
    expect(diags.filter((d: { code: string }) => d.code === 'known-vulnerability-unaddressed')).toHaveLength(7);
    const sarif = JSON.parse(cli(dir, 'check', 'doc.md', '--format', 'sarif').stdout);
    const rules = sarif.runs[0].tool.driver.rules.map((x: { id: string }) => x.id);
    expect(rules).toEqual(expect.arrayContaining(['known-exploited-vulnerability', 'known-vulnerability-unaddressed', 'vulnerability-count-mismatch']));
  });
});

describe('the language server', () => {
  test('publishes the findings, and drafts the assessment for the editor command', async () => {
    const dir = workspace();
    const client = await startServer({ root: dir, locale: 'en' });
    try {
      const file = path.join(dir, 'doc.md');
      const uri = await client.open(file, fs.readFileSync(file, 'utf8'));
      const published = await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'known-exploited-vulnerability'));
      const kev = published.diagnostics.find((d: Diagnostic) => d.code === 'known-exploited-vulnerability')!;
      expect(kev).toMatchObject({ severity: 1, source: 'cyberdossier', codeDescription: { href: expect.stringMatching(/known-exploited-vulnerability/) } });
      expect(kev.message).toContain('as of 2024-08-02');
      const draft = (await client.conn.sendRequest(VulnsDraftRequest, { uri })) as VulnsDraftResult;
      expect(draft.locale).toBe('zh-CN');
      expect(draft.markdown).toContain('| 合计 | 7 | 7 |');
      expect(draft.components).toEqual({ count: 5, source: 'sbom' });
      // A URI outside the workspace is refused.
      await expect(client.conn.sendRequest(VulnsDraftRequest, { uri: URI.file('/etc/hosts').toString() })).rejects.toThrow();
    } finally {
      await client.close();
    }
  });
});
