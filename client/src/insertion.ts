// Where a command that inserts generated Markdown (an OTS table from an SBOM, a vulnerability
// assessment) writes: the running server and the cursor of the active Markdown editor, fixed when
// the command starts. The surfaces that follow speak the dossier's language (issue 18 item 5).

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { l10n, useLocaleOf } from './i18n';

export interface InsertionTarget {
  client: LanguageClient;
  document: vscode.TextDocument;
  position: vscode.Position;
}

/** The target, or undefined after telling the user why (`noEditor`: what to open, localised by the caller). */
export function insertionTarget(client: () => LanguageClient | undefined, noEditor: () => string): InsertionTarget | undefined {
  const c = client();
  if (!c) {
    void vscode.window.showErrorMessage(l10n.t('The CyberDossier server is not running.'));
    return undefined;
  }
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') {
    void vscode.window.showWarningMessage(noEditor());
    return undefined;
  }
  useLocaleOf(editor.document.uri);
  return { client: c, document: editor.document, position: editor.selection.active };
}
