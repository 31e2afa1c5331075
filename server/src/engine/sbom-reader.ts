// The SBOM reader port (issue 15 item 2): what the engine asks of server/src/sbom, injected by
// the adapters (EngineOptions.sbom; the CLI's and the language server's composition roots pass
// `sbomReader` from sbom/index). The engine never imports sbom/, so engine → sbom → engine is
// gone: sbom/ imports the engine only through engine/index, like any other user. The types the
// rules read of an SBOM (its components) are defined here, with the port; sbom/types.ts
// re-exports them.

import type { PathScope } from './configured-file';
import type { Host } from './host';
import type { OtsRow } from './ots-rows';
import type { Localized } from './rulesets/types';

/** The three kinds of OTS software of the 2017 guideline (四(二)1(6)): 应用软件、系统软件、支持软件. */
export type CategoryId = 'application' | 'system' | 'support';

/** The 类别 of a component: the guideline's kind, with the SBOM type in brackets. */
export interface Category {
  id: CategoryId;
  zh: string;
  en: string;
}

/**
 * Why a component is flagged: the dossier needs a full version (requirements.md §4, 完整版本) and
 * a vendor (供应商) for every OTS component.
 */
export type ComponentFlag = 'version-missing' | 'version-not-full' | 'supplier-missing';

export interface SbomComponent {
  name: string;
  /** As the SBOM gives it; absent when it gives none (then flagged). */
  version?: string;
  /** `versionRange` (CycloneDX 1.6) is never a full version; `purl` when taken from the package URL. */
  versionSource?: 'version' | 'versionRange' | 'purl';
  /** 供应商. */
  vendor?: string;
  vendorSource?: 'supplier' | 'manufacturer' | 'publisher' | 'authors' | 'author' | 'originator';
  /** 型号规格: a `cyberdossier:model` property, else the edition fields of the CPE; absent otherwise. */
  model?: string;
  modelSource?: 'property' | 'cpe';
  /** CycloneDX `type`, or SPDX `primaryPackagePurpose` in lower case with `-`. */
  type?: string;
  category?: Category;
  purl?: string;
  cpe?: string;
  /** SPDX identifiers, expressions or licence names. */
  licenses: string[];
  /** The component that contains it or depends on it (`name version`), when the SBOM says. */
  parent?: string;
  /** `bom-ref` (CycloneDX) or `SPDXID` (SPDX). */
  ref?: string;
  flags: ComponentFlag[];
  /** JSON path of its entry (`components[0].components[2]`, `packages[5]`; the first, when duplicates merged). */
  path?: string;
  /**
   * A unique identifier other than the purl and the CPE (FDA V.A.4.b, the NTIA "other unique
   * identifiers"): `swid:<tagId>`, the OmniBOR ID, the SWHID, or a hash as `<alg>:<value>`.
   */
  uid?: string;
  /** Level of support, end-of-support date and their justification (FDA V.A.4.b): see `Lifecycle`. */
  support?: string;
  endOfSupport?: string;
  justification?: string;
}

/** `name version` of a component, as parents, patch rows and the findings name it. */
export function componentLabel(c: { name: string; version?: string }): string {
  return c.version ? `${c.name} ${c.version}` : c.name;
}

export type OtsMismatch<R extends OtsRow = OtsRow> =
  | { kind: 'missing-from-table'; component: SbomComponent; message: Localized }
  | { kind: 'not-in-sbom'; row: R; index: number; message: Localized }
  | { kind: 'version-differs'; row: R; index: number; component: SbomComponent; tableVersion: string; sbomVersion: string; message: Localized }
  | { kind: 'vendor-differs'; row: R; index: number; component: SbomComponent; tableVendor: string; sbomVendor: string; message: Localized };

export interface CompareOptions {
  /** How the messages name the SBOM, e.g. its file name `bom.json`. */
  sbomName?: string;
  /** Also report vendors that name different organisations (`sameVendor`); off by default. */
  vendors?: boolean;
}

/**
 * Why a configured SBOM cannot be used, as a finding says it: `plain` and the issues' `plain`
 * never quote a value of the file (SECURITY.md). The reader's SbomError is one.
 */
export interface SbomFailure {
  readonly code: string;
  readonly plain: Localized;
  readonly issues: readonly { path: string; message: Localized; plain?: Localized }[];
  /** Issues found in all (`issues` holds the first ones only). */
  readonly issueCount: number;
}

/** A configured SBOM read: its components, or why it cannot be used. */
export type SbomLoadResult = { ok: true; path: string; sbom: { components: SbomComponent[] } } | { ok: false; path: string; error: SbomFailure };

/**
 * What the engine's rules need of the SBOM reader. Every method is pure or reads through the
 * engine's Host only (the language server's overlay: an unsaved bom.json is what gets compared).
 */
export interface SbomReader {
  /**
   * An SBOM named by configuration (`sbom:` in the rc file), found, checked and read through
   * engine/configured-file.ts inside `scope`, then parsed. Never throws; results may be cached
   * by the host's version token and are shared: never modified.
   */
  loadConfigured(value: string, host: Host, scope: PathScope): SbomLoadResult;
  /** The table's rows against the components: one mismatch per row the SBOM lacks, component the table lacks, version (or vendor) that differs. */
  compareOtsTable<R extends OtsRow>(rows: readonly R[], components: readonly SbomComponent[], opts?: CompareOptions): OtsMismatch<R>[];
  /** The components of several SBOMs of one device as one list, deduplicated as within one; the inputs are not modified. */
  unionComponents(lists: readonly (readonly SbomComponent[])[]): SbomComponent[];
}
