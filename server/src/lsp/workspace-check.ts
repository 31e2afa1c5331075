// `cyberdossier/checkWorkspace`: every dossier of every workspace folder checked from disk, the
// findings of each file published (closed files included), files that no longer have findings
// cleared, and the totals counted the way the CLI counts the same folders (engine/totals.ts).

import * as path from 'node:path';
import type { TextDocuments, WorkDoneProgressReporter } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { totalsOf, type Engine, type Locale } from '../engine';
import type { CheckWorkspaceResult } from '../shared/protocol';
import type { DiagnosticSink } from './diagnostics';
import type { Publisher } from './publish';

export interface WorkspaceCheckDeps {
  engine: Engine;
  documents: Pick<TextDocuments<TextDocument>, 'get'>;
  /** The open texts the engine reads, with their versions. */
  overlay: ReadonlyMap<string, { text: string; version: number }>;
  publisher: Publisher;
  sink(): DiagnosticSink;
  folders(): readonly string[];
  ensureSettings(uri: string): Promise<void>;
  /** The language of the progress title (the editor's). */
  clientLocale(): Locale;
}

export async function checkWorkspace(deps: WorkspaceCheckDeps, progress?: WorkDoneProgressReporter): Promise<CheckWorkspaceResult> {
  const { engine, documents, publisher } = deps;
  const summary: CheckWorkspaceResult = { files: 0, errors: 0, warnings: 0, infos: 0, hints: 0 };
  const title = deps.clientLocale() === 'en' ? 'Checking dossiers' : '正在检查申报资料';
  progress?.begin(title, 0, undefined, false);
  const before = publisher.closedFiles();
  const seen = new Set<string>();
  engine.forgetFileSystem();
  // Read at each step: a folder added or removed meanwhile counts as it does for the open documents.
  for (let i = 0; i < deps.folders().length; i++) {
    const folder = deps.folders()[i];
    progress?.report(Math.round((i / Math.max(1, deps.folders().length)) * 100), path.basename(folder));
    await new Promise((r) => setImmediate(r)); // let the connection breathe between folders
    await deps.ensureSettings(URI.file(folder).toString());
    const result = engine.check({ folders: [folder], members: true });
    // The CLI's count of the same folder (engine/totals.ts).
    const t = totalsOf(result.reports);
    summary.files += t.files;
    summary.errors += t.errors;
    summary.warnings += t.warnings;
    summary.infos += t.infos;
    summary.hints += t.hints;
    for (const r of result.reports) {
      const uri = URI.file(r.path).toString();
      seen.add(uri);
      const open = documents.get(uri);
      if (open && open.version !== deps.overlay.get(r.path)?.version) continue;
      publisher.publish(uri, r);
    }
  }
  for (const uri of before) if (!seen.has(uri) && !documents.get(uri)) publisher.publish(uri, undefined);
  // The check may change open documents' findings too (a file created on disk): re-pull them.
  deps.sink().refresh();
  progress?.done();
  return summary;
}
