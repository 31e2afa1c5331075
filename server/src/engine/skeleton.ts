// A new dossier document from the catalogue: frontmatter and every section of a kind, numbered,
// with the templates. Used by the *New dossier document…* command and the snippets.

import { parentId } from './match';
import type { DocumentKind, RuleSet } from './rulesets/types';

export function skeleton(ruleset: RuleSet, kind: DocumentKind, lang: 'zh' | 'en', opts: { frontmatter?: boolean } = {}): string {
  const out: string[] = [];
  if (opts.frontmatter !== false) {
    out.push('---', `document: ${kind.id}`);
    if (ruleset.id !== 'nmpa-2017') out.push(`guideline: ${ruleset.id}`);
    out.push('---', '');
  }
  out.push(`# ${lang === 'en' ? `<insert product name> — ${kind.name.en}` : `<产品名称> ${kind.name.zh}`}`, '');
  const counters = new Map<string, number>();
  const numbers = new Map<string, string>();
  for (const r of kind.requirements) {
    if (r.wholeDocument) {
      out.push(r.template[lang], '');
      continue;
    }
    const parent = parentId(r.id);
    const n = (counters.get(parent) ?? 0) + 1;
    counters.set(parent, n);
    const num = parent ? `${numbers.get(parent)}.${n}` : String(n);
    numbers.set(r.id, num);
    const depth = Math.min(6, r.id.split('.').length + 1);
    out.push(`${'#'.repeat(depth)} ${num} ${r.title[lang]}`, '');
    if (r.condition) {
      out.push(lang === 'en' ? '<!-- Conditional: delete this section, or answer “not applicable” with a reason, when it does not apply. -->' : '<!-- 条件性要求：不适用时删除本节，或答复“不适用”并说明理由。 -->', '');
    }
    out.push(r.template[lang], '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
