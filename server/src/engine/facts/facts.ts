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

/** The condition kinds, in the order evaluate() recognises them (the first key a condition has). */
const KINDS = [
  'always', 'all', 'any', 'not', 'tableHasRows', 'tableListsNone', 'answeredIn', 'ordinal', 'compare',
  'absent', 'present', 'known', 'nonEmpty', 'equals', 'in', 'includes', 'anyItem',
] as const;
type Kind = (typeof KINDS)[number];
type Of<K extends Kind> = Extract<Condition, Record<K, unknown>>;
/** A condition on one fact (`{ fact, equals }` …), given that fact's status. */
type FactCondition = Extract<Condition, { fact: string }>;

/** The kind of a condition: the first of KINDS among its keys (undefined: none, unknown). */
export function conditionKind(c: Condition): Kind | undefined {
  return KINDS.find((k) => k in c);
}

export function evaluate(c: Condition, ctx: ConditionContext): Verdict {
  const kind = conditionKind(c);
  return kind ? (EVALUATORS[kind] as (c: Condition, ctx: ConditionContext) => Verdict)(c, ctx) : U;
}

/**
 * One evaluator per condition kind. The combinators are three-valued (a false part decides `all`,
 * a true part `any`, else an unknown part makes the whole unknown); the table conditions read the
 * dossier through the context; the fact conditions read one fact's status.
 */
const EVALUATORS: { [K in Kind]: (c: Of<K>, ctx: ConditionContext) => Verdict } = {
  always: () => T(),
  all: (c, ctx) => {
    const rs = c.all.map((x) => evaluate(x, ctx));
    if (rs.some((r) => r.value === false)) return F;
    if (rs.some((r) => r.value === undefined)) return U;
    return T(rs.flatMap((r) => r.because));
  },
  any: (c, ctx) => {
    const rs = c.any.map((x) => evaluate(x, ctx));
    const yes = rs.find((r) => r.value === true);
    if (yes) return T(yes.because);
    if (rs.some((r) => r.value === undefined)) return U;
    return F;
  },
  not: (c, ctx) => {
    const r = evaluate(c.not, ctx);
    return r.value === undefined ? U : r.value ? F : T();
  },
  tableHasRows: (c, ctx) => {
    const r = ctx.tableRows?.(c.tableHasRows);
    if (r === 'unknown') return U;
    return r === undefined ? F : r ? T([{ table: c.tableHasRows[0] }]) : F;
  },
  tableListsNone: (c, ctx) => {
    const r = ctx.tableRows?.(c.tableListsNone);
    if (r === 'unknown') return U;
    // No such section in the dossier: it lists nothing only where it says so (an IFU checked
    // alone cannot tell), so the requirements it would switch off stay on.
    return r === undefined ? F : r ? F : T([{ table: c.tableListsNone[0] }]);
  },
  answeredIn: (c, ctx) => {
    const r = ctx.answered?.(c.answeredIn);
    if (r === 'unknown') return U;
    return r ? T([{ table: c.answeredIn[0] }]) : F;
  },
  ordinal: (c, ctx) => evaluateOrdinal(c.ordinal, ctx.facts),
  compare: (c, ctx) => {
    const { left, right, order, op } = c.compare;
    const a = getFact(ctx.facts, left);
    const b = getFact(ctx.facts, right);
    if (a.status === 'invalid' || b.status === 'invalid') return U;
    if (a.status === 'absent' || b.status === 'absent') return F;
    const i = order.indexOf(String(a.value));
    const j = order.indexOf(String(b.value));
    if (i < 0 || j < 0) return U;
    return (op === 'lt' ? i < j : i > j) ? T([{ fact: left, value: show(a.value) }, { fact: right, value: show(b.value) }]) : F;
  },
  absent: (c, ctx) => onFact(c, ctx, (s) => {
    if (s.status === 'invalid' || hasInvalidBelow(ctx.facts, c.fact)) return U;
    return s.status === 'absent' ? T() : F;
  }),
  present: (c, ctx) => onFact(c, ctx, (s) => {
    if (s.status === 'invalid') return U;
    return s.status === 'valid' ? T([{ fact: c.fact, value: 'present' }]) : F;
  }),
  known: (c, ctx) => onFact(c, ctx, (s) => (s.status === 'valid' ? T() : U)),
  nonEmpty: (c, ctx) => onValidFact(c, ctx, (s) => {
    if (s.status === 'absent') return hasInvalidBelow(ctx.facts, c.fact) ? U : F;
    if (Array.isArray(s.value) && s.value.length > 0) return T([{ fact: c.fact, value: show(s.value) }]);
    return hasInvalidBelow(ctx.facts, c.fact) ? U : F;
  }),
  equals: (c, ctx) => onValidFact(c, ctx, (s) => {
    if (s.status === 'absent') return F;
    return s.value === c.equals ? T([{ fact: c.fact, value: show(s.value) }]) : F;
  }),
  in: (c, ctx) => onValidFact(c, ctx, (s) => {
    if (s.status === 'absent') return F;
    return c.in.includes(s.value as string) ? T([{ fact: c.fact, value: show(s.value) }]) : F;
  }),
  includes: (c, ctx) => onValidFact(c, ctx, (s) => {
    if (s.status === 'absent') return hasInvalidBelow(ctx.facts, c.fact) ? U : F;
    if (Array.isArray(s.value) && s.value.includes(c.includes)) return T([{ fact: c.fact, value: c.includes }]);
    return hasInvalidBelow(ctx.facts, c.fact) ? U : F;
  }),
  anyItem: (c, ctx) => onValidFact(c, ctx, (s) => {
    if (s.status === 'absent') return hasInvalidBelow(ctx.facts, c.fact) ? U : F;
    if (!Array.isArray(s.value)) return F;
    const hit = s.value.find((item) => isObj(item) && item[c.anyItem.key] === c.anyItem.equals);
    if (hit && isObj(hit)) {
      const name = hit.name !== undefined ? String(hit.name) : '';
      return T([{ fact: c.fact, value: `${name}${name ? ' ' : ''}(${c.anyItem.key}: ${c.anyItem.equals})` }]);
    }
    return hasInvalidBelow(ctx.facts, c.fact) ? U : F;
  }),
};

/** A fact condition over its fact's status (absent, present and known decide on invalid themselves). */
function onFact(c: FactCondition, ctx: ConditionContext, decide: (s: FactStatus) => Verdict): Verdict {
  return decide(getFact(ctx.facts, c.fact));
}

/** A fact condition that an invalid value leaves unknown before it looks at the value. */
function onValidFact(c: FactCondition, ctx: ConditionContext, decide: (s: Exclude<FactStatus, { status: 'invalid' }>) => Verdict): Verdict {
  const s = getFact(ctx.facts, c.fact);
  return s.status === 'invalid' ? U : decide(s);
}

/**
 * An ordered enum (the security level): the first of `facts` that is a valid string, placed in
 * `order` and compared with the bounds. A first fact that is invalid, or a value outside the
 * order, decides nothing.
 */
function evaluateOrdinal(o: Of<'ordinal'>['ordinal'], facts: Facts): Verdict {
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
