// A dossier's off-the-shelf software table as rows (name, version, vendor cells by the table's
// header words): what the SBOM comparison (rules/sbom.ts through the SBOM reader port) and the
// known-vulnerability match (rules/vulns.ts, when no SBOM is configured) read of the table. It
// is the engine's reading of its own model, so it lives here and not in the SBOM reader.

import type { TableFact } from './parse';
import { COLUMNS } from './rulesets/common';
import { cellText, columnMap, isProductRow } from './tables';

/** A row of the dossier's OTS table (cell texts). */
export interface OtsRow {
  name: string;
  version: string;
  vendor: string;
}

/** A table row with its index in `TableFact.rows`. */
export interface OtsTableRow extends OtsRow {
  rowIndex: number;
}

/**
 * The rows of a dossier OTS table (D1.6 and alike) as `compareOtsTable` takes them: name, version
 * and vendor cells by the table's header words; answer rows (无 / 不适用) left out.
 */
export function rowsFromTable(t: TableFact, columns: Record<string, string[]> = COLUMNS): OtsTableRow[] {
  const cols = columnMap(t.header, ['name', 'version', 'vendor'], columns);
  if (!cols.has('name')) return [];
  const out: OtsTableRow[] = [];
  t.rows.forEach((row, rowIndex) => {
    if (!isProductRow(row, cols.get('name'))) return;
    const name = cellText(row, cols.get('name'));
    if (!name) return;
    out.push({ name, version: cellText(row, cols.get('version')), vendor: cellText(row, cols.get('vendor')), rowIndex });
  });
  return out;
}
