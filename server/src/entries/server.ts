// Composition root of the language server bundle (server/out/server.js):
// `cyberdossier-language-server --stdio` for any LSP editor, `--node-ipc` when VS Code starts it.
// The transport comes from the command line. It only wires the connection to the server
// (lsp/server.ts) and starts listening.
import * as v8 from 'node:v8';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { DossierServer } from '../lsp/server';

// A long-lived editor process: let the old generation grow by half its live size between major
// collections instead of V8's default (up to 4×). Live heap is ~50 MB on a 500 KB dossier; this
// keeps RSS near 100–160 MB rather than 250–300 MB at the same edit latency (bench/NOTES.md,
// bench/soak.mjs). Set at run time so that a V8 without the flag ignores it rather than refusing
// to start.
v8.setFlagsFromString('--heap-growing-percent=50');

const connection = createConnection(ProposedFeatures.all);
process.on('uncaughtException', (e) => connection.console.error(`[cyberdossier] uncaught: ${e?.stack ?? e}`));
process.on('unhandledRejection', (e) => connection.console.error(`[cyberdossier] unhandled rejection: ${(e as Error)?.stack ?? e}`));
new DossierServer(connection);
connection.listen();
