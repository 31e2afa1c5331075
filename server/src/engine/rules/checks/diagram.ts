// diagram: the section holds a diagram (an image, a diagram fence or a numbered figure), unless it
// names what exempts it.

import type { Requirement } from '../../rulesets/types';
import { L, finding, sectionLabel, type DocGroup } from '../context';
import { sectionText, type Section } from '../section';
import { hasDiagram, mentionsAny } from '../sections';
import type { CheckEntry, CheckOf } from './types';

export function checkDiagram(group: DocGroup, r: Requirement, sec: Section, c: CheckOf<'diagram'>): void {
  const { file } = sec;
  const heading = { range: sec.anchor };
  if (hasDiagram(sec)) return;
  if (c.exempt) {
    if (mentionsAny(sectionText(sec), c.exempt.words)) return;
  }
  const instead = c.exempt ? { zh: `，或写明${c.exempt.label.zh}`, en: `, or name ${c.exempt.label.en}` } : { zh: '', en: '' };
  file.findings.push(
    finding(
      'missing-diagram',
      heading.range,
      L(
        `${sectionLabel(group, r).zh}没有图示：指导原则 ${r.clause} 要求提供${c.what.zh}${instead.zh}。可插入图片、mermaid / plantuml / dot 代码块，或引用编号的图（如“见图 3”、附件中的图）`,
        `${sectionLabel(group, r).en} has no diagram: guideline ${r.clause} asks for ${c.what.en}${instead.en}. Insert an image, a mermaid / plantuml / dot block, or refer to a numbered figure (“see Figure 3”, a figure in an attachment)`,
      ),
      { requirement: r.id, clause: r.clause },
    ),
  );
}

export const diagram: CheckEntry<'diagram'> = {
  run: (group, r, sec, c) => checkDiagram(group, r, sec, c),
  codes: () => ['missing-diagram'],
};
