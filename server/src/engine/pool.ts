// Parsing on every core: chunks not yet in the cache are parsed by worker threads (and, for the
// CLI, by the main thread too), then the synchronous check finds them cached. Falls back to the
// main thread when the worker bundle is missing (running from sources) or a worker fails.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { packageRoot } from './docs';
import type { ChunkCache } from './model';
import { analyzeChunk, type ChunkFacts } from './parse';

interface Pending {
  resolve: (facts: ChunkFacts[]) => void;
  reject: (e: Error) => void;
}

export class ParsePool {
  private workers: Worker[] = [];
  private pending = new Map<number, Pending>();
  private nextId = 1;
  private broken = false;

  constructor(readonly size = Math.max(1, (os.availableParallelism?.() ?? os.cpus().length) - 1)) {}

  static workerScript(): string | undefined {
    const p = path.join(packageRoot(), 'server', 'out', 'parse-worker.js');
    return fs.existsSync(p) ? p : undefined;
  }

  private ensure(): Worker[] {
    if (this.broken) return [];
    const script = ParsePool.workerScript();
    if (!script) return [];
    while (this.workers.length < this.size) {
      const w = new Worker(script);
      w.unref();
      w.on('message', (m: { id: number; facts?: ChunkFacts[]; error?: string }) => {
        const p = this.pending.get(m.id);
        if (!p) return;
        this.pending.delete(m.id);
        if (m.facts) p.resolve(m.facts);
        else p.reject(new Error(m.error ?? 'worker failed'));
      });
      w.on('error', (e) => {
        this.broken = true;
        for (const p of this.pending.values()) p.reject(e);
        this.pending.clear();
      });
      this.workers.push(w);
    }
    return this.workers;
  }

  private run(worker: Worker, texts: string[]): Promise<ChunkFacts[]> {
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ id, texts });
    }).finally(() => worker.unref()) as Promise<ChunkFacts[]>;
  }

  /**
   * Parses the texts not yet cached and puts them into the cache. `mainShare` is the part the
   * calling thread parses itself (0 keeps the caller free: the language server).
   */
  async fill(cache: ChunkCache, texts: string[], mainShare = 1 / (this.size + 1)): Promise<void> {
    const todo = [...new Set(texts)].filter((t) => !cache.has(t));
    if (!todo.length) return;
    const workers = this.ensure();
    if (!workers.length) {
      for (const t of todo) cache.get(t);
      return;
    }
    // Largest first, each to the least loaded lane: lane 0 is the main thread.
    const lanes: { texts: string[]; bytes: number }[] = Array.from({ length: workers.length + (mainShare > 0 ? 1 : 0) }, () => ({ texts: [], bytes: 0 }));
    const weight = (i: number) => (mainShare > 0 && i === 0 ? (1 - mainShare) / mainShare / workers.length : 1);
    for (const t of todo.sort((a, b) => b.length - a.length)) {
      let best = 0;
      for (let i = 1; i < lanes.length; i++) if (lanes[i].bytes * weight(i) < lanes[best].bytes * weight(best)) best = i;
      lanes[best].texts.push(t);
      lanes[best].bytes += t.length;
    }
    const offset = mainShare > 0 ? 1 : 0;
    const jobs = workers.map((w, i) => (lanes[i + offset].texts.length ? this.run(w, lanes[i + offset].texts) : Promise.resolve([])));
    if (offset) for (const t of lanes[0].texts) cache.get(t);
    const results = await Promise.allSettled(jobs);
    results.forEach((r, i) => {
      const lane = lanes[i + offset].texts;
      if (r.status === 'fulfilled') lane.forEach((t, k) => cache.put(t, r.value[k]));
      else for (const t of lane) cache.get(t); // the worker failed: parse here
    });
  }

  dispose(): void {
    for (const w of this.workers) void w.terminate();
    this.workers = [];
  }
}

export { analyzeChunk };
