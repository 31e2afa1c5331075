// The handler registry: one module per request family, registered in this order. A new request
// goes into its family's module (or a new module listed here), never into server.ts.

import type { ServerContext } from '../context';
import { registerCodeActions } from './code-actions';
import { registerCustomRequests } from './custom';
import { registerDocuments } from './documents';
import { registerLanguageFeatures } from './language';
import { registerLifecycle } from './lifecycle';
import { registerPullDiagnostics } from './pull';
import { registerServerRequests } from './server-requests';

/** The request families, each `(ctx) => void` registering its handlers on ctx.connection. */
export const HANDLER_FAMILIES: readonly ((ctx: ServerContext) => void)[] = [
  registerLifecycle,
  registerCustomRequests,
  registerCodeActions,
  registerDocuments,
  registerLanguageFeatures,
  registerPullDiagnostics,
  registerServerRequests,
];

/** Registers every family's handlers, then starts listening for the documents' notifications. */
export function registerHandlers(ctx: ServerContext): void {
  for (const register of HANDLER_FAMILIES) register(ctx);
  ctx.documents.listen(ctx.connection);
}
