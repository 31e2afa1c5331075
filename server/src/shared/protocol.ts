// Custom requests between the VS Code client and the server (also usable by other editors).
// Names are public: add, never rename.

export const CheckWorkspaceRequest = 'cyberdossier/checkWorkspace';
export interface CheckWorkspaceResult {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
}

export const StatusRequest = 'cyberdossier/status';
export interface StatusParams {
  uri: string;
}

export const SkeletonRequest = 'cyberdossier/skeleton';
export interface SkeletonParams {
  kind: string;
  lang: 'zh' | 'en';
  ruleset?: string;
}
export interface SkeletonResult {
  text: string;
  fileName: string;
}

export const KindsRequest = 'cyberdossier/kinds';
export interface KindInfo {
  ruleset: string;
  id: string;
  name: { zh: string; en: string };
}

/** initializationOptions the VS Code client sends. */
export interface InitializationOptions {
  locale?: string;
  /** The client implements `cyberdossier.selectRange` (cursor on the first placeholder). */
  selectRangeCommand?: boolean;
}

/** Sent after diagnostics of a document version were published: `complete` false for the quick
 * structural answer that precedes the full check of a large document. */
export const CheckedNotification = 'cyberdossier/checked';
export interface CheckedParams {
  uri: string;
  version: number;
  complete: boolean;
}
