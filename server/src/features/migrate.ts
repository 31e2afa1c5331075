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
import { localize, LineIndex, type Engine, type Locale, type DossierState, type Localized, type Position, type Range } from '../engine';
import type { MigrationEdit } from './migrate/edits';
import { GUIDELINE_2022, type ManualItem } from './migrate/mapping';
import { planDossier, planMigration, type FileMigration, type MigrationPlan, type MigrationStepId } from './migrate/plan';
import type { DocView } from './view';

export type { MigrationEdit } from './migrate/edits';
export { applyEdits } from './migrate/edits';
export type { ManualItem } from './migrate/mapping';
export { SAFETY_LEVEL_PLACEHOLDER, USER_ACCESS_PLACEHOLDER } from './migrate/frontmatter';

export { MIGRATION_STEPS, planDossier, planMigration, type FileMigration, type MigrationMove, type MigrationPlan, type MigrationStepId, type PlanOptions } from './migrate/plan';

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
