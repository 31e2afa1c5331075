// The checklist as one self-contained HTML page: it is opened on machines without network, so
// there is no script, no link, no external URL of any kind — inline CSS only, system fonts, and a
// Content-Security-Policy that forbids every load. Every string from the dossier is escaped.
// Status is shown by colour and by text and symbol (never colour alone); each document has a
// small completeness bar; the traceability matrix highlights its gaps.

import type { Checklist, ChecklistDocument, ChecklistItem, FindingCount, RequirementStatus } from '../features/checklist';
import { STATUSES } from '../features/checklist';
import { highestSeverity } from '../engine';
import { TRACE_ROLES, type TraceCell, type TraceMatrix } from '../features/traceability';
import {
  DOCUMENT_STATUS_LABEL,
  GAP_LABEL,
  ROLE_LABEL,
  STATUS_LABEL,
  findingsText,
  totalsText,
  formatDate,
  locationText,
  nOfM,
  noteOf,
  percent,
  pick,
  submissionText,
  t,
  type Locale,
  type ReportOptions,
} from './labels';

// `:` and `/` too: a URL written in the dossier stays visible text, yet the page's source never
// holds an `https:` or `//` that a scanner (or a careless viewer) could take for a link.
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', ':': '&#58;', '/': '&#47;' };

export function esc(s: string): string {
  return s.replace(/[&<>"':/]/g, (c) => ESCAPES[c]);
}

const SYMBOL: Record<RequirementStatus, string> = {
  present: '✓',
  'not-applicable': '⊘',
  missing: '✗',
  empty: '◌',
  'not-required': '–',
};

export const CSS = `
:root{--sans:-apple-system,BlinkMacSystemFont,"Segoe UI","PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",Roboto,"Helvetica Neue",Arial,sans-serif;--mono:ui-monospace,SFMono-Regular,"SF Mono",Menlo,Consolas,"Liberation Mono","Noto Sans Mono CJK SC",monospace;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--soft:#f6f8fa;--accent:#0b3d91;
--ok:#1a7f37;--ok-bg:#dafbe1;--na:#0969da;--na-bg:#ddf4ff;--bad:#cf222e;--bad-bg:#ffebe9;--warn:#9a6700;--warn-bg:#fff8c5;--off:#59636e;--off-bg:#eff2f5}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;color:var(--fg);background:#fff;font:14px/1.55 var(--sans)}
html[lang=en] body{font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans",var(--sans)}
.page{max-width:1320px;margin:0 auto;padding:0 32px 48px}
header.hero{background:linear-gradient(135deg,#0b3d91 0%,#1e5bb8 100%);color:#fff;padding:28px 0 24px;margin-bottom:24px}
header.hero .page{padding-bottom:0}
.eyebrow{font-size:12px;letter-spacing:.08em;text-transform:uppercase;opacity:.85}
h1{margin:6px 0 16px;font-size:26px;font-weight:650;letter-spacing:.01em}
dl.meta{display:grid;grid-template-columns:repeat(auto-fill,minmax(200px,1fr));gap:10px 24px;margin:0}
dl.meta div{min-width:0}
dl.meta dt{font-size:12px;opacity:.8}
dl.meta dd{margin:0;font-weight:600;overflow-wrap:anywhere}
h2{font-size:18px;margin:0;font-weight:650}
section{margin:0 0 28px}
.card{border:1px solid var(--line);border-radius:10px;padding:18px 20px;background:#fff}
.summary{display:grid;grid-template-columns:minmax(260px,1.2fr) 2fr;gap:20px;align-items:center}
.score .big{font-size:40px;font-weight:700;line-height:1.1;color:var(--accent)}
.score .big span{font-size:22px;color:var(--muted);font-weight:600}
.score .caption{color:var(--muted);margin:2px 0 10px}
.chips{display:flex;flex-wrap:wrap;gap:8px;margin:0;padding:0;list-style:none}
.chips li{display:flex;align-items:center;gap:6px;border-radius:999px;padding:4px 12px;font-weight:600;font-size:13px}
.chips li b{font-size:15px}
.findings-line{margin-top:10px;color:var(--muted);font-size:13px}
.bar{position:relative;height:8px;border-radius:999px;background:#e6eaef;overflow:hidden;min-width:80px}
.bar.lg{height:12px}
.bar>span{position:absolute;left:0;top:0;bottom:0;border-radius:999px;background:var(--ok)}
.bar.mid>span{background:#d4a72c}
.bar.low>span{background:var(--bad)}
.bar.off>span{background:#8c959f}
.progress{display:flex;align-items:center;gap:10px}
.progress .bar{flex:1}
.progress .frac{font-variant-numeric:tabular-nums;font-weight:600;white-space:nowrap;min-width:54px;text-align:right}
table{width:100%;border-collapse:collapse;font-size:13px}
th{text-align:left;font-weight:600;color:var(--muted);background:var(--soft);border-bottom:1px solid var(--line);padding:8px 10px;white-space:nowrap}
td{border-bottom:1px solid #eaeef2;padding:7px 10px;vertical-align:top}
tbody tr:hover td{background:#fafbfc}
td.num{font-variant-numeric:tabular-nums;text-align:right;white-space:nowrap}
table.req{table-layout:fixed}
td.id{font-family:var(--mono);font-size:12.5px;white-space:nowrap;color:var(--accent)}
td.clause{white-space:nowrap;color:var(--muted)}
td.title .alt{display:block;color:var(--muted);font-size:12px}
td.note{color:#31373d;overflow-wrap:break-word}
td.loc{color:var(--muted);font-size:12px;overflow-wrap:anywhere;font-variant-numeric:tabular-nums}
tr.top td.title{font-weight:600}
tr.top td .alt{font-weight:400}
tr.top td{border-top:1px solid #e1e6eb}
.badge{display:inline-flex;align-items:center;gap:4px;border-radius:6px;padding:1px 7px;font-size:12px;font-weight:600;white-space:nowrap;border:1px solid transparent}
.st-present{color:var(--ok);background:var(--ok-bg);border-color:#aceebb}
.st-not-applicable{color:var(--na);background:var(--na-bg);border-color:#b6e3ff}
.st-missing{color:var(--bad);background:var(--bad-bg);border-color:#ffcecb}
.st-empty{color:var(--warn);background:var(--warn-bg);border-color:#f2e2a2}
.st-not-required{color:var(--off);background:var(--off-bg);border-color:#d1d9e0}
.doc-missing,.doc-rejected,.doc-unchecked{color:var(--bad);background:var(--bad-bg);border-color:#ffcecb}
.doc-present{color:var(--ok);background:var(--ok-bg);border-color:#aceebb}
.doc-not-required{color:var(--off);background:var(--off-bg)}
.sev{font-weight:600}
.sev-error{color:var(--bad)}
.sev-warning{color:var(--warn)}
.sev-info,.sev-hint{color:var(--na)}
.zero{color:#a0a8b0}
.doc-head{display:grid;grid-template-columns:1fr 260px;gap:8px 24px;align-items:end;margin-bottom:12px}
.doc-head .sub{color:var(--muted);font-size:13px;margin-top:4px;display:flex;gap:10px;flex-wrap:wrap;align-items:center}
.files code{white-space:nowrap;font-family:var(--mono);font-size:12px;background:var(--soft);border:1px solid var(--line);border-radius:4px;padding:0 5px}
.doc-note{margin:0 0 10px;padding:8px 12px;border-radius:6px;background:var(--soft);color:#31373d;font-size:13px}
/* Narrow windows scroll the table sideways instead of clipping its last columns. */
.tbl{border:1px solid var(--line);border-radius:10px;overflow-x:auto}
table.req td.num,table.req td.clause{white-space:normal;overflow-wrap:anywhere}
.tbl table td:first-child,.tbl table th:first-child{padding-left:14px}
.tbl table tr:last-child td{border-bottom:0}
.trace tr.gap td{background:#fff5f5}
.trace tr.gap td:first-child{box-shadow:inset 3px 0 0 var(--bad)}
.tid{display:inline-block;font-family:var(--mono);font-size:12.5px;margin:0 6px 2px 0;white-space:nowrap}
.tid small{display:block;font-family:var(--sans);color:var(--muted);font-size:11.5px;white-space:normal;max-width:260px}
.tid.undef{color:var(--bad);font-weight:600}
.tid.undef em{font-style:normal;font-size:11px;border:1px solid #ffcecb;background:var(--bad-bg);border-radius:4px;padding:0 4px;margin-left:4px}
.gapchip{display:inline-block;font-size:12px;font-weight:600;color:var(--bad);background:var(--bad-bg);border:1px solid #ffcecb;border-radius:4px;padding:0 6px;margin:0 4px 2px 0;white-space:nowrap}
.ok-text{color:var(--ok);font-weight:600}
.empty-cell{color:#a0a8b0}
.trace-summary{display:flex;flex-wrap:wrap;gap:8px 24px;margin:0 0 12px;color:var(--muted);font-size:13px}
.trace-summary b{color:var(--fg)}
footer{border-top:1px solid var(--line);margin-top:32px;padding-top:14px;color:var(--muted);font-size:12px;display:flex;justify-content:space-between;gap:16px;flex-wrap:wrap}
@media print{
  @page{size:A4;margin:14mm 12mm}
  body{font-size:11px}
  header.hero{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  .page{padding:0 4px}
  tr{break-inside:avoid}
  section.doc{break-inside:auto}
  .badge,.bar,.gapchip,.chips li,.trace tr.gap td{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
@media (max-width:900px){table.req{table-layout:auto;min-width:760px}}
@media (max-width:720px){.summary,.doc-head{grid-template-columns:1fr}.page{padding:0 14px 32px}}
`;

function barClass(p: number): string {
  return p >= 100 ? 'bar' : p >= 50 ? 'bar mid' : 'bar low';
}

function progress(present: number, required: number, large = false, neutral = false): string {
  const p = percent(present, required);
  return `<div class="progress" role="img" aria-label="${present}/${required}"><div class="${neutral ? 'bar off' : barClass(p)}${large ? ' lg' : ''}"><span style="width:${p}%"></span></div><span class="frac">${present}/${required}</span></div>`;
}

function badge(status: RequirementStatus, locale: Locale): string {
  return `<span class="badge st-${status}">${SYMBOL[status]} ${esc(pick(STATUS_LABEL[status], locale))}</span>`;
}

function findings(c: FindingCount, locale: Locale): string {
  if (!c.total) return '<span class="zero">0</span>';
  return `<span class="sev sev-${c.highest}">${esc(findingsText(c, locale))}</span>`;
}

/** The dossier's totals (every finding, as the CLI counts them), marked as its highest severity. */
function totals(c: Checklist, locale: Locale): string {
  if (!c.totals.total) return '<span class="zero" data-totals="0 0 0 0">0</span>';
  const { errors, warnings, infos, hints } = c.totals;
  return `<span class="sev sev-${highestSeverity(c.totals)}" data-totals="${errors} ${warnings} ${infos} ${hints}">${esc(totalsText(c.totals, locale))}</span>`;
}

// One column layout for every document's table, so the tables line up down the page.
// Fixed widths for the short columns; the findings column holds "2 errors, 1 warning" (it wraps
// rather than being cut off), the note takes what is left.
const REQ_COLS = '<colgroup><col style="width:66px"><col style="width:23%"><col style="width:104px"><col style="width:164px"><col><col style="width:150px"><col style="width:96px"></colgroup>';

/** Where a requirement is: "line 9" in a one-file document (its file is in the heading), else file:line. */
function where(r: ChecklistItem, oneFile: boolean, locale: Locale): string {
  if (!r.location) return '';
  return oneFile ? (locale === 'en' ? `line ${r.location.line + 1}` : `第 ${r.location.line + 1} 行`) : locationText(r.location);
}

function requirementRow(r: ChecklistItem, locale: Locale, oneFile: boolean): string {
  const other: Locale = locale === 'en' ? 'zh-CN' : 'en';
  const pad = r.depth ? ` style="padding-left:${10 + r.depth * 16}px"` : '';
  const loc = r.location ? ` title="${esc(locationText(r.location))}"` : '';
  return (
    `<tr class="${r.depth ? '' : 'top'}"${loc}>` +
    `<td class="id">${esc(r.id)}</td>` +
    `<td class="title"${pad}>${esc(pick(r.title, locale))}<span class="alt">${esc(pick(r.title, other))}</span></td>` +
    `<td class="clause">${esc(r.clause)}</td>` +
    `<td>${badge(r.status, locale)}</td>` +
    `<td class="note">${esc(noteOf(r, locale))}</td>` +
    `<td class="num">${findings(r.findings, locale)}</td>` +
    `<td class="loc">${esc(where(r, oneFile, locale))}</td>` +
    `</tr>`
  );
}

function documentSection(d: ChecklistDocument, locale: Locale): string {
  const files = d.files.length ? d.files.map((f) => `<code>${esc(f.relPath)}</code>`).join(' ') : esc(t('noFiles', locale));
  const head =
    `<div class="doc-head"><div><h2>${esc(pick(d.name, locale))}</h2>` +
    `<div class="sub"><span class="badge doc-${d.status}">${esc(pick(DOCUMENT_STATUS_LABEL[d.status], locale))}</span><span class="files">${files}</span><span>${esc(d.clause)}</span></div></div>` +
    `<div>${progress(d.counts.present, d.counts.required, false, d.status === 'rejected')}</div></div>`;
  const note = d.note ? `<p class="doc-note">${esc(pick(d.note, locale))}</p>` : '';
  if (!d.requirements.length) return `<section class="doc">${head}${note}</section>`;
  const header = [t('id', locale), t('requirement', locale), t('clause', locale), t('status', locale), t('note', locale), t('findings', locale), t('location', locale)];
  return (
    `<section class="doc">${head}${note}<div class="tbl"><table class="req">${REQ_COLS}<thead><tr>${header.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>` +
    d.requirements.map((r) => requirementRow(r, locale, d.files.length === 1)).join('') +
    `</tbody></table></div></section>`
  );
}

function traceCell(c: TraceCell, locale: Locale): string {
  if (!c.ids.length) return c.text ? esc(c.text) : `<span class="empty-cell">—</span>`;
  return c.ids
    .map((i) =>
      i.defined
        ? `<span class="tid">${esc(i.id)}${i.title ? `<small>${esc(i.title)}</small>` : ''}</span>`
        : `<span class="tid undef">${esc(i.id)}<em>${esc(t('undefinedMark', locale))}</em></span>`,
    )
    .join('');
}

function traceSection(trace: TraceMatrix, locale: Locale): string {
  const title = `<div class="doc-head"><div><h2>${esc(t('trace', locale))}</h2><div class="sub">${esc(t('traceIntro', locale))}</div></div><div>${trace.tables.length ? progress(trace.tracedRequirements, trace.definedRequirements) : ''}</div></div>`;
  if (!trace.tables.length) return `<section>${title}<p class="doc-note">${esc(t('noTrace', locale))}</p></section>`;
  const sum =
    locale === 'en'
      ? [`<span><b>${trace.tracedRequirements}</b> of <b>${trace.definedRequirements}</b> defined requirements traced</span>`, `<span><b>${trace.gapRows}</b> row(s) with gaps</span>`]
      : [`<span>已定义需求 <b>${trace.definedRequirements}</b> 项，已追溯 <b>${trace.tracedRequirements}</b> 项</span>`, `<span>有缺口的行 <b>${trace.gapRows}</b> 行</span>`];
  sum.push(`<span>${esc(t('undefinedIds', locale))}${locale === 'en' ? ': ' : '：'}${trace.undefinedIds.length ? trace.undefinedIds.map((id) => `<span class="tid undef">${esc(id)}</span>`).join('') : `<b>${esc(t('none', locale))}</b>`}</span>`);
  const header = [...TRACE_ROLES.map((r) => pick(ROLE_LABEL[r], locale)), t('gaps', locale), t('location', locale)];
  const rows = trace.rows
    .map(
      (r) =>
        `<tr class="${r.gaps.length ? 'gap' : ''}">` +
        TRACE_ROLES.map((role) => `<td>${traceCell(r.cells[role], locale)}</td>`).join('') +
        `<td>${r.gaps.length ? r.gaps.map((g) => `<span class="gapchip">⚠ ${esc(pick(GAP_LABEL[g], locale))}</span>`).join('') : `<span class="ok-text">✓</span>`}</td>` +
        `<td class="loc">${esc(locationText(r.location))}</td></tr>`,
    )
    .join('');
  return `<section>${title}<div class="trace-summary">${sum.join('')}</div><div class="tbl"><table class="trace"><thead><tr>${header.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table></div></section>`;
}

/**
 * The self-contained page both HTML reports share: head (no scripts, CSP without network), hero
 * header, main, footer with the generator and time. Parts are HTML already escaped by the caller.
 */
export function htmlPage(p: { locale: Locale; title: string; eyebrow: string; heading: string; meta: string; main: string; footer: string; generator?: string; generatedBy: string; now: string }): string {
  const by = p.generator ? `${esc(p.generatedBy)}${p.locale === 'en' ? ': ' : '：'}${esc(p.generator)} · ` : '';
  return (
    `<!DOCTYPE html>\n<html lang="${p.locale === 'en' ? 'en' : 'zh-CN'}">\n<head>\n<meta charset="utf-8">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">\n` +
    `<meta name="referrer" content="no-referrer">\n` +
    `<title>${esc(p.title)}</title>\n<style>${CSS}</style>\n</head>\n<body>\n` +
    `<header class="hero"><div class="page"><div class="eyebrow">${p.eyebrow}</div>` +
    `<h1>${p.heading}</h1><dl class="meta">${p.meta}</dl></div></header>\n` +
    `<main class="page">\n${p.main}` +
    `<footer><span>${p.footer}</span><span>${by}${esc(p.now)}</span></footer>\n` +
    `</main>\n</body>\n</html>\n`
  );
}

export function renderHtml(c: Checklist, trace: TraceMatrix, locale: Locale, opts: ReportOptions = {}): string {
  const now = formatDate(opts.now ?? new Date());
  const meta: [string, string][] = [];
  if (c.product.model) meta.push([t('model', locale), c.product.model]);
  if (c.product.softwareVersion) meta.push([t('softwareVersion', locale), c.product.softwareVersion]);
  if (c.product.class) meta.push([t('class', locale), c.product.class]);
  meta.push([t('submission', locale), submissionText(c, locale)]);
  meta.push([t('ruleset', locale), pick(c.ruleset.name, locale)]);
  meta.push([t('generated', locale), now]);
  if (!c.scope.applies && c.scope.reason) meta.push([t('outOfScope', locale), pick(c.scope.reason, locale)]);

  const chips = STATUSES.map((s) => `<li class="st-${s}">${SYMBOL[s]} ${esc(pick(STATUS_LABEL[s], locale))} <b>${c.counts.byStatus[s]}</b></li>`).join('');
  const summary =
    `<section class="card summary"><div class="score"><div class="big">${c.counts.present}<span> / ${c.counts.required}</span></div>` +
    `<div class="caption">${esc(nOfM(c.counts.present, c.counts.required, locale))}</div>${progress(c.counts.present, c.counts.required, true)}</div>` +
    `<div><ul class="chips">${chips}</ul><div class="findings-line">${esc(t('findings', locale))}${locale === 'en' ? ': ' : '：'}${totals(c, locale)}` +
    `${c.otherFindings.total ? ` · ${esc(t('otherFindings', locale))}${locale === 'en' ? ': ' : '：'}${findings(c.otherFindings, locale)}` : ''}</div></div></section>`;

  const overviewHead = [t('document', locale), t('files', locale), t('status', locale), t('completeness', locale), pick(STATUS_LABEL.missing, locale), pick(STATUS_LABEL.empty, locale), t('findings', locale)];
  const overview =
    `<section><div class="doc-head"><div><h2>${esc(t('overview', locale))}</h2><div class="sub">${esc(pick(c.ruleset.guideline, locale))}</div></div><div></div></div>` +
    `<div class="tbl"><table><thead><tr>${overviewHead.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>` +
    c.documents
      .map(
        (d) =>
          `<tr><td><b>${esc(pick(d.name, locale))}</b></td><td class="files">${d.files.map((f) => `<code>${esc(f.relPath)}</code>`).join(' ') || esc(t('noFiles', locale))}</td>` +
          `<td><span class="badge doc-${d.status}">${esc(pick(DOCUMENT_STATUS_LABEL[d.status], locale))}</span></td>` +
          `<td style="min-width:200px">${progress(d.counts.present, d.counts.required, false, d.status === 'rejected')}</td>` +
          `<td class="num">${d.counts.byStatus.missing}</td><td class="num">${d.counts.byStatus.empty}</td><td class="num">${findings(d.counts.findings, locale)}</td></tr>`,
      )
      .join('') +
    `</tbody></table></div></section>`;

  return htmlPage({
    locale,
    title: `${t('title', locale)} — ${c.name}`,
    eyebrow: `${esc(t('title', locale))} · ${esc(pick(c.ruleset.name, locale))}`,
    heading: esc(c.name),
    meta: meta.map(([k, v]) => `<div><dt>${esc(k)}</dt><dd>${esc(v)}</dd></div>`).join(''),
    main: `${summary}\n${overview}\n${c.documents.map((d) => documentSection(d, locale)).join('\n')}\n${traceSection(trace, locale)}\n`,
    footer: esc(t('footer', locale)),
    generator: opts.generator,
    generatedBy: t('generatedBy', locale),
    now,
  });
}
