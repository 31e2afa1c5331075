// A crosswalk maps the requirements of one rule set onto those of another (spec §12 of
// requirements-fda-premarket-2025.md). It is data, like the rule sets: generic code
// (features/crosswalk.ts) reads any pair; a new pair adds a module here and a line in index.ts.

import type { Condition, Localized } from '../types';

export interface CrosswalkRow {
  /** A requirement ID of the source rule set (in its catalogue). */
  from: string;
  /**
   * What it maps to in the target rule set: requirement IDs, or a kind prefix alone (`G`): the
   * document of that kind, present when a file of that kind exists. Empty: no counterpart.
   */
  to: string[];
  note?: Localized;
}

export interface CapabilityRow {
  /** A capability code of the source requirement's capability set. */
  capability: string;
  /** Control-category codes of the target requirement's set, or requirement IDs of the target. */
  to: string[];
}

export interface Crosswalk {
  /** `<source>--<target>`. */
  id: string;
  /** Rule set IDs. */
  source: string;
  target: string;
  name: Localized;
  /**
   * Source document kinds compared, by prefix, in the order of the report. A mirror: when its
   * condition holds on the source dossier's facts, the rows are shown with the mirrored IDs
   * (R1.1 → O1.1) read from the mirrored kind.
   */
  kinds: { prefix: string; mirror?: { prefix: string; when: Condition } }[];
  /** Source kinds not compared, by prefix (and why, in the report). */
  notCompared: { prefixes: string[]; reason: Localized };
  rows: CrosswalkRow[];
  /** Capabilities ↔ categories, shown under one row (R1.3 ↔ B1). */
  capabilities?: { from: string; to: string; rows: CapabilityRow[] };
  /** Why the mapping is what it is (the spec's footnote), shown in the report. */
  disclaimer: Localized;
}
