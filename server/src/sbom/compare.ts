// The dossier's 现成软件 table against the SBOM: components the table lacks, rows the SBOM does not
// list, and versions that differ — one mismatch each, for the engine to report as
// `inconsistent-fact`. A pure function over plain rows; linear in rows + components except for a
// bounded fallback pass of containment matches.

import { isPlaceholderText, normalize, type CompareOptions, type OtsMismatch, type OtsRow, type SbomComponent } from '../engine';
import { label } from './collect';
import { tableOrder } from './render';
import { parseCpe, parsePurl } from './vocab';

// The row and mismatch types are the engine's SBOM reader port (engine/sbom-reader.ts), the table
// rows its reading of a dossier table (engine/ots-rows.ts); re-exported for the reader's users.
export { rowsFromTable, type CompareOptions, type OtsMismatch, type OtsRow, type OtsTableRow } from '../engine';

/** Pairs whose names only contain one another are looked for while rows × components stays below this. */
const FUZZY_BUDGET = 2_000_000;

/** Version text compared: NFKC, trimmed, lower case, a leading `v` / `version` / `版本` dropped. */
export function normalizeVersion(v: string): string {
  return v
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/^(?:version|ver\.?|版本)\s*[:：]?\s*/u, '')
    .replace(/^v(?=\d)/, '')
    .replace(/\s+/g, ' ');
}

const tokens = (v: string) => new Set(v.split(/[\s,;，；()（）[\]]+/u).filter(Boolean));

/** Same version: equal after normalisation, or every token of one appears in the other (`10.0.19044.3086` ≡ `10.0.19044.3086 (21H2)`). */
export function sameVersion(a: string, b: string): boolean {
  const x = normalizeVersion(a);
  const y = normalizeVersion(b);
  if (x === y) return true;
  if (!x || !y) return false;
  const tx = tokens(x);
  const ty = tokens(y);
  const sub = (s: Set<string>, t: Set<string>) => [...s].every((k) => t.has(k));
  return sub(tx, ty) || sub(ty, tx);
}

// Words that say what kind of organisation a vendor is, not which one.
const VENDOR_NOISE = new Set(
  'the inc incorporated ltd limited llc lp plc co corp corporation company gmbh ag sa sas bv nv ab oy kg ev e.v srl spa kk pty pte foundation project projects community team group org organization organisation software technologies technology tech systems solutions labs international holdings developers contributors and of'.split(
    ' ',
  ),
);
const CJK_NOISE = /股份有限公司|有限责任公司|有限公司|股份|集团|公司|科技|技术|信息|软件|电子|医疗|网络|系统|开发|项目|社区|基金会|中国|北京|上海|深圳|广州|杭州|苏州|南京|成都|武汉/gu;

/** The identifying parts of a vendor: Latin words other than legal forms, CJK bigrams other than generic ones. */
function vendorKeys(v: string): Set<string> {
  const s = v
    .normalize('NFKC')
    .toLowerCase()
    .replace(/<[^>]*>|\([^)]*@[^)]*\)|\S+@\S+|https?:\/\/\S+/g, ' ');
  const out = new Set<string>();
  for (const w of s.match(/[a-z0-9][a-z0-9.&'-]*/g) ?? []) {
    const k = w.replace(/[.'-]+$/g, '');
    if (k.length >= 2 && !VENDOR_NOISE.has(k)) out.add(k);
  }
  for (const run of s.replace(CJK_NOISE, ' ').match(/[\p{Script=Han}]+/gu) ?? []) {
    if (run.length === 1) out.add(run);
    for (let i = 0; i + 1 < run.length; i++) out.add(run.slice(i, i + 2));
  }
  return out;
}

/**
 * Whether two vendor names may name the same organisation: they share an identifying word
 * (`OpenSSL Software Foundation` ≈ `The OpenSSL Project`, `Microsoft` ≈ `Microsoft Corporation`,
 * `深圳迈瑞生物医疗电子股份有限公司` ≈ `迈瑞医疗`), or one has no identifying word at all. Only a
 * clear difference (`Microsoft Corporation` vs `Oracle`) is false: spelling and legal forms never are.
 */
export function sameVendor(a: string, b: string): boolean {
  const x = vendorKeys(a);
  const y = vendorKeys(b);
  if (!x.size || !y.size) return true;
  for (const k of x) if (y.has(k)) return true;
  return false;
}

/** The names a component goes by: its name, the purl name (with namespace), the CPE product. */
function aliases(c: SbomComponent): string[] {
  const out = new Set<string>();
  const add = (s: string | undefined) => {
    const k = s ? normalize(s) : '';
    if (k) out.add(k);
  };
  add(c.name);
  if (c.purl) {
    const p = parsePurl(c.purl);
    add(p?.name);
    if (p?.namespace) add(`${p.namespace}/${p.name}`);
  }
  if (c.cpe) add(parseCpe(c.cpe)?.product?.replace(/_/g, ' '));
  return [...out];
}

/**
 * Pairs each table row with at most one component, in three passes: same name and same version,
 * then same name, then (while rows × components stays within FUZZY_BUDGET) a unique candidate
 * whose name contains the row's or is contained in it. `match[row]` is the component's index in
 * `comps` or -1; `taken[component]` is 1 when a row has it.
 */
function matchRows(rows: readonly OtsRow[], comps: readonly SbomComponent[]): { match: number[]; taken: Uint8Array } {
  const names = comps.map(aliases);
  const index = new Map<string, number[]>();
  names.forEach((keys, i) => {
    for (const k of keys) {
      const list = index.get(k);
      if (!list) index.set(k, [i]);
      else if (list[list.length - 1] !== i) list.push(i);
    }
  });
  const taken = new Uint8Array(comps.length);
  const match = new Array<number>(rows.length).fill(-1);
  const rowKeys = rows.map((r) => normalize(r.name));
  const version = (i: number) => comps[i].version ?? '';

  // 1. same name and same version; 2. same name.
  for (const sameVer of [true, false]) {
    rows.forEach((r, ri) => {
      if (match[ri] >= 0 || !rowKeys[ri]) return;
      const cands = index.get(rowKeys[ri]);
      if (!cands) return;
      const hit = cands.find((ci) => !taken[ci] && (!sameVer || (r.version.trim() && version(ci) && sameVersion(r.version, version(ci)))));
      if (hit !== undefined) {
        match[ri] = hit;
        taken[hit] = 1;
      }
    });
  }
  // 3. one name contains the other (`Windows 10 IoT Enterprise LTSC` ≈ `… LTSC 2021`, `libcurl` ≈
  // `curl`): only a unique candidate (or the unique one with the same version) is taken.
  const open = rows.map((_, ri) => ri).filter((ri) => match[ri] < 0 && rowKeys[ri].length >= 2);
  if (open.length && open.length * comps.length <= FUZZY_BUDGET) {
    for (const ri of open) {
      const rk = rowKeys[ri];
      const cands: number[] = [];
      for (let ci = 0; ci < comps.length; ci++) {
        if (taken[ci]) continue;
        if (names[ci].some((k) => k.length >= 2 && (k.includes(rk) || rk.includes(k)))) cands.push(ci);
      }
      let pickIdx: number | undefined = cands.length === 1 ? cands[0] : undefined;
      if (cands.length > 1 && rows[ri].version.trim()) {
        const same = cands.filter((ci) => version(ci) && sameVersion(rows[ri].version, version(ci)));
        if (same.length === 1) pickIdx = same[0];
      }
      if (pickIdx !== undefined) {
        match[ri] = pickIdx;
        taken[pickIdx] = 1;
      }
    }
  }
  return { match, taken };
}

export function compareOtsTable<R extends OtsRow>(rows: readonly R[], components: readonly SbomComponent[], opts: CompareOptions = {}): OtsMismatch<R>[] {
  const comps = tableOrder(components);
  const { match, taken } = matchRows(rows, comps);
  const where = opts.sbomName ? { zh: `（${opts.sbomName}）`, en: ` (${opts.sbomName})` } : { zh: '', en: '' };
  const out: OtsMismatch<R>[] = [];
  rows.forEach((row, index) => {
    const ci = match[index];
    const rowLabel = row.version.trim() ? `${row.name.trim()} ${row.version.trim()}` : row.name.trim();
    if (ci < 0) {
      out.push({
        kind: 'not-in-sbom',
        row,
        index,
        message: {
          zh: `现成软件表格中的“${rowLabel}”不在 SBOM${where.zh} 中：补充到 SBOM，或从表格中删除`,
          en: `“${rowLabel}” in the off-the-shelf software table is not in the SBOM${where.en}: add it to the SBOM or remove the row`,
        },
      });
      return;
    }
    const c = comps[ci];
    const tv = row.version.trim();
    const sv = c.version ?? '';
    // An empty or placeholder cell is already reported (incomplete-row, placeholder).
    if (tv && sv && !isPlaceholderText(tv) && !sameVersion(tv, sv)) {
      out.push({
        kind: 'version-differs',
        row,
        index,
        component: c,
        tableVersion: tv,
        sbomVersion: sv,
        message: {
          zh: `“${row.name.trim()}”的版本在现成软件表格中为“${tv}”，SBOM${where.zh} 中为“${sv}”`,
          en: `The version of “${row.name.trim()}” is “${tv}” in the off-the-shelf software table but “${sv}” in the SBOM${where.en}`,
        },
      });
    }
  });
  if (opts.vendors) {
    rows.forEach((row, index) => {
      const ci = match[index];
      if (ci < 0) return;
      const c = comps[ci];
      const tv = row.vendor.trim();
      const sv = c.vendor ?? '';
      // Authors are people, not the 供应商 a table names; an empty or placeholder cell is reported elsewhere.
      if (!tv || !sv || isPlaceholderText(tv) || c.vendorSource === 'author' || c.vendorSource === 'authors' || sameVendor(tv, sv)) return;
      out.push({
        kind: 'vendor-differs',
        row,
        index,
        component: c,
        tableVendor: tv,
        sbomVendor: sv,
        message: {
          zh: `“${row.name.trim()}”的供应商在现成软件表格中为“${tv}”，SBOM${where.zh} 中为“${sv}”`,
          en: `The vendor of “${row.name.trim()}” is “${tv}” in the off-the-shelf software table but “${sv}” in the SBOM${where.en}`,
        },
      });
    });
  }
  comps.forEach((c, ci) => {
    if (taken[ci]) return;
    out.push({
      kind: 'missing-from-table',
      component: c,
      message: {
        zh: `SBOM${where.zh} 列出的“${label(c)}”不在现成软件表格中`,
        en: `“${label(c)}” is in the SBOM${where.en} but not in the off-the-shelf software table`,
      },
    });
  });
  return out;
}
