// Title matching (requirements.md §3 and §3a): which requirements a heading, a label or a sentence
// names. A title is compared first exactly (numbering, punctuation, width, spaces and case folded
// away), then normalised by the rule set's answer rules (prefixes such as 网络安全, suffixes such as
// 报告, conjunctions compared as one), then split at its conjunctions, so one title may name several
// items (网络安全测试计划和报告 = 测试计划 + 测试报告). An exact match always wins: a title that
// exactly names a requirement elsewhere in the document kind never matches another one by its
// normalised form ("测试报告" is D3.2, never D3).
//
// Everything the matcher folds away comes from the rule set's data (`RuleSet.answers`); the code
// only applies it.

//
// The stages: titles/normalise.ts (the keys of a title), titles/keys.ts (the synonym index of a
// kind), titles/scan.ts (names in sentences); this module matches a title against them.

import type { AnswerRules, DocumentKind, Requirement } from './rulesets/types';
import { keyIndex, type KeyIndex } from './titles/keys';
import { exactKey, MIN_KEY, titleNormaliser, type TitleNormaliser } from './titles/normalise';
import { namedIn, scanIndex } from './titles/scan';

export { englishKey } from './titles/normalise';

export interface TitleMatcher {
  readonly kind: DocumentKind;
  /** Requirements among `candidates` that a title names (several when it joins items). */
  match(title: string, candidates: readonly Requirement[]): Requirement[];
  /** Whether a title names `r` exactly or normalised (no conjunction split). */
  names(title: string, r: Requirement): boolean;
  /** Requirements a sentence names anywhere in it, longest names first (reference answers). */
  named(sentence: string): Set<string>;
  /** Exact (level-1) keys of a requirement: title, en title, synonyms, aliases. */
  exactKeys(r: Requirement): Set<string>;
  /** Every normalised key of a requirement (what `names` accepts; the quick check's guard). */
  looseKeys(r: Requirement): Set<string>;
}

const cache = new WeakMap<DocumentKind, Map<string, TitleMatcher>>();

/** The matcher of a document kind with a user's aliases, built once per kind and alias set. */
export function titleMatcher(kind: DocumentKind, rules: AnswerRules, aliases: Record<string, string[]>): TitleMatcher {
  let byAliases = cache.get(kind);
  if (!byAliases) cache.set(kind, (byAliases = new Map()));
  const key = JSON.stringify(kind.requirements.map((r) => aliases[r.id] ?? []));
  let m = byAliases.get(key);
  if (!m) {
    m = buildMatcher(kind, rules, aliases);
    byAliases.set(key, m);
  }
  return m;
}

function buildMatcher(kind: DocumentKind, rules: AnswerRules, aliases: Record<string, string[]>): TitleMatcher {
  const norm = titleNormaliser(rules);
  const keys = keyIndex(kind, norm, aliases);
  const scan = scanIndex(kind, norm, aliases);
  const matchOne = (text: string, candidates: readonly Requirement[]) => matchTitle(text, candidates, keys, norm);
  return {
    kind,
    exactKeys: (r) => keys.exact.get(r) ?? new Set(),
    looseKeys: (r) => new Set([...(keys.exact.get(r) ?? []), ...(keys.loose.get(r) ?? []), ...(keys.english.get(r) ?? [])]),
    names: (title, r) => matchOne(title, [r]) === r,
    match(title, candidates) {
      const whole = matchOne(title, candidates);
      if (whole) return [whole];
      if (keys.allExact.has(exactKey(title))) return [];
      // A joined title names its items only when every part names one (基本信息与风险管理 inside a
      // document title is not the risk management section).
      const out: Requirement[] = [];
      for (const p of norm.parts(title)) {
        const r = matchOne(p, candidates);
        if (!r) return [];
        if (!out.includes(r)) out.push(r);
      }
      return out;
    },
    named: (sentence) => namedIn(sentence, scan, norm),
  };
}

/**
 * The requirement among `candidates` a title names, by levels: exact first; an exact title of
 * another requirement of the kind names that one (elsewhere), never this; then normalised; then
 * the English key.
 */
function matchTitle(text: string, candidates: readonly Requirement[], keys: KeyIndex, norm: TitleNormaliser): Requirement | undefined {
  const k1 = exactKey(text);
  if (!k1) return undefined;
  const exactHit = candidates.find((r) => keys.exact.get(r)!.has(k1));
  if (exactHit) return exactHit;
  // An exact title of another requirement of the kind: it is that one (elsewhere), not this.
  if (keys.allExact.has(k1)) return undefined;
  const k2 = norm.loose(text);
  const byLoose = k2.length >= MIN_KEY ? candidates.find((r) => keys.loose.get(r)!.has(k2)) : undefined;
  if (byLoose || !norm.hasEnglish) return byLoose;
  const k3 = norm.english(text);
  return k3.length >= MIN_KEY ? candidates.find((r) => keys.english.get(r)?.has(k3)) : undefined;
}
