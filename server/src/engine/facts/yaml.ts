// Safe YAML: the `yaml` package's parser, then our own walk of its AST with positions. No tags
// beyond the core schema, a budget on alias expansion and nesting (a "billion laughs" is
// rejected at once), and keys kept as data in arrays, never as object plumbing. The stages: the
// strict parse here, the walk under the limits (yaml-walk.ts), the sentences (yaml-text.ts).

import YAML from 'yaml';
import type { LineIndex } from '../text';
import type { YEntry, YNode, YamlProblem, YamlResult } from './yaml-types';
import { YamlWalk, type At } from './yaml-walk';

export { yamlProblemText } from './yaml-text';
export type { YEntry, YNode, YamlProblem, YamlResult };

/**
 * Parses `text` (which starts at `base` in the document indexed by `lines`). Problems carry
 * document positions; an unusable document yields root undefined.
 */
export function loadYaml(text: string, base: number, lines: LineIndex): YamlResult {
  const problems: YamlProblem[] = [];
  const at: At = (start, end) => ({
    start: lines.positionAt(base + start),
    end: lines.positionAt(base + Math.max(start, end)),
  });
  const doc = parseStrict(text, at, problems);
  if (!doc) return { root: undefined, problems };
  const walk = new YamlWalk(doc, at, problems);
  const root = walk.node(doc.contents, 0, 0);
  return { root: walk.exhausted ? undefined : root, problems };
}

/**
 * The `yaml` parser, strict, core schema, no merge keys, duplicate keys an error. Its errors become
 * problems (the parser's message and code, our positions); any error makes the document unusable.
 * Unresolved tags (yaml's TAG_RESOLVE_FAILED warnings) are reported once, by the walk.
 */
function parseStrict(text: string, at: At, problems: YamlProblem[]): YAML.Document.Parsed | undefined {
  let doc: YAML.Document.Parsed;
  try {
    doc = YAML.parseDocument(text, { uniqueKeys: true, prettyErrors: false, strict: true, schema: 'core', merge: false });
  } catch (e) {
    problems.push({ message: String((e as Error).message ?? e), code: (e as { code?: string }).code, range: at(0, 0) });
    return undefined;
  }
  for (const e of doc.errors) problems.push({ message: e.message, code: e.code, range: at(e.pos[0], e.pos[1]) });
  return doc.errors.length > 0 ? undefined : doc;
}
