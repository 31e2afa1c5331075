// The engine as a library (bench, tests, other front ends).
export { Engine, finalize, type Diagnostic, type FileReport, type CheckRequest, type CheckResult } from './engine';
export { nodeHost, overlayHost, type Host } from './host';
export { buildModel, ChunkCache, sharedChunkCache } from './model';
export { parseMarkdown } from './parse';
export { RULESETS, getRuleSet } from './rulesets';
export { analyzeChunk } from './parse';
// Issue 17 (bench): the vulnerability data store and matcher.
export { loadFeed, clearFeedMemory } from '../vulns/store';
export { matchComponents } from '../vulns/match';
