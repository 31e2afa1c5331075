// The open documents and the files on disk: opening, editing and closing a document (its text
// goes into the engine's overlay, its check is scheduled), and the client's file watcher (a
// changed file on disk is forgotten, then the open documents are re-checked).

import * as path from 'node:path';
import { FileChangeType, type FileEvent } from 'vscode-languageserver';
import { pathOfUri } from '../../shared/uri';
import { isConfigFile } from '../settings';
import type { ServerContext } from '../context';

export function registerDocuments(ctx: ServerContext): void {
  const { documents, overlay, engine, validation } = ctx;
  const track = (doc: Parameters<typeof validation.track>[0], opened: boolean) => {
    overlay.set(pathOfUri(doc.uri), { text: doc.getText(), version: doc.version });
    validation.track(doc, opened);
  };
  documents.onDidOpen((e) => track(e.document, true));
  documents.onDidChangeContent((e) => track(e.document, false));
  documents.onDidClose((e) => {
    const p = pathOfUri(e.document.uri);
    overlay.delete(p);
    engine.forget(p);
    validation.closed(e.document.uri);
    engine.trim(new Set([...overlay.keys()]));
    // Siblings may depend on the saved file now rather than the closed buffer.
    if (isConfigFile(p)) validation.revalidateAll();
  });
  ctx.connection.onDidChangeWatchedFiles(
    ctx.logger.safe('watched files', undefined, (p) => {
      const changes = relevantChanges(ctx, p.changes);
      if (!changes.length) return;
      let structural = false;
      for (const ch of changes) {
        const file = pathOfUri(ch.uri);
        engine.forget(file);
        if (ch.type !== FileChangeType.Changed) structural = true;
      }
      if (structural) engine.forgetFileSystem();
      validation.revalidateAll();
    }),
  );
}

const isJson = (f: string) => /\.json$/i.test(f);

/**
 * The changes that can alter findings: not under node_modules or .git, and of the .json files
 * (the client watches *.json for SBOMs) only the SBOMs the open dossiers name and the configured
 * vulnerability data — a changed feed also drops its index here (feeds.ts).
 */
function relevantChanges(ctx: ServerContext, all: FileEvent[]): FileEvent[] {
  const sboms = new Set<string>();
  if (all.some((ch) => isJson(pathOfUri(ch.uri)))) {
    for (const d of ctx.documents.all()) {
      try {
        for (const s of ctx.engine.configFor(pathOfUri(d.uri)).config.sbom) sboms.add(path.resolve(s.path));
      } catch {
        // A broken configuration names no SBOM; its own finding says so.
      }
    }
  }
  // The configured vulnerability data (and VEX): a changed feed drops its index, then re-check.
  ctx.feeds.forgetChanged(all.map((ch) => path.resolve(pathOfUri(ch.uri))));
  return all.filter((ch) => {
    const f = pathOfUri(ch.uri);
    return !/[\\/](node_modules|\.git)[\\/]/.test(f) && (!isJson(f) || sboms.has(path.resolve(f)) || ctx.feeds.isFeedFile(path.resolve(f)));
  });
}
