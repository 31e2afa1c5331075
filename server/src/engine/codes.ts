// The diagnostic codes of ../shared/spec/diagnostics.md: public API, add but never rename. Each
// code is described once, in its family's module under descriptors/ (severity, title, docs page);
// this module lists the families in the order of diagnostics.md and gives the rules the `Finding`.

import type { Localized, Severity } from './rulesets/types';
import type { Range } from './text';
import type { CodeSource } from './descriptors/types';
import { SECTION_CODES } from './descriptors/sections';
import { FRONTMATTER_CODES } from './descriptors/frontmatter';
import { TABLE_CODES } from './descriptors/tables';
import { DOSSIER_CODES } from './descriptors/dossier';
import { CONTENT_CODES } from './descriptors/content';
import { VULNERABILITY_DATA_CODES } from './descriptors/vulns';
import { SBOM_CODES } from './descriptors/sbom';

/** Every code's entry, in the order of diagnostics.md (ALL_CODES, the docs, the SARIF rules). */
export const CODE_SOURCES = {
  ...SECTION_CODES,
  ...FRONTMATTER_CODES,
  ...TABLE_CODES,
  ...DOSSIER_CODES,
  ...CONTENT_CODES,
  ...VULNERABILITY_DATA_CODES,
  ...SBOM_CODES,
} satisfies Record<string, CodeSource>;

export type Code = keyof typeof CODE_SOURCES;
export const ALL_CODES = Object.keys(CODE_SOURCES) as Code[];

/** Default severity and title of each code. */
export const CODES: Readonly<Record<Code, { readonly severity: Severity; readonly title: Localized }>> = Object.fromEntries(
  ALL_CODES.map((code) => [code, { severity: CODE_SOURCES[code].severity, title: CODE_SOURCES[code].title }]),
) as Record<Code, { severity: Severity; title: Localized }>;

export function isCode(s: string): s is Code {
  return Object.prototype.hasOwnProperty.call(CODE_SOURCES, s);
}

export interface FindingData {
  requirement?: string;
  clause?: string;
  [key: string]: unknown;
}

/** A rule's result before severity resolution and rendering. */
export interface Finding {
  code: Code;
  range: Range;
  message: Localized;
  data: FindingData;
  /** A rule set's default for this finding, when it differs from the code's. */
  severity?: Severity;
  /** The tier whose severity mode applies (rule set's `severityModes`), when not data.requirement's. */
  tier?: string;
  /** Other places of the same finding (LSP relatedInformation); `path` defaults to the finding's file. */
  related?: RelatedPlace[];
}

export interface RelatedPlace {
  path?: string;
  range: Range;
  message: Localized;
}
