// The migration tables of requirements-nmpa-2022.md §13 ("Differences from nmpa-2017") as data:
// which 2022 kind each 2017 kind becomes, where each 2017 section goes (its 2022 requirement, or
// the new 2022 parent it is filed under), which headings are renamed, and the *manual* items the
// user must decide. Titles, synonyms and templates come from the registered nmpa-2022 rule set;
// FALLBACK holds the titles and synonyms of §4 / §6 / §9 only until that rule set is registered.

import { getRuleSet, type DocumentKind, type Localized, type Requirement } from '../../engine';

export const GUIDELINE_2022 = 'nmpa-2022';

/** Where a 2017 requirement's section goes. */
export interface Row {
  /** The 2022 requirement the section becomes (R IDs; O documents use the same numbers). */
  to?: string;
  /** No 2022 requirement: the section is filed under this new 2022 section (moved under it). */
  under?: string;
  /** The heading is renamed to the 2022 title (§13 "rename"). */
  rename?: boolean;
}

export interface KindMap {
  from: string;
  /** The 2022 kind: a function of the raw facts (ots_usage: full → O). */
  to: (f: RawFacts) => string;
  rows: Record<string, Row>;
}

/** The facts the migration reads from the raw YAML (frontmatter over dossier.yaml). */
export interface RawFacts {
  submission?: string;
  updates?: string[];
  otsUsage?: string;
  remoteControl?: string;
  dataTypes?: string[];
}

export const KIND_MAPS: KindMap[] = [
  {
    from: 'cybersecurity-description',
    to: (f) => (f.otsUsage === 'full' ? 'ots-cybersecurity-report' : 'cybersecurity-research-report'),
    rows: {
      D1: { to: 'R1' },
      'D1.1': { under: 'R1.2.2' },
      'D1.2': { under: 'R1.2.2' },
      'D1.3': { under: 'R1.2.2' },
      'D1.4': { to: 'R1.2.3', rename: true },
      'D1.4.1': { to: 'R2.3.7' },
      'D1.5': { to: 'R1.5' },
      'D1.6': {},
      D2: { to: 'R2.1' },
      'D2.1': { to: 'R2.1.1' },
      'D2.2': { to: 'R2.1.2', rename: true },
      D3: { to: 'R2.3' },
      'D3.1': { to: 'R2.3.1' },
      'D3.2': { to: 'R2.3.2' },
      'D3.3': { to: 'R2.4' },
      'D3.4': { to: 'R2.3.3' },
      'D3.5': { to: 'R2.3.4', rename: true },
      'D3.6': { to: 'R2.3.5' },
      'D3.7': { to: 'R2.3.6' },
      D4: { to: 'R2.5' },
      'D4.1': { under: 'R2.5.1' },
      'D4.2': { under: 'R2.5.1' },
      'D4.3': {},
      D5: { to: 'R1.3' },
    },
  },
  {
    from: 'patch-description',
    to: () => 'cybersecurity-patch-update-report',
    rows: {
      P1: { to: 'U2', rename: true },
      P2: { to: 'U3.1', rename: true },
      P3: { to: 'U6.1' },
      P4: { to: 'U4', rename: true },
      P5: { to: 'U7', rename: true },
    },
  },
  { from: 'authenticity-statement', to: () => 'authenticity-statement', rows: {} },
  { from: 'technical-requirements', to: () => 'technical-requirements', rows: {} },
  {
    from: 'instructions-for-use',
    to: () => 'instructions-for-use',
    rows: {
      I1: { to: 'M5' },
      'I1.1': { to: 'M5.1' },
      'I1.2': { to: 'M5.2', rename: true },
      'I1.3': { to: 'M5.3', rename: true },
      I2: { to: 'M6', rename: true },
      I3: { to: 'M2', rename: true },
      I4: { to: 'M1' },
      I5: { to: 'M7', rename: true },
    },
  },
];

/** 2022 kind → the 2017 kind its headings may still carry (a half-migrated file). */
export function kindMapFor(kind: string): KindMap | undefined {
  return KIND_MAPS.find((m) => m.from === kind) ?? KIND_MAPS.find((m) => (m.from === 'cybersecurity-description' ? ['cybersecurity-research-report', 'ots-cybersecurity-report'] : [m.to({})]).includes(kind));
}

/** The 2022 requirement ID in the target kind's letters (O mirrors R). */
export function inKind(id: string, kind: DocumentKind): string {
  return kind.prefix && /^[A-Z]/.test(id) ? kind.prefix + id.slice(1) : id;
}

type Entry = [id: string, zh: string, en: string, synonyms: string[], always: boolean];

// Interim only: §4, §6 and §9 titles and synonyms, used while nmpa-2022 is not registered.
const FALLBACK: Record<string, { prefix: string; zh: string; en: string; entries: Entry[] }> = {
  'cybersecurity-research-report': {
    prefix: 'R',
    zh: '自研软件网络安全研究报告',
    en: 'Cybersecurity research report',
    entries: [
      ['R1', '基本信息', 'Basic information', ['产品基本信息', '概述'], true],
      ['R1.1', '软件信息', 'Software information', ['软件基本信息', '软件基本情况'], true],
      ['R1.1.1', '网络安全的安全性级别', 'Cybersecurity safety level and justification', ['网络安全安全性级别', '网络安全的安全性级别理由', '安全性级别差异说明'], false],
      ['R1.2', '数据架构', 'Data architecture', ['网络安全数据架构'], true],
      ['R1.2.1', '网络环境和数据流图', 'Network environment and data-flow diagrams', ['网络环境与数据流图', '网络条件和数据流图', '数据流图', '网络环境', '使用场景'], true],
      ['R1.2.2', '数据情况', 'Data', ['数据类型', '医疗器械相关数据', '相关数据', '数据'], true],
      ['R1.2.3', '电子接口情况', 'Electronic interfaces', ['电子接口', '接口情况', '网络接口和电子数据交换接口', '接口'], true],
      ['R1.2.4', '远程维护与升级', 'Remote maintenance and upgrade', ['远程维护和升级', '远程维护', '远程升级'], false],
      ['R1.2.5', '医疗数据出境', 'Cross-border transfer of medical data', ['数据出境', '数据出境安全评估'], false],
      ['R1.3', '网络安全能力', 'Cybersecurity capabilities', ['网络安全能力分析', '安全能力'], true],
      ['R1.4', '网络安全补丁', 'Cybersecurity patches', ['网络安全补丁列表', '补丁列表', '安全补丁'], true],
      ['R1.5', '安全软件', 'Security software', ['网络安全软件', '杀毒软件与防火墙'], true],
      ['R2', '实现过程', 'Implementation process', ['网络安全实现过程'], true],
      ['R2.1', '风险管理', 'Risk management', ['网络安全风险管理'], true],
      ['R2.1.1', '风险分析报告', 'Risk analysis report', ['网络安全风险分析报告', '风险分析'], true],
      ['R2.1.2', '风险管理报告', 'Risk management report', ['网络安全风险管理报告', '风险管理总结报告'], true],
      ['R2.2', '需求规范', 'Requirements specification', ['网络安全需求规范', '需求规范文档', '网络安全需求'], true],
      ['R2.3', '验证与确认', 'Verification and validation', ['验证和确认', '网络安全验证与确认', '测试'], true],
      ['R2.3.1', '网络安全测试计划', 'Cybersecurity test plan', ['测试计划'], true],
      ['R2.3.2', '网络安全测试报告', 'Cybersecurity test report', ['测试报告'], true],
      ['R2.3.3', '兼容性测试报告', 'Security-software compatibility test report', ['安全软件兼容性测试报告', '兼容性测试'], false],
      ['R2.3.4', '真实性声明', 'Declaration for standard protocols/formats (or evidence)', ['标准传输协议或存储格式真实性声明', '标准协议真实性声明', '证明材料', '标准符合性证明', '标准符合性证明材料'], false],
      ['R2.3.5', '完整性测试总结报告', 'Integrity test summary report', ['私有协议完整性测试', '自定义协议完整性测试'], false],
      ['R2.3.6', '完整性和可得性等网络安全特性的测试报告', 'Integrity and availability test report', ['完整性和可得性测试报告', '完整性与可得性测试报告', '实时远程访问与控制测试报告'], false],
      ['R2.3.7', '符合无线电管理相关规定的证明材料', 'Radio-regulation compliance evidence', ['无线电管理符合性', '无线电管理', '无线电型号核准', 'SRRC'], false],
      ['R2.4', '可追溯性分析', 'Traceability analysis', ['网络安全可追溯性分析', '可追溯性分析报告', '追溯性分析', '追溯关系表'], true],
      ['R2.5', '维护计划', 'Maintenance plan', ['网络安全维护计划'], true],
      ['R2.5.1', '网络安全更新', 'Cybersecurity update process', ['网络安全更新流程', '网络安全更新流程图', '更新流程'], true],
      ['R2.5.2', '网络安全事件应急响应', 'Cybersecurity incident response', ['应急响应', '网络安全事件应急响应流程', '网络安全事件应急响应预案', '应急响应预案'], false],
      ['R2.5.3', '远程维护与升级', 'Remote maintenance and upgrade process', ['远程维护与升级流程', '远程维护', '远程升级'], false],
      ['R3', '漏洞评估', 'Vulnerability assessment', ['网络安全漏洞评估'], true],
      ['R3.1', '网络安全漏洞自评报告', 'Vulnerability self-assessment report', ['漏洞自评报告', '网络安全自评报告', '自评报告'], false],
      ['R3.2', '网络安全漏洞评估报告', 'Third-party vulnerability assessment report', ['网络安全评估机构出具的网络安全漏洞评估报告', '第三方网络安全漏洞评估报告', '第三方漏洞评估报告'], false],
      ['R3.3', '已知剩余漏洞的维护方案', 'Maintenance plan for known residual vulnerabilities', ['已知剩余漏洞维护方案', '剩余漏洞维护方案'], false],
      ['R4', '结论', 'Conclusion', ['网络安全结论', '研究结论'], true],
    ],
  },
  'cybersecurity-patch-update-report': {
    prefix: 'U',
    zh: '自研软件网络安全补丁更新研究报告',
    en: 'Cybersecurity patch update report',
    entries: [
      ['U1', '软件信息', 'Software information', ['软件基本信息'], true],
      ['U2', '网络安全补丁', 'Cybersecurity patches', ['网络安全补丁列表', '补丁列表', '补丁描述', '补丁清单'], true],
      ['U3', '风险管理', 'Risk management', ['网络安全风险管理'], true],
      ['U3.1', '风险分析报告', 'Risk analysis report', ['网络安全风险分析报告'], true],
      ['U3.2', '风险管理报告', 'Risk management report', ['网络安全风险管理报告', '风险管理总结报告'], true],
      ['U4', '验证与确认', 'Verification and validation', ['验证和确认', '测试计划与报告', '测试计划和报告'], true],
      ['U4.1', '网络安全测试计划', 'Cybersecurity test plan', ['测试计划'], true],
      ['U4.2', '网络安全测试报告', 'Cybersecurity test report', ['测试报告'], true],
      ['U5', '可追溯性分析', 'Traceability analysis', ['可追溯性分析报告', '追溯性分析'], true],
      ['U6', '维护计划', 'Maintenance plan', ['网络安全维护计划'], true],
      ['U6.1', '用户告知计划', 'User notification plan', ['用户告知'], true],
      ['U6.2', '网络安全事件应急响应总结报告', 'Incident response summary report', ['应急响应总结报告'], false],
      ['U7', '漏洞评估', 'Vulnerability assessment', ['网络安全漏洞评估'], true],
      ['U7.1', '网络安全自评报告', 'Self-assessment report', ['网络安全漏洞自评报告', '自评报告'], false],
      ['U7.2', '网络安全漏洞评估报告', 'Third-party vulnerability assessment report', ['网络安全评估机构出具的网络安全漏洞评估报告', '第三方漏洞评估报告'], false],
      ['U7.3', '已知剩余漏洞的维护方案', 'Maintenance plan for known residual vulnerabilities', ['剩余漏洞维护方案'], false],
      ['U8', '结论', 'Conclusion', ['网络安全结论'], true],
    ],
  },
  'instructions-for-use': {
    prefix: 'M',
    zh: '说明书（网络安全部分）',
    en: 'Instructions for use (cybersecurity)',
    entries: [
      ['M1', '用户访问控制机制', 'User access control mechanism', ['用户访问控制', '访问控制'], true],
      ['M2', '电子接口', 'Electronic interfaces', ['电子接口及其数据类型和技术特征', '网络接口和电子数据交换接口', '数据与设备接口', '数据与设备（系统）接口', '接口'], true],
      ['M3', '网络安全特征配置', 'Configuration of cybersecurity features', ['安全特性配置', '网络安全配置'], true],
      ['M4', '数据备份与灾难恢复', 'Data backup and disaster recovery', ['数据备份与恢复', '备份与恢复'], true],
      ['M5', '运行环境', 'Operating environment', ['运行环境要求'], true],
      ['M5.1', '硬件配置', 'Hardware configuration', ['硬件要求'], true],
      ['M5.2', '外部软件环境', 'External software environment', ['软件环境', '软件要求'], false],
      ['M5.3', '网络环境', 'Network environment', ['网络条件', '网络要求'], false],
      ['M6', '安全软件兼容性列表', 'Security-software compatibility list', ['兼容安全软件列表', '安全软件', '杀毒软件与防火墙'], false],
      ['M7', '外部软件环境与安全软件更新', 'External software environment and security software updates', ['软件环境与安全软件更新', '软件更新', '安全软件更新'], false],
      ['M8', '现成软件清单', 'Software bill of materials (SBOM)', ['SBOM', '现成软件清单（SBOM）', '软件物料清单'], false],
    ],
  },
};

const fallbackKinds = new Map<string, DocumentKind>();
/** Requirement IDs of a fallback kind that carry a condition (k-th position counting). */
const fallbackConditional = new Set<string>();

function fallbackKind(id: string): DocumentKind | undefined {
  const f = FALLBACK[id];
  if (!f) return undefined;
  let k = fallbackKinds.get(id);
  if (!k) {
    const empty: Localized = { zh: '', en: '' };
    k = {
      id,
      prefix: f.prefix,
      name: { zh: f.zh, en: f.en },
      aliases: [],
      clause: '',
      when: empty,
      requirements: f.entries.map(([rid, zh, en, synonyms, always]): Requirement => {
        if (!always) fallbackConditional.add(rid);
        return { id: rid, title: { zh, en }, synonyms, clause: '', quote: '', gloss: '', content: empty, template: { zh: `<${zh}>`, en: `<insert ${en.toLowerCase()}>` } };
      }),
    };
    fallbackKinds.set(id, k);
  }
  return k;
}

/** The 2022 kind: from the registered rule set, else the interim fallback (titles and synonyms only). */
export function kind2022(id: string): { kind: DocumentKind; registered: boolean } | undefined {
  const rs = getRuleSet(GUIDELINE_2022);
  const real = rs?.kinds.find((k) => k.id === id);
  if (real) return { kind: real, registered: true };
  if (id === 'ots-cybersecurity-report') {
    const r = fallbackKind('cybersecurity-research-report');
    if (!r) return undefined;
    return { kind: { ...r, id, prefix: 'O', requirements: r.requirements.map((q) => ({ ...q, id: `O${q.id.slice(1)}` })) }, registered: false };
  }
  const k = fallbackKind(id);
  return k ? { kind: k, registered: false } : undefined;
}

/** Whether a requirement is always required (no condition) — for the k-th-position numbering. */
export function isAlways(r: Requirement): boolean {
  if (fallbackConditional.has(r.id) || fallbackConditional.has(`R${r.id.slice(1)}`)) return false;
  return !r.condition;
}

export function ruleset2022Registered(): boolean {
  return getRuleSet(GUIDELINE_2022) !== undefined;
}

// ---- manual items (§13 "manual") --------------------------------------------------------------

export interface ManualItem {
  /** A stable key: `frontmatter.safety_level`, `D1.5`, `new-content` … */
  key: string;
  /** The file it concerns (absolute path; dossier.yaml for shared facts). */
  file: string;
  /** 0-based line of the heading or key, when there is one. */
  line?: number;
  message: Localized;
}

const M = (zh: string, en: string): Localized => ({ zh, en });

/** Manual items keyed by the 2017 requirement whose section is present. */
export const MANUAL_BY_REQUIREMENT: Record<string, Localized> = {
  'D1.1': M(
    'R1.2.2 数据情况：原“类型 / 功能 / 用途”已移入本节；请按数据类型（敏感医疗数据 / 非敏感医疗数据 / 设备数据）列出每类数据的具体内容、功能与用途（数据表），健康数据按是否含个人信息改写为敏感或非敏感医疗数据',
    'R1.2.2 Data: the former types / functions / uses now sit here; list, per data type (sensitive medical / non-sensitive medical / device data), its content, function and use (a data table); 2017 health data becomes sensitive or non-sensitive medical data depending on whether it holds personal information',
  ),
  'D1.4': M(
    'R1.2.3 电子接口情况：每个网络接口和电子数据交换接口一行，写明预期用户、使用场景、预期用途、数据类型、技术特征、使用限制',
    'R1.2.3 Electronic interfaces: one row per network and data-exchange interface with its intended users, scenario, intended use, data types, technical characteristics and limits of use',
  ),
  'D1.5': M('R1.5 安全软件：安全软件表增加“防护规则配置要求”列', 'R1.5 Security software: add the column “protection rule configuration requirements” to the table'),
  'D1.6': M(
    '原“现成软件”章节不再是单独的要求（原文保留、不再检查）：现成软件组件写入研究报告的适用条款（部分使用）或单独的现成软件组件网络安全研究报告（全部使用），其补丁写入 R1.4，现成软件清单写入说明书 M8',
    'The former off-the-shelf software section is no longer a requirement of its own (kept, no longer checked): describe the OTS components in the applicable clauses of the report (partial use) or in a separate OTS report (full use); their patches go into R1.4, the SBOM into M8 of the instructions for use',
  ),
  'D3.3': M('R2.4 可追溯性分析：追溯表增加“源代码”（软件单元名称）列', 'R2.4 Traceability analysis: add a source code (software unit) column to the traceability table'),
  'D4.3': M(
    '软件版本命名规则在 2022 版中属于产品技术要求（N1.1，产品型号/规格及其划分说明），并须区分重大与轻微网络安全更新；此处原文保留、不再检查',
    'Under 2022 the software version naming rule belongs in the technical requirements (N1.1, models/specifications and their division) and must tell major from minor cybersecurity updates; the text here is kept and no longer checked',
  ),
  D5: M(
    'R1.3 网络安全能力：现为必需项，逐项答复 22 项能力；2017 的能力名称仍被接受，新增的 CONN、SBOM、RMOT 已按模板插入，请填写',
    'R1.3 Cybersecurity capabilities: now required, answer each of the 22 capabilities; the 2017 names are still accepted; the new CONN, SBOM and RMOT rows were inserted as templates — fill them in',
  ),
  P1: M('U2 网络安全补丁：补丁表需有名称、完整版本、发布日期列', 'U2 Cybersecurity patches: the patch table needs name, full version and release date columns'),
  P2: M('U3.1 风险分析报告：原“影响分析”已移入本节，请按网络安全风险分析的要求补充', 'U3.1 Risk analysis report: the former impact analysis now sits here; complete it as a cybersecurity risk analysis'),
  P5: M(
    'U7 漏洞评估：按 CVSS 漏洞等级列出已知漏洞数与已知剩余漏洞数；中等及以上级别还须列出已知剩余漏洞（内容、对产品的影响、综合剩余风险）',
    'U7 Vulnerability assessment: give the known and residual vulnerability counts per CVSS level; at moderate and major also list the known residual vulnerabilities (content, impact, overall residual risk)',
  ),
  S1: M('A1 真实性声明：写明申请人对此承担法律责任（七（二）1（3））', 'A1 Authenticity statement: state that the applicant takes legal responsibility for it (七（二）1（3）)'),
  T1: M(
    '产品技术要求中的数据接口、用户访问控制（T1、T2）不再是 2022 版要求（原文保留、不再检查）；N1.1 软件版本命名规则须区分重大与轻微网络安全更新',
    'Data interfaces and user access control (T1, T2) are no 2022 requirements (kept, no longer checked); N1.1 the software version naming rule must tell major from minor cybersecurity updates',
  ),
  I3: M('M2 电子接口：写明每个接口的数据类型和技术特征', 'M2 Electronic interfaces: give the data types and technical characteristics of each interface'),
};

/** Manual items of a whole research report (new content the migration cannot write). */
export const MANUAL_NEW_CONTENT: Record<string, Localized> = {
  'cybersecurity-research-report': M(
    '新增章节已按模板插入，请填写：软件信息（R1.1，含软件安全性级别）、网络环境和数据流图（R1.2.1，图示）、网络安全补丁清单（R1.4）、需求规范（R2.2）、网络安全更新流程图（R2.5.1）、按 CVSS 等级的漏洞数量（R3）、结论（R4）',
    'The new sections were inserted as templates; fill in: software information (R1.1, with the software safety level), network environment and data-flow diagrams (R1.2.1), the patch list (R1.4), the requirements specification (R2.2), the update flow chart (R2.5.1), vulnerability counts per CVSS level (R3), the conclusion (R4)',
  ),
  'cybersecurity-patch-update-report': M(
    '新增章节已按模板插入，请填写：软件信息（U1）、风险管理报告（U3.2）、测试计划与报告（U4.1、U4.2）、可追溯性分析（U5）、结论（U8）',
    'The new sections were inserted as templates; fill in: software information (U1), the risk management report (U3.2), the test plan and report (U4.1, U4.2), traceability (U5), the conclusion (U8)',
  ),
  'instructions-for-use': M(
    '新增章节已按模板插入，请填写：网络安全特征配置（M3）、数据备份与灾难恢复（M4）、现成软件清单（M8）',
    'The new sections were inserted as templates; fill in: configuration of cybersecurity features (M3), data backup and disaster recovery (M4), the SBOM (M8)',
  ),
  'technical-requirements': M(
    '新增 N1 产品型号/规格及其划分说明 › N1.1 软件版本命名规则（模板），须区分重大与轻微网络安全更新',
    'Added N1 models/specifications › N1.1 software version naming rule (template); it must tell major from minor cybersecurity updates',
  ),
};

export const MANUAL_FRONTMATTER = {
  safetyLevel: M(
    'software.safety_level（软件安全性级别，必填）：迁移只写入了待确认占位，请改为 minor（轻微）、moderate（中等）或 major（严重）；级别决定应急响应、漏洞自评报告等要求',
    'software.safety_level (required): the migration wrote a placeholder; set minor, moderate or major — the level decides the incident response, the vulnerability self-assessment and more',
  ),
  userAccess: M(
    'functions.user_access（用户访问）：迁移只写入了待确认占位，请改为 true 或 false（经软件用户界面或电子接口的人机交互）',
    'functions.user_access: the migration wrote a placeholder; set true or false (human–machine interaction through a software UI or an electronic interface)',
  ),
  optional: M(
    '按实际情况补充：software.cybersecurity_level（低于软件安全性级别时）、software.ots_usage、software.external_environment、functions.remote_maintenance、data.cross_border',
    'Add as they apply: software.cybersecurity_level (when lower than the safety level), software.ots_usage, software.external_environment, functions.remote_maintenance, data.cross_border',
  ),
  health: M(
    'data.types：health（健康数据）已改为 sensitive-medical（敏感医疗数据）；不含个人信息的数据请改为 non-sensitive-medical（非敏感医疗数据）',
    'data.types: health became sensitive-medical; data that carries no personal information is non-sensitive-medical',
  ),
  minorIsPatch: M(
    'update_content：2017 的轻微网络安全更新按常规安全补丁记为 patch；若本次其实是功能更新，请改为 functional，并提交功能更新研究报告',
    'update_content: a 2017 minor update was recorded as patch (routine security patch); if it actually was a functional change, use functional and submit a functional update report',
  ),
  remoteControl: M(
    'functions.remote_control: none —— 2022 版的“远程访问与控制”包括操作系统提供的远程会话/远程桌面（二（三）1），请复核',
    'functions.remote_control: none — under 2022 remote access and control includes an operating system’s remote session / remote desktop (二（三）1); review it',
  ),
  renewal: M('延续注册通常无需提交网络安全研究资料（七（三））；补丁更新研究报告仅在注册证备注要求时提交', 'A renewal normally needs no cybersecurity document (七（三）); submit the patch update report only when the certificate requires it'),
};
