// What the language status item shows: the document kind, the rule set, "N of M required
// sections present" for the document and for its whole dossier (the checklist's counts).

import type { FileState } from '../engine/rules/context';
import { dossierCounts } from './checklist';
import { requirementStatuses, type DocView } from './view';

export interface DocumentStatus {
  dossierFile: boolean;
  kind?: string;
  kindName?: { zh: string; en: string };
  ruleset?: string;
  rulesetName?: { zh: string; en: string };
  /** This document: required sections present (or not applicable with a reason) / required. */
  present: number;
  required: number;
  missing: string[];
  /** The whole dossier (every document its submission needs, missing documents included). */
  dossier?: { present: number; required: number; missingDocuments: string[] };
  /** Ready-made short text: "N/M" for the document, then "N/M" for the dossier. */
  summary?: { zh: string; en: string };
  errors: number;
  warnings: number;
}

export function documentStatus(view: DocView | undefined, counts: { errors: number; warnings: number }): DocumentStatus {
  if (!view || !view.file.isDossier) return { dossierFile: false, present: 0, required: 0, missing: [], ...counts };
  const base = { dossierFile: true, ruleset: view.file.ruleset.id, rulesetName: view.file.ruleset.name, ...counts };
  const diagnostics = view.reports ? (f: FileState) => view.reports!.find((r) => r.path === f.path)?.diagnostics : undefined;
  const dossier = dossierCounts(view.state, view.reports);
  if (!view.group) return { ...base, kind: view.file.kind?.id, kindName: view.file.kind?.name, present: 0, required: 0, missing: [], dossier, summary: summary(undefined, dossier) };
  const statuses = requirementStatuses(view.group, diagnostics).filter((s) => s.required);
  const present = statuses.filter((s) => s.satisfied).length;
  const doc = { present, required: statuses.length };
  return {
    ...base,
    kind: view.group.kind.id,
    kindName: view.group.kind.name,
    ...doc,
    missing: statuses.filter((s) => s.status === 'missing').map((s) => s.requirement.id),
    dossier,
    summary: summary(doc, dossier),
  };
}

function summary(doc: { present: number; required: number } | undefined, dossier: { present: number; required: number } | undefined): { zh: string; en: string } {
  const zh: string[] = [];
  const en: string[] = [];
  if (doc) {
    zh.push(`本文档 ${doc.present}/${doc.required}`);
    en.push(`document ${doc.present}/${doc.required}`);
  }
  if (dossier) {
    zh.push(`申报资料 ${dossier.present}/${dossier.required}`);
    en.push(`dossier ${dossier.present}/${dossier.required}`);
  }
  return { zh: zh.join(' · '), en: en.join(' · ') };
}
