// The fix of frontmatter-missing: every missing required key of the file in one insertion, each
// with a value to fill in. Two renderings of the same YAML: a snippet (tab stops, enum choices)
// for clients that accept snippet edits in a WorkspaceEdit (LSP 3.18 `SnippetTextEdit`,
// `workspace.workspaceEdit.snippetEditSupport`), and plain text with `<…>` placeholders for the
// others. Reads only `data.path` of the findings, the schema and the frontmatter lines.

import { resolveRef, schemaAt, type JsonSchema, type LineIndex } from '../engine';

export interface KeyInsertion {
  /** 0-based line before which the block goes, and the block's lines (snippet and plain). */
  line: number;
  snippet: string;
  plain: string;
  /** The missing paths it fills. */
  paths: string[];
}

type Lang = 'zh' | 'en';

/** A value of a schema node, written once as a snippet and once as plain text. */
interface Rendered {
  /** Scalar on the key's line (`key: value`), or nested lines (`key:` then children). */
  inline?: { snippet: string; plain: string };
  children?: { key: string; value: Rendered }[];
}

const escSnippet = (s: string) => s.replace(/[\\$}]/g, (c) => `\\${c}`);
const escChoice = (s: string) => s.replace(/[\\$},|]/g, (c) => `\\${c}`);

class Stops {
  n = 0;
  next(): number {
    return ++this.n;
  }
}

function render(s0: JsonSchema, root: JsonSchema, key: string, lang: Lang, stops: Stops, depth = 0): Rendered {
  const s = resolveRef(s0, root);
  const label = lang === 'zh' && s['x-label-zh'] ? s['x-label-zh'] : key.replace(/_/g, ' ');
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  if (s.enum?.length) {
    const values = s.enum.map(String);
    return { inline: { snippet: `\${${stops.next()}|${values.map(escChoice).join(',')}|}`, plain: `<${values.join(' | ')}>` } };
  }
  if (types.includes('array') && s.items) {
    const it = resolveRef(s.items, root);
    if (it.enum?.length) {
      const values = it.enum.map(String);
      return { inline: { snippet: `[\${${stops.next()}|${values.map(escChoice).join(',')}|}]`, plain: `[<${values.join(' | ')}>]` } };
    }
  }
  if (types.includes('object') && s.properties && depth < 3) {
    const children = (s.required ?? []).filter((k) => s.properties?.[k]).map((k) => ({ key: k, value: render(s.properties![k], root, k, lang, stops, depth + 1) }));
    if (children.length) return { children };
  }
  if (types.includes('boolean') && !types.includes('string')) return { inline: { snippet: `\${${stops.next()}|true,false|}`, plain: '<true | false>' } };
  const text = lang === 'zh' ? `<${label}>` : `<insert ${label}>`;
  return { inline: { snippet: `\${${stops.next()}:${escSnippet(text)}}`, plain: text } };
}

function lines(key: string, r: Rendered, indent: string, which: 'snippet' | 'plain'): string[] {
  if (r.inline) return [`${indent}${key}: ${r.inline[which]}`];
  return [`${indent}${key}:`, ...(r.children ?? []).flatMap((c) => lines(c.key, c.value, `${indent}  `, which))];
}

/** Frontmatter bounds: the opening and closing `---` lines, when both exist. */
function bounds(idx: LineIndex): { open: number; close: number } | undefined {
  if (!/^\uFEFF?---[ \t]*$/.test(idx.lineText(0))) return undefined;
  for (let l = 1; l < idx.lineCount; l++) if (/^---[ \t]*$/.test(idx.lineText(l))) return { open: 0, close: l };
  return undefined;
}

/** The line of a block-style mapping key `name:` at `indent` within [from, to), and its block's end. */
function findBlock(idx: LineIndex, name: string, from: number, to: number, indent: number): { line: number; end: number; childIndent: string } | undefined {
  const re = new RegExp(`^ {${indent}}${escRe(name)}\\s*:\\s*(#.*)?$`);
  for (let l = from; l < to; l++) {
    if (!re.test(idx.lineText(l))) continue;
    let end = l + 1;
    let childIndent: string | undefined;
    while (end < to) {
      const t = idx.lineText(end);
      if (t.trim() === '' || t.trim().startsWith('#')) {
        end++;
        continue;
      }
      const ind = /^ */.exec(t)![0].length;
      if (ind <= indent) break;
      childIndent ??= ' '.repeat(ind);
      end++;
    }
    // Trailing blank lines belong after the block.
    while (end - 1 > l && idx.lineText(end - 1).trim() === '') end--;
    return { line: l, end, childIndent: childIndent ?? ' '.repeat(indent + 2) };
  }
  return undefined;
}

/**
 * The insertions that add `paths` (dotted, as in frontmatter-missing's data.path) to the
 * frontmatter: top-level keys before the closing `---`, a key whose parent exists in block style
 * at the end of the parent's block; a parent written in flow style (`{ … }`) is left alone (the
 * key cannot be added without rewriting the user's line). One snippet numbering across all.
 */
export function missingKeyInsertions(idx: LineIndex, paths: string[], schema: JsonSchema, lang: Lang): KeyInsertion[] {
  const b = bounds(idx);
  if (!b) return [];
  // Missing tails grouped by where they go (two keys under one absent parent share one `parent:`).
  interface Node {
    children: Map<string, Node>;
    path?: string;
  }
  const groups = new Map<string, { line: number; indent: string; base: string; tree: Node; paths: string[] }>();
  const seen = new Set<string>();
  for (const path of paths) {
    if (seen.has(path) || !path) continue;
    seen.add(path);
    const parts = path.split('.');
    if (parts.some((p) => /^\d+$/.test(p)) || !schemaAt(schema, path)) continue; // list items: the user's structure decides
    // The deepest existing block-style ancestor.
    let from = b.open + 1;
    let to = b.close;
    let indent = 0;
    let at = 0;
    let childIndent = '';
    for (; at < parts.length - 1; at++) {
      const blk = findBlock(idx, parts[at], from, to, indent);
      if (!blk) break;
      from = blk.line + 1;
      to = blk.end;
      childIndent = blk.childIndent;
      indent = childIndent.length;
    }
    // An ancestor present but not in block style (flow mapping, scalar): not ours to rewrite.
    if (at < parts.length - 1 && new RegExp(`^ {${indent}}${escRe(parts[at])}\\s*:`, 'm').test(sliceText(idx, from, to))) continue;
    const line = at === 0 ? b.close : to;
    const base = parts.slice(0, at).join('.');
    const gk = `${line}|${base}`;
    const g = groups.get(gk) ?? { line, indent: at === 0 ? '' : childIndent, base, tree: { children: new Map<string, Node>() } as Node, paths: [] as string[] };
    groups.set(gk, g);
    g.paths.push(path);
    let n: Node = g.tree;
    for (const p of parts.slice(at)) {
      if (!n.children.has(p)) n.children.set(p, { children: new Map() });
      n = n.children.get(p)!;
    }
    n.path = path;
  }
  const stops = new Stops();
  const toRendered = (n: Node, key: string): Rendered => {
    if (n.path) return render(schemaAt(schema, n.path)!, schema, key, lang, stops);
    return { children: [...n.children].map(([k, c]) => ({ key: k, value: toRendered(c, k) })) };
  };
  const out: KeyInsertion[] = [];
  for (const g of [...groups.values()].sort((x, y) => x.line - y.line)) {
    const snippet: string[] = [];
    const plain: string[] = [];
    for (const [k, c] of g.tree.children) {
      const r = toRendered(c, k);
      snippet.push(...lines(k, r, g.indent, 'snippet'));
      plain.push(...lines(k, r, g.indent, 'plain'));
    }
    const prev = out.find((o) => o.line === g.line);
    if (prev) {
      prev.snippet += `${snippet.join('\n')}\n`;
      prev.plain += `${plain.join('\n')}\n`;
      prev.paths.push(...g.paths);
    } else out.push({ line: g.line, snippet: `${snippet.join('\n')}\n`, plain: `${plain.join('\n')}\n`, paths: g.paths });
  }
  return out;
}

const escRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function sliceText(idx: LineIndex, from: number, to: number): string {
  const out: string[] = [];
  for (let l = from; l < to; l++) out.push(idx.lineText(l));
  return out.join('\n');
}
