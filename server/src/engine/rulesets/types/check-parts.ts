// The larger parts of some checks, each with its own shape: the capability table, the
// vulnerability assessment and the statement elements (re-exported by ../types.ts).

import type { ColumnRole, Condition, Localized, Severity } from './base';

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
