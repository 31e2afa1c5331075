// The FDA per-component SBOM elements as the readers give them (requirements-fda-premarket-2025.md
// §10.2): supplier, name, version, unique identifier, level of support, end-of-support date and the
// justification, from CycloneDX properties and SPDX annotations / validUntilDate, with the JSON path
// of each entry. Fixtures: a connected infusion pump in both formats (test/fixtures/sbom/fda/).

import { describe, expect, test } from 'vitest';
import { parseSbom, type SbomComponent } from '../../server/src/sbom';
import { lifecycleLabel, lifecycleLines } from '../../server/src/sbom/vocab';
import { sbomText } from './helpers';

const CDX = sbomText('fda/infusion-pump.cdx.json');
const SPDX = sbomText('fda/infusion-pump.spdx.json');

/** One line per component: path, name, version (source), supplier, identifier, support | eos | justification. */
function lines(components: SbomComponent[]): string[] {
  return components.map((c) => {
    const id = c.purl ? 'purl' : c.cpe ? 'cpe' : c.uid ? c.uid.slice(0, 12) : '-';
    const just = c.justification ? `${c.justification.slice(0, 24)}…` : '-';
    return `${c.path} ${c.name} | ${c.version ?? '-'}${c.version ? ` (${c.versionSource})` : ''} | ${c.vendor ?? '-'} | ${id} | ${c.support ?? '-'} | ${c.endOfSupport ?? '-'} | ${just}`;
  });
}

describe('the infusion pump SBOM, CycloneDX 1.6', () => {
  const doc = parseSbom(CDX);
  test('every software component with its six elements and where it is; hardware and excluded entries are left out', () => {
    expect(lines(doc.components)).toMatchInlineSnapshot(`
      [
        "components[0] IP-600 pump controller firmware | 3.2.0 (version) | Northwind Medical, Inc. | purl | Actively maintained by the manufacturer | 2035-12-31 | -",
        "components[0].components[0] FreeRTOS Kernel | 11.1.0 (version) | Amazon Web Services, Inc. | purl | Actively maintained (FreeRTOS 202406 LTS) | 2026-06-30 | -",
        "components[0].components[1] lwIP | 2.1.3 (version) | lwIP project (Savannah) | purl | Community maintained | None published by the project; supported by the manufacturer until 2035-12-31 | -",
        "components[0].components[2] Mbed TLS | 2.28.8 (version) | Trusted Firmware (Linaro) | purl | No longer maintained (2.28 LTS branch closed) | 2024-12-31 | TLS on the pump-to-gatew…",
        "components[1] IP-600 user interface software | 3.2.0 (version) | Northwind Medical, Inc. | purl | Actively maintained by the manufacturer | 2035-12-31 | -",
        "components[1].components[0] Linux kernel | 6.1.90-cip20 (version) | The Linux Foundation (Civil Infrastructure Platform) | purl | Actively maintained (CIP SLTS) | 2033-08 | -",
        "components[1].components[1] Qt | 6.5.3 (version) | The Qt Company | purl | Actively maintained (Qt 6.5 LTS, commercial licence) | 2026-04 | -",
        "components[1].components[2] OpenSSL | 1.1.1w (version) | OpenSSL Software Foundation | purl | No longer maintained (end of life) | 2023-09-11 | Used only by the service…",
        "components[1].components[3] zlib | 1.2.11 (version) | Jean-loup Gailly and Mark Adler | purl | Actively maintained (upstream supports the latest release) | No end-of-support date published; monitored by the manufacturer until 2035-12-31 | -",
        "components[1].components[4] SQLite | 3.45.1 (version) | Hipp, Wyrick & Company, Inc. | purl | Actively maintained | 2050-05-29 | -",
        "components[2] Murata Type 1DX Wi-Fi firmware | - | Murata Manufacturing Co., Ltd. | SHA-256:5d41 | Supported by the module manufacturer (product longevity programme) | 2031-12-31 | Mask ROM firmware: the s…",
      ]
    `);
    expect(doc.skipped.map((s) => `${s.name}: ${s.reason}`)).toEqual(['Murata Type 1DX Wi-Fi module (LBEE5KL1DX): not-software', 'Unity test framework: excluded-scope']);
  });
  test('the Wi-Fi firmware’s namespaced labels count (fda:levelOfSupport, cdx:lifecycle:milestone:endOfSupport, fda:justification)', () => {
    const fw = doc.components.find((c) => c.type === 'firmware' && !c.version)!;
    expect([fw.support, fw.endOfSupport, fw.justification?.slice(0, 17)]).toEqual(['Supported by the module manufacturer (product longevity programme)', '2031-12-31', 'Mask ROM firmware']);
  });
});

describe('the infusion pump SBOM, SPDX 2.3', () => {
  const doc = parseSbom(SPDX);
  test('the same build: annotations (Label: value, Label = value) and validUntilDate; the build toolchain and the hardware are left out', () => {
    expect(lines(doc.components)).toMatchInlineSnapshot(`
      [
        "packages[1] IP-600 pump controller firmware | 3.2.0 (version) | Northwind Medical, Inc. | purl | Actively maintained by the manufacturer | 2035-12-31T00:00:00Z | -",
        "packages[2] FreeRTOS Kernel | 11.1.0 (version) | Amazon Web Services, Inc. | purl | Actively maintained (FreeRTOS 202406 LTS) | 2026-06-30T00:00:00Z | -",
        "packages[3] lwIP | 2.1.3 (version) | lwIP project (Savannah) | purl | Community maintained | None published by the project; supported by the manufacturer until 2035-12-31 | -",
        "packages[4] Mbed TLS | 2.28.8 (version) | Trusted Firmware (Linaro) | purl | No longer maintained (2.28 LTS branch closed) | 2024-12-31 | TLS on the pump-to-gatew…",
        "packages[5] IP-600 user interface software | 3.2.0 (version) | Northwind Medical, Inc. | purl | Actively maintained by the manufacturer | 2035-12-31T00:00:00Z | -",
        "packages[6] Linux kernel | 6.1.90-cip20 (version) | The Linux Foundation (Civil Infrastructure Platform) | purl | Actively maintained (CIP SLTS) | 2033-08 | -",
        "packages[7] Qt | 6.5.3 (version) | The Qt Company | purl | Actively maintained (Qt 6.5 LTS, commercial licence) | 2026-04 | -",
        "packages[8] OpenSSL | 1.1.1w (version) | OpenSSL Software Foundation | purl | No longer maintained (end of life) | 2023-09-11 | Used only by the service…",
        "packages[9] zlib | 1.2.11 (version) | Jean-loup Gailly and Mark Adler | purl | Actively maintained (upstream supports the latest release) | No end-of-support date published; monitored by the manufacturer until 2035-12-31 | -",
        "packages[10] SQLite | 3.45.1 (version) | Hipp, Wyrick & Company, Inc. | purl | Actively maintained | 2050-05-29T00:00:00Z | -",
        "packages[11] Murata Type 1DX Wi-Fi firmware | N/A – mask ROM, no version published; identified by the SHA-256 checksum (version) | Murata Manufacturing Co., Ltd. | SHA256:5d414 | Supported by the module manufacturer (product longevity programme) | 2031-12-31 | Mask ROM firmware: the s…",
      ]
    `);
    expect(doc.skipped.map((s) => `${s.name}: ${s.reason}`)).toEqual(['Murata Type 1DX Wi-Fi module (LBEE5KL1DX): not-software', 'Arm GNU Toolchain: build-only']);
  });
});

describe('labels and identifiers', () => {
  test('support, end-of-support and justification labels: case, spacing, punctuation and namespaces folded', () => {
    const names = ['Level of Support', 'level-of-support', 'fda:levelOfSupport', 'Support Level', 'End-of-Support', 'end of support date', 'cdx:lifecycle:milestone:endOfSupport', 'EOS', 'eos_date', 'Justification', 'EOS rationale', 'support', 'End of life', 'eosx', 'Supplier'];
    expect(Object.fromEntries(names.map((n) => [n, lifecycleLabel(n) ?? null]))).toEqual({
      'Level of Support': 'support',
      'level-of-support': 'support',
      'fda:levelOfSupport': 'support',
      'Support Level': 'support',
      'End-of-Support': 'endOfSupport',
      'end of support date': 'endOfSupport',
      'cdx:lifecycle:milestone:endOfSupport': 'endOfSupport',
      EOS: 'endOfSupport',
      eos_date: 'endOfSupport',
      Justification: 'justification',
      'EOS rationale': 'justification',
      support: null,
      'End of life': null,
      eosx: null,
      Supplier: null,
    });
  });
  test('annotation lines: the label ends at the first separator where it is a label; the first line of a label wins', () => {
    const into = {};
    lifecycleLines('Reviewed 2025-08-29: see CSP-07\nfda:levelOfSupport: Actively maintained\r\nEnd-of-Support = 2027-06\nEnd-of-Support: 2030\nrationale：vendor LTS', into);
    expect(into).toEqual({ support: 'Actively maintained', endOfSupport: '2027-06', justification: 'vendor LTS' });
  });
  test('unique identifiers besides purl and CPE: SWID tag, OmniBOR, SWHID, a hash; malformed ones are no identifier and no error', () => {
    const bom = (c: object) => parseSbom(JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.6', version: 1, components: [{ type: 'library', name: 'x', version: '1.0.0', ...c }] })).components[0];
    expect(bom({ swid: { tagId: 'acme.com-x-1.0.0', name: 'x' } }).uid).toBe('swid:acme.com-x-1.0.0');
    expect(bom({ omniborId: ['gitoid:blob:sha1:261eeb9e9f8b2b4b0d119366dda99c6fd7d35c64'] }).uid).toBe('gitoid:blob:sha1:261eeb9e9f8b2b4b0d119366dda99c6fd7d35c64');
    expect(bom({ swhid: ['swh:1:cnt:94a9ed024d3859793618152ea559a168bbcbb5e2'] }).uid).toBe('swh:1:cnt:94a9ed024d3859793618152ea559a168bbcbb5e2');
    expect(bom({ hashes: [{ alg: 'SHA-256' }, { alg: 'SHA-512', content: 'ab12' }] }).uid).toBe('SHA-512:ab12');
    expect(bom({ hashes: 'none', swid: 'x', omniborId: 'y' }).uid).toBeUndefined();
    const spdx = (p: object) =>
      parseSbom(
        JSON.stringify({
          spdxVersion: 'SPDX-2.3',
          dataLicense: 'CC0-1.0',
          SPDXID: 'SPDXRef-DOCUMENT',
          name: 'd',
          creationInfo: { created: '2025-01-01T00:00:00Z', creators: ['Tool: t'] },
          packages: [{ SPDXID: 'SPDXRef-x', name: 'x', versionInfo: '1.0.0', downloadLocation: 'NOASSERTION', ...p }],
        }),
      ).components[0];
    expect(spdx({ externalRefs: [{ referenceCategory: 'OTHER', referenceType: 'swid', referenceLocator: 'acme.com-x' }] }).uid).toBe('swid:acme.com-x');
    expect(spdx({ checksums: [{ algorithm: 'SHA1', checksumValue: 'd6a770ba38583ed4bb4525bd96e50461655d2758' }] }).uid).toBe('SHA1:d6a770ba38583ed4bb4525bd96e50461655d2758');
    expect(spdx({ checksums: 'bad', annotations: [null, { comment: 7 }] })).toMatchObject({ name: 'x' });
    expect(spdx({ validUntilDate: '2029-01-01T00:00:00Z', annotations: [{ comment: 'End-of-Support: 2027-01-01' }] }).endOfSupport).toBe('2029-01-01T00:00:00Z');
  });
  test('duplicates: the first entry keeps its path and gains the lifecycle values it lacked', () => {
    const d = parseSbom(
      JSON.stringify({
        bomFormat: 'CycloneDX',
        specVersion: '1.5',
        version: 1,
        components: [
          { type: 'library', name: 'zlib', version: '1.2.11', purl: 'pkg:generic/zlib@1.2.11' },
          { type: 'library', name: 'zlib', version: '1.2.11', purl: 'pkg:generic/zlib@1.2.11', properties: [{ name: 'End-of-Support', value: '2030' }] },
        ],
      }),
    );
    expect(d.components.map((c) => [c.path, c.endOfSupport])).toEqual([['components[0]', '2030']]);
  });
});
