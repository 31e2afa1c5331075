// What the .docx parts say beyond what mammoth converts: heading levels (style names, 标题 N,
// outline levels), list and heading numbering (numbering.xml, including multilevel lists linked
// to heading styles), and everything Markdown cannot hold (comments, revisions, text boxes, OLE
// objects, charts, equations, linked images, headers and footers) for the import report.
//
// prepareDocument() rewrites word/document.xml before mammoth reads it: a heading paragraph gets
// a synthetic style id (CDImpH1..6, mapped to h1..h6 by the import's style map) and its
// numbering as literal text; table-of-contents paragraphs and the cover title of our own export
// get a style that the style map drops.

import type { ImportItem } from './types';
import {
  attr,
  elements,
  hasAncestor,
  insertChild,
  is,
  isW,
  makeW,
  NS,
  parseXml,
  removeChild,
  serializeXml,
  setAttr,
  textOf,
  walk,
  wChild,
  wChildren,
  wVal,
  type XElement,
} from './xml';

export const HEADING_STYLE = 'CDImpH';
export const DROP_STYLE = 'CDImpDrop';
/** Style ids our export gives its cover title and table-of-contents title. */
export const EXPORT_COVER_STYLE = 'CDCoverTitle';
export const EXPORT_TOC_TITLE_STYLE = 'CDTocTitle';

// ---- styles ------------------------------------------------------------------------------------

export interface StyleInfo {
  id: string;
  name?: string;
  type?: string;
  basedOn?: string;
  outlineLvl?: number;
  numId?: string;
  ilvl?: number;
}

export interface Styles {
  byId: Map<string, StyleInfo>;
  defaultParagraph?: string;
}

export function readStyles(xml: string | undefined): Styles {
  const styles: Styles = { byId: new Map() };
  const root = xml ? parseXml(xml).root : undefined;
  if (!root) return styles;
  for (const s of wChildren(root, 'style')) {
    const id = attr(s, 'styleId');
    if (!id) continue;
    const pPr = wChild(s, 'pPr');
    const numPr = wChild(pPr, 'numPr');
    const ol = wVal(pPr, 'outlineLvl');
    const ilvl = wVal(numPr, 'ilvl');
    const info: StyleInfo = {
      id,
      name: wVal(s, 'name'),
      type: attr(s, 'type'),
      basedOn: wVal(s, 'basedOn'),
      outlineLvl: ol !== undefined && /^\d+$/.test(ol) ? Number(ol) : undefined,
      numId: wVal(numPr, 'numId'),
      ilvl: ilvl !== undefined && /^\d+$/.test(ilvl) ? Number(ilvl) : undefined,
    };
    styles.byId.set(id, info);
    if (info.type === 'paragraph' && /^(1|true|on)$/i.test(attr(s, 'default') ?? '')) styles.defaultParagraph = id;
  }
  return styles;
}

function styleChain(styles: Styles, id: string | undefined): StyleInfo[] {
  const out: StyleInfo[] = [];
  const seen = new Set<string>();
  for (let s = id ? styles.byId.get(id) : undefined; s && !seen.has(s.id) && out.length < 20; s = s.basedOn ? styles.byId.get(s.basedOn) : undefined) {
    seen.add(s.id);
    out.push(s);
  }
  return out;
}

const HEADING_NAME = /^(?:heading|标题)\s*([1-9])$/i;
const TITLE_NAME = /^(?:title|标题)$/i;
const TOC_NAME = /^(?:toc|目录)\s*[1-9]$|^toc heading$|^目录标题$/i;

/** Heading level (1–9) a paragraph style gives, by name along basedOn, else by outline level. */
export function styleHeadingLevel(styles: Styles, id: string | undefined): number | undefined {
  for (const s of styleChain(styles, id)) {
    const m = HEADING_NAME.exec(s.name?.trim() ?? '');
    if (m) return Number(m[1]);
    if (s === styles.byId.get(id ?? '') && TITLE_NAME.test(s.name?.trim() ?? '')) return 1;
    if (s.outlineLvl !== undefined) return s.outlineLvl <= 8 ? s.outlineLvl + 1 : undefined;
  }
  return undefined;
}

export function isTocStyle(styles: Styles, id: string | undefined): boolean {
  if (!id) return false;
  if (/^TOC\d$|^TOCHeading$/i.test(id) || id === EXPORT_TOC_TITLE_STYLE || id === EXPORT_COVER_STYLE) return true;
  return styleChain(styles, id)
    .slice(0, 1)
    .some((s) => TOC_NAME.test(s.name?.trim() ?? ''));
}

// ---- numbering ---------------------------------------------------------------------------------

interface Level {
  start: number;
  fmt: string;
  text: string;
  /** lvlRestart: restart after a use of this 1-based level or a shallower one; 0 never. */
  restart?: number;
  pStyle?: string;
  isLgl: boolean;
  suff: 'tab' | 'space' | 'nothing';
}

interface AbstractNum {
  id: string;
  levels: Map<number, Level>;
  numStyleLink?: string;
}

interface Num {
  id: string;
  abstractId: string;
  overrides: Map<number, { start?: number; level?: Level }>;
}

function readLevel(l: XElement): Level {
  const start = wVal(l, 'start');
  const restart = wVal(l, 'lvlRestart');
  const suff = wVal(l, 'suff');
  return {
    start: start !== undefined && /^-?\d+$/.test(start) ? Number(start) : 1,
    fmt: wVal(l, 'numFmt') ?? 'decimal',
    text: wVal(l, 'lvlText') ?? '',
    restart: restart !== undefined && /^\d+$/.test(restart) ? Number(restart) : undefined,
    pStyle: wVal(l, 'pStyle'),
    isLgl: !!wChild(l, 'isLgl') && attr(wChild(l, 'isLgl'), 'val') !== '0' && attr(wChild(l, 'isLgl'), 'val') !== 'false',
    suff: suff === 'space' || suff === 'nothing' ? suff : 'tab',
  };
}

export interface NumberLabel {
  /** The number as Word shows it ("1.2.3", "一、", "（一）"), or the bullet character. */
  label: string;
  /** Separator Word puts after it (tab → a space; nothing → ''). */
  suffix: string;
  bullet: boolean;
  /** A plain decimal level ("%N." / "%N)") that Markdown can keep as an ordered list. */
  simpleDecimal: boolean;
  /** The counter of the paragraph's own level. */
  value: number;
}

export class Numbering {
  private abstracts = new Map<string, AbstractNum>();
  private nums = new Map<string, Num>();
  /** Paragraph style id → the num / level a multilevel list links to it. */
  private byStyle = new Map<string, { abstractId: string; ilvl: number }>();
  private counters = new Map<string, (number | undefined)[]>();
  private usedNums = new Set<string>();

  constructor(
    xml: string | undefined,
    private readonly styles: Styles,
  ) {
    const root = xml ? parseXml(xml).root : undefined;
    if (!root) return;
    for (const a of wChildren(root, 'abstractNum')) {
      const id = attr(a, 'abstractNumId');
      if (id === undefined) continue;
      const levels = new Map<number, Level>();
      for (const l of wChildren(a, 'lvl')) {
        const ilvl = Number(attr(l, 'ilvl') ?? '0');
        if (Number.isInteger(ilvl) && ilvl >= 0 && ilvl < 9) levels.set(ilvl, readLevel(l));
      }
      this.abstracts.set(id, { id, levels, numStyleLink: wVal(a, 'numStyleLink') });
    }
    for (const n of wChildren(root, 'num')) {
      const id = attr(n, 'numId');
      const abstractId = wVal(n, 'abstractNumId');
      if (id === undefined || abstractId === undefined) continue;
      const overrides = new Map<number, { start?: number; level?: Level }>();
      for (const o of wChildren(n, 'lvlOverride')) {
        const ilvl = Number(attr(o, 'ilvl') ?? '0');
        const so = wVal(o, 'startOverride');
        const lvl = wChild(o, 'lvl');
        overrides.set(ilvl, { start: so !== undefined && /^-?\d+$/.test(so) ? Number(so) : undefined, level: lvl ? readLevel(lvl) : undefined });
      }
      this.nums.set(id, { id, abstractId, overrides });
    }
    for (const a of this.abstracts.values()) {
      for (const [ilvl, l] of a.levels) if (l.pStyle && !this.byStyle.has(l.pStyle)) this.byStyle.set(l.pStyle, { abstractId: a.id, ilvl });
    }
  }

  /** The abstract definition behind a num, following a numStyleLink (list styles) once or twice. */
  private abstractOf(numId: string): AbstractNum | undefined {
    let a = this.abstracts.get(this.nums.get(numId)?.abstractId ?? '');
    for (let hop = 0; a?.numStyleLink && hop < 3; hop++) {
      const linked = this.styles.byId.get(a.numStyleLink)?.numId;
      const next = linked ? this.abstracts.get(this.nums.get(linked)?.abstractId ?? '') : undefined;
      if (!next || next === a) break;
      a = next;
    }
    return a;
  }

  private level(numId: string, a: AbstractNum, ilvl: number): Level | undefined {
    return this.nums.get(numId)?.overrides.get(ilvl)?.level ?? a.levels.get(ilvl);
  }

  /** Whether a multilevel list links this paragraph style to a level (mammoth lists those). */
  linkedToStyle(styleId: string | undefined): boolean {
    return !!styleId && this.byStyle.has(styleId);
  }

  /** numId / ilvl of a paragraph: its own numPr, else its style's (along basedOn). */
  resolve(pPr: XElement | undefined, styleId: string | undefined): { numId: string; ilvl: number; direct: boolean } | undefined {
    const numPr = wChild(pPr, 'numPr');
    const directNum = wVal(numPr, 'numId');
    const directLvl = wVal(numPr, 'ilvl');
    const styleLvl = (numId: string) => {
      const link = styleId ? this.byStyle.get(styleId) : undefined;
      return link && this.abstractOf(numId)?.id === link.abstractId ? link.ilvl : undefined;
    };
    if (directNum !== undefined) {
      if (directNum === '0' || !this.nums.has(directNum)) return undefined;
      const ilvl = directLvl !== undefined && /^\d$/.test(directLvl) ? Number(directLvl) : (styleLvl(directNum) ?? 0);
      return { numId: directNum, ilvl, direct: true };
    }
    for (const s of styleChain(this.styles, styleId)) {
      if (s.numId === undefined) continue;
      if (s.numId === '0' || !this.nums.has(s.numId)) return undefined;
      const ilvl = directLvl !== undefined && /^\d$/.test(directLvl) ? Number(directLvl) : (s.ilvl ?? styleLvl(s.numId) ?? 0);
      return { numId: s.numId, ilvl, direct: false };
    }
    return undefined;
  }

  /** Advances the list's counters for a paragraph at `ilvl` and returns its label. */
  next(numId: string, ilvl: number): NumberLabel | undefined {
    const a = this.abstractOf(numId);
    const lvl = a ? this.level(numId, a, ilvl) : undefined;
    if (!a || !lvl) return undefined;
    const key = a.id;
    let c = this.counters.get(key);
    if (!c) this.counters.set(key, (c = new Array(9).fill(undefined)));
    const num = this.nums.get(numId)!;
    if (!this.usedNums.has(numId)) {
      this.usedNums.add(numId);
      // A num with a start override restarts those levels the first time it is used.
      for (const [l, o] of num.overrides) if (o.start !== undefined) c[l] = o.start - 1;
    }
    const start = (l: number) => num.overrides.get(l)?.start ?? this.level(numId, a, l)?.start ?? 1;
    c[ilvl] = c[ilvl] === undefined ? start(ilvl) : c[ilvl]! + 1;
    for (let l = ilvl + 1; l < 9; l++) {
      const r = this.level(numId, a, l)?.restart;
      // Default: a level restarts after any shallower level; lvlRestart=r after levels ≤ r (1-based).
      if (r === undefined ? true : r !== 0 && ilvl + 1 <= r) c[l] = undefined;
    }
    if (lvl.fmt === 'bullet') return { label: lvl.text, suffix: ' ', bullet: true, simpleDecimal: false, value: c[ilvl]! };
    const label = lvl.text.replace(/%([1-9])/g, (_m, d: string) => {
      const k = Number(d) - 1;
      const v = c![k] ?? start(k);
      const fmt = lvl.isLgl && k < ilvl ? 'decimal' : (this.level(numId, a, k)?.fmt ?? 'decimal');
      return formatNumber(v, fmt);
    });
    const simpleDecimal = lvl.fmt === 'decimal' && new RegExp(`^%${ilvl + 1}[.)]$`).test(lvl.text);
    const suffix = lvl.suff === 'nothing' || /[、，．）)\]】：:]$/.test(label) ? '' : ' ';
    return { label, suffix, bullet: false, simpleDecimal, value: c[ilvl]! };
  }
}

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const CN_LEGAL = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const TIANGAN = '甲乙丙丁戊己庚辛壬癸';
const DIZHI = '子丑寅卯辰巳午未申酉戌亥';

function chinese(n: number, digits = CN_DIGITS, units = ['', '十', '百', '千']): string {
  if (n <= 0 || n >= 10000) return String(n);
  const s = String(n);
  let out = '';
  let zero = false;
  for (let i = 0; i < s.length; i++) {
    const d = Number(s[i]);
    const unit = units[s.length - 1 - i];
    if (d === 0) zero = out.length > 0;
    else {
      if (zero) out += digits[0];
      zero = false;
      out += digits[d] + unit;
    }
  }
  // 一十二 → 十二 (the usual reading of 10–19).
  return units[1] === '十' && out.startsWith(digits[1] + units[1]) && s.length === 2 ? out.slice(1) : out;
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const map: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, r] of map) while (n >= v) {
    out += r;
    n -= v;
  }
  return out;
}

/** A counter in a numFmt of WordprocessingML (ST_NumberFormat), as Word displays it. */
export function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case 'decimal':
      return String(n);
    case 'decimalZero':
      return n < 10 && n >= 0 ? `0${n}` : String(n);
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperLetter':
    case 'lowerLetter': {
      if (n <= 0) return String(n);
      const ch = String.fromCharCode(65 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
      return fmt === 'upperLetter' ? ch : ch.toLowerCase();
    }
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'ideographDigital':
      return fmt === 'ideographDigital' ? [...String(n)].map((d) => (d === '0' ? '〇' : CN_DIGITS[Number(d)])).join('') : chinese(n);
    case 'chineseLegalSimplified':
    case 'ideographLegalTraditional':
    case 'japaneseLegal':
      return chinese(n, CN_LEGAL, ['', '拾', '佰', '仟']);
    case 'ideographTraditional':
      return n >= 1 && n <= 10 ? TIANGAN[n - 1] : String(n);
    case 'ideographZodiac':
      return n >= 1 && n <= 12 ? DIZHI[n - 1] : String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
    case 'ideographEnclosedCircle':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : String(n);
    case 'decimalEnclosedParen':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2474 + n - 1) : `(${n})`;
    case 'decimalEnclosedFullstop':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2488 + n - 1) : `${n}.`;
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return [...String(n)].map((d) => String.fromCodePoint(0xff10 + Number(d))).join('');
    case 'none':
      return '';
    default:
      return String(n);
  }
}

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

const inChoice = (el: XElement) => hasAncestor(el, (a) => is(a, NS.mc, 'Choice'));

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

export function scanParts(input: ScanInput): ScanResult {
  const items: ImportItem[] = [];
  const res: ScanResult = { items, footnotes: 0, endnotes: 0, textBoxes: [] };
  const root = parseXml(input.document).root;
  if (!root) return res;

  // Comments: their text from comments.xml, the commented text from the document.
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
  const commentsRoot = input.comments ? parseXml(input.comments).root : undefined;
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

  // Revisions: insertions are accepted (their text is kept), deletions dropped.
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

  // Text boxes (DrawingML and VML; the two renditions of one box are counted once).
  const boxes: string[] = [];
  for (const el of walk(root)) {
    if (!isW(el, 'txbxContent')) continue;
    const t = textOf(el).trim();
    if (t && !boxes.includes(t)) boxes.push(t);
  }
  res.textBoxes = boxes;

  // Objects Markdown cannot hold.
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

  // Equations: Office Math is not converted; its text is listed.
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

  // Linked (external) images: never fetched.
  const rels = input.documentRels ? parseXml(input.documentRels).root : undefined;
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
