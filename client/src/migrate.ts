// *Migrate this dossier to NMPA 2022* (issue 6 part 3): for the dossier of the active file (or a
// file / folder given as argument — the Explorer, a code action), asks the server for the edit
// (`cyberdossier/migrate`), shows how many files and edits it makes and asks before applying it
// as one WorkspaceEdit (so Undo reverts it), then opens the summary of what the user must still
// decide or write. The server computes everything; nothing is written until the user agrees, and
// the changed files are left unsaved for the user to review.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { l10n, useLocaleOf } from './i18n';
import { MigrateRequest, type MigrateParams, type MigrateResult } from '../../server/src/shared/protocol';

export const MIGRATE_COMMAND = 'cyberdossier.migrateTo2022';

function errorText(e: unknown): string {
  return (e as Error)?.message ?? String(e);
}

function targetOf(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'string') {
    try {
      return vscode.Uri.parse(arg);
    } catch {
      return undefined;
    }
  }
  const doc = vscode.window.activeTextEditor?.document;
  return doc && doc.uri.scheme === 'file' ? doc.uri : undefined;
}

/** Runs the migration; resolves to true when the edit was applied. */
export async function migrateTo2022(getClient: () => LanguageClient | undefined, arg?: unknown): Promise<boolean> {
  const client = getClient();
  if (!client) {
    void vscode.window.showErrorMessage(l10n.t('The CyberDossier server is not running.'));
    return false;
  }
  const target = targetOf(arg);
  useLocaleOf(target);
  if (!target) {
    void vscode.window.showInformationMessage(l10n.t('Open a dossier file first.'));
    return false;
  }
  let result: MigrateResult | null;
  try {
    const params: MigrateParams = { uri: target.toString(), steps: 'all' };
    result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: l10n.t('CyberDossier: planning the migration to NMPA 2022…'), cancellable: false },
      () => client.sendRequest(MigrateRequest, params) as Promise<MigrateResult | null>,
    );
  } catch (e) {
    void vscode.window.showErrorMessage(l10n.t('The migration to NMPA 2022 failed: {0}', errorText(e)));
    return false;
  }
  if (!result || !result.dossiers) {
    void vscode.window.showInformationMessage(l10n.t('This file is in no dossier that can be migrated.'));
    return false;
  }
  if (!result.edits) {
    void vscode.window.showInformationMessage(l10n.t('Nothing to migrate: the dossier already follows NMPA 2022.'));
    return false;
  }
  const migrate = l10n.t('Migrate');
  const answer = await vscode.window.showWarningMessage(
    l10n.t('Migrate {0} file(s) of this dossier to NMPA 2022 with {1} edit(s)?', result.files, result.edits),
    {
      modal: true,
      detail: l10n.t(
        'The frontmatter, headings and sections are rewritten for the 2022 guideline and the new sections are inserted as templates; every word you wrote is kept. The files are left unsaved, and Undo reverts each of them. {0} item(s) will need your decision afterwards.',
        result.manual.length,
      ),
    },
    migrate,
  );
  if (answer !== migrate) return false;
  let ok = false;
  try {
    const edit = await client.protocol2CodeConverter.asWorkspaceEdit(result.edit);
    ok = await vscode.workspace.applyEdit(edit);
  } catch (e) {
    void vscode.window.showErrorMessage(l10n.t('The migration to NMPA 2022 failed: {0}', errorText(e)));
    return false;
  }
  if (!ok) {
    void vscode.window.showErrorMessage(l10n.t('The migration could not be applied (a file changed in the meantime?); nothing was changed.'));
    return false;
  }
  try {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: result.summary });
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
  } catch {
    // No editor for untitled documents (a restricted environment): the notification still says it.
  }
  const saveAll = l10n.t('Save all');
  void vscode.window
    .showInformationMessage(l10n.t('Migrated {0} file(s) to NMPA 2022. {1} item(s) need your decision: see the summary.', result.files, result.manual.length), saveAll)
    .then((choice) => {
      if (choice === saveAll) void vscode.workspace.saveAll(false);
    });
  return true;
}

/** Registers `cyberdossier.migrateTo2022` (argument: a file, dossier.yaml or folder URI; default: the active file). */
export function registerMigrationCommand(context: vscode.ExtensionContext, getClient: () => LanguageClient | undefined): void {
  context.subscriptions.push(vscode.commands.registerCommand(MIGRATE_COMMAND, (arg?: unknown) => migrateTo2022(getClient, arg)));
}
