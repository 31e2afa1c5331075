// Finding things on disk: the dossier.yaml that governs a file, the rc file that configures it,
// and the Markdown files of a folder (honouring .gitignore). Shared by the CLI and the server.

import * as path from 'node:path';
import type { Host } from './host';
import { gitignoreOf, MAX_GITIGNORE_BYTES, type Gitignore } from './glob';
import { RC_NAME } from './config';

export const DOSSIER_YAML = 'dossier.yaml';

/**
 * The nearest dossier.yaml in the file's folder or above it; the search stops at the first folder
 * holding .git or .cyberdossierrc.yaml (frontmatter.md).
 */
export function findDossierYaml(host: Host, file: string): string | undefined {
  let dir = path.dirname(file);
  for (;;) {
    const candidate = path.join(dir, DOSSIER_YAML);
    if (host.exists(candidate)) return candidate;
    if (host.exists(path.join(dir, '.git')) || host.exists(path.join(dir, RC_NAME))) return undefined;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The nearest .cyberdossierrc.yaml at or above the file's folder. */
export function findRc(host: Host, fileOrDir: string, isDir = false): string | undefined {
  let dir = isDir ? fileOrDir : path.dirname(fileOrDir);
  for (;;) {
    const candidate = path.join(dir, RC_NAME);
    if (host.exists(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', '.vscode-test', 'out', 'dist']);

export interface WalkOptions {
  /** Do not descend into a sub-folder holding its own dossier.yaml (dossier membership). */
  stopAtDossier?: boolean;
  /** Give up after this many files (a safety net against walking a whole disk). */
  limit?: number;
}

const isMarkdownName = (name: string) => /\.(md|markdown)$/i.test(name);

/**
 * Markdown files at or below `root`, sorted, honouring .gitignore files on the way (glob.ts:
 * linear-time matching). Only regular files are listed: a FIFO, socket or device named `*.md` is
 * skipped, and a symbolic link only when it leads to a regular file inside `root` (a link out of
 * the folder, or to /dev/zero, is not followed). Linked folders are not entered.
 */
export function walkMarkdown(host: Host, root: string, opts: WalkOptions = {}): string[] {
  const out: string[] = [];
  const limit = opts.limit ?? 50_000;
  const realRoot = host.realpath(root) ?? root;
  const linkOk = (p: string) => {
    const real = host.realpath(p);
    return real !== undefined && isInside(realRoot, real) && host.stat(real)?.kind === 'file';
  };
  const visit = (dir: string, rules: { base: string; ig: Gitignore }[]) => {
    if (out.length >= limit) return;
    const entries = host.readDir(dir);
    if (!entries) return;
    let local = rules;
    if (entries.some((e) => e.name === '.gitignore' && !e.dir && !e.special && !e.link)) {
      const text = host.readFile(path.join(dir, '.gitignore'), MAX_GITIGNORE_BYTES);
      if (text !== undefined) local = [...rules, { base: dir, ig: gitignoreOf(text) }];
    }
    const ignored = (p: string, isDir: boolean) =>
      local.some(({ base, ig }) => {
        const rel = path.relative(base, p).split(path.sep).join('/');
        return rel && !rel.startsWith('..') && ig.ignores(rel, isDir);
      });
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const p = path.join(dir, e.name);
      if (e.dir) {
        if (SKIP_DIRS.has(e.name) || e.name.startsWith('.') || ignored(p, true)) continue;
        if (opts.stopAtDossier && host.exists(path.join(p, DOSSIER_YAML))) continue;
        visit(p, local);
      } else if (isMarkdownName(e.name) && !e.special && (!e.link || linkOk(p)) && !ignored(p, false)) {
        out.push(p);
        if (out.length >= limit) return;
      }
    }
  };
  visit(root, []);
  return out.sort(comparePaths);
}

/** Whether `p` is `root` or inside it (both absolute, already canonical when that matters). */
export function isInside(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Folders at or below root that hold a dossier.yaml. */
export function findDossierRoots(host: Host, root: string): string[] {
  const out: string[] = [];
  const visit = (dir: string, depth: number) => {
    if (depth > 32) return;
    if (host.exists(path.join(dir, DOSSIER_YAML))) out.push(dir);
    for (const e of host.readDir(dir) ?? []) {
      if (e.dir && !SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) visit(path.join(dir, e.name), depth + 1);
    }
  };
  visit(root, 0);
  return out.sort(comparePaths);
}

/** Path order: by segments, so "a/b.md" sorts before "a-b/c.md" as a reader expects. */
export function comparePaths(a: string, b: string): number {
  const as = a.split(/[\\/]/);
  const bs = b.split(/[\\/]/);
  for (let i = 0; i < Math.min(as.length, bs.length); i++) {
    if (as[i] !== bs[i]) {
      // Files of a folder before its sub-folders.
      if (i === as.length - 1 && i < bs.length - 1) return -1;
      if (i === bs.length - 1 && i < as.length - 1) return 1;
      return as[i] < bs[i] ? -1 : 1;
    }
  }
  return as.length - bs.length;
}
