// The server's own custom requests (shared/protocol.ts): a document's status (language status
// item), server info (version, memory, caches: the soak and bench read it), the document kinds
// and skeletons of the rule sets (new document), and the workspace check.

import { DiagnosticSeverity } from 'vscode-languageserver';
import { getRuleSet, kindOf, packageVersion, RULESETS, skeleton } from '../../engine';
import { documentStatus } from '../../features/status';
import { viewOf } from '../../features/view';
import { pathOfUri } from '../../shared/uri';
import { CheckWorkspaceRequest, KindsRequest, ServerInfoRequest, type ServerInfo, SkeletonRequest, type SkeletonParams, StatusRequest, type StatusParams } from '../../shared/protocol';
import { LEVEL } from '../convert';
import type { ServerContext } from '../context';

export function registerServerRequests(ctx: ServerContext): void {
  const c = ctx.connection;
  const safe = ctx.logger.safe.bind(ctx.logger);
  c.onRequest(
    StatusRequest,
    safe('status', null, (p: StatusParams) => {
      const file = pathOfUri(p.uri);
      const last = ctx.sink.get(p.uri)?.items ?? [];
      return documentStatus(viewOf(ctx.engine, file), last.map((d) => ({ severity: LEVEL[d.severity ?? DiagnosticSeverity.Error] })));
    }),
  );
  c.onRequest(
    ServerInfoRequest,
    safe('server info', null, (p?: { gc?: boolean }): ServerInfo => {
      // Only a server started with --expose-gc (the soak's diagnosis mode) can collect on request.
      const gc = (globalThis as { gc?: () => void }).gc;
      if (p?.gc && gc) gc();
      const m = process.memoryUsage();
      return { version: packageVersion(), pid: process.pid, rssBytes: m.rss, heapUsedBytes: m.heapUsed, documents: ctx.documents.all().length, caches: ctx.engine.stats() };
    }),
  );
  c.onRequest(
    KindsRequest,
    safe('kinds', [], () => RULESETS.flatMap((rs) => rs.kinds.map((k) => ({ ruleset: rs.id, id: k.id, name: k.name })))),
  );
  c.onRequest(
    SkeletonRequest,
    safe('skeleton', null, (p: SkeletonParams) => {
      const rs = getRuleSet(p.ruleset) ?? RULESETS[0];
      const kind = kindOf(rs, p.kind);
      if (!kind) return null;
      return { text: skeleton(rs, kind, p.lang), fileName: `${kind.id}.md` };
    }),
  );
  c.onRequest(
    CheckWorkspaceRequest,
    safe('check workspace', null, async () => {
      const progress = ctx.client.workDoneProgress ? await c.window.createWorkDoneProgress() : undefined;
      return ctx.checkWorkspace(progress);
    }),
  );
}
