// requires-words: the section names a word of each of the check's groups (the code, message and
// severity are the catalogue's; a tolerated few or hint-only groups make it a hint).

import { evaluate, type ConditionContext } from '../../facts/facts';
import type { Code } from '../../codes';
import { holdsPlaceholder } from '../../rulesets/common';
import type { Requirement } from '../../rulesets/types';
import { L, finding, type DocGroup } from '../context';
import { sectionLines, sectionText, type Section } from '../section';
import { mentionsAny } from '../sections';
import type { CheckEntry, CheckOf } from './types';

export function checkRequiresWords(group: DocGroup, r: Requirement, sec: Section, c: CheckOf<'requires-words'>, cond: ConditionContext): void {
  if (c.when && evaluate(c.when, cond).value !== true) return;
  const text = c.source === 'lines' ? sectionLines(sec).join('\n') : sectionText(sec);
  if (c.exempt && mentionsAny(text, c.exempt)) return;
  // A section still being written has its placeholder finding; what it lacks is told once it is written.
  // (Raw lines: `<insert …>` is HTML to the parser and absent from the text.)
  if (holdsPlaceholder(sectionLines(sec).join('\n'))) return;
  const unmet = c.groups.filter((g) => !mentionsAny(text, g.words));
  if (!unmet.length) return;
  const clause = c.clause ?? r.clause;
  const severity = (c.tolerate !== undefined && unmet.length <= c.tolerate) || unmet.every((g) => g.hintOnly) ? 'hint' : c.severity;
  sec.file.findings.push(
    finding(
      c.code as Code,
      sec.anchor,
      L(`${c.message.zh}（未写到：${unmet.map((g) => g.label.zh).join('、')}；${clause}）`, `${c.message.en} (not stated: ${unmet.map((g) => g.label.en).join(', ')}; ${clause})`),
      { requirement: r.id, clause, missing: unmet.map((g) => g.label.en) },
      severity,
    ),
  );
}

export const requiresWords: CheckEntry<'requires-words'> = {
  run: (group, r, sec, c, cond) => checkRequiresWords(group, r, sec, c, cond),
  codes: (c) => [c.code as Code],
};
