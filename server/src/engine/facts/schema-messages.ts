// The sentences of schema validation, zh and en: one function per kind of problem the walk
// (schema-walk.ts) finds, so the walk decides and this module only words the decision.

import type { Localized } from '../rulesets/types';
import { describe } from './schema-read';
import type { YNode } from './yaml';

/** A node as a message shows it: a scalar's value (strings quoted), else what kind of node it is. */
export function shownNode(node: YNode): Localized {
  if (node.kind === 'map') return { zh: '映射', en: 'a mapping' };
  if (node.kind === 'seq') return { zh: '列表', en: 'a list' };
  return { zh: describe(node.value), en: describe(node.value) };
}

/**
 * A value outside an enum: the allowed values, the did-you-mean when there is one, and the rule set
 * where the value would be valid (`other`, with the raw value `raw`).
 */
export function enumMessage(path: string, allowed: string, shown: Localized, canonical: string | undefined, other: string | undefined, raw: unknown): Localized {
  let zh = `${path} 的值 ${shown.zh} 无效，应为 ${allowed}`;
  let en = `${path}: ${shown.en} is not one of ${allowed}`;
  if (canonical !== undefined) {
    zh += `。您是否想写 ${canonical}？`;
    en += `. Did you mean ${canonical}?`;
  }
  if (other) {
    zh += `（${describe(raw)} 仅在 guideline: ${other} 下有效，请设置 guideline: ${other}）`;
    en += ` (${describe(raw)} is valid only under guideline: ${other}; set guideline: ${other})`;
  }
  return { zh, en };
}

/**
 * A key the schema does not allow (`childPath`), or one that is forbidden in this file (dossier.yaml:
 * `document`): the did-you-mean, else the allowed keys; and the rule set where the key exists.
 */
export function unknownKeyMessage(
  key: string,
  childPath: string,
  forbidden: boolean,
  guess: string | undefined,
  names: string[],
  other: string | undefined,
): Localized {
  let zh = forbidden ? `${key} 不能写在 dossier.yaml 中，应写在各文件的 frontmatter 中` : `未知的键 ${childPath}`;
  let en = forbidden ? `${key} does not belong in dossier.yaml; set it in each file's frontmatter` : `Unknown key ${childPath}`;
  if (guess) {
    zh += `。您是否想写 ${guess}？`;
    en += `. Did you mean ${guess}?`;
  } else if (!forbidden && names.length) {
    zh += `（允许的键：${names.join(', ')}）`;
    en += ` (allowed: ${names.join(', ')})`;
  }
  if (other) {
    zh += `（该键仅在 guideline: ${other} 下有效，请设置 guideline: ${other}）`;
    en += ` (valid only under guideline: ${other}; set guideline: ${other})`;
  }
  return { zh, en };
}

export function emptyItemMessage(path: string): Localized {
  return { zh: `${path} 含空项`, en: `${path} has an empty item` };
}

export function minItemsMessage(path: string, minItems: number): Localized {
  return { zh: `${path} 至少需要 ${minItems} 个值`, en: `${path} needs at least ${minItems} value(s)` };
}

/** JSON Schema `format: date` (RFC 3339 full-date) not met. */
export function dateMessage(path: string, value: unknown): Localized {
  return {
    zh: `${path} 的值 ${describe(value)} 不是有效日期：应为 YYYY-MM-DD 形式的日历日期（如 2026-03-02）`,
    en: `${path}: ${describe(value)} is not a valid date: write a calendar date as YYYY-MM-DD (2026-03-02)`,
  };
}

const EXPECTED_EN: Record<string, string> = { object: 'a mapping', array: 'a list', string: 'text', number: 'a number', boolean: 'true or false', integer: 'an integer' };
const EXPECTED_ZH: Record<string, string> = { object: '映射', array: '列表', string: '文本', number: '数字', boolean: 'true 或 false', integer: '整数' };

/** A value of the wrong type: the types the schema wants, what was written, a did-you-mean (`[value]` for a list). */
export function typeMessage(path: string, want: string[], shown: Localized, suggestion: string | undefined): Localized {
  const expected = want.map((w) => EXPECTED_EN[w] ?? w);
  const expectedZh = want.map((w) => EXPECTED_ZH[w] ?? w);
  return {
    zh: `${path} 应为${expectedZh.join('或')}，实际为 ${shown.zh}${suggestion ? `。您是否想写 ${suggestion}？` : ''}`,
    en: `${path} must be ${expected.join(' or ')}, not ${shown.en}${suggestion ? `. Did you mean ${suggestion}?` : ''}`,
  };
}

export const NOT_A_MAPPING: Localized = { zh: 'frontmatter 应为键值映射', en: 'The frontmatter must be a mapping of keys to values' };
