// Requirements and the document kinds that hold them, with the dossier-level data beside them:
// mention checks, submission cases, capabilities, contradictions, scope (re-exported by ../types.ts).

import type { Condition, Localized, Severity } from './base';
import type { Check, CheckScope } from './checks';

export interface Requirement {
  id: string;
  title: Localized;
  /** The complete built-in set of other titles (requirements.md §3). */
  synonyms: string[];
  condition?: Condition;
  clause: string;
  /** Default severity of missing-section for this requirement, when not error. */
  missingSeverity?: Severity;
  /** Severity tier (RuleSet.severityModes): the absence codes about this requirement follow it. */
  tier?: string;
  /** The guideline's own sentence (zh) and an English gloss, for hovers and docs. */
  quote: string;
  gloss: string;
  /** What the section must contain. */
  content: Localized;
  /** Body inserted by the quick fix and snippets (placeholders the user must replace). */
  template: Localized;
  checks?: (Check & CheckScope)[];
  /** The whole document is this requirement (statement kinds): no heading is needed. */
  wholeDocument?: boolean;
  /**
   * Where the answer may stand when the guideline fixes no place for it (the 2017 version naming
   * rule): `document` — anywhere in the document kind, not only under its parent (§3a).
   */
  placement?: 'document';
}

export interface DocumentKind {
  id: string;
  prefix: string;
  name: Localized;
  aliases: string[];
  clause: string;
  /** When the kind is required (Localized summary for docs and hovers). */
  when: Localized;
  requirements: Requirement[];
  /** Document-level mention checks (privacy). */
  mentions?: MentionCheck[];
  /** Grouping headings that carry no requirement but may hold top-level ones (documentation). */
  transparent?: string[];
}

export interface MentionCheck {
  code: string;
  when: Condition;
  words: string[];
  /** Requirement whose heading carries the finding; else the fact's value; else the body start. */
  anchors: string[];
  fact: string;
  /** The message (what the guideline asks and why) and the clause it cites. */
  message: Localized;
  clause: string;
  /** data.requirement of the finding (none when the whole document is meant). */
  requirement?: string;
}

export interface SubmissionCase {
  when: Condition;
  label: Localized;
  clause: string;
  /** Each entry is a kind, or alternatives of which one suffices. */
  required: (string | string[])[];
  accepted: string[];
  wrong: string[];
  /** Kinds whose sections describe changes only: present sections are checked, none is missing. */
  changesOnly?: string[];
}

export interface Capability {
  code: string;
  zh: string;
  en: string;
  synonyms: string[];
}

export interface Contradiction {
  when: Condition;
  /** Fact path the finding lands on. */
  at: string;
  message: Localized;
}

export interface ScopeRule {
  when: Condition;
  /** Fact path the finding lands on; undefined = line 0. */
  at?: string;
  reason: Localized;
}

/** Per-kind, per-code severity overrides (capability-unaddressed is an error in R1.3). */
export type KindSeverity = Partial<Record<string, Severity>>;
