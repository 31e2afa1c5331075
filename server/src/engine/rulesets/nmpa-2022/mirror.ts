// O = R and Q = F with the letter changed (requirements-nmpa-2022.md §7): same titles, synonyms,
// conditions, level scaling and content checks; the clause gains 六（三）1（2）. Generated, never
// copied, so the mirrors cannot drift.

import type { MentionCheck, Requirement } from '../types';

export const OTS_CLAUSE = '六（三）1（2）';

function swapId(id: string, from: string, to: string): string {
  return id.startsWith(from) ? to + id.slice(from.length) : id;
}

/**
 * Deep copy in which requirement IDs named by table conditions (tableHasRows / tableListsNone)
 * move to the mirror kind. A list that already names the mirror ID is dossier-wide (R1.5, F1.5,
 * O1.5, Q1.5) and stays as it is.
 */
function mirrorValue<T>(v: T, from: string, to: string): T {
  if (Array.isArray(v)) return v.map((x) => mirrorValue(x, from, to)) as T;
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      if ((k === 'tableHasRows' || k === 'tableListsNone') && Array.isArray(x)) {
        const ids = x as string[];
        out[k] = ids.map((id) => (ids.includes(swapId(id, from, to)) ? id : swapId(id, from, to)));
      } else out[k] = mirrorValue(x, from, to);
    }
    return out as T;
  }
  return v;
}

export function mirrorRequirements(reqs: Requirement[], from: string, to: string): Requirement[] {
  return reqs.map((r) => ({
    ...mirrorValue(r, from, to),
    id: swapId(r.id, from, to),
    clause: `${r.clause}, ${OTS_CLAUSE}`,
  }));
}

export function mirrorMentions(mentions: MentionCheck[], from: string, to: string): MentionCheck[] {
  return mentions.map((m) => ({
    ...mirrorValue(m, from, to),
    anchors: m.anchors.map((a) => swapId(a, from, to)),
    ...(m.requirement ? { requirement: swapId(m.requirement, from, to) } : {}),
  }));
}
