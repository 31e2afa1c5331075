// The SBOM checks of requirements-fda-premarket-2025.md §10 and the KEV rows of K6.1 (§4), as data:
// the words of a level of support that says "not supported", the reference date, the
// justification rule, what is not a software component, and the two table checks, which read the
// tables of K5 and K6.1 as their listing checks recognise them (checks.ts).

import type { Check, CheckScope, ComponentSupport } from '../types';
import { KNOWN_VULNERABILITY_TABLE, SBOM_TABLE } from './checks';
import { HARDWARE_TYPES } from './hardware';
import { NOT_APPLICABLE_WORDS_FDA } from './vocabulary';

type ScopedCheck = Check & CheckScope;

export const COMPONENT_SUPPORT: ComponentSupport = {
  requirement: 'K5',
  clauses: { incomplete: 'V.A.4.b, VII.C.3', passed: 'V.A.4.b' },
  referenceDate: 'submission_date',
  notSupported: ['no longer maintained', 'not maintained', 'unmaintained', 'abandoned', 'unsupported', 'not supported', 'end of life', 'deprecated', '不再维护', '停止维护', '停止支持', '无人维护', '已废弃', '不受支持'],
  notSupportedTokens: ['eol'],
  minJustification: 6,
  notApplicable: NOT_APPLICABLE_WORDS_FDA,
  hardware: HARDWARE_TYPES,
  // The reader already leaves out device, data and cryptographic-asset entries (not software).
  notSoftwareTypes: ['device', 'data', 'machine-learning-model', 'cryptographic-asset'],
  files: true,
};

/** §10.1: the SBOM table's end of support and level of support, per row. */
export const END_OF_SUPPORT: ScopedCheck = {
  kind: 'end-of-support',
  select: SBOM_TABLE.kind === 'listing-table' ? SBOM_TABLE.select : ['name', 'version'],
  precedence: SBOM_TABLE.kind === 'listing-table' ? SBOM_TABLE.precedence : undefined,
  columns: SBOM_TABLE.kind === 'listing-table' ? SBOM_TABLE.columns : undefined,
  roles: { name: 'name', eos: 'eos', support: 'support', justification: 'justification', type: 'type' },
};

/** K6.1: a vulnerability listed in CISA's KEV catalog that is not designed out (V.A.2). */
export const KEV_ROWS: ScopedCheck = {
  kind: 'flagged-rows',
  select: KNOWN_VULNERABILITY_TABLE.kind === 'listing-table' ? KNOWN_VULNERABILITY_TABLE.select : ['vulnerability'],
  precedence: KNOWN_VULNERABILITY_TABLE.kind === 'listing-table' ? KNOWN_VULNERABILITY_TABLE.precedence : undefined,
  columns: KNOWN_VULNERABILITY_TABLE.kind === 'listing-table' ? KNOWN_VULNERABILITY_TABLE.columns : undefined,
  key: 'vulnerability',
  flag: 'kev',
  yes: ['yes', 'y', 'true', 'listed', 'x', '✓', '√', '是', '已列入'],
  resolvedBy: ['status', 'control'],
  resolved: ['fixed', 'patched', 'remediated', 'resolved', 'removed', 'eliminated', 'upgraded', 'not affected', 'not_affected', '已修复', '已修补', '已消除', '已移除', '已升级', '不受影响'],
  code: 'known-exploited-vulnerability',
  requirement: 'K6.1',
  clause: 'V.A.2, V.A.4.b',
  dataKey: 'vulnerability',
  message: {
    zh: '“{key}”列入 CISA 已知被利用漏洞目录（KEV），但未被消除：“vulnerabilities identified in CISA’s Known Exploited Vulnerabilities Catalog should be designed out of the device, as they are already being exploited”（V.A.2）；请修复、升级或移除受影响的组件，并在状态列写明（如 fixed、upgraded、not affected）',
    en: '“{key}” is listed in CISA’s Known Exploited Vulnerabilities Catalog (KEV) but not designed out: “vulnerabilities identified in CISA’s Known Exploited Vulnerabilities Catalog should be designed out of the device, as they are already being exploited” (V.A.2); fix, upgrade or remove the affected component and say so in the status column (fixed, upgraded, not affected)',
  },
};

/** The checks this module attaches, by requirement (beside checks.ts's). */
export const SUPPORT_CHECKS: Record<string, ScopedCheck[]> = {
  K5: [END_OF_SUPPORT],
  K6: [KEV_ROWS],
};
