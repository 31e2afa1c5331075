// Answers without a heading (requirements.md §3a): inside the section where a requirement belongs,
// a labelled block, a table row whose first cell names it, or a sentence that names it together
// with a reference to where it is.

import type { DocModel, ModelLabel, ModelRef } from '../model';
import { notApplicableLead, referenceIn } from '../rulesets/common';
import type { AnswerRules, DocumentKind, Requirement } from '../rulesets/types';
import { countReasonChars } from '../text';
import type { TitleMatcher } from '../titles';
import { childrenOf, isAnswered, refKey, type Answer, type DocMatch } from './types';

/** Lines [from, to) of one file where answers to a group of items are looked for. */
interface Scope {
  file: number;
  from: number;
  to: number;
}

/** What one search for answers reads and fills. */
interface AnswerSearch {
  models: DocModel[];
  matcher: TitleMatcher;
  m: DocMatch;
  rules: AnswerRules;
}

/** A requirement answered by a label or a row, with the label and the candidate that named it. */
interface Labelled {
  r: Requirement;
  file: number;
  label: ModelLabel;
  c: ModelLabel['candidates'][number];
}

/** Whether a line of a file is inside a group's scopes and outside the other requirements' sections there. */
type InScope = (file: number, line: number) => boolean;

/**
 * Answers without a heading, parents before children (catalogue order): for each requirement
 * that is answered, its unanswered children are looked for in its section — or, when it is
 * answered by a label, in that label's region; the document's top-level items outside every
 * top-level section. Labels and rows first, then reference sentences, each in document order.
 */
export function matchAnswers(kind: DocumentKind, models: DocModel[], matcher: TitleMatcher, m: DocMatch, rules: AnswerRules): void {
  const cx: AnswerSearch = { models, matcher, m, rules };
  for (const parent of ['', ...kind.requirements.map((r) => r.id)]) {
    if (parent && !isAnswered(m, parent)) continue;
    const kids = childrenOf(kind, parent).filter((r) => r.placement !== 'document');
    if (!kids.some((r) => !isAnswered(m, r.id))) continue;
    const scopes = answerScopes(cx, parent);
    if (scopes?.length) searchGroup(cx, kids, scopes);
  }
  const anywhere = kind.requirements.filter((r) => r.placement === 'document' && !isAnswered(m, r.id));
  if (anywhere.length) searchGroup(cx, anywhere, models.map((model, file) => ({ file, from: model.scan.bodyStartLine, to: model.lines.lineCount })), false);
}

/**
 * Where a parent's items are looked for: its heading's section, or its label's region; for the
 * document (parent ''), every line outside the top-level requirements' sections. Undefined when
 * the parent is answered by a row or a reference (no region holds its items).
 */
function answerScopes(cx: AnswerSearch, parent: string): Scope[] | undefined {
  const { models, m } = cx;
  if (!parent) return outsideTopLevelSections(models, m);
  const ref = m.found.get(parent);
  if (ref) {
    const h = models[ref.file].headings[ref.heading];
    return [{ file: ref.file, from: h.line, to: h.end }];
  }
  const a = m.answers.get(parent);
  if (a && a.kind === 'label') return [{ file: a.file, from: a.region.from, to: a.region.to }];
  return undefined;
}

/** The document: every line of each file's body not inside a top-level requirement's section. */
function outsideTopLevelSections(models: DocModel[], m: DocMatch): Scope[] {
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

/**
 * One group of items in its scopes: labels and rows, then the labels' regions, then reference
 * sentences. With `others`, the sections of other requirements inside the scopes (a sibling's
 * heading and its subtree) hold their own items, not these: a 远程维护与升级 scenario in
 * 网络环境和数据流图 is not R1.2.4.
 */
function searchGroup(cx: AnswerSearch, kids: Requirement[], scopes: Scope[], others = true): void {
  const open = () => kids.filter((r) => !isAnswered(cx.m, r.id));
  if (!open().length) return;
  const taken = scopes.map((s) => (others ? matchedSectionsIn(cx, s) : []));
  const inScope: InScope = (file, line) =>
    scopes.some((s, i) => s.file === file && line >= s.from && line < s.to && !taken[i].some(([a, b]) => line >= a && line < b));
  const labelled = matchLabels(cx, scopes, inScope, open);
  extendLabelRegions(cx.m, labelled, scopes, taken);
  matchReferences(cx, scopes, inScope, open);
}

/** Lines [from, to) of the matched requirements' sections that start inside a scope. */
function matchedSectionsIn(cx: AnswerSearch, s: Scope): (readonly [number, number])[] {
  return cx.models[s.file].headings
    .filter((h) => h.line > s.from && h.line < s.to && cx.m.byHeading.has(refKey({ file: s.file, heading: h.index })))
    .map((h) => [h.line, h.end] as const);
}

/**
 * Labels and table rows in document order: the first candidate of a label that names open items
 * answers them. A row answers only when its other cells say something: a reference, a 不适用
 * answer or a sentence (“| 网络安全的安全性级别 | 中等 |” states a level, not the item's reasons).
 */
function matchLabels(cx: AnswerSearch, scopes: Scope[], inScope: InScope, open: () => Requirement[]): Labelled[] {
  const { models, matcher, m, rules } = cx;
  const labelled: Labelled[] = [];
  for (const s of scopes) {
    for (const label of models[s.file].labels) {
      if (label.line < s.from || label.line >= s.to || !inScope(s.file, label.line)) continue;
      const todo = open();
      if (!todo.length) break;
      for (const c of label.candidates) {
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
  return labelled;
}

/**
 * A label's region runs to the next label of this group, or the next matched section, or the end
 * of its scope: what its item's content checks read, and where its own sub-items are looked for.
 */
function extendLabelRegions(m: DocMatch, labelled: Labelled[], scopes: Scope[], taken: (readonly [number, number])[][]): void {
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
}

/** Reference sentences in document order: each answers the open items it names (§3a). */
function matchReferences(cx: AnswerSearch, scopes: Scope[], inScope: InScope, open: () => Requirement[]): void {
  for (const s of scopes) {
    for (const ref of cx.models[s.file].refs) {
      if (ref.line < s.from || ref.line >= s.to || !inScope(s.file, ref.line)) continue;
      const todo = open();
      if (!todo.length) return;
      const named = cx.matcher.named(ref.text);
      for (const r of todo) if (named.has(r.id)) cx.m.answers.set(r.id, referenceAnswer(s.file, ref));
    }
  }
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
