// A baseline lets a team adopt the checker on an existing dossier: findings recorded in it are
// hidden, matched by path, code, requirement and the text of the line (not the line number, so
// edits above a finding do not resurrect it).

import * as fs from 'node:fs';
import { type FileReport, LineIndex } from '../engine';

export interface BaselineEntry {
  path: string;
  code: string;
  requirement: string | null;
  line: string;
  count: number;
}

export interface Baseline {
  version: 1;
  entries: BaselineEntry[];
}

function lineTexts(file: string): LineIndex | undefined {
  try {
    return new LineIndex(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function keyOf(path: string, code: string, requirement: string | null, line: string): string {
  return JSON.stringify([path, code, requirement, line.trim()]);
}

function keysOf(reports: FileReport[], rel: (p: string) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of reports) {
    const lines = lineTexts(r.path);
    for (const d of r.diagnostics) {
      const k = keyOf(rel(r.path), d.code, (d.data.requirement as string) ?? null, lines?.lineText(d.range.start.line) ?? '');
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
  }
  return counts;
}

export function writeBaseline(file: string, reports: FileReport[], rel: (p: string) => string): void {
  const entries: BaselineEntry[] = [];
  for (const [k, count] of keysOf(reports, rel)) {
    const [path, code, requirement, line] = JSON.parse(k) as [string, string, string | null, string];
    entries.push({ path, code, requirement, line, count });
  }
  entries.sort((a, b) => (a.path + a.code + a.line < b.path + b.code + b.line ? -1 : 1));
  const b: Baseline = { version: 1, entries };
  fs.writeFileSync(file, `${JSON.stringify(b, null, 2)}\n`);
}

export function readBaseline(file: string): Baseline | undefined | 'unreadable' {
  if (!fs.existsSync(file)) return undefined;
  try {
    const b = JSON.parse(fs.readFileSync(file, 'utf8')) as Baseline;
    if (b.version !== 1 || !Array.isArray(b.entries)) return 'unreadable';
    return b;
  } catch {
    return 'unreadable';
  }
}

export function applyBaseline(reports: FileReport[], b: Baseline, rel: (p: string) => string): FileReport[] {
  const budget = new Map<string, number>();
  for (const e of b.entries) budget.set(keyOf(e.path, e.code, e.requirement, e.line), e.count);
  return reports.map((r) => {
    const lines = lineTexts(r.path);
    return {
      ...r,
      diagnostics: r.diagnostics.filter((d) => {
        const k = keyOf(rel(r.path), d.code, (d.data.requirement as string) ?? null, lines?.lineText(d.range.start.line) ?? '');
        const left = budget.get(k) ?? 0;
        if (left > 0) {
          budget.set(k, left - 1);
          return false;
        }
        return true;
      }),
    };
  });
}
