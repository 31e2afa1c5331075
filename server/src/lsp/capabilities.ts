// The initialize handshake: what the client says it can do (read once into a `ClientState`) and
// what the server advertises in return. Both are pure functions of the request, so the one place
// that decides push or pull (diagnostics.ts `diagnosticMode`) also decides whether
// `diagnosticProvider` is advertised: a client gets one mode, never both.

import { type InitializeParams, type InitializeResult, TextDocumentSyncKind } from 'vscode-languageserver';
import type { Locale } from '../engine';
import { pathOfUri } from '../shared/uri';
import type { InitializationOptions } from '../shared/protocol';
import { FIX_ALL_KIND } from '../features/codeActions';
import { TRIGGER_CHARACTERS } from '../features/completion';
import { MIGRATE_KIND, MIGRATE_STEP_KIND } from '../features/migrate';
import { diagnosticMode, type DiagnosticMode } from './diagnostics';
import { SOURCE } from './convert';

/** What the client can do and asked for, from its initialize request. */
export interface ClientState {
  /** It answers `workspace/configuration` (settings per resource). */
  configuration: boolean;
  /** Diagnostics pushed or pulled (diagnostics.ts). */
  mode: DiagnosticMode;
  /** It shows server-initiated progress (the workspace check). */
  workDoneProgress: boolean;
  /** It sends workspace folder changes. */
  workspaceFolderEvents: boolean;
  /** It registers file watchers on request, and with relative patterns (feeds.ts). */
  watchRegistration: boolean;
  relativePatterns: boolean;
  /** initializationOptions: the client has the select-range and migrate commands. */
  selectRange: boolean;
  migrateCommand: boolean;
  /** The client applies SnippetTextEdits in a WorkspaceEdit (LSP 3.18). */
  snippetEdits: boolean;
  /** The editor's language: zh-CN unless it says English (or another non-Chinese locale). */
  locale: Locale;
  /** Workspace Trust as the client reported it at start (a client that says nothing: trusted). */
  trusted: boolean;
  /** The workspace folders (the root URI when it sends no folders). */
  folders: string[];
}

/** Reads the client's capabilities and initialization options. */
export function clientStateOf(p: InitializeParams): ClientState {
  const caps = p.capabilities;
  const opts = (p.initializationOptions ?? {}) as InitializationOptions;
  const we = caps.workspace?.workspaceEdit as { snippetEditSupport?: boolean; documentChanges?: boolean } | undefined;
  const loc = opts.locale ?? p.locale ?? '';
  let folders = (p.workspaceFolders ?? []).map((f) => pathOfUri(f.uri));
  if (!folders.length && p.rootUri) folders = [pathOfUri(p.rootUri)];
  return {
    configuration: !!caps.workspace?.configuration,
    mode: diagnosticMode(caps),
    workDoneProgress: !!caps.window?.workDoneProgress,
    workspaceFolderEvents: !!caps.workspace?.workspaceFolders,
    watchRegistration: !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration,
    relativePatterns: !!caps.workspace?.didChangeWatchedFiles?.relativePatternSupport,
    selectRange: !!opts.selectRangeCommand,
    migrateCommand: !!opts.migrateCommand,
    snippetEdits: !!we?.snippetEditSupport && !!we.documentChanges,
    locale: /^zh/i.test(loc) || !loc ? 'zh-CN' : 'en',
    trusted: opts.trusted !== false,
    folders,
  };
}

/** The server's capabilities: `diagnosticProvider` only for a client that pulls. */
export function initializeResult(mode: DiagnosticMode): InitializeResult {
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
      completionProvider: { triggerCharacters: TRIGGER_CHARACTERS, resolveProvider: false },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND, MIGRATE_KIND, MIGRATE_STEP_KIND], resolveProvider: true },
      definitionProvider: true,
      referencesProvider: true,
      ...(mode === 'pull' ? { diagnosticProvider: { identifier: SOURCE, interFileDependencies: true, workspaceDiagnostics: true } } : {}),
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'cyberdossier-language-server' },
  };
}
