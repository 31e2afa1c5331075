// The pure half of the client's localisation (no `vscode` import, so vitest can test it): which
// language a surface uses, and the `{0}` formatting of the l10n bundles. VS Code's l10n API follows
// only its display language; the extension's surfaces follow the dossier's language instead
// (issue 18 item 5), so the client looks its strings up itself.

import type { Locale } from '../../server/src/engine/locale';

export type UiLocale = Locale;

/** `cyberdossier.locale` values: 'auto' (and the old null) mean "not set". */
export function settingLocale(value: unknown): UiLocale | undefined {
  if (typeof value !== 'string') return undefined;
  if (/^zh/i.test(value)) return 'zh-CN';
  if (/^en/i.test(value)) return 'en';
  return undefined;
}

/** The setting, else the dossier's language, else VS Code's display language. */
export function resolveLocale(setting: unknown, dossier: UiLocale | undefined, editorLanguage: string): UiLocale {
  return settingLocale(setting) ?? dossier ?? (/^zh/i.test(editorLanguage) ? 'zh-CN' : 'en');
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * The language a dossier file is written in, read from its headings (a skeleton is written in one
 * language: its headings are the catalogue titles in it). undefined when there is no heading.
 */
export function contentLanguage(text: string): UiLocale | undefined {
  let zh = 0;
  let en = 0;
  let fence = false;
  for (const line of text.split(/\r?\n/, 4000)) {
    if (/^\s{0,3}(```|~~~)/.test(line)) fence = !fence;
    if (fence) continue;
    const m = /^\s{0,3}#{1,6}\s+(.*)$/.exec(line);
    if (!m) continue;
    // Numbers and IDs say nothing; a heading with any CJK character is a Chinese one.
    if (CJK.test(m[1])) zh++;
    else if (/[A-Za-z]{3,}/.test(m[1])) en++;
  }
  if (!zh && !en) return undefined;
  return zh >= en ? 'zh-CN' : 'en';
}

/** `{0}`-style formatting, as VS Code's l10n API does it. */
export function format(message: string, args: readonly unknown[]): string {
  return message.replace(/\{(\d+)\}/g, (all, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : all));
}

/** The bundle's translation of `message` in `locale` (English: the key itself). */
export function translate(bundles: Partial<Record<UiLocale, Record<string, string>>>, locale: UiLocale, message: string, args: readonly unknown[]): string {
  const m = locale === 'en' ? message : (bundles[locale]?.[message] ?? message);
  return format(m, args);
}

/** English count forms: `one` for exactly 1, `other` for the rest (Chinese has one form). */
export function countForm(n: number, one: string, other: string): string {
  return n === 1 ? one : other;
}
