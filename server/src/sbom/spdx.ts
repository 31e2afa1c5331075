// SPDX 2.3 JSON → the normalised SBOM. Packages are already a flat list; relationships say which
// package is the subject (DESCRIBES), which contains or depends on which (the parent), which are
// build / test tooling only (skipped) and which are patches applied to another (PATCH_APPLIED).

import { ComponentSet, label } from './collect';
import { invalid, patchRow } from './cyclonedx';
import { Checker, child, isObject, pathText } from './validate';
import type { JsonObject } from './validate';
import type { LifecycleLabel, SbomComponent, SbomDocument, SbomPatch, SkippedComponent } from './types';
import { KB_NAME, categoryOf, clean, dateOf, lifecycleLines, modelFromCpe, parsePurl } from './vocab';

const PURPOSES = ['OTHER', 'INSTALL', 'ARCHIVE', 'FIRMWARE', 'APPLICATION', 'FRAMEWORK', 'LIBRARY', 'CONTAINER', 'SOURCE', 'DEVICE', 'OPERATING_SYSTEM', 'OPERATING-SYSTEM', 'FILE'];
export const RELATIONSHIP_TYPES = [
  'VARIANT_OF', 'COPY_OF', 'PATCH_FOR', 'TEST_DEPENDENCY_OF', 'CONTAINED_BY', 'DATA_FILE_OF', 'OPTIONAL_COMPONENT_OF', 'ANCESTOR_OF',
  'GENERATES', 'CONTAINS', 'OPTIONAL_DEPENDENCY_OF', 'FILE_ADDED', 'REQUIREMENT_DESCRIPTION_FOR', 'DEV_DEPENDENCY_OF', 'DEPENDENCY_OF',
  'BUILD_DEPENDENCY_OF', 'DESCRIBES', 'PREREQUISITE_FOR', 'HAS_PREREQUISITE', 'PROVIDED_DEPENDENCY_OF', 'DYNAMIC_LINK', 'DESCRIBED_BY',
  'METAFILE_OF', 'DEPENDENCY_MANIFEST_OF', 'PATCH_APPLIED', 'RUNTIME_DEPENDENCY_OF', 'TEST_OF', 'TEST_TOOL_OF', 'DEPENDS_ON',
  'SPECIFICATION_FOR', 'FILE_MODIFIED', 'DISTRIBUTION_ARTIFACT', 'AMENDS', 'DOCUMENTATION_OF', 'GENERATED_FROM', 'STATIC_LINK', 'OTHER',
  'BUILD_TOOL_OF', 'TEST_CASE_OF', 'PACKAGE_OF', 'DESCENDANT_OF', 'FILE_DELETED', 'EXPANDED_FROM_ARCHIVE', 'DEV_TOOL_OF', 'EXAMPLE_OF',
];
/** A runs-with-B relationships: A is the parent (A CONTAINS B, A DEPENDS_ON B, …). */
const PARENT_OF = new Set(['CONTAINS', 'DEPENDS_ON', 'DYNAMIC_LINK', 'STATIC_LINK', 'HAS_PREREQUISITE']);
/** B-of-A relationships: A (the related element) is the parent. */
const CHILD_OF = new Set(['CONTAINED_BY', 'DEPENDENCY_OF', 'RUNTIME_DEPENDENCY_OF', 'OPTIONAL_DEPENDENCY_OF', 'PROVIDED_DEPENDENCY_OF', 'OPTIONAL_COMPONENT_OF', 'PACKAGE_OF', 'PREREQUISITE_FOR']);
/** Tooling that does not ship in the device (the element is skipped unless it also ships). */
const TOOLING_OF = new Set(['BUILD_DEPENDENCY_OF', 'DEV_DEPENDENCY_OF', 'TEST_DEPENDENCY_OF', 'BUILD_TOOL_OF', 'DEV_TOOL_OF', 'TEST_TOOL_OF', 'TEST_OF', 'TEST_CASE_OF', 'DOCUMENTATION_OF', 'EXAMPLE_OF']);

interface Pkg {
  id: string;
  name: string;
  version?: string;
  versionSource?: SbomComponent['versionSource'];
  vendor?: string;
  vendorSource?: SbomComponent['vendorSource'];
  model?: string;
  type?: string;
  purl?: string;
  cpe?: string;
  licenses: string[];
  date?: string;
  parent?: string;
  ships: boolean;
  tooling: boolean;
  path: string;
  uid?: string;
  lifecycle: Partial<Record<LifecycleLabel, string>>;
}

/** `Organization: Microsoft Corporation (email)` → `Microsoft Corporation`; NOASSERTION → undefined. */
export function agentName(v: string | undefined): string | undefined {
  const t = clean(v);
  if (!t) return undefined;
  const m = /^(?:Organization|Person|Tool)\s*:\s*(.*)$/i.exec(t);
  const name = (m ? m[1] : t).replace(/\s*\([^()]*@[^()]*\)\s*$/, '').replace(/\s*\(\s*\)\s*$/, '').trim();
  return clean(name);
}

export function readSpdx(doc: JsonObject): SbomDocument {
  const ck = new Checker();
  ck.str(doc, 'spdxVersion', '', true);
  ck.str(doc, 'SPDXID', '', true);
  ck.str(doc, 'dataLicense', '', true);
  ck.str(doc, 'name', '', true);
  const ns = ck.str(doc, 'documentNamespace', '');
  const ci = ck.obj(doc, 'creationInfo', '', true);
  if (ci) {
    ck.str(ci, 'created', 'creationInfo', true);
    ck.strings(ci, 'creators', 'creationInfo', true);
  }
  const described = new Set(ck.strings(doc, 'documentDescribes', '') ?? []);
  const docId = typeof doc.SPDXID === 'string' ? doc.SPDXID : 'SPDXRef-DOCUMENT';

  const pkgs = new Map<string, Pkg>();
  const order: Pkg[] = [];
  const set = new ComponentSet();
  ck.arr(doc, 'packages', '')?.forEach((p, i) => {
    set.visit();
    const at = child('', `packages[${i}]`);
    const o = ck.item(p, at);
    if (!o) return;
    const pkg = readPackage(ck, o, at);
    if (pkg && !pkgs.has(pkg.id)) {
      pkgs.set(pkg.id, pkg);
      order.push(pkg);
    }
  });

  const applied: { patch: string; to: string }[] = [];
  ck.arr(doc, 'relationships', '')?.forEach((r, i) => {
    const at = child('', `relationships[${i}]`);
    const o = ck.item(r, at);
    if (!o) return;
    const a = ck.str(o, 'spdxElementId', at, true);
    const t = ck.oneOf(o, 'relationshipType', at, RELATIONSHIP_TYPES, true);
    const b = ck.str(o, 'relatedSpdxElement', at, true);
    if (!a || !t || !b) return;
    if (t === 'DESCRIBES' && a === docId) described.add(b);
    else if (t === 'DESCRIBED_BY' && b === docId) described.add(a);
    else if (t === 'PATCH_APPLIED') applied.push({ patch: a, to: b });
    else if (PARENT_OF.has(t)) link(pkgs.get(a), pkgs.get(b));
    else if (CHILD_OF.has(t)) link(pkgs.get(b), pkgs.get(a));
    else if (TOOLING_OF.has(t)) {
      const p = pkgs.get(a);
      if (p) p.tooling = true;
    }
  });
  if (ck.count) throw invalid('SPDX 2.3', ck);

  // The described packages are the device software itself, unless the document describes every
  // package it has (some producers do), which would leave nothing to list.
  const subjects = order.filter((p) => described.has(p.id));
  const dropSubjects = subjects.length > 0 && subjects.length < order.length;
  const subject = subjects[0] ? { name: subjects[0].name, ...(subjects[0].version ? { version: subjects[0].version } : {}) } : undefined;
  const patchIds = new Set(applied.map((x) => x.patch));
  const skipped: SkippedComponent[] = [];
  const patches: SbomPatch[] = [];
  for (const x of applied) {
    const p = pkgs.get(x.patch);
    const to = pkgs.get(x.to);
    if (!p) continue;
    patches.push(patchRow(p.name, p.version ?? to?.version, p.date, to ? label(to) : '', 'spdx-patch-applied', []));
  }
  for (const p of order) {
    const base = { name: p.name, ...(p.version ? { version: p.version } : {}), ...(p.type ? { type: p.type } : {}) };
    if (dropSubjects && described.has(p.id)) continue;
    if (patchIds.has(p.id)) {
      skipped.push({ ...base, reason: 'patch' });
      continue;
    }
    if (KB_NAME.test(p.name)) {
      skipped.push({ ...base, reason: 'patch' });
      patches.push(patchRow(p.name, p.version, p.date, p.parent ?? (subject ? label(subject) : ''), 'kb-component', []));
      continue;
    }
    if (p.tooling && !p.ships) {
      skipped.push({ ...base, reason: 'build-only' });
      continue;
    }
    const cat = categoryOf(p.type);
    if (cat === null) {
      skipped.push({ ...base, reason: 'not-software' });
      continue;
    }
    set.add({
      name: p.name,
      ...(p.version ? { version: p.version, versionSource: p.versionSource } : {}),
      ...(p.vendor ? { vendor: p.vendor, vendorSource: p.vendorSource } : {}),
      ...(p.model ? { model: p.model, modelSource: 'cpe' as const } : {}),
      ...(p.type ? { type: p.type } : {}),
      ...(cat ? { category: cat } : {}),
      ...(p.purl ? { purl: p.purl } : {}),
      ...(p.cpe ? { cpe: p.cpe } : {}),
      licenses: p.licenses,
      ...(p.parent && !(dropSubjects && subject && p.parent === label(subject)) ? { parent: p.parent } : {}),
      ref: p.id,
      flags: [],
      path: p.path,
      ...(p.uid ? { uid: p.uid } : {}),
      ...(p.lifecycle.support ? { support: p.lifecycle.support } : {}),
      ...(p.lifecycle.endOfSupport ? { endOfSupport: p.lifecycle.endOfSupport } : {}),
      ...(p.lifecycle.justification ? { justification: p.lifecycle.justification } : {}),
    });
  }
  return {
    format: 'SPDX',
    specVersion: '2.3',
    ...(ns ? { id: ns } : {}),
    ...(subject ? { subject } : {}),
    components: set.finish(),
    patches,
    skipped,
    duplicates: set.duplicates,
  };
}

function link(parent: Pkg | undefined, kid: Pkg | undefined): void {
  if (!kid) return;
  kid.ships = true;
  if (parent && parent !== kid && !kid.parent) kid.parent = label(parent);
}

function readPackage(ck: Checker, o: JsonObject, at: ReturnType<typeof child>): Pkg | undefined {
  const id = ck.str(o, 'SPDXID', at, true);
  const rawName = ck.str(o, 'name', at, true);
  ck.str(o, 'downloadLocation', at, true);
  const versionInfo = ck.str(o, 'versionInfo', at);
  const supplier = agentName(ck.str(o, 'supplier', at));
  const originator = agentName(ck.str(o, 'originator', at));
  const purpose = ck.oneOf(o, 'primaryPackagePurpose', at, PURPOSES);
  const concluded = clean(ck.str(o, 'licenseConcluded', at));
  const declared = clean(ck.str(o, 'licenseDeclared', at));
  const release = ck.str(o, 'releaseDate', at);
  const built = ck.str(o, 'builtDate', at);
  ck.str(o, 'description', at);
  ck.str(o, 'summary', at);
  let purl: string | undefined;
  let cpe: string | undefined;
  let swid: string | undefined;
  ck.arr(o, 'externalRefs', at)?.forEach((r, i) => {
    const rw = child(at, `externalRefs[${i}]`);
    const ro = ck.item(r, rw);
    if (!ro) return;
    ck.str(ro, 'referenceCategory', rw, true);
    const type = ck.str(ro, 'referenceType', rw, true);
    const loc = clean(ck.str(ro, 'referenceLocator', rw, true));
    if (!loc || !type) return;
    if (type === 'purl' && !purl) purl = loc;
    else if ((type === 'cpe23Type' || type === 'cpe22Type') && !cpe) cpe = loc;
    else if (type === 'swid' && !swid) swid = loc;
  });
  // Read leniently, without issues (the NMPA import never needed these fields): a malformed
  // entry only means no identifier or no lifecycle value, which the FDA check then reports.
  let checksum: string | undefined;
  const sums = o.checksums;
  if (Array.isArray(sums))
    for (const c of sums) {
      const value = isObject(c) && typeof c.checksumValue === 'string' ? clean(c.checksumValue) : undefined;
      if (!value || !isObject(c)) continue;
      const alg = typeof c.algorithm === 'string' ? clean(c.algorithm) : undefined;
      checksum = alg ? `${alg}:${value}` : value;
      break;
    }
  // Level of support, end of support and their justification (FDA V.A.4.b): `validUntilDate`, else
  // a labelled line of an annotation's comment.
  const lifecycle: Pkg['lifecycle'] = {};
  const validUntil = typeof o.validUntilDate === 'string' ? clean(o.validUntilDate) : undefined;
  if (validUntil) lifecycle.endOfSupport = validUntil;
  const notes = o.annotations;
  if (Array.isArray(notes)) for (const a of notes) if (isObject(a) && typeof a.comment === 'string') lifecycleLines(a.comment, lifecycle);
  const name = clean(rawName);
  if (!id || !name) return undefined;
  let version = clean(versionInfo);
  let versionSource: SbomComponent['versionSource'] = version ? 'version' : undefined;
  if (!version && purl) {
    const pv = clean(parsePurl(purl)?.version);
    if (pv) {
      version = pv;
      versionSource = 'purl';
    }
  }
  const licenses = [...new Set([concluded, declared].filter((x): x is string => !!x))];
  const model = cpe ? modelFromCpe(cpe) : undefined;
  return {
    id,
    name,
    ...(version ? { version, versionSource } : {}),
    ...(supplier ? { vendor: supplier, vendorSource: 'supplier' as const } : originator ? { vendor: originator, vendorSource: 'originator' as const } : {}),
    ...(model ? { model } : {}),
    ...(purpose ? { type: purpose.toLowerCase().replace(/_/g, '-') } : {}),
    ...(purl ? { purl } : {}),
    ...(cpe ? { cpe } : {}),
    licenses,
    date: dateOf(release) ?? dateOf(built),
    ships: false,
    tooling: false,
    path: pathText(at),
    ...(swid ? { uid: `swid:${swid}` } : checksum ? { uid: checksum } : {}),
    lifecycle,
  };
}
