// Stage 3 of a dossier check: the documents. A document kind may be split over several files
// (requirements.md §3); the files of one kind and rule set are matched as one document, in path
// order, and the submission case its facts select is chosen once.

import { evaluate } from '../facts/facts';
import { matchDocument } from '../match';
import type { DossierState, FileState } from '../rules/context';

/** Groups the parsed dossier files of `d` into `d.groups`, each matched against its kind's requirements. */
export function groupDocuments(d: DossierState): void {
  const groups = new Map<string, FileState[]>();
  for (const f of d.files) {
    if (!f.kind || f.skipBody || !f.model) continue;
    const key = `${f.ruleset.id}\u0000${f.kind.id}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  for (const files of groups.values()) {
    const { ruleset, kind } = files[0];
    const aliases = files[0].config.aliases;
    const facts = files[0].facts;
    const submission = ruleset.submission.find((c) => evaluate(c.when, { facts }).value === true);
    d.groups.push({ ruleset, kind: kind!, files, match: matchDocument(kind!, files.map((f) => f.model!), aliases, ruleset.answers), facts, submission });
  }
}
