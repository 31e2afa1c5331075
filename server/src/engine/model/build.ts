// The full model of a document: the scanner's chunks, each analysed once (chunk-cache.ts), merged
// in order into one model with document offsets — segments to headings, then tables, list
// items, block starts, runs, placeholders, evidence labels and references, suppressions — and
// finally the heading tree and each heading's answer (body, negative answer).

import { analyzeChunkFull, runSpan, type ChunkFacts } from '../parse';
import { scan, type Chunk, type ScanResult } from '../scan';
import { NOT_APPLICABLE, NOT_APPLICABLE_EXTRA } from '../rulesets/common';
import { countReasonChars, hashString, LineIndex, titleKey } from '../text';
import { chunkEvidence } from '../evidence';
import { sharedChunkCache, type ChunkCache } from './chunk-cache';
import { chunkPlaceholders, parseSuppression } from './comments';
import type { DocModel, Heading } from './types';

export interface BuildOptions {
  /** Parse the whole body at once with the full processor (the reference of the identity test). */
  whole?: boolean;
}

export function buildModel(text: string, cache: ChunkCache = sharedChunkCache, opts: BuildOptions = {}, scanned?: ScanResult): DocModel {
  const lines = scanned?.lines ?? new LineIndex(text);
  const sr = scanned ? { ...scanned, chunks: [...scanned.chunks] } : scan(text, lines);
  if (opts.whole) {
    const start = sr.chunks[0]?.start ?? text.length;
    sr.chunks = [{ startLine: sr.bodyStartLine, endLine: lines.lineCount, start, end: text.length }];
  }
  const model = emptyModel(text, lines, sr);
  for (const chunk of sr.chunks) {
    const chunkText = text.slice(chunk.start, chunk.end);
    const { hash, facts } = opts.whole ? { hash: hashString(chunkText), facts: analyzeChunkFull(chunkText) } : cache.get(chunkText);
    model.chunks.push({ hash, facts, base: chunk.start });
    if (facts.skipped) model.skipped.push({ line: chunk.startLine, skipped: facts.skipped });
    addChunk(model, chunk, facts, chunkText);
  }
  linkHeadingTree(model.headings);
  for (const h of model.headings) answerOf(model, h);
  return model;
}

/** A model with nothing in it yet. */
export function emptyModel(text: string, lines: LineIndex, sr: ScanResult): DocModel {
  return { text, lines, scan: sr, headings: [], preamble: [], tables: [], listItems: [], starts: [], runs: [], placeholders: [], suppressions: [], chunks: [], labels: [], refs: [], skipped: [] };
}

/** Appends one chunk's facts, moved to document offsets, with chunk segments and tables mapped to model indices. */
function addChunk(model: DocModel, chunk: Chunk, facts: ChunkFacts, chunkText: string): void {
  const base = chunk.start;
  const segHeading = addSegments(model, facts, base);
  const tableIndex: number[] = [];
  facts.tables.forEach((t, i) => {
    tableIndex.push(model.tables.length);
    model.tables.push({ index: model.tables.length, heading: segHeading[facts.tableSegment[i]], base, fact: t });
  });
  for (const li of facts.listItems) model.listItems.push({ base, item: { run: li.run, heading: segHeading[li.segment] } });
  for (const s of facts.starts) model.starts.push({ base, item: { ...s.start, heading: segHeading[s.segment] } });
  for (const r of facts.runs)
    model.runs.push({
      base,
      item: { run: r.run, heading: segHeading[r.segment], table: r.table === undefined ? undefined : tableIndex[r.table], row: r.row, cell: r.cell },
    });
  // Placeholders are found once per chunk (chunk-relative positions), then moved into place.
  const lineBase = chunk.startLine;
  for (const p of chunkPlaceholders(facts, model.text, base, model.lines, lineBase)) {
    model.placeholders.push({
      range: { start: { line: p.range.start.line + lineBase, character: p.range.start.character }, end: { line: p.range.end.line + lineBase, character: p.range.end.character } },
      text: p.text,
      heading: segHeading[p.segment],
    });
  }
  addEvidence(model, facts, chunkText, base, segHeading, tableIndex);
  addSuppressions(model, facts, base);
}

/** The chunk's headings into the model, its blocks under them (or the preamble); returns segment → heading index. */
function addSegments(model: DocModel, facts: ChunkFacts, base: number): number[] {
  const { lines } = model;
  const segHeading: number[] = [];
  for (const seg of facts.segments) {
    if (seg.heading) {
      const h = seg.heading;
      const line = lines.positionAt(base + h.start).line;
      const index = model.headings.length;
      model.headings.push({
        index,
        depth: h.depth,
        text: h.run.text.trim(),
        key: titleKey(h.run.text),
        line,
        range: lines.lineRange(line),
        parent: -1,
        children: [],
        blocks: [],
        hasBody: false,
        end: lines.lineCount,
      });
    }
    const current = model.headings.length - 1;
    segHeading.push(current);
    const target = current >= 0 ? model.headings[current].blocks : model.preamble;
    for (const b of seg.blocks) target.push({ base, item: b });
  }
  return segHeading;
}

/** Labelled blocks and rows, and sentences that point elsewhere (requirements.md §3a), in document positions. */
function addEvidence(model: DocModel, facts: ChunkFacts, chunkText: string, base: number, segHeading: number[], tableIndex: number[]): void {
  const ev = chunkEvidence(facts, chunkText);
  const at = (o: number) => model.lines.positionAt(base + o);
  for (const l of ev.labels) {
    model.labels.push({
      kind: l.kind,
      heading: segHeading[l.segment],
      line: at(l.start).line,
      endLine: at(Math.max(l.start, l.end - 1)).line,
      candidates: l.candidates.map((c) => ({ text: c.text, range: { start: at(c.start), end: at(c.end) }, rest: c.rest })),
      table: l.table === undefined ? undefined : tableIndex[l.table],
    });
  }
  for (const r of ev.refs) {
    const range = { start: at(r.start), end: at(r.end) };
    model.refs.push({ heading: segHeading[r.segment], line: range.start.line, endLine: range.end.line, range, text: r.text, reference: r.reference });
  }
}

/** Suppression comments with their lines (a next-line one targets the first non-blank line after it). */
function addSuppressions(model: DocModel, facts: ChunkFacts, base: number): void {
  const { lines } = model;
  for (const c of facts.comments) {
    const s = parseSuppression(c.text);
    if (!s) continue;
    const line = lines.positionAt(base + c.start).line;
    const endLine = lines.positionAt(base + c.end).line;
    let target: number | undefined;
    if (s.kind === 'next-line') {
      target = endLine + 1;
      while (target < lines.lineCount - 1 && lines.lineText(target).trim() === '') target++;
    }
    model.suppressions.push({ ...s, line, endLine, target });
  }
}

/** Heading tree by level alone (requirements.md §3: numbering is ignored): parents, children, where each subtree ends. */
export function linkHeadingTree(headings: Heading[]): void {
  const stack: number[] = [];
  for (const h of headings) {
    while (stack.length && headings[stack[stack.length - 1]].depth >= h.depth) {
      headings[stack.pop()!].end = h.line;
    }
    if (stack.length) {
      h.parent = stack[stack.length - 1];
      headings[h.parent].children.push(h.index);
    }
    stack.push(h.index);
  }
}

/** Whether a heading has a body, and a negative answer (不适用, N/A …) at its start with its reason. */
function answerOf(model: DocModel, h: Heading): void {
  const body = h.blocks.filter((b) => b.item.body);
  h.hasBody = body.length > 0;
  const first = body[0];
  if (!first || first.item.kind === 'table' || first.item.kind === 'code') return;
  const t = first.item.run.text;
  const lead = t.length - t.trimStart().length;
  const base = NOT_APPLICABLE.exec(t.slice(lead));
  const m = base ?? NOT_APPLICABLE_EXTRA.exec(t.slice(lead));
  if (!m) return;
  const span = runSpan(first.item.run, lead, lead + m[0].length, model.text, first.base);
  const rest = [t.slice(lead + m[0].length), ...body.slice(1).map((b) => b.item.run.text)].join('\n');
  h.notApplicable = {
    range: { start: model.lines.positionAt(first.base + span.start), end: model.lines.positionAt(first.base + span.end) },
    reasonChars: countReasonChars(rest),
    reason: rest.trim(),
    ...(base ? {} : { extra: true }),
  };
}
