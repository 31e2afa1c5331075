// The flat, deduplicated component list both formats build: one Map lookup per entry (never a
// scan of the list), so a huge SBOM stays linear.

import type { SbomComponent } from '../engine';
import { SbomError } from './types';
import { componentFlags, foldKey, purlKey } from './vocab';

/** Entries visited (components at every nesting level, packages) before the import gives up. */
export const MAX_ENTRIES = 500_000;

export class ComponentSet {
  readonly list: SbomComponent[] = [];
  private byPurl = new Map<string, SbomComponent>();
  private byName = new Map<string, SbomComponent>();
  private purlOf = new Map<SbomComponent, string>();
  duplicates = 0;
  visited = 0;

  /** Counts one SBOM entry against MAX_ENTRIES. */
  visit(): void {
    if (++this.visited > MAX_ENTRIES)
      throw new SbomError('too-many-components', {
        zh: `SBOM 的组件超过 ${MAX_ENTRIES} 个，无法导入`,
        en: `the SBOM has more than ${MAX_ENTRIES} components; not imported`,
      });
  }

  /**
   * Adds a component, or merges it into an earlier one with the same purl (qualifiers aside), else
   * the same name + version when one of the two has no purl. Returns the entry that holds it.
   */
  add(c: SbomComponent): SbomComponent {
    const pk = c.purl ? purlKey(c.purl) : undefined;
    const nk = `${foldKey(c.name)}\u0000${foldKey(c.version ?? '')}`;
    let hit = pk ? this.byPurl.get(pk) : undefined;
    if (!hit) {
      // Same name and version, unless both have (different) package URLs.
      const byName = this.byName.get(nk);
      if (byName && !(pk && byName.purl && this.purlOf.get(byName))) hit = byName;
    }
    if (hit) {
      merge(hit, c);
      this.duplicates++;
      if (pk && !this.byPurl.has(pk)) this.byPurl.set(pk, hit);
      if (pk && !this.purlOf.has(hit)) this.purlOf.set(hit, pk);
      return hit;
    }
    this.list.push(c);
    if (pk) {
      this.byPurl.set(pk, c);
      this.purlOf.set(c, pk);
    }
    if (!this.byName.has(nk)) this.byName.set(nk, c);
    return c;
  }

  /** The list with its flags computed. */
  finish(): SbomComponent[] {
    for (const c of this.list) c.flags = componentFlags(c);
    return this.list;
  }
}

/** Fills what `into` lacks from `from` (the first occurrence wins where both say something). */
function merge(into: SbomComponent, from: SbomComponent): void {
  if (!into.version && from.version) {
    into.version = from.version;
    into.versionSource = from.versionSource;
  }
  if (!into.vendor && from.vendor) {
    into.vendor = from.vendor;
    into.vendorSource = from.vendorSource;
  }
  if (!into.model && from.model) {
    into.model = from.model;
    into.modelSource = from.modelSource;
  }
  if (!into.type && from.type) into.type = from.type;
  if (!into.category && from.category) into.category = from.category;
  if (!into.purl && from.purl) into.purl = from.purl;
  if (!into.cpe && from.cpe) into.cpe = from.cpe;
  if (!into.parent && from.parent) into.parent = from.parent;
  if (!into.path && from.path) into.path = from.path;
  if (!into.uid && from.uid) into.uid = from.uid;
  if (!into.support && from.support) into.support = from.support;
  if (!into.endOfSupport && from.endOfSupport) into.endOfSupport = from.endOfSupport;
  if (!into.justification && from.justification) into.justification = from.justification;
  for (const l of from.licenses) if (!into.licenses.includes(l)) into.licenses.push(l);
}

/** `name version` of a component, as parents and patch rows name it (the engine's, which its findings use too). */
export { componentLabel as label } from '../engine';

/**
 * The components of several SBOMs of one device (a workstation and an embedded part, say) as one
 * list, deduplicated across them as within one. The inputs are not modified.
 */
export function unionComponents(lists: readonly (readonly SbomComponent[])[]): SbomComponent[] {
  const set = new ComponentSet();
  for (const list of lists) for (const c of list) set.add({ ...c, licenses: [...c.licenses], flags: [] });
  return set.finish();
}
