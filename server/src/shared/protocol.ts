// Custom requests between the VS Code client and the server (also usable by other editors).
// Names are public: add, never rename.

import type { Locale } from '../engine';

export const CheckWorkspaceRequest = 'cyberdossier/checkWorkspace';
export interface CheckWorkspaceResult {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
}

export const StatusRequest = 'cyberdossier/status';
export interface StatusParams {
  uri: string;
}

export const SkeletonRequest = 'cyberdossier/skeleton';
export interface SkeletonParams {
  kind: string;
  lang: 'zh' | 'en';
  ruleset?: string;
}
export interface SkeletonResult {
  text: string;
  fileName: string;
}

export const KindsRequest = 'cyberdossier/kinds';
export interface KindInfo {
  ruleset: string;
  id: string;
  name: { zh: string; en: string };
}

/** initializationOptions the VS Code client sends. */
export interface InitializationOptions {
  locale?: string;
  /** The client implements `cyberdossier.selectRange` (cursor on the first placeholder). */
  selectRangeCommand?: boolean;
  /** The client implements `cyberdossier.migrateTo2022` (the migration code action runs it). */
  migrateCommand?: boolean;
  /**
   * Whether the workspace is trusted (VS Code's Workspace Trust). false: Restricted Mode — the
   * rc keys that name files or load patterns (ids, dossierGlobs, sbom, export) are not applied,
   * each reported as an info-level config-invalid, until a TrustNotification says true. Absent:
   * trusted (a client without the notion).
   */
  trusted?: boolean;
}

/** Client → server: the workspace's trust changed (granted in VS Code; it is never revoked without a reload). */
export const TrustNotification = 'cyberdossier/didChangeTrust';
export interface TrustParams {
  trusted: boolean;
}

/** Sent after diagnostics of a document version were published: `complete` false for the quick
 * structural answer that precedes the full check of a large document. */
export const CheckedNotification = 'cyberdossier/checked';
export interface CheckedParams {
  uri: string;
  version: number;
  complete: boolean;
}

/** Version, process id and memory of the server (diagnostics, soak tests, restart tests). */
export const ServerInfoRequest = 'cyberdossier/serverInfo';
export interface ServerInfo {
  version: string;
  pid: number;
  rssBytes: number;
  heapUsedBytes: number;
  documents: number;
  /** Entries held by the engine's caches. */
  caches: { analyses: number; states: number; files: number; lookups: number; chunks: number; chunkChars: number };
}

/**
 * The requirement checklist of the dossier holding a file, or of a dossier folder (issue 7):
 * a `Checklist` (server/src/features/checklist.ts), or null when the URI is in no dossier.
 */
export const ChecklistRequest = 'cyberdossier/checklist';
export interface ChecklistParams {
  uri: string;
}

/** The checklists of every dossier at or below a folder (the workspace view): `Checklist[]`. */
export const ChecklistsRequest = 'cyberdossier/checklists';
export interface ChecklistsParams {
  uri: string;
}

/** The submission report of a dossier (file or folder URI), rendered by the server. */
export const ReportRequest = 'cyberdossier/report';
export interface ReportParams {
  uri: string;
  format: 'html' | 'md' | 'csv';
  locale?: Locale;
  /** csv only: the checklist (default) or the traceability matrix. */
  table?: 'checklist' | 'trace';
}
export interface ReportResult {
  text: string;
  /** A suggested file name, e.g. `monitor-report.html`. */
  fileName: string;
}

/**
 * Import a Word document (issue 8): writes the Markdown file, its images (`<name>.assets/`) and
 * the import report (`<name>.import-report.md`) beside it, then checks the Markdown. Fails (a
 * response error with a readable message) when the .docx cannot be read, or when an output exists
 * and `force` is not set.
 */
export const ImportDocxRequest = 'cyberdossier/importDocx';
export interface ImportDocxParams {
  /** The .docx. */
  uri: string;
  /** The Markdown file to write; default: the .docx with .md. */
  outUri?: string;
  /** Document kind id or zh name; guessed from the headings when absent. */
  kind?: string;
  /** Overwrite existing outputs (the client asked the user, e.g. through a save dialog). */
  force?: boolean;
}
export interface ImportDocxResult {
  markdownUri: string;
  reportUri: string;
  /** The report as written (Markdown, in the file's locale). */
  reportMarkdown: string;
  /** The report as data (server/src/word/types.ts ImportReport). */
  report: import('../word/types').ImportReport;
  /** The document kind written to `document:`, and whether it was guessed. */
  kind: string;
  guessed: boolean;
  /** Findings of the check of the written file. */
  errors: number;
  warnings: number;
}

/**
 * Export a dossier file or folder to Word. When the dossier has errors and `force` is not set,
 * nothing is written: `written` is false and `errors` / `firstErrors` say why.
 */
export const ExportDocxRequest = 'cyberdossier/exportDocx';
export interface ExportDocxParams {
  /** A Markdown file or a folder. */
  uri: string;
  /** The .docx to write. */
  outUri: string;
  force?: boolean;
}
export interface ExportDocxResult {
  written: boolean;
  outUri: string;
  errors: number;
  warnings: number;
  /** The first errors, one line each: `path:line:col  message  [code REQ]`. */
  firstErrors: string[];
  /** Warnings of the export itself (images not embedded, skipped files), one line each. */
  messages: string[];
  /** The Markdown files exported, in order. */
  files: string[];
}

/**
 * An SBOM → the dossier's OTS table (issue 6 part 4): reads a CycloneDX 1.4–1.6 or SPDX 2.3 JSON
 * file through the server's view of the files (an unsaved SBOM open in the editor counts) and
 * returns the Markdown of the 现成软件 table (or the 网络安全补丁 table), the normalised components
 * and those flagged (a version that is not full, no vendor). Fails (a response error with a
 * readable, localised message) when the file cannot be read or is not a valid SBOM.
 */
export const SbomImportRequest = 'cyberdossier/sbomImport';
export interface SbomImportParams {
  /** The SBOM (.json). */
  uri: string;
  /** Language of the table and messages; default: the configuration of `targetUri`, else the editor's. */
  locale?: Locale;
  /** The Markdown document the table goes into (its configuration decides the language). */
  targetUri?: string;
  /** Which table: `ots` (default) or `patches`. */
  table?: 'ots' | 'patches';
}
/** `markdown`, `components`, `flagged` (each with a localised `message`), `patches`, `notes`, … */
export type SbomImportResult = import('../sbom').SbomImportResult;

/**
 * *Migrate this dossier to NMPA 2022* (issue 6 part 3): the edits that migrate the dossier holding
 * `uri` — or every dossier at or below a folder `uri` — to `guideline: nmpa-2022`: every file's
 * frontmatter, headings, moves and new sections, and dossier.yaml, as one WorkspaceEdit (apply
 * it with workspace/applyEdit, so it is undoable). Nothing is written by the server. `manual` and
 * `summary` list what only the user can decide or write (requirements-nmpa-2022.md §13 "manual").
 */
export const MigrateRequest = 'cyberdossier/migrate';
/** `all` (default) runs the four steps as one; a single step is computed on the current text. */
export type MigrateStep = 'all' | 'frontmatter' | 'headings' | 'moves' | 'templates';
export interface MigrateParams {
  /** A dossier file, a dossier.yaml, or a folder. */
  uri: string;
  steps?: MigrateStep;
  /** Language of inserted templates, titles and messages; default: the file's configuration. */
  locale?: Locale;
}
export interface MigrateResult {
  /** A WorkspaceEdit (`changes` only: URI → TextEdit[], sorted, non-overlapping). */
  edit: { changes: Record<string, { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]> };
  /** Dossiers planned, files changed, text edits in all. */
  dossiers: number;
  files: number;
  edits: number;
  /** A single step that waits for an earlier one (moves wait for headings; templates for all). */
  blocked: MigrateStep[];
  /** What the user must still decide or write, localised; `line` is 0-based. */
  manual: { uri: string; line?: number; key: string; message: string }[];
  /** `manual` (and headings the migration could not rewrite) as a Markdown document. */
  summary: string;
}

/**
 * *New dossier document…* (issue 18 item 1): the registered guidelines, current law first, with
 * the submission kinds, product facts and document kinds the flow offers for each
 * (`GuidelineInfo[]`, server/src/features/new-dossier.ts).
 */
export const GuidelinesRequest = 'cyberdossier/guidelines';
export type GuidelineInfo = import('../features/new-dossier').GuidelineInfo;
export type AskedFact = import('../features/new-dossier').AskedFact;

/**
 * The dossier.yaml with the answered facts merged in: the client sends the file's current text
 * (none when there is no file) and writes the result; keys the file has are never replaced.
 */
export const DossierYamlRequest = 'cyberdossier/dossierYaml';
export interface DossierYamlParams {
  text?: string;
  /** Absent: only read what the file says (`present`). */
  facts?: import('../features/new-dossier').DossierFacts;
  lang: 'zh' | 'en';
  /** The rule set of the flow (its `facts.answers` and the `present` of its questions); default: `facts.guideline`. */
  ruleset?: string;
}
export type DossierYamlResult = import('../features/new-dossier').MergeResult;

/**
 * *Draft vulnerability assessment…* (issue 17): the components of the dossier holding `uri` (its
 * SBOM, else its OTS table) matched against the vulnerability data its `.cyberdossierrc.yaml`
 * names (`vulnerabilities:`), returned as the Markdown of the assessment tables (counts by CVSS
 * level, every known vulnerability, the residual list) in the dossier's language. Fails (a
 * response error with a localised message) when no data is configured or it cannot be used.
 * Nothing is fetched; in Restricted Mode `vulnerabilities` is not applied (so it fails).
 */
export const VulnsDraftRequest = 'cyberdossier/vulnsDraft';
export interface VulnsDraftParams {
  /** A dossier file or folder. */
  uri: string;
  locale?: Locale;
}
/** `markdown`, `rows`, `counts`, `dataDate`, `feeds`, `components`. */
export type VulnsDraftResult = Omit<import('../vulns').DraftResult, 'problems'>;
