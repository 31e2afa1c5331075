// Stage 1 of the structure planner: each heading's *role* — the 2022 requirement it has or
// becomes, the 2022 parent it goes under, its 2017 requirement, a rename (headings.ts explains
// the roles). The other stages only read roles; they never match headings themselves.

import { matchDocument, requirementKeys, NMPA_ANSWERS, normalize, stripNumbering } from '../../engine';
// Both NMPA rule sets normalise titles alike (requirements.md §3a).
import { inKind } from './mapping';
import type { StructureInput } from './structure-types';

export interface Role {
  slot?: string;
  under?: string;
  rename?: string;
  id17?: string;
  id22?: string;
}

/** Each heading's role (see the file comment). */
export function assignRoles(input: StructureInput): Role[] {
  const { model, kind17, kind22, rows, aliases } = input;
  const m22 = matchDocument(kind22, [model], aliases, NMPA_ANSWERS);
  const m17 = kind17 ? matchDocument(kind17, [model], aliases, NMPA_ANSWERS) : undefined;
  const moveTargets = new Set(
    Object.values(rows)
      .map((r) => r.to)
      .filter((x): x is string => !!x)
      .map((id) => inKind(id, kind22)),
  );
  const misplacedAt = new Map<number, string>();
  for (const id of moveTargets) {
    const ref = m22.misplaced.get(id);
    if (ref && !m22.found.has(id) && !misplacedAt.has(ref.heading)) misplacedAt.set(ref.heading, id);
  }
  const taken = new Set<string>();
  // Sections the 2022 catalogue already finds in place keep their requirement first: a 2017
  // section mapped to the same one must not take it (else a second run would move them).
  for (const id of m22.byHeading.values()) taken.add(id);
  return model.headings.map((h, i) => {
    const id22 = m22.byHeading.get(`0:${i}`);
    const id17 = m17?.byHeading.get(`0:${i}`);
    const row = id17 ? rows[id17] : undefined;
    const role: Role = { id17, id22 };
    let slot = id22 ?? (row?.to ? inKind(row.to, kind22) : undefined);
    if (!slot && !row?.under) slot = misplacedAt.get(i);
    if (slot && (slot === id22 || !taken.has(slot))) {
      taken.add(slot);
      role.slot = slot;
    } else if (!slot && row?.under) role.under = inKind(row.under, kind22);
    if (row?.to && role.slot === inKind(row.to, kind22) && (row.rename || !id22)) {
      const target = kind22.requirements.find((r) => r.id === role.slot);
      if (target) {
        const current = normalize(stripNumbering(h.text));
        const en = /^[\x00-\x7f]*$/.test(stripNumbering(h.text));
        const want = en ? target.title.en : target.title.zh;
        // §13 "rename" rows; and a 2017-only title (a 2017 synonym 2022 does not know), which
        // 2022 would not recognise: the template step would insert the section a second time.
        const recognised = requirementKeys(target, aliases).has(current);
        if (row.rename ? current !== normalize(target.title.zh) && current !== normalize(target.title.en) : !recognised) role.rename = want;
      }
    }
    return role;
  });
}

export function documentLanguage(input: StructureInput, roles: Role[]): 'zh' | 'en' {
  let en = 0;
  let zh = 0;
  input.model.headings.forEach((h, i) => {
    if (!roles[i].id17 && !roles[i].id22) return;
    if (/^[\x00-\x7f]*$/.test(h.text)) en++;
    else zh++;
  });
  return en > zh ? 'en' : 'zh';
}
