// Title normalisation (requirements.md §3 and §3a; requirements-fda-premarket-2025.md §3.1): the
// keys a title is compared by — exact (level 1), normalised (level 2: conjunctions as one, the rule
// set's prefixes and suffixes folded away), the items of a joined title, and the English key word
// by word. Everything folded away is the rule set's data (`AnswerRules`); this module applies it.

import type { AnswerRules, EnglishAnswerRules } from '../rulesets/types';
import { normalize, stripNumbering } from '../text';

/** Marks a conjunction in normalised text (a private-use character normalize() keeps). */
export const CONJ = '\uE000';
/** Shortest normalised key that counts (one character names nothing). */
export const MIN_KEY = 2;

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * requirements-fda-premarket-2025.md §3.1: an English title word by word — numbering ("3.2",
 * "Section 3", "Appendix A") stripped, case and width folded, split at whitespace and punctuation,
 * spellings folded, leading and trailing filler words removed while others remain, joiners
 * dropped, the rest joined. Titles with CJK have no English key.
 */
export function englishKey(title: string, rules: EnglishAnswerRules): string {
  let t = stripNumbering(title).normalize('NFKC').toLowerCase();
  if (/\p{Script=Han}/u.test(t)) return '';
  t = t.replace(/^(?:section|appendix|annex|attachment)\s+(?:\d+(?:\.\d+)*|[a-z])\b[.:)]?\s*/u, '');
  let words = t.split(/[^\p{L}\p{N}&]+/u).filter(Boolean).map((w) => rules.spelling[w] ?? w);
  const phrase = (p: string) => p.split(/\s+/);
  const lead = rules.leading.map(phrase);
  const trail = rules.trailing.map(phrase);
  for (let changed = true; changed; ) {
    changed = false;
    for (const p of lead)
      if (words.length > p.length && p.every((w, i) => words[i] === w)) {
        words = words.slice(p.length);
        changed = true;
      }
    for (const p of trail)
      if (words.length > p.length && p.every((w, i) => words[words.length - p.length + i] === w)) {
        words = words.slice(0, -p.length);
        changed = true;
      }
  }
  const kept = words.filter((w) => !rules.dropped.includes(w));
  return (kept.length ? kept : words.slice(-1)).join('');
}

/** The normalisation of one rule set's answer rules, prepared once (sorted word lists, the conjunction pattern). */
export interface TitleNormaliser {
  /** Prefixes (normalised, longest first) — also stripped from sentence-scan keys. */
  readonly prefixes: string[];
  /** Document-type words (normalised, longest first) that share a stem across a conjunction. */
  readonly typeWords: string[];
  /** Whether the rule set has English word rules (then `english` gives a key, else ''). */
  readonly hasEnglish: boolean;
  /** Level-1 text with conjunctions marked (before punctuation is removed: 、 and / are signs). */
  marked(s: string): string;
  /** The normalised (level-2) key: conjunctions as one, prefixes and suffixes folded away. */
  loose(s: string): string;
  /** A joined title's items, with a shared stem distributed: 测试计划和报告 → 测试计划, 测试报告. */
  parts(s: string): string[];
  /** The English word key (englishKey), '' without English rules. */
  english(s: string): string;
}

/** The exact (level-1) key of a title: numbering, punctuation, width, spaces and case folded away. */
export function exactKey(title: string): string {
  return normalize(stripNumbering(title));
}

/** Prepares a rule set's answer rules for matching. */
export function titleNormaliser(rules: AnswerRules): TitleNormaliser {
  const englishRules = rules.english;
  const lower = (xs: string[]) => xs.map((x) => x.normalize('NFKC').toLowerCase());
  const prefixes = lower(rules.prefixes).map(normalize).sort((a, b) => b.length - a.length);
  const suffixes = lower(rules.suffixes).map(normalize).sort((a, b) => b.length - a.length);
  const typeWords = lower(rules.typeWords).map(normalize).sort((a, b) => b.length - a.length);
  // Conjunctions: CJK ones anywhere, ASCII words only as whole words.
  const conj = lower(rules.conjunctions).sort((a, b) => b.length - a.length);
  const conjRe = new RegExp(conj.map((c) => (/^[a-z]+$/.test(c) ? `\\b${c}\\b` : escapeRe(c))).join('|'), 'gu');
  const edgeConj = new RegExp(`^${CONJ}+|${CONJ}+$`, 'gu');

  const marked = (s: string) => normalize(stripNumbering(s).normalize('NFKC').toLowerCase().replace(conjRe, ` ${CONJ} `));
  const stripWords = (s: string): string => {
    let t = s;
    for (let pass = 0; pass < 4; pass++) {
      const before = t;
      for (const p of prefixes) if (t.startsWith(p) && t.length - p.length >= MIN_KEY) t = t.slice(p.length);
      for (const x of suffixes) if (t.endsWith(x) && t.length - x.length >= MIN_KEY) t = t.slice(0, -x.length);
      if (t === before) break;
    }
    return t;
  };
  return {
    prefixes,
    typeWords,
    hasEnglish: !!englishRules,
    marked,
    loose: (s) => stripWords(marked(s).replace(edgeConj, '')),
    parts: (s) => joinedParts(marked(s), typeWords),
    english: (s) => (englishRules ? englishKey(s, englishRules) : ''),
  };
}

/**
 * The items of a marked title split at its conjunctions (none: fewer than two). A bare document
 * word after a conjunction takes the stem before it (测试计划和报告 → 测试计划, 测试报告), and the
 * last part's document word may belong to the first parts too (风险分析和风险管理报告).
 */
export function joinedParts(markedTitle: string, typeWords: readonly string[]): string[] {
  const raw = markedTitle.split(CONJ).filter(Boolean);
  if (raw.length < 2) return [];
  const out: string[] = [];
  raw.forEach((p, i) => {
    const prev = raw[i - 1];
    if (i > 0 && typeWords.includes(p)) {
      const t = typeWords.find((w) => prev.endsWith(w) && prev.length > w.length);
      if (t) out.push(prev.slice(0, -t.length) + p);
      return;
    }
    out.push(p);
    // 风险分析和风险管理报告: the last part's document word may belong to the first too.
    const next = raw[raw.length - 1];
    const t = i < raw.length - 1 && !typeWords.some((w) => p.endsWith(w)) ? typeWords.find((w) => next.endsWith(w)) : undefined;
    if (t) out.push(p + t);
  });
  return out;
}
