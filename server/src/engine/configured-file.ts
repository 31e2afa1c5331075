// A path named by configuration (`sbom`, `export.referenceDocx`, and every future key that names
// a file such as `vulnerabilities`): the one way such a file is found, checked and read. A
// repository may be hostile, so the path it configures
//   1. is resolved relative to the folder of the file that names it (the rc file, dossier.yaml);
//   2. must lie inside the allowed roots, lexically and again after every symbolic link is
//      resolved (realpath): that folder, the dossier's folder, the workspace folders (editor) or
//      the current directory (CLI), and folders the user allowed with `--allow-path` (never a
//      setting inside the repository). Outside: refused before anything is opened;
//   3. must be a regular file (stat; the read then checks the opened descriptor again, host.ts):
//      a FIFO, socket, device or folder is refused, so nothing can make a read hang;
//   4. must be at most `maxBytes` long, and is read with that bound;
//   5. is reported without its content: messages say what is wrong and where (`not valid JSON at
//      line 3, column 7`), never quote the file.
// Callers: the SBOM comparison (sbom/load.ts `loadConfiguredSbom`), the Word export's reference
// document (word/files.ts), the engine's check of configured paths (config-invalid on the key).
//
//   const r = readConfiguredText(host, value, engine.pathScope(config), { key: 'vulnerabilities', maxBytes: 10 * MB });
//   if (!r.ok) findings.push(configuredFileFinding(r, at)); else parse(r.text);

import * as path from 'node:path';
import type { Finding } from './codes';
import type { Host } from './host';
import type { Localized } from './rulesets/types';
import type { Range } from './text';
import { isInside } from './workspace';

const MB = 1024 * 1024;
/** Size caps of the configured files (issue 14): larger ones are refused before they are read. */
export const CONFIGURED_FILE_LIMITS = { sbom: 50 * MB, referenceDocx: 20 * MB, vulnerabilities: 8 * 1024 * MB } as const;

/** Where configured paths of one configuration may lead. */
export interface PathScope {
  /** The folder of the file that names the path: relative paths start here; always allowed. */
  base: string;
  /** Further allowed folders: the dossier's folder, the workspace folders or the current directory, `--allow-path` folders. */
  roots: readonly string[];
}

export interface ConfiguredFileRequest {
  /** The configuration key, as the user writes it (`sbom`, `export.referenceDocx`). */
  key: string;
  maxBytes: number;
  /** A folder is accepted too (`vulnerabilities`: a folder of feeds); its files are resolved one by one again. */
  allowFolder?: boolean;
}

export type ConfiguredFileProblem = 'url' | 'outside' | 'missing' | 'not-a-file' | 'too-large' | 'unreadable';

export interface ConfiguredFileFailure {
  ok: false;
  key: string;
  /** The value as configured. */
  value: string;
  problem: ConfiguredFileProblem;
  /** What is wrong, without a byte of the file. */
  message: Localized;
}

export type ResolvedFile = { ok: true; key: string; value: string; path: string; size: number; directory?: boolean } | ConfiguredFileFailure;

const mb = (n: number) => (n >= MB ? `${Math.round((n / MB) * 10) / 10} MB` : `${Math.ceil(n / 1024)} KB`);

function fail(req: ConfiguredFileRequest, value: string, problem: ConfiguredFileProblem, message: Localized): ConfiguredFileFailure {
  return { ok: false, key: req.key, value, problem, message };
}

/** `file://` URLs are paths; other URLs are refused (the checker never goes online). */
function pathOfValue(value: string): string | undefined {
  if (/^file:\/\//i.test(value)) {
    try {
      return decodeURIComponent(value.replace(/^file:\/\/(?:localhost)?/i, ''));
    } catch {
      return value;
    }
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return undefined;
  return value;
}

/** Steps 1–4 without reading: the canonical path and size of the configured file, or why not. */
export function resolveConfiguredPath(host: Host, value: string, scope: PathScope, req: ConfiguredFileRequest): ResolvedFile {
  const v = value.trim();
  const p = pathOfValue(v);
  if (p === undefined)
    return fail(req, v, 'url', { zh: '须为本地文件路径，不能是网址（检查器从不联网）', en: 'it must be a local file path, not a URL (the checker never goes online)' });
  const abs = path.resolve(scope.base, p);
  const roots = [scope.base, ...scope.roots].map((r) => path.resolve(r));
  const outside = fail(req, v, 'outside', {
    zh: '指向配置文件所在文件夹、档案文件夹与工作区之外（已解析符号链接），未打开',
    en: 'it leads outside the folder of this file, the dossier and the workspace (symbolic links followed); it was not opened',
  });
  // Lexically first: a path that names a place outside is refused without a look at it.
  const realRoots = roots.map((r) => host.realpath(r) ?? r);
  if (!roots.some((r) => isInside(r, abs)) && !realRoots.some((r) => isInside(r, abs))) return outside;
  const real = host.realpath(abs);
  if (real === undefined) return fail(req, v, 'missing', { zh: '文件不存在', en: 'there is no such file' });
  if (!realRoots.some((r) => isInside(r, real))) return outside;
  const st = host.stat(real);
  if (!st) return fail(req, v, 'missing', { zh: '文件不存在', en: 'there is no such file' });
  if (st.kind === 'directory' && req.allowFolder) return { ok: true, key: req.key, value: v, path: real, size: 0, directory: true };
  if (st.kind !== 'file')
    return fail(req, v, 'not-a-file', {
      zh: st.kind === 'directory' ? '是文件夹，不是文件' : '不是普通文件（是 FIFO、套接字或设备），未读取',
      en: st.kind === 'directory' ? 'it is a folder, not a file' : 'it is not a regular file (a FIFO, a socket or a device); it was not read',
    });
  if (st.size > req.maxBytes) return fail(req, v, 'too-large', { zh: `文件过大（${mb(st.size)}，上限 ${mb(req.maxBytes)}）`, en: `it is too large (${mb(st.size)}; the limit is ${mb(req.maxBytes)})` });
  return { ok: true, key: req.key, value: v, path: real, size: st.size };
}

const unreadable = (req: ConfiguredFileRequest, value: string) => fail(req, value, 'unreadable', { zh: '无法读取', en: 'it cannot be read' });

/** All five steps, as text (UTF-8). */
export function readConfiguredText(host: Host, value: string, scope: PathScope, req: ConfiguredFileRequest): (ResolvedFile & { ok: true; text: string }) | ConfiguredFileFailure {
  const r = resolveConfiguredPath(host, value, scope, req);
  if (!r.ok) return r;
  const text = host.readFile(r.path, req.maxBytes);
  return text === undefined ? unreadable(req, r.value) : { ...r, text };
}

/** All five steps, as bytes. */
export function readConfiguredBytes(host: Host, value: string, scope: PathScope, req: ConfiguredFileRequest): (ResolvedFile & { ok: true; bytes: Uint8Array }) | ConfiguredFileFailure {
  const r = resolveConfiguredPath(host, value, scope, req);
  if (!r.ok) return r;
  const bytes = host.readBytes(r.path, req.maxBytes);
  return bytes === undefined ? unreadable(req, r.value) : { ...r, bytes };
}

/** The config-invalid finding of a configured file that cannot be used, on the entry naming it. */
export function configuredFileFinding(f: ConfiguredFileFailure, at: Range): Finding {
  return {
    code: 'config-invalid',
    range: at,
    message: { zh: `${f.key} 指定的 ${f.value}：${f.message.zh}`, en: `${f.key}: ${f.value}: ${f.message.en}` },
    data: { key: f.key, path: f.value, problem: f.problem },
  };
}
