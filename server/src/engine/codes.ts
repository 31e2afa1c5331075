// The diagnostic codes of ../shared/spec/diagnostics.md: public API, add but never rename.

import type { Localized, Severity } from './rulesets/types';
import type { Range } from './text';

export const CODES = {
  'missing-section': { severity: 'error', title: { zh: '缺少必需章节', en: 'Required section missing' } },
  'empty-section': { severity: 'warning', title: { zh: '章节内容为空', en: 'Section has no content' } },
  placeholder: { severity: 'warning', title: { zh: '残留占位符', en: 'Placeholder left in the text' } },
  'not-applicable-without-reason': { severity: 'error', title: { zh: '“不适用”未说明理由', en: '“Not applicable” without a reason' } },
  'frontmatter-missing': { severity: 'error', title: { zh: '缺少 frontmatter 或必填项', en: 'Frontmatter or a required key missing' } },
  'frontmatter-invalid': { severity: 'error', title: { zh: 'frontmatter 无效', en: 'Invalid frontmatter' } },
  'incomplete-row': { severity: 'error', title: { zh: '表格行不完整', en: 'Incomplete table row' } },
  'missing-column': { severity: 'error', title: { zh: '表格缺少必需列', en: 'Table lacks a required column' } },
  'version-not-full': { severity: 'warning', title: { zh: '版本不是完整版本', en: 'Version is not a full version' } },
  'unacceptable-residual-risk': { severity: 'error', title: { zh: '剩余风险不可接受', en: 'Unacceptable residual risk' } },
  'undefined-reference': { severity: 'error', title: { zh: '引用了未定义的编号', en: 'Reference to an undefined ID' } },
  'untraced-requirement': { severity: 'warning', title: { zh: '需求未被追溯', en: 'Requirement not traced' } },
  'capability-unaddressed': { severity: 'warning', title: { zh: '网络安全能力未说明', en: 'Capability not addressed' } },
  'wrong-document-kind': { severity: 'error', title: { zh: '文档类型与申报类型不符', en: 'Document kind contradicts the submission' } },
  'missing-document': { severity: 'error', title: { zh: '缺少申报文档', en: 'Dossier document missing' } },
  'inconsistent-fact': { severity: 'warning', title: { zh: '事实不一致', en: 'Inconsistent fact' } },
  'duplicate-section': { severity: 'warning', title: { zh: '章节重复', en: 'Duplicate section' } },
  'out-of-scope': { severity: 'info', title: { zh: '不适用本指导原则', en: 'Outside the guideline’s scope' } },
  'config-invalid': { severity: 'error', title: { zh: '配置无效', en: 'Invalid configuration' } },
  'file-too-large': { severity: 'error', title: { zh: '文件过大', en: 'File too large' } },
  'privacy-not-addressed': { severity: 'warning', title: { zh: '未说明隐私保护', en: 'Privacy not addressed' } },
  'section-skipped': { severity: 'warning', title: { zh: '章节未检查', en: 'Section not checked' } },
  // nmpa-2022 (requirements-nmpa-2022.md §14)
  'missing-diagram': { severity: 'warning', title: { zh: '缺少图示', en: 'Diagram missing' } },
  'vulnerability-assessment-incomplete': { severity: 'error', title: { zh: '漏洞评估不完整', en: 'Vulnerability assessment incomplete' } },
  'version-rule-incomplete': { severity: 'warning', title: { zh: '软件版本命名规则不完整', en: 'Version naming rule incomplete' } },
  // Issue 12: what a reviewer reads for inside a present section; personal data in device data.
  'section-incomplete': { severity: 'warning', title: { zh: '章节内容不完整', en: 'Section incomplete' } },
  'device-data-personal-information': { severity: 'error', title: { zh: '设备数据含有个人信息', en: 'Device data contains personal information' } },
  // fda-premarket-2025 (requirements-fda-premarket-2025.md §13)
  'not-a-cyber-device': { severity: 'info', title: { zh: '不是网络设备（524B(c)）', en: 'Not a cyber device (524B(c))' } },
  // requirements.md §3a: an item answered by a reference cannot be content-checked.
  'answered-by-reference': { severity: 'hint', title: { zh: '以引用作答，内容未检查', en: 'Answered by reference: content not checked' } },
  // Issue 17: the SBOM (or OTS table) against the user's own vulnerability data and VEX.
  'known-vulnerability-unaddressed': { severity: 'warning', title: { zh: '已知漏洞未评估', en: 'Known vulnerability not addressed' } },
  'vulnerability-count-mismatch': { severity: 'warning', title: { zh: '漏洞数量与漏洞数据不符', en: 'Vulnerability counts disagree with the data' } },
  'residual-vulnerability-without-plan': { severity: 'warning', title: { zh: '剩余漏洞缺少维护方案', en: 'Residual vulnerability without a maintenance plan' } },
  'vulnerability-data-outdated': { severity: 'warning', title: { zh: '漏洞数据过旧', en: 'Vulnerability data outdated' } },
  // fda-premarket-2025 §10 and K6.1 (requirements-fda-premarket-2025.md §13): the SBOM and known exploited vulnerabilities.
  'sbom-component-incomplete': { severity: 'error', title: { zh: 'SBOM 组件要素不全', en: 'SBOM component incomplete' } },
  'end-of-support-passed': { severity: 'warning', title: { zh: '组件已过支持终止日期', en: 'Component past its end of support' } },
  'known-exploited-vulnerability': { severity: 'error', title: { zh: '已知被利用漏洞未消除', en: 'Known exploited vulnerability not designed out' } },
} as const satisfies Record<string, { severity: Severity; title: Localized }>;

export type Code = keyof typeof CODES;
export const ALL_CODES = Object.keys(CODES) as Code[];

export function isCode(s: string): s is Code {
  return Object.prototype.hasOwnProperty.call(CODES, s);
}

export interface FindingData {
  requirement?: string;
  clause?: string;
  [key: string]: unknown;
}

/** A rule's result before severity resolution and rendering. */
export interface Finding {
  code: Code;
  range: Range;
  message: Localized;
  data: FindingData;
  /** A rule set's default for this finding, when it differs from the code's. */
  severity?: Severity;
  /** The tier whose severity mode applies (rule set's `severityModes`), when not data.requirement's. */
  tier?: string;
  /** Other places of the same finding (LSP relatedInformation); `path` defaults to the finding's file. */
  related?: RelatedPlace[];
}

export interface RelatedPlace {
  path?: string;
  range: Range;
  message: Localized;
}
