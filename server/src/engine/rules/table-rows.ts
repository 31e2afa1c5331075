// The `tableRows` condition of a dossier (facts.ts ConditionContext): whether the listing tables
// of some requirements list a product. A requirement such as "security software" applies when
// the OTS table names one; this rule reads the dossier's tables, never text.

import { hasRoles, isProductRow, columnMap } from '../tables';
import type { DossierState } from './context';
import { sectionOf, sectionTables } from './section';

/**
 * For requirements `ids`: true when one of their sections in the dossier has a listing table
 * (the columns its `listing-table` check selects, else a name column) with a product row; false
 * when such sections exist without one; undefined when none of the sections is present.
 */
export function dossierTableRows(d: DossierState): (ids: string[]) => boolean | undefined {
  return (ids) => {
    let seen = false;
    for (const g of d.groups) {
      for (const id of ids) {
        const sec = sectionOf(g, id);
        if (!sec) continue;
        seen = true;
        const r = g.kind.requirements.find((x) => x.id === id)!;
        const sel = r.checks?.find((c) => c.kind === 'listing-table');
        const select = sel && sel.kind === 'listing-table' ? sel.select : ['name'];
        for (const t of sectionTables(sec)) {
          if (!hasRoles(t.fact, select, g.ruleset.columns)) continue;
          const name = columnMap(t.fact.header, ['name'], g.ruleset.columns).get('name');
          if (t.fact.rows.some((row) => isProductRow(row, name))) return true;
        }
      }
    }
    return seen ? false : undefined;
  };
}
