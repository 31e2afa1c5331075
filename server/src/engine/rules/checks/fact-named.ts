// fact-named: the section states the value of an enum fact (the cybersecurity level) on a line
// about it, and names no level the frontmatter does not state.

import { evaluate, getFact, type ConditionContext } from '../../facts/facts';
import type { Requirement } from '../../rulesets/types';
import { L, finding, sectionLabel, type DocGroup } from '../context';
import type { Section } from '../section';
import { enumSchema, readableLine, valueLabels, valuesNamed } from '../sections';
import { sectionLines } from '../section';
import type { CheckEntry, CheckOf } from './types';

export function checkFactNamed(group: DocGroup, r: Requirement, sec: Section, c: CheckOf<'fact-named'>, cond: ConditionContext): void {
  const { file } = sec;
  const heading = { range: sec.anchor };
  const words = c.lineWords.map((w) => w.toLowerCase());
  const lines = sectionLines(sec)
    .filter((l) => words.some((w) => l.toLowerCase().includes(w)))
    .map(readableLine)
    .join('\n');
  const facts = group.files[0].facts;
  // Values the section may name: every stated fact of the check (an equal cybersecurity level too).
  const allowed = new Set(c.facts.map(({ fact }) => getFact(facts, fact)).flatMap((v) => (v.status === 'valid' && typeof v.value === 'string' ? [v.value] : [])));
  let reported = false;
  for (const { fact, when } of c.facts) {
    if (when && evaluate(when, cond).value !== true) continue;
    const v = getFact(facts, fact);
    if (v.status !== 'valid' || typeof v.value !== 'string') continue;
    const labels = valueLabels(enumSchema(group, fact));
    const named = valuesNamed(lines, labels);
    const foreign = [...named].filter((x) => !allowed.has(x));
    if (named.has(v.value) && (reported || !foreign.length)) continue;
    reported = true;
    if (named.has(v.value)) {
      // Named, but next to a level the frontmatter does not state: the two disagree.
      const other = foreign.map((x) => enumSchema(group, fact)?.['x-enum-labels-zh']?.[x] ?? x);
      file.findings.push(
        finding(
          'inconsistent-fact',
          heading.range,
          L(
            `${sectionLabel(group, r).zh}在写明级别的行中写到了“${other.join('、')}”，与 frontmatter 的 ${c.facts.map((x) => x.fact).join(' / ')} 不一致（${r.clause}）`,
            `${sectionLabel(group, r).en} names the level “${foreign.join(', ')}” on a line about the level, which the frontmatter (${c.facts.map((x) => x.fact).join(' / ')}) does not state (${r.clause})`,
          ),
          { requirement: r.id, clause: r.clause, fact, value: v.value, named: foreign },
        ),
      );
      continue;
    }
    const zh = enumSchema(group, fact)?.['x-enum-labels-zh']?.[v.value] ?? v.value;
    const other = [...named].map((x) => enumSchema(group, fact)?.['x-enum-labels-zh']?.[x] ?? x);
    const otherZh = other.length ? `（写的是“${other.join('、')}”）` : '';
    const otherEn = other.length ? ` (it says “${other.join(', ')}”)` : '';
    file.findings.push(
      finding(
        'inconsistent-fact',
        heading.range,
        L(
          `frontmatter 的 ${fact} 为“${zh}”，但${sectionLabel(group, r).zh}未在写明级别的行中写明${c.what.zh}“${zh}”${otherZh}（${r.clause}）`,
          `${fact} is “${v.value}” in the frontmatter, but ${sectionLabel(group, r).en} does not state ${c.what.en} “${v.value}” on a line about the level${otherEn} (${r.clause})`,
        ),
        { requirement: r.id, clause: r.clause, fact, value: v.value },
      ),
    );
  }
}

export const factNamed: CheckEntry<'fact-named'> = {
  run: (group, r, sec, c, cond) => checkFactNamed(group, r, sec, c, cond),
  codes: () => ['inconsistent-fact'],
};
