// Stage 5 of a dossier check: findings → diagnostics. Severity modes of the rule set (FDA
// tiers), the silenced ranges of bare negative answers, severities from the configuration,
// suppression comments, and document order.

import { ALL_CODES, CODES, CODE_SOURCES, type Code, type Finding } from '../codes';
import type { CodeSource } from '../descriptors/types';
import type { Config } from '../config';
import type { Suppression } from '../model';
import type { DossierState, FileState } from '../rules/context';
import type { RuleSet, Severity } from '../rulesets/types';
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
    diagnostics: f.isDossier || f.tooLarge ? finalize(applySilence(f), f.config, f.ruleset, f.model?.suppressions ?? [], f.model?.headings.map((h) => h.line)) : [],
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
export function finalize(findings: Finding[], config: Config, ruleset: RuleSet | undefined, suppressions: Suppression[], headingLines?: readonly number[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const f of findings) {
    const req = typeof f.data.requirement === 'string' ? f.data.requirement : undefined;
    const setting =
      (req ? config.rules.get(`${f.code}/${req}`) : undefined) ?? config.rules.get(f.code) ?? f.severity ?? ruleset?.codeSeverity?.[f.code] ?? CODES[f.code].severity;
    if (setting === 'off') continue;
    if (suppressed(f, req, suppressions)) continue;
    out.push({ code: f.code, severity: setting, message: f.message, range: f.range, data: f.data, ...(f.related?.length ? { related: f.related } : {}) });
  }
  foldIntoPlaceholders(out, headingLines ?? []);
  out.sort(
    (a, b) =>
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
      String(a.data.requirement ?? '').localeCompare(String(b.data.requirement ?? '')),
  );
  return out;
}

/** The codes folded into a section's placeholder finding (their descriptors' foldsIntoPlaceholder). */
export const FOLDED_INTO_PLACEHOLDER: readonly Code[] = ALL_CODES.filter((c) => (CODE_SOURCES[c] as CodeSource).foldsIntoPlaceholder);

const foldable = (d: Diagnostic) => FOLDED_INTO_PLACEHOLDER.includes(d.code) && !(d.code === 'inconsistent-fact' && d.data.mismatch !== undefined);

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1, hint: 0 };

/**
 * One finding per section still to write (issue 18): a section's placeholder finding absorbs the
 * FOLDED_INTO_PLACEHOLDER findings of the same requirement — their messages become the first
 * relatedInformation entries, their codes `data.folded`, the strongest severity of the group
 * wins, and the message says what else is to write. Runs after severities and suppressions, so
 * a switched-off or suppressed finding is not folded in (and a switched-off placeholder folds
 * nothing).
 */
function foldIntoPlaceholders(out: Diagnostic[], headingLines: readonly number[]): void {
  // The heading a line belongs to (the nearest at or above it; -1 before the first). The lines
  // come sorted from the scan: a binary search, not a pass over every heading per finding.
  const sectionAt = (line: number) => {
    let lo = 0;
    let hi = headingLines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (headingLines[mid] <= line) lo = mid + 1;
      else hi = mid;
    }
    return lo ? headingLines[lo - 1] : -1;
  };
  const groups = new Map<string, { primary: Diagnostic; folded: Diagnostic[] }>();
  const bySection = new Map<number, { primary: Diagnostic; folded: Diagnostic[] }>();
  for (const d of out) {
    const req = d.data.requirement;
    if (d.code !== 'placeholder' || typeof req !== 'string' || groups.has(req)) continue;
    const g = { primary: d, folded: [] };
    groups.set(req, g);
    const at = sectionAt(d.range.start.line);
    if (at >= 0 && !bySection.has(at)) bySection.set(at, g);
  }
  if (!groups.size) return;
  const gone = new Set<Diagnostic>();
  for (const d of out) {
    if (!foldable(d)) continue;
    const req = d.data.requirement;
    // By requirement; a document-level finding without one (privacy, anchored on the section
    // that declares the data) by the section its anchor lies in.
    const g = typeof req === 'string' ? groups.get(req) : req === undefined ? bySection.get(sectionAt(d.range.start.line)) : undefined;
    if (!g) continue;
    g.folded.push(d);
    gone.add(d);
  }
  for (const { primary: p, folded } of groups.values()) {
    if (!folded.length) continue;
    const titles = [...new Set(folded.map((d) => d.code))].map((c) => CODES[c].title);
    p.message = {
      zh: `${p.message.zh}；另：${titles.map((t) => t.zh).join('、')}（见相关信息）`,
      en: `${p.message.en}; also: ${titles.map((t) => t.en.toLowerCase()).join(', ')} (see the related information)`,
    };
    p.data = { ...p.data, folded: folded.map((d) => d.code) };
    p.related = [...folded.map((d) => ({ range: d.range, message: { zh: `${d.code}：${d.message.zh}`, en: `${d.code}: ${d.message.en}` } })), ...(p.related ?? [])];
    for (const d of folded) if (RANK[d.severity] > RANK[p.severity]) p.severity = d.severity;
  }
  if (!gone.size) return;
  let kept = 0;
  for (const d of out) if (!gone.has(d)) out[kept++] = d;
  out.length = kept;
}
