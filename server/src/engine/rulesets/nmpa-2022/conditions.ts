// Conditions of the NMPA 2022 rule set (requirements-nmpa-2022.md §3 "Derived facts"; frontmatter.md
// "Additions for nmpa-2022"). An absent fact behaves as its default: software.ots_usage → none,
// software.external_environment → true, functions.remote_maintenance → false,
// data.cross_border → false.

import type { Condition } from '../types';

export const LEVELS = ['minor', 'moderate', 'major'];
/** The effective level L: software.cybersecurity_level when set, else software.safety_level. */
const L_FACTS = ['software.cybersecurity_level', 'software.safety_level'];

/** L ≥ 中等. */
export const levelModerate: Condition = { ordinal: { facts: L_FACTS, order: LEVELS, atLeast: 'moderate' } };
/** L = 轻微. */
export const levelMinor: Condition = { ordinal: { facts: L_FACTS, order: LEVELS, equals: 'minor' } };
/** L = 严重. */
export const levelMajor: Condition = { ordinal: { facts: L_FACTS, order: LEVELS, equals: 'major' } };
/** The cybersecurity level is lower than the software safety level (R1.1.1). */
export const cyberLevelLower: Condition = {
  compare: { left: 'software.cybersecurity_level', right: 'software.safety_level', order: LEVELS, op: 'lt' },
};
export const cyberLevelHigher: Condition = {
  compare: { left: 'software.cybersecurity_level', right: 'software.safety_level', order: LEVELS, op: 'gt' },
};

/** The security-software sections of every report kind, read dossier-wide. */
export const SECURITY_SOFTWARE_TABLES = ['R1.5', 'F1.5', 'O1.5', 'Q1.5'];

/** *security software present*: stated, else inferred from a R1.5 / F1.5 / O1.5 / Q1.5 row. */
export const securitySoftwarePresent: Condition = {
  any: [
    { fact: 'security_software', equals: true },
    { all: [{ fact: 'security_software', absent: true }, { tableHasRows: SECURITY_SOFTWARE_TABLES }] },
  ],
};
/**
 * *security software excluded*: stated, else such a section exists and lists none. When no such
 * section exists in the dossier (an IFU checked alone) `tableListsNone` is false: not excluded.
 */
export const securitySoftwareExcluded: Condition = {
  any: [
    { fact: 'security_software', equals: false },
    { all: [{ fact: 'security_software', absent: true }, { tableListsNone: SECURITY_SOFTWARE_TABLES }] },
  ],
};

export const standardInterface: Condition = {
  any: [
    { fact: 'interfaces.network.protocols', anyItem: { key: 'kind', equals: 'standard' } },
    { fact: 'interfaces.storage_media.formats', anyItem: { key: 'kind', equals: 'standard' } },
  ],
};
export const customInterface: Condition = {
  any: [
    { fact: 'interfaces.network.protocols', anyItem: { key: 'kind', equals: 'custom' } },
    { fact: 'interfaces.storage_media.formats', anyItem: { key: 'kind', equals: 'custom' } },
  ],
};

/** *real-time remote access* (远程访问与控制). */
export const realtimeRemote: Condition = { fact: 'functions.remote_control', equals: 'realtime' };
/** Some 远程访问与控制 (real-time or not). */
export const remoteAccess: Condition = { fact: 'functions.remote_control', in: ['realtime', 'non-realtime'] };
/** *remote maintenance* (default false). */
export const remoteMaintenance: Condition = { fact: 'functions.remote_maintenance', equals: true };
export const dedicatedWireless: Condition = { fact: 'interfaces.network.dedicated_wireless', equals: true };
export const crossBorder: Condition = { fact: 'data.cross_border', equals: true };
export const sensitiveMedical: Condition = { fact: 'data.types', includes: 'sensitive-medical' };
/** 设备数据 declared together with 医疗数据 (sensitive or not): their isolation is described (二（二）). */
export const deviceAndMedicalData: Condition = {
  all: [{ fact: 'data.types', includes: 'device' }, { any: [sensitiveMedical, { fact: 'data.types', includes: 'non-sensitive-medical' }] }],
};
/** Sensitive medical data over a network (TXCF / TXIG must apply). */
export const sensitiveOverNetwork: Condition = { all: [sensitiveMedical, { fact: 'interfaces.network', present: true }] };
export const userAccess: Condition = { fact: 'functions.user_access', equals: true };
/** The patch list of a report lists at least one patch (CSUP must apply). */
export const PATCH_TABLES = ['R1.4', 'F1.4', 'O1.4', 'Q1.4', 'U2'];
export const patchesListed: Condition = { tableHasRows: PATCH_TABLES };
/** What the functional update brings (update_introduces, 二（八）2 / 六（一）2（3）). */
export const introduces = (what: string): Condition => ({ fact: 'update_introduces', includes: what });

/** software.external_environment: false (stated; the default is true). */
export const noExternalEnvironment: Condition = { fact: 'software.external_environment', equals: false };
/** software.ots_usage none, or absent (the default). */
export const otsNone: Condition = { any: [{ fact: 'software.ots_usage', absent: true }, { fact: 'software.ots_usage', equals: 'none' }] };
export const otsPartial: Condition = { fact: 'software.ots_usage', equals: 'partial' };
export const otsFull: Condition = { fact: 'software.ots_usage', equals: 'full' };

export const change: Condition = { fact: 'submission', equals: 'change' };
const contentAbsent: Condition = { fact: 'update_content', absent: true };
/** Update content includes a functional update (stated, or inferred from `updates: major`). */
export const functionalUpdate: Condition = {
  any: [{ fact: 'update_content', includes: 'functional' }, { all: [contentAbsent, { fact: 'updates', includes: 'major' }] }],
};
/** Update content is patches only. */
export const patchOnlyUpdate: Condition = {
  all: [{ fact: 'update_content', includes: 'patch' }, { not: { fact: 'update_content', includes: 'functional' } }],
};
/** No cybersecurity update (stated, or inferred from `updates: [none]`). */
export const noUpdate: Condition = {
  any: [{ fact: 'update_content', includes: 'none' }, { all: [contentAbsent, { fact: 'updates', includes: 'none' }] }],
};
/** A change whose update content cannot be inferred from `updates` (update_content required). */
export const contentUndetermined: Condition = {
  all: [change, { not: { fact: 'updates', includes: 'major' } }, { not: { fact: 'updates', includes: 'none' } }],
};
