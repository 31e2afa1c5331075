// The CLI's composition root of the engine: every subcommand builds its Engine here, on the Node
// file system and with the SBOM reader (issue 15 item 2: the engine reads SBOMs only through the
// port it is given, EngineOptions.sbom, and never imports sbom/ itself).

import { Engine, nodeHost, type EngineOptions } from '../engine';
import { sbomReader } from '../sbom';

/** An Engine over the Node file system with the SBOM reader; `options` as EngineOptions. */
export function cliEngine(options: Omit<EngineOptions, 'host' | 'sbom'> = {}): Engine {
  return new Engine({ host: nodeHost, sbom: sbomReader, ...options });
}
