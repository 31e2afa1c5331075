// The other kinds of the NMPA 2022 rule set: 真实性声明 (A, §8), 说明书 (M, §9), 说明书变更对比表
// (C, §10) and 产品技术要求 (N, §11).

import type { Localized, Requirement, StatementElement } from '../types';
import { interfacesListed, versionRuleWords } from './checks';
import { noExternalEnvironment, otsNone, securitySoftwareExcluded } from './conditions';

const statementElements: StatementElement[] = [
  {
    item: 'no-update',
    patterns: [
      '(?:未|没有)(?:发生|进行|出现)?过?(?:任何)?网络安全更新',
      '无(?:任何)?网络安全更新',
      'no\\s+cyber-?\\s?security\\s+updates?',
      '(?:has|have)\\s+not\\s+(?:undergone|had|received)\\s+any\\s+cyber-?\\s?security\\s+updates?',
    ],
    label: { zh: '未发生网络安全更新的声明', en: 'the statement that no cybersecurity update occurred' },
    template: { zh: '本申请人声明：自前次注册以来，本产品未发生网络安全更新。', en: 'The applicant declares that no cybersecurity update (未发生网络安全更新) has occurred since the previous registration.' },
  },
  {
    item: 'legal-responsibility',
    patterns: ['法律责任', 'legal(?:ly)?\\s+(?:responsib|liab)'],
    label: { zh: '对此承担法律责任的表述', en: 'the undertaking of legal responsibility for the statement' },
    template: { zh: '本申请人保证上述声明真实、准确，并对此承担法律责任。', en: 'The applicant warrants that this statement is true and accurate and bears legal responsibility (法律责任) for it.' },
  },
  {
    item: 'applicant',
    patterns: ['(?:申请人|注册人|applicant|registrant)\\s*(?:[（(][^）)]*[）)])?\\s*[:：]\\s*\\S'],
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

export const authenticity: Requirement[] = [
  {
    id: 'A1',
    title: { zh: '真实性声明', en: 'Authenticity statement' },
    synonyms: [],
    clause: '七（二）1（3）',
    wholeDocument: true,
    quote: '未发生网络安全更新：出具真实性声明，明确对此承担法律责任。',
    gloss: 'No cybersecurity update has occurred: issue an authenticity statement and undertake legal responsibility for it.',
    content: {
      zh: '声明自前次注册以来未发生网络安全更新，明确对此承担法律责任，写明申请人（注册人）并注明日期。',
      en: 'States that no cybersecurity update has occurred since the previous registration, undertakes legal responsibility for it, names the applicant and carries a date.',
    },
    template: {
      zh: '本申请人声明：自前次注册以来，本产品未发生网络安全更新。本申请人保证上述声明真实、准确，并对此承担法律责任。\n\n申请人：<申请人名称>\n\n日期：<签署日期，如 2024-03-18>',
      en: 'The applicant declares that no cybersecurity update has occurred since the previous registration, warrants that this statement is true and accurate, and bears legal responsibility for it.\n\nApplicant: {{insert applicant name}}\n\nDate: {{insert the date, e.g. 2024-03-18}}',
    },
    checks: [{ kind: 'statement', elements: statementElements }],
  },
];

const IFU_QUOTE =
  '说明书提供网络安全说明和使用指导，明确用户访问控制机制、电子接口（含网络接口、电子数据交换接口）及其数据类型和技术特征、网络安全特征配置、数据备份与灾难恢复、运行环境（含硬件配置、外部软件环境、网络环境，若适用）、安全软件兼容性列表（若适用）、外部软件环境与安全软件更新（若适用）、现成软件清单（SBOM，若适用）等要求。';
const IFU_GLOSS =
  'The IFU gives cybersecurity information and guidance: user access control, electronic interfaces with their data types and technical characteristics, configuration of cybersecurity features, data backup and disaster recovery, operating environment (hardware, external software environment, network, where applicable), the compatible security software, updates of the external software environment and security software, and the SBOM (where applicable).';

const ifu = (
  id: string,
  zh: string,
  en: string,
  synonyms: string[],
  content: Localized,
  template: Localized,
  extra: Partial<Requirement> = {},
): Requirement => ({ id, title: { zh, en }, synonyms, clause: '七（一）2', quote: IFU_QUOTE, gloss: IFU_GLOSS, content, template, ...extra });

export const instructions: Requirement[] = [
  ifu(
    'M1',
    '用户访问控制机制',
    'User access control mechanism',
    ['用户访问控制', '访问控制'],
    { zh: '用户访问控制机制：用户身份鉴别方法、用户类型及权限。', en: 'The user access control mechanism: authentication, user types and permissions.' },
    { zh: '<用户访问控制机制：身份鉴别方法、用户类型及权限>', en: '<insert the user access control mechanism>' },
  ),
  ifu(
    'M2',
    '电子接口',
    'Electronic interfaces',
    ['电子接口及其数据类型和技术特征', '网络接口和电子数据交换接口', '数据与设备接口', '数据与设备（系统）接口', '接口'],
    {
      zh: '电子接口（含网络接口、电子数据交换接口）及其数据类型和技术特征；frontmatter 中的每个传输协议与存储格式都应写明。',
      en: 'The electronic interfaces (network and data exchange) with their data types and technical characteristics; every protocol and format of the frontmatter is named.',
    },
    { zh: '<各电子接口及其数据类型和技术特征>', en: '<insert each electronic interface with its data types and technical characteristics>' },
    { checks: [interfacesListed] },
  ),
  ifu(
    'M3',
    '网络安全特征配置',
    'Configuration of cybersecurity features',
    ['安全特性配置', '网络安全配置'],
    { zh: '用户可配置的网络安全特征及其配置方法。', en: 'The cybersecurity features users can configure, and how.' },
    { zh: '<网络安全特征配置说明>', en: '<insert how the cybersecurity features are configured>' },
  ),
  ifu(
    'M4',
    '数据备份与灾难恢复',
    'Data backup and disaster recovery',
    ['数据备份与恢复', '备份与恢复'],
    { zh: '数据备份与灾难恢复的方法与要求。', en: 'How data is backed up and restored after a disaster.' },
    { zh: '<数据备份与灾难恢复说明>', en: '<insert data backup and disaster recovery>' },
  ),
  ifu(
    'M5',
    '运行环境',
    'Operating environment',
    ['运行环境要求'],
    { zh: '运行环境：硬件配置、外部软件环境、网络环境（若适用）。', en: 'Operating environment: hardware, external software environment, network (where applicable).' },
    { zh: '<运行环境要求>', en: '<insert the operating environment>' },
  ),
  ifu(
    'M5.1',
    '硬件配置',
    'Hardware configuration',
    ['硬件要求'],
    { zh: '硬件配置要求。', en: 'Hardware requirements.' },
    { zh: '<硬件配置要求>', en: '<insert hardware requirements>' },
  ),
  ifu(
    'M5.2',
    '外部软件环境',
    'External software environment',
    ['软件环境', '软件要求'],
    { zh: '外部软件环境（系统软件、通用应用软件、通用中间件、支持软件）要求。', en: 'The external software environment (system software, general applications, middleware, support software).' },
    { zh: '<外部软件环境要求>', en: '<insert the external software environment>' },
    { condition: { not: noExternalEnvironment } },
  ),
  ifu(
    'M5.3',
    '网络环境',
    'Network environment',
    ['网络条件', '网络要求'],
    { zh: '网络环境要求。', en: 'Network requirements.' },
    { zh: '<网络环境要求>', en: '<insert network requirements>' },
    { condition: { fact: 'interfaces.network', present: true } },
  ),
  ifu(
    'M6',
    '安全软件兼容性列表',
    'Security-software compatibility list',
    ['兼容安全软件列表', '安全软件', '杀毒软件与防火墙'],
    { zh: '兼容的安全软件（如杀毒软件、防火墙）列表。', en: 'The security software (antivirus, firewall, …) the device is compatible with.' },
    { zh: '<兼容的安全软件列表>', en: '<insert the compatible security software>' },
    { condition: { not: securitySoftwareExcluded } },
  ),
  ifu(
    'M7',
    '外部软件环境与安全软件更新',
    'External software environment and security software updates',
    ['软件环境与安全软件更新', '软件更新', '安全软件更新'],
    { zh: '外部软件环境与安全软件的更新要求。', en: 'How the external software environment and the security software are updated.' },
    { zh: '<外部软件环境与安全软件更新要求>', en: '<insert update requirements>' },
    { condition: { not: { all: [noExternalEnvironment, securitySoftwareExcluded] } } },
  ),
  ifu(
    'M8',
    '现成软件清单',
    'Software bill of materials (SBOM)',
    ['SBOM', '现成软件清单（SBOM）', '软件物料清单'],
    { zh: '现成软件清单（SBOM）：产品所含全部现成软件。', en: 'The software bill of materials: every OTS software in the product.' },
    { zh: '<现成软件清单（SBOM），或注明所附 SBOM 文件>', en: '<insert the SBOM, or name the attached SBOM file>' },
    { condition: { not: { all: [otsNone, noExternalEnvironment] } }, clause: '七（一）2, 二（四）16' },
  ),
];

export const changeTable: Requirement[] = [
  {
    id: 'C1',
    title: { zh: '说明书关于网络安全内容的变更对比表', en: 'Change comparison table (IFU, cybersecurity content)' },
    synonyms: [],
    clause: '七（二）2',
    wholeDocument: true,
    quote: '若适用，提交说明书关于网络安全内容的变更对比表。',
    gloss: 'Where applicable, submit the comparison table of the changes to the IFU’s cybersecurity content.',
    content: {
      zh: '至少一个表格，对比说明书网络安全内容变更前后的情况。',
      en: 'At least one table comparing the IFU’s cybersecurity content before and after the change.',
    },
    template: {
      zh: '| 说明书条款 | 变更前 | 变更后 | 变更说明 |\n| --- | --- | --- | --- |\n| <条款> | <变更前内容> | <变更后内容> | <变更说明> |',
      en: '| IFU section | Before | After | Remarks |\n| --- | --- | --- | --- |\n| <insert section> | <insert text before> | <insert text after> | <insert remarks> |',
    },
    checks: [
      {
        kind: 'statement',
        elements: [
          {
            item: 'table',
            table: true,
            patterns: [],
            label: { zh: '变更对比表（表格）', en: 'a comparison table' },
            template: {
              zh: '| 说明书条款 | 变更前 | 变更后 | 变更说明 |\n| --- | --- | --- | --- |\n| <条款> | <变更前内容> | <变更后内容> | <变更说明> |',
              en: '| IFU section | Before | After | Remarks |\n| --- | --- | --- | --- |\n| <insert section> | <insert text before> | <insert text after> | <insert remarks> |',
            },
          },
        ],
      },
    ],
  },
];

export const technical: Requirement[] = [
  {
    id: 'N1',
    title: { zh: '产品型号/规格及其划分说明', en: 'Models/specifications and their division' },
    synonyms: ['产品型号规格及其划分说明', '型号规格及其划分说明'],
    clause: '七（三）',
    quote: '产品技术要求“产品型号/规格及其划分说明”所述软件版本命名规则应涵盖网络安全更新情况，区分重大网络安全更新和轻微网络安全更新。',
    gloss: 'The software version naming rule in the 产品型号/规格及其划分说明 of the product technical requirements covers cybersecurity updates and tells major from minor ones.',
    content: { zh: '产品型号/规格及其划分说明，含软件版本命名规则。', en: 'Models/specifications and their division, with the software version naming rule.' },
    template: { zh: '<产品型号/规格及其划分说明>', en: '<insert the models/specifications and their division>' },
  },
  {
    id: 'N1.1',
    title: { zh: '软件版本命名规则', en: 'Software version naming rule' },
    synonyms: ['版本命名规则'],
    clause: '七（三）, 二（八）1',
    quote: '软件版本命名规则应涵盖网络安全更新情况，区分重大和轻微网络安全更新。',
    gloss: 'The software version naming rule covers cybersecurity updates and tells major from minor ones.',
    content: {
      zh: '软件版本命名规则：涵盖网络安全更新情况，区分重大网络安全更新与轻微网络安全更新。',
      en: 'The version naming rule: covers cybersecurity updates and tells major from minor ones.',
    },
    template: {
      zh: '<软件版本命名规则>\n\n- 重大网络安全更新：<版本号中如何体现>\n- 轻微网络安全更新：<版本号中如何体现>',
      en: '<insert the software version naming rule>\n\n- Major cybersecurity updates: <insert how the version shows them>\n- Minor cybersecurity updates: <insert how the version shows them>',
    },
    checks: [versionRuleWords],
  },
];
