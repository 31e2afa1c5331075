// What the language status item shows: the document kind, the rule set, "N of M required
// sections present" for the document and for its whole dossier (the checklist's counts).

import { countSeverities, type SeverityTotals, type Severity } from '../engine';
import { dossierChecklist } from './checklist';
import type { DocView } from './view';

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
  /** This document's errors and warnings (its totals). */
  errors: number;
  warnings: number;
  /** The totals (engine/totals.ts): this document's, and its whole dossier's as the CLI counts them. */
  totals?: { document: SeverityTotals; dossier?: SeverityTotals };
}

/**
 * The status of a document. `published` is what the client was sent for it (counted when the
 * engine has no state of the file); a dossier file's counts come from the same reports as the
 * checklist's and the CLI's.
 */
export function documentStatus(view: DocView | undefined, published: readonly { severity?: Severity }[] | { errors: number; warnings: number } = []): DocumentStatus {
  if (!view || !view.file.isDossier) {
    if (!Array.isArray(published)) {
      const { errors, warnings } = published as { errors: number; warnings: number };
      return { dossierFile: false, present: 0, required: 0, missing: [], errors, warnings };
    }
    const mine = countSeverities(published as readonly { severity?: Severity }[]);
    return { dossierFile: false, present: 0, required: 0, missing: [], errors: mine.errors, warnings: mine.warnings, totals: { document: mine } };
  }
  // One checklist gives both: this document's counts and the dossier's.
  const checklist = dossierChecklist(view.state, view.reports);
  const mine = countSeverities(view.reports?.find((r) => r.path === view.file.path)?.diagnostics ?? []);
  const { total, errors, warnings, infos, hints } = checklist.totals;
  const base = { dossierFile: true, ruleset: view.file.ruleset.id, rulesetName: view.file.ruleset.name, errors: mine.errors, warnings: mine.warnings, totals: { document: mine, dossier: { total, errors, warnings, infos, hints } } };
  const dossier = { present: checklist.counts.present, required: checklist.counts.required, missingDocuments: checklist.documents.filter((d) => d.status === 'missing').map((d) => d.kind) };
  const own = view.group && checklist.documents.find((d) => d.kind === view.group!.kind.id);
  if (!view.group || !own) return { ...base, kind: view.file.kind?.id, kindName: view.file.kind?.name, present: 0, required: 0, missing: [], dossier, summary: summary(undefined, dossier) };
  const doc = { present: own.counts.present, required: own.counts.required };
  return {
    ...base,
    kind: view.group.kind.id,
    kindName: view.group.kind.name,
    ...doc,
    missing: own.requirements.filter((r) => r.required && r.status === 'missing').map((r) => r.id),
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
