// What the language status item shows: the document kind, the rule set, "N of M required
// sections present".

import { requirementStatuses, type DocView } from './view';

export interface DocumentStatus {
  dossierFile: boolean;
  kind?: string;
  kindName?: { zh: string; en: string };
  ruleset?: string;
  rulesetName?: { zh: string; en: string };
  present: number;
  required: number;
  missing: string[];
  errors: number;
  warnings: number;
}

export function documentStatus(view: DocView | undefined, counts: { errors: number; warnings: number }): DocumentStatus {
  if (!view || !view.file.isDossier) return { dossierFile: false, present: 0, required: 0, missing: [], ...counts };
  const base = { dossierFile: true, ruleset: view.file.ruleset.id, rulesetName: view.file.ruleset.name, ...counts };
  if (!view.group) return { ...base, kind: view.file.kind?.id, kindName: view.file.kind?.name, present: 0, required: 0, missing: [] };
  const statuses = requirementStatuses(view.group).filter((s) => s.required);
  const done = statuses.filter((s) => s.status === 'present' || s.status === 'not-applicable');
  return {
    ...base,
    kind: view.group.kind.id,
    kindName: view.group.kind.name,
    present: done.length,
    required: statuses.length,
    missing: statuses.filter((s) => s.status === 'missing').map((s) => s.requirement.id),
  };
}
