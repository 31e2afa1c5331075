// capabilities (requirements.md §7, FDA B1): the section addresses every capability of its set,
// and its capability table answers each one — applicable with how (and acceptance criteria), or
// not applicable with why — consistently with the facts that make some capabilities apply.

import { evaluate, type ConditionContext } from '../../facts/facts';
import { NOT_APPLICABLE } from '../../rulesets/common';
import type { Capability, CapabilityTable, Requirement } from '../../rulesets/types';
import type { TableModel } from '../../model';
import { cellText, columnGroups, columnMap, tableLines } from '../../tables';
import { countReasonChars, type Range } from '../../text';
import { L, finding, sectionLabel, type DocGroup } from '../context';
import { applicabilityWord, capabilityAddressed, capabilityIn } from '../capability-answers';
import { headingNotApplicable } from '../structure';
import { sectionEndLine, sectionHeadings, sectionTables, type Section } from '../section';
import { labelOf, rowRange, rulesetLabelOf } from '../table-helpers';
import type { CheckEntry, CheckOf } from './types';

type Row = TableModel['fact']['rows'][number];

export function checkCapabilities(group: DocGroup, r: Requirement, sec: Section, c: CheckOf<'capabilities'>, cond: ConditionContext): void {
  const { file, model } = sec;
  const caps = group.ruleset.capabilities[c.set] ?? [];
  const tables = sectionTables(sec);
  // Where the quick fix adds rows: after the last row of the section's last table, else as list
  // items at the end of the section.
  const lastTable = tables[tables.length - 1];
  const insert = lastTable
    ? { format: 'table', line: tableLines(model, lastTable).end, columns: lastTable.fact.header.length }
    : { format: 'list', line: sectionEndLine(sec) };
  for (const cap of caps) {
    if (capabilityAddressed(sec, cap)) continue;
    file.findings.push(
      finding(
        'capability-unaddressed',
        sec.anchor,
        L(
          `${sectionLabel(group, r).zh}未说明网络安全能力 ${cap.code}（${cap.zh}）：应逐项说明适用及实现方式，或不适用及理由（${r.clause}）`,
          `${sectionLabel(group, r).en} does not address the capability ${cap.code} (${cap.en}): state whether it applies and how, or why not (${r.clause})`,
        ),
        { requirement: r.id, clause: r.clause, capability: cap.code, name: { zh: cap.zh, en: cap.en }, insert },
        c.severity,
      ),
    );
  }
  if (c.table) checkCapabilityTables(group, r, sec, c, c.table, caps, cond);
}

/** What the capability table checks share: the table spec, the capabilities, those that must apply here. */
interface CapabilityTables {
  group: DocGroup;
  r: Requirement;
  sec: Section;
  spec: CapabilityTable;
  caps: Capability[];
  mustApply: NonNullable<CheckOf<'capabilities'>['mustApply']>;
}

/** The columns of one capability table: applicability, acceptance, and the how and why columns. */
interface CapabilityColumns {
  t: TableModel;
  applicability: number | undefined;
  acceptance: number | undefined;
  how: number[];
  why: number[];
}

/** The capability table's answers (applicable with how, or not applicable with why). */
function checkCapabilityTables(
  group: DocGroup,
  r: Requirement,
  sec: Section,
  c: CheckOf<'capabilities'>,
  spec: CapabilityTable,
  caps: Capability[],
  cond: ConditionContext,
): void {
  const ct: CapabilityTables = { group, r, sec, spec, caps, mustApply: (c.mustApply ?? []).filter((m) => evaluate(m.when, cond).value === true) };
  for (const t of sectionTables(sec)) {
    const cols = capabilityColumns(ct, t);
    if (!cols) continue;
    checkCapabilityColumns(ct, cols);
    if (cols.applicability === undefined) continue;
    for (const row of t.fact.rows) checkCapabilityRow(ct, cols, cols.applicability, row);
  }
  checkMustApplyAnswers(ct);
}

/** A table that has the spec's select columns, with its columns by role; undefined for any other table. */
function capabilityColumns({ group, spec }: CapabilityTables, t: TableModel): CapabilityColumns | undefined {
  const dict = group.ruleset.columns;
  const header = columnMap(t.fact.header, spec.select, dict);
  if (!header.size) return undefined;
  const groups = columnGroups(t.fact.header, [spec.applicability, ...spec.implementation, ...spec.reason, ...spec.shared], dict);
  const applicability = groups.get(spec.applicability)?.[0];
  const acceptance = spec.acceptance ? columnMap(t.fact.header, [spec.acceptance], dict).get(spec.acceptance) : undefined;
  // The category, applicability and acceptance columns are neither how nor why ("Control
  // category" holds the word "control"; its cell is no reason).
  const taken = new Set([...header.values(), applicability, acceptance]);
  const cols = (roles: string[]) => roles.flatMap((role) => (groups.get(role) ?? []).filter((i) => !taken.has(i)));
  return { t, applicability, acceptance, how: cols([...spec.implementation, ...spec.shared]), why: cols([...spec.reason, ...spec.shared]) };
}

/** missing-column: no applicability column, no column for how or why, no acceptance column. */
function checkCapabilityColumns({ group, r, sec, spec }: CapabilityTables, { t, applicability, acceptance, how, why }: CapabilityColumns): void {
  const { file, model } = sec;
  const headerRange = rowRange(model, t, t.fact.start);
  if (applicability === undefined) {
    file.findings.push(
      finding(
        'missing-column',
        headerRange,
        L(
          `${sectionLabel(group, r).zh}的能力表缺少“${labelOf(spec.applicability).zh}”列：应逐项说明是否适用（${r.clause}）`,
          `The capability table of ${sectionLabel(group, r).en} lacks an “${labelOf(spec.applicability).en}” column: state for each capability whether it applies (${r.clause})`,
        ),
        { requirement: r.id, clause: r.clause, column: spec.applicability, label: labelOf(spec.applicability), table: tableLines(model, t) },
      ),
    );
  }
  if (!how.length && !why.length) {
    const role = spec.implementation[0] ?? spec.shared[0];
    file.findings.push(
      finding(
        'missing-column',
        headerRange,
        L(
          `${sectionLabel(group, r).zh}的能力表缺少实现方式或理由的列（如“${labelOf(role).zh}”）：适用的能力写明实现方式，不适用的写明理由（${r.clause}）`,
          `The capability table of ${sectionLabel(group, r).en} has no column for how each capability is implemented or why it does not apply (e.g. “${labelOf(role).en}”) (${r.clause})`,
        ),
        { requirement: r.id, clause: r.clause, column: role, label: labelOf(role), table: tableLines(model, t) },
      ),
    );
  }
  const accLabel = (role: string) => rulesetLabelOf(group.ruleset, role);
  if (spec.acceptance && acceptance === undefined) {
    file.findings.push(
      finding(
        'missing-column',
        headerRange,
        L(
          `${sectionLabel(group, r).zh}的表格缺少“${accLabel(spec.acceptance).zh}”列：指导原则 ${r.clause} 要求给出每一类别的需求和验收准则`,
          `The table of ${sectionLabel(group, r).en} lacks an “${accLabel(spec.acceptance).en}” column: guideline ${r.clause} asks for the requirements and acceptance criteria of each category`,
        ),
        { requirement: r.id, clause: r.clause, column: spec.acceptance, label: accLabel(spec.acceptance), table: tableLines(model, t) },
      ),
    );
  }
}

/** One row of a capability table: its answer, then acceptance criteria, how, or why as the answer asks. */
function checkCapabilityRow({ r, sec, spec, caps, mustApply }: CapabilityTables, { t, acceptance, how, why }: CapabilityColumns, applicability: number, row: Row): void {
  const { file, model } = sec;
  // Longest first: 不适用 before 适用, "not applicable" before "applicable".
  const a = applicabilityWord(spec, cellText(row, applicability));
  const cap = capabilityIn(caps, row.cells.map((x) => x.run.text).join(' | '));
  if (a === undefined && spec.answerRequired && cap) {
    const given = cellText(row, applicability);
    file.findings.push(
      finding(
        'incomplete-row',
        rowRange(model, t, row.start),
        given
          ? L(
              `类别 ${cap.code}（${cap.zh}）的适用性“${given}”既不是“适用”也不是“不适用”：应答复适用（并写明需求和验收准则）或不适用（并说明理由）（${r.clause}）`,
              `The applicability “${given}” of the category ${cap.code} (${cap.en}) is neither applicable nor not applicable: answer applicable (with its requirements and acceptance criteria) or not applicable (with the reason) (${r.clause})`,
            )
          : L(
              `类别 ${cap.code}（${cap.zh}）未答复是否适用：应答复适用（并写明需求和验收准则）或不适用（并说明理由）（${r.clause}）`,
              `The category ${cap.code} (${cap.en}) does not say whether it applies: answer applicable (with its requirements and acceptance criteria) or not applicable (with the reason) (${r.clause})`,
            ),
        { requirement: r.id, clause: r.clause, columns: [spec.applicability], missing: [spec.applicability], capability: cap.code, ...(given ? { value: given } : {}), table: tableLines(model, t) },
      ),
    );
    return;
  }
  if (a === 'yes' && acceptance !== undefined && !cellText(row, acceptance)) {
    file.findings.push(
      finding(
        'incomplete-row',
        rowRange(model, t, row.start),
        L(
          `类别${cap ? ` ${cap.code}（${cap.zh}）` : ''}标为适用，但未写明验收准则（${r.clause}）`,
          `The category${cap ? ` ${cap.code} (${cap.en})` : ''} is marked applicable but has no acceptance criteria (${r.clause})`,
        ),
        { requirement: r.id, clause: r.clause, columns: [spec.acceptance], ...(cap ? { capability: cap.code } : {}), table: tableLines(model, t) },
      ),
    );
  }
  if (a === 'yes' && how.length && how.every((i) => !cellText(row, i))) {
    file.findings.push(
      finding(
        'incomplete-row',
        rowRange(model, t, row.start),
        L(
          `能力${cap ? ` ${cap.code}（${cap.zh}）` : ''}标为适用，但未写明实现方式（${r.clause}）`,
          `The capability${cap ? ` ${cap.code} (${cap.en})` : ''} is marked applicable but its implementation is not described (${r.clause})`,
        ),
        { requirement: r.id, clause: r.clause, columns: spec.implementation, ...(cap ? { capability: cap.code } : {}), table: tableLines(model, t) },
      ),
    );
  }
  if (a === 'no') {
    const reason = why.map((i) => cellText(row, i)).join(' ');
    if (countReasonChars(reason) < spec.minReason) {
      file.findings.push(
        finding(
          'not-applicable-without-reason',
          rowRange(model, t, row.start),
          L(
            `能力${cap ? ` ${cap.code}（${cap.zh}）` : ''}答复“不适用”但未说明理由：不适用的能力应详述理由（${r.clause}）`,
            `The capability${cap ? ` ${cap.code} (${cap.en})` : ''} is answered “not applicable” without a reason: give the reason (${r.clause})`,
          ),
          { requirement: r.id, clause: r.clause, ...(cap ? { capability: cap.code } : {}), table: tableLines(model, t) },
        ),
      );
    }
    const must = cap && mustApply.find((m) => m.capability === cap.code);
    if (must) file.findings.push(finding('inconsistent-fact', rowRange(model, t, row.start), must.message, { requirement: r.id, clause: r.clause, capability: cap.code }, must.severity));
  }
}

/** inconsistent-fact on a heading, list item or label that answers 不适用 / 否 for a capability that must apply. */
function checkMustApplyAnswers({ group, r, sec, spec, caps, mustApply }: CapabilityTables): void {
  const { file, model } = sec;
  // A heading, list item or label answered 不适用 / 否 for a capability that must apply.
  if (mustApply.length) {
    const answers: { text: string; answer: string; range: Range }[] = [];
    for (const h of sectionHeadings(sec)) if (headingNotApplicable(group, h)) answers.push({ text: h.text, answer: '不适用', range: h.range });
    for (const l of model.labels) {
      if (l.kind !== 'block' || !sec.headings.has(l.heading) || l.line < sec.from || l.line >= sec.to) continue;
      const c0 = l.candidates[0];
      if (c0) answers.push({ text: c0.text, answer: c0.rest, range: c0.range });
    }
    for (const a of answers) {
      const cap = capabilityIn(caps, a.text);
      if (!cap || (applicabilityWord(spec, a.answer.split(/[，,。；;：:\s]/u)[0] ?? '') !== 'no' && !NOT_APPLICABLE.test(a.answer.trim()))) continue;
      const must = mustApply.find((m) => m.capability === cap.code);
      if (must) file.findings.push(finding('inconsistent-fact', a.range, must.message, { requirement: r.id, clause: r.clause, capability: cap.code }, must.severity));
    }
  }
}

export const capabilities: CheckEntry<'capabilities'> = {
  run: (group, r, sec, c, cond) => checkCapabilities(group, r, sec, c, cond),
  codes: (c) => ['capability-unaddressed', ...(c.table ? (['missing-column', 'incomplete-row', 'not-applicable-without-reason', 'inconsistent-fact'] as const) : [])],
};
