// Content checks the catalogue attaches to requirements (requirements.md §4–§8). This module
// decides where each check runs — the requirement's section, or its parent's; not on an empty or
// not-applicable section; answered by reference, only a hint — and dispatches the section checks
// through the registry (checks/, one file per kind). It runs the two requirement-level kinds
// itself (statement elements, applies-when), the document-level mentions (privacy) and the
// placeholders.

import { evaluate, factPosition, type ConditionContext } from '../facts/facts';
import type { Code } from '../codes';
import { bodyStartRange, bodyText, subtreeHasBody } from '../model';
import { parentId, refKey } from '../match';
import type { Check, Localized, Requirement } from '../rulesets/types';
import { suppressed } from '../suppress';
import type { Range } from '../text';
import { L, finding, requirementById, sectionLabel, type DocGroup, type FileState } from './context';
import { answerState, notApplicableOf } from './structure';
import { sectionHasBody, sectionHeadings, sectionOf, sectionTables, type Section } from './section';
import { mentionsAny } from './sections';
import { runSectionCheck, type CheckOf } from './checks';

// The table helpers live in ../tables and ./table-helpers (importing them from here made
// content ↔ sections ↔ vulnerability a cycle); re-exported for callers written against the old place.
export { columnGroups, tableLines } from '../tables';
export { isRiskTable, listingColumns, listingTables, tablesIn, traceabilityTables } from './table-helpers';


/** Whether a requirement section is answered normally (not 不适用, not under a 不适用 parent). */
function answered(group: DocGroup, id: string): boolean {
  for (let p = id; p; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') {
    const a = answerState(group, p);
    if (a && a !== 'present') return false;
  }
  return true;
}

/**
 * Checks that read a table of the section: with no table there and a reference to an attachment,
 * what they check is in the attachment (requirements.md §3a) — a hint says so.
 */
const TABLE_CHECKS = new Set<Check['kind']>(['listing-table', 'risk-tables', 'traceability']);

/** The reference a section answers by (its label's, its sentence's, or one in its text). */
export function referenceOfSection(group: DocGroup, s: Section): string | undefined {
  if (s.answer?.reference) return s.answer.reference;
  // A section answers by reference when it holds one and each of its items' sub-sections that
  // has content does too (2 风险管理 › 2.1 见附件 1, 2.2 见附件 2); a sub-section with content of
  // its own (2.1.2 in prose) means the text is here.
  const fi = group.files.indexOf(s.file);
  const refsIn = (from: number, to: number) => s.model.refs.filter((r) => s.headings.has(r.heading) && r.line >= from && r.line < to && r.line >= s.from && r.line < s.to);
  for (const h of sectionHeadings(s)) {
    if (!group.match.byHeading.has(refKey({ file: fi, heading: h.index })) || !subtreeHasBody(s.model, h.index)) continue;
    if (!refsIn(h.line, h.end).length) return undefined;
  }
  return refsIn(s.from, s.to)[0]?.reference;
}

export function checkContent(group: DocGroup, cond: ConditionContext): void {
  const hinted = new Set<string>();
  for (const r of group.kind.requirements) {
    for (const c of r.checks ?? []) {
      if (c.kind === 'statement') {
        checkStatement(group, r, c);
        continue;
      }
      if (c.kind === 'applies-when') {
        checkAppliesWhen(group, r, c, cond);
        continue;
      }
      // Without its own section, a check may run on its parent's (an optional sub-section whose
      // content the parent then holds) — if the requirement applies. Only the direct parent:
      // when the parent is missing too, its missing-section says it all.
      let sec = sectionOf(group, r.id);
      let at = r.id;
      const parent = parentId(r.id);
      if (!sec && c.orParent && parent && (!r.condition || evaluate(r.condition, cond).value === true)) {
        sec = sectionOf(group, parent);
        at = parent;
      }
      // An empty or not-applicable section gets its own finding, not a cascade of content ones.
      if (!sec || !answered(group, at) || !sectionHasBody(sec)) continue;
      const reference = sectionTables(sec).length ? undefined : referenceOfSection(group, sec);
      if (!reference) {
        runSectionCheck(group, r, sec, c, cond);
        continue;
      }
      // Answered by reference: what the check would report is in the attachment, not missing.
      const before = group.files.map((f) => f.findings.length);
      runSectionCheck(group, r, sec, c, cond);
      const reported = group.files.some((f, i) => f.findings.length > before[i]);
      group.files.forEach((f, i) => (f.findings.length = before[i]));
      if ((reported || TABLE_CHECKS.has(c.kind)) && !hinted.has(r.id)) {
        hinted.add(r.id);
        sec.file.findings.push(referenceHint(group, r, sec, reference));
      }
    }
  }
  checkDocumentMentions(group, cond);
}

/**
 * The rule set's document-level mentions (privacy): when its condition holds, some text run of the
 * document names one of the words; else a finding on the first anchor section there is, or on the
 * fact, or at the start of the body.
 */
function checkDocumentMentions(group: DocGroup, cond: ConditionContext): void {
  for (const m of group.kind.mentions ?? []) {
    if (evaluate(m.when, cond).value !== true) continue;
    // Stops at the first mention: usually early in the document.
    const mentioned = group.files.some((f) => f.model!.runs.some((r) => mentionsAny(r.item.run.text, m.words)));
    if (mentioned) continue;
    let target: FileState = group.files[0];
    let at: Range | undefined;
    for (const a of m.anchors) {
      const sec = sectionOf(group, a);
      if (sec) {
        target = sec.file;
        at = sec.anchor;
        break;
      }
    }
    if (!at) {
      const pos = factPosition(target.facts, m.fact);
      at = pos?.origin === 'file' ? pos.value : bodyStartRange(target.model!);
    }
    target.findings.push(finding(m.code as Code, at, m.message, m.requirement ? { requirement: m.requirement, clause: m.clause } : { clause: m.clause }));
  }
}

/** A section answered not applicable although the facts say it applies — inconsistent-fact on the answer. */
function checkAppliesWhen(group: DocGroup, r: Requirement, c: CheckOf<'applies-when'>, cond: ConditionContext): void {
  const a = answerState(group, r.id);
  if (a !== 'not-applicable' && a !== 'not-applicable-without-reason') return;
  const v = evaluate(c.when, cond);
  if (v.value !== true) return;
  const sec = sectionOf(group, r.id);
  const na = notApplicableOf(group, r.id);
  if (!sec || !na) return;
  sec.file.findings.push(finding('inconsistent-fact', na.range, c.message, { requirement: r.id, clause: r.clause, fact: c.fact }, c.severity));
}

function referenceHint(group: DocGroup, r: Requirement, sec: Section, reference: string) {
  return finding(
    'answered-by-reference',
    sec.anchor,
    L(
      `${sectionLabel(group, r).zh}以引用作答（${reference}）：被引用的内容不在本文档中，其表格列、完整版本、风险可接受性、追溯关系等未检查；请确认该文件满足指导原则 ${r.clause} 的要求：${r.content.zh}`,
      `${sectionLabel(group, r).en} is answered by reference (${reference}): the referenced content is not in this document, so its columns, versions, risk acceptability or traceability were not checked; make sure it meets guideline ${r.clause}: ${r.content.en}`,
    ),
    { requirement: r.id, clause: r.clause, reference },
  );
}


function checkStatement(group: DocGroup, r: Requirement, c: CheckOf<'statement'>): void {
  const text = group.files.map((f) => bodyText(f.model!)).join('\n');
  const first = group.files[0];
  for (const el of c.elements) {
    const ok = el.table ? group.files.some((f) => f.model!.tables.length > 0) : el.patterns.some((p) => new RegExp(p, 'iu').test(text));
    if (ok) continue;
    first.findings.push(
      finding(
        'missing-section',
        bodyStartRange(first.model!),
        L(`${sectionLabel(group, r).zh}缺少${el.label.zh}：${r.content.zh}（${r.clause}）`, `${sectionLabel(group, r).en} lacks ${el.label.en}: ${r.content.en} (${r.clause})`),
        { requirement: r.id, clause: r.clause, item: el.item },
      ),
    );
  }
}

/** The heading of requirement `id` in file `fi` of the group, if it has one there. */
function headingOf(group: DocGroup, fi: number, id: string): number | undefined {
  const ref = group.match.found.get(id);
  return ref && ref.file === fi ? ref.heading : undefined;
}

/** placeholder: everywhere in the body of a file, with the innermost requirement section. */
export function checkPlaceholders(group: DocGroup): void {
  group.files.forEach((file, fi) => {
    const model = file.model!;
    const reqAt = (h: number): string | undefined => {
      for (let i = h; i >= 0; i = model.headings[i].parent) {
        const id = group.match.byHeading.get(refKey({ file: fi, heading: i }));
        if (id) return id;
      }
      return undefined;
    };
    // Items answered by a label: the label's region is their section (the innermost one wins).
    const labelled = [...group.match.answers].filter(([, a]) => a.file === fi && a.kind !== 'reference');
    const answerAt = (line: number): string | undefined => {
      let best: { id: string; from: number } | undefined;
      for (const [id, a] of labelled) if (line >= a.region.from && line < a.region.to && (!best || a.region.from >= best.from)) best = { id, from: a.region.from };
      return best?.id;
    };
    // One finding per section (diagnostics.md): on its first placeholder, with the count, the
    // others in `related`. A placeholder silenced by a comment is not counted.
    const groups = new Map<string, { id?: string; heading: number; items: typeof model.placeholders }>();
    for (const p of model.placeholders) {
      const id = answerAt(p.range.start.line) ?? reqAt(p.heading);
      if (suppressed({ code: 'placeholder', range: p.range }, id, model.suppressions)) continue;
      const key = id ?? `#${p.heading}`;
      const g = groups.get(key) ?? { id, heading: p.heading, items: [] };
      g.items.push(p);
      groups.set(key, g);
    }
    for (const g of groups.values()) {
      const r = g.id ? requirementById(group.kind, g.id) : undefined;
      // The section as the file names it: its own heading when it has one, else the catalogue's title.
      const hi = r ? headingOf(group, fi, r.id) : g.heading;
      const title = hi !== undefined && hi >= 0 ? model.headings[hi]?.text : undefined;
      const where: Localized | undefined = title ? { zh: `“${title}”${r ? `（${r.id}）` : ''}`, en: `“${title}”${r ? ` (${r.id})` : ''}` } : r ? sectionLabel(group, r) : undefined;
      const [first, ...rest] = g.items;
      const n = g.items.length;
      const texts = [...new Set(g.items.map((p) => p.text))];
      const shown = texts.slice(0, 3);
      const more = texts.length > shown.length;
      const message =
        n === 1
          ? L(
              `残留占位符“${first.text}”${where ? `（${where.zh}）` : ''}：提交前请替换为实际内容`,
              `Placeholder “${first.text}” left${where ? ` in ${where.en}` : ''}: replace it with the real content before submission`,
            )
          : L(
              `${where ? `${where.zh}中` : ''}残留 ${n} 处占位符（${shown.map((t) => `“${t}”`).join('、')}${more ? '等' : ''}）：提交前请替换为实际内容`,
              `${n} placeholders left${where ? ` in ${where.en}` : ''} (${shown.map((t) => `“${t}”`).join(', ')}${more ? ', …' : ''}): replace them with the real content before submission`,
            );
      const data = { ...(r ? { requirement: r.id, clause: r.clause } : {}), text: first.text, count: n, lines: g.items.map((p) => p.range.start.line) };
      const f = finding('placeholder', first.range, message, data);
      if (rest.length) f.related = rest.map((p) => ({ range: p.range, message: L(`占位符“${p.text}”`, `Placeholder “${p.text}”`) }));
      file.findings.push(f);
    }
  });
}
