// NMPA 2022 《医疗器械网络安全注册审查指导原则（2022年修订版）》 as data
// (../../../../../shared/spec/requirements-nmpa-2022.md). Every requirement, condition, content
// check, submission case and text lives here and in ./nmpa-2022/; the rules interpret it. Quotes
// are the guideline's own words; clauses are written as the guideline writes them (full-width
// brackets: 六（一）1（2）).

import schema from '../../../../schemas/frontmatter.nmpa-2022.schema.json';
import type { Condition, DocumentKind, JsonSchema, MentionCheck, RuleSet, SubmissionCase } from './types';
import { NMPA_ANSWERS, PRIVACY_WORDS, UNACCEPTABLE } from './common';
import {
  change,
  cyberLevelHigher,
  functionalUpdate,
  contentUndetermined,
  noUpdate,
  otsFull,
  otsNone,
  otsPartial,
  patchOnlyUpdate,
  sensitiveMedical,
} from './nmpa-2022/conditions';
import { COLUMNS_2022, capabilities2022 } from './nmpa-2022/vocabulary';
import { research } from './nmpa-2022/research';
import { functionalUpdate as functionalUpdateReport, patchUpdate } from './nmpa-2022/update';
import { authenticity, changeTable, instructions, technical } from './nmpa-2022/other';
import { OTS_CLAUSE, mirrorMentions, mirrorRequirements } from './nmpa-2022/mirror';

export const KIND_2022 = {
  R: 'cybersecurity-research-report',
  F: 'cybersecurity-functional-update-report',
  U: 'cybersecurity-patch-update-report',
  O: 'ots-cybersecurity-report',
  Q: 'ots-cybersecurity-functional-update-report',
  A: 'authenticity-statement',
  M: 'instructions-for-use',
  C: 'instructions-for-use-change-table',
  N: 'technical-requirements',
} as const;
const { R, F, U, O, Q, A, M, C, N } = KIND_2022;

/** 六（三）1（1）: with 部分使用方式 the report describes the OTS components in its clauses. */
function otsMention(anchor: string): MentionCheck {
  return {
    code: 'inconsistent-fact',
    when: otsPartial,
    words: ['现成软件', '现成软件组件', 'OTS', 'SOUP'],
    anchors: [anchor],
    fact: 'software.ots_usage',
    requirement: anchor,
    clause: '六（三）1（1）',
    message: {
      zh: 'frontmatter 声明部分使用现成软件组件（software.ots_usage: partial），但本报告从未提及现成软件：六（三）1（1）要求在研究报告的适用条款中说明现成软件组件的情况（功能更新时说明其变化情况）',
      en: 'software.ots_usage: partial, but this report never mentions the off-the-shelf components: 六（三）1（1） requires the report’s applicable clauses to describe the OTS components (and, for a functional update, their changes)',
    },
  };
}

/** 二（二）: the personal information in sensitive medical data is protected. */
const privacy: MentionCheck = {
  code: 'privacy-not-addressed',
  when: sensitiveMedical,
  words: PRIVACY_WORDS,
  anchors: ['R1.2.2', 'R1.2'],
  fact: 'data.types',
  clause: '二（二）',
  message: {
    zh: 'frontmatter 声明了敏感医疗数据（data.types: sensitive-medical），但报告从未提及个人信息保护：二（二）要求“保证敏感医疗数据所含个人信息免于泄露、滥用和篡改”，请说明如何保护个人信息',
    en: 'data.types declares sensitive medical data, but the report never addresses the protection of personal information: 二（二） requires that the personal information in sensitive medical data be protected from disclosure, misuse and tampering; describe how',
  },
};

const researchMentions = [otsMention('R1.1'), privacy];
const functionalMentions = [otsMention('F1.1')];

/** A listed vulnerability's status (its row in the residual list or the drafted table). */
const VULN_STATUS_WORDS = {
  fixed: ['已修复', '已修补', '已打补丁', '已升级', '已解决', 'fixed', 'patched', 'resolved', 'remediated', 'upgraded'],
  notAffected: ['不受影响', '不影响', '未受影响', '不涉及', '误报', '不可利用', 'not affected', 'not_affected', 'unaffected', 'false positive', 'not exploitable'],
};

const kinds: DocumentKind[] = [
  {
    id: R,
    prefix: 'R',
    name: { zh: '自研软件网络安全研究报告', en: 'Cybersecurity research report (self-developed software)' },
    aliases: ['自研软件网络安全研究报告', '网络安全研究报告'],
    clause: '六（一）, 表1, 七（一）1',
    when: {
      zh: '产品注册（全部使用现成软件组件时除外）；涉及网络安全功能更新的变更注册亦可代替功能更新研究报告提交（七（二）1（1））。',
      en: 'Initial registration, unless the software is wholly OTS; at a change with a functional update it may be submitted instead of the functional update report (七（二）1（1）).',
    },
    requirements: research,
    mentions: researchMentions,
  },
  {
    id: F,
    prefix: 'F',
    name: { zh: '自研软件网络安全功能更新研究报告', en: 'Cybersecurity functional update report (self-developed software)' },
    aliases: ['自研软件网络安全功能更新研究报告', '网络安全功能更新研究报告'],
    clause: '六（二）, 表2, 七（二）1（1）',
    when: {
      zh: '涉及网络安全功能更新（重大或轻微）的变更注册，含合并网络安全补丁更新的情形。',
      en: 'A change with a (major or minor) cybersecurity functional update, alone or together with patch updates.',
    },
    requirements: functionalUpdateReport,
    mentions: functionalMentions,
  },
  {
    id: U,
    prefix: 'U',
    name: { zh: '自研软件网络安全补丁更新研究报告', en: 'Cybersecurity patch update report (self-developed software)' },
    aliases: ['自研软件网络安全补丁更新研究报告', '网络安全补丁更新研究报告'],
    clause: '六（二）, 七（二）1（2）, 六（三）1',
    when: {
      zh: '仅发生网络安全补丁更新（含必备软件、外部软件环境；现成软件组件亦同）的变更注册。',
      en: 'A change with patch updates only (the device software, required software, external software environment; OTS components alike).',
    },
    requirements: patchUpdate,
    transparent: ['基本信息', '实现过程'],
  },
  {
    id: O,
    prefix: 'O',
    name: { zh: '现成软件组件网络安全研究报告', en: 'OTS component cybersecurity research report' },
    aliases: ['现成软件组件网络安全研究报告'],
    clause: `${OTS_CLAUSE}, 七（一）1`,
    when: {
      zh: '全部使用现成软件组件（software.ots_usage: full）的产品注册；内容与自研软件网络安全研究报告相同。',
      en: 'Initial registration when the software is wholly OTS (software.ots_usage: full); same content as the research report.',
    },
    requirements: mirrorRequirements(research, 'R', 'O'),
    mentions: mirrorMentions(researchMentions, 'R', 'O'),
  },
  {
    id: Q,
    prefix: 'Q',
    name: { zh: '现成软件组件网络安全功能更新研究报告', en: 'OTS component cybersecurity functional update report' },
    aliases: ['现成软件组件网络安全功能更新研究报告'],
    clause: `${OTS_CLAUSE}, 七（二）1`,
    when: {
      zh: '全部使用现成软件组件时，涉及网络安全功能更新的变更注册；内容与自研软件网络安全功能更新研究报告相同。',
      en: 'A change with a functional update when the software is wholly OTS; same content as the functional update report.',
    },
    requirements: mirrorRequirements(functionalUpdateReport, 'F', 'Q'),
    mentions: mirrorMentions(functionalMentions, 'F', 'Q'),
  },
  {
    id: A,
    prefix: 'A',
    name: { zh: '真实性声明', en: 'Authenticity statement' },
    aliases: ['真实性声明'],
    clause: '七（二）1（3）',
    when: { zh: '未发生网络安全更新的变更注册。', en: 'A change with no cybersecurity update.' },
    requirements: authenticity,
  },
  {
    id: M,
    prefix: 'M',
    name: { zh: '说明书（网络安全部分）', en: 'Instructions for use (cybersecurity)' },
    aliases: ['说明书（网络安全部分）', '说明书', '使用说明书'],
    clause: '七（一）2',
    when: { zh: '产品注册；变更注册时如适用（只描述变更）。', en: 'Initial registration; a change where applicable (the changes only).' },
    requirements: instructions,
  },
  {
    id: C,
    prefix: 'C',
    name: { zh: '说明书关于网络安全内容的变更对比表', en: 'IFU cybersecurity change comparison table' },
    aliases: ['说明书关于网络安全内容的变更对比表', '说明书变更对比表'],
    clause: '七（二）2',
    when: { zh: '变更注册，若适用；从不报告缺失。', en: 'A change, where applicable; never reported missing.' },
    requirements: changeTable,
  },
  {
    id: N,
    prefix: 'N',
    name: { zh: '产品技术要求', en: 'Product technical requirements' },
    aliases: ['产品技术要求'],
    clause: '七（三）, 二（八）1',
    when: {
      zh: '从不报告缺失；提交时检查其软件版本命名规则（应区分重大和轻微网络安全更新）。',
      en: 'Never reported missing; when present its software version naming rule is checked (it must tell major from minor cybersecurity updates).',
    },
    requirements: technical,
  },
];

const initial: Condition = { fact: 'submission', equals: 'initial-registration' };
const changeWith = (c: Condition, ots?: Condition): Condition => ({ all: [change, c, ...(ots ? [ots] : [])] });
const CHANGE_ACCEPTED = [M, C, N];

const submission: SubmissionCase[] = [
  {
    when: { all: [initial, otsNone] },
    label: { zh: '产品注册', en: 'initial registration' },
    clause: '七（一）',
    required: [R, M],
    accepted: [N],
    wrong: [F, Q, U, A, C, O],
  },
  {
    when: { all: [initial, otsPartial] },
    label: { zh: '产品注册（部分使用现成软件组件）', en: 'initial registration (partly OTS software)' },
    clause: '七（一）, 六（三）1（1）',
    required: [R, M],
    accepted: [N, O],
    wrong: [F, Q, U, A, C],
  },
  {
    when: { all: [initial, otsFull] },
    label: { zh: '产品注册（全部使用现成软件组件）', en: 'initial registration (wholly OTS software)' },
    clause: `七（一）, ${OTS_CLAUSE}`,
    required: [O, M],
    accepted: [N],
    wrong: [F, Q, U, A, C, R],
  },
  {
    when: changeWith(functionalUpdate, otsNone),
    label: { zh: '涉及网络安全功能更新的变更注册', en: 'a change with a cybersecurity functional update' },
    clause: '七（二）1（1）',
    required: [[F, R]],
    accepted: CHANGE_ACCEPTED,
    wrong: [U, A, O, Q],
    changesOnly: [M],
  },
  {
    when: changeWith(functionalUpdate, otsPartial),
    label: { zh: '涉及网络安全功能更新的变更注册（部分使用现成软件组件）', en: 'a change with a cybersecurity functional update (partly OTS software)' },
    clause: '七（二）1（1）, 六（三）1（1）',
    required: [[F, R]],
    accepted: [...CHANGE_ACCEPTED, O, Q],
    wrong: [U, A],
    changesOnly: [M],
  },
  {
    when: changeWith(functionalUpdate, otsFull),
    label: { zh: '涉及网络安全功能更新的变更注册（全部使用现成软件组件）', en: 'a change with a cybersecurity functional update (wholly OTS software)' },
    clause: `七（二）1（1）, ${OTS_CLAUSE}`,
    required: [[Q, O]],
    accepted: CHANGE_ACCEPTED,
    wrong: [U, A, R, F],
    changesOnly: [M],
  },
  {
    when: changeWith(patchOnlyUpdate),
    label: { zh: '仅发生网络安全补丁更新的变更注册', en: 'a change with cybersecurity patch updates only' },
    clause: '七（二）1（2）',
    required: [U],
    accepted: CHANGE_ACCEPTED,
    wrong: [R, F, O, Q, A],
    changesOnly: [M],
  },
  {
    when: changeWith(noUpdate),
    label: { zh: '未发生网络安全更新的变更注册', en: 'a change with no cybersecurity update' },
    clause: '七（二）1（3）',
    required: [A],
    accepted: CHANGE_ACCEPTED,
    wrong: [R, F, O, Q, U],
    changesOnly: [M],
  },
  {
    when: { fact: 'submission', equals: 'renewal' },
    label: { zh: '延续注册', en: 'renewal' },
    clause: '七（三）',
    required: [],
    accepted: [R, F, U, O, Q, M, N],
    wrong: [A, C],
  },
];

const remoteMaintenanceOn: Condition = { fact: 'functions.remote_maintenance', equals: true };

export const nmpa2022: RuleSet = {
  id: 'nmpa-2022',
  name: { zh: 'NMPA 2022 网络安全指导原则', en: 'NMPA 2022 cybersecurity guideline' },
  guideline: {
    zh: '《医疗器械网络安全注册审查指导原则（2022年修订版）》',
    en: 'NMPA Guideline for Registration Review of Medical Device Cybersecurity (2022 revision)',
  },
  kinds,
  scopeText: {
    zh: '具备电子数据交换、远程访问与控制、用户访问三种功能当中一种及以上功能的第二、三类独立软件和含有软件组件的医疗器械',
    en: 'class II and III standalone software and devices containing software that have electronic data exchange, remote access and control, or user access',
  },
  scopeClause: '一',
  notApplicableClause: { zh: '前言、六（一）', en: 'preamble, 六（一）' },
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
          { fact: 'functions.user_access', equals: false },
        ],
      },
      reason: {
        zh: '既无电子数据交换（网络、存储媒介）与远程访问与控制，也无用户访问功能（functions.user_access: false）',
        en: 'neither electronic data exchange (network, storage media) nor remote access and control, and no user access (functions.user_access: false)',
      },
    },
  ],
  submission,
  contradictions: [
    {
      when: cyberLevelHigher,
      at: 'software.cybersecurity_level',
      message: {
        zh: '网络安全的安全性级别（software.cybersecurity_level）不能高于软件安全性级别（software.safety_level）：三（二）规定其通常相同，特殊情形下可以更低',
        en: 'software.cybersecurity_level cannot be higher than software.safety_level: 三（二） makes it the same, or lower in special cases',
      },
    },
    {
      when: { all: [{ fact: 'updates', includes: 'none' }, { any: [{ fact: 'updates', includes: 'major' }, { fact: 'updates', includes: 'minor' }] }] },
      at: 'updates',
      message: { zh: 'updates 中的 none（无网络安全更新）不能与其他值并列', en: '`none` in updates stands alone: it cannot be combined with other values' },
    },
    {
      when: { all: [change, { fact: 'update_content', includes: 'none' }, { any: [{ fact: 'update_content', includes: 'functional' }, { fact: 'update_content', includes: 'patch' }] }] },
      at: 'update_content',
      message: { zh: 'update_content 中的 none（无网络安全更新）不能与其他值并列', en: '`none` in update_content stands alone: it cannot be combined with other values' },
    },
    {
      when: {
        all: [change, { fact: 'updates', includes: 'major' }, { fact: 'update_content', present: true }, { not: { fact: 'update_content', includes: 'functional' } }],
      },
      at: 'update_content',
      message: {
        zh: 'updates 含重大网络安全更新（major），update_content 却不含功能更新（functional）：重大网络安全更新即重大网络安全功能更新（二（八）1）',
        en: 'updates includes major but update_content has no functional update: a major cybersecurity update is a major functional update (二（八）1)',
      },
    },
    {
      when: {
        all: [change, { fact: 'updates', includes: 'none' }, { fact: 'update_content', present: true }, { not: { fact: 'update_content', includes: 'none' } }],
      },
      at: 'update_content',
      message: {
        zh: 'updates 为 [none]（无网络安全更新），update_content 却声明了更新：二者应一致',
        en: 'updates is [none] (no cybersecurity update) but update_content declares an update: they must agree',
      },
    },
    {
      when: {
        all: [change, { fact: 'update_content', includes: 'none' }, { fact: 'updates', present: true }, { not: { fact: 'updates', includes: 'none' } }],
      },
      at: 'updates',
      message: {
        zh: 'update_content 为 [none]（无网络安全更新），updates 却声明了更新：二者应一致',
        en: 'update_content is [none] (no cybersecurity update) but updates declares an update: they must agree',
      },
    },
    {
      when: { all: [{ fact: 'submission', equals: 'renewal' }, { fact: 'updates', includes: 'major' }] },
      at: 'updates',
      message: {
        zh: '延续注册不能包含重大网络安全更新：重大网络安全更新应申请变更注册（二（八）1）',
        en: 'a renewal cannot carry a major cybersecurity update: a major update requires a change submission (二（八）1)',
      },
    },
    {
      when: { all: [remoteMaintenanceOn, { fact: 'interfaces.network', absent: true }] },
      at: 'functions.remote_maintenance',
      message: {
        zh: '远程维护与升级（functions.remote_maintenance: true）需要网络连接，但未声明 interfaces.network',
        en: 'functions.remote_maintenance: true needs a network connection, but interfaces.network is not declared',
      },
    },
    {
      when: {
        all: [remoteMaintenanceOn, { any: [{ fact: 'functions.remote_control', absent: true }, { fact: 'functions.remote_control', equals: 'none' }] }],
      },
      at: 'functions.remote_maintenance',
      message: {
        zh: '远程维护与升级属于远程访问与控制（二（四）21 RMOT），functions.remote_control 却为 none 或未声明',
        en: 'remote maintenance and upgrade is remote access and control (二（四）21, RMOT), but functions.remote_control is none or absent',
      },
    },
    {
      when: { fact: 'product.legacy_device', equals: true },
      at: 'product.legacy_device',
      message: {
        zh: '注册申报的产品不是遗留设备：在售（以注册证时效为准）的医疗器械均非遗留设备（五（四））；无法抵御当前网络安全威胁时应制定风险控制措施并申请变更注册',
        en: 'a device under registration is never a legacy device: every device on the market (by its valid certificate) is not legacy (五（四）); one that cannot withstand current threats needs risk controls and a change submission',
      },
    },
    {
      when: { all: [{ fact: 'interfaces.network.dedicated_wireless', equals: true }, { fact: 'interfaces.network.wireless', equals: false }] },
      at: 'interfaces.network.dedicated_wireless',
      message: { zh: '医用无线专用设备（dedicated_wireless: true）与 wireless: false 矛盾', en: 'dedicated_wireless: true contradicts wireless: false' },
    },
  ],
  requiredWhen: [
    { when: { fact: 'document', in: [R, F, U, O, Q] }, fact: 'software.safety_level' },
    { when: change, fact: 'updates' },
    { when: contentUndetermined, fact: 'update_content' },
  ],
  codeSeverity: { 'capability-unaddressed': 'error' },
  capabilities: { 'nmpa-2022': capabilities2022 },
  columns: COLUMNS_2022,
  risk: {
    select: [['threat'], ['control'], ['residual', 'acceptability']],
    acceptability: ['acceptability', 'residual'],
    unacceptable: UNACCEPTABLE,
  },
  versionFacts: ['product.software_version'],
  // 七（一）2: the IFU's 现成软件清单 is the SBOM; the research report has no OTS table of its own.
  otsTable: { requirements: ['M8'] },
  // 六（一）3 / 六（二）: every assessment (research, OTS mirrors, update reports) with its 维护方案.
  vulnerabilityData: {
    assessments: [
      { requirement: 'R3', plan: 'R3.3' },
      { requirement: 'O3', plan: 'O3.3' },
      { requirement: 'F3', plan: 'F3.3' },
      { requirement: 'Q3', plan: 'Q3.3' },
      { requirement: 'U7', plan: 'U7.3' },
    ],
    status: VULN_STATUS_WORDS,
  },
  schema: schema as JsonSchema,
  answers: NMPA_ANSWERS,
};
