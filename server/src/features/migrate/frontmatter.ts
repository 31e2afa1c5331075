// Step 1 of the migration: the frontmatter and dossier.yaml (requirements-nmpa-2022.md §13,
// "Frontmatter"). Works on the raw YAML with positions (facts/yaml.ts), so a value is replaced
// where it is written — flow or block style, quoted or not, comments and key order kept — and
// a new key is inserted as a line of its own next to its siblings. Nothing is guessed: the two
// facts the guideline needs and only the user can know get a placeholder the checker reports.

import { loadYaml, canonicalEnum, schemaAt, getRuleSet, LineIndex, type YEntry, type YNode, type YamlResult, type Position } from '../../engine';
import type { OffsetEdit } from './edits';
import { eolOf } from './edits';
import { GUIDELINE_2022, KIND_MAPS, MANUAL_FRONTMATTER, type ManualItem, type RawFacts } from './mapping';

/** The placeholders written for the facts the migration must not guess (reported as frontmatter-invalid). */
export const SAFETY_LEVEL_PLACEHOLDER = '<待确认：minor 轻微 | moderate 中等 | major 严重>';
export const USER_ACCESS_PLACEHOLDER = '<待确认：true | false>';

/** A YAML text the step may edit: a file's frontmatter or the dossier.yaml. */
export interface YamlSource {
  path: string;
  text: string;
  lines: LineIndex;
  root: YNode | undefined;
  problems: boolean;
  /** Offsets of the YAML content (frontmatter: between the `---` lines; dossier.yaml: all). */
  contentStart: number;
  contentEnd: number;
  isDossierYaml: boolean;
}

export function frontmatterSource(path: string, text: string, yaml?: YamlResult): YamlSource | undefined {
  const lines = new LineIndex(text);
  const m = /^(\uFEFF?---[ \t]*)(\r\n|\r|\n)/.exec(text);
  if (!m) return undefined;
  const contentStart = m[0].length;
  const close = /^---[ \t]*$/m;
  const rest = text.slice(contentStart);
  const c = close.exec(rest);
  if (!c) return undefined;
  const contentEnd = contentStart + c.index;
  const y = yaml ?? loadYaml(text.slice(contentStart, contentEnd), contentStart, lines);
  return { path, text, lines, root: y.root, problems: y.problems.length > 0, contentStart, contentEnd, isDossierYaml: false };
}

export function dossierYamlSource(path: string, text: string): YamlSource {
  const lines = new LineIndex(text);
  const y = loadYaml(text, 0, lines);
  return { path, text, lines, root: y.root, problems: y.problems.length > 0, contentStart: 0, contentEnd: text.length, isDossierYaml: true };
}

// ---- raw YAML helpers -------------------------------------------------------------------------

function entryOf(node: YNode | undefined, key: string): YEntry | undefined {
  return node?.kind === 'map' ? node.entries.find((e) => e.key === key) : undefined;
}

export function nodeAt(root: YNode | undefined, path: string): YNode | undefined {
  let n: YNode | undefined = root;
  for (const k of path.split('.')) n = entryOf(n, k)?.node;
  return n;
}

function scalarString(n: YNode | undefined): string | undefined {
  return n?.kind === 'scalar' && n.value !== null ? String(n.value) : undefined;
}

const schema2017 = () => getRuleSet('nmpa-2017')!.schema;

function canonical2017(path: string, raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const s = schemaAt(schema2017(), path);
  if (!s) return raw;
  const c = canonicalEnum(s, raw);
  return c === undefined ? raw : String(c);
}

function canonical2022(path: string, raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const rs = getRuleSet(GUIDELINE_2022);
  const s = rs ? schemaAt(rs.schema, path) : undefined;
  const c = s ? canonicalEnum(s, raw) : undefined;
  if (c !== undefined) return String(c);
  // Interim (rule set not registered): the zh labels of frontmatter.md.
  const zh: Record<string, string> = { 全部使用: 'full', 部分使用: 'partial', 不使用: 'none', 变更注册: 'change' };
  return zh[raw] ?? raw;
}

function listValues(n: YNode | undefined): string[] | undefined {
  if (!n) return undefined;
  if (n.kind === 'seq') return n.items.map(scalarString).filter((x): x is string => x !== undefined);
  const s = scalarString(n);
  return s === undefined ? undefined : [s];
}

/** The facts the migration needs, frontmatter over dossier.yaml (as the engine merges them). */
export function rawFacts(file: YamlSource | undefined, yaml: YamlSource | undefined): RawFacts {
  const pick = (path: string): YNode | undefined => nodeAt(file?.root, path) ?? nodeAt(yaml?.root, path);
  const sub = scalarString(pick('submission'));
  const submission = sub === undefined ? undefined : sub === '变更注册' ? 'change' : canonical2017('submission', sub);
  return {
    submission,
    updates: listValues(pick('updates'))?.map((u) => canonical2017('updates.0', u) ?? u),
    otsUsage: canonical2022('software.ots_usage', scalarString(pick('software.ots_usage'))),
    remoteControl: canonical2017('functions.remote_control', scalarString(pick('functions.remote_control'))),
    dataTypes: listValues(pick('data.types'))?.map((t) => canonical2017('data.types.0', t) ?? t),
  };
}

/** The 2017 document kind of a file (canonical id), from its raw frontmatter. */
export function rawKind(file: YamlSource | undefined): string | undefined {
  return canonical2017('document', scalarString(entryOf(file?.root, 'document')?.node));
}

// ---- edits ------------------------------------------------------------------------------------

interface Ctx {
  src: YamlSource;
  eol: string;
  edits: OffsetEdit[];
}

const off = (src: YamlSource, p: Position) => src.lines.offsetAt(p);

/** Offset of the line after a node's value (where a sibling line is inserted). */
function lineAfter(src: YamlSource, n: YNode): { at: number; prefix: string } {
  const end = n.range.end;
  const line = end.character === 0 && end.line > n.range.start.line ? end.line : end.line + 1;
  if (line >= src.lines.lineCount || src.lines.starts[line] > src.contentEnd) return { at: src.contentEnd, prefix: atLineStart(src, src.contentEnd) ? '' : eolOf(src.text) };
  return { at: src.lines.starts[line], prefix: '' };
}

function atLineStart(src: YamlSource, offset: number): boolean {
  return offset === 0 || /[\r\n]/.test(src.text[offset - 1]);
}

/** Replaces a scalar value (the text between quotes for a quoted one). */
function replaceScalar(c: Ctx, n: YNode, value: string): void {
  const start = off(c.src, n.range.start);
  const end = off(c.src, n.range.end);
  c.edits.push({ start, end, text: start === end && !/\s$/.test(c.src.text.slice(0, start)) ? ` ${value}` : value });
}

/** Inserts `key: value` (a line, or a block of lines) after an entry, at that entry's indent. */
function insertAfterEntry(c: Ctx, e: YEntry, lines: string[]): void {
  const indent = ' '.repeat(e.keyRange.start.character);
  const { at, prefix } = lineAfter(c.src, e.node);
  c.edits.push({ start: at, end: at, text: prefix + lines.map((l) => indent + l + c.eol).join('') });
}

/** Adds a key to a mapping node (block: a new line after the last entry; flow: before `}`). */
function addToMap(c: Ctx, owner: YEntry, map: YNode & { kind: 'map' }, key: string, value: string): void {
  const start = off(c.src, map.range.start);
  if (c.src.text[start] === '{') {
    let close = off(c.src, map.range.end) - 1;
    while (close > start && c.src.text[close] !== '}') close--;
    let at = close;
    while (at > start + 1 && /[ \t]/.test(c.src.text[at - 1])) at--;
    const sep = map.entries.length ? ', ' : '';
    c.edits.push({ start: at, end: at, text: `${sep}${key}: ${value}` });
    return;
  }
  const last = map.entries[map.entries.length - 1];
  if (!last) {
    insertAfterEntry(c, owner, [`  ${key}: ${value}`]);
    return;
  }
  insertAfterEntry(c, last, [`${key}: ${value}`]);
}

/** Appends top-level lines at the end of the YAML content. */
function appendTop(c: Ctx, lines: string[]): void {
  const at = c.src.contentEnd;
  const prefix = atLineStart(c.src, at) ? '' : c.eol;
  c.edits.push({ start: at, end: at, text: prefix + lines.map((l) => l + c.eol).join('') });
}

export interface FrontmatterPlanInput {
  /** Member files to migrate, with their frontmatter sources. */
  files: { path: string; src: YamlSource; kind2017: string }[];
  dossierYaml?: YamlSource;
}

export interface FrontmatterPlan {
  edits: Map<string, OffsetEdit[]>;
  manual: ManualItem[];
  /** path → the 2022 kind the file becomes. */
  kinds: Map<string, string>;
}

const REPORT_KINDS_2017 = new Set(['cybersecurity-description', 'patch-description']);

/**
 * The frontmatter step for a dossier: each member file's frontmatter, and the shared
 * dossier.yaml (guideline, renamed values and the new keys go where the facts live).
 */
export function planFrontmatter(input: FrontmatterPlanInput): FrontmatterPlan {
  const out: FrontmatterPlan = { edits: new Map(), manual: [], kinds: new Map() };
  const ctxs = new Map<string, Ctx>();
  const ctx = (src: YamlSource): Ctx => {
    let c = ctxs.get(src.path);
    if (!c) {
      c = { src, eol: eolOf(src.text), edits: [] };
      ctxs.set(src.path, c);
    }
    return c;
  };
  const yaml = input.dossierYaml && !input.dossierYaml.problems ? input.dossierYaml : undefined;
  const facts = rawFacts(input.files.find((f) => !f.src.problems)?.src, yaml);

  // guideline: in dossier.yaml when there is one (every member follows it), else per file.
  const yamlGuideline = yaml ? entryOf(yaml.root, 'guideline') : undefined;
  if (yaml && yamlGuideline && scalarString(yamlGuideline.node) !== GUIDELINE_2022) replaceScalar(ctx(yaml), yamlGuideline.node, GUIDELINE_2022);
  else if (yaml && !yamlGuideline && input.files.some((f) => !entryOf(f.src.root, 'guideline'))) {
    const c = ctx(yaml);
    const first = yaml.root?.kind === 'map' ? yaml.root.entries[0] : undefined;
    if (first) {
      const at = yaml.lines.starts[first.keyRange.start.line];
      c.edits.push({ start: at, end: at, text: `guideline: ${GUIDELINE_2022}${c.eol}` });
    } else appendTop(c, [`guideline: ${GUIDELINE_2022}`]);
  }

  let reportKind = false;
  for (const f of input.files) {
    if (f.src.problems || f.src.root?.kind !== 'map') continue;
    const c = ctx(f.src);
    const map = KIND_MAPS.find((m) => m.from === f.kind2017);
    const doc = entryOf(f.src.root, 'document');
    const fileFacts = rawFacts(f.src, yaml);
    const to = map ? map.to(fileFacts) : f.kind2017;
    out.kinds.set(f.path, to);
    if (REPORT_KINDS_2017.has(f.kind2017)) reportKind = true;
    if (doc && canonical2017('document', scalarString(doc.node)) === f.kind2017 && to !== f.kind2017) replaceScalar(c, doc.node, to);
    const g = entryOf(f.src.root, 'guideline');
    if (g && scalarString(g.node) !== GUIDELINE_2022) replaceScalar(c, g.node, GUIDELINE_2022);
    else if (!g && !yaml && doc) insertAfterEntry(c, doc, [`guideline: ${GUIDELINE_2022}`]);
    if (f.kind2017 === 'patch-description' && fileFacts.submission === 'renewal') out.manual.push({ key: 'frontmatter.renewal', file: f.path, message: MANUAL_FRONTMATTER.renewal });
  }

  // data.types: health → sensitive-medical wherever it is written.
  let health = false;
  for (const src of [...input.files.map((f) => f.src), ...(yaml ? [yaml] : [])]) {
    if (src.problems) continue;
    const types = nodeAt(src.root, 'data.types');
    const items = types?.kind === 'seq' ? types.items : types?.kind === 'scalar' ? [types] : [];
    for (const it of items) {
      const v = scalarString(it);
      if (v !== undefined && canonical2017('data.types.0', v) === 'health') {
        replaceScalar(ctx(src), it, /^[\x00-\x7f]*$/.test(v) || !zhAlias2022('data.types.0', '敏感医疗数据') ? 'sensitive-medical' : '敏感医疗数据');
        health = true;
      }
    }
  }
  const first = input.files[0]?.path ?? yaml?.path ?? '';
  const anchor = yaml?.path ?? first;
  if (health) out.manual.push({ key: 'frontmatter.data.types', file: anchor, message: MANUAL_FRONTMATTER.health });

  // update_content from updates, for a change (where `updates` is written; the file first).
  const allSources = [...input.files.map((f) => f.src), ...(yaml ? [yaml] : [])].filter((s) => !s.problems && s.root?.kind === 'map');
  if (facts.submission === 'change' && facts.updates?.length && !allSources.some((s) => entryOf(s.root, 'update_content'))) {
    const holder = allSources.find((s) => entryOf(s.root, 'updates'));
    if (holder) {
      const content = [...new Set(facts.updates.map((u) => (u === 'major' ? 'functional' : u === 'minor' ? 'patch' : u === 'none' ? 'none' : '')).filter(Boolean))];
      if (content.length) {
        insertAfterEntry(ctx(holder), entryOf(holder.root, 'updates')!, [`update_content: [${content.join(', ')}]`]);
        if (facts.updates.includes('minor') && !facts.updates.includes('major')) out.manual.push({ key: 'frontmatter.update_content', file: holder.path, message: MANUAL_FRONTMATTER.minorIsPatch });
      }
    }
  }

  // The facts only the user knows: a placeholder the 2022 schema rejects (frontmatter-invalid /
  // config-invalid), never a guessed value. Written once, where the shared facts live.
  const target = yaml ?? (input.files.length === 1 && reportKind ? input.files[0].src : undefined);
  if (target && target.root?.kind === 'map' && (yaml ? input.files.some((f) => REPORT_KINDS_2017.has(f.kind2017)) : true)) {
    const c = ctx(target);
    const has = (p: string) => allSources.some((s) => nodeAt(s.root, p) !== undefined);
    if (!has('software.safety_level')) {
      const sw = entryOf(target.root, 'software');
      if (sw?.node.kind === 'map') addToMap(c, sw, sw.node, 'safety_level', SAFETY_LEVEL_PLACEHOLDER);
      else if (!sw) {
        const after = entryOf(target.root, 'product') ?? entryOf(target.root, 'document');
        const block = ['software:', `  safety_level: ${SAFETY_LEVEL_PLACEHOLDER}`];
        if (after) insertAfterEntry(c, after, block);
        else appendTop(c, block);
      }
      out.manual.push({ key: 'frontmatter.software.safety_level', file: target.path, message: MANUAL_FRONTMATTER.safetyLevel });
    }
    if (!has('functions.user_access')) {
      const fn = entryOf(target.root, 'functions');
      if (fn?.node.kind === 'map') addToMap(c, fn, fn.node, 'user_access', USER_ACCESS_PLACEHOLDER);
      else if (!fn) appendTop(c, ['functions:', `  user_access: ${USER_ACCESS_PLACEHOLDER}`]);
      out.manual.push({ key: 'frontmatter.functions.user_access', file: target.path, message: MANUAL_FRONTMATTER.userAccess });
    }
    out.manual.push({ key: 'frontmatter.optional', file: target.path, message: MANUAL_FRONTMATTER.optional });
  }
  if (facts.remoteControl === 'none') out.manual.push({ key: 'frontmatter.functions.remote_control', file: anchor, message: MANUAL_FRONTMATTER.remoteControl });

  for (const [p, c] of ctxs) if (c.edits.length) out.edits.set(p, c.edits);
  return out;
}

function zhAlias2022(path: string, alias: string): boolean {
  const rs = getRuleSet(GUIDELINE_2022);
  const s = rs ? schemaAt(rs.schema, path) : undefined;
  return !!s && canonicalEnum(s, alias) !== undefined;
}
