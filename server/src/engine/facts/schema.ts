// Validation of YAML facts against a rule set's JSON Schema (schemas/frontmatter.*.schema.json).
// The schema is the single source of truth: keys, types, enums, zh aliases (x-aliases), zh labels
// and the requirements a key switches on. We interpret the subset we use rather than compile it,
// so that every problem keeps its YAML position and gets a did-you-mean.

import type { JsonSchema } from '../rulesets/types';
import { didYouMean, type Range } from '../text';
import {
  canonicalEnum,
  describe,
  isCalendarDate,
  newFactObject,
  resolveRef,
  schemaAt,
  types,
  type FactIssue,
  type FactObject,
  type FactValue,
  type ValidateOptions,
  type Validated,
} from './schema-read';
import type { YNode } from './yaml';

export {
  canonicalEnum,
  isCalendarDate,
  newFactObject,
  resolveRef,
  schemaAt,
  type FactIssue,
  type FactObject,
  type FactValue,
  type ValidateOptions,
  type Validated,
};

export function validate(root: YNode, schema: JsonSchema, opts: ValidateOptions = {}): Validated {
  const out: Validated = { values: newFactObject(), invalid: new Set(), positions: new Map(), issues: [] };
  const issue = (i: FactIssue) => out.issues.push(i);

  const elsewhere = (path: string, key: string | undefined, value: unknown): string | undefined => {
    for (const o of opts.others ?? []) {
      if (key !== undefined) {
        const parent = path ? schemaAt(o.schema, path) : o.schema;
        if (parent?.properties && Object.prototype.hasOwnProperty.call(parent.properties, key)) return o.id;
      } else {
        const s = schemaAt(o.schema, path);
        if (s && canonicalEnum(s, value) !== undefined) return o.id;
        if (s?.items && canonicalEnum(resolveRef(s.items, o.schema), value) !== undefined) return o.id;
      }
    }
    return undefined;
  };

  const walk = (node: YNode, s0: JsonSchema, path: string, keyRange?: Range): FactValue | undefined => {
    const s = resolveRef(s0, schema);
    out.positions.set(path, { key: keyRange, value: node.range });
    const want = types(s);
    if (node.kind === 'scalar' && node.value === null) return undefined; // empty = absent
    if (s.enum) {
      const raw = node.kind === 'scalar' ? node.value : undefined;
      const c = node.kind === 'scalar' ? canonicalEnum(s, raw) : undefined;
      if (c !== undefined) return c;
      out.invalid.add(path);
      const candidates = [...s.enum.map(String), ...Object.keys(s['x-aliases'] ?? {})];
      // A value the rule set renamed (2017 `health` → 2022 `sensitive-medical`) suggests its successor.
      const replaced = raw !== undefined && raw !== null ? (s['x-replaced'] as Record<string, string> | undefined)?.[String(raw)] : undefined;
      const guess = replaced ?? (raw !== undefined && raw !== null ? didYouMean(String(raw), candidates) : undefined);
      const canonical = guess !== undefined ? String(canonicalEnum(s, guess) ?? guess) : undefined;
      const other = node.kind === 'scalar' ? elsewhere(path, undefined, raw) : undefined;
      const allowed = s.enum.map(String).join(' | ');
      const shown = node.kind === 'scalar' ? describe(raw) : node.kind === 'map' ? 'a mapping' : 'a list';
      const shownZh = node.kind === 'scalar' ? describe(raw) : node.kind === 'map' ? '映射' : '列表';
      let zh = `${path} 的值 ${shownZh} 无效，应为 ${allowed}`;
      let en = `${path}: ${shown} is not one of ${allowed}`;
      if (canonical !== undefined) {
        zh += `。您是否想写 ${canonical}？`;
        en += `. Did you mean ${canonical}?`;
      }
      if (other) {
        zh += `（${describe(raw)} 仅在 guideline: ${other} 下有效，请设置 guideline: ${other}）`;
        en += ` (${describe(raw)} is valid only under guideline: ${other}; set guideline: ${other})`;
      }
      issue({ path, range: node.range, message: { zh, en }, suggestion: canonical, target: 'value' });
      return undefined;
    }
    if (want.includes('object') && node.kind === 'map') {
      const obj = newFactObject();
      const seen = new Set<string>();
      for (const e of node.entries) {
        const childPath = path ? `${path}.${e.key}` : e.key;
        if (seen.has(e.key)) continue; // the YAML parser already reported the duplicate
        seen.add(e.key);
        const forbidden = !path && opts.forbid?.includes(e.key);
        const prop = Object.prototype.hasOwnProperty.call(s.properties ?? {}, e.key) ? s.properties![e.key] : undefined;
        if (!prop || forbidden) {
          if (s.additionalProperties === false || forbidden) {
            out.invalid.add(childPath);
            out.positions.set(childPath, { key: e.keyRange, value: e.node.range });
            const names = Object.keys(s.properties ?? {}).filter((k) => !(opts.forbid ?? []).includes(k) || path);
            const guess = forbidden ? undefined : didYouMean(e.key, names);
            const other = forbidden ? undefined : elsewhere(path, e.key, undefined);
            let zh = forbidden ? `${e.key} 不能写在 dossier.yaml 中，应写在各文件的 frontmatter 中` : `未知的键 ${childPath}`;
            let en = forbidden ? `${e.key} does not belong in dossier.yaml; set it in each file's frontmatter` : `Unknown key ${childPath}`;
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
            issue({ path: childPath, range: e.keyRange, message: { zh, en }, suggestion: guess, target: 'key' });
          }
          continue;
        }
        const v = walk(e.node, prop, childPath, e.keyRange);
        if (v !== undefined) obj[e.key] = v;
      }
      return obj;
    }
    if (want.includes('array') && node.kind === 'seq') {
      const arr: FactValue[] = [];
      node.items.forEach((item, i) => {
        const v = s.items ? walk(item, s.items, `${path}.${i}`) : undefined;
        if (v !== undefined) arr.push(v);
        else if (item.kind === 'scalar' && item.value === null) {
          out.invalid.add(`${path}.${i}`);
          issue({ path: `${path}.${i}`, range: item.range, message: { zh: `${path} 含空项`, en: `${path} has an empty item` }, target: 'value' });
        }
      });
      if (s.minItems !== undefined && node.items.length < s.minItems) {
        out.invalid.add(path);
        issue({
          path,
          range: node.range,
          message: { zh: `${path} 至少需要 ${s.minItems} 个值`, en: `${path} needs at least ${s.minItems} value(s)` },
          target: 'value',
        });
        return undefined;
      }
      return arr;
    }
    if (node.kind === 'scalar') {
      const t = typeof node.value;
      if (t === 'string' && want.includes('string') && s.format === 'date' && !isCalendarDate(node.value as string)) {
        // JSON Schema `format: date` (RFC 3339 full-date): a real calendar day, YYYY-MM-DD.
        out.invalid.add(path);
        issue({
          path,
          range: node.range,
          message: {
            zh: `${path} 的值 ${describe(node.value)} 不是有效日期：应为 YYYY-MM-DD 形式的日历日期（如 2026-03-02）`,
            en: `${path}: ${describe(node.value)} is not a valid date: write a calendar date as YYYY-MM-DD (2026-03-02)`,
          },
          target: 'value',
        });
        return undefined;
      }
      if ((t === 'string' && want.includes('string')) || (t === 'number' && want.includes('number')) || (t === 'boolean' && want.includes('boolean'))) {
        return node.value as FactValue;
      }
      if (t === 'number' && want.includes('integer') && Number.isInteger(node.value)) return node.value as number;
    }
    out.invalid.add(path);
    const expected = want.map((w) => ({ object: 'a mapping', array: 'a list', string: 'text', number: 'a number', boolean: 'true or false', integer: 'an integer' })[w] ?? w);
    const expectedZh = want.map((w) => ({ object: '映射', array: '列表', string: '文本', number: '数字', boolean: 'true 或 false', integer: '整数' })[w] ?? w);
    const got = node.kind === 'map' ? 'a mapping' : node.kind === 'seq' ? 'a list' : describe(node.value);
    const gotZh = node.kind === 'map' ? '映射' : node.kind === 'seq' ? '列表' : describe(node.value);
    let suggestion: string | undefined;
    if (want.includes('array') && node.kind === 'scalar' && s.items) {
      const c = canonicalEnum(resolveRef(s.items, schema), node.value);
      if (c !== undefined) suggestion = `[${c}]`;
    }
    issue({
      path,
      range: node.range,
      message: {
        zh: `${path} 应为${expectedZh.join('或')}，实际为 ${gotZh}${suggestion ? `。您是否想写 ${suggestion}？` : ''}`,
        en: `${path} must be ${expected.join(' or ')}, not ${got}${suggestion ? `. Did you mean ${suggestion}?` : ''}`,
      },
      suggestion,
      target: 'value',
    });
    return undefined;
  };

  if (root.kind !== 'map') {
    issue({
      path: '',
      range: root.range,
      message: { zh: 'frontmatter 应为键值映射', en: 'The frontmatter must be a mapping of keys to values' },
      target: 'value',
    });
    out.invalid.add('');
    return out;
  }
  const v = walk(root, schema, '');
  if (v && typeof v === 'object' && !Array.isArray(v)) out.values = v;
  return out;
}

/** Required keys missing from merged values: [parentPath, key]. */
export function missingRequired(values: FactObject, schema: JsonSchema, invalid: Set<string>): { parent: string; key: string }[] {
  const out: { parent: string; key: string }[] = [];
  const walk = (obj: FactObject | undefined, s0: JsonSchema, path: string) => {
    const s = resolveRef(s0, schema);
    for (const key of s.required ?? []) {
      const p = path ? `${path}.${key}` : key;
      if (invalid.has(p)) continue;
      const v = obj?.[key];
      if (v === undefined) out.push({ parent: path, key });
    }
    for (const [key, prop] of Object.entries(s.properties ?? {})) {
      const v = obj?.[key];
      const ps = resolveRef(prop, schema);
      const p = path ? `${path}.${key}` : key;
      if (v && typeof v === 'object' && !Array.isArray(v)) walk(v as FactObject, ps, p);
      if (Array.isArray(v) && ps.items) {
        const is = resolveRef(ps.items, schema);
        if (is.required)
          v.forEach((item, i) => {
            if (item && typeof item === 'object' && !Array.isArray(item)) walk(item as FactObject, is, `${p}.${i}`);
          });
      }
    }
  };
  walk(values, schema, '');
  return out;
}
