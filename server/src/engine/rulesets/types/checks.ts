// The content checks a requirement may carry: one variant per kind of check, interpreted by the
// check registry in ../../rules (re-exported by ../types.ts).

import type { ColumnRole, Condition, Localized, Severity } from './base';
import type { CapabilityTable, StatementElement, VulnerabilityCheck } from './check-parts';

export type Check =
  /**
   * A listing table (OTS, security software, patches, data, interfaces, vulnerability tools):
   * required columns, complete rows, full versions. A table is this section's table when its
   * header fills every `select` role.
   */
  | {
      kind: 'listing-table';
      /** Roles a header must have for the table to be this section's table. */
      select: ColumnRole[];
      required: ColumnRole[];
      /** Role whose cells must be full versions. */
      version?: ColumnRole;
      /** missing-column severity override (e.g. a "should" table). */
      columnSeverity?: Severity;
      /** Role whose cell names the row's item (a 无 / 不适用 there is not an item); default `name`. */
      rowKey?: ColumnRole;
      /**
       * Roles that may be given without a column: the table passes when every item row names one
       * of the role's words in some cell (one 内容 column holding 具体内容, 功能 and 用途).
       */
      inCells?: Record<ColumnRole, string[]>;
      /** Only tables that are not risk tables (classification order). */
      unless?: 'risk';
      /** Tables whose header fills one of these roles belong to another check (an interface table is not a data table). */
      notSelect?: ColumnRole[];
      /**
       * Header matching of requirements-fda-premarket-2025.md §3.2 (opt-in): a Latin word fills a
       * role when it is a prefix of one of the cell's tokens, and each header cell gets at most
       * one role — the first of this list whose words it contains.
       */
      precedence?: ColumnRole[];
      /** This table's role words (over the rule set's `columns`). */
      columns?: Record<ColumnRole, string[]>;
      /** incomplete-row severity override. */
      rowSeverity?: Severity;
      /**
       * The tier (rule set's `severityModes`) whose severity missing-column and incomplete-row take,
       * when not the requirement's (a "should" table inside a tier-A section: the FDA tools table).
       */
      tier?: string;
      /**
       * requirements-fda-premarket-2025.md §3.2 (opt-in): a required cell that is a bare
       * not-applicable answer (one of `words` without `minReason` reason characters) is
       * not-applicable-without-reason on the cell; one with a reason is filled, and a version cell so
       * answered is not a version to check. `filled`: words that fill this table's cells as they
       * are (a CWE cell "None").
       */
      notApplicableCells?: { words: string[]; minReason: number; filled?: string[] };
      /** Rows whose cell in `role` is (whole, normalised) one of `values` are not items: never checked (hardware in an SBOM table). */
      skipRows?: { role: ColumnRole; values: string[] };
    }
  /** Risk tables: every residual risk acceptable. */
  | { kind: 'risk-tables' }
  /**
   * The traceability table: a column group per required role (several columns may share a role,
   * e.g. 概要设计 and 详细设计), rows complete (a non-empty cell in every group), IDs traced.
   */
  | {
      kind: 'traceability';
      select: ColumnRole[];
      required: ColumnRole[];
      /** The header must also fill one of these roles (FDA K9: *test* and one of *threat* or *risk*). */
      selectOneOf?: ColumnRole[];
      /** As the listing table's: a required cell that is a bare not-applicable answer is not-applicable-without-reason on it. */
      notApplicableCells?: { words: string[]; minReason: number; filled?: string[] };
    }
  /** Each capability of a set addressed in the section; optionally a capability table's answers. */
  | {
      kind: 'capabilities';
      set: string;
      /** capability-unaddressed severity here (overrides the code's default). */
      severity?: Severity;
      table?: CapabilityTable;
      /** Capabilities that cannot be answered 不适用 while a condition holds (inconsistent-fact). */
      mustApply?: { capability: string; when: Condition; message: Localized; severity?: Severity }[];
    }
  /** Each named protocol / format of the frontmatter mentioned in the section. */
  | {
      kind: 'lists-facts';
      facts: { list: string; key: string; where?: { key: string; equals: string } }[];
      /** What the section is for, in the message ("must name every standard protocol"). */
      what?: Localized;
    }
  /** The section (or whole body) states these elements (authenticity statement). */
  | { kind: 'statement'; elements: StatementElement[] }
  /**
   * The value of each fact (by its enum labels, values and aliases) is named on a line of the
   * section that also holds one of `lineWords` (not after an unchecked box) — inconsistent-fact.
   */
  | { kind: 'fact-named'; facts: { fact: string; when?: Condition }[]; lineWords: string[]; what: Localized }
  /**
   * Every value of a list fact is named (by its labels) in the section, and a value named in the
   * `column` of a listing table there must be declared — inconsistent-fact. Longer labels are
   * matched first, so 非敏感医疗数据 never counts as 敏感医疗数据.
   */
  | { kind: 'fact-values-named'; fact: string; column?: { select: ColumnRole[]; role: ColumnRole } }
  /** The section mentions one of the words when a condition holds (else `code` on its heading). */
  | {
      kind: 'mentions';
      when: Condition;
      words: string[];
      code: string;
      message: Localized;
      /** Added to the finding's data (the fact the check reads: `fact`, `value`). */
      data?: Record<string, string | boolean>;
    }
  /**
   * The value of a text fact (a prior submission number) appears in the section, compared without
   * whitespace and case — else inconsistent-fact on `anchor`'s heading when the sub-section is
   * there (with its ID as data.requirement), else on the section's. `{value}` in the message is the
   * fact's value. Nothing is checked while the fact is not a valid string.
   */
  | { kind: 'fact-text'; fact: string; anchor?: string; message: Localized }
  /** The section holds a diagram (image, diagram fence, figure reference) — missing-diagram. */
  | { kind: 'diagram'; what: Localized; exempt?: { words: string[]; label: Localized } }
  /**
   * The support of the components a table lists (requirements-fda-premarket-2025.md §10.1): an end
   * of support earlier than the reference date, or a level of support that says the component is
   * not supported, without a justification in the row — end-of-support-passed. The table is
   * recognised as a listing table's (`select`, `precedence`, `columns`); the words and the
   * reference date are the rule set's `componentSupport`.
   */
  | {
      kind: 'end-of-support';
      select: ColumnRole[];
      precedence?: ColumnRole[];
      columns?: Record<ColumnRole, string[]>;
      roles: { name: ColumnRole; eos: ColumnRole; support: ColumnRole; justification: ColumnRole; type?: ColumnRole };
    }
  /**
   * Rows flagged in one column and not resolved (a vulnerability listed in CISA's Known Exploited
   * Vulnerabilities Catalog and not designed out): `code` on the row.
   */
  | {
      kind: 'flagged-rows';
      select: ColumnRole[];
      precedence?: ColumnRole[];
      columns?: Record<ColumnRole, string[]>;
      /** The row's item (a 无 / None there is not an item). */
      key: ColumnRole;
      flag: ColumnRole;
      /** Flag cells meaning yes (normalised: the whole cell or its first word). */
      yes: string[];
      /** Roles whose cell may say the row is resolved: the first non-empty one is read. */
      resolvedBy: ColumnRole[];
      /** Words (normalised substrings) meaning resolved. */
      resolved: string[];
      code: string;
      /** data.requirement and data.clause when they are not the section's. */
      requirement?: string;
      clause?: string;
      /** `{key}` is the key cell's text. */
      message: Localized;
      /** data key of the key cell's text. */
      dataKey: string;
    }
  /**
   * Each group has one of its words in the section (else `code`, with the unmet groups). With
   * `source: 'lines'` the section's source lines are read (a mermaid chart's labels count).
   */
  | {
      kind: 'requires-words';
      code: string;
      /** `hintOnly`: a group whose absence alone is reported as a hint (an element often left implicit). */
      groups: { words: string[]; label: Localized; hintOnly?: boolean }[];
      message: Localized;
      when?: Condition;
      severity?: Severity;
      source?: 'text' | 'lines';
      /** The guideline clause the message cites, when not the requirement's. */
      clause?: string;
      /** Up to this many unmet groups are reported as a hint only (a phase a flow chart leaves implicit). */
      tolerate?: number;
      /** Words naming a document that holds the groups itself (应急响应预案): named, nothing is required. */
      exempt?: string[];
    }
  /**
   * An item the section must hold without being a requirement of its own (the version naming rule
   * in 软件信息): a line naming it, whose paragraph holds each content group — else `code`.
   * Nothing is required when `unless` holds (the item is answered elsewhere in the dossier).
   */
  | {
      kind: 'named-item';
      names: string[];
      label: Localized;
      when: Condition;
      unless?: Condition;
      code: string;
      missing: Localized;
      /** Severity of `missing` (the content finding keeps the code's default). */
      severity?: Severity;
      content?: { groups: { words: string[]; label: Localized }[]; message: Localized };
      clause: string;
    }
  /**
   * Words that must not stand in the rows (or sentences) that describe one value of a column
   * (personal information in 设备数据): `code`, unless a negation stands just before the word.
   */
  | {
      kind: 'forbidden-words';
      select: ColumnRole[];
      role: ColumnRole;
      /** The row's (or sentence's) subject: a cell or sentence start naming one of these. */
      subject: string[];
      /** Subjects that contain a subject word but are another value (非敏感医疗数据). */
      subjectNot?: string[];
      words: string[];
      negations: string[];
      code: string;
      message: Localized;
      clause: string;
    }
  /**
   * Each part of the section (a sub-heading or a labelled paragraph: one use scenario) holds a
   * diagram; when `also` holds, one part must name one of `also.words` (the remote maintenance
   * scenario) — missing-diagram.
   */
  | { kind: 'diagram-per-part'; what: Localized; also?: { when: Condition; words: string[]; label: Localized } }
  /**
   * The section must not be answered not applicable while a condition holds (the facts say it
   * applies: an SBOM for a cyber device) — `inconsistent-fact` on the not-applicable text.
   */
  | { kind: 'applies-when'; when: Condition; fact: string; message: Localized; severity?: Severity }
  /** Vulnerability counts by severity level, the residual list and the tools (see VulnerabilityCheck). */
  | VulnerabilityCheck;

/**
 * Where a check runs: the requirement's subtree; with `orParent`, the nearest present ancestor's
 * subtree when the requirement's own heading is absent (a warning-level sub-section).
 */
export interface CheckScope {
  orParent?: boolean;
}
