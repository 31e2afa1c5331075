// What the editor features read: the engine's last state of a document's dossier (model, facts,
// requirement matches, IDs). Features answer from this cached state and never wait for a check.

import type { Engine } from '../engine/engine';
import type { DocGroup, DossierState, FileState } from '../engine/rules/context';
import { evaluate } from '../engine/facts/facts';
import { refKey } from '../engine/match';
import type { Requirement } from '../engine/rulesets/types';
import { subtreeHasBody, type Heading } from '../engine/model';

export interface DocView {
  state: DossierState;
  file: FileState;
  group?: DocGroup;
  /** Index of the file inside its document group. */
  fileIndex: number;
}

export function viewOf(engine: Engine, path: string): DocView | undefined {
  const s = engine.stateOf(path);
  if (!s?.file) return undefined;
  const group = s.state.groups.find((g) => g.files.includes(s.file!));
  return { state: s.state, file: s.file, group, fileIndex: group ? group.files.indexOf(s.file) : -1 };
}

/** The requirement a heading of this file was matched to. */
export function requirementAt(view: DocView, heading: number): Requirement | undefined {
  if (!view.group) return undefined;
  const id = view.group.match.byHeading.get(refKey({ file: view.fileIndex, heading }));
  return id ? view.group.kind.requirements.find((r) => r.id === id) : undefined;
}

/** The innermost requirement section containing a heading index (walking up the tree). */
export function enclosingRequirement(view: DocView, heading: number): Requirement | undefined {
  const model = view.file.model;
  if (!model) return undefined;
  for (let h = heading; h >= 0; h = model.headings[h].parent) {
    const r = requirementAt(view, h);
    if (r) return r;
  }
  return undefined;
}

/** The heading whose own content holds a line (the last heading at or above it). */
export function headingAtLine(view: DocView, line: number): Heading | undefined {
  const hs = view.file.model?.headings ?? [];
  let found: Heading | undefined;
  for (const h of hs) {
    if (h.line > line) break;
    found = h;
  }
  return found;
}

export type RequirementStatus = 'present' | 'not-applicable' | 'missing' | 'empty' | 'not-required';

/** Status of each requirement of a document: the language status item and the checklist use it. */
export function requirementStatuses(group: DocGroup): { requirement: Requirement; status: RequirementStatus; required: boolean }[] {
  const out: { requirement: Requirement; status: RequirementStatus; required: boolean }[] = [];
  const changesOnly = group.submission?.changesOnly?.includes(group.kind.id) ?? false;
  const covered = new Set<string>();
  for (const r of group.kind.requirements) {
    const inheritsCover = [...covered].some((c) => r.id.startsWith(`${c}.`));
    const cond = r.condition && group.cond ? evaluate(r.condition, group.cond).value === true : !r.condition;
    const required = cond && !changesOnly && r.missingSeverity !== 'hint';
    const ref = group.match.found.get(r.id);
    let status: RequirementStatus;
    if (r.wholeDocument) status = 'present';
    else if (inheritsCover) status = 'not-applicable';
    else if (!ref) status = required ? 'missing' : 'not-required';
    else {
      const h = group.files[ref.file].model!.headings[ref.heading];
      if (h.notApplicable) {
        status = 'not-applicable';
        covered.add(r.id);
      } else status = subtreeHasBody(group.files[ref.file].model!, h.index) ? 'present' : 'empty';
    }
    out.push({ requirement: r, status, required });
  }
  return out;
}
