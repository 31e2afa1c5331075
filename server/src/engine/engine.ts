// The engine's public face: check files and dossier folders, return findings with resolved
// severities. The CLI and the language server are thin adapters over this class. It keeps the
// caches (file analyses, rc files, lookups, the last state of each dossier); one check runs in
// stages under check/: plan.ts (which dossiers), dossier.ts (analyse → group → rule families →
// finalize).

import * as path from 'node:path';
import type { Finding } from './codes';
import { loadConfigText, resolveConfig, type Config, type ConfigInput, type Locale } from './config';
import { restrictedRc } from './check/restricted';
import type { PathScope } from './configured-file';
import { loadYaml, type YamlResult } from './facts/yaml';
import type { Host } from './host';
import { buildModel, ChunkCache, sharedChunkCache, type DocModel } from './model';
import { allRequirementIds, RULESETS } from './rulesets';
import { scan } from './scan';
import { LineIndex, type Range } from './text';
import { matchesAnyGlob } from './glob';
import type { DossierState, FileState } from './rules/context';
import type { SbomReader } from './sbom-reader';
import type { StateSnapshot } from './snapshot';
import { findDossierYaml, findRc, walkMarkdown } from './workspace';
import { checkDossierPass } from './check/dossier';
import { MAX_RC_BYTES } from './check/dossier-yaml';
import { finalize } from './check/finalize';
import { keyPath, planCheck, type CheckPlan } from './check/plan';
import type { Analysis, CheckSeam, DossierResult, DossierTarget, FileReport, InternalFailure } from './check/types';
export type { DossierState, FileState, DocGroup } from './rules/context';
export type { Diagnostic, DossierResult, DossierTarget, FileReport, InternalFailure } from './check/types';
export { finalize } from './check/finalize';

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
  /**
   * The SBOM reader (issue 15 item 2: the engine reaches sbom/ only through this port). The
   * adapters pass `sbomReader` from sbom/index. Without it, a configuration that names an SBOM
   * makes the sbom and vulnerabilities families fail (contained, reported as an internal error):
   * never a silent skip.
   */
  sbom?: SbomReader;
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

const RULESET_IDS = RULESETS.map((r) => r.id);

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

  /** The last checked state of the dossier holding a file, read-only: what the adapters read (snapshot.ts). */
  snapshotOf(file: string): StateSnapshot | undefined {
    return this.stateOf(file);
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
    const { input, findings } = loaded && this.options.restricted?.() ? restrictedRc(loaded) : { input: loaded?.input, findings: loaded?.findings ?? [] };
    const settings = this.options.settings?.(file);
    const config = resolveConfig(input, settings?.input, rc ? path.dirname(rc) : undefined, settings?.base);
    config.file = rc;
    return { config, rc, findings };
  }

  /**
   * Where the paths a configuration names may lead (configured-file.ts): the rc file's folder,
   * the dossier's folder (of `file`), and the roots the adapter gives (workspace folders, cwd).
   */
  pathScope(config: Pick<Config, 'file' | 'globBase'>, file?: string): PathScope {
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

  /** What the stages of a check read from the engine (check/types.ts). */
  private get seam(): CheckSeam {
    return (this.checkSeam ??= {
      host: this.options.host,
      options: this.options,
      configFor: (file) => this.configFor(file),
      analyze: (file, maxSize) => this.analyze(file, maxSize),
      isDossierFile: (file, a, config) => this.isDossierFile(file, a, config),
      modelOf: (a) => this.modelOf(a),
      pathScope: (config, file) => this.pathScope(config, file),
    });
  }
  private checkSeam: CheckSeam | undefined;

  /** Which dossiers a request involves, and their member files (no parsing). */
  private plan(req: CheckRequest): CheckPlan {
    return planCheck({ host: this.host, dossierYamlFor: (f) => this.dossierYamlFor(f), membersOf: (y) => this.membersOf(y) }, req);
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
    const { errors, explicit, dossiers } = this.plan(req);
    const reports = new Map<string, FileReport>();
    const configReports = new Map<string, Finding[]>();
    for (const { key, requested, members, folder } of dossiers) {
      const result = this.checkDossier({ members, yamlPath: key.kind === 'dossier' ? key.yamlPath : undefined, scope: folder ? 'folder' : 'files' });
      // The state keeps every report of the dossier (dossier.yaml's and the rc file's too): the
      // checklist, the report and the status item count from it (totals.ts).
      const rcReports = [...result.rcFindings].filter(([, f]) => f.length).map(([rc, f]) => this.rcReport(rc, f));
      const id = keyPath(key);
      this.states.set(id, { state: result.state, reports: [...result.files, ...(result.yaml ? [result.yaml] : []), ...rcReports] });
      for (const m of members) this.dossierOfFile.set(m, id);
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
    const d = this.plan({ files: [file] }).dossiers[0];
    if (!d) return undefined;
    const outcome = checkDossierPass(this.seam, { members: d.members, yamlPath: d.key.kind === 'dossier' ? d.key.yamlPath : undefined, scope: 'files' }, 'outline');
    return outcome.kind === 'checked' ? outcome.result.files.find((f) => f.path === file) : undefined;
  }

  /** Checks one dossier (not kept as its last state: check() does that). */
  checkDossier(target: DossierTarget): DossierResult {
    const outcome = checkDossierPass(this.seam, target, 'full');
    if (outcome.kind !== 'checked') throw new Error('a full pass always gives a result');
    return outcome.result;
  }
}

export type { Locale };
