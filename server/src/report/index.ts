// The submission report (issue 7): the checklist and the traceability matrix of one dossier,
// rendered as self-contained HTML, Markdown or CSV. The CLI (`cyberdossier report`) and the
// language server (`cyberdossier/report`) both come through here.

import * as path from 'node:path';
import type { Engine } from '../engine';
import { buildChecklist, dossierState, resolveDossier, type Checklist, type ChecklistOptions } from '../features/checklist';
import { traceMatrix, type TraceMatrix } from '../features/traceability';
import { renderCsv, type CsvTable } from './csv';
import { renderHtml } from './html';
import { renderMarkdown } from './markdown';
import type { Locale, ReportOptions } from './labels';

export { renderCsv, renderHtml, renderMarkdown };
export type { ReportOptions };

export type ReportFormat = 'html' | 'md' | 'csv';
export const REPORT_FORMATS: ReportFormat[] = ['html', 'md', 'csv'];

export interface DossierReport {
  checklist: Checklist;
  trace: TraceMatrix;
}

/** The checklist and the traceability matrix of the dossier holding `target` (file or folder). */
export function dossierReport(engine: Engine, target: string, locale: Locale, opts: ChecklistOptions = {}): DossierReport | undefined {
  const d = resolveDossier(engine, target);
  if (!d) return undefined;
  const { state, reports } = dossierState(engine, d, opts.fresh);
  return {
    checklist: buildChecklist(state, reports, { locale, root: d.root, toUri: opts.toUri }),
    trace: traceMatrix(state, { root: d.root, toUri: opts.toUri }),
  };
}

export function render(r: DossierReport, format: ReportFormat, locale: Locale, opts: ReportOptions & { table?: CsvTable } = {}): string {
  if (format === 'html') return renderHtml(r.checklist, r.trace, locale, opts);
  if (format === 'md') return renderMarkdown(r.checklist, r.trace, locale, opts);
  return renderCsv(r.checklist, r.trace, locale, opts.table);
}

/** A file name for the report: `<folder>-report.<ext>` (the trace CSV: `-trace.csv`). */
export function reportFileName(r: DossierReport, format: ReportFormat, table?: CsvTable): string {
  const base = path.basename(r.checklist.root).replace(/[^\p{L}\p{N}._-]+/gu, '-') || 'dossier';
  return `${base}-${format === 'csv' && table === 'trace' ? 'trace' : 'report'}.${format}`;
}

/** Generation time for reproducible output: SOURCE_DATE_EPOCH (seconds) when set. */
export function reportTime(env: NodeJS.ProcessEnv = process.env): Date {
  const s = env.SOURCE_DATE_EPOCH;
  if (s && /^\d+$/.test(s.trim())) return new Date(Number(s.trim()) * 1000);
  return new Date();
}
