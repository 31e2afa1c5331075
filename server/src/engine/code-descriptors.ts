// One descriptor per diagnostic code (issue 15 item 5b): its default severity, title and
// documentation, written once in its family's module under descriptors/ (codes.ts lists the
// families, rule-docs.ts gives the docs/rules/<code>.md content by code), and the typed shape of
// the `data` the editor features read back. `data` returns from the client with the diagnostic
// (code-action requests), so the readers check every field instead of casting.

import { ALL_CODES, CODES, type Code, type FindingData } from './codes';
import { RULE_DOCS, type RuleDoc } from './rule-docs';
import type { Insertion } from './rules/structure';
import type { Localized, Severity } from './rulesets/types';

/** Where `capability-unaddressed` would insert the missing capability (content.ts). */
export interface CapabilityInsert {
  format: 'table' | 'list';
  line: number;
  columns?: number;
}

/** `data` of `capability-unaddressed`. */
export interface CapabilityData extends FindingData {
  capability: string;
  name?: Localized;
  insert?: CapabilityInsert;
}

/** `data` of `frontmatter-missing`: the dotted path of the missing key. */
export interface MissingKeyData extends FindingData {
  path: string;
}

/** The lines of a table a finding is about (tables.ts `tableLines`): add a column, disable around it. */
export interface TableLines {
  start: number;
  end: number;
  header: number;
  /** The delimiter row, then each body row. */
  rows: number[];
}

/** `data` of `missing-section`: where the section goes (`insert`), or the statement `item` it lacks. */
export interface MissingSectionData extends FindingData {
  item?: string;
  insert?: Insertion;
}

/** `data` of `frontmatter-invalid` and `config-invalid`: the did-you-mean replacement, when there is one. */
export interface SuggestionData extends FindingData {
  suggestion?: string;
}

/** `data` of `missing-column`: the table and the missing column's name. */
export interface MissingColumnData extends FindingData {
  column?: string;
  label?: Localized;
  table?: TableLines;
}

/** `data` of `inconsistent-fact` when the OTS table and the SBOM disagree (rules/sbom.ts). */
export interface InconsistentFactData extends FindingData {
  mismatch?: string;
  sbomVersion?: string;
  table?: TableLines;
}

/** The data shapes the features rely on, by code (the other codes carry `FindingData`). */
export interface CodeDataShapes {
  'capability-unaddressed': CapabilityData;
  'frontmatter-missing': MissingKeyData;
  'missing-section': MissingSectionData;
  'frontmatter-invalid': SuggestionData;
  'config-invalid': SuggestionData;
  'missing-column': MissingColumnData;
  'inconsistent-fact': InconsistentFactData;
}

/** The `data` shape of a code: its own when it has one, else the common `FindingData`. */
export type DataOf<C extends Code> = C extends keyof CodeDataShapes ? CodeDataShapes[C] : FindingData;

export interface CodeDescriptor {
  code: Code;
  severity: Severity;
  title: Localized;
  docs: RuleDoc;
  /** Repository path of the generated page (docs.ts `docsUrl` links the installed copy). */
  docsPage: string;
}

export const CODE_DESCRIPTORS: ReadonlyMap<Code, CodeDescriptor> = new Map(
  ALL_CODES.map((code) => [code, { code, severity: CODES[code].severity, title: CODES[code].title, docs: RULE_DOCS[code], docsPage: `docs/rules/${code}.md` }]),
);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isLocalized = (v: unknown): v is Localized => isObject(v) && typeof v.zh === 'string' && typeof v.en === 'string';
const isLine = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const optionalString = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function capabilityInsert(v: unknown): CapabilityInsert | undefined {
  if (!isObject(v) || (v.format !== 'table' && v.format !== 'list') || typeof v.line !== 'number' || !Number.isInteger(v.line) || v.line < 0) return undefined;
  if (v.columns !== undefined && (typeof v.columns !== 'number' || !Number.isInteger(v.columns) || v.columns < 1)) return undefined;
  return { format: v.format, line: v.line, ...(v.columns !== undefined ? { columns: v.columns } : {}) };
}

/** A table's lines as tables.ts `tableLines` writes them, or undefined. */
export function tableLinesOf(v: unknown): TableLines | undefined {
  if (!isObject(v) || !isLine(v.start) || !isLine(v.end) || !isLine(v.header) || !Array.isArray(v.rows) || !v.rows.every(isLine)) return undefined;
  return { start: v.start, end: v.end, header: v.header, rows: [...v.rows] };
}

/** A missing section's insertion point (rules/structure.ts `insertion`), or undefined. */
function insertionOf(v: unknown): Insertion | undefined {
  if (!isObject(v) || !isLine(v.line) || typeof v.depth !== 'number' || typeof v.numbering !== 'string' || !Array.isArray(v.children)) return undefined;
  const children: Insertion['children'] = [];
  for (const c of v.children as unknown[]) {
    if (!isObject(c) || typeof c.id !== 'string' || typeof c.depth !== 'number' || typeof c.numbering !== 'string') return undefined;
    children.push({ id: c.id, depth: c.depth, numbering: c.numbering });
  }
  return { line: v.line, depth: v.depth, numbering: v.numbering, lang: v.lang === 'en' ? 'en' : 'zh', children };
}

/**
 * The fields every finding may carry (`requirement`, `clause`), checked; the other fields as
 * sent. What is not an object reads as no data.
 */
export function findingData(data: unknown): FindingData {
  if (!isObject(data)) return {};
  return { ...data, requirement: optionalString(data.requirement), clause: optionalString(data.clause) };
}

const suggestion = (data: unknown): SuggestionData => {
  const d = findingData(data);
  return { ...d, suggestion: optionalString(d.suggestion) };
};

const READERS: { [C in keyof CodeDataShapes]: (data: unknown) => CodeDataShapes[C] | undefined } = {
  'capability-unaddressed': (data) => {
    if (!isObject(data) || typeof data.capability !== 'string' || !data.capability) return undefined;
    const insert = capabilityInsert(data.insert);
    return {
      ...data,
      capability: data.capability,
      ...(isLocalized(data.name) ? { name: data.name } : { name: undefined }),
      ...(insert ? { insert } : { insert: undefined }),
    };
  },
  'frontmatter-missing': (data) => (isObject(data) && typeof data.path === 'string' ? { ...data, path: data.path } : undefined),
  'missing-section': (data) => {
    const d = findingData(data);
    return { ...d, item: optionalString(d.item), insert: insertionOf(d.insert) };
  },
  'frontmatter-invalid': suggestion,
  'config-invalid': suggestion,
  'missing-column': (data) => {
    const d = findingData(data);
    return { ...d, column: optionalString(d.column), label: isLocalized(d.label) ? d.label : undefined, table: tableLinesOf(d.table) };
  },
  'inconsistent-fact': (data) => {
    const d = findingData(data);
    return { ...d, mismatch: optionalString(d.mismatch), sbomVersion: optionalString(d.sbomVersion), table: tableLinesOf(d.table) };
  },
};

const hasReader = (code: Code): code is keyof CodeDataShapes => Object.prototype.hasOwnProperty.call(READERS, code);

/**
 * The diagnostic's `data` as its code's shape, or undefined when it does not have that shape
 * (a code without a shape of its own reads as `FindingData`).
 */
export function dataOf<C extends Code>(code: C, data: unknown): DataOf<C> | undefined {
  const read = hasReader(code) ? (READERS[code] as (data: unknown) => DataOf<C> | undefined) : (d: unknown) => findingData(d) as DataOf<C>;
  return read(data);
}
