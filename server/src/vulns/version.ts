// Version semantics of the ecosystems the vulnerability data speaks: SemVer 2.0 (npm, crates.io,
// Go, …), PEP 440 (PyPI), Debian (dpkg, also Ubuntu) and a generic ordering (CPE versions from
// NVD, NuGet, Maven, CVE 5 "custom"): numeric runs compared as numbers, letters as text, a
// missing segment before a present one (OpenSSL 1.1.1 < 1.1.1a < 1.1.1w). Each comparator is
// total (a string it cannot parse falls back to the generic order), never throws.

export type Scheme = 'semver' | 'pep440' | 'dpkg' | 'generic';

/** The version scheme of an OSV ecosystem (the part before `:` — `Debian:11` is Debian). */
export function schemeOf(ecosystem: string | undefined): Scheme {
  const e = (ecosystem ?? '').split(':')[0].toLowerCase();
  if (e === 'pypi') return 'pep440';
  if (e === 'debian' || e === 'ubuntu') return 'dpkg';
  if (e === 'npm' || e === 'crates.io' || e === 'go' || e === 'hex' || e === 'pub' || e === 'swifturl' || e === 'semver') return 'semver';
  return 'generic';
}

export function compareVersions(a: string, b: string, scheme: Scheme): number {
  switch (scheme) {
    case 'semver':
      return compareSemver(a, b);
    case 'pep440':
      return comparePep440(a, b);
    case 'dpkg':
      return compareDpkg(a, b);
    default:
      return compareGeneric(a, b);
  }
}

const cmp = (x: number, y: number) => (x < y ? -1 : x > y ? 1 : 0);
const cmpStr = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

// ---- generic --------------------------------------------------------------------------------

/** Runs of digits and of letters; separators (`.`, `-`, `_`, `+`) only split. */
function tokens(v: string): (number | string)[] {
  const out: (number | string)[] = [];
  const re = /(\d+)|([a-z]+)/gi;
  for (let m = re.exec(v); m; m = re.exec(v)) out.push(m[1] !== undefined ? Number(m[1].length > 15 ? m[1].slice(0, 15) : m[1]) : m[2].toLowerCase());
  return out;
}

export function compareGeneric(a: string, b: string): number {
  const x = tokens(a.trim().replace(/^v(?=\d)/i, ''));
  const y = tokens(b.trim().replace(/^v(?=\d)/i, ''));
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const p = x[i];
    const q = y[i];
    if (p === undefined) return -1;
    if (q === undefined) return 1;
    if (typeof p === 'number' && typeof q === 'number') {
      if (p !== q) return cmp(p, q);
    } else if (typeof p === 'number') return 1; // 1.0.1 > 1.0.rc
    else if (typeof q === 'number') return -1;
    else if (p !== q) return cmpStr(p, q);
  }
  return 0;
}

// ---- SemVer 2.0 -----------------------------------------------------------------------------

const SEMVER = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

export function compareSemver(a: string, b: string): number {
  const x = SEMVER.exec(a.trim());
  const y = SEMVER.exec(b.trim());
  if (!x || !y) return compareGeneric(a, b);
  for (let i = 1; i <= 3; i++) {
    const c = cmp(Number(x[i] ?? 0), Number(y[i] ?? 0));
    if (c) return c;
  }
  // A pre-release sorts before its release; identifiers compare numerically or in ASCII order.
  const pa = x[4];
  const pb = y[4];
  if (pa === undefined || pb === undefined) return pa === pb ? 0 : pa === undefined ? 1 : -1;
  const sa = pa.split('.');
  const sb = pb.split('.');
  for (let i = 0; i < Math.max(sa.length, sb.length); i++) {
    if (sa[i] === undefined) return -1;
    if (sb[i] === undefined) return 1;
    const na = /^\d+$/.test(sa[i]);
    const nb = /^\d+$/.test(sb[i]);
    if (na && nb) {
      const c = cmp(Number(sa[i]), Number(sb[i]));
      if (c) return c;
    } else if (na !== nb) return na ? -1 : 1;
    else if (sa[i] !== sb[i]) return cmpStr(sa[i], sb[i]);
  }
  return 0;
}

// ---- PEP 440 --------------------------------------------------------------------------------

interface Pep440 {
  epoch: number;
  release: number[];
  pre?: [number, number]; // a=0, b=1, rc=2
  post?: number;
  dev?: number;
  local: (number | string)[];
}

const PEP440 =
  /^v?(?:(\d+)!)?(\d+(?:\.\d+)*)(?:[-_.]?(a|alpha|b|beta|c|rc|pre|preview)[-_.]?(\d*))?(?:(?:-(\d+))|(?:[-_.]?(post|rev|r)[-_.]?(\d*)))?(?:[-_.]?(dev)[-_.]?(\d*))?(?:\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?$/i;

function parsePep440(v: string): Pep440 | undefined {
  const m = PEP440.exec(v.trim().toLowerCase());
  if (!m) return undefined;
  const preKind = m[3] ? ({ a: 0, alpha: 0, b: 1, beta: 1, c: 2, rc: 2, pre: 2, preview: 2 } as Record<string, number>)[m[3]] : undefined;
  return {
    epoch: Number(m[1] ?? 0),
    release: m[2].split('.').map(Number),
    ...(preKind !== undefined ? { pre: [preKind, Number(m[4] || 0)] as [number, number] } : {}),
    ...(m[5] !== undefined ? { post: Number(m[5]) } : m[6] ? { post: Number(m[7] || 0) } : {}),
    ...(m[8] ? { dev: Number(m[9] || 0) } : {}),
    local: m[10] ? m[10].split(/[-_.]/).map((s) => (/^\d+$/.test(s) ? Number(s) : s)) : [],
  };
}

export function comparePep440(a: string, b: string): number {
  const x = parsePep440(a);
  const y = parsePep440(b);
  if (!x || !y) return compareGeneric(a, b);
  let c = cmp(x.epoch, y.epoch);
  if (c) return c;
  for (let i = 0; i < Math.max(x.release.length, y.release.length); i++) {
    c = cmp(x.release[i] ?? 0, y.release[i] ?? 0);
    if (c) return c;
  }
  // The PEP 440 key: a dev release of a final (1.0.dev1) sorts before its pre-releases.
  const preKey = (p: Pep440): [number, number, number] => (p.pre ? [1, p.pre[0], p.pre[1]] : p.dev !== undefined && p.post === undefined ? [0, 0, 0] : [2, 0, 0]);
  const [p1, p2] = [preKey(x), preKey(y)];
  for (let i = 0; i < 3; i++) if ((c = cmp(p1[i], p2[i]))) return c;
  c = cmp(x.post ?? -1, y.post ?? -1);
  if (c) return c;
  c = cmp(x.dev ?? Infinity, y.dev ?? Infinity);
  if (c) return c;
  for (let i = 0; i < Math.max(x.local.length, y.local.length); i++) {
    const p = x.local[i];
    const q = y.local[i];
    if (p === undefined) return -1;
    if (q === undefined) return 1;
    if (typeof p === 'number' && typeof q === 'number') c = cmp(p, q);
    else if (typeof p === 'number') c = 1;
    else if (typeof q === 'number') c = -1;
    else c = cmpStr(p, q);
    if (c) return c;
  }
  return 0;
}

// ---- Debian (dpkg) --------------------------------------------------------------------------

/** dpkg's order of one character in a non-digit part: `~` before the end, letters before the rest. */
function order(ch: string | undefined): number {
  if (ch === undefined) return 0;
  if (ch === '~') return -1;
  if (/[A-Za-z]/.test(ch)) return ch.charCodeAt(0);
  return ch.charCodeAt(0) + 256;
}

function verrevcmp(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    let first = 0;
    while ((i < a.length && !/\d/.test(a[i])) || (j < b.length && !/\d/.test(b[j]))) {
      const ac = i < a.length && !/\d/.test(a[i]) ? order(a[i]) : 0;
      const bc = j < b.length && !/\d/.test(b[j]) ? order(b[j]) : 0;
      if (ac !== bc) return ac - bc > 0 ? 1 : -1;
      i++;
      j++;
    }
    while (a[i] === '0') i++;
    while (b[j] === '0') j++;
    while (i < a.length && /\d/.test(a[i]) && j < b.length && /\d/.test(b[j])) {
      if (!first) first = a.charCodeAt(i) - b.charCodeAt(j);
      i++;
      j++;
    }
    if (i < a.length && /\d/.test(a[i])) return 1;
    if (j < b.length && /\d/.test(b[j])) return -1;
    if (first) return first > 0 ? 1 : -1;
  }
  return 0;
}

function splitDpkg(v: string): [number, string, string] {
  let s = v.trim();
  let epoch = 0;
  const colon = s.indexOf(':');
  if (colon > 0 && /^\d+$/.test(s.slice(0, colon))) {
    epoch = Number(s.slice(0, colon));
    s = s.slice(colon + 1);
  }
  const dash = s.lastIndexOf('-');
  return dash > 0 ? [epoch, s.slice(0, dash), s.slice(dash + 1)] : [epoch, s, ''];
}

export function compareDpkg(a: string, b: string): number {
  const [ea, ua, ra] = splitDpkg(a);
  const [eb, ub, rb] = splitDpkg(b);
  return cmp(ea, eb) || verrevcmp(ua, ub) || verrevcmp(ra, rb);
}

// ---- ranges ---------------------------------------------------------------------------------

/** One interval of affected versions; a bound that is absent is open (−∞ / +∞). */
export interface VersionInterval {
  from?: string;
  fromExcl?: boolean;
  to?: string;
  toIncl?: boolean;
}

export function inInterval(v: string, r: VersionInterval, scheme: Scheme): boolean {
  if (r.from !== undefined && r.from !== '0' && r.from !== '*' && r.from !== '') {
    const c = compareVersions(v, r.from, scheme);
    if (c < 0 || (c === 0 && r.fromExcl)) return false;
  }
  if (r.to !== undefined && r.to !== '*' && r.to !== '') {
    const c = compareVersions(v, r.to, scheme);
    if (c > 0 || (c === 0 && !r.toIncl)) return false;
  }
  return true;
}

export interface OsvEvent {
  introduced?: string;
  fixed?: string;
  last_affected?: string;
  limit?: string;
}

/**
 * OSV `ranges[].events` (ECOSYSTEM or SEMVER) → intervals, as the OSV schema evaluates them:
 * events sorted by version, `introduced` opens, `fixed` closes before, `last_affected` closes
 * after; `limit` bounds everything from above. `introduced: "0"` is the lowest version.
 */
export function osvIntervals(events: readonly OsvEvent[], scheme: Scheme): VersionInterval[] {
  const limits = events.map((e) => e.limit).filter((x): x is string => typeof x === 'string' && x !== '*');
  type Ev = { kind: 'introduced' | 'fixed' | 'last_affected'; v: string };
  const evs: Ev[] = [];
  for (const e of events) {
    if (typeof e.introduced === 'string') evs.push({ kind: 'introduced', v: e.introduced });
    if (typeof e.fixed === 'string') evs.push({ kind: 'fixed', v: e.fixed });
    if (typeof e.last_affected === 'string') evs.push({ kind: 'last_affected', v: e.last_affected });
  }
  const lo = (v: string) => v === '0';
  evs.sort((a, b) => (lo(a.v) ? (lo(b.v) ? 0 : -1) : lo(b.v) ? 1 : compareVersions(a.v, b.v, scheme)));
  const out: VersionInterval[] = [];
  let open: VersionInterval | undefined;
  for (const e of evs) {
    if (e.kind === 'introduced') {
      if (!open) open = { from: e.v };
    } else if (open) {
      out.push({ ...open, to: e.v, toIncl: e.kind === 'last_affected' });
      open = undefined;
    }
  }
  if (open) out.push(open);
  if (!limits.length) return out;
  // Each limit caps the intervals (the smallest one wins when there are several).
  const limit = limits.reduce((m, x) => (compareVersions(x, m, scheme) < 0 ? x : m));
  return out
    .map((r) => (r.to === undefined || compareVersions(r.to, limit, scheme) > 0 || (r.toIncl && compareVersions(r.to, limit, scheme) === 0) ? { ...r, to: limit, toIncl: false } : r))
    .filter((r) => r.from === undefined || lo(r.from) || compareVersions(r.from, limit, scheme) < 0);
}
