// dossier.yaml of the dossier being checked: read and parsed once, validated per rule set that a
// member uses (each validation adds its issues to the dossier's dossier.yaml findings once).

import { validate, type Validated } from '../facts/schema';
import { loadYaml, type YamlProblem, type YamlResult } from '../facts/yaml';
import type { Host } from '../host';
import type { DossierState } from '../rules/context';
import { checkDossierYaml } from '../rules/frontmatter';
import { RULESETS } from '../rulesets';
import type { RuleSet } from '../rulesets/types';
import { LineIndex } from '../text';

/** .cyberdossierrc.yaml and dossier.yaml are small; a larger one is read as empty (config-invalid follows from its absence of keys). */
export const MAX_RC_BYTES = 1024 * 1024;

export interface DossierYaml {
  /** Its `guideline` value, when a string. */
  guideline?: string;
  /** The YAML error that kept it from parsing: its members say so once instead of reporting the symptoms. */
  broken?: YamlProblem;
  /** Its values validated against a rule set's schema (undefined without a parsed dossier.yaml). */
  validated(rs: RuleSet): Validated | undefined;
}

/** Reads `d.yamlPath` (if any) into `d.yamlLines`, reports its YAML problems into `d`. */
export function loadDossierYaml(host: Host, d: DossierState): DossierYaml {
  let root: YamlResult | undefined;
  let guideline: string | undefined;
  if (d.yamlPath) {
    const text = host.readFile(d.yamlPath, MAX_RC_BYTES) ?? '';
    d.yamlLines = new LineIndex(text);
    root = loadYaml(text, 0, d.yamlLines);
    if (root.root?.kind === 'map') {
      const g = root.root.entries.find((e) => e.key === 'guideline');
      if (g?.node.kind === 'scalar' && typeof g.node.value === 'string') guideline = g.node.value;
    }
    checkDossierYaml(d, root.problems, [], !!root.root);
  }
  const broken = root && !root.root ? root.problems[0] : undefined;
  const validated = (rs: RuleSet): Validated | undefined => {
    if (!root?.root) return undefined;
    let v = d.yamlValidated.get(rs.id);
    if (!v) {
      v =
        root.root.kind === 'scalar' && root.root.value === null
          ? { values: Object.create(null), invalid: new Set(), positions: new Map(), issues: [] }
          : validate(root.root, rs.schema, { forbid: ['document'], others: RULESETS.filter((o) => o !== rs).map((o) => ({ id: o.id, schema: o.schema })) });
      d.yamlValidated.set(rs.id, v);
      checkDossierYaml(
        d,
        [],
        v.issues.map((i) => ({ code: 'config-invalid', range: i.range, message: i.message, data: { path: i.path, ...(i.suggestion ? { suggestion: i.suggestion } : {}), target: i.target } })),
      );
    }
    return v;
  };
  return { guideline, broken, validated };
}
