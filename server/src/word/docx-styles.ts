// The paragraph styles of a .docx (word/styles.xml) as the import reads them: which style makes a
// heading of which level (by name along basedOn — Heading N, 标题 N —, else the outline level),
// which a table of contents; and the style ids the import and our own export agree on.

import { attr, parseXml, wChild, wChildren, wVal } from './xml';

export const HEADING_STYLE = 'CDImpH';
export const DROP_STYLE = 'CDImpDrop';
/** Style ids our export gives its cover title and table-of-contents title. */
export const EXPORT_COVER_STYLE = 'CDCoverTitle';
export const EXPORT_TOC_TITLE_STYLE = 'CDTocTitle';

// ---- styles ------------------------------------------------------------------------------------

export interface StyleInfo {
  id: string;
  name?: string;
  type?: string;
  basedOn?: string;
  outlineLvl?: number;
  numId?: string;
  ilvl?: number;
}

export interface Styles {
  byId: Map<string, StyleInfo>;
  defaultParagraph?: string;
}

export function readStyles(xml: string | undefined): Styles {
  const styles: Styles = { byId: new Map() };
  const root = xml ? parseXml(xml).root : undefined;
  if (!root) return styles;
  for (const s of wChildren(root, 'style')) {
    const id = attr(s, 'styleId');
    if (!id) continue;
    const pPr = wChild(s, 'pPr');
    const numPr = wChild(pPr, 'numPr');
    const ol = wVal(pPr, 'outlineLvl');
    const ilvl = wVal(numPr, 'ilvl');
    const info: StyleInfo = {
      id,
      name: wVal(s, 'name'),
      type: attr(s, 'type'),
      basedOn: wVal(s, 'basedOn'),
      outlineLvl: ol !== undefined && /^\d+$/.test(ol) ? Number(ol) : undefined,
      numId: wVal(numPr, 'numId'),
      ilvl: ilvl !== undefined && /^\d+$/.test(ilvl) ? Number(ilvl) : undefined,
    };
    styles.byId.set(id, info);
    if (info.type === 'paragraph' && /^(1|true|on)$/i.test(attr(s, 'default') ?? '')) styles.defaultParagraph = id;
  }
  return styles;
}

export function styleChain(styles: Styles, id: string | undefined): StyleInfo[] {
  const out: StyleInfo[] = [];
  const seen = new Set<string>();
  for (let s = id ? styles.byId.get(id) : undefined; s && !seen.has(s.id) && out.length < 20; s = s.basedOn ? styles.byId.get(s.basedOn) : undefined) {
    seen.add(s.id);
    out.push(s);
  }
  return out;
}

const HEADING_NAME = /^(?:heading|标题)\s*([1-9])$/i;
const TITLE_NAME = /^(?:title|标题)$/i;
const TOC_NAME = /^(?:toc|目录)\s*[1-9]$|^toc heading$|^目录标题$/i;

/** Heading level (1–9) a paragraph style gives, by name along basedOn, else by outline level. */
export function styleHeadingLevel(styles: Styles, id: string | undefined): number | undefined {
  for (const s of styleChain(styles, id)) {
    const m = HEADING_NAME.exec(s.name?.trim() ?? '');
    if (m) return Number(m[1]);
    if (s === styles.byId.get(id ?? '') && TITLE_NAME.test(s.name?.trim() ?? '')) return 1;
    if (s.outlineLvl !== undefined) return s.outlineLvl <= 8 ? s.outlineLvl + 1 : undefined;
  }
  return undefined;
}

export function isTocStyle(styles: Styles, id: string | undefined): boolean {
  if (!id) return false;
  if (/^TOC\d$|^TOCHeading$/i.test(id) || id === EXPORT_TOC_TITLE_STYLE || id === EXPORT_COVER_STYLE) return true;
  return styleChain(styles, id)
    .slice(0, 1)
    .some((s) => TOC_NAME.test(s.name?.trim() ?? ''));
}
