// Table vocabulary: which header cell fills which column role, and what a full version is.

import type { DocModel, TableModel } from './model';
import type { CellFact, TableFact } from './parse';
import { countReasonChars, normalize } from './text';

/**
 * Maps roles to column indexes: a header cell fills a role when its normalised text contains one
 * of the role's words; the first matching cell wins (requirements.md §3).
 */
export function columnMap(header: CellFact[], roles: string[], dict: Record<string, string[]>, precedence?: string[]): Map<string, number> {
  if (precedence) return columnMapByPrecedence(header, roles, dict, precedence);
  const keys = header.map((c) => normalize(c.run.text));
  const out = new Map<string, number>();
  const claimed = new Set<number>();
  for (const role of roles) {
    const words = (dict[role] ?? []).map(normalize);
    const fits = keys.flatMap((k, i) => (words.some((w) => w && k.includes(w)) ? [i] : []));
    // A cell another role already took is used only when nothing else fits ("Intended users"
    // contains "intended use": the purpose column is the next one).
    const i = fits.find((x) => !claimed.has(x)) ?? fits[0];
    if (i !== undefined) {
      out.set(role, i);
      claimed.add(i);
    }
  }
  return out;
}

export function hasRoles(t: TableFact, roles: string[], dict: Record<string, string[]>, precedence?: string[]): boolean {
  const m = columnMap(t.header, roles, dict, precedence);
  return roles.every((r) => m.has(r));
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** A header cell folded for §3.2: case, width, hyphens, underscores and slashes as spaces. */
function foldHeader(text: string): { text: string; tokens: string[] } {
  const t = text.normalize('NFKC').toLowerCase().replace(/[-_/]/g, ' ');
  return { text: t, tokens: t.split(/[^\p{L}\p{N}]+/u).filter(Boolean) };
}

/** A Latin word (or phrase) is a prefix of a token (of consecutive tokens); a CJK word a substring. */
export function headerHasWord(cell: { text: string; tokens: string[] }, word: string): boolean {
  const w = word.normalize('NFKC').toLowerCase();
  if (CJK.test(w)) return cell.text.includes(w);
  const parts = w.replace(/[-_/]/g, ' ').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (!parts.length) return false;
  for (let i = 0; i + parts.length <= cell.tokens.length; i++) if (parts.every((p, j) => cell.tokens[i + j].startsWith(p))) return true;
  return false;
}

/**
 * requirements-fda-premarket-2025.md §3.2: each header cell gets at most one role, the first of
 * `precedence` (then of `roles`) one of whose words it contains; a role's column is the first cell
 * assigned to it. "Supplier Name | Component Name" thus gives one supplier and one name column.
 */
function columnMapByPrecedence(header: CellFact[], roles: string[], dict: Record<string, string[]>, precedence: string[]): Map<string, number> {
  const order = [...precedence, ...roles.filter((r) => !precedence.includes(r))];
  const out = new Map<string, number>();
  header.forEach((c, i) => {
    const cell = foldHeader(c.run.text);
    const role = order.find((r) => (dict[r] ?? []).some((w) => headerHasWord(cell, w)));
    if (role && roles.includes(role) && !out.has(role)) out.set(role, i);
  });
  return out;
}

export function cellText(row: { cells: CellFact[] }, i: number | undefined): string {
  return i === undefined ? '' : (row.cells[i]?.run.text ?? '').trim();
}

/** A listing row that names something (not a 无 / 不适用 / N/A answer). */
export function isProductRow(row: { cells: CellFact[] }, nameCol: number | undefined): boolean {
  const all = row.cells.map((c) => c.run.text.trim()).filter(Boolean);
  if (!all.length) return false;
  const name = nameCol === undefined ? all[0] : cellText(row, nameCol);
  if (!name) return row.cells.some((c) => c.run.text.trim());
  return !/^(?:无|不适用|n\/a|none|not\s+applicable|-|—|\/)(?=$|[\s\p{P}])/iu.test(name);
}

/**
 * A version that identifies one exact build (requirements.md §4, 完整版本): two or more numeric
 * parts, a letter-suffixed release, a build / KB number, or a release date.
 */
export function isFullVersion(raw: string): boolean {
  const v = raw.normalize('NFKC').trim();
  if (!v) return false;
  if (/\b(?:latest|newest|current|any|or\s+(?:later|higher|above|newer))\b|最新|任意|以上|以后|或更高/iu.test(v)) return false;
  if (/\*|(?:^|[.\s_-])[xX](?=$|[.\s_)-])/.test(v)) return false;
  if (/(?:>=|<=|=>|=<|^\s*[<>~^]|\s[<>~^]\s*\d)/.test(v)) return false;
  if (/\+\s*$/.test(v)) return false;
  if (/\bbuild\s*[:#]?\s*\d+/i.test(v) || /\bKB\d{4,}\b/i.test(v)) return true;
  if (/\d{4}[-/.]\d{1,2}[-/.]\d{1,2}/.test(v) || /\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日/.test(v)) return true;
  if (/\d+(?:\.\d+)+/.test(v)) return true;
  if (/\d+(?:\.\d+)*[a-zA-Z](?![a-zA-Z0-9])/.test(v)) return true;
  return false;
}

/** Lines of a table, for quick fixes (add a column, disable around it) without re-parsing. */
export function tableLines(model: DocModel, t: TableModel): { start: number; end: number; header: number; rows: number[] } {
  const line = (o: number) => model.lines.positionAt(t.base + o).line;
  const header = line(t.fact.start);
  const rows = t.fact.rows.map((r) => line(r.start));
  const last = rows.length ? rows[rows.length - 1] : header + 1;
  return { start: header, end: last + 1, header, rows: [header + 1, ...rows] };
}

/** Every column index filling each role (a header cell containing one of the role's words). */
export function columnGroups(header: { run: { text: string } }[], roles: string[], dict: Record<string, string[]>): Map<string, number[]> {
  const keys = header.map((c) => normalize(c.run.text));
  const out = new Map<string, number[]>();
  for (const role of roles) {
    const words = (dict[role] ?? []).map(normalize).filter(Boolean);
    out.set(
      role,
      keys.flatMap((k, i) => (words.some((w) => k.includes(w)) ? [i] : [])),
    );
  }
  return out;
}

/**
 * A cell as a not-applicable answer (requirements-fda-premarket-2025.md §3.1, §3.2): `bare` when it
 * is one of `words` (a whole word: "NA" does not start "NAND") with fewer than `minReason` reason
 * characters after it, `justified` when a reason follows, undefined when it is no such answer.
 */
export function notApplicableAnswer(text: string, words: string[], minReason: number): 'bare' | 'justified' | undefined {
  const t = text.normalize('NFKC').trim();
  if (!t) return undefined;
  const folded = t.toLowerCase();
  // Longest first: "Not applicable" before "NA", "N/A" before "N".
  for (const w of [...words].sort((a, b) => b.length - a.length)) {
    const n = w.normalize('NFKC').toLowerCase();
    if (!n || !folded.startsWith(n)) continue;
    const rest = t.slice(n.length);
    if (rest && !/^[\s\p{P}\p{S}]/u.test(rest)) continue;
    return countReasonChars(rest) >= minReason ? 'justified' : 'bare';
  }
  return undefined;
}
