// The checklist's JSON shape (issue 7): what goes over LSP (cyberdossier/checklist) and what the
// report renderers print. Types only; checklist.ts builds it.

import type { Locale, Localized, Range, Severity, Totals } from '../engine';
import type { FactLeaf } from './explain';
import type { RequirementStatus } from './view';

export interface ChecklistLocation {
  path: string;
  /** Relative to the dossier folder, `/`-separated. */
  relPath: string;
  uri: string;
  /** 0-based line of the heading (or of the anchor). */
  line: number;
  range: Range;
}

export interface FindingCount {
  total: number;
  error: number;
  warning: number;
  info: number;
  hint: number;
  highest?: Severity;
}

/** Enough for a client to ask for the code action: the diagnostic as the server published it. */
export interface QuickFix {
  path: string;
  uri: string;
  diagnostic: { code: string; range: Range; severity: Severity; message: Localized; data: Record<string, unknown> };
}

export interface SwitchedOff {
  /**
   * condition: its condition is false (facts); unknown: an invalid fact decides nothing;
   * changes-only: a change submission's T/I documents describe changes only; suppressed: turned
   * off in configuration or by a suppression comment; parent: its parent is not required;
   * document: the document itself is not part of this submission.
   */
  kind: 'condition' | 'unknown' | 'changes-only' | 'suppressed' | 'parent' | 'document';
  /** The facts with their actual values (condition / unknown / parent). */
  facts: FactLeaf[];
  text: Localized;
}

export interface ChecklistItem {
  id: string;
  title: Localized;
  clause: string;
  /** 0 for a top-level requirement (D1), 1 for D1.1, … */
  depth: number;
  parent?: string;
  status: RequirementStatus;
  /** Counts in M (“N of M required sections present”). */
  required: boolean;
  /** Recommended only (the guideline says 可): shown, not counted. */
  recommended: boolean;
  /** Counts in N: present, or not applicable with a reason. */
  satisfied: boolean;
  /** The short line a view shows beside the status (reason, switched-off fact, placeholder…). */
  note?: Localized;
  /** not-applicable: the reason's first sentence as written ('' when none was given). */
  reason?: string;
  /** not-applicable: the ancestor whose 不适用 answer covers this one. */
  coveredBy?: string;
  switchedOff?: SwitchedOff;
  /** A conditional requirement that applies: the facts that switched it on. */
  requiredBecause?: Localized;
  /** empty: the placeholders left (none when the section has no content at all). */
  placeholders?: string[];
  /** missing (statement kinds): the elements not found. */
  missingItems?: string[];
  location?: ChecklistLocation;
  /** Answered without a heading (requirements.md §3a): how, and the reference when it gives one. */
  answeredBy?: { kind: 'label' | 'row' | 'reference'; reference?: string };
  /** missing: a heading for it that sits in the wrong place. */
  misplacedAt?: ChecklistLocation;
  findings: FindingCount;
  quickFix?: QuickFix;
}

export type DocumentStatus = 'present' | 'missing' | 'rejected' | 'unchecked' | 'not-required';

export interface Counts {
  /** M: required sections. */
  required: number;
  /** N: required sections present (or not applicable with a reason). */
  present: number;
  byStatus: Record<RequirementStatus, number>;
  findings: FindingCount;
}

export interface ChecklistDocument {
  kind: string;
  name: Localized;
  clause: string;
  /** What the submission says of this kind. */
  role: 'required' | 'accepted' | 'rejected' | 'other';
  status: DocumentStatus;
  note?: Localized;
  files: { path: string; relPath: string; uri: string }[];
  requirements: ChecklistItem[];
  counts: Counts;
  /** missing: what a client needs to create it (the `cyberdossier.newDocument` command). */
  create?: { kind: string; ruleset: string; folder: string; folderUri: string; fileName: string };
  /** Other kinds that would do instead (a requirement with alternatives). */
  alternatives?: string[];
}

export interface Checklist {
  version: 1;
  locale: Locale;
  /** The dossier folder (the dossier.yaml's folder; a lone file's folder). */
  root: string;
  rootUri: string;
  /** Product name and model, else the folder's name. */
  name: string;
  dossierYaml?: { path: string; uri: string };
  ruleset: { id: string; name: Localized; guideline: Localized };
  product: { name?: string; model?: string; class?: string; softwareVersion?: string };
  submission: {
    /** The `submission` fact and `updates`, as declared. */
    value?: string;
    updates?: string[];
    label?: Localized;
    clause?: string;
    needs: string[];
    accepts: string[];
    rejects: string[];
    /** Why no case applies (no or invalid `submission`, a change without `updates`…). */
    problem?: Localized;
  };
  scope: { applies: boolean; reason?: Localized };
  documents: ChecklistDocument[];
  /** The dossier: every document except rejected ones; missing documents count fully. */
  counts: Counts;
  /** Findings on dossier.yaml and on files that are not of a listed kind. */
  otherFindings: FindingCount;
  /**
   * Every finding of the dossier (its documents, rejected ones included, dossier.yaml, the rc
   * file): the totals every surface shows (engine/totals.ts) — the CLI's summary of the folder.
   */
  totals: Totals;
}

export interface ChecklistOptions {
  /** file path → URI (the language server passes vscode-uri's). */
  toUri?: (file: string) => string;
  /** Check again instead of using the engine's last state. */
  fresh?: boolean;
}
