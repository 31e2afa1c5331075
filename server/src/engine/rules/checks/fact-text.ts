// fact-text: the value of a text fact (the product name) is named in the section.

import { getFact } from '../../facts/facts';
import type { Requirement } from '../../rulesets/types';
import { finding, requirementById, type DocGroup } from '../context';
import { sectionLines, sectionOf, sectionText, type Section } from '../section';
import { readableLine } from '../sections';
import type { CheckEntry, CheckOf } from './types';

/** The value of a text fact named in the section (spaces and case aside), else inconsistent-fact. */
export function checkFactText(group: DocGroup, r: Requirement, sec: Section, c: CheckOf<'fact-text'>): void {
  const v = getFact(group.files[0].facts, c.fact);
  if (v.status !== 'valid' || typeof v.value !== 'string') return;
  const fold = (t: string) => t.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
  const want = fold(v.value);
  if (!want) return;
  if (fold(sectionLines(sec).map(readableLine).join('\n')).includes(want) || fold(sectionText(sec)).includes(want)) return;
  const sub = c.anchor ? sectionOf(group, c.anchor) : undefined;
  const at = sub && sub.file === sec.file ? sub : sec;
  const id = at === sub && c.anchor ? c.anchor : r.id;
  const req = requirementById(group.kind, id) ?? r;
  const fill = (t: string) => t.replaceAll('{value}', v.value as string);
  sec.file.findings.push(
    finding('inconsistent-fact', at.anchor, { zh: fill(c.message.zh), en: fill(c.message.en) }, { requirement: req.id, clause: req.clause, fact: c.fact, value: v.value }),
  );
}

export const factText: CheckEntry<'fact-text'> = {
  run: (group, r, sec, c) => checkFactText(group, r, sec, c),
  codes: () => ['inconsistent-fact'],
};
