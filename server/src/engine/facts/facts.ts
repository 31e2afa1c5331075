// Product facts: a file's validated frontmatter deep-merged over its dossier.yaml (mappings key by
// key; sequences and scalars replace), with the origin of every value, and three-valued
// condition evaluation over them ("an invalid value decides nothing").

import type { Condition } from '../rulesets/types';
import type { Range } from '../text';
import { newFactObject, type FactObject, type FactValue, type Validated } from './schema';

export type Origin = 'file' | 'dossier';

export interface Facts {
  values: FactObject;
  invalid: Set<string>;
  /** Where each top-level-to-leaf path was set. */
  origin: Map<string, Origin>;
  file?: Validated;
  dossier?: Validated;
}

function isObj(v: unknown): v is FactObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function mergeFacts(file: Validated | undefined, dossier: Validated | undefined): Facts {
  const origin = new Map<string, Origin>();
  const mark = (v: FactValue, path: string, o: Origin) => {
    origin.set(path, o);
    if (isObj(v)) for (const [k, c] of Object.entries(v)) mark(c, `${path}.${k}`, o);
  };
  const merge = (base: FactObject | undefined, over: FactObject | undefined, path: string): FactObject => {
    const out = newFactObject();
    for (const [k, v] of Object.entries(base ?? {})) {
      out[k] = v;
      mark(v, path ? `${path}.${k}` : k, 'dossier');
    }
    for (const [k, v] of Object.entries(over ?? {})) {
      const p = path ? `${path}.${k}` : k;
      if (isObj(v) && isObj(out[k])) {
        out[k] = merge(out[k] as FactObject, v, p);
        origin.set(p, 'file');
      } else {
        out[k] = v;
        mark(v, p, 'file');
      }
    }
    return out;
  };
  const values = merge(dossier?.values, file?.values, '');
  const invalid = new Set<string>();
  for (const p of dossier?.invalid ?? []) if (!(file?.positions.has(p) && !file.invalid.has(p))) invalid.add(p);
  for (const p of file?.invalid ?? []) invalid.add(p);
  return { values, invalid, origin, file, dossier };
}

export type FactStatus = { status: 'valid'; value: FactValue } | { status: 'absent' } | { status: 'invalid' };

export function getFact(facts: Facts, path: string): FactStatus {
  const parts = path.split('.');
  let cur: FactValue | undefined = facts.values;
  let prefix = '';
  for (const part of parts) {
    prefix = prefix ? `${prefix}.${part}` : part;
    if (facts.invalid.has(prefix)) return { status: 'invalid' };
    if (cur === undefined) continue;
    if (Array.isArray(cur)) cur = /^\d+$/.test(part) ? cur[Number(part)] : undefined;
    else if (isObj(cur)) cur = Object.prototype.hasOwnProperty.call(cur, part) ? cur[part] : undefined;
    else cur = undefined;
  }
  if (cur === undefined) return { status: 'absent' };
  return { status: 'valid', value: cur };
}

/** True when some invalid path lies at or below `path` (a list with a bad item, say). */
function hasInvalidBelow(facts: Facts, path: string): boolean {
  for (const p of facts.invalid) if (p === path || p.startsWith(`${path}.`)) return true;
  return false;
}

/** Positions of a fact's key and value, in the file or in dossier.yaml. */
export function factPosition(facts: Facts, path: string): { origin: Origin; key?: Range; value: Range } | undefined {
  const f = facts.file?.positions.get(path);
  if (f) return { origin: 'file', ...f };
  const d = facts.dossier?.positions.get(path);
  if (d) return { origin: 'dossier', ...d };
  return undefined;
}

/** A fact that made a condition hold, for messages ("functions.remote_control: realtime"). */
export interface Because {
  fact?: string;
  value?: string;
  table?: string;
}

export interface Verdict {
  /** undefined = unknown (an invalid fact is involved). */
  value: boolean | undefined;
  because: Because[];
}

export interface ConditionContext {
  facts: Facts;
  /**
   * Listing table rows of a requirement in the dossier: true/false, undefined if the section is
   * absent, 'unknown' while the document is not parsed yet (decides nothing).
   */
  tableRows?: (ids: string[]) => boolean | undefined | 'unknown';
  /** Whether one of these requirements is answered in the dossier ('unknown' before parsing). */
  answered?: (ids: string[]) => boolean | 'unknown';
}

const T = (because: Because[] = []): Verdict => ({ value: true, because });
const F: Verdict = { value: false, because: [] };
const U: Verdict = { value: undefined, because: [] };

function show(v: FactValue): string {
  if (Array.isArray(v)) return `[${v.map(show).join(', ')}]`;
  if (isObj(v)) return JSON.stringify(v);
  return String(v);
}

export function evaluate(c: Condition, ctx: ConditionContext): Verdict {
  const { facts } = ctx;
  if ('always' in c) return T();
  if ('all' in c) {
    const rs = c.all.map((x) => evaluate(x, ctx));
    if (rs.some((r) => r.value === false)) return F;
    if (rs.some((r) => r.value === undefined)) return U;
    return T(rs.flatMap((r) => r.because));
  }
  if ('any' in c) {
    const rs = c.any.map((x) => evaluate(x, ctx));
    const yes = rs.find((r) => r.value === true);
    if (yes) return T(yes.because);
    if (rs.some((r) => r.value === undefined)) return U;
    return F;
  }
  if ('not' in c) {
    const r = evaluate(c.not, ctx);
    return r.value === undefined ? U : r.value ? F : T();
  }
  if ('tableHasRows' in c) {
    const r = ctx.tableRows?.(c.tableHasRows);
    if (r === 'unknown') return U;
    return r === undefined ? F : r ? T([{ table: c.tableHasRows[0] }]) : F;
  }
  if ('tableListsNone' in c) {
    const r = ctx.tableRows?.(c.tableListsNone);
    if (r === 'unknown') return U;
    // No such section in the dossier: it lists nothing only where it says so (an IFU checked
    // alone cannot tell), so the requirements it would switch off stay on.
    return r === undefined ? F : r ? F : T([{ table: c.tableListsNone[0] }]);
  }
  if ('answeredIn' in c) {
    const r = ctx.answered?.(c.answeredIn);
    if (r === 'unknown') return U;
    return r ? T([{ table: c.answeredIn[0] }]) : F;
  }
  if ('ordinal' in c) {
    const o = c.ordinal;
    let value: string | undefined;
    let used: string | undefined;
    for (const f of o.facts) {
      const s = getFact(facts, f);
      if (s.status === 'invalid') return U;
      if (s.status === 'valid' && typeof s.value === 'string') {
        value = s.value;
        used = f;
        break;
      }
    }
    if (value === undefined) return U;
    const i = o.order.indexOf(value);
    if (i < 0) return U;
    let ok = true;
    if (o.atLeast !== undefined) ok &&= i >= o.order.indexOf(o.atLeast);
    if (o.below !== undefined) ok &&= i < o.order.indexOf(o.below);
    if (o.equals !== undefined) ok &&= value === o.equals;
    return ok ? T([{ fact: used, value }]) : F;
  }
  if ('compare' in c) {
    const { left, right, order, op } = c.compare;
    const a = getFact(facts, left);
    const b = getFact(facts, right);
    if (a.status === 'invalid' || b.status === 'invalid') return U;
    if (a.status === 'absent' || b.status === 'absent') return F;
    const i = order.indexOf(String(a.value));
    const j = order.indexOf(String(b.value));
    if (i < 0 || j < 0) return U;
    return (op === 'lt' ? i < j : i > j) ? T([{ fact: left, value: show(a.value) }, { fact: right, value: show(b.value) }]) : F;
  }
  const s = getFact(facts, c.fact);
  if ('absent' in c) {
    if (s.status === 'invalid' || hasInvalidBelow(facts, c.fact)) return U;
    return s.status === 'absent' ? T() : F;
  }
  if ('present' in c) {
    if (s.status === 'invalid') return U;
    return s.status === 'valid' ? T([{ fact: c.fact, value: 'present' }]) : F;
  }
  if ('known' in c) return s.status === 'valid' ? T() : U;
  if (s.status === 'invalid') return U;
  if ('nonEmpty' in c) {
    if (s.status === 'absent') return hasInvalidBelow(facts, c.fact) ? U : F;
    if (Array.isArray(s.value) && s.value.length > 0) return T([{ fact: c.fact, value: show(s.value) }]);
    return hasInvalidBelow(facts, c.fact) ? U : F;
  }
  if ('equals' in c) {
    if (s.status === 'absent') return F;
    return s.value === c.equals ? T([{ fact: c.fact, value: show(s.value) }]) : F;
  }
  if ('in' in c) {
    if (s.status === 'absent') return F;
    return c.in.includes(s.value as string) ? T([{ fact: c.fact, value: show(s.value) }]) : F;
  }
  if ('includes' in c) {
    if (s.status === 'absent') return hasInvalidBelow(facts, c.fact) ? U : F;
    if (Array.isArray(s.value) && s.value.includes(c.includes)) return T([{ fact: c.fact, value: c.includes }]);
    return hasInvalidBelow(facts, c.fact) ? U : F;
  }
  if ('anyItem' in c) {
    if (s.status === 'absent') return hasInvalidBelow(facts, c.fact) ? U : F;
    if (!Array.isArray(s.value)) return F;
    const hit = s.value.find((item) => isObj(item) && item[c.anyItem.key] === c.anyItem.equals);
    if (hit && isObj(hit)) {
      const name = hit.name !== undefined ? String(hit.name) : '';
      return T([{ fact: c.fact, value: `${name}${name ? ' ' : ''}(${c.anyItem.key}: ${c.anyItem.equals})` }]);
    }
    return hasInvalidBelow(facts, c.fact) ? U : F;
  }
  return U;
}
