// Sentence scanning (requirements.md §3a, reference answers): which requirements a sentence names
// anywhere in it. The exact keys of every requirement of the kind, and their prefix-free forms,
// are searched longest first; each occurrence is masked, so a longer name hides the shorter ones
// inside it.

import type { DocumentKind } from '../rulesets/types';
import { titlesOf } from './keys';
import { CONJ, MIN_KEY, type TitleNormaliser } from './normalise';

/**
 * Shortest name a sentence is searched for: a two-character word (数据, 功能, 接口) occurs in
 * sentences about anything, so only names of four characters or more count in prose.
 */
const MIN_SCAN = 4;

export interface ScanIndex {
  /** Marked key → requirement IDs it names. */
  keys: Map<string, Set<string>>;
  /** The keys, longest first. */
  order: string[];
}

export function scanIndex(kind: DocumentKind, norm: TitleNormaliser, aliases: Record<string, string[]>): ScanIndex {
  const keys = new Map<string, Set<string>>();
  const add = (k: string, id: string) => {
    if (k.replace(new RegExp(CONJ, 'g'), '').length < MIN_SCAN) return;
    const s = keys.get(k) ?? new Set<string>();
    s.add(id);
    keys.set(k, s);
  };
  for (const r of kind.requirements) {
    for (const t of titlesOf(r, aliases)) {
      const k = norm.marked(t);
      add(k, r.id);
      let p = k;
      for (const pre of norm.prefixes) if (p.startsWith(pre) && p.length - pre.length >= MIN_KEY) p = p.slice(pre.length);
      if (p !== k) add(p, r.id);
    }
  }
  return { keys, order: [...keys.keys()].sort((a, b) => b.length - a.length) };
}

/** Requirement IDs a sentence names, longest names first, with a stem shared across a conjunction. */
export function namedIn(sentence: string, index: ScanIndex, norm: TitleNormaliser): Set<string> {
  let t = norm.marked(sentence);
  const found = new Set<string>();
  const spans: { end: number; key: string }[] = [];
  for (const k of index.order) {
    let i = t.indexOf(k);
    while (i >= 0) {
      for (const id of index.keys.get(k)!) found.add(id);
      spans.push({ end: i + k.length, key: k });
      t = `${t.slice(0, i)}${'\u0000'.repeat(k.length)}${t.slice(i + k.length)}`;
      i = t.indexOf(k, i + k.length);
    }
  }
  // A bare document word after a conjunction shares the stem of the name before it:
  // “测试计划和报告” names the test report too.
  for (const s of spans) {
    if (t[s.end] !== CONJ) continue;
    const rest = t.slice(s.end + 1);
    const w = norm.typeWords.find((x) => rest.startsWith(x));
    const own = norm.typeWords.find((x) => s.key.endsWith(x) && s.key.length > x.length);
    if (!w || !own) continue;
    const stemmed = s.key.slice(0, -own.length) + w;
    for (const id of index.keys.get(stemmed) ?? []) found.add(id);
  }
  return found;
}
