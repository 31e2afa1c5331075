// Reading an SBOM through the engine's Host, so the language server's overlay (an unsaved bom.json
// open in the editor) is what gets compared. Results are cached by the host's version token: a
// dossier re-checked on every keystroke does not re-parse a 50 MB SBOM.

import { CONFIGURED_FILE_LIMITS, resolveConfiguredPath, type Host, type PathScope } from '../engine';
import { MAX_SBOM_BYTES, parseSbom, tooLarge } from './parse';
import { SbomError, type SbomDocument } from './types';

export interface LoadOptions {
  maxBytes?: number;
}

export type LoadResult = { ok: true; path: string; sbom: SbomDocument } | { ok: false; path: string; error: SbomError };

const CACHE_SIZE = 8;
const cache = new Map<string, { version: string; max: number; result: LoadResult }>();

/** Clears the cache (tests). */
export function clearSbomCache(): void {
  cache.clear();
}

/**
 * Reads and parses an SBOM. Never throws: a missing, unreadable, oversized or invalid file is an
 * `ok: false` result with a localised error. The returned document is shared: do not modify it.
 */
export function loadSbom(file: string, host: Host, opts: LoadOptions = {}): LoadResult {
  const max = opts.maxBytes ?? MAX_SBOM_BYTES;
  const version = host.version(file);
  const hit = version !== undefined ? cache.get(file) : undefined;
  if (hit && hit.version === version && hit.max === max) {
    cache.delete(file);
    cache.set(file, hit);
    return hit.result;
  }
  const result = read(file, host, max);
  if (version !== undefined) {
    cache.delete(file);
    cache.set(file, { version, max, result });
    while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  }
  return result;
}

/**
 * An SBOM named by configuration (`sbom:` in the rc file): found, checked and read through
 * engine/configured-file.ts (inside the allowed folders after links are followed, a regular file,
 * at most 50 MB), then parsed as loadSbom does. The error never quotes the file.
 */
export function loadConfiguredSbom(value: string, host: Host, scope: PathScope): LoadResult {
  const r = resolveConfiguredPath(host, value, scope, { key: 'sbom', maxBytes: CONFIGURED_FILE_LIMITS.sbom });
  if (!r.ok) {
    const code = r.problem === 'too-large' ? 'too-large' : r.problem === 'outside' ? 'outside' : r.problem === 'not-a-file' ? 'not-a-file' : 'unreadable';
    return { ok: false, path: value, error: new SbomError(code, r.message) };
  }
  return loadSbom(r.path, host, { maxBytes: CONFIGURED_FILE_LIMITS.sbom });
}

function read(file: string, host: Host, max: number): LoadResult {
  const unreadable = () =>
    ({ ok: false, path: file, error: new SbomError('unreadable', { zh: `无法读取 SBOM 文件：${file}`, en: `cannot read the SBOM file: ${file}` }) }) as const;
  if (host.isDirectory(file)) return unreadable();
  const size = host.fileSize(file);
  if (size === undefined) return unreadable();
  if (size > max) return { ok: false, path: file, error: tooLarge(size, max) };
  const text = host.readFile(file, max);
  if (text === undefined) return unreadable();
  try {
    return { ok: true, path: file, sbom: parseSbom(text, { maxBytes: max }) };
  } catch (e) {
    if (e instanceof SbomError) return { ok: false, path: file, error: e };
    throw e;
  }
}
