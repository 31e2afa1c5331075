// `.cyberdossierrc.yaml` and the editor's `cyberdossier.*` settings: one format, one resolver
// (../../../shared/spec/config.md). Everything is data; nothing in it is executed. A bad key
// becomes a `config-invalid` finding on that key and the rest of the file still applies.

import * as path from 'node:path';
import type { Finding } from './codes';
import { loadYaml, yamlProblemText, type YEntry } from './facts/yaml';
import { DEFAULT_IDS } from './rulesets/common';
import type { SeveritySetting } from './rulesets/types';
import { LineIndex, didYouMean, type Range } from './text';
import { checkIdPattern, MAX_PATTERNS_PER_KIND } from './pattern';
import { MAX_GLOBS } from './glob';
import { isLocale, type Locale } from './locale';
import { RC_KEYS, RC_RESTRICTED_KEYS, RC_SCHEMA, SEVERITY_SETTINGS, type RcKey } from './config-schema';
import { bad, IDS_KINDS, parseAge, parseSize, type ConfigInput, type IdKind, type RcValidation } from './config-keys';

export const RC_NAME = '.cyberdossierrc.yaml';
export { IDS_KINDS, parseAge, parseSize, type ConfigInput, type IdKind } from './config-keys';
export type { Locale } from './locale';
const SEVERITIES: readonly SeveritySetting[] = SEVERITY_SETTINGS;
/** The rc keys, from the one description of the format (config-schema.ts). */
const KEYS: readonly RcKey[] = RC_KEYS;
export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

/** A configured SBOM: its path (absolute when the rc file's folder is known) and the entry's range in the rc file (`Config.file`). */
export interface SbomSetting {
  path: string;
  value: string;
  at?: Range;
}

/** A configured vulnerability data entry (`vulnerabilities:`): a file or a folder. */
export interface VulnerabilitySetting {
  /** Absolute when the rc file's folder is known (lexically: read only through configured-file.ts). */
  path: string;
  value: string;
  /** The age after which the data is reported as outdated, in milliseconds, and as written. */
  maxAge?: number;
  maxAgeText?: string;
  at?: Range;
}

export interface Config {
  guideline?: string;
  locale?: Locale;
  /** `code` or `code/REQ` → severity. */
  rules: Map<string, SeveritySetting>;
  aliases: Record<string, string[]>;
  ids: Record<IdKind, string[]>;
  dossierGlobs: string[];
  /** Folder the globs are relative to. */
  globBase?: string;
  maxFileSize: number;
  /** The rc file that supplied this configuration, if any. */
  file?: string;
  /**
   * Word export settings; `referenceDocx` is absolute when its base folder is known (lexically:
   * read it only through configured-file.ts, with `value` as written and `at` its place in `file`).
   */
  export?: { referenceDocx?: string; value?: string; at?: Range };
  /** SBOMs the dossier's OTS table must agree with (rc file only; absolute when its folder is known). */
  sbom: SbomSetting[];
  /** Vulnerability data the SBOM (or OTS table) is matched against (rc file only). */
  vulnerabilities: VulnerabilitySetting[];
}

export interface ConfigLoad {
  input: ConfigInput;
  findings: Finding[];
  /** Where each top-level key of the rc file is (its key). */
  keys: Map<string, Range>;
}

/**
 * Keys that name files or load patterns: a workspace that is not trusted (VS Code's Restricted
 * Mode) does not get them applied until it is (engine.ts `restricted`).
 */
export const RESTRICTED_KEYS: readonly RcKey[] = RC_RESTRICTED_KEYS;

export function defaultConfig(): Config {
  return {
    rules: new Map(),
    aliases: {},
    ids: { ...DEFAULT_IDS },
    dossierGlobs: [],
    maxFileSize: DEFAULT_MAX_FILE_SIZE,
    sbom: [],
    vulnerabilities: [],
  };
}

const cfgMsg = (zh: string, en: string) => ({ zh, en });

export { checkIdPattern };

/**
 * Parses and validates an rc file's text. `knownRequirements` lets `rules` and `aliases` keys be
 * checked against the rule sets' IDs. Each key's value is read by its validator in RC_SCHEMA
 * (config-schema.ts); this walks the file, reports YAML problems and unknown keys, and dispatches.
 */
export function loadConfigText(text: string, knownRequirements: Set<string>, guidelines: string[]): ConfigLoad {
  const lines = new LineIndex(text);
  const cx: RcValidation = { input: {}, findings: [], knownRequirements, guidelines };
  const { input, findings } = cx;
  const keys = new Map<string, Range>();
  const y = loadYaml(text, 0, lines);
  for (const p of y.problems) {
    const t = yamlProblemText(p);
    const unused = y.root ? { zh: '', en: '' } : { zh: '：其中的设置未生效', en: ': its settings were not applied' };
    bad(cx, p.range, cfgMsg(`配置文件的 YAML 无效（${t.zh}）${unused.zh}`, `The configuration file is not valid YAML (${t.en})${unused.en}`), { problem: 'yaml', detail: p.message, line: t.line, column: t.column, ...(p.code ? { yamlCode: p.code } : {}), ...(y.root ? {} : { unapplied: true }) });
  }
  const root = y.root;
  if (!root) return { input, findings, keys };
  if (root.kind !== 'map') {
    if (!(root.kind === 'scalar' && root.value === null))
      bad(cx, root.range, cfgMsg('配置文件应为键值映射', 'The configuration file must be a mapping of keys to values'));
    return { input, findings, keys };
  }
  for (const e of root.entries) {
    if (!keys.has(e.key)) keys.set(e.key, e.keyRange);
    if (isRcKey(e.key)) RC_SCHEMA[e.key].validate(e.node, cx);
    else unknownKey(cx, e);
  }
  return { input, findings, keys };
}

const isRcKey = (key: string): key is RcKey => Object.prototype.hasOwnProperty.call(RC_SCHEMA, key);

/** A top-level key the format does not have: did-you-mean, else the list of keys. */
function unknownKey(cx: RcValidation, e: YEntry): void {
  const guess = didYouMean(e.key, KEYS);
  bad(
    cx,
    e.keyRange,
    cfgMsg(
      `未知的配置键 ${e.key}${guess ? `。您是否想写 ${guess}？` : `（允许：${KEYS.join(', ')}）`}`,
      `Unknown configuration key ${e.key}${guess ? `. Did you mean ${guess}?` : ` (allowed: ${KEYS.join(', ')})`}`,
    ),
    { key: e.key, suggestion: guess },
  );
}

/** rc-file values win; editor settings fill only what the rc file leaves unset (config.md). */
export function resolveConfig(rc: ConfigInput | undefined, settings: ConfigInput | undefined, rcDir?: string, settingsBase?: string): Config {
  const c = defaultConfig();
  const pick = <K extends keyof ConfigInput>(k: K): ConfigInput[K] => (rc?.[k] !== undefined ? rc[k] : settings?.[k]);
  c.guideline = pick('guideline');
  const loc = pick('locale');
  if (isLocale(loc)) c.locale = loc;
  for (const src of [settings?.rules, rc?.rules]) {
    for (const [k, v] of Object.entries(src ?? {})) if (SEVERITIES.includes(v as SeveritySetting)) c.rules.set(k, v as SeveritySetting);
  }
  c.aliases = { ...(settings?.aliases ?? {}), ...(rc?.aliases ?? {}) };
  for (const kind of IDS_KINDS) {
    const v = rc?.ids?.[kind] ?? settings?.ids?.[kind];
    if (v) c.ids[kind] = v.slice(0, MAX_PATTERNS_PER_KIND).filter((p) => typeof p === 'string' && checkIdPattern(p) === undefined);
  }
  if (rc?.dossierGlobs) {
    c.dossierGlobs = rc.dossierGlobs.slice(0, MAX_GLOBS);
    c.globBase = rcDir;
  } else if (settings?.dossierGlobs) {
    c.dossierGlobs = settings.dossierGlobs.slice(0, MAX_GLOBS);
    c.globBase = settingsBase;
  }
  const size = pick('maxFileSize');
  if (size !== undefined) c.maxFileSize = parseSize(size) ?? DEFAULT_MAX_FILE_SIZE;
  // A relative reference document is relative to the file (or settings folder) that names it.
  const ref = rc?.export?.referenceDocx ?? settings?.export?.referenceDocx;
  if (ref !== undefined) {
    const fromRc = rc?.export?.referenceDocx !== undefined;
    const baseDir = fromRc ? rcDir : settingsBase;
    c.export = { referenceDocx: baseDir && !path.isAbsolute(ref) ? path.resolve(baseDir, ref) : ref, value: ref, ...(fromRc && rc?.referenceDocxAt ? { at: rc.referenceDocxAt } : {}) };
  }
  // The SBOM belongs to the dossier the rc file governs: editor settings do not name one.
  c.sbom = (rc?.sbom ?? []).map((value, i) => {
    const p = /^file:\/\//i.test(value) ? fileUrlPath(value) : value;
    const abs = rcDir && !path.isAbsolute(p) ? path.resolve(rcDir, p) : p;
    const range = rc?.sbomAt?.[i];
    return { path: abs, value, ...(range ? { at: range } : {}) };
  });
  // Like the SBOM, the data belongs to the dossier the rc file governs.
  c.vulnerabilities = (rc?.vulnerabilities ?? []).map((e, i) => {
    const p = /^file:\/\//i.test(e.path) ? fileUrlPath(e.path) : e.path;
    const abs = rcDir && !path.isAbsolute(p) ? path.resolve(rcDir, p) : p;
    const range = rc?.vulnerabilitiesAt?.[i];
    const age = e.maxAge !== undefined ? parseAge(e.maxAge) : undefined;
    return { path: abs, value: e.path, ...(age !== undefined ? { maxAge: age, maxAgeText: e.maxAge } : {}), ...(range ? { at: range } : {}) };
  });
  return c;
}

function fileUrlPath(url: string): string {
  try {
    return decodeURIComponent(url.replace(/^file:\/\/(?:localhost)?/i, ''));
  } catch {
    return url;
  }
}

/** A stable key of what the analysis of a chunk depends on (ID patterns). */
export function idsKey(c: Config): string {
  return IDS_KINDS.map((k) => c.ids[k].join('\u0001')).join('\u0002');
}
