// The engine's state as the adapters (lsp, cli, word, report, sbom) see it (issue 15 item 2): the
// same objects the engine keeps, typed deeply read-only, so a front end can read a checked
// dossier's files, models and facts but cannot change what the next check or another request
// reads. No copy is made: the type is the guard (a test checks that writes do not compile).
// Features that compute over the state (checklist, migration) still take the engine's own types.

import type { FileReport } from './check/types';
import type { DossierState, FileState } from './rules/context';
import type { DocumentKind, RuleSet } from './rulesets/types';
import type { LineIndex } from './text';

/**
 * Values kept as they are: the catalogue (RuleSet, DocumentKind: shared, immutable data of the
 * rule sets; readonly arrays there would stop adapters passing a rule set to engine functions),
 * the line index (a class; read through its methods) and built-ins with methods.
 */
type Opaque = RuleSet | DocumentKind | LineIndex | RegExp | Date;

/** `T` with every property, array, map and set read-only, all the way down. */
export type DeepReadonly<T> = T extends Opaque
  ? T
  : T extends (...args: never[]) => unknown
    ? T
    : T extends ReadonlyMap<infer K, infer V>
      ? ReadonlyMap<K, DeepReadonly<V>>
      : T extends ReadonlySet<infer V>
        ? ReadonlySet<DeepReadonly<V>>
        : T extends readonly (infer E)[]
          ? readonly DeepReadonly<E>[]
          : T extends object
            ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
            : T;

/** One checked file: its text, model, facts, rule set, kind and findings. */
export type FileSnapshot = DeepReadonly<FileState>;
/** One checked dossier: its files, document groups, dossier.yaml findings. */
export type DossierSnapshot = DeepReadonly<DossierState>;

/** What `Engine.snapshotOf` returns: the dossier holding a file, that file, and the dossier's reports. */
export interface StateSnapshot {
  readonly state: DossierSnapshot;
  readonly file?: FileSnapshot;
  readonly reports: readonly DeepReadonly<FileReport>[];
}
