// What the request handlers (handlers/) share: the server's parts and its state, as one typed
// view. The server (server.ts) owns and wires them; each handler family reads only what it
// needs from here, so a new request lands in its family's module without touching the others.

import type { Connection, InitializeParams, InitializeResult, TextDocuments, WorkDoneProgressReporter } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Engine, Locale, RuleSet } from '../engine';
import type { CheckWorkspaceResult } from '../shared/protocol';
import type { ClientState } from './capabilities';
import type { DiagnosticSink } from './diagnostics';
import type { FeedWatcher } from './feeds';
import type { ServerLog } from './log';
import type { Publisher } from './publish';
import type { WorkspaceScope } from './scope';
import type { EditorSettings } from './settings';
import type { Validation } from './validation';

export interface ServerContext {
  readonly connection: Connection;
  readonly engine: Engine;
  readonly documents: TextDocuments<TextDocument>;
  /** The open texts the engine reads (overlayHost), by path, with their versions. */
  readonly overlay: Map<string, { text: string; version: number }>;
  readonly settings: EditorSettings;
  readonly validation: Validation;
  readonly publisher: Publisher;
  /** The configured vulnerability data of the open dossiers, and its watcher (feeds.ts). */
  readonly feeds: FeedWatcher;
  /** Custom requests name files only inside the workspace folders (scope.ts). */
  readonly scope: WorkspaceScope;
  readonly logger: ServerLog;
  /** What the client can do (capabilities.ts); defaults until initialize. */
  readonly client: ClientState;
  /** Where findings go; push until initialize says the client pulls. */
  readonly sink: DiagnosticSink;
  /** The workspace folders (initialize, then folder change events). */
  folders: string[];
  /**
   * Whether the client trusts the workspace (VS Code's Workspace Trust, initializationOptions
   * and TrustNotification). Until it does, rc keys that name files or load patterns are not
   * applied (engine `restricted`). A client that says nothing has no such notion: trusted.
   */
  trusted: boolean;
  /** The editor's language (initialize). */
  readonly clientLocale: Locale;
  /** Reads the client's initialize request and answers with the server's capabilities. */
  initialize(p: InitializeParams): InitializeResult;
  /** Message language of a file: `locale` of its rc file, else the setting, else the editor's. */
  localeFor(file: string): Locale;
  /** The rule set of a file: the last check's, else its configured guideline's, else the first. */
  rulesetOf(file: string): RuleSet;
  checkWorkspace(progress?: WorkDoneProgressReporter): Promise<CheckWorkspaceResult>;
}
