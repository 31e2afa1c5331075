// The shape of one diagnostic code's entry in the per-family descriptor modules (sections.ts,
// frontmatter.ts, tables.ts, dossier.ts, content.ts, vulns.ts, sbom.ts): its default severity, its
// title and the content of its docs/rules/<code>.md page, written once side by side.

import type { Localized, Severity } from '../rulesets/types';

export interface RuleDoc {
  what: Localized;
  why: Localized;
  fix: Localized;
  /** Where the spec left a choice, what we chose (and why a reviewer would expect it). */
  choices?: Localized;
  /** A dossier file (or a dossier.yaml / rc file) that shows the finding, and one that does not. */
  bad: string;
  good: string;
  /** Name of the example file, when it is not a Markdown dossier file. */
  file?: string;
  /** A .cyberdossierrc.yaml the examples are checked with. */
  config?: string;
  /** Other files beside each example (the SBOM the config names), by name. */
  files?: { bad: Record<string, string>; good: Record<string, string> };
}

/** One code as its family module writes it: severity and title first, then the page's content. */
export interface CodeSource extends RuleDoc {
  severity: Severity;
  title: Localized;
  /**
   * A content check with no quick fix of its own: while its section still has placeholders it is
   * folded into the section's placeholder finding (one finding per section still to write,
   * diagnostics.md; check/finalize.ts).
   */
  foldsIntoPlaceholder?: true;
}
