// The checklist as Markdown: a header table, an overview per document, one table per document
// (ID | 要求 | 条款 | 状态 | 说明/原因 | 发现) and the traceability matrix. GFM tables; every string
// from the dossier is escaped so it stays text.

import type { Checklist } from '../features/checklist';
import { mdCell } from './cell';
import type { TraceCell, TraceMatrix } from '../features/traceability';
import { TRACE_ROLES } from '../features/traceability';
import {
  DOCUMENT_STATUS_LABEL,
  GAP_LABEL,
  ROLE_LABEL,
  STATUS_LABEL,
  documentTitle,
  findingsText,
  totalsText,
  formatDate,
  locationText,
  nOfM,
  noteOf,
  paren,
  pick,
  submissionText,
  t,
  type Locale,
  type ReportOptions,
} from './labels';

export { mdCell } from './cell';

function row(cells: string[]): string {
  return `| ${cells.map(mdCell).join(' | ')} |`;
}

function table(header: string[], rows: string[][]): string[] {
  return [row(header), `| ${header.map(() => '---').join(' | ')} |`, ...rows.map(row)];
}

export function traceCellText(c: TraceCell, locale: Locale): string {
  if (!c.ids.length) return c.text;
  return c.ids.map((i) => (i.defined ? i.id : `${i.id}${paren(t('undefinedMark', locale), locale)}`)).join(locale === 'en' ? ', ' : '、');
}

export function renderMarkdown(c: Checklist, trace: TraceMatrix, locale: Locale, opts: ReportOptions = {}): string {
  const out: string[] = [];
  out.push(`# ${t('title', locale)}${locale === 'en' ? ': ' : '：'}${mdCell(c.name)}`, '');
  const meta: [string, string][] = [];
  if (c.product.name) meta.push([t('product', locale), c.product.name]);
  if (c.product.model) meta.push([t('model', locale), c.product.model]);
  if (c.product.softwareVersion) meta.push([t('softwareVersion', locale), c.product.softwareVersion]);
  if (c.product.class) meta.push([t('class', locale), c.product.class]);
  meta.push([t('submission', locale), submissionText(c, locale)]);
  meta.push([t('guideline', locale), pick(c.ruleset.guideline, locale)]);
  if (!c.scope.applies && c.scope.reason) meta.push([t('outOfScope', locale), pick(c.scope.reason, locale)]);
  meta.push([t('completeness', locale), nOfM(c.counts.present, c.counts.required, locale)]);
  meta.push([t('findings', locale), totalsText(c.totals, locale)]);
  meta.push([t('generated', locale), formatDate(opts.now ?? new Date())]);
  out.push(...table([t('dossier', locale), mdCell(c.name)], meta.map(([k, v]) => [k, v])), '');

  out.push(`## ${t('overview', locale)}`, '');
  out.push(
    ...table(
      [t('document', locale), t('files', locale), t('status', locale), t('requiredSections', locale), ...(['present', 'not-applicable', 'missing', 'empty', 'not-required'] as const).map((s) => pick(STATUS_LABEL[s], locale)), t('findings', locale)],
      c.documents.map((d) => [
        pick(d.name, locale),
        d.files.map((f) => f.relPath).join(locale === 'en' ? ', ' : '、') || t('noFiles', locale),
        pick(DOCUMENT_STATUS_LABEL[d.status], locale),
        `${d.counts.present}/${d.counts.required}`,
        ...(['present', 'not-applicable', 'missing', 'empty', 'not-required'] as const).map((s) => String(d.counts.byStatus[s])),
        findingsText(d.counts.findings, locale),
      ]),
    ),
    '',
  );
  if (c.otherFindings.total) out.push(`${t('otherFindings', locale)}${locale === 'en' ? ': ' : '：'}${findingsText(c.otherFindings, locale)}`, '');

  for (const d of c.documents) {
    out.push(`## ${mdCell(documentTitle(d, locale))}`, '');
    const status = `${pick(DOCUMENT_STATUS_LABEL[d.status], locale)}${d.note ? `${locale === 'en' ? ': ' : '：'}${pick(d.note, locale)}` : ''}`;
    out.push(`${mdCell(status)} · ${nOfM(d.counts.present, d.counts.required, locale)}`, '');
    if (!d.requirements.length) continue;
    out.push(
      ...table(
        [t('id', locale), t('requirement', locale), t('clause', locale), t('status', locale), t('note', locale), t('findings', locale)],
        d.requirements.map((r) => [r.id, pick(r.title, locale), r.clause, pick(STATUS_LABEL[r.status], locale), noteOf(r, locale), findingsText(r.findings, locale)]),
      ),
      '',
    );
  }

  out.push(`## ${t('trace', locale)}`, '');
  if (!trace.tables.length) out.push(t('noTrace', locale), '');
  else {
    const summary =
      locale === 'en'
        ? `${t('traceIntro', locale)} · ${trace.tracedRequirements} of ${trace.definedRequirements} defined requirements traced · ${trace.gapRows} row(s) with gaps · ${t('undefinedIds', locale)}: ${trace.undefinedIds.join(', ') || t('none', locale)}`
        : `${t('traceIntro', locale)} · 已定义需求 ${trace.definedRequirements} 项，已追溯 ${trace.tracedRequirements} 项 · 有缺口的行 ${trace.gapRows} 行 · ${t('undefinedIds', locale)}：${trace.undefinedIds.join('、') || t('none', locale)}`;
    out.push(mdCell(summary), '');
    out.push(
      ...table(
        [...TRACE_ROLES.map((r) => pick(ROLE_LABEL[r], locale)), t('gaps', locale), t('location', locale)],
        trace.rows.map((r) => [...TRACE_ROLES.map((role) => traceCellText(r.cells[role], locale)), r.gaps.map((g) => pick(GAP_LABEL[g], locale)).join(locale === 'en' ? ', ' : '、'), locationText(r.location)]),
      ),
      '',
    );
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}
