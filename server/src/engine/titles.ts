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

import type { AnswerRules, DocumentKind, EnglishAnswerRules, Requirement } from './rulesets/types';
import { normalize, stripNumbering } from './text';

/** Marks a conjunction in normalised text (a private-use character normalize() keeps). */
const CONJ = '\uE000';
const MIN_KEY = 2;
/**
 * Shortest name a sentence is searched for: a two-character word (数据, 功能, 接口) occurs in
 * sentences about anything, so only names of four characters or more count in prose.
 */
const MIN_SCAN = 4;

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

function buildMatcher(kind: DocumentKind, rules: AnswerRules, aliases: Record<string, string[]>): TitleMatcher {
  const english = rules.english;
  const enKey = (s: string) => (english ? englishKey(s, english) : '');
  const lower = (xs: string[]) => xs.map((x) => x.normalize('NFKC').toLowerCase());
  const prefixes = lower(rules.prefixes).map(normalize).sort((a, b) => b.length - a.length);
  const suffixes = lower(rules.suffixes).map(normalize).sort((a, b) => b.length - a.length);
  const typeWords = lower(rules.typeWords).map(normalize).sort((a, b) => b.length - a.length);
  // Conjunctions: CJK ones anywhere, ASCII words only as whole words.
  const conj = lower(rules.conjunctions).sort((a, b) => b.length - a.length);
  const conjRe = new RegExp(conj.map((c) => (/^[a-z]+$/.test(c) ? `\\b${c}\\b` : escapeRe(c))).join('|'), 'gu');

  /** Level-1 text with conjunctions marked (before punctuation is removed: 、 and / are signs). */
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
  /** The normalised (level-2) key: conjunctions as one, prefixes and suffixes folded away. */
  const loose = (s: string) => stripWords(marked(s).replace(new RegExp(`^${CONJ}+|${CONJ}+$`, 'gu'), ''));
  /** A joined title's items, with a shared stem distributed: 测试计划和报告 → 测试计划, 测试报告. */
  const parts = (s: string): string[] => {
    const raw = marked(s).split(CONJ).filter(Boolean);
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
  };

  const exact = new Map<Requirement, Set<string>>();
  const looseOf = new Map<Requirement, Set<string>>();
  const englishOf = new Map<Requirement, Set<string>>();
  const allExact = new Map<string, Requirement[]>();
  for (const r of kind.requirements) {
    const titles = [r.title.zh, r.title.en, ...r.synonyms, ...(aliases[r.id] ?? [])];
    const e = new Set(titles.map((t) => normalize(stripNumbering(t))).filter(Boolean));
    exact.set(r, e);
    for (const k of e) allExact.set(k, [...(allExact.get(k) ?? []), r]);
    looseOf.set(r, new Set([r.title.zh, r.title.en, ...r.synonyms].map(loose).filter((k) => k.length >= MIN_KEY)));
    if (english) englishOf.set(r, new Set([r.title.en, ...r.synonyms, ...(aliases[r.id] ?? [])].map(enKey).filter((k) => k.length >= MIN_KEY)));
  }
  // Sentence scanning: exact keys (and their prefix-free forms) of every requirement of the kind,
  // longest first, each occurrence masked so a longer name hides the shorter ones inside it.
  const scanKeys = new Map<string, Set<string>>();
  const addScan = (k: string, id: string) => {
    if (k.replace(new RegExp(CONJ, 'g'), '').length < MIN_SCAN) return;
    const s = scanKeys.get(k) ?? new Set<string>();
    s.add(id);
    scanKeys.set(k, s);
  };
  for (const r of kind.requirements) {
    for (const t of [r.title.zh, r.title.en, ...r.synonyms, ...(aliases[r.id] ?? [])]) {
      const k = marked(t);
      addScan(k, r.id);
      let p = k;
      for (const pre of prefixes) if (p.startsWith(pre) && p.length - pre.length >= MIN_KEY) p = p.slice(pre.length);
      if (p !== k) addScan(p, r.id);
    }
  }
  const scanList = [...scanKeys.keys()].sort((a, b) => b.length - a.length);

  const matchOne = (text: string, candidates: readonly Requirement[]): Requirement | undefined => {
    const k1 = normalize(stripNumbering(text));
    if (!k1) return undefined;
    const exactHit = candidates.find((r) => exact.get(r)!.has(k1));
    if (exactHit) return exactHit;
    // An exact title of another requirement of the kind: it is that one (elsewhere), not this.
    if (allExact.has(k1)) return undefined;
    const k2 = loose(text);
    const byLoose = k2.length >= MIN_KEY ? candidates.find((r) => looseOf.get(r)!.has(k2)) : undefined;
    if (byLoose || !english) return byLoose;
    const k3 = enKey(text);
    return k3.length >= MIN_KEY ? candidates.find((r) => englishOf.get(r)?.has(k3)) : undefined;
  };

  return {
    kind,
    exactKeys: (r) => exact.get(r) ?? new Set(),
    looseKeys: (r) => new Set([...(exact.get(r) ?? []), ...(looseOf.get(r) ?? []), ...(englishOf.get(r) ?? [])]),
    names: (title, r) => matchOne(title, [r]) === r,
    match(title, candidates) {
      const whole = matchOne(title, candidates);
      if (whole) return [whole];
      if (allExact.has(normalize(stripNumbering(title)))) return [];
      // A joined title names its items only when every part names one (基本信息与风险管理 inside a
      // document title is not the risk management section).
      const out: Requirement[] = [];
      for (const p of parts(title)) {
        const r = matchOne(p, candidates);
        if (!r) return [];
        if (!out.includes(r)) out.push(r);
      }
      return out;
    },
    named(sentence) {
      let t = marked(sentence);
      const found = new Set<string>();
      const spans: { end: number; key: string }[] = [];
      for (const k of scanList) {
        let i = t.indexOf(k);
        while (i >= 0) {
          for (const id of scanKeys.get(k)!) found.add(id);
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
        const w = typeWords.find((x) => rest.startsWith(x));
        const own = typeWords.find((x) => s.key.endsWith(x) && s.key.length > x.length);
        if (!w || !own) continue;
        const stemmed = s.key.slice(0, -own.length) + w;
        for (const id of scanKeys.get(stemmed) ?? []) found.add(id);
      }
      return found;
    },
  };
}
