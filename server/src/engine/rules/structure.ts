// missing-section, duplicate-section, empty-section and not-applicable-without-reason
// (requirements.md §3), per document (the files of one kind, matched as one).

import { evaluate, type ConditionContext } from '../facts/facts';
import { bodyStartRange, descendants, subtreeHasBody, type DocModel } from '../model';
import { childNumbering, numberingOf, shiftNumbering } from '../numbering';
import { normalize } from '../text';
import { childrenOf, isAnswered, parentId, refKey, type Answer as DocMatchAnswer, type HeadingRef } from '../match';
import { notApplicableLead, referenceIn } from '../rulesets/common';
import { countReasonChars, type Range } from '../text';
import { answerLead, answerSection, sectionEndLine as sectionEnd, sectionHasBody, sectionOf } from './section';
import type { Requirement } from '../rulesets/types';
import { L, describeFacts, documentLanguage, finding, headingOf, requirementById, sectionLabel, type DocGroup } from './context';
export { documentLanguage } from './context';
import { quoteText } from '../rulesets';

/** How a present requirement section answers: normally, or 不适用 with/without reason. */
export type AnswerKind = 'present' | 'not-applicable' | 'not-applicable-without-reason';
/** @deprecated name kept for the callers of the heading-only model. */
export type Answer = AnswerKind;

export function answerOf(group: DocGroup, ref: HeadingRef): AnswerKind {
  const na = headingNotApplicable(group, headingOf(group, ref).heading);
  if (!na) return 'present';
  return na.reasonChars < 6 ? 'not-applicable-without-reason' : 'not-applicable';
}

/** A heading's negative answer as the group's rule set reads it (its extra words only when it has them). */
export function headingNotApplicable<N extends { extra?: boolean }>(group: DocGroup, heading: { notApplicable?: N }): N | undefined {
  const na = heading.notApplicable;
  return na && (!na.extra || group.ruleset.answers.extraNotApplicable) ? na : undefined;
}

/** A 不适用 answer where the section starts: its span, and the reason's length and text. */
export interface NotApplicable {
  range: Range;
  reasonChars: number;
  reason: string;
}

const naCache = new WeakMap<object, NotApplicable | null>();

/** The 不适用 answer of a requirement answered with or without a heading (undefined: none). */
export function notApplicableOf(group: DocGroup, id: string): NotApplicable | undefined {
  const ref = group.match.found.get(id);
  if (ref) return headingNotApplicable(group, headingOf(group, ref).heading);
  const a = group.match.answers.get(id);
  if (!a || a.kind === 'reference') return undefined;
  const cached = naCache.get(a);
  if (cached !== undefined) return cached ?? undefined;
  const lead = answerLead(answerSection(group, a));
  const t = lead.trimStart();
  const m = notApplicableLead(t, group.ruleset.answers);
  const na = m ? { range: a.range, reasonChars: countReasonChars(t.slice(m[0].length)), reason: t.slice(m[0].length).trim() } : undefined;
  naCache.set(a, na ?? null);
  return na;
}

/** How a requirement is answered (undefined: not answered at all). */
export function answerState(group: DocGroup, id: string): AnswerKind | undefined {
  if (!isAnswered(group.match, id)) return undefined;
  const na = notApplicableOf(group, id);
  if (!na) return 'present';
  return na.reasonChars < 6 ? 'not-applicable-without-reason' : 'not-applicable';
}

export function checkStructure(group: DocGroup, cond: ConditionContext): void {
  const { kind, match } = group;
  const changesOnly = group.submission?.changesOnly?.includes(kind.id) ?? false;
  const covered = reportNotApplicable(group);
  const isCovered = (id: string): boolean => {
    for (let p = parentId(id); p; p = parentId(p)) if (covered.has(p)) return true;
    return false;
  };

  const emptyReported = new Set<string>();
  for (const r of kind.requirements) {
    if (r.wholeDocument) continue;
    const ref = match.found.get(r.id);
    const ans = ref ? undefined : match.answers.get(r.id);
    if (ref || ans) {
      if (covered.has(r.id) || isCovered(r.id)) continue;
      if (ref && !emptyReported.has(refKey(ref))) {
        if (checkEmpty(group, r, ref)) emptyReported.add(refKey(ref));
      } else if (ans) checkAnswerEmpty(group, r, ans);
      continue;
    }
    reportMissing(group, r, cond, isCovered, changesOnly);
  }
  reportDuplicates(group);
}

/** Not-applicable answers first: they decide what is reported below them (the sections they cover). */
function reportNotApplicable(group: DocGroup): Set<string> {
  const { kind } = group;
  const covered = new Set<string>();
  for (const r of kind.requirements) {
    const a = answerState(group, r.id);
    if (!a || a === 'present') continue;
    covered.add(r.id);
    if (a === 'not-applicable-without-reason') {
      const sec = sectionOf(group, r.id)!;
      const na = notApplicableOf(group, r.id)!;
      const f = finding(
        'not-applicable-without-reason',
        na.range,
        L(
          `${sectionLabel(group, r).zh}答复“不适用”但未说明理由：指导原则要求对不适用内容详述理由（${group.ruleset.notApplicableClause.zh}），请在“不适用”后写明为何不适用于本产品`,
          `${sectionLabel(group, r).en} is answered “not applicable” without a reason: the guideline requires a detailed reason for every item that does not apply (${group.ruleset.notApplicableClause.en}); state why it does not apply to this device`,
        ),
        { requirement: r.id, clause: r.clause },
      );
      sec.file.findings.push(f);
      sec.file.silenced.push({ from: sec.from, to: sec.to, keep: f });
    }
  }
  return covered;
}

/** A required section neither present nor answered: missing-section on its parent (or the body start), with where a misplaced heading sits and why it is required. */
function reportMissing(group: DocGroup, r: Requirement, cond: ConditionContext, isCovered: (id: string) => boolean, changesOnly: boolean): void {
  const { kind, match } = group;
  const first = group.files[0];
  const parent = parentId(r.id);
  const parentSec = parent ? sectionOf(group, parent) : undefined;
  if (parent && !parentSec) return; // only the parent is reported
  if (isCovered(r.id) || changesOnly) return;
  const verdict = r.condition ? evaluate(r.condition, cond) : { value: true, because: [] };
  if (verdict.value !== true) return;
  // The heading scan alone cannot see answers without a heading: report only what no label or
  // sentence of the document could answer (the quick answer stays a subset of the full one).
  if (group.files.some((f) => f.model!.outline) && mayBeAnswered(group, r)) return;

  const target = parentSec?.file ?? first;
  const rangeOf = parentSec ? parentSec.anchor : bodyStartRange(first.model!);
  const misplaced = match.misplaced.get(r.id);
  const data: Record<string, unknown> = { requirement: r.id, clause: r.clause };
  let where = { zh: '', en: '' };
  if (misplaced) {
    const m = headingOf(group, misplaced);
    data.foundAt = m.heading.line;
    if (m.file !== target) data.foundIn = m.file.path;
    const parentReq = parent ? requirementById(kind, parent) : undefined;
    where = parentReq
      ? {
          zh: `（第 ${m.heading.line + 1} 行的“${m.heading.text}”不在${sectionLabel(group, parentReq).zh}之下，不计入）`,
          en: ` (the heading “${m.heading.text}” on line ${m.heading.line + 1} is not under ${sectionLabel(group, parentReq).en}, so it does not count)`,
        }
      : {
          zh: `（第 ${m.heading.line + 1} 行的“${m.heading.text}”位于其他章节之内，不计入）`,
          en: ` (the heading “${m.heading.text}” on line ${m.heading.line + 1} sits inside another section, so it does not count)`,
        };
  }
  const why = r.condition
    ? {
        zh: `因为 frontmatter 声明了 ${describeFacts(verdict.because).zh}，指导原则 ${r.clause} 要求：${quoteText(group.ruleset, r).zh}`,
        en: `because ${describeFacts(verdict.because).en.replace(/^(\S)/, '$1')}, guideline ${r.clause} requires it: ${quoteText(group.ruleset, r).en}`,
      }
    : { zh: `指导原则 ${r.clause} 要求${kind.name.zh}包含此项：${r.content.zh}`, en: `guideline ${r.clause} requires it in the ${kind.name.en}: ${r.content.en}` };
  data.insert = insertion(group, r, cond);
  const recommended = r.missingSeverity === 'hint';
  target.findings.push(
    finding(
      'missing-section',
      rangeOf,
      recommended
        ? L(
            `建议增加${sectionLabel(group, r).zh}章节${where.zh}：${quoteText(group.ruleset, r).zh}（${r.clause}，建议项）`,
            `Consider adding ${sectionLabel(group, r).en}${where.en}: ${quoteText(group.ruleset, r).en} (${r.clause}, recommended)`,
          )
        : L(`缺少${sectionLabel(group, r).zh}章节${where.zh}：${why.zh}`, `Missing section ${sectionLabel(group, r).en}${where.en}: ${why.en}`),
      data,
      r.missingSeverity,
    ),
  );
}

/** A catalogue heading that appears twice: only the first one is checked. */
function reportDuplicates(group: DocGroup): void {
  const { kind, match } = group;
  for (const dup of match.duplicates) {
    const r = requirementById(kind, dup.id)!;
    const { file, heading } = headingOf(group, dup.at);
    const firstAt = headingOf(group, dup.first);
    const sameFile = firstAt.file === file;
    file.findings.push(
      finding(
        'duplicate-section',
        heading.range,
        L(
          `${sectionLabel(group, r).zh}章节重复：第一次出现在${sameFile ? '' : ` ${firstAt.file.path} 的`}第 ${firstAt.heading.line + 1} 行；只有第一次出现的章节会被检查`,
          `${sectionLabel(group, r).en} appears twice: first on line ${firstAt.heading.line + 1}${sameFile ? '' : ` of ${firstAt.file.path}`}; only the first one is checked`,
        ),
        { requirement: r.id, clause: r.clause, firstAt: firstAt.heading.line },
      ),
    );
  }
}

/**
 * Where the quick fix puts a missing section and how it looks: at its guideline position (after
 * the preceding present sibling, else before the following one, else at the end of the parent),
 * at the siblings' heading level, in their numbering style and title language, with the required
 * children. Quick fixes read only this (code + data), never the text.
 */
export interface Insertion {
  line: number;
  depth: number;
  numbering: string;
  lang: 'zh' | 'en';
  children: { id: string; depth: number; numbering: string }[];
}

function insertion(group: DocGroup, r: Requirement, cond: ConditionContext): Insertion {
  const { kind, match } = group;
  const parent = parentId(r.id);
  const siblings = kind.requirements.filter((x) => parentId(x.id) === parent && !x.wholeDocument);
  const i = siblings.indexOf(r);
  const parentRef = parent ? match.found.get(parent) : undefined;
  const fileIndex = parentRef?.file ?? 0;
  const model = group.files[fileIndex].model!;
  const lang = documentLanguage(group);
  const foundIn = (x: Requirement) => {
    const ref = match.found.get(x.id);
    return ref && ref.file === fileIndex ? model.headings[ref.heading] : undefined;
  };
  const prev = siblings.slice(0, i).reverse().map(foundIn).find(Boolean);
  const next = siblings.slice(i + 1).map(foundIn).find(Boolean);
  let line: number;
  let depth: number;
  let numbering = '';
  if (prev) {
    line = sectionEndLine(model, prev.index);
    depth = prev.depth;
    numbering = shiftNumbering(numberingOf(prev.text), 1);
  } else if (next) {
    line = next.line;
    depth = next.depth;
    numbering = shiftNumbering(numberingOf(next.text), -1);
  } else if (parentRef) {
    const p = model.headings[parentRef.heading];
    line = sectionEndLine(model, p.index);
    depth = Math.min(6, p.depth + 1);
    numbering = childNumbering(numberingOf(p.text), i + 1);
  } else if (parent && match.answers.has(parent)) {
    // The parent is answered by a label: the new heading goes after the label's region, one
    // level below the heading that holds it.
    const a = match.answers.get(parent)!;
    const sec = answerSection(group, a);
    return { line: sectionEnd(sec), depth: Math.min(6, (sec.heading?.depth ?? 0) + 1), numbering: '', lang, children: childrenToInsert(group, r, Math.min(6, (sec.heading?.depth ?? 0) + 1), '', cond) };
  } else {
    line = model.lines.lineCount;
    while (line - 1 > model.scan.bodyStartLine && model.lines.lineText(line - 1).trim() === '') line--;
    const tops = model.headings.filter((h) => h.parent < 0);
    depth = tops.length === 1 && tops[0].depth === 1 ? 2 : 1;
  }
  return { line, depth, numbering, lang, children: childrenToInsert(group, r, depth, numbering, cond) };
}

/** The required sub-sections a missing section is inserted with, numbered under it. */
function childrenToInsert(group: DocGroup, r: Requirement, depth: number, numbering: string, cond: ConditionContext): Insertion['children'] {
  const children: Insertion['children'] = [];
  const addChildren = (id: string, d: number, num: string) => {
    group.kind.requirements
      .filter((x) => parentId(x.id) === id && !x.wholeDocument)
      .filter((x) => !x.condition || evaluate(x.condition, cond).value === true)
      .filter((x) => x.missingSeverity !== 'hint')
      .forEach((x, k) => {
        const n = childNumbering(num, k + 1);
        children.push({ id: x.id, depth: Math.min(6, d + 1), numbering: n });
        addChildren(x.id, d + 1, n);
      });
  };
  addChildren(r.id, depth, numbering);
  return children;
}

function sectionEndLine(model: DocModel, heading: number): number {
  let end = model.headings[heading].end;
  while (end - 1 > model.headings[heading].line && model.lines.lineText(end - 1).trim() === '') end--;
  return end;
}

/** empty-section on a requirement's heading; true when it reported one. */
function checkEmpty(group: DocGroup, r: Requirement, ref: HeadingRef): boolean {
  const { file, heading } = headingOf(group, ref);
  const model = file.model!;
  if (subtreeHasBody(model, heading.index)) return false;
  // When required sub-sections are present (and empty), only they are reported.
  const presentChildren = descendants(model, heading.index).some((d) => group.match.byHeading.has(refKey({ file: ref.file, heading: d })));
  if (presentChildren) return false;
  // Sub-items answered inside it without a heading are its content too.
  if (childrenOf(group.kind, r.id).some((c) => group.match.answers.has(c.id))) return false;
  file.findings.push(emptyFinding(group, r, heading.range));
  return true;
}

/** empty-section on a label that names an item but says nothing after it (§3a). */
function checkAnswerEmpty(group: DocGroup, r: Requirement, a: DocMatchAnswer): void {
  if (a.kind === 'reference') return;
  const sec = answerSection(group, a);
  if (sectionHasBody(sec)) return;
  if (childrenOf(group.kind, r.id).some((c) => isAnswered(group.match, c.id))) return;
  sec.file.findings.push(emptyFinding(group, r, a.range));
}

function emptyFinding(group: DocGroup, r: Requirement, at: Range) {
  return finding(
    'empty-section',
    at,
    L(`${sectionLabel(group, r).zh}章节没有内容：请写明${r.content.zh}（指导原则 ${r.clause}）`, `${sectionLabel(group, r).en} has no content: write ${lowerFirst(r.content.en)} (guideline ${r.clause})`),
    { requirement: r.id, clause: r.clause },
  );
}

/**
 * Whether an answer without a heading could exist for a requirement, judged from the raw text
 * (the heading scan has no labels or sentences): one of its names (exact or normalised) starts a
 * line (a label, a table row) or stands in a paragraph that holds a reference. Conservative: it
 * may say yes where the full check finds no answer, never no where it finds one.
 */
function mayBeAnswered(group: DocGroup, r: Requirement): boolean {
  // A joined name is there when all its parts are (the conjunction itself may be any of them).
  const keys = [...group.match.matcher.looseKeys(r)].map((k) => k.split('\uE000').filter(Boolean)).filter((parts) => parts.join('').length >= 2);
  const holds = (t: string, parts: string[]) => parts.every((x) => t.includes(x));
  return group.files.some((f) => paragraphsOf(f.model!).some((p) => keys.some((k) => holds(p.text, k) && (p.hasReference || p.starts.some((s) => holds(s, k))))));
}

/** Characters of a line's start a label can occupy (its name: 80, plus numbering and markup). */
const LABEL_REACH = 100;
const paragraphCache = new WeakMap<DocModel, { text: string; hasReference: boolean; starts: string[] }[]>();
function paragraphsOf(model: DocModel): { text: string; hasReference: boolean; starts: string[] }[] {
  let out = paragraphCache.get(model);
  if (out) return out;
  out = [];
  let lines: string[] = [];
  const flush = () => {
    if (!lines.length) return;
    const raw = lines.join('\n');
    out!.push({ text: normalize(raw), hasReference: !!referenceIn(raw), starts: lines.map((l) => normalize(l.slice(0, LABEL_REACH))) });
    lines = [];
  };
  for (let l = model.scan.bodyStartLine; l < model.lines.lineCount; l++) {
    const t = model.lines.lineText(l);
    // Headings are the scan's own answers; a table's header row names columns, not items.
    if (/^ {0,3}#/.test(t) || (/^\s*\|/.test(t) && /^\s*\|?[\s:|-]*-[\s:|-]*$/.test(model.lines.lineText(l + 1)))) flush();
    else if (t.trim()) lines.push(t);
    else flush();
  }
  flush();
  paragraphCache.set(model, out);
  return out;
}

function lowerFirst(s: string): string {
  return s ? s[0].toLowerCase() + s.slice(1) : s;
}
