// mentions: when its condition holds, the section names one of the check's words (the code and
// message are the catalogue's).

import { evaluate, type ConditionContext } from '../../facts/facts';
import type { Code } from '../../codes';
import type { Requirement } from '../../rulesets/types';
import { finding, type DocGroup } from '../context';
import { sectionText, type Section } from '../section';
import { mentionsAny } from '../sections';
import type { CheckEntry, CheckOf } from './types';

export function checkSectionMentions(group: DocGroup, r: Requirement, sec: Section, c: CheckOf<'mentions'>, cond: ConditionContext): void {
  if (evaluate(c.when, cond).value !== true) return;
  if (mentionsAny(sectionText(sec), c.words)) return;
  sec.file.findings.push(finding(c.code as Code, sec.anchor, c.message, { requirement: r.id, clause: r.clause, ...(c.data ?? {}) }));
}

export const mentions: CheckEntry<'mentions'> = {
  run: (group, r, sec, c, cond) => checkSectionMentions(group, r, sec, c, cond),
  codes: (c) => [c.code as Code],
};
