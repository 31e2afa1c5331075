// The derived facts of requirements-fda-premarket-2025.md §3.3 and the cyber-device states of §1,
// as conditions over the validated facts. Each is three-valued like the facts it is made of: a
// missing `connectivity` (frontmatter-missing) or an invalid value leaves it unknown, and an
// unknown condition requires nothing.

import type { Condition } from '../types';

const sub = (...values: string[]): Condition => ({ fact: 'submission', in: values });

export const ORIGINAL = ['510k', 'de-novo', 'pma', 'hde', 'pdp'];

/** `submission` is modification or pma-supplement. */
export const modificationSubmission: Condition = sub('modification', 'pma-supplement');
export const ide: Condition = { fact: 'submission', equals: 'ide' };
/** Whenever `submission` is valid. */
export const always: Condition = { fact: 'submission', present: true };
export const reducedModification: Condition = { all: [modificationSubmission, { fact: 'change.cybersecurity_impact', equals: 'unlikely' }] };
export const fullDocumentation: Condition = {
  any: [sub(...ORIGINAL), { all: [modificationSubmission, { fact: 'change.cybersecurity_impact', equals: 'may-impact' }] }],
};
const priorPlanTrue: Condition = { fact: 'change.prior_plan', equals: true };
export const planNeeded: Condition = { any: [fullDocumentation, { all: [reducedModification, { not: priorPlanTrue }] }] };
export const priorPlan: Condition = { all: [reducedModification, priorPlanTrue] };

const CRITERIA = ['cyber_device.software', 'cyber_device.internet', 'cyber_device.vulnerable_characteristics'];
export const cyberDevice: Condition = { all: CRITERIA.map((fact) => ({ fact, equals: true })) };
export const notCyberDevice: Condition = { any: CRITERIA.map((fact) => ({ fact, equals: false })) };
/** §1: reduced mode — not a cyber device, or an IDE (section 524B does not cover IDEs, VII.A). */
export const reducedMode: Condition = { any: [notCyberDevice, ide] };

// Connectivity: `connectivity` itself must be known (absent is frontmatter-missing, unknown here).
const connectivityKnown: Condition = { fact: 'connectivity', known: true };
const networkedRaw: Condition = {
  any: [
    { fact: 'connectivity.wired', nonEmpty: true },
    { fact: 'connectivity.wireless', nonEmpty: true },
    { fact: 'connectivity.cloud', equals: true },
  ],
};
export const networked: Condition = { all: [connectivityKnown, networkedRaw] };
export const internetCapable: Condition = { all: [connectivityKnown, { any: [networkedRaw, { fact: 'connectivity.usb', equals: true }] }] };
export const hasInterfaces: Condition = { any: [internetCapable, { all: [connectivityKnown, { fact: 'connectivity.removable_media', equals: true }] }] };
export const multiPatientHarm: Condition = {
  any: [{ fact: 'multi_patient_harm', equals: true }, { all: [{ fact: 'multi_patient_harm', absent: true }, networked] }],
};
export const updatable: Condition = { all: [{ fact: 'update.mechanism', nonEmpty: true }, { not: { fact: 'update.mechanism', includes: 'none' } }] };
export const fieldedDevices: Condition = {
  any: [{ fact: 'product.previously_marketed', equals: true }, { all: [{ fact: 'product.previously_marketed', absent: true }, { fact: 'submission', equals: 'modification' }] }],
};
export const thirdPartyTesting: Condition = { fact: 'testing.third_party', equals: true };
export const windows: Condition = { fact: 'software.operating_systems', includes: 'windows' };

/** The condition column of the catalogue tables (§4–§9). */
export const CATALOGUE_CONDITIONS: Record<string, Condition> = {
  always,
  F: fullDocumentation,
  'F, I': { any: [fullDocumentation, ide] },
  I: ide,
  P: planNeeded,
  R: reducedModification,
  '*modification submission*': modificationSubmission,
  '*prior plan*': priorPlan,
  'F and *fielded devices*': { all: [fullDocumentation, fieldedDevices] },
  'F and *has interfaces*': { all: [fullDocumentation, hasInterfaces] },
  'F and *third-party testing*': { all: [fullDocumentation, thirdPartyTesting] },
};
