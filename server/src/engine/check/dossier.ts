// One dossier checked, stage by stage: its dossier.yaml (dossier-yaml.ts) → each member analysed
// (analyse.ts) → documents grouped and matched (group.ts) → rule families (families.ts) →
// findings finalized into reports (finalize.ts). The engine plans which dossiers a request
// involves (plan.ts) and keeps the caches the stages read through the seam.

import type { Finding } from '../codes';
import type { DossierState } from '../rules/context';
import { utcDay } from '../support';
import { analyseMember } from './analyse';
import { Containment } from './containment';
import { loadDossierYaml } from './dossier-yaml';
import { runDocumentFamilies, runDossierFamilies } from './families';
import { dossierReports } from './finalize';
import { groupDocuments } from './group';
import type { CheckPass, CheckSeam, DossierOutcome, DossierTarget } from './types';

/** Checks one dossier in one pass; every member file is analysed, results come for all of them. */
export function checkDossierPass(seam: CheckSeam, target: DossierTarget, pass: CheckPass): DossierOutcome {
  const rcFindings = new Map<string, Finding[]>();
  const d: DossierState = {
    yamlPath: target.yamlPath,
    yamlFindings: [],
    yamlValidated: new Map(),
    files: [],
    groups: [],
    folder: target.scope === 'folder',
    today: utcDay(seam.options.today?.() ?? new Date()),
  };
  const yaml = loadDossierYaml(seam.host, d);
  const contain = new Containment(seam.options);
  const members = { seam, d, yaml, contain, pass, rcFindings };
  for (const file of target.members) if (!analyseMember(members, file)) return { kind: 'no-outline' };
  groupDocuments(d);
  runDocumentFamilies(d, contain, pass);
  runDossierFamilies({ seam, d, target, yaml, contain, pass, rcFindings });
  return { kind: 'checked', result: { ...dossierReports(seam, d), rcFindings, state: d } };
}
