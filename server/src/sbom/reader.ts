// The engine's SBOM reader port (engine/sbom-reader.ts) implemented by this folder: the adapters
// (the CLI's and the language server's composition roots) hand `sbomReader` to every Engine they
// build (EngineOptions.sbom), so the engine's rules read SBOMs without importing sbom/.

import type { SbomReader } from '../engine';
import { unionComponents } from './collect';
import { compareOtsTable } from './compare';
import { loadConfiguredSbom } from './load';

export const sbomReader: SbomReader = { loadConfigured: loadConfiguredSbom, compareOtsTable, unionComponents };
