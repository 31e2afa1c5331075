// Issue 17 in the FDA rule set: the same vulnerability data checked against K6 of a risk
// management report (V.A.4.b: «identify all known vulnerabilities … including those identified in
// CISA’s Known Exploited Vulnerabilities Catalog»). Rule-set data only (vulnerabilityData).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { Engine } from '../../server/src/engine/engine';
import { nodeHost } from '../../server/src/engine/host';
import { clearFeedMemory } from '../../server/src/vulns/store';
import { RC, dataSet, tmpTree } from './fixtures';
import { sbomReader } from '../../server/src/sbom';

const dirs: string[] = [];
afterEach(() => {
  clearFeedMemory();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const FM = `---
document: cybersecurity-risk-management-report
guideline: fda-premarket-2025
submission: 510k
submission_date: 2025-09-15
product: { name: SmartInfuse IP-600 Infusion Pump, model: IP-600, software_version: 3.2.1.4 }
cyber_device: { software: true, internet: true, vulnerable_characteristics: true }
connectivity: { wireless: [wifi] }
---`;

const report = (rows: string) => `${FM}

# 6 Vulnerability assessment and software support

## 6.1 Known vulnerabilities

| Vulnerability | Component | How discovered | Risk assessment | Controls | Status |
| --- | --- | --- | --- | --- | --- |
${rows}
`;

const ALL = [
  ['CVE-2020-11023', 'jQuery 3.1.1', 'Fixed – upgraded to 3.7.1'],
  ['CVE-2020-11022', 'jQuery 3.1.1', 'Fixed – upgraded to 3.7.1'],
  ['CVE-2019-11358', 'jQuery 3.1.1', 'Fixed – upgraded to 3.7.1'],
  ['CVE-2018-1285', 'log4net 2.0.8', 'Fixed – upgraded to 2.0.10'],
  ['CVE-2022-37434', 'zlib 1.2.11', 'Not affected: inflateGetHeader is never called'],
  ['CVE-2023-45853', 'zlib 1.2.11', 'Not affected: minizip is not linked'],
  ['CVE-2025-29087', 'SQLite 3.45.1', 'Patched in the vendored build'],
  ['CVE-2018-25032', 'zlib 1.2.11', 'Fixed – patched build'],
].map(([id, c, s]) => `| ${id} | ${c} | Software composition analysis | Low | Input validation | ${s} |`);

function findings(doc: string): { code: string; requirement: unknown; vulnerability: unknown; severity: string }[] {
  const dir = tmpTree({ ...dataSet(), '.cyberdossierrc.yaml': RC, 'doc.md': doc });
  dirs.push(dir);
  const r = new Engine({ sbom: sbomReader, host: nodeHost, roots: () => [dir] }).check({ files: [path.join(dir, 'doc.md')], folders: [] });
  return r.reports
    .flatMap((rep) => rep.diagnostics)
    .filter((d) => d.code === 'known-exploited-vulnerability' || d.code === 'known-vulnerability-unaddressed')
    .map((d) => ({ code: d.code, requirement: d.data.requirement, vulnerability: d.data.vulnerability, severity: d.severity }));
}

test('an FDA K6 that lists nothing: the KEV entry is an error, every other known vulnerability a finding, all on K6', () => {
  const f = findings(report('| None | — | — | — | — | — |'));
  expect(f).toContainEqual({ code: 'known-exploited-vulnerability', requirement: 'K6', vulnerability: 'CVE-2020-11023', severity: 'error' });
  expect(f.filter((x) => x.code === 'known-vulnerability-unaddressed').map((x) => x.vulnerability)).toEqual(expect.arrayContaining(['CVE-2018-1285', 'CVE-2022-37434', 'CVE-2023-45853', 'CVE-2025-29087']));
  expect(f.every((x) => x.requirement === 'K6')).toBe(true);
});

test('an FDA K6.1 table that lists every vulnerability as fixed or not affected: nothing from the data', () => {
  expect(findings(report(ALL.join('\n')))).toEqual([]);
});

test('the KEV entry listed but still open: only it is reported', () => {
  const rows = ALL.map((r) => (r.startsWith('| CVE-2020-11023') ? '| CVE-2020-11023 | jQuery 3.1.1 | Software composition analysis | Medium | Help pages only | Open |' : r));
  expect(findings(report(rows.join('\n'))).map((x) => `${x.code} ${x.vulnerability}`)).toEqual(['known-exploited-vulnerability CVE-2020-11023']);
});
