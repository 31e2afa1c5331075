// A rule set as a whole and the data it carries beside its requirements: severity modes, notices,
// component support, vulnerability data and the answer rules of title matching (re-exported by
// ../types.ts).

import type { ColumnRole, Condition, Localized, Severity } from './base';
import type { Capability, Contradiction, DocumentKind, ScopeRule, SubmissionCase } from './requirements';
import type { JsonSchema } from './schema';

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
