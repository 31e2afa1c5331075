// LSP requests carry no trust: a custom request (import/export docx, report, SBOM import,
// checklist, migrate) names files by URI, and whatever sends it — a client, a command link, a
// task — could name any file. Each such URI must be a file URI inside one of the workspace folders
// the client opened, after symbolic links are resolved (for a file still to be written, its
// nearest existing parent); anything else is refused with a clear error before it is opened.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { isInside, type Locale } from '../engine';

export type ScopeLocale = Locale;

function real(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    // Not there yet (an output file): its parent's real path plus the rest.
    const parent = path.dirname(p);
    return parent === p ? p : path.join(real(parent), path.basename(p));
  }
}

export class WorkspaceScope {
  constructor(private readonly folders: () => readonly string[]) {}

  /** Whether a path lies inside a workspace folder, lexically and after following links. */
  contains(p: string): boolean {
    const abs = path.resolve(p);
    const folders = this.folders();
    if (!folders.some((f) => isInside(path.resolve(f), abs))) return false;
    const r = real(abs);
    return folders.some((f) => isInside(real(path.resolve(f)), r));
  }

  /**
   * The path of a URI a request names, or a ResponseError (RequestFailed) saying why not: not a
   * file URI, or outside the workspace folders.
   */
  pathOf(uri: unknown, locale: ScopeLocale, what = 'uri'): string {
    const en = locale === 'en';
    if (typeof uri !== 'string' || !uri) throw new ResponseError(LSPErrorCodes.RequestFailed, en ? `${what} is required` : `缺少 ${what}`);
    let u: URI;
    try {
      u = URI.parse(uri);
    } catch {
      throw new ResponseError(LSPErrorCodes.RequestFailed, en ? `Not a valid URI: ${uri}` : `不是有效的 URI：${uri}`);
    }
    if (u.scheme !== 'file') throw new ResponseError(LSPErrorCodes.RequestFailed, en ? `Only file URIs are supported: ${uri}` : `只支持 file URI：${uri}`);
    const p = u.fsPath;
    if (!this.contains(p)) {
      throw new ResponseError(
        LSPErrorCodes.RequestFailed,
        en
          ? `Refused: ${p} is outside the workspace folders this editor opened (symbolic links followed). Open its folder as a workspace folder first.`
          : `已拒绝：${p} 不在编辑器打开的工作区文件夹内（已解析符号链接）。请先将其所在文件夹作为工作区文件夹打开。`,
      );
    }
    return p;
  }
}
