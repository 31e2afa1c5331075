// What the importer knows about identifiers and types: component type → 类别, package URLs, CPE
// names, dates, the flags. Pure functions.

import { isFullVersion } from '../engine';
import { parseCpe, parsePurl } from './identifiers';
import type { Category, CategoryId, ComponentFlag, LifecycleLabel, SbomComponent } from './types';

export { parseCpe, parsePurl };

const KIND: Record<CategoryId, { zh: string; en: string }> = {
  application: { zh: '应用软件', en: 'Application software' },
  system: { zh: '系统软件', en: 'System software' },
  support: { zh: '支持软件', en: 'Support software' },
};

function category(id: CategoryId, zhDetail?: string, enDetail?: string): Category {
  const k = KIND[id];
  return zhDetail ? { id, zh: `${k.zh}（${zhDetail}）`, en: `${k.en} (${enDetail})` } : { id, zh: k.zh, en: k.en };
}

/**
 * The 2017 guideline names three kinds of OTS software — 应用软件、系统软件、支持软件 (四(二)1(6)) —
 * so every software type maps to one of them, with the SBOM's own type in brackets. Types that are
 * not software (`device` hardware, `data`, `cryptographic-asset`) map to null: they are skipped.
 * SPDX purposes without a clear kind (SOURCE, ARCHIVE, INSTALL, OTHER) get no category.
 */
const TYPES: Record<string, Category | null | undefined> = {
  application: category('application'),
  'operating-system': category('system', '操作系统', 'operating system'),
  firmware: category('system', '固件', 'firmware'),
  'device-driver': category('system', '设备驱动', 'device driver'),
  container: category('system', '容器', 'container'),
  platform: category('support', '运行平台', 'platform'),
  framework: category('support', '框架', 'framework'),
  library: category('support', '库', 'library'),
  file: category('support', '文件', 'file'),
  'machine-learning-model': category('support', '机器学习模型', 'machine-learning model'),
  device: null,
  data: null,
  'cryptographic-asset': null,
};

/** The category of a type; null for a type that is not software; undefined when unknown. */
export function categoryOf(type: string | undefined): Category | null | undefined {
  if (!type) return undefined;
  return TYPES[type];
}

/** A `cyberdossier:category` property: application / system / support, or the zh words. */
export function categoryFromProperty(v: string, type: string | undefined): Category | undefined {
  const t = v.normalize('NFKC').trim().toLowerCase();
  const id: CategoryId | undefined = /^(?:application|应用软件|应用)$/.test(t) ? 'application' : /^(?:system|系统软件|系统)$/.test(t) ? 'system' : /^(?:support|支持软件|支持)$/.test(t) ? 'support' : undefined;
  if (!id) return undefined;
  const byType = categoryOf(type);
  return byType && byType.id === id ? byType : category(id);
}

/** Rank of a category in the table (the guideline's order: 应用软件、系统软件、支持软件; unknown last). */
export function categoryRank(c: Category | undefined): number {
  return c ? ['application', 'system', 'support'].indexOf(c.id) : 3;
}

/** The purl without qualifiers and subpath, lower-cased: the deduplication key. */
export function purlKey(purl: string): string | undefined {
  const p = parsePurl(purl);
  if (!p) return undefined;
  return nfkc(`pkg:${p.type}/${p.namespace ? `${p.namespace}/` : ''}${p.name}@${p.version ?? ''}`).toLowerCase();
}

/**
 * 型号规格 from a CPE: its edition, software edition, target software and target hardware
 * (`*` and `-` mean any / not applicable and are left out), e.g. `x64`, `open source`.
 */
export function modelFromCpe(cpe: string): string | undefined {
  const a = parseCpe(cpe);
  if (!a) return undefined;
  const parts = [a.edition, a.sw_edition, a.target_sw, a.target_hw]
    .map((s) => (s ?? '').trim())
    .filter((s) => s && s !== '*' && s !== '-' && s !== 'ANY' && s !== 'NA')
    .map((s) => s.replace(/_/g, ' '));
  return parts.length ? [...new Set(parts)].join(' ') : undefined;
}

/** `2024-01-30T08:00:00Z` → `2024-01-30`; undefined when it is no date. */
export function dateOf(s: string | undefined): string | undefined {
  const m = s ? /^\s*(\d{4}-\d{2}-\d{2})/.exec(s) : null;
  return m ? m[1] : undefined;
}

/** Text of a field as a table cell: one line, spaces collapsed; undefined when blank or NOASSERTION. */
export function clean(s: string | undefined): string | undefined {
  if (s === undefined) return undefined;
  const t = s.replace(/[\s\u0000-\u001f\u007f]+/g, ' ').trim();
  if (!t || /^(?:NOASSERTION|NONE)$/.test(t)) return undefined;
  return t.length > 500 ? `${t.slice(0, 499)}…` : t;
}

/** Microsoft update packages listed as components (`KB5034441`): patches, not OTS software. */
export const KB_NAME = /^KB\d{6,8}$/i;

/** The flags of a component (in this order): no version / not a full version, no vendor. */
export function componentFlags(c: Pick<SbomComponent, 'version' | 'versionSource' | 'vendor'>): ComponentFlag[] {
  const f: ComponentFlag[] = [];
  if (!c.version) f.push('version-missing');
  else if (c.versionSource === 'versionRange' || !isFullVersion(c.version)) f.push('version-not-full');
  if (!c.vendor) f.push('supplier-missing');
  return f;
}

/** Names and versions compared: NFKC, case and spacing folded. */
export function foldKey(s: string): string {
  return nfkc(s).trim().toLowerCase().replace(/\s+/g, ' ');
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/** NFKC, skipped for printable ASCII (which it leaves as it is): most SBOM text, and a hot path. */
export function nfkc(s: string): string {
  return PRINTABLE_ASCII.test(s) ? s : s.normalize('NFKC');
}

/**
 * The lifecycle element a property or annotation label names (requirements-fda-premarket-2025.md
 * §10.2): compared case-folded with everything but letters and digits removed, by its ending, so a
 * namespace prefix (`fda:`, `cdx:lifecycle:milestone:`) and any spelling of the words count.
 */
export function lifecycleLabel(name: string): LifecycleLabel | undefined {
  const k = nfkc(name).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  if (/(?:justification|rationale)$/.test(k)) return 'justification';
  if (/(?:levelofsupport|supportlevel)$/.test(k)) return 'support';
  if (/(?:endofsupport|endofsupportdate)$/.test(k) || k === 'eos' || k === 'eosdate') return 'endOfSupport';
  return undefined;
}

/**
 * The labelled lines of an SPDX annotation comment: `Label: value` or `Label = value`. The label
 * is the text before the first `:` / `=` at which it is a lifecycle label (`fda:levelOfSupport: …`
 * splits after `levelOfSupport`); the first line of each label wins.
 */
export function lifecycleLines(comment: string, into: Partial<Record<LifecycleLabel, string>>): void {
  for (const line of comment.split(/\r\n|\r|\n/)) {
    const sep = /[:=：]/g;
    for (let m = sep.exec(line); m; m = sep.exec(line)) {
      const label = lifecycleLabel(line.slice(0, m.index));
      if (!label) continue;
      const value = clean(line.slice(m.index + 1));
      if (value && into[label] === undefined) into[label] = value;
      break;
    }
  }
}
