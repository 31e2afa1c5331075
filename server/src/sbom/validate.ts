// A small structural validator for the fields the importer reads: required fields, JSON types and
// enumerations of the official JSON Schemas (CycloneDX bom-1.4/1.5/1.6.schema.json, SPDX 2.3
// spdx-schema.json). Fields the importer does not read are not checked, so a producer's extension
// or a licence ID missing from the SPDX list never blocks an import. No ajv: the CycloneDX
// library's validator reads its schema files from its package folder at run time (which a
// bundle does not have) and needs three optional peer packages (see README of this folder).

import type { SbomIssue } from './types';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type JsonObject = { [k: string]: Json };

/** At most this many issues are kept (the count goes on). */
export const MAX_ISSUES = 50;

const typeName = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
const zhType: Record<string, string> = { string: '字符串', number: '数字', integer: '整数', boolean: '布尔值', object: '对象', array: '数组', null: 'null' };

/**
 * Where a value sits: a string, or a chain of path segments resolved only when an issue is
 * reported (a path string per component would cost O(depth²) in a deeply nested SBOM).
 */
export interface PathNode {
  up?: PathNode;
  seg: string;
}
export type Where = string | PathNode;

/** Shows at most the innermost 12 segments of a deep path. */
export function pathText(w: Where, key?: string): string {
  let base: string;
  if (typeof w === 'string') base = w;
  else {
    const segs: string[] = [];
    let n: PathNode | undefined = w;
    while (n && segs.length < 12) {
      segs.push(n.seg);
      n = n.up;
    }
    base = (n ? '….' : '') + segs.reverse().join('.').replace(/\.\[/g, '[');
  }
  return key === undefined ? base : base ? `${base}.${key}` : key;
}

export function child(up: Where | undefined, seg: string): PathNode {
  return { up: typeof up === 'string' ? (up ? { seg: up } : undefined) : up, seg };
}

export class Checker {
  readonly issues: SbomIssue[] = [];
  count = 0;

  add(path: Where, zh: string, en: string, plain?: { zh: string; en: string }): void {
    this.count++;
    if (this.issues.length < MAX_ISSUES) this.issues.push({ path: pathText(path), message: { zh, en }, ...(plain ? { plain } : {}) });
  }

  private wrongType(path: Where, want: string, got: unknown): void {
    this.add(path, `应为${zhType[want] ?? want}，实际为${zhType[typeName(got)] ?? typeName(got)}`, `must be ${want === 'array' || want === 'object' || want === 'integer' ? `an ${want}` : `a ${want}`}, not ${typeName(got)}`);
  }

  private missing(path: Where): void {
    this.add(path, '缺少必需字段', 'required field missing');
  }

  /** A string field; undefined when absent or of the wrong type (then an issue). */
  str(o: JsonObject, key: string, path: Where, required = false): string | undefined {
    const v = o[key];
    if (v === undefined) {
      if (required) this.missing(pathText(path, key));
      return undefined;
    }
    if (typeof v !== 'string') {
      this.wrongType(pathText(path, key), 'string', v);
      return undefined;
    }
    return v;
  }

  /** A string field that must be one of `values`. */
  oneOf(o: JsonObject, key: string, path: Where, values: readonly string[], required = false): string | undefined {
    const v = this.str(o, key, path, required);
    if (v !== undefined && !values.includes(v)) {
      const where = pathText(path, key);
      this.add(where, `“${v}”不是允许的值（${values.join('、')}）`, `“${v}” is not one of ${values.join(', ')}`, {
        zh: `不是允许的值（${values.join('、')}）`,
        en: `is not one of ${values.join(', ')}`,
      });
      return undefined;
    }
    return v;
  }

  obj(o: JsonObject, key: string, path: Where, required = false): JsonObject | undefined {
    const v = o[key];
    if (v === undefined) {
      if (required) this.missing(pathText(path, key));
      return undefined;
    }
    if (!isObject(v)) {
      this.wrongType(pathText(path, key), 'object', v);
      return undefined;
    }
    return v;
  }

  arr(o: JsonObject, key: string, path: Where, required = false): Json[] | undefined {
    const v = o[key];
    if (v === undefined) {
      if (required) this.missing(pathText(path, key));
      return undefined;
    }
    if (!Array.isArray(v)) {
      this.wrongType(pathText(path, key), 'array', v);
      return undefined;
    }
    return v;
  }

  int(o: JsonObject, key: string, path: Where, required = false, min?: number): number | undefined {
    const v = o[key];
    const where = pathText(path, key);
    if (v === undefined) {
      if (required) this.missing(where);
      return undefined;
    }
    if (typeof v !== 'number' || !Number.isInteger(v)) {
      this.wrongType(where, 'integer', v);
      return undefined;
    }
    if (min !== undefined && v < min) {
      this.add(where, `不能小于 ${min}`, `must be at least ${min}`);
      return undefined;
    }
    return v;
  }

  /** An array item that must be an object; undefined (with an issue) otherwise. */
  item(v: Json, path: Where): JsonObject | undefined {
    if (!isObject(v)) {
      this.wrongType(path, 'object', v);
      return undefined;
    }
    return v;
  }

  /** An array of strings (items of another type are issues and dropped). */
  strings(o: JsonObject, key: string, path: Where, required = false): string[] | undefined {
    const a = this.arr(o, key, path, required);
    if (!a) return undefined;
    const out: string[] = [];
    a.forEach((v, i) => {
      if (typeof v === 'string') out.push(v);
      else this.wrongType(`${pathText(path, key)}[${i}]`, 'string', v);
    });
    return out;
  }
}

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
