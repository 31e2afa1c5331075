// The checklist and report requests of the language server (issue 7), answered from the
// engine's cached state of the one dossier asked about (checked alone when the cache is stale;
// never the whole workspace per request). Like every handler of the server, a failure is logged
// and answered with null, never thrown to the client.

import { ResponseError, type Connection } from 'vscode-languageserver';
import type { WorkspaceScope } from './scope';
import { URI } from 'vscode-uri';
import { pathOfUri } from '../shared/uri';
import { isLocale, type Engine, type Locale, packageVersion } from '../engine';
import { checklist, checklists, type Checklist } from '../features/checklist';
import { dossierReport, render, reportFileName, REPORT_FORMATS } from '../report';
import {
  ChecklistRequest,
  type ChecklistParams,
  ChecklistsRequest,
  type ChecklistsParams,
  ReportRequest,
  type ReportParams,
  type ReportResult,
} from '../shared/protocol';

export interface ChecklistDeps {
  engine: Engine;
  /** The message language of a file (the server's rc → setting → editor resolution). */
  localeFor(file: string): Locale;
  /** URI → path (default: file URIs to their fsPath). */
  pathOf?(uri: string): string;
  /** Where failures are logged (default: the connection's console). */
  error?(where: string, e: unknown): void;
  /** Loads the editor settings of a resource before the engine reads them (the server's ensureSettings). */
  ensureSettings?(uri: string): Promise<void>;
  /** The workspace folders: a URI outside them is refused with a ResponseError (scope.ts). */
  scope?: WorkspaceScope;
  /** The language of such a refusal (the editor's). */
  clientLocale?(): Locale;
}

export function registerChecklistRequests(connection: Connection, deps: ChecklistDeps): void {
  const plainPathOf = deps.pathOf ?? pathOfUri;
  // A request names a URI: inside the workspace folders, or refused (thrown, not answered null).
  const pathOf = (uri: string) => (deps.scope ? deps.scope.pathOf(uri, deps.clientLocale?.() ?? 'zh-CN') : plainPathOf(uri));
  const toUri = (file: string) => URI.file(file).toString();
  const fail = (where: string, e: unknown) => {
    if (deps.error) deps.error(where, e);
    else connection.console.error(`[cyberdossier] ${where}: ${(e as Error)?.stack ?? String(e)}`);
  };

  connection.onRequest(ChecklistRequest, async (p: ChecklistParams): Promise<Checklist | null> => {
    try {
      if (!p?.uri) return null;
      const file = pathOf(p.uri);
      await deps.ensureSettings?.(p.uri);
      return checklist(deps.engine, file, deps.localeFor(file), { toUri }) ?? null;
    } catch (e) {
      if (e instanceof ResponseError) throw e;
      fail('checklist', e);
      return null;
    }
  });

  connection.onRequest(ChecklistsRequest, async (p: ChecklistsParams): Promise<Checklist[]> => {
    try {
      if (!p?.uri) return [];
      const folder = pathOf(p.uri);
      await deps.ensureSettings?.(p.uri);
      return checklists(deps.engine, folder, deps.localeFor(folder), { toUri });
    } catch (e) {
      if (e instanceof ResponseError) throw e;
      fail('checklists', e);
      return [];
    }
  });

  connection.onRequest(ReportRequest, async (p: ReportParams): Promise<ReportResult | null> => {
    try {
      if (!p?.uri || !REPORT_FORMATS.includes(p.format)) return null;
      const file = pathOf(p.uri);
      await deps.ensureSettings?.(p.uri);
      const locale: Locale = isLocale(p.locale) ? p.locale : deps.localeFor(file);
      const r = dossierReport(deps.engine, file, locale, { toUri });
      if (!r) return null;
      const table = p.format === 'csv' && p.table === 'trace' ? 'trace' : 'checklist';
      return { text: render(r, p.format, locale, { now: new Date(), generator: `CyberDossier ${packageVersion()}`, table }), fileName: reportFileName(r, p.format, table) };
    } catch (e) {
      if (e instanceof ResponseError) throw e;
      fail('report', e);
      return null;
    }
  });
}
