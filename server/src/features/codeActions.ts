// Quick fixes, computed from a diagnostic's `code` and `data` alone (never by re-parsing): the
// rules put everything a fix needs — where a section goes, its level and numbering, the table's
// lines — into `data`; templates come from the catalogue. A fix only inserts or replaces what it
// names. The obvious fix is preferred; "disable" comes last.

import type { CodeAction, Diagnostic, Position, Range, TextEdit } from 'vscode-languageserver-types';
import { findRequirement, LineIndex, localize, dataOf, findingData, tableLinesOf, type JsonSchema, type Localized, type Locale, type CapabilityData, type CapabilityInsert, type FindingData } from '../engine';
import { missingKeyInsertions } from './frontmatterFix';

export type { Locale } from '../engine';

export interface ActionContext {
  uri: string;
  text: string;
  locale: Locale;
  diagnostics: Diagnostic[];
  /** Today as YYYY-MM-DD (dates inserted by fixes). */
  today?: string;
  /** The client runs `cyberdossier.selectRange` to put the cursor on the first placeholder. */
  selectCommand?: boolean;
  /** Every diagnostic of the document (fixes that cover several findings, fix-all); default `diagnostics`. */
  all?: Diagnostic[];
  /** The frontmatter schema of the file's rule set (the frontmatter-missing fix). */
  schema?: JsonSchema;
  /** The client accepts snippet edits in a WorkspaceEdit (`workspace.workspaceEdit.snippetEditSupport`). */
  snippets?: boolean;
  /** The document's version (the snippet edit's versioned identifier). */
  version?: number;
}

/** `source.fixAll` of this server: every safe fix of the document at once (editor.codeActionsOnSave). */
export const FIX_ALL_KIND = 'source.fixAll.cyberdossier';

const SOURCE = 'cyberdossier';
const t = (l: Localized, locale: Locale) => localize(l, locale);

export function codeActions(ctx: ActionContext): CodeAction[] {
  const lines = new LineIndex(ctx.text);
  const fixes: CodeAction[] = [];
  const disables: CodeAction[] = [];
  const capabilities = ctx.diagnostics.flatMap((d) => {
    const c = d.source === SOURCE && d.code === 'capability-unaddressed' ? dataOf('capability-unaddressed', d.data) : undefined;
    return c?.insert ? [{ d, c, insert: c.insert }] : [];
  });
  const capabilityDiags = capabilities.map((x) => x.d);
  for (const d of ctx.diagnostics) {
    if (d.source !== SOURCE) continue;
    const data = findingData(d.data);
    const action = fixFor(d, data, ctx, lines, capabilityDiags.length <= 1);
    if (action) fixes.push(...(Array.isArray(action) ? action : [action]));
    const disable = disableFor(d, data, ctx, lines);
    if (disable) disables.push(disable);
  }
  const fm = frontmatterMissingAction(ctx, lines);
  if (fm) fixes.unshift(fm);
  if (capabilityDiags.length > 1) {
    const edit = capabilityEdit(capabilities.map((x) => x.c), capabilities[0].insert, ctx, lines);
    fixes.unshift({
      title: ctx.locale === 'en' ? `Add the ${capabilityDiags.length} missing capabilities` : `添加缺少的 ${capabilityDiags.length} 项网络安全能力`,
      kind: 'quickfix',
      diagnostics: capabilityDiags,
      isPreferred: true,
      edit: { changes: { [ctx.uri]: [edit] } },
    });
  }
  return merge([...fixes, ...disables]);
}

/**
 * One action per distinct fix: diagnostics that share a fix (four frontmatter-missing findings on
 * line 1 all disabled by the same comment) get one action carrying all of them, not four.
 */
function merge(actions: CodeAction[]): CodeAction[] {
  const out: CodeAction[] = [];
  const byKey = new Map<string, CodeAction>();
  for (const a of actions) {
    const key = JSON.stringify([a.kind, a.title, a.edit, a.command]);
    const prev = byKey.get(key);
    if (!prev) {
      byKey.set(key, a);
      out.push(a);
      continue;
    }
    const have = new Set((prev.diagnostics ?? []).map(diagKey));
    for (const d of a.diagnostics ?? []) if (!have.has(diagKey(d))) (prev.diagnostics ??= []).push(d);
    prev.isPreferred ||= a.isPreferred;
  }
  return out;
}

const diagKey = (d: Diagnostic) => JSON.stringify([d.code, d.range, d.message]);

const missingKeyPath = (d: Diagnostic) => (d.source === SOURCE && d.code === 'frontmatter-missing' ? dataOf('frontmatter-missing', d.data)?.path : undefined);
const isMissingKey = (d: Diagnostic) => missingKeyPath(d) !== undefined;

/** The document's language for inserted text: Chinese when its body has Chinese. */
function docLang(text: string): 'zh' | 'en' {
  return /[\u4e00-\u9fff]/.test(text.replace(/^---[\s\S]*?\n---/, '')) ? 'zh' : 'en';
}

/**
 * frontmatter-missing: every missing key of the file in one insertion (whichever finding the
 * request names). A snippet with tab stops and enum choices where the client accepts snippet
 * edits (LSP 3.18 SnippetTextEdit in documentChanges); plain `<…>` values otherwise.
 */
function frontmatterMissingAction(ctx: ActionContext, lines: LineIndex, plainOnly = false): CodeAction | undefined {
  if (!ctx.schema || !ctx.diagnostics.some(isMissingKey)) return undefined;
  const all = (ctx.all ?? ctx.diagnostics).filter(isMissingKey);
  const paths = all.flatMap((d) => missingKeyPath(d) ?? []);
  const ins = missingKeyInsertions(lines, paths, ctx.schema, docLang(ctx.text));
  if (!ins.length) return undefined;
  const covered = new Set(ins.flatMap((i) => i.paths));
  const diagnostics = all.filter((d) => covered.has(missingKeyPath(d) ?? ''));
  const names = [...covered].join(', ');
  const en = ctx.locale === 'en';
  const a: CodeAction = {
    title: en ? `Add the missing frontmatter keys: ${names}` : `添加缺少的 frontmatter 键：${names}`,
    kind: 'quickfix',
    diagnostics,
    isPreferred: true,
  };
  if (ctx.snippets && !plainOnly) {
    a.edit = {
      documentChanges: [
        {
          textDocument: { uri: ctx.uri, version: ctx.version ?? null },
          edits: ins.map((i) => ({ range: point(i.line, 0), snippet: { kind: 'snippet', value: i.snippet } })) as unknown as TextEdit[],
        },
      ],
    };
  } else a.edit = { changes: { [ctx.uri]: ins.map((i) => ({ range: point(i.line, 0), newText: i.plain })) } };
  return a;
}

/**
 * `source.fixAll.cyberdossier`: the fixes that are safe to apply unasked (on save) — they only
 * touch the frontmatter or a configuration file and guess nothing the user did not write:
 * - did-you-mean renames of a misspelt key or value (frontmatter-invalid / config-invalid with a
 *   `suggestion`, including the rule set's own renames such as 2017 `health` → `sensitive-medical`);
 * - the missing required keys, inserted with `<…>` values to fill in (never a chosen value).
 * Not included: sections, templates, table columns, capability rows, reasons, SBOM versions, the
 * migration — each inserts content or picks a side, which the user should see first.
 * Overlapping edits are dropped (the first wins); undefined when there is nothing to fix.
 */
export function fixAllAction(ctx: ActionContext): CodeAction | undefined {
  const lines = new LineIndex(ctx.text);
  const all = ctx.all ?? ctx.diagnostics;
  const edits: TextEdit[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const d of all) {
    if (d.source !== SOURCE || (d.code !== 'frontmatter-invalid' && d.code !== 'config-invalid')) continue;
    const suggestion = dataOf(d.code, d.data)?.suggestion;
    if (typeof suggestion !== 'string') continue;
    // A placeholder the missing-keys fix wrote is the user's to fill, never a guess's.
    const current = ctx.text.slice(lines.offsetAt(d.range.start), lines.offsetAt(d.range.end));
    if (/^\s*\[?\s*</.test(current)) continue;
    edits.push({ range: d.range, newText: suggestion });
    diagnostics.push(d);
  }
  const fm = frontmatterMissingAction({ ...ctx, diagnostics: all }, lines, true);
  if (fm?.edit?.changes) {
    edits.push(...fm.edit.changes[ctx.uri]);
    diagnostics.push(...(fm.diagnostics ?? []));
  }
  const off = (p: Position) => lines.offsetAt(p);
  const kept: TextEdit[] = [];
  for (const e of edits.sort((a, b) => off(a.range.start) - off(b.range.start) || off(a.range.end) - off(b.range.end))) {
    const last = kept[kept.length - 1];
    if (last && off(e.range.start) < off(last.range.end)) continue;
    if (last && off(e.range.start) === off(last.range.start) && off(e.range.end) === off(last.range.end) && off(e.range.start) !== off(e.range.end)) continue;
    kept.push(e);
  }
  if (!kept.length) return undefined;
  const en = ctx.locale === 'en';
  return {
    title: en ? `Fix all safe CyberDossier findings (${diagnostics.length})` : `修复全部可安全自动修复的 CyberDossier 问题（${diagnostics.length} 项）`,
    kind: FIX_ALL_KIND,
    diagnostics,
    edit: { changes: { [ctx.uri]: kept } },
  };
}

function fixFor(d: Diagnostic, data: FindingData, ctx: ActionContext, lines: LineIndex, onlyCapability: boolean): CodeAction | CodeAction[] | undefined {
  const { locale } = ctx;
  const en = locale === 'en';
  switch (d.code) {
    case 'missing-section': {
      const found = typeof data.requirement === 'string' ? findRequirement(data.requirement) : undefined;
      if (!found) return undefined;
      const r = found.requirement;
      const section = dataOf('missing-section', d.data);
      if (section?.item !== undefined) {
        const el = r.checks?.flatMap((c) => (c.kind === 'statement' ? c.elements : [])).find((e) => e.item === section.item);
        if (!el) return undefined;
        // The document's language, not the editor's: a Chinese statement gets Chinese text.
        const docLang: Locale = /[\u4e00-\u9fff]/.test(ctx.text.replace(/^---[\s\S]*?\n---/, '')) ? 'zh-CN' : 'en';
        const text = t(el.template, docLang).replace('{today}', ctx.today ?? new Date().toISOString().slice(0, 10));
        const edit = appendAtEnd(lines, text);
        return action(en ? `Add ${el.label.en}` : `添加${el.label.zh}`, d, edit, ctx, true);
      }
      const ins = section?.insert;
      if (!ins) return undefined;
      const lang = ins.lang === 'en' ? 'en' : 'zh';
      const blocks = [sectionBlock(r.id, ins.depth, ins.numbering, lang)];
      for (const c of ins.children) blocks.push(sectionBlock(c.id, c.depth, c.numbering, lang));
      const edit = insertBlock(lines, ins.line, blocks.join('\n\n'));
      return action(en ? `Insert section “${r.title[lang]}” (${r.id})` : `插入章节“${r.title[lang]}”（${r.id}）`, d, edit, ctx, true);
    }
    case 'empty-section': {
      const found = typeof data.requirement === 'string' ? findRequirement(data.requirement) : undefined;
      if (!found) return undefined;
      const lang = /[\u4e00-\u9fff]/.test(lines.lineText(d.range.start.line)) ? 'zh' : 'en';
      const edit: TextEdit = { range: point(d.range.start.line + 1, 0), newText: `\n${found.requirement.template[lang]}\n` };
      return action(en ? `Insert the template of “${found.requirement.title[lang]}”` : `插入“${found.requirement.title[lang]}”的模板`, d, edit, ctx, true);
    }
    case 'not-applicable-without-reason': {
      const zhDoc = /[\u4e00-\u9fff]/.test(lines.lineText(d.range.start.line));
      const newText = zhDoc ? '，理由：<说明为何不适用于本产品>' : ': <insert why this does not apply to the device>';
      const at = d.range.end;
      // Keep the user's punctuation: insert right after the 不适用 text, before any "。".
      const edit: TextEdit = { range: { start: at, end: at }, newText };
      return action(en ? 'Add a reason stub after “not applicable”' : '在“不适用”后补充理由', d, edit, ctx, true);
    }
    case 'frontmatter-invalid':
    case 'config-invalid': {
      const suggestion = dataOf(d.code, d.data)?.suggestion;
      if (suggestion === undefined) return undefined;
      return action(en ? `Replace with ${suggestion}` : `替换为 ${suggestion}`, d, { range: d.range, newText: suggestion }, ctx, true);
    }
    case 'missing-column': {
      const { table, label } = dataOf('missing-column', d.data) ?? {};
      if (!table || !label) return undefined;
      const zhDoc = /[\u4e00-\u9fff]/.test(lines.lineText(table.header));
      const name = zhDoc ? label.zh : label.en;
      const edits: TextEdit[] = [];
      const cells = [name, '---', ...table.rows.slice(1).map(() => '')];
      [table.header, ...table.rows].forEach((line, i) => {
        const text = lines.lineText(line);
        const trimmed = text.replace(/\s+$/, '');
        const closed = trimmed.endsWith('|');
        const cell = cells[i] === '' ? '  |' : ` ${cells[i]} |`;
        edits.push({ range: point(line, trimmed.length), newText: closed ? cell : ` |${cell}` });
      });
      return { title: en ? `Add the column “${name}”` : `添加“${name}”列`, kind: 'quickfix', diagnostics: [d], isPreferred: true, edit: { changes: { [ctx.uri]: edits } } };
    }
    case 'inconsistent-fact': {
      // The OTS table's version cell against the SBOM: the range is exactly that cell's text. Not
      // preferred: the SBOM may be the stale side.
      const fact = dataOf('inconsistent-fact', d.data);
      if (fact?.mismatch !== 'version-differs' || fact.sbomVersion === undefined || !fact.sbomVersion.trim()) return undefined;
      const v = fact.sbomVersion.trim().replace(/\|/g, '\\|');
      return action(en ? `Use the SBOM’s version ${v}` : `改为 SBOM 中的版本 ${v}`, d, { range: d.range, newText: v }, ctx, false);
    }
    case 'capability-unaddressed': {
      const c = dataOf('capability-unaddressed', d.data);
      if (!c?.insert || !c.capability) return undefined;
      const edit = capabilityEdit([c], c.insert, ctx, lines);
      return action(en ? `Add ${c.capability} (${c.name?.en ?? ''})` : `添加 ${c.capability}（${c.name?.zh ?? ''}）`, d, edit, ctx, onlyCapability);
    }
  }
  return undefined;
}


function capabilityEdit(caps: CapabilityData[], insert: CapabilityInsert, ctx: ActionContext, lines: LineIndex): TextEdit {
  const zhDoc = !/^[\x00-\x7F]*$/.test(lines.lineText(Math.max(0, insert.line - 1)));
  const rows = caps.map((c) => {
    const name = zhDoc ? (c.name?.zh ?? '') : (c.name?.en ?? '');
    if (insert.format === 'table') {
      const n = Math.max(2, insert.columns ?? 4);
      const rest = Array.from({ length: n - 2 }, (_, i) => (i === 0 ? (zhDoc ? '<是/否>' : '<insert yes/no>') : zhDoc ? '<实现方式或不适用理由>' : '<insert how, or why not>'));
      return `| ${[c.capability, name, ...rest].join(' | ')} |`;
    }
    return `- ${c.capability} ${name}：${zhDoc ? '<适用及实现方式，或不适用及理由>' : '<insert how it applies, or why not>'}`;
  });
  if (insert.format === 'table') return { range: point(insert.line, 0), newText: `${rows.join('\n')}\n` };
  return insertBlock(lines, insert.line, rows.join('\n'));
}

function sectionBlock(id: string, depth: number, numbering: string, lang: 'zh' | 'en'): string {
  const r = findRequirement(id)!.requirement;
  return `${'#'.repeat(Math.max(1, Math.min(6, depth)))} ${numbering}${r.title[lang]}\n\n${r.template[lang]}`;
}

function point(line: number, character: number): Range {
  return { start: { line, character }, end: { line, character } };
}

/** Inserts a block of lines before `line`, separated by blank lines from what surrounds it. */
function insertBlock(lines: LineIndex, line: number, block: string): TextEdit {
  const count = lines.lineCount;
  if (line >= count) return appendAtEnd(lines, block);
  const before = line > 0 ? lines.lineText(line - 1) : '';
  const prefix = line > 0 && before.trim() !== '' ? '\n' : '';
  const after = lines.lineText(line);
  const suffix = after.trim() === '' ? '\n' : '\n\n';
  return { range: point(line, 0), newText: `${prefix}${block}${suffix}` };
}

function appendAtEnd(lines: LineIndex, block: string): TextEdit {
  const last = lines.lineCount - 1;
  const lastText = lines.lineText(last);
  const pos: Position = { line: last, character: lastText.length };
  const endsWithNewline = lastText === '' && last > 0;
  const prevBlank = endsWithNewline ? lines.lineText(last - 1).trim() === '' : lastText.trim() === '';
  const prefix = endsWithNewline ? (prevBlank ? '' : '\n') : lastText.length ? '\n\n' : '';
  return { range: { start: pos, end: pos }, newText: `${prefix}${block}\n` };
}

function action(title: string, d: Diagnostic, edit: TextEdit, ctx: ActionContext, preferred: boolean): CodeAction {
  const a: CodeAction = { title, kind: 'quickfix', diagnostics: [d], isPreferred: preferred, edit: { changes: { [ctx.uri]: [edit] } } };
  // Put the cursor on the first placeholder of what was inserted (VS Code client only).
  const m = /<[^<>\n]+>/.exec(edit.newText);
  if (ctx.selectCommand && m) {
    const before = edit.newText.slice(0, m.index);
    const nl = before.split('\n');
    const line = edit.range.start.line + nl.length - 1;
    const character = (nl.length === 1 ? edit.range.start.character : 0) + nl[nl.length - 1].length;
    a.command = {
      title: 'select placeholder',
      command: 'cyberdossier.selectRange',
      arguments: [ctx.uri, { start: { line, character }, end: { line, character: character + m[0].length } }],
    };
  }
  return a;
}

/** "Disable for this line" — around the table for a row (a comment between rows ends a table). */
function disableFor(d: Diagnostic, data: FindingData, ctx: ActionContext, lines: LineIndex): CodeAction | undefined {
  if (/\.ya?ml$/i.test(ctx.uri)) return undefined;
  const code = String(d.code);
  const rule = [code, typeof data.requirement === 'string' ? data.requirement : ''].filter(Boolean).join(' ');
  const en = ctx.locale === 'en';
  const fmEnd = frontmatterEnd(lines);
  const line = d.range.start.line;
  // Frontmatter lines cannot hold a comment, and a finding on a blank line (the first line after
  // the frontmatter: a missing top-level section) is a document-level one: disable it for the file.
  if ((fmEnd !== undefined && line <= fmEnd) || lines.lineText(line).trim() === '') {
    const edit = appendAtEnd(lines, `<!-- cyberdossier-disable-file ${rule} -->`);
    return { title: en ? `Disable ${code} for this file` : `在本文件中停用 ${code}`, kind: 'quickfix', diagnostics: [d], edit: { changes: { [ctx.uri]: [edit] } } };
  }
  const table = tableLinesOf(data.table);
  if (table && line > table.header && line < table.end) {
    const indent = /^\s*/.exec(lines.lineText(table.start))![0];
    const edits: TextEdit[] = [
      { range: point(table.start, 0), newText: `${indent}<!-- cyberdossier-disable ${rule} -->\n\n` },
      { range: point(table.end, 0), newText: table.end >= lines.lineCount ? `\n\n<!-- cyberdossier-enable ${code} -->\n` : `\n<!-- cyberdossier-enable ${code} -->\n` },
    ];
    if (table.end >= lines.lineCount) edits[1] = { range: point(lines.lineCount - 1, lines.lineText(lines.lineCount - 1).length), newText: `\n\n<!-- cyberdossier-enable ${code} -->\n` };
    return { title: en ? `Disable ${code} for this table` : `在此表格中停用 ${code}`, kind: 'quickfix', diagnostics: [d], edit: { changes: { [ctx.uri]: edits } } };
  }
  const indent = /^\s*/.exec(lines.lineText(line))![0];
  const edit: TextEdit = { range: point(line, 0), newText: `${indent}<!-- cyberdossier-disable-next-line ${rule} -->\n` };
  return { title: en ? `Disable ${code} for this line` : `在此行停用 ${code}`, kind: 'quickfix', diagnostics: [d], edit: { changes: { [ctx.uri]: [edit] } } };
}

function frontmatterEnd(lines: LineIndex): number | undefined {
  if (!/^\uFEFF?---[ \t]*$/.test(lines.lineText(0))) return undefined;
  for (let l = 1; l < lines.lineCount; l++) if (/^---[ \t]*$/.test(lines.lineText(l))) return l;
  return lines.lineCount - 1;
}
