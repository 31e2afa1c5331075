// The engine's public surface: the adapters (cli, lsp, report, word), the bench and other front
// ends import the engine only from here (test/architecture/architecture.test.ts enforces it for the adapters).
export { Engine, type EngineOptions, finalize, type Diagnostic, type FileReport, type CheckRequest, type CheckResult, faultsFromEnv, type InternalFailure } from './engine';
export { nodeHost, overlayHost, type Host, readRegularFile } from './host';
export { buildModel, ChunkCache, sharedChunkCache } from './model';
export { parseMarkdown, analyzeChunk } from './parse';
export { RULESETS, getRuleSet, kindOf, DEFAULT_RULESET } from './rulesets';
export { CROSSWALKS, findCrosswalk, type Crosswalk } from './rulesets/crosswalk';
export { findRc, isInside, DOSSIER_YAML, comparePaths, walkMarkdown } from './workspace';
export { packageVersion, docsUrl } from './docs';
export { type ConfigInput } from './config';
export { type Locale, LOCALES, isLocale, localize } from './locale';
export { CODES, ALL_CODES } from './codes';
export { LineIndex, normalize, titleKey } from './text';
export { skeleton } from './skeleton';
export { type DossierState } from './rules/context';
// Issue 15 item 2: the read-only view of the engine's state the adapters get (Engine.snapshotOf).
export { type DeepReadonly, type DossierSnapshot, type FileSnapshot, type StateSnapshot } from './snapshot';
export { type Localized, type DocumentKind, type RuleSet } from './rulesets/types';
export { requirementKeys } from './match';
export { CONFIGURED_FILE_LIMITS, readConfiguredBytes, resolveConfiguredPath, type PathScope } from './configured-file';
export { sourceDateEpoch } from './support';
// Issue 17 (bench): the vulnerability data store and matcher.
export { loadFeed, clearFeedMemory } from '../vulns/store';
export { matchComponents } from '../vulns/match';
export { dossierComponents } from './components';
// Issue 18 item 2: one count everywhere.
export { totalsOf, totalsFor, countSeverities, addSeverity, addTotals, emptyTotals, highestSeverity, type Totals, type FileTotals, type SeverityTotals, type CountedReport } from './totals';
// Issue 15 item 2: what the editor features (server/src/features) read of the engine.
export { type FindingData } from './codes';
export { type DocGroup, type FileState, describeFacts } from './rules/context';
export { evaluate, getFact, type ConditionContext, mergeFacts, type Facts } from './facts/facts';
export { parentId, refKey, type Answer, type HeadingRef, isAnswered, emptyMatch, matchDocument } from './match';
export { headingNotApplicable, notApplicableOf, documentLanguage, type Insertion } from './rules/structure';
export { answerSection, sectionHasBody } from './rules/section';
export { isPlaceholderText, NMPA_ANSWERS } from './rulesets/common';
export { type Requirement, type Condition, type JsonSchema, type Severity, type SubmissionCase } from './rulesets/types';
export { descendants, subtreeHasBody, type DocModel, type Heading } from './model';
export { type Range, type Position, stripNumbering } from './text';
export { missingSeverityOf } from './severity';
export { type IdKind } from './config';
export { capabilityAnswers, type CapabilityAnswer } from './rules/capability-answers';
export { findRequirement, allRequirementIds } from './rulesets';
export { type FactValue, resolveRef, schemaAt, canonicalEnum } from './facts/schema';
export { dataOf, findingData, tableLinesOf, type CapabilityData, type CapabilityInsert } from './code-descriptors';
export { type IdOccurrence } from './ids';
export { traceabilityTables } from './rules/content';
export { cellText, columnMap, isFullVersion } from './tables';
// Issue 15 item 2: the SBOM reader port, implemented by sbom/ (sbomReader) and injected by the
// adapters as EngineOptions.sbom; the engine itself never imports sbom/.
export {
  componentLabel,
  type SbomReader,
  type SbomLoadResult,
  type SbomFailure,
  type SbomComponent,
  type Category,
  type CategoryId,
  type ComponentFlag,
  type OtsMismatch,
  type CompareOptions,
} from './sbom-reader';
export { rowsFromTable, type OtsRow, type OtsTableRow } from './ots-rows';
export { childNumbering, numberingOf, shiftNumbering } from './numbering';
export { findDossierRoots } from './workspace';
export { loadYaml, type YEntry, type YNode, type YamlResult } from './facts/yaml';
