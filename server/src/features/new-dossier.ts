// *New dossier document…* (issue 18 item 1): what the client asks — the registered guidelines,
// current law first, each with the submission kinds, the product facts and the document kinds of
// its schema and catalogue — and the dossier.yaml it writes: the answered facts merged into the
// file that is there, never replacing a key the user wrote. Pure over the rule sets and text.

import { parseDocument, isMap } from 'yaml';
import { DEFAULT_RULESET, type JsonSchema, type Localized, type RuleSet } from '../engine';

export interface FactChoice {
  value: string;
  label: Localized;
}

export interface ProductFact {
  /** Key under `product:` (name, model, class, software_version). */
  key: string;
  label: Localized;
  required: boolean;
  /** Closed values (class): a picker instead of a text box. */
  choices?: FactChoice[];
}

export interface GuidelineInfo {
  id: string;
  name: Localized;
  guideline: Localized;
  /** The first one is the current law the pickers put first (and preselect). */
  current: boolean;
  /** The rule set of a dossier that names none (the engine's default). */
  default: boolean;
  submissions: FactChoice[];
  product: ProductFact[];
  kinds: { id: string; name: Localized }[];
}

/** The facts the flow asks for, in this order, when the rule set's schema has them. */
const PRODUCT_KEYS = ['name', 'model', 'class', 'software_version'];
const EN_PRODUCT: Record<string, string> = { name: 'Product name', model: 'Model / specification', class: 'Device class', software_version: 'Software version (full)' };

/** `initial-registration` → "initial registration" (the schemas label enum values in Chinese only). */
const humanise = (v: string) => v.replace(/[-_]/g, ' ');

function choices(s: JsonSchema | undefined): FactChoice[] | undefined {
  if (!s?.enum) return undefined;
  const zh = s['x-enum-labels-zh'] ?? {};
  return s.enum.map((v) => ({ value: String(v), label: { zh: zh[String(v)] ?? String(v), en: humanise(String(v)) } }));
}

/**
 * Current law first: rule sets of one family (the id before its year) newest first, families in
 * the order they are registered — nmpa-2022, nmpa-2017, then fda-premarket-2025 and the like.
 */
export function orderRuleSets(rulesets: readonly RuleSet[]): RuleSet[] {
  const family = (id: string) => id.replace(/-?\d{4}$/, '');
  const year = (id: string) => Number(/(\d{4})$/.exec(id)?.[1] ?? 0);
  const families = [...new Set(rulesets.map((r) => family(r.id)))];
  return [...rulesets].sort((a, b) => families.indexOf(family(a.id)) - families.indexOf(family(b.id)) || year(b.id) - year(a.id));
}

export function guidelineInfos(rulesets: readonly RuleSet[]): GuidelineInfo[] {
  return orderRuleSets(rulesets).map((rs, i) => {
    const props = rs.schema.properties ?? {};
    const product = props.product?.properties ?? {};
    const required = new Set(props.product?.required ?? []);
    return {
      id: rs.id,
      name: rs.name,
      guideline: rs.guideline,
      current: i === 0,
      default: rs.id === DEFAULT_RULESET,
      submissions: choices(props.submission) ?? [],
      product: PRODUCT_KEYS.filter((k) => product[k]).map((k) => ({
        key: k,
        label: { zh: product[k]['x-label-zh'] ?? k, en: EN_PRODUCT[k] ?? humanise(k) },
        required: required.has(k),
        choices: choices(product[k]),
      })),
      kinds: rs.kinds.map((k) => ({ id: k.id, name: k.name })),
    };
  });
}

export interface DossierFacts {
  guideline?: string;
  submission?: string;
  product?: Record<string, string>;
}

export type MergeResult =
  | { ok: true; text: string; added: string[]; kept: string[]; changed: boolean; present: Record<string, string> }
  | { ok: false; problem: Localized };

const HEADER: Localized = {
  zh: '# 共享的产品事实：本文件夹内每个申报文件的 frontmatter 只需写明 document。',
  en: '# Facts shared by every file of this folder: each file’s frontmatter only needs `document`.',
};

/**
 * The dossier.yaml with `facts` merged in: keys the file has are kept as written (reported in
 * `kept` when the answer differs), missing ones are added. A file that does not parse is left
 * alone (ok: false): the user's text is never rewritten from a guess.
 */
export function mergeDossierYaml(existing: string | undefined, facts: DossierFacts | undefined, lang: 'zh' | 'en'): MergeResult {
  const pairs: [string[], string][] = [];
  if (facts?.guideline) pairs.push([['guideline'], facts.guideline]);
  if (facts?.submission) pairs.push([['submission'], facts.submission]);
  for (const [k, v] of Object.entries(facts?.product ?? {})) if (typeof v === 'string' && v.trim()) pairs.push([['product', k], v.trim()]);
  const source = existing ?? '';
  const doc = parseDocument(source);
  if (doc.errors.length || (doc.contents && !isMap(doc.contents))) {
    return {
      ok: false,
      problem: {
        zh: `dossier.yaml 无法解析${doc.errors[0] ? `（第 ${doc.errors[0].linePos?.[0]?.line ?? '?'} 行）` : ''}，未作修改；请先修正它。`,
        en: `dossier.yaml does not parse${doc.errors[0] ? ` (line ${doc.errors[0].linePos?.[0]?.line ?? '?'})` : ''}; it was left unchanged — fix it first.`,
      },
    };
  }
  // What the file already says of the facts the flow asks (the flow skips those questions).
  const present: Record<string, string> = {};
  for (const p of [['guideline'], ['submission'], ...PRODUCT_KEYS.map((k) => ['product', k])]) {
    const v = doc.getIn(p);
    if (v !== undefined && v !== null && typeof v !== 'object') present[p.join('.')] = String(v);
  }
  const added: string[] = [];
  const kept: string[] = [];
  if (!doc.contents) (doc as { contents: unknown }).contents = doc.createNode({}); // an empty or comment-only file
  for (const [p, v] of pairs) {
    if (doc.hasIn(p)) {
      const had = doc.getIn(p);
      if (String(had) !== v) kept.push(p.join('.'));
      continue;
    }
    if (p.length > 1 && doc.hasIn(p.slice(0, -1)) && !isMap(doc.getIn(p.slice(0, -1), true))) {
      kept.push(p.join('.')); // `product:` holds something else: not ours to replace
      continue;
    }
    doc.setIn(p, v);
    added.push(p.join('.'));
  }
  if (!added.length) return { ok: true, text: source, added, kept, changed: false, present };
  if (!source.trim()) doc.commentBefore = HEADER[lang].slice(1);
  return { ok: true, text: doc.toString({ lineWidth: 0 }), added, kept, changed: true, present };
}
