// NMPA 2022 ↔ FDA premarket 2025 (requirements-fda-premarket-2025.md §12). The mapping is the
// project's: neither text maps the other. It pairs requirements that ask for the same kind of
// evidence, not equivalent ones ([^xwalk]).

import type { Localized } from '../types';
import type { CapabilityRow, Crosswalk, CrosswalkRow } from './types';

const n = (en: string, zh: string): Localized => ({ zh, en });

const row = (from: string, to: string, note?: Localized): CrosswalkRow => ({
  from,
  to: to === '—' ? [] : to.split(',').map((s) => s.trim()),
  ...(note ? { note } : {}),
});

const rows: CrosswalkRow[] = [
  row('R1', '—', n('the device description is outside the cybersecurity section in an FDA submission', 'FDA 申报中器械描述不属于网络安全部分')),
  row('R1.1', 'K5', n('with 部分使用 (ots_usage: partial) the OTS components are described here (六（三）1（1））; FDA lists them in the SBOM', '部分使用方式（ots_usage: partial）时现成软件组件在此描述（六（三）1（1））；FDA 在 SBOM 中列出')),
  row('R1.1.1', '—', n('FDA scales with cybersecurity risk, not with a level (IV.D)', 'FDA 按网络安全风险而非安全性级别确定资料详略（IV.D）')),
  row('R1.2', 'B2'),
  row('R1.2.1', 'B2.1, B2.4', n('per 使用场景 ↔ security use case views', '按使用场景 ↔ 安全用例视图')),
  row('R1.2.2', 'B3', n('data, code and commands per communication path', '每条通信路径上的数据、代码和命令')),
  row('R1.2.3', 'B3, L3'),
  row('R1.2.4', 'B2.3, B2.4'),
  row('R1.2.5', '—', n('cross-border transfer of medical data is a Chinese legal requirement (数据出境安全评估); the FDA guidance has no such element', '医疗数据出境是中国法规要求（数据出境安全评估），FDA 指南无对应条目')),
  row('R1.3', 'B1', n('per capability: the table below', '逐项能力：见下表')),
  row('R1.4', 'K5', n('the SBOM carries the versions and patch levels', 'SBOM 载明版本和补丁级别')),
  row('R1.5', 'L1', n('anti-malware and firewall recommended to users; EVTLOG in B1', '向用户推荐的防恶意软件和防火墙；B1 中的 EVTLOG')),
  row('R2', '—', n('a heading of the NMPA report: its sub-items are compared', 'NMPA 研究报告的章节标题：逐项对照其下级条目')),
  row('R2.1', 'K1, K3'),
  row('R2.1.1', 'K2, K3', n('威胁建模 is named in 二（五） as a V&V method, not as an ID; its documents are the threat model (K2) and the risk analysis that identifies 资产、威胁、脆弱性 (R2.1.1)', '威胁建模在二（五）中是验证与确认方法而非条目；其文档为威胁模型（K2）和识别资产、威胁、脆弱性的风险分析（R2.1.1）')),
  row('R2.1.2', 'K1, K1.2'),
  row('R2.2', 'B1, E1'),
  row('R2.3', 'E1, E2, E3, E3.3, E3.6, E3.8, E4', n('二（五）’s methods: 威胁建模 → K2, 漏洞扫描 → E3.6, 渗透测试 → E4, 模糊测试 → E3.3, 源代码安全审核 → E3.8', '二（五）的方法：威胁建模 → K2，漏洞扫描 → E3.6，渗透测试 → E4，模糊测试 → E3.3，源代码安全审核 → E3.8')),
  row('R2.3.1', 'E1, E2, E3, E4'),
  row('R2.3.2', 'E1, E2, E3, E4, E5'),
  row('R2.3.3', '—', n('FDA asks for no compatibility test with security software; the anti-malware recommended to users is L1 (M6)', 'FDA 不要求安全软件兼容性测试；向用户推荐的防恶意软件见 L1（对应 M6）')),
  row('R2.3.4', '—', n('an NMPA declaration for standard protocols and formats; FDA asks for no declaration (interoperability is K4)', 'NMPA 对标准传输协议和存储格式的真实性声明；FDA 无声明类要求（互操作性见 K4）')),
  row('R2.3.5', 'E3.1', n('malformed and unexpected inputs of a private protocol', '私有协议的畸形和意外输入')),
  row('R2.3.6', 'E2', n('performance under maximum traffic, stability', '最大流量下的性能、稳定性')),
  row('R2.3.7', '—', n('radio-regulation evidence (SRRC type approval) is a Chinese requirement; FDA treats wireless coexistence outside the cybersecurity documentation', '无线电管理证明材料（SRRC 型号核准）是中国要求；FDA 在网络安全资料之外处理无线共存')),
  row('R2.4', 'K9'),
  row('R2.5', 'G', n('a kind letter alone is the document: present when a file of that kind exists in the FDA dossier', '仅写文档类别字母即指整份文档：FDA 资料中有该类别的文件即为已有')),
  row('R2.5.1', 'G5, G6, B2.3'),
  row('R2.5.2', 'G2, G8, G9, L4.2'),
  row('R2.5.3', 'B2.3, G6'),
  row('R3', 'K6'),
  row('R3.1', 'K6.1, E3.6', n('scanning tools and database ↔ E3’s tools', '扫描工具和漏洞库 ↔ E3 的工具')),
  row('R3.2', 'E4, E7', n('a third-party assessment ↔ penetration test by external testers and the original report', '第三方评估 ↔ 外部测试人员的渗透测试及其原始报告')),
  row('R3.3', 'E6, K6.3'),
  row('R4', 'K1.2'),
  row('M1', 'L11'),
  row('M2', 'L3'),
  row('M3', 'L11'),
  row('M4', 'L9, L10'),
  row('M5', 'L4'),
  row('M5.1', 'L4'),
  row('M5.2', 'L4'),
  row('M5.3', 'L4'),
  row('M6', 'L1'),
  row('M7', 'L6'),
  row('M8', 'L5, K5'),
];

const cap = (capability: string, to: string): CapabilityRow => ({ capability, to: to.split(',').map((s) => s.trim()) });

/** §12 «Capabilities ↔ control categories», in the guideline's order of the 22 capabilities. */
const capabilities: CapabilityRow[] = [
  cap('ALOF', 'AUTHZ'),
  cap('AUDT', 'EVTLOG'),
  cap('AUTH', 'AUTHZ'),
  cap('NAUT', 'AUTHN'),
  cap('PAUT', 'AUTHN'),
  cap('CONN', 'AUTHZ, B3'),
  cap('PLOK', 'INTEG'),
  cap('SAHD', 'INTEG, EVTLOG'),
  cap('DIDT', 'CONFID'),
  cap('IGAU', 'AUTHN, INTEG'),
  cap('DTBK', 'RESREC, L9'),
  cap('STCF', 'CONFID, CRYPT, INTEG'),
  cap('TXCF', 'CONFID, CRYPT'),
  cap('TXIG', 'INTEG, AUTHN'),
  cap('CSUP', 'UPDPAT'),
  cap('SBOM', 'K5, L5'),
  cap('RDMP', 'UPDPAT, K6.3'),
  cap('SGUD', 'L1, L4'),
  cap('CNFS', 'L11'),
  cap('EMRG', 'L8'),
  cap('RMOT', 'AUTHN, B2.4'),
  cap('MLDP', 'EVTLOG, L1'),
];

export const nmpa2022ToFda2025: Crosswalk = {
  id: 'nmpa-2022--fda-premarket-2025',
  source: 'nmpa-2022',
  target: 'fda-premarket-2025',
  name: n('NMPA 2022 ↔ FDA premarket 2025 crosswalk', 'NMPA 2022 ↔ FDA 上市前 2025 对照'),
  kinds: [{ prefix: 'R', mirror: { prefix: 'O', when: { fact: 'software.ots_usage', equals: 'full' } } }, { prefix: 'M' }],
  notCompared: {
    prefixes: ['F', 'U', 'Q', 'A', 'C', 'N'],
    reason: n(
      'The 2022 change kinds (F, U, Q, A, C) and the product technical requirements (N) are not compared: FDA’s modification documentation is not a change report.',
      '2022 版的变更类资料（F、U、Q、A、C）和产品技术要求（N）不作对照：FDA 的器械变更资料不是变更研究报告。',
    ),
  },
  rows,
  capabilities: { from: 'R1.3', to: 'B1', rows: capabilities },
  disclaimer: n(
    'The mapping is CyberDossier’s; neither text maps the other. It pairs requirements that ask for the same kind of evidence, not equivalent ones: “both” means both dossiers address the ground, not that one document can be reused unchanged.',
    '本对照由 CyberDossier 给出，两份文件均未相互对照。它把要求同类证据的条目配对，而非等同的条目：“两者均有”表示两份资料都涉及该内容，并不表示一份文档可原样复用。',
  ),
};
