// The three keys a component and an affected package meet on, in the order they are tried:
// the package (purl ↔ OSV ecosystem + name), the CPE vendor and product, the normalised name.

import { parseCpe, parsePurl } from '../sbom/identifiers';
import { schemeOf, type Scheme } from './version';

/** purl type → OSV ecosystem (https://ossf.github.io/osv-schema/#affectedpackage-field). */
const PURL_ECOSYSTEM: Record<string, string> = {
  pypi: 'pypi',
  npm: 'npm',
  maven: 'maven',
  nuget: 'nuget',
  golang: 'go',
  cargo: 'crates.io',
  gem: 'rubygems',
  composer: 'packagist',
  hex: 'hex',
  pub: 'pub',
  swift: 'swifturl',
  conan: 'conancenter',
  apk: 'alpine',
  cran: 'cran',
  hackage: 'hackage',
  github: 'github actions',
};

/** Distribution ecosystems: their versions carry the distribution's revisions, so a bare name never matches them. */
const DISTRIBUTIONS = /^(debian|ubuntu|alpine|red hat|redhat|suse|opensuse|rocky linux|almalinux|photon os|mageia|wolfi|chainguard|openeuler|azure linux|bitnami|android|linux)(:|$)/i;

export function isDistribution(ecosystem: string): boolean {
  return DISTRIBUTIONS.test(ecosystem);
}

/** Letters and digits only, lower case: `SQLite` = `sqlite`, `log4net` = `log4net`, `jQuery` = `jquery`. */
export function normName(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

function foldName(ecosystem: string, name: string): string {
  const n = name.normalize('NFKC').toLowerCase();
  return ecosystem === 'pypi' ? n.replace(/[-_.]+/g, '-') : n;
}

/** An OSV `package` → `ecosystem:name` (the ecosystem's release suffix such as `Debian:11` dropped). */
export function pkgKey(ecosystem: string, name: string): string {
  const e = ecosystem.split(':')[0].toLowerCase();
  return `${e}:${foldName(e, name)}`;
}

/** A purl → the package key, the version and the version scheme. */
export function purlPackage(purl: string): { pkg: string; version?: string; scheme: Scheme; name: string } | undefined {
  const p = parsePurl(purl);
  if (!p) return undefined;
  let eco = PURL_ECOSYSTEM[p.type];
  let name = p.name;
  if (p.type === 'deb') eco = /ubuntu/i.test(p.namespace ?? '') ? 'ubuntu' : 'debian';
  if (!eco) return undefined;
  if (p.namespace) {
    if (p.type === 'maven') name = `${p.namespace}:${p.name}`;
    else if (p.type === 'npm' || p.type === 'golang' || p.type === 'composer' || p.type === 'github' || p.type === 'swift') name = `${p.namespace}/${p.name}`;
  }
  return { pkg: pkgKey(eco, name), version: p.version, scheme: schemeOf(eco), name: p.name };
}

/** A CPE (2.3 or 2.2) → `vendor:product` and its version (`*` and `-` are none). */
export function cpeKey(cpe: string): { key: string; version?: string; update?: string } | undefined {
  const a = parseCpe(cpe);
  if (!a || !a.vendor || !a.product || a.vendor === '*' || a.product === '*') return undefined;
  const v = a.version && a.version !== '*' && a.version !== '-' ? a.version : undefined;
  const u = a.update && a.update !== '*' && a.update !== '-' ? a.update : undefined;
  return { key: `${a.vendor.toLowerCase()}:${a.product.toLowerCase()}`, ...(v ? { version: v } : {}), ...(u ? { update: u } : {}) };
}
