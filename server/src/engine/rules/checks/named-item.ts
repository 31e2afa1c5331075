// named-item: an item the section must hold (the version naming rule) is named, and where it is
// named it states its content.

import { evaluate, type ConditionContext } from '../../facts/facts';
import type { Code } from '../../codes';
import { holdsPlaceholder, referenceIn } from '../../rulesets/common';
import type { Requirement } from '../../rulesets/types';
import { L, finding, sectionLabel, type DocGroup } from '../context';
import type { Section } from '../section';
import { mentionsAny } from '../sections';
import type { CheckEntry, CheckOf } from './types';

/**
 * An item the section must hold (the version naming rule in 软件信息): the lines that name it,
 * each with its paragraph (a heading: its subtree; a table row: the row), must state the content.
 */
export function checkNamedItem(group: DocGroup, r: Requirement, sec: Section, c: CheckOf<'named-item'>, cond: ConditionContext): void {
  if (evaluate(c.when, cond).value !== true) return;
  if (c.unless && evaluate(c.unless, cond).value !== false) return;
  const { model } = sec;
  const hits: { line: number; text: string }[] = [];
  for (let l = sec.from; l < sec.to; l++) {
    const t = model.lines.lineText(l);
    if (!mentionsAny(t, c.names)) continue;
    const h = model.headings.find((x) => x.line === l);
    let end = l + 1;
    if (h) end = h.end;
    else if (!/^\s*\|/.test(t)) while (end < sec.to && model.lines.lineText(end).trim() && !/^\s*(#|\||\*\*)/.test(model.lines.lineText(end))) end++;
    const lines: string[] = [];
    for (let k = l; k < end; k++) lines.push(model.lines.lineText(k));
    hits.push({ line: l, text: lines.join('\n') });
  }
  const data = { requirement: r.id, clause: c.clause };
  if (!hits.length) {
    sec.file.findings.push(finding(c.code as Code, sec.anchor, L(`${sectionLabel(group, r).zh}${c.missing.zh}（${c.clause}）`, `${sectionLabel(group, r).en}: ${c.missing.en} (${c.clause})`), { ...data, item: 'missing' }, c.severity));
    return;
  }
  if (!c.content) return;
  // Where it is given by reference (见产品技术要求 …), the content is there.
  if (hits.some((h) => referenceIn(h.text))) return;
  const text = hits.map((h) => h.text).join('\n');
  if (holdsPlaceholder(text)) return;
  const unmet = c.content.groups.filter((g) => !mentionsAny(text, g.words));
  if (!unmet.length) return;
  sec.file.findings.push(
    finding(
      c.code as Code,
      model.lines.lineRange(hits[0].line),
      L(`${c.content.message.zh}（未写到：${unmet.map((g) => g.label.zh).join('、')}；${c.clause}）`, `${c.content.message.en} (not stated: ${unmet.map((g) => g.label.en).join(', ')}; ${c.clause})`),
      { ...data, item: 'content', missing: unmet.map((g) => g.label.en) },
    ),
  );
}

export const namedItem: CheckEntry<'named-item'> = {
  run: (group, r, sec, c, cond) => checkNamedItem(group, r, sec, c, cond),
  codes: (c) => [c.code as Code],
};
