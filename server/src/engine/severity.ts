// Default severities that depend on the facts (requirements-fda-premarket-2025.md §1): the
// absence codes take the severity of their requirement's tier in the file's mode. Applied to a
// finding's rule-set default only — finalize() lets a configured severity win over it.

import type { Finding } from './codes';
import { evaluate, type Facts } from './facts/facts';
import { findRequirement } from './rulesets';
import type { Requirement, RuleSet, Severity } from './rulesets/types';

export type Mode = 'normal' | 'reduced';

/** The file's mode: reduced only when the rule set's condition holds (unknown is normal). */
export function modeOf(ruleset: RuleSet, facts: Facts | undefined): Mode {
  const m = ruleset.severityModes;
  if (!m || !facts) return 'normal';
  return evaluate(m.reduced, { facts }).value === true ? 'reduced' : 'normal';
}

/** The default severity of a requirement's missing-section in a mode (undefined: the code's). */
export function missingSeverityOf(ruleset: RuleSet, r: Requirement, facts: Facts | undefined): Severity | undefined {
  const m = ruleset.severityModes;
  if (!m || !r.tier || !m.tiers[r.tier]) return r.missingSeverity;
  return m.tiers[r.tier][modeOf(ruleset, facts)];
}

export function applySeverityModes(findings: Finding[], ruleset: RuleSet | undefined, facts: Facts | undefined): void {
  const m = ruleset?.severityModes;
  if (!m || !ruleset) return;
  const mode = modeOf(ruleset, facts);
  for (const f of findings) {
    const rule = m.codes[f.code];
    if (!rule) continue;
    let s: Severity | undefined;
    if (rule === 'requirement') {
      const id = typeof f.data.requirement === 'string' ? f.data.requirement : undefined;
      const r = id ? findRequirement(id) : undefined;
      const tier = f.tier ?? (r && r.ruleset === ruleset ? r.requirement.tier : undefined);
      s = tier ? m.tiers[tier]?.[mode] : undefined;
    } else if ('tier' in rule) s = m.tiers[rule.tier]?.[mode];
    else s = rule[mode];
    if (s) f.severity = s;
  }
}
