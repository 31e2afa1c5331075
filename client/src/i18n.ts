// The client's strings in one language per dossier (issue 18 item 5): `l10n.t` looks the English
// key up in l10n/bundle.l10n.<locale>.json for the locale of the dossier being worked on —
// `cyberdossier.locale`, else the dossier's language (its headings), else VS Code's display
// language — instead of VS Code's own l10n API, which only knows the display language. Command titles and
// setting descriptions (package.nls) stay in the display language: VS Code renders those.

import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { contentLanguage, countForm, resolveLocale, translate, type UiLocale } from './i18n-core';

export type { UiLocale } from './i18n-core';

const bundles: Partial<Record<UiLocale, Record<string, string>>> = {};
let current: UiLocale = /^zh/i.test(vscode.env.language) ? 'zh-CN' : 'en';
const changed = new vscode.EventEmitter<UiLocale>();

export const l10n = {
  /** The translation of an English message in the current dossier's language. */
  t(message: string, ...args: unknown[]): string {
    return translate(bundles, current, message, args);
  },
  /** A count: `one` for 1 and `other` otherwise in English (both keys are in the zh bundle). */
  n(count: number, one: string, other: string, ...args: unknown[]): string {
    return translate(bundles, current, countForm(count, one, other), [count, ...args]);
  },
  /** The current locale. */
  get locale(): UiLocale {
    return current;
  },
  /** zh or en half of a `{ zh, en }` pair in the current locale. */
  pick<T>(l: { zh: T; en: T }): T {
    return current === 'zh-CN' ? l.zh : l.en;
  },
  onDidChange: changed.event,
};

/** Loads the bundles shipped with the extension (l10n/bundle.l10n.*.json). */
export function loadBundles(extensionPath: string): void {
  try {
    bundles['zh-CN'] = JSON.parse(fs.readFileSync(path.join(extensionPath, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
  } catch {
    bundles['zh-CN'] = {}; // a broken package: English keys then
  }
}

/** The language seen per folder: a dossier.yaml or a folder follows the Markdown files beside it. */
const seen = new Map<string, UiLocale>();
const folderOf = (u: vscode.Uri) => u.path.slice(0, u.path.lastIndexOf('/'));

/** The language of a dossier file: its headings when it is open, else what its folder's files showed. */
function dossierLanguage(resource: vscode.Uri | undefined): UiLocale | undefined {
  if (!resource) return undefined;
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === resource.toString());
  if (open && /\.(md|markdown)$/i.test(open.uri.path)) {
    const lang = contentLanguage(open.getText());
    if (lang) seen.set(folderOf(resource), lang);
    if (lang) return lang;
  }
  // No disk read on every switch: the folder itself, then its ancestors, as seen so far.
  for (let p = /\.[^/]+$/.test(resource.path) ? folderOf(resource) : resource.path.replace(/\/$/, ''); p; p = p.slice(0, p.lastIndexOf('/'))) {
    const l = seen.get(p);
    if (l) return l;
  }
  return undefined;
}

/** The locale of surfaces about `resource` (a dossier file or folder); default: the active editor's. */
export function localeFor(resource?: vscode.Uri, dossierHint?: UiLocale): UiLocale {
  const r = resource ?? vscode.window.activeTextEditor?.document.uri;
  const setting = vscode.workspace.getConfiguration('cyberdossier', r).get<unknown>('locale');
  return resolveLocale(setting, dossierLanguage(r) ?? dossierHint, vscode.env.language);
}

/** Makes `resource`'s locale the current one (before a command shows anything about it). */
export function useLocaleOf(resource?: vscode.Uri, dossierHint?: UiLocale): UiLocale {
  const next = localeFor(resource, dossierHint);
  if (next !== current) {
    current = next;
    changed.fire(next);
  }
  return next;
}

/** Follows the active editor and the setting. */
export function registerLocaleTracking(context: vscode.ExtensionContext): void {
  loadBundles(context.extensionPath);
  useLocaleOf();
  context.subscriptions.push(
    changed,
    vscode.window.onDidChangeActiveTextEditor((e) => {
      if (e && e.document.uri.scheme === 'file') useLocaleOf(e.document.uri);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('cyberdossier.locale')) useLocaleOf();
    }),
  );
}
