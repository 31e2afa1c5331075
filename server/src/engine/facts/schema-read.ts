// Reading a frontmatter JSON Schema: the value types validation produces, `$ref` resolution, the
// schema of a dotted path, enum values with their aliases and the date format. Shared by the
// validation walk (schema-walk.ts), its messages (schema-messages.ts) and the editor features.

import type { JsonSchema, Localized } from '../rulesets/types';
import type { Range } from '../text';

export type FactValue = string | number | boolean | FactValue[] | FactObject;
export interface FactObject {
  [key: string]: FactValue;
}

export interface FactIssue {
  path: string;
  range: Range;
  message: Localized;
  /** The canonical value or key a did-you-mean proposes (quick fix). */
  suggestion?: string;
  /** 'key' when the key is wrong, 'value' when the value is. */
  target: 'key' | 'value';
}

export interface Validated {
  values: FactObject;
  /** Paths (dotted, array items by index) whose value was present but invalid. */
  invalid: Set<string>;
  /** Positions of keys and values by path. */
  positions: Map<string, { key?: Range; value: Range }>;
  issues: FactIssue[];
}

export interface ValidateOptions {
  /** Top-level keys that are not allowed in this file (dossier.yaml: document). */
  forbid?: string[];
  /** Other rule sets' schemas: a key or value valid there gets a hint naming that rule set. */
  others?: { id: string; schema: JsonSchema }[];
}

export function newFactObject(): FactObject {
  return Object.create(null) as FactObject;
}

export function resolveRef(schema: JsonSchema, root: JsonSchema): JsonSchema {
  let s = schema;
  for (let i = 0; i < 8 && s.$ref; i++) {
    const m = /^#\/definitions\/(.+)$/.exec(s.$ref);
    const target = m ? root.definitions?.[m[1]] : undefined;
    if (!target) break;
    s = target;
  }
  return s;
}

/** The schema of a dotted path ("interfaces.network.protocols.0.kind"), ignoring array indexes. */
export function schemaAt(root: JsonSchema, path: string): JsonSchema | undefined {
  let s: JsonSchema | undefined = root;
  for (const part of path.split('.').filter(Boolean)) {
    if (!s) return undefined;
    s = resolveRef(s, root);
    if (/^\d+$/.test(part)) s = s.items;
    else s = s.properties?.[part];
  }
  return s ? resolveRef(s, root) : undefined;
}

export function types(s: JsonSchema): string[] {
  return s.type === undefined ? [] : Array.isArray(s.type) ? s.type : [s.type];
}

/** Canonical enum value for a raw value (alias resolution), or undefined. */
export function canonicalEnum(s: JsonSchema, raw: unknown): string | number | boolean | undefined {
  if (!s.enum) return undefined;
  if (s.enum.includes(raw as string)) return raw as string;
  const aliases = s['x-aliases'];
  if (aliases && raw !== null && raw !== undefined) {
    const key = String(raw);
    if (Object.prototype.hasOwnProperty.call(aliases, key)) return aliases[key];
  }
  return undefined;
}

/** A calendar day written YYYY-MM-DD (2026-02-30 is not one). */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

export function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}
