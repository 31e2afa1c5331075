// Shapes shared by the Word import and export (library API used by the CLI and the language
// server). Nothing here touches the file system or an editor API.

import type { Locale, Localized } from '../engine';

export type WordLocale = Locale;

/** What happened to one thing in the .docx that Markdown cannot hold as it was. */
export type ImportItemKind =
  | 'comment'
  | 'insertion'
  | 'deletion'
  | 'move'
  | 'format-change'
  | 'deleted-row'
  | 'text-box'
  | 'footnote'
  | 'endnote'
  | 'merged-cell'
  | 'nested-table'
  | 'ole-object'
  | 'chart'
  | 'smartart'
  | 'shape'
  | 'equation'
  | 'external-image'
  | 'image-format'
  | 'header-footer'
  | 'toc'
  | 'cover'
  | 'numbering'
  | 'heading-level'
  | 'alt-chunk'
  | 'macro'
  | 'converter';

export type ImportAction = 'dropped' | 'converted' | 'kept' | 'accepted' | 'moved' | 'inferred';

export interface ImportItem {
  kind: ImportItemKind;
  action: ImportAction;
  /** What the user should know, in both languages. */
  message: Localized;
  /** The text concerned (comment text, deleted text, …), shortened. */
  text?: string;
  /** Author of a comment or revision. */
  author?: string;
}

export interface KindCandidate {
  ruleset: string;
  kind: string;
  /** Requirements whose title, synonym or alias equals a heading of the document. */
  matched: string[];
  /** Requirements of the kind that need a heading. */
  total: number;
  /** The kind's name appears in a title or a cover table. */
  named: boolean;
  score: number;
}

export interface KindGuess {
  ruleset: string;
  kind: string;
  /** Where the kind came from: the caller, the cover table, the headings, or nothing matched. */
  source: 'option' | 'cover' | 'headings' | 'default';
  candidates: KindCandidate[];
}

/** A fact read from the document (cover table, "产品名称：…" lines), always to be reviewed. */
export interface InferredFact {
  /** Dotted frontmatter path: product.name, product.model, product.software_version, … */
  key: string;
  value: string;
  /** The label it was found under. */
  label: string;
}

export interface ImportReport {
  /** Name of the source file, when the caller gave one. */
  source?: string;
  items: ImportItem[];
  kindGuess: KindGuess;
  inferred: InferredFact[];
  images: number;
  headings: number;
  tables: number;
  footnotes: number;
}

export interface ImportImage {
  /** Path relative to the Markdown file, `/` separators (`<name>.assets/image-1.png`). */
  path: string;
  bytes: Uint8Array;
  contentType: string;
}

export interface ImportOptions {
  /** Document kind id or alias (`cybersecurity-description`, 网络安全描述文档); guessed when absent. */
  kind?: string;
  /** Rule set for --kind and for the frontmatter (default nmpa-2017). */
  guideline?: string;
  /** Folder (relative to the Markdown file) that images are linked from; default `document.assets`. */
  assetsDir?: string;
  /** Name of the source file, for the report and the frontmatter comment. */
  sourceName?: string;
  /** Extra heading titles per requirement (config `aliases`), used by the kind guess. */
  aliases?: Record<string, string[]>;
  /**
   * A dossier.yaml will govern the Markdown file: inferred product facts are written as comments
   * instead of keys, so a guess never overrides the shared facts.
   */
  sharedFacts?: boolean;
}

export interface ImportResult {
  markdown: string;
  images: ImportImage[];
  report: ImportReport;
  kindGuess: KindGuess;
}

/** One Markdown document to export. */
export interface ExportDocument {
  /** Absolute path (for messages and image resolution); any unique name for in-memory input. */
  path: string;
  markdown: string;
  /** Document kind id and name, when it is a dossier file. */
  kind?: { id: string; name: Localized };
}

export interface CoverRow {
  label: string;
  value: string;
}

export type ImageLookup = (src: string, doc: ExportDocument) => { bytes: Uint8Array } | { error: Localized };

export interface ExportOptions {
  /** Cover table rows (labels in Chinese); none → no cover page. */
  cover?: CoverRow[];
  /** Cover title (product name and the dossier). */
  title?: string;
  /** Reads an image referenced by a document; the caller decides what may be read. */
  readImage?: ImageLookup;
  /** word/styles.xml of a reference document (config `export.referenceDocx`). */
  referenceStyles?: string;
  /** Add the table-of-contents field (default true). */
  toc?: boolean;
}

export interface ExportWarning {
  path: string;
  /** 1-based line in the Markdown file, when known. */
  line?: number;
  message: Localized;
}

export interface ExportResult {
  bytes: Uint8Array;
  warnings: ExportWarning[];
}

/** A failure the user must see (unreadable file, bad option, refusing to overwrite), in both languages. */
export class WordError extends Error {
  constructor(
    readonly localized: Localized,
    /** 'usage' and 'io' map to CLI exit 2. */
    readonly kind: 'usage' | 'io' | 'exists' = 'io',
  ) {
    super(localized.en);
  }
}
