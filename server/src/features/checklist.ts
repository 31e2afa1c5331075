// The requirement checklist of a dossier (issue 7): every document kind its submission needs
// (and every kind present), under each its requirements in catalogue order with a status —
// present, not applicable (with the reason), missing, empty (placeholders only, or nothing), or
// not required here (with what switched it off) — the findings on it, where it is, and what a
// client needs to ask for its quick fix. Plain JSON: it goes over LSP (cyberdossier/checklist),
// and the report renderers (../report) print it. Pure over the engine's state: no editor API.

import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Engine, FileReport } from '../engine/engine';
import { addTotals, countSeverities, highestSeverity, totalsOf, type SeverityTotals, type Totals } from '../engine/totals';
import type { Locale } from '../engine/config';
import { evaluate, getFact, mergeFacts, type ConditionContext, type Facts } from '../engine/facts/facts';
import type { FactValue } from '../engine/facts/schema';
import { emptyMatch, type HeadingRef } from '../engine/match';
import type { DocGroup, DossierState, FileState } from '../engine/rules/context';
import { DEFAULT_RULESET, getRuleSet } from '../engine/rulesets';
import type { DocumentKind, Localized, Requirement, RuleSet, Severity, SubmissionCase } from '../engine/rulesets/types';
import type { Range } from '../engine/text';
import { DOSSIER_YAML, findDossierRoots, walkMarkdown, comparePaths } from '../engine/workspace';
import { explainCondition, type FactLeaf } from './explain';
import { requirementStatuses, type DiagnosticLike, type RequirementState, type RequirementStatus } from './view';

export type { RequirementStatus } from './view';
export const STATUSES: RequirementStatus[] = ['present', 'not-applicable', 'missing', 'empty', 'not-required'];

export interface ChecklistLocation {
  path: string;
  /** Relative to the dossier folder, `/`-separated. */
  relPath: string;
  uri: string;
  /** 0-based line of the heading (or of the anchor). */
  line: number;
  range: Range;
}

export interface FindingCount {
  total: number;
  error: number;
  warning: number;
  info: number;
  hint: number;
  highest?: Severity;
}

/** Enough for a client to ask for the code action: the diagnostic as the server published it. */
export interface QuickFix {
  path: string;
  uri: string;
  diagnostic: { code: string; range: Range; severity: Severity; message: Localized; data: Record<string, unknown> };
}

export interface SwitchedOff {
  /**
   * condition: its condition is false (facts); unknown: an invalid fact decides nothing;
   * changes-only: a change submission's T/I documents describe changes only; suppressed: turned
   * off in configuration or by a suppression comment; parent: its parent is not required;
   * document: the document itself is not part of this submission.
   */
  kind: 'condition' | 'unknown' | 'changes-only' | 'suppressed' | 'parent' | 'document';
  /** The facts with their actual values (condition / unknown / parent). */
  facts: FactLeaf[];
  text: Localized;
}

export interface ChecklistItem {
  id: string;
  title: Localized;
  clause: string;
  /** 0 for a top-level requirement (D1), 1 for D1.1, … */
  depth: number;
  parent?: string;
  status: RequirementStatus;
  /** Counts in M (“N of M required sections present”). */
  required: boolean;
  /** Recommended only (the guideline says 可): shown, not counted. */
  recommended: boolean;
  /** Counts in N: present, or not applicable with a reason. */
  satisfied: boolean;
  /** The short line a view shows beside the status (reason, switched-off fact, placeholder…). */
  note?: Localized;
  /** not-applicable: the reason's first sentence as written ('' when none was given). */
  reason?: string;
  /** not-applicable: the ancestor whose 不适用 answer covers this one. */
  coveredBy?: string;
  switchedOff?: SwitchedOff;
  /** A conditional requirement that applies: the facts that switched it on. */
  requiredBecause?: Localized;
  /** empty: the placeholders left (none when the section has no content at all). */
  placeholders?: string[];
  /** missing (statement kinds): the elements not found. */
  missingItems?: string[];
  location?: ChecklistLocation;
  /** Answered without a heading (requirements.md §3a): how, and the reference when it gives one. */
  answeredBy?: { kind: 'label' | 'row' | 'reference'; reference?: string };
  /** missing: a heading for it that sits in the wrong place. */
  misplacedAt?: ChecklistLocation;
  findings: FindingCount;
  quickFix?: QuickFix;
}

export type DocumentStatus = 'present' | 'missing' | 'rejected' | 'unchecked' | 'not-required';

export interface Counts {
  /** M: required sections. */
  required: number;
  /** N: required sections present (or not applicable with a reason). */
  present: number;
  byStatus: Record<RequirementStatus, number>;
  findings: FindingCount;
}

export interface ChecklistDocument {
  kind: string;
  name: Localized;
  clause: string;
  /** What the submission says of this kind. */
  role: 'required' | 'accepted' | 'rejected' | 'other';
  status: DocumentStatus;
  note?: Localized;
  files: { path: string; relPath: string; uri: string }[];
  requirements: ChecklistItem[];
  counts: Counts;
  /** missing: what a client needs to create it (the `cyberdossier.newDocument` command). */
  create?: { kind: string; ruleset: string; folder: string; folderUri: string; fileName: string };
  /** Other kinds that would do instead (a requirement with alternatives). */
  alternatives?: string[];
}

export interface Checklist {
  version: 1;
  locale: Locale;
  /** The dossier folder (the dossier.yaml's folder; a lone file's folder). */
  root: string;
  rootUri: string;
  /** Product name and model, else the folder's name. */
  name: string;
  dossierYaml?: { path: string; uri: string };
  ruleset: { id: string; name: Localized; guideline: Localized };
  product: { name?: string; model?: string; class?: string; softwareVersion?: string };
  submission: {
    /** The `submission` fact and `updates`, as declared. */
    value?: string;
    updates?: string[];
    label?: Localized;
    clause?: string;
    needs: string[];
    accepts: string[];
    rejects: string[];
    /** Why no case applies (no or invalid `submission`, a change without `updates`…). */
    problem?: Localized;
  };
  scope: { applies: boolean; reason?: Localized };
  documents: ChecklistDocument[];
  /** The dossier: every document except rejected ones; missing documents count fully. */
  counts: Counts;
  /** Findings on dossier.yaml and on files that are not of a listed kind. */
  otherFindings: FindingCount;
  /**
   * Every finding of the dossier (its documents, rejected ones included, dossier.yaml, the rc
   * file): the totals every surface shows (engine/totals.ts) — the CLI's summary of the folder.
   */
  totals: Totals;
}

export interface ChecklistOptions {
  /** file path → URI (the language server passes vscode-uri's). */
  toUri?: (file: string) => string;
  /** Check again instead of using the engine's last state. */
  fresh?: boolean;
}

const defaultUri = (f: string) => pathToFileURL(f).href;

// ---- dossier resolution and state -------------------------------------------------------------

export interface DossierRef {
  yamlPath?: string;
  root: string;
  members: string[];
}

/** The dossier a file or folder belongs to (a folder without dossier.yaml at or above it: none). */
export function resolveDossier(engine: Engine, target: string): DossierRef | undefined {
  const host = engine.host;
  const abs = path.resolve(target);
  if (host.isDirectory(abs)) {
    const own = path.join(abs, DOSSIER_YAML);
    const yaml = host.exists(own) ? own : engine.dossierYamlFor(path.join(abs, '__any__.md'));
    if (!yaml) return undefined;
    return { yamlPath: yaml, root: path.dirname(yaml), members: walkMarkdown(host, path.dirname(yaml), { stopAtDossier: true }) };
  }
  if (!host.exists(abs)) return undefined;
  if (path.basename(abs) === DOSSIER_YAML) return { yamlPath: abs, root: path.dirname(abs), members: walkMarkdown(host, path.dirname(abs), { stopAtDossier: true }) };
  const yaml = engine.dossierYamlFor(abs);
  if (!yaml) return { root: path.dirname(abs), members: [abs] };
  const members = walkMarkdown(host, path.dirname(yaml), { stopAtDossier: true });
  if (!members.includes(abs)) members.push(abs);
  return { yamlPath: yaml, root: path.dirname(yaml), members: members.sort(comparePaths) };
}

/**
 * Every dossier at or below a folder: each folder holding dossier.yaml, and each dossier file
 * (frontmatter with `document:`) outside them, a dossier of one.
 */
export function dossiersIn(engine: Engine, folder: string): DossierRef[] {
  const host = engine.host;
  const abs = path.resolve(folder);
  const above = resolveDossier(engine, abs);
  if (above) return [above];
  const roots = findDossierRoots(host, abs);
  const out: DossierRef[] = roots.map((r) => resolveDossier(engine, r)!).filter(Boolean);
  const inRoot = (f: string) => roots.some((r) => f.startsWith(r + path.sep));
  for (const f of walkMarkdown(host, abs)) {
    if (inRoot(f)) continue;
    const head = host.readFile(f)?.slice(0, 4000) ?? '';
    if (/^---\r?\n(?:[^\n]*\r?\n)*?document\s*:/.test(head)) out.push({ root: path.dirname(f), members: [f] });
  }
  return out;
}

/**
 * The dossier's state. Cached (the editor): the engine's last state when it still matches the
 * files (same members, same text), else a check of this dossier alone, which the engine keeps for
 * the next request. Fresh (the CLI): a check of the dossier folder, dossier.yaml's findings
 * included.
 */
export function dossierState(engine: Engine, d: DossierRef, fresh = false): { state: DossierState; reports: FileReport[] } {
  if (!fresh) {
    const cached = cachedState(engine, d);
    if (cached && isCurrent(engine, cached.state, d)) return cached;
    // Much text to parse (a large edit the server is parsing in slices): answer with the last
    // state rather than block; the server's checked notification brings the next request.
    if (cached && engine.uncachedChunks({ files: d.members }).reduce((n, t) => n + t.length, 0) > 64_000) return cached;
    if (d.members.length) {
      engine.check({ files: d.members, dossier: true });
      const again = cachedState(engine, d);
      if (again) return again;
    }
  }
  const r = engine.checkDossier({ members: d.members, yamlPath: d.yamlPath, scope: d.yamlPath !== undefined ? 'folder' : 'files' });
  const rc = [...r.rcFindings].filter(([, f]) => f.length).map(([p, f]) => engine.rcReport(p, f));
  return { state: r.state, reports: [...r.files, ...(r.yaml ? [r.yaml] : []), ...rc] };
}

function cachedState(engine: Engine, d: DossierRef): { state: DossierState; reports: FileReport[] } | undefined {
  for (const m of d.members) {
    const s = engine.stateOf(m);
    if (s && s.state.yamlPath === d.yamlPath && (d.yamlPath || s.state.files.some((f) => f.path === m))) return { state: s.state, reports: s.reports };
  }
  return undefined;
}

/** The state was computed from the files as they are now (members, texts, dossier.yaml). */
function isCurrent(engine: Engine, state: DossierState, d: DossierRef): boolean {
  const paths = new Set(state.files.map((f) => f.path));
  if (paths.size !== d.members.length || d.members.some((m) => !paths.has(m))) return false;
  if (state.yamlPath && engine.host.readFile(state.yamlPath) !== state.yamlLines?.text) return false;
  return state.files.every((f) => f.tooLarge || engine.host.readFile(f.path) === f.text);
}

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
