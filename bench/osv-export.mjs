// A realistic OSV `all.zip` export, generated (deterministic, nothing downloaded): one JSON record
// per entry, named `<ID>.json` at the archive's root as in the real export, across the
// ecosystems OSV carries, with each source's record shape and size:
//   GHSA-…    GitHub advisories (npm, Maven, PyPI, Go, Packagist, NuGet, RubyGems, crates.io):
//             long Markdown details, 3–15 references (commit URLs), CVSS v3.1 (some v4.0 too),
//             SEMVER / ECOSYSTEM ranges with introduced / fixed / last_affected, several ranges
//   PYSEC-…   PyPI: ECOSYSTEM plus GIT ranges and an enumerated `versions` list
//   GO-…      Go: ecosystem_specific imports and symbols
//   RUSTSEC-… crates.io, MAL-… malicious npm / PyPI packages (introduced 0, a few versions)
//   DEBIAN-CVE-…, DSA-…, DLA-…   Debian:11/12/13, dpkg versions with epochs and +debNuM revisions
//   UBUNTU-CVE-…                 Ubuntu releases, binaries in ecosystem_specific, versions lists
//   ALPINE-CVE-…, CGA-… (Wolfi), SUSE-SU-… / openSUSE-SU-… (many packages a record),
//   ALSA-… / RLSA-… (AlmaLinux, Rocky: rpm versions), Linux kernel CVEs and OSS-Fuzz (GIT ranges),
//   and withdrawn records.
// The shares are about those of the real export (most records from the distributions and the
// malicious-package feed, the largest from SUSE, Ubuntu and GHSA). Text is drawn from a large
// vocabulary with identifiers, hex commit IDs and version strings, so it compresses like
// advisories (about 3:1), not like repeated words.
//
// writeOsvExport(file, targetBytes) streams the archive (bounded memory: the central directory
// is kept in 16 MB slabs); ZIP64 end records when there are more than 65 535 entries, ZIP64
// extra fields for entries past 4 GB. writeSbom(file, n, pools) writes a CycloneDX SBOM of n
// components drawn from the same package names (popular ones, rare ones, and names no record has).

import * as fs from 'node:fs';
import * as zlib from 'node:zlib';

/** A deterministic pseudo-random stream. */
export function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYL = 'ab ac ad al am an ar as at ba be bi bo bu ca ce ci co cu da de di do du el em en er es ex fa fe fi fo ga ge gi go ha he hi ho il im in ir is ja jo ka ke ki ko la le li lo lu ma me mi mo mu na ne ni no nu ob od ol om on or os pa pe pi po pu qu ra re ri ro ru sa se si so su ta te ti to tu ul um un ur us va ve vi vo wa we wi xa xe yo za ze zo'.split(' ');
const PARTS = 'core util utils http json xml yaml parser client server api auth crypto jwt oauth session cookie cache log logger stream buffer socket proxy router middleware template render view form upload image pdf zip tar archive compress sql db orm query mongo redis queue worker task cron mail smtp ssh ftp dns net url path fs file config env cli shell exec spawn process thread pool async promise event emitter plugin loader bundle build test mock lint format markdown html css sass svg chart graph math date time uuid hash rand token secret vault kms cert tls ssl x509 saml ldap rpc grpc proto thrift avro kafka amqp mqtt ws websocket rest graphql schema validator sanitize escape encode decode serialize deserialize pickle marshal unmarshal diff patch merge sync watch notify'.split(' ');
const WORDS = 'a an the of in to when via allows remote attackers attacker local authenticated unauthenticated user users cause denial service crafted input buffer overflow underflow integer heap stack out-of-bounds read write use-after-free double free null pointer dereference prototype pollution cross-site scripting request forgery injection command sql path traversal directory symlink race condition time-of-check parser function untrusted memory corruption leak disclosure sensitive information bypass authentication authorization validation improper insufficient missing incorrect sanitisation neutralization special elements regular expression catastrophic backtracking infinite loop resource consumption exhaustion uncontrolled recursion deserialization arbitrary code execution privilege escalation elevation server-side template redirect open header smuggling response splitting certificate verification hostname mismatch timing side-channel padding oracle weak random predictable nonce signature forgery downgrade version before after prior fixed affected versions releases maintainers upgrade recommended workaround mitigation configuration default option disabled enabled production environment applications library package module component dependency transitive users should'.split(' ');
const PY_WORDS = ['def', 'self', 'import', 'return', 'None', 'True', 'kwargs', 'args'];

function pick(r, xs) {
  return xs[Math.floor(r() * xs.length)];
}
/** Each of `xs` with probability p; at least one. */
function some(r, xs, p) {
  const out = xs.filter(() => r() < p);
  return out.length ? out : [pick(r, xs)];
}
/** One of `list` by the weights at `list[i][1]`. */
function weighted(r, list) {
  let x = r() * list.reduce((n, e) => n + e[1], 0);
  for (const e of list) if ((x -= e[1]) < 0) return e;
  return list[list.length - 1];
}
/** Zipf-like: a few indexes often, most rarely. */
function skewed(r, n) {
  return Math.floor(n * r() ** 2.2);
}
function hex(r, n) {
  let s = '';
  while (s.length < n) s += Math.floor(r() * 0x100000000).toString(16).padStart(8, '0');
  return s.slice(0, n);
}
function sentence(r, min, max) {
  const n = Math.floor(min + r() * (max - min));
  const w = new Array(n);
  for (let i = 0; i < n; i++) {
    const x = r();
    w[i] = x < 0.06 ? `\`${pick(r, PARTS)}${pick(r, SYL)}${x < 0.02 ? '()' : ''}\`` : x < 0.09 ? `${1 + Math.floor(r() * 9)}.${Math.floor(r() * 30)}.${Math.floor(r() * 40)}` : x < 0.1 ? pick(r, PY_WORDS) : pick(r, WORDS);
  }
  w[0] = w[0][0].toUpperCase() + w[0].slice(1);
  return `${w.join(' ')}.`;
}
function details(r, paragraphs, words) {
  const out = [];
  for (let p = 0; p < paragraphs; p++) {
    const s = [];
    for (let k = 1 + Math.floor(r() * 4); k > 0; k--) s.push(sentence(r, Math.max(6, words / 4), words));
    if (r() < 0.25) out.push(`### ${pick(r, ['Impact', 'Patches', 'Workarounds', 'References', 'Details', 'Proof of concept'])}`);
    out.push(s.join(' '));
    if (r() < 0.12) out.push(`\`\`\`\n${pick(r, PARTS)}.${pick(r, PARTS)}(${JSON.stringify(hex(r, 12))}, { ${pick(r, PARTS)}: ${Math.floor(r() * 1000)} })\n\`\`\``);
  }
  return out.join('\n\n');
}

// ---- package names --------------------------------------------------------------------------

const word = (i, k) => `${SYL[(i * 7 + k * 13) % SYL.length]}${SYL[(i * 3 + k) % SYL.length]}${SYL[Math.floor(i / SYL.length) % SYL.length]}`;
function names(n, f) {
  return Array.from({ length: n }, (_, i) => f(i));
}
/** The package names of each ecosystem (the SBOM draws from the same pools). */
export function pools() {
  const part = (i, k) => PARTS[(i * 31 + k * 17) % PARTS.length];
  return {
    npm: names(60000, (i) => (i % 9 === 0 ? `@${word(i, 1)}/${part(i, 2)}-${word(i, 3)}` : `${part(i, 1)}-${word(i, 2)}${i % 5 === 0 ? `-${part(i, 3)}` : ''}`)),
    PyPI: names(25000, (i) => `${part(i, 4)}${i % 3 ? '-' : '_'}${word(i, 5)}`),
    Maven: names(15000, (i) => `org.${word(i, 6)}.${part(i, 7)}:${part(i, 8)}-${word(i, 9)}`),
    Go: names(8000, (i) => `github.com/${word(i, 10)}/${part(i, 11)}${i % 4 === 0 ? '/v2' : ''}`),
    NuGet: names(5000, (i) => `${word(i, 12).replace(/^./, (c) => c.toUpperCase())}.${part(i, 13).replace(/^./, (c) => c.toUpperCase())}`),
    RubyGems: names(4000, (i) => `${part(i, 14)}_${word(i, 15)}`),
    Packagist: names(6000, (i) => `${word(i, 16)}/${part(i, 17)}-${word(i, 18)}`),
    'crates.io': names(4000, (i) => `${part(i, 19)}-${word(i, 20)}`),
    deb: names(14000, (i) => `${i % 7 === 0 ? 'lib' : ''}${word(i, 21)}${i % 5 === 0 ? `-${part(i, 22)}` : ''}`),
    apk: names(6000, (i) => `${word(i, 23)}${i % 6 === 0 ? '-dev' : ''}`),
    rpm: names(12000, (i) => `${word(i, 24)}-${part(i, 25)}`),
  };
}

// ---- versions -------------------------------------------------------------------------------

const semver = (r) => `${Math.floor(r() * 6)}.${Math.floor(r() * 15)}.${Math.floor(r() * 25)}`;
const above = (r, v) => {
  const [a, b, c] = v.split('.').map(Number);
  return r() < 0.5 ? `${a}.${b}.${c + 1 + Math.floor(r() * 5)}` : r() < 0.7 ? `${a}.${b + 1}.0` : `${a + 1}.0.0`;
};
const pep440 = (r) => {
  const v = semver(r);
  const x = r();
  return x < 0.08 ? `${v}rc${1 + Math.floor(r() * 3)}` : x < 0.12 ? `${v}.post1` : x < 0.2 ? v.replace(/\.\d+$/, '') : v;
};
const mavenV = (r) => {
  const v = semver(r);
  const x = r();
  return x < 0.15 ? `${v}.Final` : x < 0.2 ? `${v}-jre` : x < 0.28 ? `${v}.${Math.floor(r() * 5)}` : v;
};
const DEB = { 11: 'deb11u', 12: 'deb12u', 13: '' };
const debV = (r, rel, fixed) => {
  const epoch = r() < 0.2 ? `${1 + Math.floor(r() * 2)}:` : '';
  const up = `${Math.floor(r() * 4)}.${Math.floor(r() * 20)}${r() < 0.5 ? `.${Math.floor(r() * 12)}` : ''}`;
  const rev = `-${1 + Math.floor(r() * 4)}`;
  return `${epoch}${up}${rev}${fixed && DEB[rel] ? `+${DEB[rel]}${1 + Math.floor(r() * 4)}` : ''}`;
};
const UBU = ['16.04:LTS', '18.04:LTS', '20.04:LTS', '22.04:LTS', '24.04:LTS', '24.10'];
const ubuV = (r) => `${Math.floor(r() * 4)}.${Math.floor(r() * 20)}.${Math.floor(r() * 12)}-${1 + Math.floor(r() * 3)}ubuntu${Math.floor(r() * 3)}.${1 + Math.floor(r() * 9)}`;
const apkV = (r) => `${semver(r)}-r${Math.floor(r() * 8)}`;
const rpmV = (r, el) => `${r() < 0.3 ? `${1 + Math.floor(r() * 2)}:` : ''}${semver(r)}-${1 + Math.floor(r() * 40)}.el${el}_${Math.floor(r() * 6)}`;

const VECTORS = [
  'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
  'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H',
  'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N',
  'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N',
  'CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H',
  'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:L/I:L/A:N',
  'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L',
  'CVSS:3.1/AV:L/AC:H/PR:L/UI:N/S:U/C:N/I:N/A:H',
];
const V4 = 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N';
const CWES = [79, 20, 22, 78, 89, 94, 119, 125, 190, 200, 287, 352, 400, 416, 434, 476, 502, 611, 770, 787, 918, 1321, 1333];

function date(r, from = 2014) {
  const y = from + Math.floor(r() * (2025 - from));
  const d = new Date(Date.UTC(y, Math.floor(r() * 12), 1 + Math.floor(r() * 28), Math.floor(r() * 24), Math.floor(r() * 60), Math.floor(r() * 60)));
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
const cveOf = (r) => `CVE-${2014 + Math.floor(r() * 11)}-${1000 + Math.floor(r() * 60000)}`;

function refs(r, n, pkg) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const x = r();
    const org = word(Math.floor(r() * 5000), 30);
    const repo = pkg.replace(/^@|[/:]/g, '-');
    out.push(
      x < 0.3
        ? { type: 'FIX', url: `https://github.com/${org}/${repo}/commit/${hex(r, 40)}` }
        : x < 0.45
          ? { type: 'WEB', url: `https://github.com/${org}/${repo}/issues/${1 + Math.floor(r() * 9000)}` }
          : x < 0.6
            ? { type: 'ADVISORY', url: `https://nvd.nist.gov/vuln/detail/${cveOf(r)}` }
            : x < 0.75
              ? { type: 'PACKAGE', url: `https://github.com/${org}/${repo}` }
              : x < 0.9
                ? { type: 'WEB', url: `https://github.com/${org}/${repo}/pull/${1 + Math.floor(r() * 9000)}/files#diff-${hex(r, 64)}` }
                : { type: 'REPORT', url: `https://${word(Math.floor(r() * 900), 31)}.example.org/security/${hex(r, 10)}.html` },
    );
  }
  return out;
}

/** Semantic-version events: introduced / fixed, now and then last_affected or an open end, sometimes two ranges. */
function semverRanges(r, type = 'SEMVER', versionOf = semver) {
  const ranges = [];
  for (let k = r() < 0.15 ? 2 : 1; k > 0; k--) {
    const intro = r() < 0.45 ? '0' : versionOf(r);
    const base = intro === '0' ? versionOf(r) : intro;
    const x = r();
    const events = [{ introduced: intro }];
    if (x < 0.78) events.push({ fixed: /^\d+\.\d+\.\d+$/.test(base) ? above(r, base) : `${base}.1` });
    else if (x < 0.9) events.push({ last_affected: base });
    ranges.push({ type, events });
  }
  return ranges;
}

// ---- one record per source -------------------------------------------------------------------

const GHSA_ECOS = [
  ['npm', 0.35, semver],
  ['Maven', 0.2, mavenV],
  ['PyPI', 0.15, pep440],
  ['Go', 0.1, semver],
  ['Packagist', 0.08, semver],
  ['NuGet', 0.05, semver],
  ['RubyGems', 0.04, semver],
  ['crates.io', 0.03, semver],
];
const ghsaId = (r) => `GHSA-${[4, 4, 4].map(() => Array.from({ length: 4 }, () => pick(r, '23456789cfghjmpqrvwx'.split(''))).join('')).join('-')}`;

function ghsa(r, P, n) {
  const [ecosystem, , versionOf] = weighted(r, GHSA_ECOS);
  const pool = P[ecosystem];
  const affected = [];
  for (let k = r() < 0.12 ? 2 + Math.floor(r() * 3) : 1; k > 0; k--) {
    const name = pool[skewed(r, pool.length)];
    affected.push({
      package: { ecosystem, name, ...(ecosystem === 'npm' ? { purl: `pkg:npm/${name.replace('@', '%40')}` } : {}) },
      ranges: semverRanges(r, ecosystem === 'npm' || ecosystem === 'crates.io' ? 'SEMVER' : 'ECOSYSTEM', versionOf),
      ...(r() < 0.2 ? { versions: Array.from({ length: 2 + Math.floor(r() * 30) }, () => versionOf(r)) } : {}),
      database_specific: { source: `https://github.com/github/advisory-database/blob/main/advisories/github-reviewed/${date(r).slice(0, 7).replace('-', '/')}/${n}/${n}.json` },
    });
  }
  const cve = r() < 0.8 ? cveOf(r) : undefined;
  return {
    schema_version: '1.6.0',
    id: n,
    modified: date(r, 2022),
    published: date(r),
    aliases: cve ? [cve] : [],
    summary: sentence(r, 5, 14).slice(0, -1),
    details: details(r, 2 + Math.floor(r() * 6), 30),
    severity: [{ type: 'CVSS_V3', score: pick(r, VECTORS) }, ...(r() < 0.15 ? [{ type: 'CVSS_V4', score: V4 }] : [])],
    affected,
    references: refs(r, 3 + Math.floor(r() * 13), affected[0].package.name),
    database_specific: { cwe_ids: [`CWE-${pick(r, CWES)}`], severity: pick(r, ['LOW', 'MODERATE', 'HIGH', 'CRITICAL']), github_reviewed: true, github_reviewed_at: date(r, 2020), nvd_published_at: cve ? date(r) : null },
  };
}

function pysec(r, P, i) {
  const name = P.PyPI[skewed(r, P.PyPI.length)];
  const fixed = pep440(r);
  return {
    id: `PYSEC-${2017 + (i % 8)}-${100 + (i % 900)}`,
    modified: date(r, 2021),
    published: date(r),
    aliases: [cveOf(r), ...(r() < 0.5 ? [ghsaId(r)] : [])],
    details: sentence(r, 20, 70),
    affected: [
      {
        package: { name, ecosystem: 'PyPI', purl: `pkg:pypi/${name}` },
        ranges: [
          { type: 'GIT', repo: `https://github.com/${word(i, 32)}/${name}`, events: [{ introduced: '0' }, { fixed: hex(r, 40) }] },
          { type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed }] },
        ],
        versions: Array.from({ length: 5 + Math.floor(r() * 80) }, () => pep440(r)),
      },
    ],
    references: refs(r, 2 + Math.floor(r() * 5), name),
  };
}

function goVuln(r, P, i) {
  const name = P.Go[skewed(r, P.Go.length)];
  return {
    schema_version: '1.3.1',
    id: `GO-${2020 + (i % 5)}-${1000 + (i % 3000)}`,
    modified: date(r, 2023),
    published: date(r, 2020),
    aliases: [cveOf(r), ghsaId(r)],
    summary: sentence(r, 5, 12).slice(0, -1),
    details: sentence(r, 20, 60),
    affected: [
      {
        package: { name, ecosystem: 'Go' },
        ranges: semverRanges(r),
        ecosystem_specific: { imports: [{ path: `${name}/${pick(r, PARTS)}`, symbols: Array.from({ length: 1 + Math.floor(r() * 8) }, () => `${pick(r, PARTS)}${pick(r, SYL)}.${pick(r, PARTS).replace(/^./, (c) => c.toUpperCase())}`) }] },
      },
    ],
    references: refs(r, 2 + Math.floor(r() * 4), name),
    database_specific: { url: `https://pkg.go.dev/vuln/GO-${2020 + (i % 5)}-${1000 + (i % 3000)}`, review_status: 'REVIEWED' },
  };
}

function rustsec(r, P, i) {
  const name = P['crates.io'][skewed(r, P['crates.io'].length)];
  return {
    id: `RUSTSEC-${2017 + (i % 8)}-${String(i % 10000).padStart(4, '0')}`,
    modified: date(r, 2022),
    published: date(r, 2017),
    aliases: r() < 0.6 ? [cveOf(r)] : [],
    summary: sentence(r, 5, 12).slice(0, -1),
    details: details(r, 1 + Math.floor(r() * 3), 25),
    affected: [{ package: { ecosystem: 'crates.io', name, purl: `pkg:cargo/${name}` }, ranges: semverRanges(r), ecosystem_specific: { affects: { arch: [], os: [], functions: [`${name}::${pick(r, PARTS)}`] } }, database_specific: { categories: [pick(r, ['memory-corruption', 'denial-of-service', 'crypto-failure'])], cvss: null, informational: null } }],
    references: refs(r, 1 + Math.floor(r() * 3), name),
  };
}

function malicious(r, P, i) {
  const npm = r() < 0.8;
  const eco = npm ? 'npm' : 'PyPI';
  // Malicious packages are mostly names no one else uses (typosquats), now and then a popular name.
  const pool = P[eco];
  const name = r() < 0.97 ? `${pool[Math.floor(r() * pool.length)]}${pick(r, ['-js', '2', 's', '-cli', 'x', '-dev'])}` : pool[skewed(r, pool.length)];
  return {
    modified: date(r, 2023),
    published: date(r, 2022),
    schema_version: '1.5.0',
    id: `MAL-${2022 + (i % 3)}-${i % 100000}`,
    summary: `Malicious code in ${name} (${eco.toLowerCase()})`,
    details: `\n---\n_-= Per source details. Do not edit below this line.=-_\n\n## Source: ${pick(r, ['ghsa-malware', 'ossf-package-analysis', 'amazon-inspector', 'socket'])} (${hex(r, 64)})\n${sentence(r, 15, 40)}\n`,
    affected: [{ package: { ecosystem: eco, name }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }] }], versions: Array.from({ length: 1 + Math.floor(r() * 4) }, () => semver(r)), database_specific: { cwes: [{ cweId: 'CWE-506', name: 'Embedded Malicious Code' }] } }],
    credits: [{ name: pick(r, ['Amazon Inspector', 'OpenSSF: Package Analysis', 'Socket']), type: 'FINDER' }],
    database_specific: { 'malicious-packages-origins': [{ source: 'ossf-package-analysis', sha256: hex(r, 64), import_time: date(r, 2023), modified_time: date(r, 2023), ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }] }] }] },
  };
}

function debian(r, P, i) {
  const name = P.deb[skewed(r, P.deb.length)];
  const kind = r();
  const rels = kind < 0.7 ? some(r, [11, 12, 13], 0.8) : [r() < 0.5 ? 11 : 12];
  const id = kind < 0.7 ? `DEBIAN-CVE-${2014 + (i % 11)}-${1000 + (i % 60000)}` : kind < 0.85 ? `DSA-${4000 + (i % 2000)}-1` : `DLA-${1000 + (i % 4000)}-1`;
  return {
    id,
    ...(kind < 0.7 ? { upstream: [`CVE-${id.slice(11)}`] } : { related: [cveOf(r), cveOf(r)] }),
    modified: date(r, 2023),
    published: date(r),
    details: sentence(r, 15, 60),
    affected: rels.map((rel) => ({
      package: { name, ecosystem: `Debian:${rel}`, purl: `pkg:deb/debian/${name}?arch=source` },
      ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, ...(r() < 0.75 ? [{ fixed: debV(r, rel, true) }] : [])] }],
      ...(kind >= 0.7 ? { versions: Array.from({ length: 3 + Math.floor(r() * 40) }, () => debV(r, rel, false)) } : {}),
      ...(kind < 0.7 ? { database_specific: { urgency: pick(r, ['not yet assigned', 'low', 'medium', 'high', 'unimportant']) } } : {}),
    })),
    references: [{ type: 'ADVISORY', url: `https://security-tracker.debian.org/tracker/${id}` }],
    schema_version: '1.7.0',
  };
}

function ubuntu(r, P, i) {
  const name = P.deb[skewed(r, P.deb.length)];
  const rels = some(r, UBU, 0.5);
  const cve = cveOf(r);
  return {
    id: `UBUNTU-${cve}`,
    details: sentence(r, 20, 80),
    aliases: [],
    related: [cve],
    published: date(r),
    modified: date(r, 2024),
    affected: rels.map((rel) => {
      const fixed = ubuV(r);
      const bins = Array.from({ length: 1 + Math.floor(r() * 12) }, () => ({ binary_name: `${name}${pick(r, ['', '-dev', '-doc', '-dbg', '1', '-common', '-tools', '-utils'])}`, binary_version: fixed }));
      return {
        package: { ecosystem: `Ubuntu:${rel}`, name, purl: `pkg:deb/ubuntu/${name}@${fixed}?arch=source&distro=${rel.split(':')[0]}` },
        ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, ...(r() < 0.85 ? [{ fixed }] : [])] }],
        ecosystem_specific: { binaries: bins, availability: r() < 0.3 ? 'Available with Ubuntu Pro' : 'No subscription required' },
        versions: Array.from({ length: 2 + Math.floor(r() * 60) }, () => ubuV(r)),
      };
    }),
    references: [{ type: 'REPORT', url: `https://ubuntu.com/security/${cve}` }, ...refs(r, 1 + Math.floor(r() * 6), name)],
    severity: r() < 0.6 ? [{ type: 'CVSS_V3', score: pick(r, VECTORS) }] : [{ type: 'Ubuntu', score: pick(r, ['low', 'medium', 'high', 'negligible']) }],
    schema_version: '1.6.3',
  };
}

function alpine(r, P, i) {
  const name = P.apk[skewed(r, P.apk.length)];
  const wolfi = r() < 0.35;
  const cve = cveOf(r);
  return {
    schema_version: '1.6.0',
    id: wolfi ? `CGA-${hex(r, 4)}-${hex(r, 4)}-${hex(r, 4)}` : `ALPINE-${cve}`,
    modified: date(r, 2024),
    published: date(r),
    ...(wolfi ? { aliases: [cve] } : { upstream: [cve] }),
    details: wolfi ? undefined : sentence(r, 10, 40),
    affected: (wolfi ? ['Wolfi'] : some(r, ['Alpine:v3.18', 'Alpine:v3.19', 'Alpine:v3.20', 'Alpine:v3.21'], 0.6)).map((ecosystem) => ({
      package: { ecosystem, name },
      ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: apkV(r) }] }],
    })),
    references: wolfi ? [] : [{ type: 'ADVISORY', url: `https://security.alpinelinux.org/vuln/${cve}` }],
  };
}

function suse(r, P, i) {
  const open = r() < 0.3;
  const products = open ? ['openSUSE Leap 15.5', 'openSUSE Leap 15.6'] : ['SUSE Linux Enterprise Server 15 SP5', 'SUSE Linux Enterprise Server 15 SP6', 'SUSE Linux Enterprise Desktop 15 SP5', 'SUSE Linux Enterprise High Performance Computing 15 SP5', 'SUSE Linux Enterprise Module for Basesystem 15 SP6'];
  const base = P.rpm[skewed(r, P.rpm.length)];
  const pkgs = [base, ...Array.from({ length: 2 + Math.floor(r() * 12) }, () => `${base}${pick(r, ['-devel', '-debuginfo', '-debugsource', '-32bit', '-doc', '-lang', `-${pick(r, PARTS)}`])}`)];
  const fixed = `${semver(r)}-${150000 + Math.floor(r() * 600)}.${Math.floor(r() * 30)}.1`;
  return {
    id: `${open ? 'openSUSE' : 'SUSE'}-SU-${2021 + (i % 4)}:${String(i % 5000).padStart(4, '0')}-1`,
    modified: date(r, 2024),
    published: date(r, 2021),
    upstream: Array.from({ length: 1 + Math.floor(r() * 6) }, () => cveOf(r)),
    summary: `Security update for ${base}`,
    details: `This update for ${base} fixes the following issues:\n\n${Array.from({ length: 1 + Math.floor(r() * 6) }, () => `- ${cveOf(r)}: ${sentence(r, 6, 20)} (bsc#${1200000 + Math.floor(r() * 99999)})`).join('\n')}`,
    affected: some(r, products, 0.7).flatMap((product) =>
      pkgs.map((name) => ({
        package: { ecosystem: `SUSE:${product}`, name, purl: `pkg:rpm/suse/${name}?distro=${encodeURIComponent(product)}` },
        ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed }] }],
      })),
    ),
    references: [{ type: 'ADVISORY', url: `https://www.suse.com/support/update/announcement/${2021 + (i % 4)}/suse-su-${hex(r, 8)}/` }, { type: 'REPORT', url: `https://bugzilla.suse.com/${1200000 + Math.floor(r() * 99999)}` }],
    severity: [{ type: 'CVSS_V3', score: pick(r, VECTORS) }],
  };
}

function rhel(r, P, i) {
  const alma = r() < 0.5;
  const el = pick(r, [8, 9]);
  const base = P.rpm[skewed(r, P.rpm.length)];
  const fixed = rpmV(r, el);
  return {
    id: `${alma ? 'ALSA' : 'RLSA'}-20${21 + (i % 4)}:${String(1000 + (i % 9000))}`,
    summary: `Moderate: ${base} security update`,
    details: sentence(r, 30, 90),
    published: date(r, 2021),
    modified: date(r, 2024),
    upstream: Array.from({ length: 1 + Math.floor(r() * 4) }, () => cveOf(r)),
    affected: [base, ...Array.from({ length: Math.floor(r() * 10) }, () => `${base}-${pick(r, ['devel', 'libs', 'tools', 'debuginfo', pick(r, PARTS)])}`)].map((name) => ({
      package: { ecosystem: `${alma ? 'AlmaLinux' : 'Rocky Linux'}:${el}`, name },
      ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed }] }],
    })),
    references: [{ type: 'ADVISORY', url: `https://errata.${alma ? 'almalinux' : 'rockylinux'}.org/${el}/${hex(r, 8)}.html` }],
  };
}

function gitOnly(r, P, i) {
  const kernel = r() < 0.8;
  const cve = cveOf(r);
  const events = [{ introduced: kernel ? '1da177e4c3f41524e886b7f1b8a0c1fc7321cac2' : hex(r, 40) }];
  for (let k = Math.floor(r() * 12); k > 0; k--) events.push({ fixed: hex(r, 40) });
  return {
    id: kernel ? cve : `OSV-${2018 + (i % 7)}-${i % 2000}`,
    modified: date(r, 2024),
    published: date(r, 2018),
    summary: kernel ? `${pick(r, ['net', 'drm', 'fs', 'mm', 'usb', 'bpf'])}: ${sentence(r, 4, 10).slice(0, -1)}` : `Heap-buffer-overflow in ${pick(r, PARTS)}`,
    details: kernel ? `In the Linux kernel, the following vulnerability has been resolved:\n\n${sentence(r, 30, 120)}` : `OSS-Fuzz report: https://bugs.chromium.org/p/oss-fuzz/issues/detail?id=${10000 + i}\n\nCrash type: ${pick(r, ['Heap-buffer-overflow READ 1', 'Use-of-uninitialized-value', 'Stack-buffer-overflow WRITE 4'])}\n`,
    affected: [{ package: { ecosystem: kernel ? 'Linux' : 'OSS-Fuzz', name: kernel ? 'Kernel' : P.deb[skewed(r, P.deb.length)] }, ranges: [{ type: 'GIT', repo: kernel ? 'https://git.kernel.org/pub/scm/linux/kernel/git/stable/linux.git' : `https://github.com/${word(i, 33)}/${word(i, 34)}`, events }], ...(kernel ? {} : { versions: [`v${semver(r)}`] }) }],
    references: refs(r, 1 + Math.floor(r() * 8), 'linux'),
  };
}

/** [writer, share]: about the real export's composition. */
const SOURCES = [
  [malicious, 0.2],
  [debian, 0.22],
  [ubuntu, 0.14],
  [ghsa, 0.14],
  [pysec, 0.015],
  [goVuln, 0.01],
  [rustsec, 0.006],
  [alpine, 0.07],
  [suse, 0.045],
  [rhel, 0.045],
  [gitOnly, 0.07],
];

function makeRecord(i, r, P) {
  const [fn] = weighted(r, SOURCES);
  const rec = fn(r, P, fn === ghsa ? ghsaId(r) : i);
  // Every record's ID unique (the real export has one file per ID).
  if (fn !== ghsa) rec.id = `${rec.id}${i.toString(36)}`;
  if (r() < 0.01) rec.withdrawn = date(r, 2023);
  return rec;
}

// ---- the archive ----------------------------------------------------------------------------

class Slabs {
  slabs = [];
  cur = Buffer.allocUnsafe(16 << 20);
  pos = 0;
  length = 0;
  push(b) {
    if (this.pos + b.length > this.cur.length) {
      this.slabs.push(this.cur.subarray(0, this.pos));
      this.cur = Buffer.allocUnsafe(Math.max(16 << 20, b.length));
      this.pos = 0;
    }
    b.copy(this.cur, this.pos);
    this.pos += b.length;
    this.length += b.length;
  }
  all() {
    return [...this.slabs, this.cur.subarray(0, this.pos)];
  }
}

/**
 * Writes the export to `file` until it holds about `targetBytes`; returns what it wrote. `level`
 * is the deflate level (6, zlib's default, as the real export's writer uses).
 */
export function writeOsvExport(file, targetBytes, { seed = 17, level = 6, progress } = {}) {
  const P = pools();
  const r = rng(seed);
  const fd = fs.openSync(file, 'w');
  const central = new Slabs();
  let out = [];
  let outLen = 0;
  let offset = 0;
  let count = 0;
  let raw = 0;
  const ecosystems = new Map();
  const flush = () => {
    if (!outLen) return;
    fs.writeSync(fd, Buffer.concat(out, outLen));
    out = [];
    outLen = 0;
  };
  const write = (b) => {
    out.push(b);
    outLen += b.length;
    if (outLen >= 8 << 20) flush();
  };
  let next = 0;
  while (offset < targetBytes) {
    const rec = makeRecord(count, r, P);
    const e = rec.affected[0].package.ecosystem.split(':')[0];
    ecosystems.set(e, (ecosystems.get(e) ?? 0) + 1);
    const data = Buffer.from(JSON.stringify(rec, null, 2));
    raw += data.length;
    const comp = zlib.deflateRawSync(data, { level });
    const name = Buffer.from(`${rec.id}.json`);
    const crc = zlib.crc32(data) >>> 0;
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(8, 8);
    lh.writeUInt16LE(0x5a00, 10); // DOS time
    lh.writeUInt16LE(0x5987, 12); // DOS date (2024-12-07)
    lh.writeUInt32LE(crc, 14);
    lh.writeUInt32LE(comp.length, 18);
    lh.writeUInt32LE(data.length, 22);
    lh.writeUInt16LE(name.length, 26);
    write(lh);
    write(name);
    write(comp);
    // Past 4 GB the offset goes into a ZIP64 extra field.
    const far = offset >= 0xffffffff;
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(45, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(8, 10);
    lh.copy(ch, 12, 10, 26); // time, date, crc, sizes
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt16LE(far ? 12 : 0, 30);
    ch.writeUInt32LE(far ? 0xffffffff : offset, 42);
    central.push(ch);
    central.push(name);
    if (far) {
      const x = Buffer.alloc(12);
      x.writeUInt16LE(1, 0);
      x.writeUInt16LE(8, 2);
      x.writeBigUInt64LE(BigInt(offset), 4);
      central.push(x);
    }
    offset += 30 + name.length + comp.length;
    count++;
    if (progress && offset >= next) {
      progress(offset, count);
      next += 256 << 20;
    }
  }
  flush();
  const cdOffset = offset;
  for (const s of central.all()) fs.writeSync(fd, s);
  const cdSize = central.length;
  const z64 = Buffer.alloc(56);
  z64.writeUInt32LE(0x06064b50, 0);
  z64.writeBigUInt64LE(44n, 4);
  z64.writeUInt16LE(45, 12);
  z64.writeUInt16LE(45, 14);
  z64.writeBigUInt64LE(BigInt(count), 24);
  z64.writeBigUInt64LE(BigInt(count), 32);
  z64.writeBigUInt64LE(BigInt(cdSize), 40);
  z64.writeBigUInt64LE(BigInt(cdOffset), 48);
  const loc = Buffer.alloc(20);
  loc.writeUInt32LE(0x07064b50, 0);
  loc.writeBigUInt64LE(BigInt(cdOffset + cdSize), 8);
  loc.writeUInt32LE(1, 16);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count > 0xffff ? 0xffff : count, 8);
  end.writeUInt16LE(count > 0xffff ? 0xffff : count, 10);
  end.writeUInt32LE(Math.min(cdSize, 0xffffffff), 12);
  end.writeUInt32LE(Math.min(cdOffset, 0xffffffff), 16);
  fs.writeSync(fd, Buffer.concat(count > 0xffff || cdOffset >= 0xffffffff ? [z64, loc, end] : [end]));
  fs.closeSync(fd);
  return { zipBytes: fs.statSync(file).size, rawBytes: raw, records: count, ecosystems: Object.fromEntries([...ecosystems].sort((a, b) => b[1] - a[1])) };
}

/**
 * A CycloneDX 1.5 SBOM of `n` components, as a device's build would list them: mostly npm, PyPI,
 * Maven, NuGet and Go libraries, some crates, gems and Composer packages, and Debian packages of
 * the base image; popular names (many advisories), rare ones, and names no record has; versions
 * below and above the fixes.
 */
export function writeSbom(file, n, { seed = 29 } = {}) {
  const P = pools();
  const r = rng(seed);
  const mix = [
    ['npm', 0.4, 'npm', semver],
    ['PyPI', 0.14, 'pypi', pep440],
    ['Maven', 0.14, 'maven', mavenV],
    ['NuGet', 0.06, 'nuget', semver],
    ['Go', 0.07, 'golang', semver],
    ['crates.io', 0.03, 'cargo', semver],
    ['RubyGems', 0.03, 'gem', semver],
    ['Packagist', 0.03, 'composer', semver],
    ['deb', 0.1, 'deb', (x) => debV(x, 12, r() < 0.5)],
  ];
  const seen = new Set();
  const components = [];
  while (components.length < n) {
    const [eco, , type, versionOf] = weighted(r, mix);
    const pool = P[eco];
    const name = r() < 0.1 ? `${pool[Math.floor(r() * pool.length)]}-internal` : pool[r() < 0.6 ? skewed(r, pool.length) : Math.floor(r() * pool.length)];
    if (seen.has(`${eco}:${name}`)) continue;
    seen.add(`${eco}:${name}`);
    const version = versionOf(r);
    let purl;
    if (type === 'maven') {
      const [g, a] = name.split(':');
      purl = `pkg:maven/${g}/${a}@${version}`;
    } else if (type === 'deb') purl = `pkg:deb/debian/${name}@${encodeURIComponent(version)}?arch=amd64&distro=debian-12`;
    else if (type === 'npm' && name.startsWith('@')) purl = `pkg:npm/${name.replace('@', '%40')}@${version}`;
    else purl = `pkg:${type}/${name}@${version}`;
    const short = type === 'maven' ? name.split(':')[1] : name;
    components.push({ type: 'library', 'bom-ref': `c${components.length}`, name: short, ...(type === 'maven' ? { group: name.split(':')[0] } : {}), version, purl, supplier: { name: word(components.length, 35) } });
  }
  fs.writeFileSync(file, JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.5', version: 1, metadata: { component: { type: 'application', name: 'bench-device', version: '1.0.0' } }, components }));
  return components.length;
}
