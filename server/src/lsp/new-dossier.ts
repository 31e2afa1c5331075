// The requests behind *New dossier document…* (issue 18 item 1): the guidelines the flow offers
// and the merged dossier.yaml. Pure answers over the rule sets and the text the client sends;
// the client writes the file (nothing here touches the disk).

import type { Connection } from 'vscode-languageserver';
import { RULESETS } from '../engine';
import { guidelineInfos, mergeDossierYaml } from '../features/new-dossier';
import { DossierYamlRequest, type DossierYamlParams, type DossierYamlResult, GuidelinesRequest, type GuidelineInfo } from '../shared/protocol';

/** The YAML a client may send to be merged (a dossier.yaml is small). */
const MAX_TEXT = 1024 * 1024;

export function registerNewDossierRequests(connection: Connection, fail: (where: string, e: unknown) => void): void {
  connection.onRequest(GuidelinesRequest, (): GuidelineInfo[] => {
    try {
      return guidelineInfos(RULESETS);
    } catch (e) {
      fail('guidelines', e);
      return [];
    }
  });
  connection.onRequest<DossierYamlResult | null, unknown>(DossierYamlRequest, (p: DossierYamlParams): DossierYamlResult | null => {
    try {
      const g = p?.facts?.guideline;
      if (!p || (g !== undefined && !RULESETS.some((r) => r.id === g))) return null;
      if (p.text !== undefined && (typeof p.text !== 'string' || p.text.length > MAX_TEXT)) return null;
      // The rule set whose questions the answers are read against (GuidelineInfo.facts).
      const rs = RULESETS.find((r) => r.id === (typeof p.ruleset === 'string' ? p.ruleset : g));
      return mergeDossierYaml(p.text, p.facts, p.lang === 'en' ? 'en' : 'zh', rs);
    } catch (e) {
      fail('dossier.yaml', e);
      return null;
    }
  });
}
