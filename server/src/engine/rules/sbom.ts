// The dossier's list of off-the-shelf software against the SBOM(s) its `.cyberdossierrc.yaml`
// names (`sbom:`): inconsistent-fact on each row the SBOM lacks, each component the table lacks,
// and each version (or clearly different vendor) that differs; config-invalid on the rc entry of an
// SBOM that cannot be used. Which requirement holds the list is the rule set's `otsTable`. The
// SBOM comes through a loader (the engine's Host), so the CLI and the editor read the same bytes.

import * as path from 'node:path';
import type { Finding } from '../codes';
import type { Config, SbomSetting } from '../config';
import { parentId } from '../match';
import { offsetRange, type TableModel } from '../model';
import type { Localized, Requirement } from '../rulesets/types';
import { columnMap, hasRoles, tableLines } from '../tables';
import { rowsFromTable, type OtsTableRow } from '../ots-rows';
import { componentLabel, type OtsMismatch, type SbomComponent, type SbomLoadResult, type SbomReader } from '../sbom-reader';
import { L, finding, requirementById, sectionLabel, type DocGroup, type DossierState } from './context';
import { sectionOf, sectionTables, type Section } from './section';
import { answerState } from './structure';
import { checkSbomComponents } from './support';
import { utcDay } from '../support';

/** Reads a configured SBOM (the engine's: configured-file.ts, through its Host). */
export type SbomLoader = (s: SbomSetting, config: Config) => SbomLoadResult;

interface Row extends OtsTableRow {
  table: TableModel;
}

/**
 * Runs the comparison for every document of the dossier whose rule set names an OTS table.
 * Returns config-invalid findings per rc file (the caller merges them with the rc file's own).
 * `reader` is the engine's SBOM reader port (EngineOptions.sbom): its comparison and union.
 */
export function checkSbom(d: DossierState, load: SbomLoader, reader: Pick<SbomReader, 'compareOtsTable' | 'unionComponents'>, today: string = d.today ?? utcDay(new Date())): Map<string, Finding[]> {
  const rcFindings = new Map<string, Finding[]>();
  const results = new Map<string, SbomLoadResult>();
  const reported = new Set<string>();

  /** The components of a configuration's SBOMs; undefined when none is configured or one is unusable. */
  const componentsOf = (config: Config): SbomComponent[] | undefined => {
    if (!config.sbom.length) return undefined;
    const lists: SbomComponent[][] = [];
    let usable = true;
    for (const s of config.sbom) {
      let r = results.get(s.path);
      if (!r) results.set(s.path, (r = load(s, config)));
      if (r.ok) lists.push(r.sbom.components);
      else {
        usable = false;
        report(config, s, r);
      }
    }
    if (!usable) return undefined;
    return lists.length === 1 ? lists[0] : reader.unionComponents(lists);
  };

  const report = (config: Config, s: SbomSetting, r: Extract<SbomLoadResult, { ok: false }>) => {
    if (!config.file || !s.at) return;
    const key = `${config.file}\u0000${s.at.start.line}:${s.at.start.character}`;
    if (reported.has(key)) return;
    reported.add(key);
    // The plain messages: what is wrong and where, never a value of the file (SECURITY.md).
    const issue = r.error.issues[0];
    const im = issue ? (issue.plain ?? issue.message) : undefined;
    const detail: Localized = issue && im ? { zh: `；${issue.path}：${im.zh}`, en: `; ${issue.path}: ${im.en}` } : { zh: '', en: '' };
    const list = rcFindings.get(config.file) ?? [];
    list.push(
      finding(
        'config-invalid',
        s.at,
        L(
          `sbom 指定的 ${s.value} 无法使用：${r.error.plain.zh}${detail.zh}。现成软件清单未与之比对`,
          `The SBOM ${s.value} named by sbom cannot be used: ${r.error.plain.en}${detail.en}. The off-the-shelf software list was not compared with it`,
        ),
        { key: 'sbom', path: s.value, error: r.error.code, ...(r.error.issueCount ? { issues: r.error.issueCount } : {}) },
      ),
    );
    rcFindings.set(config.file, list);
  };

  // Every configured SBOM is read, table or not: a wrong path shows as soon as it is written.
  for (const f of d.files) componentsOf(f.config);
  // Each software component of the files, element by element (a rule set's componentSupport).
  checkSbomComponents(d, (s, config) => results.get(s.path) ?? load(s, config), today);

  for (const g of d.groups) {
    for (const id of g.ruleset.otsTable?.requirements ?? []) {
      const sec = sectionOf(g, id);
      const r = requirementById(g.kind, id);
      if (!sec || !r) continue;
      const { file } = sec;
      if (file.skipBody || file.outOfScope || !file.model) continue;
      const components = componentsOf(file.config);
      if (!components) continue;
      const names = file.config.sbom.map((s) => path.basename(s.value));
      compareSection(g, r, sec, components, names, file.findings, reader.compareOtsTable);
    }
  }
  return rcFindings;
}

function compareSection(
  g: DocGroup,
  r: Requirement,
  sec: Section,
  components: SbomComponent[],
  sbomNames: string[],
  out: Finding[],
  compareOtsTable: SbomReader['compareOtsTable'],
): void {
  const rl = sectionLabel(g, r);
  const where = { zh: `（${sbomNames.join('、')}）`, en: ` (${sbomNames.join(', ')})` };
  const base = { requirement: r.id, clause: r.clause, sbom: sbomNames };
  const { model } = sec;
  if (underNotApplicable(g, r.id)) return;
  const answer = answerState(g, r.id);
  if (answer === 'not-applicable') {
    // 无 / 不适用 with a reason, while the SBOM lists software: one finding, not one per component.
    if (!components.length) return;
    out.push(
      finding(
        'inconsistent-fact',
        sec.anchor,
        L(
          `${rl.zh}回答为无或不适用，但 SBOM${where.zh}列出了 ${components.length} 个现成软件（如“${componentLabel(components[0])}”）：请在此列出（${r.clause}），或更正 SBOM`,
          `${rl.en} is answered none / not applicable, but the SBOM${where.en} lists ${components.length} off-the-shelf component${components.length === 1 ? '' : 's'} (“${componentLabel(components[0])}”${components.length > 1 ? ', …' : ''}): list them here (${r.clause}) or correct the SBOM`,
        ),
        { ...base, mismatch: 'none-listed', count: components.length },
      ),
    );
    return;
  }
  if (answer !== 'present') return;

  const dict = g.ruleset.columns;
  const listing = r.checks?.find((c) => c.kind === 'listing-table');
  const select = listing && listing.kind === 'listing-table' ? listing.select : ['name'];
  const tables = sectionTables(sec).filter((t) => hasRoles(t.fact, [...new Set([...select, 'name'])], dict));
  // Prose or a reference to an attached list: nothing to compare.
  if (!tables.length) return;
  const rows: Row[] = tables.flatMap((t) => rowsFromTable(t.fact, dict).map((row) => ({ ...row, table: t })));

  reportMismatches({ r, model, tables, rl, where, base, dict }, compareOtsTable(rows, components, { vendors: true }) as OtsMismatch<Row>[], out);
}

/** What compareSection compares in: the section's tables, how it is named, and the data every finding carries. */
interface MismatchContext {
  r: Requirement;
  model: Section['model'];
  tables: TableModel[];
  rl: Localized;
  where: Localized;
  base: Record<string, unknown>;
  dict: DocGroup['ruleset']['columns'];
}

/** One finding per difference between the OTS table and the SBOM, on the row, the cell or the table header. */
function reportMismatches(ctx: MismatchContext, mismatches: OtsMismatch<Row>[], out: Finding[]): void {
  const { r, model, tables, rl, where, base } = ctx;
  const dict = ctx.dict;
  const lineOf = (t: TableModel, offset: number) => model.lines.lineRange(model.lines.positionAt(t.base + offset).line);
  const cellRange = (row: Row, role: 'version' | 'vendor') => {
    const i = columnMap(row.table.fact.header, ['name', 'version', 'vendor'], dict).get(role);
    const cell = i === undefined ? undefined : row.table.fact.rows[row.rowIndex].cells[i];
    return cell ? offsetRange(model, row.table.base + cell.start, row.table.base + cell.end) : lineOf(row.table, row.table.fact.rows[row.rowIndex].start);
  };
  const rowLabel = (row: Row) => (row.version ? `${row.name} ${row.version}` : row.name);
  const comp = (c: SbomComponent) => ({ name: c.name, ...(c.version ? { version: c.version } : {}), ...(c.vendor ? { vendor: c.vendor } : {}) });

  for (const m of mismatches) {
    switch (m.kind) {
      case 'not-in-sbom':
        out.push(
          finding(
            'inconsistent-fact',
            lineOf(m.row.table, m.row.table.fact.rows[m.row.rowIndex].start),
            L(
              `${rl.zh}表格中的“${rowLabel(m.row)}”不在 SBOM${where.zh}中：表格与 SBOM 应列出同一组现成软件（${r.clause}），请将其补充到 SBOM，或删除此行`,
              `“${rowLabel(m.row)}” in the ${rl.en} table is not in the SBOM${where.en}: the table and the SBOM list the same off-the-shelf software (${r.clause}); add it to the SBOM or remove the row`,
            ),
            { ...base, mismatch: m.kind, name: m.row.name, version: m.row.version, table: tableLines(model, m.row.table) },
          ),
        );
        break;
      case 'version-differs':
        out.push(
          finding(
            'inconsistent-fact',
            cellRange(m.row, 'version'),
            L(
              `“${m.row.name}”的完整版本在${rl.zh}表格中为“${m.tableVersion}”，在 SBOM${where.zh}中为“${m.sbomVersion}”：两者应为同一构建（${r.clause}）`,
              `The full version of “${m.row.name}” is “${m.tableVersion}” in the ${rl.en} table but “${m.sbomVersion}” in the SBOM${where.en}: both must name the same build (${r.clause})`,
            ),
            { ...base, mismatch: m.kind, name: m.row.name, tableVersion: m.tableVersion, sbomVersion: m.sbomVersion, component: comp(m.component), table: tableLines(model, m.row.table) },
          ),
        );
        break;
      case 'vendor-differs':
        out.push(
          finding(
            'inconsistent-fact',
            cellRange(m.row, 'vendor'),
            L(
              `“${m.row.name}”的供应商在${rl.zh}表格中为“${m.tableVendor}”，在 SBOM${where.zh}中为“${m.sbomVendor}”（${r.clause}）`,
              `The vendor of “${m.row.name}” is “${m.tableVendor}” in the ${rl.en} table but “${m.sbomVendor}” in the SBOM${where.en} (${r.clause})`,
            ),
            { ...base, mismatch: m.kind, name: m.row.name, tableVendor: m.tableVendor, sbomVendor: m.sbomVendor, component: comp(m.component), table: tableLines(model, m.row.table) },
          ),
        );
        break;
      case 'missing-from-table':
        out.push(
          finding(
            'inconsistent-fact',
            lineOf(tables[0], tables[0].fact.start),
            L(
              `SBOM${where.zh}列出的“${componentLabel(m.component)}”不在${rl.zh}表格中：表格应列出产品的全部现成软件（${r.clause}），请补充此行，或从 SBOM 中删除它`,
              `“${componentLabel(m.component)}” is in the SBOM${where.en} but not in the ${rl.en} table: the table lists every off-the-shelf component of the device (${r.clause}); add a row for it, or remove it from the SBOM`,
            ),
            { ...base, mismatch: m.kind, component: comp(m.component), table: tableLines(model, tables[0]) },
          ),
        );
        break;
    }
  }
}

/** Whether a not-applicable ancestor already answers for the section (nothing to compare then). */
function underNotApplicable(g: DocGroup, id: string): boolean {
  for (let p = parentId(id); p; p = parentId(p)) {
    const up = answerState(g, p);
    if (up && up !== 'present') return true;
  }
  return false;
}
