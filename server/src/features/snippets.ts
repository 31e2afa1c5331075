// The snippet catalogue, generated from the rule sets: skeletons, sections, the standard tables,
// the capability tables and the suppression comments. `npm run gen` writes it for editors that
// read VS Code snippet files (snippets/cyberdossier.code-snippets); the language server offers
// the same entries as completion items where they apply (issue 18 item 6), so VS Code needs no
// static snippet contribution and `editor.snippetSuggestions` plays no part.

import { RULESETS, skeleton } from '../engine';

export interface SnippetEntry {
  prefix: string[];
  body: string[];
  description: string;
  scope: string;
  /** The rule set it belongs to; absent: any. */
  ruleset?: string;
  /** Where it applies: a new document's skeleton, a section, a table, a suppression comment. */
  use: 'skeleton' | 'section' | 'table' | 'comment';
}

let cache: Record<string, SnippetEntry> | undefined;

/** Escapes text for a snippet body ($, } and \ are special). */
function esc(s: string): string {
  return s.replace(/[$}\\]/g, (c) => `\\${c}`);
}

export function snippetCatalogue(): Record<string, SnippetEntry> {
  if (cache) return cache;
  const out: Record<string, SnippetEntry> = {};
  for (const rs of RULESETS) {
    const tag = rs.id === 'nmpa-2017' ? '' : `${rs.id} `;
    for (const kind of rs.kinds) {
      for (const lang of ['zh', 'en'] as const) {
        const name = `${tag}${kind.name[lang]} (${lang === 'zh' ? '中文' : 'English'})`;
        out[`skeleton: ${name}`] = {
          prefix: [`cd-${kind.id}-${lang}`, `${kind.prefix.toLowerCase()}-skeleton-${lang}`],
          body: esc(skeleton(rs, kind, lang)).split('\n').slice(0, -1),
          description: lang === 'zh' ? `新建完整的${kind.name.zh}骨架（${rs.name.zh}）` : `Full skeleton of the ${kind.name.en} (${rs.name.en})`,
          scope: 'markdown',
          ruleset: rs.id,
          use: 'skeleton',
        };
      }
      for (const r of kind.requirements) {
        if (r.wholeDocument) continue;
        const depth = Math.min(6, r.id.split('.').length + 1);
        for (const lang of ['zh', 'en'] as const) {
          out[`section ${r.id} ${r.title[lang]}`] = {
            prefix: [`cd-${r.id}${lang === 'en' ? '-en' : ''}`, `${r.title[lang]}`],
            body: [`\${1:${'#'.repeat(depth)}} \${2:${esc(r.id.replace(/^[A-Z]/, ''))}} ${esc(r.title[lang])}`, '', `\${3:${esc(r.template[lang])}}`, ''],
            description: `${r.id} ${r.title.zh} · ${r.title.en} (${r.clause})`,
            scope: 'markdown',
            ruleset: rs.id,
            use: 'section',
          };
        }
      }
    }
  }
  // The standard tables, from the catalogue's templates.
  const tables: [string, string, string][] = [
    ['ots', 'D1.6', '现成软件表 / OTS table'],
    ['security-software', 'D1.5', '安全软件表 / security software table'],
    ['risk', 'D2.1', '风险分析表 / risk table'],
    ['traceability', 'D3.3', '追溯表 / traceability table'],
    ['patches', 'P1', '补丁表 / patch table'],
  ];
  const byId = new Map(RULESETS.flatMap((rs) => rs.kinds.flatMap((k) => k.requirements.map((r) => [r.id, r] as const))));
  for (const [name, id, description] of tables) {
    const r = byId.get(id)!;
    for (const lang of ['zh', 'en'] as const) {
      out[`table ${name} ${lang}`] = { prefix: [`cd-table-${name}${lang === 'en' ? '-en' : ''}`], body: esc(r.template[lang]).split('\n'), description, scope: 'markdown', ruleset: RULESETS.find((rs) => rs.kinds.some((k) => k.requirements.includes(r)))?.id, use: 'table' };
    }
  }
  for (const rs of RULESETS) {
    for (const [set, caps] of Object.entries(rs.capabilities)) {
      for (const lang of ['zh', 'en'] as const) {
        const head = lang === 'zh' ? ['| 编号 | 网络安全能力 | 是否适用 | 实现方式或不适用理由 |', '| --- | --- | --- | --- |'] : ['| Code | Capability | Applicable | How, or why not |', '| --- | --- | --- | --- |'];
        const rows = caps.map((c, i) => `| ${c.code} | ${esc(lang === 'zh' ? c.zh : c.en)} | \${${i * 2 + 1}:${lang === 'zh' ? '是' : 'yes'}} | \${${i * 2 + 2}} |`);
        out[`table capabilities ${set} ${lang}`] = {
          prefix: [`cd-table-capabilities-${set.replace(/[^a-z0-9]+/gi, '-')}${lang === 'en' ? '-en' : ''}`, `cd-table-capabilities${lang === 'en' ? '-en' : ''}`],
          body: [...head, ...rows],
          description: `${caps.length} IEC/TR 80001-2-2 capabilities (${set})`,
          scope: 'markdown',
          ruleset: rs.id,
          use: 'table',
        };
      }
    }
  }
  out['disable next line'] = { prefix: ['cd-disable-next-line'], body: ['<!-- cyberdossier-disable-next-line ${1:code} ${2} -->'], description: 'Silence a finding on the next line', scope: 'markdown', use: 'comment' };
  out['disable region'] = {
    prefix: ['cd-disable-region'],
    body: ['<!-- cyberdossier-disable ${1:code} -->', '', '$TM_SELECTED_TEXT$0', '', '<!-- cyberdossier-enable ${1:code} -->'],
    description: 'Silence a finding in a region (around a table)',
    scope: 'markdown',
    use: 'comment',
  };
  cache = out;
  return out;
}

