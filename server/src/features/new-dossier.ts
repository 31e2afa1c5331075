// *New dossier document…* (issue 18 item 1): what the client asks — the registered guidelines,
// current law first, each with the submission kinds, the product facts and the document kinds of
// its schema and catalogue — and the dossier.yaml it writes: the answered facts merged into the
// file that is there, never replacing a key the user wrote. Pure over the rule sets and text.

import { parseDocument, isMap } from 'yaml';
import { DEFAULT_RULESET, evaluate, type Condition, type Facts, type JsonSchema, type Localized, type RuleSet } from '../engine';

export interface FactChoice {
  value: string;
  label: Localized;
  /** A longer explanation (the schema's description), shown under the label. */
  detail?: Localized;
  /** Of a submission: the document kinds that are not part of it (the kind picker lists them last). */
  wrongKinds?: string[];
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
  /**
   * The other facts that decide the catalogue, asked after the kind: the keys the schema requires
   * (data.types, cyber_device, connectivity), the keys required for a kind (software.safety_level
   * of a research report), and the facts whose absence puts a new dossier out of scope (how a 2017
   * device exchanges data). Answers go back in `DossierFacts.answers`.
   */
  facts: AskedFact[];
  kinds: { id: string; name: Localized }[];
}

/**
 * One question of the flow beyond the product facts. `one`: a single choice; `many`: any number.
 * A `many` over an object's keys (cyber_device, connectivity) writes the chosen keys; when
 * `emptyWrites` an empty selection is an answer too (connectivity: {} — no connection; the three
 * 524B(c) criteria all false), else choosing nothing writes nothing (decide later).
 */
export interface AskedFact {
  /** Dotted path of the fact (written into dossier.yaml). */
  path: string;
  label: Localized;
  kind: 'one' | 'many';
  choices: FactChoice[];
  emptyWrites: boolean;
  /** Only for these document kinds (a key required for them); absent: every kind. */
  kinds?: string[];
  /** Only for these submissions (`updates` of a change); absent: every submission. */
  submissions?: string[];
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
      submissions: (choices(props.submission) ?? []).map((c) => {
        const wrong = wrongKinds(rs, c.value);
        return wrong.length ? { ...c, wrongKinds: wrong } : c;
      }),
      product: PRODUCT_KEYS.filter((k) => product[k]).map((k) => ({
        key: k,
        label: { zh: product[k]['x-label-zh'] ?? k, en: EN_PRODUCT[k] ?? humanise(k) },
        required: required.has(k),
        choices: choices(product[k]),
      })),
      facts: askedFacts(rs),
      kinds: rs.kinds.map((k) => ({ id: k.id, name: k.name })),
    };
  });
}

/** English labels of the asked facts (the schemas label keys in Chinese only). */
const EN_FACT: Record<string, string> = {
  'data.types': 'Data the device handles',
  'software.safety_level': 'Software safety level',
  cyber_device: 'Cyber device criteria (section 524B(c)) the device meets',
  connectivity: 'Connections of the device',
  interfaces: 'How the device exchanges data',
  'functions.exchange': 'Electronic data exchange',
  'functions.remote_control': 'Remote control',
  updates: 'Cybersecurity updates since the previous registration',
  update_content: 'What the cybersecurity updates are',
  'change.cybersecurity_impact': 'Cybersecurity impact of the change',
};
const EN_KEY: Record<string, string> = {
  software: 'Software (524B(c)(1))',
  internet: 'Ability to connect to the internet (524B(c)(2))',
  vulnerable_characteristics: 'Characteristics vulnerable to cybersecurity threats (524B(c)(3))',
  wired: 'Wired',
  wireless: 'Wireless',
  cloud: 'Cloud or server connection',
  usb: 'USB',
  removable_media: 'Removable media',
  network: 'Network connection',
  storage_media: 'Storage media',
};
const capital = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);
const firstSentence = (t: string | undefined) => (t ? (/^(.*?[.。])(\s|$)/u.exec(t)?.[1] ?? t) : undefined);

function schemaAtPath(schema: JsonSchema, path: string): JsonSchema | undefined {
  let s: JsonSchema | undefined = schema;
  for (const k of path.split('.')) s = s?.properties?.[k];
  return s;
}

const isEnumList = (s: JsonSchema) => s.type === 'array' && !!s.items?.enum;

/** The question that answers `path`, or undefined when the flow cannot ask it in one pick. */
function question(schema: JsonSchema, path: string): AskedFact[] {
  const s = schemaAtPath(schema, path);
  if (!s) return [];
  const key = path.slice(path.lastIndexOf('.') + 1);
  const label: Localized = { zh: s['x-label-zh'] ?? key, en: EN_FACT[path] ?? capital(humanise(key)) };
  if (s.enum) return [{ path, label, kind: 'one', choices: choices(s)!, emptyWrites: false }];
  if (isEnumList(s)) return [{ path, label, kind: 'many', choices: choices(s.items)!.map((c) => ({ ...c, detail: undefined })), emptyWrites: false }];
  if (s.type === 'boolean')
    return [{ path, label, kind: 'one', choices: [{ value: 'true', label: { zh: '是', en: 'yes' } }, { value: 'false', label: { zh: '否', en: 'no' } }], emptyWrites: false }];
  if (s.type !== 'object' || !s.properties) return [];
  const kids = Object.entries(s.properties);
  const required = s.required ?? [];
  // An object whose required keys are the questions (data: its types) is asked key by key.
  if (required.length && !required.every((k) => s.properties![k]?.type === 'boolean')) return required.flatMap((k) => question(schema, `${path}.${k}`));
  // Otherwise one pick over its keys: booleans, lists of values, sub-objects (written as {}).
  const out: FactChoice[] = [];
  for (const [k, c] of kids) {
    const kl: Localized = { zh: c['x-label-zh'] ?? k, en: EN_KEY[k] ?? capital(humanise(k)) };
    const detail = c.description ? { zh: c['x-description-zh'] ?? c.description, en: firstSentence(c.description)! } : undefined;
    if (c.type === 'boolean' || c.type === 'object') out.push({ value: k, label: kl, ...(detail ? { detail } : {}) });
    else if (isEnumList(c))
      for (const v of choices(c.items)!) out.push({ value: `${k}.${v.value}`, label: { zh: `${kl.zh}：${v.label.zh}`, en: `${kl.en}: ${v.label.en}` } });
  }
  if (!out.length) return [];
  // Choosing nothing is an answer when it means something: every required boolean false, or an
  // empty object the schema reads as "none" (connectivity: {}).
  const emptyWrites = required.length > 0 || /\{\}/.test(s.description ?? '');
  return [{ path, label, kind: 'many', choices: out, emptyWrites }];
}

function factsIn(c: Condition): string[] {
  if ('fact' in c) return [c.fact];
  if ('all' in c) return c.all.flatMap(factsIn);
  if ('any' in c) return c.any.flatMap(factsIn);
  if ('not' in c) return factsIn(c.not);
  if ('ordinal' in c) return c.ordinal.facts;
  return [];
}

/** The submissions a condition is limited to (undefined: any). */
function submissionsIn(c: Condition): string[] | undefined {
  if ('fact' in c && c.fact === 'submission') return 'equals' in c ? [String(c.equals)] : 'in' in c ? c.in.map(String) : undefined;
  if ('all' in c) {
    const parts = c.all.map(submissionsIn).filter((x): x is string[] => x !== undefined);
    return parts.length ? parts.reduce((a, b) => a.filter((x) => b.includes(x))) : undefined;
  }
  if ('any' in c) {
    const parts = c.any.map(submissionsIn);
    return parts.some((x) => x === undefined) ? undefined : [...new Set(parts.flat() as string[])];
  }
  return undefined;
}

const factsWith = (values: Record<string, string>): Facts => {
  const v = Object.create(null) as Facts['values'];
  Object.assign(v, values);
  return { values: v, invalid: new Set(), origin: new Map() };
};

/**
 * The kinds that are not part of a submission whatever the other facts say: those every
 * submission case that holds on the submission alone lists as wrong (none when no case holds).
 */
function wrongKinds(rs: RuleSet, submission: string): string[] {
  const cases = rs.submission.filter((c) => evaluate(c.when, { facts: factsWith({ submission }) }).value === true);
  if (!cases.length) return [];
  return rs.kinds.map((k) => k.id).filter((k) => cases.every((c) => c.wrong.includes(k)));
}

/** The facts the flow asks beyond product and submission (see GuidelineInfo.facts). */
export function askedFacts(rs: RuleSet): AskedFact[] {
  const out: AskedFact[] = [];
  const seen = new Set<string>();
  const add = (qs: AskedFact[], kinds?: string[], submissions?: string[]) => {
    for (const q of qs) {
      if (seen.has(q.path)) continue;
      seen.add(q.path);
      out.push({ ...q, ...(kinds ? { kinds } : {}), ...(submissions ? { submissions } : {}) });
    }
  };
  const asked = new Set(['document', 'guideline', 'submission', 'product']);
  for (const k of rs.schema.required ?? []) if (!asked.has(k)) add(question(rs.schema, k));
  // Keys required for some kinds or submissions (the safety level of a research report, the
  // updates of a change): decided by the document and the submission alone; a key that depends
  // on other answers is not asked (the checker reports it, with its fix).
  const subs = (rs.schema.properties?.submission?.enum ?? []).map(String);
  for (const rw of rs.requiredWhen) {
    const holds = (k: string, sub?: string) => evaluate(rw.when, { facts: factsWith({ document: k, ...(sub ? { submission: sub } : {}) }) }).value === true;
    const kinds = rs.kinds.map((k) => k.id).filter((k) => holds(k) || subs.some((sub) => holds(k, sub)));
    if (!kinds.length) continue;
    const always = (sub: string) => kinds.every((k) => holds(k, sub));
    const forSubs = kinds.every((k) => holds(k)) || subs.every(always) ? undefined : subs.filter((sub) => kinds.some((k) => holds(k, sub)));
    add(question(rs.schema, rw.fact), kinds.length === rs.kinds.length ? undefined : kinds, forSubs);
  }
  // The facts the submission cases read besides the submission (which documents the dossier
  // needs): the use of OTS software under NMPA 2022, say.
  const caseFacts = new Map<string, Set<string> | undefined>();
  for (const c of rs.submission) {
    const subsOf = submissionsIn(c.when);
    for (const p of factsIn(c.when)) {
      if (asked.has(p.split('.')[0])) continue;
      const had = caseFacts.has(p) ? caseFacts.get(p) : new Set<string>();
      caseFacts.set(p, had && subsOf ? new Set([...had, ...subsOf]) : undefined);
    }
  }
  for (const [p, forSubs] of caseFacts) add(question(rs.schema, p), undefined, forSubs && forSubs.size < subs.length ? [...forSubs] : undefined);
  // A scope rule that holds for a dossier that says nothing (2017: no interface, no exchange):
  // its facts are asked, grouped under their parent key (interfaces: network, storage media).
  for (const rule of rs.scope) {
    if (evaluate(rule.when, { facts: factsWith({}) }).value !== true) continue;
    const paths = [...new Set(factsIn(rule.when))].filter((p) => !asked.has(p.split('.')[0]));
    const parents = [...new Set(paths.map((p) => (schemaAtPath(rs.schema, p)?.type === 'object' ? p.split('.').slice(0, -1).join('.') : p)))];
    for (const p of parents) add(question(rs.schema, p));
  }
  return out;
}

/** The YAML value an answer writes (undefined: nothing, decide later). */
export function answerValue(q: AskedFact, values: readonly string[], schema?: JsonSchema): unknown {
  const known = values.filter((v) => q.choices.some((c) => c.value === v));
  if (q.kind === 'one') {
    const v = known[0];
    if (v === undefined) return undefined;
    return q.choices.length === 2 && q.choices[0].value === 'true' ? v === 'true' : v;
  }
  const s = schema ? schemaAtPath(schema, q.path) : undefined;
  if (!q.choices.some((c) => c.value.includes('.')) && !(s?.type === 'object')) return known.length ? known : undefined; // a list of values
  if (!known.length && !q.emptyWrites) return undefined;
  const obj: Record<string, unknown> = {};
  for (const [k, c] of Object.entries(s?.properties ?? {})) {
    if (c.type === 'boolean') {
      if (known.includes(k)) obj[k] = true;
      else if (s?.required?.includes(k)) obj[k] = false;
    } else if (c.type === 'object') {
      if (known.includes(k)) obj[k] = {};
    } else {
      const picked = known.filter((v) => v.startsWith(`${k}.`)).map((v) => v.slice(k.length + 1));
      if (picked.length) obj[k] = picked;
    }
  }
  return obj;
}

export interface DossierFacts {
  guideline?: string;
  submission?: string;
  product?: Record<string, string>;
  /** Answers to GuidelineInfo.facts: the question's path → the chosen choice values. */
  answers?: Record<string, string[]>;
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
export function mergeDossierYaml(existing: string | undefined, facts: DossierFacts | undefined, lang: 'zh' | 'en', ruleset?: RuleSet): MergeResult {
  const pairs: [string[], unknown][] = [];
  if (facts?.guideline) pairs.push([['guideline'], facts.guideline]);
  if (facts?.submission) pairs.push([['submission'], facts.submission]);
  for (const [k, v] of Object.entries(facts?.product ?? {})) if (typeof v === 'string' && v.trim()) pairs.push([['product', k], v.trim()]);
  // The answers, read against the rule set's own questions (nothing else is written).
  if (ruleset && facts?.answers && typeof facts.answers === 'object') {
    for (const q of askedFacts(ruleset)) {
      const a = Object.prototype.hasOwnProperty.call(facts.answers, q.path) ? facts.answers[q.path] : undefined;
      if (!Array.isArray(a)) continue;
      const v = answerValue(q, a.filter((x): x is string => typeof x === 'string'), ruleset.schema);
      if (v !== undefined) pairs.push([q.path.split('.'), v]);
    }
  }
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
  // The asked facts the file states already (any value: the flow skips the question).
  if (ruleset) for (const q of askedFacts(ruleset)) if (doc.hasIn(q.path.split('.'))) present[q.path] = JSON.stringify(doc.getIn(q.path.split('.')) ?? null);
  const added: string[] = [];
  const kept: string[] = [];
  if (!doc.contents) (doc as { contents: unknown }).contents = doc.createNode({}); // an empty or comment-only file
  for (const [p, v] of pairs) {
    if (doc.hasIn(p)) {
      const had: unknown = doc.getIn(p);
      const same = typeof v === 'object' ? JSON.stringify((had as { toJSON?: () => unknown })?.toJSON?.() ?? had) === JSON.stringify(v) : String(had) === v;
      if (!same) kept.push(p.join('.'));
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
