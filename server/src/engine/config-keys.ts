// How the value of each `.cyberdossierrc.yaml` key is read and checked: one validator per key,
// referenced by the key's entry in RC_SCHEMA (config-schema.ts), so the format is described once
// and `loadConfigText` (config.ts) only walks the file and dispatches. A bad value becomes a
// `config-invalid` finding on that value (or key) and the rest of the file still applies.

import { isCode, ALL_CODES, type Finding } from './codes';
import type { YNode } from './facts/yaml';
import type { Localized, SeveritySetting } from './rulesets/types';
import { didYouMean, type Range } from './text';
import { checkIdPattern, MAX_PATTERNS_PER_KIND } from './pattern';
import { compileGlob, MAX_GLOBS } from './glob';
import { isLocale } from './locale';

export const SEVERITY_SETTINGS = ['off', 'hint', 'info', 'warning', 'error'] as const;
const SEVERITIES: readonly SeveritySetting[] = SEVERITY_SETTINGS;
export const IDS_KINDS = ['requirement', 'design', 'test', 'risk'] as const;
export type IdKind = (typeof IDS_KINDS)[number];
const EXPORT_KEYS = ['referenceDocx'] as const;

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

/** What a key's validator works with: the input it fills, the findings it adds, what the IDs and rule sets are. */
export interface RcValidation {
  input: ConfigInput;
  findings: Finding[];
  /** Requirement IDs of the registered rule sets (`rules` and `aliases` keys). */
  knownRequirements: Set<string>;
  guidelines: string[];
}

/** Reads one top-level key's value into `cx.input`, reporting what is wrong with it. */
export type RcValidator = (n: YNode, cx: RcValidation) => void;

const cfgMsg = (zh: string, en: string) => ({ zh, en });

/** A `config-invalid` finding on `range`. */
export function bad(cx: RcValidation, range: Range, message: Localized, data: Record<string, unknown> = {}): void {
  cx.findings.push({ code: 'config-invalid', range, message, data });
}

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

/** A string or a list of strings, as a list; else a finding and undefined. */
function strings(cx: RcValidation, n: YNode, key: string): string[] | undefined {
  if (n.kind === 'seq' && n.items.every((i) => i.kind === 'scalar' && typeof i.value === 'string')) {
    return n.items.map((i) => (i.kind === 'scalar' ? String(i.value) : ''));
  }
  if (n.kind === 'scalar' && typeof n.value === 'string') return [n.value];
  bad(cx, n.range, cfgMsg(`${key} 应为字符串列表`, `${key} must be a list of strings`));
  return undefined;
}

/** A URL other than file:// (the checker never goes online). */
const isRemoteUrl = (v: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(v) && !/^file:\/\//i.test(v);

export const validateGuideline: RcValidator = (n, cx) => {
  const { guidelines } = cx;
  if (n.kind === 'scalar' && typeof n.value === 'string' && guidelines.includes(n.value)) cx.input.guideline = n.value;
  else bad(cx, n.range, cfgMsg(`guideline 应为 ${guidelines.join(' | ')}`, `guideline must be one of ${guidelines.join(' | ')}`), { key: 'guideline' });
};

export const validateLocale: RcValidator = (n, cx) => {
  if (n.kind === 'scalar' && isLocale(n.value)) cx.input.locale = n.value;
  else bad(cx, n.range, cfgMsg('locale 应为 zh-CN 或 en', 'locale must be zh-CN or en'), { key: 'locale' });
};

/** `rules`: `code` or `code/REQ` → severity; an unknown code or ID, or a bad severity, is skipped. */
export const validateRules: RcValidator = (n, cx) => {
  if (n.kind !== 'map') {
    bad(cx, n.range, cfgMsg('rules 应为“代码: 严重级别”的映射', 'rules must map codes to severities'));
    return;
  }
  const rules: Record<string, string> = (cx.input.rules = {});
  for (const r of n.entries) {
    const [code, req, ...extra] = r.key.split('/');
    if (!isCode(code) || extra.length) {
      const guess = didYouMean(code, ALL_CODES);
      bad(
        cx,
        r.keyRange,
        cfgMsg(`未知的诊断代码 ${r.key}${guess ? `。您是否想写 ${guess}？` : ''}`, `Unknown diagnostic code ${r.key}${guess ? `. Did you mean ${guess}?` : ''}`),
        { key: `rules.${r.key}`, suggestion: guess },
      );
      continue;
    }
    if (req !== undefined && !cx.knownRequirements.has(req)) {
      bad(cx, r.keyRange, cfgMsg(`未知的需求编号 ${req}`, `Unknown requirement ID ${req}`), { key: `rules.${r.key}` });
      continue;
    }
    const v = r.node.kind === 'scalar' ? String(r.node.value) : '';
    if (!SEVERITIES.includes(v as SeveritySetting)) {
      const guess = didYouMean(v, SEVERITIES);
      bad(
        cx,
        r.node.range,
        cfgMsg(
          `严重级别应为 off | hint | info | warning | error${guess ? `。您是否想写 ${guess}？` : ''}`,
          `Severity must be off | hint | info | warning | error${guess ? `. Did you mean ${guess}?` : ''}`,
        ),
        { key: `rules.${r.key}`, suggestion: guess },
      );
      continue;
    }
    rules[r.key] = v;
  }
};

/** `aliases`: requirement ID → extra titles. */
export const validateAliases: RcValidator = (n, cx) => {
  if (n.kind !== 'map') {
    bad(cx, n.range, cfgMsg('aliases 应为“需求编号: [标题]”的映射', 'aliases must map requirement IDs to lists of titles'));
    return;
  }
  const aliases: Record<string, string[]> = (cx.input.aliases = {});
  for (const a of n.entries) {
    if (!cx.knownRequirements.has(a.key)) {
      const guess = didYouMean(a.key, cx.knownRequirements);
      bad(cx, a.keyRange, cfgMsg(`未知的需求编号 ${a.key}${guess ? `。您是否想写 ${guess}？` : ''}`, `Unknown requirement ID ${a.key}${guess ? `. Did you mean ${guess}?` : ''}`), {
        key: `aliases.${a.key}`,
        suggestion: guess,
      });
      continue;
    }
    const list = strings(cx, a.node, `aliases.${a.key}`);
    if (list) aliases[a.key] = list;
  }
};

/** `ids`: ID patterns per kind, each checked (RE2 syntax, bounds); a kind whose every pattern is invalid keeps its defaults. */
export const validateIds: RcValidator = (n, cx) => {
  if (n.kind !== 'map') {
    bad(cx, n.range, cfgMsg('ids 应为映射（requirement、design、test、risk）', 'ids must be a mapping (requirement, design, test, risk)'));
    return;
  }
  const ids: Partial<Record<IdKind, string[]>> = (cx.input.ids = {});
  for (const k of n.entries) {
    if (!(IDS_KINDS as readonly string[]).includes(k.key)) {
      const guess = didYouMean(k.key, IDS_KINDS);
      bad(
        cx,
        k.keyRange,
        cfgMsg(`ids 下的未知键 ${k.key}（允许：${IDS_KINDS.join(', ')}）`, `Unknown key ids.${k.key} (allowed: ${IDS_KINDS.join(', ')})`),
        { key: `ids.${k.key}`, suggestion: guess },
      );
      continue;
    }
    const list = strings(cx, k.node, `ids.${k.key}`);
    if (!list) continue;
    const ok: string[] = [];
    const items = k.node.kind === 'seq' ? k.node.items : [k.node];
    list.forEach((p, i) => {
      if (i >= MAX_PATTERNS_PER_KIND) {
        bad(cx, items[i].range, cfgMsg(`ids.${k.key} 最多 ${MAX_PATTERNS_PER_KIND} 个正则表达式，其余未使用`, `ids.${k.key} takes at most ${MAX_PATTERNS_PER_KIND} patterns; the rest are not used`), { key: `ids.${k.key}` });
        return;
      }
      const err = checkIdPattern(p);
      if (err) bad(cx, items[i].range, cfgMsg(`无效的正则表达式 ${p}：${err.zh}`, `Invalid regular expression ${p}: ${err.en}`), { key: `ids.${k.key}` });
      else ok.push(p);
    });
    // A kind whose every pattern is invalid keeps its defaults.
    if (ok.length) ids[k.key as IdKind] = ok;
  }
};

/** `dossierGlobs`: globs compiled (linear time) and bounded. */
export const validateDossierGlobs: RcValidator = (n, cx) => {
  const list = strings(cx, n, 'dossierGlobs');
  if (!list) return;
  const items = n.kind === 'seq' ? n.items : [n];
  const ok: string[] = [];
  list.forEach((g, i) => {
    if (i >= MAX_GLOBS) {
      bad(cx, items[i].range, cfgMsg(`dossierGlobs 最多 ${MAX_GLOBS} 项，其余未使用`, `dossierGlobs takes at most ${MAX_GLOBS} globs; the rest are not used`), { key: 'dossierGlobs' });
      return;
    }
    const c = compileGlob(g);
    if ('test' in c) ok.push(g);
    else bad(cx, items[i].range, cfgMsg(`无效的 glob ${g}：${c.zh}`, `Invalid glob ${g}: ${c.en}`), { key: 'dossierGlobs' });
  });
  cx.input.dossierGlobs = ok;
};

export const validateMaxFileSize: RcValidator = (n, cx) => {
  const v = n.kind === 'scalar' && (typeof n.value === 'string' || typeof n.value === 'number') ? parseSize(n.value) : undefined;
  if (v === undefined) bad(cx, n.range, cfgMsg('maxFileSize 应为大小，如 10MB', 'maxFileSize must be a size such as 10MB'), { key: 'maxFileSize' });
  else cx.input.maxFileSize = v;
};

/** `export`: the Word export's reference document (a .docx path; resolved and read through configured-file.ts later). */
export const validateExport: RcValidator = (n, cx) => {
  if (n.kind !== 'map') {
    bad(cx, n.range, cfgMsg('export 应为映射（referenceDocx）', 'export must be a mapping (referenceDocx)'), { key: 'export' });
    return;
  }
  const exp: { referenceDocx?: string } = (cx.input.export = {});
  for (const k of n.entries) {
    if (k.key !== 'referenceDocx') {
      const guess = didYouMean(k.key, EXPORT_KEYS);
      bad(
        cx,
        k.keyRange,
        cfgMsg(`export 下的未知键 ${k.key}（允许：${EXPORT_KEYS.join(', ')}）`, `Unknown key export.${k.key} (allowed: ${EXPORT_KEYS.join(', ')})`),
        { key: `export.${k.key}`, suggestion: guess },
      );
      continue;
    }
    if (k.node.kind === 'scalar' && typeof k.node.value === 'string' && /\.docx$/i.test(k.node.value.trim())) {
      exp.referenceDocx = k.node.value.trim();
      cx.input.referenceDocxAt = k.node.range;
    } else bad(cx, k.node.range, cfgMsg('export.referenceDocx 应为 .docx 文件的路径', 'export.referenceDocx must be the path of a .docx file'), { key: 'export.referenceDocx' });
  }
};

/**
 * `sbom`: one path or a list; checked for shape here, read (and reported when unreadable) by the
 * sbom rule, which puts config-invalid on the entry naming the file.
 */
export const validateSbom: RcValidator = (n, cx) => {
  const items = n.kind === 'seq' ? n.items : [n];
  const shapeOk = (n.kind === 'seq' && n.items.length > 0) || n.kind === 'scalar';
  if (!shapeOk) {
    bad(cx, n.range, cfgMsg('sbom 应为 SBOM 文件的路径或路径列表（相对于本配置文件）', 'sbom must be the path of an SBOM file, or a list of paths (relative to this file)'), { key: 'sbom' });
    return;
  }
  const paths: string[] = [];
  const at: Range[] = [];
  for (const it of items) {
    const v = it.kind === 'scalar' && typeof it.value === 'string' ? it.value.trim() : '';
    if (!v) bad(cx, it.range, cfgMsg('sbom 应为 SBOM 文件的路径（相对于本配置文件）', 'sbom must be the path of an SBOM file (relative to this file)'), { key: 'sbom' });
    else if (isRemoteUrl(v))
      bad(cx, it.range, cfgMsg(`sbom 须为本地文件路径，不能是网址（检查器从不联网）：${v}`, `sbom must be a local file path, not a URL (the checker never goes online): ${v}`), { key: 'sbom' });
    else {
      paths.push(v);
      at.push(it.range);
    }
  }
  if (paths.length) {
    cx.input.sbom = paths;
    cx.input.sbomAt = at;
  }
};

/** One `vulnerabilities` item: a path, or `{path, maxAge}`; undefined (with findings) when it is not usable. */
function vulnerabilityItem(it: YNode, cx: RcValidation): { path: string; maxAge?: string } | undefined {
  let v = '';
  let age: string | undefined;
  let ok = true;
  if (it.kind === 'scalar' && typeof it.value === 'string') v = it.value.trim();
  else if (it.kind === 'map') {
    for (const k of it.entries) {
      if (k.key === 'path' && k.node.kind === 'scalar' && typeof k.node.value === 'string') v = k.node.value.trim();
      else if (k.key === 'maxAge' && k.node.kind === 'scalar' && (typeof k.node.value === 'string' || typeof k.node.value === 'number')) {
        if (parseAge(k.node.value) === undefined) {
          bad(cx, k.node.range, cfgMsg('maxAge 应为时长，如 30d、12h、2w', 'maxAge must be a duration such as 30d, 12h or 2w'), { key: 'vulnerabilities.maxAge' });
          ok = false;
        } else age = String(k.node.value);
      } else {
        const guess = didYouMean(k.key, ['path', 'maxAge']);
        bad(cx, k.keyRange, cfgMsg(`vulnerabilities 项下的未知键 ${k.key}（允许：path, maxAge）`, `Unknown key ${k.key} in a vulnerabilities item (allowed: path, maxAge)`), { key: `vulnerabilities.${k.key}`, suggestion: guess });
      }
    }
  }
  if (!ok) return undefined;
  if (!v) bad(cx, it.range, cfgMsg('vulnerabilities 的每一项应为路径，或 {path: 路径, maxAge: 30d}', 'each vulnerabilities item must be a path, or {path: PATH, maxAge: 30d}'), { key: 'vulnerabilities' });
  else if (isRemoteUrl(v))
    bad(cx, it.range, cfgMsg(`vulnerabilities 须为本地文件或文件夹路径，不能是网址（检查器从不联网）：${v}`, `vulnerabilities must name local files or folders, not URLs (the checker never goes online): ${v}`), { key: 'vulnerabilities' });
  else return { path: v, ...(age !== undefined ? { maxAge: age } : {}) };
  return undefined;
}

/**
 * `vulnerabilities`: paths (files or folders) or `{path, maxAge}`; read (and reported when
 * unusable) by the vulnerability rule, which puts config-invalid on the entry naming the data.
 */
export const validateVulnerabilities: RcValidator = (n, cx) => {
  const items = n.kind === 'seq' ? n.items : [n];
  if (!((n.kind === 'seq' && n.items.length > 0) || n.kind === 'scalar' || n.kind === 'map')) {
    bad(cx, n.range, cfgMsg('vulnerabilities 应为漏洞数据文件或文件夹的路径列表（相对于本配置文件），每项也可写作 {path, maxAge}', 'vulnerabilities must be a list of vulnerability data files or folders (relative to this file); an item may be {path, maxAge}'), { key: 'vulnerabilities' });
    return;
  }
  const list: { path: string; maxAge?: string }[] = [];
  const at: Range[] = [];
  for (const it of items) {
    const item = vulnerabilityItem(it, cx);
    if (!item) continue;
    list.push(item);
    at.push(it.range);
  }
  if (list.length) {
    cx.input.vulnerabilities = list;
    cx.input.vulnerabilitiesAt = at;
  }
};
