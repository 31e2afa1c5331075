// Safe YAML: the `yaml` package's parser, then our own walk of its AST with positions. No tags
// beyond the core schema, a budget on alias expansion and nesting (a "billion laughs" is
// rejected at once), and keys kept as data in arrays, never as object plumbing.

import YAML, { isAlias, isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import type { LineIndex, Range } from '../text';
import { MAX_DEPTH, MAX_NODES, type YEntry, type YNode, type YamlProblem, type YamlResult } from './yaml-types';

export { yamlProblemText } from './yaml-text';
export type { YEntry, YNode, YamlProblem, YamlResult };

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
