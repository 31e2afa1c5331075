// What Markdown cannot hold, found for the import report: comments, revisions, text boxes, OLE
// objects, charts, equations, linked images, headers and footers, footnotes, macros.

import type { ImportItem } from './types';
import { attr, elements, hasAncestor, inChoice, is, isW, NS, parseXml, textOf, walk, wChildren, type XElement } from './xml';

// ---- the scan for the report -------------------------------------------------------------------

const clip = (s: string, n = 120) => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
};

export interface ScanInput {
  document: string;
  comments?: string;
  footnotes?: string;
  endnotes?: string;
  documentRels?: string;
  headersFooters: string[];
  hasMacros: boolean;
}

export interface ScanResult {
  items: ImportItem[];
  footnotes: number;
  endnotes: number;
  /** Text of each text box, to tell later whether mammoth kept it. */
  textBoxes: string[];
}

const DIAGRAM_URI = /drawingml\/2006\/diagram$/;
const CHART_URI = /drawingml\/2006\/chart$|drawing\/2014\/chartex$/;
const PICTURE_URI = /drawingml\/2006\/picture$/;
const SHAPE_URI = /wordprocessingShape$|wordprocessingGroup$|wordprocessingCanvas$/;

/**
 * Everything of the document Markdown cannot hold, in the report's order: comments, revisions,
 * text boxes, objects, equations, linked images, then notes, headers and footers, macros.
 */
export function scanParts(input: ScanInput): ScanResult {
  const items: ImportItem[] = [];
  const res: ScanResult = { items, footnotes: 0, endnotes: 0, textBoxes: [] };
  const root = parseXml(input.document).root;
  if (!root) return res;
  scanComments(root, input.comments, items);
  scanRevisions(root, items);
  res.textBoxes = textBoxesOf(root);
  scanObjects(root, items);
  scanEquations(root, items);
  scanExternalImages(root, input.documentRels, items);

  // Footnotes and endnotes (separators are not notes).
  const notes = (xml: string | undefined, local: string) => {
    const r = xml ? parseXml(xml).root : undefined;
    return wChildren(r, local).filter((n) => !attr(n, 'type') || attr(n, 'type') === 'normal').length;
  };
  res.footnotes = notes(input.footnotes, 'footnote');
  res.endnotes = notes(input.endnotes, 'endnote');

  // Headers and footers: not part of the dossier text; listed when they hold words.
  const hf = new Set<string>();
  for (const x of input.headersFooters) {
    const r = parseXml(x).root;
    const t = r ? clip(textOf(r).replace(/\n/g, ' ')) : '';
    if (t) hf.add(t);
  }
  for (const t of hf)
    items.push({ kind: 'header-footer', action: 'dropped', text: t, message: { zh: '页眉/页脚文字未导入', en: 'Header/footer text not imported' } });
  if (input.hasMacros) items.push({ kind: 'macro', action: 'dropped', message: { zh: '文档中的宏未导入，也从未执行', en: 'The document’s macros were neither imported nor run' } });
  return res;
}

/** Comments: their text from comments.xml, the commented text from the document. */
function scanComments(root: XElement, commentsXml: string | undefined, items: ImportItem[]): void {
  const anchors = new Map<string, string[]>();
  const open = new Set<string>();
  for (const el of walk(root)) {
    if (isW(el, 'commentRangeStart')) {
      const id = attr(el, 'id') ?? '';
      open.add(id);
      anchors.set(id, []);
    } else if (isW(el, 'commentRangeEnd')) open.delete(attr(el, 'id') ?? '');
    else if (isW(el, 't') && open.size) {
      const t = el.children.map((c) => (c.type === 'text' ? c.value : '')).join('');
      for (const id of open) anchors.get(id)!.push(t);
    }
  }
  const commentsRoot = commentsXml ? parseXml(commentsXml).root : undefined;
  for (const c of wChildren(commentsRoot, 'comment')) {
    const id = attr(c, 'id') ?? '';
    const text = clip(textOf(c).replace(/\n/g, ' '), 300);
    const on = clip(anchors.get(id)?.join('') ?? '', 60);
    const author = attr(c, 'author');
    items.push({
      kind: 'comment',
      action: 'dropped',
      author,
      text,
      message: {
        zh: `批注${author ? `（${author}）` : ''}未导入${on ? `，批注对象：“${on}”` : ''}`,
        en: `Comment${author ? ` by ${author}` : ''} not imported${on ? `, on “${on}”` : ''}`,
      },
    });
  }
}

/** Revisions: insertions are accepted (their text is kept), deletions dropped. */
function scanRevisions(root: XElement, items: ImportItem[]): void {
  const propChanges = ['rPrChange', 'pPrChange', 'sectPrChange', 'tblPrChange', 'trPrChange', 'tcPrChange', 'tblGridChange', 'numberingChange'];
  let formatChanges = 0;
  for (const el of walk(root)) {
    if (el.parent && (isW(el.parent, 'rPr') || isW(el.parent, 'trPr'))) {
      if (isW(el, 'del') && isW(el.parent, 'trPr')) {
        const row = el.parent.parent;
        items.push({
          kind: 'deleted-row',
          action: 'dropped',
          author: attr(el, 'author'),
          text: row ? clip(textOf(row, { deleted: true })) : undefined,
          message: { zh: '修订中删除的表格行未导入（按接受修订处理）', en: 'A table row deleted by a tracked change was not imported (changes accepted)' },
        });
      }
      if (propChanges.includes(el.local) && isW(el, el.local)) formatChanges++;
      continue;
    }
    if (propChanges.includes(el.local) && isW(el, el.local)) {
      formatChanges++;
      continue;
    }
    const author = attr(el, 'author');
    if (isW(el, 'ins') || isW(el, 'moveTo')) {
      const text = clip(textOf(el));
      if (!text) continue;
      const move = el.local === 'moveTo';
      items.push({
        kind: move ? 'move' : 'insertion',
        action: 'accepted',
        author,
        text,
        message: move
          ? { zh: `修订（移动）已接受${author ? `（${author}）` : ''}：文字保留在新位置`, en: `Tracked move accepted${author ? ` (${author})` : ''}: the text is kept at its new place` }
          : { zh: `修订（插入）已接受${author ? `（${author}）` : ''}：插入的文字已保留`, en: `Tracked insertion accepted${author ? ` (${author})` : ''}: the inserted text is kept` },
      });
    } else if (isW(el, 'del') || isW(el, 'moveFrom')) {
      const text = clip(textOf(el, { deleted: true }));
      if (!text || el.local === 'moveFrom') continue;
      items.push({
        kind: 'deletion',
        action: 'dropped',
        author,
        text,
        message: { zh: `修订（删除）已接受${author ? `（${author}）` : ''}：删除的文字未导入`, en: `Tracked deletion accepted${author ? ` (${author})` : ''}: the deleted text was not imported` },
      });
    }
  }
  if (formatChanges)
    items.push({
      kind: 'format-change',
      action: 'dropped',
      message: { zh: `${formatChanges} 处格式修订记录未导入（Markdown 不保留格式修订）`, en: `${formatChanges} tracked formatting change(s) not imported (Markdown keeps no formatting revisions)` },
    });
}

/** Text boxes (DrawingML and VML; the two renditions of one box are counted once). */
function textBoxesOf(root: XElement): string[] {
  const boxes: string[] = [];
  for (const el of walk(root)) {
    if (!isW(el, 'txbxContent')) continue;
    const t = textOf(el).trim();
    if (t && !boxes.includes(t)) boxes.push(t);
  }
  return boxes;
}

/** Objects Markdown cannot hold. */
function scanObjects(root: XElement, items: ImportItem[]): void {
  let charts = 0;
  let diagrams = 0;
  let shapes = 0;
  for (const el of walk(root)) {
    if (is(el, NS.a, 'graphicData')) {
      if (hasAncestor(el, (a) => is(a, NS.mc, 'Fallback'))) continue;
      const uri = attr(el, 'uri', '') ?? '';
      if (CHART_URI.test(uri)) charts++;
      else if (DIAGRAM_URI.test(uri)) diagrams++;
      else if (SHAPE_URI.test(uri) && ![...walk(el)].some((d) => isW(d, 'txbxContent')) && !PICTURE_URI.test(uri)) shapes++;
    } else if (isW(el, 'object') && !inChoice(el)) {
      const ole = [...walk(el)].find((d) => is(d, NS.o, 'OLEObject'));
      const prog = ole ? (attr(ole, 'ProgID', '') ?? '') : '';
      const preview = [...walk(el)].some((d) => is(d, NS.v, 'imagedata'));
      items.push({
        kind: 'ole-object',
        action: preview ? 'converted' : 'dropped',
        text: prog || undefined,
        message: preview
          ? { zh: `嵌入对象${prog ? `（${prog}）` : ''}只导入了其预览图片，对象内容未导入`, en: `Embedded object${prog ? ` (${prog})` : ''}: only its preview image was imported, not its content` }
          : { zh: `嵌入对象${prog ? `（${prog}）` : ''}未导入`, en: `Embedded object${prog ? ` (${prog})` : ''} not imported` },
      });
    } else if (isW(el, 'altChunk')) {
      items.push({ kind: 'alt-chunk', action: 'dropped', message: { zh: '嵌入的外部文档片段（altChunk）未导入', en: 'An embedded foreign document part (altChunk) was not imported' } });
    } else if (isW(el, 'control')) {
      items.push({ kind: 'ole-object', action: 'dropped', message: { zh: 'ActiveX 控件未导入', en: 'An ActiveX control was not imported' } });
    }
  }
  if (charts) items.push({ kind: 'chart', action: 'dropped', message: { zh: `${charts} 个图表未导入（请另存为图片后插入）`, en: `${charts} chart(s) not imported (save them as pictures and insert those)` } });
  if (diagrams) items.push({ kind: 'smartart', action: 'dropped', message: { zh: `${diagrams} 个 SmartArt 图形未导入`, en: `${diagrams} SmartArt graphic(s) not imported` } });
  if (shapes) items.push({ kind: 'shape', action: 'dropped', message: { zh: `${shapes} 个绘图形状（无文字）未导入`, en: `${shapes} drawing shape(s) without text not imported` } });
}

/** Equations: Office Math is not converted; its text is listed. */
function scanEquations(root: XElement, items: ImportItem[]): void {
  for (const el of walk(root)) {
    const para = is(el, NS.m, 'oMathPara');
    if (!para && !(is(el, NS.m, 'oMath') && !(el.parent && is(el.parent, NS.m, 'oMathPara')))) continue;
    items.push({
      kind: 'equation',
      action: 'dropped',
      text: clip(textOf(el, { math: true })),
      message: { zh: '公式未导入（Office 公式无法转换为 Markdown），公式文字见下', en: 'Equation not imported (Office Math cannot become Markdown); its text is below' },
    });
  }
}

/** Linked (external) images: never fetched. */
function scanExternalImages(root: XElement, relsXml: string | undefined, items: ImportItem[]): void {
  const rels = relsXml ? parseXml(relsXml).root : undefined;
  const external = new Map<string, string>();
  for (const r of rels ? elements(rels) : []) {
    if (r.local === 'Relationship' && attr(r, 'TargetMode', '') === 'External' && /\/image$/.test(attr(r, 'Type', '') ?? '')) external.set(attr(r, 'Id', '') ?? '', attr(r, 'Target', '') ?? '');
  }
  if (external.size) {
    const seen = new Set<string>();
    for (const el of walk(root)) {
      const id = is(el, NS.a, 'blip') ? attr(el, 'link', NS.r) : is(el, NS.v, 'imagedata') ? attr(el, 'id', NS.r) : undefined;
      if (!id || !external.has(id) || seen.has(id)) continue;
      seen.add(id);
      items.push({
        kind: 'external-image',
        action: 'dropped',
        text: external.get(id),
        message: { zh: '链接的外部图片未导入（导入从不访问网络或外部文件）', en: 'A linked external image was not imported (import never reads the network or outside files)' },
      });
    }
  }
}
