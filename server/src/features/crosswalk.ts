// The crosswalk between two checked dossiers of different rule sets (spec §12 of
// requirements-fda-premarket-2025.md): per source requirement its checklist status, the mapped
// target requirements with theirs, and a mark; the capabilities ↔ categories table under one row;
// the target requirements no row maps to. The statuses are the checklist's (buildChecklist), not
// a second computation. Pure over the engine's state: no editor API.

import { evaluate, capabilityAnswers, findCrosswalk, getRuleSet, type Engine, type Locale, type CapabilityAnswer, type DossierState, type Crosswalk, type Localized, type RuleSet } from '../engine';
import { buildChecklist, dossierFacts, dossierState, resolveDossier, type Checklist, type ChecklistItem } from './checklist';
import type { RequirementStatus } from './view';

export type { CapabilityAnswer };
export type CrosswalkMark = 'both' | 'source-only' | 'target-only' | 'neither' | 'not-required' | 'no-counterpart';
export const CROSSWALK_MARKS: CrosswalkMark[] = ['both', 'source-only', 'target-only', 'neither', 'not-required', 'no-counterpart'];

export interface CrosswalkCell {
  id: string;
  title: Localized;
  status: RequirementStatus;
  required: boolean;
  /** Present, or not applicable with a reason (the checklist's N). */
  satisfied: boolean;
  note?: Localized;
  /** A kind letter alone: the whole document. */
  document?: boolean;
}

export interface CapabilityTarget {
  code: string;
  name: Localized;
  /** A category: its answer in the target's table; a requirement ID: its checklist status. */
  status: CapabilityAnswer | RequirementStatus;
}

export interface CapabilityLine {
  code: string;
  name: Localized;
  /** The answer in the source's own capability table. */
  source: CapabilityAnswer | RequirementStatus;
  targets: CapabilityTarget[];
}

export interface CrosswalkLine {
  source: CrosswalkCell;
  depth: number;
  targets: CrosswalkCell[];
  mark: CrosswalkMark;
  note?: Localized;
  capabilities?: CapabilityLine[];
}

export interface CrosswalkSide {
  name: string;
  root: string;
  ruleset: { id: string; name: Localized };
  /** The checklist's dossier N of M. */
  counts: { required: number; present: number };
}

export interface CrosswalkReport {
  version: 1;
  locale: Locale;
  crosswalk: { id: string; name: Localized; disclaimer: Localized; notCompared: Localized };
  source: CrosswalkSide;
  target: CrosswalkSide;
  /** Table A. */
  rows: CrosswalkLine[];
  /** Table B: target requirements no row names, in catalogue order. */
  unmapped: CrosswalkCell[];
  counts: Record<CrosswalkMark, number>;
  /** The mirrored kind used (R → O when `software.ots_usage` is `full`). */
  mirrored?: { from: string; to: string };
}

export type CrosswalkError =
  | { error: 'no-dossier'; which: 0 | 1 }
  | { error: 'not-a-pair'; rulesets: [string, string] };

/** Target requirement IDs that no row of the crosswalk names, in catalogue order (Table B). */
export function unmappedTargets(x: Crosswalk): string[] {
  const target = getRuleSet(x.target);
  if (!target) return [];
  const named = new Set(x.rows.flatMap((r) => r.to));
  return target.kinds.flatMap((k) => k.requirements.map((r) => r.id)).filter((id) => !named.has(id));
}

interface Side {
  state: DossierState;
  checklist: Checklist;
  ruleset: RuleSet;
}

function sideOf(engine: Engine, target: string, locale: Locale, fresh: boolean): Side | undefined {
  const d = resolveDossier(engine, target);
  if (!d) return undefined;
  const { state, reports } = dossierState(engine, d, fresh);
  const checklist = buildChecklist(state, reports, { locale, root: d.root });
  return { state, checklist, ruleset: dossierFacts(state).ruleset };
}

/** The crosswalk of the dossiers holding `a` and `b` (files or folders), in either order. */
export function crosswalkOf(engine: Engine, a: string, b: string, locale: Locale, opts: { fresh?: boolean } = {}): CrosswalkReport | CrosswalkError {
  const sa = sideOf(engine, a, locale, opts.fresh ?? false);
  if (!sa) return { error: 'no-dossier', which: 0 };
  const sb = sideOf(engine, b, locale, opts.fresh ?? false);
  if (!sb) return { error: 'no-dossier', which: 1 };
  const found = findCrosswalk(sa.ruleset.id, sb.ruleset.id);
  if (!found) return { error: 'not-a-pair', rulesets: [sa.ruleset.id, sb.ruleset.id] };
  const [source, target] = found.swapped ? [sb, sa] : [sa, sb];
  return buildCrosswalk(found.crosswalk, source, target, locale);
}

const NOT_THERE = (id: string, title: Localized): CrosswalkCell => ({ id, title, status: 'not-required', required: false, satisfied: false });

function cellOf(item: ChecklistItem): CrosswalkCell {
  return { id: item.id, title: item.title, status: item.status, required: item.required, satisfied: item.satisfied, ...(item.note ? { note: item.note } : {}) };
}

function finder(side: Side): (id: string) => CrosswalkCell {
  const items = new Map<string, ChecklistItem>();
  for (const d of side.checklist.documents) for (const it of d.requirements) if (!items.has(it.id)) items.set(it.id, it);
  return (id) => {
    const it = items.get(id);
    if (it) return cellOf(it);
    const kind = side.ruleset.kinds.find((k) => k.prefix === id);
    if (kind) {
      const doc = side.checklist.documents.find((d) => d.kind === kind.id);
      const present = !!doc && doc.files.length > 0;
      const required = doc?.role === 'required';
      const status: RequirementStatus = present ? 'present' : doc?.status === 'missing' ? 'missing' : 'not-required';
      return { id, title: kind.name, status, required, satisfied: present, document: true };
    }
    const req = side.ruleset.kinds.flatMap((k) => k.requirements).find((r) => r.id === id);
    return NOT_THERE(id, req?.title ?? { zh: id, en: id });
  };
}

/** The mark of a row (§12); exported for tests. */
export function markOf(source: CrosswalkCell, targets: CrosswalkCell[]): CrosswalkMark {
  if (!targets.length) return 'no-counterpart';
  const s = source.satisfied;
  const t = targets.some((c) => c.satisfied);
  if (s && t) return 'both';
  if (s) return 'source-only';
  if (t) return 'target-only';
  // Interpretation: absent on both sides and required on at least one is a gap of both.
  if (source.required || targets.some((c) => c.required)) return 'neither';
  return 'not-required';
}

/** Which dossier lacks a row's ground: the source's, the target's, or both. */
export type CrosswalkSideName = 'source' | 'target' | 'both';

/**
 * What a reviewer reads first (§12 «Verdict»): the rows absent where a dossier requires them
 * (gaps), the rows present on one side only because the other side's facts do not require them
 * (explained), and the source rows with no counterpart, present or not required.
 */
export interface CrosswalkVerdict {
  gaps: { id: string; mark: CrosswalkMark; lacking: CrosswalkSideName }[];
  explained: { id: string; mark: CrosswalkMark }[];
  unmatched: { present: string[]; notRequired: string[] };
}

/**
 * A cell its dossier is expected to have: required, or shown as missing, empty or a bare 不适用 by
 * the checklist — a recommended FDA element that is missing is a gap a reviewer asks about;
 * "not required here" (its facts switch it off) is not.
 */
const expected = (c: CrosswalkCell) => c.required || c.status !== 'not-required';

export function verdictOf(rows: CrosswalkLine[]): CrosswalkVerdict {
  const v: CrosswalkVerdict = { gaps: [], explained: [], unmatched: { present: [], notRequired: [] } };
  for (const l of rows) {
    const id = l.source.id;
    const inSource = expected(l.source);
    const inTarget = l.targets.some(expected);
    if (l.mark === 'source-only') (inTarget ? v.gaps.push({ id, mark: l.mark, lacking: 'target' }) : v.explained.push({ id, mark: l.mark }));
    else if (l.mark === 'target-only') (inSource ? v.gaps.push({ id, mark: l.mark, lacking: 'source' }) : v.explained.push({ id, mark: l.mark }));
    else if (l.mark === 'neither') v.gaps.push({ id, mark: l.mark, lacking: inSource && inTarget ? 'both' : inSource ? 'source' : 'target' });
    else if (l.mark === 'no-counterpart') {
      if (l.source.satisfied) v.unmatched.present.push(id);
      else if (inSource) v.gaps.push({ id, mark: l.mark, lacking: 'source' });
      else v.unmatched.notRequired.push(id);
    }
  }
  return v;
}

function groupOf(side: Side, prefix: string) {
  const kind = side.ruleset.kinds.find((k) => k.prefix === prefix);
  return kind ? side.state.groups.find((g) => g.ruleset === side.ruleset && g.kind.id === kind.id) : undefined;
}

function capabilityLines(x: Crosswalk, source: Side, target: Side, sourceId: string, sourceCell: CrosswalkCell, find: (id: string) => CrosswalkCell): CapabilityLine[] | undefined {
  const spec = x.capabilities;
  if (!spec) return undefined;
  const prefixOf = (id: string) => id.replace(/[\d.]+$/, '');
  const srcGroup = groupOf(source, prefixOf(sourceId));
  const srcAnswers = sourceCell.satisfied && sourceCell.status === 'present' && srcGroup ? capabilityAnswers(srcGroup, sourceId) : undefined;
  const toCell = find(spec.to);
  const tgtGroup = groupOf(target, prefixOf(spec.to));
  const tgtAnswers = toCell.status === 'present' && tgtGroup ? capabilityAnswers(tgtGroup, spec.to) : undefined;
  const capsOf = (rs: RuleSet, id: string) => {
    const r = rs.kinds.flatMap((k) => k.requirements).find((q) => q.id === id);
    const set = r?.checks?.flatMap((c) => (c.kind === 'capabilities' ? [c.set] : []))[0];
    return set ? (rs.capabilities[set] ?? []) : [];
  };
  const srcCaps = capsOf(source.ruleset, sourceId);
  const tgtCaps = capsOf(target.ruleset, spec.to);
  return spec.rows.map((row) => {
    const c = srcCaps.find((q) => q.code === row.capability);
    return {
      code: row.capability,
      name: c ? { zh: c.zh, en: c.en } : { zh: row.capability, en: row.capability },
      source: srcAnswers?.get(row.capability) ?? sourceCell.status,
      targets: row.to.map((t): CapabilityTarget => {
        const cat = tgtCaps.find((q) => q.code === t);
        if (cat) return { code: t, name: { zh: cat.zh, en: cat.en }, status: tgtAnswers?.get(t) ?? toCell.status };
        const cell = find(t);
        return { code: t, name: cell.title, status: cell.status };
      }),
    };
  });
}

function buildCrosswalk(x: Crosswalk, source: Side, target: Side, locale: Locale): CrosswalkReport {
  const findSource = finder(source);
  const findTarget = finder(target);
  const facts = dossierFacts(source.state).facts;
  const rows: CrosswalkLine[] = [];
  let mirrored: CrosswalkReport['mirrored'];
  for (const k of x.kinds) {
    const mirror = k.mirror && facts && evaluate(k.mirror.when, { facts }).value === true ? k.mirror.prefix : undefined;
    if (mirror) mirrored = { from: k.prefix, to: mirror };
    for (const r of x.rows) {
      if (!r.from.startsWith(k.prefix) || !/^[\d.]+$/.test(r.from.slice(k.prefix.length))) continue;
      const id = mirror ? mirror + r.from.slice(k.prefix.length) : r.from;
      const src = findSource(id);
      const targets = r.to.map(findTarget);
      const line: CrosswalkLine = { source: src, depth: id.split('.').length - 1, targets, mark: markOf(src, targets), ...(r.note ? { note: r.note } : {}) };
      if (x.capabilities && x.capabilities.from === r.from) {
        const caps = capabilityLines(x, source, target, id, src, findTarget);
        if (caps) line.capabilities = caps;
      }
      rows.push(line);
    }
  }
  const counts = Object.fromEntries(CROSSWALK_MARKS.map((m) => [m, 0])) as Record<CrosswalkMark, number>;
  for (const r of rows) counts[r.mark]++;
  const side = (s: Side): CrosswalkSide => ({
    name: s.checklist.name,
    root: s.checklist.root,
    ruleset: { id: s.ruleset.id, name: s.ruleset.name },
    counts: { required: s.checklist.counts.required, present: s.checklist.counts.present },
  });
  return {
    version: 1,
    locale,
    crosswalk: { id: x.id, name: x.name, disclaimer: x.disclaimer, notCompared: x.notCompared.reason },
    source: side(source),
    target: side(target),
    rows,
    unmapped: unmappedTargets(x).map(findTarget),
    counts,
    ...(mirrored ? { mirrored } : {}),
  };
}
