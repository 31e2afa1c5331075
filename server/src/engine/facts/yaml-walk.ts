// The walk of a parsed YAML document into our nodes (yaml-types.ts), under the limits: every node
// visited, aliases included at each use, spends one unit of a budget of MAX_NODES, and nesting
// (aliases counted) stops at MAX_DEPTH — so an alias bomb ("billion laughs") is cut off after
// MAX_NODES steps, not expanded. Tags beyond the core schema and non-scalar keys are problems.

import YAML, { isAlias, isMap, isScalar, isSeq, type Alias, type Node as YamlNode, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Range } from '../text';
import { MAX_DEPTH, MAX_NODES, type YEntry, type YNode, type YamlProblem } from './yaml-types';

/** Maps offsets in the YAML text to a range in the document. */
export type At = (start: number, end: number) => Range;

/** Alias-within-alias levels followed before the document counts as too deep. */
const MAX_ALIAS_DEPTH = 32;

/** Tags of the core schema: anything else is a custom tag (plain data only). */
const CORE_TAG = /^tag:yaml\.org,2002:(str|int|float|bool|null|map|seq)$/;

type Span = [number, number, number];

export class YamlWalk {
  private budget = MAX_NODES;
  /** Set once a limit is hit: the walk stops and the document has no root. */
  exhausted = false;

  constructor(
    private readonly doc: YAML.Document.Parsed,
    private readonly at: At,
    private readonly problems: YamlProblem[],
  ) {}

  /** One node (undefined: empty, or the walk stopped). */
  node(node: unknown, depth: number, aliasDepth: number): YNode | undefined {
    if (this.exhausted) return undefined;
    if (!this.withinLimits(node, depth)) return undefined;
    if (node === null || node === undefined) return undefined;
    if (isAlias(node)) return this.alias(node, depth, aliasDepth);
    const r = (node as YamlNode).range ?? [0, 0, 0];
    this.checkTag(node as YamlNode, r);
    if (isMap(node)) return this.map(node, r, depth, aliasDepth);
    if (isSeq(node)) return this.seq(node, r, depth, aliasDepth);
    if (isScalar(node)) return this.scalar(node, r);
    return undefined;
  }

  /** Spends one unit of the budget; past it, or too deep, the walk stops with one problem. */
  private withinLimits(node: unknown, depth: number): boolean {
    if (--this.budget >= 0 && depth <= MAX_DEPTH) return true;
    this.exhausted = true;
    const r = (node as YamlNode | undefined)?.range;
    this.problems.push({
      code: depth > MAX_DEPTH ? 'TOO_DEEP' : 'TOO_LARGE',
      message:
        depth > MAX_DEPTH
          ? `YAML nesting deeper than ${MAX_DEPTH} levels is not accepted`
          : `YAML expands to more than ${MAX_NODES} nodes (alias expansion limit); the frontmatter is rejected`,
      range: this.at(r?.[0] ?? 0, r?.[1] ?? 0),
    });
    return false;
  }

  /** An alias is walked at each use (so it spends the budget again), positioned at the alias. */
  private alias(node: Alias, depth: number, aliasDepth: number): YNode | undefined {
    if (aliasDepth > MAX_ALIAS_DEPTH) return this.node(undefined, MAX_DEPTH + 1, aliasDepth);
    const target = node.resolve(this.doc);
    if (!target) {
      this.problems.push({ code: 'UNRESOLVED_ALIAS', message: `Unresolved alias *${node.source}`, range: this.at(node.range?.[0] ?? 0, node.range?.[1] ?? 0) });
      return undefined;
    }
    const resolved = this.node(target, depth + 1, aliasDepth + 1);
    // Positions point at the alias, where the user sees the value.
    return resolved ? { ...resolved, range: this.at(node.range?.[0] ?? 0, node.range?.[1] ?? 0) } : undefined;
  }

  private checkTag(node: YamlNode, r: Span): void {
    const tag = node.tag;
    if (tag && !CORE_TAG.test(tag)) {
      const short = tag.replace(/^tag:yaml\.org,2002:/, '!!');
      this.problems.push({ code: 'CUSTOM_TAG', message: `Custom YAML tag ${short} is not allowed: frontmatter and configuration are plain data`, range: this.at(r[0], r[1]) });
    }
  }

  /** A mapping: plain scalar keys only, kept as data in an array; an empty value is a null scalar at the key's end. */
  private map(node: YAMLMap, r: Span, depth: number, aliasDepth: number): YNode | undefined {
    const entries: YEntry[] = [];
    for (const pair of node.items as Pair[]) {
      const k = pair.key;
      if (!isScalar(k)) {
        const kr = (k as YamlNode | null)?.range ?? r;
        this.problems.push({ code: 'NON_PLAIN_KEY', message: 'Only plain keys are allowed', range: this.at(kr[0], kr[1]) });
        continue;
      }
      const kr = k.range ?? [0, 0, 0];
      const quotedKey = k.type === 'QUOTE_DOUBLE' || k.type === 'QUOTE_SINGLE';
      const keyRange = quotedKey ? this.at(kr[0] + 1, kr[1] - 1) : this.at(kr[0], kr[1]);
      const child = this.node(pair.value, depth + 1, aliasDepth);
      if (this.exhausted) return undefined;
      const valueNode: YNode = child ?? { kind: 'scalar', value: null, range: this.at(kr[1], kr[1]), quoted: false };
      entries.push({ key: String(k.value), keyRange, node: valueNode });
    }
    return { kind: 'map', entries, range: this.at(r[0], r[1]) };
  }

  /** A sequence: an empty item is a null scalar at the sequence's start. */
  private seq(node: YAMLSeq, r: Span, depth: number, aliasDepth: number): YNode | undefined {
    const items: YNode[] = [];
    for (const item of node.items) {
      const child = this.node(item, depth + 1, aliasDepth);
      if (this.exhausted) return undefined;
      items.push(child ?? { kind: 'scalar', value: null, range: this.at(r[0], r[0]), quoted: false });
    }
    return { kind: 'seq', items, range: this.at(r[0], r[1]) };
  }

  /** A scalar: its value as data (anything else the core schema yields as text), quotes outside its range. */
  private scalar(node: Scalar, r: Span): YNode {
    const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
    const v = node.value;
    const value = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null ? v : String(v);
    return { kind: 'scalar', value, range: quoted ? this.at(r[0] + 1, r[1] - 1) : this.at(r[0], r[1]), quoted };
  }
}
