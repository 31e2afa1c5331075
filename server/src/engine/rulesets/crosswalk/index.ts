// The registry of crosswalks (pairs of rule sets). Adding a pair = a data module here.

import { nmpa2022ToFda2025 } from './nmpa-2022--fda-premarket-2025';
import type { Crosswalk } from './types';

export type { Crosswalk, CrosswalkRow, CapabilityRow } from './types';

export const CROSSWALKS: Crosswalk[] = [nmpa2022ToFda2025];

/** The crosswalk between two rule sets, in either order; `swapped` when `a` is its target. */
export function findCrosswalk(a: string, b: string): { crosswalk: Crosswalk; swapped: boolean } | undefined {
  for (const crosswalk of CROSSWALKS) {
    if (crosswalk.source === a && crosswalk.target === b) return { crosswalk, swapped: false };
    if (crosswalk.source === b && crosswalk.target === a) return { crosswalk, swapped: true };
  }
  return undefined;
}
