// One CycloneDX component entry → a normalised component (name, version, supplier, model, type,
// category, purl, CPE, licences, unique identifier, support and lifecycle properties), with the
// issues a reviewer needs; and the vocabulary each spec version allows (types, scopes, patch and
// issue types). readCycloneDx (cyclonedx.ts) walks the entries and calls it for each.

import { Checker, child, isObject, type Json, type JsonObject, type PathNode } from './validate';
import { type LifecycleLabel, type SbomComponent } from './types';
import { clean, dateOf, lifecycleLabel, modelFromCpe, parsePurl } from './vocab';

export const CYCLONEDX_VERSIONS = ['1.4', '1.5', '1.6'] as const;
export type CycloneDxVersion = (typeof CYCLONEDX_VERSIONS)[number];

const TYPES_1_4 = ['application', 'framework', 'library', 'container', 'operating-system', 'device', 'firmware', 'file'];
const TYPES_1_5 = [...TYPES_1_4, 'platform', 'device-driver', 'machine-learning-model', 'data'];
const TYPES: Record<CycloneDxVersion, string[]> = { '1.4': TYPES_1_4, '1.5': TYPES_1_5, '1.6': [...TYPES_1_5, 'cryptographic-asset'] };
const PATCH_TYPES = ['unofficial', 'monkey', 'backport', 'cherry-pick'];
const ISSUE_TYPES = ['defect', 'enhancement', 'security'];
const SCOPES = ['required', 'optional', 'excluded'];

/** Properties a producer may set to tell the importer what the SBOM has no field for. */
export const PROPERTY = { model: 'cyberdossier:model', category: 'cyberdossier:category', releaseDate: 'cyberdossier:releaseDate' } as const;

export interface ReadComponent {
  name: string;
  version?: string;
  versionSource?: SbomComponent['versionSource'];
  vendor?: string;
  vendorSource?: SbomComponent['vendorSource'];
  model?: string;
  modelSource?: SbomComponent['modelSource'];
  type?: string;
  categoryProp?: string;
  purl?: string;
  cpe?: string;
  scope?: string;
  licenses: string[];
  ref?: string;
  /** The release notes' date, else the cyberdossier:releaseDate property. */
  date?: string;
  propDate?: string;
  releaseType?: string;
  releaseTitle?: string;
  releaseResolves: string[];
  patches: { name: string; resolves: string[] }[];
  /** swid tag ID, OmniBOR ID, SWHID or a hash (purl and CPE are kept apart). */
  uid?: string;
  lifecycle: Partial<Record<LifecycleLabel, string>>;
}

/** One component's fields (checked), or undefined when it has no usable name. */
export function readComponent(ck: Checker, o: JsonObject, where: PathNode, spec: CycloneDxVersion): ReadComponent | undefined {
  const type = ck.oneOf(o, 'type', where, TYPES[spec], true);
  const rawName = ck.str(o, 'name', where, true);
  const rawVersion = ck.str(o, 'version', where);
  const range = spec === '1.6' ? ck.str(o, 'versionRange', where) : undefined;
  const publisher = ck.str(o, 'publisher', where);
  const author = ck.str(o, 'author', where);
  ck.str(o, 'group', where);
  const purl = clean(ck.str(o, 'purl', where));
  const cpe = clean(ck.str(o, 'cpe', where));
  const scope = ck.oneOf(o, 'scope', where, SCOPES);
  const ref = ck.str(o, 'bom-ref', where);
  const supplier = entityName(ck, o, 'supplier', where);
  const manufacturer = spec === '1.6' ? entityName(ck, o, 'manufacturer', where) : undefined;
  let authors: string | undefined;
  if (spec === '1.6') {
    const list = ck.arr(o, 'authors', where);
    if (list) {
      const names: string[] = [];
      list.forEach((a, i) => {
        const ao = ck.item(a, child(where, `authors[${i}]`));
        const n = ao ? clean(ck.str(ao, 'name', child(where, `authors[${i}]`))) : undefined;
        if (n && !names.includes(n)) names.push(n);
      });
      if (names.length) authors = names.join(', ');
    }
  }
  const licenses = readLicenses(ck, o, where);
  let props: Map<string, string> | undefined;
  const lifecycle: ReadComponent['lifecycle'] = {};
  const plist = ck.arr(o, 'properties', where);
  plist?.forEach((p, i) => {
    const at = child(where, `properties[${i}]`);
    const po = ck.item(p, at);
    if (!po) return;
    const n = ck.str(po, 'name', at, spec === '1.6');
    const v = ck.str(po, 'value', at);
    if (n && v !== undefined && n.startsWith('cyberdossier:')) {
      props ??= new Map();
      if (!props.has(n)) props.set(n, v);
    }
    // Level of support, end of support and their justification (FDA V.A.4.b): the first of each.
    const lc = n ? lifecycleLabel(n) : undefined;
    const value = clean(v);
    if (lc && value && lifecycle[lc] === undefined) lifecycle[lc] = value;
  });
  const uid = readUid(o);
  const patches: ReadComponent['patches'] = [];
  const pedigree = ck.obj(o, 'pedigree', where);
  if (pedigree) {
    const pw = child(where, 'pedigree');
    ck.arr(pedigree, 'patches', pw)?.forEach((p, i) => {
      const at = child(pw, `patches[${i}]`);
      const po = ck.item(p, at);
      if (!po) return;
      const ptype = ck.oneOf(po, 'type', at, PATCH_TYPES, true);
      const diff = ck.obj(po, 'diff', at);
      const url = diff ? ck.str(diff, 'url', child(at, 'diff')) : undefined;
      const resolves = readIssues(ck, po, at);
      const file = url ? clean(url.replace(/[?#].*$/, '').split('/').filter(Boolean).pop()) : undefined;
      patches.push({ name: resolves.join(', ') || file || `${clean(rawName) ?? ''} (${ptype ?? 'patch'})`, resolves });
    });
  }
  let releaseType: string | undefined;
  let releaseTitle: string | undefined;
  let releaseDate: string | undefined;
  let releaseResolves: string[] = [];
  const notes = ck.obj(o, 'releaseNotes', where);
  if (notes) {
    const nw = child(where, 'releaseNotes');
    releaseType = ck.str(notes, 'type', nw, true);
    releaseTitle = clean(ck.str(notes, 'title', nw));
    releaseDate = dateOf(ck.str(notes, 'timestamp', nw));
    releaseResolves = readIssues(ck, notes, nw);
  }
  ck.str(o, 'description', where);

  const name = clean(rawName);
  if (!name) return undefined;
  let version = clean(rawVersion);
  let versionSource: SbomComponent['versionSource'] = version ? 'version' : undefined;
  if (!version && range && clean(range)) {
    version = clean(range);
    versionSource = 'versionRange';
  }
  if (!version && purl) {
    const pv = clean(parsePurl(purl)?.version);
    if (pv) {
      version = pv;
      versionSource = 'purl';
    }
  }
  const r: ReadComponent = { name, licenses, releaseResolves, patches, lifecycle };
  if (uid) r.uid = uid;
  if (version) {
    r.version = version;
    r.versionSource = versionSource;
  }
  // 供应商: the supplier, else the manufacturer (1.6), the publisher, the authors (1.6), the author.
  const pub = clean(publisher);
  const auth = clean(author);
  if (supplier) {
    r.vendor = supplier;
    r.vendorSource = 'supplier';
  } else if (manufacturer) {
    r.vendor = manufacturer;
    r.vendorSource = 'manufacturer';
  } else if (pub) {
    r.vendor = pub;
    r.vendorSource = 'publisher';
  } else if (authors) {
    r.vendor = authors;
    r.vendorSource = 'authors';
  } else if (auth) {
    r.vendor = auth;
    r.vendorSource = 'author';
  }
  // 型号规格: the cyberdossier:model property, else the edition fields of the CPE.
  const modelProp = clean(props?.get(PROPERTY.model));
  const cpeModel = !modelProp && cpe ? modelFromCpe(cpe) : undefined;
  if (modelProp) {
    r.model = modelProp;
    r.modelSource = 'property';
  } else if (cpeModel) {
    r.model = cpeModel;
    r.modelSource = 'cpe';
  }
  if (type) r.type = type;
  const catProp = props?.get(PROPERTY.category);
  if (catProp !== undefined) r.categoryProp = catProp;
  if (purl) r.purl = purl;
  if (cpe) r.cpe = cpe;
  if (scope) r.scope = scope;
  if (ref) r.ref = ref;
  const propDate = dateOf(props?.get(PROPERTY.releaseDate));
  r.date = releaseDate ?? propDate;
  r.propDate = propDate;
  r.releaseType = releaseType;
  r.releaseTitle = releaseTitle;
  return r;
}

/**
 * A unique identifier besides purl and CPE: `swid.tagId`, `omniborId` / `swhid` (1.6), else the
 * first hash (`SHA-256:…`). Read leniently, without issues: the NMPA import never needed these
 * fields, so a malformed one only means no identifier (the FDA check then reports it missing).
 */
function readUid(o: JsonObject): string | undefined {
  const str = (v: Json | undefined) => (typeof v === 'string' ? clean(v) : undefined);
  const swid = o.swid;
  const tag = isObject(swid) ? str(swid.tagId) : undefined;
  if (tag) return `swid:${tag}`;
  for (const key of ['omniborId', 'swhid']) {
    const list = o[key];
    const first = Array.isArray(list) ? list.map(str).find(Boolean) : undefined;
    if (first) return first;
  }
  const hashes = o.hashes;
  if (!Array.isArray(hashes)) return undefined;
  for (const h of hashes) {
    const content = isObject(h) ? str(h.content) : undefined;
    if (!content) continue;
    const alg = isObject(h) ? str(h.alg) : undefined;
    return alg ? `${alg}:${content}` : content;
  }
  return undefined;
}

function entityName(ck: Checker, o: JsonObject, key: string, where: PathNode): string | undefined {
  const e = ck.obj(o, key, where);
  return e ? clean(ck.str(e, 'name', child(where, key))) : undefined;
}

/** `licenses`: `[{ license: { id | name } }]` or `[{ expression }]` (every version in 1.4–1.6). */
function readLicenses(ck: Checker, o: JsonObject, where: PathNode): string[] {
  const out: string[] = [];
  ck.arr(o, 'licenses', where)?.forEach((l, i) => {
    const at = child(where, `licenses[${i}]`);
    const lo = ck.item(l, at);
    if (!lo) return;
    const expr = ck.str(lo, 'expression', at);
    const lic = ck.obj(lo, 'license', at);
    if (expr === undefined && !lic) {
      if (!('expression' in lo) && !('license' in lo)) ck.add(at, '应有 license 或 expression', 'needs license or expression');
      return;
    }
    if (expr !== undefined) {
      const e = clean(expr);
      if (e && !out.includes(e)) out.push(e);
    }
    if (lic) {
      const lw = child(at, 'license');
      const id = ck.str(lic, 'id', lw);
      const name = ck.str(lic, 'name', lw);
      if (id === undefined && name === undefined && !('id' in lic) && !('name' in lic)) ck.add(lw, '应有 id 或 name', 'needs id or name');
      const v = clean(id) ?? clean(name);
      if (v && !out.includes(v)) out.push(v);
    }
  });
  return out;
}

/** The IDs (else names) of `resolves` issues, security issues first. */
function readIssues(ck: Checker, o: JsonObject, where: PathNode): string[] {
  const sec: string[] = [];
  const other: string[] = [];
  ck.arr(o, 'resolves', where)?.forEach((x, i) => {
    const at = child(where, `resolves[${i}]`);
    const io = ck.item(x, at);
    if (!io) return;
    const t = ck.oneOf(io, 'type', at, ISSUE_TYPES, true);
    const id = clean(ck.str(io, 'id', at)) ?? clean(ck.str(io, 'name', at));
    if (!id) return;
    const list = t === 'security' ? sec : other;
    if (!sec.includes(id) && !other.includes(id)) list.push(id);
  });
  return [...sec, ...other];
}
