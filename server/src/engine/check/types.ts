// The shapes one dossier check passes between its stages (check/dossier.ts), and the seam
// through which the stages reach the engine's caches (configuration, file analyses, models).

import type { Code, Finding, FindingData, RelatedPlace } from '../codes';
import type { Config } from '../config';
import type { PathScope } from '../configured-file';
import type { YamlResult } from '../facts/yaml';
import type { Host } from '../host';
import type { IdOccurrence } from '../ids';
import type { DocModel } from '../model';
import type { DossierState } from '../rules/context';
import type { Localized, Severity } from '../rulesets/types';
import type { SbomReader } from '../sbom-reader';
import type { ScanResult } from '../scan';
import type { LineIndex, Range } from '../text';

export interface Diagnostic {
  code: Code;
  severity: Severity;
  message: Localized;
  range: Range;
  data: FindingData;
  /** Other places of the finding (the language server's relatedInformation). */
  related?: RelatedPlace[];
}

export interface FileReport {
  path: string;
  /** The document kind, or null (not a dossier file, dossier.yaml, an rc file). */
  document: string | null;
  isDossierFile: boolean;
  ruleset?: string;
  diagnostics: Diagnostic[];
}

export interface InternalFailure {
  /** The rule family that threw (frontmatter, scope, document-kind, structure, content, …). */
  rule: string;
  /** The file or dossier it was checking. */
  path: string;
  message: string;
  stack?: string;
}

/** A file as read and scanned (cached per file by the host's version token). */
export interface Analysis {
  version: string | undefined;
  text: string;
  size: number;
  lines: LineIndex;
  scan: ScanResult;
  yaml?: YamlResult;
  model?: DocModel;
  ids?: { key: string; ids: IdOccurrence[] };
}

/** What governs a group of files: a dossier.yaml (its folder is one dossier), or nothing (a file alone). */
export type DossierKey = { kind: 'dossier'; yamlPath: string } | { kind: 'single'; file: string };

/** One dossier to check. */
export interface DossierTarget {
  /** Every file of the dossier (sorted); all are analysed, results come for all of them. */
  members: string[];
  yamlPath?: string;
  /** 'folder': the dossier is checked as its folder (missing-document applies); 'files': only some of its files were asked for. */
  scope: 'folder' | 'files';
}

/**
 * How much of a dossier a pass checks. 'full': every family. 'outline': from the heading scan
 * alone (no remark) — frontmatter, missing and duplicate sections whose answer cannot depend on
 * a body; possible only when the scan sees every heading with certainty.
 */
export type CheckPass = 'full' | 'outline';

export interface DossierResult {
  files: FileReport[];
  yaml?: FileReport;
  /** Findings on rc files (their own problems, and the configured paths they name). */
  rcFindings: Map<string, Finding[]>;
  state: DossierState;
}

/** A pass's outcome: checked, or (outline pass only) no safe outline answer. */
export type DossierOutcome = { kind: 'checked'; result: DossierResult } | { kind: 'no-outline' };

/** The engine's options a check reads. */
export interface CheckOptions {
  /** Rule families made to throw (fault-injection tests of the containment). */
  faults?: readonly string[];
  onInternalError?: (failure: InternalFailure) => void;
  /** Write the vulnerability index beside the data (default true). */
  vulnerabilityCache?: boolean;
  today?: () => Date;
  /** The SBOM reader port (EngineOptions.sbom). */
  sbom?: SbomReader;
}

/** What the stages of a check read from the engine (its caches stay the engine's). */
export interface CheckSeam {
  readonly host: Host;
  readonly options: CheckOptions;
  configFor(file: string): { config: Config; rc?: string; findings: Finding[] };
  /** The file read and scanned, cached; undefined when it cannot be read. */
  analyze(file: string, maxSize: number): Analysis | undefined;
  isDossierFile(file: string, a: Analysis, config: Config): boolean;
  /** The full model of an analysed file (parsed through the chunk cache), cached on the analysis. */
  modelOf(a: Analysis): DocModel;
  pathScope(config: Config, file?: string): PathScope;
}
