// Suppression comments (diagnostics.md): whether a finding at a line is silenced by a
// cyberdossier-disable* comment. Shared by finalize and by rules that merge findings (placeholders:
// a silenced placeholder is left out of its section's count).

import type { Finding } from './codes';
import type { Suppression } from './model';

function ruleMatches(rules: Suppression['rules'], code: string, req: string | undefined): boolean {
  if (!rules.length) return true;
  return rules.some((r) => r.code === code && (!r.requirement || r.requirement === req));
}

export function suppressed(f: Pick<Finding, 'code' | 'range'>, req: string | undefined, sups: Suppression[]): boolean {
  if (!sups.length) return false;
  const line = f.range.start.line;
  let all = false;
  const allExcept = new Set<string>();
  const codes = new Map<string, Set<string>>();
  for (const s of sups) {
    if (s.kind === 'file' && ruleMatches(s.rules, f.code, req)) return true;
    if (s.kind === 'next-line' && s.target === line && ruleMatches(s.rules, f.code, req)) return true;
  }
  // Regions: replay disable/enable comments before the finding's line.
  for (const s of sups) {
    if (s.line >= line) break;
    if (s.kind === 'disable') {
      if (!s.rules.length) {
        all = true;
        allExcept.clear();
      } else for (const r of s.rules) codes.set(r.code, (codes.get(r.code) ?? new Set()).add(r.requirement ?? '*'));
    } else if (s.kind === 'enable') {
      if (!s.rules.length) {
        all = false;
        codes.clear();
      } else
        for (const r of s.rules) {
          codes.delete(r.code);
          if (all) allExcept.add(r.code);
        }
    }
  }
  if (all && !allExcept.has(f.code)) return true;
  const c = codes.get(f.code);
  return !!c && (c.has('*') || (req !== undefined && c.has(req)));
}

