// The FDA SBOM checks (requirements-fda-premarket-2025.md §10, §13): each software component of the
// SBOM files `sbom:` names has supplier, name, version, unique identifier, level of support and
// end-of-support date (sbom-component-incomplete), and is not past its end of support without a
// justification (end-of-support-passed) — both on the K5 heading; the K5 table's rows past their
// end of support (on the cell); K6.1 rows listed in CISA's KEV catalog and not designed out
// (known-exploited-vulnerability). Fixtures: the infusion pump SBOMs of test/fixtures/sbom/fda/.

import { beforeEach, describe, expect, test } from 'vitest';
import type { FileReport } from '../../server/src/engine/engine';
import { endOfSupportDate } from '../../server/src/engine/support';
import { clearSbomCache } from '../../server/src/sbom';
import { checkFiles, render, type CheckOptions } from '../helpers';
import { sbomText } from './helpers';

const CODES = new Set(['sbom-component-incomplete', 'end-of-support-passed', 'known-exploited-vulnerability', 'config-invalid']);
const CDX = sbomText('fda/infusion-pump.cdx.json');
const SPDX = sbomText('fda/infusion-pump.spdx.json');

const fm = (extra = 'submission_date: 2025-09-15\n') => `---
document: cybersecurity-risk-management-report
guideline: fda-premarket-2025
submission: 510k
${extra}product: { name: SmartInfuse IP-600 Infusion Pump, model: IP-600, software_version: 3.2.1.4 }
cyber_device: { software: true, internet: true, vulnerable_characteristics: true }
connectivity: { wireless: [wifi] }
---
`;

const SBOM_SECTION = `# 5 Software bill of materials

The SBOM of every software component is provided as Attachment 7.

## 5.1 Machine-readable SBOM

Attachment 7 is \`ip600.cdx.json\` (CycloneDX 1.6).
`;

const report = (body = SBOM_SECTION, extra?: string) => `${fm(extra)}\n# 1 Risk management summary\n\nSee the sections below.\n\n${body}`;

function check(files: Record<string, string>, opts: CheckOptions = {}): FileReport[] {
  return checkFiles(files, { files: Object.keys(files).filter((f) => f.endsWith('.md')), ...opts }).map((r) => ({ ...r, diagnostics: r.diagnostics.filter((d) => CODES.has(d.code)) }));
}
const show = (reports: FileReport[], data: string[] = ['component', 'missing', 'path', 'reason', 'date', 'referenceDate', 'referenceSource'], message?: 'en' | 'zh') => render(reports, { data, message });

/** The CycloneDX fixture with its components changed by `edit` (found by name, nested included). */
function cdx(edit: (byName: (name: string) => Record<string, unknown>) => void): string {
  const doc = JSON.parse(CDX);
  const all: Record<string, unknown>[] = [];
  const walk = (list: Record<string, unknown>[]) => list.forEach((c) => (all.push(c), walk((c.components as Record<string, unknown>[]) ?? [])));
  walk(doc.components);
  edit((name) => all.find((c) => c.name === name)!);
  return JSON.stringify(doc, null, 2);
}
const props = (c: Record<string, unknown>) => c.properties as { name: string; value: string }[];
const dropProp = (c: Record<string, unknown>, name: string) => (c.properties = props(c).filter((p) => p.name !== name));

beforeEach(() => clearSbomCache());

describe('the SBOM files, component by component (§10.2)', () => {
  for (const [name, bom] of [
    ['CycloneDX 1.6', CDX],
    ['SPDX 2.3', SPDX],
  ] as const) {
    test(`${name}: every software component complete, Mbed TLS and OpenSSL past their end of support but justified — nothing reported`, () => {
      const reports = check({ '.cyberdossierrc.yaml': 'sbom: sbom/ip600.json\n', 'sbom/ip600.json': bom, 'rmr.md': report() });
      expect(show(reports)).toBe('');
    });
  }

  test('gaps as SBOM generators leave them: one finding per component on the K5 heading, its missing elements in order', () => {
    const bom = cdx((c) => {
      dropProp(c('zlib'), 'Level of Support');
      dropProp(c('zlib'), 'End-of-Support');
      delete c('lwIP').purl;
      delete c('lwIP').cpe;
      delete c('Qt').version;
      c('Qt').versionRange = '>=6.5.0 <6.6.0';
      delete c('SQLite').supplier;
      props(c('Linux kernel')).find((p) => p.name === 'Level of Support')!.value = 'N/A';
    });
    const text = report();
    const reports = check({ '.cyberdossierrc.yaml': 'sbom: ip600.cdx.json\n', 'ip600.cdx.json': bom, 'rmr.md': text });
    expect(show(reports)).toMatchInlineSnapshot(`
      "rmr.md:15 error sbom-component-incomplete K5 component="lwIP" missing=["identifier"] path="components[0].components[1]"
      rmr.md:15 error sbom-component-incomplete K5 component="Linux kernel" missing=["support"] path="components[1].components[0]"
      rmr.md:15 error sbom-component-incomplete K5 component="Qt" missing=["version"] path="components[1].components[1]"
      rmr.md:15 error sbom-component-incomplete K5 component="zlib" missing=["support","end-of-support"] path="components[1].components[3]"
      rmr.md:15 error sbom-component-incomplete K5 component="SQLite" missing=["supplier"] path="components[1].components[4]""
    `);
    expect(text.split('\n')[14]).toBe('# 5 Software bill of materials');
    expect(show(reports.map((r) => ({ ...r, diagnostics: r.diagnostics.slice(3, 4) })), [], 'en')).toMatchInlineSnapshot(
      `"rmr.md:15 error sbom-component-incomplete K5 — “zlib” in the SBOM (ip600.cdx.json components[1].components[3]) has no level of support, end-of-support date: every software component needs its supplier, name, version, unique identifier, level of support and end-of-support date (V.A.4.b, VII.C.3); add them to the SBOM (CycloneDX properties “Level of Support”, “End-of-Support”; SPDX annotations), or a justification"`,
    );
    expect(show(reports.map((r) => ({ ...r, diagnostics: r.diagnostics.slice(3, 4) })), [], 'zh')).toMatchInlineSnapshot(
      `"rmr.md:15 error sbom-component-incomplete K5 — SBOM 中的“zlib”（ip600.cdx.json components[1].components[3]）缺少支持级别、支持终止日期：每个软件组件应写明供应商、名称、版本、唯一标识、支持级别和支持终止日期（V.A.4.b, VII.C.3）；请在 SBOM 中补充（CycloneDX 属性 “Level of Support”“End-of-Support”，SPDX 注释），或写明理由（Justification）"`,
    );
    const d = reports[0].diagnostics[3];
    expect(d.data).toMatchObject({ requirement: 'K5', clause: 'V.A.4.b, VII.C.3', sbom: 'ip600.cdx.json', component: 'zlib', version: '1.2.11', path: 'components[1].components[3]' });
  });

  test('past its end of support without a justification: end-of-support-passed (warning) on K5, the reference date being submission_date', () => {
    const bom = cdx((c) => dropProp(c('Mbed TLS'), 'Justification'));
    const reports = check({ '.cyberdossierrc.yaml': 'sbom: ip600.cdx.json\n', 'ip600.cdx.json': bom, 'rmr.md': report() });
    expect(show(reports, ['component', 'reason', 'date', 'referenceDate', 'referenceSource', 'sbom', 'path'], 'en')).toMatchInlineSnapshot(
      `"rmr.md:15 warning end-of-support-passed K5 component="Mbed TLS" reason="date" date="2024-12-31" referenceDate="2025-09-15" referenceSource="submission_date" sbom="ip600.cdx.json" path="components[0].components[2]" — The end of support of “Mbed TLS” (2024-12-31) in the SBOM (ip600.cdx.json components[0].components[2]) is earlier than the reference date 2025-09-15 (the submission date, submission_date): give the justification: how the risk is controlled and the plan to update or replace the component (V.A.4.b; V.A.4: “plans for how third-party software components could be updated or replaced if support ends”)"`,
    );
  });

  test('without submission_date the reference date is the engine’s today (the justified Wi-Fi firmware stays silent); a level of support that says “no longer maintained” counts even before the date', () => {
    const bom = cdx((c) => dropProp(c('Mbed TLS'), 'Justification'));
    const files = { '.cyberdossierrc.yaml': 'sbom: ip600.cdx.json\n', 'ip600.cdx.json': bom, 'rmr.md': report(SBOM_SECTION, '') };
    expect(show(check(files, { today: '2099-01-01' }), ['component', 'reason', 'date', 'referenceDate', 'referenceSource'])).toMatchInlineSnapshot(`
      "rmr.md:14 warning end-of-support-passed K5 component="IP-600 pump controller firmware" reason="date" date="2035-12-31" referenceDate="2099-01-01" referenceSource="today"
      rmr.md:14 warning end-of-support-passed K5 component="FreeRTOS Kernel" reason="date" date="2026-06-30" referenceDate="2099-01-01" referenceSource="today"
      rmr.md:14 warning end-of-support-passed K5 component="lwIP" reason="date" date="2035-12-31" referenceDate="2099-01-01" referenceSource="today"
      rmr.md:14 warning end-of-support-passed K5 component="Mbed TLS" reason="date" date="2024-12-31" referenceDate="2099-01-01" referenceSource="today"
      rmr.md:14 warning end-of-support-passed K5 component="IP-600 user interface software" reason="date" date="2035-12-31" referenceDate="2099-01-01" referenceSource="today"
      rmr.md:14 warning end-of-support-passed K5 component="Linux kernel" reason="date" date="2033-08-31" referenceDate="2099-01-01" referenceSource="today"
      rmr.md:14 warning end-of-support-passed K5 component="Qt" reason="date" date="2026-04-30" referenceDate="2099-01-01" referenceSource="today"
      rmr.md:14 warning end-of-support-passed K5 component="zlib" reason="date" date="2035-12-31" referenceDate="2099-01-01" referenceSource="today"
      rmr.md:14 warning end-of-support-passed K5 component="SQLite" reason="date" date="2050-05-29" referenceDate="2099-01-01" referenceSource="today""
    `);
    expect(show(check(files, { today: '2001-01-01' }), ['component', 'reason', 'date', 'referenceDate', 'referenceSource'])).toMatchInlineSnapshot(
      `"rmr.md:14 warning end-of-support-passed K5 component="Mbed TLS" reason="support-level" date="2024-12-31" referenceDate="2001-01-01" referenceSource="today""`,
    );
  });

  test('an invalid submission_date decides nothing: no date is compared (the support level still is)', () => {
    const bom = cdx((c) => {
      dropProp(c('Mbed TLS'), 'Justification');
      props(c('Mbed TLS')).find((p) => p.name === 'Level of Support')!.value = 'Security fixes only';
    });
    const reports = check({ '.cyberdossierrc.yaml': 'sbom: ip600.cdx.json\n', 'ip600.cdx.json': bom, 'rmr.md': report(SBOM_SECTION, 'submission_date: 2025-02-30\n') }, { today: '2099-01-01' });
    expect(show(reports)).toBe('');
  });

  test('firmware with no version: a bare N/A is missing, a reasoned N/A or a justification answers it; hardware and ML models are not software components', () => {
    const bare = cdx((c) => {
      c('Murata Type 1DX Wi-Fi firmware').version = 'N/A';
      c('Murata Type 1DX Wi-Fi firmware').properties = props(c('Murata Type 1DX Wi-Fi firmware')).filter((p) => p.name !== 'fda:justification');
    });
    const files = { '.cyberdossierrc.yaml': 'sbom: ip600.cdx.json\n', 'rmr.md': report() };
    expect(show(check({ ...files, 'ip600.cdx.json': bare }), ['component', 'missing', 'version'])).toMatchInlineSnapshot(
      `"rmr.md:15 error sbom-component-incomplete K5 component="Murata Type 1DX Wi-Fi firmware" missing=["version"] version="N/A""`,
    );
    const reasoned = cdx((c) => {
      c('Murata Type 1DX Wi-Fi firmware').version = 'N/A – mask ROM, no version published; identified by SHA-256';
      c('Murata Type 1DX Wi-Fi firmware').properties = props(c('Murata Type 1DX Wi-Fi firmware')).filter((p) => p.name !== 'fda:justification');
    });
    expect(show(check({ ...files, 'ip600.cdx.json': reasoned }))).toBe('');
    const ml = JSON.parse(CDX);
    ml.components.push({ type: 'machine-learning-model', name: 'occlusion classifier', supplier: { name: 'Northwind Medical, Inc.' } });
    expect(show(check({ ...files, 'ip600.cdx.json': JSON.stringify(ml) }))).toBe('');
  });

  test('SPDX: an annotation without the end-of-support line and a package with no identifier', () => {
    const doc = JSON.parse(SPDX);
    const zlib = doc.packages.find((p: { name: string }) => p.name === 'zlib');
    zlib.annotations[0].comment = 'Level of Support: Actively maintained';
    delete zlib.externalRefs;
    const reports = check({ '.cyberdossierrc.yaml': 'sbom: ip600.spdx.json\n', 'ip600.spdx.json': JSON.stringify(doc), 'rmr.md': report() });
    expect(show(reports, ['component', 'missing', 'path', 'sbom'])).toMatchInlineSnapshot(
      `"rmr.md:15 error sbom-component-incomplete K5 component="zlib" missing=["identifier","end-of-support"] path="packages[9]" sbom="ip600.spdx.json""`,
    );
  });

  test('where the findings land: the K5 heading, else the first line after the frontmatter; not reported when no risk management report is checked', () => {
    const bom = cdx((c) => delete c('lwIP').purl && delete c('lwIP').cpe);
    const rc = { '.cyberdossierrc.yaml': 'sbom: ip600.cdx.json\n', 'ip600.cdx.json': bom };
    const noK5 = `${fm()}\n# 1 Risk management summary\n\nSee below.\n`;
    expect(show(check({ ...rc, 'rmr.md': noK5 }), ['component'])).toBe('rmr.md:10 error sbom-component-incomplete K5 component="lwIP"');
    expect(noK5.split('\n')[8]).toBe('---'); // the line after the frontmatter's closing fence
    const plan = fm().replace('cybersecurity-risk-management-report', 'cybersecurity-management-plan') + '\n# 1 Personnel responsible\n\nThe PSIRT lead.\n';
    expect(show(check({ ...rc, 'plan.md': plan }))).toBe('');
  });

  test('reduced mode (not a cyber device): sbom-component-incomplete is a warning (tier A), end-of-support-passed an info; a configured severity wins', () => {
    const bom = cdx((c) => {
      delete c('lwIP').purl;
      delete c('lwIP').cpe;
      dropProp(c('Mbed TLS'), 'Justification');
    });
    const text = report().replace('vulnerable_characteristics: true', 'vulnerable_characteristics: false');
    expect(show(check({ '.cyberdossierrc.yaml': 'sbom: ip600.cdx.json\n', 'ip600.cdx.json': bom, 'rmr.md': text }), ['component'])).toMatchInlineSnapshot(`
      "rmr.md:15 info end-of-support-passed K5 component="Mbed TLS"
      rmr.md:15 warning sbom-component-incomplete K5 component="lwIP""
    `);
    const rc = 'sbom: ip600.cdx.json\nrules:\n  end-of-support-passed: error\n';
    expect(show(check({ '.cyberdossierrc.yaml': rc, 'ip600.cdx.json': bom, 'rmr.md': text }), ['component'])).toContain('rmr.md:15 error end-of-support-passed K5 component="Mbed TLS"');
  });

  test('an unusable SBOM is config-invalid on the rc value, once, and no component is checked', () => {
    const reports = check({ '.cyberdossierrc.yaml': 'sbom: missing.cdx.json\n', 'rmr.md': report() });
    expect(show(reports, ['key', 'error'])).toBe('.cyberdossierrc.yaml:1 error config-invalid key="sbom" error="unreadable"');
  });
});

const TABLE = `| Component | Supplier | Version | Unique identifier | Type | Level of support | End-of-support date | Justification |
| --- | --- | --- | --- | --- | --- | --- | --- |
| FreeRTOS Kernel | Amazon Web Services | 11.1.0 | pkg:github/FreeRTOS/FreeRTOS-Kernel@V11.1.0 | Operating system | Actively maintained | 2026-06-30 | |
`;
const table = (rows: string) => `# 5 Software bill of materials\n\n${TABLE}${rows}`;

describe('the K5 table (§10.1)', () => {
  test('a row past its end of support: on the end-of-support cell; with a justification, silent', () => {
    const text = report(table('| OpenSSL | OpenSSL Software Foundation | 1.1.1w | pkg:generic/openssl@1.1.1w | Library | Security fixes ended | 2023-09-11 | |\n'));
    const reports = check({ 'rmr.md': text });
    expect(show(reports, ['component', 'endOfSupport', 'reason', 'date', 'referenceDate', 'referenceSource'], 'en')).toMatchInlineSnapshot(
      `"rmr.md:20 warning end-of-support-passed K5 component="OpenSSL" endOfSupport="2023-09-11" reason="date" date="2023-09-11" referenceDate="2025-09-15" referenceSource="submission_date" — The end of support of “OpenSSL” (2023-09-11) is earlier than the reference date 2025-09-15 (the submission date, submission_date): give the justification: how the risk is controlled and the plan to update or replace the component (V.A.4.b; V.A.4: “plans for how third-party software components could be updated or replaced if support ends”)"`,
    );
    const d = reports[0].diagnostics[0];
    expect(text.split('\n')[d.range.start.line].slice(d.range.start.character, d.range.end.character)).toBe('2023-09-11');
    const justified = report(table('| OpenSSL | OpenSSL Software Foundation | 1.1.1w | pkg:generic/openssl@1.1.1w | Library | Security fixes ended | 2023-09-11 | Service port only (RA-CS-014); replaced in 3.3 |\n'));
    expect(show(check({ 'rmr.md': justified }))).toBe('');
    const short = report(table('| OpenSSL | OpenSSL Software Foundation | 1.1.1w | pkg:generic/openssl@1.1.1w | Library | Security fixes ended | 2023-09-11 | OK. |\n'));
    expect(show(check({ 'rmr.md': short }))).toContain('end-of-support-passed K5');
  });

  test('a level of support that says unsupported, on the support cell (zh message); hardware rows and future dates are not reported', () => {
    const text = report(
      table(
        [
          '| lwIP | lwIP project | 2.1.3 | pkg:generic/lwip@2.1.3 | Library | Abandoned by upstream | 2030-12-31 | |',
          '| Murata Type 1DX module | Murata | rev. C | LBEE5KL1DX | Hardware | End of life | 2020 | |',
          '| zlib | Jean-loup Gailly and Mark Adler | 1.3.1 | pkg:generic/zlib@1.3.1 | Library | EOL | none published | |',
          '| SQLite | Hipp, Wyrick & Company | 3.45.1 | pkg:generic/sqlite@3.45.1 | Library | Actively maintained | 2050-05-29 | |',
          '',
        ].join('\n'),
      ),
    );
    const reports = check({ 'rmr.md': text });
    expect(show(reports, ['component', 'reason'], 'zh')).toMatchInlineSnapshot(`
      "rmr.md:20 warning end-of-support-passed K5 component="lwIP" reason="support-level" — “lwIP”的支持级别为“Abandoned by upstream”，即不再受支持：请写明理由：风险如何控制，以及更新或替换该组件的计划（V.A.4.b；V.A.4：“plans for how third-party software components could be updated or replaced if support ends”）
      rmr.md:22 warning end-of-support-passed K5 component="zlib" reason="support-level" — “zlib”的支持级别为“EOL”，即不再受支持：请写明理由：风险如何控制，以及更新或替换该组件的计划（V.A.4.b；V.A.4：“plans for how third-party software components could be updated or replaced if support ends”）"
    `);
    const d = reports[0].diagnostics[0];
    expect(text.split('\n')[d.range.start.line].slice(d.range.start.character, d.range.end.character)).toBe('Abandoned by upstream');
  });

  test('dates: month, quarter and year precision end on their last day; the latest of several counts; a cell with no date is not compared', () => {
    const row = (eos: string) => `| Qt | The Qt Company | 6.5.3 | pkg:generic/qt@6.5.3 | Framework | Actively maintained | ${eos} | |\n`;
    const at = (eos: string, submission: string) => show(check({ 'rmr.md': report(table(row(eos)), `submission_date: ${submission}\n`) }), ['date']);
    expect(at('2025-09', '2025-09-30')).toBe('');
    expect(at('2025-09', '2025-10-01')).toBe('rmr.md:20 warning end-of-support-passed K5 date="2025-09-30"');
    expect(at('2025-Q3', '2025-10-01')).toBe('rmr.md:20 warning end-of-support-passed K5 date="2025-09-30"');
    expect(at('2025', '2026-01-01')).toBe('rmr.md:20 warning end-of-support-passed K5 date="2025-12-31"');
    expect(at('2024-05-26 (standard); 2026-05-26 (extended)', '2025-09-15')).toBe('');
    expect(at('on request', '2025-09-15')).toBe('');
  });

  test('no table in K5 (answered by reference): nothing to compare', () => {
    expect(show(check({ 'rmr.md': report() }))).toBe('');
  });
});

describe('known exploited vulnerabilities (K6.1)', () => {
  const k6 = (rows: string, header = '| Vulnerability | KEV | Discovery method | Assessment | Controls | Status |\n| --- | --- | --- | --- | --- | --- |\n') =>
    report(`# 6 Vulnerability assessment and software support\n\n## 6.1 Known vulnerabilities\n\n${header}${rows}`);

  test('a KEV row not designed out: an error on the row, data.requirement K6.1; fixed, not affected or a patched control are silent', () => {
    const text = k6(
      [
        '| CVE-2024-3094 | Yes | Software composition analysis | RCE through sshd on the service port | Service port disabled in clinical mode | Open |',
        '| CVE-2023-4863 | ✓ | Supplier advisory | Heap overflow in libwebp | libwebp upgraded to 1.3.2 | Fixed |',
        '| CVE-2021-44228 | listed | SCA | Log4Shell | — | Not affected: no Java on the device |',
        '| CVE-2014-0160 | Yes (2022-05-25) | SCA | Heartbleed in OpenSSL | OpenSSL patched to 1.0.1g | |',
        '| CVE-2022-0778 | No | SCA | Infinite loop in BN_mod_sqrt | Input validation | Open |',
        '',
      ].join('\n'),
    );
    const reports = check({ 'rmr.md': text });
    expect(show(reports, ['vulnerability', 'clause'], 'en')).toMatchInlineSnapshot(
      `"rmr.md:21 error known-exploited-vulnerability K6.1 vulnerability="CVE-2024-3094" clause="V.A.2, V.A.4.b" — “CVE-2024-3094” is listed in CISA’s Known Exploited Vulnerabilities Catalog (KEV) but not designed out: “vulnerabilities identified in CISA’s Known Exploited Vulnerabilities Catalog should be designed out of the device, as they are already being exploited” (V.A.2); fix, upgrade or remove the affected component and say so in the status column (fixed, upgraded, not affected)"`,
    );
    expect(text.split('\n')[20].startsWith('| CVE-2024-3094 |')).toBe(true);
  });

  test('without a KEV column nothing is flagged; a zh table works the same', () => {
    expect(show(check({ 'rmr.md': k6('| CVE-2024-3094 | SCA | RCE | None | Open |\n', '| Vulnerability | Discovery method | Assessment | Controls | Status |\n| --- | --- | --- | --- | --- |\n') }))).toBe('');
    const zh = k6('| CVE-2024-3094 | 是 | 软件成分分析 | 远程代码执行 | 关闭服务端口 | 处理中 |\n', '| 漏洞 | 已知被利用（KEV） | 发现途径 | 影响评估 | 控制措施 | 处置状态 |\n| --- | --- | --- | --- | --- | --- |\n');
    expect(show(check({ 'rmr.md': zh }), ['vulnerability'])).toBe('rmr.md:21 error known-exploited-vulnerability K6.1 vulnerability="CVE-2024-3094"');
  });
});

describe('end-of-support dates (§10.1 formats)', () => {
  test.each([
    ['2023-09-11', '2023-09-11'],
    ['2023/9/1', '2023-09-01'],
    ['2023.09.11', '2023-09-11'],
    ['2024-02', '2024-02-29'],
    ['2023/11', '2023-11-30'],
    ['2027年3月31日', '2027-03-31'],
    ['2027年2月', '2027-02-28'],
    ['2026-Q1', '2026-03-31'],
    ['Q4 2026', '2026-12-31'],
    ['2027', '2027-12-31'],
    ['2027年', '2027-12-31'],
    ['2035-12-31T00:00:00Z', '2035-12-31'],
    ['mainstream 2024-05-26, extended 2026-05', '2026-05-31'],
    ['2023-02-30', undefined],
    ['version 10.0.19044', undefined],
    ['no date published', undefined],
  ])('%s → %s', (text, end) => {
    expect(endOfSupportDate(text)).toBe(end);
  });
});
