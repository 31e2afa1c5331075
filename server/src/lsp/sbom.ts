// The SBOM import as a custom request of the language server (a thin adapter over server/src/sbom,
// which the CLI uses too). The SBOM is read through the engine's host, so an unsaved bom.json
// open in the editor is what gets imported.

import { type Connection, ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { localize, type Engine, type Locale } from '../engine';
import { importResult, loadSbom } from '../sbom';
import { SbomImportRequest, type SbomImportParams, type SbomImportResult } from '../shared/protocol';
import type { WorkspaceScope } from './scope';

export interface SbomRequestOptions {
  /** Locale when neither the request nor the target's configuration sets one (the editor's). */
  locale?: (file: string) => Locale | undefined;
  /** The workspace folders: both URIs of a request must lie inside them (scope.ts). */
  scope?: WorkspaceScope;
  /** The language of a refusal (the editor's). */
  clientLocale?: () => Locale;
}

/** Registers `cyberdossier/sbomImport`. */
export function registerSbomRequests(connection: Connection, getEngine: () => Engine, opts: SbomRequestOptions = {}): void {
  connection.onRequest(SbomImportRequest, (p: SbomImportParams): SbomImportResult => {
    if (!p || typeof p.uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'uri is required');
    if (p.locale !== undefined && p.locale !== 'zh-CN' && p.locale !== 'en') throw new ResponseError(ErrorCodes.InvalidParams, `locale must be zh-CN or en, not ${String(p.locale)}`);
    if (p.table !== undefined && p.table !== 'ots' && p.table !== 'patches') throw new ResponseError(ErrorCodes.InvalidParams, `table must be ots or patches, not ${String(p.table)}`);
    const engine = getEngine();
    const toPath = (uri: string, what: string): string => {
      if (opts.scope) return opts.scope.pathOf(uri, p.locale ?? opts.clientLocale?.() ?? 'zh-CN', what);
      const u = URI.parse(uri);
      if (u.scheme !== 'file') throw new ResponseError(LSPErrorCodes.RequestFailed, `Only file URIs are supported: ${uri}`);
      return u.fsPath;
    };
    const file = toPath(p.uri, 'uri');
    const target = p.targetUri ? toPath(p.targetUri, 'targetUri') : undefined;
    const locale: Locale = p.locale ?? (target ? engine.configFor(target).config.locale : undefined) ?? opts.locale?.(target ?? file) ?? 'zh-CN';
    const loaded = loadSbom(file, engine.host);
    if (!loaded.ok) {
      const e = loaded.error;
      const pick = (l: { zh: string; en: string }) => localize(l, locale);
      const issues = e.issues.slice(0, 5).map((i) => `${i.path}: ${pick(i.message)}`);
      const more = e.issueCount > 5 ? [locale === 'en' ? `… and ${e.issueCount - 5} more` : `……另有 ${e.issueCount - 5} 处问题`] : [];
      throw new ResponseError(LSPErrorCodes.RequestFailed, [pick(e.localized), ...issues, ...more].join('\n'));
    }
    return importResult(loaded.sbom, p.table ?? 'ots', locale);
  });
}
