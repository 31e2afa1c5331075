// Steps 2 and 3 of the migration: headings (rename, new parents, re-nesting in place) and moves
// (a section with its whole subtree cut and inserted under its new parent), from the "Differences
// from nmpa-2017" tables (requirements-nmpa-2022.md §13).
//
// The plan is a function of the current text, so it is idempotent: every heading gets a *role*
// — its 2022 requirement where the 2022 catalogue already finds it in place, else the 2022
// requirement (or the new 2022 parent) its 2017 requirement maps to, else (for the sections that
// must move) the 2022 requirement found misplaced there — and the roles define a target tree:
// each heading under the node of its role's parent requirement (created as a skeleton heading
// when absent), headings without a role under their own parent. The target tree is written out
// depth-first, children in document order; the largest set of sections whose order the target
// keeps (a weighted longest increasing subsequence, preferring to keep sections whose parent does
// not change) stays in place, every other subtree is a move. The headings step "pins" the
// sections that would move to their current parent, so it never moves text; the moves step then
// moves them, each as a separate, explicit edit pair (delete + insert of the text, verbatim but
// for its heading lines).
//
// Heading lines are edited in named spans only: the `#` run (deepened by inserting `#`s after
// it, made shallower by deleting its last ones), the decimal number, the title after the number.
//
// Numbering (decimal numbers only; other styles are never touched):
// 1. A heading keeps its number unless its position changed: it is re-parented (wrapped under a
//    new parent, or moved) or its parent's number changed.
// 2. A heading whose position changed gets, under a parent numbered `p`: `p.k` where k is the
//    2022 catalogue position among the siblings that are always required or present ("1.3" for
//    网络安全能力 under "1 基本信息"), when the parent's children were numbered that way (by the
//    2017 or 2022 catalogue) or the parent is new; else its old number with the parent's old
//    number replaced ("3.2.1" → "2.3.2.1"); else its position among the numbered siblings.
// 3. A new heading is numbered the same way when its parent or siblings are numbered, else not.
//    An unnumbered heading never gets a number.

import { headingParts } from './heading-line';
import { assignDepths, collectMoves, finalLayout, settleTree } from './ordering';
import { Numbering } from './renumber';
import { assignRoles, documentLanguage } from './roles';
import { writeStructureEdits } from './structure-edits';
import type { StructureInput, StructurePlan } from './structure-types';

export type { Move, StructureInput, StructurePlan } from './structure-types';

/**
 * The structure plan of `input` for one step: `headings` (in-place edits only; sections that
 * would move are pinned) or `moves` (each move its own edit pair). The stages: roles
 * (roles.ts) → target tree (target-tree.ts) → what stays and what moves, final order, depths
 * (ordering.ts) → numbers (renumber.ts) → edits (structure-edits.ts).
 */
export function planStructure(input: StructureInput, mode: 'headings' | 'moves'): StructurePlan {
  const { model, kind22 } = input;
  const H = model.headings;
  const plan: StructurePlan = { edits: [], moves: [], problems: [], created: [] };
  if (!H.length) return plan;

  const roles = assignRoles(input);
  const lang = input.lang ?? documentLanguage(input, roles);
  const title22 = (slot: string) => {
    const r = kind22.requirements.find((x) => x.id === slot);
    return r ? r.title[lang] : slot;
  };
  const { tree, moved } = settleTree({ headings: H, roles, kind22 }, mode);
  const moves = collectMoves(tree.nodes, moved, H.length);
  const layout = finalLayout(kind22, tree.nodes, moves.moveRoots);
  assignDepths(H, tree.nodes, layout.finalOrder, plan.problems);
  const parts = H.map((h) => headingParts(model.lines.lineText(h.line)));
  const numbering = new Numbering({ headings: H, parts, roles, kind17: input.kind17, kind22, tree, ...layout, movedAll: moves.movedAll, mode });
  writeStructureEdits({ model, roles, parts, tree, layout, moves, numbering, title22 }, plan);
  if (mode === 'headings' && plan.moves.length) {
    // Could not be done in place even with every re-parented section pinned (a section of no
    // requirement in the way): the in-place edits assume these moves, so they belong together.
    for (const m of plan.moves) plan.edits.push(...m.edits);
    plan.moves = [];
  }
  return plan;
}
