// One descriptor per diagnostic code (issue 15 item 5b): its default severity and title
// (codes.ts), its documentation (rule-docs.ts, the docs/rules/<code>.md page) and the typed shape
// of the `data` the editor features read back. `data` returns from the client with the
// diagnostic (code-action requests), so the readers check every field instead of casting.

import { ALL_CODES, CODES, type Code, type FindingData } from './codes';
import { RULE_DOCS, type RuleDoc } from './rule-docs';
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

/** The data shapes the features rely on, by code (the other codes carry `FindingData`). */
export interface CodeDataShapes {
  'capability-unaddressed': CapabilityData;
  'frontmatter-missing': MissingKeyData;
}

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

function capabilityInsert(v: unknown): CapabilityInsert | undefined {
  if (!isObject(v) || (v.format !== 'table' && v.format !== 'list') || typeof v.line !== 'number' || !Number.isInteger(v.line) || v.line < 0) return undefined;
  if (v.columns !== undefined && (typeof v.columns !== 'number' || !Number.isInteger(v.columns) || v.columns < 1)) return undefined;
  return { format: v.format, line: v.line, ...(v.columns !== undefined ? { columns: v.columns } : {}) };
}

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
};

/** The diagnostic's `data` as its code's shape, or undefined when it does not have that shape. */
export function dataOf<C extends keyof CodeDataShapes>(code: C, data: unknown): CodeDataShapes[C] | undefined {
  return READERS[code](data);
}
