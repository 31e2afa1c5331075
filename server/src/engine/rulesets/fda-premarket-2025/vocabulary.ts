// Vocabulary of the FDA rule set (requirements-fda-premarket-2025.md §3): the risk-table roles,
// the column labels, the 8 security control categories of Appendix 1, and the English title
// normalisation of §3.1.

import type { AnswerRules, Capability, ColumnRole, Localized } from '../types';
import { COLUMNS } from '../common';

/**
 * The rule set's own dictionary (risk tables, §3.2; traceability, K9). The other tables carry
 * their words with their check (`columns`), read with token prefixes and one role per cell.
 */
export const COLUMNS_FDA: Record<ColumnRole, string[]> = {
  ...COLUMNS,
  threat: ['threat', 'hazard', 'vulnerabilit', 'attack', '威胁', '危害', '漏洞'],
  control: ['control', 'mitigation', 'countermeasure', '控制', '缓解', '措施'],
  acceptability: ['acceptab', 'residual', 'post mitigation', 'postmitigation', '可接受', '剩余', '缓解后'],
  test: ['test', 'verification', '测试', '验证'],
  requirement: ['requirement', '需求'],
  risk: ['risk', '风险'],
  component: ['sbom', 'component', '组件'],
};

export const LABELS_FDA: Record<ColumnRole, Localized> = {
  supplier: { zh: '供应商', en: 'Supplier' },
  name: { zh: '组件名称', en: 'Component name' },
  version: { zh: '版本', en: 'Version' },
  identifier: { zh: '唯一标识', en: 'Unique identifier' },
  support: { zh: '支持级别', en: 'Level of support' },
  eos: { zh: '支持终止日期', en: 'End-of-support date' },
  justification: { zh: '理由', en: 'Justification' },
  type: { zh: '类型', en: 'Type' },
  kev: { zh: 'CISA KEV', en: 'CISA KEV' },
  status: { zh: '状态', en: 'Status' },
  discovery: { zh: '发现方式', en: 'How discovered' },
  control: { zh: '控制措施', en: 'Controls' },
  assessment: { zh: '风险评估', en: 'Risk assessment' },
  vulnerability: { zh: '漏洞', en: 'Vulnerability' },
  cwe: { zh: 'CWE 类别', en: 'CWE' },
  security: { zh: '网络安全影响', en: 'Security impact' },
  rationale: { zh: '理由', en: 'Rationale' },
  anomaly: { zh: '异常', en: 'Anomaly' },
  authentication: { zh: '鉴别机制', en: 'Authentication' },
  cryptography: { zh: '密码方法', en: 'Cryptography' },
  protocol: { zh: '协议、版本及端口/信道/频率', en: 'Protocol, version, ports/channels/frequencies' },
  content: { zh: '数据/代码/命令', en: 'Data, code or commands' },
  path: { zh: '通信路径', en: 'Communication path' },
  settings: { zh: '设置或配置选项', en: 'Settings or configuration' },
  tool: { zh: '工具', en: 'Tool' },
  direction: { zh: '方向', en: 'Direction' },
  endpoint: { zh: '批准的目的端点', en: 'Approved destination end-points' },
  function: { zh: '功能', en: 'Function' },
  port: { zh: '端口或接口', en: 'Port or interface' },
  acceptance: { zh: '验收准则', en: 'Acceptance criteria' },
  threat: { zh: '威胁', en: 'Threat' },
  risk: { zh: '风险', en: 'Risk' },
  test: { zh: '测试', en: 'Test' },
};

/** Appendix 1: the 8 security control categories (B1), with the V.B.1 names first. */
export const CONTROL_CATEGORIES: Capability[] = [
  { code: 'AUTHN', en: 'Authentication', zh: '鉴别', synonyms: ['Authentication of information and entities', '身份鉴别', '认证', '身份认证'] },
  { code: 'AUTHZ', en: 'Authorization', zh: '授权', synonyms: ['Access control', '访问授权', '访问控制'] },
  { code: 'CRYPT', en: 'Cryptography', zh: '密码技术', synonyms: ['Encryption', '密码学', '加密'] },
  { code: 'INTEG', en: 'Code, Data, and Execution Integrity', zh: '代码、数据和执行完整性', synonyms: ['Code, data and execution integrity', 'Integrity', '完整性', '代码和数据完整性'] },
  { code: 'CONFID', en: 'Confidentiality', zh: '保密性', synonyms: ['Data confidentiality', '机密性', '数据保密性'] },
  { code: 'EVTLOG', en: 'Event Detection and Logging', zh: '事件检测与日志记录', synonyms: ['Event detection and logging', 'Logging', 'Security event logging', '事件检测和日志', '日志记录', '安全事件检测'] },
  { code: 'RESREC', en: 'Resiliency and Recovery', zh: '韧性与恢复', synonyms: ['Resilience and recovery', 'Cyber-resiliency', '弹性与恢复', '网络韧性'] },
  { code: 'UPDPAT', en: 'Updatability and Patchability', zh: '可更新性与可修补性', synonyms: ['Firmware and Software Updates', 'Updateability and patchability', 'Software updates', '固件和软件更新', '软件更新', '补丁与更新'] },
];

/**
 * §3.1: English titles compared word by word after numbering, case and width are folded; the
 * Chinese rules of §3a stay (prefixes 网络安全 …, suffixes 报告 …).
 */
export const FDA_ANSWERS: AnswerRules = {
  // §3.1: "Not-applicable words add, for English: N/A, NA (as a whole token), None, Not applicable, Not required".
  extraNotApplicable: true,
  prefixes: ['网络安全', '医疗器械', '产品'],
  suffixes: ['报告', '文档', '资料', '材料', '说明'],
  // No English conjunction: "Backup and restore" is one item, not two.
  conjunctions: ['以及', '和', '与', '及', '、'],
  typeWords: ['报告', '计划', '文档', '资料', '说明', '方案'],
  english: {
    leading: ['cybersecurity', 'security', 'medical device', 'device', 'product', 'the'],
    trailing: ['report', 'document', 'documentation', 'section', 'information'],
    dropped: ['and', '&', 'of', 'for', 'the'],
    spelling: {
      modelling: 'modeling',
      labelling: 'labeling',
      updateability: 'updatability',
      behaviour: 'behavior',
      analyse: 'analyze',
      organisation: 'organization',
    },
  },
};

/**
 * Not-applicable words of this rule set (requirements-fda-premarket-2025.md §3.1): a table cell or
 * SBOM value that is one of them without a reason (6 characters) is not given.
 */
export const NOT_APPLICABLE_WORDS_FDA = ['N/A', 'NA', 'None', 'Not applicable', 'Not required', '不适用', '无'];

/** §3.2: bare not-applicable cells of this rule set's tables. */
export const NA_CELLS = { words: NOT_APPLICABLE_WORDS_FDA, minReason: 6 };
/** The same, for tables whose cells may say "none" as an answer (a CWE, an authentication method: B3, K7). */
export const NA_CELLS_NONE_FILLS = { ...NA_CELLS, filled: ['None', '无'] };
