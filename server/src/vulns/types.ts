// The normalised vulnerability data: what an OSV record, an NVD CVE item or a CVE 5 record says
// about which versions of which package are affected, compact enough to be cached in an index
// (store.ts) and plain data (JSON round-trips it).

import type { Localized } from '../engine/rulesets/types';
import type { Cvss, CvssLevel } from './cvss';
import type { Scheme, VersionInterval } from './version';

export type FeedKind = 'osv' | 'osv-zip' | 'nvd' | 'cve5' | 'kev' | 'cyclonedx-vex' | 'openvex' | 'csaf-vex';

export interface Affected {
  /** `ecosystem:name` (lower case; PyPI names folded as PEP 503): the purl method's key. */
  pkg?: string;
  /** `vendor:product` of a CPE (lower case): the CPE method's key. */
  cpe?: string;
  /** Normalised names (letters and digits only): the name method's keys. */
  names: string[];
  scheme: Scheme;
  intervals: VersionInterval[];
  /** Versions listed one by one (OSV `versions`, an exact CPE version, CVE 5 `version` without range). */
  versions: string[];
}

export interface VulnRecord {
  /** CVE-… when the record has one (the primary ID of findings), else its own ID. */
  id: string;
  /** Every ID the record goes by (its own, aliases), the primary one first. */
  ids: string[];
  summary?: string;
  published?: string;
  modified?: string;
  cvss?: Cvss;
  level?: CvssLevel;
  affected: Affected[];
  /** The feed it came from (index into the configured feeds). */
  feed?: number;
}

/** A CISA KEV entry. */
export interface KevEntry {
  cve: string;
  dateAdded?: string;
  dueDate?: string;
  ransomware?: boolean;
}

export type VexStatus = 'not_affected' | 'affected' | 'fixed' | 'under_investigation';

export interface VexStatement {
  /** Vulnerability IDs (CVE, GHSA, …) the statement is about. */
  ids: string[];
  /** Products it names: purls, CPEs, or names (normalised) — empty means every product. */
  products: string[];
  status: VexStatus;
  justification?: string;
  /** The VEX document (its file name) and format. */
  source: string;
  format: 'cyclonedx' | 'openvex' | 'csaf';
}

export class FeedError extends Error {
  constructor(
    readonly plain: Localized,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(plain.en);
  }
}

export const VULN_ID = /\b(?:CVE-\d{4}-\d{4,7}|GHSA(?:-[23456789cfghjmpqrvwx]{4}){3}|CNVD-(?:C-)?\d{4}-\d{3,6}|CNNVD-\d{6}-\d{3,5}|PYSEC-\d{4}-\d+|OSV-\d{4}-\d+|RUSTSEC-\d{4}-\d{4}|GO-\d{4}-\d{4}|DSA-\d{3,5}-\d+|DLA-\d{3,5}-\d+|USN-\d{3,5}-\d+|SNYK-[A-Z0-9]+-[A-Z0-9-]+-\d+)\b/gi;
