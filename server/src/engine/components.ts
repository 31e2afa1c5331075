// The software components of a checked dossier as the known-vulnerability rule matches them:
// its configured SBOMs (read through the engine's SBOM reader port, EngineOptions.sbom), else
// its OTS table's rows. The drafted assessment (vulns/draft.ts) reads them here, so it matches
// exactly what the rule matched, without the engine's mutable state or the SBOM reader.

import { readerOf } from './check/families';
import type { Engine } from './engine';
import { componentsOf } from './rules/vulns';
import type { Component } from '../vulns/match';

/** The components of the dossier holding `file` (checked before); undefined before a check, or when none is known or a configured SBOM cannot be used. */
export function dossierComponents(engine: Engine, file: string): { list: Component[]; source: 'sbom' | 'ots-table' } | undefined {
  const s = engine.stateOf(file);
  if (!s) return undefined;
  const config = s.file?.config ?? engine.configFor(file).config;
  const scopeFile = s.state.yamlPath ?? file;
  const reader = readerOf(engine.options);
  return componentsOf(s.state, config, (c) => c.sbom.map((x) => reader.loadConfigured(x.value, engine.host, engine.pathScope(c, scopeFile))));
}
