// The engine against real files: an SBOM of OpenSSL 1.1.1w, zlib 1.2.11, SQLite 3.45.1, log4net
// 2.0.8 and jQuery 3.1.1 matched against OSV, NVD, CVE 5, KEV and three kinds of VEX; the
// index cached beside the data and rebuilt when a feed changes; the OTS table as the source
// when no SBOM is configured.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { Engine, type FileReport } from '../../server/src/engine/engine';
import { nodeHost } from '../../server/src/engine/host';
import { clearFeedMemory, loadFeed } from '../../server/src/vulns/store';
import { draftAssessment } from '../../server/src/vulns/draft';
import { COUNT, RC, dataSet, json, KEV, researchReport, tmpTree, JQUERY_OSV, nvdFeed, NVD_ITEMS } from './fixtures';
import { sbomReader } from '../../server/src/sbom';

const MINE = new Set(['known-vulnerability-unaddressed', 'known-exploited-vulnerability', 'vulnerability-count-mismatch', 'residual-vulnerability-without-plan', 'vulnerability-data-outdated', 'config-invalid']);
const dirs: string[] = [];
afterEach(() => {
  clearFeedMemory();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function tree(files: Record<string, string | Buffer>): string {
  const d = tmpTree(files);
  dirs.push(d);
  return d;
}

function check(dir: string, file = 'doc.md', engine = new Engine({ sbom: sbomReader, host: nodeHost, roots: () => [dir] })): { engine: Engine; reports: FileReport[]; lines: string } {
  const r = engine.check({ files: [path.join(dir, file)], folders: [] });
  const lines = r.reports
    .flatMap((rep) => rep.diagnostics.filter((x) => MINE.has(x.code)).map((x) => `${path.relative(dir, rep.path)}:${x.range.start.line + 1} ${x.severity} ${x.code}${x.data.vulnerability ? ` ${x.data.vulnerability}` : ''}${x.data.level ? ` level=${x.data.level}` : ''} — ${x.message.en}`))
    .join('\n');
  return { engine, reports: r.reports, lines };
}

const RESIDUAL = `| 漏洞编号 | 漏洞内容 | 对产品的影响 | 综合剩余风险 | 是否可接受 |
| --- | --- | --- | --- | --- |
| CVE-2022-37434 | zlib inflateGetHeader 堆溢出 | 产品不调用 inflateGetHeader | 低 | 是 |
| CVE-2023-45853 | minizip 整数溢出 | 不影响：产品未链接 minizip | 低 | 是 |
| CVE-2025-29087 | SQLite concat_ws 整数溢出 | 已修复：打补丁 | 低 | 是 |
| CVE-2018-1285 | log4net XXE | 已升级到 2.0.10 的配置解析 | 低 | 是 |
| CVE-2020-11022 | jQuery XSS | 仅本地帮助页面 | 低 | 是 |
| CVE-2019-11358 | jQuery 原型污染 | 仅本地帮助页面 | 低 | 是 |`;

describe('SBOM × OSV, NVD, CVE 5, KEV and VEX', () => {
  test('an assessment that lists nothing: every known vulnerability, the KEV entry and the counts are reported, with the data date', () => {
    const dir = tree({ ...dataSet(), '.cyberdossierrc.yaml': RC, 'doc.md': researchReport(COUNT([0, 0, 0, 0])) });
    expect(check(dir).lines).toMatchInlineSnapshot(`
      "doc.md:11 error known-exploited-vulnerability CVE-2020-11023 — CVE-2020-11023 is in the CISA Known Exploited Vulnerabilities catalog (added 2025-01-23), affects jQuery 3.1.1 and is not fixed (vulnerability data: osv, nvdcve-2.0-modified.json, cve, known_exploited_vulnerabilities.json, vex, as of 2024-08-02): an exploited vulnerability must be fixed (upgrade or patch the component), or a VEX statement must say why the device is not affected (六（一）3, 表1)
      doc.md:11 warning known-vulnerability-unaddressed CVE-2018-1285 — The known vulnerability CVE-2018-1285 (CVSS 9.8) affects log4net 2.0.8, but “3 漏洞评估” (R3) does not list it and no VEX statement assesses it (vulnerability data: osv, nvdcve-2.0-modified.json, cve, known_exploited_vulnerabilities.json, vex, as of 2024-08-02): list it in the assessment (fixed, residual, or not affected with the reason) (六（一）3, 表1)
      doc.md:11 warning known-vulnerability-unaddressed CVE-2022-37434 — The known vulnerability CVE-2022-37434 (CVSS 9.8) affects zlib 1.2.11, but “3 漏洞评估” (R3) does not list it and no VEX statement assesses it (vulnerability data: osv, nvdcve-2.0-modified.json, cve, known_exploited_vulnerabilities.json, vex, as of 2024-08-02): list it in the assessment (fixed, residual, or not affected with the reason) (六（一）3, 表1)
      doc.md:11 warning known-vulnerability-unaddressed CVE-2023-45853 — The known vulnerability CVE-2023-45853 (CVSS 9.8) affects zlib 1.2.11, but “3 漏洞评估” (R3) does not list it and no VEX statement assesses it (vulnerability data: osv, nvdcve-2.0-modified.json, cve, known_exploited_vulnerabilities.json, vex, as of 2024-08-02): list it in the assessment (fixed, residual, or not affected with the reason) (六（一）3, 表1)
      doc.md:11 warning known-vulnerability-unaddressed CVE-2025-29087 — The known vulnerability CVE-2025-29087 (CVSS 7.5) affects SQLite 3.45.1, but “3 漏洞评估” (R3) does not list it and no VEX statement assesses it (vulnerability data: osv, nvdcve-2.0-modified.json, cve, known_exploited_vulnerabilities.json, vex, as of 2024-08-02): list it in the assessment (fixed, residual, or not affected with the reason) (六（一）3, 表1)
      doc.md:11 warning known-vulnerability-unaddressed CVE-2019-11358 — The known vulnerability CVE-2019-11358 (CVSS 6.1) affects jQuery 3.1.1, but “3 漏洞评估” (R3) does not list it and no VEX statement assesses it (vulnerability data: osv, nvdcve-2.0-modified.json, cve, known_exploited_vulnerabilities.json, vex, as of 2024-08-02): list it in the assessment (fixed, residual, or not affected with the reason) (六（一）3, 表1)
      doc.md:11 warning known-vulnerability-unaddressed CVE-2020-11022 — The known vulnerability CVE-2020-11022 (CVSS 6.1) affects jQuery 3.1.1, but “3 漏洞评估” (R3) does not list it and no VEX statement assesses it (vulnerability data: osv, nvdcve-2.0-modified.json, cve, known_exploited_vulnerabilities.json, vex, as of 2024-08-02): list it in the assessment (fixed, residual, or not affected with the reason) (六（一）3, 表1)
      doc.md:11 warning known-vulnerability-unaddressed CVE-2020-11023 — The known vulnerability CVE-2020-11023 (CVSS 6.1) affects jQuery 3.1.1, but “3 漏洞评估” (R3) does not list it and no VEX statement assesses it (vulnerability data: osv, nvdcve-2.0-modified.json, cve, known_exploited_vulnerabilities.json, vex, as of 2024-08-02): list it in the assessment (fixed, residual, or not affected with the reason) (六（一）3, 表1)
      doc.md:11 warning vulnerability-count-mismatch level=critical — “3 漏洞评估” (R3) counts 0 known “Critical” vulnerabilities, but the data shows at least 3 for the listed components (CVE-2018-1285, CVE-2022-37434, CVE-2023-45853) (vulnerability data: osv, nvdcve-2.0-modified.json, cve, known_exploited_vulnerabilities.json, vex, as of 2024-08-02): the counts by CVSS level must agree with the vulnerabilities (六（一）3, 表1)
      doc.md:11 warning vulnerability-count-mismatch level=high — “3 漏洞评估” (R3) counts 0 known “High” vulnerabilities, but the data shows at least 1 for the listed components (CVE-2025-29087) (vulnerability data: osv, nvdcve-2.0-modified.json, cve, known_exploited_vulnerabilities.json, vex, as of 2024-08-02): the counts by CVSS level must agree with the vulnerabilities (六（一）3, 表1)
      doc.md:11 warning vulnerability-count-mismatch level=medium — “3 漏洞评估” (R3) counts 0 known “Medium” vulnerabilities, but the data shows at least 3 for the listed components (CVE-2019-11358, CVE-2020-11022, CVE-2020-11023) (vulnerability data: osv, nvdcve-2.0-modified.json, cve, known_exploited_vulnerabilities.json, vex, as of 2024-08-02): the counts by CVSS level must agree with the vulnerabilities (六（一）3, 表1)"
    `);
  });

  test('listed vulnerabilities with their status, VEX for the rest: only the KEV entry that is not fixed remains', () => {
    const dir = tree({ ...dataSet(), '.cyberdossierrc.yaml': RC, 'doc.md': researchReport(`${COUNT([3, 1, 3, 0], [1, 0, 3, 0])}\n\n${RESIDUAL}\n| CVE-2020-11023 | jQuery XSS | 帮助页面 | 低 | 是 |`) });
    expect(check(dir).lines).toMatchInlineSnapshot(`"doc.md:11 error known-exploited-vulnerability CVE-2020-11023 — CVE-2020-11023 is in the CISA Known Exploited Vulnerabilities catalog (added 2025-01-23), affects jQuery 3.1.1 and is not fixed (vulnerability data: osv, nvdcve-2.0-modified.json, cve, known_exploited_vulnerabilities.json, vex, as of 2024-08-02): an exploited vulnerability must be fixed (upgrade or patch the component), or a VEX statement must say why the device is not affected (六（一）3, 表1)"`);
  });

  test('a KEV entry marked fixed in its row is not reported; the data date is in the finding data', () => {
    const dir = tree({ ...dataSet(), '.cyberdossierrc.yaml': RC, 'doc.md': researchReport(`${COUNT([3, 1, 3, 0], [1, 0, 2, 0])}\n\n${RESIDUAL}\n| CVE-2020-11023 | jQuery XSS | 已修复：已替换受影响的 htmlPrefilter | 低 | 是 |`) });
    const { lines, reports } = check(dir);
    expect(lines).toBe('');
    expect(reports.flatMap((r) => r.diagnostics).filter((d) => MINE.has(d.code))).toEqual([]);
  });

  test('major level: residual vulnerabilities without the maintenance plan (R3.3)', () => {
    const body = `${COUNT([3, 1, 3, 0], [1, 0, 3, 0])}\n\n${RESIDUAL}\n| CVE-2020-11023 | jQuery XSS | 已修复 | 低 | 是 |`;
    const dir = tree({ ...dataSet(), '.cyberdossierrc.yaml': RC, 'doc.md': researchReport(body, 'major') });
    expect(check(dir).lines).toMatchInlineSnapshot(`"doc.md:11 warning residual-vulnerability-without-plan — The listed components have 3 known vulnerabilities not fixed (CVE-2022-37434, CVE-2019-11358, CVE-2020-11022) (vulnerability data: osv, nvdcve-2.0-modified.json, cve, known_exploited_vulnerabilities.json, vex, as of 2024-08-02), but “已知剩余漏洞的维护方案” (R3.3) is not written: state the maintenance plan of the known residual vulnerabilities (六（一）3)"`);
    fs.writeFileSync(path.join(dir, 'doc.md'), researchReport(`${body}\n\n## 3.3 已知剩余漏洞的维护方案\n\n每月比对 OSV 与 KEV；CVE-2022-37434 等随 V2.2 升级 zlib 1.3.1 修复。\n`, 'major'));
    expect(check(dir).lines).not.toContain('residual-vulnerability-without-plan');
  });

  test('maxAge: data older than allowed is reported on the rc entry, with its date', () => {
    const dir = tree({ ...dataSet(), '.cyberdossierrc.yaml': RC.replace('maxAge: 100000d', 'maxAge: 30d'), 'doc.md': researchReport(COUNT([3, 1, 3, 0])) });
    const out = check(dir).lines.split('\n').filter((l) => l.includes('outdated'));
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^\.cyberdossierrc\.yaml:6 warning vulnerability-data-outdated — The vulnerability data vulns\/known_exploited_vulnerabilities\.json is as of 2025-01-23, \d+ days ago, older than its maxAge \(30d\)/);
  });
});

describe('the index beside the data', () => {
  test('is written under .cyberdossier-cache/ (ignored by git), read warm, and rebuilt when a feed changes', () => {
    const dir = tree({ ...dataSet(), '.cyberdossierrc.yaml': RC, 'doc.md': researchReport(COUNT([0, 0, 0, 0])) });
    const scope = { base: dir, roots: [] };
    const first = loadFeed(nodeHost, { value: 'vulns/nvd/nvdcve-2.0-modified.json' }, scope);
    expect(first.ok && first.cache).toBe('built');
    const cache = path.join(dir, 'vulns', 'nvd', '.cyberdossier-cache');
    expect(fs.readFileSync(path.join(cache, '.gitignore'), 'utf8')).toContain('*');
    expect(fs.readdirSync(cache).filter((f) => /\.(idx\.json|rec)$/.test(f))).toHaveLength(2);
    expect(loadFeed(nodeHost, { value: 'vulns/nvd/nvdcve-2.0-modified.json' }, scope).ok && 'memory').toBe('memory');
    clearFeedMemory();
    const warm = loadFeed(nodeHost, { value: 'vulns/nvd/nvdcve-2.0-modified.json' }, scope);
    expect(warm.ok && warm.cache).toBe('disk');
    expect(warm.ok && warm.index.count).toBe(NVD_ITEMS.length);
    // A changed feed (one CVE less) is re-read, in memory and on disk.
    fs.writeFileSync(path.join(dir, 'vulns/nvd/nvdcve-2.0-modified.json'), json(nvdFeed(NVD_ITEMS.slice(1))));
    const rebuilt = loadFeed(nodeHost, { value: 'vulns/nvd/nvdcve-2.0-modified.json' }, scope);
    expect(rebuilt.ok && [rebuilt.cache, rebuilt.index.count]).toEqual(['built', NVD_ITEMS.length - 1]);
    clearFeedMemory();
    const again = loadFeed(nodeHost, { value: 'vulns/nvd/nvdcve-2.0-modified.json' }, scope);
    expect(again.ok && [again.cache, again.index.count]).toEqual(['disk', NVD_ITEMS.length - 1]);
  });

  test('a folder is rebuilt when a file is added; a planted link in place of the cache is not followed', () => {
    const dir = tree({ ...dataSet(), 'outside/keep.txt': 'untouched' });
    const scope = { base: dir, roots: [] };
    const a = loadFeed(nodeHost, { value: 'vulns/osv' }, scope);
    expect(a.ok && a.index.count).toBe(JQUERY_OSV.length + 1);
    fs.writeFileSync(path.join(dir, 'vulns/osv/extra.json'), json({ ...JQUERY_OSV[0], id: 'GHSA-xxxx-xxxx-xxxx', aliases: [] }));
    const b = loadFeed(nodeHost, { value: 'vulns/osv' }, scope);
    expect(b.ok && [b.cache, b.index.count]).toEqual(['built', JQUERY_OSV.length + 2]);
    // A symbolic link where the cache folder would be: no index is written through it.
    fs.symlinkSync(path.join(dir, 'outside'), path.join(dir, 'vulns/cve/.cyberdossier-cache'));
    const c = loadFeed(nodeHost, { value: 'vulns/cve' }, scope);
    expect(c.ok && c.cache).toBe('built');
    expect(fs.readdirSync(path.join(dir, 'outside'))).toEqual(['keep.txt']);
  });

  test('writeCache: false keeps the index in memory only', () => {
    const dir = tree(dataSet());
    const r = loadFeed(nodeHost, { value: 'vulns/known_exploited_vulnerabilities.json' }, { base: dir, roots: [] }, { writeCache: false });
    expect(r.ok && r.kev.size).toBe(KEV.vulnerabilities.length);
    expect(fs.existsSync(path.join(dir, 'vulns', '.cyberdossier-cache'))).toBe(false);
  });
});

describe('without an SBOM: the OTS table (name and version only)', () => {
  const IFU = `---
document: instructions-for-use
guideline: nmpa-2022
submission: initial-registration
product: { name: 多参数患者监护仪, model: PM-9000, class: II, software_version: V2.1.0.3 }
software: { safety_level: moderate }
data: { types: [device] }
---

# 8 现成软件清单

| 名称 | 型号规格 | 完整版本 | 供应商 |
| --- | --- | --- | --- |
| zlib | 通用版 | 1.2.11 | Jean-loup Gailly and Mark Adler |
| jQuery | 通用版 | 3.1.1 | OpenJS Foundation |
`;
  test('matches by normalised name, with each record’s version semantics', () => {
    const dir = tree({
      ...dataSet(),
      '.cyberdossierrc.yaml': RC.replace('sbom: bom.json\n', ''),
      'dossier/dossier.yaml': 'guideline: nmpa-2022\nsubmission: initial-registration\nproduct: { name: 多参数患者监护仪, model: PM-9000, class: II, software_version: V2.1.0.3 }\nsoftware: { safety_level: moderate }\n',
      'dossier/ifu.md': IFU,
      'dossier/research.md': researchReport(COUNT([0, 0, 0, 0])),
    });
    const engine = new Engine({ sbom: sbomReader, host: nodeHost, roots: () => [dir] });
    const r = engine.check({ files: [], folders: [path.join(dir, 'dossier')] });
    const got = r.reports.flatMap((rep) => rep.diagnostics.filter((x) => x.code === 'known-vulnerability-unaddressed').map((x) => `${x.data.vulnerability} ${JSON.stringify(x.data.affects)}`));
    expect(got).toMatchInlineSnapshot(`
      [
        "CVE-2022-37434 [{"name":"zlib","version":"1.2.11","matchedBy":"name"}]",
        "CVE-2023-45853 [{"name":"zlib","version":"1.2.11","matchedBy":"name"}]",
        "CVE-2019-11358 [{"name":"jQuery","version":"3.1.1","matchedBy":"name"}]",
        "CVE-2020-11022 [{"name":"jQuery","version":"3.1.1","matchedBy":"name"}]",
        "CVE-2020-11023 [{"name":"jQuery","version":"3.1.1","matchedBy":"name"}]",
      ]
    `);
  });
});

describe('drafting', () => {
  test('the table of every known vulnerability, the counts by CVSS level and the residual list (zh)', () => {
    const dir = tree({ ...dataSet(), '.cyberdossierrc.yaml': RC, 'doc.md': researchReport(COUNT([0, 0, 0, 0])) });
    const d = draftAssessment(new Engine({ sbom: sbomReader, host: nodeHost, roots: () => [dir] }), { file: path.join(dir, 'doc.md') });
    expect(d.locale).toBe('zh-CN');
    expect(d.markdown).toMatchInlineSnapshot(`
      "漏洞数据：vulns/osv、vulns/nvd/nvdcve-2.0-modified.json、vulns/cve、vulns/known_exploited_vulnerabilities.json、vex，截至 2024-08-02；按 CVSS v3.1 基本分数分级（严重 ≥ 9.0，高危 ≥ 7.0，中危 ≥ 4.0，低危 ≥ 0.1）。

      | CVSS 漏洞等级 | 已知漏洞数 | 已知剩余漏洞数 |
      | --- | --- | --- |
      | 严重 | 3 | 3 |
      | 高危 | 1 | 1 |
      | 中危 | 3 | 3 |
      | 低危 | 0 | 0 |
      | 合计 | 7 | 7 |

      | CVE | 组件 | 版本 | CVSS v3.1 基本分数 | CVSS v3.1 向量 | 严重程度 | 状态 | 理由 |
      | --- | --- | --- | --- | --- | --- | --- | --- |
      | CVE-2018-1285（GHSA-2cwj-8chv-9pp9） | log4net | 2.0.8 | 9.8 | CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H | 严重 | <状态：已修复 / 剩余漏洞 / 不受影响> | <理由> |
      | CVE-2022-37434 | zlib | 1.2.11 | 9.8 | CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H | 严重 | <状态：已修复 / 剩余漏洞 / 不受影响> | <理由> |
      | CVE-2023-45853 | zlib | 1.2.11 | 9.8 | CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H | 严重 | <状态：已修复 / 剩余漏洞 / 不受影响> | <理由> |
      | CVE-2018-25032 | zlib | 1.2.11 | 7.5 | CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H | 高危 | 不受影响 | vulnerable_code_not_present |
      | CVE-2025-29087 | SQLite | 3.45.1 | 7.5 | CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H | 高危 | <状态：已修复 / 剩余漏洞 / 不受影响> | <理由> |
      | CVE-2019-11358（GHSA-6c3j-c64m-qhgq） | jQuery | 3.1.1 | 6.1 | CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N | 中危 | <状态：已修复 / 剩余漏洞 / 不受影响> | <理由> |
      | CVE-2020-11022（GHSA-gxr4-xjj5-5px2） | jQuery | 3.1.1 | 6.1 | CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N | 中危 | <状态：已修复 / 剩余漏洞 / 不受影响> | <理由> |
      | CVE-2020-11023（GHSA-jpcq-cgw6-v4j6） | jQuery | 3.1.1 | 6.1 | CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N | 中危 | <状态：已修复 / 剩余漏洞 / 不受影响>（KEV 已知被利用） | <理由> |
      | CVE-2024-0727 | openssl | 1.1.1w | 5.5 | CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:N/I:N/A:H | 中危 | 不受影响 | vulnerable_code_not_in_execute_path |
      | CVE-2023-5678 | openssl | 1.1.1w | 5.3 | CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L | 中危 | 不受影响 | code_not_reachable |

      | 漏洞编号 | 漏洞内容 | 对产品的影响 | 综合剩余风险 | 是否可接受 |
      | --- | --- | --- | --- | --- |
      | CVE-2018-1285 | log4net 2.0.8 的已知漏洞 | <对产品的影响> | <综合剩余风险> | <是/否> |
      | CVE-2022-37434 | zlib 1.2.11 的已知漏洞 | <对产品的影响> | <综合剩余风险> | <是/否> |
      | CVE-2023-45853 | zlib 1.2.11 的已知漏洞 | <对产品的影响> | <综合剩余风险> | <是/否> |
      | CVE-2025-29087 | SQLite 3.45.1 的已知漏洞 | <对产品的影响> | <综合剩余风险> | <是/否> |
      | CVE-2019-11358 | jQuery 3.1.1 的已知漏洞 | <对产品的影响> | <综合剩余风险> | <是/否> |
      | CVE-2020-11022 | jQuery 3.1.1 的已知漏洞 | <对产品的影响> | <综合剩余风险> | <是/否> |
      | CVE-2020-11023 | jQuery 3.1.1 的已知漏洞 | <对产品的影响> | <综合剩余风险> | <是/否> |
      "
    `);
    // Pasted into the assessment, the drafted tables leave only their placeholders (and the KEV entry).
    fs.writeFileSync(path.join(dir, 'doc.md'), researchReport(d.markdown));
    expect(check(dir).lines).toMatchInlineSnapshot(`"doc.md:11 error known-exploited-vulnerability CVE-2020-11023 — CVE-2020-11023 is in the CISA Known Exploited Vulnerabilities catalog (added 2025-01-23), affects jQuery 3.1.1 and is not fixed (vulnerability data: osv, nvdcve-2.0-modified.json, cve, known_exploited_vulnerabilities.json, vex, as of 2024-08-02): an exploited vulnerability must be fixed (upgrade or patch the component), or a VEX statement must say why the device is not affected (六（一）3, 表1)"`);
  });

  test('English when the configuration says so', () => {
    const dir = tree({ ...dataSet(), '.cyberdossierrc.yaml': `locale: en\n${RC}`, 'doc.md': researchReport(COUNT([0, 0, 0, 0])) });
    const d = draftAssessment(new Engine({ sbom: sbomReader, host: nodeHost, roots: () => [dir] }), { file: path.join(dir, 'doc.md') });
    expect(d.locale).toBe('en');
    expect(d.markdown.split('\n').slice(0, 3).join('\n')).toMatchInlineSnapshot(`
      "Vulnerability data: vulns/osv, vulns/nvd/nvdcve-2.0-modified.json, vulns/cve, vulns/known_exploited_vulnerabilities.json, vex, as of 2024-08-02; levels by CVSS v3.1 base score (critical ≥ 9.0, high ≥ 7.0, medium ≥ 4.0, low ≥ 0.1).

      | CVSS severity | Known vulnerabilities | Residual vulnerabilities |"
    `);
    expect(d.markdown).toContain('| CVE-2020-11023 (GHSA-jpcq-cgw6-v4j6) | jQuery | 3.1.1 | 6.1 | CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N | Medium | {{insert status: fixed / residual / not affected}} (KEV: known exploited) | {{insert justification}} |');
  });
});
