// The checklist as CSV for spreadsheets (RFC 4180: every field quoted, quotes doubled, CRLF line
// ends; UTF-8 with a byte-order mark so Excel opens Chinese text correctly; cells that a
// spreadsheet would evaluate as formulas neutralised with a leading ').
//
// Layout of `checklist` (the default), one row per requirement, in document then catalogue order:
//   ID, 要求 (title), 条款 (clause), 必需 (是 / 否 / 建议 — required / no / recommended),
//   one column per document of the checklist (its kind's name; the status of the requirement in
//   the column of its own document, empty in the others),
//   说明/原因 (note), 发现 (number of findings), 位置 (file:line of its heading, 1-based).
// Layout of `trace`: 需求, 设计, 测试, 风险 (the IDs of each cell, "（未定义）" after an undefined
//   one, else the cell's text), 缺口 (gaps), 位置 (file:line of the row).
// Headers and values follow the locale (zh-CN or en).

import type { Checklist } from '../features/checklist';
import { TRACE_ROLES, type TraceMatrix } from '../features/traceability';
import { GAP_LABEL, ROLE_LABEL, STATUS_LABEL, locationText, noteOf, pick, requiredText, t, type Locale } from './labels';
import { traceCellText } from './markdown';

export const BOM = '\uFEFF';

/**
 * One quoted field. A value that begins with `=`, `+`, `-`, `@`, a tab or a carriage return would
 * be read by a spreadsheet as a formula (OWASP, CSV injection): it gets a leading `'`, which the
 * spreadsheet shows as text and does not evaluate. Dossier text is the author's, but a dossier
 * repository may come from anyone, and reviewers open the CSV in Excel or WPS.
 */
export function csvField(s: string): string {
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return `"${safe.replace(/"/g, '""')}"`;
}

function line(fields: string[]): string {
  return fields.map(csvField).join(',');
}

export type CsvTable = 'checklist' | 'trace';

export function renderCsv(c: Checklist, trace: TraceMatrix, locale: Locale, table: CsvTable = 'checklist'): string {
  const rows: string[] = [];
  if (table === 'trace') {
    rows.push(line([...TRACE_ROLES.map((r) => pick(ROLE_LABEL[r], locale)), t('gaps', locale), t('location', locale)]));
    for (const r of trace.rows) {
      rows.push(line([...TRACE_ROLES.map((role) => traceCellText(r.cells[role], locale)), r.gaps.map((g) => pick(GAP_LABEL[g], locale)).join(locale === 'en' ? '; ' : '；'), locationText(r.location)]));
    }
  } else {
    const docs = c.documents;
    rows.push(line([t('id', locale), t('requirement', locale), t('clause', locale), t('required', locale), ...docs.map((d) => pick(d.name, locale)), t('note', locale), t('findings', locale), t('location', locale)]));
    docs.forEach((d, di) => {
      for (const r of d.requirements) {
        rows.push(
          line([
            r.id,
            pick(r.title, locale),
            r.clause,
            requiredText(r, locale),
            ...docs.map((_, i) => (i === di ? pick(STATUS_LABEL[r.status], locale) : '')),
            noteOf(r, locale),
            String(r.findings.total),
            locationText(r.location),
          ]),
        );
      }
    });
  }
  return `${BOM}${rows.map((r) => `${r}\r\n`).join('')}`;
}
