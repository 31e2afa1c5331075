// Requirement matching (requirements.md §3 and §3a). A requirement is answered by a heading whose
// title names it (titles.ts: exact, then normalised, then split at conjunctions), or — inside the
// section where it belongs — by a labelled block, a table row whose first cell names it, or a
// sentence that names it together with a reference to where it is. Top-level requirements are
// looked for among the headings that do not sit inside another requirement's section; a
// sub-requirement only under its parent. Several files of one kind form one document, in path
// order.

import type { DocModel, ModelLabel, ModelRef } from './model';
import type { AnswerRules, DocumentKind, Requirement } from './rulesets/types';
import type { Range } from './text';
import { titleMatcher, type TitleMatcher } from './titles';
import { countReasonChars, normalize, stripNumbering } from './text';
import { notApplicableLead, referenceIn } from './rulesets/common';

export interface HeadingRef {
  file: number;
  heading: number;
}

/** An answer without a heading of its own (requirements.md §3a). */
export interface Answer {
  kind: 'label' | 'row' | 'reference';
  file: number;
  /** The heading whose content holds it (-1: before the first heading). */
  heading: number;
  line: number;
  /** The label's span, the row, or the sentence. */
  range: Range;
  /** The label or the sentence as written. */
  text: string;
  /** Lines [from, to) of the answer: a label's up to the next item's label or the section's end. */
  region: { from: number; to: number };
  /** What follows the label in its own block (row: the other cells). */
  rest: string;
  /** The reference the answer gives (附件 5, 《…》, 文件编号 …), when it gives one. */
  reference?: string;
}

export interface DocMatch {
  kind: DocumentKind;
  /** Requirement → its (first) heading. */
  found: Map<string, HeadingRef>;
  /** Requirements answered without a heading: labels, table rows, references. */
  answers: Map<string, Answer>;
  /** Second and later headings of a requirement under the same parent. */
  duplicates: { id: string; at: HeadingRef; first: HeadingRef }[];
  /** A heading matching a requirement that was not found where it belongs. */
  misplaced: Map<string, HeadingRef>;
  /** "file:heading" → requirement ID (the first, when one heading answers several). */
  byHeading: Map<string, string>;
  /** "file:heading" → every requirement a heading answers (网络安全测试计划和报告: two). */
  headingAnswers: Map<string, string[]>;
  matcher: TitleMatcher;
}

/** A match with nothing found (a document that is not there yet, for the checklist). */
export function emptyMatch(kind: DocumentKind, ruleset: { answers: AnswerRules }): DocMatch {
  return { kind, found: new Map(), answers: new Map(), duplicates: [], misplaced: new Map(), byHeading: new Map(), headingAnswers: new Map(), matcher: titleMatcher(kind, ruleset.answers, {}) };
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

/** Whether a requirement is answered at all: by a heading or otherwise. */
export function isAnswered(m: DocMatch, id: string): boolean {
  return m.found.has(id) || m.answers.has(id);
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

/** Lines [from, to) of one file where answers to a group of items are looked for. */
interface Scope {
  file: number;
  from: number;
  to: number;
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

/**
 * Answers without a heading, parents before children (catalogue order): for each requirement
 * that is answered, its unanswered children are looked for in its section — or, when it is
 * answered by a label, in that label's region; the document's top-level items outside every
 * top-level section. Labels and rows first, then reference sentences, each in document order.
 */
function matchAnswers(kind: DocumentKind, models: DocModel[], matcher: TitleMatcher, m: DocMatch, rules: AnswerRules): void {
  const scopesOf = (parent: string): Scope[] | undefined => {
    if (!parent) {
      // The document: every line not inside a top-level requirement's section.
      const out: Scope[] = [];
      models.forEach((model, file) => {
        const taken = model.headings.filter((h) => m.byHeading.has(refKey({ file, heading: h.index })) && !hasMatchedAncestor(m, file, model, h.index));
        let from = model.scan.bodyStartLine;
        for (const h of [...taken].sort((a, b) => a.line - b.line)) {
          if (h.line > from) out.push({ file, from, to: h.line });
          from = Math.max(from, h.end);
        }
        if (from < model.lines.lineCount) out.push({ file, from, to: model.lines.lineCount });
      });
      return out;
    }
    const ref = m.found.get(parent);
    if (ref) {
      const h = models[ref.file].headings[ref.heading];
      return [{ file: ref.file, from: h.line, to: h.end }];
    }
    const a = m.answers.get(parent);
    if (a && a.kind === 'label') return [{ file: a.file, from: a.region.from, to: a.region.to }];
    return undefined;
  };

  const search = (kids: Requirement[], scopes: Scope[], others = true) => {
    const open = () => kids.filter((r) => !isAnswered(m, r.id));
    if (!open().length) return;
    // Inside the scope, the sections of other requirements (a sibling's heading and its subtree)
    // hold their own items, not these: a 远程维护与升级 scenario in 网络环境和数据流图 is not R1.2.4.
    const taken = scopes.map((s) =>
      !others ? [] : models[s.file].headings
        .filter((h) => h.line > s.from && h.line < s.to && m.byHeading.has(refKey({ file: s.file, heading: h.index })))
        .map((h) => [h.line, h.end] as const),
    );
    const inScope = (file: number, line: number) =>
      scopes.some((s, i) => s.file === file && line >= s.from && line < s.to && !taken[i].some(([a, b]) => line >= a && line < b));
    const labelled: { r: Requirement; file: number; label: ModelLabel; c: ModelLabel['candidates'][number] }[] = [];
    for (const s of scopes) {
      for (const label of models[s.file].labels) {
        if (label.line < s.from || label.line >= s.to || !inScope(s.file, label.line)) continue;
        const todo = open();
        if (!todo.length) break;
        for (const c of label.candidates) {
          // A row answers only when its other cells say something: a reference, a 不适用 answer or
          // a sentence (“| 网络安全的安全性级别 | 中等 |” states a level, not the item's reasons).
          if (label.kind === 'row' && !rowAnswers(c.rest, rules)) continue;
          const rs = matcher.match(c.text, todo);
          if (!rs.length) continue;
          for (const r of rs) labelled.push({ r, file: s.file, label, c });
          for (const r of rs)
            m.answers.set(r.id, {
              kind: label.kind === 'row' ? 'row' : 'label',
              file: s.file,
              heading: label.heading,
              line: label.line,
              range: c.range,
              text: c.text,
              region: { from: label.line, to: label.endLine + 1 },
              rest: c.rest,
              reference: referenceIn(c.rest),
            });
          break;
        }
      }
    }
    // A label's region runs to the next label of this group (or the end of its scope): what its
    // item's content checks read, and where its own sub-items are looked for.
    for (const x of labelled) {
      const a = m.answers.get(x.r.id)!;
      if (a.kind === 'row') continue;
      const i = scopes.findIndex((sc) => sc.file === x.file && a.line >= sc.from && a.line < sc.to);
      const s = scopes[i];
      const next = [
        ...labelled.filter((y) => y.file === x.file && y.label.line > a.line && y.label.line < s.to).map((y) => y.label.line),
        ...taken[i].filter(([from]) => from > a.line).map(([from]) => from),
      ];
      a.region.to = Math.max(a.region.to, next.length ? Math.min(...next) : s.to);
    }
    for (const s of scopes) {
      for (const ref of models[s.file].refs) {
        if (ref.line < s.from || ref.line >= s.to || !inScope(s.file, ref.line)) continue;
        const todo = open();
        if (!todo.length) return;
        const named = matcher.named(ref.text);
        for (const r of todo) if (named.has(r.id)) m.answers.set(r.id, referenceAnswer(s.file, ref));
      }
    }
  };

  for (const parent of ['', ...kind.requirements.map((r) => r.id)]) {
    if (parent && !isAnswered(m, parent)) continue;
    const kids = childrenOf(kind, parent).filter((r) => r.placement !== 'document');
    if (!kids.some((r) => !isAnswered(m, r.id))) continue;
    const scopes = scopesOf(parent);
    if (scopes?.length) search(kids, scopes);
  }
  const anywhere = kind.requirements.filter((r) => r.placement === 'document' && !isAnswered(m, r.id));
  if (anywhere.length) search(anywhere, models.map((model, file) => ({ file, from: model.scan.bodyStartLine, to: model.lines.lineCount })), false);
}

/** Characters a row's other cells need to answer an item (as a 不适用 reason needs, §3). */
const ROW_ANSWER_CHARS = 6;

function rowAnswers(rest: string, rules: AnswerRules): boolean {
  return !!referenceIn(rest) || !!notApplicableLead(rest.trim(), rules) || countReasonChars(rest) >= ROW_ANSWER_CHARS;
}

function referenceAnswer(file: number, ref: ModelRef): Answer {
  return { kind: 'reference', file, heading: ref.heading, line: ref.line, range: ref.range, text: ref.text, region: { from: ref.line, to: ref.endLine + 1 }, rest: ref.text, reference: ref.reference };
}

function hasMatchedAncestor(m: DocMatch, file: number, model: DocModel, h: number): boolean {
  for (let p = model.headings[h].parent; p >= 0; p = model.headings[p].parent) if (m.byHeading.has(refKey({ file, heading: p }))) return true;
  return false;
}
