// How a section answers each capability of a set: the capability table's applicability cell
// (applicable / not applicable), else a mention (a heading, list item, label or table row that
// names it), else nothing. The capabilities check (content.ts) and the crosswalk report read the
// same words through these helpers.

import type { Capability, CapabilityTable, Check } from '../rulesets/types';
import { cellText, columnGroups, columnMap } from '../tables';
import { normalize, stripNumbering } from '../text';
import type { DocGroup } from './context';
import { sectionHeadings, sectionListItems, sectionOf, sectionTables, type Section } from './section';

export type CapabilityAnswer = 'applicable' | 'not-applicable' | 'addressed' | 'unaddressed';

/** An applicability cell read by the table's yes / no words (longest first: 不适用 before 适用). */
export function applicabilityWord(spec: CapabilityTable, cell: string): 'yes' | 'no' | undefined {
  // A sign that normalises to nothing (✓, ×) is compared as written: as '' it began every cell.
  const fold = (w: string) => normalize(w) || w.normalize('NFKC').trim();
  const n = fold(cell);
  if (!n) return undefined;
  const words = [...spec.no.map((w) => ['no', fold(w)] as const), ...spec.yes.map((w) => ['yes', fold(w)] as const)].sort((a, b) => b[1].length - a[1].length);
  return words.find(([, w]) => n === w || n.startsWith(w))?.[0];
}

/** The capability a text names: its code as a word, or a text starting with one of its names. */
export function capabilityIn(caps: Capability[], text: string): Capability | undefined {
  return caps.find((cap) => codePattern(cap).test(text) || [cap.zh, cap.en, ...cap.synonyms].some((n) => normalize(stripNumbering(text.trim())).startsWith(normalize(n))));
}

export function codePattern(cap: Capability): RegExp {
  return new RegExp(`(?<![A-Za-z])${cap.code}(?![A-Za-z])`);
}

/** Whether a section addresses a capability at all (a table row, a heading, a list item, a label). */
export function capabilityAddressed(sec: Section, cap: Capability): boolean {
  const { model } = sec;
  const tables = sectionTables(sec);
  const code = codePattern(cap);
  const names = [cap.zh, cap.en, ...cap.synonyms].map(normalize);
  for (const t of tables)
    for (const row of t.fact.rows) {
      if (code.test(row.cells.map((x) => x.run.text).join(' | '))) return true;
      if (row.cells.some((cell) => names.some((n) => normalize(stripNumbering(cell.run.text.trim())).startsWith(n)))) return true;
    }
  const starts = [
    ...sectionHeadings(sec).map((h) => h.text),
    ...sectionListItems(sec).map((li) => li.item.run.text),
    ...model.labels.filter((l) => l.kind === 'block' && sec.headings.has(l.heading) && l.line >= sec.from && l.line < sec.to).flatMap((l) => l.candidates.map((x) => x.text)),
  ].map((s) => stripNumbering(s).trim());
  return starts.some((s) => code.test(s.slice(0, cap.code.length + 2)) || names.some((n) => normalize(s).startsWith(n)));
}

/**
 * The answer per capability code of the requirement's capabilities check in this document;
 * undefined when the requirement has no such check or no section here.
 */
export function capabilityAnswers(group: DocGroup, requirement: string): Map<string, CapabilityAnswer> | undefined {
  const r = group.kind.requirements.find((q) => q.id === requirement);
  const check = r?.checks?.find((c): c is Extract<Check, { kind: 'capabilities' }> => c.kind === 'capabilities');
  if (!check) return undefined;
  const sec = sectionOf(group, requirement);
  if (!sec) return undefined;
  const caps = group.ruleset.capabilities[check.set] ?? [];
  const out = new Map<string, CapabilityAnswer>();
  const spec = check.table;
  if (spec) {
    const dict = group.ruleset.columns;
    for (const t of sectionTables(sec)) {
      if (!columnMap(t.fact.header, spec.select, dict).size) continue;
      const applicability = columnGroups(t.fact.header, [spec.applicability, ...spec.implementation, ...spec.reason, ...spec.shared], dict).get(spec.applicability)?.[0];
      if (applicability === undefined) continue;
      for (const row of t.fact.rows) {
        const cap = capabilityIn(caps, row.cells.map((x) => x.run.text).join(' | '));
        const a = applicabilityWord(spec, cellText(row, applicability));
        if (cap && a && !out.has(cap.code)) out.set(cap.code, a === 'yes' ? 'applicable' : 'not-applicable');
      }
    }
  }
  for (const cap of caps) if (!out.has(cap.code)) out.set(cap.code, capabilityAddressed(sec, cap) ? 'addressed' : 'unaddressed');
  return out;
}
