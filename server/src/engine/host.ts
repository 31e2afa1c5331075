// What the engine needs from the outside world: reading files and folders. The CLI passes the
// Node file system; the language server overlays the documents open in the editor.

import * as fs from 'node:fs';

export interface Host {
  /** File text, or undefined when it cannot be read. */
  readFile(path: string): string | undefined;
  /** Size in bytes without reading the whole file (for the size limit). */
  fileSize(path: string): number | undefined;
  exists(path: string): boolean;
  isDirectory(path: string): boolean;
  /** Entry names of a folder, or undefined. */
  readDir(path: string): { name: string; dir: boolean }[] | undefined;
  /** A token that changes when the file changes (mtime/size, or an editor version). */
  version(path: string): string | undefined;
}

export const nodeHost: Host = {
  readFile(p) {
    try {
      return fs.readFileSync(p, 'utf8');
    } catch {
      return undefined;
    }
  },
  fileSize(p) {
    try {
      return fs.statSync(p).size;
    } catch {
      return undefined;
    }
  },
  exists(p) {
    return fs.existsSync(p);
  },
  isDirectory(p) {
    try {
      return fs.statSync(p).isDirectory();
    } catch {
      return false;
    }
  },
  readDir(p) {
    try {
      return fs.readdirSync(p, { withFileTypes: true }).map((d) => ({ name: d.name, dir: d.isDirectory() }));
    } catch {
      return undefined;
    }
  },
  version(p) {
    try {
      const s = fs.statSync(p);
      return `${s.mtimeMs}:${s.size}`;
    } catch {
      return undefined;
    }
  },
};

/** A host whose files are overlaid by in-memory texts (open editor documents). */
export function overlayHost(base: Host, overlay: Map<string, { text: string; version: number }>): Host {
  return {
    readFile: (p) => overlay.get(p)?.text ?? base.readFile(p),
    fileSize: (p) => {
      const o = overlay.get(p);
      return o ? Buffer.byteLength(o.text, 'utf8') : base.fileSize(p);
    },
    exists: (p) => overlay.has(p) || base.exists(p),
    isDirectory: (p) => base.isDirectory(p),
    readDir: (p) => base.readDir(p),
    version: (p) => {
      const o = overlay.get(p);
      return o ? `open:${o.version}` : base.version(p);
    },
  };
}
