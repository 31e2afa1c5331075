// *Insert OTS table from SBOM…* (`cyberdossier.importSbom`): pick a CycloneDX or SPDX JSON file,
// let the server turn it into the dossier's 现成软件 table (server/src/lsp/sbom.ts), and insert the
// Markdown at the cursor of the active Markdown editor — inserting only, never replacing a
// selection. Flagged components (a version that is not full, no vendor) are listed in a warning.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { l10n } from './i18n';
import { insertionTarget } from './insertion';
import { SbomImportRequest, type SbomImportParams, type SbomImportResult } from '../../server/src/shared/protocol';
import { insertionText } from '../../server/src/sbom/render';

const basename = (uri: vscode.Uri) => uri.path.slice(uri.path.lastIndexOf('/') + 1);
/** How many flagged components the warning names before "… and N more". */
const LISTED = 8;

function errorText(e: unknown): string {
  return (e as Error)?.message ?? String(e);
}

/** The text to insert at `pos` (blank lines around the table as Markdown needs them). */
function surround(doc: vscode.TextDocument, pos: vscode.Position, table: string): string {
  const line = doc.lineAt(pos.line).text;
  return insertionText(table, { before: line.slice(0, pos.character), after: line.slice(pos.character), previousLine: pos.line > 0 ? doc.lineAt(pos.line - 1).text : undefined });
}

interface ImportArgs {
  /** The SBOM; asked for when absent. */
  sbom?: vscode.Uri | string;
  table?: 'ots' | 'patches';
}

async function importSbom(client: () => LanguageClient | undefined, arg?: vscode.Uri | ImportArgs): Promise<boolean> {
  // Where the table goes is fixed now: the file dialog may take a while.
  const target = insertionTarget(client, () => l10n.t('Open the Markdown file the table goes into and place the cursor where it should be, then run this command again.'));
  if (!target) return false;
  const { client: c, document, position } = target;
  const args: ImportArgs = arg instanceof vscode.Uri ? { sbom: arg } : (arg ?? {});
  let sbom = typeof args.sbom === 'string' ? vscode.Uri.parse(args.sbom) : args.sbom;
  if (!sbom) {
    const folder = document.uri.scheme === 'file' ? vscode.Uri.joinPath(document.uri, '..') : undefined;
    const picked = await vscode.window.showOpenDialog({
      canSelectMany: false,
      canSelectFolders: false,
      defaultUri: folder,
      filters: { [l10n.t('SBOM (CycloneDX or SPDX JSON)')]: ['json'] },
      openLabel: l10n.t('Insert table'),
      title: l10n.t('Insert OTS table from SBOM'),
    });
    sbom = picked?.[0];
  }
  if (!sbom) return false;
  let result: SbomImportResult;
  try {
    const params: SbomImportParams = { uri: sbom.toString(), targetUri: document.uri.toString(), ...(args.table ? { table: args.table } : {}) };
    result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: l10n.t('Reading {0}…', basename(sbom)), cancellable: false },
      () => c.sendRequest(SbomImportRequest, params) as Promise<SbomImportResult>,
    );
  } catch (e) {
    void vscode.window.showErrorMessage(l10n.t('SBOM import failed: {0}', errorText(e)));
    return false;
  }
  if (document.isClosed) {
    void vscode.window.showWarningMessage(l10n.t('The document was closed; nothing was inserted.'));
    return false;
  }
  // The position may lie past the end now (the document changed meanwhile): validate it.
  const at = document.validatePosition(position);
  const text = surround(document, at, result.markdown);
  const visible = vscode.window.visibleTextEditors.find((e) => e.document === document);
  let ok: boolean;
  if (visible) {
    ok = await visible.edit((b) => b.insert(at, text));
  } else {
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, at, text);
    ok = await vscode.workspace.applyEdit(edit);
  }
  if (!ok) {
    void vscode.window.showErrorMessage(l10n.t('The table could not be inserted (the document changed). Run the command again.'));
    return false;
  }
  const rows = result.table === 'ots' ? result.components.length : result.patches.length;
  if (result.flagged.length) {
    const names = result.flagged.slice(0, LISTED).map((f) => f.message);
    const more = result.flagged.length > LISTED ? [l10n.t('… and {0} more', result.flagged.length - LISTED)] : [];
    void vscode.window.showWarningMessage(
      result.table === 'ots'
        ? l10n.t('Inserted {0} component(s) from {1}. {2} need a full version or a vendor before submission: {3}', rows, basename(sbom), result.flagged.length, [...names, ...more].join('; '))
        : l10n.t('Inserted {0} patch(es) from {1}. {2} need a full version or a release date before submission: {3}', rows, basename(sbom), result.flagged.length, [...names, ...more].join('; ')),
    );
  } else if (result.template) {
    void vscode.window.showInformationMessage(l10n.t('{0} has no patch information: an empty patch table was inserted.', basename(sbom)));
  } else {
    void vscode.window.showInformationMessage(
      result.table === 'ots' ? l10n.t('Inserted {0} component(s) from {1}.', rows, basename(sbom)) : l10n.t('Inserted {0} patch(es) from {1}.', rows, basename(sbom)),
    );
  }
  return true;
}

/** Registers `cyberdossier.importSbom` (argument: the SBOM's URI, or `{ sbom, table }`). */
export function registerSbomCommands(context: vscode.ExtensionContext, getClient: () => LanguageClient | undefined): void {
  context.subscriptions.push(vscode.commands.registerCommand('cyberdossier.importSbom', (arg?: vscode.Uri | ImportArgs) => importSbom(getClient, arg)));
}
