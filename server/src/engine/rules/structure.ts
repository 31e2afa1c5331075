// missing-section, duplicate-section, empty-section and not-applicable-without-reason
// (requirements.md §3), per document (the files of one kind, matched as one).

import { evaluate, type ConditionContext } from '../facts/facts';
import { bodyStartRange, descendants, subtreeHasBody } from '../model';
import { parentId, refKey, type HeadingRef } from '../match';
import type { Requirement } from '../rulesets/types';
import { L, describeFacts, finding, headingOf, reqLabel, requirementById, type DocGroup } from './context';

/** How a present requirement section answers: normally, or 不适用 with/without reason. */
export type Answer = 'present' | 'not-applicable' | 'not-applicable-without-reason';

export function answerOf(group: DocGroup, ref: HeadingRef): Answer {
  const { heading } = headingOf(group, ref);
  if (!heading.notApplicable) return 'present';
  return heading.notApplicable.reasonChars < 6 ? 'not-applicable-without-reason' : 'not-applicable';
}

export function checkStructure(group: DocGroup, cond: ConditionContext): void {
  const { kind, match } = group;
  const first = group.files[0];
  const changesOnly = group.submission?.changesOnly?.includes(kind.id) ?? false;

  // Not-applicable answers first: they decide what is reported below them.
  const covered = new Set<string>();
  for (const r of kind.requirements) {
    const ref = match.found.get(r.id);
    if (!ref) continue;
    const { file, heading } = headingOf(group, ref);
    const a = answerOf(group, ref);
    if (a === 'present') continue;
    covered.add(r.id);
    if (a === 'not-applicable-without-reason') {
      const na = heading.notApplicable!;
      const f = finding(
        'not-applicable-without-reason',
        na.range,
        L(
          `${reqLabel(r).zh}答复“不适用”但未说明理由：指导原则要求对不适用内容详述理由（前言），请在“不适用”后写明为何不适用于本产品`,
          `${reqLabel(r).en} is answered “not applicable” without a reason: the guideline requires a detailed reason for every item that does not apply (preamble); state why it does not apply to this device`,
        ),
        { requirement: r.id, clause: r.clause },
      );
      file.findings.push(f);
      file.silenced.push({ from: heading.line, to: heading.end, keep: f });
    }
  }
  const isCovered = (id: string): boolean => {
    for (let p = parentId(id); p; p = parentId(p)) if (covered.has(p)) return true;
    return false;
  };

  for (const r of kind.requirements) {
    if (r.wholeDocument) continue;
    const ref = match.found.get(r.id);
    if (ref) {
      if (covered.has(r.id) || isCovered(r.id)) continue;
      checkEmpty(group, r, ref);
      continue;
    }
    const parent = parentId(r.id);
    const parentRef = parent ? match.found.get(parent) : undefined;
    if (parent && !parentRef) continue; // only the parent is reported
    if (isCovered(r.id) || changesOnly) continue;
    const verdict = r.condition ? evaluate(r.condition, cond) : { value: true, because: [] };
    if (verdict.value !== true) continue;

    const at = parentRef ? headingOf(group, parentRef) : undefined;
    const target = at?.file ?? first;
    const rangeOf = at ? at.heading.range : bodyStartRange(first.model!);
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
            zh: `（第 ${m.heading.line + 1} 行的“${m.heading.text}”不在${reqLabel(parentReq).zh}之下，不计入）`,
            en: ` (the heading “${m.heading.text}” on line ${m.heading.line + 1} is not under ${reqLabel(parentReq).en}, so it does not count)`,
          }
        : {
            zh: `（第 ${m.heading.line + 1} 行的“${m.heading.text}”位于其他章节之内，不计入）`,
            en: ` (the heading “${m.heading.text}” on line ${m.heading.line + 1} sits inside another section, so it does not count)`,
          };
    }
    const why = r.condition
      ? {
          zh: `因为 frontmatter 声明了 ${describeFacts(verdict.because).zh}，指导原则 ${r.clause} 要求：${r.quote}`,
          en: `because ${describeFacts(verdict.because).en.replace(/^(\S)/, '$1')}, guideline ${r.clause} requires it: ${r.gloss}`,
        }
      : { zh: `指导原则 ${r.clause} 要求${kind.name.zh}包含此项：${r.content.zh}`, en: `guideline ${r.clause} requires it in the ${kind.name.en}: ${r.content.en}` };
    const recommended = r.missingSeverity === 'hint';
    target.findings.push(
      finding(
        'missing-section',
        rangeOf,
        recommended
          ? L(
              `建议增加${reqLabel(r).zh}章节${where.zh}：${r.quote}（${r.clause}，建议项）`,
              `Consider adding ${reqLabel(r).en}${where.en}: ${r.gloss} (${r.clause}, recommended)`,
            )
          : L(`缺少${reqLabel(r).zh}章节${where.zh}：${why.zh}`, `Missing section ${reqLabel(r).en}${where.en}: ${why.en}`),
        data,
        r.missingSeverity,
      ),
    );
  }

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
          `${reqLabel(r).zh}章节重复：第一次出现在${sameFile ? '' : ` ${firstAt.file.path} 的`}第 ${firstAt.heading.line + 1} 行；只有第一次出现的章节会被检查`,
          `${reqLabel(r).en} appears twice: first on line ${firstAt.heading.line + 1}${sameFile ? '' : ` of ${firstAt.file.path}`}; only the first one is checked`,
        ),
        { requirement: r.id, clause: r.clause, firstAt: firstAt.heading.line },
      ),
    );
  }
}

function checkEmpty(group: DocGroup, r: Requirement, ref: HeadingRef): void {
  const { file, heading } = headingOf(group, ref);
  const model = file.model!;
  if (subtreeHasBody(model, heading.index)) return;
  // When required sub-sections are present (and empty), only they are reported.
  const presentChildren = descendants(model, heading.index).some((d) => group.match.byHeading.has(refKey({ file: ref.file, heading: d })));
  if (presentChildren) return;
  file.findings.push(
    finding(
      'empty-section',
      heading.range,
      L(`${reqLabel(r).zh}章节没有内容：请写明${r.content.zh}（指导原则 ${r.clause}）`, `${reqLabel(r).en} has no content: write ${lowerFirst(r.content.en)} (guideline ${r.clause})`),
      { requirement: r.id, clause: r.clause },
    ),
  );
}

function lowerFirst(s: string): string {
  return s ? s[0].toLowerCase() + s.slice(1) : s;
}
