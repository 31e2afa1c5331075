// Test helpers: an in-memory file system for the engine, and a compact rendering of diagnostics
// that tests compare in inline snapshots (code, requirement, 1-based line, severity).

import * as path from 'node:path';
import { Engine, type FileReport } from '../server/src/engine/engine';
import type { Host } from '../server/src/engine/host';
import type { ConfigInput } from '../server/src/engine/config';
import { sbomReader } from '../server/src/sbom';

export const ROOT = '/ws';

export function memHost(files: Record<string, string>): Host & { files: Map<string, string> } {
  const map = new Map<string, string>();
  for (const [p, t] of Object.entries(files)) map.set(path.resolve(ROOT, p), t);
  const dirs = new Set<string>();
  for (const p of map.keys()) for (let d = path.dirname(p); ; d = path.dirname(d)) {
    dirs.add(d);
    if (d === path.dirname(d)) break;
  }
  return {
    files: map,
    readFile: (p, max = Infinity) => (map.has(p) && Buffer.byteLength(map.get(p)!, 'utf8') <= max ? map.get(p) : undefined),
    readBytes: (p, max = Infinity) => (map.has(p) && Buffer.byteLength(map.get(p)!, 'utf8') <= max ? new Uint8Array(Buffer.from(map.get(p)!, 'utf8')) : undefined),
    fileSize: (p) => (map.has(p) ? Buffer.byteLength(map.get(p)!, 'utf8') : undefined),
    stat: (p) => (map.has(p) ? { kind: 'file', size: Buffer.byteLength(map.get(p)!, 'utf8') } : dirs.has(p) ? { kind: 'directory', size: 0 } : undefined),
    realpath: (p) => (map.has(p) || dirs.has(p) ? p : undefined),
    exists: (p) => map.has(p) || dirs.has(p),
    isDirectory: (p) => dirs.has(p),
    readDir: (p) => {
      if (!dirs.has(p)) return undefined;
      const out = new Map<string, boolean>();
      for (const f of map.keys()) if (path.dirname(f) === p) out.set(path.basename(f), false);
      for (const d of dirs) if (path.dirname(d) === p && d !== p) out.set(path.basename(d), true);
      return [...out].map(([name, dir]) => ({ name, dir }));
    },
    version: (p) => (map.has(p) ? String(map.get(p)!.length) + ':' + hash(map.get(p)!) : undefined),
  };
}

function hash(s: string): string {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0;
  return String(h);
}

export interface CheckOptions {
  files?: string[];
  folders?: string[];
  settings?: ConfigInput;
  configFile?: string;
  /** Allowed roots of configured paths (the CLI passes its current directory). */
  roots?: string[];
  /** Restricted Mode (an untrusted workspace). */
  restricted?: boolean;
  /** The engine's today (YYYY-MM-DD): the end-of-support reference date when the facts give none. */
  today?: string;
}

export function checkFiles(files: Record<string, string>, opts: CheckOptions = {}): FileReport[] {
  const host = memHost(files);
  const engine = new Engine({
    sbom: sbomReader,
    host,
    configFile: opts.configFile ? path.resolve(ROOT, opts.configFile) : undefined,
    settings: opts.settings ? () => ({ input: opts.settings!, base: ROOT }) : undefined,
    roots: opts.roots ? () => opts.roots!.map((r) => path.resolve(ROOT, r)) : undefined,
    restricted: opts.restricted ? () => true : undefined,
    today: opts.today ? () => new Date(`${opts.today}T12:00:00Z`) : undefined,
  });
  const req = {
    files: (opts.files ?? (opts.folders ? [] : Object.keys(files).filter((f) => /\.md$/.test(f)))).map((f) => path.resolve(ROOT, f)),
    folders: (opts.folders ?? []).map((f) => path.resolve(ROOT, f)),
  };
  const result = engine.check(req);
  if (result.errors.length) throw new Error(`unreadable: ${JSON.stringify(result.errors)}`);
  return result.reports;
}

/** One line per diagnostic: `file:line severity code [REQ] {data}` (1-based line). */
export function render(reports: FileReport[], opts: { data?: string[]; message?: 'en' | 'zh' } = {}): string {
  const lines: string[] = [];
  for (const r of reports) {
    const rel = path.relative(ROOT, r.path);
    for (const d of r.diagnostics) {
      const req = d.data.requirement ? ` ${d.data.requirement}` : '';
      const extra = (opts.data ?? [])
        .filter((k) => d.data[k] !== undefined)
        .map((k) => `${k}=${JSON.stringify(d.data[k])}`)
        .join(' ');
      const msg = opts.message ? ` — ${d.message[opts.message]}` : '';
      lines.push(`${rel}:${d.range.start.line + 1} ${d.severity} ${d.code}${req}${extra ? ` ${extra}` : ''}${msg}`);
    }
  }
  return lines.join('\n');
}

/** Checks a single dossier file and renders its diagnostics. */
export function diag(text: string, opts: CheckOptions & { name?: string; extra?: Record<string, string>; data?: string[]; message?: 'en' | 'zh' } = {}): string {
  const name = opts.name ?? 'doc.md';
  return render(checkFiles({ [name]: text, ...(opts.extra ?? {}) }, { files: [name], ...opts }), opts);
}

export function fm(yaml: string): string {
  return `---\n${yaml.trim()}\n---\n`;
}
