// A loaded index: the header of the on-disk index (index-file.ts) with its key table, offsets and
// records read on demand, or an index held in memory (no cache could be written). The open files
// of an index stay open while it is in memory and are closed when it is dropped or replaced.

import * as fs from 'node:fs';
import type { Host } from '../engine/host';
import { INDEX_FORMAT, KeyTable, PositionalFile } from './index-file';
import type { FeedKind, KevEntry, VexStatement, VulnRecord } from './types';
import type { LoadedFeed } from './feed';

export interface IndexHeader {
  format: number;
  sig: string;
  kinds: FeedKind[];
  files: number;
  date?: string;
  dateSource: 'data' | 'mtime';
  count: number;
  /** Sizes of BASE.rec and BASE.keys (BASE.off is 8 × (count + 1)). */
  recBytes: number;
  keysBytes: number;
  /** Every 16 KB of the key table: its first key and byte offset. */
  blocks: [string, number][];
  kev: KevEntry[];
  vex: VexStatement[];
}

/** Record numbers by key. */
export interface KeyLookup {
  get(key: string): readonly number[] | undefined;
}

/** What a loaded index reads from: a record's text by number. */
export interface IndexSource {
  keys: KeyLookup;
  text(i: number): string | undefined;
}

/** The files of an index on disk: `${base}.idx.json`, `.rec`, `.off`, `.keys`. */
export const indexFiles = (base: string) => ({ header: `${base}.idx.json`, rec: `${base}.rec`, off: `${base}.off`, keys: `${base}.keys` });

const openIndexes = new Map<string, PositionalFile[]>();

/** Closes every open index file (tests, bench). */
export function closeIndexFiles(): void {
  for (const files of openIndexes.values()) for (const f of files) f.close();
  openIndexes.clear();
}

/** The reader of an index on disk; the files of an older index of the same base are closed. */
export function diskSource(base: string, h: IndexHeader): IndexSource {
  for (const f of openIndexes.get(base) ?? []) f.close();
  const p = indexFiles(base);
  const rec = new PositionalFile(p.rec);
  const off = new PositionalFile(p.off);
  const keys = new PositionalFile(p.keys);
  openIndexes.set(base, [rec, off, keys]);
  const table = new KeyTable(keys, h.blocks, h.keysBytes);
  return {
    keys: table,
    text(i) {
      if (!(i >= 0 && i < h.count)) return undefined;
      const b = off.read(i * 8, 16);
      if (!b || b.length < 16) return undefined;
      const from = b.readDoubleLE(0);
      const to = b.readDoubleLE(8);
      if (!(to > from) || to > h.recBytes) return undefined;
      return rec.read(from, to - from)?.toString('utf8');
    },
  };
}

export function feedOf(value: string, entryPath: string, h: IndexHeader, src: IndexSource, how: LoadedFeed['cache'], cacheFiles?: string[]): LoadedFeed {
  const parsed = new Map<number, VulnRecord | undefined>();
  return {
    ok: true,
    value,
    path: entryPath,
    kinds: h.kinds,
    files: h.files,
    ...(h.date ? { date: h.date } : {}),
    dateSource: h.dateSource,
    index: {
      keys: src.keys,
      count: h.count,
      record(i) {
        if (parsed.has(i)) return parsed.get(i);
        let r: VulnRecord | undefined;
        try {
          const t = src.text(i);
          const o = t ? (JSON.parse(t) as VulnRecord) : undefined;
          r = o && typeof o.id === 'string' && Array.isArray(o.ids) && Array.isArray(o.affected) ? o : undefined;
        } catch {
          r = undefined;
        }
        if (parsed.size > 200_000) parsed.clear();
        parsed.set(i, r);
        return r;
      },
    },
    kev: new Map(h.kev.map((k) => [k.cve, k])),
    vex: h.vex,
    cache: how,
    ...(cacheFiles ? { cacheFiles } : {}),
  };
}

const isFile = (p: string, size?: number) => {
  const st = fs.lstatSync(p, { throwIfNoEntry: false });
  return !!st?.isFile() && (size === undefined || st.size === size);
};

/** The cached index, when it is there, well-formed, complete and of the same data. */
export function readCache(host: Host, base: string, sig: string, value: string, entryPath: string): LoadedFeed | undefined {
  const p = indexFiles(base);
  let h: IndexHeader;
  try {
    if (!isFile(p.header)) return undefined;
    const text = host.readFile(p.header, 256 * 1024 * 1024);
    if (!text) return undefined;
    h = JSON.parse(text) as IndexHeader;
    if (!h || h.format !== INDEX_FORMAT || h.sig !== sig || !Number.isInteger(h.count) || !Array.isArray(h.blocks) || !Array.isArray(h.kev) || !Array.isArray(h.vex)) return undefined;
    // The other three files are of this header (a build that broke off, or a mix of two, is not used).
    if (!isFile(p.rec, h.recBytes) || !isFile(p.keys, h.keysBytes) || !isFile(p.off, 8 * (h.count + 1))) return undefined;
  } catch {
    return undefined;
  }
  return feedOf(value, entryPath, h, diskSource(base, h), 'disk', [p.header, p.rec, p.off, p.keys]);
}
