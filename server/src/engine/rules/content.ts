// Content checks the catalogue attaches to requirements (requirements.md §4–§8): listing tables,
// risk tables, the traceability table, capabilities, facts listed in a section, statement
// elements, placeholders and document-level mentions (privacy).

import { evaluate, factPosition, getFact, type ConditionContext } from '../facts/facts';
import { bodyStartRange, bodyText, descendants, offsetRange, subtreeHasBody, subtreeText, type DocModel, type TableModel } from '../model';
import { refKey, type HeadingRef } from '../match';
import { COLUMN_LABELS, NO_WORDS, isPlaceholderText } from '../rulesets/common';
import type { Check, Requirement, RuleSet } from '../rulesets/types';
import { cellText, columnMap, hasRoles, isFullVersion, isProductRow } from '../tables';
import { normalize, stripNumbering, type Range } from '../text';
import type { FactValue } from '../facts/schema';
import { L, finding, headingOf, reqLabel, requirementById, type DocGroup, type FileState } from './context';
import { answerOf } from './structure';

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

/** Lines of a table, for quick fixes (add a column, disable around it) without re-parsing. */
export function tableLines(model: DocModel, t: TableModel): { start: number; end: number; header: number; rows: number[] } {
  const line = (o: number) => model.lines.positionAt(t.base + o).line;
  const header = line(t.fact.start);
  const rows = t.fact.rows.map((r) => line(r.start));
  const last = rows.length ? rows[rows.length - 1] : header + 1;
  return { start: header, end: last + 1, header, rows: [header + 1, ...rows] };
}

function label(role: string): { zh: string; en: string } {
  return COLUMN_LABELS[role] ?? { zh: role, en: role };
}

/** Whether a requirement section is answered normally (not 不适用, not under a 不适用 parent). */
function answered(group: DocGroup, id: string): boolean {
  for (let p = id; p; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') {
    const ref = group.match.found.get(p);
    if (ref && answerOf(group, ref) !== 'present') return false;
  }
  return true;
}

export function checkContent(group: DocGroup, cond: ConditionContext): void {
  for (const r of group.kind.requirements) {
    const ref = group.match.found.get(r.id);
    for (const c of r.checks ?? []) {
      if (c.kind === 'statement') {
        checkStatement(group, r, c);
        continue;
      }
      // An empty or not-applicable section gets its own finding, not a cascade of content ones.
      if (!ref || !answered(group, r.id)) continue;
      const h = headingOf(group, ref);
      if (!subtreeHasBody(h.file.model!, h.heading.index)) continue;
      switch (c.kind) {
        case 'listing-table':
          checkListing(group, r, ref, c);
          break;
        case 'risk-tables':
          checkRisk(group, r, ref);
          break;
        case 'traceability':
          checkTraceabilityTable(group, r, ref, c);
          break;
        case 'capabilities':
          checkCapabilities(group, r, ref, c);
          break;
        case 'lists-facts':
          checkListsFacts(group, r, ref, c);
          break;
      }
    }
  }
  for (const m of group.kind.mentions ?? []) {
    if (evaluate(m.when, cond).value !== true) continue;
    const words = m.words.map((w) => w.toLowerCase());
    // Stops at the first mention: usually early in the document.
    const mentioned = group.files.some((f) => f.model!.runs.some((r) => {
      const t = r.item.run.text.toLowerCase();
      return words.some((w) => t.includes(w));
    }));
    if (mentioned) continue;
    let target: FileState = group.files[0];
    let at: Range | undefined;
    for (const a of m.anchors) {
      const ref = group.match.found.get(a);
      if (ref) {
        const h = headingOf(group, ref);
        target = h.file;
        at = h.heading.range;
        break;
      }
    }
    if (!at) {
      const pos = factPosition(target.facts, m.fact);
      at = pos?.origin === 'file' ? pos.value : bodyStartRange(target.model!);
    }
    target.findings.push(
      finding(
        m.code as 'privacy-not-addressed',
        at,
        L(
          `frontmatter 声明了健康数据（${m.fact}），但${group.kind.name.zh}从未提及隐私保护：三(一) 要求“对于健康数据，注册申请人应当遵循患者隐私保护的相关规定”，请说明如何保护患者隐私（个人信息）`,
          `${m.fact} declares health data, but the ${group.kind.name.en} never addresses privacy: 三(一) requires that health data follow the rules on patient privacy; describe how personal information is protected`,
        ),
        { clause: '三(一)' },
      ),
    );
  }
}

function checkListing(group: DocGroup, r: Requirement, ref: HeadingRef, c: CheckOf<'listing-table'>): void {
  const { file, heading } = headingOf(group, ref);
  const model = file.model!;
  const dict = group.ruleset.columns;
  const roles = [...new Set([...c.required, ...(c.version ? [c.version] : [])])];
  for (const t of tablesIn(model, heading.index)) {
    if (!hasRoles(t.fact, c.select, dict)) continue;
    const cols = columnMap(t.fact.header, roles, dict);
    const headerRange = rowRange(model, t, t.fact.start);
    for (const role of c.required) {
      if (cols.has(role)) continue;
      file.findings.push(
        finding(
          'missing-column',
          headerRange,
          L(
            `${reqLabel(r).zh}的表格缺少“${label(role).zh}”列：指导原则 ${r.clause} 要求列明${c.required.map((x) => label(x).zh).join('、')}`,
            `The ${reqLabel(r).en} table lacks a “${label(role).en}” column: guideline ${r.clause} asks for ${c.required.map((x) => label(x).en).join(', ')}`,
          ),
          { requirement: r.id, clause: r.clause, column: role, label: label(role), table: tableLines(model, t) },
          c.columnSeverity,
        ),
      );
    }
    for (const row of t.fact.rows) {
      if (!isProductRow(row, cols.get('name'))) continue;
      const empty = c.required.filter((role) => cols.has(role) && !cellText(row, cols.get(role)));
      if (empty.length) {
        file.findings.push(
          finding(
            'incomplete-row',
            rowRange(model, t, row.start),
            L(
              `${reqLabel(r).zh}表格的这一行缺少${empty.map((x) => `“${label(x).zh}”`).join('、')}（指导原则 ${r.clause}）`,
              `This row of the ${reqLabel(r).en} table has no ${empty.map((x) => `“${label(x).en}”`).join(', ')} (guideline ${r.clause})`,
            ),
            { requirement: r.id, clause: r.clause, columns: empty, table: tableLines(model, t) },
          ),
        );
      }
      if (c.version && cols.has(c.version)) {
        const i = cols.get(c.version)!;
        const cell = row.cells[i];
        const v = cellText(row, i);
        // A template's placeholder is reported as a placeholder, not also as a version.
        if (!isFullVersion(v) && !isPlaceholderText(v)) {
          const rng = cell ? offsetRange(model, t.base + cell.start, t.base + cell.end) : rowRange(model, t, row.start);
          const name = cellText(row, cols.get('name'));
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

function checkRisk(group: DocGroup, r: Requirement, ref: HeadingRef): void {
  const { file, heading } = headingOf(group, ref);
  const model = file.model!;
  const rs = group.ruleset;
  const unacceptable = rs.risk.unacceptable.map(normalize);
  const no = NO_WORDS.map(normalize);
  for (const t of tablesIn(model, heading.index)) {
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
      const ref = group.match.found.get(r.id);
      if (!ref) continue;
      const { file, heading } = headingOf(group, ref);
      for (const t of tablesIn(file.model!, heading.index)) if (hasRoles(t.fact, c.select, group.ruleset.columns)) out.push({ file, table: t, check: c, requirement: r });
    }
  }
  return out;
}

function checkTraceabilityTable(group: DocGroup, r: Requirement, ref: HeadingRef, c: CheckOf<'traceability'>): void {
  const { file } = headingOf(group, ref);
  const model = file.model!;
  for (const { table: t } of traceabilityTables(group).filter((x) => x.requirement === r)) {
    const cols = columnMap(t.fact.header, c.required, group.ruleset.columns);
    for (const role of c.required) {
      if (cols.has(role)) continue;
      file.findings.push(
        finding(
          'missing-column',
          rowRange(model, t, t.fact.start),
          L(
            `追溯表缺少“${label(role).zh}”列：指导原则 ${r.clause} 要求追溯网络安全需求规范、设计规范、测试、风险管理的关系`,
            `The traceability table lacks a “${label(role).en}” column: guideline ${r.clause} relates requirements, design, tests and risk management`,
          ),
          { requirement: r.id, clause: r.clause, column: role, label: label(role), table: tableLines(model, t) },
        ),
      );
    }
    for (const row of t.fact.rows) {
      if (!row.cells.some((x) => x.run.text.trim())) continue;
      const empty = c.required.filter((role) => cols.has(role) && !cellText(row, cols.get(role)));
      if (!empty.length) continue;
      file.findings.push(
        finding(
          'incomplete-row',
          rowRange(model, t, row.start),
          L(
            `追溯表的这一行缺少${empty.map((x) => `“${label(x).zh}”`).join('、')}（指导原则 ${r.clause}）`,
            `This traceability row has no ${empty.map((x) => `“${label(x).en}”`).join(', ')} (guideline ${r.clause})`,
          ),
          { requirement: r.id, clause: r.clause, columns: empty, table: tableLines(model, t) },
        ),
      );
    }
  }
}

function checkCapabilities(group: DocGroup, r: Requirement, ref: HeadingRef, c: CheckOf<'capabilities'>): void {
  const { file, heading } = headingOf(group, ref);
  const model = file.model!;
  const caps = group.ruleset.capabilities[c.set] ?? [];
  const inSection = new Set([heading.index, ...descendants(model, heading.index)]);
  const cells: string[] = [];
  for (const t of tablesIn(model, heading.index)) for (const row of t.fact.rows) cells.push(...row.cells.map((x) => x.run.text));
  const starts = [
    ...model.headings.filter((h) => inSection.has(h.index) && h.index !== heading.index).map((h) => h.text),
    ...model.listItems.filter((li) => inSection.has(li.item.heading)).map((li) => li.item.run.text),
  ].map((s) => stripNumbering(s).trim());
  const rowTexts: string[] = [];
  for (const t of tablesIn(model, heading.index)) for (const row of t.fact.rows) rowTexts.push(row.cells.map((x) => x.run.text).join(' | '));
  // Where the quick fix adds rows: after the last row of the section's last table, else as list
  // items at the end of the section.
  const tables = tablesIn(model, heading.index);
  const lastTable = tables[tables.length - 1];
  const insert = lastTable
    ? { format: 'table', line: tableLines(model, lastTable).end, columns: lastTable.fact.header.length }
    : { format: 'list', line: sectionEnd(model, heading.index) };
  for (const cap of caps) {
    const code = new RegExp(`(?<![A-Za-z])${cap.code}(?![A-Za-z])`);
    const names = [cap.zh, cap.en, ...cap.synonyms].map(normalize);
    const inRow = rowTexts.some((t) => code.test(t)) || cells.some((cell) => names.some((n) => normalize(stripNumbering(cell.trim())).startsWith(n)));
    const atStart = starts.some((s) => code.test(s.slice(0, cap.code.length + 2)) || names.some((n) => normalize(s).startsWith(n)));
    if (inRow || atStart) continue;
    file.findings.push(
      finding(
        'capability-unaddressed',
        heading.range,
        L(
          `${reqLabel(r).zh}未说明网络安全能力 ${cap.code}（${cap.zh}）：应逐项说明适用及实现方式，或不适用及理由（${r.clause}）`,
          `${reqLabel(r).en} does not address the capability ${cap.code} (${cap.en}): state whether it applies and how, or why not (${r.clause})`,
        ),
        { requirement: r.id, clause: r.clause, capability: cap.code, name: { zh: cap.zh, en: cap.en }, insert },
      ),
    );
  }
}

function checkListsFacts(group: DocGroup, r: Requirement, ref: HeadingRef, c: CheckOf<'lists-facts'>): void {
  const { file, heading } = headingOf(group, ref);
  const text = normalize(subtreeText(file.model!, heading.index));
  const facts = group.files[0].facts;
  for (const { list, key } of c.facts) {
    const s = getFact(facts, list);
    if (s.status !== 'valid' || !Array.isArray(s.value)) continue;
    s.value.forEach((item: FactValue, i: number) => {
      if (!item || typeof item !== 'object' || Array.isArray(item)) return;
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
          pos?.origin === 'file' ? pos.value : heading.range,
          L(
            `frontmatter 中的“${String(name)}”（${list}）未在${reqLabel(r).zh}中列出：该章节应列出每个传输协议与存储格式（${r.clause}）`,
            `“${String(name)}” (${list}) is declared in the frontmatter but not named in ${reqLabel(r).en}: that section must name every protocol and format (${r.clause})`,
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
    const ok = el.patterns.some((p) => new RegExp(p, 'iu').test(text));
    if (ok) continue;
    first.findings.push(
      finding(
        'missing-section',
        bodyStartRange(first.model!),
        L(`${reqLabel(r).zh}缺少${el.label.zh}：${r.content.zh}（${r.clause}）`, `${reqLabel(r).en} lacks ${el.label.en}: ${r.content.en} (${r.clause})`),
        { requirement: r.id, clause: r.clause, item: el.item },
      ),
    );
  }
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
    for (const p of model.placeholders) {
      const id = reqAt(p.heading);
      const r = id ? requirementById(group.kind, id) : undefined;
      file.findings.push(
        finding(
          'placeholder',
          p.range,
          L(
            `残留占位符“${p.text}”${r ? `（${reqLabel(r).zh}）` : ''}：提交前请替换为实际内容`,
            `Placeholder “${p.text}” left${r ? ` in ${reqLabel(r).en}` : ''}: replace it with the real content before submission`,
          ),
          r ? { requirement: r.id, clause: r.clause, text: p.text } : { text: p.text },
        ),
      );
    }
  });
}
