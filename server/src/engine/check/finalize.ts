// Stage 5 of a dossier check: findings → diagnostics. Severity modes of the rule set (FDA
// tiers), the silenced ranges of bare negative answers, severities from the configuration,
// suppression comments, and document order.

import { CODES, type Finding } from '../codes';
import type { Config } from '../config';
import type { Suppression } from '../model';
import type { DossierState, FileState } from '../rules/context';
import type { RuleSet } from '../rulesets/types';
import { applySeverityModes } from '../severity';
import { suppressed } from '../suppress';
import type { CheckSeam, Diagnostic, FileReport } from './types';

/** The reports of a checked dossier: one per member, and dossier.yaml's. */
export function dossierReports(seam: CheckSeam, d: DossierState): { files: FileReport[]; yaml?: FileReport } {
  for (const f of d.files) if (f.isDossier) applySeverityModes(f.findings, f.ruleset, f.facts);
  applySeverityModes(d.yamlFindings, d.dossier?.ruleset, d.dossier?.facts);
  const files: FileReport[] = d.files.map((f) => ({
    path: f.path,
    document: f.kind?.id ?? null,
    isDossierFile: f.isDossier,
    ruleset: f.isDossier ? f.ruleset.id : undefined,
    diagnostics: f.isDossier || f.tooLarge ? finalize(applySilence(f), f.config, f.ruleset, f.model?.suppressions ?? []) : [],
  }));
  let yaml: FileReport | undefined;
  if (d.yamlPath) {
    const { config } = seam.configFor(d.yamlPath);
    const rs = d.files.find((f) => f.isDossier)?.ruleset;
    yaml = { path: d.yamlPath, document: null, isDossierFile: false, diagnostics: finalize(d.yamlFindings, config, rs, []) };
  }
  return { files, yaml };
}

/** A file's findings without those inside the ranges a bare negative answer silences. */
export function applySilence(f: Pick<FileState, 'findings' | 'silenced'>): Finding[] {
  if (!f.silenced.length) return f.findings;
  return f.findings.filter((x) => {
    // Document-level findings only borrow a heading as their anchor.
    if (x.code === 'frontmatter-invalid' || x.code === 'frontmatter-missing' || x.code === 'privacy-not-addressed') return true;
    return !f.silenced.some((s) => x !== s.keep && x.range.start.line >= s.from && x.range.start.line < s.to);
  });
}

/** Severity resolution, suppression comments, sorting: findings → diagnostics. */
export function finalize(findings: Finding[], config: Config, ruleset: RuleSet | undefined, suppressions: Suppression[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const f of findings) {
    const req = typeof f.data.requirement === 'string' ? f.data.requirement : undefined;
    const setting =
      (req ? config.rules.get(`${f.code}/${req}`) : undefined) ?? config.rules.get(f.code) ?? f.severity ?? ruleset?.codeSeverity?.[f.code] ?? CODES[f.code].severity;
    if (setting === 'off') continue;
    if (suppressed(f, req, suppressions)) continue;
    out.push({ code: f.code, severity: setting, message: f.message, range: f.range, data: f.data, ...(f.related?.length ? { related: f.related } : {}) });
  }
  out.sort(
    (a, b) =>
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
      String(a.data.requirement ?? '').localeCompare(String(b.data.requirement ?? '')),
  );
  return out;
}
