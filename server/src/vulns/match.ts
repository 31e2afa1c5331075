// Components × indexed vulnerability data → the known vulnerabilities of each component. A record
// and a component meet on the first key both have, in this order: the package (purl ↔ OSV
// ecosystem + name, with that ecosystem's version semantics), the CPE (vendor + product, NVD's
// version bounds), the normalised name (a dossier's OTS table has neither purl nor CPE). The same
// vulnerability from several feeds (a CVE in NVD and its GHSA in OSV) is reported once, under
// its CVE ID, with every ID it goes by.

import { cpeKey, normName, purlPackage } from './keys';
import type { LoadedFeed } from './store';
import type { Affected, KevEntry, VexStatement, VulnRecord } from './types';
import { assesses, productKeys } from './vex';
import { compareVersions, inInterval, type Scheme } from './version';

export interface Component {
  name: string;
  version?: string;
  purl?: string;
  cpe?: string;
  vendor?: string;
}

export type MatchMethod = 'purl' | 'cpe' | 'name';

export interface KnownVulnerability {
  id: string;
  ids: string[];
  component: Component;
  method: MatchMethod;
  record: VulnRecord;
  /** Values of the feeds that list it. */
  feeds: string[];
  kev?: KevEntry;
  /** The VEX statement that assesses it for this component, if any. */
  vex?: VexStatement;
}

function affects(a: Affected, version: string, scheme: Scheme): boolean {
  if (a.versions.some((v) => compareVersions(v, version, scheme) === 0)) return true;
  return a.intervals.some((r) => inInterval(version, r, scheme));
}

/** The keys of a component, in matching order. */
function componentKeys(c: Component): { method: MatchMethod; key: string; version?: string; scheme?: Scheme }[] {
  const out: { method: MatchMethod; key: string; version?: string; scheme?: Scheme }[] = [];
  const p = c.purl ? purlPackage(c.purl) : undefined;
  if (p) out.push({ method: 'purl', key: `p:${p.pkg}`, version: c.version ?? p.version, scheme: p.scheme });
  const k = c.cpe ? cpeKey(c.cpe) : undefined;
  if (k) out.push({ method: 'cpe', key: `c:${k.key}`, version: c.version ?? k.version });
  const n = normName(c.name);
  if (n) out.push({ method: 'name', key: `n:${n}`, version: c.version });
  return out;
}

export function matchComponents(components: readonly Component[], feeds: readonly LoadedFeed[]): KnownVulnerability[] {
  const kev = new Map<string, KevEntry>();
  const vex: VexStatement[] = [];
  for (const f of feeds) {
    for (const [k, v] of f.kev) kev.set(k, v);
    vex.push(...f.vex);
  }
  const out: KnownVulnerability[] = [];
  for (const c of components) {
    const keys = componentKeys(c);
    // id → the finding for this component (aliases merged).
    const byId = new Map<string, KnownVulnerability>();
    const methodsTried = new Set<MatchMethod>();
    for (const k of keys) {
      if (!k.version) continue;
      methodsTried.add(k.method);
      for (const f of feeds) {
        for (const i of f.index.keys.get(k.key) ?? []) {
          const r = f.index.record(i);
          if (!r) continue;
          // Only the affected entries of this key; a record met on an earlier method is not met again.
          const hit = r.affected.some((a) => {
            const on = k.method === 'purl' ? a.pkg === k.key.slice(2) : k.method === 'cpe' ? a.cpe === k.key.slice(2) : a.names.includes(k.key.slice(2));
            if (!on) return false;
            // A package key knows its ecosystem's scheme; a CPE or a name uses the record's.
            return affects(a, k.version!, k.method === 'purl' ? (a.scheme === 'semver' ? 'semver' : (k.scheme ?? a.scheme)) : a.scheme);
          });
          // The name method only when no earlier method of this component knew the record's package.
          if (!hit) continue;
          const existing = r.ids.map((id) => byId.get(id.toUpperCase())).find(Boolean);
          if (existing) {
            for (const id of r.ids) if (!existing.ids.some((x) => x.toUpperCase() === id.toUpperCase())) existing.ids.push(id);
            if (!existing.feeds.includes(f.value)) existing.feeds.push(f.value);
            if (!existing.record.cvss && r.cvss) existing.record = { ...existing.record, cvss: r.cvss, level: r.level };
            if (existing.id !== existing.ids.find((x) => x.startsWith('CVE-')) && r.id.startsWith('CVE-')) existing.id = r.id;
            for (const id of existing.ids) byId.set(id.toUpperCase(), existing);
            continue;
          }
          if (k.method === 'name' && (methodsTried.has('purl') || methodsTried.has('cpe')) && r.affected.some((a) => (a.pkg && keys.some((x) => x.key === `p:${a.pkg}`)) || (a.cpe && keys.some((x) => x.key === `c:${a.cpe}`))))
            continue;
          const kv: KnownVulnerability = { id: r.id, ids: [...r.ids], component: c, method: k.method, record: r, feeds: [f.value] };
          for (const id of kv.ids) byId.set(id.toUpperCase(), kv);
        }
      }
    }
    const seen = new Set<KnownVulnerability>();
    for (const kv of byId.values()) {
      if (seen.has(kv)) continue;
      seen.add(kv);
      const cve = kv.ids.find((x) => x.startsWith('CVE-'));
      if (cve) kv.id = cve;
      const k = kv.ids.map((id) => kev.get(id.toUpperCase())).find(Boolean);
      if (k) kv.kev = k;
      const v = vexFor(vex, kv.ids, c);
      if (v) kv.vex = v;
      out.push(kv);
    }
  }
  out.sort((a, b) => (b.record.cvss?.score ?? -1) - (a.record.cvss?.score ?? -1) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return out;
}

/** The VEX statement about one of the IDs for this component: a product-specific one first, one that assesses before one that does not. */
export function vexFor(vex: readonly VexStatement[], ids: readonly string[], c: Component): VexStatement | undefined {
  if (!vex.length) return undefined;
  const want = new Set(ids.map((x) => x.toUpperCase()));
  const mine = new Set<string>();
  // Only the keys of the component's own version count as versioned ones.
  const own = (k: string) => !k.includes('@') || (c.version !== undefined && k.endsWith(`@${c.version}`));
  if (c.purl) for (const k of productKeys(c.purl)) if (own(k)) mine.add(k);
  if (c.cpe) for (const k of productKeys(c.cpe)) if (own(k)) mine.add(k);
  const n = normName(c.name);
  const p = c.purl ? purlPackage(c.purl) : undefined;
  const version = c.version ?? p?.version;
  mine.add(`n:${n}`);
  if (version) mine.add(`n:${n}@${version}`);
  let best: { s: VexStatement; rank: number } | undefined;
  for (const s of vex) {
    if (!s.ids.some((id) => want.has(id.toUpperCase()))) continue;
    let rank = -1;
    if (!s.products.length) rank = 0;
    for (const ref of s.products) {
      const keys = productKeys(ref);
      // A versioned product reference names that version only; a bare name matches any.
      const exact = keys.some((k) => mine.has(k) && k.includes('@'));
      const loose = keys.some((k) => mine.has(k) && !k.includes('@'));
      const versioned = keys.some((k) => k.includes('@'));
      if (exact) rank = Math.max(rank, 2);
      else if (loose && !versioned) rank = Math.max(rank, 1);
    }
    if (rank < 0) continue;
    if (assesses(s)) rank += 10;
    if (!best || rank > best.rank) best = { s, rank };
  }
  return best?.s;
}
