// The registry of rule sets. Adding a guideline = adding a data module here.

import { nmpa2017 } from './nmpa-2017';
import { nmpa2022 } from './nmpa-2022';
import { fdaPremarket2025 } from './fda-premarket-2025';
import type { DocumentKind, Localized, Requirement, RuleSet } from './types';

export const RULESETS: RuleSet[] = [nmpa2017, nmpa2022, fdaPremarket2025];
export const DEFAULT_RULESET = 'nmpa-2017';

export function getRuleSet(id: string | undefined): RuleSet | undefined {
  return RULESETS.find((r) => r.id === (id ?? DEFAULT_RULESET));
}

export function allRequirementIds(): Set<string> {
  return new Set(RULESETS.flatMap((r) => r.kinds.flatMap((k) => k.requirements.map((q) => q.id))));
}

export function findRequirement(id: string): { ruleset: RuleSet; kind: DocumentKind; requirement: Requirement } | undefined {
  for (const ruleset of RULESETS)
    for (const kind of ruleset.kinds) {
      const requirement = kind.requirements.find((r) => r.id === id);
      if (requirement) return { ruleset, kind, requirement };
    }
  return undefined;
}

export function kindOf(ruleset: RuleSet, id: string): DocumentKind | undefined {
  return ruleset.kinds.find((k) => k.id === id);
}

/** A requirement's quote and gloss by language (the NMPA quotes are zh, the FDA quotes en). */
export function quoteText(ruleset: RuleSet, r: Requirement): Localized {
  return ruleset.quoteLanguage === 'en' ? { zh: r.gloss, en: r.quote } : { zh: r.quote, en: r.gloss };
}
