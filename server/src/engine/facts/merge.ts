// Product facts: a file's validated frontmatter deep-merged over its dossier.yaml (mappings key by
// key; sequences and scalars replace), with the origin of every value, and the lookups of one
// fact by path (valid, absent or invalid) that condition evaluation (facts.ts) reads.

import type { Range } from '../text';
import { newFactObject, type FactObject, type FactValue, type Validated } from './schema';

export type Origin = 'file' | 'dossier';

export interface Facts {
  values: FactObject;
  invalid: Set<string>;
  /** Where each top-level-to-leaf path was set. */
  origin: Map<string, Origin>;
  file?: Validated;
  dossier?: Validated;
}

export function isObj(v: unknown): v is FactObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function mergeFacts(file: Validated | undefined, dossier: Validated | undefined): Facts {
  const origin = new Map<string, Origin>();
  const mark = (v: FactValue, path: string, o: Origin) => {
    origin.set(path, o);
    if (isObj(v)) for (const [k, c] of Object.entries(v)) mark(c, `${path}.${k}`, o);
  };
  const merge = (base: FactObject | undefined, over: FactObject | undefined, path: string): FactObject => {
    const out = newFactObject();
    for (const [k, v] of Object.entries(base ?? {})) {
      out[k] = v;
      mark(v, path ? `${path}.${k}` : k, 'dossier');
    }
    for (const [k, v] of Object.entries(over ?? {})) {
      const p = path ? `${path}.${k}` : k;
      if (isObj(v) && isObj(out[k])) {
        out[k] = merge(out[k] as FactObject, v, p);
        origin.set(p, 'file');
      } else {
        out[k] = v;
        mark(v, p, 'file');
      }
    }
    return out;
  };
  const values = merge(dossier?.values, file?.values, '');
  const invalid = new Set<string>();
  for (const p of dossier?.invalid ?? []) if (!(file?.positions.has(p) && !file.invalid.has(p))) invalid.add(p);
  for (const p of file?.invalid ?? []) invalid.add(p);
  return { values, invalid, origin, file, dossier };
}

export type FactStatus = { status: 'valid'; value: FactValue } | { status: 'absent' } | { status: 'invalid' };

export function getFact(facts: Facts, path: string): FactStatus {
  const parts = path.split('.');
  let cur: FactValue | undefined = facts.values;
  let prefix = '';
  for (const part of parts) {
    prefix = prefix ? `${prefix}.${part}` : part;
    if (facts.invalid.has(prefix)) return { status: 'invalid' };
    if (cur === undefined) continue;
    if (Array.isArray(cur)) cur = /^\d+$/.test(part) ? cur[Number(part)] : undefined;
    else if (isObj(cur)) cur = Object.prototype.hasOwnProperty.call(cur, part) ? cur[part] : undefined;
    else cur = undefined;
  }
  if (cur === undefined) return { status: 'absent' };
  return { status: 'valid', value: cur };
}

/** True when some invalid path lies at or below `path` (a list with a bad item, say). */
export function hasInvalidBelow(facts: Facts, path: string): boolean {
  for (const p of facts.invalid) if (p === path || p.startsWith(`${path}.`)) return true;
  return false;
}

/** Positions of a fact's key and value, in the file or in dossier.yaml. */
export function factPosition(facts: Facts, path: string): { origin: Origin; key?: Range; value: Range } | undefined {
  const f = facts.file?.positions.get(path);
  if (f) return { origin: 'file', ...f };
  const d = facts.dossier?.positions.get(path);
  if (d) return { origin: 'dossier', ...d };
  return undefined;
}
