// Content checks the catalogue attaches to requirements (requirements.md §4–§8): listing tables,
// risk tables, the traceability table, capabilities, facts listed in a section, statement
// elements, placeholders and document-level mentions (privacy).

import { evaluate, factPosition, getFact, type ConditionContext } from '../facts/facts';
import type { Code, Finding } from '../codes';
import { bodyStartRange, bodyText, descendants, offsetRange, subtreeHasBody, type DocModel, type TableModel } from '../model';
import { parentId, refKey } from '../match';
import { COLUMN_LABELS, NOT_APPLICABLE, NO_WORDS, isPlaceholderText } from '../rulesets/common';
import type { Capability, CapabilityTable, Check, Localized, Requirement, RuleSet } from '../rulesets/types';
import { suppressed } from '../suppress';
import { cellText, columnGroups, columnMap, hasRoles, isFullVersion, isProductRow, notApplicableAnswer, tableLines } from '../tables';
import { countReasonChars, normalize, type Range } from '../text';
import type { FactValue } from '../facts/schema';
import { L, finding, requirementById, sectionLabel, type DocGroup, type FileState } from './context';
import { answerState, headingNotApplicable, notApplicableOf } from './structure';
import { sectionEndLine, sectionHasBody, sectionHeadings, sectionOf, sectionTables, sectionText, type Section } from './section';
import { checkDiagram, checkDiagramPerPart, checkFactNamed, checkFactText, checkFactValuesNamed, checkForbiddenWords, checkNamedItem, checkRequiresWords, checkSectionMentions, mentionsAny } from './sections';
import { checkVulnerabilities } from './vulnerability';
import { applicabilityWord, capabilityAddressed, capabilityIn } from './capability-answers';
import { checkEndOfSupport, checkFlaggedRows } from './support';
import { utcDay } from '../support';

// The table helpers live in ../tables (importing them from here made content ↔ sections ↔
// vulnerability a cycle); re-exported for callers written against the old place.
export { columnGroups, tableLines } from '../tables';

type CheckOf<K extends Check['kind']> = Extract<Check, { kind: K }>;

/** Tables inside a requirement's section (own blocks and every sub-heading). */
export function tablesIn(model: DocModel, heading: number): TableModel[] {
  const set = new Set([heading, ...descendants(model, heading)]);
  return model.tables.filter((t) => set.has(t.heading));
}

function rowRange(model: DocModel, t: TableModel, start: number): Range {
  return model.lines.lineRange(model.lines.positionAt(t.base + start).line);
}

/** The line after a section's own content and sub-sections, skipping trailing blank lines. */
export function sectionEnd(model: DocModel, heading: number): number {
  let end = model.headings[heading].end;
  while (end - 1 > model.headings[heading].line && model.lines.lineText(end - 1).trim() === '') end--;
  return end;
}


function labelOf(role: string): { zh: string; en: string } {
  return COLUMN_LABELS[role] ?? { zh: role, en: role };
}

/** Whether a requirement section is answered normally (not 不适用, not under a 不适用 parent). */
function answered(group: DocGroup, id: string): boolean {
  for (let p = id; p; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') {
    const a = answerState(group, p);
    if (a && a !== 'present') return false;
  }
  return true;
}

/**
 * Checks that read a table of the section: with no table there and a reference to an attachment,
 * what they check is in the attachment (requirements.md §3a) — a hint says so.
 */
const TABLE_CHECKS = new Set<Check['kind']>(['listing-table', 'risk-tables', 'traceability']);

/** The reference a section answers by (its label's, its sentence's, or one in its text). */
export function referenceOfSection(group: DocGroup, s: Section): string | undefined {
  if (s.answer?.reference) return s.answer.reference;
  // A section answers by reference when it holds one and each of its items' sub-sections that
  // has content does too (2 风险管理 › 2.1 见附件 1, 2.2 见附件 2); a sub-section with content of
  // its own (2.1.2 in prose) means the text is here.
  const fi = group.files.indexOf(s.file);
  const refsIn = (from: number, to: number) => s.model.refs.filter((r) => s.headings.has(r.heading) && r.line >= from && r.line < to && r.line >= s.from && r.line < s.to);
  for (const h of sectionHeadings(s)) {
    if (!group.match.byHeading.has(refKey({ file: fi, heading: h.index })) || !subtreeHasBody(s.model, h.index)) continue;
    if (!refsIn(h.line, h.end).length) return undefined;
  }
  return refsIn(s.from, s.to)[0]?.reference;
}

export function checkContent(group: DocGroup, cond: ConditionContext): void {
  const hinted = new Set<string>();
  for (const r of group.kind.requirements) {
    for (const c of r.checks ?? []) {
      if (c.kind === 'statement') {
        checkStatement(group, r, c);
        continue;
      }
      if (c.kind === 'applies-when') {
        checkAppliesWhen(group, r, c, cond);
        continue;
      }
      // Without its own section, a check may run on its parent's (an optional sub-section whose
      // content the parent then holds) — if the requirement applies. Only the direct parent:
      // when the parent is missing too, its missing-section says it all.
      let sec = sectionOf(group, r.id);
      let at = r.id;
      const parent = parentId(r.id);
      if (!sec && c.orParent && parent && (!r.condition || evaluate(r.condition, cond).value === true)) {
        sec = sectionOf(group, parent);
        at = parent;
      }
      // An empty or not-applicable section gets its own finding, not a cascade of content ones.
      if (!sec || !answered(group, at) || !sectionHasBody(sec)) continue;
      const reference = sectionTables(sec).length ? undefined : referenceOfSection(group, sec);
      if (!reference) {
        runCheck(group, r, sec, c, cond);
        continue;
      }
      // Answered by reference: what the check would report is in the attachment, not missing.
      const before = group.files.map((f) => f.findings.length);
      runCheck(group, r, sec, c, cond);
      const reported = group.files.some((f, i) => f.findings.length > before[i]);
      group.files.forEach((f, i) => (f.findings.length = before[i]));
      if ((reported || TABLE_CHECKS.has(c.kind)) && !hinted.has(r.id)) {
        hinted.add(r.id);
        sec.file.findings.push(referenceHint(group, r, sec, reference));
      }
    }
  }
  for (const m of group.kind.mentions ?? []) {
    if (evaluate(m.when, cond).value !== true) continue;
    // Stops at the first mention: usually early in the document.
    const mentioned = group.files.some((f) => f.model!.runs.some((r) => mentionsAny(r.item.run.text, m.words)));
    if (mentioned) continue;
    let target: FileState = group.files[0];
    let at: Range | undefined;
    for (const a of m.anchors) {
      const sec = sectionOf(group, a);
      if (sec) {
        target = sec.file;
        at = sec.anchor;
        break;
      }
    }
    if (!at) {
      const pos = factPosition(target.facts, m.fact);
      at = pos?.origin === 'file' ? pos.value : bodyStartRange(target.model!);
    }
    target.findings.push(finding(m.code as Code, at, m.message, m.requirement ? { requirement: m.requirement, clause: m.clause } : { clause: m.clause }));
  }
}

/** A section answered not applicable although the facts say it applies — inconsistent-fact on the answer. */
function checkAppliesWhen(group: DocGroup, r: Requirement, c: CheckOf<'applies-when'>, cond: ConditionContext): void {
  const a = answerState(group, r.id);
  if (a !== 'not-applicable' && a !== 'not-applicable-without-reason') return;
  const v = evaluate(c.when, cond);
  if (v.value !== true) return;
  const sec = sectionOf(group, r.id);
  const na = notApplicableOf(group, r.id);
  if (!sec || !na) return;
  sec.file.findings.push(finding('inconsistent-fact', na.range, c.message, { requirement: r.id, clause: r.clause, fact: c.fact }, c.severity));
}

function runCheck(group: DocGroup, r: Requirement, sec: Section, c: Exclude<Check, { kind: 'statement' | 'applies-when' }>, cond: ConditionContext): void {
  switch (c.kind) {
    case 'listing-table':
      return checkListing(group, r, sec, c);
    case 'risk-tables':
      return checkRisk(group, r, sec);
    case 'traceability':
      return checkTraceabilityTable(group, r, sec, c);
    case 'capabilities':
      return checkCapabilities(group, r, sec, c, cond);
    case 'lists-facts':
      return checkListsFacts(group, r, sec, c);
    case 'fact-named':
      return checkFactNamed(group, r, sec, c, cond);
    case 'fact-text':
      return checkFactText(group, r, sec, c);
    case 'fact-values-named':
      return checkFactValuesNamed(group, r, sec, c);
    case 'mentions':
      return checkSectionMentions(group, r, sec, c, cond);
    case 'diagram':
      return checkDiagram(group, r, sec, c);
    case 'requires-words':
      return checkRequiresWords(group, r, sec, c, cond);
    case 'named-item':
      return checkNamedItem(group, r, sec, c, cond);
    case 'forbidden-words':
      return checkForbiddenWords(group, r, sec, c);
    case 'diagram-per-part':
      return checkDiagramPerPart(group, r, sec, c, cond);
    case 'vulnerability-assessment':
      return checkVulnerabilities(group, r, sec, c, cond);
    case 'end-of-support':
      return checkEndOfSupport(group, r, sec, c, group.today ?? utcDay(new Date()));
    case 'flagged-rows':
      return checkFlaggedRows(group, r, sec, c);
  }
}

function referenceHint(group: DocGroup, r: Requirement, sec: Section, reference: string) {
  return finding(
    'answered-by-reference',
    sec.anchor,
    L(
      `${sectionLabel(group, r).zh}以引用作答（${reference}）：被引用的内容不在本文档中，其表格列、完整版本、风险可接受性、追溯关系等未检查；请确认该文件满足指导原则 ${r.clause} 的要求：${r.content.zh}`,
      `${sectionLabel(group, r).en} is answered by reference (${reference}): the referenced content is not in this document, so its columns, versions, risk acceptability or traceability were not checked; make sure it meets guideline ${r.clause}: ${r.content.en}`,
    ),
    { requirement: r.id, clause: r.clause, reference },
  );
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

/** A listing check's role words: its own over the rule set's. */
export function listingColumns(ruleset: RuleSet, c: CheckOf<'listing-table'>): Record<string, string[]> {
  return c.columns ? { ...ruleset.columns, ...c.columns } : ruleset.columns;
}

function checkListing(group: DocGroup, r: Requirement, sec: Section, c: CheckOf<'listing-table'>): void {
  const { file, model } = sec;
  const dict = listingColumns(group.ruleset, c);
  const label = (role: string) => group.ruleset.columnLabels?.[role] ?? labelOf(role);
  const roles = [...new Set([...c.required, ...(c.version ? [c.version] : [])])];
  const keyRole = c.rowKey ?? 'name';
  const na = c.notApplicableCells;
  const filled = new Set((na?.filled ?? []).map(normalize));
  // A cell as a not-applicable answer (§3.2): undefined when it is none, or a word that fills it.
  const naOf = (text: string) => (!na || filled.has(normalize(text)) ? undefined : notApplicableAnswer(text, na.words, na.minReason));
  const skip = c.skipRows ? new Set(c.skipRows.values.map(normalize)) : undefined;
  const tiered = (f: Finding): Finding => (c.tier ? { ...f, tier: c.tier } : f);
  for (const t of listingTables(group, sec, c)) {
    const cols = columnMap(t.fact.header, [...new Set([...roles, keyRole, ...(c.skipRows ? [c.skipRows.role] : [])])], dict, c.precedence);
    const headerRange = rowRange(model, t, t.fact.start);
    const items = t.fact.rows.filter(
      (row) => isProductRow(row, cols.get(keyRole)) && !(skip && c.skipRows && skip.has(normalize(cellText(row, cols.get(c.skipRows.role))))),
    );
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
    for (const row of items) {
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
      const name = cellText(row, cols.get(keyRole));
      if (na) {
        for (const role of roles) {
          const i = cols.get(role);
          const cell = i === undefined ? undefined : row.cells[i];
          if (!cell || naOf(cellText(row, i)) !== 'bare') continue;
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
      if (c.version && cols.has(c.version)) {
        const i = cols.get(c.version)!;
        const cell = row.cells[i];
        const v = cellText(row, i);
        // A template's placeholder is reported as a placeholder, not also as a version; a
        // not-applicable answer is a justified one (filled) or its own finding above.
        if (!isFullVersion(v) && !isPlaceholderText(v) && !naOf(v)) {
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
      }
    }
  }
}

export function isRiskTable(ruleset: RuleSet, t: TableModel): boolean {
  return ruleset.risk.select.every((alts) => alts.some((role) => hasRoles(t.fact, [role], ruleset.columns)));
}

function checkRisk(group: DocGroup, r: Requirement, sec: Section): void {
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

function checkTraceabilityTable(group: DocGroup, r: Requirement, sec: Section, c: CheckOf<'traceability'>): void {
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

function checkCapabilities(group: DocGroup, r: Requirement, sec: Section, c: CheckOf<'capabilities'>, cond: ConditionContext): void {
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
  const { file, model } = sec;
  const dict = group.ruleset.columns;
  // Longest first: 不适用 before 适用, "not applicable" before "applicable".
  const answer = (cell: string) => applicabilityWord(spec, cell);
  const codeOf = (text: string): Capability | undefined => capabilityIn(caps, text);
  const mustApply = (c.mustApply ?? []).filter((m) => evaluate(m.when, cond).value === true);
  for (const t of sectionTables(sec)) {
    const header = columnMap(t.fact.header, spec.select, dict);
    if (!header.size) continue;
    const groups = columnGroups(t.fact.header, [spec.applicability, ...spec.implementation, ...spec.reason, ...spec.shared], dict);
    const applicability = groups.get(spec.applicability)?.[0];
    const acceptanceCol = spec.acceptance ? columnMap(t.fact.header, [spec.acceptance], dict).get(spec.acceptance) : undefined;
    // The category, applicability and acceptance columns are neither how nor why ("Control
    // category" holds the word "control"; its cell is no reason).
    const taken = new Set([...header.values(), applicability, acceptanceCol]);
    const cols = (roles: string[]) => roles.flatMap((role) => (groups.get(role) ?? []).filter((i) => !taken.has(i)));
    const how = cols([...spec.implementation, ...spec.shared]);
    const why = cols([...spec.reason, ...spec.shared]);
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
    const accLabel = (role: string) => group.ruleset.columnLabels?.[role] ?? labelOf(role);
    const acceptance = acceptanceCol;
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
    if (applicability === undefined) continue;
    for (const row of t.fact.rows) {
      const a = answer(cellText(row, applicability));
      const cap = codeOf(row.cells.map((x) => x.run.text).join(' | '));
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
        continue;
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
  }
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
      const cap = codeOf(a.text);
      if (!cap || (answer(a.answer.split(/[，,。；;：:\s]/u)[0] ?? '') !== 'no' && !NOT_APPLICABLE.test(a.answer.trim()))) continue;
      const must = mustApply.find((m) => m.capability === cap.code);
      if (must) file.findings.push(finding('inconsistent-fact', a.range, must.message, { requirement: r.id, clause: r.clause, capability: cap.code }, must.severity));
    }
  }
}


function checkListsFacts(group: DocGroup, r: Requirement, sec: Section, c: CheckOf<'lists-facts'>): void {
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

function checkStatement(group: DocGroup, r: Requirement, c: CheckOf<'statement'>): void {
  const text = group.files.map((f) => bodyText(f.model!)).join('\n');
  const first = group.files[0];
  for (const el of c.elements) {
    const ok = el.table ? group.files.some((f) => f.model!.tables.length > 0) : el.patterns.some((p) => new RegExp(p, 'iu').test(text));
    if (ok) continue;
    first.findings.push(
      finding(
        'missing-section',
        bodyStartRange(first.model!),
        L(`${sectionLabel(group, r).zh}缺少${el.label.zh}：${r.content.zh}（${r.clause}）`, `${sectionLabel(group, r).en} lacks ${el.label.en}: ${r.content.en} (${r.clause})`),
        { requirement: r.id, clause: r.clause, item: el.item },
      ),
    );
  }
}

/** The heading of requirement `id` in file `fi` of the group, if it has one there. */
function headingOf(group: DocGroup, fi: number, id: string): number | undefined {
  const ref = group.match.found.get(id);
  return ref && ref.file === fi ? ref.heading : undefined;
}

/** placeholder: everywhere in the body of a file, with the innermost requirement section. */
export function checkPlaceholders(group: DocGroup): void {
  group.files.forEach((file, fi) => {
    const model = file.model!;
    const reqAt = (h: number): string | undefined => {
      for (let i = h; i >= 0; i = model.headings[i].parent) {
        const id = group.match.byHeading.get(refKey({ file: fi, heading: i }));
        if (id) return id;
      }
      return undefined;
    };
    // Items answered by a label: the label's region is their section (the innermost one wins).
    const labelled = [...group.match.answers].filter(([, a]) => a.file === fi && a.kind !== 'reference');
    const answerAt = (line: number): string | undefined => {
      let best: { id: string; from: number } | undefined;
      for (const [id, a] of labelled) if (line >= a.region.from && line < a.region.to && (!best || a.region.from >= best.from)) best = { id, from: a.region.from };
      return best?.id;
    };
    // One finding per section (diagnostics.md): on its first placeholder, with the count, the
    // others in `related`. A placeholder silenced by a comment is not counted.
    const groups = new Map<string, { id?: string; heading: number; items: typeof model.placeholders }>();
    for (const p of model.placeholders) {
      const id = answerAt(p.range.start.line) ?? reqAt(p.heading);
      if (suppressed({ code: 'placeholder', range: p.range }, id, model.suppressions)) continue;
      const key = id ?? `#${p.heading}`;
      const g = groups.get(key) ?? { id, heading: p.heading, items: [] };
      g.items.push(p);
      groups.set(key, g);
    }
    for (const g of groups.values()) {
      const r = g.id ? requirementById(group.kind, g.id) : undefined;
      // The section as the file names it: its own heading when it has one, else the catalogue's title.
      const hi = r ? headingOf(group, fi, r.id) : g.heading;
      const title = hi !== undefined && hi >= 0 ? model.headings[hi]?.text : undefined;
      const where: Localized | undefined = title ? { zh: `“${title}”${r ? `（${r.id}）` : ''}`, en: `“${title}”${r ? ` (${r.id})` : ''}` } : r ? sectionLabel(group, r) : undefined;
      const [first, ...rest] = g.items;
      const n = g.items.length;
      const texts = [...new Set(g.items.map((p) => p.text))];
      const shown = texts.slice(0, 3);
      const more = texts.length > shown.length;
      const message =
        n === 1
          ? L(
              `残留占位符“${first.text}”${where ? `（${where.zh}）` : ''}：提交前请替换为实际内容`,
              `Placeholder “${first.text}” left${where ? ` in ${where.en}` : ''}: replace it with the real content before submission`,
            )
          : L(
              `${where ? `${where.zh}中` : ''}残留 ${n} 处占位符（${shown.map((t) => `“${t}”`).join('、')}${more ? '等' : ''}）：提交前请替换为实际内容`,
              `${n} placeholders left${where ? ` in ${where.en}` : ''} (${shown.map((t) => `“${t}”`).join(', ')}${more ? ', …' : ''}): replace them with the real content before submission`,
            );
      const data = { ...(r ? { requirement: r.id, clause: r.clause } : {}), text: first.text, count: n, lines: g.items.map((p) => p.range.start.line) };
      const f = finding('placeholder', first.range, message, data);
      if (rest.length) f.related = rest.map((p) => ({ range: p.range, message: L(`占位符“${p.text}”`, `Placeholder “${p.text}”`) }));
      file.findings.push(f);
    }
  });
}
