// FDA "Cybersecurity in Medical Devices: Quality System Considerations and Content of Premarket
// Submissions" (June 27, 2025) as data (docs/spec/requirements-fda-premarket-2025.md). The
// requirements are in ./fda-premarket-2025/catalogue.ts, their checks in ./checks.ts, the
// derived facts in ./conditions.ts; the rules interpret it. Quotes are the guidance's English,
// glosses Chinese; clauses are the guidance's designators (V.A.4.b, Appendix 4, Table 1).

import schema from '../../../../schemas/frontmatter.fda-premarket-2025.schema.json';
import type { Condition, DocumentKind, JsonSchema, Requirement, RuleSet, SubmissionCase } from './types';
import { architecture, labeling, managementPlan, modification, riskManagement, testing } from './fda-premarket-2025/catalogue';
import { CHECKS } from './fda-premarket-2025/checks';
import { TEMPLATES } from './fda-premarket-2025/templates';
import { COMPONENT_SUPPORT, SUPPORT_CHECKS } from './fda-premarket-2025/support';
import {
  cyberDevice,
  fullDocumentation,
  ide,
  internetCapable,
  modificationSubmission,
  ORIGINAL,
  reducedMode,
  reducedModification,
} from './fda-premarket-2025/conditions';
import { COLUMNS_FDA, CONTROL_CATEGORIES, FDA_ANSWERS, LABELS_FDA } from './fda-premarket-2025/vocabulary';

export const KIND_FDA = {
  K: 'cybersecurity-risk-management-report',
  B: 'security-architecture',
  E: 'cybersecurity-testing',
  L: 'labeling',
  G: 'cybersecurity-management-plan',
  H: 'modification-documentation',
} as const;
const { K, B, E, L, G, H } = KIND_FDA;

const checksOf = (id: string) => [...(CHECKS[id] ?? []), ...(SUPPORT_CHECKS[id] ?? [])];
const withChecks = (rs: Requirement[]): Requirement[] =>
  rs.map((r) => ({ ...r, ...(checksOf(r.id).length ? { checks: checksOf(r.id) } : {}), ...(TEMPLATES[r.id] ? { template: TEMPLATES[r.id] } : {}) }));

const kinds: DocumentKind[] = [
  {
    id: K,
    prefix: 'K',
    name: { zh: '网络安全风险管理报告', en: 'Cybersecurity risk management report' },
    aliases: ['网络安全风险管理报告', 'security-risk-management-report', 'risk-management-report', '安全风险管理报告', '网络安全风险管理文档'],
    clause: 'V.A, Appendix 4, Table 1',
    when: {
      zh: '每次申报；IDE 及不太可能影响网络安全的变更只需其中的 SBOM（K5、K5.1）。',
      en: 'Every submission; at IDE and for a modification unlikely to impact cybersecurity, its SBOM only (K5, K5.1).',
    },
    requirements: withChecks(riskManagement),
  },
  {
    id: B,
    prefix: 'B',
    name: { zh: '安全架构', en: 'Security architecture' },
    aliases: ['安全架构', 'cybersecurity-architecture', 'security-architecture-views', '安全架构视图', '网络安全架构', '安全架构文档'],
    clause: 'V.B, Appendix 1, Appendix 2',
    when: { zh: '完整资料；IDE 时只需架构视图（B2、B2.1–B2.4）。', en: 'Full documentation; at IDE the views only (B2, B2.1–B2.4).' },
    requirements: withChecks(architecture),
  },
  {
    id: E,
    prefix: 'E',
    name: { zh: '网络安全测试', en: 'Cybersecurity testing' },
    aliases: ['网络安全测试', 'security-testing', 'cybersecurity-test-report', '网络安全测试报告', '安全测试报告'],
    clause: 'V.C',
    when: { zh: '完整资料。', en: 'Full documentation.' },
    requirements: withChecks(testing),
  },
  {
    id: L,
    prefix: 'L',
    name: { zh: '标签（网络安全部分）', en: 'Labeling (cybersecurity)' },
    aliases: ['标签（网络安全部分）', 'cybersecurity-labeling', 'labelling', '标签', '网络安全标签', '标签和说明书', '说明书（网络安全部分）', '说明书', '使用说明书'],
    clause: 'VI.A, Appendix 3',
    when: { zh: '完整资料；IDE 时只需其 IDE 项（L15、L16）。', en: 'Full documentation; at IDE its IDE items only (L15, L16).' },
    requirements: withChecks(labeling),
  },
  {
    id: G,
    prefix: 'G',
    name: { zh: '网络安全管理计划', en: 'Cybersecurity management plan' },
    aliases: ['网络安全管理计划', 'management-plan', 'postmarket-cybersecurity-plan', '上市后网络安全管理计划', '网络安全管理方案'],
    clause: 'VI.B, VII.C.1',
    when: {
      zh: '完整资料；不太可能影响网络安全的变更，除非前次提交已提供该计划。',
      en: 'Full documentation; a modification unlikely to impact cybersecurity unless a plan was provided before.',
    },
    requirements: withChecks(managementPlan),
  },
  {
    id: H,
    prefix: 'H',
    name: { zh: '器械变更网络安全资料', en: 'Cybersecurity documentation of a device modification' },
    aliases: ['器械变更网络安全资料', 'modification', 'device-modification', '变更网络安全资料', '器械变更说明'],
    clause: 'VII.D',
    when: { zh: '每次器械变更申报（modification、pma-supplement）。', en: 'Every modification submission (modification, pma-supplement).' },
    requirements: withChecks(modification),
  },
];

const priorPlanTrue: Condition = { fact: 'change.prior_plan', equals: true };

const submission: SubmissionCase[] = [
  {
    when: { fact: 'submission', in: ORIGINAL },
    label: { zh: '原始上市前申报（510(k)、De Novo、PMA、HDE、PDP）', en: 'an original premarket submission (510(k), De Novo, PMA, HDE, PDP)' },
    clause: 'VII.A, Appendix 4',
    required: [K, B, E, L, G],
    accepted: [],
    wrong: [H],
  },
  {
    when: { all: [modificationSubmission, fullDocumentation] },
    label: { zh: '可能影响网络安全的器械变更申报', en: 'a modification that may impact cybersecurity' },
    clause: 'VII.D.1, VII.C',
    required: [K, B, E, L, G, H],
    accepted: [],
    wrong: [],
  },
  {
    when: { all: [reducedModification, { not: priorPlanTrue }] },
    label: { zh: '不太可能影响网络安全的器械变更申报', en: 'a modification unlikely to impact cybersecurity' },
    clause: 'VII.D.2',
    required: [K, G, H],
    accepted: [B, E, L],
    wrong: [],
  },
  {
    when: { all: [reducedModification, priorPlanTrue] },
    label: { zh: '不太可能影响网络安全的器械变更申报（前次提交已提供管理计划）', en: 'a modification unlikely to impact cybersecurity (plan provided before)' },
    clause: 'VII.D.2',
    required: [K, H],
    accepted: [B, E, L, G],
    wrong: [],
  },
  {
    when: ide,
    label: { zh: '试验用器械豁免（IDE）申请', en: 'an IDE application' },
    clause: 'VII.A, Appendix 3',
    required: [K, B, L],
    accepted: [E, G],
    wrong: [H],
  },
];

export const fdaPremarket2025: RuleSet = {
  id: 'fda-premarket-2025',
  name: { zh: 'FDA 上市前网络安全指南（2025）', en: 'FDA premarket cybersecurity guidance (2025)' },
  guideline: {
    zh: 'FDA《医疗器械网络安全：质量体系考虑和上市前申报内容》（2025 年 6 月）',
    en: 'FDA guidance “Cybersecurity in Medical Devices: Quality System Considerations and Content of Premarket Submissions” (June 2025)',
  },
  kinds,
  // II: no device is excluded; a device that is not a cyber device gets a notice instead.
  scope: [],
  scopeText: {
    zh: '具有网络安全考虑的器械，包括但不限于含器械软件功能的器械',
    en: 'devices with cybersecurity considerations, including but not limited to devices that include a device software function',
  },
  scopeClause: 'II',
  notApplicableClause: { zh: 'V.B.2、V.A.4.b', en: 'V.B.2, V.A.4.b' },
  submission,
  contradictions: [
    {
      when: { all: [{ fact: 'cyber_device.internet', equals: false }, internetCapable] },
      at: 'cyber_device.internet',
      message: {
        zh: 'cyber_device.internet: false，但 connectivity 声明了有线、无线、云或 USB 连接：VII.B 广义理解连接互联网的能力——“FDA considers devices that include any of the following features to have the ability to connect to the internet”，包括网络、服务器或云连接、射频通信、磁感应通信以及“Hardware connectors capable of connecting to the internet (e.g., USB, ethernet, serial port).”',
        en: 'cyber_device.internet: false, but connectivity declares a wired, wireless, cloud or USB connection: VII.B reads the ability broadly — “FDA considers devices that include any of the following features to have the ability to connect to the internet”: network, server or cloud connections, radio-frequency and magnetic inductive communications, “Hardware connectors capable of connecting to the internet (e.g., USB, ethernet, serial port).”',
      },
    },
    {
      when: { all: [{ fact: 'update.mechanism', includes: 'none' }, { fact: 'update.mechanism', nonEmpty: true }, { any: ['network', 'removable-media', 'service', 'user-download'].map((v) => ({ fact: 'update.mechanism', includes: v })) }] },
      at: 'update.mechanism',
      message: { zh: 'update.mechanism 中的 none（不可更新）不能与其他值并列', en: '`none` in update.mechanism stands alone: it cannot be combined with other values' },
    },
    {
      when: { all: [{ fact: 'update.mechanism', includes: 'none' }, cyberDevice] },
      at: 'update.mechanism',
      message: {
        zh: '网络设备不能“不可更新”（update.mechanism: [none]）：524B(b)(2)(A)–(B) 要求网络设备制造商提供器械及相关系统的更新和补丁',
        en: 'a cyber device cannot be non-updatable (update.mechanism: [none]): 524B(b)(2)(A)–(B) require manufacturers of cyber devices to make updates and patches to the device and related systems available',
      },
    },
    {
      when: { all: [{ fact: 'software.operating_systems', includes: 'none' }, { any: ['windows', 'other-commercial', 'embedded'].map((v) => ({ fact: 'software.operating_systems', includes: v })) }] },
      at: 'software.operating_systems',
      message: { zh: 'software.operating_systems 中的 none（无操作系统）不能与其他值并列', en: '`none` in software.operating_systems stands alone: it cannot be combined with other values' },
    },
  ],
  requiredWhen: [
    { when: modificationSubmission, fact: 'change.cybersecurity_impact' },
    { when: { all: [modificationSubmission, priorPlanTrue] }, fact: 'change.prior_submission' },
  ],
  capabilities: { 'fda-premarket-2025': CONTROL_CATEGORIES },
  columns: {
    ...COLUMNS_FDA,
    // B1's control-category table (§5), read by the capabilities check.
    category: ['category', 'control categor', '类别', '控制类别'],
    applicability: ['applicab', '适用'],
    implementation: ['requirement', 'implementation', 'control', 'design', 'measure', '需求', '实现', '控制措施', '设计', '措施'],
    reason: ['reason', 'justification', 'rationale', '理由'],
    shared: ['description', 'explanation', 'note', '说明', '备注'],
    acceptance: ['acceptance', '验收', '接受准则', '可接受准则'],
  },
  columnLabels: LABELS_FDA,
  risk: {
    select: [['threat'], ['control'], ['acceptability']],
    acceptability: ['acceptability'],
    unacceptable: ['unacceptable', 'notacceptable', 'uncontrolled', '不可接受', '不受控'],
  },
  versionFacts: ['product.software_version'],
  otsTable: { requirements: ['K5'] },
  componentSupport: COMPONENT_SUPPORT,
  schema: schema as JsonSchema,
  answers: FDA_ANSWERS,
  quoteLanguage: 'en',
  severityModes: {
    reduced: reducedMode,
    tiers: { A: { normal: 'error', reduced: 'warning' }, B: { normal: 'warning', reduced: 'info' } },
    codes: {
      'missing-section': 'requirement',
      'capability-unaddressed': 'requirement',
      'missing-column': 'requirement',
      'incomplete-row': 'requirement',
      'missing-document': { tier: 'A' },
      'missing-diagram': { normal: 'warning', reduced: 'info' },
      'sbom-component-incomplete': { tier: 'A' },
      'end-of-support-passed': { normal: 'warning', reduced: 'info' },
    },
  },
  notices: [
    {
      code: 'not-a-cyber-device',
      facts: ['cyber_device.software', 'cyber_device.internet', 'cyber_device.vulnerable_characteristics'],
      equals: false,
      dataKey: 'criterion',
      clause: 'VII.B',
      message: {
        zh: '{fact}: false——本器械不满足第 524B(c) 条“网络设备”的标准，第 524B 条不适用；但本目录的资料仍为建议项，以较低的严重程度报告：“While documentation breadth is expected to scale, each type of documentation identified throughout the guidance is recommended for all premarket submissions for devices with potential cybersecurity risks.”（Appendix 4）',
        en: '{fact}: false — the device does not meet the 524B(c) criteria of a “cyber device”, so section 524B does not apply; the documentation of this catalogue is still recommended and reported at a lower severity: “While documentation breadth is expected to scale, each type of documentation identified throughout the guidance is recommended for all premarket submissions for devices with potential cybersecurity risks.” (Appendix 4)',
      },
    },
  ],
};
