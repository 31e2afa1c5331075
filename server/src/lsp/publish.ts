// Where a file's report goes: converted (convert.ts) in the file's message language and handed to
// the diagnostic sink (pushed or kept for pulls, diagnostics.ts) with the open document's version.
// It also remembers which files that are not open carry findings (dossier.yaml, the rc file,
// closed members found by a workspace check), so that they can be cleared when a later check no
// longer reports them, and so that closing a document does not clear findings a check made for it.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { FileReport, Locale } from '../engine';
import { pathOfUri } from '../shared/uri';
import type { DiagnosticSink } from './diagnostics';
import { toLsp } from './convert';

export interface PublisherDeps {
  /** The open documents. */
  documents: { get(uri: string): TextDocument | undefined };
  /** The current sink (initialize replaces the first one, which pushes). */
  sink(): DiagnosticSink;
  /** The message language of a file. */
  localeFor(file: string): Locale;
}

export class Publisher {
  /** URIs we published diagnostics for that are not open (workspace check, dossier.yaml). */
  private publishedClosed = new Set<string>();

  constructor(private readonly deps: PublisherDeps) {}

  /** A file's findings (none for `undefined`), at the open document's version if it is open. */
  publish(uri: string, report: FileReport | undefined): void {
    const doc = this.deps.documents.get(uri);
    const locale = this.deps.localeFor(pathOfUri(uri));
    const items = (report?.diagnostics ?? []).map((d) => toLsp(d, locale, uri));
    if (!doc) {
      if (items.length) this.publishedClosed.add(uri);
      else this.publishedClosed.delete(uri);
    }
    this.send(uri, doc?.version, items);
  }

  send(uri: string, version: number | undefined, items: LspDiagnostic[]): void {
    this.deps.sink().set(uri, version, items);
  }

  /** A document closed: its findings go, unless a check published them for the file on disk. */
  closed(uri: string): void {
    if (!this.publishedClosed.has(uri)) this.send(uri, undefined, []);
    this.deps.sink().forget(uri);
  }

  /** Whether findings were published for `uri` while it was not open. */
  hasClosed(uri: string): boolean {
    return this.publishedClosed.has(uri);
  }

  /** The files not open that carry findings now (a copy). */
  closedFiles(): Set<string> {
    return new Set(this.publishedClosed);
  }
}
