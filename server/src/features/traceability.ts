// The traceability matrix of a dossier (requirements.md §4, D3.3): each row of the traceability
// table(s) as requirement → design → test → risk, with every ID marked defined or not, and the
// gaps flagged — an empty cell, an ID referenced but defined nowhere, a defined requirement that
// no row names. Pure over the engine's state, plain JSON (it goes over LSP).

import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { traceabilityTables, cellText, columnMap, type IdKind, type IdOccurrence, type DocModel, type DossierState, type FileState } from '../engine';

export const TRACE_ROLES = ['requirement', 'design', 'test', 'risk'] as const;
export type TraceRole = (typeof TRACE_ROLES)[number];

export interface TraceId {
  id: string;
  kind: IdKind;
  defined: boolean;
  /** What its definition says (the rest of its line, or the next cell of its row), shortened. */
  title?: string;
}

export interface TraceCell {
  text: string;
  ids: TraceId[];
}

/**
 * no-requirement / no-design / no-test / no-risk: that cell is empty; undefined-id: the row names
 * an ID defined nowhere; not-in-table: a defined requirement that no traceability row names.
 */
export type TraceGap = 'no-requirement' | 'no-design' | 'no-test' | 'no-risk' | 'undefined-id' | 'not-in-table';

export interface TraceLocation {
  path: string;
  relPath: string;
  uri: string;
  line: number;
}

export interface TraceRow {
  cells: Record<TraceRole, TraceCell>;
  source: 'table' | 'untraced';
  location?: TraceLocation;
  gaps: TraceGap[];
}

export interface TraceMatrix {
  /** The traceability tables found (their header line). */
  tables: TraceLocation[];
  rows: TraceRow[];
  /** Requirement IDs defined in the dossier, and how many of them some row names. */
  definedRequirements: number;
  tracedRequirements: number;
  /** IDs referenced anywhere in the dossier but defined nowhere (sorted). */
  undefinedIds: string[];
  /** Rows with at least one gap. */
  gapRows: number;
}

export interface TraceOptions {
  /** Paths in the matrix are relative to this folder. */
  root: string;
  toUri?: (file: string) => string;
}

const MAX_TITLE = 60;

function shorten(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  const chars = [...t];
  return chars.length > MAX_TITLE ? `${chars.slice(0, MAX_TITLE - 1).join('')}…` : t;
}

/** The text a definition gives its ID: the next cell of its table row, else the rest of its line. */
function definitionTitle(model: DocModel, o: IdOccurrence): string | undefined {
  if (o.table !== undefined && o.row !== undefined && o.cell !== undefined) {
    const row = model.tables[o.table]?.fact.rows[o.row];
    const next = row?.cells.slice(o.cell + 1).map((c) => c.run.text.trim()).find(Boolean);
    return next ? shorten(next) : undefined;
  }
  const rest = model.lines
    .lineText(o.range.end.line)
    .slice(o.range.end.character)
    .replace(/^[\s*_`~]*[:：]?\s*/u, '')
    .replace(/[*_`]+/g, '')
    .trim();
  return rest ? shorten(rest) : undefined;
}

export function traceMatrix(state: DossierState, opts: TraceOptions): TraceMatrix {
  const toUri = opts.toUri ?? ((f: string) => pathToFileURL(f).href);
  const loc = (f: FileState, line: number): TraceLocation => ({ path: f.path, relPath: path.relative(opts.root, f.path).split(path.sep).join('/'), uri: toUri(f.path), line });
  const checked = state.files.filter((f) => f.model && !f.skipBody);
  const trace = state.groups.flatMap((g) => traceabilityTables(g).map((t) => ({ ...t, ruleset: g.ruleset })));
  const traceKey = new Set(trace.map((t) => `${t.file.path}\u0000${t.table.index}`));
  const inTrace = (f: FileState, o: IdOccurrence) => o.table !== undefined && traceKey.has(`${f.path}\u0000${o.table}`);

  // Definitions as the dossier rules see them (checkIds): never inside the traceability table.
  const defined = new Map<string, { kind: IdKind; title?: string }>();
  const referenced = new Set<string>();
  for (const f of checked) {
    for (const o of f.ids) {
      if (o.definition && !inTrace(f, o)) {
        if (!defined.has(o.id)) defined.set(o.id, { kind: o.kind, title: definitionTitle(f.model!, o) });
      } else referenced.add(o.id);
    }
  }
  const idOf = (o: IdOccurrence): TraceId => {
    const d = defined.get(o.id);
    return d ? { id: o.id, kind: o.kind, defined: true, ...(d.title ? { title: d.title } : {}) } : { id: o.id, kind: o.kind, defined: false };
  };

  const rows: TraceRow[] = [];
  const named = new Set<string>();
  for (const t of trace) {
    const model = t.file.model!;
    const cols = columnMap(t.table.fact.header, [...TRACE_ROLES], t.ruleset.columns);
    const occs = t.file.ids.filter((o) => o.table === t.table.index);
    t.table.fact.rows.forEach((row, ri) => {
      if (!row.cells.some((c) => c.run.text.trim())) return;
      const cells = {} as Record<TraceRole, TraceCell>;
      const gaps: TraceGap[] = [];
      for (const role of TRACE_ROLES) {
        const ci = cols.get(role);
        const ids = ci === undefined ? [] : occs.filter((o) => o.row === ri && o.cell === ci).map(idOf);
        cells[role] = { text: cellText(row, ci), ids };
        if (!cells[role].text) gaps.push(`no-${role}` as TraceGap);
      }
      // IDs anywhere in the row (a column the matrix does not show included).
      if (occs.some((o) => o.row === ri && !defined.has(o.id))) gaps.push('undefined-id');
      for (const o of occs) if (o.row === ri && o.kind === 'requirement') named.add(o.id);
      rows.push({ cells, source: 'table', location: loc(t.file, model.lines.positionAt(t.table.base + row.start).line), gaps });
    });
  }
  const definedReqs = [...defined].filter(([, d]) => d.kind === 'requirement');
  if (trace.length) {
    for (const [id, d] of definedReqs) {
      if (named.has(id)) continue;
      const empty = { text: '', ids: [] };
      rows.push({
        cells: { requirement: { text: id, ids: [{ id, kind: 'requirement', defined: true, ...(d.title ? { title: d.title } : {}) }] }, design: empty, test: empty, risk: empty },
        source: 'untraced',
        gaps: ['not-in-table'],
      });
    }
  }
  const tables = trace.map((t) => loc(t.file, t.file.model!.lines.positionAt(t.table.base + t.table.fact.start).line));
  return {
    tables,
    rows,
    definedRequirements: definedReqs.length,
    tracedRequirements: definedReqs.filter(([id]) => named.has(id)).length,
    undefinedIds: [...referenced].filter((id) => !defined.has(id)).sort(),
    gapRows: rows.filter((r) => r.gaps.length).length,
  };
}
