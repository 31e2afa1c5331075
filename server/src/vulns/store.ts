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
import { CONFIGURED_FILE_LIMITS, resolveConfiguredPath, type PathScope } from '../engine/configured-file';
import type { Host, RandomAccessFile } from '../engine/host';
import type { Localized } from '../engine/rulesets/types';
import type { FeedEntry, FeedFailure, FeedResult, FileSig, LoadedFeed, StoreOptions } from './feed';
import { buildIndex } from './index-build';
import { INDEX_FORMAT } from './index-file';
import { closeIndexFiles, readCache } from './index-read';

export type { FeedEntry, FeedFailure, FeedIndex, FeedResult, LoadedFeed, StoreOptions } from './feed';
export { WHOLE_JSON_BYTES } from './feed-read';

const MAX_FOLDER_FILES = 1_000_000;
const MAX_FOLDER_DEPTH = 16;
export const CACHE_DIR = '.cyberdossier-cache';

const memory = new Map<string, { sig: string; checked: number; feed: LoadedFeed }>();

/** Clears the in-memory indexes (tests, bench). */
export function clearFeedMemory(): void {
  memory.clear();
  closeIndexFiles();
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
  const built = buildIndex(host, entry.value, r.path, files, r.directory === true, onDisk && opts.writeCache !== false ? { dir: cacheDir, base, sig } : undefined, open);
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
