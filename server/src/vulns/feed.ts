// The shapes of a configured vulnerability data entry and of its loaded index (store.ts).

import type { ConfiguredFileProblem } from '../engine/configured-file';
import type { Localized } from '../engine/rulesets/types';
import type { FeedKind, KevEntry, VexStatement, VulnRecord } from './types';

export interface FeedEntry {
  /** As configured (relative to the rc file). */
  value: string;
  /** `maxAge` in milliseconds, when configured. */
  maxAge?: number;
}

export interface FeedIndex {
  /** Record numbers by key (`p:` purl package, `c:` CPE vendor:product, `n:` normalised name). */
  keys: { get(key: string): readonly number[] | undefined };
  count: number;
  record(i: number): VulnRecord | undefined;
}

export interface LoadedFeed {
  ok: true;
  value: string;
  /** The canonical path of the file or folder. */
  path: string;
  kinds: FeedKind[];
  files: number;
  /** The data's date: the newest date the data states (feed timestamp, records' last modification), else the newest file's mtime. */
  date?: string;
  /** Where the date came from. */
  dateSource: 'data' | 'mtime';
  index: FeedIndex;
  kev: Map<string, KevEntry>;
  vex: VexStatement[];
  /** How the index was obtained this time. */
  cache: 'memory' | 'disk' | 'built';
  /** The index files, when written. */
  cacheFiles?: string[];
}

export interface FeedFailure {
  ok: false;
  value: string;
  problem: ConfiguredFileProblem | 'invalid' | 'empty';
  message: Localized;
  /** The file (inside a folder entry) the problem is in. */
  file?: string;
  line?: number;
  column?: number;
}

export type FeedResult = LoadedFeed | FeedFailure;

export interface StoreOptions {
  /** Write the index beside the data (default true). */
  writeCache?: boolean;
  /** Progress of a build (bench). */
  now?: () => number;
}

export interface FileSig {
  path: string;
  size: number;
  mtimeMs: number;
}
