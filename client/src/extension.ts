// The VS Code client: starts the language server over IPC, adds the commands, the language
// status item and the task provider. It executes nothing from the workspace.

import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
  TransportKind,
  RevealOutputChannelOn,
  CloseAction,
  ErrorAction,
  type ErrorHandler,
} from 'vscode-languageclient/node';
import {
  CheckWorkspaceRequest,
  type CheckWorkspaceResult,
  CheckedNotification,
  StatusRequest,
  TrustNotification,
} from '../../server/src/shared/protocol';
import type { DocumentStatus } from '../../server/src/features/status';
import type { Locale } from '../../server/src/engine/locale';
import type { Checklist } from '../../server/src/features/checklist';
import { registerChecklistView, type ChecklistRow } from './checklist';
import { registerWordCommands } from './word';
import { registerSbomCommands } from './sbom';
import { registerVulnsCommands } from './vulns';
import { registerMigrationCommand } from './migrate';
import { newDocument, type NewDocumentArgs } from './new-document';
import { l10n, localeFor, registerLocaleTracking, useLocaleOf } from './i18n';

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel;
let status: vscode.LanguageStatusItem | undefined;

let checklist: ReturnType<typeof registerChecklistView> | undefined;

/** What the extension exports (the end-to-end tests use it). */
export interface Api {
  client: () => LanguageClient | undefined;
  checklists: () => Checklist[];
  onDidChangeChecklist: vscode.Event<unknown>;
  /** The checklist view's rows as rendered, and the view's state. */
  checklistRows: () => ChecklistRow[];
  checklistView: () => { visible: boolean; title: string; description: string } | undefined;
  /** The language of the client's surfaces now (issue 18 item 5). */
  locale: () => Locale;
  /** The language status item as shown. */
  statusText: () => { text: string; detail: string } | undefined;
}

export async function activate(context: vscode.ExtensionContext): Promise<Api> {
  registerLocaleTracking(context);
  output = vscode.window.createOutputChannel('CyberDossier', { log: true });
  context.subscriptions.push(output);
  context.subscriptions.push(
    vscode.commands.registerCommand('cyberdossier.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('cyberdossier.restartServer', async () => {
      await client?.stop();
      await startClient(context);
      vscode.window.setStatusBarMessage(l10n.t('CyberDossier server restarted'), 3000);
    }),
    vscode.commands.registerCommand('cyberdossier.checkWorkspace', () => checkWorkspace()),
    vscode.commands.registerCommand('cyberdossier.newDocument', async (args?: NewDocumentArgs) => (await newDocument(() => client, args ?? {}))?.uri),
    // The same flow with its whole result (the dossier.yaml written, the facts added): tests, other extensions.
    vscode.commands.registerCommand('cyberdossier.newDocument.run', (args?: NewDocumentArgs) => newDocument(() => client, args ?? {})),
    vscode.commands.registerCommand('cyberdossier.selectRange', (uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }) => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document.uri.toString() !== uri) return;
      const r = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
      editor.selection = new vscode.Selection(r.start, r.end);
      editor.revealRange(r);
    }),
    vscode.tasks.registerTaskProvider('cyberdossier', { provideTasks: () => provideTasks(), resolveTask: (t) => resolveTask(t) }),
  );
  status = vscode.languages.createLanguageStatusItem('cyberdossier.status', { language: 'markdown' });
  status.name = 'CyberDossier';
  status.command = { title: l10n.t('Check workspace'), command: 'cyberdossier.checkWorkspace' };
  context.subscriptions.push(status);
  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(() => void updateStatus()),
    l10n.onDidChange(() => void updateStatus()),
    vscode.languages.onDidChangeDiagnostics((e) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active && e.uris.some((u) => u.toString() === active)) void updateStatus();
    }),
  );
  // A diagnostic's code links to docs/rules/<code>.md in the extension: VS Code opens such a link
  // as an editable text file; show the rendered page instead (issue 18 item 10).
  const docsRoots = ['rules', 'requirements'].map((d) => vscode.Uri.joinPath(context.extensionUri, 'docs', d).path + '/');
  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(async (e) => {
      const u = e?.document.uri;
      if (!u || u.scheme !== 'file' || !docsRoots.some((r) => u.path.startsWith(r)) || !u.path.endsWith('.md') || e.document.isDirty) return;
      // Close that text tab only (never another editor), then show the preview in its place.
      const tab = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === u.toString());
      if (tab) await vscode.window.tabGroups.close(tab, true);
      await vscode.commands.executeCommand('markdown.showPreview', u);
    }),
  );
  // Trust is granted once (never revoked without a reload): tell the running server.
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void client?.sendNotification(TrustNotification, { trusted: true })));
  checklist = registerChecklistView(context, () => client);
  registerWordCommands(context, () => client);
  registerSbomCommands(context, () => client);
  registerVulnsCommands(context, () => client);
  registerMigrationCommand(context, () => client);
  await startClient(context);
  return {
    client: () => client,
    checklists: () => checklist?.checklists() ?? [],
    onDidChangeChecklist: checklist.onDidChange,
    checklistRows: () => checklist?.rows() ?? [],
    checklistView: () => checklist?.view(),
    locale: () => l10n.locale,     statusText: () => (status ? { text: status.text, detail: status.detail ?? '' } : undefined),
  };
}

async function startClient(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('server', 'out', 'server.js'));
  const serverOptions: ServerOptions = {
    // A smaller young generation keeps the server's memory low at no cost in speed (bench/NOTES.md).
    run: { module, transport: TransportKind.ipc, options: { execArgv: ['--max-semi-space-size=4'] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011', '--max-semi-space-size=4'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'file', pattern: '**/dossier.yaml' },
      { scheme: 'file', pattern: '**/.cyberdossierrc.yaml' },
    ],
    synchronize: {
      configurationSection: 'cyberdossier',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/{*.md,*.markdown,dossier.yaml,.cyberdossierrc.yaml,*.json}'),
    },
    // Restricted Mode: the server leaves rc keys that name files or load patterns unapplied until
    // the folder is trusted (workspace settings of those keys VS Code itself withholds:
    // restrictedConfigurations in package.json).
    initializationOptions: { locale: vscode.env.language, selectRangeCommand: true, migrateCommand: true, trusted: vscode.workspace.isTrusted },
    outputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    middleware: {
      workspace: {
        // One language per dossier (issue 18 item 5): where the setting says `auto`, the server
        // gets the locale the client's surfaces use for that file (the dossier's language, else
        // the editor's), so messages and views agree. An rc file's `locale` still wins there.
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          if (!Array.isArray(result)) return result;
          return result.map((value, i) => {
            const item = params.items[i];
            if (item?.section !== 'cyberdossier' || !item.scopeUri || !value || typeof value !== 'object') return value;
            const v = value as Record<string, unknown>;
            if (v.locale === 'zh-CN' || v.locale === 'en') return value;
            return { ...v, locale: localeFor(vscode.Uri.parse(item.scopeUri)) };
          });
        },
      },
    },
    errorHandler: restartPolicy(),
  };
  client = new LanguageClient('cyberdossier', 'CyberDossier', serverOptions, clientOptions);
  await client.start();
  // After each check the checklist view follows (it asks for the dossier's checklist again).
  client.onNotification(CheckedNotification, () => checklist?.refresh());
  void updateStatus();
}

/** A server that dies is restarted, at most MAX_RESTARTS times in RESTART_WINDOW_MS. */
const MAX_RESTARTS = 4;
const RESTART_WINDOW_MS = 3 * 60_000;
function restartPolicy(): ErrorHandler {
  const restarts: number[] = [];
  return {
    // A message the server could not read or write: keep the connection, the next one may work.
    error: () => ({ action: ErrorAction.Continue, handled: true }),
    closed: () => {
      const now = Date.now();
      while (restarts.length && now - restarts[0] > RESTART_WINDOW_MS) restarts.shift();
      if (restarts.length >= MAX_RESTARTS) {
        return {
          action: CloseAction.DoNotRestart,
          message: l10n.t(
            'The CyberDossier server stopped {0} times in 3 minutes and will not be restarted. See the CyberDossier output, then run "CyberDossier: Restart server".',
            MAX_RESTARTS + 1,
          ),
        };
      }
      restarts.push(now);
      output.warn(`the language server stopped; restarting (${restarts.length} of ${MAX_RESTARTS} in 3 minutes)`);
      return { action: CloseAction.Restart, handled: true };
    },
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

async function updateStatus(): Promise<void> {
  const doc = vscode.window.activeTextEditor?.document;
  if (!status || !client || !doc || doc.languageId !== 'markdown') return;
  useLocaleOf(doc.uri);
  status.command = { title: l10n.t('Check workspace'), command: 'cyberdossier.checkWorkspace' };
  try {
    const s = (await client.sendRequest(StatusRequest, { uri: doc.uri.toString() })) as DocumentStatus | null;
    if (!s || !s.dossierFile) {
      status.text = l10n.t('Not a dossier file');
      status.detail = l10n.t('Add `document:` to the frontmatter to check this file');
      status.severity = vscode.LanguageStatusSeverity.Information;
      return;
    }
    void checklist?.revealOnce();
    const kind = s.kindName ? l10n.pick(s.kindName) : l10n.t('Unknown document kind');
    const rs = s.rulesetName ? l10n.pick(s.rulesetName) : '';
    status.text = s.dossier
      ? l10n.t('{0}: {1}/{2} · dossier {3}/{4}', kind, s.present, s.required, s.dossier.present, s.dossier.required)
      : l10n.t('{0}: {1} of {2} required sections present', kind, s.present, s.required);
    // The dossier's totals: the same numbers as the CLI, the report and the checklist (issue 18 item 2).
    const t = s.totals?.dossier;
    const totals = t ? ` · ${l10n.t('dossier: {0} errors, {1} warnings, {2} info, {3} hints', t.errors, t.warnings, t.infos, t.hints)}` : '';
    status.detail = `${rs}${s.missing.length ? ` · ${l10n.t('missing: {0}', s.missing.join(', '))}` : ''}${totals}`;
    status.severity = s.errors ? vscode.LanguageStatusSeverity.Error : s.warnings ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
  } catch (e) {
    output.warn(`status: ${(e as Error).message}`);
  }
}

async function checkWorkspace(): Promise<CheckWorkspaceResult | undefined> {
  if (!client) return undefined;
  const result = (await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: l10n.t('CyberDossier: checking the workspace'), cancellable: false },
    () => client!.sendRequest(CheckWorkspaceRequest, {}),
  )) as CheckWorkspaceResult;
  vscode.window.setStatusBarMessage(
    l10n.t('CyberDossier: {0} files, {1} errors, {2} warnings', result.files, result.errors, result.warnings),
    5000,
  );
  return result;
}

function provideTasks(): vscode.Task[] {
  return (vscode.workspace.workspaceFolders ?? []).map((f) => resolveTask(new vscode.Task({ type: 'cyberdossier', paths: ['.'] }, f, 'check', 'cyberdossier'))!);
}

/** `npx cyberdossier check` with the problem matcher: for those who have Node and the CLI. */
function resolveTask(task: vscode.Task): vscode.Task | undefined {
  const def = task.definition as { type: string; paths?: string[] };
  const paths = def.paths?.length ? def.paths : ['.'];
  const exec = new vscode.ShellExecution('npx', ['--no-install', 'cyberdossier', 'check', ...paths]);
  const t = new vscode.Task(def, task.scope ?? vscode.TaskScope.Workspace, task.name || 'check', 'cyberdossier', exec, ['$cyberdossier']);
  t.group = vscode.TaskGroup.Test;
  return t;
}
