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

export interface CapabilityTable {
  /** Roles a header must fill to be a capability table (any one of them). */
  select: ColumnRole[];
  applicability: ColumnRole;
  /** Columns for the 实现方式 of an applicable row. */
  implementation: ColumnRole[];
  /** Columns for the reason of a not-applicable row. */
  reason: ColumnRole[];
  /** Columns that serve either answer (说明). */
  shared: ColumnRole[];
  /**
   * A column every applicable row must fill besides its implementation (FDA B1: the acceptance
   * criteria, V.B.1) — missing-column without it, incomplete-row on an applicable row left empty.
   */
  acceptance?: ColumnRole;
  /** Cells meaning applicable / not applicable (normalised, whole cell or leading word). */
  yes: string[];
  no: string[];
  /** A not-applicable reason shorter than this is not-applicable-without-reason. */
  minReason: number;
  /**
   * A capability's row whose applicability cell is neither a yes nor a no word (empty included:
   * "Partly") is incomplete-row (FDA B1, requirements-fda-premarket-2025.md §5).
   */
  answerRequired?: boolean;
}

export interface VulnerabilityCheck {
  kind: 'vulnerability-assessment';
  /** Severity levels that need a known and a residual count (0 allowed), each with its words. */
  levels: { id: string; label: Localized; words: string[] }[];
  /** Levels that may be listed but are not required (None). */
  optionalLevels: { id: string; words: string[] }[];
  /** Header / first-column words of the known and the residual counts, and of a total row. */
  known: string[];
  residual: string[];
  /** Words that look like `residual` but are not (剩余风险). */
  residualNot: string[];
  total: string[];
  /** The residual-vulnerability list: when it is required, its selecting and required roles. */
  residualList: {
    when: Condition;
    select: ColumnRole[];
    notSelect: string[];
    impact: ColumnRole;
    risk: ColumnRole;
    acceptability: ColumnRole;
    /** A table with this role's column and neither impact nor risk is the list of every known vulnerability (`cyberdossier vulns`), not the residual list. */
    inventory?: ColumnRole;
  };
  /** The tools / database table: when it is checked, how it is recognised, what it should have. */
  tools: {
    when: Condition;
    select: ColumnRole[][];
    required: ColumnRole[];
    version: ColumnRole;
    columnSeverity: Severity;
    /** Words that name a scanning tool and a vulnerability database (prose is accepted). */
    /**
     * Words that name a scanning tool and a vulnerability database (prose is accepted). `in`: ID
     * suffixes of the sub-sections that hold them (R3 + '.1' = 网络安全漏洞自评报告); when such a
     * sub-section applies but is missing, empty or answered 不适用, its own finding says it all.
     */
    named?: { tools: string[]; databases: string[]; clause: string; in?: string[] };
  };
  /** What each missing item is called in data.item and messages. */
  items: Record<'counts' | 'level' | 'residual-list' | 'tools', Localized>;
  /**
   * Where totals satisfy the counts (表2 at 轻微: "已知漏洞总数和剩余漏洞数", no levels): a table or
   * a sentence with the known and the residual total. With `severity`, a totals-only answer still
   * gets the per-level finding at that severity (the guideline asks for levels, a reviewer accepts
   * totals).
   */
  totals?: { when: Condition; severity?: Severity; message: Localized };
}

export interface StatementElement {
  item: string;
  /** Regular expressions (source text, matched case-insensitively against the plain body). */
  patterns: string[];
  /** The element is a table (any GFM table in the body), not text. */
  table?: boolean;
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

export interface RuleSet {
  id: string;
  name: Localized;
  /** Full title of the guideline. */
  guideline: Localized;
  kinds: DocumentKind[];
  scope: ScopeRule[];
  /** The guideline's scope in one phrase, for out-of-scope messages (一、适用范围). */
  scopeText: Localized;
  /** Clause data.clause carries for the scope and the not-applicable rule. */
  scopeClause: string;
  notApplicableClause: Localized;
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
  /**
   * Requirements whose listing table is the dossier's list of off-the-shelf software: compared
   * with the SBOM(s) a `.cyberdossierrc.yaml` names (`sbom:`) — inconsistent-fact.
   */
  otsTable?: { requirements: string[] };
  /**
   * The vulnerability assessments the configured vulnerability data (`vulnerabilities:`) is
   * matched against (rules/vulns.ts): each assessment requirement with its maintenance plan of
   * residual vulnerabilities, and the words of a listed vulnerability's status.
   */
  vulnerabilityData?: VulnerabilityData;
  /**
   * The support of components (requirements-fda-premarket-2025.md §10): the words and reference
   * date the `end-of-support` check reads, and the per-component check of the SBOM files.
   */
  componentSupport?: ComponentSupport;
  /** The frontmatter JSON Schema of this rule set. */
  schema: JsonSchema;
  /** The language of `quote` (default zh: the NMPA guidelines); `gloss` is in the other one. */
  quoteLanguage?: 'zh' | 'en';
  /** Default severities of the absence codes by requirement tier and the file's mode. */
  severityModes?: SeverityModes;
  /** Notices derived from the facts (not-a-cyber-device): one per file, nothing suppressed. */
  notices?: FactNotice[];
  /** Localised names of this rule set's column roles (over common.ts COLUMN_LABELS). */
  columnLabels?: Record<ColumnRole, Localized>;
  /** How titles are normalised and answers recognised without a heading (requirements.md §3a). */
  answers: AnswerRules;
}

export interface VulnerabilityData {
  /** `requirement`: where the dossier lists and counts its known vulnerabilities; `plan`: the maintenance plan of the residual ones. */
  assessments: { requirement: string; plan?: string }[];
  /** Words in a listed vulnerability's row that say it is fixed, or does not affect the device (longer words win). */
  status: { fixed: string[]; notAffected: string[] };
  /** The clause the data findings cite besides the requirement's (FDA: the KEV catalog). */
  clause?: string;
}

/**
 * Severity by tier and mode (requirements-fda-premarket-2025.md §1): a file is in `reduced` mode
 * when the condition holds on its facts (else normal, unknown included: an unknown never lowers a
 * severity). Only the listed absence codes follow it, and a configured severity always wins.
 */
export interface SeverityModes {
  reduced: Condition;
  /** Severity of each tier in each mode. */
  tiers: Record<string, { normal: Severity; reduced: Severity }>;
  /**
   * Absence codes: `'requirement'` — the tier of data.requirement; `{ tier }` — a fixed tier;
   * `{ normal, reduced }` — fixed severities.
   */
  codes: Record<string, 'requirement' | { tier: string } | { normal: Severity; reduced: Severity }>;
}

/**
 * A notice from the facts: when one of `facts` (in order) is validly `equals`, `code` is reported
 * once per file on that value (when the file writes it) or on line 0, `data[dataKey]` the fact's
 * last path segment.
 */
export interface FactNotice {
  code: string;
  facts: string[];
  equals: string | boolean;
  dataKey: string;
  clause: string;
  /** `{fact}` is replaced by the fact's path. */
  message: Localized;
}

/** English title normalisation (requirements-fda-premarket-2025.md §3.1), word by word. */
export interface EnglishAnswerRules {
  /** Leading words removed while others remain (multi-word entries match consecutive words). */
  leading: string[];
  trailing: string[];
  /** Words removed wherever they stand. */
  dropped: string[];
  /** Spelling folds per word (modelling → modeling). */
  spelling: Record<string, string>;
}

/**
 * What makes a component supported, and the check of the SBOM files an rc names (`sbom:`):
 * every software component has each element of `elements`, and is not past its end of support
 * without a justification. Findings about the files land on `requirement`'s heading in the first
 * file of its document kind (else that file's first line after the frontmatter).
 */
export interface ComponentSupport {
  requirement: string;
  /** data.clause of sbom-component-incomplete and of end-of-support-passed. */
  clauses: { incomplete: string; passed: string };
  /** Fact path of the reference date; when absent, the engine's today. */
  referenceDate: string;
  /** A level of support that contains one of these (normalised) says "not supported". */
  notSupported: string[];
  /** The same, as whole tokens only (`eol`). */
  notSupportedTokens: string[];
  /** A justification has at least this many characters that are neither whitespace nor punctuation. */
  minJustification: number;
  /** Bare not-applicable words (a value that is one of them, without a reason, is not given). */
  notApplicable: string[];
  /** Table type cells (whole, normalised) that name hardware: not checked. */
  hardware: string[];
  /** SBOM component types that are not software components (beyond those the reader leaves out). */
  notSoftwareTypes: string[];
  /** Check the SBOM files component by component (sbom-component-incomplete, end-of-support-passed). */
  files: boolean;
}

/**
 * The normalisation of §3a, as data beside the catalogue: words folded away before titles are
 * compared (prefixes, suffixes), conjunctions that join several items in one title, and the
 * words that name a kind of document (a shared stem: 测试计划和报告 = 测试计划 + 测试报告).
 */
export interface AnswerRules {
  /** Leading words dropped before comparison (网络安全, 医疗器械, 产品). */
  prefixes: string[];
  /** Trailing words dropped before comparison (报告, 文档, 资料, …). */
  suffixes: string[];
  /** Words and signs that join items (和, 与, 及, 、, and); compared as one. */
  conjunctions: string[];
  /** Words that name a document type; after a conjunction alone they share the stem before. */
  typeWords: string[];
  /** Word-based English normalisation, in addition to the above (the FDA rule set). */
  english?: EnglishAnswerRules;
  /** `NA` and `Not required` are negative answers too (common.ts NOT_APPLICABLE_EXTRA). */
  extraNotApplicable?: boolean;
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
