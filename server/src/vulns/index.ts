// The public surface of the vulnerability matcher for the adapters (cli, lsp): drafting the
// assessment. The rules reach the matcher through engine/rules/vulns.
export { draftAssessment, type DraftResult } from './draft';
export { forgetFeeds } from './store';
