// Placeholder until `cyberdossier report` lands.
import type { CliIO, Subcommand } from './main';

export const report: Subcommand = {
  async run(_argv: string[], io: CliIO) {
    io.stderr('cyberdossier: report is not available yet\n');
    return 2;
  },
};
