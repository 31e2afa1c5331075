// Which dossier document an imported file is, from its headings: each kind of each rule set is
// scored by the requirements whose title, synonym or alias equals a heading (the engine's own
// matching keys, requirements.md §3), plus a bonus when a title or the cover names the kind.
// Also the facts a cover table (or "产品名称：…" lines) states.

import { requirementKeys, RULESETS, getRuleSet, type DocumentKind, type RuleSet, normalize, titleKey } from '../engine';
import type { InferredFact, KindCandidate, KindGuess } from './types';

const NAMED_BONUS = 3;

function kindNames(kind: DocumentKind): string[] {
  return [kind.name.zh, kind.name.en, ...kind.aliases, kind.id].map(normalize).filter((s) => s.length >= 3);
}

/** Resolves a kind given by id, zh name or alias (in one rule set, or any). */
export function findKind(value: string, guideline?: string): { ruleset: RuleSet; kind: DocumentKind } | undefined {
  const v = normalize(value);
  const sets = guideline ? [getRuleSet(guideline)].filter((r): r is RuleSet => !!r) : RULESETS;
  for (const ruleset of sets)
    for (const kind of ruleset.kinds) {
      if (kind.id === value || [kind.name.zh, kind.name.en, ...kind.aliases, kind.id].some((n) => normalize(n) === v)) return { ruleset, kind };
    }
  return undefined;
}

export function guessKind(headings: string[], opts: { aliases?: Record<string, string[]>; guideline?: string; named?: string[] } = {}): KindGuess {
  const keys = new Set(headings.map(titleKey).filter(Boolean));
  const texts = [...headings, ...(opts.named ?? [])].map(normalize);
  const candidates: KindCandidate[] = [];
  const sets = opts.guideline ? [getRuleSet(opts.guideline)].filter((r): r is RuleSet => !!r) : RULESETS;
  for (const ruleset of sets) {
    for (const kind of ruleset.kinds) {
      const reqs = kind.requirements.filter((r) => !r.wholeDocument);
      const matched = reqs.filter((r) => [...requirementKeys(r, opts.aliases ?? {})].some((k) => keys.has(k))).map((r) => r.id);
      const names = kindNames(kind);
      const named = texts.some((t) => names.some((n) => t.includes(n)));
      candidates.push({ ruleset: ruleset.id, kind: kind.id, matched, total: reqs.length, named, score: matched.length + (named ? NAMED_BONUS : 0) });
    }
  }
  const ranked = [...candidates].sort((a, b) => b.score - a.score || b.matched.length / Math.max(1, b.total) - a.matched.length / Math.max(1, a.total));
  const best = ranked[0];
  if (!best || best.score === 0) {
    const rs = sets[0] ?? RULESETS[0];
    return { ruleset: rs.id, kind: rs.kinds[0].id, source: 'default', candidates: ranked };
  }
  return { ruleset: best.ruleset, kind: best.kind, source: 'headings', candidates: ranked };
}

// ---- cover facts -------------------------------------------------------------------------------

/** Cover labels (normalised) → frontmatter path. Our export writes the first of each. */
export const COVER_LABELS: { key: string; zh: string; labels: string[] }[] = [
  { key: 'product.name', zh: '产品名称', labels: ['产品名称', '医疗器械名称', '器械名称', 'productname', 'devicename'] },
  { key: 'product.model', zh: '型号规格', labels: ['型号规格', '规格型号', '型号', 'model', 'modelspecification'] },
  { key: 'product.software_version', zh: '软件版本', labels: ['软件版本', '软件完整版本', '完整版本', '软件发布版本', '发布版本', 'softwareversion', 'fullversion'] },
  { key: 'product.class', zh: '管理类别', labels: ['管理类别', '分类', '产品类别', '类别', 'class', 'deviceclass'] },
  { key: 'document', zh: '文档类型', labels: ['文档类型', '文件类型', '文档', 'document', 'documenttype'] },
  { key: 'submission', zh: '注册类型', labels: ['注册类型', '申报类型', '注册申报类型', 'submission', 'submissiontype'] },
  { key: 'guideline', zh: '指导原则', labels: ['指导原则', 'guideline'] },
];

export function coverKey(label: string): string | undefined {
  const l = normalize(label);
  if (!l) return undefined;
  return COVER_LABELS.find((c) => c.labels.includes(l))?.key;
}

/**
 * Facts from label/value rows (a cover table: "label | value" or "label | value | label | value").
 * `complete` is true when every non-empty label was recognised (the table can become frontmatter).
 */
export function factsFromRows(rows: string[][]): { facts: InferredFact[]; complete: boolean } {
  const facts: InferredFact[] = [];
  let complete = rows.length > 0;
  for (const row of rows) {
    for (let i = 0; i + 1 < row.length; i += 2) {
      const label = row[i].trim();
      const value = row[i + 1].trim();
      if (!label && !value) continue;
      const key = coverKey(label);
      if (!key) {
        complete = false;
        continue;
      }
      if (value && !facts.some((f) => f.key === key)) facts.push({ key, value, label });
    }
    if (row.length % 2 === 1 && row[row.length - 1].trim()) complete = false;
  }
  return { facts, complete: complete && facts.length >= 2 };
}

/** "产品名称：多参数患者监护仪" lines before the first heading. */
export function factsFromLines(lines: string[]): InferredFact[] {
  const facts: InferredFact[] = [];
  for (const line of lines) {
    const m = /^\s*([^:：]{2,20})[:：]\s*(.+?)\s*$/.exec(line);
    if (!m) continue;
    const key = coverKey(m[1]);
    if (key && !facts.some((f) => f.key === key)) facts.push({ key, value: m[2], label: m[1].trim() });
  }
  return facts;
}

/** A cover value as the frontmatter schema wants it (zh aliases → canonical values). */
export function canonicalFact(ruleset: RuleSet, key: string, value: string): string {
  const v = value.trim();
  if (key === 'document') return findKind(v, ruleset.id)?.kind.id ?? v;
  if (key === 'guideline') return RULESETS.find((r) => r.id === v || normalize(r.name.zh) === normalize(v) || normalize(r.name.en) === normalize(v))?.id ?? v;
  const path = key.split('.');
  let schema = ruleset.schema;
  for (const p of path) schema = schema.properties?.[p] ?? {};
  const aliases = schema['x-aliases'] ?? {};
  if (schema.enum?.includes(v)) return v;
  for (const [alias, canon] of Object.entries(aliases)) if (normalize(alias) === normalize(v)) return String(canon);
  const labels = schema['x-enum-labels-zh'] ?? {};
  for (const [canon, label] of Object.entries(labels)) if (normalize(label) === normalize(v)) return canon;
  if (key === 'product.class') {
    const m = /^(?:第)?\s*(I{1,3}|[一二三123])\s*类?$/i.exec(v.replace(/类医疗器械$/, '类'));
    if (m) return { 一: 'I', 二: 'II', 三: 'III', '1': 'I', '2': 'II', '3': 'III' }[m[1]] ?? m[1].toUpperCase();
  }
  return v;
}
