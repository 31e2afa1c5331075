// The requirement checklist view (Explorer: `cyberdossier.checklist`) and the "Export dossier
// report…" command (issue 7). The view shows the dossier of the active file — or, when the
// active file is in no dossier, every dossier of the workspace — as documents → requirements,
// each with its status, reason or switched-off fact, and findings; it is fed by the server's
// `cyberdossier/checklist` request (so other editors can build the same view) and refreshed when
// the server says a document was checked (`refresh()`) and when the active editor changes.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { l10n, useLocaleOf } from './i18n';
import type { Checklist, ChecklistDocument, ChecklistItem, RequirementStatus } from '../../server/src/features/checklist';
import { documentIcon, requirementIcon } from './checklist-icons';
import { reportOpener, withReportCsp, type ReportOpener } from './report-open';
import { ChecklistRequest, ChecklistsRequest, ReportRequest, type ReportParams, type ReportResult } from '../../server/src/shared/protocol';

export const VIEW_ID = 'cyberdossier.checklist';

/** A row of the view as rendered. */
export interface ChecklistRow {
  id: string;
  label: string;
  description: string;
  icon: string;
  color: string;
  tooltip: string;
}
const pick = (l: { zh: string; en: string }) => l10n.pick(l);

type Node =
  | { type: 'dossier'; checklist: Checklist }
  | { type: 'document'; checklist: Checklist; doc: ChecklistDocument }
  | { type: 'requirement'; checklist: Checklist; doc: ChecklistDocument; item: ChecklistItem };

function statusLabel(s: RequirementStatus): string {
  switch (s) {
    case 'present':
      return l10n.t('present');
    case 'not-applicable':
      return l10n.t('not applicable');
    case 'missing':
      return l10n.t('missing');
    case 'empty':
      return l10n.t('empty or placeholder');
    case 'not-required':
      return l10n.t('not required here');
  }
}

function range(r: { start: { line: number; character: number }; end: { line: number; character: number } }): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

class ChecklistProvider implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: Checklist[] = [];
  /** The dossier file the view follows (the last active one). */
  private target: vscode.Uri | undefined;
  private timer: NodeJS.Timeout | undefined;
  private generation = 0;
  view?: vscode.TreeView<Node>;

  constructor(private readonly getClient: () => LanguageClient | undefined) {}

  follow(uri: vscode.Uri | undefined): void {
    if (uri && uri.scheme !== 'file') return; // the Output panel, a diff…: keep what is shown
    this.target = uri;
    this.schedule(0);
  }

  /**
   * Fetch again soon (several checked notifications in a row make one request). Not while the
   * view is hidden: outside a dossier a fetch walks the workspace, and showing the view fetches.
   */
  schedule(delay = 150): void {
    clearTimeout(this.timer);
    if (this.view && !this.view.visible) return;
    this.timer = setTimeout(() => void this.fetch(), delay);
  }

  private async fetch(): Promise<void> {
    const client = this.getClient();
    if (!client) return;
    const gen = ++this.generation;
    let roots: Checklist[] = [];
    try {
      const own = this.target && /\.(md|markdown|ya?ml)$/i.test(this.target.path) ? ((await client.sendRequest(ChecklistRequest, { uri: this.target.toString() })) as Checklist | null) : null;
      if (own) roots = [own];
      else
        for (const f of vscode.workspace.workspaceFolders ?? []) roots.push(...((await client.sendRequest(ChecklistsRequest, { uri: f.uri.toString() })) as Checklist[]));
    } catch {
      return; // the server is restarting: keep the last view
    }
    if (gen !== this.generation) return; // a newer fetch is under way
    this.roots = roots;
    this.updateTitle();
    this.changed.fire(undefined);
  }

  /** Re-renders in the current language (the locale followed another dossier or the setting). */
  relabel(): void {
    this.updateTitle();
    this.changed.fire(undefined);
  }

  private updateTitle(): void {
    if (!this.view) return;
    this.view.title = l10n.t('Dossier checklist');
    const present = this.roots.reduce((n, c) => n + c.counts.present, 0);
    const required = this.roots.reduce((n, c) => n + c.counts.required, 0);
    const missing = this.roots.reduce((n, c) => n + c.counts.byStatus.missing + c.documents.filter((d) => d.status === 'missing').length, 0);
    this.view.description = this.roots.length
      ? this.roots.length === 1
        ? this.roots[0].totals
          ? // The dossier's totals, as the CLI, the report and the status item count them (issue 18 item 2).
            l10n.t('{0} · {1}/{2} · {3} errors, {4} warnings', this.roots[0].name, present, required, this.roots[0].totals.errors, this.roots[0].totals.warnings)
          : l10n.t('{0} · {1}/{2}', this.roots[0].name, present, required)
        : l10n.t('{0} dossiers · {1}/{2}', this.roots.length, present, required)
      : undefined;
    this.view.badge = missing ? { value: missing, tooltip: l10n.n(missing, '{0} required section or document missing', '{0} required sections or documents missing') } : undefined;
  }

  /** The checklists shown (tests and the export command read them). */
  get checklists(): Checklist[] {
    return this.roots;
  }

  getChildren(node?: Node): Node[] {
    if (!node) {
      if (this.roots.length === 1) return this.roots[0].documents.map((doc) => ({ type: 'document', checklist: this.roots[0], doc }));
      return this.roots.map((checklist) => ({ type: 'dossier', checklist }));
    }
    if (node.type === 'dossier') return node.checklist.documents.map((doc) => ({ type: 'document', checklist: node.checklist, doc }));
    if (node.type === 'document') return node.doc.requirements.filter((r) => !r.parent).map((item) => ({ type: 'requirement', checklist: node.checklist, doc: node.doc, item }));
    return node.doc.requirements.filter((r) => r.parent === node.item.id).map((item) => ({ type: 'requirement', checklist: node.checklist, doc: node.doc, item }));
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.type === 'dossier') {
      const c = node.checklist;
      const t = new vscode.TreeItem(c.name, vscode.TreeItemCollapsibleState.Expanded);
      t.id = `dossier|${c.root}`;
      t.description = `${c.counts.present}/${c.counts.required}`;
      t.tooltip = new vscode.MarkdownString(`**${c.name}**\n\n${c.submission.label ? pick(c.submission.label) : c.submission.problem ? pick(c.submission.problem) : ''}\n\n${pick(c.ruleset.guideline)}`);
      t.iconPath = new vscode.ThemeIcon('folder-library');
      t.resourceUri = vscode.Uri.parse(c.rootUri);
      t.contextValue = 'dossier';
      return t;
    }
    if (node.type === 'document') return documentItem(node.checklist, node.doc);
    return requirementItem(node.checklist, node.doc, node.item);
  }

  getParent(node: Node): Node | undefined {
    if (node.type === 'dossier') return undefined;
    if (node.type === 'document') return this.roots.length === 1 ? undefined : { type: 'dossier', checklist: node.checklist };
    const parent = node.item.parent ? node.doc.requirements.find((r) => r.id === node.item.parent) : undefined;
    return parent ? { type: 'requirement', checklist: node.checklist, doc: node.doc, item: parent } : { type: 'document', checklist: node.checklist, doc: node.doc };
  }
}

function documentItem(c: Checklist, d: ChecklistDocument): vscode.TreeItem {
  const t = new vscode.TreeItem(pick(d.name), d.requirements.length ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
  t.id = `doc|${c.root}|${d.kind}`;
  const findings = d.counts.findings.total ? ` · ${l10n.n(d.counts.findings.total, '{0} finding', '{0} findings')}` : '';
  t.description =
    d.status === 'missing'
      ? l10n.t('missing document')
      : d.status === 'rejected'
        ? l10n.t('not part of this submission')
        : d.status === 'unchecked'
          ? l10n.t('not checked')
          : `${d.counts.present}/${d.counts.required}${findings}`;
  // Short: what it is, how far it is, why it is (not) needed, where it is.
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`**${pick(d.name)}** · ${d.clause}\n\n`);
  md.appendText(d.note ? `${pick(d.note)}\n\n` : `${l10n.t('{0} of {1} required sections present', d.counts.present, d.counts.required)}\n\n`);
  if (d.files.length) md.appendMarkdown(d.files.map((f) => `\`${f.relPath}\``).join(', '));
  t.tooltip = md;
  const icon = documentIcon(d);
  t.iconPath = new vscode.ThemeIcon(icon.icon, new vscode.ThemeColor(icon.color));
  t.contextValue = `document.${d.status}`;
  if (d.files[0]) {
    t.resourceUri = vscode.Uri.parse(d.files[0].uri);
    t.command = { title: l10n.t('Open'), command: 'vscode.open', arguments: [vscode.Uri.parse(d.files[0].uri)] };
  } else if (d.create) {
    t.command = {
      title: l10n.t('Create the missing document'),
      command: 'cyberdossier.newDocument',
      arguments: [{ kind: d.create.kind, ruleset: d.create.ruleset, uri: vscode.Uri.joinPath(vscode.Uri.parse(d.create.folderUri), d.create.fileName).toString() }],
    };
  }
  return t;
}

function requirementItem(c: Checklist, d: ChecklistDocument, r: ChecklistItem): vscode.TreeItem {
  const hasChildren = d.requirements.some((x) => x.parent === r.id);
  const t = new vscode.TreeItem(`${r.id} ${pick(r.title)}`, hasChildren ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
  t.id = `req|${c.root}|${d.kind}|${r.id}`;
  const icon = requirementIcon(r);
  t.iconPath = new vscode.ThemeIcon(icon.icon, new vscode.ThemeColor(icon.color));
  const note = r.note ? pick(r.note) : '';
  const findings = r.findings.total ? l10n.n(r.findings.total, '{0} finding', '{0} findings') : '';
  const status = icon.meaning === 'recommended-missing' ? l10n.t('recommended, not written') : r.status === 'present' ? '' : statusLabel(r.status);
  t.description = [status, note, findings].filter(Boolean).join(' · ');
  // Short: the section and its clause, its status, and the one reason that matters.
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`**${r.id}** ${pick(r.title)} · ${l10n.t('clause {0}', r.clause)}\n\n`);
  const why = r.requiredBecause && r.status !== 'present' ? ` — ${l10n.t('required because {0}', pick(r.requiredBecause))}` : '';
  md.appendText(`${status || statusLabel(r.status)}${r.required || !r.recommended || icon.meaning === 'recommended-missing' ? '' : ` (${l10n.t('recommended')})`}${why}${findings ? ` · ${findings}` : ''}`);
  if (note && note !== status) md.appendText(`\n\n${note}`);
  t.tooltip = md;
  t.contextValue = `requirement.${r.status}${r.quickFix ? '.fixable' : ''}`;
  if (r.location) {
    t.command = { title: l10n.t('Go to the section'), command: 'cyberdossier.checklist.open', arguments: [r.location.uri, r.location.range] };
  } else if (r.quickFix) {
    t.command = { title: l10n.t('Add the missing section'), command: 'cyberdossier.checklist.fix', arguments: [r] };
  } else if (r.misplacedAt) {
    t.command = { title: l10n.t('Go to the misplaced heading'), command: 'cyberdossier.checklist.open', arguments: [r.misplacedAt.uri, r.misplacedAt.range] };
  }
  return t;
}

export function registerChecklistView(
  context: vscode.ExtensionContext,
  getClient: () => LanguageClient | undefined,
): {
  refresh: () => void;
  checklists: () => Checklist[];
  onDidChange: vscode.Event<unknown>;
  revealOnce: () => Promise<boolean>;
  rows: () => ChecklistRow[];
  view: () => { visible: boolean; title: string; description: string };
} {
  const p = new ChecklistProvider(getClient);
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: p, showCollapseAll: true });
  p.view = view;
  view.title = l10n.t('Dossier checklist');
  context.subscriptions.push(
    view,
    l10n.onDidChange(() => p.relabel()),
    vscode.window.onDidChangeActiveTextEditor((e) => {
      if (e) p.follow(e.document.uri);
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => p.schedule()),
    view.onDidChangeVisibility((e) => {
      if (e.visible) p.schedule(0);
    }),
    vscode.commands.registerCommand('cyberdossier.checklist.refresh', () => p.schedule(0)),
    vscode.commands.registerCommand('cyberdossier.checklist.open', async (uri: string, r: Parameters<typeof range>[0]) => {
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
      await vscode.window.showTextDocument(doc, { selection: new vscode.Range(r.start.line, 0, r.start.line, 0) });
    }),
    vscode.commands.registerCommand('cyberdossier.checklist.fix', (arg: ChecklistItem | { item?: ChecklistItem }) => applyQuickFix('item' in arg && arg.item ? arg.item : (arg as ChecklistItem))),
    vscode.commands.registerCommand('cyberdossier.exportReport', (arg?: vscode.Uri | Node | ExportReportArgs) => exportReport(context, getClient, arg, p)),
  );
  p.follow(vscode.window.activeTextEditor?.document.uri);
  // The rows as rendered (the end-to-end tests read icons, descriptions and tooltips here).
  const rows = (): ChecklistRow[] => {
    const out: ChecklistRow[] = [];
    const walk = (nodes: Node[]) => {
      for (const n of nodes) {
        const t = p.getTreeItem(n);
        const icon = t.iconPath instanceof vscode.ThemeIcon ? t.iconPath : undefined;
        const label = typeof t.label === 'string' ? t.label : (t.label?.label ?? '');
        out.push({ id: t.id ?? '', label, description: typeof t.description === 'string' ? t.description : '', icon: icon?.id ?? '', color: (icon?.color as { id?: string } | undefined)?.id ?? '', tooltip: t.tooltip instanceof vscode.MarkdownString ? t.tooltip.value : String(t.tooltip ?? '') });
        walk(p.getChildren(n));
      }
    };
    walk(p.getChildren());
    return out;
  };
  return {
    refresh: () => p.schedule(),
    checklists: () => p.checklists,
    onDidChange: p.onDidChangeTreeData,
    revealOnce: () => revealOnce(context, view),
    rows,
    view: () => ({ visible: view.visible, title: view.title ?? '', description: typeof view.description === 'string' ? view.description : '' }),
  };
}

const REVEALED = 'cyberdossier.checklistRevealed';

/**
 * The first time a dossier file is open (per machine), the view opens — it starts collapsed at
 * the bottom of the Explorer, where a new user does not find it — and the editor keeps the focus.
 */
async function revealOnce(context: vscode.ExtensionContext, view: vscode.TreeView<Node>): Promise<boolean> {
  if (context.globalState.get<boolean>(REVEALED) || view.visible) return false;
  await context.globalState.update(REVEALED, true);
  await vscode.commands.executeCommand(`${VIEW_ID}.focus`);
  // Give the keyboard back to whatever editor is in front, never by re-showing a document: another
  // editor may have opened meanwhile (the Workspace Trust editor, a preview) and must stay in front.
  await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
  return true;
}

/** Opens the anchor of a missing section and applies the quick fix of its diagnostic. */
async function applyQuickFix(item: ChecklistItem): Promise<boolean> {
  const qf = item.quickFix;
  if (!qf) return false;
  const uri = vscode.Uri.parse(qf.uri);
  const at = range(qf.diagnostic.range);
  const requirement = String(qf.diagnostic.data.requirement ?? item.id);
  const idInMessage = new RegExp(`[（(]${requirement.replace(/\./g, '\\.')}[)）]`);
  const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' && d.code ? String(d.code.value) : String(d.code ?? ''));
  // The diagnostic's data does not survive the trip through the command: match it by code,
  // line and the requirement ID its message names.
  const matches = (d: vscode.Diagnostic) => codeOf(d) === qf.diagnostic.code && d.range.start.line === at.start.line && idInMessage.test(d.message);
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { selection: new vscode.Range(at.start, at.start) });
  // A file that was not open gets its diagnostics a moment after it opens: the quick fix needs them.
  await diagnosticOn(uri, matches, 5000);
  const actions = (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, at, vscode.CodeActionKind.QuickFix.value)) ?? [];
  const codeActions = actions.filter((a): a is vscode.CodeAction => typeof (a as vscode.Command).command !== 'string');
  // The command API drops the actions' diagnostics; our fixes name their requirement in the title.
  let candidates = codeActions.filter((a) => a.diagnostics?.some(matches));
  if (!candidates.length) candidates = codeActions.filter((a) => idInMessage.test(a.title));
  const chosen = candidates.find((a) => a.isPreferred) ?? candidates[0];
  if (!chosen) {
    void vscode.window.showWarningMessage(l10n.t('No quick fix for {0} here; the document may have changed.', `${item.id} ${pick(item.title)}`));
    return false;
  }
  if (chosen.edit) await vscode.workspace.applyEdit(chosen.edit);
  if (chosen.command) await vscode.commands.executeCommand(chosen.command.command, ...(chosen.command.arguments ?? []));
  return true;
}

/** Resolves when the file has a diagnostic that `matches` (or after `ms`). */
function diagnosticOn(uri: vscode.Uri, matches: (d: vscode.Diagnostic) => boolean, ms: number): Promise<void> {
  if (vscode.languages.getDiagnostics(uri).some(matches)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      sub.dispose();
      resolve();
    };
    const timer = setTimeout(done, ms);
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString()) && vscode.languages.getDiagnostics(uri).some(matches)) done();
    });
  });
}

type Format = { label: string; description: string; format: ReportParams['format']; table?: ReportParams['table']; ext: string; filter: string };

/** What a caller (a test, a keybinding) may decide instead of asking. */
export interface ExportReportArgs {
  uri?: string;
  format?: ReportParams['format'];
  table?: ReportParams['table'];
  /** The file to write (no dialog). */
  target?: string;
  /** Open the written report (HTML: the browser) without asking. */
  open?: boolean;
}

/** Where reports go (per workspace), once the user has chosen: asked once, then remembered. */
const REPORT_FOLDER = 'cyberdossier.reportFolder';

/**
 * The default folder of a report: the one chosen before, else beside the dossier folder (its
 * parent, inside the workspace) — a report inside the dossier would be walked with its files.
 */
function defaultReportFolder(context: vscode.ExtensionContext, dossierRoot: vscode.Uri): vscode.Uri {
  const remembered = context.workspaceState.get<string>(REPORT_FOLDER);
  if (remembered) return vscode.Uri.parse(remembered);
  // The dossier's parent: still inside the workspace unless the dossier is the workspace folder.
  return vscode.Uri.joinPath(dossierRoot, '..');
}

/**
 * Opens a written report where the user is (report-open.ts): HTML in the system browser through
 * asExternalUri + openExternal on a local desktop, in a webview of the workbench when the file is
 * on another machine (remote, web); Markdown in the preview; CSV in an editor. Says how.
 */
export async function openReport(target: vscode.Uri, format: ReportParams['format']): Promise<ReportOpener> {
  const how = reportOpener(format, { remoteName: vscode.env.remoteName, web: vscode.env.uiKind === vscode.UIKind.Web });
  if (how === 'browser') {
    const external = await vscode.env.asExternalUri(target);
    if (await vscode.env.openExternal(external)) return how;
  }
  if (how === 'webview' || how === 'browser') {
    const html = Buffer.from(await vscode.workspace.fs.readFile(target)).toString('utf8');
    const name = target.path.slice(target.path.lastIndexOf('/') + 1);
    const panel = vscode.window.createWebviewPanel(REPORT_VIEW, l10n.t('Report: {0}', name), vscode.ViewColumn.Active, { enableScripts: false, enableFindWidget: true, localResourceRoots: [] });
    panel.webview.html = withReportCsp(html);
    return 'webview';
  }
  if (how === 'preview') {
    await vscode.commands.executeCommand('markdown.showPreview', target).then(undefined, () => vscode.window.showTextDocument(target));
    return how;
  }
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(target));
  return how;
}

/** The webview type of a report shown inside the workbench. */
export const REPORT_VIEW = 'cyberdossier.report';

/** Export dossier report…: format, file, request, write, offer to open. */
async function exportReport(
  context: vscode.ExtensionContext,
  getClient: () => LanguageClient | undefined,
  arg: vscode.Uri | Node | ExportReportArgs | undefined,
  p: ChecklistProvider,
): Promise<vscode.Uri | undefined> {
  const client = getClient();
  if (!client) return undefined;
  const given = arg && !(arg instanceof vscode.Uri) && !('type' in arg) ? (arg as ExportReportArgs) : undefined;
  // Which dossier: the one clicked in the view, the given resource, the active file, the one shown.
  let uri: string | undefined = given?.uri;
  let root: string | undefined;
  if (arg instanceof vscode.Uri) uri = arg.toString();
  else if (arg && 'type' in arg && 'checklist' in arg) {
    uri = arg.checklist.dossierYaml?.uri ?? arg.checklist.documents.flatMap((d) => d.files)[0]?.uri ?? arg.checklist.rootUri;
    root = arg.checklist.rootUri;
  } else if (!uri && vscode.window.activeTextEditor?.document.uri.scheme === 'file') uri = vscode.window.activeTextEditor.document.uri.toString();
  if (!uri && p.checklists.length) {
    const shown = p.checklists;
    const c =
      shown.length === 1
        ? shown[0]
        : (await vscode.window.showQuickPick(
            shown.map((x) => ({ label: x.name, description: vscode.workspace.asRelativePath(vscode.Uri.parse(x.rootUri)), x })),
            { placeHolder: l10n.t('Which dossier?') },
          ))?.x;
    if (!c) return undefined;
    uri = c.dossierYaml?.uri ?? c.documents.flatMap((d) => d.files)[0]?.uri ?? c.rootUri;
    root = c.rootUri;
  }
  if (!uri) {
    void vscode.window.showInformationMessage(l10n.t('Open a dossier file first.'));
    return undefined;
  }
  useLocaleOf(vscode.Uri.parse(uri));
  const formats: Format[] = [
    { label: l10n.t('HTML page'), description: l10n.t('self-contained, opens without network'), format: 'html', ext: 'html', filter: 'HTML' },
    { label: l10n.t('Markdown'), description: l10n.t('tables per document and the traceability matrix'), format: 'md', ext: 'md', filter: 'Markdown' },
    { label: l10n.t('CSV: checklist'), description: l10n.t('requirements × documents, for spreadsheets'), format: 'csv', table: 'checklist', ext: 'csv', filter: 'CSV' },
    { label: l10n.t('CSV: traceability matrix'), description: l10n.t('requirement → design → test → risk'), format: 'csv', table: 'trace', ext: 'csv', filter: 'CSV' },
  ];
  const pickFormat = given?.format
    ? formats.find((f) => f.format === given.format && (f.format !== 'csv' || f.table === (given.table ?? 'checklist')))
    : await vscode.window.showQuickPick(formats, { placeHolder: l10n.t('Report format') });
  if (!pickFormat) return undefined;
  const result = (await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: l10n.t('CyberDossier: writing the report') }, () =>
    client.sendRequest(ReportRequest, { uri, format: pickFormat.format, table: pickFormat.table, locale: l10n.locale } satisfies ReportParams),
  )) as ReportResult | null;
  if (!result) {
    void vscode.window.showWarningMessage(l10n.t('This file is in no dossier: no report.'));
    return undefined;
  }
  const base = vscode.Uri.parse(uri);
  const dossierRoot = root ? vscode.Uri.parse(root) : /\.(md|markdown|ya?ml)$/i.test(base.path) ? vscode.Uri.joinPath(base, '..') : base;
  let target = given?.target ? vscode.Uri.parse(given.target) : undefined;
  if (!target) {
    const folder = defaultReportFolder(context, dossierRoot);
    target = await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.joinPath(folder, result.fileName), filters: { [pickFormat.filter]: [pickFormat.ext] }, saveLabel: l10n.t('Export') });
    if (!target) return undefined;
    // Remembered for the next export of this workspace (the dialog then starts there).
    await context.workspaceState.update(REPORT_FOLDER, vscode.Uri.joinPath(target, '..').toString());
  }
  await vscode.workspace.fs.writeFile(target, Buffer.from(result.text, 'utf8'));
  if (given?.open) {
    await openReport(target, pickFormat.format);
    return target;
  }
  const open = l10n.t('Open');
  void vscode.window.showInformationMessage(l10n.t('Report written to {0}', vscode.workspace.asRelativePath(target)), open).then((choice) => {
    if (choice === open) void openReport(target, pickFormat.format);
  });
  return target;
}
