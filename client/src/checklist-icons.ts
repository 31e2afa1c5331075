// Which icon a checklist row gets (issue 18 item 7): a required gap, a recommended one, a section
// answered 不适用, and a document that is not part of this submission each look different — a red
// ✗ only where the submission is incomplete. Pure (no `vscode`): the view wraps these in
// ThemeIcon / ThemeColor, and vitest checks they stay distinct.

import type { ChecklistDocument, ChecklistItem } from '../../server/src/features/checklist';

export interface IconSpec {
  /** Codicon id. */
  icon: string;
  /** Theme colour id. */
  color: string;
  /** What the icon says, for tests and the tooltip's first line. */
  meaning: 'present' | 'required-missing' | 'recommended-missing' | 'empty' | 'not-applicable' | 'not-required' | 'not-in-submission' | 'document-missing' | 'unchecked' | 'incomplete';
}

export function requirementIcon(r: Pick<ChecklistItem, 'status' | 'required' | 'recommended'>): IconSpec {
  switch (r.status) {
    case 'present':
      return { icon: 'pass', color: 'testing.iconPassed', meaning: 'present' };
    case 'not-applicable':
      return { icon: 'circle-slash', color: 'descriptionForeground', meaning: 'not-applicable' };
    case 'missing':
      return r.required
        ? { icon: 'error', color: 'list.errorForeground', meaning: 'required-missing' }
        : { icon: 'lightbulb', color: 'editorLightBulb.foreground', meaning: 'recommended-missing' };
    case 'empty':
      return r.required || !r.recommended
        ? { icon: 'circle-large-outline', color: 'list.warningForeground', meaning: 'empty' }
        : { icon: 'lightbulb', color: 'editorLightBulb.foreground', meaning: 'recommended-missing' };
    case 'not-required':
      return { icon: 'dash', color: 'disabledForeground', meaning: 'not-required' };
  }
}

export function documentIcon(d: Pick<ChecklistDocument, 'status' | 'counts'>): IconSpec {
  switch (d.status) {
    case 'missing':
      return { icon: 'error', color: 'list.errorForeground', meaning: 'document-missing' };
    case 'rejected':
      return { icon: 'exclude', color: 'list.warningForeground', meaning: 'not-in-submission' };
    case 'unchecked':
      return { icon: 'warning', color: 'list.warningForeground', meaning: 'unchecked' };
    case 'not-required':
      return { icon: 'dash', color: 'disabledForeground', meaning: 'not-required' };
    default:
      return d.counts.present >= d.counts.required
        ? { icon: 'pass', color: 'testing.iconPassed', meaning: 'present' }
        : { icon: 'file', color: 'foreground', meaning: 'incomplete' };
  }
}
