// *Draft vulnerability assessment…* (`cyberdossier.draftVulnerabilities`): the server matches the
// dossier's components against the vulnerability data its .cyberdossierrc.yaml names
// (server/src/lsp/vulns.ts) and returns the assessment tables; they are inserted at the cursor of
// the active Markdown editor — inserting only, never replacing a selection.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { l10n } from './i18n';
import { insertionTarget } from './insertion';
import { VulnsDraftRequest, type VulnsDraftParams, type VulnsDraftResult } from '../../server/src/shared/protocol';
import { insertionText } from '../../server/src/sbom/render';

async function draft(client: () => LanguageClient | undefined, arg?: vscode.Uri): Promise<boolean> {
  const target = insertionTarget(client, () => l10n.t('Open the Markdown file the assessment goes into and place the cursor where it should be, then run this command again.'));
  if (!target) return false;
  const { client: c, document, position } = target;
  let result: VulnsDraftResult;
  try {
    const params: VulnsDraftParams = { uri: (arg ?? document.uri).toString() };
    result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: l10n.t('Matching the components against the vulnerability data…'), cancellable: false },
      () => c.sendRequest(VulnsDraftRequest, params) as Promise<VulnsDraftResult>,
    );
  } catch (e) {
    void vscode.window.showErrorMessage(l10n.t('Drafting the vulnerability assessment failed: {0}', (e as Error)?.message ?? String(e)));
    return false;
  }
  if (document.isClosed) {
    void vscode.window.showWarningMessage(l10n.t('The document was closed; nothing was inserted.'));
    return false;
  }
  const at = document.validatePosition(position);
  const line = document.lineAt(at.line).text;
  const text = insertionText(result.markdown, { before: line.slice(0, at.character), after: line.slice(at.character), previousLine: at.line > 0 ? document.lineAt(at.line - 1).text : undefined });
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, at, text);
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage(l10n.t('The table could not be inserted (the document changed). Run the command again.'));
    return false;
  }
  const ids = new Set(result.rows.map((r) => r.id)).size;
  const open = new Set(result.rows.filter((r) => r.status === 'unassessed').map((r) => r.id)).size;
  void vscode.window.showInformationMessage(l10n.t('Inserted {0} known vulnerabilities of {1} components (data as of {2}); {3} still need a status.', ids, result.components.count, result.dataDate ?? '—', open));
  return true;
}

/** Registers `cyberdossier.draftVulnerabilities` (argument: a dossier file or folder URI). */
export function registerVulnsCommands(context: vscode.ExtensionContext, getClient: () => LanguageClient | undefined): void {
  context.subscriptions.push(vscode.commands.registerCommand('cyberdossier.draftVulnerabilities', (arg?: vscode.Uri) => draft(getClient, arg)));
}
