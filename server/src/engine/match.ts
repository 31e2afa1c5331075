// Requirement matching (requirements.md §3 and §3a). A requirement is answered by a heading whose
// title names it (titles.ts: exact, then normalised, then split at conjunctions), or — inside the
// section where it belongs — by a labelled block, a table row whose first cell names it, or a
// sentence that names it together with a reference to where it is. Top-level requirements are
// looked for among the headings that do not sit inside another requirement's section; a
// sub-requirement only under its parent. Several files of one kind form one document, in path
// order.

import { matchAnswers } from './match/answers';
import { childrenOf, isAnswered, refKey, type DocMatch, type HeadingRef } from './match/types';
import type { DocModel } from './model';
import type { AnswerRules, DocumentKind, Requirement } from './rulesets/types';
import { normalize, stripNumbering } from './text';
import { titleMatcher } from './titles';

export { childrenOf, isAnswered, parentId, refKey, type Answer, type DocMatch, type HeadingRef } from './match/types';

/** A match with nothing found (a document that is not there yet, for the checklist). */
export function emptyMatch(kind: DocumentKind, ruleset: { answers: AnswerRules }): DocMatch {
  return { kind, found: new Map(), answers: new Map(), duplicates: [], misplaced: new Map(), byHeading: new Map(), headingAnswers: new Map(), matcher: titleMatcher(kind, ruleset.answers, {}) };
}

const keyCache = new WeakMap<Requirement, Set<string>>();

/** Exact keys of a requirement (title, en title, synonyms, aliases), as §3 compares them. */
export function requirementKeys(r: Requirement, aliases: Record<string, string[]>): Set<string> {
  let base = keyCache.get(r);
  if (!base) {
    base = new Set([r.title.zh, r.title.en, ...r.synonyms].map((t) => normalizeKey(t)).filter(Boolean));
    keyCache.set(r, base);
  }
  const extra = aliases[r.id];
  if (!extra?.length) return base;
  const all = new Set(base);
  for (const a of extra) all.add(normalizeKey(a));
  return all;
}

function normalizeKey(t: string): string {
  return normalize(stripNumbering(t));
}

export function matchDocument(kind: DocumentKind, models: DocModel[], aliases: Record<string, string[]>, rules: AnswerRules): DocMatch {
  const matcher = titleMatcher(kind, rules, aliases);
  const m: DocMatch = { kind, found: new Map(), answers: new Map(), duplicates: [], misplaced: new Map(), byHeading: new Map(), headingAnswers: new Map(), matcher };

  // Headings: top-level requirements among the headings outside any requirement's section, each
  // sub-requirement under its parent's heading.
  const scope = (roots: HeadingRef[], candidates: Requirement[]) => {
    if (!candidates.length) return;
    const stack = [...roots].reverse();
    while (stack.length) {
      const ref = stack.pop()!;
      const h = models[ref.file].headings[ref.heading];
      const rs = matcher.match(h.text, candidates);
      if (rs.length) {
        const fresh = rs.filter((r) => {
          const first = m.found.get(r.id);
          if (first) m.duplicates.push({ id: r.id, at: ref, first });
          return !first;
        });
        if (fresh.length) {
          for (const r of fresh) m.found.set(r.id, ref);
          m.byHeading.set(refKey(ref), fresh[0].id);
          m.headingAnswers.set(refKey(ref), fresh.map((r) => r.id));
          scope(
            h.children.map((c) => ({ file: ref.file, heading: c })),
            fresh.flatMap((r) => childrenOf(kind, r.id)),
          );
        }
        continue;
      }
      for (let i = h.children.length - 1; i >= 0; i--) stack.push({ file: ref.file, heading: h.children[i] });
    }
  };
  const roots: HeadingRef[] = [];
  models.forEach((model, file) => model.headings.forEach((h) => h.parent < 0 && roots.push({ file, heading: h.index })));
  scope(roots, childrenOf(kind, ''));

  // Where the guideline fixes no place (the 2017 version naming rule), any heading of the kind.
  for (const r of kind.requirements) {
    if (r.placement !== 'document' || m.found.has(r.id)) continue;
    outer: for (let file = 0; file < models.length; file++) {
      for (const h of models[file].headings) {
        const ref = { file, heading: h.index };
        if (m.byHeading.has(refKey(ref)) || !matcher.names(h.text, r)) continue;
        m.found.set(r.id, ref);
        m.byHeading.set(refKey(ref), r.id);
        m.headingAnswers.set(refKey(ref), [r.id]);
        break outer;
      }
    }
  }

  matchAnswers(kind, models, matcher, m, rules);

  // Where a requirement that was not answered in place appears elsewhere (data.foundAt).
  for (const r of kind.requirements) {
    if (isAnswered(m, r.id) || r.wholeDocument) continue;
    outer: for (let file = 0; file < models.length; file++) {
      for (const h of models[file].headings) {
        // A heading already matched in place belongs to that requirement (two requirements can
        // share a title): it is not where this one went.
        if (!m.byHeading.has(refKey({ file, heading: h.index })) && matcher.match(h.text, [r]).length) {
          m.misplaced.set(r.id, { file, heading: h.index });
          break outer;
        }
      }
    }
  }
  return m;
}

