// The content of docs/rules/<code>.md: what each code reports, why (the clause), a bad and a
// good example, how to fix it, and the choices we made where the spec is silent. The pages are
// generated from this module and the rule sets (scripts/gen-docs.ts); a test runs every example
// through the engine, so the docs cannot drift from the checker.

import type { Code } from './codes';
import type { Localized } from './rulesets/types';

export interface RuleDoc {
  what: Localized;
  why: Localized;
  fix: Localized;
  /** Where the spec left a choice, what we chose (and why a reviewer would expect it). */
  choices?: Localized;
  /** A dossier file (or a dossier.yaml / rc file) that shows the finding, and one that does not. */
  bad: string;
  good: string;
  /** Name of the example file, when it is not a Markdown dossier file. */
  file?: string;
  /** A .cyberdossierrc.yaml the examples are checked with. */
  config?: string;
  /** Other files beside each example (the SBOM the config names), by name. */
  files?: { bad: Record<string, string>; good: Record<string, string> };
}

const FM = `---
document: technical-requirements
submission: initial-registration
product: { name: 中央监护系统, model: CMS-3000, class: II, software_version: V1.2.3 }
data: { types: [device] }
interfaces:
  network: { wired: true, protocols: [{ name: HL7 v2.6, kind: standard }] }
---`;

const T_BODY = `# 1 数据接口

## 1.1 传输协议

与医院信息系统之间采用 HL7 v2.6 协议，TLS 1.2 加密。

# 2 用户访问控制

## 2.1 用户身份鉴别方法

用户名与口令，口令不少于 8 位，连续 5 次错误锁定 15 分钟。

## 2.2 用户类型及权限

管理员：用户管理与安全配置；护士：查看监护数据与确认报警。`;

const GOOD_T = `${FM}\n\n${T_BODY}\n`;

const D_FM = `---
document: cybersecurity-description
submission: initial-registration
product: { name: 多参数患者监护仪, model: PM-9000, class: II, software_version: V2.1.0.3 }
data: { types: [health, device] }
functions: { exchange: bidirectional, remote_control: none }
interfaces:
  network: { wired: true, protocols: [{ name: HL7 v2.6, kind: standard }] }
security_software: false
---`;

const FDA_FM = `---
document: cybersecurity-management-plan
guideline: fda-premarket-2025
submission: 510k
product: { name: SmartInfuse IP-600 Infusion Pump, model: IP-600, software_version: 3.2.1.4 }
cyber_device: { software: true, internet: true, vulnerable_characteristics: true }
connectivity: { wireless: [wifi] }
---`;

const FDA_PLAN = `# 1 Personnel responsible

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

const U_MAJOR = `---\ndocument: cybersecurity-patch-update-report\nguideline: nmpa-2022\nsubmission: change\nupdates: [minor]\nupdate_content: [patch]\nproduct: { name: 多参数患者监护仪, model: PM-9000, class: II, software_version: V2.1.1.0 }\nsoftware: { safety_level: major }\ndata: { types: [device] }\nfunctions: { user_access: true }\n---`;
const U_MINOR = U_MAJOR.replace('safety_level: major', 'safety_level: minor');
const VULN_RC = 'sbom: bom.json\nvulnerabilities:\n  - vulns/GHSA-jpcq-cgw6-v4j6.json\n  - vulns/known_exploited_vulnerabilities.json\n';
const VULN_FILES: Record<string, string> = {
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
const COUNTS = (medium: number, residual: number) => `| CVSS 漏洞等级 | 已知漏洞数 | 已知剩余漏洞数 |\n| --- | --- | --- |\n| 严重 | 0 | 0 |\n| 高危 | 0 | 0 |\n| 中危 | ${medium} | ${residual} |\n| 低危 | 0 | 0 |`;
const RESIDUAL = (cell: string) => `| 漏洞编号 | 漏洞内容 | 对产品的影响 | 综合剩余风险 | 是否可接受 |\n| --- | --- | --- | --- | --- |\n| CVE-2020-11023 | jQuery 3.1.1 的 HTML 处理跨站脚本漏洞 | ${cell} | 低 | 是 |`;
const VULN_DATA_CHOICES: Localized = {
  zh: '组件来自 sbom 指定的 SBOM；没有 SBOM 时来自档案的现成软件表（只有名称和版本，按名称匹配）。匹配顺序：purl（OSV 的生态系统与包名，按该生态系统的版本语义：SemVer、PEP 440、Debian）、CPE（NVD 的 versionStart/End Including/Excluding）、规范化名称（只取字母与数字，不匹配 Debian、Ubuntu 等发行版的包）。同一漏洞的不同编号（CVE 与 GHSA 等别名）合并为一条，以 CVE 编号为主。评估中“列出”指漏洞编号出现在该章节（正文或表格）中；所在表格行含“已修复”“不受影响”等词时视为该状态。VEX：not_affected 须有理由（justification 或 impact_statement），fixed、affected 也算已评估；under_investigation 不算。每类发现每个章节最多 50 条，其余合并为一条。消息写明漏洞数据的日期：数据自身声明的最新日期（NVD 的 timestamp、KEV 的 dateReleased、OSV / CVE 记录的 modified），没有时为文件的修改时间。',
  en: 'Components come from the SBOM named by sbom; without one, from the dossier’s off-the-shelf software table (name and version only: matched by name). Matching order: purl (OSV ecosystem and package, with that ecosystem’s version semantics: SemVer, PEP 440, Debian), CPE (NVD’s versionStart/End Including/Excluding), normalised name (letters and digits only; never a distribution’s package such as Debian or Ubuntu). The IDs of one vulnerability (a CVE and its GHSA alias, …) are one finding, under the CVE ID. “Listed” means the ID appears in the section (text or table); a row that says 已修复 / fixed or 不受影响 / not affected gives that status. VEX: not_affected needs a justification (or an impact statement); fixed and affected count as assessed; under_investigation does not. At most 50 findings of a kind per section, the rest summed up in one. Messages give the data’s date: the newest date the data states (NVD timestamp, KEV dateReleased, OSV / CVE modified), else the file’s modification time.',
};
const FDA_RMR_FM = `---
document: cybersecurity-risk-management-report
guideline: fda-premarket-2025
submission: 510k
submission_date: 2025-09-15
product: { name: SmartInfuse IP-600 Infusion Pump, model: IP-600, software_version: 3.2.1.4 }
cyber_device: { software: true, internet: true, vulnerable_characteristics: true }
connectivity: { wireless: [wifi] }
---`;

const FDA_SBOM_HEAD = `# 5 Software bill of materials

| Component | Supplier | Version | Unique identifier | Level of support | End-of-support date |
| --- | --- | --- | --- | --- | --- |
| FreeRTOS Kernel | Amazon Web Services | 11.1.0 | pkg:github/FreeRTOS/FreeRTOS-Kernel@V11.1.0 | Actively maintained | 2026-06-30 |
`;

const cdx = (props: { name: string; value: string }[]) =>
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

const FDA_KEV = (status: string) => `# 6 Vulnerability assessment and software support

## 6.1 Known vulnerabilities

| Vulnerability | KEV | Discovery method | Assessment | Controls | Status |
| --- | --- | --- | --- | --- | --- |
| CVE-2024-3094 (xz backdoor) | Yes | Software composition analysis | Remote code execution through sshd on the service port | ${status} |
`;

export const RULE_DOCS: Record<Code, RuleDoc> = {
  'missing-section': {
    what: {
      zh: '指导原则要求的一项内容在文档中找不到。一项内容可以由标题作答，也可以在其上级章节内由标注段落（**风险分析报告**：…、（1）风险分析报告：…、表格行）或写明出处的句子（见附件 1、详见《…》、文件编号 …）作答（requirements.md §3a）。标题去掉编号、标点、全半角、空格和大小写差异后等于该要求的中文标题、英文标题、同义词或别名即为精确匹配；其次按规则集的规范化比较（去掉“网络安全”“医疗器械”“产品”等前缀和“报告”“文档”“资料”等后缀，“和/与/及/、”视为相同），再按连接词拆分（“网络安全测试计划和报告”同时答复测试计划与测试报告）。子项必须位于其上级章节之内。',
      en: 'An item the guideline requires is not in the document. An item is answered by a heading, or inside its parent’s section by a labelled block (**风险分析报告**：…, （1）风险分析报告：…, a table row) or a sentence that says where it is (见附件 1, 详见《…》, 文件编号 …) (requirements.md §3a). A title matches exactly when, with numbering, punctuation, width, spaces and case folded away, it equals the zh or en title, a synonym or an alias; else after the rule set’s normalisation (prefixes 网络安全 / 医疗器械 / 产品 and suffixes 报告 / 文档 / 资料 … folded away, 和 / 与 / 及 / 、 compared as one); else split at its conjunctions (网络安全测试计划和报告 answers the test plan and the test report). A sub-item must sit inside its parent’s section.',
    },
    why: {
      zh: '每一项要求都对应指导原则的条款（消息和 data.clause 给出条款号），缺项是审评补正最常见的原因。条件性要求（如 D3.7）在消息中写明触发它的产品事实。',
      en: 'Every requirement cites a clause of the guideline (the message and data.clause name it); a missing item is the most common reason a submission is sent back. For a conditional requirement (D3.7, say) the message names the product fact that switched it on.',
    },
    fix: {
      zh: '使用快速修复插入该章节（按指导原则顺序、沿用文档的编号风格与标题级别，并带有模板）；如果章节已写但标题不同，改用标准标题或在 .cyberdossierrc.yaml 的 aliases 中登记您的写法；如果章节写在了别处（data.foundAt），把它移到父章节之下；不适用时写“不适用”并说明理由。',
      en: 'Use the quick fix to insert the section (at its guideline position, in the document’s numbering style and heading level, with a template); if you wrote it under another title, use the standard title or register yours under `aliases` in .cyberdossierrc.yaml; if it sits elsewhere (data.foundAt), move it under its parent; if it does not apply, answer “不适用” with a reason.',
    },
    choices: {
      zh: '匹配规则的完整说明见 docs/requirements/<规则集>.md 的“如何识别答复”一节。只提到名称而没有答复（“风险分析报告待补充”，或不写出处的句子）不算作答：仍报告缺失（并报告占位符）；标注后没有内容报告 empty-section。指导原则未规定位置的项（2017 的软件版本命名规则 D4.3）在同一文档的任何位置都算作答；规定了位置的项写在别处仍报告缺失，标题写在别处时 data.foundAt 给出其行号。缺少父章节时只报告父章节；“软件版本命名规则”（D4.3）缺失为警告，“网络安全能力”（D5，指导原则用“可”）缺失为提示。真实性声明（S1）的每个缺失要素（data.item：no-update、applicant、date）各报告一次，位于 frontmatter 后第一行。内置同义词包括需求表所列及指导原则本身的措辞，其他写法请用 aliases 登记。data.foundAt 为错位标题的行号（从 0 开始），在另一文件中时另有 data.foundIn。子章节位于父章节之下的任何更深层级（中间隔着非要求标题也可以）。同一类型的多个文件按路径顺序视为一份文档。',
      en: 'The full matching rules are in the “How an item is recognised” section of docs/requirements/<rule set>.md. An item only mentioned without an answer (“风险分析报告待补充”, a sentence that gives no reference) does not count: it is still missing (and the placeholder is reported); a label with nothing after it is empty-section. An item whose place the guideline does not fix (the 2017 version naming rule D4.3) counts anywhere in its document; an item whose place it fixes still counts as missing elsewhere, and a heading elsewhere gives data.foundAt. When a parent is missing only the parent is reported; D4.3 (version naming) is a warning and D5 (capabilities, which the guideline only recommends: 可) a hint. Each missing element of the authenticity statement S1 (data.item: no-update, applicant, date) is reported once, on the first line after the frontmatter. The built-in synonyms are those listed plus the guideline’s own wording for each item; other wordings need an alias. data.foundAt is the misplaced heading’s 0-based line (data.foundIn names its file when it is another one). A sub-section may sit at any deeper level under its parent, also behind a heading that is not a requirement. Files of one kind are one document, in path order.',
    },
    bad: GOOD_T.replace(/## 2\.1 用户身份鉴别方法\n\n[^\n]+\n\n/, ''),
    good: GOOD_T,
  },
  'empty-section': {
    what: { zh: '要求的章节有标题但没有正文（或只有同样为空的子标题）。', en: 'A required section has a heading but no body text (or only sub-headings that are themselves empty).' },
    why: { zh: '空章节等同于缺项：审评员需要看到内容。', en: 'An empty section is as good as a missing one: the reviewer needs its content.' },
    fix: { zh: '写明该章节应包含的内容（悬停标题可查看要求），或写“不适用”并说明理由。', en: 'Write what the section must contain (hover the heading to see it), or answer “不适用” with a reason.' },
    choices: {
      zh: '表格、图片、列表和代码都算正文；HTML 注释不算。父章节的正文可以全部在子章节中。所有必需子章节都为空时只报告子章节。空章节不再做表格等内容检查。',
      en: 'Tables, images, lists and code count as body text; HTML comments do not. A parent’s body may live entirely in its sub-sections. When every required sub-section is empty only the sub-sections are reported. Empty sections get no further content checks.',
    },
    bad: GOOD_T.replace(/(## 2\.2 用户类型及权限\n\n)[^\n]+/, '$1'),
    good: GOOD_T,
  },
  placeholder: {
    what: {
      zh: '正文中残留了占位符：TODO、TBD、FIXME、XXX（完整词）、待补充、待定、待填写、（略）、lorem ipsum、{{…}}，以及内容含中文或以 insert/填写 开头的 <…>。',
      en: 'A placeholder is left in the text: TODO, TBD, FIXME, XXX (whole words), 待补充, 待定, 待填写, （略）, lorem ipsum, {{…}}, and <…> whose content has a CJK character or starts with insert/填写.',
    },
    why: { zh: '提交的资料必须是完整的；占位符说明内容尚未完成。', en: 'A submitted dossier must be complete; a placeholder means the content is unfinished.' },
    fix: { zh: '用实际内容替换占位符。插入的章节模板中的 <…> 也是占位符，填写后警告消失。', en: 'Replace it with the real content. The <…> markers of inserted section templates are placeholders too; the warning goes once you fill them in.' },
    choices: {
      zh: 'HTML 注释和 HTML 标签（如 <br>）从不视为占位符，但 <insert …> 是；代码块不检查（常为日志或配置原文），行内代码检查。frontmatter 不检查占位符。占位符在正文任何位置（包括非要求章节）都报告，data.requirement 为包含它的最内层要求章节。{{…}} 不论内容均为占位符。表格中本身是占位符的版本单元格只报告 placeholder，不再报告 version-not-full。每个章节只报告一次：位置为该章节的第一个占位符，消息给出数量，其余占位符在 relatedInformation 中（data.count、data.lines 为数量和全部行号）；被注释停用的占位符不计入。',
      en: 'HTML comments and HTML tags (<br>) are never placeholders, but <insert …> is; code blocks are not checked (they usually quote logs or configuration), inline code is. The frontmatter is not checked for placeholders. A placeholder anywhere in the body is reported (also outside requirement sections); data.requirement is the innermost requirement section holding it. {{…}} is a placeholder whatever it holds. A version cell that is itself a placeholder gets placeholder, not also version-not-full. One finding per section: on the section’s first placeholder, the count in the message, the others in relatedInformation (data.count and data.lines give the count and every line); a placeholder silenced by a comment is not counted.',
    },
    bad: GOOD_T.replace('用户名与口令，口令不少于 8 位，连续 5 次错误锁定 15 分钟。', '用户名与口令，口令规则待补充。'),
    good: GOOD_T,
  },
  'not-applicable-without-reason': {
    what: {
      zh: '章节以否定答复开头（不适用、无、N/A、None、Not applicable，后接标点、空白或结尾），但后面说明理由的字符（不计空白和标点）少于 6 个。',
      en: 'A section’s body starts with a negative answer (不适用, 无, N/A, None, Not applicable, followed by punctuation, whitespace or the end) and what follows it has fewer than 6 characters that are neither whitespace nor punctuation.',
    },
    why: { zh: '指导原则前言：申请人应判断具体内容是否适用，“不适用内容详述理由”。', en: 'The guideline’s preamble: the applicant judges which contents apply and “explains in detail why any content does not apply” (不适用内容详述理由).' },
    fix: { zh: '在“不适用”后写明为何不适用于本产品，例如“不适用，理由：本产品无远程控制功能。”', en: 'State why it does not apply to this device, e.g. “不适用，理由：本产品无远程控制功能。”' },
    choices: {
      zh: '带理由的“不适用”视为该章节已提供，并覆盖其必需的子章节；不带理由时，该章节及其以下不再报告其他问题。“无线网络……”不是否定答复（“无”后接文字）。（fda-premarket-2025，规范 §3.2）表格（K5、K6.1、K7、K9、B3、E3/E4、L3）中必需列的单元格若只写 N/A、NA、None、Not applicable、Not required、不适用、无 而无理由，位于该单元格报告；带理由（至少 6 个字符，如“N/A – mask ROM, the supplier publishes no version”）视为已填写。K7 与 B3 的单元格写 None / 无 是答复（无 CWE、无鉴别），不报告。B1 控制类别表中不适用而理由不足 6 个字符的行同样报告。fda-premarket-2025 下章节的否定答复还有 NA（完整词）与 Not required；NMPA 规则集不认这两个词（NA 在那里是正文）。',
      en: 'A “not applicable” with a reason counts as the section and covers its required sub-sections; without a reason nothing else is reported for that section or below it. “无线网络……” is not a negative answer (无 is followed by a letter). (fda-premarket-2025, spec §3.2) A required cell of a table (K5, K6.1, K7, K9, B3, E3/E4, L3) that holds only N/A, NA, None, Not applicable, Not required, 不适用 or 无 is reported on the cell; with a reason (at least 6 characters: “N/A – mask ROM, the supplier publishes no version”) it counts as filled. In K7 and B3 a None / 无 cell is an answer (no CWE, no authentication) and is not reported. A B1 control-category row answered not applicable with a reason shorter than 6 characters is reported too. Under fda-premarket-2025 a section may also answer NA (a whole word) or Not required; the NMPA rule sets do not read these two words (NA is text there).',
    },
    bad: GOOD_T.replace('用户名与口令，口令不少于 8 位，连续 5 次错误锁定 15 分钟。', '不适用。'),
    good: GOOD_T.replace('用户名与口令，口令不少于 8 位，连续 5 次错误锁定 15 分钟。', '不适用，理由：本产品无用户界面，不存在用户登录。'),
  },
  'frontmatter-missing': {
    what: { zh: '申报资料文件没有 frontmatter，或缺少必填项（document、submission、product.name、product.class、data.types；变更时 updates）。', en: 'A dossier file has no frontmatter, or a required key is missing (document, submission, product.name, product.class, data.types; updates for a change).' },
    why: { zh: '产品事实决定哪些条件性要求适用（一、五）；缺少它们时无法判断应提交什么。', en: 'The product facts decide which conditional requirements apply (一, 五); without them nobody can tell what must be submitted.' },
    fix: { zh: '补充缺少的键（补全会给出键名和取值）；共享的事实可写在同一文件夹的 dossier.yaml 中。', en: 'Add the missing key (completion offers keys and values); shared facts can go into the folder’s dossier.yaml.' },
    choices: {
      zh: '位置：缺少的键所在的父键（如缺少 product.class 时为 product:），否则为开头的 ---。dossier.yaml 与文件都没有时报告在文件的 ---。空值（key: 后无内容）视为缺少。',
      en: 'Position: the parent key of the missing key (product: for product.class), else the opening ---. A key missing from both the file and dossier.yaml is reported on the file’s ---. An empty value (key: with nothing) counts as missing.',
    },
    bad: GOOD_T.replace('class: II, ', ''),
    good: GOOD_T,
  },
  'frontmatter-invalid': {
    what: { zh: 'frontmatter 的 YAML 无效、有未知键、类型错误、取值不在枚举中，或事实相互矛盾。', en: 'The frontmatter YAML is invalid, or has an unknown key, a wrong type, a value outside an enum, or contradictory facts.' },
    why: { zh: '无效的值不能决定任何条件（不做猜测）；检查结果只有在事实正确时才可信。', en: 'An invalid value decides nothing (no guessing); the results can only be trusted when the facts are right.' },
    fix: { zh: '按消息中的“您是否想写 …？”修正（快速修复可一键替换）；中文别名（如 双向、实时、第二类）同样有效。', en: 'Apply the did-you-mean of the message (the quick fix replaces it); zh aliases such as 双向, 实时, 第二类 are valid too.' },
    choices: {
      zh: 'YAML 不能解析时正文不再检查。自定义标签被拒绝；别名展开有上限（防“十亿笑”攻击）；__proto__ 等键只是普通的未知键。矛盾包括：none 与其他 updates 并列、延续注册含重大更新、dedicated_wireless 与 wireless: false 同时出现。',
      en: 'When the YAML does not parse the body is not checked. Custom tags are refused; alias expansion is bounded (billion laughs); __proto__ and friends are plain unknown keys. Contradictions: none with other updates, a major update at renewal, dedicated_wireless with wireless: false.',
    },
    bad: GOOD_T.replace('data: { types: [device] }', 'data: { types: [device] }\nfunctions: { exchange: bidirectonal }'),
    good: GOOD_T.replace('data: { types: [device] }', 'data: { types: [device] }\nfunctions: { exchange: bidirectional }'),
  },
  'incomplete-row': {
    what: { zh: '安全软件、现成软件、补丁或追溯表的某一行缺少必需列的内容。', en: 'A row of a security-software, OTS, patch or traceability table has an empty required cell.' },
    why: { zh: '四(二)1(5)(6) 要求逐项描述名称、型号规格、完整版本、供应商（安全软件还有运行环境要求）；四(二)3 要求追溯需求、设计、测试与风险。', en: '四(二)1(5)(6) require name, model/spec, full version and vendor for each item (runtime requirements for security software); 四(二)3 relates requirement, design, test and risk.' },
    fix: { zh: '填写空单元格。', en: 'Fill in the empty cell.' },
    choices: {
      zh: '只检查必需列（追溯表为需求、设计、测试、风险四列）；缺少的列不再逐行报告；以“无/不适用/N/A”开头的行视为答复而非条目。空版本单元格同时报告 version-not-full。（fda-premarket-2025）data.missing 为缺内容的列角色（data.columns 同值，供快速修复）。SBOM 表中类型为硬件（hardware、device、硬件、设备 等，整格）的行不是软件组件，从不检查。B1 控制类别表中适用性既不是“适用”也不是“不适用”（如 Partly，或为空）的类别行、适用但未写验收准则的行，均为 incomplete-row。工具表（E3、E4）、通信路径表（B3）、端口表（L3）为 B 级。',
      en: 'Only required columns are checked (requirement, design, test and risk in the traceability table); a column the table lacks is not reported row by row; a row whose name is 无 / 不适用 / N/A is an answer, not an item. An empty version cell also gets version-not-full. (fda-premarket-2025) data.missing lists the roles left empty (data.columns holds the same, for the quick fixes). An SBOM row whose type cell is hardware (hardware, device, 硬件, 设备 …, whole cell) is not a software component and is never checked. In the B1 control-category table, a category whose applicability is neither applicable nor not applicable (Partly, or empty) and an applicable one without acceptance criteria are incomplete-row. The tools (E3, E4), path (B3) and port (L3) tables are tier B.',
    },
    bad: `${D_FM}\n\n# 1 基本信息\n\n## 1.6 现成软件\n\n| 名称 | 型号规格 | 完整版本 | 供应商 |\n| --- | --- | --- | --- |\n| OpenSSL | 通用版 | 1.1.1w |  |\n`,
    good: `${D_FM}\n\n# 1 基本信息\n\n## 1.6 现成软件\n\n| 名称 | 型号规格 | 完整版本 | 供应商 |\n| --- | --- | --- | --- |\n| OpenSSL | 通用版 | 1.1.1w | OpenSSL Software Foundation |\n`,
  },
  'missing-column': {
    what: { zh: '上述表格缺少必需的列。表头单元格在规范化后“包含”该列的词即可（如“软件名称”含“名称”），列顺序不限，中英文均可。', en: 'Such a table lacks a required column. A header cell fills a column when, normalised, it contains one of the column’s words (“软件名称” contains 名称); order is free; zh or en.' },
    why: { zh: '同上：条款逐项列出了必须描述的属性。', en: 'As above: the clauses list the attributes each item must have.' },
    fix: { zh: '使用快速修复添加该列（为每一行添加空单元格），然后填写。', en: 'Use the quick fix to add the column (an empty cell on every row), then fill it in.' },
    choices: {
      zh: '现成软件的类别（应用/系统/支持软件）可以是一列，也可以是分组子标题，缺少它不报告。补丁表（P1）需要名称、版本与日期。一个章节中没有含“名称”列的表格时不做表格检查（清单可能在附件中）。（fda-premarket-2025）工具表（E3、E4）缺少版本或设置列为 B 级（正常模式 warning，缩减模式 info），尽管 E3、E4 本身为 A 级（规范 §6）。K9 的追溯表是表头含测试列以及威胁或风险列之一的表格：缺少另一列报告 missing-column。',
      en: 'The OTS category (application/system/support) may be a column or a grouping sub-heading; its absence is not reported. The patch table (P1) needs name, version and date. A listing section without a name-column table gets no table diagnostic (the list may be an attachment). (fda-premarket-2025) A tools table (E3, E4) without its version or settings column is tier B (warning in normal mode, info in reduced mode) although E3 and E4 are tier A (spec §6). K9’s traceability table is a table with a test column and a threat or a risk column: the other one missing is missing-column.',
    },
    bad: `${D_FM}\n\n# 1 基本信息\n\n## 1.6 现成软件\n\n| 名称 | 完整版本 | 供应商 |\n| --- | --- | --- |\n| OpenSSL | 1.1.1w | OpenSSL Software Foundation |\n`,
    good: `${D_FM}\n\n# 1 基本信息\n\n## 1.6 现成软件\n\n| 名称 | 型号规格 | 完整版本 | 供应商 |\n| --- | --- | --- | --- |\n| OpenSSL | 通用版 | 1.1.1w | OpenSSL Software Foundation |\n`,
  },
  'version-not-full': {
    what: {
      zh: '版本不能唯一标识一个构建：latest、*、x、2.x、>=1.2、~1.2、单个数字（10、V3、Windows 10）或空。两段以上数字（2.31、10.0.19044.3086）、字母后缀版本（1.1.1w）、build 号或 KB 补丁号、发布日期（2024-05-01）均为完整版本。',
      en: 'A version that does not identify one build: latest, *, x, 2.x, >=1.2, ~1.2, a single number (10, V3, Windows 10) or empty. Two or more numeric parts (2.31, 10.0.19044.3086), a letter suffix (1.1.1w), a build or KB number, or a release date (2024-05-01) are full.',
    },
    why: { zh: '四(二)1(5)(6) 要求“完整版本”：漏洞与补丁只能对应到确切的构建。', en: '四(二)1(5)(6) ask for the full version (完整版本): vulnerabilities and patches map only to exact builds.' },
    fix: { zh: '写出确切版本号（Windows 请写 10.0.x.y 形式的 build 号）。', en: 'Write the exact version (for Windows, the 10.0.x.y build number).' },
    choices: { zh: '同样检查 product.software_version；“及以上”“or later”等范围写法也不是完整版本。（fda-premarket-2025）SBOM 表（K5）与工具表（E3、E4）的版本列同样检查；带理由的不适用版本（“N/A – mask ROM, no version published; identified by SHA-256 …”）被接受，只写 N/A 报告 not-applicable-without-reason；硬件行（类型为 hardware 等）从不检查。', en: 'product.software_version is checked too; “及以上” / “or later” ranges are not full versions either. (fda-premarket-2025) The version columns of the SBOM table (K5) and the tools tables (E3, E4) are checked too; a justified not-applicable version (“N/A – mask ROM, no version published; identified by SHA-256 …”) is accepted, a bare N/A is not-applicable-without-reason; hardware rows (type hardware …) are never checked.' },
    bad: `${D_FM}\n\n# 1 基本信息\n\n## 1.6 现成软件\n\n| 名称 | 型号规格 | 完整版本 | 供应商 |\n| --- | --- | --- | --- |\n| Windows 10 IoT Enterprise | LTSC 2019 | Windows 10 | Microsoft Corporation |\n`,
    good: `${D_FM}\n\n# 1 基本信息\n\n## 1.6 现成软件\n\n| 名称 | 型号规格 | 完整版本 | 供应商 |\n| --- | --- | --- | --- |\n| Windows 10 IoT Enterprise | LTSC 2019 | 10.0.17763.5329 | Microsoft Corporation |\n`,
  },
  'unacceptable-residual-risk': {
    what: { zh: '风险表中某行的可接受性为“不可接受 / unacceptable / 否 / no”。风险表指表头含威胁/危害列、控制措施列以及剩余风险或可接受性列的表格。', en: 'A risk-table row whose acceptability says 不可接受 / unacceptable / 否 / no. A risk table has a threat or hazard column, a control column and a residual-risk or acceptability column.' },
    why: { zh: '四(二)2：“确保全部剩余风险均是可接受的”；四(三)：证明新增风险均可接受。', en: '四(二)2: all residual risks must be acceptable; 四(三): every new risk must be shown acceptable.' },
    fix: { zh: '增加风险控制措施并重新评价，直至剩余风险可接受。', en: 'Add risk controls and re-evaluate until the residual risk is acceptable.' },
    choices: {
      zh: '可接受性取自表头含“可接受”的列，否则取“剩余风险”列；接受准则矩阵等其他表格不检查；正文叙述不检查。检查范围为 D2（及其子章节 D2.1、D2.2）和 P5 中的风险表，data.requirement 为 D2 或 P5（要求本身所在的章节）。',
      en: 'The acceptability cell is the column whose header contains 可接受 / acceptab, else the residual column; other tables (an acceptance matrix) and prose are not checked. Risk tables anywhere in D2 (D2.1, D2.2 included) and P5 are checked; data.requirement is D2 or P5, the requirement that asks for acceptable residual risk.',
    },
    bad: `${D_FM}\n\n# 2 风险管理\n\n## 2.1 风险分析报告\n\n| 风险编号 | 威胁 | 控制措施 | 剩余风险 | 是否可接受 |\n| --- | --- | --- | --- | --- |\n| R-001 | 远程篡改报警限 | 报文校验 | 中 | 不可接受 |\n`,
    good: `${D_FM}\n\n# 2 风险管理\n\n## 2.1 风险分析报告\n\n| 风险编号 | 威胁 | 控制措施 | 剩余风险 | 是否可接受 |\n| --- | --- | --- | --- | --- |\n| R-001 | 远程篡改报警限 | 报文校验与床旁确认 | 低 | 可接受 |\n`,
  },
  'undefined-reference': {
    what: { zh: '引用了在整个申报资料中都没有定义的编号（SR-、SD-、TC-、R- 等）。编号在表格行的第一个编号、或位于标题/列表项/段落开头且后接冒号或空白时为定义，其他位置为引用。', en: 'An ID (SR-, SD-, TC-, R-, …) is referenced but defined nowhere in the dossier. An ID is defined as the first ID of a table row, or at the start of a heading, list item or paragraph followed by a colon or whitespace; elsewhere it is a reference.' },
    why: { zh: '四(二)3 的可追溯性要求每个引用都能找到对象；悬空的编号会让审评员无法核对。', en: '四(二)3 traceability needs every reference to resolve; a dangling ID cannot be verified by a reviewer.' },
    fix: { zh: '在表格或列表中定义该编号，或更正拼写（跳转到定义/查找引用可帮助核对）。', en: 'Define the ID in a table or list, or correct it (go to definition / find references help).' },
    choices: {
      zh: '同一 dossier 文件夹内的所有文件共享编号；追溯表中的编号都是引用。表格行中，跳过只含数字的单元格（如序号）后，第一个单元格以编号开头时该编号为定义。编号格式可在 .cyberdossierrc.yaml 的 ids 中配置，按完整词匹配（R-\\d+ 不会匹配 SR-012 的一部分），可与中文直接相邻（“见SR-001的”）。没有 data.requirement。',
      en: 'All files of a dossier folder share IDs; IDs in the traceability table are references. In a table row, after cells holding only a number (序号) are skipped, an ID that begins the first cell is a definition. Patterns are configurable (`ids`) and match whole tokens (R-\\d+ never matches inside SR-012), also right next to Chinese text (“见SR-001的”). No data.requirement.',
    },
    bad: `${GOOD_T.replace('TLS 1.2 加密。', 'TLS 1.2 加密（见 SR-004）。')}`,
    good: `${GOOD_T.replace('TLS 1.2 加密。', 'TLS 1.2 加密（见 SR-004）。')}\n## 附录\n\n- SR-004：通信须采用 TLS 1.2 及以上协议加密。\n`,
  },
  'untraced-requirement': {
    what: { zh: '已定义的需求在可追溯性分析表中没有对应的已定义测试，或没有对应的已定义风险。', en: 'A defined requirement has no defined test, or no defined risk, in the traceability table rows that name it.' },
    why: { zh: '四(二)3：可追溯性分析报告追溯网络安全需求规范、设计规范、测试、风险管理的关系。', en: '四(二)3: the traceability report relates requirements, design, tests and risk management.' },
    fix: { zh: '在追溯表中为该需求补充测试编号与风险编号（并确保它们有定义）。', en: 'Add the test and risk IDs to the requirement’s row of the traceability table (and define them).' },
    choices: {
      zh: '申报资料中没有追溯表（例如以附件提交）时不报告。只看追溯表中含有该需求编号的行；缺测试与缺风险合并为一条，data.missing 列出所缺项。data.requirement 为追溯要求本身（D3.3）。',
      en: 'Not reported when the dossier has no traceability table at all (it is an attachment, say). Only the traceability rows that name the requirement count; a missing test and a missing risk are one finding, data.missing lists them. data.requirement is the traceability requirement (D3.3).',
    },
    bad: `${D_FM}\n\n# 3 验证与确认\n\n## 3.3 可追溯性分析报告\n\n| 需求编号 | 设计编号 | 测试编号 | 风险编号 |\n| --- | --- | --- | --- |\n| SR-001 | SD-001 | TC-001 | R-001 |\n\n- SR-001：HL7 通信采用 TLS 1.2 加密。\n- SR-002：维护报文须经 HMAC 校验。\n- SD-001：通信模块集成 OpenSSL。\n- TC-001：TLS 加密测试。\n- R-001：网络窃听。\n`,
    good: `${D_FM}\n\n# 3 验证与确认\n\n## 3.3 可追溯性分析报告\n\n| 需求编号 | 设计编号 | 测试编号 | 风险编号 |\n| --- | --- | --- | --- |\n| SR-001 | SD-001 | TC-001 | R-001 |\n\n- SR-001：HL7 通信采用 TLS 1.2 加密。\n- SD-001：通信模块集成 OpenSSL。\n- TC-001：TLS 加密测试。\n- R-001：网络窃听。\n`,
  },
  'capability-unaddressed': {
    what: { zh: '网络安全能力章节（D5）没有说明某一项 IEC/TR 80001-2-2 能力：其代码或中英文名称应出现在表格行中，或位于标题、列表项开头。每项缺失报告一次，data.capability 为代码。', en: 'The capability section (D5) does not address an IEC/TR 80001-2-2 capability: its code or zh/en name must stand in a table row or at the start of a heading or list item. One finding per capability; data.capability holds its code.' },
    why: { zh: '三(二)：IEC/TR 80001-2-2 规范了十九项网络安全能力，申请人根据产品特性考虑其适用性。', en: '三(二): IEC/TR 80001-2-2 defines nineteen capabilities whose applicability the applicant considers.' },
    fix: { zh: '使用快速修复添加缺少的能力行，逐项写明适用及实现方式，或不适用及理由。', en: 'Use the quick fix to add the missing rows, then state for each whether it applies and how, or why not.' },
    choices: { zh: '仅在 D5 存在时检查（D5 本身为建议项）。', en: 'Checked only when D5 is present (D5 itself is recommended).' },
    bad: `${D_FM}\n\n# 5 网络安全能力\n\n| 编号 | 网络安全能力 | 是否适用 | 实现方式或不适用理由 |\n| --- | --- | --- | --- |\n| ALOF | 自动注销 | 是 | 无操作 10 分钟自动注销 |\n`,
    good: `${D_FM}\n\n# 5 网络安全能力\n\n${['ALOF 自动注销', 'AUDT 审核控制', 'AUTH 授权', 'CNFS 安全特性配置', 'CSUP 网络安全产品升级', 'DIDT 健康数据身份信息去除', 'DTBK 数据备份与灾难恢复', 'EMRG 紧急访问', 'IGAU 健康数据完整性与真实性', 'MLDP 恶意软件探测与防护', 'NAUT 网络节点鉴别', 'PAUT 人员鉴别', 'PLOK 物理锁', 'RDMP 第三方组件维护计划', 'SAHD 系统与应用软件硬化', 'SGUD 安全指导', 'STCF 健康数据存储保密性', 'TXCF 传输保密性', 'TXIG 传输完整性'].map((c) => `- ${c}：适用，实现方式见设计说明。`).join('\n')}\n`,
  },
  'wrong-document-kind': {
    what: { zh: '文档类型与 submission/updates 矛盾，例如产品注册时提交了常规安全补丁描述文档。', en: 'The document kind contradicts submission/updates, e.g. a patch description at an initial registration.' },
    why: { zh: '五(一)(二)(三)：不同申报情形提交不同的网络安全文档。', en: '五(一)(二)(三): each submission case needs its own cybersecurity documents.' },
    fix: { zh: '更正 document 或 submission/updates，或从本次申报中移除该文件。', en: 'Correct document or submission/updates, or take the file out of this submission.' },
    bad: GOOD_T.replace('document: technical-requirements', 'document: authenticity-statement'),
    good: GOOD_T,
  },
  'missing-document': {
    what: { zh: '按文件夹检查 dossier 时，缺少申报情形所需的文档类型（报告在 dossier.yaml 的 submission 上）。', en: 'A dossier folder, checked as a folder, lacks a document kind its submission needs (reported on dossier.yaml’s submission key).' },
    why: { zh: '五：产品注册需要网络安全描述文档、产品技术要求与说明书；变更需要描述文档、补丁描述文档或真实性声明之一。', en: '五: initial registration needs the description, technical requirements and IFU; a change needs the description, the patch description or the authenticity statement.' },
    fix: { zh: '使用“新建申报文档”命令创建缺少的文档。', en: 'Create the missing document with the *New dossier document…* command.' },
    choices: {
      zh: '在检查整个文件夹时报告：CLI 的文件夹参数，或编辑器中打开该文件夹的任一文档时（语言服务器把所在文件夹当作整份申报资料检查，无需“检查工作区”，随每次检查去抖、缓存、可取消；issue 18）。CLI 只给出单个文件时不报告。没有 dossier.yaml 的单个文件从不报告。“如适用”的文档从不报告缺失。它和其他发现一样计入申报资料的总数（CLI 摘要、报告、检查清单、状态栏、Word 导出）。',
      en: 'Reported when the folder is checked as a dossier: a CLI folder argument, or in the editor as soon as any document of that folder is open (the language server checks the folder it belongs to as the whole dossier, no “Check workspace” needed — debounced, cached and cancellable with each check; issue 18). A CLI run naming only a file does not report it. A file without dossier.yaml never gets it; “where applicable” documents are never missing. It counts in the dossier’s totals like any other finding (CLI summary, report, checklist, status item, Word export).',
    },
    file: 'dossier.yaml',
    bad: 'submission: initial-registration\nproduct: { name: 中央监护系统, class: II }\ndata: { types: [device] }\ninterfaces: { network: { wired: true } }\n',
    good: 'submission: renewal\nproduct: { name: 中央监护系统, class: II }\ndata: { types: [device] }\ninterfaces: { network: { wired: true } }\n',
  },
  'inconsistent-fact': {
    what: {
      zh: '同一 dossier 文件夹中不同文件的同一事实取值不同（如 product.software_version），或 frontmatter 中声明的协议/格式没有在应列出它的章节（T1、D1.4）中出现；或现成软件表格与 .cyberdossierrc.yaml 的 sbom 所指定的 SBOM 不一致（表格中有而 SBOM 中没有的软件、SBOM 中有而表格中没有的软件、完整版本不同、供应商明显不同）。',
      en: 'The same fact differs between files of one dossier folder (product.software_version, say), or a protocol/format declared in the frontmatter is absent from the section that must list it (T1, D1.4); or the off-the-shelf software table disagrees with the SBOM that `sbom` in .cyberdossierrc.yaml names (software in the table but not in the SBOM, in the SBOM but not in the table, a different full version, a clearly different vendor).',
    },
    why: { zh: '各申报资料描述的是同一产品；审评员会比对版本与接口是否一致。', en: 'All documents describe one product; reviewers compare versions and interfaces across them.' },
    fix: {
      zh: '统一取值（共享事实写在 dossier.yaml 中），或在章节中写明该协议/格式。现成软件表格与 SBOM 不一致时，更正错误的一方（版本不同时有快速修复：改为 SBOM 中的版本）；可用 `cyberdossier sbom import` 从 SBOM 生成表格。',
      en: 'Make the values agree (keep shared facts in dossier.yaml), or name the protocol/format in the section. When the OTS table and the SBOM disagree, correct the wrong side (a version mismatch has a quick fix: use the SBOM’s version); `cyberdossier sbom import` generates the table from the SBOM.',
    },
    choices: {
      zh: '只比较文件 frontmatter 中显式写出的值（与 dossier.yaml 或路径顺序中第一个写出它的文件比较）；覆盖 dossier.yaml 中的值是允许的，但会以警告提示各文件不一致。正文中的版本号从不比较。协议名称按规范化（去空格、标点、大小写）后的包含关系在整个章节（含子章节）中查找；协议写在 dossier.yaml 中时，诊断位于该章节标题上。章节不适用或为空时不检查。SBOM 比对（见 docs/sbom.md）：比对的章节由规则集给出（nmpa-2017 为 D1.6，nmpa-2022 为说明书的 M8 现成软件清单）；按名称、purl 名称或 CPE 产品名匹配（名称互相包含且唯一时也算），版本按规范化后比较（v3.0.13 与 3.0.13 相同），供应商只在没有共同的标识词时才报告（法律形式、大小写、标点不算差异），SBOM 的作者（authors）不与供应商比较。缺失的组件报告在表格表头行，其余报告在对应行或单元格。章节只引用附件、没有表格时不比对；章节回答“无/不适用”而 SBOM 列有软件时报告一次。无法读取或无效的 SBOM 在配置文件的 sbom 值上报告一次 config-invalid，且不做比对。（fda-premarket-2025）“必须写到”类检查（B3 每个已声明的连接、K4 蓝牙、L1 Windows 的防恶意软件）的诊断带 data.fact（如 connectivity.wireless）与 data.value（如 bluetooth；cloud、usb 等开关为 true）。H2 子树中必须出现 change.prior_submission 的值（忽略空白与大小写），否则在 H2.1 标题上（没有 H2.1 时在 H2 上）报告，data.fact 为 change.prior_submission，data.value 为该值。',
      en: 'Only values a file states explicitly are compared (with dossier.yaml, else the first file in path order that states them); overriding a dossier.yaml value is allowed but warned about, since the files then disagree. Versions in prose are never compared. Protocol names are looked for, normalised (spaces, punctuation, case), in the whole section and its sub-sections; when the protocol is declared in dossier.yaml the finding sits on the section’s heading. Sections answered not applicable, or empty, are not checked. SBOM comparison (see docs/sbom.md): the rule set names the section (D1.6 under nmpa-2017, the IFU’s M8 现成软件清单 under nmpa-2022); components match by name, purl name or CPE product (also when one name contains the other and the candidate is unique); versions compare normalised (v3.0.13 is 3.0.13); a vendor is reported only when the two share no identifying word (legal forms, case and punctuation are no difference), and SBOM authors are not compared with vendors. A component missing from the table is reported on the table’s header row, the rest on their row or cell. A section that only refers to an attachment (no table) is not compared; one answered none / not applicable while the SBOM lists software is reported once. An unreadable or invalid SBOM is one config-invalid on the rc file’s sbom value, and nothing is compared. (fda-premarket-2025) The “must name” checks (every declared connection in B3, Bluetooth in K4, anti-malware in L1 under Windows) carry data.fact (connectivity.wireless) and data.value (bluetooth; true for the cloud, usb … flags). H2’s subtree must name the value of change.prior_submission (whitespace and case aside), else the finding is on the H2.1 heading (on H2’s without it), data.fact change.prior_submission, data.value the value.',
    },
    bad: GOOD_T.replace('与医院信息系统之间采用 HL7 v2.6 协议，TLS 1.2 加密。', '与医院信息系统之间采用标准协议，TLS 1.2 加密。'),
    good: GOOD_T,
  },
  'duplicate-section': {
    what: { zh: '同一要求的章节在同一父章节下出现了两次；只检查第一次出现的章节。', en: 'The same requirement’s section appears twice under one parent; only the first is checked.' },
    why: { zh: '重复的章节让审评员无法判断以哪一处为准。', en: 'A duplicate leaves the reviewer guessing which one counts.' },
    fix: { zh: '合并两个章节。', en: 'Merge the two sections.' },
    bad: GOOD_T.replace('## 2.2 用户类型及权限', '## 2.2 用户类型及权限\n\n见下。\n\n## 2.3 用户角色及权限'),
    good: GOOD_T,
  },
  'out-of-scope': {
    what: { zh: '第一类医疗器械，或既无网络也无存储媒介数据交换的产品：本指导原则不适用。只报告一次，不检查正文（frontmatter 错误仍报告）。', en: 'A class I device, or one with neither a network nor storage-media exchange: the guideline does not apply. Reported once; the body is not checked (frontmatter errors still are).' },
    why: { zh: '一、适用范围：第二类、第三类具有网络连接或通过存储媒介交换数据的医疗器械。', en: '一 (scope): class II and III devices with a network connection or storage-media data exchange.' },
    fix: { zh: '确认产品事实无误；若确实不适用，无需网络安全文档。', en: 'Check the facts; if the guideline indeed does not apply, no cybersecurity document is needed.' },
    choices: {
      zh: '仅当 interfaces.network 与 interfaces.storage_media 都不存在，且 functions.exchange 与 functions.remote_control 都不存在或为 none 时才不适用；声明了数据交换但未写接口仍在范围内。无效值不能使文件“不适用”。类别 I 来自 dossier.yaml 时，诊断位于文件第 0 行。不适用时也不报告 wrong-document-kind 与 missing-document。',
      en: 'Only when interfaces.network and interfaces.storage_media are both absent and functions.exchange and functions.remote_control are absent or none; a device that declares data exchange without interfaces stays in scope. An invalid value never puts a file out of scope. When class I comes from dossier.yaml the finding sits on line 0 of the file. Out of scope, neither wrong-document-kind nor missing-document is reported.',
    },
    bad: GOOD_T.replace('class: II', 'class: I'),
    good: GOOD_T,
  },
  'config-invalid': {
    what: { zh: '.cyberdossierrc.yaml（或 dossier.yaml）不是有效的 YAML，或有未知键、错误取值、无效的正则表达式。其余配置照常生效。', en: '.cyberdossierrc.yaml (or dossier.yaml) is not valid YAML, or has an unknown key, a bad value or an invalid regular expression. The rest of the file still applies.' },
    why: { zh: '配置错误会悄悄改变检查结果；必须让用户看到。', en: 'A configuration mistake silently changes the results; it must be visible.' },
    fix: { zh: '按消息修正（支持“您是否想写”）；编辑器通过随附的 JSON Schema 提供补全与校验。', en: 'Fix it as the message says (with did-you-mean); the shipped JSON Schema gives completion and validation in the editor.' },
    choices: {
      zh: '申报资料仓库可能来自他人，配置只作数据处理（SECURITY.md）。正则表达式：ids 中的模式在 RE2（re2js，纯 JavaScript 实现）上运行，匹配时间与文本长度成线性关系，任何模式（如 (a+)+$）都不会使检查卡住，因此这类模式被接受而不报告；RE2 不支持的写法（前后断言 (?=…) (?<!…)、反向引用 \\1）报告 config-invalid。整词边界不再用前后断言实现，而是匹配前后各一个边界字符。每个模式最多 256 个字符、编译后最多 1000 条指令，每类最多 16 个模式，超出部分报告 config-invalid：这样每次检查的耗时至多是 TC-\\d+ 的固定倍数。\\u4e00 等 JavaScript 写法会自动转换。dossierGlobs 与 .gitignore 同样转换为 RE2 匹配；不支持的 !(…) 报告 config-invalid，[!a] 按 bash 与 git 理解为“非 a”。路径：sbom、export.referenceDocx、vulnerabilities 及今后命名文件的键，相对于所在配置文件解析，解析符号链接后必须位于该文件所在文件夹、档案文件夹或工作区（命令行为当前目录，或 --allow-path 明确允许的文件夹）之内，必须是普通文件（不是 FIFO、套接字、设备或文件夹），SBOM 不超过 50 MB、参考样式文档不超过 20 MB；否则在该值上报告 config-invalid，且不打开该文件。消息只说明问题与位置（如“不是有效的 JSON，第 3 行第 7 列”），从不引用文件内容。受限模式（未信任的工作区）下，ids、dossierGlobs、sbom、export、vulnerabilities 暂不使用，并在各键上以“信息”级别的 config-invalid 说明；信任后自动生效。当 dossier.yaml（或 .cyberdossierrc.yaml）本身无法解析时，申报资料中的每个文件在第 1 行报告一次 config-invalid（data.file、data.line、data.column），relatedInformation 指向该错误，而不是报告一连串缺少的键：dossier.yaml 的事实未加载时文件正文不检查（所有条件要求都取决于这些事实），rc 文件无法解析时按默认设置检查。解析器的英文原文只保留在 data.detail 中，消息给出行号、列号和本地化的说明。',
      en: 'A dossier repository may come from someone else, so configuration is only data (SECURITY.md). Regular expressions: ids patterns run on RE2 (re2js, a pure JavaScript port), in time linear in the text, so no pattern (such as (a+)+$) can hang a check; such a pattern is therefore accepted, not reported. What RE2 does not support (lookaround such as (?=…) or (?<!…), backreferences such as \\1) is config-invalid. The whole-token boundaries are matched as one boundary character before and after, not with lookaround. A pattern is at most 256 characters and 1000 compiled instructions, a kind at most 16 patterns; more is config-invalid — so one check costs at most a fixed multiple of what it costs with TC-\\d+. JavaScript spellings such as \\u4e00 are translated. dossierGlobs and .gitignore lines are translated to RE2 as well; the unsupported !(…) is config-invalid, and [!a] means “not a”, as in bash and git. Paths: sbom, export.referenceDocx, vulnerabilities (files or folders; docs/vulnerabilities.md) and every future key naming a file are resolved against the configuration file and must lie, symbolic links followed, inside its folder, the dossier’s folder or the workspace (on the command line: the current directory, or a folder allowed with --allow-path); they must be regular files (not a FIFO, socket, device or folder), an SBOM at most 50 MB, a reference document at most 20 MB. Otherwise config-invalid on the value, and the file is not opened. Messages say what is wrong and where (“not valid JSON at line 3, column 7”), never what the file holds. In Restricted Mode (a workspace that is not trusted) ids, dossierGlobs, sbom, export and vulnerabilities are not applied, each with an info-level config-invalid on its key; trusting the folder applies them. When dossier.yaml (or .cyberdossierrc.yaml) itself does not parse, every file of the dossier gets one config-invalid on line 1 (data.file, data.line, data.column) with relatedInformation pointing at the error, instead of a cascade of missing keys: with dossier.yaml’s facts not loaded the body is not checked (every conditional requirement depends on them); with the rc file unreadable the file is checked with the defaults. The parser’s English message is kept only as data.detail; the message gives line, column and a localized description.',
    },
    file: '.cyberdossierrc.yaml',
    bad: 'rules:\n  placeholdr: warning\n',
    good: 'rules:\n  placeholder: warning\n',
  },
  'file-too-large': {
    what: { zh: '文件超过配置的大小上限（默认 10 MB），未检查。', en: 'The file is over the configured size limit (default 10 MB) and was not checked.' },
    why: { zh: '保护编辑器与 CI 不被超大文件拖慢。', en: 'Keeps the editor and CI responsive on huge files.' },
    fix: { zh: '拆分文件（同类文件会合并为一个文档检查），或在 .cyberdossierrc.yaml 中调整 maxFileSize。', en: 'Split the file (files of one kind are checked as one document), or raise maxFileSize in .cyberdossierrc.yaml.' },
    choices: { zh: '大小按 UTF-8 字节计；上限可写作 10MB、512KB 或字节数。', en: 'Size counts UTF-8 bytes; the limit may be written 10MB, 512KB or a number of bytes.' },
    config: 'maxFileSize: 4KB\n',
    bad: `${GOOD_T}\n## 附录 测试记录\n\n${'测试用例 TC 执行记录：全部通过，未发现异常。\n'.repeat(60)}`,
    good: GOOD_T,
  },
  'section-skipped': {
    what: {
      zh: `某一节没有被解析和检查：块引用或列表嵌套超过 100 层（解析器在这种输入上会变得极慢），或解析器在这一节出错。该节的标题仍参与章节匹配，正文视为非空。`,
      en: 'A section was not parsed or checked: its block quotes or lists nest more than 100 levels deep (the parser slows down badly on such input), or the parser failed on it. Its heading still counts for section matching; its body counts as not empty.',
    },
    why: { zh: '检查器必须在任何输入下保持响应、从不崩溃，同时不能悄悄略过内容：跳过的内容必须明确告知。', en: 'The checker must stay responsive and never crash on any input, and must never skip content silently.' },
    fix: { zh: '减少嵌套层级（真实的申报资料不会嵌套到这个深度，通常是粘贴错误）。', en: 'Reduce the nesting (a real dossier never nests this deep; it is usually a paste accident).' },
    choices: { zh: '上限为 100 层（块引用层数加上列表缩进的一半）。', en: 'The limit is 100 levels (block quote markers plus half the list indentation).' },
    bad: `${GOOD_T}\n${'>'.repeat(150)} 误粘贴的内容\n`,
    good: GOOD_T,
  },
  'missing-diagram': {
    what: {
      zh: '（nmpa-2022）指导原则要求以图示给出的章节没有图：网络环境和数据流图（R1.2.1、O1.2.1），网络安全更新、网络安全事件应急响应、远程维护与升级的流程图（R2.5.1–R2.5.3 及 O 镜像）。',
      en: '(nmpa-2022) A section the guideline asks to be given as a diagram has none: the network environment and data-flow diagrams (R1.2.1, O1.2.1) and the flow charts of cybersecurity updates, incident response and remote maintenance (R2.5.1–R2.5.3 and the O mirrors).',
    },
    why: { zh: '六（一）1（2）要求提供网络环境和数据流图；六（一）2（5）要求以流程图形式提供并依据图示描述相关活动。', en: '六（一）1（2） asks for network environment and data-flow diagrams; 六（一）2（5） asks for flow charts with the activities described after them.' },
    fix: { zh: '插入图片（![…](图.png) 或 <img>）、mermaid / plantuml / dot 代码块，或引用编号的图（“见图 3”“附件 2 中的图 1”）。应急响应也可改为写明所附的网络安全事件应急响应预案。', en: 'Insert an image (![…](fig.png) or <img>), a mermaid / plantuml / dot block, or refer to a numbered figure (“see Figure 3”, “Figure 1 of Annex 2”). For incident response, naming the attached incident response plan also satisfies it.' },
    choices: {
      zh: 'Markdown 没有“流程图”对象，因此图示按以下形式识别：Markdown 或 HTML 图片；语言为 mermaid、plantuml、puml、dot、graphviz 的代码块；对编号图的引用（图 3、见图、如图、Figure 3、Fig. 3）；同一句中提到附件与图。识别是启发式的，所以默认级别为警告。章节不适用、为空或缺失时不报告（缺失由 missing-section 报告）。（fda-premarket-2025）B2.1–B2.4 与 L2 同样需要图示（另认 Figure N、Fig. N、see Figure、Diagram N）；以引用作答的视图（“Global System View: see Threat Model, Section 2.3”“见《威胁模型》第 2.3 节”）不报告：审评员接受指向图示所在之处的引用，只给出 answered-by-reference 提示。缩减模式（非网络设备、IDE）下为 info。',
      en: 'Markdown has no flow-chart object, so a diagram is: a Markdown or HTML image; a fenced block in mermaid, plantuml, puml, dot or graphviz; a reference to a numbered figure (图 3, 见图, 如图, Figure 3, Fig. 3); an attachment and a figure named in one sentence. Detection is heuristic, hence a warning. Sections answered not applicable, empty or missing are not reported (missing-section covers those). (fda-premarket-2025) B2.1–B2.4 and L2 need a diagram too (Figure N, Fig. N, see Figure, Diagram N also count); a view answered by a reference (“Global System View: see Threat Model, Section 2.3”, “见《威胁模型》第 2.3 节”) is not reported — a reviewer accepts a pointer to where the diagram is — and gets the answered-by-reference hint instead. Info in reduced mode (not a cyber device, IDE).',
    },
    bad: `---\ndocument: cybersecurity-research-report\nguideline: nmpa-2022\nsubmission: initial-registration\nproduct: { name: 多参数患者监护仪, model: PM-9000, class: II, software_version: V2.1.0.3 }\nsoftware: { safety_level: moderate }\ndata: { types: [device] }\nfunctions: { user_access: true }\n---\n\n# 2 实现过程\n\n## 2.5 维护计划\n\n### 2.5.1 网络安全更新\n\n更新由研发部评估后发布，用户在设备端确认安装。\n`,
    good: `---\ndocument: cybersecurity-research-report\nguideline: nmpa-2022\nsubmission: initial-registration\nproduct: { name: 多参数患者监护仪, model: PM-9000, class: II, software_version: V2.1.0.3 }\nsoftware: { safety_level: moderate }\ndata: { types: [device] }\nfunctions: { user_access: true }\n---\n\n# 2 实现过程\n\n## 2.5 维护计划\n\n### 2.5.1 网络安全更新\n\n\`\`\`mermaid\nflowchart LR\n  评估 --> 验证 --> 发布 --> 用户确认安装\n\`\`\`\n\n更新由研发部评估后发布，用户在设备端确认安装。\n`,
  },
  'vulnerability-assessment-incomplete': {
    what: {
      zh: '（nmpa-2022）漏洞评估（R3 / F3 / U7 / O3 / Q3）没有按 CVSS 漏洞等级列明已知漏洞总数和已知剩余漏洞数（没有数量表，或某一等级没有数量）；或在安全性级别为中等、严重且已知剩余漏洞数大于 0 时，没有列明已知剩余漏洞的内容、对产品的影响及综合剩余风险。data.item 说明缺少的是什么（counts、level、residual-list）。',
      en: '(nmpa-2022) The vulnerability assessment (R3 / F3 / U7 / O3 / Q3) lacks the counts of known and residual vulnerabilities per CVSS level (no count table, or a level without a count), or — at level moderate or major with residual vulnerabilities — the list of them with their impact and overall residual risk. data.item says what is missing (counts, level, residual-list).',
    },
    why: { zh: '六（一）3 与表1、表2：按现行有效的 CVSS 漏洞等级明确已知漏洞总数和已知剩余漏洞数；中等、严重级别还需列明已知剩余漏洞的内容、对产品的影响及综合剩余风险。', en: '六（一）3 with 表1 / 表2: give known and residual vulnerability counts per CVSS level; at moderate and major also list the residual vulnerabilities with impact and overall residual risk.' },
    fix: { zh: '添加数量表（等级 × 已知漏洞数 / 已知剩余漏洞数，没有漏洞写 0），需要时添加剩余漏洞表（漏洞、对产品的影响、综合剩余风险）。', en: 'Add a count table (levels × known / residual counts, 0 where there are none) and, where required, the residual vulnerability table (vulnerability, impact, overall residual risk).' },
    choices: {
      zh: 'CVSS 等级取 v3.1 / v4.0 的定性等级：严重（超危）、高（高危）、中（中危）、低（低危）；“无”可列出但不要求。数量表可横排（等级为列）或竖排（等级为行）。数量表只要出现在漏洞评估的任何子章节中即可。剩余漏洞表的行数与剩余漏洞总数不一致、剩余数大于已知数、合计不等于各等级之和，报告为 inconsistent-fact；空白或非整数的数量报告为 incomplete-row。',
      en: 'CVSS levels are the v3.1 / v4.0 qualitative ones: Critical (严重 / 超危), High, Medium, Low; None may be listed but is not required. The count table may run across (levels as columns) or down (levels as rows), anywhere in the assessment’s subtree. A residual table whose rows differ from the residual total, a residual count above the known one, or a total that is not the sum is inconsistent-fact; an empty or non-integer count is incomplete-row.',
    },
    bad: `---\ndocument: cybersecurity-patch-update-report\nguideline: nmpa-2022\nsubmission: change\nupdates: [minor]\nupdate_content: [patch]\nproduct: { name: 多参数患者监护仪, model: PM-9000, class: II, software_version: V2.1.1.0 }\nsoftware: { safety_level: minor }\ndata: { types: [device] }\nfunctions: { user_access: true }\n---\n\n# 7 漏洞评估\n\n本次补丁更新后已使用漏洞扫描工具进行了检查，未发现高风险漏洞。\n`,
    good: `---\ndocument: cybersecurity-patch-update-report\nguideline: nmpa-2022\nsubmission: change\nupdates: [minor]\nupdate_content: [patch]\nproduct: { name: 多参数患者监护仪, model: PM-9000, class: II, software_version: V2.1.1.0 }\nsoftware: { safety_level: minor }\ndata: { types: [device] }\nfunctions: { user_access: true }\n---\n\n# 7 漏洞评估\n\n| 漏洞等级（CVSS v3.1） | 已知漏洞数 | 已知剩余漏洞数 |\n| --- | --- | --- |\n| 严重 | 0 | 0 |\n| 高 | 2 | 0 |\n| 中 | 3 | 1 |\n| 低 | 4 | 2 |\n`,
  },
  'version-rule-incomplete': {
    what: { zh: '（nmpa-2022）产品技术要求的软件版本命名规则（N1.1）没有涵盖网络安全更新，或没有区分重大和轻微网络安全更新。', en: '(nmpa-2022) The software version naming rule of the technical requirements (N1.1) does not cover cybersecurity updates, or does not tell major from minor ones.' },
    why: { zh: '七（三）与二（八）1：软件版本命名规则应涵盖网络安全更新情况，区分重大网络安全更新和轻微网络安全更新。', en: '七（三） and 二（八）1: the version naming rule covers cybersecurity updates and distinguishes major from minor ones.' },
    fix: { zh: '在命名规则中写明哪一位标识重大网络安全更新、哪一位标识轻微网络安全更新。', en: 'State which part of the version marks a major and which a minor cybersecurity update.' },
    choices: { zh: '检查 N1.1 整个子树中是否同时出现“网络安全”（或 cybersecurity / security）、“重大”（major）与“轻微”（minor）；data.missing 列出未写到的项。', en: 'N1.1’s whole subtree must say 网络安全 (or cybersecurity / security), 重大 (major) and 轻微 (minor); data.missing lists what is not stated.' },
    bad: `---\ndocument: technical-requirements\nguideline: nmpa-2022\nsubmission: initial-registration\nproduct: { name: 多参数患者监护仪, model: PM-9000, class: II, software_version: V2.1.0.3 }\ndata: { types: [device] }\nfunctions: { user_access: true }\n---\n\n# 1 产品型号/规格及其划分说明\n\n## 1.1 软件版本命名规则\n\n软件完整版本格式为 V X.Y.Z.B，X 为重大软件更新，Y 为轻微软件更新，Z 为纠正性更新，B 为构建号。\n`,
    good: `---\ndocument: technical-requirements\nguideline: nmpa-2022\nsubmission: initial-registration\nproduct: { name: 多参数患者监护仪, model: PM-9000, class: II, software_version: V2.1.0.3 }\ndata: { types: [device] }\nfunctions: { user_access: true }\n---\n\n# 1 产品型号/规格及其划分说明\n\n## 1.1 软件版本命名规则\n\n软件完整版本格式为 V X.Y.Z.B：X 为重大软件更新（含重大网络安全更新），Y 为轻微软件更新（含轻微网络安全更新），Z 为纠正性更新，B 为构建号。\n`,
  },
  'section-incomplete': {
    what: {
      zh: '（nmpa-2022）一个已有的章节缺少指导原则为它列出的要素：远程维护与升级（R1.2.4）的实现方法、所用电子接口、设备数据所含内容、隔离方法、网络安全保证措施（五（三））；网络安全事件应急响应（R2.5.2）的计划与准备、探测与报告、评估与决策、应急响应实施、总结与改进五个阶段（二（七））；数据架构（R1.2、F1.2）中医疗数据与设备数据的隔离方法（二（二））；网络安全能力（R1.3）的强弱程度与风险水平（二（四））及其他能力的适用情况（六（一）1（3），提示）。data.missing 列出未写到的要素。',
      en: '(nmpa-2022) A present section lacks elements the guideline names for it: remote maintenance and upgrade (R1.2.4) — implementation method, interfaces used, device data content, isolation, security measures (五（三））; incident response (R2.5.2) — the five phases planning and preparation, detection and reporting, assessment and decision, response, review and improvement (二（七））; the data architecture (R1.2, F1.2) — how medical and device data are isolated (二（二））; the capability analysis (R1.3) — how strength follows the risk level (二（四）) and other capabilities (六（一）1（3）, hints). data.missing lists what is not stated.',
    },
    why: {
      zh: '审评员按指导原则逐项阅读这些章节：章节标题在、内容却缺少指导原则点名的要素，同样会被要求补正。',
      en: 'A reviewer reads these sections against the elements the guideline names; a section that has its title but not those elements is sent back just the same.',
    },
    fix: {
      zh: '逐项写明 data.missing 列出的要素；若内容在所附文件中，写明出处（见附件 N），该发现即改为提示。网络安全事件应急响应写明所附的网络安全事件应急响应预案文档即可（六（一）2（5）允许以预案代替流程图）。',
      en: 'State each element data.missing lists; where the content is in an attached document, name it (see Annex N) and the finding becomes a hint. For incident response, naming the attached incident response plan is enough (六（一）2（5） accepts the plan instead of the chart).',
    },
    choices: {
      zh: '每个要素按一组词识别（如隔离：隔离、分离、分库、分别存储、访问权限控制、访问控制、isolat）；应急响应读取源文本，流程图（mermaid 等）中的阶段名称也算，只缺“计划与准备”（流程图常从“探测与报告”开始）为提示，缺其他阶段为警告。严重程度的选择：远程维护与升级的五项技术特征为警告（五（三）逐项要求）；数据架构中的隔离方法为提示——二（二）提出隔离要求，但六（一）1（2）未把它列为数据架构的内容，且有远程维护时 R1.2.4 已按警告要求写明隔离方法；能力的强弱程度为提示——申请人通常通过能力表中的实现方式（如“用户名加口令，连续 5 次失败锁定”）体现强弱，审评员据此判断；其他网络安全能力为提示（六（一）1（3）“若适用”）。仍含占位符（<…>、TODO、待补充）的章节只报告 placeholder，写完后再检查这些要素。章节以引用作答且无表格时，改为 answered-by-reference 提示。',
      en: 'Each element is recognised by a group of words (isolation: 隔离, 分离, 分库, 分别存储, 访问权限控制, 访问控制, isolat …); incident response reads the source lines, so the phases in a flow chart (mermaid and the like) count, and planning and preparation alone missing (charts often start at detection) is a hint, any other phase a warning. Severities chosen: the five technical characteristics of remote maintenance are a warning (五（三） asks for each); isolation in the data architecture is a hint — 二（二） asks for isolation but 六（一）1（2） does not list it for the data architecture, and with remote maintenance R1.2.4 already requires it as a warning; the strength of capabilities is a hint — applicants show it through the mechanisms of the capability table (“user name and password, locked after 5 failures”), which is what the reviewer reads; other capabilities are a hint (六（一）1（3）, “where applicable”). A section still holding a placeholder (<…>, TODO, 待补充) gets only the placeholder finding; its elements are checked once it is written. A section answered by reference without a table gets the answered-by-reference hint instead.',
    },
    bad: `---\ndocument: cybersecurity-research-report\nguideline: nmpa-2022\nsubmission: initial-registration\nproduct: { name: 多参数患者监护仪, model: PM-9000, class: II, software_version: V2.1.0.3 }\nsoftware: { safety_level: moderate }\ndata: { types: [sensitive-medical, device] }\nfunctions: { user_access: true }\n---\n\n# 1 基本信息\n\n## 1.2 数据架构\n\n### 1.2.2 数据情况\n\n| 数据类型 | 具体内容 | 功能 | 用途 |\n| --- | --- | --- | --- |\n| 敏感医疗数据 | 个人信息、生理参数 | 双向电子数据交换 | 医疗活动 |\n| 设备数据 | 运行日志 | 非实时远程访问与控制 | 设备维护 |\n`,
    good: `---\ndocument: cybersecurity-research-report\nguideline: nmpa-2022\nsubmission: initial-registration\nproduct: { name: 多参数患者监护仪, model: PM-9000, class: II, software_version: V2.1.0.3 }\nsoftware: { safety_level: moderate }\ndata: { types: [sensitive-medical, device] }\nfunctions: { user_access: true }\n---\n\n# 1 基本信息\n\n## 1.2 数据架构\n\n### 1.2.2 数据情况\n\n| 数据类型 | 具体内容 | 功能 | 用途 |\n| --- | --- | --- | --- |\n| 敏感医疗数据 | 个人信息、生理参数 | 双向电子数据交换 | 医疗活动 |\n| 设备数据 | 运行日志 | 非实时远程访问与控制 | 设备维护 |\n\n患者数据库与设备日志分库存储，以不同的操作系统用户和访问权限控制隔离。\n`,
  },
  'device-data-personal-information': {
    what: {
      zh: '（nmpa-2022）数据情况（R1.2.2、F1.2）中描述设备数据的表格行或句子写到了个人信息（患者姓名、身份证号、住院号、手机号等）。',
      en: '(nmpa-2022) A data-table row or sentence describing device data (R1.2.2, F1.2) names personal information (patient name, ID number, inpatient number, phone number …).',
    },
    why: {
      zh: '二（二）：设备数据是指记录医疗器械运行状况的数据（含日志），用于监视、控制医疗器械运行或者医疗器械的维护与升级，不得含有个人信息。含个人信息的数据属于敏感医疗数据，适用更严格的要求。',
      en: '二（二）: device data records how the device runs (logs included), for monitoring, control, maintenance and upgrade, and must not contain personal information. Data with personal information is sensitive medical data, with stricter requirements.',
    },
    fix: {
      zh: '把含个人信息的内容归入敏感医疗数据，或说明设备数据已去除个人信息（如“日志不含患者姓名”）。',
      en: 'Class the data with personal information as sensitive medical data, or state that it is removed from the device data (“logs contain no patient names”).',
    },
    choices: {
      zh: '识别的个人信息：姓名、身份证、住院号、门诊号、病历号、病案号、手机号、电话号码、联系电话、医保号、出生日期、家庭住址、患者编号/ID 及其英文写法；前面 12 个字符内有否定词（不含、不包括、不涉及、不得含有、无、去除、脱敏、not、no、without、excluding）时不算。只检查数据类型列为“设备数据”的行，以及以“设备数据”开头的句子或标注段落（至下一个数据类型为止）。',
      en: 'Personal information recognised: 姓名, 身份证, 住院号, 门诊号, 病历号, 病案号, 手机号, 电话号码, 联系电话, 医保号, 出生日期, 家庭住址, 患者编号/ID and their English forms; not when a negation (不含, 不包括, 不涉及, 不得含有, 无, 去除, 脱敏, not, no, without, excluding) stands within the 12 characters before. Only rows whose data-type cell is 设备数据 are read, and sentences or labelled paragraphs that start with 设备数据 (up to the next data type).',
    },
    bad: `---\ndocument: cybersecurity-research-report\nguideline: nmpa-2022\nsubmission: initial-registration\nproduct: { name: 多参数患者监护仪, model: PM-9000, class: II, software_version: V2.1.0.3 }\nsoftware: { safety_level: moderate }\ndata: { types: [sensitive-medical, device] }\nfunctions: { user_access: true }\n---\n\n# 1 基本信息\n\n## 1.2 数据架构\n\n### 1.2.2 数据情况\n\n| 数据类型 | 具体内容 | 功能 | 用途 |\n| --- | --- | --- | --- |\n| 敏感医疗数据 | 个人信息、生理参数 | 双向电子数据交换 | 医疗活动 |\n| 设备数据 | 运行日志（含患者姓名、住院号） | 非实时远程访问与控制 | 设备维护 |\n\n两类数据分库存储并隔离。\n`,
    good: `---\ndocument: cybersecurity-research-report\nguideline: nmpa-2022\nsubmission: initial-registration\nproduct: { name: 多参数患者监护仪, model: PM-9000, class: II, software_version: V2.1.0.3 }\nsoftware: { safety_level: moderate }\ndata: { types: [sensitive-medical, device] }\nfunctions: { user_access: true }\n---\n\n# 1 基本信息\n\n## 1.2 数据架构\n\n### 1.2.2 数据情况\n\n| 数据类型 | 具体内容 | 功能 | 用途 |\n| --- | --- | --- | --- |\n| 敏感医疗数据 | 个人信息、生理参数 | 双向电子数据交换 | 医疗活动 |\n| 设备数据 | 运行日志（不含患者姓名、住院号） | 非实时远程访问与控制 | 设备维护 |\n\n两类数据分库存储并隔离。\n`,
  },
  'not-a-cyber-device': {
    what: {
      zh: '（fda-premarket-2025）frontmatter 的 524B(c) 三项标准中至少一项为 false（cyber_device.software、internet 或 vulnerable_characteristics）：本器械不是“网络设备”，第 524B 条不适用。每个文件报告一次（info），位于第一个为 false 的标准值上（按 software、internet、vulnerable_characteristics 的顺序；值来自 dossier.yaml 时位于第 0 行）。data.criterion 为该标准。其余检查照常进行，只是缺失类诊断的严重程度降低（A 级 error → warning，B 级 warning → info）。',
      en: '(fda-premarket-2025) One of the three 524B(c) criteria in the frontmatter is false (cyber_device.software, internet or vulnerable_characteristics): the device is not a “cyber device” and section 524B does not apply. Reported once per file (info) on the value of the first false criterion (in the order software, internet, vulnerable_characteristics; on line 0 when it comes from dossier.yaml). data.criterion names it. Everything else is still checked; only the absence codes are reported at lower severity (tier A error → warning, tier B warning → info).',
    },
    why: {
      zh: 'VII.B：第 524B(c) 条的网络设备须同时满足三项标准；Appendix 4：“each type of documentation identified throughout the guidance is recommended for all premarket submissions for devices with potential cybersecurity risks”——指南的建议仍然适用，法定要求不适用。',
      en: 'VII.B: a cyber device under 524B(c) meets all three criteria; Appendix 4: “each type of documentation identified throughout the guidance is recommended for all premarket submissions for devices with potential cybersecurity risks” — the guidance still recommends the documentation, the statute does not require it.',
    },
    fix: {
      zh: '确认三项标准的取值。注意 VII.B 对“连接互联网的能力”作广义理解：USB、以太网、串口连接器以及射频或磁感应通信均算；声明了这些连接而 internet 为 false 时报告 frontmatter-invalid，且该值视为无效。',
      en: 'Check the three criteria. VII.B reads “the ability to connect to the internet” broadly: USB, ethernet and serial connectors and RF or inductive communications count; internet: false with such a connection declared is frontmatter-invalid and the value counts as invalid.',
    },
    choices: {
      zh: '不使用 out-of-scope：out-of-scope 意味着“指导原则不适用、不检查正文”，而此处指南仍然适用（II、Appendix 4），只是法律条文不适用；用户需要知道严重程度为何降低。三项标准有一项缺失或无效且没有一项为 false 时为“未确定”：不报告本代码，严重程度不降低（未知不会降低严重程度）。data.requirement 为空（不针对某一要求）。',
      en: 'Not out-of-scope: out-of-scope means “the guideline does not apply, nothing else is checked”, while here the guidance still applies (II, Appendix 4) and only the statute does not; the user must be told why severities are lower. With a criterion missing or invalid and none false the state is undetermined: no notice, normal severities (an unknown never lowers a severity). data.requirement is empty (no single requirement is meant).',
    },
    bad: `${FDA_FM.replace('vulnerable_characteristics: true', 'vulnerable_characteristics: false')}\n\n${FDA_PLAN}`,
    good: `${FDA_FM}\n\n${FDA_PLAN}`,
  },
  'answered-by-reference': {
    what: {
      zh: '一项要求以引用作答（“见附件 2”“详见《网络安全测试报告》（文件编号 STR-CS-001）”），而其内容检查需要本文档中的内容（表格列、完整版本、风险可接受性、追溯关系、能力逐项说明、漏洞数量等）：被引用的文件不在 Markdown 中，这些检查无法进行。提示写明所引用的文件，从不报错。',
      en: 'An item is answered by a reference (“见附件 2”, “详见《网络安全测试报告》（文件编号 STR-CS-001）”, “see Annex 2”) while its content checks need the text itself (table columns, full versions, risk acceptability, traceability rows, capability answers, vulnerability counts): the referenced document is not in the Markdown, so those checks cannot run. The hint names the reference; it is never an error.',
    },
    why: {
      zh: '申请人常在章节内以一句话引用附件作答（requirements.md §3a），审评员会接受这种写法；但检查器看不到附件内容，应当如实说明哪些内容未被检查，而不是误报缺失。',
      en: 'Applicants often answer an item in one sentence that points at an attachment (requirements.md §3a), and reviewers accept it; the checker cannot see the attachment, so it says what it did not check instead of reporting the content missing.',
    },
    fix: {
      zh: '无需修改。若希望检查器也检查这部分内容，把表格（或内容）写入本文档，引用可以保留。',
      en: 'Nothing to fix. To have the checker check the content too, put the table (or text) into the document; the reference may stay.',
    },
    choices: {
      zh: '引用的形式：附件 N / 附录 A（可带“见”“详见”），见《文件名》，文件编号 / 文档编号 …，见说明书第 N 章，see Annex / Attachment / Appendix N，document No. …；仅仅提到一个标准（依据《YY/T 0316》）不是引用。一个章节没有表格而含有引用时：需要表格的检查（清单表、风险表、追溯表）总是给出此提示；其他检查只有在本会报告问题时才改为此提示。每项要求最多一条。只要表格写在文档中，所有检查照常进行（引用不改变任何结果）。英文引用（fda-premarket-2025，规范 §3.1）还有：see <文件>, Section N（“Global System View: see Threat Model, Section 2.3”）、see Section N of …、refer to <文件名>（首字母大写的文件名）、in document <编号>、Doc. No. …、带扩展名的文件名（ip600-sbom.cdx.json）；中文“见《…》第 N 节”同样是引用。data.reference 为所引用的内容（不含 see / 见 及句末标点）。',
      en: 'A reference is: 附件 N / 附录 A (optionally after 见 / 详见), 见《document》, 文件编号 / 文档编号 …, 见说明书第 N 章, see Annex / Attachment / Appendix N, document No. …; merely naming a standard (依据《YY/T 0316》) is not one. When a section has no table and holds a reference: the checks that read a table (listing, risk and traceability tables) always give this hint; the other checks give it only where they would have reported something. At most one per requirement. When the table is in the document, every check runs as usual (a reference changes nothing). English forms (fda-premarket-2025, spec §3.1) also: see <document>, Section N (“Global System View: see Threat Model, Section 2.3”), see Section N of …, refer to <Document> (a capitalised title), in document <number>, Doc. No. …, a file name with an extension (ip600-sbom.cdx.json); 见《…》第 N 节 is one too. data.reference is what is referred to (without see / 见 and the final full stop).',
    },
    bad: `${D_FM}\n\n# 1 基本信息\n\n## 1.6 现成软件\n\n现成软件清单见附件 2（文件编号 OTS-LIST-003）。\n`,
    good: `${D_FM}\n\n# 1 基本信息\n\n## 1.6 现成软件\n\n| 名称 | 型号规格 | 完整版本 | 供应商 |\n| --- | --- | --- | --- |\n| Windows 10 IoT Enterprise LTSC | 2021 | 10.0.19044.3086 | Microsoft |\n`,
  },
  'privacy-not-addressed': {
    what: { zh: 'data.types 声明了健康数据，但网络安全描述文档从未提及隐私（隐私、个人信息、个人数据、患者信息保护、privacy、personal data、personal information）。', en: 'data.types declares health data but the cybersecurity description never mentions privacy (隐私, 个人信息, 个人数据, 患者信息保护, privacy, personal data, personal information).' },
    why: { zh: '三(一)：对于健康数据，注册申请人应当遵循患者隐私保护的相关规定。', en: '三(一): for health data the applicant follows the rules on patient privacy.' },
    fix: { zh: '说明如何保护患者隐私（如去标识化、加密存储与传输、访问控制）。', en: 'Describe how patient privacy is protected (de-identification, encryption, access control).' },
    choices: {
      zh: '位置：D1.1 标题；没有 D1.1 时为 data.types 的值（在本文件中时），否则为 frontmatter 后第一行。检查整份描述文档（同类型的所有文件），标题也算提及。不带 data.requirement（这是对整份文档的要求），data.clause 为 三(一)。',
      en: 'Position: the D1.1 heading; without D1.1 the data.types value (when in this file), else the first line after the frontmatter. The whole description is searched (every file of the kind), headings included. No data.requirement (it concerns the whole document); data.clause is 三(一).',
    },
    bad: `${D_FM}\n\n# 1 基本信息\n\n## 1.1 类型\n\n健康数据：患者姓名、病历号与生理参数；设备数据：运行日志。\n`,
    good: `${D_FM}\n\n# 1 基本信息\n\n## 1.1 类型\n\n健康数据：患者姓名、病历号与生理参数，涉及患者隐私，采用加密存储与传输保护；设备数据：运行日志。\n`,
  },
  'known-vulnerability-unaddressed': {
    what: {
      zh: '.cyberdossierrc.yaml 的 vulnerabilities 指定的本地漏洞数据（OSV、NVD、CVE 5）显示，SBOM（或现成软件表）所列组件的版本有一个已知漏洞，但漏洞评估章节既没有列出它，也没有 VEX 声明评估它。',
      en: 'The local vulnerability data named by vulnerabilities in .cyberdossierrc.yaml (OSV, NVD, CVE 5) shows a known vulnerability of a listed component’s version, but the vulnerability assessment neither lists it nor has a VEX statement assessing it.',
    },
    why: {
      zh: '六（一）3 要求基于国家信息安全漏洞库或互认的国际信息安全漏洞库评估全部已知漏洞，按 CVSS 等级明确已知漏洞总数和已知剩余漏洞数；遗漏的已知漏洞会使数量和剩余风险结论失真。',
      en: '六（一）3 asks for an assessment against the national or a mutually recognised vulnerability database, with the known and residual vulnerabilities counted by CVSS level; a known vulnerability left out makes the counts and the residual-risk conclusion wrong.',
    },
    fix: {
      zh: '在漏洞评估中列出该漏洞（已修复、剩余漏洞并说明影响与剩余风险，或不受影响并说明理由），或在 VEX 文件中说明；cyberdossier vulns 或编辑器命令“起草漏洞评估…”可生成完整的漏洞表。',
      en: 'List it in the assessment (fixed; residual, with its impact and residual risk; or not affected, with the reason), or state it in a VEX file; cyberdossier vulns or the editor command “Draft vulnerability assessment…” drafts the full table.',
    },
    choices: VULN_DATA_CHOICES,
    config: VULN_RC,
    files: { bad: VULN_FILES, good: VULN_FILES },
    bad: `${U_MINOR}\n\n# 7 漏洞评估\n\n${COUNTS(1, 1)}\n`,
    good: `${U_MINOR}\n\n# 7 漏洞评估\n\n${COUNTS(1, 1)}\n\n${RESIDUAL('仅用于内部帮助页面，不处理外部输入')}\n`,
  },
  'vulnerability-count-mismatch': {
    what: {
      zh: '漏洞评估的数量表中某一 CVSS 等级的已知漏洞数，少于本地漏洞数据显示的所列组件在该等级的已知漏洞数（不受影响的除外）。',
      en: 'The count table of the assessment gives fewer known vulnerabilities for a CVSS level than the local vulnerability data shows for the listed components at that level (those not affecting the device aside).',
    },
    why: {
      zh: '六（一）3 要求按 CVSS 漏洞等级明确已知漏洞总数；数量应与列出的漏洞一致。',
      en: '六（一）3 asks for the number of known vulnerabilities by CVSS level; the counts must agree with the vulnerabilities.',
    },
    fix: { zh: '按漏洞数据更正数量（cyberdossier vulns 会按 CVSS v3.1 基本分数统计），或列明漏洞不受影响的理由。', en: 'Correct the counts from the data (cyberdossier vulns counts by CVSS v3.1 base score), or state why a vulnerability does not affect the device.' },
    choices: {
      zh: `只报告少于数据的等级：扫描工具可能发现数据之外的漏洞，多于数据不算不一致。等级按 CVSS v3.1 基本分数（OSV 只给向量时按规范计算）：严重 ≥ 9.0，高危 ≥ 7.0，中危 ≥ 4.0，低危 ≥ 0.1；没有 CVSS v3 分数的漏洞按数据给出的等级词，仍没有则不计入。${VULN_DATA_CHOICES.zh}`,
      en: `Only a level below the data is reported: a scanner may find vulnerabilities the data does not hold, so more than the data is not a disagreement. Levels by CVSS v3.1 base score (computed from the vector by the specification when OSV gives only the vector): critical ≥ 9.0, high ≥ 7.0, medium ≥ 4.0, low ≥ 0.1; without a CVSS v3 score the data’s severity word, else the vulnerability is not counted. ${VULN_DATA_CHOICES.en}`,
    },
    config: VULN_RC,
    files: { bad: VULN_FILES, good: VULN_FILES },
    bad: `${U_MINOR}\n\n# 7 漏洞评估\n\n${COUNTS(0, 0)}\n\n漏洞 CVE-2020-11023 已修复。\n`,
    good: `${U_MINOR}\n\n# 7 漏洞评估\n\n${COUNTS(1, 0)}\n\n漏洞 CVE-2020-11023 已修复。\n`,
  },
  'residual-vulnerability-without-plan': {
    what: {
      zh: '本地漏洞数据显示所列组件有未修复的已知漏洞（剩余漏洞），而规则集在此级别要求的“已知剩余漏洞的维护方案”（2022：R3.3 等，严重级别）没有写明。',
      en: 'The local vulnerability data shows known vulnerabilities of the listed components that are not fixed (residual ones), and the maintenance plan of known residual vulnerabilities the rule set asks for at this level (2022: R3.3 and alike, major level) is not written.',
    },
    why: { zh: '六（一）3：严重级别须明确已知剩余漏洞的维护方案，确保产品综合剩余风险均可接受。', en: '六（一）3: at major level the maintenance plan of the known residual vulnerabilities is stated, keeping every overall residual risk acceptable.' },
    fix: { zh: '写明剩余漏洞的维护方案（监测、评估、修复时限、用户告知），或修复这些漏洞。', en: 'Write the maintenance plan of the residual vulnerabilities (monitoring, assessment, time to fix, user notification), or fix them.' },
    choices: {
      zh: `剩余漏洞：数据中影响所列组件、且未被写明已修复或不受影响（评估或 VEX）的漏洞；维护方案的章节缺失、为空或只有占位符时报告（与 missing-section 并存：此处列出具体漏洞）。维护方案的要求条件不满足时（如中等级别）不报告。${VULN_DATA_CHOICES.zh}`,
      en: `Residual: a vulnerability of a listed component in the data that neither the assessment nor VEX marks fixed or not affected. Reported when the plan’s section is missing, empty or a placeholder (beside missing-section: this one names the vulnerabilities); not reported where the plan is not required (moderate level, say). ${VULN_DATA_CHOICES.en}`,
    },
    config: VULN_RC,
    files: { bad: VULN_FILES, good: VULN_FILES },
    bad: `${U_MAJOR}\n\n# 7 漏洞评估\n\n${COUNTS(1, 1)}\n\n${RESIDUAL('帮助页面可能执行注入的脚本')}\n`,
    good: `${U_MAJOR}\n\n# 7 漏洞评估\n\n${COUNTS(1, 1)}\n\n${RESIDUAL('帮助页面可能执行注入的脚本')}\n\n## 7.3 已知剩余漏洞的维护方案\n\n每月比对 KEV 与 OSV 数据；CVE-2020-11023 将于 V2.1.2 升级 jQuery 3.5.0 修复，期间帮助页面仅显示本地静态内容。\n`,
  },
  'vulnerability-data-outdated': {
    what: {
      zh: 'vulnerabilities 的某项写明了 maxAge，而该漏洞数据的日期早于当前时间减去 maxAge。',
      en: 'An item of vulnerabilities has a maxAge, and its data is older than that.',
    },
    why: {
      zh: '检查器从不联网下载漏洞数据；过旧的数据会漏掉新公布的漏洞，评估结论只对数据的日期有效。',
      en: 'The checker never downloads vulnerability data; old data misses newly published vulnerabilities, and the assessment holds only as of the data’s date.',
    },
    fix: { zh: '更新本地漏洞数据（下载新的 OSV 导出、NVD 数据或 KEV 目录），或按贵司流程调整 maxAge。', en: 'Update the local data (a new OSV export, NVD feed or KEV catalog), or adjust maxAge to your process.' },
    choices: {
      zh: `数据的日期：数据自身声明的最新日期（NVD 的 timestamp、KEV 的 dateReleased、OSV / CVE 记录中最新的 modified、VEX 的时间戳），没有时为文件（文件夹中最新文件）的修改时间。maxAge 写作 30d、12h、2w（数字表示天）。位置：该项在 .cyberdossierrc.yaml 中的位置。`,
      en: 'The data’s date: the newest date the data states (NVD timestamp, KEV dateReleased, the newest modified of OSV / CVE records, the VEX timestamp), else the modification time of the file (the newest file of a folder). maxAge is written 30d, 12h, 2w (a number is days). Position: the item in .cyberdossierrc.yaml.',
    },
    file: '.cyberdossierrc.yaml',
    files: { bad: VULN_FILES, good: VULN_FILES },
    bad: 'vulnerabilities:\n  - path: vulns/known_exploited_vulnerabilities.json\n    maxAge: 30d\n',
    good: 'vulnerabilities:\n  - path: vulns/known_exploited_vulnerabilities.json\n    maxAge: 100000d\n',
  },
  'sbom-component-incomplete': {
    what: {
      zh: '（fda-premarket-2025）`.cyberdossierrc.yaml` 的 `sbom:` 指定的机器可读 SBOM 中，有软件组件缺少供应商、名称、版本、唯一标识、支持级别或支持终止日期。每个组件一条，data.missing 按此顺序列出所缺要素；位于第一个网络安全风险管理报告文件的 K5 标题上（没有 K5 时位于该文件 frontmatter 之后的第一行）。',
      en: '(fda-premarket-2025) A software component of a machine-readable SBOM that `sbom:` in `.cyberdossierrc.yaml` names lacks its supplier, name, version, unique identifier, level of support or end-of-support date. One finding per component, data.missing listing the missing elements in that order; it lands on the K5 heading of the first risk management report file (without K5, on that file’s first line after the frontmatter).',
    },
    why: {
      zh: 'V.A.4.b：除 NTIA 最低要素外，“for each software component contained within the SBOM, manufacturers should include in the premarket submission: The software level of support … and The software component’s end-of-support date”；524B(b)(3) 要求网络设备提供 SBOM。incomplete-row 只报告 Markdown 表格行，没有代码报告 SBOM 文件内部的缺陷。',
      en: 'V.A.4.b: besides the NTIA minimum elements, “for each software component contained within the SBOM, manufacturers should include in the premarket submission: The software level of support … and The software component’s end-of-support date”; 524B(b)(3) requires the SBOM of a cyber device. incomplete-row reports a Markdown table row; no other code reports a defect inside an SBOM file.',
    },
    fix: {
      zh: '在 SBOM 中补充所缺要素：CycloneDX 组件的 `supplier`、`version`、`purl`/`cpe`/`hashes`，以及名为 “Level of Support”“End-of-Support” 的 `properties`；SPDX 包的 `supplier`、`versionInfo`、`externalRefs`/`checksums`、`validUntilDate`，以及注释中的 “Level of Support: …”“End-of-Support: …” 行。没有版本的固件写明理由（“N/A – mask ROM, no version published; identified by SHA-256 …”），或加 “Justification” 属性。',
      en: 'Add the missing elements to the SBOM: a CycloneDX component’s `supplier`, `version`, `purl` / `cpe` / `hashes`, and `properties` named “Level of Support” and “End-of-Support”; an SPDX package’s `supplier`, `versionInfo`, `externalRefs` / `checksums`, `validUntilDate`, and annotation lines “Level of Support: …”, “End-of-Support: …”. For firmware with no version, write the reason (“N/A – mask ROM, no version published; identified by SHA-256 …”) or add a “Justification” property.',
    },
    choices: {
      zh: '标签比较时忽略大小写及字母数字以外的字符，按结尾识别：支持级别以 levelofsupport / supportlevel 结尾，支持终止以 endofsupport / endofsupportdate 结尾或为 eos / eosdate，理由以 justification / rationale 结尾（fda:levelOfSupport、cdx:lifecycle:milestone:endOfSupport 均可）。版本只认 CycloneDX `version` / SPDX `versionInfo`：versionRange 和 purl 中的 @version 不算。带理由的“不适用”（N/A – …，至少 6 个非空白、非标点字符）算已给出，单独的 N/A、None 不算；理由（Justification，至少 6 个字符）可代替版本、唯一标识、支持级别和支持终止日期，不能代替供应商和名称。不检查：SBOM 的主体（metadata.component、SPDX DESCRIBES 的包）、scope: excluded、构建/测试/开发依赖、硬件（device、data、machine-learning-model、cryptographic-asset，SPDX DEVICE）。同一 SBOM 中重复的组件（相同 purl，或相同名称和版本）合并为一个，先出现者的路径为准。只在检查包含风险管理报告的文件时报告；严重程度在缩减模式下为 warning（A 级）。',
      en: 'Labels are compared case-folded with everything but letters and digits removed, by their ending: a support label ends with levelofsupport / supportlevel, an end-of-support label ends with endofsupport / endofsupportdate or is eos / eosdate, a justification label ends with justification / rationale (fda:levelOfSupport and cdx:lifecycle:milestone:endOfSupport count). Only CycloneDX `version` / SPDX `versionInfo` is a version: a versionRange or the purl’s @version is not. A not-applicable answer with a reason (N/A – …, at least 6 characters that are neither whitespace nor punctuation) counts as given, a bare N/A or None does not; a justification (at least 6 such characters) stands in for the version, identifier, support and end of support, never for the supplier or name. Not checked: the SBOM’s subject (metadata.component, the packages an SPDX document DESCRIBES), scope: excluded, build / test / development dependencies, hardware (device, data, machine-learning-model, cryptographic-asset; SPDX DEVICE). Duplicates within one SBOM (same purl, else same name and version) are one component, at the path of the first. Reported only when a file holding the risk management report is checked; a warning in reduced mode (tier A).',
    },
    config: 'sbom: bom.cdx.json\n',
    files: {
      bad: { 'bom.cdx.json': cdx([]) },
      good: { 'bom.cdx.json': cdx([{ name: 'Level of Support', value: 'Actively maintained' }, { name: 'End-of-Support', value: 'No date published; monitored until 2035-12-31' }]) },
    },
    bad: `${FDA_RMR_FM}\n\n${FDA_SBOM_HEAD}`,
    good: `${FDA_RMR_FM}\n\n${FDA_SBOM_HEAD}`,
  },
  'end-of-support-passed': {
    what: {
      zh: '（fda-premarket-2025）组件的支持终止日期早于参照日期，或其支持级别表明已不再受支持（no longer maintained、abandoned、end of life、不再维护等），且没有写明理由。SBOM 表（K5）中位于支持终止单元格（否则为支持级别单元格）；SBOM 文件中的组件位于 K5 标题。data：component、endOfSupport、date（读到的终止日期）、referenceDate、referenceSource（submission_date 或 today）、reason（date 或 support-level）；SBOM 文件另有 sbom、path。',
      en: '(fda-premarket-2025) A component whose end of support is earlier than the reference date, or whose level of support says it is no longer supported (no longer maintained, abandoned, end of life, 不再维护 …), without a justification. In the SBOM table (K5) on the end-of-support cell (else the support cell); for a component of an SBOM file on the K5 heading. data: component, endOfSupport, date (the end read), referenceDate, referenceSource (submission_date or today), reason (date or support-level); sbom and path for a file.',
    },
    why: {
      zh: 'V.A.4.b 要求每个组件的支持级别和支持终止日期；V.A.4：“manufacturers should include plans for how third-party software components could be updated or replaced if support ends”。已过支持期的组件经评估并说明理由后可以接受（V.A：器械达到支持终止时的风险转移），因此这里要求写明理由，并且是警告而不是错误。',
      en: 'V.A.4.b asks for the level of support and the end-of-support date of each component; V.A.4: “manufacturers should include plans for how third-party software components could be updated or replaced if support ends”. A component past its end of support is acceptable when assessed and justified (V.A: risk transfer at end of support), so the finding asks for the justification and is a warning, not an error.',
    },
    fix: {
      zh: '升级或替换该组件；或在表格的理由（Justification / Rationale / Remark）列（SBOM 文件中为 “Justification” 属性或注释行）写明风险如何控制，以及更新或替换该组件的计划（K6.3）。',
      en: 'Upgrade or replace the component; or, in the table’s justification column (Justification / Rationale / Remark; in an SBOM file a “Justification” property or annotation line), state how the risk is controlled and the plan to update or replace the component (K6.3).',
    },
    choices: {
      zh: '参照日期为 submission_date（有效时）；未写时为当天（UTC；命令行在设置了 SOURCE_DATE_EPOCH 时取其值）；submission_date 无效时不比较日期。可识别的日期：YYYY-MM-DD、YYYY/MM/DD、YYYY.MM.DD、YYYY-MM、YYYY/MM、YYYY年M月D日、YYYY年M月、YYYY-Qn、Qn YYYY、单独的四位年份；只到月、季度、年的日期分别按该月、该季度、该年的最后一天计；一个单元格有多个日期（主流支持与延长支持）时取最晚者；没有日期的单元格不比较。理由须至少 6 个非空白、非标点字符。每行（每个组件）最多一条：终止日期已过时报告日期，否则报告支持级别。硬件行（类型为 hardware、device、硬件、设备）不检查。缩减模式下为 info。',
      en: 'The reference date is submission_date when it is valid; when it is absent, today (UTC; the command line takes SOURCE_DATE_EPOCH when it is set); when submission_date is invalid, no date is compared. Dates read: YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD, YYYY-MM, YYYY/MM, YYYY年M月D日, YYYY年M月, YYYY-Qn, Qn YYYY, a four-digit year alone; a month, quarter or year ends on its last day; with several dates in a cell (mainstream and extended support) the latest counts; a cell with no date is not compared. A justification has at least 6 characters that are neither whitespace nor punctuation. At most one finding per row (component): the date when it passed, else the level of support. Hardware rows (type hardware, device, 硬件, 设备) are not checked. Info in reduced mode.',
    },
    bad: `${FDA_RMR_FM}\n\n${FDA_SBOM_HEAD}| OpenSSL | OpenSSL Software Foundation | 1.1.1w | pkg:generic/openssl@1.1.1w | No longer maintained | 2023-09-11 |\n`,
    good: `${FDA_RMR_FM}\n\n${FDA_SBOM_HEAD.replace('| End-of-support date |\n| --- | --- | --- | --- | --- | --- |', '| End-of-support date | Justification |\n| --- | --- | --- | --- | --- | --- | --- |').replace('| 2026-06-30 |', '| 2026-06-30 | |')}| OpenSSL | OpenSSL Software Foundation | 1.1.1w | pkg:generic/openssl@1.1.1w | No longer maintained | 2023-09-11 | Service port only, disabled in clinical mode (RA-CS-014); replaced by OpenSSL 3.0 in release 3.3 |\n`,
  },
  'known-exploited-vulnerability': {
    what: {
      zh: '（fda-premarket-2025）已知漏洞表（K6.1）中标记为列入 CISA 已知被利用漏洞目录（KEV 列为 yes、y、true、listed、x、✓、是、已列入）的漏洞没有被消除：其状态列（没有状态时为控制措施列）没有写明 fixed、patched、remediated、resolved、removed、eliminated、upgraded、not affected 或 已修复、已修补、已消除、已移除、已升级、不受影响。位于该行，data.vulnerability 为漏洞单元格。 另：所列组件的一个已知漏洞在 CISA 已知被利用漏洞目录（KEV，由 vulnerabilities 指定的本地文件）中，且没有修复：评估中未写明已修复或不受影响，也没有 VEX 声明 fixed 或有理由的 not_affected。',
      en: '(fda-premarket-2025) A vulnerability the known-vulnerability table (K6.1) marks as listed in CISA’s Known Exploited Vulnerabilities Catalog (KEV column yes, y, true, listed, x, ✓, 是, 已列入) is not designed out: its status cell (else its control cell) does not say fixed, patched, remediated, resolved, removed, eliminated, upgraded, not affected (or 已修复, 已修补, 已消除, 已移除, 已升级, 不受影响). On the row; data.vulnerability is the vulnerability cell. Also: A known vulnerability of a listed component is in the CISA Known Exploited Vulnerabilities catalog (a local file named by vulnerabilities) and is not fixed: the assessment does not say fixed or not affected, and no VEX statement says fixed or not_affected with a justification.',
    },
    why: {
      zh: 'V.A.2：“vulnerabilities identified in CISA’s Known Exploited Vulnerabilities Catalog should be designed out of the device, as they are already being exploited”。unacceptable-residual-risk 只报告作者自己评为不可接受的风险，而 KEV 漏洞即使被评为可接受也应消除。 另：已被实际利用的漏洞风险最高；FDA 上市前网络安全指南要求评估 KEV 目录中的漏洞，六（一）3 要求确保产品综合剩余风险均可接受。',
      en: 'V.A.2: “vulnerabilities identified in CISA’s Known Exploited Vulnerabilities Catalog should be designed out of the device, as they are already being exploited”. unacceptable-residual-risk reports what the author rated unacceptable; a KEV vulnerability must be designed out even when rated acceptable. Also: A vulnerability exploited in the wild carries the highest risk; FDA’s premarket cybersecurity guidance asks for the KEV catalog to be assessed, and 六（一）3 requires every overall residual risk to be acceptable.',
    },
    fix: {
      zh: '修复、升级或移除受影响的组件，并在状态列写明（如 “Fixed – upgraded to 5.6.1”“Not affected: the vulnerable code is not built”）。 另：升级组件或打补丁后在评估中写明“已修复”，或说明产品不受影响及理由（也可写入 VEX）。',
      en: 'Fix, upgrade or remove the affected component and say so in the status column (“Fixed – upgraded to 5.6.1”, “Not affected: the vulnerable code is not built”). Also: Upgrade or patch the component and mark it fixed in the assessment, or state why the device is not affected (in the assessment or in VEX).',
    },
    choices: {
      zh: '只在表头有 KEV 列（kev、known exploited、已知被利用）时检查；KEV 单元格按整格或首个词判断。状态列有内容时读状态列，否则读控制措施列；“not affected” 视为已消除（漏洞不存在于器械中）。严重程度不随模式降低。',
      en: 'Checked only when the header has a KEV column (kev, known exploited, 已知被利用); the KEV cell is read as a whole or by its first word. The status cell is read when it has text, else the control cell; “not affected” counts as designed out (the vulnerability is not in the device). The severity does not follow the mode.',
    },
    bad: `${FDA_RMR_FM}\n\n${FDA_KEV('Service port disabled in clinical mode | Open')}`,
    good: `${FDA_RMR_FM}\n\n${FDA_KEV('xz-utils upgraded to 5.6.1 | Fixed')}`,
  },
};
