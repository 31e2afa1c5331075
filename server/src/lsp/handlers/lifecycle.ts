// The session's lifecycle: initialize, initialized (settings, workspace folder events), Workspace
// Trust and configuration changes. Each change that may alter every open document's findings
// forgets the engine's caches and re-checks them all (validation.ts `revalidateAll`).

import { DidChangeConfigurationNotification } from 'vscode-languageserver';
import { pathOfUri } from '../../shared/uri';
import { TrustNotification, type TrustParams } from '../../shared/protocol';
import type { ServerContext } from '../context';

export function registerLifecycle(ctx: ServerContext): void {
  const c = ctx.connection;
  c.onInitialize((p) => ctx.initialize(p));
  c.onInitialized(
    ctx.logger.safe('initialized', undefined, async () => {
      if (ctx.client.configuration) await c.client.register(DidChangeConfigurationNotification.type, { section: 'cyberdossier' });
      if (ctx.client.workspaceFolderEvents)
        c.workspace.onDidChangeWorkspaceFolders((e) => {
          const removed = new Set(e.removed.map((f) => pathOfUri(f.uri)));
          ctx.folders = [...ctx.folders.filter((f) => !removed.has(f)), ...e.added.map((f) => pathOfUri(f.uri))];
          ctx.logger.log(`workspace folders: ${ctx.folders.join(', ') || '(none)'}`);
          ctx.engine.forget();
          ctx.validation.revalidateAll();
        });
      await ctx.settings.refresh();
    }),
  );
  c.onNotification(
    TrustNotification,
    ctx.logger.safe('trust', undefined, (p: TrustParams) => {
      const trusted = p?.trusted === true;
      if (trusted === ctx.trusted) return;
      ctx.trusted = trusted;
      ctx.logger.log(`workspace ${trusted ? 'trusted' : 'not trusted (Restricted Mode)'}`);
      ctx.engine.forget();
      ctx.validation.revalidateAll(0);
    }),
  );
  c.onDidChangeConfiguration(
    ctx.logger.safe('configuration', undefined, async (p) => {
      ctx.settings.pushed(p.settings?.cyberdossier);
      await ctx.settings.refresh();
      ctx.engine.forget();
      ctx.validation.revalidateAll();
    }),
  );
}
