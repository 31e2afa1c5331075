// Stage 4 of a dossier check: the rule families over the documents and over the whole dossier,
// each contained (containment.ts). The outline pass runs only structure, with every condition
// that reads a body ('unknown') deciding nothing.

import type { Finding } from '../codes';
import type { Config } from '../config';
import { CONFIGURED_FILE_LIMITS, configuredFileFinding, resolveConfiguredPath } from '../configured-file';
import { mergeFacts, type ConditionContext, type Facts } from '../facts/facts';
import { isAnswered } from '../match';
import type { DossierState } from '../rules/context';
import { checkContent, checkPlaceholders } from '../rules/content';
import { checkConsistency, checkIds, checkMissingDocuments } from '../rules/dossier';
import { checkSbom } from '../rules/sbom';
import { checkStructure } from '../rules/structure';
import { dossierTableRows } from '../rules/table-rows';
import { checkKnownVulnerabilities } from '../rules/vulns';
import { DEFAULT_RULESET, getRuleSet } from '../rulesets';
import type { RuleSet } from '../rulesets/types';
import type { SbomReader } from '../sbom-reader';
import { loadFeed } from '../../vulns/store';
import type { Containment } from './containment';
import type { DossierYaml } from './dossier-yaml';
import type { CheckPass, CheckSeam, DossierTarget } from './types';

/** Structure, content and placeholders of each document, under the dossier's conditions. */
export function runDocumentFamilies(d: DossierState, contain: Containment, pass: CheckPass): void {
  const tableRows = pass === 'outline' ? () => 'unknown' as const : dossierTableRows(d);
  // Only a dossier folder shows every document; a file alone cannot tell what the others hold.
  const answered = (ids: string[]): boolean | 'unknown' => (pass === 'outline' || !d.yamlPath ? 'unknown' : d.groups.some((g) => ids.some((id) => isAnswered(g.match, id))));
  for (const g of d.groups) {
    const cond: ConditionContext = { facts: g.facts, tableRows, answered };
    g.cond = cond;
    g.today = d.today;
    const where = g.files[0].path;
    contain.run('structure', where, g.files, () => checkStructure(g, cond));
    if (pass === 'outline') continue;
    contain.run('content', where, g.files, () => checkContent(g, cond));
    contain.run('placeholders', where, g.files, () => checkPlaceholders(g));
  }
}

/** What the dossier families share. */
export interface DossierFamilyContext {
  seam: CheckSeam;
  d: DossierState;
  target: DossierTarget;
  yaml: DossierYaml;
  contain: Containment;
  pass: CheckPass;
  rcFindings: Map<string, Finding[]>;
}

/**
 * IDs, consistency, SBOM, known vulnerabilities and configured paths across the dossier; then
 * the dossier's rule set and submission facts, and the missing documents they call for.
 */
export function runDossierFamilies(ctx: DossierFamilyContext): void {
  const { seam, d, target, contain, rcFindings } = ctx;
  const where = target.yamlPath ?? target.members[0] ?? '.';
  const scopeFile = target.yamlPath ?? target.members[0];
  const targets = [...d.files, { findings: d.yamlFindings }];
  const addRc = (found: Map<string, Finding[]>) => {
    for (const [rc, f] of found) rcFindings.set(rc, [...(rcFindings.get(rc) ?? []), ...f]);
  };
  if (ctx.pass === 'full') {
    const sbom = readerOf(seam.options);
    const loadSbom = (value: string, config: Config) => sbom.loadConfigured(value, seam.host, seam.pathScope(config, scopeFile));
    contain.run('ids', where, targets, () => checkIds(d));
    contain.run('consistency', where, targets, () => checkConsistency(d));
    contain.run('sbom', where, targets, () => addRc(checkSbom(d, (s, config) => loadSbom(s.value, config), sbom, d.today)));
    contain.run('vulnerabilities', where, targets, () =>
      addRc(
        checkKnownVulnerabilities(
          d,
          (s, config) => loadFeed(seam.host, { value: s.value, ...(s.maxAge !== undefined ? { maxAge: s.maxAge } : {}) }, seam.pathScope(config, scopeFile), { writeCache: seam.options.vulnerabilityCache !== false }),
          (config) => config.sbom.map((s) => loadSbom(s.value, config)),
        ),
      ),
    );
    contain.run('configured-files', where, targets, () => checkConfiguredPaths(seam, d, scopeFile, rcFindings));
  }
  const dossierRuleset = d.files.find((f) => f.isDossier)?.ruleset ?? getRuleSet(ctx.yaml.guideline) ?? getRuleSet(seam.configFor(where).config.guideline) ?? getRuleSet(DEFAULT_RULESET)!;
  d.dossier = { ruleset: dossierRuleset, facts: dossierFacts(d, ctx.yaml, dossierRuleset) };
  if (ctx.pass === 'full') contain.run('dossier', where, targets, () => checkMissingDocuments(d, d.dossier!.facts, dossierRuleset));
}

/**
 * The engine's SBOM reader (EngineOptions.sbom, injected by the adapters). An engine built
 * without one fails the families that read a configured SBOM — contained and reported as an
 * internal error, never a silent skip — while a dossier that names no SBOM never asks.
 */
export function readerOf(options: { sbom?: SbomReader }): SbomReader {
  if (options.sbom) return options.sbom;
  const missing = (): never => {
    throw new Error('this Engine has no SBOM reader (EngineOptions.sbom: pass sbomReader from server/src/sbom), yet the configuration names an SBOM');
  };
  return { loadConfigured: missing, compareOtsTable: missing, unionComponents: missing };
}

/**
 * Paths the configuration names that no rule reads during a check (`export.referenceDocx`,
 * read by the Word export): resolved and checked now (configured-file.ts, nothing is opened),
 * so a path outside or a FIFO is config-invalid on its key before anyone exports.
 */
function checkConfiguredPaths(seam: CheckSeam, d: DossierState, scopeFile: string | undefined, rcFindings: Map<string, Finding[]>): void {
  const seen = new Set<string>();
  for (const f of d.files) {
    const c = f.config;
    const ref = c.export;
    if (!c.file || !ref?.value || !ref.at || seen.has(c.file)) continue;
    seen.add(c.file);
    const r = resolveConfiguredPath(seam.host, ref.value, seam.pathScope(c, scopeFile), { key: 'export.referenceDocx', maxBytes: CONFIGURED_FILE_LIMITS.referenceDocx });
    if (!r.ok) rcFindings.set(c.file, [...(rcFindings.get(c.file) ?? []), configuredFileFinding(r, ref.at)]);
  }
}

/** The submission facts: dossier.yaml's when it states the submission, else the first validated dossier file's. */
function dossierFacts(d: DossierState, yaml: DossierYaml, rs: RuleSet): Facts | undefined {
  const first = d.files.find((f) => f.isDossier && f.validated);
  const y = yaml.validated(rs);
  if (y && y.values.submission !== undefined) return mergeFacts(undefined, y);
  return first?.facts ?? (y ? mergeFacts(undefined, y) : undefined);
}
