// The vocabulary every part of a rule set shares: severities, localised texts, the conditions
// over product facts and the column roles of tables (re-exported by ../types.ts).

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
  /** The fact is valid (absent or invalid: unknown) — a derived fact over it stays unknown until it is set. */
  | { fact: string; known: true }
  /** A list with at least one value (absent: false). */
  | { fact: string; nonEmpty: true }
  /** A list of objects has an item whose key equals the value. */
  | { fact: string; anyItem: { key: string; equals: string } }
  /** Ordered enum: the first valid fact of `facts`, compared by position in `order`. */
  | { ordinal: { facts: string[]; order: string[]; atLeast?: string; equals?: string; below?: string } }
  /** The listing table of one of these requirements (anywhere in the dossier) has a product row. */
  | { tableHasRows: string[] }
  /** One of these requirements exists in the dossier and lists nothing (no product row). */
  | { tableListsNone: string[] }
  /** One of these requirements is answered somewhere in the dossier (any document of it). */
  | { answeredIn: string[] }
  /** Two facts of one ordered enum, both valid, compared by position in `order` (left op right). */
  | { compare: { left: string; right: string; order: string[]; op: 'lt' | 'gt' } }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

/** Logical column roles; the words that fill each are the rule set's column dictionary. */
export type ColumnRole = string;
