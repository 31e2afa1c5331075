// Reading a .docx package for the import: the ZIP opened within bounds (its size, what its
// directory says it inflates to), the main document found through the package relationships,
// its parts (styles, numbering, comments, notes, headers and footers) by relationship type, and
// the document rewritten for mammoth (docx-prepare.ts) with the scan for the report beside it.

import JSZip from 'jszip';
import { Numbering, prepareDocument, readStyles, scanParts, type Prepared, type ScanResult } from './docx-xml';
import { WordError } from './types';
import { attr, parseXml } from './xml';

/** Word files larger than this are refused (a zip bomb or not a dossier document). */
export const MAX_DOCX_BYTES = 200 * 1024 * 1024;
/** What the package may inflate to, all parts together (from the sizes its directory states). */
export const MAX_UNZIPPED_BYTES = 1024 * 1024 * 1024;

// ---- reading the package -----------------------------------------------------------------------

export interface Parts {
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

export async function openParts(zip: JSZip): Promise<Parts> {
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

/** What the conversion starts from: the package rewritten for mammoth, and what the scan found. */
export interface ReadPackage {
  prepared: Prepared;
  scan: ScanResult;
  /** The package with the prepared document.xml, stored uncompressed, for mammoth. */
  rewritten: Buffer;
}

/**
 * Opens the package (refusing one that is no ZIP, would inflate beyond MAX_UNZIPPED_BYTES or
 * has no main document), scans it for the report and prepares document.xml for mammoth.
 */
export async function readPackage(bytes: Uint8Array): Promise<ReadPackage> {
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
  return { prepared, scan, rewritten };
}
