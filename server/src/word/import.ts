// .docx → dossier Markdown. mammoth turns the document into HTML (after docx-xml.ts has written
// heading numbers as text and tagged headings, TOC and cover paragraphs); rehype-parse →
// rehype-remark → remark-gfm → remark-stringify turn that into GFM. Footnotes become GFM
// footnotes, merged cells are repeated into every cell they cover, images are returned as files
// beside the Markdown. Everything the conversion cannot keep is listed in the report. Nothing
// from the document is executed and nothing outside it is read (mammoth's external file access
// stays off; linked images are only listed).

import mammoth from 'mammoth';
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import rehypeRemark, { type Options as RehypeRemarkOptions } from 'rehype-remark';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import type { Root as HRoot } from 'hast';
import type { Root as MRoot, Nodes as MNodes, Table as MTable, FootnoteDefinition, BlockContent, DefinitionContent } from 'mdast';
import { getRuleSet, DEFAULT_RULESET, normalize, type RuleSet } from '../engine';
import { DROP_STYLE, HEADING_STYLE, type Prepared, type ScanResult } from './docx-xml';
import { cleanHtml, convertNotes, listStarts, normalizeTables, type MergeNote } from './import-html';
import { MAX_DOCX_BYTES, readPackage } from './import-package';
import { canonicalFact, factsFromLines, factsFromRows, findKind, guessKind } from './kind';
import { WordError, type ImportImage, type ImportItem, type ImportOptions, type ImportReport, type ImportResult, type InferredFact, type KindGuess } from './types';


export const REVIEW = '待确认 / review';
export { MAX_DOCX_BYTES, MAX_UNZIPPED_BYTES } from './import-package';

type Handle = NonNullable<RehypeRemarkOptions['handlers']>[string];

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

/** The request checked before the package is opened: its size, the guideline and the kind asked for. */
function checkRequest(bytes: Uint8Array, opts: ImportOptions): { ruleset: RuleSet; chosen: ReturnType<typeof findKind> } {
  if (bytes.byteLength > MAX_DOCX_BYTES) throw new WordError({ zh: 'Word 文件过大（超过 200 MB）', en: 'The Word file is too large (over 200 MB)' });
  const ruleset = getRuleSet(opts.guideline ?? DEFAULT_RULESET);
  if (!ruleset) throw new WordError({ zh: `未知的指导原则：${opts.guideline}`, en: `Unknown guideline: ${opts.guideline}` }, 'usage');
  const chosen = opts.kind !== undefined ? findKind(opts.kind, opts.guideline) : undefined;
  if (opts.kind !== undefined && !chosen) {
    const all = ruleset.kinds.map((k) => k.id).join(', ');
    throw new WordError({ zh: `未知的文档类型：${opts.kind}（可选：${all}）`, en: `Unknown document kind: ${opts.kind} (one of: ${all})` }, 'usage');
  }
  return { ruleset, chosen };
}

/** mammoth's HTML of the prepared package; images written once per distinct content, linked relative to the Markdown file. */
async function toHtml(rewritten: Buffer, opts: ImportOptions): Promise<{ html: Awaited<ReturnType<typeof convert>>; images: ImportImage[]; formats: Map<string, number> }> {
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
  return { html, images, formats };
}

/** The HTML cleaned up (import-html.ts) and turned into mdast. */
async function toMdast(value: string, prepared: Prepared): Promise<{ mdast: MRoot; noteCounts: { footnotes: number; endnotes: number }; merges: MergeNote[]; nested: { nested: number }; tableCount: number }> {
  const hast = unified().use(rehypeParse, { fragment: true }).parse(value) as HRoot;
  const noteCounts = convertNotes(hast);
  listStarts(hast, prepared.listNumbers);
  cleanHtml(hast);
  const merges: MergeNote[] = [];
  const nested = { nested: 0 };
  const tableCount = normalizeTables(hast, merges, nested);
  const mdast = (await unified().use(rehypeRemark, { handlers }).run(hast)) as MRoot;
  return { mdast, noteCounts, merges, nested, tableCount };
}

/**
 * The cover: a table before the first section whose every label is known becomes frontmatter
 * (removed from `mdast`), and facts the cover paragraphs state. Returns the facts, the region
 * before the first section and the report item of a converted cover.
 */
function coverOf(mdast: MRoot, ruleset: RuleSet, opts: ImportOptions): { facts: InferredFact[]; before: MRoot['children']; items: ImportItem[] } {
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
  return { facts, before, items };
}

/** The kind: the caller's, else the cover's, else the headings'. */
function kindOf(mdast: MRoot, facts: InferredFact[], before: MRoot['children'], chosen: ReturnType<typeof findKind>, opts: ImportOptions): { kindGuess: KindGuess; headingTexts: string[] } {
  const headingTexts = mdast.children.filter((n) => n.type === 'heading').map((n) => mText(n));
  const named = [...facts.filter((f) => f.key === 'document').map((f) => f.value), ...before.filter((n) => n.type === 'paragraph').map((n) => mText(n))];
  const guessed = guessKind(headingTexts, { aliases: opts.aliases, guideline: chosen?.ruleset.id ?? opts.guideline, named });
  const coverKind = facts.find((f) => f.key === 'document');
  const coverFound = coverKind ? findKind(coverKind.value, opts.guideline) : undefined;
  let kindGuess: KindGuess = guessed;
  if (chosen) kindGuess = { ruleset: chosen.ruleset.id, kind: chosen.kind.id, source: 'option', candidates: guessed.candidates };
  else if (coverFound) kindGuess = { ruleset: coverFound.ruleset.id, kind: coverFound.kind.id, source: 'cover', candidates: guessed.candidates };
  return { kindGuess, headingTexts };
}

/** The report's items after the cover's: text boxes, the scan's findings, notes, merged cells, numbering, headings, TOC, image formats, converter messages. */
function reportItems(items: ImportItem[], body: string, scan: ScanResult, prepared: Prepared, conv: { noteCounts: { footnotes: number; endnotes: number }; merges: MergeNote[]; nested: { nested: number } }, formats: Map<string, number>, messages: { message: string }[]): void {
  const { noteCounts, merges, nested } = conv;
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
  for (const m of messages) {
    // Styling notes, and elements the scan above already reports in the user's terms.
    if (
      /^Unrecognised (paragraph|run|table) style|style with ID .* was referenced but not defined|unlikely to display in web browsers|could not read external image/.test(m.message) ||
      /ignored: (?:\{(?:http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/math|urn:schemas-microsoft-com:office:office)\}|m:|o:OLEObject|w:altChunk|w:control)/.test(m.message)
    )
      continue;
    items.push({ kind: 'converter', action: 'dropped', text: m.message, message: { zh: `转换器提示：${m.message}`, en: `Converter message: ${m.message}` } });
  }
}

/** .docx → Markdown, images and the report, in stages: the request, the package, HTML, mdast, the cover, the kind, Markdown, the report. */
export async function importDocx(bytes: Uint8Array, opts: ImportOptions = {}): Promise<ImportResult> {
  const { ruleset, chosen } = checkRequest(bytes, opts);
  const { prepared, scan, rewritten } = await readPackage(bytes);
  const { html, images, formats } = await toHtml(rewritten, opts);
  const conv = await toMdast(html.value, prepared);
  const { mdast, noteCounts, tableCount } = conv;
  const { facts, before, items } = coverOf(mdast, ruleset, opts);
  const { kindGuess, headingTexts } = kindOf(mdast, facts, before, chosen, opts);
  const fmFacts = facts.filter((f) => f.key !== 'document' && f.key !== 'guideline');

  const body = unified()
    .use(remarkGfm, { tablePipeAlign: false, tableCellPadding: true })
    .use(remarkStringify, { bullet: '-', emphasis: '*', strong: '*', fences: true, listItemIndent: 'one', rule: '-' })
    .stringify(mdast);
  const markdown = `${frontmatter(kindGuess, fmFacts, opts)}\n${tidyDelimiterRows(body).trimEnd()}\n`;

  reportItems(items, body, scan, prepared, conv, formats, html.messages);

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

