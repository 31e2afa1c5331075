// Content checks and table templates shared by the report kinds of the NMPA 2022 rule set
// (requirements-nmpa-2022.md §4–§7): the R items define them, F / U / O / Q reuse them.

import type { Check, CheckScope, Localized, VulnerabilityCheck } from '../types';
import { CAPS_2022 } from './vocabulary';
import { levelModerate, remoteAccess, remoteMaintenance, cyberLevelLower } from './conditions';

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
    mustApply: [
      {
        capability: 'RMOT',
        when: { any: [remoteAccess, remoteMaintenance] },
        message: {
          zh: 'RMOT（远程访问与控制）被答复为不适用，但 frontmatter 声明了远程访问与控制或远程维护与升级：二（四）21 的 RMOT 即“产品确保用户远程访问与控制（含远程维护与升级）的网络安全的能力”，请说明其实现方式',
          en: 'RMOT (remote access and control) is answered not applicable, but the frontmatter declares remote access and control or remote maintenance: RMOT (二（四）21) is the capability to secure remote access and control, remote maintenance and upgrade included; state how it is implemented',
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
  residualList: { when: levelModerate, select: ['vulnerability'], notSelect: ['漏洞库'], impact: 'impact', risk: 'residual', acceptability: 'acceptability' },
  tools: { when: levelModerate, select: [['tool'], ['name', 'version']], required: ['name', 'version', 'date', 'vendor'], version: 'version', columnSeverity: 'warning' },
  items: {
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
