// The engine's findings as LSP diagnostics: one conversion, shared by pushed and pulled findings,
// code actions (fix-all reads every finding of a document) and the workspace check, so that every
// path shows the same severity, message language, docs link and related places.

import { type Diagnostic as LspDiagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { docsUrl, localize, type Diagnostic, type Locale } from '../engine';

/** The `source` of every diagnostic, and the pull provider's identifier. */
export const SOURCE = 'cyberdossier';
const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint } as const;

/** LSP severity → the engine's level name (the status request counts by it). */
export const LEVEL = { [DiagnosticSeverity.Error]: 'error', [DiagnosticSeverity.Warning]: 'warning', [DiagnosticSeverity.Information]: 'info', [DiagnosticSeverity.Hint]: 'hint' } as const;

/** One finding → an LSP diagnostic in `locale`; `uri` (the finding's file) places related information without a path. */
export function toLsp(d: Diagnostic, locale: Locale, uri?: string): LspDiagnostic {
  const out: LspDiagnostic = {
    range: d.range,
    severity: SEVERITY[d.severity],
    code: d.code,
    codeDescription: { href: docsUrl(d.code) },
    source: SOURCE,
    message: localize(d.message, locale),
    data: d.data,
  };
  // The finding's other places (the rest of a section's placeholders, the YAML error behind a cascade).
  if (d.related?.length && uri)
    out.relatedInformation = d.related.map((r) => ({ location: { uri: r.path ? URI.file(r.path).toString() : uri, range: r.range }, message: localize(r.message, locale) }));
  return out;
}
