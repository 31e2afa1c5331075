// Dossier Markdown → .docx with the `docx` library. Markdown is parsed with the engine's full
// remark processor (remark-parse + remark-frontmatter + remark-gfm). Output: an optional cover
// (title and a table of the product facts), a table-of-contents field, then each document in its
// own section (so each starts on a new page): Word heading styles (the TOC and navigation work),
// paragraphs with bold/italic/code, lists, GFM tables with a bold header row and borders,
// images, footnotes. A4, 宋体 body and 黑体 headings (east-Asian font attributes set), unless a
// reference styles.xml replaces the styles. Heading numbering stays the literal text the author
// wrote; automatic numbering is never added.
//
// Its parts: export-layout.ts (page, fonts, styles), export-images.ts, export-converter.ts
// (Markdown → docx blocks); here the cover, the table of contents and the sections.

import * as d from 'docx';
import JSZip from 'jszip';
import { EXPORT_COVER_STYLE, EXPORT_TOC_TITLE_STYLE } from './docx-xml';
import { Converter, type Block } from './export-converter';
import { CELL_SPACING, CONTENT_TWIPS, defaultStyles, HEADING_FONT, ORDERED_LIST, PAGE, prepareReferenceStyles } from './export-layout';
import type { ExportDocument, ExportOptions, ExportResult } from './types';

export { BODY_FONT, HEADING_FONT, prepareReferenceStyles } from './export-layout';
export { imageInfo } from './export-images';

/**
 * Word marks its TOC content control as a table of contents (docPartGallery); without the mark
 * LibreOffice shows the field instruction as text. The library does not write it: add it.
 */
async function markTableOfContents(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const file = zip.file('word/document.xml');
  if (!file) return bytes;
  const xml = await file.async('string');
  const marked = xml.replace(
    /<w:sdtPr><w:alias w:val="目录"\/><\/w:sdtPr>/,
    '<w:sdtPr><w:alias w:val="目录"/><w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/></w:docPartObj></w:sdtPr>',
  );
  if (marked === xml) return bytes;
  zip.file('word/document.xml', marked);
  return new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
}

/** A4 with the margins of export-layout.ts (a fresh object per export: the library reads it per section). */
const pageProperties = () => ({
  page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right } },
});

/** The footer of every section: the page number, centred. */
const footer = () => ({
  default: new d.Footer({ children: [new d.Paragraph({ alignment: d.AlignmentType.CENTER, children: [new d.TextRun({ children: [d.PageNumber.CURRENT] })] })] }),
});

/** The front section: the cover (the title, a table of the product facts) and the table of contents, each optional. */
function frontBlocks(opts: ExportOptions, conv: Converter): Block[] {
  const front: Block[] = [];
  if (opts.cover?.length) {
    front.push(
      new d.Paragraph({
        style: EXPORT_COVER_STYLE,
        alignment: d.AlignmentType.CENTER,
        spacing: { before: 2400, after: 960 },
        children: [new d.TextRun({ text: opts.title ?? '', bold: true, size: 44, font: HEADING_FONT })],
      }),
    );
    const border = { style: d.BorderStyle.SINGLE, size: 4, color: '000000' };
    const labelTwips = 2400;
    front.push(
      new d.Table({
        width: { size: CONTENT_TWIPS, type: d.WidthType.DXA },
        columnWidths: [labelTwips, CONTENT_TWIPS - labelTwips],
        layout: d.TableLayoutType.FIXED,
        borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
        rows: opts.cover.map(
          (row) =>
            new d.TableRow({
              children: [
                new d.TableCell({ width: { size: labelTwips, type: d.WidthType.DXA }, shading: { type: d.ShadingType.CLEAR, color: 'auto', fill: 'F2F2F2' }, children: [new d.Paragraph({ spacing: CELL_SPACING, children: [new d.TextRun({ text: row.label })] })] }),
                new d.TableCell({ width: { size: CONTENT_TWIPS - labelTwips, type: d.WidthType.DXA }, children: [new d.Paragraph({ spacing: CELL_SPACING, children: [new d.TextRun({ text: row.value })] })] }),
              ],
            }),
        ),
      }),
    );
  }
  if (opts.toc !== false) {
    if (front.length) front.push(new d.Paragraph({ children: [new d.PageBreak()] }));
    front.push(new d.Paragraph({ style: EXPORT_TOC_TITLE_STYLE, alignment: d.AlignmentType.CENTER, spacing: { after: 240 }, children: [new d.TextRun({ text: '目录', bold: true, size: 32, font: HEADING_FONT })] }));
    front.push(new d.TableOfContents('目录', { hyperlink: true, headingStyleRange: '1-3', cachedEntries: conv.tocEntries, beginDirty: true }));
  }
  return front;
}

/** Renders documents (in the order given) into one .docx: the front section, then one section per document, each on a new page. */
export async function exportDocx(docs: ExportDocument[], opts: ExportOptions = {}): Promise<ExportResult> {
  const ref = opts.referenceStyles ? prepareReferenceStyles(opts.referenceStyles) : undefined;
  const headingIds = ref?.headingIds ?? [1, 2, 3, 4, 5, 6].map((n) => `Heading${n}`);
  const conv = new Converter(opts, headingIds);
  const bodies = docs.map((doc) => conv.document(doc));
  const front = frontBlocks(opts, conv);
  const page = pageProperties();
  const sections: d.ISectionOptions[] = [];
  if (front.length) sections.push({ properties: page, footers: footer(), children: front });
  for (const body of bodies) sections.push({ properties: { ...page, type: d.SectionType.NEXT_PAGE }, footers: footer(), children: body });
  const document = new d.Document({
    creator: 'CyberDossier',
    title: opts.title,
    features: { updateFields: true },
    numbering: { config: [ORDERED_LIST] },
    footnotes: conv.footnotes,
    ...(ref ? { externalStyles: ref.xml } : { styles: defaultStyles() }),
    sections,
  });
  const bytes = await markTableOfContents(new Uint8Array(await d.Packer.toBuffer(document)));
  return { bytes, warnings: conv.warnings };
}

/** Whether bytes look like a .docx styles part holder (a ZIP); used to validate a reference file. */
export function looksLikeZip(b: Uint8Array): boolean {
  return b.length > 4 && b[0] === 0x50 && b[1] === 0x4b;
}

