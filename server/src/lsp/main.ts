// Entry point of the language server: `cyberdossier-language-server --stdio` for any LSP editor,
// `--node-ipc` when VS Code starts it. The transport comes from the command line.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { DossierServer } from './server';

const connection = createConnection(ProposedFeatures.all);
process.on('uncaughtException', (e) => connection.console.error(`[cyberdossier] uncaught: ${e?.stack ?? e}`));
process.on('unhandledRejection', (e) => connection.console.error(`[cyberdossier] unhandled rejection: ${(e as Error)?.stack ?? e}`));
new DossierServer(connection);
connection.listen();
