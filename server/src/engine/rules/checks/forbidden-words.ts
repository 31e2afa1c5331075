// forbidden-words: words that must not describe one value (personal information in device data),
// in table rows and sentences about that value; a word after a negation does not count.

import type { Code } from '../../codes';
import type { TableModel } from '../../model';
import type { Requirement } from '../../rulesets/types';
import { cellText, columnMap, hasRoles, tableLines } from '../../tables';
import type { Range } from '../../text';
import { L, finding, type DocGroup } from '../context';
import { sectionBlocks, sectionTables, type Section } from '../section';
import type { CheckEntry, CheckOf } from './types';

/** A word that stands right after a negation (不含个人信息, without patient names) does not count. */
function negated(text: string, at: number, negations: string[]): boolean {
  const before = text.slice(Math.max(0, at - 12), at).toLowerCase();
  return negations.some((n) => before.includes(n.toLowerCase()));
}

function firstWord(text: string, words: string[], negations: string[]): string | undefined {
  const lower = text.toLowerCase();
  for (const w of words) {
    let i = lower.indexOf(w.toLowerCase());
    while (i >= 0) {
      if (!negated(text, i, negations)) return text.slice(i, i + w.length);
      i = lower.indexOf(w.toLowerCase(), i + w.length);
    }
  }
  return undefined;
}

/**
 * Words that must not describe one value (personal information in 设备数据): in the rows of the
 * section's tables whose `role` cell names a subject, and in sentences that start with a subject.
 */
export function checkForbiddenWords(group: DocGroup, r: Requirement, sec: Section, c: CheckOf<'forbidden-words'>): void {
  const { model, file } = sec;
  const dict = group.ruleset.columns;
  const isSubject = (t: string) => {
    const n = t.trim().toLowerCase();
    return c.subject.some((s) => n.startsWith(s.toLowerCase())) && !(c.subjectNot ?? []).some((s) => n.startsWith(s.toLowerCase()));
  };
  const report = (range: Range, word: string, table?: TableModel) =>
    file.findings.push(finding(c.code as Code, range, L(`${c.message.zh}（写到了“${word}”；${c.clause}）`, `${c.message.en} (it names “${word}”; ${c.clause})`), { requirement: r.id, clause: c.clause, word, ...(table ? { table: tableLines(model, table) } : {}) }));
  for (const t of sectionTables(sec)) {
    if (!hasRoles(t.fact, c.select, dict)) continue;
    const col = columnMap(t.fact.header, [c.role], dict).get(c.role);
    if (col === undefined) continue;
    for (const row of t.fact.rows) {
      if (!isSubject(cellText(row, col))) continue;
      const rest = row.cells.filter((_, i) => i !== col).map((x) => x.run.text).join(' ');
      const w = firstWord(rest, c.words, c.negations);
      if (w) report(model.lines.lineRange(model.lines.positionAt(t.base + row.start).line), w, t);
    }
  }
  // Prose: a sentence (or labelled paragraph) about the subject, up to the next data type.
  for (const b of sectionBlocks(sec)) {
    if (b.item.kind === 'table' || b.item.kind === 'code' || !b.item.run.text) continue;
    const text = b.item.run.text;
    for (const m of text.matchAll(new RegExp(c.subject.map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'giu'))) {
      const at = m.index ?? 0;
      const start = text.lastIndexOf('\n', at) + 1;
      const lead = text.slice(start, at).replace(/[\s*（(]*[0-9一二三四五六七八九十]*[)）.、]?[\s*]*/u, '');
      if (lead || !isSubject(text.slice(at))) continue;
      // The subject's description: to the end of its line or the next subject of another value.
      let end = text.indexOf('\n', at);
      if (end < 0) end = text.length;
      const desc = text.slice(at + m[0].length, end).split(/[；;。]\s*(?=(?:敏感|非敏感)?医疗数据|sensitive|medical data)/iu)[0];
      const w = firstWord(desc, c.words, c.negations);
      if (w) report(model.lines.lineRange(model.lines.positionAt(b.base + b.item.start).line + text.slice(0, at).split('\n').length - 1), w);
    }
  }
}

export const forbiddenWords: CheckEntry<'forbidden-words'> = {
  run: (group, r, sec, c) => checkForbiddenWords(group, r, sec, c),
  codes: (c) => [c.code as Code],
};
