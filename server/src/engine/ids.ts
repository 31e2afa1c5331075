// Dossier IDs (SR-, SD-, TC-, R- …): every occurrence, and whether it is a definition (first ID
// of a table row, or an ID that begins a heading, list item or paragraph and is followed by a
// colon or whitespace) or a reference (requirements.md §4). Per-chunk results are cached by the
// chunk's content and the configured patterns.

import type { Config, IdKind } from './config';
import { IDS_KINDS, idsKey } from './config';
import type { ChunkFacts, TextRun } from './parse';
import { runSpan } from './parse';
import type { DocModel } from './model';
import { stripNumbering, type Position, type Range } from './text';
import { TokenPattern } from './pattern';

export interface IdOccurrence {
  id: string;
  kind: IdKind;
  range: Range;
  definition: boolean;
  heading: number;
  /** Global table index, row and cell when inside a table. */
  table?: number;
  row?: number;
  cell?: number;
}

interface ChunkIds {
  /** Occurrences with positions relative to the chunk's first line. */
  items: { id: string; kind: IdKind; run: number; range: Range; definition: boolean }[];
}

type Compiled = { kind: IdKind; re: TokenPattern }[];
// Keyed by the patterns; bounded (a session that edits the rc file many times makes many keys).
const patternCache = new Map<string, Compiled>();

/**
 * The configured ID patterns, compiled for RE2 (pattern.ts: linear time whatever the pattern).
 * A pattern RE2 refuses was already reported as config-invalid and is left out here.
 */
export function compileIds(config: Config): Compiled {
  const key = idsKey(config);
  let out = patternCache.get(key);
  if (!out) {
    out = [];
    for (const kind of IDS_KINDS)
      for (const p of config.ids[kind]) {
        const re = TokenPattern.compile(p);
        if (re instanceof TokenPattern) out.push({ kind, re });
      }
    patternCache.set(key, out);
    while (patternCache.size > 16) patternCache.delete(patternCache.keys().next().value!);
  }
  return out;
}

function matchesIn(text: string, patterns: Compiled): { id: string; kind: IdKind; index: number }[] {
  const found: { id: string; kind: IdKind; index: number }[] = [];
  for (const { kind, re } of patterns) {
    for (const m of re.matches(text)) found.push({ id: text.slice(m.index, m.index + m.length), kind, index: m.index });
  }
  found.sort((a, b) => a.index - b.index || b.id.length - a.id.length);
  const out: typeof found = [];
  let end = -1;
  for (const f of found) {
    if (f.index >= end) {
      out.push(f);
      end = f.index + f.id.length;
    }
  }
  return out;
}

/** An ID at the very start of the text (after numbering), followed by a colon, space or the end. */
function leadingId(text: string, patterns: Compiled): number | undefined {
  const trimmed = text.trimStart();
  const stripped = stripNumbering(trimmed);
  const at = text.length - trimmed.length + (trimmed.length - stripped.length);
  const first = matchesIn(stripped, patterns)[0];
  if (!first || first.index !== 0) return undefined;
  const next = stripped[first.id.length];
  if (next === undefined || next === ':' || next === '：' || /\s/.test(next)) return at;
  return undefined;
}

// Keyed by the chunk's facts, so an entry lives exactly as long as the chunk cache keeps that
// chunk (a map by hash grew with every edited version of every chunk).
const chunkCache = new WeakMap<ChunkFacts, Map<string, ChunkIds>>();

/** A chunk's IDs, computed once per (content, patterns); positions relative to its first line. */
function chunkIds(facts: ChunkFacts, hash: string, config: Config, text: string, base: number, lines: DocModel['lines'], lineBase: number): ChunkIds {
  const key = idsKey(config);
  let perConfig = chunkCache.get(facts);
  if (!perConfig) chunkCache.set(facts, (perConfig = new Map()));
  const cached = perConfig.get(key);
  if (cached) return cached;
  const patterns = compileIds(config);
  const defs = new Set<number>();
  const at = (run: TextRun, index: number, length: number) => runSpan(run, index, index + length, text, base).start;
  for (const s of facts.starts) {
    const i = leadingId(s.start.run.text, patterns);
    if (i !== undefined) defs.add(at(s.start.run, i, 1));
  }
  for (const t of facts.tables) {
    for (const row of t.rows) {
      const cell = row.cells.find((c) => !/^\s*\d+\s*$/.test(c.run.text));
      if (!cell) continue;
      const i = leadingId(cell.run.text, patterns);
      if (i !== undefined) defs.add(at(cell.run, i, 1));
    }
  }
  const rel = (offset: number): Position => {
    const p = lines.positionAt(base + offset);
    return { line: p.line - lineBase, character: p.character };
  };
  const result: ChunkIds = { items: [] };
  facts.runs.forEach((r, run) => {
    for (const m of matchesIn(r.run.text, patterns)) {
      const span = runSpan(r.run, m.index, m.index + m.id.length, text, base);
      result.items.push({ id: m.id, kind: m.kind, run, range: { start: rel(span.start), end: rel(span.end) }, definition: defs.has(span.start) });
    }
  });
  perConfig.set(key, result);
  return result;
}

/** Every ID occurrence of a document, in document order. */
export function extractIds(model: DocModel, config: Config): IdOccurrence[] {
  const out: IdOccurrence[] = [];
  let runOffset = 0;
  model.chunks.forEach((c, i) => {
    const lineBase = model.scan.chunks[i].startLine;
    for (const o of chunkIds(c.facts, c.hash, config, model.text, c.base, model.lines, lineBase).items) {
      const r = model.runs[runOffset + o.run].item;
      out.push({
        id: o.id,
        kind: o.kind,
        range: { start: { line: o.range.start.line + lineBase, character: o.range.start.character }, end: { line: o.range.end.line + lineBase, character: o.range.end.character } },
        definition: o.definition,
        heading: r.heading,
        table: r.table,
        row: r.row,
        cell: r.cell,
      });
    }
    runOffset += c.facts.runs.length;
  });
  return out;
}
