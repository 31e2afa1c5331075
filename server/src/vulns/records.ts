// One record of each format → a VulnRecord: OSV (https://ossf.github.io/osv-schema/), an item of
// the NVD CVE API 2.0 (`vulnerabilities[].cve`), a CVE JSON 5 record, and the CISA KEV catalog.
// Only the fields matching needs are read; unknown fields are ignored, wrong types skipped.

import { cvss3BaseScore, levelOf, levelOfWord, type Cvss } from './cvss';
import { cpeKey, isDistribution, normName, pkgKey } from './keys';
import type { Affected, KevEntry, VulnRecord } from './types';
import { osvIntervals, schemeOf, type OsvEvent, type VersionInterval } from './version';

type J = Record<string, unknown>;
const obj = (v: unknown): J | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as J) : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length <= 4096 ? v : undefined);
const MAX_LIST = 10_000;

/** The IDs once each (compared without case, written as the data writes them), a CVE first. */
function primary(ids: string[]): string[] {
  const seen = new Set<string>();
  const uniq = ids.filter((x) => x && !seen.has(x.toUpperCase()) && seen.add(x.toUpperCase()));
  const cve = uniq.find((x) => /^CVE-/i.test(x));
  return cve ? [cve.toUpperCase(), ...uniq.filter((x) => x !== cve)] : uniq;
}

function withLevel(r: VulnRecord, word?: unknown): VulnRecord {
  if (r.cvss) r.level = levelOf(r.cvss.score);
  else {
    const l = levelOfWord(word);
    if (l) r.level = l;
  }
  return r;
}

// ---- OSV ------------------------------------------------------------------------------------

export function isOsv(o: J): boolean {
  return typeof o.id === 'string' && (Array.isArray(o.affected) || typeof o.modified === 'string') && !('cveMetadata' in o);
}

export function osvRecord(o: J): VulnRecord | undefined {
  const id = str(o.id);
  if (!id || o.withdrawn) return undefined;
  const ids = primary([id, ...arr(o.aliases).slice(0, 100).map(str).filter((x): x is string => !!x)]);
  let cvss: Cvss | undefined;
  for (const s of arr(o.severity)) {
    const v = str(obj(s)?.score);
    const c = v ? cvss3BaseScore(v) : undefined;
    if (c && (!cvss || c.version > cvss.version)) cvss = c;
  }
  const affected: Affected[] = [];
  for (const a of arr(o.affected).slice(0, MAX_LIST)) {
    const ao = obj(a);
    const p = obj(ao?.package);
    const eco = str(p?.ecosystem);
    const name = str(p?.name);
    if (!ao || !eco || !name) continue;
    if (!cvss)
      for (const s of arr(ao.severity)) {
        const v = str(obj(s)?.score);
        const c = v ? cvss3BaseScore(v) : undefined;
        if (c) cvss = c;
      }
    const scheme = schemeOf(eco);
    const intervals: VersionInterval[] = [];
    for (const r of arr(ao.ranges).slice(0, MAX_LIST)) {
      const ro = obj(r);
      const type = str(ro?.type);
      // GIT ranges name commits, not versions.
      if (type !== 'ECOSYSTEM' && type !== 'SEMVER') continue;
      const events = arr(ro!.events)
        .slice(0, MAX_LIST)
        .map((e) => obj(e))
        .filter((e): e is J => !!e)
        .map((e): OsvEvent => ({ introduced: str(e.introduced), fixed: str(e.fixed), last_affected: str(e.last_affected), limit: str(e.limit) }));
      intervals.push(...osvIntervals(events, type === 'SEMVER' ? 'semver' : scheme));
    }
    const versions = arr(ao.versions).slice(0, MAX_LIST).map(str).filter((x): x is string => !!x);
    const short = name.includes(':') ? name.split(':').pop()! : name.includes('/') ? name.split('/').pop()! : name;
    affected.push({
      pkg: pkgKey(eco, name),
      names: isDistribution(eco) ? [] : [...new Set([normName(name), normName(short)])],
      scheme: type0(ao) === 'SEMVER' ? 'semver' : scheme,
      intervals,
      versions,
    });
  }
  return withLevel({ id: ids[0], ids, summary: str(o.summary), published: str(o.published), modified: str(o.modified), ...(cvss ? { cvss } : {}), affected }, obj(o.database_specific)?.severity);
}

const type0 = (a: J) => str(obj(arr(a.ranges)[0])?.type);

// ---- NVD CVE API 2.0 ------------------------------------------------------------------------

export function nvdRecord(item: J): VulnRecord | undefined {
  const c = obj(item.cve);
  const id = str(c?.id);
  if (!c || !id || /^rejected$/i.test(str(c.vulnStatus) ?? '')) return undefined;
  const metrics = obj(c.metrics);
  let cvss: Cvss | undefined;
  let word: unknown;
  for (const key of ['cvssMetricV31', 'cvssMetricV30']) {
    const list = arr(metrics?.[key]).map(obj).filter((x): x is J => !!x);
    const m = list.find((x) => x.type === 'Primary') ?? list[0];
    const d = obj(m?.cvssData);
    const vector = str(d?.vectorString);
    if (!d || !vector) continue;
    const score = typeof d.baseScore === 'number' ? d.baseScore : cvss3BaseScore(vector)?.score;
    if (score === undefined) continue;
    cvss = { version: String(d.version ?? (key === 'cvssMetricV31' ? '3.1' : '3.0')), score, vector };
    word = d.baseSeverity;
    break;
  }
  if (!cvss) word = obj(arr(metrics?.cvssMetricV2)[0])?.baseSeverity;
  const affected: Affected[] = [];
  const byKey = new Map<string, Affected>();
  // Every vulnerable CPE match of every node; platform conditions (AND with a non-vulnerable
  // operating system) are not evaluated — the match is on the software itself.
  const stack = arr(c.configurations).slice(0, MAX_LIST).map(obj);
  let budget = MAX_LIST * 4;
  while (stack.length && budget-- > 0) {
    const n = stack.pop();
    if (!n) continue;
    for (const node of arr(n.nodes).slice(0, MAX_LIST)) stack.push(obj(node));
    for (const child of arr(n.children).slice(0, MAX_LIST)) stack.push(obj(child));
    if (n.negate === true) continue;
    for (const m of arr(n.cpeMatch).slice(0, MAX_LIST)) {
      const mo = obj(m);
      const criteria = str(mo?.criteria);
      if (!mo || !criteria || mo.vulnerable !== true) continue;
      const k = cpeKey(criteria);
      if (!k) continue;
      let a = byKey.get(k.key);
      if (!a) {
        a = { cpe: k.key, names: [normName(k.key.split(':')[1])], scheme: 'generic', intervals: [], versions: [] };
        byKey.set(k.key, a);
        affected.push(a);
      }
      const r: VersionInterval = {};
      const si = str(mo.versionStartIncluding);
      const se = str(mo.versionStartExcluding);
      const ei = str(mo.versionEndIncluding);
      const ee = str(mo.versionEndExcluding);
      if (si) r.from = si;
      else if (se) (r.from = se), (r.fromExcl = true);
      if (ei) (r.to = ei), (r.toIncl = true);
      else if (ee) r.to = ee;
      if (si || se || ei || ee) a.intervals.push(r);
      // An exact CPE version (openssl 1.1.1 update w is written 1.1.1w by OpenSSL's NVD entries).
      else if (k.version) a.versions.push(k.update ? `${k.version}${k.update}` : k.version);
      else a.intervals.push({});
    }
  }
  const en = arr(c.descriptions).map(obj).find((d) => d?.lang === 'en');
  return withLevel({ id, ids: [id.toUpperCase()], summary: str(en?.value)?.slice(0, 300), published: str(c.published), modified: str(c.lastModified), ...(cvss ? { cvss } : {}), affected }, word);
}

// ---- CVE JSON 5 -----------------------------------------------------------------------------

export function isCve5(o: J): boolean {
  return o.dataType === 'CVE_RECORD' || (!!obj(o.cveMetadata) && !!obj(o.containers));
}

export function cve5Record(o: J): VulnRecord | undefined {
  const meta = obj(o.cveMetadata);
  const id = str(meta?.cveId);
  if (!meta || !id || meta.state === 'REJECTED') return undefined;
  const containers = obj(o.containers);
  const cna = obj(containers?.cna);
  const all = [cna, ...arr(containers?.adp).map(obj)].filter((x): x is J => !!x);
  let cvss: Cvss | undefined;
  for (const cont of all) {
    for (const m of arr(cont.metrics)) {
      const mo = obj(m);
      const d = obj(mo?.cvssV3_1) ?? obj(mo?.cvssV3_0);
      const vector = str(d?.vectorString);
      if (!d || !vector) continue;
      const score = typeof d.baseScore === 'number' ? d.baseScore : cvss3BaseScore(vector)?.score;
      if (score !== undefined && !cvss) cvss = { version: String(d.version ?? '3.1'), score, vector };
    }
  }
  const affected: Affected[] = [];
  for (const a of arr(cna?.affected).slice(0, MAX_LIST)) {
    const ao = obj(a);
    if (!ao) continue;
    const product = str(ao.product);
    const vendor = str(ao.vendor);
    const pkgName = str(ao.packageName);
    const names = [...new Set([product, pkgName].filter((x): x is string => !!x && x !== 'n/a').map(normName))];
    const cpes = arr(ao.cpes).map(str).filter((x): x is string => !!x).map(cpeKey).filter((x) => !!x);
    const intervals: VersionInterval[] = [];
    const versions: string[] = [];
    let scheme: Affected['scheme'] = 'generic';
    for (const v of arr(ao.versions).slice(0, MAX_LIST)) {
      const vo = obj(v);
      const version = str(vo?.version);
      if (!vo || !version || vo.status !== 'affected') continue;
      if (vo.versionType === 'git') continue;
      if (vo.versionType === 'semver') scheme = 'semver';
      const lt = str(vo.lessThan);
      const le = str(vo.lessThanOrEqual);
      if (lt && lt !== '*') intervals.push({ from: version, to: lt });
      else if (le && le !== '*') intervals.push({ from: version, to: le, toIncl: true });
      else if (lt === '*' || le === '*') intervals.push({ from: version });
      else versions.push(version);
    }
    if (!intervals.length && !versions.length && ao.defaultStatus !== 'affected') continue;
    if (!intervals.length && !versions.length) intervals.push({});
    const cpe = cpes[0]?.key ?? (vendor && product && vendor !== 'n/a' ? `${normName(vendor)}:${normName(product)}` : undefined);
    affected.push({ ...(cpe ? { cpe } : {}), names, scheme, intervals, versions });
  }
  const desc = arr(cna?.descriptions).map(obj).find((d) => typeof d?.lang === 'string' && /^en/.test(d.lang as string));
  return withLevel({ id, ids: [id.toUpperCase()], summary: str(desc?.value)?.slice(0, 300), published: str(meta.datePublished), modified: str(meta.dateUpdated), ...(cvss ? { cvss } : {}), affected });
}

// ---- CISA KEV -------------------------------------------------------------------------------

export function isKev(o: J): boolean {
  return typeof o.catalogVersion === 'string' && Array.isArray(o.vulnerabilities);
}

export function kevEntry(v: unknown): KevEntry | undefined {
  const o = obj(v);
  const cve = str(o?.cveID);
  if (!o || !cve) return undefined;
  return { cve: cve.toUpperCase(), dateAdded: str(o.dateAdded), dueDate: str(o.dueDate), ...(o.knownRansomwareCampaignUse === 'Known' ? { ransomware: true } : {}) };
}

export function isNvd(o: J): boolean {
  return o.format === 'NVD_CVE' || (Array.isArray(o.vulnerabilities) && !!obj(obj(o.vulnerabilities[0])?.cve));
}
