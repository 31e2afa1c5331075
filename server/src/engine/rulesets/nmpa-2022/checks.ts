// Content checks and table templates shared by the report kinds of the NMPA 2022 rule set
// (requirements-nmpa-2022.md §4–§7): the R items define them, F / U / O / Q reuse them.

import type { Check, CheckScope, Condition, Localized, VulnerabilityCheck } from '../types';
import { CAPS_2022 } from './vocabulary';
import { cyberLevelLower, deviceAndMedicalData, levelModerate, otsFull, otsPartial, patchesListed, remoteAccess, remoteMaintenance, sensitiveOverNetwork, userAccess } from './conditions';

type ScopedCheck = Check & CheckScope;

const interfaceFacts = [
  { list: 'interfaces.network.protocols', key: 'name' },
  { list: 'interfaces.storage_media.formats', key: 'name' },
];

/** R1.1 / F1.1 / U1: the software safety level (and a lower cybersecurity level) named there. */
export const levelNamed: ScopedCheck = {
  kind: 'fact-named',
  facts: [{ fact: 'software.safety_level' }, { fact: 'software.cybersecurity_level', when: cyberLevelLower }],
  lineWords: ['级别', 'level'],
  what: { zh: '软件安全性级别（及较低的网络安全的安全性级别）', en: 'the software safety level (and a lower cybersecurity level)' },
};

/** R1.2.1: a network environment and data-flow diagram. */
export const dataFlowDiagram: ScopedCheck = {
  kind: 'diagram',
  orParent: true,
  what: { zh: '网络环境和数据流图', en: 'a network environment and data-flow diagram' },
};

/** R1.2.1: the 远程维护与升级 scenario is part of the data architecture. */
export const remoteMaintenanceScenario: ScopedCheck = {
  kind: 'mentions',
  orParent: true,
  when: remoteMaintenance,
  words: ['远程维护', '远程升级', 'remote maintenance', 'remote upgrade', 'remote update'],
  code: 'inconsistent-fact',
  message: {
    zh: 'frontmatter 声明了远程维护与升级（functions.remote_maintenance: true），但网络环境和数据流图未涉及远程维护与升级场景：六（一）1（2）要求提供每个使用场景（含远程维护与升级）的网络环境和数据流图',
    en: 'functions.remote_maintenance: true, but the network environment and data-flow diagrams never cover the remote maintenance and upgrade scenario: 六（一）1（2） asks for a diagram for every use scenario, remote maintenance and upgrade included',
  },
};

/**
 * R1.2.2 and F1.2: the data table (数据类型 with 具体内容、功能、用途). An interface table has a
 * 数据类型 column too; it is the interface check's table, not a data table.
 */
export const dataTable: ScopedCheck = {
  kind: 'listing-table',
  select: ['datatype'],
  notSelect: ['interface'],
  rowKey: 'datatype',
  required: ['datatype', 'content', 'function', 'use'],
  inCells: {
    content: ['具体内容', '内容', 'content'],
    function: ['功能', 'function'],
    use: ['用途', 'use', 'purpose'],
  },
};

/** R1.2.2: every declared data type named, every named type declared. */
export const dataTypesNamed: ScopedCheck = {
  kind: 'fact-values-named',
  fact: 'data.types',
  column: { select: ['datatype'], role: 'datatype' },
};

/** R1.2.3 and F1.2: the interface table. */
export const interfaceTable: ScopedCheck = {
  kind: 'listing-table',
  select: ['interface'],
  rowKey: 'interface',
  required: ['interface', 'user', 'scenario', 'purpose', 'datatype', 'technical', 'limits'],
};

/** R1.2.3 and M2: every protocol and format of the frontmatter named. */
export const interfacesListed: ScopedCheck = {
  kind: 'lists-facts',
  facts: interfaceFacts,
  what: { zh: '每个传输协议与存储格式', en: 'every transmission protocol and storage format' },
};

const YES = ['是', '适用', 'yes', 'y', 'applicable'];
const NO = ['否', '不适用', 'n/a', 'na', 'no', 'n', 'not applicable'];

/** R1.3 (error) and F1.3 (warning): the 22 capabilities of 二（四）. */
export function capabilitiesCheck(severity: 'error' | 'warning'): ScopedCheck {
  return {
    kind: 'capabilities',
    set: 'nmpa-2022',
    severity,
    table: {
      select: ['capability'],
      applicability: 'applicable',
      implementation: ['implementation'],
      reason: ['reason'],
      shared: ['explanation'],
      yes: YES,
      no: NO,
      minReason: 6,
    },
    // 二（四）: a capability the product's facts call for cannot be answered 否 / 不适用 — an error
    // naming the fact (R1.3 逐项分析适用性).
    mustApply: [
      {
        capability: 'RMOT',
        when: { any: [remoteAccess, remoteMaintenance] },
        severity: 'error',
        message: {
          zh: 'RMOT（远程访问与控制）被答复为不适用，但 frontmatter 声明了远程访问与控制或远程维护与升级（functions.remote_control / functions.remote_maintenance）：二（四）21 的 RMOT 即“产品确保用户远程访问与控制（含远程维护与升级）的网络安全的能力”，请说明其实现方式',
          en: 'RMOT (remote access and control) is answered not applicable, but the frontmatter declares remote access and control or remote maintenance (functions.remote_control / functions.remote_maintenance): RMOT (二（四）21) is the capability to secure remote access and control, remote maintenance and upgrade included; state how it is implemented',
        },
      },
      ...(['SBOM'] as const).map((capability) => ({
        capability,
        when: { any: [otsPartial, otsFull] },
        severity: 'error' as const,
        message: {
          zh: 'SBOM（现成软件清单）被答复为不适用，但 frontmatter 声明了使用现成软件（software.ots_usage 为 partial / full）：二（四）16 要求“产品为用户提供全部现成软件清单的能力”',
          en: 'SBOM is answered not applicable, but the frontmatter declares off-the-shelf software (software.ots_usage: partial / full): 二（四）16 asks for the capability to give users the list of all OTS software',
        },
      })),
      ...(['TXCF', 'TXIG'] as const).map((capability) => ({
        capability,
        when: sensitiveOverNetwork,
        severity: 'error' as const,
        message: {
          zh: `${capability}（${capability === 'TXCF' ? '数据传输保密性' : '数据传输完整性'}）被答复为不适用，但 frontmatter 声明了经网络交换敏感医疗数据（data.types: sensitive-medical，interfaces.network）：二（二）要求保证敏感医疗数据所含个人信息免于泄露、滥用和篡改`,
          en: `${capability} (transmission ${capability === 'TXCF' ? 'confidentiality' : 'integrity'}) is answered not applicable, but the frontmatter declares sensitive medical data over a network (data.types: sensitive-medical, interfaces.network): 二（二） requires protecting the personal information it holds from disclosure, misuse and tampering`,
        },
      })),
      ...(['PAUT', 'AUTH'] as const).map((capability) => ({
        capability,
        when: userAccess,
        severity: 'error' as const,
        message: {
          zh: `${capability}（${capability === 'PAUT' ? '人员鉴别' : '授权'}）被答复为不适用，但 frontmatter 声明了用户访问（functions.user_access: true）：二（四）要求明确用户访问控制等网络安全能力的实现方式`,
          en: `${capability} (${capability === 'PAUT' ? 'person authentication' : 'authorization'}) is answered not applicable, but the frontmatter declares user access (functions.user_access: true): 二（四） asks how user access control is implemented`,
        },
      })),
      {
        capability: 'CSUP',
        when: patchesListed,
        severity: 'error',
        message: {
          zh: 'CSUP（网络安全补丁升级）被答复为不适用，但网络安全补丁列表列出了补丁：二（四）15 要求“授权用户安装/升级产品网络安全补丁的能力”',
          en: 'CSUP (cybersecurity patch upgrade) is answered not applicable, but the patch list lists patches: 二（四）15 asks for the capability of authorised users to install the cybersecurity patches',
        },
      },
    ],
  };
}

/** R1.4 / F1.4 / U2: the patch list (名称、完整版本、发布日期). */
export const patchTable: ScopedCheck = {
  kind: 'listing-table',
  select: ['name', 'version'],
  required: ['name', 'version', 'date'],
  version: 'version',
};

/** R1.5 / F1.5: security software (名称、型号规格、完整版本、供应商、运行环境、防护规则配置要求). */
export const securitySoftwareTable: ScopedCheck = {
  kind: 'listing-table',
  select: ['name'],
  required: ['name', 'model', 'version', 'vendor', 'runtime', 'protection'],
  version: 'version',
};

export const riskTables: ScopedCheck = { kind: 'risk-tables' };

/** R2.4 / F2.4 / U5: requirement ↔ design ↔ source code ↔ test ↔ risk. */
export const traceability: ScopedCheck = {
  kind: 'traceability',
  select: ['requirement', 'test'],
  required: ['requirement', 'design', 'source', 'test', 'risk'],
};

export const standardListed: ScopedCheck = {
  kind: 'lists-facts',
  facts: [
    { list: 'interfaces.network.protocols', key: 'name', where: { key: 'kind', equals: 'standard' } },
    { list: 'interfaces.storage_media.formats', key: 'name', where: { key: 'kind', equals: 'standard' } },
  ],
  what: { zh: '每个标准传输协议与标准存储格式', en: 'every standard transmission protocol and storage format' },
};

export const customListed: ScopedCheck = {
  kind: 'lists-facts',
  facts: [
    { list: 'interfaces.network.protocols', key: 'name', where: { key: 'kind', equals: 'custom' } },
    { list: 'interfaces.storage_media.formats', key: 'name', where: { key: 'kind', equals: 'custom' } },
  ],
  what: { zh: '每个私有传输协议与私有存储格式', en: 'every private (custom) transmission protocol and storage format' },
};

export function flowDiagram(what: Localized, exempt?: { words: string[]; label: Localized }): ScopedCheck {
  return exempt ? { kind: 'diagram', what, exempt } : { kind: 'diagram', what };
}

/** R3 / F3 / U7: counts by CVSS level, the residual list and the tools (六（一）3, 表1, 表2). */
export const vulnerabilityAssessment: VulnerabilityCheck & CheckScope = {
  kind: 'vulnerability-assessment',
  levels: [
    { id: 'critical', label: { zh: '严重', en: 'Critical' }, words: ['严重', '超危', 'critical'] },
    { id: 'high', label: { zh: '高危', en: 'High' }, words: ['高危', '高', 'high'] },
    { id: 'medium', label: { zh: '中危', en: 'Medium' }, words: ['中危', '中', 'medium'] },
    { id: 'low', label: { zh: '低危', en: 'Low' }, words: ['低危', '低', 'low'] },
  ],
  optionalLevels: [{ id: 'none', words: ['无', 'none'] }],
  known: ['已知漏洞', '漏洞总数', 'known'],
  residual: ['剩余漏洞', 'residual vulnerabilit', 'residual'],
  residualNot: ['剩余风险', 'residual risk'],
  total: ['合计', '总计', 'total'],
  residualList: { when: levelModerate, select: ['vulnerability'], notSelect: ['漏洞库'], impact: 'impact', risk: 'residual', acceptability: 'acceptability', inventory: 'status' },
  tools: {
    when: levelModerate,
    select: [['tool'], ['name', 'version']],
    required: ['name', 'version', 'date', 'vendor'],
    version: 'version',
    columnSeverity: 'warning',
    named: {
      tools: ['扫描工具', '漏洞扫描', '扫描软件', '工具', 'scanner', 'scanning tool', 'tool', 'nessus', 'openvas', 'qualys', 'rapid7', 'nexpose', 'appscan', 'burp', 'black duck', 'fortify', 'checkmarx', 'coverity', 'defensics'],
      // Not 'cve': every residual list holds CVE IDs; the CVE list itself is named as 'cve 列表' / 'cve list'.
      databases: ['漏洞库', '漏洞数据库', '漏洞平台', '漏洞共享平台', 'cnvd', 'cnnvd', 'nvd', 'cve 列表', 'cve list', 'cve.org', '国家信息安全漏洞', 'vulnerability database', 'osv'],
      clause: '六（一）3',
      in: ['.1'],
    },
  },
  items: {
    tools: { zh: '漏洞扫描所用软件工具与漏洞库', en: 'the scanning tools and the vulnerability database' },
    counts: { zh: '按 CVSS 漏洞等级的已知漏洞数与已知剩余漏洞数', en: 'the known and residual vulnerability counts by CVSS level' },
    level: { zh: '该 CVSS 漏洞等级的已知漏洞数与已知剩余漏洞数', en: 'the known and residual counts of a CVSS level' },
    'residual-list': {
      zh: '已知剩余漏洞列表（漏洞内容、对产品的影响、综合剩余风险）',
      en: 'the list of known residual vulnerabilities (description, impact on the device, residual risk)',
    },
  },
};

/** Version naming rule (N1.1): covers cybersecurity updates and tells 重大 from 轻微. */
export const versionRuleWords: ScopedCheck = {
  kind: 'requires-words',
  code: 'version-rule-incomplete',
  groups: [
    { words: ['网络安全', 'cybersecurity', 'cyber security', 'security'], label: { zh: '网络安全更新', en: 'cybersecurity updates' } },
    { words: ['重大', 'major'], label: { zh: '重大网络安全更新', en: 'major cybersecurity updates' } },
    { words: ['轻微', 'minor'], label: { zh: '轻微网络安全更新', en: 'minor cybersecurity updates' } },
  ],
  message: {
    zh: '软件版本命名规则应涵盖网络安全更新情况，区分重大网络安全更新和轻微网络安全更新',
    en: 'The software version naming rule must cover cybersecurity updates and tell major from minor ones',
  },
};

// ---- Templates ---------------------------------------------------------------------------

const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
const table = (header: string[], rows: string[][]) => [row(header), row(header.map(() => '---')), ...rows.map(row)].join('\n');

export const DATA_TABLE: Localized = {
  zh: table(['数据类型', '具体内容', '功能', '用途'], [['<数据类型>', '<具体内容，如个人信息、医疗活动信息、设备运行信息>', '<功能，如单向/双向电子数据交换、实时/非实时远程访问与控制>', '<用途，如医疗活动、设备维护>']]),
  en: table(['Data type', 'Content', 'Function', 'Use'], [['{{insert data type}}', '{{insert content, e.g. personal information}}', '{{insert function, e.g. two-way data exchange}}', '{{insert use, e.g. device maintenance}}']]),
};

export const INTERFACE_TABLE: Localized = {
  zh: table(
    ['接口', '预期用户', '使用场景', '预期用途', '数据类型', '技术特征', '使用限制'],
    [['<接口名称>', '<预期用户>', '<使用场景>', '<预期用途>', '<数据类型>', '<技术特征>', '<使用限制>']],
  ),
  en: table(
    ['Interface', 'Users', 'Use scenarios', 'Intended use', 'Data types', 'Technical characteristics', 'Limitations'],
    [['{{insert interface}}', '{{insert users}}', '{{insert use scenarios}}', '{{insert intended use}}', '{{insert data types}}', '{{insert technical characteristics}}', '{{insert limitations}}']],
  ),
};

export const CAPABILITY_TABLE: Localized = {
  zh: table(['编号', '网络安全能力', '是否适用', '实现方式或不适用理由'], CAPS_2022.map(([c, zh]) => [c, zh, '<是/否>', '<实现方式或不适用理由>'])),
  en: table(['Code', 'Capability', 'Applicable', 'Implementation or reason'], CAPS_2022.map(([c, , en]) => [c, en, '{{insert yes/no}}', '{{insert how, or why not}}'])),
};

export const PATCH_TABLE: Localized = {
  zh: table(['补丁名称', '完整版本', '发布日期'], [['<补丁名称或编号>', '<完整版本>', '<发布日期>']]),
  en: table(['Patch name', 'Full version', 'Release date'], [['{{insert patch name or ID}}', '{{insert full version}}', '{{insert release date}}']]),
};

export const SECURITY_SOFTWARE_TABLE: Localized = {
  zh: table(['名称', '型号规格', '完整版本', '供应商', '运行环境', '防护规则配置要求'], [['<软件名称>', '<型号规格>', '<完整版本>', '<供应商>', '<运行环境>', '<防护规则配置要求>']]),
  en: table(
    ['Name', 'Model/spec', 'Full version', 'Vendor', 'Runtime environment', 'Protection rule configuration'],
    [['{{insert name}}', '{{insert model}}', '{{insert full version}}', '{{insert vendor}}', '{{insert runtime environment}}', '{{insert protection rule configuration}}']],
  ),
};

export const RISK_TABLE: Localized = {
  zh: table(['风险编号', '资产', '威胁', '脆弱性', '风险水平', '控制措施', '综合剩余风险', '是否可接受'], [['<风险编号>', '<资产>', '<威胁>', '<脆弱性>', '<风险水平>', '<控制措施>', '<综合剩余风险>', '<可接受>']]),
  en: table(
    ['Risk ID', 'Asset', 'Threat', 'Vulnerability', 'Risk level', 'Control', 'Residual risk', 'Acceptable'],
    [['{{insert risk ID}}', '{{insert asset}}', '{{insert threat}}', '{{insert vulnerability}}', '{{insert level}}', '{{insert control}}', '{{insert residual risk}}', '{{insert yes}}']],
  ),
};

export const TRACE_TABLE: Localized = {
  zh: table(['需求编号', '设计编号', '源代码（软件单元）', '测试编号', '风险编号'], [['<需求编号>', '<设计编号>', '<软件单元名称>', '<测试编号>', '<风险编号>']]),
  en: table(['Requirement', 'Design', 'Source code (software unit)', 'Test', 'Risk'], [['{{insert requirement ID}}', '{{insert design ID}}', '{{insert software unit}}', '{{insert test ID}}', '{{insert risk ID}}']]),
};

export const COUNT_TABLE: Localized = {
  zh: table(
    ['CVSS 漏洞等级', '已知漏洞数', '已知剩余漏洞数'],
    [['严重', '<数量>', '<数量>'], ['高危', '<数量>', '<数量>'], ['中危', '<数量>', '<数量>'], ['低危', '<数量>', '<数量>'], ['合计', '<数量>', '<数量>']],
  ),
  en: table(
    ['CVSS severity', 'Known vulnerabilities', 'Residual vulnerabilities'],
    [['Critical', '{{insert count}}', '{{insert count}}'], ['High', '{{insert count}}', '{{insert count}}'], ['Medium', '{{insert count}}', '{{insert count}}'], ['Low', '{{insert count}}', '{{insert count}}'], ['Total', '{{insert count}}', '{{insert count}}']],
  ),
};

export const RESIDUAL_TABLE: Localized = {
  zh: table(['漏洞编号', '漏洞内容', '对产品的影响', '综合剩余风险', '是否可接受'], [['<CVE/CNVD 编号>', '<漏洞内容>', '<对产品的影响>', '<综合剩余风险>', '<是/否>']]),
  en: table(
    ['Vulnerability', 'Description', 'Impact on the device', 'Residual risk', 'Acceptable'],
    [['{{insert CVE/CNVD ID}}', '{{insert description}}', '{{insert impact}}', '{{insert residual risk}}', '{{insert yes/no}}']],
  ),
};

export const TOOLS_TABLE: Localized = {
  zh: table(['类型', '名称', '完整版本', '发布日期', '供应商'], [['漏洞扫描工具', '<工具名称>', '<完整版本>', '<发布日期>', '<供应商>'], ['漏洞库', '<漏洞库名称>', '<完整版本>', '<发布日期>', '<供应商>']]),
  en: table(
    ['Type', 'Name', 'Full version', 'Release date', 'Vendor'],
    [['Scanning tool', '{{insert tool name}}', '{{insert full version}}', '{{insert release date}}', '{{insert vendor}}'], ['Vulnerability database', '{{insert database name}}', '{{insert full version}}', '{{insert release date}}', '{{insert vendor}}']],
  ),
};

/**
 * R1.1 / F1.1 / U1 (and O, Q): the software version naming rule, at product and change
 * registration, in the 产品技术要求 (N1.1) or in 软件信息 (二（八）1, 七（三）): “软件版本命名规则应涵盖网络安全更新
 * 情况，区分重大和轻微网络安全更新”.
 */
export const versionRuleInSoftwareInfo: ScopedCheck[] = [
  // Product registration: the 产品技术要求 belongs to the submission (七（一）, 七（三）).
  versionRule({ fact: 'submission', equals: 'initial-registration' }),
  // Change registration: the 产品技术要求 is submitted only where it changes (七（二）2 若适用), so its
  // absence is advice, not a defect.
  versionRule({ fact: 'submission', equals: 'change' }, 'hint'),
];

function versionRule(when: Condition, severity?: 'hint'): ScopedCheck {
  return {
    kind: 'named-item',
    names: ['版本命名规则', 'version naming', 'naming rule', 'versioning rule'],
    label: { zh: '软件版本命名规则', en: 'software version naming rule' },
    when,
    unless: { answeredIn: ['N1.1'] },
    code: 'version-rule-incomplete',
    missing: {
      zh: '没有写明软件版本命名规则，申报资料中也没有产品技术要求的软件版本命名规则（N1.1）：软件版本命名规则应涵盖网络安全更新情况，区分重大和轻微网络安全更新',
      en: 'no software version naming rule is given here, and the dossier has no technical requirements stating one (N1.1): the rule must cover cybersecurity updates and tell major from minor ones',
    },
    ...(severity ? { severity } : {}),
    content: versionRuleGroups(),
    clause: '二（八）1, 七（三）',
  };
}

function versionRuleGroups(): { groups: { words: string[]; label: Localized }[]; message: Localized } {
  return {
    groups: [
      { words: ['网络安全', 'cybersecurity', 'cyber security', 'security'], label: { zh: '网络安全更新', en: 'cybersecurity updates' } },
      { words: ['重大', 'major'], label: { zh: '重大网络安全更新', en: 'major cybersecurity updates' } },
      // 二（八）1（2）: 轻微 updates include the 网络安全补丁更新.
      { words: ['轻微', 'minor', '补丁', 'patch'], label: { zh: '轻微网络安全更新', en: 'minor cybersecurity updates' } },
    ],
    message: { zh: '软件版本命名规则应涵盖网络安全更新情况，区分重大和轻微网络安全更新', en: 'The software version naming rule must cover cybersecurity updates and tell major from minor ones' },
  };
}

/** R1.2.2 / F1.2: 设备数据 “不得含有个人信息” (二（二）). */
export const deviceDataPersonal: ScopedCheck = {
  kind: 'forbidden-words',
  orParent: true,
  select: ['datatype'],
  role: 'datatype',
  subject: ['设备数据', 'device data'],
  words: ['姓名', '身份证', '住院号', '门诊号', '病历号', '病案号', '手机号', '电话号码', '联系电话', '医保号', '出生日期', '家庭住址', '患者编号', '患者id', '患者 id', 'patient name', 'patient id', 'date of birth', 'phone number', 'medical record number', 'home address'],
  negations: ['不含', '不包含', '不包括', '不涉及', '不得含有', '不得包含', '无', '去除', '删除', '剔除', '脱敏', 'not ', 'no ', 'without', 'excluding', 'except'],
  code: 'device-data-personal-information',
  message: {
    zh: '设备数据写到了个人信息：二（二）规定设备数据是记录医疗器械运行状况的数据（含日志），“不得含有个人信息”；含个人信息的数据属于敏感医疗数据',
    en: 'The device data names personal information: under 二（二） device data records how the device runs (logs included) and must not contain personal information; data with personal information is sensitive medical data',
  },
  clause: '二（二）',
};

/** R1.2 / F1.2: with 设备数据 and 医疗数据, how they are isolated (二（二）). */
export const dataIsolation: ScopedCheck = {
  kind: 'requires-words',
  when: deviceAndMedicalData,
  code: 'section-incomplete',
  // 二（二） asks for the isolation, but 六（一）1（2） does not list it for 数据架构, and applicants
  // rarely state it there: a hint. With remote maintenance — where 二（八）/五（三） name the risk of
  // device data access reaching medical data — R1.2.4 requires it (warning).
  severity: 'hint',
  groups: [{ words: ['隔离', '分离', '分库', '分区存储', '分别存储', '独立存储', '访问权限控制', '访问控制', '权限控制', 'isolat', 'segregat', 'separat', 'access control'], label: { zh: '医疗数据和设备数据的隔离方法', en: 'how medical and device data are isolated' } }],
  message: {
    zh: '数据架构没有说明医疗数据和设备数据如何隔离：二（二）要求保证医疗数据和设备数据的有效隔离（如访问权限控制等方法）',
    en: 'The data architecture does not say how medical and device data are isolated: 二（二） requires their effective isolation (e.g. by access control)',
  },
  clause: '二（二）',
};

/** R1.2.4: the 技术特征 of remote maintenance and upgrade (五（三））. */
export const remoteMaintenanceElements: ScopedCheck = {
  kind: 'requires-words',
  code: 'section-incomplete',
  groups: [
    { words: ['实现方法', '实现方式', '实现', '方式', 'implement'], label: { zh: '实现方法', en: 'the implementation method' } },
    { words: ['接口', '端口', '通道', 'interface', 'port', 'channel'], label: { zh: '所用电子接口情况', en: 'the electronic interfaces used' } },
    { words: ['设备数据', 'device data'], label: { zh: '设备数据所含内容', en: 'what the device data contains' } },
    { words: ['隔离', '分离', '分库', 'isolat', 'segregat', 'separat'], label: { zh: '设备数据与医疗数据的隔离方法', en: 'how device and medical data are isolated' } },
    { words: ['保证措施', '安全措施', '鉴别', '认证', '加密', '授权', '签名', 'vpn', 'tls', 'measure', 'authenticat', 'encrypt', 'authoriz'], label: { zh: '网络安全保证措施', en: 'the cybersecurity measures' } },
  ],
  message: {
    zh: '远程维护与升级未写明全部技术特征：五（三）要求明确远程维护与升级的实现方法、所用电子接口情况、设备数据所含内容、设备数据与医疗数据的隔离方法、网络安全保证措施等技术特征',
    en: 'Remote maintenance and upgrade lacks some of its technical characteristics: 五（三） asks for the implementation method, the electronic interfaces used, what the device data contains, how device and medical data are isolated, and the cybersecurity measures',
  },
  clause: '五（三）',
};

/** R2.5.2: the five phases of incident response (二（七））; the attached 预案 holds them too. */
export const incidentPhases: ScopedCheck = {
  kind: 'requires-words',
  code: 'section-incomplete',
  source: 'lines',
  // A flow chart that starts at 探测与报告 leaves 计划与准备 implicit (applicants' charts usually
  // do): that phase alone missing is a hint; any other phase missing is a warning.
  // 六（一）2（5） accepts the 应急响应预案 document instead of the chart: the plan holds the phases.
  exempt: ['应急响应预案', '预案', 'incident response plan', 'response plan'],
  groups: [
    { words: ['计划与准备', '计划和准备', '准备', 'prepar'], label: { zh: '计划与准备', en: 'planning and preparation' }, hintOnly: true },
    { words: ['探测与报告', '探测和报告', '探测', '监测', 'detect'], label: { zh: '探测与报告', en: 'detection and reporting' } },
    { words: ['评估与决策', '评估和决策', '评估', 'assess', 'decision'], label: { zh: '评估与决策', en: 'assessment and decision' } },
    { words: ['应急响应实施', '响应实施', '实施', '处置', 'respons', 'contain'], label: { zh: '应急响应实施', en: 'response' } },
    { words: ['总结与改进', '总结和改进', '总结', '改进', 'lessons', 'improv', 'post-incident'], label: { zh: '总结与改进', en: 'review and improvement' } },
  ],
  message: {
    zh: '网络安全事件应急响应未涵盖全部阶段：二（七）要求明确计划与准备、探测与报告、评估与决策、应急响应实施、总结与改进等阶段的任务和要求',
    en: 'Incident response does not cover every phase: 二（七） names planning and preparation, detection and reporting, assessment and decision, response, and review and improvement',
  },
  clause: '二（七）',
};

/** R1.2.1: one network environment and data-flow diagram per use scenario, remote maintenance included. */
export const dataFlowPerScenario: ScopedCheck = {
  kind: 'diagram-per-part',
  orParent: true,
  what: { zh: '网络环境和数据流图', en: 'network environment and data-flow diagram' },
  also: { when: remoteMaintenance, words: ['远程维护', '远程升级', 'remote maintenance', 'remote upgrade', 'remote service'], label: { zh: '远程维护与升级', en: 'remote maintenance and upgrade' } },
};

/** R1.3: how strong each capability is follows the risk level (二（四）); other capabilities (六（一）1（3）). */
export const capabilityStrength: ScopedCheck = {
  kind: 'requires-words',
  code: 'section-incomplete',
  // 二（四） “根据产品风险水平明确网络安全能力的强弱程度”. Applicants state it implicitly through the
  // mechanisms of the capability table (a reviewer reads 用户名加口令 as the strength chosen), so a
  // hint; a concrete strength (口令复杂度, 动态口令, 失败锁定, 至少 8 位) states it as well as the words do.
  severity: 'hint',
  groups: [
    {
      words: ['强弱', '强度', '风险水平', '风险级别', '风险等级', '安全性级别', '严格', '复杂度', '动态口令', '双因素', '多因素', '生物识别', '失败锁定', '次失败', '至少', '位以上', 'strength', 'risk level', 'complexity', 'two-factor', 'multi-factor', 'one-time password', 'at least', 'lockout'],
      label: { zh: '能力强弱程度与产品风险水平的关系', en: 'how the strength of the capabilities follows the risk level' },
    },
  ],
  message: {
    zh: '网络安全能力分析没有说明能力的强弱程度：二（四）要求根据产品风险水平明确网络安全能力的强弱程度（如口令强度、动态口令、生物识别），风险水平越高要求越严格',
    en: 'The capability analysis does not say how strong the capabilities are: 二（四） asks that their strength follow the device’s risk level (password strength, one-time passwords, biometrics) — the higher the risk, the stricter',
  },
  clause: '二（四）',
};
export const otherCapabilities: ScopedCheck = {
  kind: 'requires-words',
  code: 'section-incomplete',
  severity: 'hint',
  groups: [{ words: ['其他网络安全能力', '其他能力', '其他安全能力', '补充', 'other capabilit', 'additional capabilit'], label: { zh: '其他网络安全能力的适用情况说明', en: 'a statement on other capabilities' } }],
  message: {
    zh: '网络安全能力分析没有说明其他网络安全能力的适用情况：六（一）1（3）“若适用，提供其他网络安全能力的适用情况说明”',
    en: 'The capability analysis says nothing about further capabilities: 六（一）1（3） asks, where applicable, for a statement on the applicability of other capabilities',
  },
  clause: '六（一）1（3）',
};
