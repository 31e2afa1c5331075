// Validation of YAML facts against a rule set's JSON Schema (schemas/frontmatter.*.schema.json).
// The schema is the single source of truth: keys, types, enums, zh aliases (x-aliases), zh labels
// and the requirements a key switches on. We interpret the subset we use rather than compile it,
// so that every problem keeps its YAML position and gets a did-you-mean.

import type { JsonSchema } from '../rulesets/types';
import { NOT_A_MAPPING } from './schema-messages';
import { newFactObject, resolveRef, type FactObject, type ValidateOptions, type Validated } from './schema-read';
import { walkNode } from './schema-walk';
import type { YNode } from './yaml';

export { canonicalEnum, isCalendarDate, newFactObject, resolveRef, schemaAt, type FactIssue, type FactObject, type FactValue, type ValidateOptions, type Validated } from './schema-read';

/**
 * Validates a frontmatter (or dossier.yaml) mapping against a rule set's schema: the values the
 * schema accepts, the paths that were present but invalid, the positions of every key and value,
 * and the issues — each with its YAML position and a did-you-mean (schema-walk.ts).
 */
export function validate(root: YNode, schema: JsonSchema, opts: ValidateOptions = {}): Validated {
  const out: Validated = { values: newFactObject(), invalid: new Set(), positions: new Map(), issues: [] };
  if (root.kind !== 'map') {
    out.issues.push({ path: '', range: root.range, message: NOT_A_MAPPING, target: 'value' });
    out.invalid.add('');
    return out;
  }
  const v = walkNode({ schema, opts, out }, root, schema, '');
  if (v && typeof v === 'object' && !Array.isArray(v)) out.values = v;
  return out;
}

/** Required keys missing from merged values: [parentPath, key]. */
export function missingRequired(values: FactObject, schema: JsonSchema, invalid: Set<string>): { parent: string; key: string }[] {
  const out: { parent: string; key: string }[] = [];
  const walk = (obj: FactObject | undefined, s0: JsonSchema, path: string) => {
    const s = resolveRef(s0, schema);
    for (const key of s.required ?? []) {
      const p = path ? `${path}.${key}` : key;
      if (invalid.has(p)) continue;
      const v = obj?.[key];
      if (v === undefined) out.push({ parent: path, key });
    }
    for (const [key, prop] of Object.entries(s.properties ?? {})) {
      const v = obj?.[key];
      const ps = resolveRef(prop, schema);
      const p = path ? `${path}.${key}` : key;
      if (v && typeof v === 'object' && !Array.isArray(v)) walk(v as FactObject, ps, p);
      if (Array.isArray(v) && ps.items) {
        const is = resolveRef(ps.items, schema);
        if (is.required)
          v.forEach((item, i) => {
            if (item && typeof item === 'object' && !Array.isArray(item)) walk(item as FactObject, is, `${p}.${i}`);
          });
      }
    }
  };
  walk(values, schema, '');
  return out;
}
