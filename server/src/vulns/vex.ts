// VEX statements: CycloneDX (`vulnerabilities[].analysis`), OpenVEX, and the CSAF 2.0 VEX
// profile (`product_status` with `flags` / `threats` as the justification). A statement
// "assesses" a vulnerability of a product: not_affected with a justification, fixed, or affected
// (a residual vulnerability, then). under_investigation assesses nothing.

import { parsePurl } from '../sbom/identifiers';
import { cpeKey, normName, purlPackage } from './keys';
import type { VexStatement, VexStatus } from './types';

type J = Record<string, unknown>;
const obj = (v: unknown): J | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as J) : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v.slice(0, 100_000) : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length <= 4096 ? v : undefined);

export function vexFormat(o: J): VexStatement['format'] | undefined {
  if (o.bomFormat === 'CycloneDX' && Array.isArray(o.vulnerabilities)) return 'cyclonedx';
  const ctx = o['@context'];
  if (typeof ctx === 'string' && /openvex/i.test(ctx) && Array.isArray(o.statements)) return 'openvex';
  const doc = obj(o.document);
  if (doc && (doc.category === 'csaf_vex' || (typeof doc.csaf_version === 'string' && Array.isArray(o.vulnerabilities)))) return 'csaf';
  return undefined;
}

/** A product reference → the keys statements are compared on: the package key, the CPE key, the normalised name. */
export function productKeys(ref: string): string[] {
  const out: string[] = [];
  const p = purlPackage(ref);
  if (p) {
    out.push(`p:${p.pkg}`, `n:${normName(p.name)}`);
    if (p.version) out.push(`p:${p.pkg}@${p.version}`, `n:${normName(p.name)}@${p.version}`);
  }
  // A purl of no OSV ecosystem (pkg:generic/openssl@1.1.1w): its name and version.
  const g = !p && /^pkg:/i.test(ref) ? parsePurl(ref) : undefined;
  if (g) {
    out.push(`n:${normName(g.name)}`);
    if (g.version) out.push(`n:${normName(g.name)}@${g.version}`);
  }
  const c = /^cpe:/i.test(ref) ? cpeKey(ref) : undefined;
  if (c) {
    out.push(`c:${c.key}`, `n:${normName(c.key.split(':')[1])}`);
    if (c.version) out.push(`c:${c.key}@${c.version}`, `n:${normName(c.key.split(':')[1])}@${c.version}`);
  }
  if (!p && !g && !c) out.push(`n:${normName(ref)}`);
  return out;
}

const CDX_STATE: Record<string, VexStatus> = {
  not_affected: 'not_affected',
  false_positive: 'not_affected',
  resolved: 'fixed',
  resolved_with_pedigree: 'fixed',
  exploitable: 'affected',
  in_triage: 'under_investigation',
};

export function vexStatements(o: J, source: string): VexStatement[] {
  const format = vexFormat(o);
  const out: VexStatement[] = [];
  if (format === 'cyclonedx') {
    // affects[].ref is a bom-ref of this BOM (or a BOM-Link); resolve it to the component's purl / CPE / name.
    const refs = new Map<string, string[]>();
    const stack = [...arr(o.components)];
    const meta = obj(obj(o.metadata)?.component);
    if (meta) stack.push(meta);
    let budget = 500_000;
    while (stack.length && budget-- > 0) {
      const c = obj(stack.pop());
      if (!c) continue;
      const ref = str(c['bom-ref']);
      const keys = [str(c.purl), str(c.cpe)].filter((x): x is string => !!x);
      const name = str(c.name);
      if (ref) refs.set(ref, keys.length ? keys : name ? [`${name}`] : []);
      stack.push(...arr(c.components));
    }
    for (const v of arr(o.vulnerabilities)) {
      const vo = obj(v);
      const id = str(vo?.id);
      const a = obj(vo?.analysis);
      const state = str(a?.state);
      if (!vo || !id || !state || !CDX_STATE[state]) continue;
      const ids = [id, ...arr(vo.references).map((r) => str(obj(r)?.id)).filter((x): x is string => !!x)];
      const products = arr(vo.affects).flatMap((x) => {
        const ref = str(obj(x)?.ref);
        return ref ? (refs.get(ref) ?? [ref]) : [];
      });
      const justification = str(a!.justification) ?? (state === 'false_positive' ? 'false_positive' : undefined) ?? str(a!.detail);
      out.push({ ids, products, status: CDX_STATE[state], ...(justification ? { justification } : {}), source, format });
    }
  } else if (format === 'openvex') {
    for (const s of arr(o.statements)) {
      const so = obj(s);
      const v = obj(so?.vulnerability);
      const name = str(v?.name) ?? str(v?.['@id']) ?? (typeof so?.vulnerability === 'string' ? (so.vulnerability as string) : undefined);
      const status = str(so?.status) as VexStatus | undefined;
      if (!so || !name || !status || !['not_affected', 'affected', 'fixed', 'under_investigation'].includes(status)) continue;
      const ids = [name, ...arr(v?.aliases).map(str).filter((x): x is string => !!x)];
      const products = arr(so.products).flatMap((p) => {
        if (typeof p === 'string') return [p];
        const po = obj(p);
        const ident = obj(po?.identifiers);
        return [str(po?.['@id']), str(ident?.purl), str(ident?.cpe23), str(ident?.cpe22)].filter((x): x is string => !!x);
      });
      const justification = str(so.justification) ?? str(so.impact_statement);
      out.push({ ids, products, status, ...(justification ? { justification } : {}), source, format });
    }
  } else if (format === 'csaf') {
    // product_id → purl / CPE / name, from the product tree (branches nest: an explicit stack).
    const names = new Map<string, string[]>();
    const tree = obj(o.product_tree);
    const stack: unknown[] = [...arr(tree?.branches), ...arr(tree?.full_product_names).map((p) => ({ product: p }))];
    for (const r of arr(tree?.relationships)) stack.push({ product: obj(r)?.full_product_name });
    let budget = 500_000;
    while (stack.length && budget-- > 0) {
      const b = obj(stack.pop());
      if (!b) continue;
      stack.push(...arr(b.branches));
      const p = obj(b.product);
      const pid = str(p?.product_id);
      if (!p || !pid) continue;
      const h = obj(p.product_identification_helper);
      const keys = [str(h?.purl), str(h?.cpe)].filter((x): x is string => !!x);
      names.set(pid, keys.length ? keys : [str(p.name) ?? pid]);
    }
    for (const v of arr(o.vulnerabilities)) {
      const vo = obj(v);
      const cve = str(vo?.cve);
      const ids = [cve, ...arr(vo?.ids).map((i) => str(obj(i)?.text))].filter((x): x is string => !!x);
      const ps = obj(vo?.product_status);
      if (!vo || !ids.length || !ps) continue;
      // The justification of a product: a flag (label) naming it, else an impact threat naming it.
      const why = new Map<string, string>();
      for (const f of arr(vo.flags)) {
        const fo = obj(f);
        const label = str(fo?.label);
        if (label) for (const pid of arr(fo!.product_ids).map(str)) if (pid) why.set(pid, label);
      }
      for (const t of arr(vo.threats)) {
        const to = obj(t);
        const details = str(to?.details);
        if (to?.category === 'impact' && details) for (const pid of arr(to.product_ids).map(str)) if (pid && !why.has(pid)) why.set(pid, details);
      }
      const groups: [string, VexStatus][] = [
        ['known_not_affected', 'not_affected'],
        ['fixed', 'fixed'],
        ['first_fixed', 'fixed'],
        ['known_affected', 'affected'],
        ['first_affected', 'affected'],
        ['last_affected', 'affected'],
        ['under_investigation', 'under_investigation'],
      ];
      for (const [k, status] of groups) {
        for (const pid of arr(ps[k]).map(str)) {
          if (!pid) continue;
          const j = why.get(pid);
          out.push({ ids, products: names.get(pid) ?? [pid], status, ...(j ? { justification: j } : {}), source, format });
        }
      }
    }
  }
  return out;
}

/** The date of a VEX document (its last update). */
export function vexDate(o: J): string | undefined {
  return (
    str(obj(o.metadata)?.timestamp) ??
    str(o.last_updated) ??
    str(o.timestamp) ??
    str(obj(obj(o.document)?.tracking)?.current_release_date)
  );
}

/** Whether a statement assesses the vulnerability for good: fixed, affected (residual), or not affected with a justification. */
export function assesses(s: VexStatement): boolean {
  if (s.status === 'not_affected') return !!s.justification;
  return s.status === 'fixed' || s.status === 'affected';
}
