// How findings reach the client: pushed, or kept for the client to pull — one mode per client,
// never both (a client that pulls and also receives pushes shows every finding twice).
//
// Pull serves two requests: `textDocument/diagnostic` for open documents (answered by the server
// from the last check of that version) and `workspace/diagnostic` for the files that are not open
// (dossier.yaml, the rc file, closed members found by a check). The workspace request is held
// until a closed file's findings change (the long poll the LSP allows), so an idle client and
// server exchange nothing.

import {
  type ClientCapabilities,
  type Connection,
  type Diagnostic as LspDiagnostic,
  DocumentDiagnosticReportKind,
  type CancellationToken,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver';

export type DiagnosticMode = 'push' | 'pull';

/** Pull only when the client can also be told to pull again; else push (Neovim 0.7, Emacs…). */
export function diagnosticMode(caps: ClientCapabilities): DiagnosticMode {
  return caps.textDocument?.diagnostic && caps.workspace?.diagnostics?.refreshSupport ? 'pull' : 'push';
}

interface Entry {
  version?: number;
  items: LspDiagnostic[];
}

export class DiagnosticSink {
  /** The last findings of every URI, open or not (the status request reads them). */
  private readonly last = new Map<string, Entry>();
  /** Pull: the findings of files that are not open, with a result id per change. */
  private readonly closed = new Map<string, { resultId: string; items: LspDiagnostic[] }>();
  private nextId = 0;
  /** A server restart must not reuse a result id the client still holds. */
  private readonly session = Date.now().toString(36);
  private wakers: (() => void)[] = [];

  constructor(
    private readonly connection: Connection,
    readonly mode: DiagnosticMode,
  ) {}

  get(uri: string): Entry | undefined {
    return this.last.get(uri);
  }

  forget(uri: string): void {
    this.last.delete(uri);
  }

  /** Findings of `uri`; `version` is undefined for a file that is not open. */
  set(uri: string, version: number | undefined, items: LspDiagnostic[]): void {
    this.last.set(uri, { version, items });
    if (this.mode === 'push') {
      void this.connection.sendDiagnostics({ uri, version, diagnostics: items });
      return;
    }
    // An open document is pulled by the client; only closed files go through the workspace report.
    if (version !== undefined) return;
    this.closed.set(uri, { resultId: `${this.session}.${++this.nextId}`, items });
    const wake = this.wakers;
    this.wakers = [];
    for (const w of wake) w();
  }

  /** Pull: asks the client to pull every open document again (no-op in push mode). */
  refresh(): void {
    if (this.mode === 'pull') void this.connection.languages.diagnostics.refresh().catch(() => undefined);
  }

  /**
   * Pull: the closed files whose findings the client does not have yet. When it has them all, the
   * answer waits for the next change (or the client's cancellation).
   */
  async workspaceReport(previous: { uri: string; value: string }[], isOpen: (uri: string) => boolean, token: CancellationToken): Promise<WorkspaceDocumentDiagnosticReport[]> {
    const known = new Map(previous.map((p) => [p.uri, p.value]));
    for (;;) {
      const items: WorkspaceDocumentDiagnosticReport[] = [];
      for (const [uri, e] of this.closed) {
        if (isOpen(uri) || known.get(uri) === e.resultId) continue;
        items.push({ kind: DocumentDiagnosticReportKind.Full, uri, version: null, resultId: e.resultId, items: e.items });
      }
      if (items.length || token.isCancellationRequested) return items;
      await new Promise<void>((resolve) => {
        const wake = () => {
          sub.dispose();
          this.wakers = this.wakers.filter((w) => w !== wake);
          resolve();
        };
        const sub = token.onCancellationRequested(wake);
        this.wakers.push(wake);
      });
    }
  }

  /** Pull: what a closed file's pull answers (a client may pull a file it shows but has not opened). */
  closedItems(uri: string): LspDiagnostic[] {
    return this.closed.get(uri)?.items ?? [];
  }
}
