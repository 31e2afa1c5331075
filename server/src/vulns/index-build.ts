// Building the index of one configured entry: every file read (feed-read.ts) into a builder that
// writes the records, their offsets and the sorted key runs to the cache folder as it goes
// (index-file.ts), so the memory of a build does not grow with the export; the header is written
// last and the files are renamed into place. Without a cache folder (read-only checkout, a Host
// without positional reads, writeCache false) the index is held in memory instead.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Host, RandomAccessFile } from '../engine/host';
import type { FeedFailure, FeedResult, FileSig } from './feed';
import { NOT_VULN_DATA, readFeedFile, type FeedSink } from './feed-read';
import { FileWriter, INDEX_FORMAT, KeyRuns, OffsetWriter, writableKey } from './index-file';
import { diskSource, feedOf, indexFiles, type IndexHeader, type IndexSource } from './index-read';
import { FeedError, type FeedKind, type KevEntry, type VexStatement, type VulnRecord } from './types';

export interface CacheTarget {
  dir: string;
  base: string;
  sig: string;
}

/** The keys a record is found by: purl package, CPE vendor:product, normalised names. */
function recordKeys(r: VulnRecord): string[] {
  const seen = new Set<string>();
  for (const a of r.affected) for (const k of [a.pkg ? `p:${a.pkg}` : '', a.cpe ? `c:${a.cpe}` : '', ...a.names.map((n) => `n:${n}`)]) if (k && writableKey(k)) seen.add(k);
  return [...seen];
}

abstract class Builder implements FeedSink {
  count = 0;
  kinds = new Set<FeedKind>();
  kev = new Map<string, KevEntry>();
  vex: VexStatement[] = [];
  date: string | undefined;
  seeDate(d: unknown): void {
    if (typeof d === 'string' && /^\d{4}-\d{2}-\d{2}/.test(d) && (!this.date || d > this.date)) this.date = d;
  }
  add(r: VulnRecord | undefined): void {
    if (!r || !r.affected.length) return;
    this.seeDate(r.modified ?? r.published);
    this.put(this.count++, JSON.stringify(r) + '\n', recordKeys(r));
  }
  protected abstract put(i: number, line: string, keys: string[]): void;
}

/** Everything in memory (no cache folder). */
class MemoryBuilder extends Builder {
  keys = new Map<string, number[]>();
  lines: string[] = [];
  protected put(i: number, line: string, keys: string[]): void {
    this.lines.push(line.slice(0, -1));
    for (const k of keys) {
      let list = this.keys.get(k);
      if (!list) this.keys.set(k, (list = []));
      list.push(i);
    }
  }
}

/** Records, offsets and key runs written to temporary files of the cache folder as they come. */
class DiskBuilder extends Builder {
  readonly rec: FileWriter;
  readonly offFile: FileWriter;
  readonly off: OffsetWriter;
  readonly runs: KeyRuns;
  readonly keysPath: string;
  constructor(readonly tmp: string) {
    super();
    this.rec = new FileWriter(`${tmp}.rec.tmp`);
    this.offFile = new FileWriter(`${tmp}.off.tmp`);
    this.off = new OffsetWriter(this.offFile);
    this.runs = new KeyRuns(tmp);
    this.keysPath = `${tmp}.keys.tmp`;
    this.off.push(0);
  }
  protected put(i: number, line: string, keys: string[]): void {
    this.rec.write(line);
    this.off.push(this.rec.bytes);
    for (const k of keys) this.runs.add(k, i);
  }
  /** Closes the records and offsets, merges the key runs; returns the blocks of the key table. */
  finish(): { blocks: [string, number][]; keysBytes: number } {
    this.rec.close();
    this.off.close();
    const out = new FileWriter(this.keysPath);
    try {
      const blocks = this.runs.finish(out);
      out.close();
      return { blocks, keysBytes: out.bytes };
    } catch (e) {
      out.abandon();
      throw e;
    }
  }
  /** Removes every temporary file (after a failure, or once renamed). */
  discard(): void {
    this.rec.abandon();
    this.offFile.abandon();
    this.runs.discard();
    for (const p of [this.rec.path, this.offFile.path, this.keysPath]) rmQuiet(p);
  }
}

/** Reads every file of the entry into the builder; a failure of the data is the entry's failure. */
function readAll(host: Host, value: string, entryPath: string, files: FileSig[], folder: boolean, b: Builder, open: (host: Host, p: string) => RandomAccessFile | undefined): FeedFailure | { newest: number } {
  let newest = 0;
  for (const f of files) {
    newest = Math.max(newest, f.mtimeMs);
    const rf = open(host, f.path);
    const where = folder ? { file: path.relative(entryPath, f.path) } : {};
    if (!rf) return { ok: false, value, problem: 'unreadable', message: { zh: '无法读取', en: 'it cannot be read' }, ...where };
    try {
      readFeedFile(rf, f.path, b);
    } catch (e) {
      if (!(e instanceof FeedError)) throw e;
      return { ok: false, value, problem: 'invalid', message: e.plain, ...where, ...(e.line ? { line: e.line, column: e.column } : {}) };
    } finally {
      rf.close();
    }
  }
  if (!b.kinds.size) return { ok: false, value, problem: 'invalid', message: NOT_VULN_DATA };
  return { newest };
}

function header(b: Builder, files: number, newest: number, sig: string, sizes: { recBytes: number; keysBytes: number; blocks: [string, number][] }): IndexHeader {
  const date = b.date ?? (newest ? new Date(newest).toISOString() : undefined);
  return { format: INDEX_FORMAT, sig, kinds: [...b.kinds], files, ...(date ? { date } : {}), dateSource: b.date !== undefined ? 'data' : 'mtime', count: b.count, ...sizes, kev: [...b.kev.values()], vex: b.vex };
}

/** Builds the index of an entry: on disk when `cache` is given and the cache folder can be used, else in memory. */
export function buildIndex(host: Host, value: string, entryPath: string, files: FileSig[], folder: boolean, cache: CacheTarget | undefined, open: (host: Host, p: string) => RandomAccessFile | undefined): FeedResult {
  if (cache && prepareCache(cache.dir)) {
    let b: DiskBuilder | undefined;
    try {
      b = new DiskBuilder(`${cache.base}.${process.pid}.${Date.now()}`);
      const read = readAll(host, value, entryPath, files, folder, b, open);
      if ('ok' in read) {
        b.discard();
        return read;
      }
      const { blocks, keysBytes } = b.finish();
      const h = header(b, files.length, read.newest, cache.sig, { recBytes: b.rec.bytes, keysBytes, blocks });
      // Rename over the old files, the header last: a symbolic link planted there is replaced,
      // never followed, and a reader never takes a half-written index (readCache checks the sizes).
      const p = indexFiles(cache.base);
      const headerTmp = `${b.tmp}.idx.tmp`;
      fs.writeFileSync(headerTmp, JSON.stringify(h), { flag: 'wx' });
      fs.renameSync(b.rec.path, p.rec);
      fs.renameSync(b.offFile.path, p.off);
      fs.renameSync(b.keysPath, p.keys);
      fs.renameSync(headerTmp, p.header);
      return feedOf(value, entryPath, h, diskSource(cache.base, h), 'built', [p.header, p.rec, p.off, p.keys]);
    } catch (e) {
      b?.discard();
      if (e instanceof FeedError) throw e;
      // The cache folder broke off (disk full, removed): read everything again, in memory.
    }
  }
  const m = new MemoryBuilder();
  const read = readAll(host, value, entryPath, files, folder, m, open);
  if ('ok' in read) return read;
  const h = header(m, files.length, read.newest, '', { recBytes: 0, keysBytes: 0, blocks: [] });
  const src: IndexSource = { keys: m.keys, text: (i) => m.lines[i] };
  return feedOf(value, entryPath, h, src, 'built');
}

export function rmQuiet(p: string): void {
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
