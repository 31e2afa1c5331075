// The support of a component (requirements-fda-premarket-2025.md §10): the end-of-support dates a
// cell or an SBOM value holds, the reference date they are compared with, the words of a level of
// support that says "not supported", and the not-applicable and justification rules. Pure
// functions over text; the words come from the rule set (`componentSupport`).

import { getFact, type Facts } from './facts/facts';
import type { ComponentSupport } from './rulesets/types';
import { notApplicableAnswer } from './tables';
import { countReasonChars } from './text';

/** `YYYY-MM-DD` of a valid calendar date, else undefined. */
function ymd(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1 || d > daysIn(y, m)) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function daysIn(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

// Full dates first, then month, quarter and year precision; a date is never read again as a year.
const DATES =
  /(?<!\d)(\d{4})(?:([-/.])(\d{1,2})\2(\d{1,2})|[-/](\d{1,2})|-[Qq]([1-4])|\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?|\s*年)?(?!\d)|(?<![\p{L}\d])[Qq]([1-4])\s+(\d{4})(?!\d)/gu;

/**
 * The end of support a text states, as `YYYY-MM-DD`: the latest of its dates (mainstream and
 * extended support), a month ending on its last day, a quarter on the quarter's, a year on
 * 31 December. Undefined when it holds no date (§10.1).
 */
export function endOfSupportDate(text: string): string | undefined {
  let latest: string | undefined;
  for (const m of text.normalize('NFKC').matchAll(DATES)) {
    let end: string | undefined;
    if (m[9]) {
      const y = Number(m[10]);
      end = ymd(y, Number(m[9]) * 3, daysIn(y, Number(m[9]) * 3));
    } else {
      const y = Number(m[1]);
      if (y < 1900 || y > 2199) continue;
      if (m[3]) end = ymd(y, Number(m[3]), Number(m[4]));
      else if (m[5]) end = ymd(y, Number(m[5]), Number(m[5]) >= 1 && Number(m[5]) <= 12 ? daysIn(y, Number(m[5])) : 0);
      else if (m[6]) end = ymd(y, Number(m[6]) * 3, daysIn(y, Number(m[6]) * 3));
      else if (m[7]) {
        const mo = Number(m[7]);
        end = m[8] ? ymd(y, mo, Number(m[8])) : mo >= 1 && mo <= 12 ? ymd(y, mo, daysIn(y, mo)) : undefined;
      } else end = ymd(y, 12, 31);
    }
    if (end && (!latest || end > latest)) latest = end;
  }
  return latest;
}

export interface ReferenceDate {
  date: string;
  /** `submission_date`: the rule set's reference fact (its data name is kept as the spec's). */
  source: 'submission_date' | 'today';
}

/**
 * The date ends of support are compared with: the fact (`submission_date`) when it is a valid
 * calendar date; the host's today when it is absent; none when it is invalid (an invalid value
 * decides nothing).
 */
export function referenceDate(facts: Facts | undefined, rules: ComponentSupport, today: string): ReferenceDate | undefined {
  const f = facts ? getFact(facts, rules.referenceDate) : ({ status: 'absent' } as const);
  if (f.status === 'invalid') return undefined;
  if (f.status === 'absent') return { date: today, source: 'today' };
  const v = f.value;
  const m = typeof v === 'string' ? /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/.exec(v) : null;
  const date = m ? ymd(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
  return date ? { date, source: 'submission_date' } : undefined;
}

/** SOURCE_DATE_EPOCH (seconds since 1970) as a date, when it is set (reproducible runs). */
export function sourceDateEpoch(env: Record<string, string | undefined>): Date | undefined {
  const s = env.SOURCE_DATE_EPOCH?.trim();
  return s && /^\d+$/.test(s) ? new Date(Number(s) * 1000) : undefined;
}

/** Today in UTC as `YYYY-MM-DD`. */
export function utcDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Case-folded, width-folded, hyphens and underscores as spaces, spaces collapsed. */
function fold(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[-_/]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Whether a level of support says the component is not supported (§10.1 words). */
export function saysNotSupported(text: string, rules: ComponentSupport): boolean {
  const t = fold(text);
  if (!t) return false;
  if (rules.notSupported.some((w) => t.includes(fold(w)))) return true;
  const tokens = t.split(/[^\p{L}\p{N}]+/u);
  return rules.notSupportedTokens.some((w) => tokens.includes(fold(w)));
}

/** A justification: enough characters that are neither whitespace nor punctuation. */
export function isJustified(text: string | undefined, rules: ComponentSupport): boolean {
  return !!text && countReasonChars(text) >= rules.minJustification;
}

/**
 * A value as an answer: `missing` when empty or a bare not-applicable word (`N/A`, `None`, 不适用),
 * `given` otherwise — a not-applicable answer with a reason (`N/A – mask ROM, no version
 * published`) included (§3.1, §10.2).
 */
export function valueGiven(text: string | undefined, rules: ComponentSupport): boolean {
  const t = (text ?? '').normalize('NFKC').trim();
  if (!t) return false;
  return notApplicableAnswer(t, rules.notApplicable, rules.minJustification) !== 'bare';
}

/** Whether a table's type cell (whole, normalised) names hardware: not a software component. */
export function isHardware(text: string, rules: ComponentSupport): boolean {
  const t = fold(text);
  return !!t && rules.hardware.some((w) => fold(w) === t);
}
