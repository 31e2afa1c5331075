// The pass over word/document.xml before mammoth reads it: a heading paragraph gets a synthetic
// style id (CDImpH1..6, mapped to h1..h6 by the import's style map) and its numbering as literal
// text; table-of-contents paragraphs and the cover title of our own export get a style the style
// map drops.

import { hasAncestor, inChoice, insertChild, isW, makeW, parseXml, removeChild, serializeXml, setAttr, walk, wChild, wVal, type XElement } from './xml';
import type { Numbering } from './docx-numbering';
import { DROP_STYLE, EXPORT_COVER_STYLE, HEADING_STYLE, isTocStyle, styleHeadingLevel, type Styles } from './docx-styles';

// ---- the pass over document.xml ----------------------------------------------------------------

export interface PreparedHeading {
  level: number;
  label?: string;
}

export interface Prepared {
  documentXml: string;
  headings: PreparedHeading[];
  /** Numbered body paragraphs whose number became text (not a Markdown ordered list). */
  numberedParagraphs: number;
  tocParagraphs: number;
  deepHeadings: number;
  /** Paragraphs our own export made (cover title) that were dropped. */
  exportCover: boolean;
  /** Word's number of each paragraph mammoth turns into an ordered-list item, in order. */
  listNumbers: number[];
}

function setParagraphStyle(p: XElement, styleId: string): void {
  let pPr = wChild(p, 'pPr');
  if (!pPr) insertChild(p, 0, (pPr = makeW(p, 'pPr')));
  let ps = wChild(pPr, 'pStyle');
  if (!ps) insertChild(pPr, 0, (ps = makeW(p, 'pStyle', { val: styleId })));
  else setAttr(ps, 'val', styleId);
}

/** Turns off numbering for the paragraph (numId 0 wins over the style's numbering). */
function clearNumbering(p: XElement): void {
  const pPr = wChild(p, 'pPr')!;
  const old = wChild(pPr, 'numPr');
  if (old) removeChild(pPr, old);
  const numPr = makeW(p, 'numPr', {}, [makeW(p, 'ilvl', { val: '0' }), makeW(p, 'numId', { val: '0' })]);
  const ps = wChild(pPr, 'pStyle');
  insertChild(pPr, ps ? pPr.children.indexOf(ps) + 1 : 0, numPr);
}

function prependText(p: XElement, text: string): void {
  const pPr = wChild(p, 'pPr');
  const t = makeW(p, 't', { 'xml:space': 'preserve' }, [{ type: 'text', value: text }]);
  insertChild(p, pPr ? p.children.indexOf(pPr) + 1 : 0, makeW(p, 'r', {}, [t]));
}

export function prepareDocument(documentXml: string, styles: Styles, numbering: Numbering): Prepared {
  const doc = parseXml(documentXml);
  const out: Prepared = { documentXml, headings: [], numberedParagraphs: 0, tocParagraphs: 0, deepHeadings: 0, exportCover: false, listNumbers: [] };
  if (!doc.root) return out;
  const paragraphs: XElement[] = [];
  for (const el of walk(doc.root)) if (isW(el, 'p') && !inChoice(el)) paragraphs.push(el);
  for (const p of paragraphs) {
    const pPr = wChild(p, 'pPr');
    const styleId = wVal(pPr, 'pStyle') ?? styles.defaultParagraph;
    if (isTocStyle(styles, styleId)) {
      if (styleId === EXPORT_COVER_STYLE) out.exportCover = true;
      else out.tocParagraphs++;
      setParagraphStyle(p, DROP_STYLE);
      continue;
    }
    const direct = wVal(pPr, 'outlineLvl');
    let level = direct !== undefined && /^\d$/.test(direct) ? (Number(direct) <= 8 ? Number(direct) + 1 : undefined) : styleHeadingLevel(styles, styleId);
    // Paragraphs inside tables and text boxes are never headings in Markdown.
    if (level && hasAncestor(p, (a) => isW(a, 'tbl') || isW(a, 'txbxContent') || isW(a, 'footnote') || isW(a, 'endnote'))) level = undefined;
    const num = numbering.resolve(pPr, styleId);
    const label = num ? numbering.next(num.numId, num.ilvl) : undefined;
    if (level) {
      if (level > 6) {
        out.deepHeadings++;
        level = 6;
      }
      setParagraphStyle(p, `${HEADING_STYLE}${level}`);
      let text: string | undefined;
      if (label && !label.bullet && label.label) {
        text = label.label;
        prependText(p, label.label + label.suffix);
      }
      if (num) clearNumbering(p);
      out.headings.push({ level, label: text });
      continue;
    }
    if (!label || label.bullet) continue;
    // mammoth lists a paragraph numbered directly or through a style-linked level; a plain
    // decimal level stays an ordered list, any other number becomes text.
    const listed = num!.direct || numbering.linkedToStyle(styleId);
    if (listed && label.simpleDecimal) {
      out.listNumbers.push(label.value);
      continue;
    }
    if (label.label) prependText(p, label.label + label.suffix);
    setParagraphStyle(p, wVal(pPr, 'pStyle') ?? styleId ?? 'Normal');
    clearNumbering(p);
    out.numberedParagraphs++;
  }
  out.documentXml = serializeXml(doc);
  return out;
}
