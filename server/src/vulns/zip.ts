// The per-ecosystem OSV exports (`PyPI/all.zip`, …) read in-process: the central directory
// (ZIP and ZIP64), then each entry by positional reads, inflated with Node's zlib under a bound
// (`maxOutputLength`): no binary is run, a zip bomb ends in an error, not in memory. Only stored
// and deflated entries; encrypted ones are refused.

import * as zlib from 'node:zlib';
import type { RandomAccessFile } from '../engine/host';
import { FeedError } from './types';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  encrypted: boolean;
}

export const MAX_ENTRY_BYTES = 16 * 1024 * 1024;
export const MAX_ENTRIES = 4_000_000;

const bad = (en: string, zh: string) => new FeedError({ zh: `不是可读取的 ZIP 文件：${zh}`, en: `not a readable ZIP file: ${en}` });

/** The entries of the archive's central directory (all of them at once: tests, small archives). */
export function zipEntries(f: RandomAccessFile): ZipEntry[] {
  const out: ZipEntry[] = [];
  forEachZipEntry(f, (e) => void out.push(e));
  return out;
}

/** The central directory is read in slices of this size: memory does not grow with the entry count. */
const CD_SLICE = 4 * 1024 * 1024;

/**
 * Calls `fn` for each entry of the central directory, in its order, reading the directory in
 * 4 MB slices (an export of two million entries has a directory of 150 MB).
 */
export function forEachZipEntry(f: RandomAccessFile, fn: (e: ZipEntry) => void): number {
  const tailLen = Math.min(f.size, 65557);
  const tail = f.read(f.size - tailLen, tailLen);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw bad('no end of central directory', '没有中央目录结尾');
  let count = tail.readUInt16LE(eocd + 10);
  let cdSize = tail.readUInt32LE(eocd + 12);
  let cdOffset = tail.readUInt32LE(eocd + 16);
  // ZIP64: the locator sits right before the end record.
  if ((count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) && eocd >= 20 && tail.readUInt32LE(eocd - 20) === 0x07064b50) {
    const z64 = Number(tail.readBigUInt64LE(eocd - 20 + 8));
    if (z64 + 56 > f.size) throw bad('ZIP64 record out of range', 'ZIP64 记录越界');
    const rec = f.read(z64, 56);
    if (rec.readUInt32LE(0) !== 0x06064b50) throw bad('no ZIP64 end record', '没有 ZIP64 结尾记录');
    count = Number(rec.readBigUInt64LE(32));
    cdSize = Number(rec.readBigUInt64LE(40));
    cdOffset = Number(rec.readBigUInt64LE(48));
  }
  if (count > MAX_ENTRIES) throw bad(`more than ${MAX_ENTRIES} entries`, `条目超过 ${MAX_ENTRIES} 个`);
  if (cdOffset + cdSize > f.size || cdSize > 1024 * 1024 * 1024) throw bad('central directory out of range', '中央目录越界');
  const broken = () => bad('broken central directory', '中央目录损坏');
  let cd: Buffer = Buffer.alloc(0);
  let cdAt = 0; // the directory offset of cd[0]
  /** Makes cd hold the directory bytes [at, at + len). */
  const need = (at: number, len: number) => {
    if (at + len > cdSize) throw broken();
    if (at >= cdAt && at + len <= cdAt + cd.length) return;
    cdAt = at;
    cd = f.read(cdOffset + at, Math.min(cdSize - at, Math.max(len, CD_SLICE)));
    if (cd.length < len) throw broken();
  };
  let at = 0;
  for (let k = 0; k < count; k++) {
    need(at, 46);
    let p = at - cdAt;
    if (cd.readUInt32LE(p) !== 0x02014b50) throw broken();
    const nameLen = cd.readUInt16LE(p + 28);
    const extraLen = cd.readUInt16LE(p + 30);
    const commentLen = cd.readUInt16LE(p + 32);
    need(at, 46 + nameLen + extraLen);
    p = at - cdAt;
    const flags = cd.readUInt16LE(p + 8);
    const method = cd.readUInt16LE(p + 10);
    let compressedSize = cd.readUInt32LE(p + 20);
    let size = cd.readUInt32LE(p + 24);
    let localOffset = cd.readUInt32LE(p + 42);
    const name = cd.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    // ZIP64 extended information: the fields that are 0xffffffff, in order.
    let e = p + 46 + nameLen;
    const end = e + extraLen;
    while (e + 4 <= end) {
      const id = cd.readUInt16LE(e);
      const len = cd.readUInt16LE(e + 2);
      if (id === 1) {
        let q = e + 4;
        const take = () => {
          const v = q + 8 <= Math.min(e + 4 + len, end) ? Number(cd.readBigUInt64LE(q)) : undefined;
          q += 8;
          return v;
        };
        if (size === 0xffffffff) size = take() ?? size;
        if (compressedSize === 0xffffffff) compressedSize = take() ?? compressedSize;
        if (localOffset === 0xffffffff) localOffset = take() ?? localOffset;
      }
      e += 4 + len;
    }
    fn({ name, method, compressedSize, size, localOffset, encrypted: (flags & 1) === 1 });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return count;
}

/** The bytes of one entry, inflated with a bound; an error names the entry, never its content. */
export function zipEntryData(f: RandomAccessFile, e: ZipEntry, maxBytes = MAX_ENTRY_BYTES): Buffer {
  if (e.encrypted) throw bad(`entry ${e.name} is encrypted`, `条目 ${e.name} 已加密`);
  if (e.size > maxBytes) throw bad(`entry ${e.name} is larger than ${maxBytes / 1024 / 1024} MB`, `条目 ${e.name} 超过 ${maxBytes / 1024 / 1024} MB`);
  const head = f.read(e.localOffset, 30);
  if (head.length < 30 || head.readUInt32LE(0) !== 0x04034b50) throw bad(`entry ${e.name} has no local header`, `条目 ${e.name} 缺少本地文件头`);
  const start = e.localOffset + 30 + head.readUInt16LE(26) + head.readUInt16LE(28);
  if (start + e.compressedSize > f.size) throw bad(`entry ${e.name} is out of range`, `条目 ${e.name} 越界`);
  const raw = f.read(start, e.compressedSize);
  if (e.method === 0) return raw;
  if (e.method !== 8) throw bad(`entry ${e.name} uses compression method ${e.method}`, `条目 ${e.name} 使用了不支持的压缩方法 ${e.method}`);
  try {
    // The declared size is not trusted: the bound is the cap, whatever the header says.
    return zlib.inflateRawSync(raw, { maxOutputLength: maxBytes });
  } catch (err) {
    const big = err instanceof RangeError || /maxOutputLength|buffer/i.test(String((err as Error)?.message));
    throw big ? bad(`entry ${e.name} inflates to more than ${maxBytes / 1024 / 1024} MB`, `条目 ${e.name} 解压后超过 ${maxBytes / 1024 / 1024} MB`) : bad(`entry ${e.name} is not valid deflate data`, `条目 ${e.name} 的压缩数据无效`);
  }
}
