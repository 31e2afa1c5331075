// Entry of server/out/word.js: everything of the Word import and export, loaded on demand by the
// CLI (import / export commands) and the language server (see ../shared/lazy.ts).
export { importCommand, exportCommand } from '../cli/word';
export { exportToFile, importToFiles } from './files';
export { WordError } from './types';
