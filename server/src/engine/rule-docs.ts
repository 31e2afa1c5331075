// The content of docs/rules/<code>.md by code: what each code reports, why (the clause), a bad and
// a good example, how to fix it, and the choices we made where the spec is silent. Each page is
// written beside its code's severity and title in the family modules under descriptors/; the
// pages are generated from this view and the rule sets (scripts/gen-docs.ts), and a test runs
// every example through the engine, so the docs cannot drift from the checker.

import { ALL_CODES, CODE_SOURCES, type Code } from './codes';
import type { RuleDoc } from './descriptors/types';

export type { RuleDoc } from './descriptors/types';

/** A code's page content: its descriptor without the severity and the title. */
function docOf(code: Code): RuleDoc {
  const { severity, title, ...doc }: (typeof CODE_SOURCES)[Code] = CODE_SOURCES[code];
  return doc;
}

export const RULE_DOCS: Record<Code, RuleDoc> = Object.fromEntries(ALL_CODES.map((code) => [code, docOf(code)])) as Record<Code, RuleDoc>;
