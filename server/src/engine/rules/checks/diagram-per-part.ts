// diagram-per-part: one diagram per part of the section (a use scenario), and the declared
// scenario (remote maintenance) among the parts.

import { evaluate, type ConditionContext } from '../../facts/facts';
import { refKey } from '../../match';
import { descendants } from '../../model';
import type { Requirement } from '../../rulesets/types';
import type { Range } from '../../text';
import { L, finding, sectionLabel, type DocGroup } from '../context';
import { sectionHeadings, sectionText, type Section } from '../section';
import { diagramLinesOf, hasDiagram, mentionsAny } from '../sections';
import type { CheckEntry, CheckOf } from './types';

/**
 * One diagram per part of the section (a sub-heading or a labelled paragraph: one use scenario);
 * when `also` holds, a part must be that scenario (remote maintenance) — else missing-diagram.
 */
export function checkDiagramPerPart(group: DocGroup, r: Requirement, sec: Section, c: CheckOf<'diagram-per-part'>, cond: ConditionContext): void {
  const { model, file } = sec;
  const parts: { line: number; title: string; range: Range; to: number; heading?: boolean }[] = [];
  // Run on the parent (1.2 数据架构 without 1.2.1), its sub-sections that answer other
  // requirements (1.2.2 数据情况 …) are not use scenarios: they and their content are left out.
  const fi = group.files.indexOf(file);
  const other = new Set<number>();
  for (const h of sectionHeadings(sec)) {
    if (h.index === sec.index || !group.match.byHeading.has(refKey({ file: fi, heading: h.index }))) continue;
    other.add(h.index);
    for (const d of descendants(model, h.index)) other.add(d);
  }
  for (const h of sectionHeadings(sec)) if (!other.has(h.index)) parts.push({ line: h.line, title: h.text, range: h.range, to: h.end, heading: true });
  for (const l of model.labels) {
    if (l.kind !== 'block' || !sec.headings.has(l.heading) || other.has(l.heading) || l.line < sec.from || l.line >= sec.to) continue;
    // Inside a sub-heading's part it belongs to that part; a previous label's part ends here.
    if (parts.some((p) => p.heading && l.line >= p.line && l.line < p.to)) continue;
    const bold = l.candidates[0];
    // A labelled paragraph starts a part only as a bold lead-in or a name before a colon.
    if (!bold || bold.text.length > 30) continue;
    // **网络环境和数据流图**：见图 1～图 3 — the requirement's own name, not a scenario.
    if (mentionsAny(bold.text, [r.title.zh, r.title.en, ...r.synonyms.filter((x) => x.length > 2)])) continue;
    parts.push({ line: l.line, title: bold.text, range: bold.range, to: sec.to });
  }
  parts.sort((a, b) => a.line - b.line);
  for (let i = 0; i < parts.length; i++) if (parts[i].to === sec.to && i + 1 < parts.length) parts[i].to = Math.min(sec.to, parts[i + 1].line);
  // No diagram at all: the diagram check's one finding on the heading says it.
  if (!hasDiagram(sec)) return;
  // The lines that hold a diagram, with their captions (![图 2 本地维护场景……](…)): applicants put
  // the figure before or after its scenario's text, or all figures together; a figure whose caption
  // names the scenario, or as many figures as scenarios, covers them.
  const diagramLines = diagramLinesOf(sec);
  if (parts.length >= 2 && diagramLines.length < parts.length) {
    const captions = diagramLines.join('\n');
    for (const p of parts) {
      const part: Section = { ...sec, from: p.line, to: p.to, answer: sec.answer ?? { kind: 'label', file: group.files.indexOf(file), heading: sec.index, line: p.line, range: p.range, text: p.title, region: { from: p.line, to: p.to }, rest: '' } };
      if (hasDiagram(part)) continue;
      const name = p.title.replace(/^[\s\d.、（）()一二三四五六七八九十]+/u, '').replace(/(?:使用)?场景$/u, '').trim();
      if (name && captions.includes(name)) continue;
      file.findings.push(
        finding(
          'missing-diagram',
          p.range,
          L(`使用场景“${p.title}”没有${c.what.zh}：指导原则 ${r.clause} 要求提供每个使用场景的网络环境和数据流图`, `The use scenario “${p.title}” has no ${c.what.en}: guideline ${r.clause} asks for one for every use scenario`),
          { requirement: r.id, clause: r.clause, part: p.title },
        ),
      );
    }
  }
  // Scenarios told apart as parts: the declared one must be among them. Without parts, one diagram
  // may show every scenario (the mention check asks that it names this one).
  if (parts.length < 2 || !c.also || evaluate(c.also.when, cond).value !== true) return;
  if (parts.some((p) => mentionsAny(p.title, c.also!.words)) || mentionsAny(diagramLines.join('\n'), c.also.words)) return;
  // Never named in the section: the mention check (remote maintenance scenario) says it once.
  if (!mentionsAny(sectionText(sec), c.also.words)) return;
  file.findings.push(
    finding(
      'missing-diagram',
      sec.anchor,
      L(`${sectionLabel(group, r).zh}没有${c.also.label.zh}场景的网络环境和数据流图：指导原则 ${r.clause} 要求每个使用场景（含远程维护与升级）各有一幅`, `${sectionLabel(group, r).en} has no network environment and data-flow diagram of the ${c.also.label.en} scenario: guideline ${r.clause} asks for one per use scenario, remote maintenance and upgrade included`),
      { requirement: r.id, clause: r.clause, part: c.also.label.en },
    ),
  );
}

export const diagramPerPart: CheckEntry<'diagram-per-part'> = {
  run: (group, r, sec, c, cond) => checkDiagramPerPart(group, r, sec, c, cond),
  codes: () => ['missing-diagram'],
};
