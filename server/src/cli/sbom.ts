// Placeholder until `cyberdossier sbom` lands.
import type { CliIO, Subcommand } from './main';

export const sbom: Subcommand = {
  async run(_argv: string[], io: CliIO) {
    io.stderr('cyberdossier: sbom is not available yet\n');
    return 2;
  },
};
