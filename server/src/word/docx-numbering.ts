// List and heading numbering (word/numbering.xml), as Word displays it: abstract numberings and
// their overrides, multilevel lists linked to heading styles, counters per level, and every
// numFmt of ST_NumberFormat the dossiers use (decimal, letters, roman, Chinese counting).

import { styleChain, type Styles } from './docx-styles';
import { attr, parseXml, wChild, wChildren, wVal, type XElement } from './xml';

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
