// fact-values-named: every value of a list enum fact (data types) is named in the section, and a
// table column names none the frontmatter does not declare.

import { getFact } from '../../facts/facts';
import type { Requirement } from '../../rulesets/types';
import { cellText, columnMap, hasRoles, isProductRow, tableLines } from '../../tables';
import { L, finding, sectionLabel, type DocGroup } from '../context';
import { sectionTables, sectionText, type Section } from '../section';
import { enumSchema, valueLabels, valuesNamed } from '../sections';
import type { CheckEntry, CheckOf } from './types';

export function checkFactValuesNamed(group: DocGroup, r: Requirement, sec: Section, c: CheckOf<'fact-values-named'>): void {
  const { file, model } = sec;
  const heading = { range: sec.anchor };
  const facts = group.files[0].facts;
  const v = getFact(facts, c.fact);
  if (v.status !== 'valid' || !Array.isArray(v.value)) return;
  const declared = new Set(v.value.map(String));
  const schema = enumSchema(group, c.fact);
  const labels = valueLabels(schema);
  const zh = (x: string) => schema?.['x-enum-labels-zh']?.[x] ?? x;
  const named = valuesNamed(sectionText(sec), labels);
  for (const d of declared) {
    if (named.has(d) || !labels.has(d)) continue;
    file.findings.push(
      finding(
        'inconsistent-fact',
        heading.range,
        L(
          `frontmatter 的 ${c.fact} 声明了“${zh(d)}”，但${sectionLabel(group, r).zh}没有写到它（${r.clause}）`,
          `${c.fact} declares “${d}”, but ${sectionLabel(group, r).en} never names it (${r.clause})`,
        ),
        { requirement: r.id, clause: r.clause, fact: c.fact, value: d },
      ),
    );
  }
  if (!c.column) return;
  const dict = group.ruleset.columns;
  for (const t of sectionTables(sec)) {
    if (!hasRoles(t.fact, c.column.select, dict)) continue;
    const col = columnMap(t.fact.header, [c.column.role], dict).get(c.column.role);
    if (col === undefined) continue;
    for (const row of t.fact.rows) {
      if (!isProductRow(row, col)) continue;
      for (const x of valuesNamed(cellText(row, col), labels)) {
        if (declared.has(x)) continue;
        file.findings.push(
          finding(
            'inconsistent-fact',
            model.lines.lineRange(model.lines.positionAt(t.base + row.start).line),
            L(
              `表格列出了“${zh(x)}”，但 frontmatter 的 ${c.fact} 没有声明它（${r.clause}）`,
              `The table lists “${x}”, which ${c.fact} does not declare (${r.clause})`,
            ),
            { requirement: r.id, clause: r.clause, fact: c.fact, value: x, table: tableLines(model, t) },
          ),
        );
      }
    }
  }
}

export const factValuesNamed: CheckEntry<'fact-values-named'> = {
  run: (group, r, sec, c) => checkFactValuesNamed(group, r, sec, c),
  codes: () => ['inconsistent-fact'],
};
