// The synonym index of a document kind: for each requirement the keys it is named by — exact
// (title, English title, synonyms, the user's aliases), normalised (the built-in titles only) and
// English — and the exact keys of the whole kind, so that a title exactly naming one requirement
// never matches another by a looser form.

import type { DocumentKind, Requirement } from '../rulesets/types';
import { exactKey, MIN_KEY, type TitleNormaliser } from './normalise';

export interface KeyIndex {
  exact: Map<Requirement, Set<string>>;
  loose: Map<Requirement, Set<string>>;
  /** Only with English rules. */
  english: Map<Requirement, Set<string>>;
  /** Exact key → the requirements of the kind it names. */
  allExact: Map<string, Requirement[]>;
}

/** The titles a requirement is named by: its own, its synonyms, then the user's aliases. */
export function titlesOf(r: Requirement, aliases: Record<string, string[]>): string[] {
  return [r.title.zh, r.title.en, ...r.synonyms, ...(aliases[r.id] ?? [])];
}

export function keyIndex(kind: DocumentKind, norm: TitleNormaliser, aliases: Record<string, string[]>): KeyIndex {
  const index: KeyIndex = { exact: new Map(), loose: new Map(), english: new Map(), allExact: new Map() };
  for (const r of kind.requirements) {
    const e = new Set(titlesOf(r, aliases).map(exactKey).filter(Boolean));
    index.exact.set(r, e);
    for (const k of e) index.allExact.set(k, [...(index.allExact.get(k) ?? []), r]);
    index.loose.set(r, new Set([r.title.zh, r.title.en, ...r.synonyms].map(norm.loose).filter((k) => k.length >= MIN_KEY)));
    if (norm.hasEnglish) index.english.set(r, new Set([r.title.en, ...r.synonyms, ...(aliases[r.id] ?? [])].map(norm.english).filter((k) => k.length >= MIN_KEY)));
  }
  return index;
}
