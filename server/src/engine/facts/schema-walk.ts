// The validation walk: one YAML node against one schema, by JSON-Schema keyword family — `enum`
// (with x-aliases and x-replaced), `properties` / `additionalProperties`, `items` / `minItems`,
// `type` / `format` on scalars. Each family is a function that returns the node's value (or
// undefined when it is absent or invalid) and records its positions, invalid paths and issues
// in the run; the sentences are schema-messages.ts.

import type { JsonSchema } from '../rulesets/types';
import { didYouMean, type Range } from '../text';
import {
  dateMessage,
  emptyItemMessage,
  enumMessage,
  minItemsMessage,
  shownNode,
  typeMessage,
  unknownKeyMessage,
} from './schema-messages';
import {
  canonicalEnum,
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
import type { YEntry, YNode } from './yaml';

/** One validation: the root schema, the options, and what the walk collects. */
export interface ValidationRun {
  schema: JsonSchema;
  opts: ValidateOptions;
  out: Validated;
}

type ScalarNode = Extract<YNode, { kind: 'scalar' }>;

function issue(run: ValidationRun, i: FactIssue): void {
  run.out.issues.push(i);
}

/**
 * The rule set among `opts.others` under which a key (at `path`) or an enum value would be valid:
 * a hint for a dossier written against another guideline.
 */
export function validElsewhere(opts: ValidateOptions, path: string, key: string | undefined, value: unknown): string | undefined {
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
}

/**
 * A node against its schema: its position is recorded, an empty value is absent, then the first
 * keyword family that applies decides (enum, object, array, scalar type), else the type is wrong.
 */
export function walkNode(run: ValidationRun, node: YNode, s0: JsonSchema, path: string, keyRange?: Range): FactValue | undefined {
  const s = resolveRef(s0, run.schema);
  run.out.positions.set(path, { key: keyRange, value: node.range });
  const want = types(s);
  if (node.kind === 'scalar' && node.value === null) return undefined; // empty = absent
  if (s.enum) return walkEnum(run, node, s, path);
  if (want.includes('object') && node.kind === 'map') return walkObject(run, node.entries, s, path);
  if (want.includes('array') && node.kind === 'seq') return walkArray(run, node, s, path);
  if (node.kind === 'scalar') {
    if (isBadDate(node, s, want)) {
      run.out.invalid.add(path);
      issue(run, { path, range: node.range, message: dateMessage(path, node.value), target: 'value' });
      return undefined;
    }
    const v = typedScalar(node, want);
    if (v !== undefined) return v;
  }
  return typeMismatch(run, node, s, want, path);
}

/**
 * `enum`: the canonical value of a scalar (an alias resolved), else invalid with a did-you-mean —
 * a value the rule set renamed (2017 `health` → 2022 `sensitive-medical`, x-replaced) suggests its
 * successor — and the rule set where the value is valid.
 */
function walkEnum(run: ValidationRun, node: YNode, s: JsonSchema, path: string): FactValue | undefined {
  const values = s.enum ?? [];
  const raw = node.kind === 'scalar' ? node.value : undefined;
  const c = node.kind === 'scalar' ? canonicalEnum(s, raw) : undefined;
  if (c !== undefined) return c;
  run.out.invalid.add(path);
  const candidates = [...values.map(String), ...Object.keys(s['x-aliases'] ?? {})];
  const replaced = raw !== undefined && raw !== null ? (s['x-replaced'] as Record<string, string> | undefined)?.[String(raw)] : undefined;
  const guess = replaced ?? (raw !== undefined && raw !== null ? didYouMean(String(raw), candidates) : undefined);
  const canonical = guess !== undefined ? String(canonicalEnum(s, guess) ?? guess) : undefined;
  const other = node.kind === 'scalar' ? validElsewhere(run.opts, path, undefined, raw) : undefined;
  const message = enumMessage(path, values.map(String).join(' | '), shownNode(node), canonical, other, raw);
  issue(run, { path, range: node.range, message, suggestion: canonical, target: 'value' });
  return undefined;
}

/**
 * `properties` / `additionalProperties`: each key once (the YAML parser reported duplicates), known
 * keys walked, unknown ones reported where the schema closes the mapping, forbidden top-level keys
 * (`opts.forbid`) always.
 */
function walkObject(run: ValidationRun, entries: YEntry[], s: JsonSchema, path: string): FactObject {
  const obj = newFactObject();
  const seen = new Set<string>();
  for (const e of entries) {
    const childPath = path ? `${path}.${e.key}` : e.key;
    if (seen.has(e.key)) continue; // the YAML parser already reported the duplicate
    seen.add(e.key);
    const forbidden = !path && !!run.opts.forbid?.includes(e.key);
    const prop = Object.prototype.hasOwnProperty.call(s.properties ?? {}, e.key) ? s.properties![e.key] : undefined;
    if (!prop || forbidden) {
      if (s.additionalProperties === false || forbidden) unknownKey(run, e, s, path, childPath, forbidden);
      continue;
    }
    const v = walkNode(run, e.node, prop, childPath, e.keyRange);
    if (v !== undefined) obj[e.key] = v;
  }
  return obj;
}

/** An unknown or forbidden key: invalid, positioned, reported on the key with a did-you-mean. */
function unknownKey(run: ValidationRun, e: YEntry, s: JsonSchema, path: string, childPath: string, forbidden: boolean): void {
  const { opts, out } = run;
  out.invalid.add(childPath);
  out.positions.set(childPath, { key: e.keyRange, value: e.node.range });
  const names = Object.keys(s.properties ?? {}).filter((k) => !(opts.forbid ?? []).includes(k) || path);
  const guess = forbidden ? undefined : didYouMean(e.key, names);
  const other = forbidden ? undefined : validElsewhere(opts, path, e.key, undefined);
  const message = unknownKeyMessage(e.key, childPath, forbidden, guess, names, other);
  issue(run, { path: childPath, range: e.keyRange, message, suggestion: guess, target: 'key' });
}

/** `items` / `minItems`: each item walked, an empty item reported, too few items make the list invalid. */
function walkArray(run: ValidationRun, node: Extract<YNode, { kind: 'seq' }>, s: JsonSchema, path: string): FactValue[] | undefined {
  const arr: FactValue[] = [];
  node.items.forEach((item, i) => {
    const v = s.items ? walkNode(run, item, s.items, `${path}.${i}`) : undefined;
    if (v !== undefined) arr.push(v);
    else if (item.kind === 'scalar' && item.value === null) {
      run.out.invalid.add(`${path}.${i}`);
      issue(run, { path: `${path}.${i}`, range: item.range, message: emptyItemMessage(path), target: 'value' });
    }
  });
  if (s.minItems !== undefined && node.items.length < s.minItems) {
    run.out.invalid.add(path);
    issue(run, { path, range: node.range, message: minItemsMessage(path, s.minItems), target: 'value' });
    return undefined;
  }
  return arr;
}

/** `format: date` (RFC 3339 full-date) on a string: a real calendar day, YYYY-MM-DD. */
function isBadDate(node: ScalarNode, s: JsonSchema, want: string[]): boolean {
  return typeof node.value === 'string' && want.includes('string') && s.format === 'date' && !isCalendarDate(node.value);
}

/** `type` on a scalar: its value when the schema accepts its type (an integral number as integer). */
function typedScalar(node: ScalarNode, want: string[]): FactValue | undefined {
  const t = typeof node.value;
  if ((t === 'string' && want.includes('string')) || (t === 'number' && want.includes('number')) || (t === 'boolean' && want.includes('boolean'))) {
    return node.value as FactValue;
  }
  if (t === 'number' && want.includes('integer') && Number.isInteger(node.value)) return node.value as number;
  return undefined;
}

/** A node of the wrong type: invalid; a scalar where a list of enum values is wanted suggests `[value]`. */
function typeMismatch(run: ValidationRun, node: YNode, s: JsonSchema, want: string[], path: string): undefined {
  run.out.invalid.add(path);
  let suggestion: string | undefined;
  if (want.includes('array') && node.kind === 'scalar' && s.items) {
    const c = canonicalEnum(resolveRef(s.items, run.schema), node.value);
    if (c !== undefined) suggestion = `[${c}]`;
  }
  issue(run, { path, range: node.range, message: typeMessage(path, want, shownNode(node), suggestion), suggestion, target: 'value' });
  return undefined;
}
