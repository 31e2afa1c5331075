// The vulnerability assessment draft as a custom request of the language server (a thin adapter
// over server/src/vulns/draft.ts, which the CLI uses too).

import { type Connection, ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { localize, type Engine, type Locale } from '../engine';
import { draftAssessment } from '../vulns';
import { VulnsDraftRequest, type VulnsDraftParams, type VulnsDraftResult } from '../shared/protocol';
import type { WorkspaceScope } from './scope';

export interface VulnsRequestOptions {
  /** The workspace folders: the URI must lie inside them (scope.ts). */
  scope?: WorkspaceScope;
  /** The language of a refusal (the editor's). */
  clientLocale?: () => Locale;
  /** Settings of the resource must be known before its configuration is read. */
  ensureSettings?: (uri: string) => Promise<void>;
}

/** Registers `cyberdossier/vulnsDraft`. */
export function registerVulnsRequests(connection: Connection, getEngine: () => Engine, opts: VulnsRequestOptions = {}): void {
  connection.onRequest(VulnsDraftRequest, async (p: VulnsDraftParams): Promise<VulnsDraftResult> => {
    if (!p || typeof p.uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'uri is required');
    if (p.locale !== undefined && p.locale !== 'zh-CN' && p.locale !== 'en') throw new ResponseError(ErrorCodes.InvalidParams, `locale must be zh-CN or en, not ${String(p.locale)}`);
    const refusal: Locale = p.locale ?? opts.clientLocale?.() ?? 'zh-CN';
    let file: string;
    if (opts.scope) file = opts.scope.pathOf(p.uri, refusal, 'uri');
    else {
      const u = URI.parse(p.uri);
      if (u.scheme !== 'file') throw new ResponseError(LSPErrorCodes.RequestFailed, `Only file URIs are supported: ${p.uri}`);
      file = u.fsPath;
    }
    await opts.ensureSettings?.(p.uri);
    const engine = getEngine();
    const folder = engine.host.isDirectory(file);
    const d = draftAssessment(engine, folder ? { folder: file } : { file }, p.locale);
    const pick = (l: { zh: string; en: string }) => localize(l, p.locale ?? d.locale);
    if (d.problems.length) throw new ResponseError(LSPErrorCodes.RequestFailed, d.problems.map((x) => pick(x.message)).join('\n'));
    if (!d.feeds.length)
      throw new ResponseError(
        LSPErrorCodes.RequestFailed,
        pick({
          zh: '.cyberdossierrc.yaml 没有 vulnerabilities（或此文件夹未受信任）：请列出本地漏洞数据文件或文件夹（OSV、NVD、CVE 5、KEV、VEX）',
          en: '.cyberdossierrc.yaml has no vulnerabilities (or this folder is not trusted): list local vulnerability data files or folders (OSV, NVD, CVE 5, KEV, VEX)',
        }),
      );
    const { problems: _problems, ...rest } = d;
    void _problems;
    return rest;
  });
}
