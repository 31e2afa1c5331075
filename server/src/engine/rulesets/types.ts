// The shape of a rule set. A rule set is data: requirements, conditions, content checks,
// submission logic and texts. The rules in ../rules interpret it and never ask which guideline
// they are running.

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

export interface Localized {
  zh: string;
  en: string;
}

/**
 * Conditions over the validated product facts (dotted paths into the merged frontmatter).
 * Evaluation is three-valued: a fact whose value was invalid makes a comparison unknown, and an
 * unknown condition requires nothing ("an invalid value decides nothing").
 */
export type Condition =
  | { always: true }
  | { fact: string; equals: string | boolean | number }
  | { fact: string; in: (string | boolean | number)[] }
  | { fact: string; present: true }
  | { fact: string; absent: true }
  | { fact: string; includes: string }
  /** A list of objects has an item whose key equals the value. */
  | { fact: string; anyItem: { key: string; equals: string } }
  /** Ordered enum: the first valid fact of `facts`, compared by position in `order`. */
  | { ordinal: { facts: string[]; order: string[]; atLeast?: string; equals?: string; below?: string } }
  /** The listing table of one of these requirements (anywhere in the dossier) has a product row. */
  | { tableHasRows: string[] }
  /** One of these requirements exists in the dossier and lists nothing (no product row). */
  | { tableListsNone: string[] }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

/** Logical column roles; the words that fill each are the rule set's column dictionary. */
export type ColumnRole = string;

export type Check =
  /** A listing table (OTS, security software, patches): required columns, rows, versions. */
  | {
      kind: 'listing-table';
      /** Roles a header must have for the table to be this section's table. */
      select: ColumnRole[];
      required: ColumnRole[];
      /** Role whose cells must be full versions. */
      version?: ColumnRole;
      /** missing-column severity override (e.g. a "should" table). */
      columnSeverity?: Severity;
    }
  /** Risk tables: every residual risk acceptable. */
  | { kind: 'risk-tables' }
  /** The traceability table: required groups, rows complete, IDs traced. */
  | { kind: 'traceability'; select: ColumnRole[]; required: ColumnRole[] }
  /** Each capability of a set addressed in the section. */
  | { kind: 'capabilities'; set: string }
  /** Each named protocol / format of the frontmatter mentioned in the section. */
  | { kind: 'lists-facts'; facts: { list: string; key: string }[] }
  /** The section (or whole body) states these elements (authenticity statement). */
  | { kind: 'statement'; elements: StatementElement[] };

export interface StatementElement {
  item: string;
  /** Regular expressions (source text, matched case-insensitively against the plain body). */
  patterns: string[];
  label: Localized;
  /** Text the quick fix inserts; `{today}` becomes the current date (YYYY-MM-DD). */
  template: Localized;
}

export interface Requirement {
  id: string;
  title: Localized;
  /** The complete built-in set of other titles (requirements.md §3). */
  synonyms: string[];
  condition?: Condition;
  clause: string;
  /** Default severity of missing-section for this requirement, when not error. */
  missingSeverity?: Severity;
  /** The guideline's own sentence (zh) and an English gloss, for hovers and docs. */
  quote: string;
  gloss: string;
  /** What the section must contain. */
  content: Localized;
  /** Body inserted by the quick fix and snippets (placeholders the user must replace). */
  template: Localized;
  checks?: Check[];
  /** The whole document is this requirement (statement kinds): no heading is needed. */
  wholeDocument?: boolean;
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

export interface RuleSet {
  id: string;
  name: Localized;
  /** Full title of the guideline. */
  guideline: Localized;
  kinds: DocumentKind[];
  scope: ScopeRule[];
  submission: SubmissionCase[];
  contradictions: Contradiction[];
  /** Keys required only when a condition holds (e.g. `updates` for a change). */
  requiredWhen: { when: Condition; fact: string }[];
  /** Default severities that differ from the code's default under this rule set. */
  codeSeverity?: Partial<Record<string, Severity>>;
  /** Severity of capability-unaddressed per requirement (overrides codeSeverity). */
  capabilities: Record<string, Capability[]>;
  columns: Record<ColumnRole, string[]>;
  /** Risk tables: header roles that make a table a risk table, and the acceptability order. */
  risk: { select: ColumnRole[][]; acceptability: ColumnRole[]; unacceptable: string[] };
  /** Frontmatter facts that must be full versions. */
  versionFacts: string[];
  /** The frontmatter JSON Schema of this rule set. */
  schema: JsonSchema;
}

export interface JsonSchema {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: (string | number | boolean)[];
  minItems?: number;
  uniqueItems?: boolean;
  $ref?: string;
  definitions?: Record<string, JsonSchema>;
  /** zh label of the key. */
  'x-label-zh'?: string;
  /** zh description. */
  'x-description-zh'?: string;
  /** zh labels of enum values. */
  'x-enum-labels-zh'?: Record<string, string>;
  /** Accepted aliases → canonical enum value. */
  'x-aliases'?: Record<string, string | number | boolean>;
  /** Requirement IDs this key switches on (hover). */
  'x-requirements'?: string[];
  [k: string]: unknown;
}
