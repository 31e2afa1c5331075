// The Word commands of the extension: *Import Word document…* (a .docx → dossier Markdown, with
// its import report shown beside it) and *Export to Word…* (a dossier file or folder → .docx,
// asking before exporting a dossier that has errors). The server does the work
// (server/src/lsp/word.ts); this module only asks the user and shows the results.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { l10n, useLocaleOf } from './i18n';
import {
  ExportDocxRequest,
  type ExportDocxParams,
  type ExportDocxResult,
  ImportDocxRequest,
  type ImportDocxParams,
  type ImportDocxResult,
} from '../../server/src/shared/protocol';

const basename = (uri: vscode.Uri) => uri.path.slice(uri.path.lastIndexOf('/') + 1);

function errorText(e: unknown): string {
  return (e as Error)?.message ?? String(e);
}

async function importWord(client: () => LanguageClient | undefined, arg?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const c = client();
  if (!c) {
    void vscode.window.showErrorMessage(l10n.t('The CyberDossier server is not running.'));
    return undefined;
  }
  let docx = arg && /\.docx$/i.test(arg.path) ? arg : undefined;
  useLocaleOf(docx);
  if (!docx) {
    const picked = await vscode.window.showOpenDialog({
      canSelectMany: false,
      canSelectFolders: false,
      filters: { [l10n.t('Word document')]: ['docx'] },
      openLabel: l10n.t('Import'),
      title: l10n.t('Import Word document'),
    });
    docx = picked?.[0];
  }
  if (!docx) return undefined;
  // The save dialog asks before replacing an existing file, so the server may overwrite.
  const target = await vscode.window.showSaveDialog({
    defaultUri: docx.with({ path: docx.path.replace(/\.docx$/i, '.md') }),
    filters: { Markdown: ['md'] },
    saveLabel: l10n.t('Import'),
    title: l10n.t('Save the imported Markdown as'),
  });
  if (!target) return undefined;
  let result: ImportDocxResult;
  try {
    const params: ImportDocxParams = { uri: docx.toString(), outUri: target.toString(), force: true };
    result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: l10n.t('Importing {0}…', basename(docx)), cancellable: false },
      () => c.sendRequest(ImportDocxRequest, params) as Promise<ImportDocxResult>,
    );
  } catch (e) {
    void vscode.window.showErrorMessage(l10n.t('Word import failed: {0}', errorText(e)));
    return undefined;
  }
  const markdown = vscode.Uri.parse(result.markdownUri);
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(markdown));
  const report = vscode.Uri.parse(result.reportUri);
  try {
    await vscode.commands.executeCommand('markdown.showPreviewToSide', report);
  } catch {
    // No Markdown preview (a minimal editor): show the report as text instead.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(report), { viewColumn: vscode.ViewColumn.Beside, preview: true });
  }
  const items = result.report.items.length;
  void vscode.window.showInformationMessage(
    result.guessed
      ? l10n.t('Imported {0} as {1} (guessed: check the document kind and the values marked “review”). Import report: {2} item(s); the check found {3} error(s) and {4} warning(s).', basename(docx), result.kind, items, result.errors, result.warnings)
      : l10n.t('Imported {0} as {1}. Import report: {2} item(s); the check found {3} error(s) and {4} warning(s).', basename(docx), result.kind, items, result.errors, result.warnings),
  );
  return markdown;
}

async function exportWord(client: () => LanguageClient | undefined, arg?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const c = client();
  if (!c) {
    void vscode.window.showErrorMessage(l10n.t('The CyberDossier server is not running.'));
    return undefined;
  }
  const source = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
  if (!source || source.scheme !== 'file') {
    void vscode.window.showWarningMessage(l10n.t('Open a dossier Markdown file, or choose a file or folder in the Explorer, to export it to Word.'));
    return undefined;
  }
  useLocaleOf(source);
  let folder = false;
  try {
    folder = ((await vscode.workspace.fs.stat(source)).type & vscode.FileType.Directory) !== 0;
  } catch {
    // Unsaved or missing: treated as a file, the server says what is wrong.
  }
  if (!folder && !/\.(md|markdown)$/i.test(source.path)) {
    void vscode.window.showWarningMessage(l10n.t('Only Markdown files and folders can be exported to Word.'));
    return undefined;
  }
  const defaultUri = folder ? vscode.Uri.joinPath(source, `${basename(source)}.docx`) : source.with({ path: source.path.replace(/\.(md|markdown)$/i, '') + '.docx' });
  const out = await vscode.window.showSaveDialog({
    defaultUri,
    filters: { [l10n.t('Word document')]: ['docx'] },
    saveLabel: l10n.t('Export'),
    title: l10n.t('Export to Word'),
  });
  if (!out) return undefined;
  const send = (force: boolean) => {
    const params: ExportDocxParams = { uri: source.toString(), outUri: out.toString(), force };
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: l10n.t('Exporting {0} to Word…', basename(source)), cancellable: false },
      () => c.sendRequest(ExportDocxRequest, params) as Promise<ExportDocxResult>,
    );
  };
  let result: ExportDocxResult;
  try {
    result = await send(false);
    if (!result.written && result.errors > 0) {
      // The safe answer is the default: VS Code makes the first button the one Enter presses and
      // adds its own Cancel, so the first button cancels too (it shows the errors instead of
      // exporting); "Export anyway" has to be chosen on purpose.
      const showErrors: vscode.MessageItem = { title: l10n.t('Cancel and show the errors') };
      const anyway: vscode.MessageItem = { title: l10n.t('Export anyway') };
      const choice = await vscode.window.showWarningMessage(
        l10n.n(result.errors, 'The dossier has {0} error. Export anyway?', 'The dossier has {0} errors. Export anyway?'),
        { modal: true, detail: `${l10n.t('A Word document exported now is not ready for submission. The first errors:')}\n${result.firstErrors.join('\n')}` },
        showErrors,
        anyway,
      );
      if (choice === showErrors) void vscode.commands.executeCommand('workbench.actions.view.problems');
      if (choice !== anyway) return undefined;
      result = await send(true);
    }
  } catch (e) {
    void vscode.window.showErrorMessage(l10n.t('Word export failed: {0}', errorText(e)));
    return undefined;
  }
  if (!result.written) return undefined;
  const written = vscode.Uri.parse(result.outUri);
  const reveal = l10n.t('Reveal in File Explorer');
  const message = result.messages.length
    ? l10n.t('Exported to {0}, with {1} warning(s): {2}', basename(written), result.messages.length, result.messages.join('; '))
    : l10n.t('Exported to {0}.', basename(written));
  const show = result.messages.length || result.errors ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  void show(message, reveal).then((choice) => {
    if (choice === reveal) void vscode.commands.executeCommand('revealFileInOS', written);
  });
  return written;
}

/** Registers `cyberdossier.importWord` and `cyberdossier.exportWord`. */
export function registerWordCommands(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('cyberdossier.importWord', (uri?: vscode.Uri) => importWord(client, uri)),
    vscode.commands.registerCommand('cyberdossier.exportWord', (uri?: vscode.Uri) => exportWord(client, uri)),
  );
}
