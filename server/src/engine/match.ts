// Requirement matching (requirements.md §3): a requirement is found by a heading whose title,
// after numbering, punctuation, width, spaces and case are folded away, equals its zh or en
// title, a synonym or a configured alias. Top-level requirements are looked for among the
// headings that do not sit inside another requirement's section; a sub-requirement only under
// its parent's heading. Several files of one kind form one document, in path order.

import type { DocModel } from './model';
import type { DocumentKind, Requirement } from './rulesets/types';
import { normalize } from './text';

export interface HeadingRef {
  file: number;
  heading: number;
}

export interface DocMatch {
  kind: DocumentKind;
  /** Requirement → its (first) heading. */
  found: Map<string, HeadingRef>;
  /** Second and later headings of a requirement under the same parent. */
  duplicates: { id: string; at: HeadingRef; first: HeadingRef }[];
  /** A heading matching a requirement that was not found where it belongs. */
  misplaced: Map<string, HeadingRef>;
  /** "file:heading" → requirement ID. */
  byHeading: Map<string, string>;
}

export function refKey(r: HeadingRef): string {
  return `${r.file}:${r.heading}`;
}

/** Requirement ID → its parent ID ('' for top level). */
export function parentId(id: string): string {
  const i = id.lastIndexOf('.');
  return i < 0 ? '' : id.slice(0, i);
}

export function childrenOf(kind: DocumentKind, id: string): Requirement[] {
  return kind.requirements.filter((r) => parentId(r.id) === id && !r.wholeDocument);
}

const keyCache = new WeakMap<Requirement, Set<string>>();

export function requirementKeys(r: Requirement, aliases: Record<string, string[]>): Set<string> {
  let base = keyCache.get(r);
  if (!base) {
    base = new Set([r.title.zh, r.title.en, ...r.synonyms].map(normalize).filter(Boolean));
    keyCache.set(r, base);
  }
  const extra = aliases[r.id];
  if (!extra?.length) return base;
  const all = new Set(base);
  for (const a of extra) all.add(normalize(a));
  return all;
}

export function matchDocument(kind: DocumentKind, models: DocModel[], aliases: Record<string, string[]>): DocMatch {
  const m: DocMatch = { kind, found: new Map(), duplicates: [], misplaced: new Map(), byHeading: new Map() };
  const keysOf = new Map<Requirement, Set<string>>();
  for (const r of kind.requirements) keysOf.set(r, requirementKeys(r, aliases));
  const which = (key: string, candidates: Requirement[]) => candidates.find((r) => keysOf.get(r)!.has(key));

  const scope = (roots: HeadingRef[], candidates: Requirement[]) => {
    if (!candidates.length) return;
    const stack = [...roots].reverse();
    while (stack.length) {
      const ref = stack.pop()!;
      const h = models[ref.file].headings[ref.heading];
      const r = which(h.key, candidates);
      if (r) {
        const first = m.found.get(r.id);
        if (first) m.duplicates.push({ id: r.id, at: ref, first });
        else {
          m.found.set(r.id, ref);
          m.byHeading.set(refKey(ref), r.id);
          scope(
            h.children.map((c) => ({ file: ref.file, heading: c })),
            childrenOf(kind, r.id),
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

  // Where a requirement that was not found in place appears elsewhere (data.foundAt).
  for (const r of kind.requirements) {
    if (m.found.has(r.id) || r.wholeDocument) continue;
    const keys = keysOf.get(r)!;
    outer: for (let file = 0; file < models.length; file++) {
      for (const h of models[file].headings) {
        // A heading already matched in place belongs to that requirement (two requirements can
        // share a title): it is not where this one went.
        if (keys.has(h.key) && !m.byHeading.has(refKey({ file, heading: h.index }))) {
          m.misplaced.set(r.id, { file, heading: h.index });
          break outer;
        }
      }
    }
  }
  return m;
}
