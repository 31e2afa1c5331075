// `.cyberdossierrc.yaml` and the editor's `cyberdossier.*` settings: one format, one resolver
// (../../../shared/spec/config.md). Everything is data; nothing in it is executed. A bad key
// becomes a `config-invalid` finding on that key and the rest of the file still applies.

import * as path from 'node:path';
import { isCode, ALL_CODES, type Finding } from './codes';
import { loadYaml, yamlProblemText, type YNode } from './facts/yaml';
import { DEFAULT_IDS } from './rulesets/common';
import type { SeveritySetting } from './rulesets/types';
import { LineIndex, didYouMean, type Range } from './text';
import { checkIdPattern, MAX_PATTERNS_PER_KIND } from './pattern';
import { compileGlob, MAX_GLOBS } from './glob';
import { isLocale, type Locale } from './locale';
import { RC_KEYS, RC_RESTRICTED_KEYS, SEVERITY_SETTINGS, type RcKey } from './config-schema';

export const RC_NAME = '.cyberdossierrc.yaml';
export const IDS_KINDS = ['requirement', 'design', 'test', 'risk'] as const;
export type IdKind = (typeof IDS_KINDS)[number];
export type { Locale } from './locale';
const SEVERITIES: readonly SeveritySetting[] = SEVERITY_SETTINGS;
/** The rc keys, from the one description of the format (config-schema.ts). */
const KEYS: readonly RcKey[] = RC_KEYS;
const EXPORT_KEYS = ['referenceDocx'] as const;
export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

/** The raw, user-facing configuration (rc file or editor settings). */
export interface ConfigInput {
  guideline?: string;
  locale?: string;
  rules?: Record<string, string>;
  aliases?: Record<string, string[]>;
  ids?: Partial<Record<IdKind, string[]>>;
  dossierGlobs?: string[];
  maxFileSize?: string | number;
  /** Word export: `referenceDocx` is a .docx whose styles the export uses (relative to the rc file). */
  export?: { referenceDocx?: string };
  /** SBOM file(s) the OTS table is compared with (relative to the rc file). */
  sbom?: string[];
  /** Vulnerability data (OSV, NVD, CVE 5, KEV, VEX files or folders), relative to the rc file; `maxAge` as written (`30d`). */
  vulnerabilities?: { path: string; maxAge?: string }[];
  /** Where each `vulnerabilities` entry sits in the rc file (set by loadConfigText). */
  vulnerabilitiesAt?: Range[];
  /** Where each `sbom` entry sits in the rc file (set by loadConfigText; findings about the SBOM go there). */
  sbomAt?: Range[];
  /** Where the `export.referenceDocx` value sits in the rc file (set by loadConfigText). */
  referenceDocxAt?: Range;
}

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

export function parseSize(v: string | number): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) && v > 0 ? v : undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m|gb|g|kib|mib|gib)?\s*$/i.exec(v);
  if (!m) return undefined;
  const n = parseFloat(m[1]);
  const unit = (m[2] ?? 'b').toLowerCase();
  const mult = unit.startsWith('k') ? 1024 : unit.startsWith('m') ? 1024 ** 2 : unit.startsWith('g') ? 1024 ** 3 : 1;
  return Math.round(n * mult);
}

/** `30d`, `12h`, `2w`, `90m` (minutes), or a number of days → milliseconds. */
export function parseAge(v: string | number): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) && v > 0 ? v * 86_400_000 : undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(d|day|days|h|hour|hours|w|week|weeks|m|min|minutes|天|小时|周)?\s*$/i.exec(v);
  if (!m) return undefined;
  const n = parseFloat(m[1]);
  const u = (m[2] ?? 'd').toLowerCase();
  const mult = /^(h|hour|hours|小时)$/.test(u) ? 3_600_000 : /^(w|week|weeks|周)$/.test(u) ? 7 * 86_400_000 : /^(m|min|minutes)$/.test(u) ? 60_000 : 86_400_000;
  return n > 0 ? Math.round(n * mult) : undefined;
}

export { checkIdPattern };

/**
 * Parses and validates an rc file's text. `knownRequirements` lets `rules` and `aliases` keys be
 * checked against the rule sets' IDs.
 */
export function loadConfigText(text: string, knownRequirements: Set<string>, guidelines: string[]): ConfigLoad {
  const lines = new LineIndex(text);
  const findings: Finding[] = [];
  const bad = (range: Range, message: { zh: string; en: string }, data: Record<string, unknown> = {}) =>
    findings.push({ code: 'config-invalid', range, message, data });
  const input: ConfigInput = {};
  const keys = new Map<string, Range>();
  const y = loadYaml(text, 0, lines);
  for (const p of y.problems) {
    const t = yamlProblemText(p);
    const unused = y.root ? { zh: '', en: '' } : { zh: '：其中的设置未生效', en: ': its settings were not applied' };
    bad(p.range, cfgMsg(`配置文件的 YAML 无效（${t.zh}）${unused.zh}`, `The configuration file is not valid YAML (${t.en})${unused.en}`), { problem: 'yaml', detail: p.message, line: t.line, column: t.column, ...(p.code ? { yamlCode: p.code } : {}), ...(y.root ? {} : { unapplied: true }) });
  }
  const root = y.root;
  if (!root) return { input, findings, keys };
  if (root.kind !== 'map') {
    if (!(root.kind === 'scalar' && root.value === null))
      bad(root.range, cfgMsg('配置文件应为键值映射', 'The configuration file must be a mapping of keys to values'));
    return { input, findings, keys };
  }
  const strings = (n: YNode, key: string): string[] | undefined => {
    if (n.kind === 'seq' && n.items.every((i) => i.kind === 'scalar' && typeof i.value === 'string')) {
      return n.items.map((i) => (i.kind === 'scalar' ? String(i.value) : ''));
    }
    if (n.kind === 'scalar' && typeof n.value === 'string') return [n.value];
    bad(n.range, cfgMsg(`${key} 应为字符串列表`, `${key} must be a list of strings`));
    return undefined;
  };
  for (const e of root.entries) {
    const n = e.node;
    if (!keys.has(e.key)) keys.set(e.key, e.keyRange);
    switch (e.key) {
      case 'guideline':
        if (n.kind === 'scalar' && typeof n.value === 'string' && guidelines.includes(n.value)) input.guideline = n.value;
        else bad(n.range, cfgMsg(`guideline 应为 ${guidelines.join(' | ')}`, `guideline must be one of ${guidelines.join(' | ')}`), { key: 'guideline' });
        break;
      case 'locale':
        if (n.kind === 'scalar' && isLocale(n.value)) input.locale = n.value;
        else bad(n.range, cfgMsg('locale 应为 zh-CN 或 en', 'locale must be zh-CN or en'), { key: 'locale' });
        break;
      case 'rules':
        if (n.kind !== 'map') {
          bad(n.range, cfgMsg('rules 应为“代码: 严重级别”的映射', 'rules must map codes to severities'));
          break;
        }
        input.rules = {};
        for (const r of n.entries) {
          const [code, req, ...extra] = r.key.split('/');
          if (!isCode(code) || extra.length) {
            const guess = didYouMean(code, ALL_CODES);
            bad(
              r.keyRange,
              cfgMsg(`未知的诊断代码 ${r.key}${guess ? `。您是否想写 ${guess}？` : ''}`, `Unknown diagnostic code ${r.key}${guess ? `. Did you mean ${guess}?` : ''}`),
              { key: `rules.${r.key}`, suggestion: guess },
            );
            continue;
          }
          if (req !== undefined && !knownRequirements.has(req)) {
            bad(r.keyRange, cfgMsg(`未知的需求编号 ${req}`, `Unknown requirement ID ${req}`), { key: `rules.${r.key}` });
            continue;
          }
          const v = r.node.kind === 'scalar' ? String(r.node.value) : '';
          if (!SEVERITIES.includes(v as SeveritySetting)) {
            const guess = didYouMean(v, SEVERITIES);
            bad(
              r.node.range,
              cfgMsg(
                `严重级别应为 off | hint | info | warning | error${guess ? `。您是否想写 ${guess}？` : ''}`,
                `Severity must be off | hint | info | warning | error${guess ? `. Did you mean ${guess}?` : ''}`,
              ),
              { key: `rules.${r.key}`, suggestion: guess },
            );
            continue;
          }
          input.rules[r.key] = v;
        }
        break;
      case 'aliases':
        if (n.kind !== 'map') {
          bad(n.range, cfgMsg('aliases 应为“需求编号: [标题]”的映射', 'aliases must map requirement IDs to lists of titles'));
          break;
        }
        input.aliases = {};
        for (const a of n.entries) {
          if (!knownRequirements.has(a.key)) {
            const guess = didYouMean(a.key, knownRequirements);
            bad(a.keyRange, cfgMsg(`未知的需求编号 ${a.key}${guess ? `。您是否想写 ${guess}？` : ''}`, `Unknown requirement ID ${a.key}${guess ? `. Did you mean ${guess}?` : ''}`), {
              key: `aliases.${a.key}`,
              suggestion: guess,
            });
            continue;
          }
          const list = strings(a.node, `aliases.${a.key}`);
          if (list) input.aliases[a.key] = list;
        }
        break;
      case 'ids':
        if (n.kind !== 'map') {
          bad(n.range, cfgMsg('ids 应为映射（requirement、design、test、risk）', 'ids must be a mapping (requirement, design, test, risk)'));
          break;
        }
        input.ids = {};
        for (const k of n.entries) {
          if (!(IDS_KINDS as readonly string[]).includes(k.key)) {
            const guess = didYouMean(k.key, IDS_KINDS);
            bad(
              k.keyRange,
              cfgMsg(`ids 下的未知键 ${k.key}（允许：${IDS_KINDS.join(', ')}）`, `Unknown key ids.${k.key} (allowed: ${IDS_KINDS.join(', ')})`),
              { key: `ids.${k.key}`, suggestion: guess },
            );
            continue;
          }
          const list = strings(k.node, `ids.${k.key}`);
          if (!list) continue;
          const ok: string[] = [];
          const items = k.node.kind === 'seq' ? k.node.items : [k.node];
          list.forEach((p, i) => {
            if (i >= MAX_PATTERNS_PER_KIND) {
              bad(items[i].range, cfgMsg(`ids.${k.key} 最多 ${MAX_PATTERNS_PER_KIND} 个正则表达式，其余未使用`, `ids.${k.key} takes at most ${MAX_PATTERNS_PER_KIND} patterns; the rest are not used`), { key: `ids.${k.key}` });
              return;
            }
            const err = checkIdPattern(p);
            if (err) bad(items[i].range, cfgMsg(`无效的正则表达式 ${p}：${err.zh}`, `Invalid regular expression ${p}: ${err.en}`), { key: `ids.${k.key}` });
            else ok.push(p);
          });
          // A kind whose every pattern is invalid keeps its defaults.
          if (ok.length) input.ids[k.key as IdKind] = ok;
        }
        break;
      case 'dossierGlobs': {
        const list = strings(n, 'dossierGlobs');
        if (!list) break;
        const items = n.kind === 'seq' ? n.items : [n];
        const ok: string[] = [];
        list.forEach((g, i) => {
          if (i >= MAX_GLOBS) {
            bad(items[i].range, cfgMsg(`dossierGlobs 最多 ${MAX_GLOBS} 项，其余未使用`, `dossierGlobs takes at most ${MAX_GLOBS} globs; the rest are not used`), { key: 'dossierGlobs' });
            return;
          }
          const c = compileGlob(g);
          if ('test' in c) ok.push(g);
          else bad(items[i].range, cfgMsg(`无效的 glob ${g}：${c.zh}`, `Invalid glob ${g}: ${c.en}`), { key: 'dossierGlobs' });
        });
        input.dossierGlobs = ok;
        break;
      }
      case 'maxFileSize': {
        const v = n.kind === 'scalar' && (typeof n.value === 'string' || typeof n.value === 'number') ? parseSize(n.value) : undefined;
        if (v === undefined) bad(n.range, cfgMsg('maxFileSize 应为大小，如 10MB', 'maxFileSize must be a size such as 10MB'), { key: 'maxFileSize' });
        else input.maxFileSize = v;
        break;
      }
      case 'export': {
        if (n.kind !== 'map') {
          bad(n.range, cfgMsg('export 应为映射（referenceDocx）', 'export must be a mapping (referenceDocx)'), { key: 'export' });
          break;
        }
        input.export = {};
        for (const k of n.entries) {
          if (k.key !== 'referenceDocx') {
            const guess = didYouMean(k.key, EXPORT_KEYS);
            bad(
              k.keyRange,
              cfgMsg(`export 下的未知键 ${k.key}（允许：${EXPORT_KEYS.join(', ')}）`, `Unknown key export.${k.key} (allowed: ${EXPORT_KEYS.join(', ')})`),
              { key: `export.${k.key}`, suggestion: guess },
            );
            continue;
          }
          if (k.node.kind === 'scalar' && typeof k.node.value === 'string' && /\.docx$/i.test(k.node.value.trim())) {
            input.export.referenceDocx = k.node.value.trim();
            input.referenceDocxAt = k.node.range;
          } else bad(k.node.range, cfgMsg('export.referenceDocx 应为 .docx 文件的路径', 'export.referenceDocx must be the path of a .docx file'), { key: 'export.referenceDocx' });
        }
        break;
      }
      case 'sbom': {
        // One path or a list; checked for shape here, read (and reported when unreadable) by the
        // sbom rule, which puts config-invalid on the entry naming the file.
        const items = n.kind === 'seq' ? n.items : [n];
        const shapeOk = (n.kind === 'seq' && n.items.length > 0) || n.kind === 'scalar';
        if (!shapeOk) {
          bad(n.range, cfgMsg('sbom 应为 SBOM 文件的路径或路径列表（相对于本配置文件）', 'sbom must be the path of an SBOM file, or a list of paths (relative to this file)'), { key: 'sbom' });
          break;
        }
        const paths: string[] = [];
        const at: Range[] = [];
        for (const it of items) {
          const v = it.kind === 'scalar' && typeof it.value === 'string' ? it.value.trim() : '';
          if (!v) bad(it.range, cfgMsg('sbom 应为 SBOM 文件的路径（相对于本配置文件）', 'sbom must be the path of an SBOM file (relative to this file)'), { key: 'sbom' });
          else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v) && !/^file:\/\//i.test(v))
            bad(it.range, cfgMsg(`sbom 须为本地文件路径，不能是网址（检查器从不联网）：${v}`, `sbom must be a local file path, not a URL (the checker never goes online): ${v}`), { key: 'sbom' });
          else {
            paths.push(v);
            at.push(it.range);
          }
        }
        if (paths.length) {
          input.sbom = paths;
          input.sbomAt = at;
        }
        break;
      }
      case 'vulnerabilities': {
        // Paths (files or folders) or { path, maxAge }; read (and reported when unusable) by the
        // vulnerability rule, which puts config-invalid on the entry naming the data.
        const items = n.kind === 'seq' ? n.items : [n];
        if (!((n.kind === 'seq' && n.items.length > 0) || n.kind === 'scalar' || n.kind === 'map')) {
          bad(n.range, cfgMsg('vulnerabilities 应为漏洞数据文件或文件夹的路径列表（相对于本配置文件），每项也可写作 {path, maxAge}', 'vulnerabilities must be a list of vulnerability data files or folders (relative to this file); an item may be {path, maxAge}'), { key: 'vulnerabilities' });
          break;
        }
        const list: { path: string; maxAge?: string }[] = [];
        const at: Range[] = [];
        const shape = cfgMsg('vulnerabilities 的每一项应为路径，或 {path: 路径, maxAge: 30d}', 'each vulnerabilities item must be a path, or {path: PATH, maxAge: 30d}');
        for (const it of items) {
          let v = '';
          let age: string | undefined;
          let ok = true;
          if (it.kind === 'scalar' && typeof it.value === 'string') v = it.value.trim();
          else if (it.kind === 'map') {
            for (const k of it.entries) {
              if (k.key === 'path' && k.node.kind === 'scalar' && typeof k.node.value === 'string') v = k.node.value.trim();
              else if (k.key === 'maxAge' && k.node.kind === 'scalar' && (typeof k.node.value === 'string' || typeof k.node.value === 'number')) {
                if (parseAge(k.node.value) === undefined) {
                  bad(k.node.range, cfgMsg('maxAge 应为时长，如 30d、12h、2w', 'maxAge must be a duration such as 30d, 12h or 2w'), { key: 'vulnerabilities.maxAge' });
                  ok = false;
                } else age = String(k.node.value);
              } else {
                const guess = didYouMean(k.key, ['path', 'maxAge']);
                bad(k.keyRange, cfgMsg(`vulnerabilities 项下的未知键 ${k.key}（允许：path, maxAge）`, `Unknown key ${k.key} in a vulnerabilities item (allowed: path, maxAge)`), { key: `vulnerabilities.${k.key}`, suggestion: guess });
              }
            }
          }
          if (!ok) continue;
          if (!v) bad(it.range, shape, { key: 'vulnerabilities' });
          else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v) && !/^file:\/\//i.test(v))
            bad(it.range, cfgMsg(`vulnerabilities 须为本地文件或文件夹路径，不能是网址（检查器从不联网）：${v}`, `vulnerabilities must name local files or folders, not URLs (the checker never goes online): ${v}`), { key: 'vulnerabilities' });
          else {
            list.push({ path: v, ...(age !== undefined ? { maxAge: age } : {}) });
            at.push(it.range);
          }
        }
        if (list.length) {
          input.vulnerabilities = list;
          input.vulnerabilitiesAt = at;
        }
        break;
      }
      default: {
        const guess = didYouMean(e.key, KEYS);
        bad(
          e.keyRange,
          cfgMsg(
            `未知的配置键 ${e.key}${guess ? `。您是否想写 ${guess}？` : `（允许：${KEYS.join(', ')}）`}`,
            `Unknown configuration key ${e.key}${guess ? `. Did you mean ${guess}?` : ` (allowed: ${KEYS.join(', ')})`}`,
          ),
          { key: e.key, suggestion: guess },
        );
      }
    }
  }
  return { input, findings, keys };
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
