// Pulled diagnostics (only registered to any effect for a client that pulls, diagnostics.ts):
// textDocument/diagnostic for an open document (validation.ts `pulled`), and the held
// workspace/diagnostic report of the files that are not open.

import { DocumentDiagnosticReportKind } from 'vscode-languageserver';
import type { ServerContext } from '../context';

export function registerPullDiagnostics(ctx: ServerContext): void {
  const c = ctx.connection;
  c.languages.diagnostics.on(
    ctx.logger.safe('pull diagnostics', { kind: DocumentDiagnosticReportKind.Full, items: [] }, async (p) => ({
      kind: DocumentDiagnosticReportKind.Full,
      items: await ctx.validation.pulled(p.textDocument.uri),
    })),
  );
  c.languages.diagnostics.onWorkspace(
    ctx.logger.safe('workspace diagnostics', { items: [] }, async (p, token) => ({
      items: await ctx.sink.workspaceReport(p.previousResultIds, (u) => !!ctx.documents.get(u), token),
    })),
  );
}
