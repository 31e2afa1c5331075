// risk-tables (requirements.md §5): no residual risk of the section's risk tables is marked
// unacceptable.

import { NO_WORDS } from '../../rulesets/common';
import type { Requirement } from '../../rulesets/types';
import { cellText, columnMap, tableLines } from '../../tables';
import { normalize } from '../../text';
import { L, finding, type DocGroup } from '../context';
import { sectionTables, type Section } from '../section';
import { isRiskTable, rowRange } from '../table-helpers';
import type { CheckEntry } from './types';

export function checkRisk(group: DocGroup, r: Requirement, sec: Section): void {
  const { file, model } = sec;
  const rs = group.ruleset;
  const unacceptable = rs.risk.unacceptable.map(normalize);
  const no = NO_WORDS.map(normalize);
  for (const t of sectionTables(sec)) {
    if (!isRiskTable(rs, t)) continue;
    const cols = columnMap(t.fact.header, rs.risk.acceptability, rs.columns);
    const col = rs.risk.acceptability.map((role) => cols.get(role)).find((i) => i !== undefined);
    if (col === undefined) continue;
    for (const row of t.fact.rows) {
      const v = cellText(row, col);
      const n = normalize(v);
      if (!n) continue;
      if (unacceptable.some((u) => n.includes(u)) || no.includes(n)) {
        file.findings.push(
          finding(
            'unacceptable-residual-risk',
            rowRange(model, t, row.start),
            L(
              `剩余风险被评为不可接受（“${v}”）：指导原则 ${r.clause} 要求“确保全部剩余风险均是可接受的”，请增加风险控制措施并重新评价`,
              `A residual risk is marked unacceptable (“${v}”): guideline ${r.clause} requires that all residual risks be acceptable; add risk controls and re-evaluate`,
            ),
            { requirement: r.id, clause: r.clause, value: v, table: tableLines(model, t) },
          ),
        );
      }
    }
  }
}

export const riskTables: CheckEntry<'risk-tables'> = {
  run: (group, r, sec) => checkRisk(group, r, sec),
  codes: () => ['unacceptable-residual-risk'],
};
