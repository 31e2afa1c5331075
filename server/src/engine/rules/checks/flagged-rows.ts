// flagged-rows (requirements-fda-premarket-2025.md §4, K6.1): adapts checkFlaggedRows
// (rules/support.ts) to the registry; the code is the catalogue's.

import type { Code } from '../../codes';
import { checkFlaggedRows } from '../support';
import type { CheckEntry } from './types';

export const flaggedRows: CheckEntry<'flagged-rows'> = {
  run: (group, r, sec, c) => checkFlaggedRows(group, r, sec, c),
  codes: (c) => [c.code as Code],
};
