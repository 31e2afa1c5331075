// Completions: frontmatter keys and enum values (from the JSON Schema, with zh labels), the
// sections still missing under the current heading (guideline order, the document's numbering
// and level), codes and requirement IDs in suppression comments, capability codes in the
// capability section, and the dossier's own IDs.

import type { CompletionItem, CompletionList, Position } from 'vscode-languageserver-types';
import { ALL_CODES, CODES, resolveRef, schemaAt, isAnswered, parentId, allRequirementIds, findRequirement, RULESETS, LineIndex, localize, documentLanguage, childNumbering, numberingOf, shiftNumbering, type JsonSchema, type RuleSet, type Locale, type Insertion } from '../engine';
import { snippetCatalogue } from './snippets';
import { enclosingRequirement, headingAtLine, requirementAt, type DocView } from './view';

export type { Locale } from '../engine';

// CompletionItemKind / InsertTextFormat values (LSP numbers; kept local to stay protocol-free).
const Kind = { Text: 1, Module: 9, Property: 10, Value: 12, Enum: 13, Keyword: 14, Snippet: 15, Reference: 18, EnumMember: 20 } as const;
const SNIPPET = 2;

export const TRIGGER_CHARACTERS = ['#', ' ', ':', '-', '|', '[', ','];

export interface CompletionContext {
  text: string;
  position: Position;
  locale: Locale;
  view?: DocView;
  /** Rule set of the document when there is no view yet (frontmatter being written). */
  ruleset: RuleSet;
}

export function complete(ctx: CompletionContext): CompletionList | null {
  const lines = new LineIndex(ctx.text);
  const lineText = lines.lineText(ctx.position.line);
  const before = lineText.slice(0, ctx.position.character);
  const fm = frontmatterRange(lines);
  if (fm && ctx.position.line > fm.start && ctx.position.line < fm.end) return frontmatter(ctx, lines, before);
  if (/<!--\s*cyberdossier-disable/.test(before)) return suppression(ctx, before);
  const heading = /^(#{1,6})(?:([ \t]+)(.*))?$/.exec(before);
  if (heading) {
    const list = headingItems(ctx, heading[1].length, heading[3] ?? '', heading[2] !== undefined);
    if (list) return list;
  }
  const items: CompletionItem[] = snippetItems(ctx, before);
  if (ctx.view) {
    items.push(...capabilityItems(ctx, before));
    items.push(...idItems(ctx, before));
  }
  return items.length ? { isIncomplete: false, items } : null;
}

function frontmatterRange(lines: LineIndex): { start: number; end: number } | undefined {
  if (!/^\uFEFF?---[ \t]*$/.test(lines.lineText(0))) return undefined;
  for (let l = 1; l < lines.lineCount; l++) if (/^---[ \t]*$/.test(lines.lineText(l))) return { start: 0, end: l };
  return { start: 0, end: lines.lineCount };
}

const t = (locale: Locale, zh: string | undefined, en: string | undefined) => (locale === 'en' ? en ?? zh : zh ?? en) ?? '';

function docOf(s: JsonSchema, locale: Locale): string {
  const reqs = s['x-requirements']?.length ? `\n\n${locale === 'en' ? 'Switches on' : '决定是否需要'}: ${s['x-requirements'].join(', ')}` : '';
  return `${t(locale, s['x-description-zh'], s.description)}${reqs}`;
}

/** The mapping path of a line in block YAML: the keys of the lines above with smaller indent. */
function yamlPath(lines: LineIndex, line: number, indent: number, start: number): string[] {
  const path: string[] = [];
  let want = indent;
  for (let l = line - 1; l > start && want > 0; l--) {
    const text = lines.lineText(l);
    if (!text.trim() || /^\s*#/.test(text)) continue;
    const ind = /^\s*/.exec(text)![0].length;
    const m = /^\s*(?:-\s+)?([\w-]+)\s*:\s*(.*)$/.exec(text);
    if (ind < want && m) {
      path.unshift(m[1]);
      want = ind;
    } else if (ind < want && /^\s*-\s/.test(text)) {
      path.unshift('0');
      want = ind;
    }
  }
  return path;
}

function frontmatter(ctx: CompletionContext, lines: LineIndex, before: string): CompletionList | null {
  const schema = ctx.ruleset.schema;
  const indent = /^\s*/.exec(before)![0].length;
  const fm = frontmatterRange(lines)!;
  // A value: `key: |`, `key: [a, |`, `- |`, `{ kind: | }`.
  const flowKey = /[{,]\s*([\w-]+)\s*:\s*([^,{}]*)$/.exec(before);
  const keyValue = /^\s*(?:-\s+)?([\w-]+)\s*:\s*(\[[^\]]*)?([^,[\]{}]*)$/.exec(before);
  const listItem = /^(\s*)-\s+([^:]*)$/.exec(before);
  let valuePath: string | undefined;
  let partial = '';
  if (flowKey) {
    const outer = /^\s*(?:-\s+)?([\w-]+)\s*:/.exec(before);
    const parent = yamlPath(lines, ctx.position.line, indent + 1, fm.start);
    const base = [...parent, ...(outer ? [outer[1]] : [])].join('.');
    const s = schemaAt(schema, base);
    valuePath = s?.items ? `${base}.0.${flowKey[1]}` : `${base}.${flowKey[1]}`;
    partial = flowKey[2].trim();
  } else if (keyValue) {
    const parent = yamlPath(lines, ctx.position.line, indent, fm.start);
    valuePath = [...parent, keyValue[1]].join('.');
    partial = keyValue[3].trim();
    const s = schemaAt(schema, valuePath);
    if (s?.items || keyValue[2]) valuePath += '.0';
  } else if (listItem) {
    const parent = yamlPath(lines, ctx.position.line, listItem[1].length + 1, fm.start);
    valuePath = [...parent, '0'].join('.');
    partial = listItem[2].trim();
  }
  if (valuePath !== undefined) {
    const s = schemaAt(schema, valuePath);
    if (!s) return null;
    const r = resolveRef(s, schema);
    const items: CompletionItem[] = [];
    const labels = r['x-enum-labels-zh'] ?? {};
    for (const [i, v] of (r.enum ?? []).entries()) {
      items.push({
        sortText: String(i).padStart(3, '0'),
        label: String(v),
        kind: Kind.EnumMember,
        detail: labels[String(v)],
        documentation: { kind: 'markdown', value: docOf(r, ctx.locale) },
        filterText: `${v} ${labels[String(v)] ?? ''}`,
      });
    }
    if ((Array.isArray(r.type) ? r.type : [r.type]).includes('boolean')) for (const v of ['true', 'false']) items.push({ label: v, kind: Kind.Value });
    void partial;
    return items.length ? { isIncomplete: false, items } : null;
  }
  // A key of the mapping at this indentation.
  if (/^\s*[\w-]*$/.test(before)) {
    const parent = yamlPath(lines, ctx.position.line, indent, fm.start);
    const s = parent.length ? schemaAt(schema, parent.join('.')) : schema;
    if (!s) return null;
    const r = resolveRef(s.items && parent[parent.length - 1] !== '0' ? resolveRef(s.items, schema) : s, schema);
    const present = siblingKeys(lines, ctx.position.line, indent, fm);
    const items: CompletionItem[] = [];
    for (const [i, [key, p0]] of Object.entries(r.properties ?? {}).entries()) {
      if (present.has(key)) continue;
      const p = resolveRef(p0, schema);
      const isBlock = p.type === 'object' || p.items?.$ref || (p.items && resolveRef(p.items, schema).type === 'object');
      items.push({
        label: key,
        kind: Kind.Property,
        detail: p['x-label-zh'],
        documentation: { kind: 'markdown', value: docOf(p, ctx.locale) },
        insertText: isBlock ? `${key}:\n${' '.repeat(indent + 2)}` : `${key}: `,
        filterText: `${key} ${p['x-label-zh'] ?? ''}`,
        sortText: `${(r.required ?? []).includes(key) ? 0 : 1}${String(i).padStart(3, '0')}`,
        command: isBlock ? undefined : { title: 'suggest', command: 'editor.action.triggerSuggest' },
      });
    }
    return items.length ? { isIncomplete: false, items } : null;
  }
  return null;
}

function siblingKeys(lines: LineIndex, line: number, indent: number, fm: { start: number; end: number }): Set<string> {
  const keys = new Set<string>();
  for (const dir of [-1, 1]) {
    for (let l = line + dir; l > fm.start && l < fm.end; l += dir) {
      const text = lines.lineText(l);
      if (!text.trim()) continue;
      const ind = /^\s*/.exec(text)![0].length;
      if (ind < indent) break;
      const m = /^\s*([\w-]+)\s*:/.exec(text);
      if (ind === indent && m) keys.add(m[1]);
    }
  }
  return keys;
}

function suppression(ctx: CompletionContext, before: string): CompletionList {
  const m = /cyberdossier-disable(?:-next-line|-file)?\s+(.*)$/.exec(before);
  const items: CompletionItem[] = [];
  const last = m ? m[1].split(',').pop()!.trimStart() : '';
  if (m && /^[\w-]+\s+\S*$/.test(last)) {
    for (const id of allRequirementIds()) {
      const r = findRequirement(id)!;
      items.push({ label: id, kind: Kind.Reference, detail: localize(r.requirement.title, ctx.locale), sortText: id.padEnd(12) });
    }
  } else {
    for (const code of ALL_CODES) items.push({ label: code, kind: Kind.Keyword, detail: localize(CODES[code].title, ctx.locale) });
  }
  return { isIncomplete: false, items };
}

/**
 * The numbering a new heading at `line` (level `depth`, under the heading `parent`, -1 at the top)
 * takes in the document's own style: the previous sibling's plus one, else the next one's minus
 * one, else the parent's first child ("2.5 " → "2.5.1 "), else the first of the style the
 * document uses at that level elsewhere ("（三）" → "（一）", "3) " → "1) ").
 */
export function numberingAt(headings: readonly { line: number; depth: number; text: string; parent: number; index: number }[], line: number, depth: number, parent: number): string {
  const siblings = headings.filter((h) => h.line !== line && h.depth === depth && h.parent === parent);
  const prev = siblings.filter((h) => h.line < line).pop();
  if (prev) {
    const n = shiftNumbering(numberingOf(prev.text), 1);
    if (n) return n;
  }
  const next = siblings.find((h) => h.line > line);
  if (next) {
    const n = shiftNumbering(numberingOf(next.text), -1);
    if (n) return n;
  }
  const p = parent >= 0 ? headings[parent] : undefined;
  if (p) {
    const n = childNumbering(numberingOf(p.text), 1);
    if (n) return n;
  }
  // The style of the same level elsewhere (only styles without a parent part, e.g. not "3.1").
  const elsewhere = headings.find((h) => h.line !== line && h.depth === depth && numberingOf(h.text) && !/\d\.\d/.test(numberingOf(h.text)));
  if (!elsewhere) return '';
  let n = numberingOf(elsewhere.text);
  for (let k = 0; k < 30; k++) {
    const prevN = shiftNumbering(n, -1);
    if (!prevN) break;
    n = prevN;
  }
  return n;
}

const PRESENT: Record<Locale, string> = { 'zh-CN': '✓ 已有', en: '✓ present' };
const OPTIONAL: Record<Locale, string> = { 'zh-CN': '此处非必需', en: 'not required here' };

/**
 * On a heading line: the catalogue's children of the enclosing parent section (the document's
 * top-level requirements at the top), missing ones first, then those not required here, then the
 * present ones marked — never an empty list, so the editor's word list does not take over —,
 * numbered for the cursor's place in the document's own style.
 */
function headingItems(ctx: CompletionContext, depth: number, typed: string, spaced: boolean): CompletionList | null {
  const view = ctx.view;
  if (!view?.group || !view.file.model) return null;
  const group = view.group;
  const model = view.file.model;
  // The parent: the nearest heading above with a smaller level.
  let parentReq = '';
  let parentHeading = -1;
  for (let i = model.headings.length - 1; i >= 0; i--) {
    const h = model.headings[i];
    if (h.line >= ctx.position.line) continue;
    if (h.depth < depth) {
      const r = requirementAt(view, h.index) ?? enclosingRequirement(view, h.index);
      parentReq = r?.id ?? '';
      parentHeading = h.index;
      break;
    }
  }
  const missing = new Map<string, Insertion>();
  for (const f of group.files)
    for (const x of f.findings) if (x.code === 'missing-section' && typeof x.data.requirement === 'string' && x.data.insert) missing.set(x.data.requirement, x.data.insert as Insertion);
  const typedLang = /[\u4e00-\u9fff]/.test(typed) ? 'zh' : /[A-Za-z]{2}/.test(typed) ? 'en' : undefined;
  const lang = typedLang ?? documentLanguage(group);
  const numbering = numberingAt(model.headings, ctx.position.line, depth, parentHeading);
  const items: CompletionItem[] = [];
  const range = { start: { line: ctx.position.line, character: ctx.position.character - typed.length }, end: ctx.position };
  const lead = spaced ? '' : ' ';
  group.kind.requirements.forEach((r, order) => {
    if (r.wholeDocument || parentId(r.id) !== parentReq) return;
    const present = isAnswered(group.match, r.id);
    const rank = present ? 2 : missing.has(r.id) ? 0 : 1;
    const title = r.title[lang];
    const body = r.template[lang].replace(/[$}\\]/g, (c) => `\\${c}`);
    const mark = rank === 2 ? ` · ${PRESENT[ctx.locale]}` : rank === 1 ? ` · ${OPTIONAL[ctx.locale]}` : '';
    items.push({
      label: `${numbering}${title}`,
      kind: Kind.Snippet,
      detail: `${r.id} · ${r.clause}${mark}`,
      documentation: { kind: 'markdown', value: `> ${r.quote}\n\n${localize(r.content, ctx.locale)}` },
      filterText: `${numbering}${title} ${r.title.zh} ${r.title.en} ${r.id} ${r.synonyms.join(' ')}`,
      sortText: `${rank}${String(order).padStart(4, '0')}`,
      insertTextFormat: SNIPPET,
      textEdit: { range, newText: `${lead}${numbering}${title}\n\n\${1:${body}}` },
    });
  });
  return { isIncomplete: false, items };
}

/**
 * The catalogue's snippets as completion items where they apply (issue 18 item 6): typed as
 * `cd-…` at a line's start, those of the document's rule set — a skeleton only in a document
 * without headings, sections of the document's kind, tables, suppression comments.
 */
function snippetItems(ctx: CompletionContext, before: string): CompletionItem[] {
  const m = /^(\s*)(cd(?:-[\w.-]*)?)$/i.exec(before);
  if (!m) return [];
  const ruleset = ctx.view?.group?.ruleset.id ?? ctx.ruleset.id;
  const kind = ctx.view?.group?.kind;
  const headings = ctx.view?.file.model?.headings.length ?? 0;
  const range = { start: { line: ctx.position.line, character: m[1].length }, end: ctx.position };
  const items: CompletionItem[] = [];
  for (const [name, s] of Object.entries(snippetCatalogue())) {
    if (s.ruleset && s.ruleset !== ruleset) continue;
    if (s.use === 'skeleton' && headings > 0) continue;
    if (s.use === 'section' && kind && !kind.requirements.some((r) => s.prefix[0] === `cd-${r.id}` || s.prefix[0] === `cd-${r.id}-en`)) continue;
    const body = s.body.join('\n');
    items.push({
      label: s.prefix[0],
      kind: Kind.Snippet,
      detail: s.description,
      documentation: { kind: 'markdown', value: `${name}\n\n\`\`\`markdown\n${s.body.slice(0, 12).join('\n')}${s.body.length > 12 ? '\n…' : ''}\n\`\`\`` },
      filterText: s.prefix.join(' '),
      sortText: `9${s.use === 'skeleton' ? 0 : s.use === 'table' ? 1 : s.use === 'section' ? 2 : 3}${s.prefix[0]}`,
      insertTextFormat: SNIPPET,
      textEdit: { range, newText: body },
    });
  }
  return items;
}

function capabilityItems(ctx: CompletionContext, before: string): CompletionItem[] {
  const view = ctx.view!;
  if (!/(^\s*\|\s*\w*$)|(^\s*[-*]\s+\w*$)|(^#{1,6}\s+[\d.]*\s*\w*$)/.test(before)) return [];
  const h = headingAtLine(view, ctx.position.line);
  const r = h ? enclosingRequirement(view, h.index) : undefined;
  const check = r?.checks?.find((c) => c.kind === 'capabilities');
  if (!check || check.kind !== 'capabilities' || !view.group) return [];
  return (view.group.ruleset.capabilities[check.set] ?? []).map((c, i) => ({
    label: c.code,
    kind: Kind.EnumMember,
    detail: localize(c, ctx.locale),
    documentation: `${c.zh} · ${c.en}`,
    filterText: `${c.code} ${c.zh} ${c.en}`,
    sortText: String(i).padStart(3, '0'),
  }));
}

function idItems(ctx: CompletionContext, before: string): CompletionItem[] {
  const m = /(?:^|[^A-Za-z0-9_-])([A-Z][A-Za-z]*-\d*)$/.exec(before);
  if (!m) return [];
  const view = ctx.view!;
  const seen = new Map<string, CompletionItem>();
  for (const f of view.state.files) {
    for (const o of f.resolvedIds ?? f.ids) {
      if (!o.definition || seen.has(o.id) || !o.id.startsWith(m[1].split('-')[0])) continue;
      const text = f.lines.lineText(o.range.start.line).trim();
      seen.set(o.id, { label: o.id, kind: Kind.Reference, detail: o.kind, documentation: text.length > 200 ? `${text.slice(0, 200)}…` : text });
    }
  }
  return [...seen.values()].sort((a, b) => (a.label < b.label ? -1 : 1));
}

/** Rule sets known to completion (for documents whose rule set is not yet known). */
export const KNOWN_RULESETS = RULESETS;
