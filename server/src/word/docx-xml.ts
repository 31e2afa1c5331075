// What the .docx parts say beyond what mammoth converts: heading levels (style names, 标题 N,
// outline levels), list and heading numbering (numbering.xml, including multilevel lists linked
// to heading styles), and everything Markdown cannot hold (comments, revisions, text boxes, OLE
// objects, charts, equations, linked images, headers and footers) for the import report.
//
// prepareDocument() rewrites word/document.xml before mammoth reads it: a heading paragraph gets
// a synthetic style id (CDImpH1..6, mapped to h1..h6 by the import's style map) and its
// numbering as literal text; table-of-contents paragraphs and the cover title of our own export
// get a style that the style map drops.
//
// Its parts: docx-styles.ts (styles.xml), docx-numbering.ts (numbering.xml, numFmt),
// docx-prepare.ts (the pass over document.xml), docx-scan.ts (the scan for the report).

export { HEADING_STYLE, DROP_STYLE, EXPORT_COVER_STYLE, EXPORT_TOC_TITLE_STYLE, readStyles, styleHeadingLevel, isTocStyle, type StyleInfo, type Styles } from './docx-styles';
export { Numbering, formatNumber, type NumberLabel } from './docx-numbering';
export { prepareDocument, type Prepared, type PreparedHeading } from './docx-prepare';
export { scanParts, type ScanInput, type ScanResult } from './docx-scan';
