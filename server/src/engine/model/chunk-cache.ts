// Chunk analyses by content hash, shared by every document: an edit re-parses only the chunks
// whose text changed, and identical sections of two documents are parsed once.

import { analyzeChunk, type ChunkFacts } from '../parse';
import { hashString } from '../text';

/**
 * Chunk analyses by content hash, shared by every document. A bounded LRU: by entries and by the
 * characters of the chunks it holds (the facts take roughly 100–150 bytes of heap per character),
 * so closed documents fall out and memory stays flat over a long session.
 */
export class ChunkCache {
  private map = new Map<string, { facts: ChunkFacts; size: number }>();
  private chars = 0;
  hits = 0;
  misses = 0;
  constructor(
    private readonly max = 50_000,
    private readonly maxChars = 12_000_000,
  ) {}
  get(text: string): { hash: string; facts: ChunkFacts } {
    const hash = hashString(text);
    const e = this.map.get(hash);
    if (e) {
      this.hits++;
      this.map.delete(hash);
      this.map.set(hash, e);
      return { hash, facts: e.facts };
    }
    this.misses++;
    // Analyse a private copy: strings the facts keep (cells, headings, runs) are V8 slices of
    // their input, and a slice of the document would keep that whole version of it alive for as
    // long as the chunk stays cached — a leak of one document per edited chunk.
    const facts = analyzeChunk(ownString(text));
    this.store(hash, facts, text.length);
    return { hash, facts };
  }
  has(text: string): boolean {
    return this.map.has(hashString(text));
  }
  put(text: string, facts: ChunkFacts): void {
    this.store(hashString(text), facts, text.length);
  }
  private store(hash: string, facts: ChunkFacts, size: number): void {
    const old = this.map.get(hash);
    if (old) this.chars -= old.size;
    this.map.set(hash, { facts, size });
    this.chars += size;
    while ((this.map.size > this.max || this.chars > this.maxChars) && this.map.size > 1) {
      const [k, v] = this.map.entries().next().value as [string, { size: number }];
      this.map.delete(k);
      this.chars -= v.size;
    }
  }
  /**
   * Evicts, oldest first, entries that no live document uses until those left unused hold at
   * most `slack` characters: superseded versions of edited chunks are kept only as far as undo
   * and retyping need them, so a long editing session does not fill the cache with dead text.
   */
  sweep(live: Set<string>, slack: number): void {
    let unused = 0;
    for (const [k, v] of this.map) if (!live.has(k)) unused += v.size;
    for (const [k, v] of this.map) {
      if (unused <= slack) break;
      if (live.has(k)) continue;
      this.map.delete(k);
      this.chars -= v.size;
      unused -= v.size;
    }
  }
  clear(): void {
    this.map.clear();
    this.chars = 0;
  }
  get size(): number {
    return this.map.size;
  }
  get characters(): number {
    return this.chars;
  }
}

export const sharedChunkCache = new ChunkCache();

/**
 * A string that shares no storage with its parent: slicing a concatenation makes V8 flatten it
 * into a fresh buffer of this length, which the slice then refers to (no external memory).
 */
export function ownString(s: string): string {
  return (' ' + s).slice(1);
}
