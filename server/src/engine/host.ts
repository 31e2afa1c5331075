// What the engine needs from the outside world: reading files and folders. The CLI passes the
// Node file system; the language server overlays the documents open in the editor.
//
// Reading is bounded and reads regular files only (SECURITY.md): a repository may hold a FIFO, a
// socket, a device or a symbolic link to one (`zz.md -> /dev/zero`) where a file is expected.
// `readFile` opens without blocking (O_NONBLOCK: opening a FIFO does not wait for a writer),
// checks the opened descriptor with fstat (no race between a check and the open), and reads at
// most `maxBytes`. Anything else is "cannot be read" (undefined), never a hang.

import * as fs from 'node:fs';

/** What a path is, symbolic links followed: a regular file, a folder, or something else (FIFO, socket, device). */
export type FileKind = 'file' | 'directory' | 'other';

export interface FileStat {
  kind: FileKind;
  size: number;
}

export interface DirEntry {
  name: string;
  /** A folder (not a symbolic link to one). */
  dir: boolean;
  /** A symbolic link (`dir` is false for it): follow it only after checking where it leads. */
  link?: boolean;
  /** Neither a regular file, a folder nor a link: a FIFO, a socket or a device. Never read. */
  special?: boolean;
}

/** Upper bound of any read that names no smaller one: nothing is ever read without a bound. */
export const MAX_READ_BYTES = 256 * 1024 * 1024;

export interface Host {
  /**
   * File text, or undefined when it is not a regular file, cannot be read, or holds more than
   * `maxBytes` (default MAX_READ_BYTES) bytes.
   */
  readFile(path: string, maxBytes?: number): string | undefined;
  /** File bytes under the same rules as readFile. */
  readBytes(path: string, maxBytes?: number): Uint8Array | undefined;
  /** Size in bytes of a regular file without reading it (for the size limit); undefined for anything else. */
  fileSize(path: string): number | undefined;
  /** What the path is (symbolic links followed), or undefined when it does not exist. */
  stat(path: string): FileStat | undefined;
  /** The canonical path, every symbolic link resolved; undefined when it does not exist. */
  realpath(path: string): string | undefined;
  exists(path: string): boolean;
  isDirectory(path: string): boolean;
  /** Entries of a folder, or undefined. */
  readDir(path: string): DirEntry[] | undefined;
  /** A token that changes when the file changes (mtime/size, or an editor version). */
  version(path: string): string | undefined;
  /**
   * A regular file opened for positional reads (vulnerability feeds of gigabytes are streamed,
   * never read whole); undefined for anything else. Same opening rules as readFile.
   */
  openRandom?(path: string): RandomAccessFile | undefined;
}

/** A regular file open for reading at any offset; `close` when done. */
export interface RandomAccessFile {
  size: number;
  mtimeMs: number;
  /** Up to `length` bytes at `position` (fewer at the end of the file). */
  read(position: number, length: number): Buffer;
  close(): void;
}

const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOCTTY ?? 0);

/**
 * The bytes of a regular file, at most `max` of them; undefined for anything else. The file is
 * opened without blocking and checked through its descriptor, then read in slices until its end
 * or one byte past the bound (a file that grows while it is read cannot make the read unbounded).
 */
export function readRegularFile(p: string, max = MAX_READ_BYTES): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(p, OPEN_FLAGS);
    const st = fs.fstatSync(fd);
    if (!st.isFile() || st.size > max) return undefined;
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(Math.max(st.size - total, 0) + 1, 1 << 20, max - total + 1));
      const n = fs.readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      total += n;
      if (total > max) return undefined;
      chunks.push(n === buf.length ? buf : buf.subarray(0, n));
    }
    return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        /* already closed */
      }
    }
  }
}

/** Opens a regular file (non-blocking open, fstat of the descriptor) for positional reads. */
export function openRegularFile(p: string): RandomAccessFile | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(p, OPEN_FLAGS);
    const st = fs.fstatSync(fd);
    if (!st.isFile()) {
      fs.closeSync(fd);
      return undefined;
    }
    const d = fd;
    let open = true;
    return {
      size: st.size,
      mtimeMs: st.mtimeMs,
      read(position, length) {
        const buf = Buffer.allocUnsafe(Math.max(0, Math.min(length, st.size - position)));
        let got = 0;
        while (got < buf.length) {
          const n = fs.readSync(d, buf, got, buf.length - got, position + got);
          if (n === 0) break;
          got += n;
        }
        return got === buf.length ? buf : buf.subarray(0, got);
      },
      close() {
        if (!open) return;
        open = false;
        try {
          fs.closeSync(d);
        } catch {
          /* already closed */
        }
      },
    };
  } catch {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        /* already closed */
      }
    }
    return undefined;
  }
}

function statOf(p: string): FileStat | undefined {
  try {
    const s = fs.statSync(p);
    return { kind: s.isFile() ? 'file' : s.isDirectory() ? 'directory' : 'other', size: s.size };
  } catch {
    return undefined;
  }
}

export const nodeHost: Host = {
  readFile(p, max) {
    return readRegularFile(p, max)?.toString('utf8');
  },
  readBytes(p, max) {
    const b = readRegularFile(p, max);
    return b ? new Uint8Array(b.buffer, b.byteOffset, b.byteLength) : undefined;
  },
  fileSize(p) {
    const s = statOf(p);
    return s?.kind === 'file' ? s.size : undefined;
  },
  stat: statOf,
  realpath(p) {
    try {
      return fs.realpathSync(p);
    } catch {
      return undefined;
    }
  },
  exists(p) {
    return fs.existsSync(p);
  },
  isDirectory(p) {
    return statOf(p)?.kind === 'directory';
  },
  readDir(p) {
    try {
      return fs.readdirSync(p, { withFileTypes: true }).map((d) => {
        const link = d.isSymbolicLink();
        const dir = d.isDirectory();
        return { name: d.name, dir, ...(link ? { link } : {}), ...(!link && !dir && !d.isFile() ? { special: true } : {}) };
      });
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
  openRandom: openRegularFile,
};

/** A host whose files are overlaid by in-memory texts (open editor documents). */
export function overlayHost(base: Host, overlay: Map<string, { text: string; version: number }>): Host {
  const bytes = (t: string) => Buffer.byteLength(t, 'utf8');
  return {
    readFile: (p, max = MAX_READ_BYTES) => {
      const o = overlay.get(p);
      if (!o) return base.readFile(p, max);
      return bytes(o.text) <= max ? o.text : undefined;
    },
    readBytes: (p, max = MAX_READ_BYTES) => {
      const o = overlay.get(p);
      if (!o) return base.readBytes(p, max);
      const b = Buffer.from(o.text, 'utf8');
      return b.byteLength <= max ? new Uint8Array(b.buffer, b.byteOffset, b.byteLength) : undefined;
    },
    fileSize: (p) => {
      const o = overlay.get(p);
      return o ? bytes(o.text) : base.fileSize(p);
    },
    stat: (p) => {
      const o = overlay.get(p);
      return o ? { kind: 'file', size: bytes(o.text) } : base.stat(p);
    },
    // An open document that is not on disk (yet) is its own canonical path.
    realpath: (p) => base.realpath(p) ?? (overlay.has(p) ? p : undefined),
    exists: (p) => overlay.has(p) || base.exists(p),
    isDirectory: (p) => base.isDirectory(p),
    readDir: (p) => base.readDir(p),
    version: (p) => {
      const o = overlay.get(p);
      return o ? `open:${o.version}` : base.version(p);
    },
    // Feeds are read from disk: an unsaved feed open in the editor is not streamed from memory.
    openRandom: (p) => (overlay.has(p) ? undefined : base.openRandom?.(p)),
  };
}
