// The safe YAML reader's output: nodes with document positions (keys kept as data, in arrays) and
// problems, and the limits every document is held to (yaml.ts).

import type { Range } from '../text';

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

/** Nodes a document may expand to (aliases counted at every use): the "billion laughs" budget. */
export const MAX_NODES = 10_000;
/** Nesting levels a document may have. */
export const MAX_DEPTH = 64;
