// The language server: a thin adapter over the engine. It keeps the open documents, resolves
// settings per resource (settings.ts), debounces and drops stale work (validation.ts), delivers
// diagnostics — pushed with versions, or pulled when the client supports pulls (diagnostics.ts:
// one mode, never both) —, and serves completion, hover, code actions and navigation from the
// engine's cached state. This module owns the parts and the session's state and wires them; the
// handlers live in handlers/, one module per request family. It never throws to the client.

import type { Connection, InitializeParams, InitializeResult, WorkDoneProgressReporter } from 'vscode-languageserver';
import { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Engine, faultsFromEnv, getRuleSet, nodeHost, overlayHost, RULESETS, type Locale, type RuleSet } from '../engine';
import type { CheckWorkspaceResult } from '../shared/protocol';
import { pathOfUri } from '../shared/uri';
import { sbomReader } from '../sbom';
import { clientStateOf, initializeResult, type ClientState } from './capabilities';
import type { ServerContext } from './context';
import { DiagnosticSink } from './diagnostics';
import { FeedWatcher } from './feeds';
import { registerHandlers } from './handlers';
import { ServerLog } from './log';
import { Publisher } from './publish';
import { WorkspaceScope } from './scope';
import { EditorSettings } from './settings';
import { Validation } from './validation';
import { checkWorkspace } from './workspace-check';

export interface ServerOptions {
  /** Debounce of validation after an edit, in ms. */
  debounceMs?: number;
}

/** What a client is assumed to do before its initialize request says otherwise. */
const BEFORE_INITIALIZE: ClientState = {
  configuration: false,
  mode: 'push',
  workDoneProgress: false,
  workspaceFolderEvents: false,
  watchRegistration: false,
  relativePatterns: false,
  selectRange: false,
  migrateCommand: false,
  snippetEdits: false,
  locale: 'zh-CN',
  trusted: true,
  folders: [],
};

export class DossierServer implements ServerContext {
  readonly documents = new TextDocuments(TextDocument);
  readonly overlay = new Map<string, { text: string; version: number }>();
  readonly engine: Engine;
  readonly logger: ServerLog;
  readonly settings: EditorSettings;
  readonly publisher: Publisher;
  readonly validation: Validation;
  readonly feeds: FeedWatcher;
  readonly scope = new WorkspaceScope(() => this.folders);
  client: ClientState = BEFORE_INITIALIZE;
  sink: DiagnosticSink;
  folders: string[] = [];
  trusted = true;

  constructor(
    readonly connection: Connection,
    options: ServerOptions = {},
  ) {
    this.sink = new DiagnosticSink(connection, 'push');
    this.logger = new ServerLog(connection);
    this.settings = new EditorSettings(connection, () => this.folders);
    this.engine = new Engine({
      host: overlayHost(nodeHost, this.overlay),
      settings: (file) => this.settings.settingsFor(file),
      onInternalError: (f) => this.logger.ruleFailed(f),
      faults: faultsFromEnv(),
      roots: () => this.folders,
      restricted: () => !this.trusted,
      // The SBOM reader port (issue 15 item 2): the engine reads SBOMs only through it.
      sbom: sbomReader,
    });
    this.feeds = new FeedWatcher({
      connection,
      engine: this.engine,
      openFiles: () => this.documents.all().map((d) => pathOfUri(d.uri)),
      log: (m) => this.logger.log(m),
      error: (w, e) => this.logger.error(w, e),
    });
    this.publisher = new Publisher({ documents: this.documents, sink: () => this.sink, localeFor: (f) => this.localeFor(f) });
    this.validation = new Validation({
      connection,
      engine: this.engine,
      documents: this.documents,
      overlay: this.overlay,
      sink: () => this.sink,
      publisher: this.publisher,
      ensureSettings: (u) => this.settings.ensure(u),
      localeFor: (f) => this.localeFor(f),
      watchFeeds: () => this.feeds.watchFeeds(),
      log: (m) => this.logger.log(m),
      error: (w, e) => this.logger.error(w, e),
      debounceMs: options.debounceMs ?? 50,
    });
    registerHandlers(this);
  }

  get clientLocale(): Locale {
    return this.client.locale;
  }

  initialize(p: InitializeParams): InitializeResult {
    const client = clientStateOf(p);
    this.client = client;
    this.settings.pulls = client.configuration;
    this.sink = new DiagnosticSink(this.connection, client.mode);
    this.trusted = client.trusted;
    this.feeds.watchRegistration = client.watchRegistration;
    this.feeds.relativePatterns = client.relativePatterns;
    this.folders = [...client.folders];
    this.logger.log(`initialize: locale ${client.locale}, diagnostics ${this.sink.mode}, folders ${this.folders.join(', ') || '(none)'}, ${this.trusted ? 'trusted' : 'Restricted Mode'}`);
    return initializeResult(this.sink.mode);
  }

  /** Message language of a file: `locale` of its rc file, else the setting, else the editor's. */
  localeFor(file: string): Locale {
    try {
      return this.engine.configFor(file).config.locale ?? this.clientLocale;
    } catch {
      return this.clientLocale;
    }
  }

  rulesetOf(file: string): RuleSet {
    const s = this.engine.snapshotOf(file)?.file;
    return s?.ruleset ?? getRuleSet(this.engine.configFor(file).config.guideline) ?? RULESETS[0];
  }

  checkWorkspace(progress?: WorkDoneProgressReporter): Promise<CheckWorkspaceResult> {
    return checkWorkspace(
      {
        engine: this.engine,
        documents: this.documents,
        overlay: this.overlay,
        publisher: this.publisher,
        sink: () => this.sink,
        folders: () => this.folders,
        ensureSettings: (u) => this.settings.ensure(u),
        clientLocale: () => this.clientLocale,
      },
      progress,
    );
  }
}
