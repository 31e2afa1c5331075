// CycloneDX 1.4 / 1.5 / 1.6 JSON → the normalised SBOM. Nested components are walked with an
// explicit stack (no recursion, whatever the depth); `metadata.component` is the device software
// itself and is the subject, not a component.

import { ComponentSet, label } from './collect';
import { Checker, child, isObject, pathText, type Json, type JsonObject, type PathNode } from './validate';
import { SbomError, type LifecycleLabel, type SbomComponent, type SbomDocument, type SbomPatch, type SkippedComponent } from './types';
import { KB_NAME, categoryFromProperty, categoryOf, clean, dateOf, lifecycleLabel, modelFromCpe, parsePurl } from './vocab';
import { isFullVersion } from '../engine';

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

interface Pending {
  kind: 'kb' | 'pedigree' | 'release-notes';
  comp: { name: string; version?: string; parent?: string };
  holder?: SbomComponent;
  name: string;
  date?: string;
  resolves: string[];
}

export function readCycloneDx(doc: JsonObject, spec: CycloneDxVersion): SbomDocument {
  const ck = new Checker();
  ck.oneOf(doc, 'bomFormat', '', ['CycloneDX'], true);
  ck.int(doc, 'version', '', spec === '1.4', spec === '1.4' ? undefined : 1);
  const serial = ck.str(doc, 'serialNumber', '');
  const set = new ComponentSet();
  const skipped: SkippedComponent[] = [];
  const pending: Pending[] = [];
  const byRef = new Map<string, { name: string; version?: string; holder?: SbomComponent; parent?: string }>();
  let subject: { name: string; version?: string } | undefined;
  let subjectRef: string | undefined;

  // The walk: [node, where, parent label]; children pushed in reverse so SBOM order is kept.
  const stack: { node: Json; where: PathNode; parent?: string }[] = [];
  const pushAll = (items: Json[] | undefined, up: PathNode | string, key: string, parent?: string) => {
    if (!items) return;
    for (let i = items.length - 1; i >= 0; i--) stack.push({ node: items[i], where: child(up, `${key}[${i}]`), parent });
  };

  const meta = ck.obj(doc, 'metadata', '');
  if (meta) {
    ck.str(meta, 'timestamp', 'metadata');
    const mc = ck.obj(meta, 'component', 'metadata');
    if (mc) {
      const r = readComponent(ck, mc, child('metadata', 'component'), spec);
      if (r) {
        subject = { name: r.name, ...(r.version ? { version: r.version } : {}) };
        subjectRef = r.ref;
        // Its direct parts are the device's own components (no parent named, as with SPDX).
        pushAll(ck.arr(mc, 'components', 'metadata.component'), 'metadata.component', 'components');
      }
    }
  }
  // Pushed last, popped first: top-level components come before those nested in the subject.
  pushAll(ck.arr(doc, 'components', ''), '', 'components');

  while (stack.length) {
    const { node, where, parent } = stack.pop()!;
    set.visit();
    const o = ck.item(node, where);
    if (!o) continue;
    const r = readComponent(ck, o, where, spec);
    pushAll(ck.arr(o, 'components', where), where, 'components', r ? label(r) : parent);
    if (!r) continue;
    const base = { name: r.name, version: r.version, parent };
    if (r.scope === 'excluded') {
      skipped.push({ name: r.name, ...(r.version ? { version: r.version } : {}), ...(r.type ? { type: r.type } : {}), reason: 'excluded-scope' });
      if (r.ref) byRef.set(r.ref, base);
      continue;
    }
    if (KB_NAME.test(r.name)) {
      skipped.push({ name: r.name, ...(r.version ? { version: r.version } : {}), ...(r.type ? { type: r.type } : {}), reason: 'patch' });
      const entry = { ...base };
      if (r.ref) byRef.set(r.ref, entry);
      pending.push({ kind: 'kb', comp: entry, name: r.name, date: r.date, resolves: r.releaseResolves });
      continue;
    }
    const cat = r.categoryProp ? categoryFromProperty(r.categoryProp, r.type) : undefined;
    const byType = categoryOf(r.type);
    if (byType === null && !cat) {
      skipped.push({ name: r.name, ...(r.version ? { version: r.version } : {}), ...(r.type ? { type: r.type } : {}), reason: 'not-software' });
      if (r.ref) byRef.set(r.ref, base);
      continue;
    }
    // Keys in the order of SbomComponent (the JSON output reads the same for every format).
    const c = { name: r.name } as SbomComponent;
    if (r.version) {
      c.version = r.version;
      c.versionSource = r.versionSource;
    }
    if (r.vendor) {
      c.vendor = r.vendor;
      c.vendorSource = r.vendorSource;
    }
    if (r.model) {
      c.model = r.model;
      c.modelSource = r.modelSource;
    }
    if (r.type) c.type = r.type;
    if (cat ?? byType) c.category = cat ?? byType!;
    if (r.purl) c.purl = r.purl;
    if (r.cpe) c.cpe = r.cpe;
    c.licenses = r.licenses;
    if (parent) c.parent = parent;
    if (r.ref) c.ref = r.ref;
    c.flags = [];
    c.path = pathText(where);
    if (r.uid) c.uid = r.uid;
    if (r.lifecycle.support) c.support = r.lifecycle.support;
    if (r.lifecycle.endOfSupport) c.endOfSupport = r.lifecycle.endOfSupport;
    if (r.lifecycle.justification) c.justification = r.lifecycle.justification;
    const holder = set.add(c);
    if (r.ref) byRef.set(r.ref, { ...base, holder });
    const comp = { name: holder.name, version: holder.version };
    // A patch in the pedigree has no date of its own: only the cyberdossier:releaseDate property
    // gives one (the release notes date the component's release, not the patch).
    for (const p of r.patches) pending.push({ kind: 'pedigree', comp, holder, name: p.name, date: r.propDate, resolves: p.resolves });
    if (!r.patches.length && r.releaseType === 'patch') pending.push({ kind: 'release-notes', comp, holder, name: r.releaseTitle ?? label(comp), date: r.date, resolves: r.releaseResolves });
  }

  // The dependency graph names the parent of a component listed flat.
  const deps = ck.arr(doc, 'dependencies', '');
  if (deps) {
    deps.forEach((d, i) => {
      const o = ck.item(d, `dependencies[${i}]`);
      if (!o) return;
      const ref = ck.str(o, 'ref', `dependencies[${i}]`, true);
      const on = ck.strings(o, 'dependsOn', `dependencies[${i}]`) ?? [];
      if (!ref || ref === subjectRef) return;
      const from = byRef.get(ref);
      if (!from) return;
      const fromLabel = label(from.holder ?? from);
      for (const r of on) {
        const to = byRef.get(r);
        if (!to || to === from) continue;
        if (to.holder && !to.holder.parent) to.holder.parent = fromLabel;
        if (!to.parent) to.parent = fromLabel;
      }
    });
  }

  if (ck.count) throw invalid(`CycloneDX ${spec}`, ck);

  const components = set.finish();
  const subjectLabel = subject ? label(subject) : '';
  const patches: SbomPatch[] = pending.map((p) => {
    const version = p.kind === 'kb' ? p.comp.version : (p.holder?.version ?? p.comp.version);
    const appliesTo = p.kind === 'kb' ? (p.comp.parent ?? subjectLabel) : label(p.holder ?? p.comp);
    return patchRow(p.name, version, p.date, appliesTo, p.kind === 'kb' ? 'kb-component' : p.kind, p.resolves);
  });
  return {
    format: 'CycloneDX',
    specVersion: spec,
    ...(serial ? { id: serial } : {}),
    ...(subject ? { subject } : {}),
    components,
    patches,
    skipped,
    duplicates: set.duplicates,
  };
}

export function patchRow(name: string, version: string | undefined, date: string | undefined, appliesTo: string, source: SbomPatch['source'], resolves: string[]): SbomPatch {
  const flags: SbomPatch['flags'] = [];
  if (!version) flags.push('version-missing');
  else if (!isFullVersion(version)) flags.push('version-not-full');
  if (!date) flags.push('date-missing');
  return { name, ...(version ? { version } : {}), ...(date ? { date } : {}), appliesTo, source, resolves, flags };
}

export function invalid(what: string, ck: Checker): SbomError {
  return new SbomError(
    'invalid',
    { zh: `SBOM 不符合 ${what} 的结构要求（${ck.count} 处问题）`, en: `the SBOM does not conform to ${what} (${ck.count} problem${ck.count === 1 ? '' : 's'})` },
    ck.issues,
    ck.count,
  );
}

interface ReadComponent {
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
function readComponent(ck: Checker, o: JsonObject, where: PathNode, spec: CycloneDxVersion): ReadComponent | undefined {
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
