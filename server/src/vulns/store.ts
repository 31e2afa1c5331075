// The configured vulnerability data (`vulnerabilities:` in .cyberdossierrc.yaml): each entry, a
// file or a folder, found and checked through engine/configured-file.ts, read (streamed when
// large), normalised and indexed by the keys components are matched on. The index is cached
// beside the data, in `.cyberdossier-cache/` of the entry's folder (a `.gitignore` of `*` inside
// keeps it out of version control), keyed by every file's size, mtime and a hash of its first
// 64 KB; it is rebuilt when one changes. A warm check reads the key table and only the records
// of the components it matches. Nothing is written outside the entry's folder, and a cache that
// cannot be written (read-only checkout) only costs a rebuild in memory.

import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIGURED_FILE_LIMITS, resolveConfiguredPath, type ConfiguredFileProblem, type PathScope } from '../engine/configured-file';
import type { Host, RandomAccessFile } from '../engine/host';
import type { Localized } from '../engine/rulesets/types';
import { parseJsonText, streamJson } from './json';
import { cve5Record, isCve5, isKev, isNvd, isOsv, kevEntry, nvdRecord, osvRecord } from './records';
import { FeedError, type FeedKind, type KevEntry, type VexStatement, type VulnRecord } from './types';
import { vexDate, vexFormat, vexStatements } from './vex';
import { forEachZipEntry, zipEntryData } from './zip';

/** Files up to this size are parsed whole; larger JSON is streamed. */
export const WHOLE_JSON_BYTES = 64 * 1024 * 1024;
const MAX_FOLDER_FILES = 1_000_000;
const MAX_FOLDER_DEPTH = 16;
const INDEX_FORMAT = 3;
export const CACHE_DIR = '.cyberdossier-cache';

export interface FeedEntry {
  /** As configured (relative to the rc file). */
  value: string;
  /** `maxAge` in milliseconds, when configured. */
  maxAge?: number;
}

export interface FeedIndex {
  keys: Map<string, number[]>;
  count: number;
  record(i: number): VulnRecord | undefined;
}

export interface LoadedFeed {
  ok: true;
  value: string;
  /** The canonical path of the file or folder. */
  path: string;
  kinds: FeedKind[];
  files: number;
  /** The data's date: the newest date the data states (feed timestamp, records' last modification), else the newest file's mtime. */
  date?: string;
  /** Where the date came from. */
  dateSource: 'data' | 'mtime';
  index: FeedIndex;
  kev: Map<string, KevEntry>;
  vex: VexStatement[];
  /** How the index was obtained this time. */
  cache: 'memory' | 'disk' | 'built';
  /** The index files, when written. */
  cacheFiles?: string[];
}

export interface FeedFailure {
  ok: false;
  value: string;
  problem: ConfiguredFileProblem | 'invalid' | 'empty';
  message: Localized;
  /** The file (inside a folder entry) the problem is in. */
  file?: string;
  line?: number;
  column?: number;
}

export type FeedResult = LoadedFeed | FeedFailure;

export interface StoreOptions {
  /** Write the index beside the data (default true). */
  writeCache?: boolean;
  /** Progress of a build (bench). */
  now?: () => number;
}

interface FileSig {
  path: string;
  size: number;
  mtimeMs: number;
}

const memory = new Map<string, { sig: string; checked: number; feed: LoadedFeed }>();

/** Clears the in-memory indexes (tests, bench). */
export function clearFeedMemory(): void {
  memory.clear();
  for (const f of openRecordFiles.values()) f.close();
  openRecordFiles.clear();
}

/**
 * A configured file or folder changed on disk (the editor's file watcher): its in-memory index
 * is dropped, so the next check compares the files' full signature again (and rebuilds the index
 * when the data changed). `changed` are canonical or lexical paths; an entry is dropped when a
 * changed path is the entry or lies inside it.
 */
export function forgetFeeds(changed: readonly string[]): number {
  let n = 0;
  // The entries are keyed by canonical path; the editor reports the path it watches (a link in it).
  const all = [...new Set(changed.flatMap((c) => [c, canonical(c)]))];
  for (const key of [...memory.keys()]) {
    if (all.some((c) => c === key || c.startsWith(key + path.sep) || key.startsWith(c + path.sep))) {
      memory.delete(key);
      n++;
    }
  }
  return n;
}

/** The canonical path of `p`, or of its nearest existing parent joined with the rest (a deleted file). */
function canonical(p: string): string {
  let rest = '';
  for (let at = path.resolve(p); ; ) {
    try {
      return path.join(fs.realpathSync(at), rest);
    } catch {
      const up = path.dirname(at);
      if (up === at) return p;
      rest = path.join(path.basename(at), rest);
      at = up;
    }
  }
}

const fail = (value: string, problem: FeedFailure['problem'], message: Localized, extra: Partial<FeedFailure> = {}): FeedFailure => ({ ok: false, value, problem, message, ...extra });

/** Reads (or finds indexed) one configured entry. Never throws. */
export function loadFeed(host: Host, entry: FeedEntry, scope: PathScope, opts: StoreOptions = {}): FeedResult {
  const r = resolveConfiguredPath(host, entry.value, scope, { key: 'vulnerabilities', maxBytes: CONFIGURED_FILE_LIMITS.vulnerabilities, allowFolder: true });
  if (!r.ok) return fail(entry.value, r.problem, r.message);
  let files: FileSig[];
  if (r.directory) {
    const listed = listFolder(host, r.path, scope, entry.value);
    if (!Array.isArray(listed)) return listed;
    files = listed;
    if (!files.length) return fail(entry.value, 'empty', { zh: '文件夹中没有 .json 或 .zip 漏洞数据文件', en: 'the folder holds no .json or .zip vulnerability data' });
  } else {
    const st = host.stat(r.path);
    files = [{ path: r.path, size: st?.size ?? r.size, mtimeMs: mtimeOf(r.path) }];
  }
  const quick = files.map((f) => `${f.path}\u0000${f.size}\u0000${f.mtimeMs}`).join('\u0001');
  const hit = memory.get(r.path);
  if (hit && hit.sig === quick) return { ...hit.feed, cache: 'memory' };
  const sig = signature(host, files);
  const cacheDir = path.join(r.directory ? r.path : path.dirname(r.path), CACHE_DIR);
  const base = path.join(cacheDir, crypto.createHash('sha1').update(r.path).digest('hex').slice(0, 16));
  // The index is cached only on a real file system (a Host with positional reads).
  const onDisk = !!host.openRandom;
  const fromDisk = onDisk ? readCache(host, base, sig, entry.value, r.path) : undefined;
  if (fromDisk) {
    memory.set(r.path, { sig: quick, checked: Date.now(), feed: fromDisk });
    return fromDisk;
  }
  const built = build(host, entry.value, r.path, files, r.directory === true, onDisk && opts.writeCache !== false ? { dir: cacheDir, base, sig } : undefined);
  if (built.ok) memory.set(r.path, { sig: quick, checked: Date.now(), feed: built });
  return built;
}

function mtimeOf(p: string): number {
  try {
    return fs.statSync(p).mtimeMs;
  } catch {
    return 0;
  }
}

/** The .json and .zip files of a folder (names starting with `.` skipped: the cache, .git); links are not followed. */
function listFolder(host: Host, dir: string, scope: PathScope, value: string): FileSig[] | FeedFailure {
  const out: FileSig[] = [];
  const stack: [string, number][] = [[dir, 0]];
  while (stack.length) {
    const [d, depth] = stack.pop()!;
    const entries = host.readDir(d) ?? [];
    entries.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.') || e.link || e.special) continue;
      const p = path.join(d, e.name);
      if (e.dir) {
        if (depth + 1 < MAX_FOLDER_DEPTH) stack.push([p, depth + 1]);
        continue;
      }
      if (!/\.(json|zip)$/i.test(e.name)) continue;
      if (out.length >= MAX_FOLDER_FILES) return fail(value, 'too-large', { zh: `文件夹中的数据文件超过 ${MAX_FOLDER_FILES} 个`, en: `the folder holds more than ${MAX_FOLDER_FILES} data files` });
      // Every file again through the configured-file checks (inside the scope, a regular file, size).
      const r = resolveConfiguredPath(host, p, scope, { key: 'vulnerabilities', maxBytes: CONFIGURED_FILE_LIMITS.vulnerabilities });
      if (!r.ok) {
        if (r.problem === 'missing') continue;
        return fail(value, r.problem, r.message, { file: path.relative(dir, p) });
      }
      out.push({ path: r.path, size: r.size, mtimeMs: mtimeOf(r.path) });
    }
  }
  out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return out;
}

/** Size, mtime and the SHA-256 of the first 64 KB of every file: what the cached index is keyed by. */
function signature(host: Host, files: FileSig[]): string {
  const h = crypto.createHash('sha256').update(`v${INDEX_FORMAT}`);
  for (const f of files) {
    h.update(`${f.path}\u0000${f.size}\u0000${f.mtimeMs}\u0000`);
    const rf = open(host, f.path);
    if (rf) {
      try {
        h.update(rf.read(0, 65536));
      } finally {
        rf.close();
      }
    }
  }
  return h.digest('hex');
}

/** The Host's positional reader, else its bounded whole read (an open editor document). */
function open(host: Host, p: string): RandomAccessFile | undefined {
  const rf = host.openRandom?.(p);
  if (rf) return rf;
  const b = host.readBytes(p);
  if (!b) return undefined;
  const buf = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  return { size: buf.length, mtimeMs: 0, read: (pos, len) => buf.subarray(pos, pos + len), close: () => undefined };
}

// ---- the index --------------------------------------------------------------------------------

interface IndexFile {
  format: number;
  sig: string;
  kinds: FeedKind[];
  files: number;
  date?: string;
  dateSource: 'data' | 'mtime';
  count: number;
  keys: [string, number[]][];
  /** Byte offsets of the records in the .rec file (count + 1 values). */
  offsets: number[];
  kev: KevEntry[];
  vex: VexStatement[];
}

class Builder {
  keys = new Map<string, number[]>();
  count = 0;
  kinds = new Set<FeedKind>();
  kev = new Map<string, KevEntry>();
  vex: VexStatement[] = [];
  date: string | undefined;
  offsets: number[] = [0];
  private mem: string[] = [];
  private fd: number | undefined;
  private pos = 0;
  private pending = 0;
  /** A write failed after some records had gone to the file: the file is incomplete. */
  spilled = false;
  constructor(readonly recPath?: string) {
    if (recPath) {
      try {
        this.fd = fs.openSync(recPath, 'wx');
      } catch {
        this.fd = undefined;
      }
    }
  }
  get onDisk(): boolean {
    return this.fd !== undefined;
  }
  seeDate(d: unknown): void {
    if (typeof d === 'string' && /^\d{4}-\d{2}-\d{2}/.test(d) && (!this.date || d > this.date)) this.date = d;
  }
  add(r: VulnRecord | undefined): void {
    if (!r || !r.affected.length) return;
    this.seeDate(r.modified ?? r.published);
    const i = this.count++;
    const seen = new Set<string>();
    for (const a of r.affected) {
      for (const k of [a.pkg ? `p:${a.pkg}` : '', a.cpe ? `c:${a.cpe}` : '', ...a.names.map((n) => `n:${n}`)]) {
        if (!k || seen.has(k)) continue;
        seen.add(k);
        let list = this.keys.get(k);
        if (!list) this.keys.set(k, (list = []));
        list.push(i);
      }
    }
    const line = JSON.stringify(r) + '\n';
    this.pos += Buffer.byteLength(line, 'utf8');
    this.offsets.push(this.pos);
    this.mem.push(line);
    if (this.fd !== undefined) {
      this.pending += line.length;
      if (this.pending >= 1 << 20) this.flush();
    }
  }
  /** Writes what is held to the records file (1 MB at a time); on failure the records stay in memory. */
  private flush(): void {
    if (this.fd === undefined || !this.mem.length) return;
    try {
      fs.writeSync(this.fd, this.mem.join(''));
      this.mem = [];
      this.pending = 0;
    } catch {
      this.close();
      this.fd = undefined;
      this.spilled = true;
    }
  }
  close(): void {
    this.flush();
    if (this.fd !== undefined)
      try {
        fs.closeSync(this.fd);
      } catch {
        /* closed */
      }
  }
  memoryRecords(): string[] {
    return this.mem;
  }
}

function build(host: Host, value: string, entryPath: string, files: FileSig[], folder: boolean, cache: { dir: string; base: string; sig: string } | undefined): FeedResult {
  const tmp = cache ? prepareCache(cache.dir) : undefined;
  const recTmp = tmp ? `${cache!.base}.rec.${process.pid}.${Date.now()}.tmp` : undefined;
  const b = new Builder(recTmp);
  let newest = 0;
  let dataDated = false;
  try {
    for (const f of files) {
      newest = Math.max(newest, f.mtimeMs);
      const rf = open(host, f.path);
      if (!rf) return fail(value, 'unreadable', { zh: '无法读取', en: 'it cannot be read' }, folder ? { file: path.relative(entryPath, f.path) } : {});
      try {
        readFile(rf, f.path, b);
      } catch (e) {
        if (!(e instanceof FeedError)) throw e;
        return fail(value, 'invalid', e.plain, { ...(folder ? { file: path.relative(entryPath, f.path) } : {}), ...(e.line ? { line: e.line, column: e.column } : {}) });
      } finally {
        rf.close();
      }
    }
    dataDated = b.date !== undefined;
  } finally {
    b.close();
  }
  if (b.spilled) {
    // The records file broke off (disk full): read everything again, in memory.
    if (recTmp) rmQuiet(recTmp);
    return build(host, value, entryPath, files, folder, undefined);
  }
  if (!b.kinds.size) {
    if (recTmp) rmQuiet(recTmp);
    return fail(value, 'invalid', NOT_VULN_DATA);
  }
  const date = b.date ?? (newest ? new Date(newest).toISOString() : undefined);
  const idx: IndexFile = {
    format: INDEX_FORMAT,
    sig: cache?.sig ?? '',
    kinds: [...b.kinds],
    files: files.length,
    ...(date ? { date } : {}),
    dateSource: dataDated ? 'data' : 'mtime',
    count: b.count,
    keys: [...b.keys],
    offsets: b.offsets,
    kev: [...b.kev.values()],
    vex: b.vex,
  };
  let cacheFiles: string[] | undefined;
  let reader: (i: number) => string | undefined;
  if (cache && b.onDisk && recTmp) {
    // Rename over the old files: a symbolic link planted there is replaced, never followed.
    try {
      const idxTmp = `${cache.base}.idx.${process.pid}.${Date.now()}.tmp`;
      fs.writeFileSync(idxTmp, JSON.stringify(idx), { flag: 'wx' });
      fs.renameSync(recTmp, `${cache.base}.rec`);
      fs.renameSync(idxTmp, `${cache.base}.idx.json`);
      cacheFiles = [`${cache.base}.idx.json`, `${cache.base}.rec`];
    } catch {
      rmQuiet(recTmp);
    }
  }
  if (cacheFiles) {
    const recPath = `${cache!.base}.rec`;
    reader = recordReader(recPath, idx.offsets);
  } else {
    // No cache written: the records stay in memory (read back from the temporary file when there is one).
    const mem = b.onDisk && recTmp ? splitLines(fs.readFileSync(recTmp, 'utf8')) : b.memoryRecords();
    if (recTmp) rmQuiet(recTmp);
    reader = (i) => mem[i];
  }
  return feedOf(value, entryPath, idx, reader, 'built', cacheFiles);
}

const NOT_VULN_DATA: Localized = {
  zh: '不是可识别的漏洞数据：应为 OSV JSON（单条记录或按生态系统导出的 zip）、NVD CVE API 2.0 JSON、CVE JSON 5 记录、CISA KEV 目录，或 CycloneDX / OpenVEX / CSAF 2.0 VEX',
  en: 'not recognised vulnerability data: expected OSV JSON (a record, or a per-ecosystem zip export), NVD CVE API 2.0 JSON, a CVE JSON 5 record, the CISA KEV catalog, or CycloneDX / OpenVEX / CSAF 2.0 VEX',
};

function splitLines(text: string): string[] {
  const out = text.split('\n');
  if (out[out.length - 1] === '') out.pop();
  return out;
}

function rmQuiet(p: string): void {
  try {
    fs.rmSync(p, { force: true });
  } catch {
    /* gone */
  }
}

/** The cache folder, created when absent; refused when it is a link or not a folder. */
function prepareCache(dir: string): boolean {
  try {
    const st = fs.lstatSync(dir, { throwIfNoEntry: false });
    if (st && (!st.isDirectory() || st.isSymbolicLink())) return false;
    if (!st) {
      fs.mkdirSync(dir);
      fs.writeFileSync(path.join(dir, '.gitignore'), '# CyberDossier vulnerability index (rebuilt when the data changes)\n*\n', { flag: 'wx' });
    }
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads records of one index file by offset. The descriptor stays open while the index is in
 * memory (a warm match reads thousands of records) and is closed when the index is dropped.
 */
class RecordFile {
  private fd: number | undefined;
  private failed = false;
  constructor(readonly path: string) {}
  text(from: number | undefined, to: number | undefined): string | undefined {
    if (from === undefined || to === undefined || to <= from || to - from > 64 * 1024 * 1024 || this.failed) return undefined;
    try {
      if (this.fd === undefined) {
        this.fd = fs.openSync(this.path, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
        if (!fs.fstatSync(this.fd).isFile()) throw new Error('not a file');
      }
      const buf = Buffer.allocUnsafe(to - from);
      const n = fs.readSync(this.fd, buf, 0, buf.length, from);
      return buf.subarray(0, n).toString('utf8');
    } catch {
      this.failed = true;
      this.close();
      return undefined;
    }
  }
  close(): void {
    if (this.fd === undefined) return;
    try {
      fs.closeSync(this.fd);
    } catch {
      /* closed */
    }
    this.fd = undefined;
  }
}

const openRecordFiles = new Map<string, RecordFile>();

/** The record reader of an index file; a reader of an older index of the same entry is closed. */
function recordReader(recPath: string, offsets: number[]): (i: number) => string | undefined {
  openRecordFiles.get(recPath)?.close();
  const f = new RecordFile(recPath);
  openRecordFiles.set(recPath, f);
  return (i) => f.text(offsets[i], offsets[i + 1]);
}

function feedOf(value: string, entryPath: string, idx: IndexFile, text: (i: number) => string | undefined, how: LoadedFeed['cache'], cacheFiles?: string[]): LoadedFeed {
  const keys = new Map(idx.keys);
  const parsed = new Map<number, VulnRecord | undefined>();
  return {
    ok: true,
    value,
    path: entryPath,
    kinds: idx.kinds,
    files: idx.files,
    ...(idx.date ? { date: idx.date } : {}),
    dateSource: idx.dateSource,
    index: {
      keys,
      count: idx.count,
      record(i) {
        if (parsed.has(i)) return parsed.get(i);
        let r: VulnRecord | undefined;
        try {
          const t = text(i);
          const o = t ? (JSON.parse(t) as VulnRecord) : undefined;
          r = o && typeof o.id === 'string' && Array.isArray(o.ids) && Array.isArray(o.affected) ? o : undefined;
        } catch {
          r = undefined;
        }
        parsed.set(i, r);
        return r;
      },
    },
    kev: new Map(idx.kev.map((k) => [k.cve, k])),
    vex: idx.vex,
    cache: how,
    ...(cacheFiles ? { cacheFiles } : {}),
  };
}

/** The cached index, when it is there, well-formed and of the same data. */
function readCache(host: Host, base: string, sig: string, value: string, entryPath: string): LoadedFeed | undefined {
  const idxPath = `${base}.idx.json`;
  const recPath = `${base}.rec`;
  try {
    const lst = fs.lstatSync(idxPath, { throwIfNoEntry: false });
    const rst = fs.lstatSync(recPath, { throwIfNoEntry: false });
    if (!lst?.isFile() || !rst?.isFile()) return undefined;
  } catch {
    return undefined;
  }
  const text = host.readFile(idxPath, 1024 * 1024 * 1024);
  if (!text) return undefined;
  let idx: IndexFile;
  try {
    idx = JSON.parse(text) as IndexFile;
  } catch {
    return undefined;
  }
  if (!idx || idx.format !== INDEX_FORMAT || idx.sig !== sig || !Array.isArray(idx.keys) || !Array.isArray(idx.offsets) || !Array.isArray(idx.kev) || !Array.isArray(idx.vex)) return undefined;
  return feedOf(value, entryPath, idx, recordReader(recPath, idx.offsets), 'disk', [idxPath, recPath]);
}

// ---- reading one file -------------------------------------------------------------------------

type J = Record<string, unknown>;
const isObj = (v: unknown): v is J => !!v && typeof v === 'object' && !Array.isArray(v);

function readFile(rf: RandomAccessFile, p: string, b: Builder): void {
  if (/\.zip$/i.test(p) || (rf.size >= 4 && rf.read(0, 4).readUInt32LE(0) === 0x04034b50)) return readZip(rf, b);
  if (rf.size <= WHOLE_JSON_BYTES) {
    const text = rf.read(0, rf.size).toString('utf8');
    return readDocument(parseJsonText(text), p, b);
  }
  // Large JSON: an NVD feed, the KEV catalog, or a list of OSV / CVE 5 records, element by element.
  let kind: FeedKind | undefined;
  const top = streamJson(rf, {
    arrayKey: 'vulnerabilities',
    onElement: (v) => {
      if (!isObj(v)) return;
      if (!kind) kind = isObj(v.cve) ? 'nvd' : typeof v.cveID === 'string' ? 'kev' : isCve5(v) ? 'cve5' : isOsv(v) ? 'osv' : undefined;
      if (kind === 'nvd') b.add(nvdRecord(v));
      else if (kind === 'kev') {
        const k = kevEntry(v);
        if (k) b.kev.set(k.cve, k);
      } else if (kind === 'cve5') b.add(cve5Record(v));
      else if (kind === 'osv') b.add(osvRecord(v));
    },
  });
  if (!kind) throw new FeedError(NOT_VULN_DATA);
  b.kinds.add(kind);
  b.seeDate(top.timestamp ?? top.dateReleased);
}

function readDocument(doc: unknown, p: string, b: Builder): void {
  const list = Array.isArray(doc) ? doc : [doc];
  for (const o of list) {
    if (!isObj(o)) throw new FeedError(NOT_VULN_DATA);
    const vf = vexFormat(o);
    if (vf) {
      b.kinds.add(vf === 'cyclonedx' ? 'cyclonedx-vex' : vf === 'openvex' ? 'openvex' : 'csaf-vex');
      b.vex.push(...vexStatements(o, path.basename(p)));
      b.seeDate(vexDate(o));
    } else if (isKev(o)) {
      b.kinds.add('kev');
      for (const v of o.vulnerabilities as unknown[]) {
        const k = kevEntry(v);
        if (k) b.kev.set(k.cve, k);
      }
      b.seeDate(o.dateReleased);
    } else if (isNvd(o)) {
      b.kinds.add('nvd');
      for (const v of Array.isArray(o.vulnerabilities) ? o.vulnerabilities : []) if (isObj(v)) b.add(nvdRecord(v));
      b.seeDate(o.timestamp);
    } else if (isCve5(o)) {
      b.kinds.add('cve5');
      b.add(cve5Record(o));
    } else if (isOsv(o)) {
      b.kinds.add('osv');
      b.add(osvRecord(o));
    } else throw new FeedError(NOT_VULN_DATA);
  }
}

/**
 * A zip export, entry by entry in the central directory's order: the directory is read in slices
 * (`forEachZipEntry`), each entry inflated alone under its cap, parsed, indexed and dropped — no
 * entry list, and never more than one entry's bytes in memory.
 */
function readZip(rf: RandomAccessFile, b: Builder): void {
  // A bomb of many small entries is bounded too: at most 100 × the archive's size inflated in all.
  let budget = Math.max(1024 * 1024 * 1024, rf.size * 100);
  let json = 0;
  forEachZipEntry(rf, (e) => {
    if (!/\.json$/i.test(e.name) || e.name.endsWith('/')) return;
    json++;
    const data = zipEntryData(rf, e);
    budget -= data.length;
    if (budget < 0) throw new FeedError({ zh: '不是可读取的 ZIP 文件：解压后的总量超过上限', en: 'not a readable ZIP file: it inflates to more than the limit' });
    let o: unknown;
    try {
      o = parseJsonText(data.toString('utf8'));
    } catch (err) {
      if (err instanceof FeedError) throw new FeedError({ zh: `${e.name}：${err.plain.zh}`, en: `${e.name}: ${err.plain.en}` }, err.line, err.column);
      throw err;
    }
    if (!isObj(o)) return;
    if (isCve5(o)) {
      b.kinds.add('cve5');
      b.add(cve5Record(o));
    } else if (isOsv(o)) {
      b.kinds.add('osv-zip');
      b.add(osvRecord(o));
    }
  });
  if (!json) throw new FeedError({ zh: 'ZIP 文件中没有 .json 记录', en: 'the ZIP file holds no .json records' });
}
