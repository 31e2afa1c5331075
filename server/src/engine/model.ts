// The document model: the scanner's chunks, each analysed once and cached by content, merged
// into one heading tree with document offsets. Rules read this model, never the text.
//
// The parts: model/types.ts (the model's shape), model/chunk-cache.ts (chunk analyses by
// content), model/build.ts (chunks → model), model/comments.ts (placeholders, suppression
// comments), model/outline.ts (the heading-scan model). This module is the entry, with the
// queries rules share.

import { runSpan, type TextRun } from './parse';
import { range, type Range } from './text';
import type { DocModel } from './model/types';

export type { Based, Heading, TableModel, Placeholder, Suppression, ModelLabel, ModelRef, DocModel } from './model/types';
export { ChunkCache, sharedChunkCache, ownString } from './model/chunk-cache';
export { buildModel, type BuildOptions } from './model/build';
export { buildOutlineModel } from './model/outline';

/** Range of a text run span in document coordinates. */
export function spanRange(model: DocModel, base: number, run: TextRun, from: number, to: number): Range {
  const span = runSpan(run, from, to, model.text, base);
  return { start: model.lines.positionAt(base + span.start), end: model.lines.positionAt(base + span.end) };
}

export function offsetRange(model: DocModel, start: number, end: number): Range {
  return { start: model.lines.positionAt(start), end: model.lines.positionAt(end) };
}

/** "The first line after the frontmatter", as a range over that whole line. */
export function bodyStartRange(model: DocModel): Range {
  const l = Math.min(model.scan.bodyStartLine, model.lines.lineCount - 1);
  return model.lines.lineRange(l);
}

/** Line 0 as a range (the opening `---` when there is frontmatter). */
export function lineZero(model: DocModel): Range {
  const r = model.lines.lineRange(0);
  return r.end.character > 0 ? r : range(0, 0, 0, 0);
}

/** Every heading index inside the subtree of h (excluding h). */
export function descendants(model: DocModel, h: number): number[] {
  const out: number[] = [];
  const walk = (i: number) => {
    for (const c of model.headings[i].children) {
      out.push(c);
      walk(c);
    }
  };
  walk(h);
  return out;
}

export function subtreeHasBody(model: DocModel, h: number): boolean {
  if (model.headings[h].hasBody) return true;
  return descendants(model, h).some((d) => model.headings[d].hasBody);
}

/** Plain text of a heading's own blocks and its subtree (mentions, statements). */
export function subtreeText(model: DocModel, h: number): string {
  const set = new Set([h, ...descendants(model, h)]);
  return model.runs
    .filter((r) => set.has(r.item.heading))
    .map((r) => r.item.run.text)
    .join('\n');
}

export function bodyText(model: DocModel): string {
  return model.runs.map((r) => r.item.run.text).join('\n');
}
