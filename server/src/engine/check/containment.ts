// Fault containment of the rule families: a family that throws loses what it added in that
// pass (no half-finished result is shown), the failure is reported once, every other family
// still runs. Which findings lists a family may add to is said per call, so nothing is left
// pointing at a previous family's targets.

import type { Finding } from '../codes';
import type { CheckOptions } from './types';

export class Containment {
  constructor(private readonly options: Pick<CheckOptions, 'faults' | 'onInternalError'>) {}

  /** Runs one rule family that adds to `targets`; a throw is reported and contained. */
  run(rule: string, where: string, targets: readonly { findings: Finding[] }[], fn: () => void): void {
    const before = targets.map((t) => t.findings.length);
    try {
      if (this.options.faults?.includes(rule)) throw new Error(`injected fault in ${rule}`);
      fn();
    } catch (e) {
      // Drop what the failed pass had already added, so no half-finished result is shown.
      targets.forEach((t, i) => (t.findings.length = before[i]));
      const err = e instanceof Error ? e : new Error(String(e));
      this.options.onInternalError?.({ rule, path: where, message: err.message, stack: err.stack });
    }
  }
}
