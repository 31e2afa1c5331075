// Three-valued condition evaluation over the merged product facts ("an invalid value decides
// nothing"). The merge itself and the lookup of one fact are merge.ts, re-exported here.

import type { Condition } from '../rulesets/types';
import { factPosition, getFact, hasInvalidBelow, isObj, mergeFacts, type Facts, type FactStatus, type Origin } from './merge';
import type { FactValue } from './schema';

export { factPosition, getFact, mergeFacts, type Facts, type FactStatus, type Origin };

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
