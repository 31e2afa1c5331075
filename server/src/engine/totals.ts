// One count everywhere (issue 18 item 2): the totals of a check result — errors, warnings,
// infos, hints — per file and for the whole dossier. Every surface that prints a total (the CLI
// summary, the report header and rows, the checklist view, the language status item, the Word
// export warning) computes it here from the same reports, so "is it ready to submit?" gets one
// answer. What is counted is what was reported: suppressed findings (configuration `off`,
// suppression comments) never reach a report, a baseline removes its findings before this runs,
// and dossier-level findings (missing-document on dossier.yaml, config-invalid on the rc file)
// count like any other — they are reports of their own.

import type { Severity } from './rulesets/types';

export interface SeverityTotals {
  total: number;
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
}

export interface FileTotals extends SeverityTotals {
  path: string;
  /** The document kind, or null (dossier.yaml, an rc file, a file that is not a dossier file). */
  document: string | null;
}

export interface Totals extends SeverityTotals {
  /** Reports counted (each path once). */
  files: number;
  /** Per file, in the order of the reports. */
  byFile: FileTotals[];
}

/** The reports this counts: anything with a path and diagnostics with a severity. */
export interface CountedReport {
  path: string;
  document?: string | null;
  diagnostics: readonly { severity?: Severity }[];
}

export function emptyTotals(): SeverityTotals {
  return { total: 0, errors: 0, warnings: 0, infos: 0, hints: 0 };
}

/** Adds one finding of a severity (a diagnostic without one counts as an error, as LSP reads it). */
export function addSeverity(t: SeverityTotals, severity: Severity | undefined): void {
  t.total++;
  if (severity === 'warning') t.warnings++;
  else if (severity === 'info') t.infos++;
  else if (severity === 'hint') t.hints++;
  else t.errors++;
}

/** The totals of a list of diagnostics. */
export function countSeverities(diagnostics: Iterable<{ severity?: Severity }>): SeverityTotals {
  const t = emptyTotals();
  for (const d of diagnostics) addSeverity(t, d.severity);
  return t;
}

/** Adds `b` into `a`. */
export function addTotals(a: SeverityTotals, b: SeverityTotals): SeverityTotals {
  a.total += b.total;
  a.errors += b.errors;
  a.warnings += b.warnings;
  a.infos += b.infos;
  a.hints += b.hints;
  return a;
}

/** The most severe level present, if any. */
export function highestSeverity(t: SeverityTotals): Severity | undefined {
  return t.errors ? 'error' : t.warnings ? 'warning' : t.infos ? 'info' : t.hints ? 'hint' : undefined;
}

/**
 * The totals of a check result: per file and summed. A path reported twice (the same file
 * reached through two requests) counts once, with its last report.
 */
export function totalsOf(reports: Iterable<CountedReport>): Totals {
  const byPath = new Map<string, CountedReport>();
  for (const r of reports) {
    byPath.delete(r.path);
    byPath.set(r.path, r);
  }
  const sum: Totals = { ...emptyTotals(), files: byPath.size, byFile: [] };
  for (const r of byPath.values()) {
    const t = countSeverities(r.diagnostics);
    sum.byFile.push({ path: r.path, document: r.document ?? null, ...t });
    addTotals(sum, t);
  }
  return sum;
}

/** The totals of the files among `paths` (a document's files), from the dossier's totals. */
export function totalsFor(totals: Totals, paths: Iterable<string>): SeverityTotals {
  const want = new Set(paths);
  const t = emptyTotals();
  for (const f of totals.byFile) if (want.has(f.path)) addTotals(t, f);
  return t;
}
