// The input and output of the structure planner (headings.ts), shared by its stages.

import type { DocModel, DocumentKind } from '../../engine';
import type { OffsetEdit } from './edits';
import type { Row } from './mapping';

export interface StructureInput {
  model: DocModel;
  /** The 2017 kind whose headings the file may carry (undefined: 2022 roles only). */
  kind17?: DocumentKind;
  kind22: DocumentKind;
  /** 2017 requirement → where it goes (R/U/M IDs as in mapping.ts). */
  rows: Record<string, Row>;
  aliases: Record<string, string[]>;
  /** Title language of new headings ('zh' unless the document uses English titles). */
  lang?: 'zh' | 'en';
}

export interface Move {
  /** Heading index (in the input model) of the moved subtree's root. */
  heading: number;
  /** Its heading text, and the text of the heading it is moved under ('' for the top level). */
  title: string;
  parentTitle: string;
  /** The 2022 requirement it becomes, when it has one. */
  requirement?: string;
  /** Delete and insert edits of this move (offsets in the input text). */
  edits: OffsetEdit[];
}

export interface StructurePlan {
  /** In-place edits: heading lines and new skeleton headings. */
  edits: OffsetEdit[];
  moves: Move[];
  /** Things the plan could not do (setext headings that change level, nesting deeper than 6). */
  problems: { line: number; reason: 'setext' | 'too-deep' | 'title-markup'; title: string }[];
  /** The new headings inserted (for messages). */
  created: { requirement: string; title: string }[];
}
