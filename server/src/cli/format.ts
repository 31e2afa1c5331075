// Report formats of cli.md: text (one line per diagnostic + a summary), json (the exact shape of
// the contract) and SARIF 2.1.0.

import { CODES, ALL_CODES, localize, docsUrl, packageVersion, totalsOf, type Diagnostic, type FileReport, type Locale } from '../engine';

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
}

/** The summary of cli.md (the JSON `summary`, the text footer): the engine's totals (one count everywhere). */
export function summarize(reports: FileReport[]): Summary {
  const t = totalsOf(reports);
  return { files: t.files, errors: t.errors, warnings: t.warnings, infos: t.infos, hints: t.hints };
}

export function messageOf(d: Diagnostic, locale: Locale): string {
  return localize(d.message, locale);
}

function dataWithout(d: Diagnostic): Record<string, unknown> {
  const { requirement: _r, clause: _c, ...rest } = d.data;
  return rest;
}

export function formatJson(reports: FileReport[], rel: (p: string) => string, locale: Locale): string {
  const out = {
    version: 1,
    files: reports.map((r) => ({
      path: rel(r.path),
      document: r.document,
      diagnostics: r.diagnostics.map((d) => ({
        code: d.code,
        requirement: typeof d.data.requirement === 'string' ? d.data.requirement : null,
        clause: typeof d.data.clause === 'string' ? d.data.clause : null,
        severity: d.severity,
        message: messageOf(d, locale),
        range: d.range,
        data: dataWithout(d),
      })),
    })),
    summary: summarize(reports),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

const COLORS = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', hint: '\x1b[90m', reset: '\x1b[0m', dim: '\x1b[2m' };

export function formatText(reports: FileReport[], rel: (p: string) => string, locale: Locale, color: boolean): string {
  const lines: string[] = [];
  const c = (k: keyof typeof COLORS, s: string) => (color ? `${COLORS[k]}${s}${COLORS.reset}` : s);
  for (const r of reports)
    for (const d of r.diagnostics) {
      const tag = [d.code, d.data.requirement].filter(Boolean).join(' ');
      lines.push(`${rel(r.path)}:${d.range.start.line + 1}:${d.range.start.character + 1}  ${c(d.severity, d.severity)}  ${messageOf(d, locale)}  ${c('dim', `[${tag}]`)}`);
    }
  const s = summarize(reports);
  const problems = s.errors + s.warnings + s.infos + s.hints;
  lines.push(
    locale === 'en'
      ? `${s.files} file(s) checked: ${s.errors} error(s), ${s.warnings} warning(s), ${s.infos} info, ${s.hints} hint(s)${problems ? '' : ' — no problems'}`
      : `已检查 ${s.files} 个文件：${s.errors} 个错误，${s.warnings} 个警告，${s.infos} 个信息，${s.hints} 个提示${problems ? '' : '——未发现问题'}`,
  );
  return `${lines.join('\n')}\n`;
}

const SARIF_LEVEL = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;

export function formatSarif(reports: FileReport[], rel: (p: string) => string, locale: Locale): string {
  const rules = ALL_CODES.map((code) => ({
    id: code,
    name: code.replace(/(^|-)([a-z])/g, (_m, _d, ch: string) => ch.toUpperCase()),
    shortDescription: { text: localize(CODES[code].title, locale) },
    helpUri: docsUrl(code),
    defaultConfiguration: { level: SARIF_LEVEL[CODES[code].severity] },
  }));
  const index = new Map(ALL_CODES.map((c, i) => [c as string, i]));
  const results = reports.flatMap((r) =>
    r.diagnostics.map((d) => ({
      ruleId: d.code,
      ruleIndex: index.get(d.code),
      level: SARIF_LEVEL[d.severity],
      message: { text: messageOf(d, locale) },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: encodeURI(rel(r.path)) },
            region: {
              startLine: d.range.start.line + 1,
              startColumn: d.range.start.character + 1,
              endLine: d.range.end.line + 1,
              endColumn: d.range.end.character + 1,
            },
          },
        },
      ],
      properties: {
        requirement: d.data.requirement ?? null,
        clause: d.data.clause ?? null,
        severity: d.severity,
        data: dataWithout(d),
      },
    })),
  );
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'cyberdossier', version: packageVersion(), semanticVersion: packageVersion(), rules } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
