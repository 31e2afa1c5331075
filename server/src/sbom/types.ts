// The normalised SBOM: what a CycloneDX 1.4–1.6 or SPDX 2.3 JSON document says about the
// off-the-shelf software (现成软件) of a device, as the dossier tables need it. Plain data (JSON
// round-trips it); no vscode, no language server.

import type { Localized, SbomComponent } from '../engine';

// The component types are the engine's (its SBOM reader port, engine/sbom-reader.ts): its rules
// read them; this module re-exports them so the reader's users keep one import.
export type { Category, CategoryId, ComponentFlag, SbomComponent } from '../engine';

export type SbomFormat = 'CycloneDX' | 'SPDX';

export type PatchFlag = 'version-missing' | 'version-not-full' | 'date-missing';

/**
 * What an SBOM entry says about the support of a component, by label: CycloneDX `properties`
 * (`Level of Support`, `fda:levelOfSupport`, `End-of-Support`, `cdx:lifecycle:milestone:endOfSupport`,
 * `… Justification`), SPDX annotation lines (`Label: value`) and `validUntilDate`.
 */
export type LifecycleLabel = 'support' | 'endOfSupport' | 'justification';

/** One row of the 网络安全补丁 table (2022 R1.4; 2017 P1). */
export interface SbomPatch {
  /** 补丁名称: the issues it resolves (CVE-…), a KB number, a release-note title, a patch file. */
  name: string;
  /** 完整版本: the version of the software with the patch applied. */
  version?: string;
  /** 发布日期 (YYYY-MM-DD). */
  date?: string;
  /** The software the patch applies to (`name version`). */
  appliesTo: string;
  source: 'pedigree' | 'release-notes' | 'kb-component' | 'spdx-patch-applied';
  /** IDs of the issues it resolves (CVE, vendor advisories). */
  resolves: string[];
  flags: PatchFlag[];
}

export type SkipReason = 'excluded-scope' | 'not-software' | 'build-only' | 'patch';

/** Entries of the SBOM that are not OTS software of the device, and why. */
export interface SkippedComponent {
  name: string;
  version?: string;
  type?: string;
  reason: SkipReason;
}

export interface SbomDocument {
  format: SbomFormat;
  /** `1.4`, `1.5`, `1.6` (CycloneDX) or `2.3` (SPDX). */
  specVersion: string;
  /** CycloneDX `serialNumber` or SPDX `documentNamespace`. */
  id?: string;
  /** What the SBOM describes (the device software itself): never listed as a component. */
  subject?: { name: string; version?: string };
  /** Flat, deduplicated (by purl, else name + version), in SBOM order. */
  components: SbomComponent[];
  patches: SbomPatch[];
  skipped: SkippedComponent[];
  /** How many entries were merged into an earlier one with the same purl or name + version. */
  duplicates: number;
}

export type SbomErrorCode = 'unreadable' | 'too-large' | 'not-json' | 'not-sbom' | 'unsupported' | 'invalid' | 'too-many-components' | 'outside' | 'not-a-file';

/** A structural problem, located by a JSON path such as `components[3].version`. */
export interface SbomIssue {
  path: string;
  message: Localized;
  /** The message without any value of the file (when `message` quotes one). */
  plain?: Localized;
}

/**
 * Why an SBOM cannot be imported; the message exists in zh-CN and en. `localized` may quote a
 * value of the file (the user's own import shows it); `plain` never does, and is what a finding
 * about a configured SBOM says (SECURITY.md: no file bytes in messages).
 */
export class SbomError extends Error {
  readonly plain: Localized;
  constructor(
    readonly code: SbomErrorCode,
    readonly localized: Localized,
    readonly issues: SbomIssue[] = [],
    /** Issues found in all (`issues` holds the first ones only). */
    readonly issueCount = issues.length,
    plain?: Localized,
  ) {
    super(localized.en);
    this.name = 'SbomError';
    this.plain = plain ?? localized;
  }
}
