// traceability (requirements.md §6): the traceability table relates every required role (needs,
// design, tests …): its columns are there and every row fills one cell per role.

import { offsetRange } from '../../model';
import type { Requirement } from '../../rulesets/types';
import { cellText, columnGroups, notApplicableAnswer, tableLines } from '../../tables';
import { normalize } from '../../text';
import { L, finding, type DocGroup } from '../context';
import type { Section } from '../section';
import { labelOf, rowRange, traceabilityTables } from '../table-helpers';
import type { CheckEntry, CheckOf } from './types';

export function checkTraceabilityTable(group: DocGroup, r: Requirement, sec: Section, c: CheckOf<'traceability'>): void {
  const { file, model } = sec;
  const all = { zh: c.required.map((x) => labelOf(x).zh).join('、'), en: c.required.map((x) => labelOf(x).en).join(', ') };
  for (const { table: t } of traceabilityTables(group).filter((x) => x.requirement === r)) {
    // Several columns may share a role (概要设计 and 详细设计): a row needs one filled cell per role.
    const groups = columnGroups(t.fact.header, c.required, group.ruleset.columns);
    for (const role of c.required) {
      if (groups.get(role)?.length) continue;
      file.findings.push(
        finding(
          'missing-column',
          rowRange(model, t, t.fact.start),
          L(
            `追溯表缺少“${labelOf(role).zh}”列：指导原则 ${r.clause} 要求列明${all.zh}之间的对应关系`,
            `The traceability table lacks a “${labelOf(role).en}” column: guideline ${r.clause} relates ${all.en}`,
          ),
          { requirement: r.id, clause: r.clause, column: role, label: labelOf(role), table: tableLines(model, t) },
        ),
      );
    }
    for (const row of t.fact.rows) {
      if (!row.cells.some((x) => x.run.text.trim())) continue;
      const na = c.notApplicableCells;
      if (na) {
        const filled = new Set((na.filled ?? []).map(normalize));
        const idx = [...new Set(c.required.flatMap((role) => groups.get(role) ?? []))].sort((a, b) => a - b);
        for (const i of idx) {
          const cell = row.cells[i];
          const v = cellText(row, i);
          if (!cell || filled.has(normalize(v)) || notApplicableAnswer(v, na.words, na.minReason) !== 'bare') continue;
          const role = c.required.find((x) => groups.get(x)?.includes(i))!;
          file.findings.push(
            finding(
              'not-applicable-without-reason',
              offsetRange(model, t.base + cell.start, t.base + cell.end),
              L(
                `追溯表的“${labelOf(role).zh}”单元格答复“${v}”但未说明理由：不适用的项应写明理由（指导原则 ${r.clause}）`,
                `The “${labelOf(role).en}” cell of this traceability row is answered “${v}” without a reason: give the reason it does not apply (guideline ${r.clause})`,
              ),
              { requirement: r.id, clause: r.clause, column: role, value: v, table: tableLines(model, t) },
            ),
          );
        }
      }
      const empty = c.required.filter((role) => groups.get(role)?.length && groups.get(role)!.every((i) => !cellText(row, i)));
      if (!empty.length) continue;
      file.findings.push(
        finding(
          'incomplete-row',
          rowRange(model, t, row.start),
          L(
            `追溯表的这一行缺少${empty.map((x) => `“${labelOf(x).zh}”`).join('、')}（指导原则 ${r.clause}）`,
            `This traceability row has no ${empty.map((x) => `“${labelOf(x).en}”`).join(', ')} (guideline ${r.clause})`,
          ),
          { requirement: r.id, clause: r.clause, columns: empty, table: tableLines(model, t) },
        ),
      );
    }
  }
}

export const traceability: CheckEntry<'traceability'> = {
  run: (group, r, sec, c) => checkTraceabilityTable(group, r, sec, c),
  codes: () => ['missing-column', 'incomplete-row', 'not-applicable-without-reason'],
};
