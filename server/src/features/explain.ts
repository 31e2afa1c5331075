// Why a conditional requirement does not apply: walks a rule set's Condition tree (the same
// three-valued semantics as engine/facts/facts.ts `evaluate`) and reports the leaves that keep it
// from holding, with the facts' actual values ("interfaces.network.dedicated_wireless = false",
// "security_software: not declared", "interfaces.network.protocols is invalid"). The checklist
// shows this next to a requirement that is not required here.

import { evaluate, getFact, findRequirement, type ConditionContext, type FactValue, type Condition, type Localized } from '../engine';

export interface FactLeaf {
  /** The fact path, or undefined for a table leaf. */
  fact?: string;
  /** Requirement IDs whose listing table the leaf is about (tableHasRows / tableListsNone). */
  table?: string[];
  /** 'false': the leaf is false (or true where it must be false); 'unknown': an invalid value decides nothing. */
  state: 'false' | 'unknown';
  /** The actual value as shown: a value, or absent / invalid. */
  actual: { kind: 'value'; value: string } | { kind: 'absent' } | { kind: 'invalid' } | { kind: 'table'; rows: boolean | undefined };
  /** What the condition wanted, e.g. "= true", "includes health", "has an item with kind: custom". */
  expected: Localized;
  /** One line: "interfaces.network.dedicated_wireless = false". */
  text: Localized;
}

export interface Explanation {
  /** The condition's value: false or unknown (undefined). True conditions need no explanation. */
  value: boolean | undefined;
  leaves: FactLeaf[];
  /** The leaves joined: "security_software: not declared; D1.5 lists nothing". */
  text: Localized;
}

function show(v: FactValue): string {
  if (Array.isArray(v)) return `[${v.map(showItem).join(', ')}]`;
  if (v && typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** A list item as a reader knows it: `HL7 v2.6 (kind: standard)` rather than JSON. */
function showItem(v: FactValue): string {
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const name = v.name !== undefined ? String(v.name) : '';
    const rest = Object.entries(v)
      .filter(([k]) => k !== 'name')
      .map(([k, x]) => `${k}: ${show(x)}`)
      .join(', ');
    return name && rest ? `${name} (${rest})` : name || rest || '{}';
  }
  return show(v);
}

const lit = (v: string | boolean | number) => String(v);

function expectedOf(c: Condition, want: boolean): Localized {
  const neg = (l: Localized): Localized => (want ? l : { zh: `不${l.zh}`, en: `not ${l.en}` });
  if ('equals' in c && 'fact' in c) return want ? { zh: `= ${lit(c.equals)}`, en: `= ${lit(c.equals)}` } : { zh: `≠ ${lit(c.equals)}`, en: `≠ ${lit(c.equals)}` };
  if ('in' in c) return neg({ zh: `为 ${c.in.map(lit).join(' / ')} 之一`, en: `one of ${c.in.map(lit).join(', ')}` });
  if ('present' in c) return want ? { zh: '已声明', en: 'declared' } : { zh: '未声明', en: 'not declared' };
  if ('absent' in c) return want ? { zh: '未声明', en: 'not declared' } : { zh: '已声明', en: 'declared' };
  if ('includes' in c) return neg({ zh: `包含 ${c.includes}`, en: `includes ${c.includes}` });
  if ('known' in c) return want ? { zh: '已声明且有效', en: 'declared and valid' } : { zh: '未声明或无效', en: 'not declared or invalid' };
  if ('nonEmpty' in c) return neg({ zh: '至少有一个值', en: 'has at least one value' });
  if ('anyItem' in c) return neg({ zh: `有 ${c.anyItem.key}: ${c.anyItem.equals} 的项`, en: `has an item with ${c.anyItem.key}: ${c.anyItem.equals}` });
  if ('ordinal' in c) {
    const o = c.ordinal;
    const parts = [o.atLeast !== undefined ? `≥ ${o.atLeast}` : '', o.below !== undefined ? `< ${o.below}` : '', o.equals !== undefined ? `= ${o.equals}` : ''].filter(Boolean).join(', ');
    return neg({ zh: parts, en: parts });
  }
  if ('tableHasRows' in c) return neg({ zh: '列出至少一项', en: 'lists at least one item' });
  if ('tableListsNone' in c) return neg({ zh: '未列出任何项', en: 'lists nothing' });
  return { zh: '', en: '' };
}

function tableName(ids: string[]): Localized {
  const r = findRequirement(ids[0])?.requirement;
  return r ? { zh: `“${r.title.zh}”（${r.id}）`, en: `“${r.title.en}” (${r.id})` } : { zh: ids[0], en: ids[0] };
}

function leafOf(c: Condition, ctx: ConditionContext, want: boolean, state: 'false' | 'unknown'): FactLeaf | undefined {
  if ('tableHasRows' in c || 'tableListsNone' in c) {
    const ids = 'tableHasRows' in c ? c.tableHasRows : c.tableListsNone;
    const r = ctx.tableRows?.(ids);
    const rows = r === 'unknown' ? undefined : r;
    const name = tableName(ids);
    const text: Localized =
      r === 'unknown'
        ? { zh: `${name.zh}尚未解析，无法判断`, en: `${name.en} is not parsed yet: cannot decide` }
        : r === undefined
          ? { zh: `没有${name.zh}章节`, en: `no ${name.en} section` }
          : r
            ? { zh: `${name.zh}列出了条目`, en: `${name.en} lists items` }
            : { zh: `${name.zh}未列出任何条目`, en: `${name.en} lists nothing` };
    return { table: ids, state, actual: { kind: 'table', rows }, expected: expectedOf(c, want), text };
  }
  if ('ordinal' in c) {
    // The first fact that has a value is the one compared (facts.ts).
    for (const f of c.ordinal.facts) {
      const s = getFact(ctx.facts, f);
      if (s.status === 'invalid') return factLeaf(f, { kind: 'invalid' }, c, want, 'unknown');
      if (s.status === 'valid') return factLeaf(f, { kind: 'value', value: show(s.value) }, c, want, state);
    }
    return factLeaf(c.ordinal.facts.join(' / '), { kind: 'absent' }, c, want, state);
  }
  if (!('fact' in c)) return undefined;
  const s = getFact(ctx.facts, c.fact);
  const actual: FactLeaf['actual'] =
    state === 'unknown' || s.status === 'invalid' ? { kind: 'invalid' } : s.status === 'valid' ? { kind: 'value', value: show(s.value) } : { kind: 'absent' };
  return factLeaf(c.fact, actual, c, want, state);
}

function factLeaf(fact: string, actual: FactLeaf['actual'], c: Condition, want: boolean, state: 'false' | 'unknown'): FactLeaf {
  const text: Localized =
    actual.kind === 'value'
      ? { zh: `${fact} = ${actual.value}`, en: `${fact} = ${actual.value}` }
      : actual.kind === 'invalid'
        ? { zh: `${fact} 的值无效，无法判断`, en: `${fact} is invalid: cannot decide` }
        : { zh: `${fact}: 未声明`, en: `${fact}: not declared` };
  return { fact, state, actual, expected: expectedOf(c, want), text };
}

/** The leaves that keep `c` from evaluating to `want` (false, or unknown when it is unknown). */
function why(c: Condition, ctx: ConditionContext, want: boolean): FactLeaf[] {
  const v = evaluate(c, ctx).value;
  if (v === want) return [];
  const state = v === undefined ? 'unknown' : 'false';
  if ('always' in c) return [];
  if ('not' in c) return why(c.not, ctx, !want);
  if ('all' in c || 'any' in c) {
    const kids = 'all' in c ? c.all : c.any;
    const values = kids.map((k) => evaluate(k, ctx).value);
    // all→true / any→false need every child to agree: the culprits are the children that do not
    // (the false ones first; unknown ones only when nothing is plainly false).
    const everyChild = ('all' in c && want) || ('any' in c && !want);
    if (everyChild) {
      const blocking = kids.filter((_, i) => values[i] === !want);
      const pick = blocking.length ? blocking : kids.filter((_, i) => values[i] === undefined);
      return pick.flatMap((k) => why(k, ctx, want));
    }
    // any→true / all→false need one child: every child is a culprit (none of them holds) — or,
    // when the answer is unknown, the children that cannot be decided.
    return kids.filter((_, i) => v !== undefined || values[i] === undefined).flatMap((k) => why(k, ctx, want));
  }
  const leaf = leafOf(c, ctx, want, state);
  return leaf ? [leaf] : [];
}

/** Explains a condition that is not true; undefined when it holds. Leaves are de-duplicated. */
export function explainCondition(c: Condition, ctx: ConditionContext): Explanation | undefined {
  const value = evaluate(c, ctx).value;
  if (value === true) return undefined;
  const seen = new Set<string>();
  const leaves = why(c, ctx, true).filter((l) => {
    if (seen.has(l.text.en)) return false;
    seen.add(l.text.en);
    return true;
  });
  return {
    value,
    leaves,
    text: { zh: leaves.map((l) => l.text.zh).join('；'), en: leaves.map((l) => l.text.en).join('; ') },
  };
}

/** The facts that made a condition true, as a line ("functions.remote_control = realtime"). */
export function becauseText(c: Condition, ctx: ConditionContext): Localized | undefined {
  const v = evaluate(c, ctx);
  if (v.value !== true) return undefined;
  const parts = v.because.filter((b) => b.fact || b.table);
  if (!parts.length) return undefined;
  const one = (b: (typeof parts)[number]): Localized => {
    if (b.table) {
      const n = tableName([b.table]);
      return { zh: `${n.zh}列出了条目`, en: `${n.en} lists items` };
    }
    return b.value === 'present' ? { zh: `已声明 ${b.fact}`, en: `${b.fact} is declared` } : { zh: `${b.fact} = ${b.value}`, en: `${b.fact} = ${b.value}` };
  };
  const ls = parts.map(one);
  return { zh: ls.map((l) => l.zh).join('；'), en: ls.map((l) => l.en).join('; ') };
}
