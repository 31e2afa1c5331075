// The message language, once for every layer (issue 15 item 5c): the `Locale` type, its values,
// and the one helper that picks the zh-CN or English text of a pair. Anything that is not `en`
// reads Chinese, the guideline's language (config.md: default zh-CN).

import type { Localized } from './rulesets/types';

export type Locale = 'zh-CN' | 'en';

export const LOCALES = ['zh-CN', 'en'] as const satisfies readonly Locale[];

/** Whether a value (setting, rc key, protocol parameter) names a locale. */
export function isLocale(v: unknown): v is Locale {
  return v === 'zh-CN' || v === 'en';
}

/** The text of `l` in `locale`: English for `en`, else Chinese. A pair is `[zh, en]`. */
export function localize(l: Localized | readonly [zh: string, en: string], locale: Locale | undefined): string {
  if (Array.isArray(l)) return locale === 'en' ? l[1] : l[0];
  const o = l as Localized;
  return locale === 'en' ? o.en : o.zh;
}
