// The custom requests of shared/protocol.ts that live in their own modules (checklist and
// report, Word, SBOM, new dossier, vulnerability data, migration): each registers its handlers
// with what it needs from the server. Every URI they name must lie inside the workspace folders
// (scope.ts).

import { pathOfUri } from '../../shared/uri';
import { registerChecklistRequests } from '../checklist';
import { registerMigration } from '../migrate';
import { registerNewDossierRequests } from '../new-dossier';
import { registerSbomRequests } from '../sbom';
import { registerVulnsRequests } from '../vulns';
import { registerWordRequests } from '../word';
import type { ServerContext } from '../context';
import { migrationDeps } from './code-actions';

export function registerCustomRequests(ctx: ServerContext): void {
  const c = ctx.connection;
  const clientLocale = () => ctx.clientLocale;
  const error = (w: string, e: unknown) => ctx.logger.error(w, e);
  const ensureSettings = (u: string) => ctx.settings.ensure(u);
  registerChecklistRequests(c, {
    engine: ctx.engine,
    localeFor: (f) => ctx.localeFor(f),
    pathOf: (u) => pathOfUri(u),
    error,
    ensureSettings,
    scope: ctx.scope,
    clientLocale,
  });
  registerWordRequests(c, () => ctx.engine, { locale: () => ctx.clientLocale, onWritten: () => ctx.engine.forgetFileSystem(), scope: ctx.scope, clientLocale });
  registerSbomRequests(c, () => ctx.engine, { locale: () => ctx.clientLocale, scope: ctx.scope, clientLocale });
  registerNewDossierRequests(c, error);
  registerVulnsRequests(c, () => ctx.engine, { scope: ctx.scope, clientLocale, ensureSettings });
  registerMigration(c, { ...migrationDeps(ctx), scope: ctx.scope, clientLocale });
}
