// What the editor features read: the engine's last state of a document's dossier (model, facts,
// requirement matches, IDs). Features answer from this cached state and never wait for a check.

import { evaluate, parentId, refKey, headingNotApplicable, notApplicableOf, answerSection, sectionHasBody, isPlaceholderText, descendants, subtreeHasBody, missingSeverityOf, type Engine, type FileReport, type FindingData, type DocGroup, type DossierState, type FileState, type Answer, type HeadingRef, type Localized, type Requirement, type DocModel, type Heading, type Range } from '../engine';
import { becauseText, explainCondition, type Explanation } from './explain';

export interface DocView {
  state: DossierState;
  file: FileState;
  group?: DocGroup;
  /** Index of the file inside its document group. */
  fileIndex: number;
  /** The dossier's last reports (final diagnostics: severities and suppressions applied). */
  reports?: FileReport[];
}

export function viewOf(engine: Engine, path: string): DocView | undefined {
  const s = engine.stateOf(path);
  if (!s?.file) return undefined;
  const group = s.state.groups.find((g) => g.files.includes(s.file!));
  return { state: s.state, file: s.file, group, fileIndex: group ? group.files.indexOf(s.file) : -1, reports: s.reports };
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

/** What the status logic reads of a diagnostic: final diagnostics, or raw findings. */
export interface DiagnosticLike {
  code: string;
  range: Range;
  data: FindingData;
}

export interface RequirementState {
  requirement: Requirement;
  status: RequirementStatus;
  /** Counts in "M": the condition holds, it is not recommended-only, not switched off. */
  required: boolean;
  /** Recommended only (its absence is a hint): shown, never counted. */
  recommended: boolean;
  /** Counts in "N": present, or not applicable with a reason. */
  satisfied: boolean;
  /** Its heading, when found where it belongs. */
  ref?: HeadingRef;
  /** Answered without a heading (requirements.md §3a): by a label, a table row or a reference. */
  answer?: Answer;
  /** not-applicable: the reason's first sentence ('' for a bare 不适用) and the answering ancestor. */
  notApplicable?: { reason: string; coveredBy?: string };
  /** empty: nothing at all, or placeholders only (the placeholders found). */
  empty?: { kind: 'no-content' | 'placeholder'; placeholders: string[] };
  /** not-required: what switched it off. */
  off?: { kind: 'condition' | 'unknown' | 'changes-only' | 'suppressed' | 'parent'; explanation?: Explanation; parent?: string };
  /** A conditional requirement that holds: the facts that switched it on. */
  because?: Localized;
  /** missing: a heading for it sits elsewhere (not under its parent). */
  misplaced?: HeadingRef;
  /** missing, statement kinds: the elements not found (data.item of the findings). */
  missingItems?: string[];
  /** missing: the nearest missing ancestor (its quick fix inserts this one too). */
  missingAncestor?: string;
}

/**
 * Status of each requirement of a document, in catalogue order: the language status item and
 * the checklist read it. `diagnostics` gives a file's final diagnostics (so suppressions and
 * severity settings count); without it the raw findings are used.
 */
export function requirementStatuses(group: DocGroup, diagnostics?: (file: FileState) => DiagnosticLike[] | undefined): RequirementState[] {
  const diagsOf = (f: FileState): DiagnosticLike[] => diagnostics?.(f) ?? f.findings;
  const all = group.files.flatMap((f) => diagsOf(f));
  const changesOnly = group.submission?.changesOnly?.includes(group.kind.id) ?? false;
  const cond = group.cond ?? { facts: group.facts };
  const byId = new Map<string, RequirementState>();
  const out: RequirementState[] = [];
  for (const r of group.kind.requirements) {
    const parent = parentId(r.id);
    const up = parent ? byId.get(parent) : undefined;
    const s: RequirementState = { requirement: r, status: 'present', required: false, recommended: r.missingSeverity === 'hint', satisfied: false };
    // Whether it is required here: the document's role, the parent, the condition.
    let needed = true;
    if (changesOnly) {
      needed = false;
      s.off = { kind: 'changes-only' };
    } else if (up && !up.required && (up.off?.kind === 'condition' || up.off?.kind === 'unknown' || up.off?.kind === 'parent')) {
      needed = false;
      s.off = { kind: 'parent', parent: up.requirement.id, explanation: up.off.explanation };
    } else if (r.condition) {
      const v = evaluate(r.condition, cond).value;
      if (v === true) s.because = becauseText(r.condition, cond);
      else {
        needed = false;
        s.off = { kind: v === undefined ? 'unknown' : 'condition', explanation: explainCondition(r.condition, cond) };
      }
    }
    // Severity by tier and mode (FDA §1): a requirement whose missing-section defaults below error
    // in this file's mode is recommended, not counted in "M".
    if (needed && group.ruleset.severityModes && missingSeverityOf(group.ruleset, r, group.facts) !== 'error') s.recommended = true;
    s.required = needed && !s.recommended;

    const ref = group.match.found.get(r.id);
    if (r.wholeDocument) {
      const items = all.filter((d) => d.code === 'missing-section' && d.data.requirement === r.id).map((d) => String(d.data.item ?? ''));
      if (items.length) {
        s.status = 'missing';
        s.missingItems = items.filter(Boolean);
      }
    } else if (up?.status === 'not-applicable') {
      s.status = 'not-applicable';
      s.notApplicable = { reason: up.notApplicable!.reason, coveredBy: up.notApplicable!.coveredBy ?? up.requirement.id };
      if (ref) s.ref = ref;
    } else if (ref) {
      s.ref = ref;
      const file = group.files[ref.file];
      const model = file.model!;
      const h = model.headings[ref.heading];
      const hna = headingNotApplicable(group, h);
      if (hna) {
        s.status = 'not-applicable';
        s.notApplicable = { reason: hna.reasonChars < 6 ? '' : reasonSentence(hna.reason) };
      } else if (!subtreeHasBody(model, h.index)) {
        s.status = 'empty';
        s.empty = { kind: 'no-content', placeholders: [] };
      } else {
        const ph = placeholderOnly(model, h.index, diagsOf(file));
        if (ph) {
          s.status = 'empty';
          s.empty = { kind: 'placeholder', placeholders: ph };
        }
      }
    } else if (group.match.answers.has(r.id)) {
      const a = group.match.answers.get(r.id)!;
      s.answer = a;
      const na = notApplicableOf(group, r.id);
      if (na) {
        s.status = 'not-applicable';
        s.notApplicable = { reason: na.reasonChars < 6 ? '' : reasonSentence(na.reason) };
      } else if (!sectionHasBody(answerSection(group, a))) {
        s.status = 'empty';
        s.empty = { kind: 'no-content', placeholders: [] };
      } else if (a.kind !== 'reference' && isPlaceholderText(a.rest.trim())) {
        s.status = 'empty';
        s.empty = { kind: 'placeholder', placeholders: [a.rest.trim()] };
      }
    } else if (needed || s.recommended) {
      s.status = 'missing';
      const misplaced = group.match.misplaced.get(r.id);
      if (misplaced) s.misplaced = misplaced;
      if (up?.status === 'missing') s.missingAncestor = up.missingAncestor ?? up.requirement.id;
      // Required but never reported: switched off by configuration or a suppression comment.
      const reportedAs = s.missingAncestor ?? r.id;
      if (group.files.length && s.required && !all.some((d) => d.code === 'missing-section' && d.data.requirement === reportedAs)) {
        s.status = 'not-required';
        s.required = false;
        s.off = { kind: 'suppressed' };
      }
    } else s.status = 'not-required';
    s.satisfied = s.status === 'present' || (s.status === 'not-applicable' && s.notApplicable!.reason !== '');
    byId.set(r.id, s);
    out.push(s);
  }
  return out;
}

/** The first sentence of a not-applicable reason, without the leading “，理由：”. */
export function reasonSentence(raw: string): string {
  let s = raw.replace(/^[\s\p{P}\p{S}]+/u, '');
  s = s.replace(/^(?:理由|原因|说明|reason|because)\s*[:：,，]?\s*/iu, '');
  const m = /^[\s\S]*?(?:[。！？!?]|\.(?=\s|$)|(?=\n)|$)/u.exec(s);
  let first = (m ? m[0] : s).replace(/\s+/g, ' ').trim();
  if ([...first].length > 200) first = `${[...first].slice(0, 199).join('')}…`;
  return first;
}

/**
 * Placeholders only: every body unit of the section (a block, or a row of a table) holds a
 * placeholder finding. Returns the placeholders, or undefined when some unit has real content.
 */
function placeholderOnly(model: DocModel, heading: number, diags: DiagnosticLike[]): string[] | undefined {
  const h = model.headings[heading];
  // A placeholder finding stands for every placeholder of its section (data.lines).
  const placeLines = (d: DiagnosticLike) => (Array.isArray(d.data.lines) ? (d.data.lines as number[]) : [d.range.start.line]);
  const phs = diags.filter((d) => d.code === 'placeholder' && placeLines(d).some((l) => l >= h.line && l < h.end));
  if (!phs.length) return undefined;
  const lines = new Set(phs.flatMap(placeLines));
  const heads = [heading, ...descendants(model, heading)];
  const inSection = new Set(heads);
  const units: [number, number][] = [];
  for (const i of heads) {
    for (const b of model.headings[i].blocks) {
      if (!b.item.body || b.item.kind === 'table') continue;
      units.push([model.lines.positionAt(b.base + b.item.start).line, model.lines.positionAt(b.base + Math.max(b.item.start, b.item.end - 1)).line]);
    }
  }
  for (const t of model.tables) {
    if (!inSection.has(t.heading)) continue;
    const rows = t.fact.rows.length ? t.fact.rows : [];
    for (const row of rows) {
      const l = model.lines.positionAt(t.base + row.start).line;
      units.push([l, l]);
    }
    if (!rows.length) {
      const l = model.lines.positionAt(t.base + t.fact.start).line;
      units.push([l, l]);
    }
  }
  if (!units.length) return undefined;
  const hit = ([a, b]: [number, number]) => {
    for (let l = a; l <= b; l++) if (lines.has(l)) return true;
    return false;
  };
  if (!units.every(hit)) return undefined;
  return [...new Set(phs.map((d) => String(d.data.text ?? '')))].filter(Boolean);
}
