// The `cyberdossier` command: dispatches to the subcommand. `check` is the default and
// loads with the CLI; the others load on first use, the Word commands from their own bundle.

import * as engineModule from '../engine';
import * as sbomModule from '../sbom';
import { loadBundle } from '../shared/lazy';
import { runCheck } from './check';
import type { CliIO, Subcommand } from './io';

export type { CliIO, Subcommand } from './io';

type WordBundle = typeof import('../word/bundle');
/** The Word bundle, given this CLI's engine (it carries none of its own: ../shared/lazy.ts). */
const word = () => loadBundle<WordBundle>('word', { engine: engineModule, sbom: sbomModule });

const SUBCOMMANDS: Record<string, () => Promise<Subcommand>> = {
  report: async () => (await import('./report')).report,
  import: async () => word().importCommand,
  export: async () => word().exportCommand,
  sbom: async () => (await import('./sbom')).sbom,
  vulns: async () => (await import('./vulns')).vulns,
};

export async function run(argv: string[], io: CliIO): Promise<number> {
  const sub = SUBCOMMANDS[argv[0] ?? ''];
  if (!sub) return runCheck(argv, io);
  try {
    return await (await sub()).run(argv.slice(1), io);
  } catch (e) {
    io.stderr(`cyberdossier: internal error: ${(e as Error)?.message ?? String(e)}\n`);
    return 2;
  }
}
