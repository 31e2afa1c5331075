// Markdown (mdast, from the engine's full remark processor) → docx blocks: headings with Word
// heading styles (and the TOC's cached entries), paragraphs with bold / italic / code, lists,
// GFM tables with a bold header row and borders, images, footnotes; warnings for what Word
// cannot take.

import * as d from 'docx';
import type { Root, RootContent, PhrasingContent, Table as MTable, List, ListItem, Definition, FootnoteDefinition, Nodes } from 'mdast';
import { parseMarkdown, type Localized } from '../engine';
import { dataUrl, fit, imageInfo } from './export-images';
import { CELL_SPACING, CODE_FONT, CONTENT_TWIPS } from './export-layout';
import type { ExportDocument, ExportOptions, ExportWarning } from './types';

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
export type Block = d.Paragraph | d.Table;

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

/** Soft line breaks: nothing between two CJK characters, a space elsewhere. */
function joinLines(s: string): string {
  return s.replace(/[ \t]*\r?\n[ \t]*/g, (m, offset: number, all: string) => (CJK.test(all[offset - 1] ?? '') && CJK.test(all[offset + m.length] ?? '') ? '' : ' '));
}

export class Converter {
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
