// The document model: the scanner's chunks, each analysed once and cached by content, merged
// into one heading tree with document offsets. Rules read this model, never the text.

import { scan, type ScanResult } from './scan';
import { analyzeChunk, analyzeChunkFull, runSpan, type BlockFact, type ChunkFacts, type TableFact, type TextRun } from './parse';
import { LineIndex, hashString, range, type Range } from './text';
import { NOT_APPLICABLE, NOT_APPLICABLE_EXTRA, PLACEHOLDER_PATTERNS, HTML_PLACEHOLDER } from './rulesets/common';
import { countReasonChars, titleKey } from './text';
import { chunkEvidence } from './evidence';

/** A piece of chunk data with the chunk's document offset. */
export interface Based<T> {
  base: number;
  item: T;
}

export interface Heading {
  index: number;
  depth: number;
  text: string;
  key: string;
  line: number;
  /** Whole heading line. */
  range: Range;
  parent: number;
  children: number[];
  /** Own blocks, up to the next heading of any level. */
  blocks: Based<BlockFact>[];
  hasBody: boolean;
  /** Line where the heading's subtree ends (exclusive). */
  end: number;
  /** A negative answer at the start of the own body. */
  /** `extra`: answered by a word only some rule sets read as negative (NOT_APPLICABLE_EXTRA). */
  notApplicable?: { range: Range; reasonChars: number; reason: string; extra?: boolean };
}

export interface TableModel {
  index: number;
  heading: number;
  base: number;
  fact: TableFact;
}

export interface Placeholder {
  range: Range;
  text: string;
  heading: number;
}

export interface Suppression {
  kind: 'next-line' | 'disable' | 'enable' | 'file';
  line: number;
  endLine: number;
  /** For next-line: the first non-blank line after the comment. */
  target?: number;
  /** Empty = every code. */
  rules: { code: string; requirement?: string }[];
}

export interface ModelLabel {
  kind: 'block' | 'row';
  /** Heading whose own content holds it (-1: before the first heading). */
  heading: number;
  line: number;
  /** Last line of the labelled block or row. */
  endLine: number;
  candidates: { text: string; range: Range; rest: string }[];
  /** The table (model index) of a row label. */
  table?: number;
}

export interface ModelRef {
  heading: number;
  line: number;
  endLine: number;
  range: Range;
  text: string;
  reference: string;
}

export interface DocModel {
  text: string;
  lines: LineIndex;
  scan: ScanResult;
  headings: Heading[];
  /** Blocks before the first heading (after the frontmatter). */
  preamble: Based<BlockFact>[];
  tables: TableModel[];
  listItems: Based<{ run: TextRun; heading: number }>[];
  starts: Based<{ run: TextRun; kind: 'paragraph' | 'listItem' | 'heading'; heading: number }>[];
  runs: Based<{ run: TextRun; heading: number; table?: number; row?: number; cell?: number }>[];
  placeholders: Placeholder[];
  suppressions: Suppression[];
  chunks: { hash: string; facts: ChunkFacts; base: number }[];
  /** Labelled blocks and table rows that may answer an item without a heading (§3a). */
  labels: ModelLabel[];
  /** Sentences (and table rows) that hold a reference to where something is (§3a). */
  refs: ModelRef[];
  /** Built from the heading scan alone (no labels, no sentences): answers beyond headings unknown. */
  outline?: boolean;
  /** Sections that were not parsed (too deeply nested, or the parser failed). */
  skipped: { line: number; skipped: NonNullable<ChunkFacts['skipped']> }[];
}

/**
 * Chunk analyses by content hash, shared by every document. A bounded LRU: by entries and by the
 * characters of the chunks it holds (the facts take roughly 100–150 bytes of heap per character),
 * so closed documents fall out and memory stays flat over a long session.
 */
export class ChunkCache {
  private map = new Map<string, { facts: ChunkFacts; size: number }>();
  private chars = 0;
  hits = 0;
  misses = 0;
  constructor(
    private readonly max = 50_000,
    private readonly maxChars = 12_000_000,
  ) {}
  get(text: string): { hash: string; facts: ChunkFacts } {
    const hash = hashString(text);
    const e = this.map.get(hash);
    if (e) {
      this.hits++;
      this.map.delete(hash);
      this.map.set(hash, e);
      return { hash, facts: e.facts };
    }
    this.misses++;
    // Analyse a private copy: strings the facts keep (cells, headings, runs) are V8 slices of
    // their input, and a slice of the document would keep that whole version of it alive for as
    // long as the chunk stays cached — a leak of one document per edited chunk.
    const facts = analyzeChunk(ownString(text));
    this.store(hash, facts, text.length);
    return { hash, facts };
  }
  has(text: string): boolean {
    return this.map.has(hashString(text));
  }
  put(text: string, facts: ChunkFacts): void {
    this.store(hashString(text), facts, text.length);
  }
  private store(hash: string, facts: ChunkFacts, size: number): void {
    const old = this.map.get(hash);
    if (old) this.chars -= old.size;
    this.map.set(hash, { facts, size });
    this.chars += size;
    while ((this.map.size > this.max || this.chars > this.maxChars) && this.map.size > 1) {
      const [k, v] = this.map.entries().next().value as [string, { size: number }];
      this.map.delete(k);
      this.chars -= v.size;
    }
  }
  /**
   * Evicts, oldest first, entries that no live document uses until those left unused hold at
   * most `slack` characters: superseded versions of edited chunks are kept only as far as undo
   * and retyping need them, so a long editing session does not fill the cache with dead text.
   */
  sweep(live: Set<string>, slack: number): void {
    let unused = 0;
    for (const [k, v] of this.map) if (!live.has(k)) unused += v.size;
    for (const [k, v] of this.map) {
      if (unused <= slack) break;
      if (live.has(k)) continue;
      this.map.delete(k);
      this.chars -= v.size;
      unused -= v.size;
    }
  }
  clear(): void {
    this.map.clear();
    this.chars = 0;
  }
  get size(): number {
    return this.map.size;
  }
  get characters(): number {
    return this.chars;
  }
}

export const sharedChunkCache = new ChunkCache();

/**
 * A string that shares no storage with its parent: slicing a concatenation makes V8 flatten it
 * into a fresh buffer of this length, which the slice then refers to (no external memory).
 */
export function ownString(s: string): string {
  return (' ' + s).slice(1);
}

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
  const model: DocModel = {
    text,
    lines,
    scan: sr,
    headings: [],
    preamble: [],
    tables: [],
    listItems: [],
    starts: [],
    runs: [],
    placeholders: [],
    suppressions: [],
    chunks: [],
    labels: [],
    refs: [],
    skipped: [],
  };
  const pos = (offset: number) => lines.positionAt(offset);

  for (const chunk of sr.chunks) {
    const chunkText = text.slice(chunk.start, chunk.end);
    const { hash, facts } = opts.whole ? { hash: hashString(chunkText), facts: analyzeChunkFull(chunkText) } : cache.get(chunkText);
    const base = chunk.start;
    model.chunks.push({ hash, facts, base });
    if (facts.skipped) model.skipped.push({ line: chunk.startLine, skipped: facts.skipped });
    // Segment i of the chunk → global heading index.
    const segHeading: number[] = [];
    for (const seg of facts.segments) {
      if (seg.heading) {
        const h = seg.heading;
        const line = pos(base + h.start).line;
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
    for (const p of chunkPlaceholders(facts, text, base, lines, lineBase)) {
      model.placeholders.push({
        range: { start: { line: p.range.start.line + lineBase, character: p.range.start.character }, end: { line: p.range.end.line + lineBase, character: p.range.end.character } },
        text: p.text,
        heading: segHeading[p.segment],
      });
    }
    const ev = chunkEvidence(facts, chunkText);
    const at = (o: number) => pos(base + o);
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
    for (const c of facts.comments) {
      const s = parseSuppression(c.text);
      if (s) {
        const line = pos(base + c.start).line;
        const endLine = pos(base + c.end).line;
        let target: number | undefined;
        if (s.kind === 'next-line') {
          target = endLine + 1;
          while (target < lines.lineCount - 1 && lines.lineText(target).trim() === '') target++;
        }
        model.suppressions.push({ ...s, line, endLine, target });
      }
    }
  }

  // Heading tree by level alone (requirements.md §3: numbering is ignored).
  const stack: number[] = [];
  for (const h of model.headings) {
    while (stack.length && model.headings[stack[stack.length - 1]].depth >= h.depth) {
      model.headings[stack.pop()!].end = h.line;
    }
    if (stack.length) {
      h.parent = stack[stack.length - 1];
      model.headings[h.parent].children.push(h.index);
    }
    stack.push(h.index);
  }

  for (const h of model.headings) {
    const body = h.blocks.filter((b) => b.item.body);
    h.hasBody = body.length > 0;
    const first = body[0];
    if (first && first.item.kind !== 'table' && first.item.kind !== 'code') {
      const t = first.item.run.text;
      const lead = t.length - t.trimStart().length;
      const base = NOT_APPLICABLE.exec(t.slice(lead));
      const m = base ?? NOT_APPLICABLE_EXTRA.exec(t.slice(lead));
      if (m) {
        const span = runSpan(first.item.run, lead, lead + m[0].length, text, first.base);
        const rest = [t.slice(lead + m[0].length), ...body.slice(1).map((b) => b.item.run.text)].join('\n');
        h.notApplicable = {
          range: { start: pos(first.base + span.start), end: pos(first.base + span.end) },
          reasonChars: countReasonChars(rest),
          reason: rest.trim(),
          ...(base ? {} : { extra: true }),
        };
      }
    }
  }
  return model;
}

const placeholderCache = new WeakMap<ChunkFacts, { range: Range; text: string; segment: number }[]>();

/** A chunk's placeholders with positions relative to its first line (cached with the facts). */
function chunkPlaceholders(facts: ChunkFacts, text: string, base: number, lines: LineIndex, lineBase: number): { range: Range; text: string; segment: number }[] {
  const cached = placeholderCache.get(facts);
  if (cached) return cached;
  const out: { range: Range; text: string; segment: number }[] = [];
  const rel = (offset: number) => {
    const p = lines.positionAt(base + offset);
    return { line: p.line - lineBase, character: p.character };
  };
  for (const r of facts.runs) {
    const run = r.run;
    if (!run.text) continue;
    for (const re of PLACEHOLDER_PATTERNS) {
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(run.text))) {
        const span = runSpan(run, m.index, m.index + m[0].length, text, base);
        out.push({ range: { start: rel(span.start), end: rel(span.end) }, text: m[0], segment: r.segment });
        if (m[0].length === 0) re.lastIndex++;
      }
    }
  }
  for (const h of facts.html) if (HTML_PLACEHOLDER.test(h.text.trim())) out.push({ range: { start: rel(h.start), end: rel(h.end) }, text: h.text, segment: h.segment });
  // Document order, as a single pass over the text would give.
  out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  placeholderCache.set(facts, out);
  return out;
}

const SUPPRESSION = /^<!--\s*cyberdossier-(disable-next-line|disable-file|disable|enable)\b([\s\S]*?)-->$/;

function parseSuppression(comment: string): Omit<Suppression, 'line' | 'endLine' | 'target'> | undefined {
  const m = SUPPRESSION.exec(comment.trim());
  if (!m) return undefined;
  const kind = m[1] === 'disable-next-line' ? 'next-line' : m[1] === 'disable-file' ? 'file' : (m[1] as 'disable' | 'enable');
  const rules = m[2]
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const [code, requirement] = s.split(/\s+/);
      return { code, requirement };
    });
  return { kind, rules };
}

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

/**
 * A headings-only model from the scanner (no remark): enough for the structural findings of a
 * document that is still being parsed (issue: answer fast first). Undefined when the text has
 * anything the line scan cannot see with certainty (setext or indented headings, suppression
 * comments), so a quick answer is never one the full check would retract.
 */
export function buildOutlineModel(text: string, scanned: ScanResult): DocModel | undefined {
  if (/cyberdossier-(?:disable|enable)/.test(text)) return undefined;
  if (/^ {1,3}#{1,6}(?:[ \t]|$)/m.test(text)) return undefined;
  if (/\S[^\n]*\r?\n {0,3}(?:=+|-+)[ \t]*\r?$/m.test(text.slice(scanned.chunks[0]?.start ?? 0))) return undefined;
  const { lines } = scanned;
  const model: DocModel = { text, lines, scan: scanned, headings: [], preamble: [], tables: [], listItems: [], starts: [], runs: [], placeholders: [], suppressions: [], chunks: [], labels: [], refs: [], outline: true, skipped: [] };
  const hl = scanned.headingLines;
  for (let k = 0; k < hl.length; k++) {
    const line = hl[k];
    const next = k + 1 < hl.length ? hl[k + 1] : lines.lineCount;
    const first = lines.lineText(line);
    const m = /^(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(first);
    if (!m) continue;
    const title = (m[2] ?? '').trim();
    // Inline markup would make the line's text differ from remark's: no quick answer then.
    if (/[*_`[\]<>&\\!~]/.test(title)) return undefined;
    model.headings.push({
      index: model.headings.length,
      depth: m[1].length,
      text: title,
      key: titleKey(title),
      line,
      range: lines.lineRange(line),
      parent: -1,
      children: [],
      blocks: [],
      hasBody: true,
      end: lines.lineCount,
    });
    // A body that may start with a negative answer might cover the children: say so, so that no
    // child is reported missing before the full parse decides.
    for (let l = line + 1; l < next; l++) {
      // The words are the full model's (NOT_APPLICABLE, and NOT_APPLICABLE_EXTRA marked `extra` for
      // the rule sets that read them), after list and emphasis markers, ordered ones included.
      const t = lines.lineText(l).replace(/^(?:[\s>*_\-+~`]|\d{1,9}[.)](?=\s))+/, '');
      if (!t) continue;
      const base = NOT_APPLICABLE.test(t);
      if (base || NOT_APPLICABLE_EXTRA.test(t) || /^[<[!|\\]/.test(t)) {
        model.headings[model.headings.length - 1].notApplicable = { range: lines.lineRange(l), reasonChars: 99, reason: '', ...(base || !NOT_APPLICABLE_EXTRA.test(t) ? {} : { extra: true }) };
      }
      break;
    }
  }
  const stack: number[] = [];
  for (const h of model.headings) {
    while (stack.length && model.headings[stack[stack.length - 1]].depth >= h.depth) model.headings[stack.pop()!].end = h.line;
    if (stack.length) {
      h.parent = stack[stack.length - 1];
      model.headings[h.parent].children.push(h.index);
    }
    stack.push(h.index);
  }
  return model;
}
