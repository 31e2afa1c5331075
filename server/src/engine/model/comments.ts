// What a chunk's facts hold besides blocks: placeholders (template text left in) and
// suppression comments (`<!-- cyberdossier-disable… -->`). Placeholders are found once per
// chunk, relative to its first line, and cached with the facts.

import type { ChunkFacts } from '../parse';
import { runSpan } from '../parse';
import { PLACEHOLDER_PATTERNS, HTML_PLACEHOLDER } from '../rulesets/common';
import type { LineIndex, Range } from '../text';
import type { Suppression } from './types';

const placeholderCache = new WeakMap<ChunkFacts, { range: Range; text: string; segment: number }[]>();

/** A chunk's placeholders with positions relative to its first line (cached with the facts). */
export function chunkPlaceholders(facts: ChunkFacts, text: string, base: number, lines: LineIndex, lineBase: number): { range: Range; text: string; segment: number }[] {
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

export function parseSuppression(comment: string): Omit<Suppression, 'line' | 'endLine' | 'target'> | undefined {
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
