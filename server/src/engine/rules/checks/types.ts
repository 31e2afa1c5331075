// The check registry's types (issue 15 item 3): one handler per Check kind that reads a section,
// like markdownlint's one rule per file. `statement` and `applies-when` are not here: they read
// the whole document or the answer, not a section, and content.ts runs them itself.

import type { ConditionContext } from '../../facts/facts';
import type { Code } from '../../codes';
import type { Check, Requirement } from '../../rulesets/types';
import type { DocGroup } from '../context';
import type { Section } from '../section';

export type CheckOf<K extends Check['kind']> = Extract<Check, { kind: K }>;

/** The kinds of check that run on the section answering their requirement. */
export type SectionCheckKind = Exclude<Check['kind'], 'statement' | 'applies-when'>;
export type SectionCheck = CheckOf<SectionCheckKind>;

/** Runs one check of kind K on the section answering requirement `r`; findings go to `sec.file`. */
export type CheckHandler<K extends SectionCheckKind> = (group: DocGroup, r: Requirement, sec: Section, c: CheckOf<K>, cond: ConditionContext) => void;

/** A registry entry: the handler and the codes it may report for a given check (their docs pages are tested). */
export interface CheckEntry<K extends SectionCheckKind> {
  run: CheckHandler<K>;
  codes: (c: CheckOf<K>) => readonly Code[];
}
