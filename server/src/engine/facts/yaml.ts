// Safe YAML: the `yaml` package's parser, then our own walk of its AST with positions. No tags
// beyond the core schema, a budget on alias expansion and nesting (a "billion laughs" is
// rejected at once), and keys kept as data in arrays, never as object plumbing.

import YAML, { isAlias, isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import type { LineIndex, Range } from '../text';

export interface YEntry {
  key: string;
  keyRange: Range;
  node: YNode;
}

export type YNode =
  | { kind: 'map'; entries: YEntry[]; range: Range }
  | { kind: 'seq'; items: YNode[]; range: Range }
  | { kind: 'scalar'; value: string | number | boolean | null; range: Range; quoted: boolean };

export interface YamlProblem {
  /** The parser's own (English) message: kept as detail, never shown inside a sentence of the other language. */
  message: string;
  /** The parser's error code (`yaml` ErrorCode), or ours: TOO_DEEP, TOO_LARGE, UNRESOLVED_ALIAS, CUSTOM_TAG, NON_PLAIN_KEY. */
  code?: string;
  range: Range;
}

export interface YamlResult {
  root: YNode | undefined;
  problems: YamlProblem[];
}

const MAX_NODES = 10_000;
const MAX_DEPTH = 64;

/**
 * Parses `text` (which starts at `base` in the document indexed by `lines`). Problems carry
 * document positions; an unusable document yields root undefined.
 */
export function loadYaml(text: string, base: number, lines: LineIndex): YamlResult {
  const problems: YamlProblem[] = [];
  const at = (start: number, end: number): Range => ({
    start: lines.positionAt(base + start),
    end: lines.positionAt(base + Math.max(start, end)),
  });
  let doc: YAML.Document.Parsed;
  try {
    doc = YAML.parseDocument(text, { uniqueKeys: true, prettyErrors: false, strict: true, schema: 'core', merge: false });
  } catch (e) {
    problems.push({ message: String((e as Error).message ?? e), code: (e as { code?: string }).code, range: at(0, 0) });
    return { root: undefined, problems };
  }
  for (const e of doc.errors) problems.push({ message: e.message, code: e.code, range: at(e.pos[0], e.pos[1]) });
  // Unresolved tags (yaml's TAG_RESOLVE_FAILED warnings) are reported once, by the walk below.
  if (doc.errors.length > 0) return { root: undefined, problems };

  let budget = MAX_NODES;
  let exhausted = false;
  const walk = (node: unknown, depth: number, aliasDepth: number): YNode | undefined => {
    if (exhausted) return undefined;
    if (--budget < 0 || depth > MAX_DEPTH) {
      exhausted = true;
      const r = (node as YamlNode | undefined)?.range;
      problems.push({
        code: depth > MAX_DEPTH ? 'TOO_DEEP' : 'TOO_LARGE',
        message:
          depth > MAX_DEPTH
            ? `YAML nesting deeper than ${MAX_DEPTH} levels is not accepted`
            : `YAML expands to more than ${MAX_NODES} nodes (alias expansion limit); the frontmatter is rejected`,
        range: at(r?.[0] ?? 0, r?.[1] ?? 0),
      });
      return undefined;
    }
    if (node === null || node === undefined) return undefined;
    if (isAlias(node)) {
      if (aliasDepth > 32) return walk(undefined, MAX_DEPTH + 1, aliasDepth);
      const target = node.resolve(doc);
      if (!target) {
        problems.push({ code: 'UNRESOLVED_ALIAS', message: `Unresolved alias *${node.source}`, range: at(node.range?.[0] ?? 0, node.range?.[1] ?? 0) });
        return undefined;
      }
      const resolved = walk(target, depth + 1, aliasDepth + 1);
      // Positions point at the alias, where the user sees the value.
      return resolved ? { ...resolved, range: at(node.range?.[0] ?? 0, node.range?.[1] ?? 0) } : undefined;
    }
    const r = (node as YamlNode).range ?? [0, 0, 0];
    const tag = (node as YamlNode).tag;
    if (tag && !/^tag:yaml\.org,2002:(str|int|float|bool|null|map|seq)$/.test(tag)) {
      const short = tag.replace(/^tag:yaml\.org,2002:/, '!!');
      problems.push({ code: 'CUSTOM_TAG', message: `Custom YAML tag ${short} is not allowed: frontmatter and configuration are plain data`, range: at(r[0], r[1]) });
    }
    if (isMap(node)) {
      const entries: YEntry[] = [];
      for (const pair of node.items) {
        const k = pair.key;
        if (!isScalar(k)) {
          const kr = (k as YamlNode | null)?.range ?? r;
          problems.push({ code: 'NON_PLAIN_KEY', message: 'Only plain keys are allowed', range: at(kr[0], kr[1]) });
          continue;
        }
        const kr = k.range ?? [0, 0, 0];
        const quotedKey = k.type === 'QUOTE_DOUBLE' || k.type === 'QUOTE_SINGLE';
        const keyRange = quotedKey ? at(kr[0] + 1, kr[1] - 1) : at(kr[0], kr[1]);
        const child = walk(pair.value, depth + 1, aliasDepth);
        if (exhausted) return undefined;
        const valueNode: YNode =
          child ?? { kind: 'scalar', value: null, range: at(kr[1], kr[1]), quoted: false };
        entries.push({ key: String(k.value), keyRange, node: valueNode });
      }
      return { kind: 'map', entries, range: at(r[0], r[1]) };
    }
    if (isSeq(node)) {
      const items: YNode[] = [];
      for (const item of node.items) {
        const child = walk(item, depth + 1, aliasDepth);
        if (exhausted) return undefined;
        items.push(child ?? { kind: 'scalar', value: null, range: at(r[0], r[0]), quoted: false });
      }
      return { kind: 'seq', items, range: at(r[0], r[1]) };
    }
    if (isScalar(node)) {
      const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
      const v = node.value;
      const value = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null ? v : String(v);
      return { kind: 'scalar', value, range: quoted ? at(r[0] + 1, r[1] - 1) : at(r[0], r[1]), quoted };
    }
    return undefined;
  };
  const root = walk(doc.contents, 0, 0);
  return { root: exhausted ? undefined : root, problems };
}

/**
 * A YAML problem in the user's language, with its 1-based line and column: the parser's code
 * mapped to a sentence of ours (the closing character it wants, where it names one). The raw
 * parser message stays out of the sentence; callers keep it as `data.detail`.
 */
export function yamlProblemText(p: YamlProblem): { zh: string; en: string; line: number; column: number } {
  const line = p.range.start.line + 1;
  const column = p.range.start.character + 1;
  const m = p.message;
  const closing = /end with an? (\S)/.exec(m)?.[1] ?? /Missing closing (["'])/.exec(m)?.[1];
  const tag = /tag (\S+)/.exec(m)?.[1];
  const alias = /alias (\*\S+)/.exec(m)?.[1];
  const what: Record<string, [string, string]> = {
    MISSING_CHAR: closing ? [`缺少结尾的“${closing}”`, `the closing “${closing}” is missing`] : ['缺少必需的字符', 'a required character is missing'],
    BAD_INDENT: closing ? [`缩进不足，或缺少结尾的“${closing}”`, `not indented enough, or the closing “${closing}” is missing`] : ['缩进不正确', 'the indentation is wrong'],
    TAB_AS_INDENT: ['用制表符缩进（YAML 只允许空格）', 'a tab is used for indentation (YAML allows spaces only)'],
    DUPLICATE_KEY: ['键重复', 'a key appears twice'],
    UNEXPECTED_TOKEN: ['此处有意外的内容', 'unexpected content here'],
    BLOCK_AS_IMPLICIT_KEY: ['块结构不能作为键', 'a block cannot be used as a key'],
    MULTILINE_IMPLICIT_KEY: ['键不能跨行（键后需要“: ”）', 'a key cannot span lines (a key needs “: ” after it)'],
    BAD_SCALAR_START: ['值的开头字符无效（以 @ 或 ` 开头的值需加引号）', 'a value starts with a reserved character (quote values starting with @ or `)'],
    BAD_DQ_ESCAPE: ['双引号字符串中的转义无效', 'an invalid escape in a double-quoted string'],
    BLOCK_IN_FLOW: ['方括号或花括号内不能有块结构', 'a block structure inside brackets or braces'],
    MULTIPLE_DOCS: ['只能有一个 YAML 文档（多了 ---）', 'only one YAML document is allowed (an extra ---)'],
    KEY_OVER_1024_CHARS: ['键超过 1024 个字符', 'a key is longer than 1024 characters'],
    BAD_ALIAS: ['别名无效', 'an invalid alias'],
    UNRESOLVED_ALIAS: [`别名 ${alias ?? ''} 没有对应的锚点`, `the alias ${alias ?? ''} has no anchor`],
    CUSTOM_TAG: [`不允许自定义标签 ${tag ?? ''}（只接受纯数据）`, `the custom tag ${tag ?? ''} is not allowed (plain data only)`],
    NON_PLAIN_KEY: ['只允许普通的键', 'only plain keys are allowed'],
    TOO_DEEP: [`嵌套超过 ${MAX_DEPTH} 层`, `nesting deeper than ${MAX_DEPTH} levels`],
    TOO_LARGE: [`展开后超过 ${MAX_NODES} 个节点（别名展开上限）`, `more than ${MAX_NODES} nodes after alias expansion`],
  };
  const [zh, en] = what[p.code ?? ''] ?? ['YAML 语法错误', 'a YAML syntax error'];
  return { zh: `第 ${line} 行第 ${column} 列：${zh}`, en: `line ${line}, column ${column}: ${en}`, line, column };
}
