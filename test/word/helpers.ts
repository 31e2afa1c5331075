// Test helpers for the Word import/export: PNG bytes, a .docx assembled from raw WordprocessingML
// parts (as Word writes them), and the structure of a Markdown file (headings, tables, footnotes).

import * as zlib from 'node:zlib';
import JSZip from 'jszip';
import type { Root, Nodes } from 'mdast';
import { parseMarkdown } from '../../server/src/engine/parse';

// ---- PNG --------------------------------------------------------------------------------------

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(b: Buffer): number {
  let c = 0xffffffff;
  for (const x of b) c = CRC_TABLE[(c ^ x) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** A valid RGB PNG: a gradient with a diagonal in `rgb`, so each call can differ. */
export function makePng(width: number, height: number, rgb: [number, number, number] = [200, 30, 30]): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0;
    for (let x = 0; x < width; x++) {
      const on = Math.abs(x - y) < 3;
      raw[row + 1 + x * 3] = on ? rgb[0] : (x * 255) / width;
      raw[row + 2 + x * 3] = on ? rgb[1] : (y * 255) / height;
      raw[row + 3 + x * 3] = on ? rgb[2] : 128;
    }
  }
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(Buffer.concat([sig, chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]));
}

// ---- a .docx from WordprocessingML parts ------------------------------------------------------

export const DOC_NS =
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:o="urn:schemas-microsoft-com:office:office" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" ' +
  'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ' +
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" ' +
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" ' +
  'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" mc:Ignorable="wps"';
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
export const r = (text: string, rPr = '') => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
export function p(content: string, o: { style?: string; numId?: number; ilvl?: number; outline?: number } = {}): string {
  const ppr = [
    o.style ? `<w:pStyle w:val="${o.style}"/>` : '',
    o.numId !== undefined ? `<w:numPr><w:ilvl w:val="${o.ilvl ?? 0}"/><w:numId w:val="${o.numId}"/></w:numPr>` : '',
    o.outline !== undefined ? `<w:outlineLvl w:val="${o.outline}"/>` : '',
  ].join('');
  return `<w:p>${ppr ? `<w:pPr>${ppr}</w:pPr>` : ''}${content.startsWith('<') ? content : r(content)}</w:p>`;
}
export interface CellSpec {
  text: string;
  gridSpan?: number;
  vMerge?: 'restart' | 'continue';
}
export function tbl(rows: (string | CellSpec)[][]): string {
  const cols = Math.max(...rows.map((row) => row.reduce((n, c) => n + (typeof c === 'string' ? 1 : (c.gridSpan ?? 1)), 0)));
  const grid = `<w:tblGrid>${'<w:gridCol w:w="2000"/>'.repeat(cols)}</w:tblGrid>`;
  const cell = (c: string | CellSpec) => {
    const s = typeof c === 'string' ? { text: c } : c;
    const tcPr = [s.gridSpan ? `<w:gridSpan w:val="${s.gridSpan}"/>` : '', s.vMerge ? `<w:vMerge${s.vMerge === 'restart' ? ' w:val="restart"' : ''}/>` : ''].join('');
    return `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ''}${p(s.vMerge === 'continue' ? '' : s.text)}</w:tc>`;
  };
  return `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>${grid}${rows.map((row) => `<w:tr>${row.map(cell).join('')}</w:tr>`).join('')}</w:tbl>`;
}

export interface DocxParts {
  body: string;
  styles?: string;
  numbering?: string;
  comments?: string;
  footnotes?: string;
  endnotes?: string;
  header?: string;
  media?: Record<string, Uint8Array>;
  /** Extra relationships: id → [type suffix, target, external?]. */
  rels?: Record<string, [string, string, boolean?]>;
}

export async function craftDocx(parts: DocxParts): Promise<Uint8Array> {
  const zip = new JSZip();
  const overrides: [string, string][] = [['/word/document.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml']];
  const rels: string[] = [];
  const add = (name: string, type: string, ct: string, xml: string | undefined) => {
    if (!xml) return;
    zip.file(`word/${name}`, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${xml}`);
    overrides.push([`/word/${name}`, ct]);
    rels.push(`<Relationship Id="rId_${type}" Type="${REL}/${type}" Target="${name}"/>`);
  };
  const ct = 'application/vnd.openxmlformats-officedocument.wordprocessingml';
  add('styles.xml', 'styles', `${ct}.styles+xml`, parts.styles);
  add('numbering.xml', 'numbering', `${ct}.numbering+xml`, parts.numbering);
  add('comments.xml', 'comments', `${ct}.comments+xml`, parts.comments);
  add('footnotes.xml', 'footnotes', `${ct}.footnotes+xml`, parts.footnotes);
  add('endnotes.xml', 'endnotes', `${ct}.endnotes+xml`, parts.endnotes);
  add('header1.xml', 'header', `${ct}.header+xml`, parts.header);
  for (const [name, bytes] of Object.entries(parts.media ?? {})) zip.file(`word/media/${name}`, bytes);
  for (const [id, [type, target, external]] of Object.entries(parts.rels ?? {}))
    rels.push(`<Relationship Id="${id}" Type="${REL}/${type}" Target="${esc(target)}"${external ? ' TargetMode="External"' : ''}/>`);
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${DOC_NS}><w:body>${parts.body}<w:sectPr/></w:body></w:document>`);
  zip.file('word/_rels/document.xml.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`);
  zip.file('_rels/.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`);
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>${overrides.map(([n, c]) => `<Override PartName="${n}" ContentType="${c}"/>`).join('')}</Types>`,
  );
  return new Uint8Array(await zip.generateAsync({ type: 'uint8array' }));
}

/** styles.xml as Chinese Word writes it: ids "1".."3" named "heading N", linked to list 1. */
export function wordStyles(extra = ''): string {
  const heading = (n: number) =>
    `<w:style w:type="paragraph" w:styleId="${n}"><w:name w:val="heading ${n}"/><w:basedOn w:val="a"/><w:next w:val="a"/><w:qFormat/><w:pPr><w:keepNext/><w:numPr><w:ilvl w:val="${n - 1}"/><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="${n - 1}"/></w:pPr><w:rPr><w:rFonts w:eastAsia="黑体"/><w:b/></w:rPr></w:style>`;
  return `<w:styles ${W}><w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:qFormat/></w:style>${[1, 2, 3].map(heading).join('')}<w:style w:type="paragraph" w:styleId="a5"><w:name w:val="Title"/><w:basedOn w:val="a"/></w:style><w:style w:type="paragraph" w:styleId="10"><w:name w:val="toc 1"/><w:basedOn w:val="a"/></w:style>${extra}</w:styles>`;
}

export function lvl(ilvl: number, fmt: string, text: string, o: { pStyle?: string; start?: number } = {}): string {
  return `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${o.start ?? 1}"/><w:numFmt w:val="${fmt}"/>${o.pStyle ? `<w:pStyle w:val="${o.pStyle}"/>` : ''}<w:lvlText w:val="${esc(text)}"/><w:lvlJc w:val="left"/></w:lvl>`;
}

// ---- Markdown structure -----------------------------------------------------------------------

function text(n: Nodes): string {
  if ('value' in n && typeof n.value === 'string' && n.type !== 'html') return n.value;
  if ('children' in n) return (n.children as Nodes[]).map(text).join('');
  if (n.type === 'image') return n.alt ?? '';
  return '';
}

export interface Structure {
  headings: string[];
  tables: string[][][];
  footnotes: string[];
  images: string[];
}

/** Headings as "## 1.1 类型", tables as cell texts, footnote texts, image URLs. */
export function structure(md: string): Structure {
  const root = parseMarkdown(md) as Root;
  const s: Structure = { headings: [], tables: [], footnotes: [], images: [] };
  const visit = (n: Nodes) => {
    if (n.type === 'heading') s.headings.push(`${'#'.repeat(n.depth)} ${text(n).replace(/\[\^[^\]]+\]/g, '').trim()}`);
    else if (n.type === 'table') s.tables.push(n.children.map((row) => row.children.map((c) => text(c).trim())));
    else if (n.type === 'footnoteDefinition') s.footnotes.push(text(n).trim());
    if (n.type === 'image') s.images.push(n.url);
    if ('children' in n && n.type !== 'table') for (const c of n.children as Nodes[]) visit(c);
    if (n.type === 'table') for (const row of n.children) for (const c of row.children) for (const x of c.children) visit(x as Nodes);
  };
  visit(root);
  return s;
}
