// The engine's public face: check files and dossier folders, return findings with resolved
// severities. The CLI and the language server are thin adapters over this class.

import * as path from 'node:path';
import { CODES, type Code, type Finding, type FindingData, type RelatedPlace } from './codes';
import { suppressed } from './suppress';
import { idsKey, loadConfigText, resolveConfig, RESTRICTED_KEYS, type Config, type ConfigInput, type Locale } from './config';
import { CONFIGURED_FILE_LIMITS, configuredFileFinding, resolveConfiguredPath, type PathScope } from './configured-file';
import { evaluate, mergeFacts, type Facts } from './facts/facts';
import { validate, type Validated } from './facts/schema';
import { loadYaml, type YamlProblem, type YamlResult } from './facts/yaml';
import type { Host } from './host';
import { extractIds, type IdOccurrence } from './ids';
import { isAnswered, matchDocument } from './match';
import { sectionOf, sectionTables } from './rules/section';
import { buildModel, buildOutlineModel, ChunkCache, sharedChunkCache, type DocModel, type Suppression } from './model';
import { allRequirementIds, DEFAULT_RULESET, getRuleSet, kindOf, RULESETS } from './rulesets';
import type { Localized, RuleSet, Severity } from './rulesets/types';
import { scan, type ScanResult } from './scan';
import { LineIndex, range, type Range } from './text';
import { checkDocumentKind, checkDossierYaml, checkFrontmatter, checkNotices, checkScope, reportBrokenDossierYaml, reportBrokenRc } from './rules/frontmatter';
import { checkStructure } from './rules/structure';
import { checkContent, checkPlaceholders } from './rules/content';
import { checkConsistency, checkIds, checkMissingDocuments } from './rules/dossier';
import { checkSbom } from './rules/sbom';
import { loadConfiguredSbom } from '../sbom/load';
import { checkKnownVulnerabilities } from './rules/vulns';
import { loadFeed } from '../vulns/store';
import { matchesAnyGlob } from './glob';
import type { DossierState, FileState } from './rules/context';
import { DOSSIER_YAML, findDossierRoots, findDossierYaml, findRc, walkMarkdown, comparePaths } from './workspace';
export type { DossierState, FileState, DocGroup } from './rules/context';
import { hasRoles, isProductRow, columnMap } from './tables';
import { applySeverityModes } from './severity';
import { MAX_NESTING } from './parse';
import { utcDay } from './support';

export interface Diagnostic {
  code: Code;
  severity: Severity;
  message: Localized;
  range: Range;
  data: FindingData;
  /** Other places of the finding (the language server's relatedInformation). */
  related?: RelatedPlace[];
}

export interface FileReport {
  path: string;
  /** The document kind, or null (not a dossier file, dossier.yaml, an rc file). */
  document: string | null;
  isDossierFile: boolean;
  ruleset?: string;
  diagnostics: Diagnostic[];
}

export interface CheckRequest {
  files?: string[];
  /** Folders: walked for Markdown; each folder with a dossier.yaml is checked as one dossier. */
  folders?: string[];
  /** Also report every other dossier file of the dossiers involved (the editor re-publishes them). */
  members?: boolean;
  /**
   * Check the dossier of each requested file as its folder would be checked (missing-document
   * applies): the language server, so dossier.yaml's findings show as soon as a member is open
   * (issue 18 item 2). Costs nothing more: a member's check reads the whole dossier anyway.
   */
  dossier?: boolean;
}

export interface CheckResult {
  reports: FileReport[];
  /** Paths that could not be read. */
  errors: { path: string; message: string }[];
}

export interface EngineOptions {
  host: Host;
  /** Replaces rc discovery (CLI --config). */
  configFile?: string;
  /** Editor settings for a resource (fill what the rc file leaves unset). */
  settings?: (file: string) => { input: ConfigInput; base?: string } | undefined;
  chunkCache?: ChunkCache;
  /** 'whole': parse each document at once with the full processor (tests compare the two). */
  parse?: 'incremental' | 'whole';
  /**
   * Called when a rule family throws. The failure is contained: that family's findings for the
   * pass are dropped, every other family still runs. Adapters report it (output channel, stderr).
   */
  onInternalError?: (failure: InternalFailure) => void;
  /** Rule families made to throw (fault-injection tests of the containment; never set in use). */
  faults?: readonly string[];
  /**
   * Folders a configured path (`sbom`, `export.referenceDocx`, …) may lead into besides the rc
   * file's and the dossier's own: the workspace folders (editor), the current directory and the
   * `--allow-path` folders (CLI). See configured-file.ts.
   */
  roots?: () => readonly string[];
  /**
   * Restricted Mode (the workspace is not trusted): rc keys that name files or load patterns
   * (config.ts RESTRICTED_KEYS) are not applied, each with an info-level config-invalid on its
   * key; heading, frontmatter and content checks still run.
   */
  restricted?: () => boolean;
  /** Write the vulnerability index beside the data (`.cyberdossier-cache/`; default true). */
  vulnerabilityCache?: boolean;
  /**
   * Today, for the end-of-support checks when the facts give no reference date (default: the
   * clock; the CLI passes SOURCE_DATE_EPOCH when it is set, tests a fixed day).
   */
  today?: () => Date;
}

/** Fault injection for the containment tests (CYBERDOSSIER_FAULTS=content,ids). */
export function faultsFromEnv(env: Record<string, string | undefined> = process.env): string[] | undefined {
  const v = env.CYBERDOSSIER_FAULTS;
  return v ? v.split(',').map((x) => x.trim()).filter(Boolean) : undefined;
}

export interface InternalFailure {
  /** The rule family that threw (frontmatter, scope, document-kind, structure, content, …). */
  rule: string;
  /** The file or dossier it was checking. */
  path: string;
  message: string;
  stack?: string;
}

interface Analysis {
  version: string | undefined;
  text: string;
  size: number;
  lines: LineIndex;
  scan: ScanResult;
  yaml?: YamlResult;
  model?: DocModel;
  ids?: { key: string; ids: IdOccurrence[] };
}

const RULESET_IDS = RULESETS.map((r) => r.id);
/** .cyberdossierrc.yaml and dossier.yaml are small; a larger one is read as empty (config-invalid follows from its absence of keys). */
const MAX_RC_BYTES = 1024 * 1024;

export class Engine {
  private analyses = new Map<string, Analysis>();
  private rcCache = new Map<string, { version: string | undefined; input: ConfigInput; findings: Finding[]; keys: Map<string, Range> }>();
  // File-system lookups, kept until the host says the tree changed (forgetFileSystem).
  private yamlLookup = new Map<string, string | undefined>();
  private rcLookup = new Map<string, string | undefined>();
  private memberLookup = new Map<string, string[]>();
  /** The last state of each dossier, for editor features (completion, hover, code actions). */
  private states = new Map<string, { state: DossierState; reports: FileReport[] }>();
  private dossierOfFile = new Map<string, string>();
  private readonly reqIds = allRequirementIds();
  readonly chunks: ChunkCache;

  constructor(readonly options: EngineOptions) {
    this.chunks = options.chunkCache ?? sharedChunkCache;
  }

  get host(): Host {
    return this.options.host;
  }

  /** Drops cached analyses (a file closed in the editor, say). */
  forget(file?: string): void {
    if (file) this.analyses.delete(file);
    else this.analyses.clear();
    this.rcCache.clear();
  }

  /** Files were created, deleted or renamed: look dossiers, rc files and members up again. */
  forgetFileSystem(): void {
    this.yamlLookup.clear();
    this.rcLookup.clear();
    this.memberLookup.clear();
    this.rcCache.clear();
  }

  /**
   * Releases what only closed files need: the states of dossiers none of whose files is in
   * `keep` (the open documents), and all but `max` analyses of closed files. Without this, every
   * file ever opened would keep its whole model for the life of the editor session.
   */
  trim(keep: Set<string>, max = 200): void {
    const live = new Set<string>();
    for (const f of keep) {
      const key = this.dossierOfFile.get(f);
      if (key) live.add(key);
    }
    for (const key of [...this.states.keys()]) if (!live.has(key)) this.states.delete(key);
    for (const [f, key] of [...this.dossierOfFile]) if (!this.states.has(key)) this.dossierOfFile.delete(f);
    if (this.analyses.size <= max) return;
    for (const p of this.analyses.keys()) {
      if (this.analyses.size <= max) break;
      if (!keep.has(p)) this.analyses.delete(p);
    }
  }

  /** Sizes of the caches (server info, soak tests): all must stay bounded in a long session. */
  stats(): { analyses: number; states: number; files: number; lookups: number; chunks: number; chunkChars: number } {
    return {
      analyses: this.analyses.size,
      states: this.states.size,
      files: this.dossierOfFile.size,
      lookups: this.yamlLookup.size + this.rcLookup.size + this.memberLookup.size + this.rcCache.size,
      chunks: this.chunks.size,
      chunkChars: this.chunks.characters,
    };
  }

  dossierYamlFor(file: string): string | undefined {
    const dir = path.dirname(file);
    if (!this.yamlLookup.has(dir)) this.yamlLookup.set(dir, findDossierYaml(this.host, file));
    return this.yamlLookup.get(dir);
  }

  private membersOf(yamlPath: string): string[] {
    let m = this.memberLookup.get(yamlPath);
    if (!m) {
      m = walkMarkdown(this.host, path.dirname(yamlPath), { stopAtDossier: true });
      this.memberLookup.set(yamlPath, m);
    }
    return m;
  }

  /** The last checked state of the dossier holding a file (after check() saw it). */
  stateOf(file: string): { state: DossierState; file?: FileState; reports: FileReport[] } | undefined {
    const key = this.dossierOfFile.get(file);
    const entry = key ? this.states.get(key) : undefined;
    if (!entry) return undefined;
    return { state: entry.state, file: entry.state.files.find((f) => f.path === file), reports: entry.reports };
  }

  // ---- configuration ----------------------------------------------------------------------

  rcFileFor(file: string): string | undefined {
    if (this.options.configFile) return this.options.configFile;
    const dir = path.dirname(file);
    if (!this.rcLookup.has(dir)) this.rcLookup.set(dir, findRc(this.host, file));
    return this.rcLookup.get(dir);
  }

  private loadRc(rc: string): { input: ConfigInput; findings: Finding[]; keys: Map<string, Range> } {
    const version = this.host.version(rc);
    const cached = this.rcCache.get(rc);
    if (cached && cached.version === version) return cached;
    const text = this.host.readFile(rc, MAX_RC_BYTES) ?? '';
    const loaded = { version, ...loadConfigText(text, this.reqIds, RULESET_IDS) };
    this.rcCache.set(rc, loaded);
    return loaded;
  }

  configFor(file: string): { config: Config; rc?: string; findings: Finding[] } {
    const rc = this.rcFileFor(file);
    const loaded = rc ? this.loadRc(rc) : undefined;
    let input = loaded?.input;
    let findings = loaded?.findings ?? [];
    if (loaded && this.options.restricted?.()) {
      // Restricted Mode: what names files or loads patterns waits for trust (said on each key).
      const ignored = RESTRICTED_KEYS.filter((k) => loaded.keys.has(k));
      if (ignored.length) {
        input = { ...loaded.input };
        for (const k of RESTRICTED_KEYS) delete input[k];
        delete input.sbomAt;
        delete input.referenceDocxAt;
        delete input.vulnerabilitiesAt;
        findings = [
          ...findings.filter((f) => !ignored.some((k) => f.data.key === k || String(f.data.key ?? '').startsWith(`${k}.`))),
          ...ignored.map(
            (k): Finding => ({
              code: 'config-invalid',
              severity: 'info',
              range: loaded.keys.get(k)!,
              message: {
                zh: `受限模式：在信任此文件夹之前不使用 ${k}（它会读取文件或运行用户提供的模式）；标题与内容检查照常进行`,
                en: `Restricted Mode: ${k} is not used until you trust this folder (it reads files or runs patterns the folder supplies); heading and content checks still run`,
              },
              data: { key: k, restricted: true },
            }),
          ),
        ];
      }
    }
    const settings = this.options.settings?.(file);
    const config = resolveConfig(input, settings?.input, rc ? path.dirname(rc) : undefined, settings?.base);
    config.file = rc;
    return { config, rc, findings };
  }

  /**
   * Where the paths a configuration names may lead (configured-file.ts): the rc file's folder,
   * the dossier's folder (of `file`), and the roots the adapter gives (workspace folders, cwd).
   */
  pathScope(config: Config, file?: string): PathScope {
    const yaml = file ? this.dossierYamlFor(file) : undefined;
    const base = config.file ? path.dirname(config.file) : (config.globBase ?? (file ? path.dirname(file) : process.cwd()));
    return { base, roots: [...(yaml ? [path.dirname(yaml)] : []), ...(this.options.roots?.() ?? [])] };
  }

  // ---- analysis -----------------------------------------------------------------------------

  private analyze(file: string, maxSize: number): Analysis | undefined {
    const version = this.host.version(file);
    const cached = this.analyses.get(file);
    if (cached && cached.version === version && version !== undefined) return cached;
    const size = this.host.fileSize(file);
    if (size === undefined) return undefined;
    if (size > maxSize) {
      const a: Analysis = { version, text: '', size, lines: new LineIndex(''), scan: scan('') };
      this.analyses.set(file, a);
      return a;
    }
    const text = this.host.readFile(file, maxSize);
    if (text === undefined) return undefined;
    const lines = new LineIndex(text);
    const sr = scan(text, lines);
    let yaml: YamlResult | undefined;
    if (sr.frontmatter && sr.frontmatter.closeLine !== undefined) {
      yaml = loadYaml(text.slice(sr.frontmatter.contentStart, sr.frontmatter.contentEnd), sr.frontmatter.contentStart, lines);
    }
    const a: Analysis = { version, text, size: Buffer.byteLength(text, 'utf8'), lines, scan: sr, yaml };
    this.analyses.set(file, a);
    return a;
  }

  private modelOf(a: Analysis): DocModel {
    if (!a.model) a.model = buildModel(a.text, this.chunks, { whole: this.options.parse === 'whole' }, a.scan);
    return a.model;
  }

  /** Whether a Markdown file is a dossier file (frontmatter.md): `document` key, or a glob. */
  isDossierFile(file: string, a: Analysis, config: Config): boolean {
    if (a.yaml?.root?.kind === 'map' && a.yaml.root.entries.some((e) => e.key === 'document')) return true;
    if (a.scan.frontmatter?.hasDocumentLine) return true;
    if (config.dossierGlobs.length) {
      const base = config.globBase ?? path.dirname(file);
      const rel = path.relative(base, file).split(path.sep).join('/');
      if (!rel.startsWith('..') && matchesAnyGlob(rel, config.dossierGlobs)) return true;
    }
    return false;
  }

  // ---- checking -----------------------------------------------------------------------------

  /** Which dossiers a request involves, and their member files (no parsing). */
  private plan(req: CheckRequest): { errors: CheckResult['errors']; explicit: Set<string>; folderDossiers: Set<string>; dossiers: { key: string; requested: Set<string>; members: string[] }[] } {
    const errors: CheckResult['errors'] = [];
    const explicit = new Set<string>();
    const walked = new Set<string>();
    const folderDossiers = new Set<string>();
    for (const f of req.files ?? []) {
      const abs = path.resolve(f);
      if (!this.host.exists(abs) || this.host.isDirectory(abs) || this.host.fileSize(abs) === undefined) {
        errors.push({ path: f, message: 'cannot read file' });
        continue;
      }
      explicit.add(abs);
    }
    for (const d of req.folders ?? []) {
      const abs = path.resolve(d);
      if (!this.host.isDirectory(abs)) {
        errors.push({ path: d, message: 'cannot read folder' });
        continue;
      }
      for (const f of walkMarkdown(this.host, abs)) walked.add(f);
      for (const root of findDossierRoots(this.host, abs)) folderDossiers.add(path.join(root, DOSSIER_YAML));
    }
    // Group the requested files by the dossier that governs them.
    const byDossier = new Map<string, Set<string>>();
    const add = (key: string, file: string) => {
      const s = byDossier.get(key) ?? new Set<string>();
      s.add(file);
      byDossier.set(key, s);
    };
    for (const f of [...explicit, ...walked]) {
      const y = this.dossierYamlFor(f);
      add(y ?? `single:${f}`, f);
      if (y && req.dossier) folderDossiers.add(y);
    }
    for (const y of folderDossiers) if (!byDossier.has(y)) byDossier.set(y, new Set());
    const dossiers = [...byDossier].sort((a, b) => comparePaths(a[0], b[0])).map(([key, requested]) => {
      const yamlPath = key.startsWith('single:') ? undefined : key;
      const members = yamlPath ? [...this.membersOf(yamlPath)] : [...requested];
      for (const r of requested) if (!members.includes(r)) members.push(r);
      members.sort(comparePaths);
      return { key, requested, members };
    });
    return { errors, explicit, folderDossiers, dossiers };
  }

  /**
   * Parses the chunks a check will need on this thread in slices of about `sliceMs`, yielding
   * between them so the language server keeps answering (completion, hover) while a large
   * document parses; stops early when `cancelled()` says the work is stale. False if cancelled.
   */
  async warmInSlices(req: CheckRequest, opts: { sliceMs?: number; cancelled?: () => boolean } = {}): Promise<boolean> {
    const slice = opts.sliceMs ?? 8;
    let start = performance.now();
    for (const t of this.uncachedChunks(req)) {
      if (opts.cancelled?.()) return false;
      this.chunks.get(t);
      if (performance.now() - start > slice) {
        await new Promise((r) => setImmediate(r));
        start = performance.now();
      }
    }
    return !opts.cancelled?.();
  }

  /** Chunk texts a check of `req` would have to parse (not in the cache yet). */
  uncachedChunks(req: CheckRequest): string[] {
    const texts: string[] = [];
    for (const d of this.plan(req).dossiers) {
      for (const file of d.members) {
        const { config } = this.configFor(file);
        const a = this.analyze(file, config.maxFileSize);
        if (!a || a.model || a.size > config.maxFileSize) continue;
        if (!this.isDossierFile(file, a, config)) continue;
        for (const c of a.scan.chunks) {
          const t = a.text.slice(c.start, c.end);
          if (!this.chunks.has(t)) texts.push(t);
        }
      }
    }
    return texts;
  }

  /** Characters of chunk analyses no cached document uses that may stay (undo, retyping). */
  static readonly CHUNK_SLACK = 128 * 1024;
  private sweepAbove = Engine.CHUNK_SLACK;
  /** Drops dead chunk analyses once the cache has grown by the slack since the last sweep. */
  private sweepChunks(): void {
    if (this.chunks.characters <= this.sweepAbove) return;
    const live = new Set<string>();
    for (const a of this.analyses.values()) for (const c of a.model?.chunks ?? []) live.add(c.hash);
    this.chunks.sweep(live, Engine.CHUNK_SLACK);
    this.sweepAbove = this.chunks.characters + Engine.CHUNK_SLACK;
  }

  check(req: CheckRequest): CheckResult {
    const { errors, explicit, folderDossiers, dossiers } = this.plan(req);
    const reports = new Map<string, FileReport>();
    const configReports = new Map<string, Finding[]>();
    for (const { key, requested, members } of dossiers) {
      const yamlPath = key.startsWith('single:') ? undefined : key;
      const result = this.checkDossier(members, yamlPath, yamlPath !== undefined && folderDossiers.has(yamlPath))!;
      // The state keeps every report of the dossier (dossier.yaml's and the rc file's too): the
      // checklist, the report and the status item count from it (totals.ts).
      const rcReports = [...result.rcFindings].filter(([, f]) => f.length).map(([rc, f]) => this.rcReport(rc, f));
      this.states.set(key, { state: result.state, reports: [...result.files, ...(result.yaml ? [result.yaml] : []), ...rcReports] });
      for (const m of members) this.dossierOfFile.set(m, key);
      for (const fr of result.files) {
        if (!requested.has(fr.path) && !(req.members && fr.isDossierFile)) continue;
        if (!fr.isDossierFile && !explicit.has(fr.path)) continue;
        reports.set(fr.path, fr);
      }
      if (result.yaml && result.yaml.diagnostics.length) reports.set(result.yaml.path, result.yaml);
      for (const [rc, findings] of result.rcFindings) configReports.set(rc, findings);
    }
    for (const [rc, findings] of configReports) if (findings.length) reports.set(rc, this.rcReport(rc, findings));
    this.sweepChunks();
    return { reports: [...reports.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)), errors };
  }

  /** The report of an rc file's findings. */
  rcReport(rc: string, findings: Finding[]): FileReport {
    const { config } = this.configFor(rc);
    return { path: rc, document: null, isDossierFile: false, diagnostics: finalize(findings, config, undefined, []) };
  }

  /**
   * Structural findings of a file from the heading scan alone (no remark): frontmatter, missing
   * and duplicate sections whose answer cannot depend on a body. A subset of what check() reports
   * — shown while a large document is still being parsed. Undefined when no safe quick answer.
   */
  quickCheck(file: string): FileReport | undefined {
    const { dossiers } = this.plan({ files: [file] });
    const d = dossiers[0];
    if (!d) return undefined;
    const yamlPath = d.key.startsWith('single:') ? undefined : d.key;
    const result = this.checkDossier(d.members, yamlPath, false, true);
    return result?.files.find((f) => f.path === file);
  }

  /** Runs one rule family; a throw is reported and contained (requirements stay checkable). */
  private contain(rule: string, where: string, fn: () => void): void {
    const findingsBefore = this.containTargets?.map((f) => f.findings.length);
    try {
      if (this.options.faults?.includes(rule)) throw new Error(`injected fault in ${rule}`);
      fn();
    } catch (e) {
      // Drop what the failed pass had already added, so no half-finished result is shown.
      this.containTargets?.forEach((f, i) => (f.findings.length = findingsBefore![i]));
      const err = e instanceof Error ? e : new Error(String(e));
      this.options.onInternalError?.({ rule, path: where, message: err.message, stack: err.stack });
    }
  }
  private containTargets: { findings: Finding[] }[] | undefined;

  /** Checks one dossier: every member file is analysed, results come for all of them. */
  checkDossier(
    members: string[],
    yamlPath: string | undefined,
    folder: boolean,
    quick = false,
  ): { files: FileReport[]; yaml?: FileReport; rcFindings: Map<string, Finding[]>; state: DossierState } | undefined {
    const rcFindings = new Map<string, Finding[]>();
    const d: DossierState = { yamlPath, yamlFindings: [], yamlValidated: new Map(), files: [], groups: [], folder, today: utcDay(this.options.today?.() ?? new Date()) };

    // dossier.yaml: parsed once; validated per rule set that a member uses.
    let yamlRoot: YamlResult | undefined;
    let yamlGuideline: string | undefined;
    if (yamlPath) {
      const text = this.host.readFile(yamlPath, MAX_RC_BYTES) ?? '';
      d.yamlLines = new LineIndex(text);
      yamlRoot = loadYaml(text, 0, d.yamlLines);
      if (yamlRoot.root?.kind === 'map') {
        const g = yamlRoot.root.entries.find((e) => e.key === 'guideline');
        if (g?.node.kind === 'scalar' && typeof g.node.value === 'string') yamlGuideline = g.node.value;
      }
      checkDossierYaml(d, yamlRoot.problems, [], !!yamlRoot.root);
    }
    // dossier.yaml that does not parse: its members say so once instead of reporting the symptoms.
    const brokenYaml = yamlPath && yamlRoot && !yamlRoot.root ? yamlRoot.problems[0] : undefined;
    const yamlValidated = (rs: RuleSet): Validated | undefined => {
      if (!yamlRoot?.root) return undefined;
      let v = d.yamlValidated.get(rs.id);
      if (!v) {
        v =
          yamlRoot.root.kind === 'scalar' && yamlRoot.root.value === null
            ? { values: Object.create(null), invalid: new Set(), positions: new Map(), issues: [] }
            : validate(yamlRoot.root, rs.schema, { forbid: ['document'], others: RULESETS.filter((o) => o !== rs).map((o) => ({ id: o.id, schema: o.schema })) });
        d.yamlValidated.set(rs.id, v);
        checkDossierYaml(
          d,
          [],
          v.issues.map((i) => ({ code: 'config-invalid', range: i.range, message: i.message, data: { path: i.path, ...(i.suggestion ? { suggestion: i.suggestion } : {}), target: i.target } })),
        );
      }
      return v;
    };

    for (const file of members) {
      const { config, rc, findings: rcF } = this.configFor(file);
      if (rc && rcF.length) rcFindings.set(rc, rcF);
      const a = this.analyze(file, config.maxFileSize);
      if (!a) continue;
      const tooLarge = a.size > config.maxFileSize;
      const isDossier = tooLarge ? /\.(md|markdown)$/i.test(file) : this.isDossierFile(file, a, config);
      const raw = a.yaml?.root?.kind === 'map' ? a.yaml.root.entries.find((e) => e.key === 'guideline') : undefined;
      const rawGuideline = raw?.node.kind === 'scalar' && typeof raw.node.value === 'string' ? raw.node.value : undefined;
      const ruleset = getRuleSet(rawGuideline ?? yamlGuideline ?? config.guideline) ?? getRuleSet(DEFAULT_RULESET)!;
      const state: FileState = {
        path: file,
        text: a.text,
        lines: a.lines,
        scan: a.scan,
        config,
        tooLarge,
        size: a.size,
        isDossier,
        yaml: a.yaml,
        ruleset,
        facts: mergeFacts(undefined, undefined),
        ids: [],
        skipBody: false,
        outOfScope: false,
        findings: [],
        silenced: [],
      };
      d.files.push(state);
      if (tooLarge) {
        state.findings.push({
          code: 'file-too-large',
          range: range(0, 0, 0, 0),
          message: {
            zh: `文件大小 ${fmtSize(a.size)} 超过上限 ${fmtSize(config.maxFileSize)}，未检查（可在 .cyberdossierrc.yaml 中设置 maxFileSize）`,
            en: `The file is ${fmtSize(a.size)}, over the limit of ${fmtSize(config.maxFileSize)}; it was not checked (set maxFileSize in .cyberdossierrc.yaml)`,
          },
          data: { size: a.size, limit: config.maxFileSize },
        });
        state.skipBody = true;
        continue;
      }
      if (!isDossier) continue;
      const others = RULESETS.filter((o) => o !== ruleset).map((o) => ({ id: o.id, schema: o.schema }));
      if (a.yaml?.root && !a.yaml.problems.length) state.validated = validate(a.yaml.root, ruleset.schema, { others });
      state.facts = mergeFacts(state.validated, yamlValidated(ruleset));
      const doc = state.facts.values.document;
      state.kind = typeof doc === 'string' ? kindOf(ruleset, doc) : undefined;
      this.containTargets = [state];
      this.contain('frontmatter', file, () => checkFrontmatter(state, d, RULESET_IDS));
      if (brokenYaml && yamlPath) reportBrokenDossierYaml(state, yamlPath, brokenYaml);
      if (rc && brokenRc(rcF)) reportBrokenRc(state, rc, brokenRc(rcF)!);
      if (!state.skipBody) this.contain('scope', file, () => checkScope(state));
      this.contain('notices', file, () => checkNotices(state));
      if (!state.kind) state.skipBody = true;
      if (!state.skipBody) {
        this.contain('document-kind', file, () => checkDocumentKind(state));
        if (quick) {
          state.model = buildOutlineModel(a.text, a.scan);
          if (!state.model) return undefined;
        } else {
          state.model = this.modelOf(a);
          for (const sk of state.model.skipped) {
            state.findings.push({
              code: 'section-skipped',
              range: state.model.lines.lineRange(sk.line),
              message:
                sk.skipped.reason === 'nesting'
                  ? {
                      zh: `本节的块引用/列表嵌套达 ${sk.skipped.depth} 层（上限 ${MAX_NESTING} 层），未解析也未检查；请减少嵌套层级`,
                      en: `This section nests block quotes or lists ${sk.skipped.depth} levels deep (limit ${MAX_NESTING}); it was not parsed or checked — reduce the nesting`,
                    }
                  : { zh: `本节无法解析（${sk.skipped.message}），未检查`, en: `This section could not be parsed (${sk.skipped.message}); it was not checked` },
              data: { reason: sk.skipped.reason },
            });
          }
          const key = idsKey(config);
          if (a.ids?.key !== key) a.ids = { key, ids: extractIds(state.model, config) };
          state.ids = a.ids.ids;
        }
      }
    }

    // Documents: files of one kind (and rule set), matched as one, in path order.
    const groups = new Map<string, FileState[]>();
    for (const f of d.files) {
      if (!f.kind || f.skipBody || !f.model) continue;
      const key = `${f.ruleset.id}\u0000${f.kind.id}`;
      groups.set(key, [...(groups.get(key) ?? []), f]);
    }
    for (const files of groups.values()) {
      const { ruleset, kind } = files[0];
      const aliases = files[0].config.aliases;
      const facts = files[0].facts;
      const submission = ruleset.submission.find((c) => evaluate(c.when, { facts }).value === true);
      d.groups.push({ ruleset, kind: kind!, files, match: matchDocument(kind!, files.map((f) => f.model!), aliases, ruleset.answers), facts, submission });
    }
    const tableRows = (ids: string[]): boolean | undefined | 'unknown' => {
      if (quick) return 'unknown';
      let seen = false;
      for (const g of d.groups) {
        for (const id of ids) {
          const sec = sectionOf(g, id);
          if (!sec) continue;
          seen = true;
          const r = g.kind.requirements.find((x) => x.id === id)!;
          const sel = r.checks?.find((c) => c.kind === 'listing-table');
          const select = sel && sel.kind === 'listing-table' ? sel.select : ['name'];
          for (const t of sectionTables(sec)) {
            if (!hasRoles(t.fact, select, g.ruleset.columns)) continue;
            const name = columnMap(t.fact.header, ['name'], g.ruleset.columns).get('name');
            if (t.fact.rows.some((row) => isProductRow(row, name))) return true;
          }
        }
      }
      return seen ? false : undefined;
    };
    // Only a dossier folder shows every document; a file alone cannot tell what the others hold.
    const answered = (ids: string[]): boolean | 'unknown' => (quick || !yamlPath ? 'unknown' : d.groups.some((g) => ids.some((id) => isAnswered(g.match, id))));
    for (const g of d.groups) {
      const cond = { facts: g.facts, tableRows, answered };
      g.cond = cond;
      g.today = d.today;
      const where = g.files[0].path;
      this.containTargets = g.files;
      this.contain('structure', where, () => checkStructure(g, cond));
      if (quick) continue;
      this.contain('content', where, () => checkContent(g, cond));
      this.contain('placeholders', where, () => checkPlaceholders(g));
    }
    const where = yamlPath ?? members[0] ?? '.';
    this.containTargets = [...d.files, { findings: d.yamlFindings }];
    if (!quick) {
      this.contain('ids', where, () => checkIds(d));
      this.contain('consistency', where, () => checkConsistency(d));
      this.contain('sbom', where, () => {
        const scopeFile = yamlPath ?? members[0];
        for (const [rc, found] of checkSbom(d, (s, config) => loadConfiguredSbom(s.value, this.host, this.pathScope(config, scopeFile)), d.today))
          rcFindings.set(rc, [...(rcFindings.get(rc) ?? []), ...found]);
      });
      this.contain('vulnerabilities', where, () => {
        const scopeFile = yamlPath ?? members[0];
        const found = checkKnownVulnerabilities(
          d,
          (s, config) => loadFeed(this.host, { value: s.value, ...(s.maxAge !== undefined ? { maxAge: s.maxAge } : {}) }, this.pathScope(config, scopeFile), { writeCache: this.options.vulnerabilityCache !== false }),
          (config) => config.sbom.map((s) => loadConfiguredSbom(s.value, this.host, this.pathScope(config, scopeFile))),
        );
        for (const [rc, f] of found) rcFindings.set(rc, [...(rcFindings.get(rc) ?? []), ...f]);
      });
      this.contain('configured-files', where, () => this.checkConfiguredPaths(d, yamlPath ?? members[0], rcFindings));
    }
    const dossierRuleset = d.files.find((f) => f.isDossier)?.ruleset ?? getRuleSet(yamlGuideline) ?? getRuleSet(this.configFor(yamlPath ?? members[0] ?? '.').config.guideline) ?? getRuleSet(DEFAULT_RULESET)!;
    d.dossier = { ruleset: dossierRuleset, facts: this.dossierFacts(d, yamlValidated, dossierRuleset) };
    if (!quick) this.contain('dossier', where, () => checkMissingDocuments(d, d.dossier!.facts, dossierRuleset));
    this.containTargets = undefined;

    for (const f of d.files) if (f.isDossier) applySeverityModes(f.findings, f.ruleset, f.facts);
    applySeverityModes(d.yamlFindings, d.dossier?.ruleset, d.dossier?.facts);
    const files: FileReport[] = d.files.map((f) => ({
      path: f.path,
      document: f.kind?.id ?? null,
      isDossierFile: f.isDossier,
      ruleset: f.isDossier ? f.ruleset.id : undefined,
      diagnostics: f.isDossier || f.tooLarge ? finalize(applySilence(f), f.config, f.ruleset, f.model?.suppressions ?? []) : [],
    }));
    let yaml: FileReport | undefined;
    if (yamlPath) {
      const { config } = this.configFor(yamlPath);
      const rs = d.files.find((f) => f.isDossier)?.ruleset;
      yaml = { path: yamlPath, document: null, isDossierFile: false, diagnostics: finalize(d.yamlFindings, config, rs, []) };
    }
    return { files, yaml, rcFindings, state: d };
  }

  /**
   * Paths the configuration names that no rule reads during a check (`export.referenceDocx`,
   * read by the Word export): resolved and checked now (configured-file.ts, nothing is opened),
   * so a path outside or a FIFO is config-invalid on its key before anyone exports.
   */
  private checkConfiguredPaths(d: DossierState, scopeFile: string | undefined, rcFindings: Map<string, Finding[]>): void {
    const seen = new Set<string>();
    for (const f of d.files) {
      const c = f.config;
      const ref = c.export;
      if (!c.file || !ref?.value || !ref.at || seen.has(c.file)) continue;
      seen.add(c.file);
      const r = resolveConfiguredPath(this.host, ref.value, this.pathScope(c, scopeFile), { key: 'export.referenceDocx', maxBytes: CONFIGURED_FILE_LIMITS.referenceDocx });
      if (!r.ok) rcFindings.set(c.file, [...(rcFindings.get(c.file) ?? []), configuredFileFinding(r, ref.at)]);
    }
  }

  private dossierFacts(d: DossierState, yamlValidated: (rs: RuleSet) => Validated | undefined, rs: RuleSet): Facts | undefined {
    const first = d.files.find((f) => f.isDossier && f.validated);
    const y = yamlValidated(rs);
    if (y && y.values.submission !== undefined) return mergeFacts(undefined, y);
    return first?.facts ?? (y ? mergeFacts(undefined, y) : undefined);
  }
}

function fmtSize(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} B`;
}

/** The rc file's YAML error that kept its settings from applying (its first config-invalid of kind yaml, without settings). */
function brokenRc(findings: Finding[]): YamlProblem | undefined {
  const f = findings.find((x) => x.data.problem === 'yaml' && x.data.unapplied === true);
  return f ? { message: String(f.data.detail ?? ''), code: typeof f.data.yamlCode === 'string' ? f.data.yamlCode : undefined, range: f.range } : undefined;
}

function applySilence(f: FileState): Finding[] {
  if (!f.silenced.length) return f.findings;
  return f.findings.filter((x) => {
    // Document-level findings only borrow a heading as their anchor.
    if (x.code === 'frontmatter-invalid' || x.code === 'frontmatter-missing' || x.code === 'privacy-not-addressed') return true;
    return !f.silenced.some((s) => x !== s.keep && x.range.start.line >= s.from && x.range.start.line < s.to);
  });
}

/** Severity resolution, suppression comments, sorting: findings → diagnostics. */
export function finalize(findings: Finding[], config: Config, ruleset: RuleSet | undefined, suppressions: Suppression[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const f of findings) {
    const req = typeof f.data.requirement === 'string' ? f.data.requirement : undefined;
    const setting =
      (req ? config.rules.get(`${f.code}/${req}`) : undefined) ?? config.rules.get(f.code) ?? f.severity ?? ruleset?.codeSeverity?.[f.code] ?? CODES[f.code].severity;
    if (setting === 'off') continue;
    if (suppressed(f, req, suppressions)) continue;
    out.push({ code: f.code, severity: setting, message: f.message, range: f.range, data: f.data, ...(f.related?.length ? { related: f.related } : {}) });
  }
  out.sort(
    (a, b) =>
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
      String(a.data.requirement ?? '').localeCompare(String(b.data.requirement ?? '')),
  );
  return out;
}

export type { Locale };
