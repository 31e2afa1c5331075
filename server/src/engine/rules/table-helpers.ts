// Table helpers of the content check kinds (issue 15 item 3): where a row lies, what a column
// role is called, and which tables of a section a listing, risk or traceability check reads.
// One module, so that the check kinds (checks/*) and the families that read their tables
// (dossier.ts, the traceability matrix) share them without importing one another.

import { descendants, type DocModel, type TableModel } from '../model';
import { COLUMN_LABELS } from '../rulesets/common';
import type { Check, Localized, Requirement, RuleSet } from '../rulesets/types';
import { hasRoles } from '../tables';
import type { Range } from '../text';
import type { DocGroup, FileState } from './context';
import { sectionOf, sectionTables, type Section } from './section';

type CheckOf<K extends Check['kind']> = Extract<Check, { kind: K }>;

/** Tables inside a requirement's section (own blocks and every sub-heading). */
export function tablesIn(model: DocModel, heading: number): TableModel[] {
  const set = new Set([heading, ...descendants(model, heading)]);
  return model.tables.filter((t) => set.has(t.heading));
}

/** The whole source line of a table row (or of its header) that starts at `start` in the table. */
export function rowRange(model: DocModel, t: TableModel, start: number): Range {
  return model.lines.lineRange(model.lines.positionAt(t.base + start).line);
}

/** A column role's name in messages: the shared labels, else the role itself. */
export function labelOf(role: string): Localized {
  return COLUMN_LABELS[role] ?? { zh: role, en: role };
}

/** A column role's name in messages of a rule set that names some roles its own way (FDA). */
export function rulesetLabelOf(ruleset: RuleSet, role: string): Localized {
  return ruleset.columnLabels?.[role] ?? labelOf(role);
}

/** A listing check's role words: its own over the rule set's. */
export function listingColumns(ruleset: RuleSet, c: CheckOf<'listing-table'>): Record<string, string[]> {
  return c.columns ? { ...ruleset.columns, ...c.columns } : ruleset.columns;
}

/** Whether a table is the rule set's risk table (one role of each of its `select` alternatives). */
export function isRiskTable(ruleset: RuleSet, t: TableModel): boolean {
  return ruleset.risk.select.every((alts) => alts.some((role) => hasRoles(t.fact, [role], ruleset.columns)));
}

/** The tables of a section a listing check applies to. */
export function listingTables(group: DocGroup, sec: Section, c: CheckOf<'listing-table'>): TableModel[] {
  const dict = listingColumns(group.ruleset, c);
  return sectionTables(sec).filter(
    (t) =>
      hasRoles(t.fact, c.select, dict, c.precedence) &&
      !(c.notSelect ?? []).some((role) => hasRoles(t.fact, [role], dict, c.precedence)) &&
      !(c.unless === 'risk' && isRiskTable(group.ruleset, t)),
  );
}

/** The traceability tables of a document: tables in the check's section with its select roles. */
export function traceabilityTables(group: DocGroup): { file: FileState; table: TableModel; check: CheckOf<'traceability'>; requirement: Requirement }[] {
  const out: { file: FileState; table: TableModel; check: CheckOf<'traceability'>; requirement: Requirement }[] = [];
  for (const r of group.kind.requirements) {
    for (const c of r.checks ?? []) {
      if (c.kind !== 'traceability') continue;
      const sec = sectionOf(group, r.id);
      if (!sec) continue;
      const dict = group.ruleset.columns;
      for (const t of sectionTables(sec)) {
        if (!hasRoles(t.fact, c.select, dict)) continue;
        if (c.selectOneOf && !c.selectOneOf.some((role) => hasRoles(t.fact, [role], dict))) continue;
        out.push({ file: sec.file, table: t, check: c, requirement: r });
      }
    }
  }
  return out;
}
