// OTS lists from SBOMs (issue 6 part 4): CycloneDX 1.4–1.6 / SPDX 2.3 JSON → normalised
// components → the dossier's 现成软件 and 网络安全补丁 tables, and the comparison of a dossier's
// table with the SBOM. No vscode, no language server: the CLI, the server and the engine use it.

export * from './types';
export { parseSbom, MAX_SBOM_BYTES, type ParseOptions } from './parse';
export { loadSbom, loadConfiguredSbom, clearSbomCache, type LoadOptions, type LoadResult } from './load';
export {
  renderOtsTable,
  renderPatchTable,
  escapeCell,
  tableOrder,
  flaggedEntries,
  importNotes,
  importResult,
  summaryLine,
  insertionText,
  type SbomTable,
  type SbomImportResult,
  type FlaggedEntry,
} from './render';
export { compareOtsTable, rowsFromTable, normalizeVersion, sameVersion, sameVendor, type OtsRow, type OtsTableRow, type OtsMismatch, type CompareOptions } from './compare';
export { PROPERTY as SBOM_PROPERTIES, CYCLONEDX_VERSIONS } from './cyclonedx';
export { categoryOf } from './vocab';
export { unionComponents } from './collect';
// Issue 15 item 2: the implementation of the engine's SBOM reader port, for EngineOptions.sbom.
export { sbomReader } from './reader';
