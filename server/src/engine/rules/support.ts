// Component support (requirements-fda-premarket-2025.md §10) and flagged rows (§4, K6.1): an SBOM
// table row past its end of support without a justification (end-of-support-passed), a software
// component of an SBOM file lacking an element or past its end of support (sbom-component-incomplete,
// end-of-support-passed on the requirement's heading), and a row flagged in one column and not
// resolved in another (known-exploited-vulnerability). Which table, which words and which
// requirement are the rule set's data; nothing here knows the guideline.

import type { Code, Finding } from '../codes';
import type { Config, SbomSetting } from '../config';
import { bodyStartRange, offsetRange, type TableModel } from '../model';
import { isPlaceholderText } from '../rulesets/common';
import type { Check, ComponentSupport, Localized, Requirement, RuleSet } from '../rulesets/types';
import { endOfSupportDate, isHardware, isJustified, referenceDate, saysNotSupported, valueGiven, type ReferenceDate } from '../support';
import { cellText, columnMap, hasRoles, isProductRow } from '../tables';
import { normalize, type Range } from '../text';
import type { SbomComponent, SbomLoadResult } from '../sbom-reader';
import { L, finding, type DocGroup, type DossierState, type FileState } from './context';
import { sectionOf, sectionTables, type Section } from './section';

type CheckOf<K extends Check['kind']> = Extract<Check, { kind: K }>;
type TableCheck = { select: string[]; precedence?: string[]; columns?: Record<string, string[]> };

function dictOf(ruleset: RuleSet, c: TableCheck): Record<string, string[]> {
  return c.columns ? { ...ruleset.columns, ...c.columns } : ruleset.columns;
}

function roleColumns(t: TableModel, roles: string[], dict: Record<string, string[]>, c: TableCheck): Map<string, number> {
  return columnMap(t.fact.header, roles, dict, c.precedence);
}

function tablesOf(group: DocGroup, sec: Section, c: TableCheck): TableModel[] {
  const dict = dictOf(group.ruleset, c);
  return sectionTables(sec).filter((t) => hasRoles(t.fact, c.select, dict, c.precedence));
}

function cellRange(sec: Section, t: TableModel, row: TableModel['fact']['rows'][number], i: number | undefined): Range {
  const cell = i === undefined ? undefined : row.cells[i];
  if (cell) return offsetRange(sec.model, t.base + cell.start, t.base + cell.end);
  return sec.model.lines.lineRange(sec.model.lines.positionAt(t.base + row.start).line);
}

const SOURCE: Record<ReferenceDate['source'], Localized> = {
  submission_date: { zh: '提交日期 submission_date', en: 'the submission date, submission_date' },
  today: { zh: '今天', en: 'today' },
};

/** Why a component is past its support, or undefined: its end of support, else its level of support. */
function passed(
  eosText: string,
  supportText: string,
  ref: ReferenceDate | undefined,
  rules: ComponentSupport,
): { reason: 'date' | 'support-level'; date?: string } | undefined {
  const date = eosText ? endOfSupportDate(eosText) : undefined;
  if (date && ref && date < ref.date) return { reason: 'date', date };
  if (supportText && saysNotSupported(supportText, rules)) return { reason: 'support-level', ...(date ? { date } : {}) };
  return undefined;
}

function passedMessage(component: string, why: { reason: 'date' | 'support-level'; date?: string }, eosText: string, supportText: string, ref: ReferenceDate | undefined, clause: string, where?: Localized): Localized {
  const inSbom = where ?? { zh: '', en: '' };
  const ask = {
    zh: `请写明理由：风险如何控制，以及更新或替换该组件的计划（${clause}；V.A.4：“plans for how third-party software components could be updated or replaced if support ends”）`,
    en: `give the justification: how the risk is controlled and the plan to update or replace the component (${clause}; V.A.4: “plans for how third-party software components could be updated or replaced if support ends”)`,
  };
  if (why.reason === 'date' && ref)
    return L(
      `${inSbom.zh}“${component}”的支持终止日期（${eosText}）早于参照日期 ${ref.date}（${SOURCE[ref.source].zh}）：${ask.zh}`,
      `The end of support of “${component}” (${eosText})${inSbom.en} is earlier than the reference date ${ref.date} (${SOURCE[ref.source].en}): ${ask.en}`,
    );
  return L(
    `${inSbom.zh}“${component}”的支持级别为“${supportText}”，即不再受支持：${ask.zh}`,
    `The level of support of “${component}”${inSbom.en} is “${supportText}”, so it is no longer supported: ${ask.en}`,
  );
}

function passedData(component: string, why: { reason: 'date' | 'support-level'; date?: string }, eosText: string, ref: ReferenceDate | undefined) {
  return {
    component,
    endOfSupport: eosText,
    ...(why.date ? { date: why.date } : {}),
    ...(ref ? { referenceDate: ref.date, referenceSource: ref.source } : {}),
    reason: why.reason,
  };
}

/** §10.1: the SBOM table's rows past their end of support (or unsupported) without a justification. */
export function checkEndOfSupport(group: DocGroup, r: Requirement, sec: Section, c: CheckOf<'end-of-support'>, today: string): void {
  const rules = group.ruleset.componentSupport;
  if (!rules) return;
  const dict = dictOf(group.ruleset, c);
  const { name, eos, support, justification, type } = c.roles;
  const ref = referenceDate(group.facts, rules, today);
  for (const t of tablesOf(group, sec, c)) {
    const cols = roleColumns(t, [...new Set([name, eos, support, justification, ...(type ? [type] : [])])], dict, c);
    for (const row of t.fact.rows) {
      if (!isProductRow(row, cols.get(name))) continue;
      if (type && isHardware(cellText(row, cols.get(type)), rules)) continue;
      const text = (role: string) => {
        const v = cellText(row, cols.get(role));
        return isPlaceholderText(v) ? '' : v;
      };
      const why = passed(text(eos), text(support), ref, rules);
      if (!why || isJustified(text(justification), rules)) continue;
      const component = cellText(row, cols.get(name));
      const at = cellRange(sec, t, row, why.reason === 'date' ? cols.get(eos) : cols.get(support));
      sec.file.findings.push(
        finding('end-of-support-passed', at, passedMessage(component, why, text(eos), text(support), ref, rules.clauses.passed), {
          requirement: r.id,
          clause: rules.clauses.passed,
          ...passedData(component, why, text(eos), ref),
        }),
      );
    }
  }
}

/** §4 K6.1: a row flagged (KEV) and not resolved (designed out) — the check's code on the row. */
export function checkFlaggedRows(group: DocGroup, r: Requirement, sec: Section, c: CheckOf<'flagged-rows'>): void {
  const dict = dictOf(group.ruleset, c);
  const yes = c.yes.map(normalize);
  const resolved = c.resolved.map(normalize);
  for (const t of tablesOf(group, sec, c)) {
    const cols = roleColumns(t, [...new Set([c.key, c.flag, ...c.resolvedBy])], dict, c);
    const flag = cols.get(c.flag);
    if (flag === undefined) continue;
    for (const row of t.fact.rows) {
      if (!isProductRow(row, cols.get(c.key))) continue;
      const f = cellText(row, flag);
      const first = f.split(/[\s,，;；:：(（]/u)[0] ?? '';
      if (!yes.includes(normalize(f)) && !yes.includes(normalize(first))) continue;
      const by = c.resolvedBy.map((role) => cellText(row, cols.get(role))).find(Boolean) ?? '';
      const n = normalize(by);
      if (n && resolved.some((w) => n.includes(w))) continue;
      const key = cellText(row, cols.get(c.key));
      sec.file.findings.push(
        finding(
          c.code as Code,
          sec.model.lines.lineRange(sec.model.lines.positionAt(t.base + row.start).line),
          { zh: c.message.zh.replaceAll('{key}', key), en: c.message.en.replaceAll('{key}', key) },
          { requirement: c.requirement ?? r.id, clause: c.clause ?? r.clause, [c.dataKey]: key },
        ),
      );
    }
  }
}

const ELEMENTS = ['supplier', 'name', 'version', 'identifier', 'support', 'end-of-support'] as const;
type Element = (typeof ELEMENTS)[number];
const ELEMENT_LABEL: Record<Element, Localized> = {
  supplier: { zh: '供应商', en: 'supplier' },
  name: { zh: '名称', en: 'name' },
  version: { zh: '版本', en: 'version' },
  identifier: { zh: '唯一标识', en: 'unique identifier' },
  support: { zh: '支持级别', en: 'level of support' },
  'end-of-support': { zh: '支持终止日期', en: 'end-of-support date' },
};

/** The elements a component lacks (§10.2), in the spec's order. */
export function missingElements(c: SbomComponent, rules: ComponentSupport): Element[] {
  const justified = isJustified(c.justification, rules);
  const given: Record<Element, boolean> = {
    supplier: valueGiven(c.vendor, rules),
    name: valueGiven(c.name, rules),
    // Only the version field is a version: a range or the purl's @version is not (§10.2).
    version: c.versionSource === 'version' && valueGiven(c.version, rules),
    identifier: !!(c.purl || c.cpe || c.uid),
    support: valueGiven(c.support, rules),
    'end-of-support': valueGiven(c.endOfSupport, rules),
  };
  // A justification stands in for the version, identifier, support and end of support, never for who or what.
  return ELEMENTS.filter((e) => !given[e] && !(justified && e !== 'supplier' && e !== 'name'));
}

/**
 * §10.2: every software component of the SBOM files the rc names, checked for the elements and for
 * its end of support. Findings land on the requirement's heading in the first file (path order) of
 * the document kind holding it, else on that file's first line after the frontmatter; with no such
 * file checked, nothing is reported.
 */
export function checkSbomComponents(d: DossierState, load: (s: SbomSetting, config: Config) => SbomLoadResult, today: string): void {
  const done = new Set<RuleSet>();
  for (const g of d.groups) {
    const rules = g.ruleset.componentSupport;
    if (!rules?.files || done.has(g.ruleset)) continue;
    const r = g.kind.requirements.find((x) => x.id === rules.requirement);
    if (!r) continue;
    done.add(g.ruleset);
    const file: FileState = g.files[0];
    if (!file?.model || file.skipBody || file.outOfScope) continue;
    const sec = sectionOf(g, r.id);
    const at = sec && sec.file === file ? sec.anchor : bodyStartRange(file.model);
    const ref = referenceDate(file.facts, rules, today);
    for (const s of file.config.sbom) {
      const res = load(s, file.config);
      if (!res.ok) continue; // config-invalid on the rc's value says it (once)
      for (const c of res.sbom.components) {
        if (c.type && rules.notSoftwareTypes.includes(c.type)) continue;
        file.findings.push(...componentFindings(c, s.value, r, rules, ref, at));
      }
    }
  }
}

function componentFindings(c: SbomComponent, sbom: string, r: Requirement, rules: ComponentSupport, ref: ReferenceDate | undefined, at: Range): Finding[] {
  const out: Finding[] = [];
  const component = c.name || c.ref || '';
  const where = { sbom, component, ...(c.version ? { version: c.version } : {}), ...(c.path ? { path: c.path } : {}) };
  const loc = c.path ? `${sbom} ${c.path}` : sbom;
  const missing = missingElements(c, rules);
  if (missing.length) {
    const zh = missing.map((e) => ELEMENT_LABEL[e].zh).join('、');
    const en = missing.map((e) => ELEMENT_LABEL[e].en).join(', ');
    out.push(
      finding(
        'sbom-component-incomplete',
        at,
        L(
          `SBOM 中的“${component}”（${loc}）缺少${zh}：每个软件组件应写明供应商、名称、版本、唯一标识、支持级别和支持终止日期（${rules.clauses.incomplete}）；请在 SBOM 中补充（CycloneDX 属性 “Level of Support”“End-of-Support”，SPDX 注释），或写明理由（Justification）`,
          `“${component}” in the SBOM (${loc}) has no ${en}: every software component needs its supplier, name, version, unique identifier, level of support and end-of-support date (${rules.clauses.incomplete}); add them to the SBOM (CycloneDX properties “Level of Support”, “End-of-Support”; SPDX annotations), or a justification`,
        ),
        { requirement: r.id, clause: rules.clauses.incomplete, ...where, missing },
      ),
    );
  }
  const why = passed(c.endOfSupport ?? '', c.support ?? '', ref, rules);
  if (why && !isJustified(c.justification, rules)) {
    out.push(
      finding('end-of-support-passed', at, passedMessage(component, why, c.endOfSupport ?? '', c.support ?? '', ref, rules.clauses.passed, { zh: `SBOM（${loc}）中`, en: ` in the SBOM (${loc})` }), {
        requirement: r.id,
        clause: rules.clauses.passed,
        ...passedData(component, why, c.endOfSupport ?? '', ref),
        sbom,
        ...(c.path ? { path: c.path } : {}),
      }),
    );
  }
  return out;
}

