// *New dossier document…* (issue 18 item 1): one quick-input flow that asks the facts which decide
// the catalogue — guideline (current law first), submission, product name / model / class /
// version, language — skipping those the folder's dossier.yaml already states; then the kind
// (that guideline's kinds only) and the file. It writes or merges dossier.yaml (keys the user
// wrote are never replaced: the server computes the merge), opens the skeleton and reveals the
// checklist. Every answer can also come in the command's argument (the checklist's "create the
// missing document", and the extension-host tests, drive it that way without UI).

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  type AskedFact,
  DossierYamlRequest,
  type DossierYamlParams,
  type DossierYamlResult,
  GuidelinesRequest,
  type GuidelineInfo,
  SkeletonRequest,
  type SkeletonResult,
} from '../../server/src/shared/protocol';
import { l10n, useLocaleOf } from './i18n';

export interface NewDocumentArgs {
  guideline?: string;
  /** Kept for callers of the old command (the checklist): the kind's rule set. */
  ruleset?: string;
  kind?: string;
  lang?: 'zh' | 'en';
  uri?: vscode.Uri | string;
  submission?: string;
  product?: Record<string, string>;
  /** Answers to the guideline's other questions (GuidelineInfo.facts): path → chosen values. */
  facts?: Record<string, string[]>;
  /** Do not reveal the checklist (a caller that shows something else). */
  noReveal?: boolean;
}

export interface NewDocumentResult {
  uri: vscode.Uri;
  dossierYaml?: vscode.Uri;
  /** Facts written to dossier.yaml (`product.name`, …). */
  added: string[];
}

const CANCEL = Symbol('cancel');
type Answer<T> = T | typeof CANCEL;

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  try {
    return Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
  } catch {
    return undefined;
  }
}

/** Writes `text` to `uri`: through the editor when the file is open (undoable, no lost edits). */
async function writeText(uri: vscode.Uri, text: string): Promise<void> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(0, 0, open.lineCount, 0), text);
    await vscode.workspace.applyEdit(edit);
    await open.save();
    return;
  }
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
}

function folderOf(uri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(uri, '..');
}

/** Where the document goes by default: the active file's folder, else the first workspace folder. */
function defaultFolder(): vscode.Uri | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active?.scheme === 'file') return folderOf(active);
  return vscode.workspace.workspaceFolders?.[0]?.uri;
}

export async function newDocument(getClient: () => LanguageClient | undefined, args: NewDocumentArgs = {}): Promise<NewDocumentResult | undefined> {
  const client = getClient();
  if (!client) {
    void vscode.window.showErrorMessage(l10n.t('The CyberDossier server is not running.'));
    return undefined;
  }
  const given = typeof args.uri === 'string' ? vscode.Uri.parse(args.uri) : args.uri;
  let folder = given ? folderOf(given) : defaultFolder();
  useLocaleOf(given ?? folder);
  const guidelines = (await client.sendRequest(GuidelinesRequest, {})) as GuidelineInfo[];
  if (!guidelines.length) return undefined;

  // What the folder's dossier.yaml already says: those questions are skipped.
  const readPresent = async (f: vscode.Uri | undefined, ruleset?: string) => {
    if (!f) return {} as Record<string, string>;
    const text = await readText(vscode.Uri.joinPath(f, 'dossier.yaml'));
    if (text === undefined) return {};
    const r = (await client.sendRequest(DossierYamlRequest, { text, lang: 'zh', ruleset } satisfies DossierYamlParams)) as DossierYamlResult | null;
    return r && r.ok ? r.present : {};
  };
  let present = await readPresent(folder);
  // Guideline, submission, four product facts, language; then the guideline's other questions.
  let steps = 7 + Math.max(0, ...guidelines.map((x) => x.facts.length));
  let step = 0;
  const title = () => l10n.t('CyberDossier: New dossier document ({0}/{1})', ++step, steps);

  // A document added to a dossier that has its dossier.yaml (or named with kind and file, as the
  // checklist does) asks nothing the dossier already decides.
  const hasYaml = folder ? (await readText(vscode.Uri.joinPath(folder, 'dossier.yaml'))) !== undefined : false;
  const interactive = !(args.kind && given);
  // 1. Guideline: the argument, the dossier's (its default when dossier.yaml names none), the
  // setting for a new dossier, else asked (current law first).
  const setting = vscode.workspace.getConfiguration('cyberdossier', folder).get<unknown>('guideline');
  const byId = (id: unknown) => guidelines.find((x) => x.id === id);
  let g = byId(args.guideline) ?? byId(present.guideline) ?? byId(args.ruleset) ?? (hasYaml ? (byId(setting) ?? guidelines.find((x) => x.default)) : undefined);
  if (!g && !interactive) g = guidelines.find((x) => x.kinds.some((k) => k.id === args.kind) && x.default) ?? guidelines.find((x) => x.kinds.some((k) => k.id === args.kind));
  if (!g) {
    const preselect = byId(setting);
    const ordered = preselect ? [preselect, ...guidelines.filter((x) => x !== preselect)] : guidelines;
    const pick = await vscode.window.showQuickPick(
      ordered.map((x) => ({ label: l10n.pick(x.name), description: x.current ? l10n.t('current') : x.id, detail: l10n.pick(x.guideline), info: x })),
      { title: title(), placeHolder: l10n.t('Which guideline does the dossier follow?'), ignoreFocusOut: true },
    );
    if (!pick) return undefined;
    g = pick.info;
  } else step++;
  // What dossier.yaml says of this guideline's questions (those are not asked again).
  if (g.facts.length) present = { ...(await readPresent(folder, g.id)), ...present };
  const toAsk = (kindId?: string, sub?: string) =>
    interactive
      ? g.facts.filter((q) => (!kindId || !q.kinds || q.kinds.includes(kindId)) && (!sub || !q.submissions || q.submissions.includes(sub)) && present[q.path] === undefined && args.facts?.[q.path] === undefined)
      : [];
  steps = 7 + toAsk(args.kind, args.submission ?? present.submission).length;

  // 2. Submission.
  let submission = args.submission ?? present.submission;
  if (!submission && g.submissions.length && interactive) {
    const pick = await vscode.window.showQuickPick(
      g.submissions.map((s) => ({ label: l10n.pick(s.label), description: s.value, value: s.value })),
      { title: title(), placeHolder: l10n.t('Which submission is this?'), ignoreFocusOut: true },
    );
    if (!pick) return undefined;
    submission = pick.value;
  } else step++;

  // 3–6. Product facts: a text box each (empty: fill in later), a picker for closed values.
  const product: Record<string, string> = { ...(args.product ?? {}) };
  for (const fact of g.product) {
    if (product[fact.key] !== undefined || present[`product.${fact.key}`] !== undefined || !interactive) {
      step++;
      continue;
    }
    const answer: Answer<string | undefined> = fact.choices
      ? await vscode.window
          .showQuickPick([...fact.choices.map((c) => ({ label: l10n.pick(c.label), description: c.value, value: c.value as string | undefined })), { label: l10n.t('Decide later'), description: '', value: undefined }], {
            title: title(),
            placeHolder: l10n.pick(fact.label),
            ignoreFocusOut: true,
          })
          .then((p) => (p ? p.value : CANCEL))
      : await vscode.window
          .showInputBox({ title: title(), prompt: l10n.pick(fact.label), placeHolder: l10n.t('Leave empty to fill it in later'), ignoreFocusOut: true })
          .then((v) => (v === undefined ? CANCEL : v.trim() || undefined));
    if (answer === CANCEL) return undefined;
    if (answer) product[fact.key] = answer;
  }
  if (step < 6) step = 6;

  // 7. Language of the headings and templates (the UI's language first).
  let lang = args.lang;
  if (!lang) {
    const options = [
      { label: '中文', description: l10n.t('Chinese headings and templates'), lang: 'zh' as const },
      { label: 'English', description: l10n.t('English headings and templates'), lang: 'en' as const },
    ];
    if (l10n.locale === 'en') options.reverse();
    const pick = await vscode.window.showQuickPick(options, { title: title(), placeHolder: l10n.t('Language of the headings and templates'), ignoreFocusOut: true });
    if (!pick) return undefined;
    lang = pick.lang;
  }

  // The kind: that guideline's kinds only, in catalogue order.
  let kind = g.kinds.find((k) => k.id === args.kind);
  if (!kind) {
    // The kinds this submission takes first; the others last, marked (wrong-document-kind else).
    const wrong = new Set(g.submissions.find((x) => x.value === submission)?.wrongKinds ?? []);
    const ordered = [...g.kinds.filter((k) => !wrong.has(k.id)), ...g.kinds.filter((k) => wrong.has(k.id))];
    const pick = await vscode.window.showQuickPick(
      ordered.map((k) => ({ label: lang === 'en' ? k.name.en : k.name.zh, description: wrong.has(k.id) ? `${k.id} · ${l10n.t('not part of this submission')}` : k.id, info: k })),
      { title: l10n.t('CyberDossier: New dossier document'), placeHolder: l10n.t('Which dossier document?'), ignoreFocusOut: true },
    );
    if (!pick) return undefined;
    kind = pick.info;
  }

  // 8… The facts that decide this kind's catalogue (data, safety level, scope, 524B(c)…).
  const answers: Record<string, string[]> = { ...(args.facts ?? {}) };
  const asked = toAsk(kind.id, submission);
  steps = 7 + asked.length;
  for (const q of asked) {
    const a = await askFact(q, title());
    if (a === CANCEL) return undefined;
    if (a) answers[q.path] = a;
  }

  const sk = (await client.sendRequest(SkeletonRequest, { kind: kind.id, lang, ruleset: g.id })) as SkeletonResult | null;
  if (!sk) return undefined;
  let target = given;
  if (!target) {
    target = await vscode.window.showSaveDialog({ defaultUri: folder ? vscode.Uri.joinPath(folder, sk.fileName) : undefined, filters: { Markdown: ['md'] }, saveLabel: l10n.t('Create') });
    if (!target) return undefined;
  }
  // The title names the product when its name is known.
  const text = product.name ? sk.text.replace(lang === 'en' ? '<insert product name>' : '<产品名称>', product.name) : sk.text;
  await vscode.workspace.fs.writeFile(target, Buffer.from(text, 'utf8'));

  // dossier.yaml of the folder the document went to: the answers merged in.
  let dossierYaml: vscode.Uri | undefined;
  let added: string[] = [];
  if (folderOf(target).toString() !== folder?.toString()) folder = folderOf(target);
  const yamlUri = vscode.Uri.joinPath(folder, 'dossier.yaml');
  const existing = await readText(yamlUri);
  const merged = (await client.sendRequest(DossierYamlRequest, {
    text: existing,
    // A new dossier.yaml names its guideline; one that names none keeps its default (its members'
    // frontmatter may name theirs).
    facts: { guideline: existing === undefined ? g.id : undefined, submission, product, answers },
    lang,
    ruleset: g.id,
  } satisfies DossierYamlParams)) as DossierYamlResult | null;
  if (merged && !merged.ok) {
    void vscode.window.showWarningMessage(l10n.pick(merged.problem));
  } else if (merged && merged.changed) {
    await writeText(yamlUri, merged.text);
    dossierYaml = yamlUri;
    added = merged.added;
  } else if (existing !== undefined) dossierYaml = yamlUri;

  const doc = await vscode.workspace.openTextDocument(target);
  await vscode.window.showTextDocument(doc);
  useLocaleOf(target);
  if (!args.noReveal) await vscode.commands.executeCommand('cyberdossier.checklist.focus').then(undefined, () => undefined);
  if (merged?.ok && merged.kept.length)
    void vscode.window.showInformationMessage(l10n.t('dossier.yaml already states {0}; kept as written.', merged.kept.join(', ')));
  return { uri: target, dossierYaml, added };
}

/**
 * One of the guideline's questions: a picker for one value, or a multi-select. "Decide later"
 * (undefined) writes nothing: the checker then reports the key as missing, with its fix.
 */
async function askFact(q: AskedFact, title: string): Promise<Answer<string[] | undefined>> {
  const later = { label: l10n.t('Decide later'), description: '', detail: undefined, value: undefined as string | undefined, later: true };
  const items = q.choices.map((c) => ({ label: l10n.pick(c.label), description: c.value, detail: c.detail ? l10n.pick(c.detail) : undefined, value: c.value as string | undefined, later: false }));
  if (q.kind === 'one') {
    const p = await vscode.window.showQuickPick([...items, later], { title, placeHolder: l10n.pick(q.label), ignoreFocusOut: true });
    if (!p) return CANCEL;
    return p.later || p.value === undefined ? undefined : [p.value];
  }
  const hint = q.emptyWrites ? l10n.t('select all that apply; none selected: none applies') : l10n.t('select all that apply');
  const picked = await vscode.window.showQuickPick([...items, later], { title, placeHolder: `${l10n.pick(q.label)} — ${hint}`, canPickMany: true, ignoreFocusOut: true });
  if (!picked) return CANCEL;
  if (picked.some((p) => p.later)) return undefined;
  return picked.map((p) => p.value).filter((v): v is string => v !== undefined);
}
