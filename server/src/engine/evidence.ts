// Answers without a heading (requirements.md §3a), as facts of a chunk: labelled blocks (a bold
// lead-in, a paragraph or list item that starts with a name and a colon, a short first line, a
// table row whose first cell names something) and sentences that hold a reference (见附件 N,
// 详见《…》, 文件编号 …). Found once per chunk and cached with its facts, like placeholders; the
// matcher decides later which requirement a label or sentence names.

import type { ChunkFacts, TextRun } from './parse';
import { runSpan } from './parse';
import { referenceIn } from './rulesets/common';

/** One way to read a block's label: its text, source span (chunk offsets) and what follows it. */
export interface LabelCandidate {
  text: string;
  start: number;
  end: number;
  /** The rest of the block after the label (its answer, when the label is the item's). */
  rest: string;
}

export interface LabelFact {
  kind: 'block' | 'row';
  segment: number;
  /** Offset where the labelled block (or row) starts. */
  start: number;
  end: number;
  /** Readings in order of strength: bold text, text before a colon, first line, whole block. */
  candidates: LabelCandidate[];
  table?: number;
  row?: number;
}

export interface RefFact {
  segment: number;
  start: number;
  end: number;
  /** The sentence (or table row) that holds the reference. */
  text: string;
  reference: string;
}

export interface ChunkEvidence {
  labels: LabelFact[];
  refs: RefFact[];
}

/** Longest label read as a name (a title, not a sentence; English titles run to ~60 characters). */
const MAX_LABEL = 80;
const evidenceCache = new WeakMap<ChunkFacts, ChunkEvidence>();

export function chunkEvidence(facts: ChunkFacts, text: string): ChunkEvidence {
  const cached = evidenceCache.get(facts);
  if (cached) return cached;
  const ev: ChunkEvidence = { labels: [], refs: [] };
  for (const s of facts.starts) {
    if (s.start.kind === 'heading') continue;
    const l = blockLabel(s.start.run, text, s.segment);
    if (l) ev.labels.push(l);
  }
  facts.tables.forEach((t, ti) => {
    const segment = facts.tableSegment[ti];
    const header = t.header.map((c) => c.run.text.trim());
    // A column that holds where a document is (附件, 文件编号): its non-empty cells are references.
    const refCol = header.findIndex((h) => /附件|附录|文件编号|文档编号|^编号$|attachment|annex|appendix|document\s*(?:no|number|id)/iu.test(h));
    t.rows.forEach((row, ri) => {
      const cells = row.cells.map((c) => c.run.text.trim());
      const first = cells.findIndex((c) => c && !/^[\d.．、()（）\s]+$/u.test(c));
      if (first >= 0 && [...cells[first]].length <= MAX_LABEL) {
        const cell = row.cells[first];
        ev.labels.push({
          kind: 'row',
          segment,
          start: row.start,
          end: row.end,
          candidates: [{ text: cells[first], start: cell.start, end: cell.end, rest: cells.filter((_, i) => i !== first).join(' ').trim() }],
          table: ti,
          row: ri,
        });
      }
      const joined = cells.join(' ');
      const reference = referenceIn(joined) ?? (refCol >= 0 && refCol !== first && cells[refCol] ? `${header[refCol]} ${cells[refCol]}` : undefined);
      if (reference) ev.refs.push({ segment, start: row.start, end: row.end, text: joined, reference });
    });
  });
  facts.segments.forEach((seg, si) => {
    for (const b of seg.blocks) {
      if (!b.body || b.kind === 'table' || b.kind === 'code' || b.kind === 'html' || !b.run.text) continue;
      for (const [from, to] of sentences(b.run.text)) {
        const sentence = b.run.text.slice(from, to);
        const reference = referenceIn(sentence);
        if (!reference) continue;
        const span = runSpan(b.run, from, to, text);
        ev.refs.push({ segment: si, start: span.start, end: Math.max(span.end, spanEnd(b.run, to, text)), text: sentence.trim(), reference });
      }
    }
  });
  // The strings are kept as long as the chunk stays cached: copies, so that no slice of a
  // document version keeps that whole version alive (see ChunkCache).
  for (const l of ev.labels) for (const c of l.candidates) (c.text = own(c.text)), (c.rest = own(c.rest));
  for (const r of ev.refs) (r.text = own(r.text)), (r.reference = own(r.reference));
  evidenceCache.set(facts, ev);
  return ev;
}

function own(s: string): string {
  return (' ' + s).slice(1);
}

/** Source offset where run text position `to` ends. */
function spanEnd(run: TextRun, to: number, text: string): number {
  if (to <= 0) return run.start;
  return runSpan(run, to - 1, to, text).end;
}

/** Sentence spans of a text: ends at 。；！？ (and ASCII ; ! ?), a line break, or ". ". */
export function sentences(t: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t[i];
    const end = c === '\n' || '。；！？;!?'.includes(c) || (c === '.' && (i + 1 === t.length || /\s/.test(t[i + 1])));
    if (!end) continue;
    if (t.slice(start, i + 1).trim()) out.push([start, i + 1]);
    start = i + 1;
  }
  if (t.slice(start).trim()) out.push([start, t.length]);
  return out;
}

/** The text of a run from a source offset on. */
function textFrom(run: TextRun, offset: number): string {
  for (const p of run.pieces) {
    if (p.end <= offset) continue;
    const inner = p.exact && p.start < offset ? offset - p.start : 0;
    return run.text.slice(p.at + inner);
  }
  return '';
}

const LEAD_SEPARATOR = /^[\s:：]+/u;
/** A name and a colon at the start of a block: （1）风险分析报告：… */
const LEAD_COLON = new RegExp(`^([^：:。；;！？!?\\n]{1,${MAX_LABEL}}?)[ \\t]*[：:]`, 'u');

function blockLabel(run: TextRun, text: string, segment: number): LabelFact | undefined {
  const body = run.text;
  if (!body.trim()) return undefined;
  const candidates: LabelCandidate[] = [];
  const lead = body.length - body.trimStart().length;
  const span = (from: number, to: number) => runSpan(run, from, to, text);
  // **风险分析报告**：… / __Risk analysis report__: …
  const src = text.slice(run.start, run.start + 4 * MAX_LABEL + 8);
  const bold = /^(\*\*|__)(?!\s)([^\n]{1,160}?)(?<!\s)\1/u.exec(src);
  if (bold) {
    const inner = bold[2].replace(/[*_`]/g, '').replace(/[\s:：]+$/u, '').trim();
    if (inner && [...inner].length <= MAX_LABEL) {
      candidates.push({ text: inner, start: run.start, end: run.start + bold[0].length, rest: textFrom(run, run.start + bold[0].length).replace(LEAD_SEPARATOR, '') });
    }
  }
  // （1）风险分析报告：… / 1) Test plan: …
  const colon = LEAD_COLON.exec(body.slice(lead));
  if (colon && colon[1].trim()) {
    const s = span(lead, lead + colon[1].length);
    candidates.push({ text: colon[1].trim(), start: s.start, end: s.end, rest: body.slice(lead + colon[0].length).replace(LEAD_SEPARATOR, '') });
  }
  // A short first line over the item's content (a pseudo-heading, as Word import writes them).
  const nl = body.indexOf('\n', lead);
  const firstLine = (nl < 0 ? body.slice(lead) : body.slice(lead, nl)).trim();
  if (firstLine && [...firstLine].length <= MAX_LABEL && !/[。；;！？!?]$/u.test(firstLine)) {
    const s = span(lead, lead + firstLine.length);
    candidates.push({ text: firstLine, start: s.start, end: s.end, rest: nl < 0 ? '' : body.slice(nl + 1).trim() });
  }
  if (!candidates.length) return undefined;
  const end = run.pieces.length ? run.pieces[run.pieces.length - 1].end : run.start;
  return { kind: 'block', segment, start: run.start, end, candidates };
}
