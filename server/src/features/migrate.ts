// *Migrate this dossier to NMPA 2022* (issue 6, part 3): a plan of text edits that turns a 2017
// dossier into a 2022 one — frontmatter (guideline, document kind, renamed values, the new facts
// as placeholders), headings (renames, new parents, re-nesting), moves (a section with its whole
// subtree under its new parent), and the newly required sections as templates — preserving every
// word the user wrote. Pure: reads the engine's state, returns LSP-shaped edits; no editor API.
//
// Steps and how they compose:
//   1 frontmatter  the dossier's frontmatters and dossier.yaml (./migrate/frontmatter.ts)
//   2 headings     renames, new skeleton parents, `#` levels — never moves text
//   3 moves        each a delete + insert of a subtree, offered one by one ("never silently")
//   4 templates    the 2022 missing-section quick fixes of the migrated text, checked in memory
// The plan runs them as a pipeline (each on the text the previous ones produce) and composes
// their edits into one list on the current text (`all`). For a single step on the current text
// (code actions, `steps: 'moves'`) a step is offered only when the steps it builds on are done:
// moves need the headings step done, templates need every other step done. Frontmatter and
// headings are independent. A step on a migrated text is empty: the plan is idempotent.

import * as path from 'node:path';
import { localize, buildModel, getRuleSet, LineIndex, normalize, type Engine, type Locale, type DocModel, type DossierState, type FileState, type DocumentKind, type Localized, type Position, type Range } from '../engine';
import { applyOffsets, composePipeline, sortEdits, toRanges, type MigrationEdit, type OffsetEdit } from './migrate/edits';
import { dossierYamlSource, frontmatterSource, planFrontmatter, rawFacts, rawKind, type YamlSource } from './migrate/frontmatter';
import { planStructure, type StructurePlan } from './migrate/headings';
import {
  GUIDELINE_2022,
  KIND_MAPS,
  MANUAL_BY_REQUIREMENT,
  MANUAL_NEW_CONTENT,
  kind2022,
  kindMapFor,
  ruleset2022Registered,
  type KindMap,
  type ManualItem,
} from './migrate/mapping';
import { planTemplates } from './migrate/templates';
import type { DocView } from './view';

export type { MigrationEdit } from './migrate/edits';
export { applyEdits } from './migrate/edits';
export type { ManualItem } from './migrate/mapping';
export { SAFETY_LEVEL_PLACEHOLDER, USER_ACCESS_PLACEHOLDER } from './migrate/frontmatter';

export type MigrationStepId = 'frontmatter' | 'headings' | 'moves' | 'templates';
export const MIGRATION_STEPS: MigrationStepId[] = ['frontmatter', 'headings', 'moves', 'templates'];

export interface MigrationMove {
  /** The moved section's heading and the heading it goes under ('' = top level). */
  heading: string;
  under: string;
  /** 0-based line of the moved heading in the current text. */
  line: number;
  requirement?: string;
  title: Localized;
  edits: MigrationEdit[];
}

export interface FileMigration {
  path: string;
  /** 2017 kind → 2022 kind (undefined for dossier.yaml). */
  from?: string;
  to?: string;
  /** Each step's edits on the current text; `undefined` when it waits for an earlier step. */
  steps: Record<MigrationStepId, MigrationEdit[] | undefined> & { frontmatter: MigrationEdit[] };
  /** The moves step one move at a time (each applicable alone); empty while headings are pending. */
  moves: MigrationMove[];
  /** All steps composed: edits on the current text (sorted, non-overlapping). */
  all: MigrationEdit[];
  /** The current text and the text after all steps. */
  text: string;
  result: string;
}

export interface MigrationPlan {
  /** dossier.yaml, or the file for a dossier of one. */
  dossier: string;
  files: FileMigration[];
  /** Things only the user can decide or write (§13 "manual"), per file. */
  manual: ManualItem[];
  /** Headings the plan could not rewrite (setext headings changing level, nesting beyond 6). */
  problems: { file: string; line: number; message: Localized }[];
  /** The nmpa-2022 rule set is registered (without it there is no templates step). */
  templates: boolean;
}

export interface PlanOptions {
  /** Language of inserted templates and messages' choice; default zh-CN. */
  locale?: Locale;
  /** Compute the whole pipeline with templates (a check in memory); default true. */
  pipeline?: boolean;
}

interface Member {
  path: string;
  state: FileState;
  text: string;
  src?: YamlSource;
  map: KindMap;
  from: string;
  to: string;
  kind17?: DocumentKind;
  kind22?: DocumentKind;
}

/** The dossier of `file` (which the engine must have checked), planned; undefined if none of its files migrates. */
export function planMigration(engine: Engine, file: string, opts: PlanOptions = {}): MigrationPlan | undefined {
  let s = engine.stateOf(file);
  if (!s) {
    engine.check({ files: [file], members: true });
    s = engine.stateOf(file);
  }
  if (!s) return undefined;
  return planDossier(engine, s.state, opts);
}

export function planDossier(engine: Engine, d: DossierState, opts: PlanOptions = {}): MigrationPlan | undefined {
  const locale = opts.locale ?? 'zh-CN';
  const yaml = d.yamlPath ? dossierYamlSource(d.yamlPath, d.yamlLines?.text ?? engine.host.readFile(d.yamlPath) ?? '') : undefined;
  const members: Member[] = [];
  for (const f of d.files) {
    if (!f.isDossier || f.tooLarge) continue;
    const src = frontmatterSource(f.path, f.text, f.yaml);
    const m = memberOf(f, src, yaml);
    if (m) members.push(m);
  }
  if (!members.length) return undefined;
  const plan: MigrationPlan = { dossier: d.yamlPath ?? members[0].path, files: [], manual: [], problems: [], templates: ruleset2022Registered() };

  // Step 1 on the current texts (dossier-wide).
  const fm = planFrontmatter({ files: members.filter((m) => m.src).map((m) => ({ path: m.path, src: m.src!, kind2017: m.from })), dossierYaml: yaml });
  plan.manual.push(...fm.manual);
  const fmPending = [...fm.edits.values()].some((e) => e.length > 0);

  // Per file: steps 2–3 on the current text, and the pipeline 1 → 2 → 3.
  const after3 = new Map<string, string>();
  const pipe = new Map<string, OffsetEdit[][]>();
  const current = new Map<string, { headings: StructurePlan; moves?: StructurePlan; model: DocModel }>();
  for (const m of members) {
    const model = m.state.model ?? buildModel(m.text, engine.chunks);
    const input = structureInput(m, model);
    const headings = planStructure(input, 'headings');
    const moves = headings.edits.length ? undefined : planStructure(input, 'moves');
    current.set(m.path, { headings, moves, model });
    for (const p of headings.problems) plan.problems.push({ file: m.path, line: p.line, message: problemText(p.reason, p.title) });
    plan.manual.push(...manualFor(m, model));
    if (opts.pipeline === false) continue;
    const e1 = fm.edits.get(m.path) ?? [];
    const t1 = applyOffsets(m.text, e1);
    const e2 = t1 === m.text ? headings.edits : planStructure(structureInput(m, buildModel(t1, engine.chunks)), 'headings').edits;
    const t2 = applyOffsets(t1, e2);
    const s3 = t2 === m.text && moves ? moves : planStructure(structureInput(m, buildModel(t2, engine.chunks)), 'moves');
    const e3 = [...s3.edits, ...s3.moves.flatMap((x) => x.edits)];
    const t3 = applyOffsets(t2, e3);
    pipe.set(m.path, [e1, e2, e3]);
    after3.set(m.path, t3);
  }

  // Step 4: the 2022 quick fixes of the migrated texts, in memory.
  let templates: Map<string, { edits: OffsetEdit[]; text: string }> | undefined;
  if (opts.pipeline !== false && plan.templates) {
    const texts = new Map(after3);
    if (yaml) texts.set(yaml.path, applyOffsets(yaml.text, fm.edits.get(yaml.path) ?? []));
    templates = planTemplates(engine, texts, members.map((m) => m.path), locale).files;
  }
  // Templates on the current text, when every other step is done there.
  let currentTemplates: Map<string, { edits: OffsetEdit[]; text: string }> | undefined;
  const structureDone = members.every((m) => {
    const c = current.get(m.path)!;
    return !c.headings.edits.length && c.moves && !c.moves.edits.length && !c.moves.moves.length;
  });
  if (opts.pipeline !== false && !fmPending && structureDone && plan.templates) {
    // Nothing else pending: the pipeline's texts are the current ones.
    currentTemplates = templates;
  }

  for (const m of members) {
    const lines = new LineIndex(m.text);
    const c = current.get(m.path)!;
    const steps = pipe.get(m.path);
    const e4 = templates?.get(m.path)?.edits ?? [];
    const composed = steps ? composePipeline(m.text, [...steps, e4]) : { edits: [], result: m.text };
    plan.files.push({
      path: m.path,
      from: m.from,
      to: m.to,
      steps: {
        frontmatter: toRanges(lines, sortEdits(fm.edits.get(m.path) ?? [])),
        headings: toRanges(lines, sortEdits(c.headings.edits)),
        moves: c.moves ? toRanges(lines, sortEdits([...c.moves.edits, ...c.moves.moves.flatMap((mv) => mv.edits)])) : undefined,
        templates: currentTemplates ? toRanges(lines, currentTemplates.get(m.path)?.edits ?? []) : undefined,
      },
      moves: c.moves ? c.moves.moves.map((mv) => moveOf(lines, c.model, mv, c.moves!.edits)) : [],
      all: toRanges(lines, composed.edits),
      text: m.text,
      result: composed.result,
    });
  }
  if (yaml) {
    const e = fm.edits.get(yaml.path) ?? [];
    if (e.length) {
      const lines = new LineIndex(yaml.text);
      const edits = toRanges(lines, [...e].sort((a, b) => a.start - b.start));
      plan.files.push({ path: yaml.path, steps: { frontmatter: edits, headings: [], moves: [], templates: [] }, moves: [], all: edits, text: yaml.text, result: applyOffsets(yaml.text, e) });
    }
  }
  if (!plan.templates) {
    plan.manual.push({
      key: 'templates-unavailable',
      file: plan.dossier,
      message: { zh: '未加载 nmpa-2022 规则集：新增章节模板未插入', en: 'The nmpa-2022 rule set is not loaded: the new sections were not inserted' },
    });
  }
  return plan;
}

function memberOf(f: FileState, src: YamlSource | undefined, yaml: YamlSource | undefined): Member | undefined {
  const rs = f.ruleset.id;
  let from: string | undefined;
  let map: KindMap | undefined;
  if (rs === GUIDELINE_2022 && f.kind) {
    map = kindMapFor(f.kind.id);
    from = map?.from;
  } else {
    from = f.kind && rs !== GUIDELINE_2022 ? f.kind.id : rawKind(src);
    map = KIND_MAPS.find((x) => x.from === from);
  }
  if (!from || !map) return undefined;
  const to = rs === GUIDELINE_2022 && f.kind ? f.kind.id : map.to(rawFacts(src, yaml));
  const kind17 = getRuleSet('nmpa-2017')?.kinds.find((k) => k.id === from);
  const kind22 = kind2022(to)?.kind;
  return { path: f.path, state: f, text: f.text, src, map, from, to, kind17, kind22 };
}

function structureInput(m: Member, model: DocModel) {
  return { model, kind17: m.kind17, kind22: m.kind22 ?? emptyKind(m.to), rows: m.kind22 ? m.map.rows : {}, aliases: m.state.config.aliases };
}

function emptyKind(id: string): DocumentKind {
  return { id, prefix: '', name: { zh: id, en: id }, aliases: [], clause: '', when: { zh: '', en: '' }, requirements: [] };
}

function moveOf(lines: LineIndex, model: DocModel, mv: StructurePlan['moves'][number], shared: OffsetEdit[]): MigrationMove {
  const h = model.headings[mv.heading];
  const under = mv.parentTitle;
  return {
    heading: mv.title,
    under,
    line: h?.line ?? 0,
    requirement: mv.requirement,
    title: under
      ? { zh: `将“${mv.title}”移到“${under}”之下`, en: `Move “${mv.title}” under “${under}”` }
      : { zh: `将“${mv.title}”移到顶层`, en: `Move “${mv.title}” to the top level` },
    edits: toRanges(lines, sortEdits([...shared, ...mv.edits])),
  };
}

function problemText(reason: 'setext' | 'too-deep' | 'title-markup', title: string): Localized {
  switch (reason) {
    case 'setext':
      return { zh: `标题“${title}”是下划线式（setext）标题，无法改变级别：请改为 # 标题后再迁移`, en: `The heading “${title}” is a setext (underlined) heading whose level cannot change: make it an ATX (#) heading and migrate again` };
    case 'too-deep':
      return { zh: `标题“${title}”迁移后超过 6 级，已放在第 6 级：请调整层级`, en: `The heading “${title}” would sit deeper than level 6 and was put at level 6: restructure it` };
    default:
      return { zh: `标题“${title}”含有格式标记，未改名：请按 2022 版标题手动改名`, en: `The heading “${title}” has inline markup and was not renamed: rename it to its 2022 title by hand` };
  }
}

function manualFor(m: Member, model: DocModel): ManualItem[] {
  const out: ManualItem[] = [];
  const kind17 = m.kind17;
  if (kind17) {
    // Which 2017 sections the file has (by heading title, wherever it now sits).
    const keys = new Map<string, number>();
    for (const h of model.headings) if (!keys.has(h.key)) keys.set(h.key, h.line);
    const seen = new Set<string>();
    for (const r of kind17.requirements) {
      const msg = MANUAL_BY_REQUIREMENT[r.id === 'D1.2' || r.id === 'D1.3' ? 'D1.1' : r.id === 'T2' ? 'T1' : r.id];
      if (!msg || seen.has(msg.zh)) continue;
      const line = [r.title.zh, r.title.en, ...r.synonyms].map((x) => keys.get(normalize(x))).find((l) => l !== undefined);
      if (line === undefined && !r.wholeDocument) continue;
      seen.add(msg.zh);
      out.push({ key: r.id, file: m.path, line, message: msg });
    }
  }
  const fresh = MANUAL_NEW_CONTENT[m.to === 'ots-cybersecurity-report' ? 'cybersecurity-research-report' : m.to];
  if (fresh) out.push({ key: 'new-content', file: m.path, message: fresh });
  return out;
}

// ---- code actions ------------------------------------------------------------------------------

// The code actions' plan (without templates), per dossier state and language: the engine makes a
// new state whenever a text of the dossier changes, so a cursor move reuses the last plan.
const plans = new WeakMap<DossierState, Map<Locale, MigrationPlan | undefined>>();
function cachedPlan(engine: Engine, d: DossierState, locale: Locale): MigrationPlan | undefined {
  let byLocale = plans.get(d);
  if (!byLocale) plans.set(d, (byLocale = new Map()));
  if (!byLocale.has(locale)) byLocale.set(locale, planDossier(engine, d, { locale, pipeline: false }));
  return byLocale.get(locale);
}

/** An LSP CodeAction, structurally (this module imports no LSP package). */
export interface MigrationCodeAction {
  title: string;
  kind: string;
  diagnostics?: { range: Range; code?: string | number; source?: string; message: string; data?: unknown }[];
  isPreferred?: boolean;
  edit?: { changes: Record<string, MigrationEdit[]> };
  command?: { title: string; command: string; arguments?: unknown[] };
  /** For codeAction/resolve: what to compute (the dossier migration is computed lazily). */
  data?: { cyberdossierMigrate: { uri: string; steps: 'all' } };
}

/**
 * The kinds (LSP CodeActionKind): the whole migration and its steps are source actions (the
 * Source Action menu, never the quick-fix list of a heading, issue 18 item 9).
 */
export const MIGRATE_KIND = 'source.migrate.nmpa2022';
export const MIGRATE_STEP_KIND = 'source.migrateSteps.nmpa2022';
export const MIGRATE_COMMAND = 'cyberdossier.migrateTo2022';

export interface MigrationActionContext {
  engine: Engine;
  uri: string;
  range: Range;
  locale: Locale;
  /** CodeActionContext.only, when the client restricted the kinds. */
  only?: string[];
  /** The diagnostics of the request (quick fixes attach to frontmatter-invalid / missing-section). */
  diagnostics?: MigrationCodeAction['diagnostics'];
  toUri(path: string): string;
  /** The client runs `cyberdossier.migrateTo2022` (VS Code): the dossier action is that command. */
  command?: boolean;
}

const t = (l: Localized, locale: Locale) => localize(l, locale);

function wanted(only: string[] | undefined, kind: string): boolean {
  if (!only?.length) return true;
  return only.some((o) => kind === o || kind.startsWith(`${o}.`));
}


/**
 * The migration code actions for a file: *Migrate this dossier to NMPA 2022…* (a source action,
 * anywhere; also the quick fix of the 2022 findings that name 2017 values, as the spec asks), and
 * the steps that can run on the current text (frontmatter, headings, each move) as source actions
 * when the client asks for source actions. Cheap: no check is run; the whole-dossier
 * action is a command (VS Code) or resolved lazily (`resolveMigrationAction`).
 */
export function migrationActions(view: DocView | undefined, ctx: MigrationActionContext): MigrationCodeAction[] {
  if (!view?.file.isDossier) return [];
  // Code actions are asked for on every cursor move: a native 2022 dossier pays for a plan only
  // when a frontmatter finding may name a 2017 value.
  const any2017 = view.state.files.some((f) => f.isDossier && f.ruleset.id !== GUIDELINE_2022);
  if (!any2017 && !(ctx.diagnostics ?? []).some((d) => d.code === 'frontmatter-invalid')) return [];
  const plan = cachedPlan(ctx.engine, view.state, ctx.locale);
  if (!plan) return [];
  const me = plan.files.find((f) => f.path === view.file.path);
  if (!me) return [];
  const en = ctx.locale === 'en';
  const out: MigrationCodeAction[] = [];
  const is2017 = view.file.ruleset.id !== GUIDELINE_2022;
  // A native 2022 dossier gets no "migrate" offer: only a 2017 file or a 2017 value does.
  const offer = any2017 || plan.files.some((f) => f.steps.frontmatter.length);

  const dossierAction = (kind: string, diagnostics?: MigrationCodeAction['diagnostics']): MigrationCodeAction => {
    const a: MigrationCodeAction = {
      title: en ? 'Migrate this dossier to NMPA 2022…' : '将此申报资料迁移到 NMPA 2022…',
      kind,
      ...(diagnostics ? { diagnostics, isPreferred: false } : {}),
    };
    if (ctx.command) a.command = { title: a.title, command: MIGRATE_COMMAND, arguments: [ctx.uri] };
    else a.data = { cyberdossierMigrate: { uri: ctx.uri, steps: 'all' } };
    return a;
  };
  if (is2017 || offer) {
    if (wanted(ctx.only, MIGRATE_KIND)) out.push(dossierAction(MIGRATE_KIND));
    // The 2022 findings on 2017 values (document kind, data.types health): the migration is their fix.
    const fixes = (ctx.diagnostics ?? []).filter((d) => d.source === 'cyberdossier' && d.code === 'frontmatter-invalid' && is2017Value(d, view.file.text));
    if (fixes.length && wanted(ctx.only, 'quickfix')) out.push(dossierAction('quickfix', fixes));
  }

  const changes = (f: (x: FileMigration) => MigrationEdit[] | undefined): Record<string, MigrationEdit[]> => {
    const c: Record<string, MigrationEdit[]> = {};
    for (const x of plan.files) {
      const e = f(x);
      if (e?.length) c[ctx.toUri(x.path)] = e;
    }
    return c;
  };
  const stepKind = (s: MigrationStepId) => `${MIGRATE_STEP_KIND}.${s}`;
  // The steps are source actions of the whole file: offered when the client asks for source
  // actions (a request without `only` is the quick-fix/lightbulb list, which they stay out of).
  const steps = (s: MigrationStepId) => !!ctx.only?.length && wanted(ctx.only, stepKind(s));
  if (plan.files.some((f) => f.steps.frontmatter.length) && steps('frontmatter')) {
    out.push({ title: en ? 'NMPA 2022 step 1: migrate the frontmatter (guideline, document kind, data types, new facts)' : 'NMPA 2022 第 1 步：迁移 frontmatter（指导原则、文档类型、数据类型、新增事实）', kind: stepKind('frontmatter'), edit: { changes: changes((x) => x.steps.frontmatter) } });
  }
  if (me.steps.headings?.length && steps('headings')) {
    out.push({ title: en ? 'NMPA 2022 step 2: rename and re-nest the headings' : 'NMPA 2022 第 2 步：标题改名并调整层级', kind: stepKind('headings'), edit: { changes: { [ctx.uri]: me.steps.headings } } });
  }
  for (const mv of me.moves) {
    const misplaced = (ctx.diagnostics ?? []).filter((d) => d.code === 'missing-section' && (d.data as { foundAt?: number } | undefined)?.foundAt === mv.line);
    // A move that is the fix of a 2022 finding (the section found misplaced) is that finding's quick fix.
    if (misplaced.length && wanted(ctx.only, 'quickfix')) out.push({ title: t(mv.title, ctx.locale), kind: 'quickfix', diagnostics: misplaced, isPreferred: true, edit: { changes: { [ctx.uri]: mv.edits } } });
    else if (steps('moves')) out.push({ title: t(mv.title, ctx.locale), kind: stepKind('moves'), edit: { changes: { [ctx.uri]: mv.edits } } });
  }
  return out;
}

/** A frontmatter finding on a value that only 2017 has (a 2017 kind, the 2017 data type). */
function is2017Value(d: NonNullable<MigrationActionContext['diagnostics']>[number], text: string): boolean {
  const data = (d.data ?? {}) as { path?: string };
  const lines = new LineIndex(text);
  const value = text.slice(lines.offsetAt(d.range.start), lines.offsetAt(d.range.end)).trim();
  if (data.path === 'document') return ['cybersecurity-description', 'patch-description', '网络安全描述文档', '常规安全补丁描述文档'].includes(value);
  if (/^data\.types(\.\d+)?$/.test(String(data.path ?? ''))) return value === 'health' || value === '健康数据';
  return false;
}

/** Fills the edit of a whole-dossier action (codeAction/resolve), or returns it unchanged. */
export function resolveMigrationAction(engine: Engine, action: MigrationCodeAction, pathOf: (uri: string) => string, toUri: (p: string) => string, locale: Locale): MigrationCodeAction {
  const req = action.data?.cyberdossierMigrate;
  if (!req) return action;
  const plan = planMigration(engine, pathOf(req.uri), { locale });
  if (!plan) return action;
  return { ...action, edit: { changes: Object.fromEntries(plan.files.filter((f) => f.all.length).map((f) => [toUri(f.path), f.all])) } };
}

// ---- summary ------------------------------------------------------------------------------------

/** The manual items as a Markdown document (the command shows it after migrating). */
export function manualSummary(plans: MigrationPlan[], locale: Locale, rel: (p: string) => string = (p) => path.basename(p)): string {
  const en = locale === 'en';
  const out: string[] = [en ? '# NMPA 2022 migration: what you still have to decide or write' : '# NMPA 2022 迁移：仍需您决定或填写的内容', ''];
  out.push(
    en
      ? 'The migration kept every word of the dossier. The items below need your decision or new content; the checker reports the placeholders (`<…>`) and the missing content until they are done.'
      : '迁移保留了申报资料中的全部原文。以下事项需要您决定或补写；在完成之前，检查器会报告占位符（`<…>`）和缺少的内容。',
    '',
  );
  for (const plan of plans) {
    const byFile = new Map<string, ManualItem[]>();
    for (const m of plan.manual) byFile.set(m.file, [...(byFile.get(m.file) ?? []), m]);
    for (const p of plan.problems) byFile.set(p.file, [...(byFile.get(p.file) ?? []), { key: 'problem', file: p.file, line: p.line, message: p.message }]);
    for (const [file, items] of byFile) {
      out.push(`## ${rel(file)}`, '');
      for (const it of items) out.push(`- ${it.line !== undefined ? (en ? `line ${it.line + 1}: ` : `第 ${it.line + 1} 行：`) : ''}${t(it.message, locale)}`);
      out.push('');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

export type { Position };
