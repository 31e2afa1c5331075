// The normalised SBOM as dossier Markdown: the 现成软件 table (2017 D1.6 columns 名称, 型号规格,
// 完整版本, 供应商, plus 类别) and the 网络安全补丁 table (2022 R1.4 / 2017 P1: 名称, 完整版本,
// 发布日期, plus the software it applies to), GFM, in zh-CN or en. What the SBOM does not say is
// written as the rule set's template placeholder (<供应商>, <insert vendor>), which the checker
// reports until someone fills it in; the flags are a separate list, never a column of the table.

import { localize, type Locale, type Localized } from '../engine';
import { label } from './collect';
import type { ComponentFlag, PatchFlag, SbomComponent, SbomDocument, SbomPatch } from './types';
import { categoryRank, foldKey } from './vocab';

export type SbomTable = 'ots' | 'patches';

const HEADERS: Record<SbomTable, Localized[]> = {
  ots: [
    { zh: '名称', en: 'Name' },
    { zh: '型号规格', en: 'Model/spec' },
    { zh: '完整版本', en: 'Full version' },
    { zh: '供应商', en: 'Vendor' },
    { zh: '类别', en: 'Category' },
  ],
  patches: [
    { zh: '补丁名称', en: 'Patch name' },
    { zh: '完整版本', en: 'Full version' },
    { zh: '发布日期', en: 'Release date' },
    { zh: '适用软件', en: 'Applies to' },
  ],
};

/**
 * Template placeholders, as in the rule set's templates (the checker reports them as
 * `placeholder`). The English ones are escaped: unescaped, `<insert model>` is an HTML tag to a
 * Markdown parser — invisible in a preview, and an empty cell (`incomplete-row`) to the checker.
 */
const HOLES = {
  model: { zh: '<型号规格>', en: '\\<insert model\\>' },
  version: { zh: '<完整版本>', en: '\\<insert full version\\>' },
  vendor: { zh: '<供应商>', en: '\\<insert vendor\\>' },
  patch: { zh: '<补丁名称或编号>', en: '\\<insert patch name or ID\\>' },
  date: { zh: '<发布日期>', en: '\\<insert release date\\>' },
  appliesTo: { zh: '<适用软件>', en: '\\<insert software\\>' },
};

const pick = (l: Localized, locale: Locale) => localize(l, locale);

/**
 * One table cell: a single line whose parsed text is the value itself. Backslash escapes keep
 * `|` from splitting the cell and keep emphasis, code, links, HTML and entities from forming.
 */
export function escapeCell(s: string): string {
  return s
    .replace(/[\r\n\t]+/g, ' ')
    .trim()
    .replace(/[\\`*[\]<>|~]/g, (c) => `\\${c}`)
    .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');
}

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function header(table: SbomTable, locale: Locale): string {
  const h = HEADERS[table].map((x) => pick(x, locale));
  return `${row(h)}\n${row(h.map(() => '---'))}\n`;
}

/** Table order: the guideline's categories (应用软件、系统软件、支持软件, unknown last), then name, version. */
export function tableOrder(components: readonly SbomComponent[]): SbomComponent[] {
  const keyed = components.map((c, i) => ({ c, i, rank: categoryRank(c.category), name: foldKey(c.name), version: foldKey(c.version ?? '') }));
  keyed.sort((a, b) => a.rank - b.rank || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || (a.version < b.version ? -1 : a.version > b.version ? 1 : 0) || a.i - b.i);
  return keyed.map((k) => k.c);
}

/** The 现成软件 table: header and one row per component (an empty SBOM gives the header alone). */
export function renderOtsTable(components: readonly SbomComponent[], locale: Locale): string {
  let out = header('ots', locale);
  for (const c of tableOrder(components)) {
    out += `${row([
      escapeCell(c.name),
      c.model ? escapeCell(c.model) : pick(HOLES.model, locale),
      c.version ? escapeCell(c.version) : pick(HOLES.version, locale),
      c.vendor ? escapeCell(c.vendor) : pick(HOLES.vendor, locale),
      c.category ? escapeCell(pick(c.category, locale)) : '',
    ])}\n`;
  }
  return out;
}

/** The 网络安全补丁 table; without patches, the empty template row (`isTemplate`). */
export function renderPatchTable(patches: readonly SbomPatch[], locale: Locale): { markdown: string; isTemplate: boolean } {
  let out = header('patches', locale);
  if (!patches.length) {
    out += `${row([pick(HOLES.patch, locale), pick(HOLES.version, locale), pick(HOLES.date, locale), pick(HOLES.appliesTo, locale)])}\n`;
    return { markdown: out, isTemplate: true };
  }
  for (const p of patches) {
    out += `${row([
      escapeCell(p.name),
      p.version ? escapeCell(p.version) : pick(HOLES.version, locale),
      p.date ? escapeCell(p.date) : pick(HOLES.date, locale),
      p.appliesTo ? escapeCell(p.appliesTo) : pick(HOLES.appliesTo, locale),
    ])}\n`;
  }
  return { markdown: out, isTemplate: false };
}

const FLAG_TEXT: Record<ComponentFlag | PatchFlag, (v: string | undefined) => Localized> = {
  'version-missing': () => ({ zh: '没有版本', en: 'no version' }),
  'version-not-full': (v) => ({ zh: `版本“${v}”不是完整版本`, en: `the version “${v}” is not a full version` }),
  'supplier-missing': () => ({ zh: '没有供应商', en: 'no vendor' }),
  'date-missing': () => ({ zh: '没有发布日期', en: 'no release date' }),
};

export interface FlaggedEntry {
  name: string;
  version?: string;
  flags: (ComponentFlag | PatchFlag)[];
  /** `OpenSSL 3.0.13: no vendor`, localised. */
  message: Localized;
}

/** The components (or patches) that need attention before the table is complete, in table order. */
export function flaggedEntries(doc: Pick<SbomDocument, 'components' | 'patches'>, table: SbomTable): FlaggedEntry[] {
  const entries: { name: string; version?: string; flags: (ComponentFlag | PatchFlag)[] }[] = table === 'ots' ? tableOrder(doc.components) : doc.patches;
  return entries
    .filter((e) => e.flags.length)
    .map((e) => {
      const parts = e.flags.map((f) => FLAG_TEXT[f](e.version));
      const name = label(e);
      return {
        name: e.name,
        ...(e.version ? { version: e.version } : {}),
        flags: e.flags,
        message: { zh: `${name}：${parts.map((p) => p.zh).join('；')}`, en: `${name}: ${parts.map((p) => p.en).join('; ')}` },
      };
    });
}

const SKIP_TEXT: Record<string, Localized> = {
  'excluded-scope': { zh: '不随产品运行（scope: excluded）', en: 'not part of the runtime (scope: excluded)' },
  'not-software': { zh: '不是软件', en: 'not software' },
  'build-only': { zh: '仅用于构建或测试', en: 'build or test tooling only' },
  patch: { zh: '是补丁，列入补丁表格', en: 'a patch, listed in the patch table' },
};

/** Notes for the person importing: what was merged, skipped, or is missing. Localised lines. */
export function importNotes(doc: SbomDocument, table: SbomTable): Localized[] {
  const notes: Localized[] = [];
  if (table === 'patches') {
    if (!doc.patches.length)
      notes.push({
        zh: 'SBOM 中没有可靠的补丁信息（CycloneDX pedigree.patches、类型为 patch 的 releaseNotes、KB 更新组件，或 SPDX PATCH_APPLIED 关系），已输出空白补丁表格模板',
        en: 'the SBOM carries no reliable patch information (CycloneDX pedigree.patches, releaseNotes of type patch, KB update components, or SPDX PATCH_APPLIED relationships); an empty patch table template was written',
      });
    return notes;
  }
  if (doc.duplicates) notes.push({ zh: `合并了 ${doc.duplicates} 个重复组件（相同 purl 或名称与版本）`, en: `${doc.duplicates} duplicate component(s) merged (same purl, or name and version)` });
  const groups = new Map<string, string[]>();
  for (const s of doc.skipped) {
    const list = groups.get(s.reason) ?? [];
    if (list.length < 10) list.push(label(s));
    else if (list.length === 10) list.push('…');
    groups.set(s.reason, list);
  }
  for (const [reason, names] of groups) {
    const n = doc.skipped.filter((s) => s.reason === reason).length;
    const why = SKIP_TEXT[reason];
    notes.push({ zh: `未列入现成软件表格 ${n} 项（${why.zh}）：${names.join('、')}`, en: `${n} entr${n === 1 ? 'y' : 'ies'} left out of the OTS table (${why.en}): ${names.join(', ')}` });
  }
  const noModel = doc.components.filter((c) => !c.model).length;
  if (noModel)
    notes.push({
      zh: `${noModel} 个组件在 SBOM 中没有型号规格（cyberdossier:model 属性或 CPE 的版本/平台字段），已填入占位符 <型号规格>`,
      en: `${noModel} component(s) have no model/spec in the SBOM (a cyberdossier:model property or the edition fields of a CPE); the placeholder <insert model> was written`,
    });
  return notes;
}

/** One line describing what was read. */
export function summaryLine(doc: SbomDocument): Localized {
  const what = `${doc.format} ${doc.specVersion}`;
  const subject = doc.subject ? label(doc.subject) : undefined;
  return {
    zh: `${what} SBOM${subject ? `（${subject}）` : ''}：${doc.components.length} 个现成软件组件，${doc.patches.length} 个补丁`,
    en: `${what} SBOM${subject ? ` (${subject})` : ''}: ${doc.components.length} OTS component(s), ${doc.patches.length} patch(es)`,
  };
}

export interface SbomImportResult {
  /** The table, GFM, ending with a newline. */
  markdown: string;
  table: SbomTable;
  /** The patch table is the empty template (the SBOM has no patch information). */
  template: boolean;
  format: SbomDocument['format'];
  specVersion: string;
  subject?: SbomDocument['subject'];
  components: SbomComponent[];
  patches: SbomPatch[];
  flagged: { name: string; version?: string; flags: string[]; message: string }[];
  skipped: SbomDocument['skipped'];
  notes: string[];
}

/** Everything an adapter shows (CLI --format json, the language server's sbomImport). */
export function importResult(doc: SbomDocument, table: SbomTable, locale: Locale): SbomImportResult {
  const patch = table === 'patches' ? renderPatchTable(doc.patches, locale) : undefined;
  return {
    markdown: patch ? patch.markdown : renderOtsTable(doc.components, locale),
    table,
    template: patch?.isTemplate ?? false,
    format: doc.format,
    specVersion: doc.specVersion,
    ...(doc.subject ? { subject: doc.subject } : {}),
    components: tableOrder(doc.components),
    patches: doc.patches,
    flagged: flaggedEntries(doc, table).map((f) => ({ name: f.name, ...(f.version ? { version: f.version } : {}), flags: f.flags, message: pick(f.message, locale) })),
    skipped: doc.skipped,
    notes: importNotes(doc, table).map((n) => pick(n, locale)),
  };
}

/**
 * The text an editor inserts at a cursor so that the table stands on lines of its own: a blank
 * line before it (unless the line above is blank or it starts the document) and after it (the
 * rest of the cursor's line, when it has text, moves below a blank line; an empty rest is itself
 * that blank line). `before` / `after`: the cursor line's text left and right of the cursor.
 */
export function insertionText(table: string, at: { before: string; after: string; previousLine?: string }): string {
  let prefix = '';
  if (at.before.trim()) prefix = '\n\n';
  else if (at.previousLine !== undefined && at.previousLine.trim()) prefix = at.before ? '\n\n' : '\n';
  else if (at.before) prefix = '\n';
  const suffix = at.after.trim() ? '\n' : '';
  return `${prefix}${table.endsWith('\n') ? table : `${table}\n`}${suffix}`;
}
