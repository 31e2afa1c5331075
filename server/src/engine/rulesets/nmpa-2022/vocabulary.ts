// Table vocabulary and capabilities of the NMPA 2022 rule set (requirements-nmpa-2022.md §4).
//
// Column words are matched by containment after normalisation, and for each role the first header
// cell that contains one of its words wins (tables.ts columnMap). Words were chosen so that the
// roles of one table never fall on each other's cells in the guideline's own column order — see
// test/engine/catalogue-2022-data.test.ts, which maps every header the spec names.

import type { Capability, ColumnRole } from '../types';
import { COLUMNS } from '../common';

export const COLUMNS_2022: Record<ColumnRole, string[]> = {
  ...COLUMNS,
  // R1.2.2 data table: 数据类型 + 具体内容 / 功能 / 用途.
  datatype: ['数据类型', 'data type'],
  content: ['具体内容', '内容', 'content'],
  function: ['功能', 'function'],
  use: ['用途', 'use', 'purpose'],
  // R1.2.3 interface table. No `purpose` word may be contained in a `user` header: "Intended
  // user(s)" contains "intended use", which is why the English labels say "Users".
  interface: ['接口', 'interface'],
  user: ['预期用户', '用户', 'user'],
  scenario: ['使用场景', '场景', 'scenario'],
  purpose: ['预期用途', '用途', 'intended use', 'purpose'],
  technical: ['技术特征', '技术', 'technical'],
  limits: ['使用限制', '限制', 'limit', 'restriction'],
  // R1.5 security software: 防护规则配置要求.
  protection: ['防护规则', 'protection rule'],
  // R1.3 capability table.
  capability: ['能力', '编号', 'code', 'capabilit'],
  applicable: ['是否适用', '适用性', 'applicab'],
  implementation: ['实现', 'implement'],
  reason: ['理由', '原因', 'reason', 'justification'],
  explanation: ['说明', 'explanation', 'description'],
  // R2.4 traceability: the 源代码 group (明确软件单元名称即可).
  source: ['源代码', '代码', '软件单元', 'source', 'code', 'unit'],
  // R3 vulnerability tables.
  vulnerability: ['漏洞', '漏洞名称', '漏洞编号', 'cve', 'cnvd', 'cnnvd', 'vulnerabilit'],
  impact: ['影响', 'impact'],
  tool: ['工具', '漏洞库', 'tool', 'database'],
  // The drafted known-vulnerability table (cyberdossier vulns): its status column.
  status: ['状态', 'status'],
};

/**
 * The 22 capabilities of 二（四）, in the guideline's order: code, 2022 name, English name, and as
 * synonyms the IEC/TR 80001-2-2 (2017 guideline) name and its English form where they differ.
 */
export const CAPS_2022: [code: string, zh: string, en: string, synonyms: string[]][] = [
  ['ALOF', '自动注销', 'Automatic logoff', []],
  ['AUDT', '审核', 'Audit', ['审核控制', 'Audit controls']],
  ['AUTH', '授权', 'Authorization', ['Authorisation']],
  ['NAUT', '节点鉴别', 'Node authentication', ['网络节点鉴别']],
  ['PAUT', '人员鉴别', 'Person authentication', []],
  ['CONN', '连通性', 'Connectivity', ['Connectivity capabilities']],
  ['PLOK', '物理防护', 'Physical protection', ['物理锁', 'Physical locks']],
  ['SAHD', '系统加固', 'System hardening', ['系统与应用软件硬化', 'System and application hardening']],
  ['DIDT', '数据去标识化与匿名化', 'Data de-identification and anonymisation', ['健康数据身份信息去除', 'Health data de-identification']],
  ['IGAU', '数据完整性与真实性', 'Data integrity and authenticity', ['健康数据完整性与真实性', 'Health data integrity and authenticity']],
  ['DTBK', '数据备份与灾难恢复', 'Data backup and disaster recovery', []],
  ['STCF', '数据存储保密性与完整性', 'Data storage confidentiality and integrity', ['健康数据存储保密性', 'Health data storage confidentiality']],
  ['TXCF', '数据传输保密性', 'Transmission confidentiality', ['传输保密性']],
  ['TXIG', '数据传输完整性', 'Transmission integrity', ['传输完整性']],
  ['CSUP', '网络安全补丁升级', 'Cybersecurity patch upgrade', ['网络安全产品升级', 'Cyber security product upgrades']],
  ['SBOM', '现成软件清单', 'Software bill of materials', []],
  ['RDMP', '现成软件维护', 'OTS software maintenance', ['第三方组件维护计划', 'Roadmap for third party components']],
  ['SGUD', '网络安全使用指导', 'Cybersecurity guidance', ['安全指导', 'Security guidance']],
  ['CNFS', '网络安全特征配置', 'Configuration of cybersecurity features', ['安全特性配置', 'Configuration of security features']],
  ['EMRG', '紧急访问', 'Emergency access', []],
  ['RMOT', '远程访问与控制', 'Remote access and control', ['Remote service']],
  ['MLDP', '恶意软件探测与防护', 'Malware detection and protection', ['Malware detection/protection']],
];

export const capabilities2022: Capability[] = CAPS_2022.map(([code, zh, en, synonyms]) => ({ code, zh, en, synonyms }));
