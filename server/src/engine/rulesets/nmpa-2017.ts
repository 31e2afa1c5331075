// NMPA 2017 《医疗器械网络安全注册技术审查指导原则》 as data (../../../../../shared/spec/requirements.md).
// Every requirement, condition, content check, submission case and text lives here; the rules
// interpret it. Quotes are the guideline's own words.

import schema from '../../../../schemas/frontmatter.nmpa-2017.schema.json';
import type { Capability, Condition, JsonSchema, Requirement, RuleSet, StatementElement } from './types';
import { COLUMNS, NMPA_ANSWERS, PRIVACY_WORDS, UNACCEPTABLE } from './common';

const standardInterface: Condition = {
  any: [
    { fact: 'interfaces.network.protocols', anyItem: { key: 'kind', equals: 'standard' } },
    { fact: 'interfaces.storage_media.formats', anyItem: { key: 'kind', equals: 'standard' } },
  ],
};
const customInterface: Condition = {
  any: [
    { fact: 'interfaces.network.protocols', anyItem: { key: 'kind', equals: 'custom' } },
    { fact: 'interfaces.storage_media.formats', anyItem: { key: 'kind', equals: 'custom' } },
  ],
};
const securitySoftware: Condition = {
  any: [
    { fact: 'security_software', equals: true },
    { all: [{ fact: 'security_software', absent: true }, { tableHasRows: ['D1.5'] }] },
  ],
};
const interfaceFacts = [
  { list: 'interfaces.network.protocols', key: 'name' },
  { list: 'interfaces.storage_media.formats', key: 'name' },
];

const OTS_TABLE_ZH =
  '| 名称 | 型号规格 | 完整版本 | 供应商 |\n| --- | --- | --- | --- |\n| <软件名称> | <型号规格> | <完整版本> | <供应商> |';
const OTS_TABLE_EN =
  '| Name | Model/spec | Full version | Vendor |\n| --- | --- | --- | --- |\n| <insert name> | <insert model> | <insert full version> | <insert vendor> |';

/** IEC/TR 80001-2-2:2012, the 19 capabilities the 2017 guideline names (三(二)). */
const CAPS_2012: [string, string, string][] = [
  ['ALOF', '自动注销', 'Automatic logoff'],
  ['AUDT', '审核控制', 'Audit controls'],
  ['AUTH', '授权', 'Authorization'],
  ['CNFS', '安全特性配置', 'Configuration of security features'],
  ['CSUP', '网络安全产品升级', 'Cyber security product upgrades'],
  ['DIDT', '健康数据身份信息去除', 'Health data de-identification'],
  ['DTBK', '数据备份与灾难恢复', 'Data backup and disaster recovery'],
  ['EMRG', '紧急访问', 'Emergency access'],
  ['IGAU', '健康数据完整性与真实性', 'Health data integrity and authenticity'],
  ['MLDP', '恶意软件探测与防护', 'Malware detection/protection'],
  ['NAUT', '网络节点鉴别', 'Node authentication'],
  ['PAUT', '人员鉴别', 'Person authentication'],
  ['PLOK', '物理锁', 'Physical locks on device'],
  ['RDMP', '第三方组件维护计划', 'Third-party components in product lifecycle roadmaps'],
  ['SAHD', '系统与应用软件硬化', 'System and application hardening'],
  ['SGUD', '安全指导', 'Security guides'],
  ['STCF', '健康数据存储保密性', 'Health data storage confidentiality'],
  ['TXCF', '传输保密性', 'Transmission confidentiality'],
  ['TXIG', '传输完整性', 'Transmission integrity'],
];

function req(r: Requirement): Requirement {
  return r;
}

const description: Requirement[] = [
  req({
    id: 'D1',
    title: { zh: '基本信息', en: 'Basic information' },
    synonyms: ['产品基本信息'],
    clause: '四(二)1',
    quote: '描述医疗器械产品的相关信息',
    gloss: 'Describe the cybersecurity-relevant information of the device.',
    content: { zh: '数据类型、功能、用途、交换方式、安全软件与现成软件。', en: 'Data types, functions, uses, exchange methods, security software and off-the-shelf software.' },
    template: { zh: '<概述产品网络安全相关信息>', en: '<insert an overview of the device>' },
  }),
  req({
    id: 'D1.1',
    title: { zh: '类型', en: 'Data types' },
    synonyms: ['数据类型'],
    clause: '四(二)1(1)',
    quote: '类型：健康数据、设备数据',
    gloss: 'Types: health data, device data.',
    content: { zh: '产品涉及的数据类型：健康数据和/或设备数据。', en: 'The data types the device handles: health data and/or device data.' },
    template: { zh: '<说明产品涉及的数据类型：健康数据、设备数据>', en: '<insert the data types: health data, device data>' },
  }),
  req({
    id: 'D1.2',
    title: { zh: '功能', en: 'Functions' },
    synonyms: ['网络安全相关功能', '数据交换与远程控制功能'],
    clause: '四(二)1(2)',
    quote: '功能：电子数据交换（单向、双向）、远程控制（实时、非实时）',
    gloss: 'Functions: electronic data exchange (one-way, two-way), remote control (real-time, non-real-time).',
    content: { zh: '电子数据交换（单向/双向）与远程控制（实时/非实时）。', en: 'Electronic data exchange (one-way/two-way) and remote control (real-time/non-real-time).' },
    template: { zh: '<说明电子数据交换（单向/双向）与远程控制（实时/非实时）功能>', en: '<insert data exchange and remote control functions>' },
  }),
  req({
    id: 'D1.3',
    title: { zh: '用途', en: 'Uses' },
    synonyms: ['预期用途', '数据用途'],
    clause: '四(二)1(3)',
    quote: '用途：如临床应用、设备维护等',
    gloss: 'Uses: e.g. clinical application, device maintenance.',
    content: { zh: '数据的用途，如临床应用、设备维护。', en: 'What the data is used for, e.g. clinical use, maintenance.' },
    template: { zh: '<说明数据用途，如临床应用、设备维护>', en: '<insert the uses of the data>' },
  }),
  req({
    id: 'D1.4',
    title: { zh: '交换方式', en: 'Exchange methods' },
    synonyms: ['数据交换方式', '接口'],
    clause: '四(二)1(4)',
    quote:
      '交换方式：网络（无线网络、有线网络）及要求（如传输协议（标准、自定义）、接口、带宽等），存储媒介（如光盘、移动硬盘、U盘等）及要求（如存储格式（标准、自定义）、容量等）',
    gloss: 'Exchange methods: network (wireless, wired) and its requirements (protocols, interfaces, bandwidth); storage media and their requirements (formats, capacity).',
    content: {
      zh: '网络（有线/无线）及传输协议、接口、带宽；存储媒介及存储格式、容量。frontmatter 中声明的每个协议和格式都应在此列出。',
      en: 'Network (wired/wireless) with protocols, interfaces and bandwidth; storage media with formats and capacity. Every protocol and format of the frontmatter is named here.',
    },
    template: { zh: '<说明网络及传输协议、接口、带宽；存储媒介及存储格式、容量>', en: '<insert network and storage media with protocols, formats, bandwidth, capacity>' },
    checks: [{ kind: 'lists-facts', facts: interfaceFacts }],
  }),
  req({
    id: 'D1.4.1',
    title: { zh: '无线电管理符合性', en: 'Radio regulatory compliance' },
    synonyms: ['无线电管理', '无线电型号核准', 'SRRC', '符合无线电管理规定的证明材料'],
    condition: { fact: 'interfaces.network.dedicated_wireless', equals: true },
    clause: '四(二)1(4), 三(一)',
    quote: '对于专用无线设备（非通用信息技术设备），还应提交符合无线电管理规定的证明材料',
    gloss: 'For dedicated wireless devices (not general IT equipment), evidence of compliance with radio regulations must also be submitted.',
    content: { zh: '符合无线电管理规定的证明材料（如无线电发射设备型号核准证）。', en: 'Evidence of radio regulatory compliance (e.g. SRRC type approval).' },
    template: { zh: '<提供无线电发射设备型号核准等证明材料>', en: '<insert radio type approval evidence>' },
  }),
  req({
    id: 'D1.5',
    title: { zh: '安全软件', en: 'Security software' },
    synonyms: ['网络安全软件', '杀毒软件与防火墙'],
    clause: '四(二)1(5)',
    quote: '安全软件：描述安全软件（如杀毒软件、防火墙等）的名称、型号规格、完整版本、供应商、运行环境要求',
    gloss: 'Security software: name, model/specification, full version, vendor and runtime requirements of the security software (antivirus, firewall, …).',
    content: {
      zh: '安全软件表格：名称、型号规格、完整版本、供应商、运行环境要求；无安全软件时答“无”并说明理由。',
      en: 'A table of security software: name, model/spec, full version, vendor, runtime requirements; answer "none" with a reason if there is none.',
    },
    template: {
      zh: '| 名称 | 型号规格 | 完整版本 | 供应商 | 运行环境要求 |\n| --- | --- | --- | --- | --- |\n| <软件名称> | <型号规格> | <完整版本> | <供应商> | <运行环境要求> |',
      en: '| Name | Model/spec | Full version | Vendor | Runtime requirements |\n| --- | --- | --- | --- | --- |\n| <insert name> | <insert model> | <insert full version> | <insert vendor> | <insert runtime requirements> |',
    },
    checks: [{ kind: 'listing-table', select: ['name'], required: ['name', 'model', 'version', 'vendor', 'runtime'], version: 'version' }],
  }),
  req({
    id: 'D1.6',
    title: { zh: '现成软件', en: 'Off-the-shelf software' },
    synonyms: ['OTS 软件', '现成软件清单', 'SOUP', '第三方软件'],
    clause: '四(二)1(6)',
    quote: '现成软件：描述现成软件（包括应用软件、系统软件、支持软件）的名称、型号规格、完整版本和供应商',
    gloss: 'Off-the-shelf software (application, system and support software): name, model/specification, full version and vendor.',
    content: {
      zh: '现成软件表格（应用软件、系统软件、支持软件）：名称、型号规格、完整版本、供应商。',
      en: 'A table of off-the-shelf software (application, system, support): name, model/spec, full version, vendor.',
    },
    template: { zh: OTS_TABLE_ZH, en: OTS_TABLE_EN },
    checks: [{ kind: 'listing-table', select: ['name'], required: ['name', 'model', 'version', 'vendor'], version: 'version' }],
  }),
  req({
    id: 'D2',
    title: { zh: '风险管理', en: 'Risk management' },
    synonyms: ['网络安全风险管理'],
    clause: '四(二)2',
    quote: '提供医疗器械网络安全风险管理的分析报告和总结报告，确保全部剩余风险均是可接受的',
    gloss: 'Provide the cybersecurity risk analysis report and summary report, ensuring that all residual risks are acceptable.',
    content: {
      zh: '识别资产、威胁、脆弱性，评估影响与可能性，确定风险水平与控制措施，基于接受准则评估剩余风险；全部剩余风险均应可接受。',
      en: 'Assets, threats, vulnerabilities, impact and likelihood, risk level, controls, and residual risk against acceptance criteria; every residual risk acceptable.',
    },
    template: { zh: '<概述网络安全风险管理过程>', en: '<insert an overview of cybersecurity risk management>' },
    checks: [{ kind: 'risk-tables' }],
  }),
  req({
    id: 'D2.1',
    title: { zh: '风险分析报告', en: 'Risk analysis report' },
    synonyms: ['网络安全风险分析', '风险分析', '网络安全风险管理的分析报告', '风险管理分析报告'],
    clause: '四(二)2, 二',
    quote: '识别资产（asset，对个人或组织有价值的任何东西）、威胁（threat，可能导致对个人或组织产生损害的非预期事件发生的潜在原因）和脆弱性（vulnerability，可能会被威胁所利用的资产或风险控制措施的弱点），评估威胁和脆弱性对于医疗器械产品和患者的影响以及被利用的可能性，确定风险水平并采取适宜的风险控制措施',
    gloss: 'Identify assets, threats and vulnerabilities; assess impact and likelihood; determine the risk level and apply risk controls.',
    content: { zh: '风险分析：资产、威胁、脆弱性、影响、可能性、风险水平、控制措施、剩余风险。', en: 'Risk analysis: assets, threats, vulnerabilities, impact, likelihood, risk level, controls, residual risk.' },
    template: {
      zh: '| 风险编号 | 威胁 | 脆弱性 | 风险水平 | 控制措施 | 剩余风险 | 是否可接受 |\n| --- | --- | --- | --- | --- | --- | --- |\n| <R-001> | <威胁> | <脆弱性> | <风险水平> | <控制措施> | <剩余风险> | <可接受> |',
      en: '| Risk ID | Threat | Vulnerability | Risk level | Control | Residual risk | Acceptable |\n| --- | --- | --- | --- | --- | --- | --- |\n| <insert R-001> | <insert threat> | <insert vulnerability> | <insert level> | <insert control> | <insert residual risk> | <insert yes> |',
    },
  }),
  req({
    id: 'D2.2',
    title: { zh: '风险管理总结报告', en: 'Risk management summary report' },
    synonyms: ['总结报告', '风险总结', '剩余风险评价', '网络安全风险管理的总结报告', '风险管理报告', '网络安全风险管理报告'],
    clause: '四(二)2',
    quote: '提供医疗器械网络安全风险管理的分析报告和总结报告，确保全部剩余风险均是可接受的',
    gloss: 'Provide the risk management summary report; all residual risks must be acceptable.',
    content: { zh: '风险管理总结：剩余风险评价，结论为全部剩余风险均可接受。', en: 'Summary: evaluation of residual risk, concluding that all residual risks are acceptable.' },
    template: { zh: '<总结剩余风险评价结论>', en: '<insert the residual risk evaluation>' },
  }),
  req({
    id: 'D3',
    title: { zh: '验证与确认', en: 'Verification and validation' },
    synonyms: ['验证和确认', '测试'],
    clause: '四(二)3',
    quote: '提供网络安全测试计划和报告，证明医疗器械产品的网络安全需求（如保密性、完整性、可得性等特性）均已得到满足',
    gloss: 'Provide the cybersecurity test plan and report proving that the cybersecurity requirements (confidentiality, integrity, availability, …) are met.',
    content: { zh: '测试计划、测试报告与可追溯性分析，以及按条件要求的兼容性、标准符合性、完整性与可得性测试。', en: 'Test plan, test report and traceability, plus the conditional compatibility, conformance and integrity/availability evidence.' },
    template: { zh: '<概述网络安全验证与确认>', en: '<insert an overview of verification and validation>' },
  }),
  req({
    id: 'D3.1',
    title: { zh: '网络安全测试计划', en: 'Cybersecurity test plan' },
    synonyms: ['测试计划'],
    clause: '四(二)3',
    quote: '提供网络安全测试计划和报告',
    gloss: 'Provide the cybersecurity test plan.',
    content: { zh: '网络安全测试计划：测试范围、方法、环境与通过准则。', en: 'The cybersecurity test plan: scope, methods, environment and pass criteria.' },
    template: { zh: '<网络安全测试计划：范围、方法、环境、通过准则>', en: '<insert the test plan: scope, methods, environment, pass criteria>' },
  }),
  req({
    id: 'D3.2',
    title: { zh: '网络安全测试报告', en: 'Cybersecurity test report' },
    synonyms: ['测试报告'],
    clause: '四(二)3',
    quote: '提供网络安全测试计划和报告，证明医疗器械产品的网络安全需求（如保密性、完整性、可得性等特性）均已得到满足',
    gloss: 'Provide the cybersecurity test report proving the requirements are met.',
    content: { zh: '网络安全测试报告：测试结果证明网络安全需求均已满足。', en: 'The cybersecurity test report: results showing every cybersecurity requirement is met.' },
    template: { zh: '<网络安全测试报告：测试结果与结论>', en: '<insert the test results and conclusion>' },
  }),
  req({
    id: 'D3.3',
    title: { zh: '可追溯性分析报告', en: 'Traceability analysis report' },
    synonyms: ['可追溯性分析', '追溯性分析', '追溯关系表'],
    clause: '四(二)3',
    quote: '提供网络安全可追溯性分析报告，即追溯网络安全需求规范、设计规范、测试、风险管理的关系表',
    gloss: 'Provide the traceability analysis report: the table relating cybersecurity requirements, design, tests and risk management.',
    content: { zh: '追溯表：需求 ↔ 设计 ↔ 测试 ↔ 风险，每行完整。', en: 'A table relating requirement ↔ design ↔ test ↔ risk, every row complete.' },
    template: {
      zh: '| 需求编号 | 设计编号 | 测试编号 | 风险编号 |\n| --- | --- | --- | --- |\n| <SR-001> | <SD-001> | <TC-001> | <R-001> |',
      en: '| Requirement | Design | Test | Risk |\n| --- | --- | --- | --- |\n| <insert SR-001> | <insert SD-001> | <insert TC-001> | <insert R-001> |',
    },
    checks: [{ kind: 'traceability', select: ['requirement', 'test'], required: ['requirement', 'design', 'test', 'risk'] }],
  }),
  req({
    id: 'D3.4',
    title: { zh: '安全软件兼容性测试报告', en: 'Security software compatibility test report' },
    synonyms: ['兼容性测试报告', '兼容性测试'],
    condition: securitySoftware,
    clause: '四(二)3',
    quote: '对于安全软件，应提供兼容性测试报告',
    gloss: 'For security software, a compatibility test report must be provided.',
    content: { zh: '安全软件与产品的兼容性测试报告。', en: 'The compatibility test report of the security software with the device.' },
    template: { zh: '<安全软件兼容性测试报告>', en: '<insert the compatibility test report>' },
  }),
  req({
    id: 'D3.5',
    title: { zh: '标准符合性证明', en: 'Standards conformance evidence' },
    synonyms: ['标准符合性证明材料', '标准协议符合性'],
    condition: standardInterface,
    clause: '四(二)3',
    quote: '对于标准传输协议或存储格式，应提供标准符合性证明材料',
    gloss: 'For standard transmission protocols or storage formats, evidence of conformance to the standard must be provided.',
    content: { zh: '标准传输协议/存储格式的标准符合性证明材料。', en: 'Conformance evidence for each standard protocol or format.' },
    template: { zh: '<标准传输协议/存储格式的符合性证明材料>', en: '<insert conformance evidence for standard protocols/formats>' },
  }),
  req({
    id: 'D3.6',
    title: { zh: '完整性测试总结报告', en: 'Integrity test summary report' },
    synonyms: ['自定义协议完整性测试', '自定义协议完整性测试总结报告', '自定义传输协议完整性测试总结报告'],
    condition: customInterface,
    clause: '四(二)3',
    quote: '对于自定义传输协议或存储格式，应提供完整性测试总结报告',
    gloss: 'For custom transmission protocols or storage formats, an integrity test summary report must be provided.',
    content: { zh: '自定义传输协议/存储格式的完整性测试总结报告。', en: 'The integrity test summary for each custom protocol or format.' },
    template: { zh: '<自定义协议/格式的完整性测试总结报告>', en: '<insert the integrity test summary for custom protocols/formats>' },
  }),
  req({
    id: 'D3.7',
    title: { zh: '完整性和可得性测试报告', en: 'Integrity and availability test report' },
    synonyms: ['实时远程控制测试报告', '完整性与可得性测试'],
    condition: { fact: 'functions.remote_control', equals: 'realtime' },
    clause: '四(二)3',
    quote: '对于实时远程控制功能，应提供完整性和可得性测试报告',
    gloss: 'For real-time remote control, an integrity and availability test report must be provided.',
    content: { zh: '实时远程控制功能的完整性和可得性测试报告。', en: 'The integrity and availability test report of the real-time remote control.' },
    template: { zh: '<实时远程控制的完整性和可得性测试报告>', en: '<insert the integrity and availability test report>' },
  }),
  req({
    id: 'D4',
    title: { zh: '维护计划', en: 'Maintenance plan' },
    synonyms: ['网络安全维护计划', '网络安全更新维护流程'],
    clause: '四(二)4',
    quote: '描述软件（含现成软件）网络安全更新的维护流程，包括更新确认和用户告知',
    gloss: 'Describe the maintenance process for cybersecurity updates of the software (including OTS), including update verification and user notification.',
    content: { zh: '网络安全更新的维护流程：更新确认、用户告知、版本命名规则。', en: 'The maintenance process for cybersecurity updates: verification, user notification, version naming.' },
    template: { zh: '<网络安全更新维护流程>', en: '<insert the maintenance process>' },
  }),
  req({
    id: 'D4.1',
    title: { zh: '更新确认', en: 'Update verification' },
    synonyms: ['更新的确认', '更新验证与确认'],
    clause: '四(二)4',
    quote: '包括更新确认和用户告知',
    gloss: 'Including verification of updates.',
    content: { zh: '网络安全更新（含现成软件补丁）的验证与确认方法。', en: 'How each cybersecurity update (including OTS patches) is verified and validated.' },
    template: { zh: '<更新的验证与确认流程>', en: '<insert how updates are verified>' },
  }),
  req({
    id: 'D4.2',
    title: { zh: '用户告知', en: 'User notification' },
    synonyms: ['用户通知', '用户告知计划'],
    clause: '四(二)4',
    quote: '包括更新确认和用户告知',
    gloss: 'Including notification of users.',
    content: { zh: '如何及时将网络安全信息告知用户。', en: 'How users are told about cybersecurity updates.' },
    template: { zh: '<用户告知方式与时限>', en: '<insert how users are notified>' },
  }),
  req({
    id: 'D4.3',
    title: { zh: '软件版本命名规则', en: 'Software version naming rule' },
    synonyms: ['版本命名规则'],
    // 四(一) says only that the naming rule considers cybersecurity updates, not where it goes.
    placement: 'document',
    clause: '四(一)',
    missingSeverity: 'warning',
    quote: '软件版本命名规则应考虑网络安全更新的情况',
    gloss: 'The software version naming rule shall take cybersecurity updates into account.',
    content: { zh: '软件版本命名规则如何体现重大与轻微网络安全更新。', en: 'How the version naming rule reflects major and minor cybersecurity updates.' },
    template: { zh: '<软件版本命名规则及其对网络安全更新的体现>', en: '<insert the version naming rule>' },
    // 四(一): the rule considers cybersecurity updates, which that clause divides into 重大 and 轻微.
    checks: [
      {
        kind: 'requires-words',
        code: 'version-rule-incomplete',
        groups: [
          { words: ['重大', 'major'], label: { zh: '重大网络安全更新', en: 'major cybersecurity updates' } },
          // 四(一)2: 轻微 updates are such as 常规安全补丁.
          { words: ['轻微', 'minor', '补丁', 'patch'], label: { zh: '轻微网络安全更新', en: 'minor cybersecurity updates' } },
        ],
        message: {
          zh: '软件版本命名规则应考虑网络安全更新的情况：四(一)将网络安全更新分为重大与轻微两类，命名规则应写明两者如何体现',
          en: 'The software version naming rule must take cybersecurity updates into account: 四(一) divides them into major and minor, and the rule must say how each shows in the version',
        },
      },
    ],
  }),
  req({
    id: 'D5',
    title: { zh: '网络安全能力', en: 'Cybersecurity capabilities' },
    synonyms: ['IEC/TR 80001-2-2 网络安全能力', '安全能力'],
    clause: '三(二)',
    missingSeverity: 'hint',
    quote: '医疗器械网络安全能力建设可参照相关的国际、国家标准和技术报告，如IEC/TR 80001-2-2规范了十九项网络安全能力',
    gloss: 'Cybersecurity capabilities may follow IEC/TR 80001-2-2, which defines nineteen capabilities (recommended).',
    content: { zh: 'IEC/TR 80001-2-2 的十九项网络安全能力逐项说明：适用及实现方式，或不适用及理由。', en: 'Each of the 19 IEC/TR 80001-2-2 capabilities: applicable and how, or not applicable and why.' },
    template: {
      zh: ['| 编号 | 网络安全能力 | 是否适用 | 实现方式或不适用理由 |', '| --- | --- | --- | --- |', ...CAPS_2012.map(([c, zh]) => `| ${c} | ${zh} | <是/否> | <实现方式或不适用理由> |`)].join('\n'),
      en: ['| Code | Capability | Applicable | How, or why not |', '| --- | --- | --- | --- |', ...CAPS_2012.map(([c, , en]) => `| ${c} | ${en} | <insert yes/no> | <insert how, or why not> |`)].join('\n'),
    },
    checks: [{ kind: 'capabilities', set: 'iec-80001-2-2:2012' }],
  }),
];

const patch: Requirement[] = [
  req({
    id: 'P1',
    title: { zh: '补丁描述', en: 'Patch description' },
    synonyms: ['补丁说明', '补丁清单'],
    clause: '四(三)',
    quote: '提交软件（含现成软件）常规安全补丁的情况说明（补丁描述、影响分析、用户告知计划）',
    gloss: 'Describe the routine security patches of the software (including OTS): patch description, impact analysis, user notification plan.',
    content: { zh: '补丁表格：每个补丁的名称/编号、完整版本与日期。', en: 'A table of each patch with name/ID, full version and date.' },
    template: {
      zh: '| 补丁名称 | 完整版本 | 发布日期 |\n| --- | --- | --- |\n| <补丁名称或编号> | <完整版本> | <发布日期> |',
      en: '| Patch | Full version | Release date |\n| --- | --- | --- |\n| <insert patch name or ID> | <insert full version> | <insert release date> |',
    },
    checks: [{ kind: 'listing-table', select: ['name'], required: ['name', 'version', 'date'], version: 'version' }],
  }),
  req({
    id: 'P2',
    title: { zh: '影响分析', en: 'Impact analysis' },
    synonyms: ['补丁影响分析'],
    clause: '四(三)',
    quote: '常规安全补丁的情况说明（补丁描述、影响分析、用户告知计划）',
    gloss: 'Impact analysis of the routine security patches.',
    content: { zh: '补丁对产品安全性与有效性的影响分析。', en: 'How the patches affect safety and effectiveness.' },
    template: { zh: '<补丁对安全性与有效性的影响分析>', en: '<insert the impact analysis>' },
  }),
  req({
    id: 'P3',
    title: { zh: '用户告知计划', en: 'User notification plan' },
    synonyms: ['用户告知'],
    clause: '四(三)',
    quote: '常规安全补丁的情况说明（补丁描述、影响分析、用户告知计划）',
    gloss: 'User notification plan for the patches.',
    content: { zh: '补丁的用户告知计划。', en: 'How users are told about the patches.' },
    template: { zh: '<补丁用户告知计划>', en: '<insert the user notification plan>' },
  }),
  req({
    id: 'P4',
    title: { zh: '测试计划与报告', en: 'Test plan and report' },
    synonyms: ['测试计划和报告', '测试计划及报告'],
    clause: '四(三)',
    quote: '测试计划与报告',
    gloss: 'Test plan and report of the patches.',
    content: { zh: '补丁的测试计划与测试报告。', en: 'The test plan and report for the patches.' },
    template: { zh: '<补丁测试计划与报告>', en: '<insert the test plan and report>' },
  }),
  req({
    id: 'P5',
    title: { zh: '新增已知剩余缺陷情况说明', en: 'New known residual defects' },
    synonyms: ['新增已知剩余缺陷', '剩余缺陷说明'],
    clause: '四(三)',
    quote: '新增已知剩余缺陷情况说明（证明新增风险均是可接受的）',
    gloss: 'Statement of new known residual defects, proving that every new risk is acceptable.',
    content: { zh: '新增已知剩余缺陷，并证明新增风险均可接受。', en: 'New known residual defects, showing every new risk is acceptable.' },
    template: { zh: '<新增已知剩余缺陷及其风险可接受性说明>', en: '<insert new residual defects and why their risks are acceptable>' },
    checks: [{ kind: 'risk-tables' }],
  }),
];

const statementElements: StatementElement[] = [
  {
    item: 'no-update',
    patterns: ['未发生网络安全更新', '无网络安全更新', '没有发生网络安全更新', '未进行网络安全更新', 'no cybersecurity update', 'no cyber-security update'],
    label: { zh: '未发生网络安全更新的声明', en: 'the statement that no cybersecurity update occurred' },
    template: { zh: '本申请人声明：自上次注册以来，本产品未发生网络安全更新。', en: 'The applicant declares that no cybersecurity update (未发生网络安全更新) has occurred since the last registration.' },
  },
  {
    item: 'applicant',
    patterns: ['(?:申请人|注册人|applicant)\\s*(?:[（(][^）)]*[）)])?\\s*[:：]\\s*\\S'],
    label: { zh: '申请人（注册人）名称', en: 'the applicant’s name' },
    template: { zh: '申请人：<申请人名称>', en: 'Applicant: {{insert applicant name}}' },
  },
  {
    item: 'date',
    patterns: ['\\d{4}-\\d{1,2}-\\d{1,2}', '\\d{4}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日', '\\d{4}/\\d{1,2}/\\d{1,2}'],
    label: { zh: '日期', en: 'a date' },
    template: { zh: '日期：{today}', en: 'Date: {today}' },
  },
];

const authenticity: Requirement[] = [
  req({
    id: 'S1',
    title: { zh: '真实性声明', en: 'Authenticity statement' },
    synonyms: [],
    clause: '五(二)1(3)',
    wholeDocument: true,
    quote: '未发生网络安全更新：出具真实性声明',
    gloss: 'No cybersecurity update has occurred: issue an authenticity statement.',
    content: {
      zh: '声明自上次注册以来未发生网络安全更新，写明申请人（注册人）并注明日期。',
      en: 'States that no cybersecurity update has occurred since the last registration, names the applicant and carries a date.',
    },
    template: {
      zh: '本申请人声明：自上次注册以来，本产品未发生网络安全更新。\n\n申请人：<申请人名称>\n\n日期：<签署日期，如 2024-03-18>',
      en: 'The applicant declares that no cybersecurity update has occurred since the last registration.\n\nApplicant: {{insert applicant name}}\n\nDate: {{insert the date, e.g. 2024-03-18}}',
    },
    checks: [{ kind: 'statement', elements: statementElements }],
  }),
];

const technical: Requirement[] = [
  req({
    id: 'T1',
    title: { zh: '数据接口', en: 'Data interfaces' },
    synonyms: ['数据接口要求'],
    clause: '五(一)2(1)',
    quote: '数据接口：传输协议/存储格式',
    gloss: 'Data interfaces: transmission protocols / storage formats.',
    content: { zh: '传输协议与存储格式的性能指标；frontmatter 中的每个协议与格式都应在此列出。', en: 'Performance requirements for protocols and formats; every protocol and format of the frontmatter is named here.' },
    template: { zh: '<数据接口要求>', en: '<insert data interface requirements>' },
    checks: [{ kind: 'lists-facts', facts: interfaceFacts }],
  }),
  req({
    id: 'T1.1',
    title: { zh: '传输协议', en: 'Transmission protocols' },
    synonyms: ['通信协议'],
    condition: { fact: 'interfaces.network', present: true },
    clause: '五(一)2(1)',
    quote: '数据接口：传输协议/存储格式',
    gloss: 'Data interfaces: transmission protocols.',
    content: { zh: '传输协议要求。', en: 'Requirements for the transmission protocols.' },
    template: { zh: '<传输协议要求>', en: '<insert transmission protocol requirements>' },
  }),
  req({
    id: 'T1.2',
    title: { zh: '存储格式', en: 'Storage formats' },
    synonyms: ['数据存储格式'],
    condition: { fact: 'interfaces.storage_media', present: true },
    clause: '五(一)2(1)',
    quote: '数据接口：传输协议/存储格式',
    gloss: 'Data interfaces: storage formats.',
    content: { zh: '存储格式要求。', en: 'Requirements for the storage formats.' },
    template: { zh: '<存储格式要求>', en: '<insert storage format requirements>' },
  }),
  req({
    id: 'T2',
    title: { zh: '用户访问控制', en: 'User access control' },
    synonyms: ['访问控制'],
    clause: '五(一)2(2)',
    quote: '用户访问控制：用户身份鉴别方法、用户类型及权限',
    gloss: 'User access control: user authentication method, user types and permissions.',
    content: { zh: '用户身份鉴别方法、用户类型及权限。', en: 'User authentication, user types and permissions.' },
    template: { zh: '<用户访问控制要求>', en: '<insert user access control requirements>' },
  }),
  req({
    id: 'T2.1',
    title: { zh: '用户身份鉴别方法', en: 'User authentication method' },
    synonyms: ['身份鉴别', '用户鉴别'],
    clause: '五(一)2(2)',
    quote: '用户访问控制：用户身份鉴别方法、用户类型及权限',
    gloss: 'User authentication method.',
    content: { zh: '用户身份鉴别方法（如用户名、口令）。', en: 'How users are authenticated (user name, password, …).' },
    template: { zh: '<用户身份鉴别方法>', en: '<insert the authentication method>' },
  }),
  req({
    id: 'T2.2',
    title: { zh: '用户类型及权限', en: 'User types and permissions' },
    synonyms: ['用户类型与权限', '用户角色及权限'],
    clause: '五(一)2(2)',
    quote: '用户访问控制：用户身份鉴别方法、用户类型及权限',
    gloss: 'User types and permissions.',
    content: { zh: '用户类型（如系统管理员、普通用户、维护人员）及其权限。', en: 'User types (administrator, user, service) and their permissions.' },
    template: { zh: '<用户类型及权限>', en: '<insert user types and permissions>' },
  }),
];

const ifuQuote =
  '说明书应提供关于网络安全的相关说明，明确运行环境（含硬件配置、软件环境和网络条件）、安全软件（如杀毒软件、防火墙等）、数据与设备（系统）接口、用户访问控制机制、软件环境（含系统软件、支持软件、应用软件）与安全软件更新的相关要求';
const ifuGloss =
  'The IFU states the operating environment (hardware, software, network), security software, data and device (system) interfaces, user access control, and software environment and security software updates.';

const instructions: Requirement[] = [
  req({
    id: 'I1',
    title: { zh: '运行环境', en: 'Operating environment' },
    synonyms: ['运行环境要求'],
    clause: '五(一)3',
    quote: ifuQuote,
    gloss: ifuGloss,
    content: { zh: '运行环境：硬件配置、软件环境和网络条件。', en: 'Operating environment: hardware, software and network.' },
    template: { zh: '<运行环境要求>', en: '<insert the operating environment>' },
  }),
  req({
    id: 'I1.1',
    title: { zh: '硬件配置', en: 'Hardware configuration' },
    synonyms: ['硬件要求'],
    clause: '五(一)3',
    quote: ifuQuote,
    gloss: ifuGloss,
    content: { zh: '硬件配置要求。', en: 'Hardware requirements.' },
    template: { zh: '<硬件配置要求>', en: '<insert hardware requirements>' },
  }),
  req({
    id: 'I1.2',
    title: { zh: '软件环境', en: 'Software environment' },
    synonyms: ['软件要求'],
    clause: '五(一)3',
    quote: ifuQuote,
    gloss: ifuGloss,
    content: { zh: '软件环境要求（系统软件、支持软件、应用软件）。', en: 'Software environment (system, support, application software).' },
    template: { zh: '<软件环境要求>', en: '<insert software requirements>' },
  }),
  req({
    id: 'I1.3',
    title: { zh: '网络条件', en: 'Network conditions' },
    synonyms: ['网络要求', '网络环境'],
    clause: '五(一)3',
    quote: ifuQuote,
    gloss: ifuGloss,
    content: { zh: '网络条件要求。', en: 'Network requirements.' },
    template: { zh: '<网络条件要求>', en: '<insert network requirements>' },
  }),
  req({
    id: 'I2',
    title: { zh: '安全软件', en: 'Security software' },
    synonyms: ['杀毒软件与防火墙'],
    clause: '五(一)3',
    quote: ifuQuote,
    gloss: ifuGloss,
    content: { zh: '安全软件（如杀毒软件、防火墙）的相关要求。', en: 'Requirements for security software (antivirus, firewall).' },
    template: { zh: '<安全软件要求>', en: '<insert security software requirements>' },
  }),
  req({
    id: 'I3',
    title: { zh: '数据与设备接口', en: 'Data and device (system) interfaces' },
    synonyms: ['数据与设备（系统）接口', '数据接口'],
    clause: '五(一)3',
    quote: ifuQuote,
    gloss: ifuGloss,
    content: { zh: '数据与设备（系统）接口说明。', en: 'The data and device (system) interfaces.' },
    template: { zh: '<数据与设备（系统）接口说明>', en: '<insert the data and device interfaces>' },
  }),
  req({
    id: 'I4',
    title: { zh: '用户访问控制机制', en: 'User access control' },
    synonyms: ['用户访问控制'],
    clause: '五(一)3',
    quote: ifuQuote,
    gloss: ifuGloss,
    content: { zh: '用户访问控制机制。', en: 'The user access control mechanism.' },
    template: { zh: '<用户访问控制机制>', en: '<insert the user access control mechanism>' },
  }),
  req({
    id: 'I5',
    title: { zh: '软件环境与安全软件更新', en: 'Software environment and security software updates' },
    synonyms: ['软件更新', '安全软件更新'],
    clause: '五(一)3',
    quote: ifuQuote,
    gloss: ifuGloss,
    content: { zh: '软件环境（系统软件、支持软件、应用软件）与安全软件更新的要求。', en: 'How the software environment and security software are updated.' },
    template: { zh: '<软件环境与安全软件更新要求>', en: '<insert update requirements>' },
  }),
];

const capabilities2012: Capability[] = CAPS_2012.map(([code, zh, en]) => ({ code, zh, en, synonyms: [] }));



const change: Condition = { fact: 'submission', equals: 'change' };

export const nmpa2017: RuleSet = {
  id: 'nmpa-2017',
  name: { zh: 'NMPA 2017 网络安全指导原则', en: 'NMPA 2017 cybersecurity guideline' },
  guideline: {
    zh: '《医疗器械网络安全注册技术审查指导原则》（2017年）',
    en: 'NMPA Guideline for Technical Review of Medical Device Cybersecurity Registration (2017)',
  },
  kinds: [
    {
      id: 'cybersecurity-description',
      prefix: 'D',
      name: { zh: '网络安全描述文档', en: 'Cybersecurity description' },
      aliases: ['网络安全描述文档'],
      clause: '四(二), 五(一)1, 五(二)1(1)',
      when: { zh: '产品注册；涉及重大网络安全更新的许可事项变更。', en: 'Initial registration; a change with a major cybersecurity update.' },
      requirements: description,
      mentions: [
        {
          code: 'privacy-not-addressed',
          when: { fact: 'data.types', includes: 'health' },
          words: PRIVACY_WORDS,
          anchors: ['D1.1'],
          fact: 'data.types',
          clause: '三(一)',
          message: {
            zh: 'frontmatter 声明了健康数据（data.types），但网络安全描述文档从未提及隐私保护：三(一) 要求“对于健康数据，注册申请人应当遵循患者隐私保护的相关规定”，请说明如何保护患者隐私（个人信息）',
            en: 'data.types declares health data, but the cybersecurity description never addresses privacy: 三(一) requires that health data follow the rules on patient privacy; describe how personal information is protected',
          },
        },
      ],
    },
    {
      id: 'patch-description',
      prefix: 'P',
      name: { zh: '常规安全补丁描述文档', en: 'Routine security patch description' },
      aliases: ['常规安全补丁描述文档'],
      clause: '四(三), 五(二)1(2), 五(三)',
      when: { zh: '仅发生轻微网络安全更新的许可事项变更；延续注册（如适用）。', en: 'A change with minor updates only; renewal, where applicable.' },
      requirements: patch,
      transparent: ['常规安全补丁情况说明', '补丁情况说明', '情况说明'],
    },
    {
      id: 'authenticity-statement',
      prefix: 'S',
      name: { zh: '真实性声明', en: 'Authenticity statement' },
      aliases: ['真实性声明'],
      clause: '五(二)1(3)',
      when: { zh: '未发生网络安全更新的许可事项变更。', en: 'A change with no cybersecurity update.' },
      requirements: authenticity,
    },
    {
      id: 'technical-requirements',
      prefix: 'T',
      name: { zh: '产品技术要求（网络安全部分）', en: 'Product technical requirements (cybersecurity)' },
      aliases: ['产品技术要求（网络安全部分）', '产品技术要求'],
      clause: '五(一)2, 五(二)2',
      when: { zh: '产品注册；变更时如适用。', en: 'Initial registration; changes where applicable.' },
      requirements: technical,
    },
    {
      id: 'instructions-for-use',
      prefix: 'I',
      name: { zh: '说明书（网络安全部分）', en: 'Instructions for use (cybersecurity)' },
      aliases: ['说明书（网络安全部分）', '说明书', '使用说明书'],
      clause: '五(一)3, 五(二)3',
      when: { zh: '产品注册；变更时如适用。', en: 'Initial registration; changes where applicable.' },
      requirements: instructions,
    },
  ],
  scopeText: {
    zh: '第二类、第三类，具有网络连接或通过存储媒介交换数据的医疗器械',
    en: 'class II and III devices with a network connection or storage-media exchange',
  },
  scopeClause: '一',
  notApplicableClause: { zh: '前言', en: 'preamble' },
  scope: [
    {
      when: { fact: 'product.class', equals: 'I' },
      at: 'product.class',
      reason: { zh: '第一类医疗器械', en: 'a class I device' },
    },
    {
      when: {
        all: [
          { fact: 'interfaces.network', absent: true },
          { fact: 'interfaces.storage_media', absent: true },
          { any: [{ fact: 'functions.exchange', absent: true }, { fact: 'functions.exchange', equals: 'none' }] },
          { any: [{ fact: 'functions.remote_control', absent: true }, { fact: 'functions.remote_control', equals: 'none' }] },
        ],
      },
      reason: {
        zh: '既无网络连接也不通过存储媒介交换数据，且无电子数据交换与远程控制功能',
        en: 'neither a network connection nor storage media for data exchange, and no data exchange or remote control',
      },
    },
  ],
  submission: [
    {
      when: { fact: 'submission', equals: 'initial-registration' },
      label: { zh: '产品注册', en: 'initial registration' },
      clause: '五(一)',
      required: ['cybersecurity-description', 'technical-requirements', 'instructions-for-use'],
      accepted: [],
      wrong: ['patch-description', 'authenticity-statement'],
    },
    {
      when: { all: [change, { fact: 'updates', includes: 'major' }] },
      label: { zh: '涉及重大网络安全更新的许可事项变更', en: 'a change with a major cybersecurity update' },
      clause: '五(二)1(1)',
      required: ['cybersecurity-description'],
      accepted: ['technical-requirements', 'instructions-for-use'],
      wrong: ['patch-description', 'authenticity-statement'],
      changesOnly: ['technical-requirements', 'instructions-for-use'],
    },
    {
      when: { all: [change, { fact: 'updates', includes: 'minor' }, { not: { fact: 'updates', includes: 'major' } }] },
      label: { zh: '仅发生轻微网络安全更新的许可事项变更', en: 'a change with minor cybersecurity updates only' },
      clause: '五(二)1(2)',
      required: ['patch-description'],
      accepted: ['technical-requirements', 'instructions-for-use'],
      wrong: ['cybersecurity-description', 'authenticity-statement'],
      changesOnly: ['technical-requirements', 'instructions-for-use'],
    },
    {
      when: { all: [change, { fact: 'updates', includes: 'none' }] },
      label: { zh: '未发生网络安全更新的许可事项变更', en: 'a change with no cybersecurity update' },
      clause: '五(二)1(3)',
      required: ['authenticity-statement'],
      accepted: ['technical-requirements', 'instructions-for-use'],
      wrong: ['cybersecurity-description', 'patch-description'],
      changesOnly: ['technical-requirements', 'instructions-for-use'],
    },
    {
      // 四(一): minor updates are controlled by the QMS and submitted at the next registration;
      // 五(三): at renewal they are the 常规安全补丁描述文档 of the 产品分析报告.
      when: { all: [{ fact: 'submission', equals: 'renewal' }, { fact: 'updates', includes: 'minor' }] },
      label: { zh: '声明了轻微网络安全更新的延续注册', en: 'a renewal with declared minor cybersecurity updates' },
      clause: '五(三), 四(一)',
      required: ['patch-description'],
      accepted: ['technical-requirements', 'instructions-for-use'],
      wrong: ['cybersecurity-description', 'authenticity-statement'],
    },
    {
      when: { fact: 'submission', equals: 'renewal' },
      label: { zh: '延续注册', en: 'renewal' },
      clause: '五(三)',
      required: [],
      accepted: ['patch-description', 'technical-requirements', 'instructions-for-use'],
      wrong: ['cybersecurity-description', 'authenticity-statement'],
    },
  ],
  contradictions: [
    {
      when: { all: [{ fact: 'updates', includes: 'none' }, { any: [{ fact: 'updates', includes: 'major' }, { fact: 'updates', includes: 'minor' }] }] },
      at: 'updates',
      message: { zh: 'updates 中的 none（无网络安全更新）不能与其他值并列', en: '`none` in updates stands alone: it cannot be combined with other values' },
    },
    {
      when: { all: [{ fact: 'submission', equals: 'renewal' }, { fact: 'updates', includes: 'major' }] },
      at: 'updates',
      message: {
        zh: '延续注册不能包含重大网络安全更新：重大网络安全更新应进行许可事项变更（四(一)）',
        en: 'a renewal cannot carry a major cybersecurity update: a major update requires a change submission (四(一))',
      },
    },
    {
      when: { all: [{ fact: 'interfaces.network.dedicated_wireless', equals: true }, { fact: 'interfaces.network.wireless', equals: false }] },
      at: 'interfaces.network.dedicated_wireless',
      message: { zh: '专用无线设备（dedicated_wireless: true）与 wireless: false 矛盾', en: 'dedicated_wireless: true contradicts wireless: false' },
    },
  ],
  requiredWhen: [{ when: change, fact: 'updates' }],
  capabilities: { 'iec-80001-2-2:2012': capabilities2012 },
  columns: COLUMNS,
  risk: {
    select: [['threat'], ['control'], ['residual', 'acceptability']],
    acceptability: ['acceptability', 'residual'],
    unacceptable: UNACCEPTABLE,
  },
  versionFacts: ['product.software_version'],
  otsTable: { requirements: ['D1.6'] },
  schema: schema as JsonSchema,
  answers: NMPA_ANSWERS,
};
