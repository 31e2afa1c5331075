// .docx → dossier Markdown. mammoth turns the document into HTML (after docx-xml.ts has written
// heading numbers as text and tagged headings, TOC and cover paragraphs); rehype-parse →
// rehype-remark → remark-gfm → remark-stringify turn that into GFM. Footnotes become GFM
// footnotes, merged cells are repeated into every cell they cover, images are returned as files
// beside the Markdown. Everything the conversion cannot keep is listed in the report. Nothing
// from the document is executed and nothing outside it is read (mammoth's external file access
// stays off; linked images are only listed).

import JSZip from 'jszip';
import mammoth from 'mammoth';
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import rehypeRemark, { type Options as RehypeRemarkOptions } from 'rehype-remark';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import type { Element as HElement, ElementContent, Root as HRoot, RootContent as HRootContent } from 'hast';
import type { Root as MRoot, Nodes as MNodes, Table as MTable, FootnoteDefinition, BlockContent, DefinitionContent } from 'mdast';
import { getRuleSet, DEFAULT_RULESET, normalize } from '../engine';
import { DROP_STYLE, HEADING_STYLE, Numbering, prepareDocument, readStyles, scanParts } from './docx-xml';
import { attr, parseXml } from './xml';
import { canonicalFact, factsFromLines, factsFromRows, findKind, guessKind } from './kind';
import { WordError, type ImportImage, type ImportItem, type ImportOptions, type ImportReport, type ImportResult, type InferredFact, type KindGuess } from './types';


export const REVIEW = '待确认 / review';
/** Word files larger than this are refused (a zip bomb or not a dossier document). */
export const MAX_DOCX_BYTES = 200 * 1024 * 1024;
/** What the package may inflate to, all parts together (from the sizes its directory states). */
export const MAX_UNZIPPED_BYTES = 1024 * 1024 * 1024;

type Handle = NonNullable<RehypeRemarkOptions['handlers']>[string];

// ---- reading the package -----------------------------------------------------------------------

interface Parts {
  documentPath: string;
  text: (p: string | undefined) => Promise<string | undefined>;
  rels: Map<string, string>;
}

function dirOf(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? '' : p.slice(0, i + 1);
}

function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = (dirOf(base) + target).split('/');
  const out: string[] = [];
  for (const s of parts) {
    if (s === '..') out.pop();
    else if (s !== '.' && s !== '') out.push(s);
  }
  return out.join('/');
}

async function openParts(zip: JSZip): Promise<Parts> {
  const text = async (p: string | undefined) => (p && zip.file(p) ? zip.file(p)!.async('string') : undefined);
  const rootRels = parseXml((await text('_rels/.rels')) ?? '').root;
  let documentPath = 'word/document.xml';
  for (const r of rootRels?.children ?? []) {
    if (r.type === 'el' && /\/officeDocument$/.test(attr(r, 'Type', '') ?? '')) documentPath = resolveTarget('', attr(r, 'Target', '') ?? documentPath);
  }
  if (!zip.file(documentPath)) throw new WordError({ zh: '不是 Word 文档（.docx）：找不到 word/document.xml', en: 'Not a Word document (.docx): word/document.xml is missing' });
  // Part relationships: type suffix → part path (styles, numbering, comments, footnotes, …).
  const relsPath = `${dirOf(documentPath)}_rels/${documentPath.slice(dirOf(documentPath).length)}.rels`;
  const rels = new Map<string, string>();
  const relRoot = parseXml((await text(relsPath)) ?? '').root;
  for (const r of relRoot?.children ?? []) {
    if (r.type !== 'el' || attr(r, 'TargetMode', '') === 'External') continue;
    const type = (attr(r, 'Type', '') ?? '').replace(/^.*\//, '');
    const target = resolveTarget(documentPath, attr(r, 'Target', '') ?? '');
    if (type === 'header' || type === 'footer') rels.set(`${type}:${target}`, target);
    else if (!rels.has(type)) rels.set(type, target);
  }
  rels.set('_rels', relsPath);
  return { documentPath, text, rels };
}

// ---- hast helpers ------------------------------------------------------------------------------

type HParent = HRoot | HElement;

/** A phantom brand: a failed tag test must not narrow the node to "not an element". */
type Tagged = HElement & { readonly __tagged: true };

function isEl(n: unknown, ...tags: string[]): n is Tagged {
  return !!n && (n as HElement).type === 'element' && (!tags.length || tags.includes((n as HElement).tagName));
}

/** Every element with its parent, in document order (iterative). */
function elementsOf(root: HParent): { el: HElement; parent: HParent }[] {
  const out: { el: HElement; parent: HParent }[] = [];
  const stack: { node: HParent; i: number }[] = [{ node: root, i: 0 }];
  while (stack.length) {
    const top = stack[stack.length - 1];
    if (top.i >= top.node.children.length) {
      stack.pop();
      continue;
    }
    const c = top.node.children[top.i++];
    if (c.type === 'element') {
      out.push({ el: c, parent: top.node });
      stack.push({ node: c, i: 0 });
    }
  }
  return out;
}

function hText(n: HRootContent | ElementContent | HRoot): string {
  if (n.type === 'text') return n.value;
  if (n.type === 'element' && n.tagName === 'br') return ' ';
  if (n.type === 'element' || n.type === 'root') return n.children.map((c) => hText(c as ElementContent)).join(isEl(n, 'td', 'th', 'tr') ? ' ' : '');
  return '';
}

function replaceWith(parent: HParent, el: HElement, nodes: ElementContent[]): void {
  const i = parent.children.indexOf(el);
  if (i >= 0) (parent.children as ElementContent[]).splice(i, 1, ...nodes);
}

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

// ---- footnotes ---------------------------------------------------------------------------------

/** mammoth's note references and the note list at the end → markers rehype-remark turns into GFM. */
function convertNotes(root: HRoot): { footnotes: number; endnotes: number } {
  const labels = new Map<string, string>();
  const counts = { footnotes: 0, endnotes: 0 };
  for (const { el, parent } of elementsOf(root)) {
    if (!isEl(el, 'a')) continue;
    const href = String(el.properties?.href ?? '');
    const m = /^#((?:footnote|endnote)-\d+)$/.exec(href);
    if (!m || !String(el.properties?.id ?? '').includes('-ref-')) continue;
    if (!labels.has(m[1])) labels.set(m[1], String(labels.size + 1));
    const marker: HElement = { type: 'element', tagName: 'sup', properties: { dataCdFootnote: labels.get(m[1])! }, children: [] };
    // Replace the enclosing <sup> when the link is all it holds.
    if (isEl(parent, 'sup') && parent.children.length === 1) {
      Object.assign(parent, marker);
    } else replaceWith(parent, el, [marker]);
  }
  const defs: HElement[] = [];
  for (const { el, parent } of elementsOf(root)) {
    if (!isEl(el, 'li')) continue;
    const id = String(el.properties?.id ?? '');
    if (!/^(footnote|endnote)-\d+$/.test(id)) continue;
    if (id.startsWith('footnote')) counts.footnotes++;
    else counts.endnotes++;
    // Drop the "↑" back link.
    for (const x of elementsOf(el)) {
      if (isEl(x.el, 'a') && /^#(footnote|endnote)-ref-\d+$/.test(String(x.el.properties?.href ?? ''))) replaceWith(x.parent, x.el, []);
    }
    if (!labels.has(id)) labels.set(id, String(labels.size + 1));
    defs.push({ type: 'element', tagName: 'cd-footnote', properties: { dataLabel: labels.get(id)! }, children: el.children });
    replaceWith(parent, el, []);
  }
  // Note lists left empty go; the definitions follow the body in label order.
  root.children = root.children.filter((c) => !(isEl(c, 'ol') && !c.children.some((x) => x.type === 'element')));
  defs.sort((a, b) => Number(a.properties.dataLabel) - Number(b.properties.dataLabel));
  root.children.push(...defs);
  return counts;
}

// ---- tables ------------------------------------------------------------------------------------

interface MergeNote {
  table: number;
  row: number;
  col: number;
  rows: number;
  cols: number;
  text: string;
}

function rowsOf(table: HElement): HElement[] {
  const rows: HElement[] = [];
  for (const c of table.children) {
    if (isEl(c, 'tr')) rows.push(c);
    else if (isEl(c, 'thead', 'tbody', 'tfoot')) for (const r of c.children) if (isEl(r, 'tr')) rows.push(r);
  }
  return rows;
}

function span(el: HElement, name: 'rowSpan' | 'colSpan'): number {
  const v = Number(el.properties?.[name] ?? 1);
  return Number.isInteger(v) && v > 1 ? Math.min(v, 1000) : 1;
}

/** Inline content of a cell: paragraphs and list items separated by line breaks (→ spaces in GFM). */
function flattenCell(cell: HElement, notes: { nested: number }): ElementContent[] {
  const out: ElementContent[] = [];
  const push = (nodes: ElementContent[]) => {
    if (!nodes.length) return;
    if (out.length) out.push({ type: 'element', tagName: 'br', properties: {}, children: [] });
    out.push(...nodes);
  };
  const visit = (nodes: ElementContent[]) => {
    let inline: ElementContent[] = [];
    const flush = () => {
      push(inline);
      inline = [];
    };
    for (const n of nodes) {
      if (isEl(n, 'table')) {
        flush();
        notes.nested++;
        push([{ type: 'text', value: rowsOf(n).map((r) => r.children.filter((c) => isEl(c, 'td', 'th')).map((c) => hText(c).trim()).join(' ')).join('；') }]);
      } else if (isEl(n, 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'div', 'blockquote', 'pre')) {
        flush();
        visit(n.children);
      } else if (isEl(n, 'ul', 'ol')) {
        flush();
        visit(n.children);
      } else inline.push(n);
    }
    flush();
  };
  visit(cell.children);
  return out;
}

/** Spans expanded (the merged value repeated into each covered cell), one header row, no nesting. */
function normalizeTables(root: HRoot, merges: MergeNote[], notes: { nested: number }): number {
  let index = 0;
  for (const { el } of elementsOf(root)) {
    if (!isEl(el, 'table')) continue;
    index++;
    const rows = rowsOf(el);
    const grid: (HElement | undefined)[][] = rows.map(() => []);
    rows.forEach((row, r) => {
      let c = 0;
      for (const cell of row.children) {
        if (!isEl(cell, 'td', 'th')) continue;
        while (grid[r][c]) c++;
        const rs = Math.min(span(cell, 'rowSpan'), rows.length - r);
        const cs = span(cell, 'colSpan');
        const content = flattenCell(cell, notes);
        const fresh = (): HElement => ({ type: 'element', tagName: r === 0 ? 'th' : 'td', properties: {}, children: clone(content) });
        for (let dr = 0; dr < rs; dr++) for (let dc = 0; dc < cs; dc++) grid[r + dr][c + dc] = fresh();
        if (rs > 1 || cs > 1) merges.push({ table: index, row: r + 1, col: c + 1, rows: rs, cols: cs, text: hText(cell).trim() });
        c += cs;
      }
    });
    const width = Math.max(1, ...grid.map((g) => g.length));
    const header = grid[0] ?? [];
    // A bold header row is presentation: plain text in Markdown.
    for (const cell of header) {
      if (!cell) continue;
      const meaningful = cell.children.filter((n) => !(n.type === 'text' && !n.value.trim()));
      if (meaningful.length && meaningful.every((n) => isEl(n, 'strong', 'b'))) cell.children = meaningful.flatMap((n) => (n as HElement).children);
    }
    el.children = grid.map((g, r) => ({
      type: 'element',
      tagName: 'tr',
      properties: {},
      children: Array.from({ length: width }, (_, c) => g[c] ?? { type: 'element', tagName: r === 0 ? 'th' : 'td', properties: {}, children: [] }),
    }));
  }
  return index;
}

/**
 * Markdown numbers a list from its first item: give each <ol> the number Word shows for its
 * first item (a list continued after a paragraph goes on at 3, not 1). Items pair up with
 * Word's list paragraphs in document order; when the counts differ nothing is changed.
 */
function listStarts(root: HRoot, numbers: number[]): void {
  const items = elementsOf(root).filter(({ el, parent }) => isEl(el, 'li') && isEl(parent, 'ol'));
  if (items.length !== numbers.length) return;
  const seen = new Set<HElement>();
  items.forEach(({ parent }, i) => {
    const ol = parent as HElement;
    if (seen.has(ol)) return;
    seen.add(ol);
    if (numbers[i] !== 1) ol.properties = { ...ol.properties, start: numbers[i] };
  });
}

// ---- the rest of the HTML clean-up -------------------------------------------------------------

function cleanHtml(root: HRoot): void {
  for (const { el, parent } of elementsOf(root).reverse()) {
    if (isEl(el, 'a')) {
      const href = String(el.properties?.href ?? '');
      // Bookmarks and internal links (TOC anchors) carry nothing Markdown can use.
      if (!href || href.startsWith('#')) replaceWith(parent, el, el.children);
    } else if (isEl(el, 'br') && isEl(parent, 'h1', 'h2', 'h3', 'h4', 'h5', 'h6')) {
      replaceWith(parent, el, [{ type: 'text', value: ' ' }]);
    }
  }
}

// ---- mdast helpers -----------------------------------------------------------------------------

function mText(n: MNodes): string {
  if ('value' in n && typeof n.value === 'string' && n.type !== 'html') return n.value;
  if ('children' in n) return (n.children as MNodes[]).map(mText).join('');
  if (n.type === 'image') return n.alt ?? '';
  return '';
}

const handlers: Record<string, Handle> = {
  sup(state, node) {
    const label = node.properties?.dataCdFootnote;
    if (label !== undefined) return { type: 'footnoteReference', identifier: String(label), label: String(label) };
    return state.all(node) as never;
  },
  'cd-footnote'(state, node) {
    const label = String(node.properties?.dataLabel ?? '');
    const children = state.toFlow(state.all(node)) as (BlockContent | DefinitionContent)[];
    const def: FootnoteDefinition = { type: 'footnoteDefinition', identifier: label, label, children };
    return def;
  },
};

// ---- frontmatter -------------------------------------------------------------------------------

const q = (s: string) => JSON.stringify(s);

function frontmatter(guess: KindGuess, facts: InferredFact[], opts: ImportOptions): string {
  const lines: string[] = ['---'];
  lines.push(`# cyberdossier import${opts.sourceName ? ` ← ${opts.sourceName.replace(/[\r\n]/g, ' ')}` : ''}：标“${REVIEW}”的值是推断的，请核对 / values marked “review” were inferred; check them`);
  const mark = (s: string) => `${s}  # ${REVIEW}`;
  lines.push(guess.source === 'option' ? `document: ${guess.kind}` : mark(`document: ${guess.kind}`));
  lines.push(`guideline: ${guess.ruleset}`);
  const product = facts.filter((f) => f.key.startsWith('product.'));
  const submission = facts.find((f) => f.key === 'submission');
  if (opts.sharedFacts) {
    if (product.length || submission) lines.push('# dossier.yaml 中的共享事实优先；文档中读到 / shared facts come from dossier.yaml; the document says:');
    for (const f of [...(submission ? [submission] : []), ...product]) lines.push(`# ${f.key}: ${q(f.value)}  # ${REVIEW}`);
  } else {
    if (submission) lines.push(mark(`submission: ${q(submission.value)}`));
    if (product.length) {
      lines.push('product:');
      for (const f of product) lines.push(mark(`  ${f.key.slice('product.'.length)}: ${q(f.value)}`));
    }
  }
  lines.push('---', '');
  return lines.join('\n');
}

/** remark writes a compact delimiter row (`| - | - |`); the dossiers use `| --- | --- |`. */
function tidyDelimiterRows(md: string): string {
  const lines = md.split('\n');
  let fence: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const f = /^\s*(`{3,}|~{3,})/.exec(l);
    if (f) {
      if (!fence) fence = f[1][0];
      else if (f[1][0] === fence) fence = undefined;
      continue;
    }
    if (fence || i === 0 || !lines[i - 1].startsWith('|') || (i >= 2 && lines[i - 2].startsWith('|'))) continue;
    if (/^\|(?:\s*:?-+:?\s*\|)+$/.test(l)) lines[i] = l.replace(/-+/g, '---');
  }
  return lines.join('\n');
}

/** mammoth, with its failures (a part it cannot read) turned into a message for the user. */
async function convert(...args: Parameters<typeof mammoth.convertToHtml>): ReturnType<typeof mammoth.convertToHtml> {
  try {
    return await mammoth.convertToHtml(...args);
  } catch (e) {
    const m = (e as Error)?.message ?? String(e);
    throw new WordError({ zh: `无法转换该 Word 文档：${m}`, en: `The Word document cannot be converted: ${m}` });
  }
}

// ---- the import --------------------------------------------------------------------------------

const IMAGE_EXT: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/bmp': 'bmp',
  'image/tiff': 'tif',
  'image/svg+xml': 'svg',
  'image/x-emf': 'emf',
  'image/x-wmf': 'wmf',
  'image/webp': 'webp',
};
const VIEWABLE = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/svg+xml', 'image/webp', 'image/bmp']);

function hashBytes(b: Uint8Array): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < b.length; i++) {
    h1 = Math.imul(h1 ^ b[i], 16777619);
    h2 = Math.imul(h2 + b[i], 2246822519);
  }
  return `${(h1 >>> 0).toString(36)}${(h2 >>> 0).toString(36)}:${b.length}`;
}

export async function importDocx(bytes: Uint8Array, opts: ImportOptions = {}): Promise<ImportResult> {
  if (bytes.byteLength > MAX_DOCX_BYTES) throw new WordError({ zh: 'Word 文件过大（超过 200 MB）', en: 'The Word file is too large (over 200 MB)' });
  const ruleset = getRuleSet(opts.guideline ?? DEFAULT_RULESET);
  if (!ruleset) throw new WordError({ zh: `未知的指导原则：${opts.guideline}`, en: `Unknown guideline: ${opts.guideline}` }, 'usage');
  const chosen = opts.kind !== undefined ? findKind(opts.kind, opts.guideline) : undefined;
  if (opts.kind !== undefined && !chosen) {
    const all = ruleset.kinds.map((k) => k.id).join(', ');
    throw new WordError({ zh: `未知的文档类型：${opts.kind}（可选：${all}）`, en: `Unknown document kind: ${opts.kind} (one of: ${all})` }, 'usage');
  }

  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new WordError({ zh: '不是 Word 文档（.docx）：无法作为 ZIP 包读取', en: 'Not a Word document (.docx): it cannot be read as a ZIP package' });
  }
  // The central directory states each part's size: refuse a package that would inflate beyond
  // reason before reading any part (jszip keeps the size on an internal field).
  let inflated = 0;
  for (const f of Object.values(zip.files)) inflated += (f as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
  if (inflated > MAX_UNZIPPED_BYTES) throw new WordError({ zh: 'Word 文件解压后过大（超过 1 GB），已拒绝', en: 'The Word file would inflate to over 1 GB; refused' });
  const parts = await openParts(zip);
  const documentXml = (await parts.text(parts.documentPath))!;
  const styles = readStyles(await parts.text(parts.rels.get('styles')));
  const numbering = new Numbering(await parts.text(parts.rels.get('numbering')), styles);
  const headersFooters: string[] = [];
  for (const [k, p] of parts.rels) if (k.startsWith('header:') || k.startsWith('footer:')) headersFooters.push((await parts.text(p)) ?? '');
  const scan = scanParts({
    document: documentXml,
    comments: await parts.text(parts.rels.get('comments')),
    footnotes: await parts.text(parts.rels.get('footnotes')),
    endnotes: await parts.text(parts.rels.get('endnotes')),
    documentRels: await parts.text(parts.rels.get('_rels')),
    headersFooters,
    hasMacros: Object.keys(zip.files).some((f) => /vbaProject\.bin$/i.test(f)),
  });
  const prepared = prepareDocument(documentXml, styles, numbering);
  zip.file(parts.documentPath, prepared.documentXml);
  const rewritten = await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' });

  // Images: written once per distinct content, linked relative to the Markdown file.
  const assets = (opts.assetsDir ?? 'document.assets').replace(/\\/g, '/').replace(/\/+$/, '');
  const images: ImportImage[] = [];
  const byHash = new Map<string, string>();
  const formats = new Map<string, number>();
  const styleMap = [
    ...[1, 2, 3, 4, 5, 6].map((n) => `p.${HEADING_STYLE}${n} => h${n}:fresh`),
    `p.${DROP_STYLE} => !`,
    // Comment references are listed in the report, not rendered.
    'comment-reference => !',
  ];
  const html = await convert(
    { buffer: rewritten },
    {
      styleMap,
      includeDefaultStyleMap: true,
      externalFileAccess: false,
      ignoreEmptyParagraphs: true,
      convertImage: mammoth.images.imgElement(async (image) => {
        const data = new Uint8Array(await image.readAsBuffer());
        const type = image.contentType ?? 'application/octet-stream';
        const h = hashBytes(data);
        let p = byHash.get(h);
        if (!p) {
          p = `${assets}/image-${images.length + 1}.${IMAGE_EXT[type] ?? 'bin'}`;
          byHash.set(h, p);
          images.push({ path: p, bytes: data, contentType: type });
          if (!VIEWABLE.has(type)) formats.set(type, (formats.get(type) ?? 0) + 1);
        }
        return { src: p };
      }),
    },
  );

  const hast = unified().use(rehypeParse, { fragment: true }).parse(html.value) as HRoot;
  const noteCounts = convertNotes(hast);
  listStarts(hast, prepared.listNumbers);
  cleanHtml(hast);
  const merges: MergeNote[] = [];
  const nested = { nested: 0 };
  const tableCount = normalizeTables(hast, merges, nested);
  const mdast = (await unified().use(rehypeRemark, { handlers }).run(hast)) as MRoot;

  // The cover: a table before the first section whose every label is known becomes frontmatter.
  // The region runs to the first heading, or past it to the second when the first is a title
  // (a heading that is no requirement of any kind).
  const headingAt = mdast.children.flatMap((n, i) => (n.type === 'heading' ? [i] : []));
  const isTitle = (i: number) => guessKind([mText(mdast.children[i])], { aliases: opts.aliases }).candidates.every((c) => c.matched.length === 0);
  const coverEnd = headingAt.length === 0 ? mdast.children.length : isTitle(headingAt[0]) ? (headingAt[1] ?? mdast.children.length) : headingAt[0];
  const before = mdast.children.slice(0, coverEnd);
  let facts: InferredFact[] = [];
  const items: ImportItem[] = [];
  const coverTable = before.find((n): n is MTable => n.type === 'table');
  if (coverTable) {
    const rows = coverTable.children.map((r) => r.children.map((c) => mText(c)));
    const { facts: tf, complete } = factsFromRows(rows);
    facts = tf;
    if (complete) {
      mdast.children.splice(mdast.children.indexOf(coverTable), 1);
      items.push({
        kind: 'cover',
        action: 'converted',
        text: rows.map((r) => r.join(' | ')).join(' / '),
        message: { zh: '封面信息表已转为 frontmatter（请核对标注的值）', en: 'The cover table became frontmatter (check the marked values)' },
      });
    }
  }
  for (const f of factsFromLines(before.filter((n) => n.type === 'paragraph').map((n) => mText(n)))) if (!facts.some((x) => x.key === f.key)) facts.push(f);
  facts = facts.map((f) => ({ ...f, value: canonicalFact(ruleset, f.key, f.value) }));

  // The kind: the caller's, else the cover's, else the headings'.
  const headingTexts = mdast.children.filter((n) => n.type === 'heading').map((n) => mText(n));
  const named = [...facts.filter((f) => f.key === 'document').map((f) => f.value), ...before.filter((n) => n.type === 'paragraph').map((n) => mText(n))];
  const guessed = guessKind(headingTexts, { aliases: opts.aliases, guideline: chosen?.ruleset.id ?? opts.guideline, named });
  const coverKind = facts.find((f) => f.key === 'document');
  const coverFound = coverKind ? findKind(coverKind.value, opts.guideline) : undefined;
  let kindGuess: KindGuess = guessed;
  if (chosen) kindGuess = { ruleset: chosen.ruleset.id, kind: chosen.kind.id, source: 'option', candidates: guessed.candidates };
  else if (coverFound) kindGuess = { ruleset: coverFound.ruleset.id, kind: coverFound.kind.id, source: 'cover', candidates: guessed.candidates };
  const fmFacts = facts.filter((f) => f.key !== 'document' && f.key !== 'guideline');

  const body = unified()
    .use(remarkGfm, { tablePipeAlign: false, tableCellPadding: true })
    .use(remarkStringify, { bullet: '-', emphasis: '*', strong: '*', fences: true, listItemIndent: 'one', rule: '-' })
    .stringify(mdast);
  const markdown = `${frontmatter(kindGuess, fmFacts, opts)}\n${tidyDelimiterRows(body).trimEnd()}\n`;

  // The report.
  const normBody = normalize(body);
  for (const box of scan.textBoxes) {
    const kept = normBody.includes(normalize(box));
    items.push({
      kind: 'text-box',
      action: kept ? 'moved' : 'dropped',
      text: box.replace(/\s+/g, ' ').slice(0, 120),
      message: kept
        ? { zh: '文本框的文字已作为普通段落放在其锚定段落之后', en: 'Text box content became ordinary paragraphs after the paragraph it was anchored to' }
        : { zh: '文本框的文字未能导入（内容见下）', en: 'Text box content could not be imported (its text is below)' },
    });
  }
  items.push(...scan.items);
  if (noteCounts.footnotes || scan.footnotes)
    items.push({ kind: 'footnote', action: 'converted', message: { zh: `${noteCounts.footnotes} 条脚注已转为 Markdown 脚注`, en: `${noteCounts.footnotes} footnote(s) converted to Markdown footnotes` } });
  if (noteCounts.endnotes || scan.endnotes)
    items.push({ kind: 'endnote', action: 'converted', message: { zh: `${noteCounts.endnotes} 条尾注已转为 Markdown 脚注（Markdown 只有一种注释）`, en: `${noteCounts.endnotes} endnote(s) converted to Markdown footnotes (Markdown has one kind of note)` } });
  for (const m of merges)
    items.push({
      kind: 'merged-cell',
      action: 'converted',
      text: m.text.slice(0, 120),
      message: {
        zh: `表 ${m.table} 第 ${m.row} 行第 ${m.col} 列的合并单元格（${m.rows} 行 × ${m.cols} 列）：GFM 表格不能合并，其内容已重复填入每个被合并的单元格`,
        en: `Table ${m.table}, row ${m.row}, column ${m.col}: a merged cell (${m.rows} × ${m.cols}); GFM tables cannot merge, so its value was repeated into every covered cell`,
      },
    });
  if (nested.nested)
    items.push({ kind: 'nested-table', action: 'converted', message: { zh: `${nested.nested} 个嵌套表格已展开为单元格内的文字`, en: `${nested.nested} nested table(s) flattened into text inside their cell` } });
  const numberedHeadings = prepared.headings.filter((h) => h.label).length;
  if (numberedHeadings || prepared.numberedParagraphs)
    items.push({
      kind: 'numbering',
      action: 'converted',
      message: {
        zh: `Word 自动编号已写为文字：${numberedHeadings} 个标题、${prepared.numberedParagraphs} 个编号段落（简单的 1. 2. 3. 列表保留为 Markdown 有序列表，重新从 1 编号）`,
        en: `Word automatic numbering written as text: ${numberedHeadings} heading(s), ${prepared.numberedParagraphs} numbered paragraph(s) (plain 1. 2. 3. lists stay Markdown ordered lists, numbered from 1)`,
      },
    });
  if (prepared.deepHeadings)
    items.push({ kind: 'heading-level', action: 'converted', message: { zh: `${prepared.deepHeadings} 个 7–9 级标题已改为 6 级（Markdown 最多 6 级）`, en: `${prepared.deepHeadings} heading(s) of level 7–9 became level 6 (Markdown has six)` } });
  if (prepared.tocParagraphs)
    items.push({ kind: 'toc', action: 'dropped', message: { zh: `目录（${prepared.tocParagraphs} 个段落）未导入；导出时会重新生成`, en: `The table of contents (${prepared.tocParagraphs} paragraph(s)) was not imported; export generates a new one` } });
  for (const [type, n] of formats)
    items.push({ kind: 'image-format', action: 'kept', text: type, message: { zh: `${n} 张 ${type} 图片已提取，但 Markdown 预览可能无法显示，建议转为 PNG`, en: `${n} ${type} image(s) extracted, but Markdown previews may not show them; convert them to PNG` } });
  for (const m of html.messages) {
    // Styling notes, and elements the scan above already reports in the user's terms.
    if (
      /^Unrecognised (paragraph|run|table) style|style with ID .* was referenced but not defined|unlikely to display in web browsers|could not read external image/.test(m.message) ||
      /ignored: (?:\{(?:http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/math|urn:schemas-microsoft-com:office:office)\}|m:|o:OLEObject|w:altChunk|w:control)/.test(m.message)
    )
      continue;
    items.push({ kind: 'converter', action: 'dropped', text: m.message, message: { zh: `转换器提示：${m.message}`, en: `Converter message: ${m.message}` } });
  }

  const report: ImportReport = {
    source: opts.sourceName,
    items,
    kindGuess,
    inferred: facts,
    images: images.length,
    headings: headingTexts.length,
    tables: tableCount - (items.some((i) => i.kind === 'cover') ? 1 : 0),
    footnotes: noteCounts.footnotes + noteCounts.endnotes,
  };
  return { markdown, images, report, kindGuess };
}

