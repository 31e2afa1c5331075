// The layout of an exported .docx: A4 page and margins, fonts (宋体 body, 黑体 headings, with
// their east-Asian attributes), heading sizes, table cell spacing, the ordered-list numbering,
// the default styles — or a reference styles.xml cleaned for use with our numbering.

import * as d from 'docx';
import { EXPORT_COVER_STYLE, EXPORT_TOC_TITLE_STYLE, readStyles } from './docx-xml';
import { isW, parseXml, removeChild, serializeXml, walk } from './xml';

// A4 in twips; margins 2.54 cm top/bottom, 3.17 cm left/right (the usual Chinese document layout).
export const PAGE = { width: 11906, height: 16838, top: 1440, bottom: 1440, left: 1800, right: 1800 };
export const CONTENT_TWIPS = PAGE.width - PAGE.left - PAGE.right;
/** Content width in pixels at 96 dpi (images are sized in pixels). */
export const CONTENT_PX = Math.floor((CONTENT_TWIPS / 1440) * 96);
export const MAX_IMAGE_PX_HEIGHT = 800;
/** Table cells: single spacing, no space after (the body's 1.5 lines make rows too tall). */
export const CELL_SPACING = { line: 260, lineRule: d.LineRuleType.AUTO, before: 40, after: 40 };

export const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体', cs: 'Times New Roman' };
export const HEADING_FONT = { ascii: 'Arial', hAnsi: 'Arial', eastAsia: '黑体', cs: 'Arial' };
export const CODE_FONT = { ascii: 'Consolas', hAnsi: 'Consolas', eastAsia: '宋体', cs: 'Consolas' };
/** Heading sizes in half-points: 三号, 小三, 四号, 小四, 小四, 小四. */
export const HEADING_SIZES = [32, 30, 28, 24, 24, 24];

// ---- reference styles --------------------------------------------------------------------------

/**
 * A reference styles.xml, cleaned for use with our numbering: numbering links in styles are
 * removed (the reference's numbering.xml is not copied, and its ids would clash with ours;
 * heading numbers are literal text anyway). Also returns the ids of its heading styles.
 */
export function prepareReferenceStyles(xml: string): { xml: string; headingIds: string[] } {
  const doc = parseXml(xml);
  if (doc.root) {
    for (const el of [...walk(doc.root)]) {
      if (isW(el, 'numPr') && el.parent && isW(el.parent, 'pPr')) removeChild(el.parent, el);
    }
  }
  const styles = readStyles(xml);
  const headingIds = [1, 2, 3, 4, 5, 6].map((n) => {
    for (const s of styles.byId.values()) if (s.type === 'paragraph' && new RegExp(`^(?:heading|标题)\\s*${n}$`, 'i').test(s.name?.trim() ?? '')) return s.id;
    return `Heading${n}`;
  });
  return { xml: serializeXml(doc), headingIds };
}

// ---- default styles ----------------------------------------------------------------------------

function headingStyle(level: number): d.IParagraphStyleOptions {
  return {
    id: `Heading${level}`,
    name: `Heading ${level}`,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { font: HEADING_FONT, size: HEADING_SIZES[level - 1], bold: true, color: '000000' },
    paragraph: { spacing: { before: level <= 2 ? 240 : 120, after: 120 }, keepNext: true, keepLines: true, outlineLevel: level - 1 },
  };
}

/** Word's decimal numbering of ordered lists, nine levels (the export's only numbering). */
export const ORDERED_LIST = {
  reference: 'cd-ordered',
  levels: Array.from({ length: 9 }, (_, level) => ({
    level,
    format: d.LevelFormat.DECIMAL,
    text: `%${level + 1}.`,
    alignment: d.AlignmentType.START,
    style: { paragraph: { indent: { left: 420 * (level + 1), hanging: 420 } } },
  })),
};

/** The styles of a document without a reference styles.xml: body, headings 1–6, cover and TOC titles, TOC levels. */
export function defaultStyles(): d.IStylesOptions {
  const paragraphStyles: d.IParagraphStyleOptions[] = [
    { id: EXPORT_COVER_STYLE, name: 'CyberDossier Cover Title', basedOn: 'Normal', run: { font: HEADING_FONT, size: 44, bold: true }, paragraph: { alignment: d.AlignmentType.CENTER } },
    { id: EXPORT_TOC_TITLE_STYLE, name: 'CyberDossier TOC Title', basedOn: 'Normal', run: { font: HEADING_FONT, size: 32, bold: true }, paragraph: { alignment: d.AlignmentType.CENTER } },
    ...[1, 2, 3].map((n) => ({ id: `TOC${n}`, name: `toc ${n}`, basedOn: 'Normal', next: 'Normal', paragraph: { indent: { left: 420 * (n - 1) }, spacing: { after: 60 } } })),
  ];
  return {
    default: {
      document: { run: { font: BODY_FONT, size: 24, language: { value: 'en-US', eastAsia: 'zh-CN' } }, paragraph: { spacing: { line: 360, lineRule: d.LineRuleType.AUTO, after: 120 } } },
      heading1: headingStyle(1),
      heading2: headingStyle(2),
      heading3: headingStyle(3),
      heading4: headingStyle(4),
      heading5: headingStyle(5),
      heading6: headingStyle(6),
    },
    paragraphStyles,
  };
}
