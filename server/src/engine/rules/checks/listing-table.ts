// listing-table (requirements.md §4, requirements-fda-premarket-2025.md §3.2): the listing tables
// of a section (OTS software, SBOM, interfaces) have the required columns, every product row fills
// them, a not-applicable cell gives its reason, and the version column holds full versions.

import type { Finding } from '../../codes';
import { offsetRange, type TableModel } from '../../model';
import { isPlaceholderText } from '../../rulesets/common';
import type { Localized, Requirement } from '../../rulesets/types';
import { cellText, columnMap, isFullVersion, isProductRow, notApplicableAnswer, tableLines } from '../../tables';
import { normalize } from '../../text';
import { L, finding, sectionLabel, type DocGroup } from '../context';
import type { Section } from '../section';
import { listingColumns, listingTables, rowRange, rulesetLabelOf } from '../table-helpers';
import type { CheckEntry, CheckOf } from './types';

type Row = TableModel['fact']['rows'][number];

/** What every table of one listing check shares: the roles it reads, and how it words and tiers findings. */
interface Listing {
  group: DocGroup;
  r: Requirement;
  sec: Section;
  c: CheckOf<'listing-table'>;
  /** The required roles and the version role. */
  roles: string[];
  keyRole: string;
  label: (role: string) => Localized;
  /** A cell as a not-applicable answer (§3.2): undefined when it is none, or a word that fills it. */
  naOf: (text: string) => 'bare' | 'justified' | undefined;
  tiered: (f: Finding) => Finding;
}

/** One listing table: its columns by role and the rows that name a product. */
interface ListingTable {
  t: TableModel;
  cols: Map<string, number>;
  items: TableModel['fact']['rows'];
}

export function checkListing(group: DocGroup, r: Requirement, sec: Section, c: CheckOf<'listing-table'>): void {
  const ls = listingOf(group, r, sec, c);
  for (const t of listingTables(group, sec, c)) {
    const table = readListingTable(ls, t);
    checkListingColumns(ls, table);
    for (const row of table.items) checkListingRow(ls, table, row);
  }
}

/** The check's shared reading: roles, labels (the rule set's own first), not-applicable words, tier. */
function listingOf(group: DocGroup, r: Requirement, sec: Section, c: CheckOf<'listing-table'>): Listing {
  const na = c.notApplicableCells;
  const filled = new Set((na?.filled ?? []).map(normalize));
  return {
    group,
    r,
    sec,
    c,
    roles: [...new Set([...c.required, ...(c.version ? [c.version] : [])])],
    keyRole: c.rowKey ?? 'name',
    label: (role) => rulesetLabelOf(group.ruleset, role),
    naOf: (text) => (!na || filled.has(normalize(text)) ? undefined : notApplicableAnswer(text, na.words, na.minReason)),
    tiered: (f) => (c.tier ? { ...f, tier: c.tier } : f),
  };
}

/** Maps the table's columns to roles and keeps the rows that name a product (not the skipped ones). */
function readListingTable(ls: Listing, t: TableModel): ListingTable {
  const { c, roles, keyRole } = ls;
  const skip = c.skipRows ? new Set(c.skipRows.values.map(normalize)) : undefined;
  const cols = columnMap(t.fact.header, [...new Set([...roles, keyRole, ...(c.skipRows ? [c.skipRows.role] : [])])], listingColumns(ls.group.ruleset, c), c.precedence);
  const items = t.fact.rows.filter(
    (row) => isProductRow(row, cols.get(keyRole)) && !(skip && c.skipRows && skip.has(normalize(cellText(row, cols.get(c.skipRows.role))))),
  );
  return { t, cols, items };
}

/** missing-column for each required role without a column (unless every row gives it in a cell). */
function checkListingColumns(ls: Listing, { t, cols, items }: ListingTable): void {
  const { group, r, sec, c, label, tiered } = ls;
  const { file, model } = sec;
  const headerRange = rowRange(model, t, t.fact.start);
  for (const role of c.required) {
    if (cols.has(role)) continue;
    // A role given in the cells of every row instead of its own column (one 内容 column).
    const words = c.inCells?.[role]?.map(normalize);
    if (words && items.length && items.every((row) => row.cells.some((cell) => words.some((w) => normalize(cell.run.text).includes(w))))) continue;
    file.findings.push(
      tiered(
        finding(
          'missing-column',
          headerRange,
          L(
            `${sectionLabel(group, r).zh}的表格缺少“${label(role).zh}”列：指导原则 ${r.clause} 要求列明${c.required.map((x) => label(x).zh).join('、')}`,
            `The ${sectionLabel(group, r).en} table lacks a “${label(role).en}” column: guideline ${r.clause} asks for ${c.required.map((x) => label(x).en).join(', ')}`,
          ),
          { requirement: r.id, clause: r.clause, column: role, label: label(role), table: tableLines(model, t) },
          c.columnSeverity,
        ),
      ),
    );
  }
}

/** One product row: its empty required cells, its bare not-applicable cells, its version. */
function checkListingRow(ls: Listing, table: ListingTable, row: Row): void {
  const { group, r, sec, c, label, tiered } = ls;
  const { file, model } = sec;
  const { t, cols } = table;
  const empty = c.required.filter((role) => cols.has(role) && !cellText(row, cols.get(role)));
  if (empty.length) {
    file.findings.push(
      tiered(
        finding(
          'incomplete-row',
          rowRange(model, t, row.start),
          L(
            `${sectionLabel(group, r).zh}表格的这一行缺少${empty.map((x) => `“${label(x).zh}”`).join('、')}（指导原则 ${r.clause}）`,
            `This row of the ${sectionLabel(group, r).en} table has no ${empty.map((x) => `“${label(x).en}”`).join(', ')} (guideline ${r.clause})`,
          ),
          // `missing` is requirements-fda-premarket-2025.md §3.2's name; `columns` stays for the quick fixes.
          { requirement: r.id, clause: r.clause, columns: empty, missing: empty, table: tableLines(model, t) },
          c.rowSeverity,
        ),
      ),
    );
  }
  const name = cellText(row, cols.get(ls.keyRole));
  if (c.notApplicableCells) checkBareNotApplicable(ls, table, row, name);
  checkListingVersion(ls, table, row, name);
}

/** not-applicable-without-reason on each cell of the row answered 不适用 / N/A without a reason. */
function checkBareNotApplicable(ls: Listing, { t, cols }: ListingTable, row: Row, name: string): void {
  const { r, sec, label } = ls;
  const { file, model } = sec;
  for (const role of ls.roles) {
    const i = cols.get(role);
    const cell = i === undefined ? undefined : row.cells[i];
    if (!cell || ls.naOf(cellText(row, i)) !== 'bare') continue;
    file.findings.push(
      finding(
        'not-applicable-without-reason',
        offsetRange(model, t.base + cell.start, t.base + cell.end),
        L(
          `${name ? `“${name}”的` : ''}“${label(role).zh}”答复“${cellText(row, i)}”但未说明理由：不适用的要素应写明理由（${r.clause}）`,
          `The ${label(role).en}${name ? ` of “${name}”` : ''} is answered “${cellText(row, i)}” without a reason: give the reason it does not apply (${r.clause})`,
        ),
        { requirement: r.id, clause: r.clause, column: role, value: cellText(row, i), table: tableLines(model, t) },
      ),
    );
  }
}

/** version-not-full when the version column's cell does not identify one exact build. */
function checkListingVersion(ls: Listing, { t, cols }: ListingTable, row: Row, name: string): void {
  const { r, sec, c } = ls;
  const { file, model } = sec;
  if (!c.version || !cols.has(c.version)) return;
  const i = cols.get(c.version)!;
  const cell = row.cells[i];
  const v = cellText(row, i);
  // A template's placeholder is reported as a placeholder, not also as a version; a
  // not-applicable answer is a justified one (filled) or its own finding above.
  if (isFullVersion(v) || isPlaceholderText(v) || ls.naOf(v)) return;
  const rng = cell ? offsetRange(model, t.base + cell.start, t.base + cell.end) : rowRange(model, t, row.start);
  file.findings.push(
    finding(
      'version-not-full',
      rng,
      v
        ? L(
            `“${name || v}”的版本“${v}”不是完整版本：完整版本须唯一标识一个构建（如 2.31、3.0.13、10.0.19044.3086、1.1.1w、build 1234）（${r.clause}）`,
            `The version “${v}”${name ? ` of “${name}”` : ''} is not a full version: it must identify one exact build (e.g. 2.31, 3.0.13, 10.0.19044.3086, 1.1.1w, build 1234) (${r.clause})`,
          )
        : L(`“${name}”没有写明完整版本（${r.clause}）`, `“${name}” has no full version (${r.clause})`),
      { requirement: r.id, clause: r.clause, value: v, table: tableLines(model, t) },
    ),
  );
}

export const listingTable: CheckEntry<'listing-table'> = {
  run: (group, r, sec, c) => checkListing(group, r, sec, c),
  codes: () => ['missing-column', 'incomplete-row', 'not-applicable-without-reason', 'version-not-full'],
};
