// textDocument/codeAction and codeAction/resolve: the quick fixes of the findings in range
// (features/codeActions.ts), fix-all when asked for by kind, and the 2017 → 2022 migration offer
// (features/migrate), whose whole-dossier edit a client without the migrate command resolves.

import type { CodeActionParams, Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import type { Locale } from '../../engine';
import { codeActions, fixAllAction, FIX_ALL_KIND } from '../../features/codeActions';
import { migrationActions, type MigrationCodeAction } from '../../features/migrate';
import { viewOf } from '../../features/view';
import { pathOfUri } from '../../shared/uri';
import { resolveMigration, type MigrationDeps } from '../migrate';
import { toLsp } from '../convert';
import type { ServerContext } from '../context';

/** What the migration handlers need from the server (the request, and the resolve here). */
export function migrationDeps(ctx: ServerContext): MigrationDeps {
  return {
    engine: ctx.engine,
    localeFor: (f: string) => ctx.localeFor(f),
    pathOf: (u: string) => pathOfUri(u),
    error: (w: string, e: unknown) => ctx.logger.error(w, e),
    ensureSettings: (u: string) => ctx.settings.ensure(u),
  };
}

export function registerCodeActions(ctx: ServerContext): void {
  const c = ctx.connection;
  const resolveMigrate = resolveMigration(migrationDeps(ctx));
  c.onCodeActionResolve(ctx.logger.safe('code action resolve', undefined as never, (a) => resolveMigrate(a as MigrationCodeAction) as never));
  c.onCodeAction(
    ctx.logger.safe('code actions', [], (p) => {
      const doc = ctx.documents.get(p.textDocument.uri);
      if (!doc) return [];
      const file = pathOfUri(doc.uri);
      const locale = ctx.localeFor(file);
      return [...fixesOf(ctx, doc, file, locale, p), ...(migrationOffer(ctx, doc, file, locale, p) as never[])];
    }),
  );
}

/** The quick fixes of the findings in range, and fix-all when a kind asks for it. */
function fixesOf(ctx: ServerContext, doc: TextDocument, file: string, locale: Locale, p: CodeActionParams) {
  const only = p.context.only;
  const wants = (kind: string) => !only?.length || only.some((k) => k === kind || kind.startsWith(`${k}.`));
  // Every finding of the document, for fixes that cover several and for fix-all (cached check).
  let all: LspDiagnostic[] | undefined;
  const allOf = () => (all ??= (ctx.validation.check(doc).get(file)?.diagnostics ?? []).map((d) => toLsp(d, locale, doc.uri)));
  const base = { uri: doc.uri, text: doc.getText(), locale, version: doc.version, schema: ctx.rulesetOf(file).schema, snippets: ctx.client.snippetEdits };
  const fixes = !wants('quickfix')
    ? []
    : codeActions({ ...base, diagnostics: p.context.diagnostics, selectCommand: ctx.client.selectRange, all: p.context.diagnostics.some((d) => d.code === 'frontmatter-missing') ? allOf() : undefined });
  // Fix-all only when asked for by kind (Source Action menu, codeActionsOnSave), never in the lightbulb list.
  if (only?.length && wants(FIX_ALL_KIND)) {
    const a = fixAllAction({ ...base, diagnostics: [], all: allOf(), snippets: false });
    if (a) fixes.push(a);
  }
  return fixes;
}

/** The migration actions of a 2017 document; optional: its failure must not hide the quick fixes. */
function migrationOffer(ctx: ServerContext, doc: TextDocument, file: string, locale: Locale, p: CodeActionParams): MigrationCodeAction[] {
  try {
    return migrationActions(viewOf(ctx.engine, file), {
      engine: ctx.engine,
      uri: doc.uri,
      range: p.range,
      locale,
      only: p.context.only,
      diagnostics: p.context.diagnostics as MigrationCodeAction['diagnostics'],
      toUri: (f) => URI.file(f).toString(),
      command: ctx.client.migrateCommand,
    });
  } catch (e) {
    // The migration offer is optional: its failure must not hide the quick fixes.
    ctx.logger.error('migration code actions', e);
    return [];
  }
}
