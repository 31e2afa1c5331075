// The remark processors: the full one (remark-parse + remark-frontmatter + remark-gfm), the
// reference every fast path is tested against, and the per-chunk ones that include only the GFM
// parts whose trigger characters occur in the text.

import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root } from 'mdast';
import type { Extension } from 'micromark-util-types';
import type { Extension as MdastExtension } from 'mdast-util-from-markdown';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';

// The full processor: remark-parse + remark-frontmatter + remark-gfm. It is the reference; the
// fast paths (fast-path.ts) must give exactly its facts (test/engine/parse-identity.test.ts).
const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze();

export function parseMarkdown(text: string): Root {
  return processor.parse(text) as Root;
}

// GFM's parts, each included only when its trigger characters occur in the text: a construct
// cannot match without them, so the tree is identical and the unused tokenizers cost nothing.
const GFM_PARTS: { test: RegExp; micromark: () => Extension; mdast: () => MdastExtension }[] = [
  { test: /www\.|https?:\/\/|@/i, micromark: gfmAutolinkLiteral, mdast: gfmAutolinkLiteralFromMarkdown },
  { test: /\[\^/, micromark: gfmFootnote, mdast: gfmFootnoteFromMarkdown },
  { test: /~/, micromark: () => gfmStrikethrough(), mdast: gfmStrikethroughFromMarkdown },
  { test: /\|/, micromark: gfmTable, mdast: gfmTableFromMarkdown },
  { test: /\[[ \txX]\]/, micromark: gfmTaskListItem, mdast: gfmTaskListItemFromMarkdown },
];
const processors = new Map<number, ReturnType<typeof makeProcessor>>();

function makeProcessor(mask: number) {
  // A unified plugin that adds the chosen GFM parts the way remark-gfm adds all of them.
  function remarkGfmParts(this: unknown) {
    const data = (this as { data(): Record<string, unknown[]> }).data();
    const mm = (data.micromarkExtensions ??= []);
    const md = (data.fromMarkdownExtensions ??= []);
    GFM_PARTS.forEach((part, i) => {
      if (mask & (1 << i)) {
        mm.push(part.micromark());
        md.push(part.mdast());
      }
    });
  }
  return unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfmParts).freeze();
}

/** The tree of `text` through a processor with only the GFM parts `text` can trigger. */
export function parseFast(text: string): Root {
  let mask = 0;
  GFM_PARTS.forEach((part, i) => {
    if (part.test.test(text)) mask |= 1 << i;
  });
  let p = processors.get(mask);
  if (!p) processors.set(mask, (p = makeProcessor(mask)));
  return p.parse(text) as Root;
}
