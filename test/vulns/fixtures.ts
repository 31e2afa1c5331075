// Vulnerability data made by the tests, for real components and their real advisories (IDs,
// ranges and CVSS vectors as OSV / NVD / CVE.org / CISA publish them): OpenSSL 1.1.1w, zlib
// 1.2.11, SQLite 3.45.1, log4net 2.0.8, jQuery 3.1.1. Plus a small ZIP writer (stored or
// deflated entries) for the per-ecosystem OSV exports.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';

export const SBOM = {
  bomFormat: 'CycloneDX',
  specVersion: '1.5',
  version: 1,
  components: [
    { type: 'library', 'bom-ref': 'openssl', name: 'openssl', version: '1.1.1w', purl: 'pkg:generic/openssl@1.1.1w', cpe: 'cpe:2.3:a:openssl:openssl:1.1.1w:*:*:*:*:*:*:*', supplier: { name: 'OpenSSL Software Foundation' } },
    { type: 'library', 'bom-ref': 'zlib', name: 'zlib', version: '1.2.11', cpe: 'cpe:2.3:a:zlib:zlib:1.2.11:*:*:*:*:*:*:*', supplier: { name: 'Jean-loup Gailly and Mark Adler' } },
    { type: 'library', 'bom-ref': 'sqlite', name: 'SQLite', version: '3.45.1', cpe: 'cpe:2.3:a:sqlite:sqlite:3.45.1:*:*:*:*:*:*:*', supplier: { name: 'SQLite Consortium' } },
    { type: 'library', 'bom-ref': 'log4net', name: 'log4net', version: '2.0.8', purl: 'pkg:nuget/log4net@2.0.8', supplier: { name: 'The Apache Software Foundation' } },
    { type: 'library', 'bom-ref': 'jquery', name: 'jQuery', version: '3.1.1', purl: 'pkg:npm/jquery@3.1.1', supplier: { name: 'OpenJS Foundation' } },
  ],
};

const V = {
  xss: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N', // 6.1
  xssU: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:L/I:L/A:N', // 5.4
  crit: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', // 9.8
  dos: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H', // 7.5
  dosLow: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L', // 5.3
  local: 'CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:N/I:N/A:H', // 5.5
};

const osv = (id: string, aliases: string[], vector: string, affected: unknown[], modified = '2024-11-05T12:00:00Z') => ({ schema_version: '1.6.0', id, modified, published: '2020-04-29T22:18:55Z', aliases, summary: `${id} advisory`, severity: [{ type: 'CVSS_V3', score: vector }], affected });
const npmJquery = (events: unknown[]) => [{ package: { ecosystem: 'npm', name: 'jquery', purl: 'pkg:npm/jquery' }, ranges: [{ type: 'SEMVER', events }] }];

/** GitHub advisories of jQuery (OSV), one per file. */
export const JQUERY_OSV = [
  osv('GHSA-jpcq-cgw6-v4j6', ['CVE-2020-11023'], V.xss, npmJquery([{ introduced: '1.0.3' }, { fixed: '3.5.0' }])),
  osv('GHSA-gxr4-xjj5-5px2', ['CVE-2020-11022'], V.xss, npmJquery([{ introduced: '1.2.0' }, { fixed: '3.5.0' }])),
  osv('GHSA-6c3j-c64m-qhgq', ['CVE-2019-11358'], V.xss, npmJquery([{ introduced: '0' }, { fixed: '3.4.0' }])),
  // Fixed before 3.1.1: must not match.
  osv('GHSA-rmxg-73gg-4p98', ['CVE-2015-9251'], V.xss, npmJquery([{ introduced: '0' }, { fixed: '3.0.0' }])),
];

export const LOG4NET_OSV = osv('GHSA-2cwj-8chv-9pp9', ['CVE-2018-1285'], V.crit, [{ package: { ecosystem: 'NuGet', name: 'log4net' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '2.0.10' }] }] }]);

const nvdItem = (id: string, vector: string, score: number, severity: string, matches: Record<string, unknown>[], lastModified = '2024-11-21T08:00:00.000') => ({
  cve: {
    id,
    sourceIdentifier: 'openssl-security@openssl.org',
    published: '2023-11-06T16:15:42.670',
    lastModified,
    vulnStatus: 'Modified',
    descriptions: [{ lang: 'en', value: `${id} description` }],
    metrics: { cvssMetricV31: [{ source: 'nvd@nist.gov', type: 'Primary', cvssData: { version: '3.1', vectorString: vector, baseScore: score, baseSeverity: severity } }] },
    configurations: [{ nodes: [{ operator: 'OR', negate: false, cpeMatch: matches.map((m) => ({ vulnerable: true, matchCriteriaId: '00000000-0000-0000-0000-000000000000', ...m })) }] }],
  },
});

/** NVD CVE API 2.0 items for OpenSSL, zlib and SQLite (CPE ranges). */
export const NVD_ITEMS = [
  nvdItem('CVE-2023-5678', V.dosLow, 5.3, 'MEDIUM', [{ criteria: 'cpe:2.3:a:openssl:openssl:*:*:*:*:*:*:*:*', versionStartIncluding: '1.1.1', versionEndExcluding: '1.1.1x' }]),
  nvdItem('CVE-2024-0727', V.local, 5.5, 'MEDIUM', [{ criteria: 'cpe:2.3:a:openssl:openssl:*:*:*:*:*:*:*:*', versionStartIncluding: '1.1.1', versionEndExcluding: '1.1.1x' }]),
  // Fixed in 1.1.1v: 1.1.1w is not affected.
  nvdItem('CVE-2023-3817', V.dosLow, 5.3, 'MEDIUM', [{ criteria: 'cpe:2.3:a:openssl:openssl:*:*:*:*:*:*:*:*', versionStartIncluding: '1.1.1', versionEndExcluding: '1.1.1v' }]),
  nvdItem('CVE-2018-25032', V.dos, 7.5, 'HIGH', [{ criteria: 'cpe:2.3:a:zlib:zlib:*:*:*:*:*:*:*:*', versionEndExcluding: '1.2.12' }]),
  nvdItem('CVE-2022-37434', V.crit, 9.8, 'CRITICAL', [{ criteria: 'cpe:2.3:a:zlib:zlib:*:*:*:*:*:*:*:*', versionEndIncluding: '1.2.12' }]),
  nvdItem('CVE-2025-29087', V.dos, 7.5, 'HIGH', [{ criteria: 'cpe:2.3:a:sqlite:sqlite:*:*:*:*:*:*:*:*', versionStartIncluding: '3.44.0', versionEndExcluding: '3.49.1' }]),
  // Fixed before 3.45.1: not affected.
  nvdItem('CVE-2024-0232', V.dosLow, 5.5, 'MEDIUM', [{ criteria: 'cpe:2.3:a:sqlite:sqlite:*:*:*:*:*:*:*:*', versionStartIncluding: '3.43.0', versionEndExcluding: '3.43.2' }]),
];

export const nvdFeed = (items = NVD_ITEMS, timestamp = '2024-12-01T00:00:00.000') => ({ resultsPerPage: items.length, startIndex: 0, totalResults: items.length, format: 'NVD_CVE', version: '2.0', timestamp, vulnerabilities: items });

/** A CVE JSON 5 record: zlib's minizip (CVE-2023-45853), affected through 1.3. */
export const CVE5_ZLIB = {
  dataType: 'CVE_RECORD',
  dataVersion: '5.1',
  cveMetadata: { cveId: 'CVE-2023-45853', assignerShortName: 'mitre', state: 'PUBLISHED', datePublished: '2023-10-14T00:00:00.000Z', dateUpdated: '2024-08-02T20:21:16.000Z' },
  containers: {
    cna: {
      affected: [{ vendor: 'zlib', product: 'zlib', versions: [{ version: '0', lessThanOrEqual: '1.3', status: 'affected', versionType: 'custom' }], defaultStatus: 'unaffected' }],
      descriptions: [{ lang: 'en', value: 'MiniZip in zlib through 1.3 has an integer overflow and resultant heap-based buffer overflow in zipOpenNewFileInZip4_64.' }],
      metrics: [{ cvssV3_1: { version: '3.1', vectorString: V.crit, baseScore: 9.8, baseSeverity: 'CRITICAL' } }],
    },
  },
};

export const KEV = {
  title: 'CISA Catalog of Known Exploited Vulnerabilities',
  catalogVersion: '2025.01.23',
  dateReleased: '2025-01-23T17:00:00.0000Z',
  count: 2,
  vulnerabilities: [
    { cveID: 'CVE-2020-11023', vendorProject: 'JQuery', product: 'JQuery', vulnerabilityName: 'JQuery Cross-Site Scripting (XSS) Vulnerability', dateAdded: '2025-01-23', dueDate: '2025-02-13', knownRansomwareCampaignUse: 'Unknown' },
    { cveID: 'CVE-2021-44228', vendorProject: 'Apache', product: 'Log4j2', vulnerabilityName: 'Apache Log4j2 Remote Code Execution Vulnerability', dateAdded: '2021-12-10', dueDate: '2021-12-24', knownRansomwareCampaignUse: 'Known' },
  ],
};

/** CycloneDX VEX: CVE-2023-5678 does not affect the OpenSSL build (code not reachable). */
export const CYCLONEDX_VEX = {
  bomFormat: 'CycloneDX',
  specVersion: '1.5',
  version: 1,
  metadata: { timestamp: '2024-12-02T09:00:00Z' },
  components: [{ type: 'library', 'bom-ref': 'openssl-1.1.1w', name: 'openssl', version: '1.1.1w', purl: 'pkg:generic/openssl@1.1.1w' }],
  vulnerabilities: [{ id: 'CVE-2023-5678', analysis: { state: 'not_affected', justification: 'code_not_reachable', detail: 'DH_check is never called: the device uses ECDHE only.' }, affects: [{ ref: 'openssl-1.1.1w' }] }],
};

/** OpenVEX: CVE-2024-0727 does not affect OpenSSL 1.1.1w in the device (no PKCS12 parsing). */
export const OPENVEX = {
  '@context': 'https://openvex.dev/ns/v0.2.0',
  '@id': 'https://example.com/vex/pm-9000-2024-001',
  author: 'PM-9000 security team',
  timestamp: '2024-12-03T10:00:00Z',
  version: 1,
  statements: [{ vulnerability: { name: 'CVE-2024-0727' }, products: [{ '@id': 'pkg:generic/openssl@1.1.1w' }], status: 'not_affected', justification: 'vulnerable_code_not_in_execute_path' }],
};

/** CSAF 2.0 VEX: CVE-2018-25032 does not affect the zlib build (the affected code is absent). */
export const CSAF_VEX = {
  document: { category: 'csaf_vex', csaf_version: '2.0', title: 'PM-9000 zlib VEX', publisher: { category: 'vendor', name: 'Example', namespace: 'https://example.com' }, tracking: { id: 'PM-9000-VEX-2024-002', current_release_date: '2024-12-04T00:00:00Z', initial_release_date: '2024-12-04T00:00:00Z', revision_history: [], status: 'final', version: '1' } },
  product_tree: { branches: [{ category: 'vendor', name: 'zlib', branches: [{ category: 'product_version', name: '1.2.11', product: { name: 'zlib 1.2.11', product_id: 'CSAFPID-0001', product_identification_helper: { cpe: 'cpe:2.3:a:zlib:zlib:1.2.11:*:*:*:*:*:*:*' } } }] }] },
  vulnerabilities: [{ cve: 'CVE-2018-25032', product_status: { known_not_affected: ['CSAFPID-0001'] }, flags: [{ label: 'vulnerable_code_not_present', product_ids: ['CSAFPID-0001'] }] }],
};

/** A ZIP archive of the entries (deflated unless `stored`). */
export function zipOf(entries: Record<string, string | Buffer>, opts: { stored?: boolean } = {}): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
    const comp = opts.stored ? data : zlib.deflateRawSync(data);
    const method = opts.stored ? 0 : 8;
    const crc = zlib.crc32 ? zlib.crc32(data) : 0;
    const nameBuf = Buffer.from(name, 'utf8');
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(method, 8);
    lh.writeUInt32LE(crc >>> 0, 14);
    lh.writeUInt32LE(comp.length, 18);
    lh.writeUInt32LE(data.length, 22);
    lh.writeUInt16LE(nameBuf.length, 26);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(method, 10);
    ch.writeUInt32LE(crc >>> 0, 16);
    ch.writeUInt32LE(comp.length, 20);
    ch.writeUInt32LE(data.length, 24);
    ch.writeUInt16LE(nameBuf.length, 28);
    ch.writeUInt32LE(offset, 42);
    locals.push(lh, nameBuf, comp);
    central.push(ch, nameBuf);
    offset += 30 + nameBuf.length + comp.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/**
 * A ZIP64 archive of the entries whose end records claim `count` entries (a hostile directory:
 * the entry cap must refuse it before the directory is read).
 */
export function zipClaimingEntries(entries: Record<string, string | Buffer>, count: number): Buffer {
  const z = zipOf(entries);
  const eocd = z.length - 22;
  const cdSize = z.readUInt32LE(eocd + 12);
  const cdOffset = z.readUInt32LE(eocd + 16);
  const body = z.subarray(0, eocd);
  const rec = Buffer.alloc(56);
  rec.writeUInt32LE(0x06064b50, 0);
  rec.writeBigUInt64LE(44n, 4);
  rec.writeUInt16LE(45, 12);
  rec.writeUInt16LE(45, 14);
  rec.writeBigUInt64LE(BigInt(count), 24);
  rec.writeBigUInt64LE(BigInt(count), 32);
  rec.writeBigUInt64LE(BigInt(cdSize), 40);
  rec.writeBigUInt64LE(BigInt(cdOffset), 48);
  const loc = Buffer.alloc(20);
  loc.writeUInt32LE(0x07064b50, 0);
  loc.writeBigUInt64LE(BigInt(body.length), 8);
  loc.writeUInt32LE(1, 16);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(0xffff, 8);
  end.writeUInt16LE(0xffff, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(0xffffffff, 16);
  return Buffer.concat([body, rec, loc, end]);
}

export const json = (v: unknown) => JSON.stringify(v, null, 2);

/** A research report (NMPA 2022) whose 漏洞评估 holds `body`. */
export function researchReport(body: string, level: 'minor' | 'moderate' | 'major' = 'moderate'): string {
  return `---
document: cybersecurity-research-report
guideline: nmpa-2022
submission: initial-registration
product: { name: 多参数患者监护仪, model: PM-9000, class: II, software_version: V2.1.0.3 }
software: { safety_level: ${level} }
data: { types: [device] }
functions: { user_access: true }
---

# 3 漏洞评估

${body}
`;
}

export const COUNT = (c: [number, number, number, number], r: [number, number, number, number] = [0, 0, 0, 0]) =>
  `| CVSS 漏洞等级 | 已知漏洞数 | 已知剩余漏洞数 |\n| --- | --- | --- |\n| 严重 | ${c[0]} | ${r[0]} |\n| 高危 | ${c[1]} | ${r[1]} |\n| 中危 | ${c[2]} | ${r[2]} |\n| 低危 | ${c[3]} | ${r[3]} |`;

/** A temporary folder with the files written; returns its path. */
export function tmpTree(files: Record<string, string | Buffer>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'cd-vulns-')));
  for (const [rel, content] of Object.entries(files)) {
    const p = path.join(dir, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, content);
  }
  return dir;
}

/** The whole data set as files of a dossier folder: SBOM, OSV folder, NVD feed, CVE 5, KEV and three VEX documents. */
export function dataSet(): Record<string, string | Buffer> {
  return {
    'bom.json': json(SBOM),
    ...Object.fromEntries(JQUERY_OSV.map((r) => [`vulns/osv/${r.id}.json`, json(r)])),
    [`vulns/osv/${LOG4NET_OSV.id}.json`]: json(LOG4NET_OSV),
    'vulns/nvd/nvdcve-2.0-modified.json': json(nvdFeed()),
    'vulns/cve/CVE-2023-45853.json': json(CVE5_ZLIB),
    'vulns/known_exploited_vulnerabilities.json': json(KEV),
    'vex/openssl.cdx.json': json(CYCLONEDX_VEX),
    'vex/openssl.openvex.json': json(OPENVEX),
    'vex/zlib.csaf.json': json(CSAF_VEX),
  };
}

export const RC = `sbom: bom.json
vulnerabilities:
  - vulns/osv
  - vulns/nvd/nvdcve-2.0-modified.json
  - vulns/cve
  - { path: vulns/known_exploited_vulnerabilities.json, maxAge: 100000d }
  - vex
`;
