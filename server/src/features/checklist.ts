// The requirement checklist of a dossier (issue 7): every document kind its submission needs
// (and every kind present), under each its requirements in catalogue order with a status —
// present, not applicable (with the reason), missing, empty (placeholders only, or nothing), or
// not required here (with what switched it off) — the findings on it, where it is, and what a
// client needs to ask for its quick fix. Plain JSON: it goes over LSP (cyberdossier/checklist),
// and the report renderers (../report) print it. Pure over the engine's state: no editor API.

import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { addTotals, countSeverities, highestSeverity, totalsOf, evaluate, getFact, mergeFacts, emptyMatch, DEFAULT_RULESET, getRuleSet, type Engine, type FileReport, type SeverityTotals, type Locale, type ConditionContext, type Facts, type FactValue, type HeadingRef, type DocGroup, type DossierState, type FileState, type DocumentKind, type Localized, type Requirement, type RuleSet, type Severity, type SubmissionCase } from '../engine';
import { explainCondition } from './explain';
import { requirementStatuses, type DiagnosticLike, type RequirementState, type RequirementStatus } from './view';

import type { Checklist, ChecklistDocument, ChecklistItem, ChecklistLocation, ChecklistOptions, Counts, DocumentStatus, FindingCount, SwitchedOff } from './checklist-model';
import { dossierState, dossiersIn, resolveDossier } from './dossier-ref';

export type { RequirementStatus } from './view';
export type { Checklist, ChecklistDocument, ChecklistItem, ChecklistLocation, ChecklistOptions, Counts, DocumentStatus, FindingCount, QuickFix, SwitchedOff } from './checklist-model';
export { dossierState, dossiersIn, resolveDossier, type DossierRef } from './dossier-ref';
export const STATUSES: RequirementStatus[] = ['present', 'not-applicable', 'missing', 'empty', 'not-required'];

const defaultUri = (f: string) => pathToFileURL(f).href;

/** The checklist of the dossier holding a file, or of a dossier folder; undefined if there is none. */
export function checklist(engine: Engine, target: string, locale: Locale, opts: ChecklistOptions = {}): Checklist | undefined {
  const d = resolveDossier(engine, target);
  if (!d) return undefined;
  const { state, reports } = dossierState(engine, d, opts.fresh);
  return buildChecklist(state, reports, { locale, root: d.root, toUri: opts.toUri });
}

/** The checklists of every dossier at or below a folder. */
export function checklists(engine: Engine, folder: string, locale: Locale, opts: ChecklistOptions = {}): Checklist[] {
  return dossiersIn(engine, folder).map((d) => {
    const { state, reports } = dossierState(engine, d, opts.fresh);
    return buildChecklist(state, reports, { locale, root: d.root, toUri: opts.toUri });
  });
}

// ---- building -------------------------------------------------------------------------------

/** The rule set and the dossier's facts: exactly what the engine's missing-document check read. */
export function dossierFacts(state: DossierState): { ruleset: RuleSet; facts?: Facts } {
  return state.dossier ?? { ruleset: state.files.find((f) => f.isDossier)?.ruleset ?? getRuleSet(DEFAULT_RULESET)! };
}

function emptyCount(): FindingCount {
  return { total: 0, error: 0, warning: 0, info: 0, hint: 0 };
}

/** The checklist's shape of the engine's totals (engine/totals.ts counts; this only renames). */
function findingCount(t: SeverityTotals): FindingCount {
  const highest = highestSeverity(t);
  return { total: t.total, error: t.errors, warning: t.warnings, info: t.infos, hint: t.hints, ...(highest ? { highest } : {}) };
}

function severityTotals(c: FindingCount): SeverityTotals {
  return { total: c.total, errors: c.error, warnings: c.warning, infos: c.info, hints: c.hint };
}

function mergeCount(into: FindingCount, c: FindingCount): void {
  Object.assign(into, findingCount(addTotals(severityTotals(into), severityTotals(c))));
}

function emptyCounts(): Counts {
  return { required: 0, present: 0, byStatus: { present: 0, 'not-applicable': 0, missing: 0, empty: 0, 'not-required': 0 }, findings: emptyCount() };
}

const L = (zh: string, en: string): Localized => ({ zh, en });

function str(v: FactValue | undefined): string | undefined {
  return v === undefined || v === null || typeof v === 'object' ? undefined : String(v);
}

function submissionProblem(rs: RuleSet, facts: Facts | undefined): Localized {
  if (!facts) return L('没有申报类型：dossier.yaml 或 frontmatter 未声明 submission', 'No submission type: neither dossier.yaml nor a frontmatter declares submission');
  const s = getFact(facts, 'submission');
  if (s.status === 'absent') return L('未声明申报类型（submission）', 'The submission type (submission) is not declared');
  if (s.status === 'invalid') return L('申报类型（submission）的值无效', 'The submission type (submission) is invalid');
  // A declared submission that matches no case: say which facts are missing or contradictory.
  const why = rs.submission.map((c) => explainCondition(c.when, { facts })).filter((e) => e && e.value !== false)[0] ?? explainCondition({ any: rs.submission.map((c) => c.when) }, { facts });
  return L(`无法确定申报情形：${why?.text.zh ?? ''}`, `The submission case cannot be decided: ${why?.text.en ?? ''}`);
}

export interface BuildOptions {
  locale: Locale;
  root: string;
  toUri?: (file: string) => string;
}

export function buildChecklist(state: DossierState, reports: FileReport[], opts: BuildOptions): Checklist {
  const toUri = opts.toUri ?? defaultUri;
  const rel = (p: string) => path.relative(opts.root, p).split(path.sep).join('/') || path.basename(p);
  const diagsByPath = new Map(reports.map((r) => [r.path, r.diagnostics]));
  const diagsOf = (f: FileState) => diagsByPath.get(f.path);
  const { ruleset, facts } = dossierFacts(state);
  const values = facts?.values ?? {};
  const product = (values.product && typeof values.product === 'object' && !Array.isArray(values.product) ? values.product : {}) as Record<string, FactValue>;
  const updates = Array.isArray(values.updates) ? values.updates.map(String) : undefined;

  const scopeRule = facts ? ruleset.scope.find((r) => evaluate(r.when, { facts }).value === true) : undefined;
  const sub: SubmissionCase | undefined = facts ? ruleset.submission.find((c) => evaluate(c.when, { facts }).value === true) : undefined;
  const needs: string[][] = (sub?.required ?? []).map((n) => (Array.isArray(n) ? n : [n]));

  const groups = new Map<string, DocGroup>();
  for (const g of state.groups) if (g.ruleset === ruleset && !groups.has(g.kind.id)) groups.set(g.kind.id, g);
  const filesOf = (k: string) => state.files.filter((f) => f.isDossier && f.kind?.id === k && f.ruleset === ruleset);
  const present = (k: string) => filesOf(k).length > 0;
  // A cond context for documents that are absent: the dossier's facts and tables.
  const anyCond = state.groups.find((g) => g.cond)?.cond;
  const dossierCond: ConditionContext = { facts: facts ?? mergeFacts(undefined, undefined), tableRows: anyCond?.tableRows };

  const documents: ChecklistDocument[] = [];
  const listed = new Set<string>();
  for (const kind of ruleset.kinds) {
    const need = needs.find((opts) => opts.includes(kind.id));
    const needed = need ? (present(kind.id) || (!need.some(present) && need[0] === kind.id)) : false;
    const role: ChecklistDocument['role'] = needed ? 'required' : sub?.accepted.includes(kind.id) ? 'accepted' : sub?.wrong.includes(kind.id) ? 'rejected' : need ? 'accepted' : 'other';
    // A file with no dossier.yaml above it is a dossier of one: it lacks no other document.
    if (!present(kind.id) && (!needed || !state.yamlPath)) continue;
    listed.add(kind.id);
    documents.push(
      documentOf(kind, role, {
        group: groups.get(kind.id),
        files: filesOf(kind.id),
        alternatives: need && need.length > 1 ? need.filter((k) => k !== kind.id) : undefined,
        sub,
        scopeReason: scopeRule?.reason,
        ruleset,
        dossierCond,
        diagsOf,
        rel,
        toUri,
        root: opts.root,
      }),
    );
  }

  const counts = emptyCounts();
  for (const d of documents) {
    if (d.status === 'rejected') continue;
    counts.required += d.counts.required;
    counts.present += d.counts.present;
    for (const s of STATUSES) counts.byStatus[s] += d.counts.byStatus[s];
    mergeCount(counts.findings, d.counts.findings);
  }
  const totals = totalsOf(reports);
  const inDocs = new Set(documents.flatMap((d) => d.files.map((f) => f.path)));
  const otherFindings = findingCount(totals.byFile.filter((f) => !inDocs.has(f.path)).reduce((t, f) => addTotals(t, f), countSeverities([])));

  const name = [str(product.name), str(product.model)].filter(Boolean).join(' ') || path.basename(opts.root);
  return {
    version: 1,
    locale: opts.locale,
    root: opts.root,
    rootUri: toUri(opts.root),
    name,
    ...(state.yamlPath ? { dossierYaml: { path: state.yamlPath, uri: toUri(state.yamlPath) } } : {}),
    ruleset: { id: ruleset.id, name: ruleset.name, guideline: ruleset.guideline },
    product: {
      ...(str(product.name) ? { name: str(product.name) } : {}),
      ...(str(product.model) ? { model: str(product.model) } : {}),
      ...(str(product.class) ? { class: str(product.class) } : {}),
      ...(str(product.software_version) ? { softwareVersion: str(product.software_version) } : {}),
    },
    submission: {
      ...(str(values.submission) ? { value: str(values.submission) } : {}),
      ...(updates ? { updates } : {}),
      ...(sub ? { label: sub.label, clause: sub.clause } : { problem: submissionProblem(ruleset, facts) }),
      needs: needs.map((n) => n[0]),
      accepts: sub?.accepted ?? [],
      rejects: sub?.wrong ?? [],
    },
    scope: scopeRule ? { applies: false, reason: scopeRule.reason } : { applies: true },
    documents,
    counts,
    otherFindings,
    totals,
  };
}

interface DocContext {
  group?: DocGroup;
  files: FileState[];
  alternatives?: string[];
  sub?: SubmissionCase;
  scopeReason?: Localized;
  ruleset: RuleSet;
  dossierCond: ConditionContext;
  diagsOf: (f: FileState) => DiagnosticLike[] | undefined;
  rel: (p: string) => string;
  toUri: (p: string) => string;
  root: string;
}

function documentOf(kind: DocumentKind, role: ChecklistDocument['role'], c: DocContext): ChecklistDocument {
  const files = c.files.map((f) => ({ path: f.path, relPath: c.rel(f.path), uri: c.toUri(f.path) }));
  const base = { kind: kind.id, name: kind.name, clause: kind.clause, role, files, ...(c.alternatives?.length ? { alternatives: c.alternatives } : {}) };
  let status: DocumentStatus;
  let note: Localized | undefined;
  let states: RequirementState[] = [];
  if (c.group) {
    status = role === 'rejected' ? 'rejected' : 'present';
    if (role === 'rejected') note = L(`不属于${c.sub?.label.zh ?? '本次申报'}的申报资料`, `Not part of ${c.sub?.label.en ?? 'this submission'}`);
    states = requirementStatuses(c.group, c.diagsOf);
  } else if (c.files.length) {
    status = 'unchecked';
    const f = c.files[0];
    note = c.scopeReason
      ? L(`不适用本指导原则：${c.scopeReason.zh}`, `Outside the guideline’s scope: ${c.scopeReason.en}`)
      : f.tooLarge
        ? L('文件过大，未检查', 'Too large: not checked')
        : L('frontmatter 有误，正文未检查', 'Frontmatter errors: the body was not checked');
  } else {
    status = 'missing';
    note = L(`${c.sub?.label.zh ?? '本次申报'}需要此文档（${c.sub?.clause ?? kind.clause}）`, `${cap(c.sub?.label.en ?? 'this submission')} needs this document (${c.sub?.clause ?? kind.clause})`);
    // What the absent document will have to contain, by the dossier's facts.
    const changesOnly = c.sub?.changesOnly?.includes(kind.id);
    const phantom: DocGroup = {
      ruleset: c.ruleset,
      kind,
      files: [],
      match: emptyMatch(kind, c.ruleset),
      facts: c.dossierCond.facts,
      ...(c.sub ? { submission: c.sub } : {}),
      cond: c.dossierCond,
    };
    states = changesOnly ? [] : requirementStatuses(phantom);
  }

  const requirements = states.map((s) => itemOf(s, c));
  const counts = emptyCounts();
  for (const it of requirements) {
    counts.byStatus[it.status]++;
    if (it.required) {
      counts.required++;
      if (it.satisfied) counts.present++;
    }
  }
  counts.findings = findingCount(countSeverities(c.files.flatMap((f) => (c.diagsOf(f) ?? []) as { severity?: Severity }[])));
  const folder = c.root;
  return {
    ...base,
    status,
    ...(note ? { note } : {}),
    requirements,
    counts,
    ...(status === 'missing'
      ? { create: { kind: kind.id, ruleset: c.ruleset.id, folder, folderUri: c.toUri(folder), fileName: `${kind.id}.md` } }
      : {}),
  };
}

function cap(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}

function locationOf(group: DocGroup, ref: HeadingRef, c: DocContext): ChecklistLocation {
  const f = group.files[ref.file];
  const h = f.model!.headings[ref.heading];
  return { path: f.path, relPath: c.rel(f.path), uri: c.toUri(f.path), line: h.line, range: h.range };
}

function offText(s: RequirementState): SwitchedOff | undefined {
  const off = s.off;
  if (!off || s.status !== 'not-required') return undefined;
  const facts = off.explanation?.leaves ?? [];
  const because = off.explanation?.text;
  switch (off.kind) {
    case 'condition':
      return { kind: 'condition', facts, text: because ?? L('条件不成立', 'its condition does not hold') };
    case 'unknown':
      return { kind: 'unknown', facts, text: because ?? L('条件中的事实无效，无法判断', 'an invalid fact decides nothing') };
    case 'parent':
      return { kind: 'parent', facts, text: because ? L(`上级 ${off.parent} 不需要：${because.zh}`, `its parent ${off.parent} is not required: ${because.en}`) : L(`上级 ${off.parent} 不需要`, `its parent ${off.parent} is not required`) };
    case 'changes-only':
      return { kind: 'changes-only', facts, text: L('许可事项变更：本文档只需描述变更内容', 'a change: this document describes the changes only') };
    case 'suppressed':
      return { kind: 'suppressed', facts, text: L(`已在配置或抑制注释中关闭（missing-section/${s.requirement.id}）`, `turned off in the configuration or a suppression comment (missing-section/${s.requirement.id})`) };
  }
  return undefined;
}

function itemOf(s: RequirementState, c: DocContext): ChecklistItem {
  const r = s.requirement;
  const group = c.group;
  const dot = r.id.lastIndexOf('.');
  const item: ChecklistItem = {
    id: r.id,
    title: r.title,
    clause: r.clause,
    depth: r.id.split('.').length - 1,
    ...(dot > 0 ? { parent: r.id.slice(0, dot) } : {}),
    status: s.status,
    required: s.required,
    recommended: s.recommended,
    satisfied: s.satisfied,
    findings: emptyCount(),
  };
  if (s.because) item.requiredBecause = s.because;
  if (group && s.ref) item.location = locationOf(group, s.ref, c);
  if (group && s.answer) {
    const f = group.files[s.answer.file];
    item.location = { path: f.path, relPath: c.rel(f.path), uri: c.toUri(f.path), line: s.answer.line, range: s.answer.range };
    item.answeredBy = { kind: s.answer.kind, ...(s.answer.reference ? { reference: s.answer.reference } : {}) };
  }
  if (group && s.misplaced) item.misplacedAt = locationOf(group, s.misplaced, c);

  // Findings on this requirement, in the files of its document.
  const diags: { file: FileState; d: DiagnosticLike & { severity?: Severity; message?: Localized } }[] = [];
  for (const f of group?.files ?? []) for (const d of c.diagsOf(f) ?? []) if (d.data.requirement === r.id) diags.push({ file: f, d });
  item.findings = findingCount(countSeverities(diags.map(({ d }) => d)));

  const fixFrom = (code: string, id = r.id) => {
    for (const f of group?.files ?? []) {
      const d = (c.diagsOf(f) ?? []).find((x) => x.code === code && x.data.requirement === id) as (DiagnosticLike & { severity?: Severity; message?: Localized }) | undefined;
      if (d) item.quickFix = { path: f.path, uri: c.toUri(f.path), diagnostic: { code: d.code, range: d.range, severity: d.severity ?? 'error', message: d.message ?? L('', ''), data: { ...d.data } } };
      if (d) return;
    }
  };

  switch (s.status) {
    case 'not-applicable': {
      item.reason = s.notApplicable!.reason;
      if (s.notApplicable!.coveredBy) item.coveredBy = s.notApplicable!.coveredBy;
      const by = item.coveredBy ? { zh: `（随 ${item.coveredBy} 不适用）`, en: ` (with ${item.coveredBy})` } : { zh: '', en: '' };
      item.note = item.reason ? L(`${item.reason}${by.zh}`, `${item.reason}${by.en}`) : L(`未说明理由${by.zh}`, `no reason given${by.en}`);
      if (!item.reason && !item.coveredBy) fixFrom('not-applicable-without-reason');
      break;
    }
    case 'empty':
      item.placeholders = s.empty!.placeholders;
      item.note = s.empty!.kind === 'placeholder' ? L(`仅有占位符：${item.placeholders.join('、')}`, `placeholders only: ${item.placeholders.join(', ')}`) : L('没有内容', 'no content');
      if (s.empty!.kind === 'no-content') fixFrom('empty-section');
      break;
    case 'missing': {
      if (s.missingItems?.length) {
        item.missingItems = s.missingItems;
        const labels = statementLabels(r, s.missingItems);
        item.note = L(`缺少${labels.zh}`, `lacks ${labels.en}`);
      } else if (item.misplacedAt) {
        item.note = L(`第 ${item.misplacedAt.line + 1} 行的标题不在上级章节之下`, `its heading on line ${item.misplacedAt.line + 1} is not under its parent`);
      } else if (s.missingAncestor && group) {
        item.note = L(`随 ${s.missingAncestor} 一并缺少`, `missing with ${s.missingAncestor}`);
      } else if (s.recommended) {
        item.note = L('建议项', 'recommended');
      } else if (s.because) {
        item.note = L(`触发条件：${s.because.zh}`, `because ${s.because.en}`);
      }
      fixFrom('missing-section', s.missingAncestor ?? r.id);
      break;
    }
    case 'not-required': {
      const off = offText(s);
      if (off) {
        item.switchedOff = off;
        item.note = off.text;
      }
      break;
    }
    case 'present':
      if (item.answeredBy?.reference) item.note = L(`以引用作答：${item.answeredBy.reference}`, `answered by reference to ${item.answeredBy.reference}`);
      else if (item.answeredBy) item.note = item.answeredBy.kind === 'row' ? L(`由第 ${item.location!.line + 1} 行的表格行作答`, `answered by the table row on line ${item.location!.line + 1}`) : L(`由第 ${item.location!.line + 1} 行的标注段落作答`, `answered by the label on line ${item.location!.line + 1}`);
      else if (s.because) item.note = L(`触发条件：${s.because.zh}`, `because ${s.because.en}`);
      break;
  }
  return item;
}

function statementLabels(r: Requirement, items: string[]): Localized {
  const els = (r.checks ?? []).flatMap((c) => (c.kind === 'statement' ? c.elements : []));
  const ls = items.map((i) => els.find((e) => e.item === i)?.label ?? { zh: i, en: i });
  return { zh: ls.map((l) => l.zh).join('、'), en: ls.map((l) => l.en).join(', ') };
}

/** The dossier's "N of M" (the language status item): from its last state. */
/** The checklist of a dossier state as the status item reads it (counts only; zh-CN labels). */
export function dossierChecklist(state: DossierState, reports?: FileReport[]): Checklist {
  const root = state.yamlPath ? path.dirname(state.yamlPath) : path.dirname(state.files[0]?.path ?? '.');
  return buildChecklist(state, reports ?? [], { locale: 'zh-CN', root });
}
