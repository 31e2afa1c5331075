// A headings-only model from the scanner (no remark), for the outline pass of a check
// (check/types.ts CheckPass): structural findings while a large document is still parsing.

import type { ScanResult } from '../scan';
import { titleKey } from '../text';
import { linkHeadingTree } from './build';
import type { DocModel } from './types';

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
      const t = lines.lineText(l).replace(/^[\s>*_\-+~`]+/, '');
      if (!t) continue;
      if (/^(?:不适用|无|n\/a|none|not\s+applicable)/i.test(t) || /^[<[!|\\]/.test(t)) {
        model.headings[model.headings.length - 1].notApplicable = { range: lines.lineRange(l), reasonChars: 99, reason: '' };
      }
      break;
    }
  }
  linkHeadingTree(model.headings);
  return model;
}
