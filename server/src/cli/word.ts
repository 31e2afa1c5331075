// Placeholder until `cyberdossier import` lands.
import type { CliIO, Subcommand } from './main';

export const importCommand: Subcommand = {
  async run(_argv: string[], io: CliIO) {
    io.stderr('cyberdossier: import is not available yet\n');
    return 2;
  },
};
export const exportCommand: Subcommand = {
  async run(_argv: string[], io: CliIO) {
    io.stderr('cyberdossier: export is not available yet\n');
    return 2;
  },
};
