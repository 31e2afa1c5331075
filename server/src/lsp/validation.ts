// The validation scheduler: when an open document is checked and what is done with the result.
// An edit schedules a check after a debounce that adapts to the document's recent check times; a
// newer version supersedes the work under way (the check's result is dropped, large texts are
// parsed in slices that stop when the version moves on); a pull of the version being checked
// waits for that check instead of starting another. Push or pull is the sink's business
// (diagnostics.ts): a push client may get the quick outline pass of a large text first, a pull
// client only full answers, and `workspace/diagnostic/refresh` when every open document may have
// changed (dossier.yaml, the rc file, settings, trust, files on disk).

import * as path from 'node:path';
import type { Connection, Diagnostic as LspDiagnostic, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import type { Engine, FileReport, Locale } from '../engine';
import { pathOfUri } from '../shared/uri';
import { CheckedNotification } from '../shared/protocol';
import type { DiagnosticSink } from './diagnostics';
import type { Publisher } from './publish';
import { isConfigFile } from './settings';
import { toLsp } from './convert';

/** More uncached text than this is parsed in slices, with the quick pass first (push). */
const SLICED_TEXT = 64_000;

export interface ValidationDeps {
  connection: Pick<Connection, 'sendNotification'>;
  engine: Engine;
  documents: Pick<TextDocuments<TextDocument>, 'get' | 'all'>;
  /** The open texts the engine reads (overlayHost), with their versions. */
  overlay: ReadonlyMap<string, { text: string; version: number }>;
  sink(): DiagnosticSink;
  publisher: Publisher;
  /** Loads the editor settings of a resource before the engine reads them. */
  ensureSettings(uri: string): Promise<void>;
  localeFor(file: string): Locale;
  /** After each check: the vulnerability data of the open dossiers may have changed (feeds.ts). */
  watchFeeds(): void;
  log(message: string): void;
  error(where: string, e: unknown): void;
  /** The longest debounce after an edit, in ms. */
  debounceMs: number;
}

export class Validation {
  private timers = new Map<string, NodeJS.Timeout>();
  /** Validations under way, by URI: a pull of the same version waits for it instead of checking again. */
  private running = new Map<string, { version: number; done: Promise<void> }>();
  private refreshTimer: NodeJS.Timeout | undefined;
  /** Recent check durations per document: the debounce adapts to them (fast checks, short waits). */
  private checkMs = new Map<string, number>();

  constructor(private readonly deps: ValidationDeps) {}

  // ---- scheduling ------------------------------------------------------------------------------

  /** An opened or edited document: a Markdown file is checked (at once when opened), a config file re-checks all. */
  track(doc: TextDocument, opened: boolean): void {
    const file = pathOfUri(doc.uri);
    if (isConfigFile(file)) {
      // A dossier.yaml or rc file changed: every open document it may govern is re-checked.
      this.deps.engine.forgetFileSystem();
      this.revalidateAll(opened ? 0 : this.deps.debounceMs);
      return;
    }
    if (!/\.(md|markdown)$/i.test(file) && !doc.languageId.includes('markdown')) return;
    this.schedule(doc.uri, opened ? 0 : this.debounceFor(doc.uri));
  }

  /** A document closed: its pending check and timings go, and its findings unless a check made them for the file on disk. */
  closed(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.deps.publisher.closed(uri);
    this.checkMs.delete(uri);
  }

  /** Half the recent check time, between 5 and 50 ms: typing stays smooth, results stay fresh. */
  private debounceFor(uri: string): number {
    const ms = this.checkMs.get(uri);
    const max = this.deps.debounceMs;
    return ms === undefined ? Math.min(max, 20) : Math.max(5, Math.min(max, Math.round(ms / 2)));
  }

  schedule(uri: string, delay = this.deps.debounceMs): void {
    clearTimeout(this.timers.get(uri));
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.validate(uri);
      }, delay),
    );
  }

  /** Every open Markdown document again (settings, trust, folders, a config file or files on disk changed). */
  revalidateAll(delay = this.deps.debounceMs): void {
    for (const d of this.deps.documents.all()) {
      if (this.isMarkdown(d)) this.schedule(d.uri, delay);
    }
    // A pull client re-asks for every open document, debounced like the checks (typing in
    // dossier.yaml sends one refresh, not one per key); its pulls run the pending checks at once.
    if (this.deps.sink().mode === 'pull') {
      clearTimeout(this.refreshTimer);
      this.refreshTimer = setTimeout(() => this.deps.sink().refresh(), delay);
    }
  }

  private isMarkdown(d: TextDocument): boolean {
    return /\.(md|markdown)$/i.test(pathOfUri(d.uri)) || d.languageId.includes('markdown');
  }

  // ---- pull ------------------------------------------------------------------------------------

  /**
   * Pull: the findings of an open document at its current version — from the last check when
   * nothing is pending, else from the check under way or one run now.
   */
  async pulled(uri: string): Promise<LspDiagnostic[]> {
    const { documents } = this.deps;
    const doc = documents.get(uri);
    if (!doc) return this.deps.sink().closedItems(uri);
    await this.deps.ensureSettings(uri);
    // dossier.yaml or the rc file: their findings follow checks of other files, so check now.
    if (!this.isMarkdown(doc)) return this.checkNow(doc);
    const fresh = () => {
      const last = this.deps.sink().get(uri);
      const now = documents.get(uri);
      return now && !this.timers.has(uri) && last?.version === now.version ? last.items : undefined;
    };
    const ready = fresh();
    if (ready) return ready;
    const run = this.running.get(uri);
    if (run && run.version === doc.version) await run.done;
    else {
      clearTimeout(this.timers.get(uri));
      this.timers.delete(uri);
      await this.validate(uri);
    }
    const after = fresh();
    if (after) return after;
    // A newer version arrived meanwhile (its check is scheduled): answer for it now.
    const now = documents.get(uri);
    return now ? this.checkNow(now) : [];
  }

  private checkNow(doc: TextDocument): LspDiagnostic[] {
    const file = pathOfUri(doc.uri);
    const locale = this.deps.localeFor(file);
    return (this.check(doc).get(file)?.diagnostics ?? []).map((d) => toLsp(d, locale, doc.uri));
  }

  // ---- checking --------------------------------------------------------------------------------

  /** Checks a document (and, with it, its dossier); returns the reports by path. */
  check(doc: TextDocument): Map<string, FileReport> {
    // As a dossier folder (missing-document included): dossier.yaml's findings show as soon as a
    // member is open, without a workspace check (issue 18 item 2). The members are the ones the
    // engine already reads to check a file (its dossier folder, cached), so a keystroke walks
    // nothing more; the check stays debounced and is dropped when a newer version arrives.
    const result = this.deps.engine.check({ files: [pathOfUri(doc.uri)], members: true, dossier: true });
    return new Map(result.reports.map((r) => [r.path, r]));
  }

  private validate(uri: string): Promise<void> {
    const version = this.deps.documents.get(uri)?.version;
    const done = this.validateNow(uri);
    if (version === undefined) return done;
    const run = { version, done };
    this.running.set(uri, run);
    return done.finally(() => {
      if (this.running.get(uri) === run) this.running.delete(uri);
    });
  }

  private async validateNow(uri: string): Promise<void> {
    const { documents } = this.deps;
    try {
      const doc = documents.get(uri);
      if (!doc) return;
      await this.deps.ensureSettings(uri);
      const version = doc.version;
      const file = pathOfUri(uri);
      if (!(await this.warmLarge(uri, file, version))) return; // superseded: a newer run is scheduled
      const started = Date.now();
      const reports = this.check(doc);
      if (documents.get(uri)?.version !== version) return; // superseded: a newer run is scheduled
      this.publishDossier(uri, file, reports);
      this.deps.watchFeeds();
      void this.deps.connection.sendNotification(CheckedNotification, { uri, version, complete: true });
      const took = Date.now() - started;
      const prev = this.checkMs.get(uri);
      this.checkMs.set(uri, prev === undefined ? took : prev * 0.7 + took * 0.3);
      this.deps.log(`checked ${path.basename(file)} v${version} in ${took} ms`);
    } catch (e) {
      this.deps.error(`validate ${uri}`, e);
    }
  }

  /**
   * Much text to parse (opening a large file, a big paste): answer from the heading scan at once
   * (push only), then parse in slices so completion and hover keep answering, dropping the work
   * when a newer version arrives. False when superseded.
   */
  private async warmLarge(uri: string, file: string, version: number): Promise<boolean> {
    const { documents, engine } = this.deps;
    const pending = engine.uncachedChunks({ files: [file] });
    if (pending.reduce((n, t) => n + t.length, 0) <= SLICED_TEXT) return true;
    // A pull waits for the full check: a partial answer would stay until the next edit.
    const quick = this.deps.sink().mode === 'push' ? engine.quickCheck(file) : undefined;
    if (quick && documents.get(uri)?.version === version) {
      this.deps.publisher.publish(uri, quick);
      void this.deps.connection.sendNotification(CheckedNotification, { uri, version, complete: false });
    }
    return engine.warmInSlices({ files: [file] }, { cancelled: () => documents.get(uri)?.version !== version });
  }

  /** The checked document's findings, then its dossier's other files, dossier.yaml and the rc file. */
  private publishDossier(uri: string, file: string, reports: Map<string, FileReport>): void {
    const { documents, engine, publisher, overlay } = this.deps;
    publisher.publish(uri, reports.get(file));
    // The same dossier's other open files, dossier.yaml, the rc file.
    for (const r of reports.values()) {
      if (r.path === file) continue;
      const u = URI.file(r.path).toString();
      const open = documents.get(u);
      if (open && open.version !== overlay.get(r.path)?.version) continue;
      if (open || !/\.(md|markdown)$/i.test(r.path) || publisher.hasClosed(u)) publisher.publish(u, r);
    }
    // dossier.yaml has nothing to say any more (the missing document was added): clear it.
    const yamlPath = engine.dossierYamlFor(file);
    const yamlUri = yamlPath ? URI.file(yamlPath).toString() : undefined;
    if (yamlPath && yamlUri && !reports.has(yamlPath) && this.deps.sink().get(yamlUri)?.items.length) publisher.publish(yamlUri, undefined);
    // The rc file governing it has nothing to say any more (fixed, or trust granted): clear it.
    const rc = engine.rcFileFor(file);
    const rcUri = rc ? URI.file(rc).toString() : undefined;
    if (rc && rcUri && !reports.has(rc) && this.deps.sink().get(rcUri)?.items.length) publisher.publish(rcUri, undefined);
  }
}
