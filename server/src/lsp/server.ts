// The language server: a thin adapter over the engine. It keeps the open documents, resolves
// settings per resource, debounces and drops stale work, delivers diagnostics — pushed with
// versions, or pulled when the client supports pulls (diagnostics.ts: one mode, never both) —, and serves completion, hover, code actions and
// navigation from the engine's cached state. It never throws to the client.

import * as path from 'node:path';
import {
  type Connection,
  type Diagnostic as LspDiagnostic,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  type InitializeParams,
  type InitializeResult,
  TextDocuments,
  TextDocumentSyncKind,
  FileChangeType,
  DocumentDiagnosticReportKind,
  type WorkDoneProgressReporter,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { pathOfUri } from '../shared/uri';
import { Engine, isLocale, localize, faultsFromEnv, type FileReport, type Diagnostic, type InternalFailure, nodeHost, overlayHost, type ConfigInput, docsUrl, packageVersion, getRuleSet, RULESETS, kindOf, skeleton, totalsOf } from '../engine';
import { sbomReader } from '../sbom';
import { codeActions, fixAllAction, FIX_ALL_KIND } from '../features/codeActions';
import { complete, TRIGGER_CHARACTERS, type Locale } from '../features/completion';
import { hover } from '../features/hover';
import { definition, references } from '../features/navigation';
import { documentStatus } from '../features/status';
import { viewOf } from '../features/view';
import { registerChecklistRequests } from './checklist';
import { registerNewDossierRequests } from './new-dossier';
import { registerWordRequests } from './word';
import { registerSbomRequests } from './sbom';
import { registerVulnsRequests } from './vulns';
import { FeedWatcher } from './feeds';
import { registerMigration, resolveMigration } from './migrate';
import { WorkspaceScope } from './scope';
import { DiagnosticSink, diagnosticMode } from './diagnostics';
import { migrationActions, MIGRATE_KIND, MIGRATE_STEP_KIND, type MigrationCodeAction } from '../features/migrate';
import {
  CheckWorkspaceRequest,
  type CheckWorkspaceResult,
  CheckedNotification,
  type InitializationOptions,
  KindsRequest,
  SkeletonRequest,
  type SkeletonParams,
  StatusRequest,
  type StatusParams,
  ServerInfoRequest,
  type ServerInfo,
  TrustNotification,
  type TrustParams,
} from '../shared/protocol';

const SOURCE = 'cyberdossier';
const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint } as const;

export interface ServerOptions {
  /** Debounce of validation after an edit, in ms. */
  debounceMs?: number;
}

export class DossierServer {
  readonly documents = new TextDocuments(TextDocument);
  private readonly overlay = new Map<string, { text: string; version: number }>();
  readonly engine: Engine;
  private clientLocale: Locale = 'zh-CN';
  /** Where findings go; push until initialize says the client pulls. */
  private sink: DiagnosticSink;
  private configurationCapability = false;
  private selectRange = false;
  private migrateCommand = false;
  /** The client applies SnippetTextEdits in a WorkspaceEdit (LSP 3.18). */
  private snippetEdits = false;
  private workDoneProgress = false;
  private workspaceFolderEvents = false;
  private folders: string[] = [];
  /** Custom requests name files only inside the workspace folders (scope.ts). */
  private readonly scope = new WorkspaceScope(() => this.folders);
  /**
   * Whether the client trusts the workspace (VS Code's Workspace Trust, initializationOptions
   * and TrustNotification). Until it does, rc keys that name files or load patterns are not
   * applied (engine `restricted`). A client that says nothing has no such notion: trusted.
   */
  private trusted = true;
  private settings = new Map<string, ConfigInput>();
  private globalSettings: ConfigInput = {};
  private timers = new Map<string, NodeJS.Timeout>();
  /** URIs we published diagnostics for that are not open (workspace check, dossier.yaml). */
  private publishedClosed = new Set<string>();
  /** Validations under way, by URI: a pull of the same version waits for it instead of checking again. */
  private running = new Map<string, { version: number; done: Promise<void> }>();
  private refreshTimer: NodeJS.Timeout | undefined;
  private readonly debounceMs: number;
  /** Recent check durations per document: the debounce adapts to them (fast checks, short waits). */
  private checkMs = new Map<string, number>();
  /** The configured vulnerability data of the open dossiers, and its watcher (feeds.ts). */
  private readonly feeds: FeedWatcher;


  constructor(readonly connection: Connection, options: ServerOptions = {}) {
    this.debounceMs = options.debounceMs ?? 50;
    this.sink = new DiagnosticSink(connection, 'push');
    this.engine = new Engine({
      host: overlayHost(nodeHost, this.overlay),
      settings: (file) => this.settingsFor(file),
      onInternalError: (f) => this.ruleFailed(f),
      faults: faultsFromEnv(),
      roots: () => this.folders,
      restricted: () => !this.trusted,
      // The SBOM reader port (issue 15 item 2): the engine reads SBOMs only through it.
      sbom: sbomReader,
    });
    this.feeds = new FeedWatcher({
      connection,
      engine: this.engine,
      openFiles: () => this.documents.all().map((d) => this.pathOf(d.uri)),
      log: (m) => this.log(m),
      error: (w, e) => this.error(w, e),
    });
    this.register();
  }

  private log(message: string): void {
    this.connection.console.log(`[cyberdossier] ${message}`);
  }

  /** Rule failures already reported: each (rule, message) once per session, not per keystroke. */
  private reportedFailures = new Set<string>();
  private ruleFailed(f: InternalFailure): void {
    const key = `${f.rule}\u0000${f.message}`;
    if (this.reportedFailures.has(key)) return;
    this.reportedFailures.add(key);
    this.connection.console.error(
      `[cyberdossier] internal error in the ${f.rule} rules while checking ${f.path}; their findings are left out until it is fixed (other rules still run). Please report this.\n${f.stack ?? f.message}`,
    );
  }

  private error(where: string, e: unknown): void {
    const err = e as Error;
    this.connection.console.error(`[cyberdossier] ${where}: ${err?.stack ?? String(e)}`);
  }

  /** Runs a handler; a failure is logged, never thrown to the client. */
  private safe<A extends unknown[], R>(where: string, fallback: R, fn: (...a: A) => R | Promise<R>): (...a: A) => Promise<R> {
    return async (...a: A) => {
      try {
        return await fn(...a);
      } catch (e) {
        this.error(where, e);
        return fallback;
      }
    };
  }

  private register(): void {
    const c = this.connection;
    c.onInitialize((p) => this.initialize(p));
    const clientLocale = () => this.clientLocale;
    registerChecklistRequests(c, {
      engine: this.engine,
      localeFor: (f) => this.localeFor(f),
      pathOf: (u) => this.pathOf(u),
      error: (w, e) => this.error(w, e),
      ensureSettings: (u) => this.ensureSettings(u),
      scope: this.scope,
      clientLocale,
    });
    registerWordRequests(c, () => this.engine, { locale: () => this.clientLocale, onWritten: () => this.engine.forgetFileSystem(), scope: this.scope, clientLocale });
    registerSbomRequests(c, () => this.engine, { locale: () => this.clientLocale, scope: this.scope, clientLocale });
    registerNewDossierRequests(c, (w, e) => this.error(w, e));
    registerVulnsRequests(c, () => this.engine, { scope: this.scope, clientLocale, ensureSettings: (u) => this.ensureSettings(u) });
    const migrationDeps = {
      engine: this.engine,
      localeFor: (f: string) => this.localeFor(f),
      pathOf: (u: string) => this.pathOf(u),
      error: (w: string, e: unknown) => this.error(w, e),
      ensureSettings: (u: string) => this.ensureSettings(u),
    };
    registerMigration(c, { ...migrationDeps, scope: this.scope, clientLocale });
    const resolveMigrate = resolveMigration(migrationDeps);
    c.onCodeActionResolve(this.safe('code action resolve', undefined as never, (a) => resolveMigrate(a as MigrationCodeAction) as never));
    c.onInitialized(
      this.safe('initialized', undefined, async () => {
        if (this.configurationCapability) await c.client.register(DidChangeConfigurationNotification.type, { section: 'cyberdossier' });
        if (this.workspaceFolderEvents)
          c.workspace.onDidChangeWorkspaceFolders((e) => {
            const removed = new Set(e.removed.map((f) => this.pathOf(f.uri)));
            this.folders = [...this.folders.filter((f) => !removed.has(f)), ...e.added.map((f) => this.pathOf(f.uri))];
            this.log(`workspace folders: ${this.folders.join(', ') || '(none)'}`);
            this.engine.forget();
            this.revalidateAll();
          });
        await this.refreshSettings();
      }),
    );
    c.onNotification(
      TrustNotification,
      this.safe('trust', undefined, (p: TrustParams) => {
        const trusted = p?.trusted === true;
        if (trusted === this.trusted) return;
        this.trusted = trusted;
        this.log(`workspace ${trusted ? 'trusted' : 'not trusted (Restricted Mode)'}`);
        this.engine.forget();
        this.revalidateAll(0);
      }),
    );
    c.onDidChangeConfiguration(
      this.safe('configuration', undefined, async (p) => {
        if (!this.configurationCapability) this.globalSettings = toInput(p.settings?.cyberdossier);
        await this.refreshSettings();
        this.engine.forget();
        this.revalidateAll();
      }),
    );
    this.documents.onDidOpen((e) => this.track(e.document, true));
    this.documents.onDidChangeContent((e) => this.track(e.document, false));
    this.documents.onDidClose((e) => {
      const p = this.pathOf(e.document.uri);
      this.overlay.delete(p);
      this.engine.forget(p);
      clearTimeout(this.timers.get(e.document.uri));
      this.timers.delete(e.document.uri);
      if (!this.publishedClosed.has(e.document.uri)) this.send(e.document.uri, undefined, []);
      this.sink.forget(e.document.uri);
      this.checkMs.delete(e.document.uri);
      this.engine.trim(new Set([...this.overlay.keys()]));
      // Siblings may depend on the saved file now rather than the closed buffer.
      if (isConfigFile(p)) this.revalidateAll();
    });
    c.onDidChangeWatchedFiles(
      this.safe('watched files', undefined, (p) => {
        // The client watches *.json for SBOMs; only the SBOMs the open dossiers name matter.
        const sboms = new Set<string>();
        const isJson = (f: string) => /\.json$/i.test(f);
        if (p.changes.some((ch) => isJson(this.pathOf(ch.uri)))) {
          for (const d of this.documents.all()) {
            try {
              for (const s of this.engine.configFor(this.pathOf(d.uri)).config.sbom) sboms.add(path.resolve(s.path));
            } catch {
              // A broken configuration names no SBOM; its own finding says so.
            }
          }
        }
        // The configured vulnerability data (and VEX): a changed feed drops its index, then re-check.
        this.feeds.forgetChanged(p.changes.map((ch) => path.resolve(this.pathOf(ch.uri))));
        const changes = p.changes.filter((ch) => {
          const f = this.pathOf(ch.uri);
          return !/[\\/](node_modules|\.git)[\\/]/.test(f) && (!isJson(f) || sboms.has(path.resolve(f)) || this.feeds.isFeedFile(path.resolve(f)));
        });
        if (!changes.length) return;
        let structural = false;
        for (const ch of changes) {
          const file = this.pathOf(ch.uri);
          this.engine.forget(file);
          if (ch.type !== FileChangeType.Changed) structural = true;
        }
        if (structural) this.engine.forgetFileSystem();
        this.revalidateAll();
      }),
    );
    c.onCompletion(
      this.safe('completion', null, (p) => {
        const doc = this.documents.get(p.textDocument.uri);
        if (!doc) return null;
        const file = this.pathOf(doc.uri);
        return complete({ text: doc.getText(), position: p.position, locale: this.localeFor(file), view: viewOf(this.engine, file), ruleset: this.rulesetOf(file) });
      }),
    );
    c.onHover(
      this.safe('hover', null, (p) => {
        const doc = this.documents.get(p.textDocument.uri);
        if (!doc) return null;
        const file = this.pathOf(doc.uri);
        return hover({ text: doc.getText(), position: p.position, locale: this.localeFor(file), view: viewOf(this.engine, file), ruleset: this.rulesetOf(file) });
      }),
    );
    c.onCodeAction(
      this.safe('code actions', [], (p) => {
        const doc = this.documents.get(p.textDocument.uri);
        if (!doc) return [];
        const file = this.pathOf(doc.uri);
        const locale = this.localeFor(file);
        const only = p.context.only;
        const wants = (kind: string) => !only?.length || only.some((k) => k === kind || kind.startsWith(`${k}.`));
        // Every finding of the document, for fixes that cover several and for fix-all (cached check).
        let all: LspDiagnostic[] | undefined;
        const allOf = () => (all ??= (this.check(doc).get(file)?.diagnostics ?? []).map((d) => this.toLsp(d, locale, doc.uri)));
        const base = { uri: doc.uri, text: doc.getText(), locale, version: doc.version, schema: this.rulesetOf(file).schema, snippets: this.snippetEdits };
        const fixes = !wants('quickfix')
          ? []
          : codeActions({ ...base, diagnostics: p.context.diagnostics, selectCommand: this.selectRange, all: p.context.diagnostics.some((d) => d.code === 'frontmatter-missing') ? allOf() : undefined });
        // Fix-all only when asked for by kind (Source Action menu, codeActionsOnSave), never in the lightbulb list.
        if (only?.length && wants(FIX_ALL_KIND)) {
          const a = fixAllAction({ ...base, diagnostics: [], all: allOf(), snippets: false });
          if (a) fixes.push(a);
        }
        let migration: MigrationCodeAction[] = [];
        try {
          migration = migrationActions(viewOf(this.engine, file), {
            engine: this.engine,
            uri: doc.uri,
            range: p.range,
            locale,
            only,
            diagnostics: p.context.diagnostics as MigrationCodeAction['diagnostics'],
            toUri: (f) => URI.file(f).toString(),
            command: this.migrateCommand,
          });
        } catch (e) {
          // The migration offer is optional: its failure must not hide the quick fixes.
          this.error('migration code actions', e);
        }
        return [...fixes, ...(migration as never[])];
      }),
    );
    c.onDefinition(
      this.safe('definition', [], (p) => {
        const view = viewOf(this.engine, this.pathOf(p.textDocument.uri));
        return view ? definition(view, p.position, (f) => URI.file(f).toString()) : [];
      }),
    );
    c.onReferences(
      this.safe('references', [], (p) => {
        const view = viewOf(this.engine, this.pathOf(p.textDocument.uri));
        return view ? references(view, p.position, p.context.includeDeclaration, (f) => URI.file(f).toString()) : [];
      }),
    );
    c.languages.diagnostics.on(
      this.safe('pull diagnostics', { kind: DocumentDiagnosticReportKind.Full, items: [] }, async (p) => ({
        kind: DocumentDiagnosticReportKind.Full,
        items: await this.pulled(p.textDocument.uri),
      })),
    );
    c.languages.diagnostics.onWorkspace(
      this.safe('workspace diagnostics', { items: [] }, async (p, token) => ({
        items: await this.sink.workspaceReport(p.previousResultIds, (u) => !!this.documents.get(u), token),
      })),
    );
    c.onRequest(
      StatusRequest,
      this.safe('status', null, (p: StatusParams) => {
        const file = this.pathOf(p.uri);
        const last = this.sink.get(p.uri)?.items ?? [];
        const level = { [DiagnosticSeverity.Error]: 'error', [DiagnosticSeverity.Warning]: 'warning', [DiagnosticSeverity.Information]: 'info', [DiagnosticSeverity.Hint]: 'hint' } as const;
        return documentStatus(viewOf(this.engine, file), last.map((d) => ({ severity: level[d.severity ?? DiagnosticSeverity.Error] })));
      }),
    );
    c.onRequest(
      ServerInfoRequest,
      this.safe('server info', null, (p?: { gc?: boolean }): ServerInfo => {
        // Only a server started with --expose-gc (the soak's diagnosis mode) can collect on request.
        const gc = (globalThis as { gc?: () => void }).gc;
        if (p?.gc && gc) gc();
        const m = process.memoryUsage();
        return { version: packageVersion(), pid: process.pid, rssBytes: m.rss, heapUsedBytes: m.heapUsed, documents: this.documents.all().length, caches: this.engine.stats() };
      }),
    );
    c.onRequest(
      KindsRequest,
      this.safe('kinds', [], () => RULESETS.flatMap((rs) => rs.kinds.map((k) => ({ ruleset: rs.id, id: k.id, name: k.name })))),
    );
    c.onRequest(
      SkeletonRequest,
      this.safe('skeleton', null, (p: SkeletonParams) => {
        const rs = getRuleSet(p.ruleset) ?? RULESETS[0];
        const kind = kindOf(rs, p.kind);
        if (!kind) return null;
        return { text: skeleton(rs, kind, p.lang), fileName: `${kind.id}.md` };
      }),
    );
    c.onRequest(
      CheckWorkspaceRequest,
      this.safe('check workspace', null, async () => {
        const progress = this.workDoneProgress ? await c.window.createWorkDoneProgress() : undefined;
        return this.checkWorkspace(progress);
      }),
    );
    this.documents.listen(c);
  }

  private initialize(p: InitializeParams): InitializeResult {
    const caps = p.capabilities;
    this.configurationCapability = !!caps.workspace?.configuration;
    this.sink = new DiagnosticSink(this.connection, diagnosticMode(caps));
    this.workDoneProgress = !!caps.window?.workDoneProgress;
    const opts = (p.initializationOptions ?? {}) as InitializationOptions;
    this.trusted = opts.trusted !== false;
    this.workspaceFolderEvents = !!caps.workspace?.workspaceFolders;
    this.feeds.watchRegistration = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    this.feeds.relativePatterns = !!caps.workspace?.didChangeWatchedFiles?.relativePatternSupport;
    this.selectRange = !!opts.selectRangeCommand;
    this.migrateCommand = !!opts.migrateCommand;
    const we = caps.workspace?.workspaceEdit as { snippetEditSupport?: boolean; documentChanges?: boolean } | undefined;
    this.snippetEdits = !!we?.snippetEditSupport && !!we.documentChanges;
    const loc = opts.locale ?? p.locale ?? '';
    this.clientLocale = /^zh/i.test(loc) || !loc ? 'zh-CN' : 'en';
    this.folders = (p.workspaceFolders ?? []).map((f) => this.pathOf(f.uri));
    if (!this.folders.length && p.rootUri) this.folders = [this.pathOf(p.rootUri)];
    this.log(`initialize: locale ${this.clientLocale}, diagnostics ${this.sink.mode}, folders ${this.folders.join(', ') || '(none)'}, ${this.trusted ? 'trusted' : 'Restricted Mode'}`);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        completionProvider: { triggerCharacters: TRIGGER_CHARACTERS, resolveProvider: false },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND, MIGRATE_KIND, MIGRATE_STEP_KIND], resolveProvider: true },
        definitionProvider: true,
        referencesProvider: true,
        ...(this.sink.mode === 'pull' ? { diagnosticProvider: { identifier: SOURCE, interFileDependencies: true, workspaceDiagnostics: true } } : {}),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'cyberdossier-language-server' },
    };
  }

  // ---- settings ------------------------------------------------------------------------------

  private async refreshSettings(): Promise<void> {
    this.settings.clear();
    if (!this.configurationCapability) return;
    const scopes = this.folders.map((f) => URI.file(f).toString());
    const results = await this.connection.workspace.getConfiguration([{ section: 'cyberdossier' }, ...scopes.map((scopeUri) => ({ scopeUri, section: 'cyberdossier' }))]);
    this.globalSettings = toInput(results[0]);
    scopes.forEach((s, i) => this.settings.set(this.pathOf(s), toInput(results[i + 1])));
  }

  private async ensureSettings(uri: string): Promise<void> {
    if (!this.configurationCapability) return;
    const file = this.pathOf(uri);
    if (this.settings.has(file)) return;
    const [s] = await this.connection.workspace.getConfiguration([{ scopeUri: uri, section: 'cyberdossier' }]);
    this.settings.set(file, toInput(s));
  }

  /** Message language of a file: `locale` of its rc file, else the setting, else the editor's. */
  private localeFor(file: string): Locale {
    try {
      return this.engine.configFor(file).config.locale ?? this.clientLocale;
    } catch {
      return this.clientLocale;
    }
  }

  /** Editor settings of a file: its own (open document), else its workspace folder's, else global. */
  private settingsFor(file: string): { input: ConfigInput; base?: string } | undefined {
    const own = this.settings.get(file);
    const folder = this.folders.filter((f) => file === f || file.startsWith(f + path.sep)).sort((a, b) => b.length - a.length)[0];
    const input = own ?? (folder ? this.settings.get(folder) : undefined) ?? this.globalSettings;
    return { input, base: folder };
  }

  // ---- validation ----------------------------------------------------------------------------

  private pathOf(uri: string): string {
    return pathOfUri(uri);
  }

  private rulesetOf(file: string) {
    const s = this.engine.snapshotOf(file)?.file;
    return s?.ruleset ?? getRuleSet(this.engine.configFor(file).config.guideline) ?? RULESETS[0];
  }

  private track(doc: TextDocument, opened: boolean): void {
    const file = this.pathOf(doc.uri);
    this.overlay.set(file, { text: doc.getText(), version: doc.version });
    if (isConfigFile(file)) {
      // A dossier.yaml or rc file changed: every open document it may govern is re-checked.
      this.engine.forgetFileSystem();
      this.revalidateAll(opened ? 0 : this.debounceMs);
      return;
    }
    if (!/\.(md|markdown)$/i.test(file) && !doc.languageId.includes('markdown')) return;
    this.schedule(doc.uri, opened ? 0 : this.debounceFor(doc.uri));
  }

  /** Half the recent check time, between 5 and 50 ms: typing stays smooth, results stay fresh. */
  private debounceFor(uri: string): number {
    const ms = this.checkMs.get(uri);
    return ms === undefined ? Math.min(this.debounceMs, 20) : Math.max(5, Math.min(this.debounceMs, Math.round(ms / 2)));
  }

  private schedule(uri: string, delay = this.debounceMs): void {
    clearTimeout(this.timers.get(uri));
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.validate(uri);
      }, delay),
    );
  }

  private revalidateAll(delay = this.debounceMs): void {
    for (const d of this.documents.all()) {
      if (this.isMarkdown(d)) this.schedule(d.uri, delay);
    }
    // A pull client re-asks for every open document, debounced like the checks (typing in
    // dossier.yaml sends one refresh, not one per key); its pulls run the pending checks at once.
    if (this.sink.mode === 'pull') {
      clearTimeout(this.refreshTimer);
      this.refreshTimer = setTimeout(() => this.sink.refresh(), delay);
    }
  }

  private isMarkdown(d: TextDocument): boolean {
    return /\.(md|markdown)$/i.test(this.pathOf(d.uri)) || d.languageId.includes('markdown');
  }

  /**
   * Pull: the findings of an open document at its current version — from the last check when
   * nothing is pending, else from the check under way or one run now.
   */
  private async pulled(uri: string): Promise<LspDiagnostic[]> {
    const doc = this.documents.get(uri);
    if (!doc) return this.sink.closedItems(uri);
    await this.ensureSettings(uri);
    // dossier.yaml or the rc file: their findings follow checks of other files, so check now.
    if (!this.isMarkdown(doc)) return this.checkNow(doc);
    const fresh = () => {
      const last = this.sink.get(uri);
      const now = this.documents.get(uri);
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
    const now = this.documents.get(uri);
    return now ? this.checkNow(now) : [];
  }

  private checkNow(doc: TextDocument): LspDiagnostic[] {
    const file = this.pathOf(doc.uri);
    const locale = this.localeFor(file);
    return (this.check(doc).get(file)?.diagnostics ?? []).map((d) => this.toLsp(d, locale, doc.uri));
  }

  /** Checks a document (and, with it, its dossier); returns the reports by path. */
  private check(doc: TextDocument): Map<string, FileReport> {
    // As a dossier folder (missing-document included): dossier.yaml's findings show as soon as a
    // member is open, without a workspace check (issue 18 item 2). The members are the ones the
    // engine already reads to check a file (its dossier folder, cached), so a keystroke walks
    // nothing more; the check stays debounced and is dropped when a newer version arrives.
    const result = this.engine.check({ files: [this.pathOf(doc.uri)], members: true, dossier: true });
    return new Map(result.reports.map((r) => [r.path, r]));
  }

  private validate(uri: string): Promise<void> {
    const version = this.documents.get(uri)?.version;
    const done = this.validateNow(uri);
    if (version === undefined) return done;
    const run = { version, done };
    this.running.set(uri, run);
    return done.finally(() => {
      if (this.running.get(uri) === run) this.running.delete(uri);
    });
  }

  private async validateNow(uri: string): Promise<void> {
    try {
      const doc = this.documents.get(uri);
      if (!doc) return;
      await this.ensureSettings(uri);
      const version = doc.version;
      const file = this.pathOf(uri);
      // Much text to parse (opening a large file, a big paste): answer from the heading scan at
      // once, then parse in slices so completion and hover keep answering, dropping the work
      // when a newer version arrives; then check.
      const pending = this.engine.uncachedChunks({ files: [file] });
      if (pending.reduce((n, t) => n + t.length, 0) > 64_000) {
        // A pull waits for the full check: a partial answer would stay until the next edit.
        const quick = this.sink.mode === 'push' ? this.engine.quickCheck(file) : undefined;
        if (quick && this.documents.get(uri)?.version === version) {
          this.publish(uri, quick);
          void this.connection.sendNotification(CheckedNotification, { uri, version, complete: false });
        }
        const done = await this.engine.warmInSlices({ files: [file] }, { cancelled: () => this.documents.get(uri)?.version !== version });
        if (!done) return; // superseded: a newer run is scheduled
      }
      const started = Date.now();
      const reports = this.check(doc);
      if (this.documents.get(uri)?.version !== version) return; // superseded: a newer run is scheduled
      this.publish(uri, reports.get(file));
      // The same dossier's other open files, dossier.yaml, the rc file.
      for (const r of reports.values()) {
        if (r.path === file) continue;
        const u = URI.file(r.path).toString();
        const open = this.documents.get(u);
        if (open && open.version !== this.overlay.get(r.path)?.version) continue;
        if (open || !/\.(md|markdown)$/i.test(r.path) || this.publishedClosed.has(u)) this.publish(u, r);
      }
      // dossier.yaml has nothing to say any more (the missing document was added): clear it.
      const yamlPath = this.engine.dossierYamlFor(file);
      const yamlUri = yamlPath ? URI.file(yamlPath).toString() : undefined;
      if (yamlPath && yamlUri && !reports.has(yamlPath) && this.sink.get(yamlUri)?.items.length) this.publish(yamlUri, undefined);
      // The rc file governing it has nothing to say any more (fixed, or trust granted): clear it.
      const rc = this.engine.rcFileFor(file);
      const rcUri = rc ? URI.file(rc).toString() : undefined;
      if (rc && rcUri && !reports.has(rc) && this.sink.get(rcUri)?.items.length) this.publish(rcUri, undefined);
      this.feeds.watchFeeds();
      void this.connection.sendNotification(CheckedNotification, { uri, version, complete: true });
      const took = Date.now() - started;
      const prev = this.checkMs.get(uri);
      this.checkMs.set(uri, prev === undefined ? took : prev * 0.7 + took * 0.3);
      this.log(`checked ${path.basename(file)} v${version} in ${took} ms`);
    } catch (e) {
      this.error(`validate ${uri}`, e);
    }
  }

  private publish(uri: string, report: FileReport | undefined): void {
    const doc = this.documents.get(uri);
    const locale = this.localeFor(this.pathOf(uri));
    const items = (report?.diagnostics ?? []).map((d) => this.toLsp(d, locale, uri));
    if (!doc) {
      if (items.length) this.publishedClosed.add(uri);
      else this.publishedClosed.delete(uri);
    }
    this.send(uri, doc?.version, items);
  }

  private send(uri: string, version: number | undefined, items: LspDiagnostic[]): void {
    this.sink.set(uri, version, items);
  }

  toLsp(d: Diagnostic, locale: Locale, uri?: string): LspDiagnostic {
    const out: LspDiagnostic = {
      range: d.range,
      severity: SEVERITY[d.severity],
      code: d.code,
      codeDescription: { href: docsUrl(d.code) },
      source: SOURCE,
      message: localize(d.message, locale),
      data: d.data,
    };
    // The finding's other places (the rest of a section's placeholders, the YAML error behind a cascade).
    if (d.related?.length && uri)
      out.relatedInformation = d.related.map((r) => ({ location: { uri: r.path ? URI.file(r.path).toString() : uri, range: r.range }, message: localize(r.message, locale) }));
    return out;
  }

  // ---- workspace check -----------------------------------------------------------------------

  private async checkWorkspace(progress?: WorkDoneProgressReporter): Promise<CheckWorkspaceResult> {
    const summary: CheckWorkspaceResult = { files: 0, errors: 0, warnings: 0, infos: 0, hints: 0 };
    const title = this.clientLocale === 'en' ? 'Checking dossiers' : '正在检查申报资料';
    progress?.begin(title, 0, undefined, false);
    const before = new Set(this.publishedClosed);
    const seen = new Set<string>();
    this.engine.forgetFileSystem();
    for (let i = 0; i < this.folders.length; i++) {
      const folder = this.folders[i];
      progress?.report(Math.round((i / Math.max(1, this.folders.length)) * 100), path.basename(folder));
      await new Promise((r) => setImmediate(r)); // let the connection breathe between folders
      await this.ensureSettings(URI.file(folder).toString());
      const result = this.engine.check({ folders: [folder], members: true });
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
        const open = this.documents.get(uri);
        if (open && open.version !== this.overlay.get(r.path)?.version) continue;
        this.publish(uri, r);
      }
    }
    for (const uri of before) if (!seen.has(uri) && !this.documents.get(uri)) this.publish(uri, undefined);
    // The check may change open documents' findings too (a file created on disk): re-pull them.
    this.sink.refresh();
    progress?.done();
    return summary;
  }
}

function isConfigFile(file: string): boolean {
  const base = path.basename(file);
  return base === 'dossier.yaml' || base === '.cyberdossierrc.yaml';
}

/** Editor settings (`cyberdossier.*`) → the engine's configuration input. */
function toInput(s: unknown): ConfigInput {
  if (!s || typeof s !== 'object') return {};
  const o = s as Record<string, unknown>;
  const input: ConfigInput = {};
  // 'auto' (and the old null) leave it to the dossier.
  if (typeof o.guideline === 'string' && o.guideline !== 'auto') input.guideline = o.guideline;
  if (isLocale(o.locale)) input.locale = o.locale;
  if (o.rules && typeof o.rules === 'object') input.rules = Object.fromEntries(Object.entries(o.rules as object).filter(([, v]) => typeof v === 'string'));
  if (o.aliases && typeof o.aliases === 'object') input.aliases = Object.fromEntries(Object.entries(o.aliases as object).filter(([, v]) => Array.isArray(v)));
  if (o.ids && typeof o.ids === 'object') input.ids = o.ids as ConfigInput['ids'];
  if (Array.isArray(o.dossierGlobs)) input.dossierGlobs = o.dossierGlobs.filter((x): x is string => typeof x === 'string');
  if (typeof o.maxFileSize === 'string' || typeof o.maxFileSize === 'number') input.maxFileSize = o.maxFileSize;
  // cyberdossier.export: relative to the workspace folder (config.ts resolveConfig); withheld in Restricted Mode by VS Code (restrictedConfigurations).
  const ref = o.export && typeof o.export === 'object' ? (o.export as { referenceDocx?: unknown }).referenceDocx : undefined;
  if (typeof ref === 'string' && ref.trim()) input.export = { referenceDocx: ref.trim() };
  return input;
}
