// The shape of a rule set. A rule set is data: requirements, conditions, content checks,
// submission logic and texts. The rules in ../rules interpret it and never ask which guideline
// they are running.
//
// The types live in ./types/ by subject — `base` (severities, texts, conditions, column roles),
// `checks` and `check-parts` (content checks), `requirements` (requirements, document kinds and
// the dossier-level data beside them), `ruleset` (the rule set and its other data), `schema`
// (the frontmatter JSON Schema) — and are re-exported here, the one import for everyone else.

export type * from './types/base';
export type * from './types/checks';
export type * from './types/check-parts';
export type * from './types/requirements';
export type * from './types/ruleset';
export type * from './types/schema';
