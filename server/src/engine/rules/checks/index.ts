// The check registry (issue 15 item 3): one entry per kind of section check, one file per kind.
// The mapped type keeps it exhaustive: a Check kind added to rulesets/types.ts without an entry
// here is a type error. content.ts dispatches every section check through `runSectionCheck`.

import type { ConditionContext } from '../../facts/facts';
import type { Requirement } from '../../rulesets/types';
import type { DocGroup } from '../context';
import type { Section } from '../section';
import { capabilities } from './capabilities';
import { diagram } from './diagram';
import { diagramPerPart } from './diagram-per-part';
import { endOfSupport } from './end-of-support';
import { factNamed } from './fact-named';
import { factText } from './fact-text';
import { factValuesNamed } from './fact-values-named';
import { flaggedRows } from './flagged-rows';
import { forbiddenWords } from './forbidden-words';
import { listingTable } from './listing-table';
import { listsFacts } from './lists-facts';
import { mentions } from './mentions';
import { namedItem } from './named-item';
import { requiresWords } from './requires-words';
import { riskTables } from './risk-tables';
import { traceability } from './traceability';
import type { CheckEntry, SectionCheck, SectionCheckKind } from './types';
import { vulnerabilityAssessment } from './vulnerability-assessment';

export type { CheckEntry, CheckHandler, CheckOf, SectionCheck, SectionCheckKind } from './types';

export const CHECKS: { readonly [K in SectionCheckKind]: CheckEntry<K> } = {
  'listing-table': listingTable,
  'risk-tables': riskTables,
  traceability,
  capabilities,
  'lists-facts': listsFacts,
  'fact-named': factNamed,
  'fact-text': factText,
  'fact-values-named': factValuesNamed,
  mentions,
  diagram,
  'requires-words': requiresWords,
  'named-item': namedItem,
  'forbidden-words': forbiddenWords,
  'diagram-per-part': diagramPerPart,
  'vulnerability-assessment': vulnerabilityAssessment,
  'end-of-support': endOfSupport,
  'flagged-rows': flaggedRows,
};

/** The registry entry of a check's kind, typed by that kind. */
export function entryOf<K extends SectionCheckKind>(kind: K): CheckEntry<K> {
  return CHECKS[kind];
}

/** Runs one section check through its kind's handler. */
export function runSectionCheck(group: DocGroup, r: Requirement, sec: Section, c: SectionCheck, cond: ConditionContext): void {
  entryOf(c.kind).run(group, r, sec, c, cond);
}
