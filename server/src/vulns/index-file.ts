// The on-disk index of one configured entry, in `.cyberdossier-cache/` beside the data. Four
// files under one base name, all replaced by rename:
//   BASE.rec       the normalised records, one JSON line each;
//   BASE.off       their byte offsets in .rec: (count + 1) little-endian float64 values;
//   BASE.keys      the key table, sorted: `key\tn1,n2,…\n` (the record numbers of each key);
//   BASE.idx.json  the header (written last): format, the data's signature, kinds, date, the
//                  sizes of the other three, every 16 KB of .keys its first key (the blocks),
//                  the KEV entries and VEX statements.
// The builder writes the records and offsets as it reads, and the keys as sorted runs of at
// most RUN_PAIRS pairs merged at the end, so its memory does not grow with the export; a warm
// check reads the header, then for each key one block of .keys, for each record 16 bytes of
// .off and its line of .rec.

import * as fs from 'node:fs';

export const INDEX_FORMAT = 4;
/** (key, record) pairs held before a sorted run is written. */
export const RUN_PAIRS = 400_000;
/** A block of the key table starts every this many bytes. */
export const BLOCK_BYTES = 16 * 1024;
const IO_BYTES = 1024 * 1024;

/** A key that can be written as one line of the key table. */
export const writableKey = (k: string): boolean => k.length > 0 && k.length < 4096 && !/[\u0000-\u001f]/.test(k);

/** Appends to a new file (`wx`: an existing file or a planted link is never written through), 1 MB at a time. */
export class FileWriter {
  private fd: number;
  private chunks: Buffer[] = [];
  private held = 0;
  bytes = 0;
  constructor(readonly path: string) {
    this.fd = fs.openSync(path, 'wx');
  }
  write(b: Buffer | string): void {
    const buf = typeof b === 'string' ? Buffer.from(b, 'utf8') : b;
    this.chunks.push(buf);
    this.held += buf.length;
    this.bytes += buf.length;
    if (this.held >= IO_BYTES) this.flush();
  }
  flush(): void {
    if (!this.held) return;
    const all = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks);
    this.chunks = [];
    this.held = 0;
    let at = 0;
    while (at < all.length) at += fs.writeSync(this.fd, all, at, all.length - at);
  }
  /** Flushes and closes; throws when the last write fails. */
  close(): void {
    try {
      this.flush();
    } finally {
      this.abandon();
    }
  }
  /** Closes without flushing (after a failure). */
  abandon(): void {
    if (this.fd < 0) return;
    try {
      fs.closeSync(this.fd);
    } catch {
      /* closed */
    }
    this.fd = -1;
  }
}

/** Offsets as float64 little-endian values (exact for any file size below 2^53). */
export class OffsetWriter {
  private buf = Buffer.allocUnsafe(8 * 8192);
  private n = 0;
  constructor(private readonly out: FileWriter) {}
  push(v: number): void {
    this.buf.writeDoubleLE(v, this.n * 8);
    if (++this.n === 8192) this.flush();
  }
  flush(): void {
    if (!this.n) return;
    this.out.write(Buffer.from(this.buf.subarray(0, this.n * 8)));
    this.n = 0;
  }
  close(): void {
    this.flush();
    this.out.close();
  }
}

/** Reads lines of a file in 1 MB slices. */
class LineReader {
  private fd: number;
  private buf = '';
  private at = 0;
  private pos = 0;
  private done = false;
  constructor(path: string) {
    this.fd = fs.openSync(path, 'r');
  }
  next(): string | undefined {
    for (;;) {
      const nl = this.buf.indexOf('\n', this.at);
      if (nl >= 0) {
        const line = this.buf.slice(this.at, nl);
        this.at = nl + 1;
        return line;
      }
      if (this.done) return undefined;
      const chunk = Buffer.allocUnsafe(IO_BYTES);
      const n = fs.readSync(this.fd, chunk, 0, IO_BYTES, this.pos);
      this.pos += n;
      if (n === 0) this.done = true;
      // latin1: one character per byte, so a slice boundary never splits anything.
      this.buf = this.buf.slice(this.at) + chunk.subarray(0, n).toString('latin1');
      this.at = 0;
    }
  }
  close(): void {
    try {
      fs.closeSync(this.fd);
    } catch {
      /* closed */
    }
  }
}

/**
 * The key table under construction: pairs are held up to RUN_PAIRS, then sorted and written as a
 * run; `finish` merges the runs into the sorted table. Keys and numbers are handled as latin1
 * text of their UTF-8 bytes, so the order is the bytes' order everywhere (build and lookup).
 */
export class KeyRuns {
  private pairs: string[] = [];
  private runs: string[] = [];
  constructor(
    private readonly tmpBase: string,
    private readonly runPairs = RUN_PAIRS,
    private readonly blockBytes = BLOCK_BYTES,
  ) {}
  /** How many runs were written so far. */
  get runCount(): number {
    return this.runs.length;
  }
  add(key: string, record: number): void {
    // Fixed-width numbers: the text order of a pair is (key, record).
    this.pairs.push(`${Buffer.from(key, 'utf8').toString('latin1')}\t${record.toString().padStart(10, '0')}`);
    if (this.pairs.length >= this.runPairs) this.spill();
  }
  private spill(): void {
    if (!this.pairs.length) return;
    this.pairs.sort();
    const w = new FileWriter(`${this.tmpBase}.run${this.runs.length}.tmp`);
    this.runs.push(w.path);
    try {
      for (let i = 0; i < this.pairs.length; i += 8192) w.write(Buffer.from(this.pairs.slice(i, i + 8192).join('\n') + '\n', 'latin1'));
      w.close();
    } catch (e) {
      w.abandon();
      throw e;
    }
    this.pairs = [];
  }
  /** Writes the sorted table to `out`; returns its blocks (first key and byte offset, every 16 KB). */
  finish(out: FileWriter): [string, number][] {
    this.spill();
    const blocks: [string, number][] = [];
    const readers = this.runs.map((p) => new LineReader(p));
    try {
      // A binary heap of the runs' current pairs.
      const heap: { line: string; r: number }[] = [];
      const less = (a: { line: string; r: number }, b: { line: string; r: number }) => a.line < b.line || (a.line === b.line && a.r < b.r);
      const pushHeap = (x: { line: string; r: number }) => {
        heap.push(x);
        for (let i = heap.length - 1; i > 0; ) {
          const p = (i - 1) >> 1;
          if (!less(heap[i], heap[p])) break;
          [heap[i], heap[p]] = [heap[p], heap[i]];
          i = p;
        }
      };
      const popHeap = () => {
        const top = heap[0];
        const last = heap.pop()!;
        if (heap.length) {
          heap[0] = last;
          for (let i = 0; ; ) {
            const l = 2 * i + 1;
            const r = l + 1;
            let m = i;
            if (l < heap.length && less(heap[l], heap[m])) m = l;
            if (r < heap.length && less(heap[r], heap[m])) m = r;
            if (m === i) break;
            [heap[i], heap[m]] = [heap[m], heap[i]];
            i = m;
          }
        }
        return top;
      };
      readers.forEach((rd, r) => {
        const line = rd.next();
        if (line !== undefined) pushHeap({ line, r });
      });
      let key: string | undefined;
      let nums: number[] = [];
      let blockAt = -Infinity;
      const emit = () => {
        if (key === undefined) return;
        if (out.bytes - blockAt >= this.blockBytes) {
          blocks.push([key, out.bytes]);
          blockAt = out.bytes;
        }
        out.write(Buffer.from(`${key}\t${nums.join(',')}\n`, 'latin1'));
      };
      while (heap.length) {
        const { line, r } = popHeap();
        const tab = line.lastIndexOf('\t');
        const k = line.slice(0, tab);
        const n = Number(line.slice(tab + 1));
        if (k !== key) {
          emit();
          key = k;
          nums = [];
        }
        if (nums[nums.length - 1] !== n) nums.push(n);
        const more = readers[r].next();
        if (more !== undefined) pushHeap({ line: more, r });
      }
      emit();
    } finally {
      for (const rd of readers) rd.close();
      this.discard();
    }
    // Keys back to JavaScript strings for the header.
    return blocks.map(([k, at]) => [Buffer.from(k, 'latin1').toString('utf8'), at]);
  }
  /** Removes the run files. */
  discard(): void {
    for (const p of this.runs.splice(0)) {
      try {
        fs.rmSync(p, { force: true });
      } catch {
        /* gone */
      }
    }
    this.pairs = [];
  }
}

/**
 * A file read at offsets. The descriptor stays open while the index is in memory (a warm match
 * reads thousands of records) and is closed when the index is dropped; a failed read closes it
 * and answers undefined from then on.
 */
export class PositionalFile {
  private fd: number | undefined;
  private failed = false;
  constructor(readonly path: string) {}
  read(from: number, length: number): Buffer | undefined {
    if (this.failed || !(length > 0) || length > 64 * 1024 * 1024 || !(from >= 0)) return undefined;
    try {
      if (this.fd === undefined) {
        this.fd = fs.openSync(this.path, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
        if (!fs.fstatSync(this.fd).isFile()) throw new Error('not a file');
      }
      const buf = Buffer.allocUnsafe(length);
      const n = fs.readSync(this.fd, buf, 0, length, from);
      return buf.subarray(0, n);
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

/** Record numbers by key, looked up in the sorted key table: one block read per key. */
export class KeyTable {
  private readonly blockKeys: string[];
  private readonly cache = new Map<string, number[]>();
  constructor(
    private readonly file: PositionalFile,
    private readonly blocks: [string, number][],
    private readonly bytes: number,
  ) {
    this.blockKeys = blocks.map(([k]) => Buffer.from(k, 'utf8').toString('latin1'));
  }
  get(key: string): number[] | undefined {
    const hit = this.cache.get(key);
    if (hit) return hit.length ? hit : undefined;
    const k = Buffer.from(key, 'utf8').toString('latin1');
    // The last block whose first key is ≤ k.
    let lo = 0;
    let hi = this.blockKeys.length - 1;
    let b = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.blockKeys[mid] <= k) {
        b = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    let found: number[] = [];
    if (b >= 0) {
      const from = this.blocks[b][1];
      const to = b + 1 < this.blocks.length ? this.blocks[b + 1][1] : this.bytes;
      const text = this.file.read(from, to - from)?.toString('latin1') ?? '';
      const at = text.startsWith(`${k}\t`) ? 0 : text.indexOf(`\n${k}\t`) + 1;
      if (at > 0 || text.startsWith(`${k}\t`)) {
        const end = text.indexOf('\n', at);
        const list = text.slice(at + k.length + 1, end < 0 ? text.length : end);
        found = list ? list.split(',').map(Number).filter((n) => Number.isInteger(n) && n >= 0) : [];
      }
    }
    if (this.cache.size > 100_000) this.cache.clear();
    this.cache.set(key, found);
    return found.length ? found : undefined;
  }
}
