// The content checks of requirements-fda-premarket-2025.md §4–§9, as data attached by ID.

import type { Check, CheckScope, Condition, Localized } from '../types';
import { CONTROL_CATEGORIES, NA_CELLS, NA_CELLS_NONE_FILLS } from './vocabulary';
import { HARDWARE_TYPES } from './hardware';
import { cyberDevice, multiPatientHarm, updatable, windows } from './conditions';

type ScopedCheck = Check & CheckScope;

/** K5 (§10.1): the SBOM table. The end-of-support comparison is §10's (the SBOM checks). */
export const SBOM_TABLE: ScopedCheck = {
  kind: 'listing-table',
  select: ['name', 'version'],
  required: ['supplier', 'name', 'version', 'identifier', 'support', 'eos'],
  version: 'version',
  rowKey: 'name',
  precedence: ['eos', 'support', 'justification', 'supplier', 'identifier', 'type', 'version', 'name'],
  notApplicableCells: NA_CELLS,
  // §10: hardware is not a software component and is never checked.
  skipRows: { role: 'type', values: HARDWARE_TYPES },
  columns: {
    eos: ['end of support', 'eos', 'support end', 'end of life', 'eol', '支持终止', '停止支持', '终止支持', '支持截止'],
    support: ['level of support', 'support level', 'support status', 'maintenance status', 'maintenance', '支持级别', '支持水平', '支持状态', '维护状态'],
    justification: ['justification', 'rationale', 'remark', 'note', 'comment', '理由', '说明', '备注'],
    supplier: ['supplier', 'vendor', 'manufacturer', '供应商', '厂商', '制造商', '生产商'],
    identifier: ['unique', 'identifier', 'id', 'purl', 'package url', 'cpe', 'swid', 'hash', '唯一标识', '标识符', '哈希'],
    type: ['type', 'category', 'kind', '类型', '类别'],
    version: ['version', '版本'],
    name: ['name', 'component', 'package', 'software', '名称', '组件', '软件'],
  },
};

/** K6.1: the known-vulnerability table (KEV rows are §10's known-exploited-vulnerability). */
export const KNOWN_VULNERABILITY_TABLE: ScopedCheck = {
  kind: 'listing-table',
  select: ['vulnerability'],
  required: ['discovery', 'assessment', 'control'],
  rowKey: 'vulnerability',
  precedence: ['kev', 'status', 'control', 'discovery', 'assessment', 'vulnerability'],
  notApplicableCells: NA_CELLS,
  columns: {
    kev: ['kev', 'known exploited', '已知被利用'],
    status: ['status', 'resolution', 'disposition', '状态', '处置状态'],
    discovery: ['discover', 'detect', 'found', 'source', 'method', '发现', '来源', '途径'],
    control: ['control', 'mitigation', 'remediation', 'countermeasure', 'compensating', '控制', '缓解', '措施', '修复'],
    assessment: ['assessment', 'impact', '评估', '影响'],
    vulnerability: ['vulnerabilit', 'cve', 'vuln', '漏洞'],
  },
};

/** K7: unresolved anomalies with their security impact and CWE. */
export const ANOMALY_TABLE: ScopedCheck = {
  kind: 'listing-table',
  select: ['anomaly'],
  required: ['security', 'cwe'],
  rowKey: 'anomaly',
  precedence: ['cwe', 'security', 'rationale', 'anomaly'],
  // §4 K7: "A CWE cell may say None / 无 — it is filled."
  notApplicableCells: NA_CELLS_NONE_FILLS,
  columns: {
    cwe: ['cwe'],
    security: ['security', 'cyber', '网络安全'],
    rationale: ['rationale', 'justification', 'reason', '理由'],
    anomaly: ['anomal', 'defect', 'bug', 'issue', '异常', '缺陷', '问题'],
  },
};

/** B3: the communication-path table (tier B). */
export const PATH_TABLE: ScopedCheck = {
  kind: 'listing-table',
  select: ['path'],
  required: ['content', 'protocol', 'authentication', 'cryptography'],
  rowKey: 'path',
  precedence: ['authentication', 'cryptography', 'protocol', 'content', 'path'],
  columnSeverity: 'warning',
  rowSeverity: 'warning',
  // §5 B3: 'A cell "none" / "无" is filled (the reviewer judges it; the checker does not).'
  notApplicableCells: NA_CELLS_NONE_FILLS,
  columns: {
    authentication: ['authenticat', '鉴别', '认证'],
    cryptography: ['cryptograph', 'crypto', 'encrypt', 'key management', '加密', '密码'],
    protocol: ['protocol', 'port', 'channel', 'frequenc', '协议', '端口', '信道', '频率', '频段'],
    content: ['data', 'code', 'command', 'content', '数据', '代码', '命令', '内容'],
    path: ['path', 'interface', 'connection', 'link', '路径', '接口', '连接', '链路'],
  },
};

/** E3, E4: the tools used, with version and settings (tier B; footnote 46). */
export const TOOLS_TABLE: ScopedCheck = {
  kind: 'listing-table',
  select: ['tool'],
  required: ['version', 'settings'],
  version: 'version',
  rowKey: 'tool',
  precedence: ['settings', 'version', 'tool'],
  columnSeverity: 'warning',
  rowSeverity: 'warning',
  // §6: "Required: version, settings (tier B: warning in normal mode)" although E3 and E4 are tier A.
  tier: 'B',
  notApplicableCells: NA_CELLS,
  columns: {
    settings: ['setting', 'configuration', 'config', 'option', 'parameter', '配置', '设置', '参数'],
    version: ['version', '版本'],
    tool: ['tool', 'scanner', 'fuzzer', '工具', '扫描器'],
  },
};

/** L3: the network ports and interfaces (tier B). */
export const PORTS_TABLE: ScopedCheck = {
  kind: 'listing-table',
  select: ['port'],
  required: ['function', 'direction', 'endpoint'],
  rowKey: 'port',
  precedence: ['direction', 'endpoint', 'function', 'port'],
  columnSeverity: 'warning',
  rowSeverity: 'warning',
  notApplicableCells: NA_CELLS,
  columns: {
    direction: ['direction', 'incoming', 'outgoing', 'inbound', 'outbound', '方向', '入站', '出站'],
    endpoint: ['destination', 'endpoint', 'end point', 'remote', '目的', '目标', '端点', '对端'],
    function: ['function', 'purpose', 'service', 'description', '功能', '用途', '服务', '说明'],
    port: ['port', 'interface', '端口', '接口'],
  },
};

/** K9: threat model, risk assessment, SBOM and tests traced — a table with *test* and one of *threat* or *risk* (§4). */
export const TRACEABILITY: ScopedCheck = { kind: 'traceability', select: ['test'], selectOneOf: ['threat', 'risk'], required: ['threat', 'risk', 'test'], notApplicableCells: NA_CELLS };

const YES = ['yes', 'y', 'applicable', '✓', '√', '是', '适用'];
const NO = ['no', 'n', 'not applicable', 'n/a', 'na', '✗', '×', '否', '不适用'];

/** B1: each of the 8 control categories addressed (Appendix 1). */
export const CONTROL_CATEGORIES_CHECK: ScopedCheck = {
  kind: 'capabilities',
  set: 'fda-premarket-2025',
  table: {
    select: ['category'],
    applicability: 'applicability',
    implementation: [],
    reason: ['reason'],
    // Interpretation: the requirements column also holds the reason of a not-applicable category
    // (the template says so), since the guidance asks for no separate reason column.
    shared: ['shared', 'implementation'],
    acceptance: 'acceptance',
    yes: YES,
    no: NO,
    minReason: 6,
    // §5: "any other applicability cell (empty included) is incomplete-row".
    answerRequired: true,
  },
  mustApply: [
    {
      capability: 'UPDPAT',
      when: { any: [cyberDevice, updatable] },
      message: {
        zh: 'UPDPAT（可更新性与可修补性）被答复为不适用，但 frontmatter 声明本器械是网络设备或可更新（cyber_device / update.mechanism）：524B(b)(2)(A)–(B) 要求网络设备提供更新和补丁',
        en: 'UPDPAT (updatability and patchability) is answered not applicable, but the facts say the device is a cyber device or is updated (cyber_device / update.mechanism): 524B(b)(2)(A)–(B) require cyber devices to make updates and patches available',
      },
    },
  ],
};
export const CATEGORY_CODES = CONTROL_CATEGORIES.map((c) => c.code);

const view = (en: string, zh: string): ScopedCheck => ({ kind: 'diagram', what: { zh, en } });

function naContradicts(when: Condition, fact: string, message: Localized, severity?: 'error'): ScopedCheck {
  return severity ? { kind: 'applies-when', when, fact, message, severity } : { kind: 'applies-when', when, fact, message };
}

/** A declared connection B3 must name (§5), by the words of the catalogue. */
const CONNECTION_WORDS: { fact: string; value: string; when: Condition; words: string[] }[] = [
  ['connectivity.wired', 'ethernet', ['Ethernet', 'LAN', 'RJ45', 'RJ-45', '以太网', '网口']],
  ['connectivity.wired', 'serial', ['serial', 'RS-232', 'RS232', 'RS-485', 'RS485', 'UART', '串口']],
  ['connectivity.wireless', 'wifi', ['Wi-Fi', 'WiFi', 'WLAN', '802.11', '无线局域网']],
  ['connectivity.wireless', 'bluetooth', ['Bluetooth', 'BLE', '蓝牙']],
  ['connectivity.wireless', 'cellular', ['cellular', 'LTE', '5G', '4G', '3G', 'GSM', 'NB-IoT', 'LTE-M', '蜂窝', '移动网络']],
  ['connectivity.wireless', 'nfc', ['NFC', '近场通信']],
  ['connectivity.wireless', 'inductive', ['inductive', 'induction', '磁感应', '电感耦合']],
].map(([fact, value, words]) => ({ fact: fact as string, value: value as string, when: { fact: fact as string, includes: value as string }, words: words as string[] }));
const FLAG_WORDS: { fact: string; words: string[] }[] = [
  { fact: 'connectivity.cloud', words: ['cloud', '云'] },
  { fact: 'connectivity.usb', words: ['USB'] },
  { fact: 'connectivity.removable_media', words: ['removable', 'SD card', 'microSD', 'CD', 'DVD', 'USB stick', 'USB drive', 'media', '存储介质', '移动存储', 'U盘', '光盘', 'SD卡'] },
];

const connectionNamed = (fact: string, value: string | undefined, when: Condition, words: string[]): ScopedCheck => ({
  kind: 'mentions',
  when,
  words,
  code: 'inconsistent-fact',
  // §5: data.fact the key, data.value the value (a flag's value is true).
  data: { fact, value: value ?? true },
  message: {
    zh: `frontmatter 声明了连接 ${fact}${value ? `: ${value}` : ''}，但通信路径与接口从未提及它：附录 2 要求列出器械的全部通信接口和路径（含未使用的接口）`,
    en: `${fact}${value ? ` includes ${value}` : ' is true'}, but the communication paths and interfaces never name it: Appendix 2 asks for every communication interface and path of the device, unused ones included`,
  },
});

export const CHECKS: Record<string, ScopedCheck[]> = {
  K3: [{ kind: 'risk-tables' }],
  K4: [
    {
      kind: 'mentions',
      when: { fact: 'connectivity.wireless', includes: 'bluetooth' },
      words: ['Bluetooth', 'BLE', '蓝牙'],
      code: 'inconsistent-fact',
      data: { fact: 'connectivity.wireless', value: 'bluetooth' },
      message: {
        zh: 'frontmatter 声明了蓝牙（connectivity.wireless: bluetooth），但互操作性考虑未提及蓝牙：V.A.3 以蓝牙为例，要求评估其下层通信之上是否需要额外的安全控制措施',
        en: 'connectivity.wireless includes bluetooth, but the interoperability considerations never name Bluetooth: V.A.3 takes it as its example — assess whether added security controls beneath such communication are needed',
      },
    },
  ],
  K5: [
    SBOM_TABLE,
    naContradicts(
      cyberDevice,
      'cyber_device',
      {
        zh: '软件物料清单被答复为不适用，但本器械是网络设备（cyber_device 三项均为 true）：“Section 524B(b)(3) of the FD&C Act requires manufacturers of cyber devices to provide an SBOM”——理由可以说明 SBOM 中的个别要素，不能免除网络设备的 SBOM',
        en: 'The SBOM is answered not applicable, but the device is a cyber device (all three cyber_device criteria are true): “Section 524B(b)(3) of the FD&C Act requires manufacturers of cyber devices to provide an SBOM” — a justification can excuse elements of the SBOM, never the SBOM of a cyber device',
      },
      'error',
    ),
  ],
  K6: [{ kind: 'risk-tables' }, KNOWN_VULNERABILITY_TABLE],
  K7: [ANOMALY_TABLE],
  K9: [TRACEABILITY],
  B1: [CONTROL_CATEGORIES_CHECK],
  'B2.1': [view('a global system view diagram', '全局系统视图图示')],
  'B2.2': [
    view('a multi-patient harm view diagram', '多患者伤害视图图示'),
    naContradicts(multiPatientHarm, 'multi_patient_harm', {
      zh: '多患者伤害视图被答复为不适用，但按 frontmatter 本器械可能造成多患者伤害（multi_patient_harm，或联网时默认如此）：V.B.2(b) 指出可连接其他产品、网络或互联网的器械存在多台器械同时受损的可能',
      en: 'The multi-patient harm view is answered not applicable, but by the facts the device can harm several patients (multi_patient_harm, or networked when it is absent): V.B.2(b) — devices that connect to other products, a network or the internet can be compromised together',
    }),
  ],
  'B2.3': [
    view('an updatability and patchability view diagram', '可更新性与可修补性视图图示'),
    naContradicts({ any: [cyberDevice, updatable] }, 'update.mechanism', {
      zh: '可更新性与可修补性视图被答复为不适用，但本器械是网络设备或可更新（cyber_device / update.mechanism）：524B(b)(2)(A)–(B) 要求网络设备提供更新和补丁',
      en: 'The updatability and patchability view is answered not applicable, but the device is a cyber device or is updated (cyber_device / update.mechanism): 524B(b)(2)(A)–(B) require cyber devices to make updates and patches available',
    }),
  ],
  'B2.4': [view('security use case view diagrams', '安全用例视图图示')],
  B3: [
    PATH_TABLE,
    ...CONNECTION_WORDS.map((c) => connectionNamed(c.fact, c.value, c.when, c.words)),
    ...FLAG_WORDS.map((c) => connectionNamed(c.fact, undefined, { fact: c.fact, equals: true }, c.words)),
  ],
  E3: [TOOLS_TABLE],
  E4: [TOOLS_TABLE],
  L1: [
    {
      kind: 'mentions',
      when: windows,
      words: ['anti-malware', 'antimalware', 'antivirus', 'anti-virus', 'malware', 'virus', '防病毒', '杀毒', '恶意软件', '防恶意软件'],
      code: 'inconsistent-fact',
      data: { fact: 'software.operating_systems', value: 'windows' },
      message: {
        zh: 'frontmatter 声明使用 Windows（software.operating_systems: windows），但推荐的网络安全控制措施未提及防恶意软件：附录 1 对使用 Windows 操作系统的器械建议“Antivirus/anti-malware is recommended on the device.”',
        en: 'software.operating_systems includes windows, but the recommended cybersecurity controls never mention anti-malware: Appendix 1 — “For devices that leverage Windows Operating System: Antivirus/anti-malware is recommended on the device.”',
      },
    },
  ],
  L2: [view('a diagram for users', '供用户使用的示意图')],
  L3: [PORTS_TABLE],
  // §9: the prior submission (change.prior_submission) named in H2's subtree, reported on H2.1.
  H2: [
    {
      kind: 'fact-text',
      fact: 'change.prior_submission',
      anchor: 'H2.1',
      message: {
        zh: '前次提交的引用未写明 frontmatter 中的前次提交 {value}（change.prior_submission）：VII.D.2 要求“a reference to the prior submission”，所引用的应是提供过管理计划的那次提交',
        en: 'The reference to the prior submission does not name {value}, the prior submission of the frontmatter (change.prior_submission): VII.D.2 asks for “a reference to the prior submission” that provided the plan',
      },
    },
  ],
  H1: [
    {
      kind: 'fact-named',
      facts: [{ fact: 'change.cybersecurity_impact' }],
      lineWords: ['impact', 'affect', 'cybersecurity', '影响', '网络安全'],
      what: { zh: '变更对网络安全的影响（change.cybersecurity_impact）', en: 'the cybersecurity impact of the change (change.cybersecurity_impact)' },
    },
  ],
};
