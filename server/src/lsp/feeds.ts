// The configured vulnerability data (feeds and VEX) of the open dossiers, watched for changes. A
// feed is a .zip or a folder, which the client's own *.json watcher does not cover, so the server
// registers a watcher of its own; a changed feed drops its index (vulns/store.ts) before the
// re-check. Kept apart from server.ts so that the feed logic changes in one place.

import * as path from 'node:path';
import { type Connection, DidChangeWatchedFilesNotification, type Disposable, type FileSystemWatcher } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import type { Engine } from '../engine';
import { forgetFeeds } from '../vulns';

export interface FeedWatchDeps {
  connection: Connection;
  engine: Engine;
  /** The paths of the open documents. */
  openFiles: () => Iterable<string>;
  log: (message: string) => void;
  error: (where: string, e: unknown) => void;
}

export class FeedWatcher {
  /** The client registers file watchers on request (workspace/didChangeWatchedFiles dynamicRegistration). */
  watchRegistration = false;
  relativePatterns = false;
  /** The configured vulnerability data (files and folders) of the open dossiers, and their watcher. */
  private feedPaths: string[] = [];
  private feedWatchKey = '';
  private feedWatch: Promise<Disposable | undefined> = Promise.resolve(undefined);

  constructor(private readonly deps: FeedWatchDeps) {}

  /** A file of the configured vulnerability data (not its index in .cyberdossier-cache/). */
  isFeedFile(f: string): boolean {
    if (f.split(/[\\/]/).includes('.cyberdossier-cache')) return false;
    return this.feedPaths.some((p) => f === p || (f.startsWith(p + path.sep) && /\.(json|zip)$/i.test(f)));
  }

  /** Changed files (resolved paths) that are vulnerability data: their indexes are dropped. */
  forgetChanged(files: readonly string[]): void {
    const feeds = files.filter((f) => this.isFeedFile(f));
    if (feeds.length) {
      forgetFeeds(feeds);
      this.deps.log(`vulnerability data changed: ${feeds.map((f) => path.basename(f)).join(', ')}`);
    }
  }

  /**
   * Keeps one watcher registration for the vulnerability data the open dossiers configure (a
   * feed is a .zip or a folder, which the client's own *.json watcher does not cover), replaced
   * when the set changes. Without dynamic registration the client's watcher still reports .json.
   */
  watchFeeds(): void {
    const paths = new Set<string>();
    for (const file of this.deps.openFiles()) {
      try {
        for (const v of this.deps.engine.configFor(file).config.vulnerabilities) if (path.isAbsolute(v.path)) paths.add(path.resolve(v.path));
      } catch {
        // A broken configuration names no data; its own finding says so.
      }
    }
    const list = [...paths].sort();
    const key = list.join('\u0000');
    if (key === this.feedWatchKey) return;
    this.feedWatchKey = key;
    this.feedPaths = list;
    if (!this.watchRegistration) return;
    const watchers: FileSystemWatcher[] = list.flatMap((p): FileSystemWatcher[] => {
      // A file's own name, and a folder's data files (the entry may be either, or not exist yet).
      const parent = path.dirname(p);
      const base = path.basename(p);
      if (this.relativePatterns)
        return [
          { globPattern: { baseUri: URI.file(parent).toString(), pattern: globEscape(base) } },
          { globPattern: { baseUri: URI.file(p).toString(), pattern: '**/*.{json,zip}' } },
        ];
      const g = globEscape(p.split(path.sep).join('/'));
      return [{ globPattern: g }, { globPattern: `${g}/**/*.{json,zip}` }];
    });
    const previous = this.feedWatch;
    this.feedWatch = previous.then(async (old) => {
      old?.dispose();
      if (!watchers.length) return undefined;
      try {
        return await this.deps.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
      } catch (e) {
        this.deps.error('watch vulnerability data', e);
        return undefined;
      }
    });
    this.deps.log(`watching vulnerability data: ${list.join(', ') || '(none)'}`);
  }
}

/** A path as a literal glob (the characters globs give meaning to, bracketed). */
export function globEscape(p: string): string {
  return p.replace(/[*?[\]{}!]/g, (c) => `[${c}]`);
}
