// end-of-support (requirements-fda-premarket-2025.md §10): adapts checkEndOfSupport
// (rules/support.ts) to the registry; the reference date is the engine's today (UTC) unless the
// group carries one.

import { utcDay } from '../../support';
import { checkEndOfSupport } from '../support';
import type { CheckEntry } from './types';

export const endOfSupport: CheckEntry<'end-of-support'> = {
  run: (group, r, sec, c) => checkEndOfSupport(group, r, sec, c, group.today ?? utcDay(new Date())),
  codes: () => ['end-of-support-passed'],
};
