// The example dossier texts several codes’ documentation shares (the bad and good examples of
// docs/rules/<code>.md): pure data, checked through the engine by test/features/docs.test.ts.

import type { Localized } from '../rulesets/types';

export const FM = `---
document: technical-requirements
submission: initial-registration
product: { name: 中央监护系统, model: CMS-3000, class: II, software_version: V1.2.3 }
data: { types: [device] }
interfaces:
  network: { wired: true, protocols: [{ name: HL7 v2.6, kind: standard }] }
---`;

export const T_BODY = `# 1 数据接口

## 1.1 传输协议

与医院信息系统之间采用 HL7 v2.6 协议，TLS 1.2 加密。

# 2 用户访问控制

## 2.1 用户身份鉴别方法

用户名与口令，口令不少于 8 位，连续 5 次错误锁定 15 分钟。

## 2.2 用户类型及权限

管理员：用户管理与安全配置；护士：查看监护数据与确认报警。`;

export const GOOD_T = `${FM}\n\n${T_BODY}\n`;

export const D_FM = `---
document: cybersecurity-description
submission: initial-registration
product: { name: 多参数患者监护仪, model: PM-9000, class: II, software_version: V2.1.0.3 }
data: { types: [health, device] }
functions: { exchange: bidirectional, remote_control: none }
interfaces:
  network: { wired: true, protocols: [{ name: HL7 v2.6, kind: standard }] }
security_software: false
---`;

export const FDA_FM = `---
document: cybersecurity-management-plan
guideline: fda-premarket-2025
submission: 510k
product: { name: SmartInfuse IP-600 Infusion Pump, model: IP-600, software_version: 3.2.1.4 }
cyber_device: { software: true, internet: true, vulnerable_characteristics: true }
connectivity: { wireless: [wifi] }
---`;

export const FDA_PLAN = `# 1 Personnel responsible

The product security officer (PSIRT lead) owns this plan.

# 2 Vulnerability monitoring

NIST NVD and supplier advisories are reviewed weekly; researchers report through the CVD inbox.

# 3 CISA KEV

The CISA Known Exploited Vulnerabilities Catalog is checked daily against the SBOM.

# 4 Periodic security testing

Penetration testing is repeated annually and after every major release.

# 5 Timeline to develop and release patches

## 5.1 Regular update cycle

Known unacceptable vulnerabilities are fixed in the quarterly maintenance release.

## 5.2 Out-of-cycle updates for critical vulnerabilities

Critical vulnerabilities that could cause uncontrolled risks are patched out of cycle within 30 days.

# 6 Update processes

Signed update packages are pushed from the fleet server and installed after clinician confirmation.

# 7 Patching capability

The fleet server reaches 95 % of connected pumps within 14 days.

# 8 Coordinated vulnerability disclosure

Reports to psirt@example.com are acknowledged within 5 business days and disclosed with CISA.

# 9 Communication of remediations to customers

Customers receive security bulletins by e-mail and on the customer portal.
`;

// ---- issue 17: vulnerability data examples (jQuery 3.1.1 and CVE-2020-11023, a KEV entry) -------

export const U_MAJOR = `---\ndocument: cybersecurity-patch-update-report\nguideline: nmpa-2022\nsubmission: change\nupdates: [minor]\nupdate_content: [patch]\nproduct: { name: 多参数患者监护仪, model: PM-9000, class: II, software_version: V2.1.1.0 }\nsoftware: { safety_level: major }\ndata: { types: [device] }\nfunctions: { user_access: true }\n---`;
export const U_MINOR = U_MAJOR.replace('safety_level: major', 'safety_level: minor');
export const VULN_RC = 'sbom: bom.json\nvulnerabilities:\n  - vulns/GHSA-jpcq-cgw6-v4j6.json\n  - vulns/known_exploited_vulnerabilities.json\n';
export const VULN_FILES: Record<string, string> = {
  'bom.json': JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.5', version: 1, components: [{ type: 'library', name: 'jquery', version: '3.1.1', purl: 'pkg:npm/jquery@3.1.1', supplier: { name: 'OpenJS Foundation' } }] }, null, 2),
  'vulns/GHSA-jpcq-cgw6-v4j6.json': JSON.stringify(
    {
      schema_version: '1.6.0',
      id: 'GHSA-jpcq-cgw6-v4j6',
      modified: '2025-01-24T19:45:43Z',
      published: '2020-04-29T22:18:55Z',
      aliases: ['CVE-2020-11023'],
      summary: 'Potential XSS vulnerability in jQuery',
      severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N' }],
      affected: [{ package: { ecosystem: 'npm', name: 'jquery', purl: 'pkg:npm/jquery' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '1.0.3' }, { fixed: '3.5.0' }] }] }],
    },
    null,
    2,
  ),
  'vulns/known_exploited_vulnerabilities.json': JSON.stringify(
    {
      title: 'CISA Catalog of Known Exploited Vulnerabilities',
      catalogVersion: '2025.01.23',
      dateReleased: '2025-01-23T17:00:00.0000Z',
      count: 1,
      vulnerabilities: [{ cveID: 'CVE-2020-11023', vendorProject: 'JQuery', product: 'JQuery', vulnerabilityName: 'JQuery Cross-Site Scripting (XSS) Vulnerability', dateAdded: '2025-01-23', dueDate: '2025-02-13', knownRansomwareCampaignUse: 'Unknown' }],
    },
    null,
    2,
  ),
};
export const COUNTS = (medium: number, residual: number) => `| CVSS 漏洞等级 | 已知漏洞数 | 已知剩余漏洞数 |\n| --- | --- | --- |\n| 严重 | 0 | 0 |\n| 高危 | 0 | 0 |\n| 中危 | ${medium} | ${residual} |\n| 低危 | 0 | 0 |`;
export const RESIDUAL = (cell: string) => `| 漏洞编号 | 漏洞内容 | 对产品的影响 | 综合剩余风险 | 是否可接受 |\n| --- | --- | --- | --- | --- |\n| CVE-2020-11023 | jQuery 3.1.1 的 HTML 处理跨站脚本漏洞 | ${cell} | 低 | 是 |`;
export const VULN_DATA_CHOICES: Localized = {
  zh: '组件来自 sbom 指定的 SBOM；没有 SBOM 时来自档案的现成软件表（只有名称和版本，按名称匹配）。匹配顺序：purl（OSV 的生态系统与包名，按该生态系统的版本语义：SemVer、PEP 440、Debian）、CPE（NVD 的 versionStart/End Including/Excluding）、规范化名称（只取字母与数字，不匹配 Debian、Ubuntu 等发行版的包）。同一漏洞的不同编号（CVE 与 GHSA 等别名）合并为一条，以 CVE 编号为主。评估中“列出”指漏洞编号出现在该章节（正文或表格）中；所在表格行含“已修复”“不受影响”等词时视为该状态。VEX：not_affected 须有理由（justification 或 impact_statement），fixed、affected 也算已评估；under_investigation 不算。每类发现每个章节最多 50 条，其余合并为一条。消息写明漏洞数据的日期：数据自身声明的最新日期（NVD 的 timestamp、KEV 的 dateReleased、OSV / CVE 记录的 modified），没有时为文件的修改时间。',
  en: 'Components come from the SBOM named by sbom; without one, from the dossier’s off-the-shelf software table (name and version only: matched by name). Matching order: purl (OSV ecosystem and package, with that ecosystem’s version semantics: SemVer, PEP 440, Debian), CPE (NVD’s versionStart/End Including/Excluding), normalised name (letters and digits only; never a distribution’s package such as Debian or Ubuntu). The IDs of one vulnerability (a CVE and its GHSA alias, …) are one finding, under the CVE ID. “Listed” means the ID appears in the section (text or table); a row that says 已修复 / fixed or 不受影响 / not affected gives that status. VEX: not_affected needs a justification (or an impact statement); fixed and affected count as assessed; under_investigation does not. At most 50 findings of a kind per section, the rest summed up in one. Messages give the data’s date: the newest date the data states (NVD timestamp, KEV dateReleased, OSV / CVE modified), else the file’s modification time.',
};
export const FDA_RMR_FM = `---
document: cybersecurity-risk-management-report
guideline: fda-premarket-2025
submission: 510k
submission_date: 2025-09-15
product: { name: SmartInfuse IP-600 Infusion Pump, model: IP-600, software_version: 3.2.1.4 }
cyber_device: { software: true, internet: true, vulnerable_characteristics: true }
connectivity: { wireless: [wifi] }
---`;

export const FDA_SBOM_HEAD = `# 5 Software bill of materials

| Component | Supplier | Version | Unique identifier | Level of support | End-of-support date |
| --- | --- | --- | --- | --- | --- |
| FreeRTOS Kernel | Amazon Web Services | 11.1.0 | pkg:github/FreeRTOS/FreeRTOS-Kernel@V11.1.0 | Actively maintained | 2026-06-30 |
`;

export const cdx = (props: { name: string; value: string }[]) =>
  `${JSON.stringify(
    {
      bomFormat: 'CycloneDX',
      specVersion: '1.6',
      version: 1,
      metadata: { component: { type: 'firmware', name: 'IP-600 pump software', version: '3.2.1.4' } },
      components: [{ type: 'library', supplier: { name: 'Jean-loup Gailly and Mark Adler' }, name: 'zlib', version: '1.3.1', purl: 'pkg:generic/zlib@1.3.1', properties: props }],
    },
    null,
    2,
  )}\n`;

export const FDA_KEV = (status: string) => `# 6 Vulnerability assessment and software support

## 6.1 Known vulnerabilities

| Vulnerability | KEV | Discovery method | Assessment | Controls | Status |
| --- | --- | --- | --- | --- | --- |
| CVE-2024-3094 (xz backdoor) | Yes | Software composition analysis | Remote code execution through sshd on the service port | ${status} |
`;
