// Dossier Markdown → .docx with the `docx` library. Markdown is parsed with the engine's full
// remark processor (remark-parse + remark-frontmatter + remark-gfm). Output: an optional cover
// (title and a table of the product facts), a table-of-contents field, then each document in its
// own section (so each starts on a new page): Word heading styles (the TOC and navigation work),
// paragraphs with bold/italic/code, lists, GFM tables with a bold header row and borders,
// images, footnotes. A4, 宋体 body and 黑体 headings (east-Asian font attributes set), unless a
// reference styles.xml replaces the styles. Heading numbering stays the literal text the author
// wrote; automatic numbering is never added.

import * as d from 'docx';
import JSZip from 'jszip';
import type { Root, RootContent, PhrasingContent, Table as MTable, List, ListItem, Definition, FootnoteDefinition, Nodes } from 'mdast';
import { parseMarkdown, type Localized } from '../engine';
import { readStyles, EXPORT_COVER_STYLE, EXPORT_TOC_TITLE_STYLE } from './docx-xml';
import { isW, parseXml, removeChild, serializeXml, walk } from './xml';
import type { ExportDocument, ExportOptions, ExportResult, ExportWarning } from './types';

// A4 in twips; margins 2.54 cm top/bottom, 3.17 cm left/right (the usual Chinese document layout).
const PAGE = { width: 11906, height: 16838, top: 1440, bottom: 1440, left: 1800, right: 1800 };
const CONTENT_TWIPS = PAGE.width - PAGE.left - PAGE.right;
/** Content width in pixels at 96 dpi (images are sized in pixels). */
const CONTENT_PX = Math.floor((CONTENT_TWIPS / 1440) * 96);
const MAX_IMAGE_PX_HEIGHT = 800;
/** Table cells: single spacing, no space after (the body's 1.5 lines make rows too tall). */
const CELL_SPACING = { line: 260, lineRule: d.LineRuleType.AUTO, before: 40, after: 40 };

export const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体', cs: 'Times New Roman' };
export const HEADING_FONT = { ascii: 'Arial', hAnsi: 'Arial', eastAsia: '黑体', cs: 'Arial' };
const CODE_FONT = { ascii: 'Consolas', hAnsi: 'Consolas', eastAsia: '宋体', cs: 'Consolas' };
/** Heading sizes in half-points: 三号, 小三, 四号, 小四, 小四, 小四. */
const HEADING_SIZES = [32, 30, 28, 24, 24, 24];

// ---- images ------------------------------------------------------------------------------------

type RasterType = 'png' | 'jpg' | 'gif' | 'bmp';

/** Type and pixel size from the file's header; undefined for anything Word cannot take as is. */
export function imageInfo(b: Uint8Array): { type: RasterType; width: number; height: number } | undefined {
  const u16 = (i: number) => (b[i] << 8) | b[i + 1];
  const u32 = (i: number) => ((b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]) >>> 0;
  const le16 = (i: number) => b[i] | (b[i + 1] << 8);
  const le32 = (i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;
  if (b.length > 24 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return { type: 'png', width: u32(16), height: u32(20) };
  if (b.length > 10 && b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46) return { type: 'gif', width: le16(6), height: le16(8) };
  if (b.length > 26 && b[0] === 0x42 && b[1] === 0x4d) return { type: 'bmp', width: le32(18), height: Math.abs(le32(22) | 0) };
  if (b.length > 4 && b[0] === 0xff && b[1] === 0xd8) {
    let i = 2;
    while (i + 9 < b.length) {
      if (b[i] !== 0xff) {
        i++;
        continue;
      }
      const marker = b[i + 1];
      if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
        i += 2;
        continue;
      }
      const len = u16(i + 2);
      // SOF0–SOF15 except DHT (C4), JPG (C8), DAC (CC) carry the frame size.
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return { type: 'jpg', width: u16(i + 7), height: u16(i + 5) };
      i += 2 + len;
    }
    return { type: 'jpg', width: 400, height: 300 };
  }
  return undefined;
}

function fit(width: number, height: number): { width: number; height: number } {
  let w = width > 0 ? width : 400;
  let h = height > 0 ? height : 300;
  const s = Math.min(1, CONTENT_PX / w, MAX_IMAGE_PX_HEIGHT / h);
  w = Math.max(1, Math.round(w * s));
  h = Math.max(1, Math.round(h * s));
  return { width: w, height: h };
}

function dataUrl(url: string): Uint8Array | undefined {
  const m = /^data:image\/[\w.+-]+;base64,([A-Za-z0-9+/=\s]+)$/i.exec(url);
  return m ? new Uint8Array(Buffer.from(m[1], 'base64')) : undefined;
}

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

// ---- conversion --------------------------------------------------------------------------------

interface Marks {
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  code?: boolean;
  superScript?: boolean;
  link?: boolean;
}

type Inline = d.ParagraphChild;
type Block = d.Paragraph | d.Table;

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

/** Soft line breaks: nothing between two CJK characters, a space elsewhere. */
function joinLines(s: string): string {
  return s.replace(/[ \t]*\r?\n[ \t]*/g, (m, offset: number, all: string) => (CJK.test(all[offset - 1] ?? '') && CJK.test(all[offset + m.length] ?? '') ? '' : ' '));
}

class Converter {
  readonly warnings: ExportWarning[] = [];
  readonly footnotes: Record<number, { children: d.Paragraph[] }> = {};
  private nextFootnote = 1;
  private listInstance = 0;
  readonly tocEntries: { title: string; level: number }[] = [];
  private doc!: ExportDocument;
  private definitions = new Map<string, Definition>();
  private footnoteDefs = new Map<string, FootnoteDefinition>();
  private footnoteIds = new Map<string, number>();

  constructor(
    private readonly opts: ExportOptions,
    private readonly headingIds: string[],
  ) {}

  private warn(node: Nodes | undefined, message: Localized): void {
    this.warnings.push({ path: this.doc.path, line: node?.position?.start.line, message });
  }

  document(doc: ExportDocument): Block[] {
    this.doc = doc;
    const root = parseMarkdown(doc.markdown) as Root;
    this.definitions = new Map();
    this.footnoteDefs = new Map();
    this.footnoteIds = new Map();
    for (const n of root.children) {
      if (n.type === 'definition') this.definitions.set(n.identifier.toLowerCase(), n);
      if (n.type === 'footnoteDefinition') this.footnoteDefs.set(n.identifier.toLowerCase(), n);
    }
    const out = this.blocks(root.children, { indent: 0, quote: false });
    return out.length ? out : [new d.Paragraph({})];
  }

  // ---- blocks

  private blocks(nodes: RootContent[], ctx: { indent: number; quote: boolean }): Block[] {
    const out: Block[] = [];
    for (const n of nodes) out.push(...this.block(n, ctx));
    return out;
  }

  private para(children: Inline[], ctx: { indent: number; quote: boolean }, extra: Partial<d.IParagraphOptions> = {}): d.Paragraph {
    return new d.Paragraph({
      children,
      ...(ctx.indent ? { indent: { left: ctx.indent } } : {}),
      ...(ctx.quote ? { border: { left: { style: d.BorderStyle.SINGLE, size: 12, color: 'A0A0A0', space: 8 } } } : {}),
      ...extra,
    });
  }

  private block(n: RootContent, ctx: { indent: number; quote: boolean }): Block[] {
    switch (n.type) {
      case 'yaml':
      case 'definition':
      case 'footnoteDefinition':
        return [];
      case 'heading': {
        const title = this.plain(n.children).trim();
        if (n.depth <= 3) this.tocEntries.push({ title, level: n.depth });
        return [new d.Paragraph({ style: this.headingIds[n.depth - 1], children: this.inlines(n.children, {}) })];
      }
      case 'paragraph':
        return [this.para(this.inlines(n.children, {}), ctx)];
      case 'blockquote':
        return this.blocks(n.children, { indent: ctx.indent + 420, quote: true });
      case 'list':
        return this.list(n, 0, ctx);
      case 'table':
        return [this.table(n)];
      case 'code': {
        const lines = n.value.split(/\r?\n/);
        return [
          this.para(
            lines.map((line, i) => new d.TextRun({ text: line, font: CODE_FONT, size: 20, break: i > 0 ? 1 : undefined })),
            ctx,
            { shading: { type: d.ShadingType.CLEAR, color: 'auto', fill: 'F2F2F2' } },
          ),
        ];
      }
      case 'thematicBreak':
        return [new d.Paragraph({ border: { bottom: { style: d.BorderStyle.SINGLE, size: 6, color: '808080', space: 1 } }, children: [] })];
      case 'html': {
        // HTML comments (suppression comments, notes to authors) are not document content.
        const text = n.value.replace(/<!--[\s\S]*?-->/g, '').replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]+>/g, '').trim();
        return text ? [this.para(text.split('\n').map((t, i) => new d.TextRun({ text: t, break: i ? 1 : undefined })), ctx)] : [];
      }
      default:
        return [];
    }
  }

  private list(list: List, level: number, ctx: { indent: number; quote: boolean }): Block[] {
    const out: Block[] = [];
    const instance = ++this.listInstance;
    const lvl = Math.min(level, 8);
    for (const item of list.children as ListItem[]) {
      let first = true;
      for (const c of item.children) {
        if (c.type === 'list') {
          out.push(...this.list(c, level + 1, ctx));
          continue;
        }
        if (first && c.type === 'paragraph') {
          const box = item.checked === true ? '☑ ' : item.checked === false ? '☐ ' : '';
          const children = [...(box ? [new d.TextRun(box)] : []), ...this.inlines(c.children, {})];
          out.push(
            new d.Paragraph({
              children,
              ...(list.ordered ? { numbering: { reference: 'cd-ordered', level: lvl, instance } } : { bullet: { level: lvl } }),
            }),
          );
          first = false;
          continue;
        }
        first = false;
        out.push(...this.block(c, { indent: ctx.indent + 720 * (lvl + 1), quote: ctx.quote }));
      }
    }
    return out;
  }

  private table(t: MTable): d.Table {
    const width = Math.max(1, ...t.children.map((r) => r.children.length));
    const colTwips = Math.floor(CONTENT_TWIPS / width);
    const border = { style: d.BorderStyle.SINGLE, size: 4, color: '000000' };
    const align = (i: number) => {
      const a = t.align?.[i];
      return a === 'center' ? d.AlignmentType.CENTER : a === 'right' ? d.AlignmentType.RIGHT : d.AlignmentType.LEFT;
    };
    const rows = t.children.map(
      (row, r) =>
        new d.TableRow({
          tableHeader: r === 0,
          children: Array.from({ length: width }, (_, c) => {
            const cell = row.children[c];
            return new d.TableCell({
              width: { size: colTwips, type: d.WidthType.DXA },
              children: [new d.Paragraph({ alignment: align(c), spacing: CELL_SPACING, children: cell ? this.inlines(cell.children, r === 0 ? { bold: true } : {}) : [] })],
            });
          }),
        }),
    );
    return new d.Table({
      rows,
      width: { size: CONTENT_TWIPS, type: d.WidthType.DXA },
      columnWidths: Array.from({ length: width }, () => colTwips),
      layout: d.TableLayoutType.FIXED,
      borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    });
  }

  // ---- inlines

  private plain(nodes: PhrasingContent[]): string {
    return nodes
      .map((n) => ('value' in n && n.type !== 'html' ? joinLines(n.value) : 'children' in n ? this.plain(n.children as PhrasingContent[]) : n.type === 'image' ? (n.alt ?? '') : ''))
      .join('');
  }

  private run(text: string, m: Marks): d.TextRun {
    return new d.TextRun({
      text,
      bold: m.bold,
      italics: m.italics,
      strike: m.strike,
      superScript: m.superScript,
      ...(m.link ? { style: 'Hyperlink' } : {}),
      ...(m.code ? { font: CODE_FONT, shading: { type: d.ShadingType.CLEAR, color: 'auto', fill: 'F2F2F2' } } : {}),
    });
  }

  private inlines(nodes: PhrasingContent[], m: Marks): Inline[] {
    const out: Inline[] = [];
    for (const n of nodes) {
      switch (n.type) {
        case 'text':
          out.push(this.run(joinLines(n.value), m));
          break;
        case 'strong':
          out.push(...this.inlines(n.children, { ...m, bold: true }));
          break;
        case 'emphasis':
          out.push(...this.inlines(n.children, { ...m, italics: true }));
          break;
        case 'delete':
          out.push(...this.inlines(n.children, { ...m, strike: true }));
          break;
        case 'inlineCode':
          out.push(this.run(n.value, { ...m, code: true }));
          break;
        case 'break':
          out.push(new d.TextRun({ break: 1 }));
          break;
        case 'link':
        case 'linkReference': {
          const url = n.type === 'link' ? n.url : this.definitions.get(n.identifier.toLowerCase())?.url;
          const external = !!url && /^(https?:|mailto:)/i.test(url);
          const children = this.inlines(n.children, external ? { ...m, link: true } : m);
          if (external) {
            out.push(new d.ExternalHyperlink({ link: url!, children }));
          } else out.push(...children);
          break;
        }
        case 'image':
        case 'imageReference': {
          const url = n.type === 'image' ? n.url : (this.definitions.get(n.identifier.toLowerCase())?.url ?? '');
          out.push(this.image(n, url, n.alt ?? ''));
          break;
        }
        case 'footnoteReference':
          out.push(this.footnote(n));
          break;
        case 'html':
          if (/^<br\s*\/?>$/i.test(n.value.trim())) out.push(new d.TextRun({ break: 1 }));
          break;
        default:
          break;
      }
    }
    return out;
  }

  private footnote(n: Extract<PhrasingContent, { type: 'footnoteReference' }>): Inline {
    const key = n.identifier.toLowerCase();
    let id = this.footnoteIds.get(key);
    if (id === undefined) {
      const def = this.footnoteDefs.get(key);
      if (!def) {
        this.warn(n, { zh: `脚注 [^${n.label ?? n.identifier}] 没有定义，按原文输出`, en: `Footnote [^${n.label ?? n.identifier}] has no definition; written as text` });
        return this.run(`[^${n.label ?? n.identifier}]`, {});
      }
      id = this.nextFootnote++;
      this.footnoteIds.set(key, id);
      const paras: d.Paragraph[] = [];
      for (const c of def.children) {
        const blocks = this.block(c as RootContent, { indent: 0, quote: false });
        for (const b of blocks) if (b instanceof d.Paragraph) paras.push(b);
      }
      this.footnotes[id] = { children: paras.length ? paras : [new d.Paragraph({})] };
    }
    return new d.FootnoteReferenceRun(id);
  }

  private image(node: Nodes, url: string, alt: string): Inline {
    const placeholder = (why: Localized) => {
      this.warn(node, why);
      return this.run(`[图片缺失 / missing image: ${alt || url}]`, { italics: true });
    };
    let bytes: Uint8Array | undefined;
    if (/^data:/i.test(url)) bytes = dataUrl(url);
    else if (/^[a-z][a-z0-9+.-]*:/i.test(url) && !/^file:/i.test(url)) {
      return placeholder({ zh: `外部图片未嵌入（导出从不访问网络）：${url}`, en: `Remote image not embedded (export never uses the network): ${url}` });
    } else {
      const got = this.opts.readImage?.(url, this.doc);
      if (!got) return placeholder({ zh: `图片无法读取：${url}`, en: `Image cannot be read: ${url}` });
      if ('error' in got) return placeholder(got.error);
      bytes = got.bytes;
    }
    const info = bytes ? imageInfo(bytes) : undefined;
    if (!bytes || !info) return placeholder({ zh: `图片格式不受支持（支持 PNG、JPEG、GIF、BMP）：${url}`, en: `Unsupported image format (PNG, JPEG, GIF and BMP are): ${url}` });
    const size = fit(info.width, info.height);
    return new d.ImageRun({ type: info.type, data: bytes, transformation: size, altText: { name: alt || 'image', description: alt, title: alt } });
  }
}

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

/** Renders documents (in the order given) into one .docx. */
export async function exportDocx(docs: ExportDocument[], opts: ExportOptions = {}): Promise<ExportResult> {
  const ref = opts.referenceStyles ? prepareReferenceStyles(opts.referenceStyles) : undefined;
  const headingIds = ref?.headingIds ?? [1, 2, 3, 4, 5, 6].map((n) => `Heading${n}`);
  const conv = new Converter(opts, headingIds);
  const bodies = docs.map((doc) => conv.document(doc));

  const page = {
    page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right } },
  };
  const footer = () => ({
    default: new d.Footer({ children: [new d.Paragraph({ alignment: d.AlignmentType.CENTER, children: [new d.TextRun({ children: [d.PageNumber.CURRENT] })] })] }),
  });
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
  const sections: d.ISectionOptions[] = [];
  if (front.length) sections.push({ properties: page, footers: footer(), children: front });
  for (const body of bodies) sections.push({ properties: { ...page, type: d.SectionType.NEXT_PAGE }, footers: footer(), children: body });

  const ordered = {
    reference: 'cd-ordered',
    levels: Array.from({ length: 9 }, (_, level) => ({
      level,
      format: d.LevelFormat.DECIMAL,
      text: `%${level + 1}.`,
      alignment: d.AlignmentType.START,
      style: { paragraph: { indent: { left: 420 * (level + 1), hanging: 420 } } },
    })),
  };
  const paragraphStyles: d.IParagraphStyleOptions[] = [
    { id: EXPORT_COVER_STYLE, name: 'CyberDossier Cover Title', basedOn: 'Normal', run: { font: HEADING_FONT, size: 44, bold: true }, paragraph: { alignment: d.AlignmentType.CENTER } },
    { id: EXPORT_TOC_TITLE_STYLE, name: 'CyberDossier TOC Title', basedOn: 'Normal', run: { font: HEADING_FONT, size: 32, bold: true }, paragraph: { alignment: d.AlignmentType.CENTER } },
    ...[1, 2, 3].map((n) => ({ id: `TOC${n}`, name: `toc ${n}`, basedOn: 'Normal', next: 'Normal', paragraph: { indent: { left: 420 * (n - 1) }, spacing: { after: 60 } } })),
  ];
  const document = new d.Document({
    creator: 'CyberDossier',
    title: opts.title,
    features: { updateFields: true },
    numbering: { config: [ordered] },
    footnotes: conv.footnotes,
    ...(ref
      ? { externalStyles: ref.xml }
      : {
          styles: {
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
          },
        }),
    sections,
  });
  const bytes = await markTableOfContents(new Uint8Array(await d.Packer.toBuffer(document)));
  return { bytes, warnings: conv.warnings };
}

/** Whether bytes look like a .docx styles part holder (a ZIP); used to validate a reference file. */
export function looksLikeZip(b: Uint8Array): boolean {
  return b.length > 4 && b[0] === 0x50 && b[1] === 0x4b;
}

