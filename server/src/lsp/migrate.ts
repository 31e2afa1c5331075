// The migration request of the language server (issue 6 part 3): `cyberdossier/migrate` answers
// with the WorkspaceEdit that migrates a dossier (or every dossier below a folder) to NMPA 2022,
// and the list of what the user must still decide. The server never writes: the client applies
// the edit (undoable) after asking. Like every handler of the server, a failure is logged and
// answered with null, never thrown to the client.

import * as path from 'node:path';
import { ResponseError, type Connection } from 'vscode-languageserver';
import type { WorkspaceScope } from './scope';
import { URI } from 'vscode-uri';
import { pathOfUri } from '../shared/uri';
import { isLocale, localize, type Engine, type Locale, type DossierSnapshot, DOSSIER_YAML } from '../engine';
import {
  manualSummary,
  MIGRATION_STEPS,
  planMigration,
  resolveMigrationAction,
  type MigrationCodeAction,
  type MigrationEdit,
  type MigrationPlan,
  type MigrationStepId,
} from '../features/migrate';
import { MigrateRequest, type MigrateParams, type MigrateResult, type MigrateStep } from '../shared/protocol';

export interface MigrationDeps {
  engine: Engine;
  /** The message language of a file (the server's rc → setting → editor resolution). */
  localeFor(file: string): Locale;
  /** URI → path (default: file URIs to their fsPath). */
  pathOf?(uri: string): string;
  /** Path → URI (default: file URIs). */
  toUri?(file: string): string;
  /** Where failures are logged (default: the connection's console). */
  error?(where: string, e: unknown): void;
  /** Loads the editor settings of a resource before the engine reads them (the server's ensureSettings). */
  ensureSettings?(uri: string): Promise<void>;
  /** The workspace folders: a URI outside them is refused with a ResponseError (scope.ts). */
  scope?: WorkspaceScope;
  /** The language of such a refusal (the editor's). */
  clientLocale?(): Locale;
}

const STEPS: MigrateStep[] = ['all', ...MIGRATION_STEPS];


export function registerMigration(connection: Connection, deps: MigrationDeps): void {
  const pathOf = deps.pathOf ?? pathOfUri;
  const toUri = deps.toUri ?? ((f: string) => URI.file(f).toString());
  const fail = (where: string, e: unknown) => {
    if (deps.error) deps.error(where, e);
    else connection.console.error(`[cyberdossier] ${where}: ${(e as Error)?.stack ?? String(e)}`);
  };
  connection.onRequest(MigrateRequest, async (p: MigrateParams): Promise<MigrateResult | null> => {
    try {
      if (!p?.uri) return null;
      const steps: MigrateStep = p.steps && STEPS.includes(p.steps) ? p.steps : 'all';
      const target = deps.scope ? deps.scope.pathOf(p.uri, deps.clientLocale?.() ?? 'zh-CN') : pathOf(p.uri);
      await deps.ensureSettings?.(p.uri);
      const locale: Locale = isLocale(p.locale) ? p.locale : deps.localeFor(target);
      return migrate(deps.engine, target, steps, locale, toUri);
    } catch (e) {
      if (e instanceof ResponseError) throw e;
      fail('migrate', e);
      return null;
    }
  });
}

/** One dossier a request stands for: its read-only state, and a file the engine found it by. */
export interface TargetDossier {
  readonly snapshot: DossierSnapshot;
  /** A path of the dossier (a member, dossier.yaml or the rc file) that the planner resolves it by. */
  readonly file: string;
}

/** The dossiers a path stands for: a file's, a dossier.yaml's, or every one at or below a folder. */
export function dossiersOf(engine: Engine, target: string): TargetDossier[] {
  const host = engine.host;
  const out: TargetDossier[] = [];
  const add = (file: string, s: DossierSnapshot | undefined) => {
    if (s && !out.some((d) => d.snapshot === s)) out.push({ snapshot: s, file });
  };
  if (host.isDirectory(target) || path.basename(target) === DOSSIER_YAML) {
    const folder = host.isDirectory(target) ? target : path.dirname(target);
    const result = engine.check({ folders: [folder], members: true });
    for (const r of result.reports) {
      const s = engine.snapshotOf(r.path)?.state;
      if (s && (host.isDirectory(target) || s.yamlPath === target)) add(r.path, s);
    }
    return out;
  }
  engine.check({ files: [target], members: true });
  add(target, engine.snapshotOf(target)?.state);
  return out;
}

/** Plans every dossier of `target` and returns the edit for the steps asked for. */
export function migrate(engine: Engine, target: string, steps: MigrateStep, locale: Locale, toUri: (f: string) => string): MigrateResult {
  const pipeline = steps === 'all' || steps === 'templates';
  // The planner (features/migrate) reads the engine's state of the dossier the file resolves to:
  // the same state the snapshot shows, since nothing is checked in between.
  const plans = dossiersOf(engine, target)
    .map((d) => planMigration(engine, d.file, { locale, pipeline }))
    .filter((x): x is MigrationPlan => !!x);
  const changes: Record<string, MigrationEdit[]> = {};
  const blocked = new Set<MigrateStep>();
  for (const plan of plans) {
    for (const f of plan.files) {
      const edits = editsFor(f, steps);
      if (edits === undefined) blocked.add(steps);
      else if (edits.length) changes[toUri(f.path)] = edits;
    }
  }
  const base = engine.host.isDirectory(target) ? target : path.dirname(target);
  const manual = plans.flatMap((plan) => [
    ...plan.manual.map((m) => ({ uri: toUri(m.file), line: m.line, key: m.key, message: localize(m.message, locale) })),
    ...plan.problems.map((x) => ({ uri: toUri(x.file), line: x.line, key: 'problem', message: localize(x.message, locale) })),
  ]);
  return {
    edit: { changes },
    dossiers: plans.length,
    files: Object.keys(changes).length,
    edits: Object.values(changes).reduce((n, e) => n + e.length, 0),
    blocked: [...blocked],
    manual,
    summary: manualSummary(plans, locale, (p) => path.relative(base, p).split(path.sep).join('/') || path.basename(p)),
  };
}

function editsFor(f: MigrationPlan['files'][number], steps: MigrateStep): MigrationEdit[] | undefined {
  if (steps === 'all') return f.all;
  return f.steps[steps as MigrationStepId];
}

/**
 * A codeAction/resolve handler for the whole-dossier action of `migrationActions` (clients
 * without the `cyberdossier.migrateTo2022` command get an action with `data` and no edit). Wire
 * it into the server's onCodeActionResolve; other actions are returned unchanged.
 */
export function resolveMigration(deps: MigrationDeps): (action: MigrationCodeAction) => MigrationCodeAction {
  const pathOf = deps.pathOf ?? pathOfUri;
  const toUri = deps.toUri ?? ((f: string) => URI.file(f).toString());
  return (action) => {
    const req = action.data?.cyberdossierMigrate;
    if (!req) return action;
    const file = pathOf(req.uri);
    deps.engine.check({ files: [file], members: true });
    return resolveMigrationAction(deps.engine, action, pathOf, toUri, deps.localeFor(file));
  };
}
