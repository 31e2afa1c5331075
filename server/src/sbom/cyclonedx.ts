// CycloneDX 1.4 / 1.5 / 1.6 JSON → the normalised SBOM. Nested components are walked with an
// explicit stack (no recursion, whatever the depth); `metadata.component` is the device software
// itself and is the subject, not a component.

import { ComponentSet, label } from './collect';
import { Checker, child, pathText, type Json, type JsonObject, type PathNode } from './validate';
import { SbomError, type SbomComponent, type SbomDocument, type SbomPatch, type SkippedComponent } from './types';
import { KB_NAME, categoryFromProperty, categoryOf } from './vocab';
import { isFullVersion } from '../engine';
import { readComponent, type CycloneDxVersion } from './cyclonedx-component';

// The vocabulary and one component entry: cyclonedx-component.ts.
export { CYCLONEDX_VERSIONS, PROPERTY, type CycloneDxVersion } from './cyclonedx-component';

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
