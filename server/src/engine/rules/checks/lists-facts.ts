// lists-facts (requirements.md §8): every item of a list fact (protocols, storage formats) the
// frontmatter declares is named in the section.

import { factPosition, getFact } from '../../facts/facts';
import type { FactValue } from '../../facts/schema';
import type { Requirement } from '../../rulesets/types';
import { normalize } from '../../text';
import { L, finding, sectionLabel, type DocGroup } from '../context';
import { sectionText, type Section } from '../section';
import type { CheckEntry, CheckOf } from './types';

export function checkListsFacts(group: DocGroup, r: Requirement, sec: Section, c: CheckOf<'lists-facts'>): void {
  const { file } = sec;
  const text = normalize(sectionText(sec));
  const facts = group.files[0].facts;
  for (const { list, key, where } of c.facts) {
    const s = getFact(facts, list);
    if (s.status !== 'valid' || !Array.isArray(s.value)) continue;
    s.value.forEach((item: FactValue, i: number) => {
      if (!item || typeof item !== 'object' || Array.isArray(item)) return;
      if (where && item[where.key] !== where.equals) return;
      const name = item[key];
      if (name === undefined) return;
      const n = normalize(String(name));
      if (!n || text.includes(n)) return;
      const path = `${list}.${i}.${key}`;
      const pos = factPosition(group.files[0].facts, path);
      const target = pos?.origin === 'file' ? group.files[0] : file;
      target.findings.push(
        finding(
          'inconsistent-fact',
          pos?.origin === 'file' ? pos.value : sec.anchor,
          L(
            `frontmatter 中的“${String(name)}”（${list}）未在${sectionLabel(group, r).zh}中列出：该章节应列出${c.what?.zh ?? '每个传输协议与存储格式'}（${r.clause}）`,
            `“${String(name)}” (${list}) is declared in the frontmatter but not named in ${sectionLabel(group, r).en}: that section must name ${c.what?.en ?? 'every protocol and format'} (${r.clause})`,
          ),
          { requirement: r.id, clause: r.clause, fact: path, value: String(name) },
        ),
      );
    });
  }
}

export const listsFacts: CheckEntry<'lists-facts'> = {
  run: (group, r, sec, c) => checkListsFacts(group, r, sec, c),
  codes: () => ['inconsistent-fact'],
};
