// SBOM → normalised components: the four formats, what each field becomes, nesting and
// relationships flattened, duplicates merged, the flags, invalid inputs, and the bounds.

import { describe, expect, test } from 'vitest';
import { parseSbom, type SbomComponent, type SbomDocument } from '../../server/src/sbom';
import { agentName } from '../../server/src/sbom/spdx';
import { modelFromCpe, parseCpe, parsePurl, purlKey } from '../../server/src/sbom/vocab';
import { bigCycloneDx, parseError, sbom, sbomText } from './helpers';

/** One line per component: name | version | vendor (source) | model | category | parent | flags. */
function lines(doc: SbomDocument): string {
  return doc.components
    .map((c: SbomComponent) =>
      [c.name, c.version ?? '—', c.vendor ? `${c.vendor} (${c.vendorSource})` : '—', c.model ?? '—', c.category?.zh ?? '—', c.parent ?? '—', c.flags.join(',') || 'ok'].join(' | '),
    )
    .join('\n');
}

describe('CycloneDX 1.4', () => {
  const doc = sbom('cyclonedx-1.4.json');
  test('components in SBOM order, vendor from supplier / publisher / author, model from the CPE, flags', () => {
    expect(doc.format).toBe('CycloneDX');
    expect(doc.specVersion).toBe('1.4');
    expect(doc.id).toBe('urn:uuid:6f1c3b3e-2a7d-4f5e-9a51-0c3d8b7e4a10');
    expect(doc.subject).toEqual({ name: 'PM-9000 中央监护软件', version: 'V2.1.0.3' });
    expect(lines(doc)).toMatchInlineSnapshot(`
      "Windows 10 IoT Enterprise LTSC 2021 | 10.0.19044.3086 | Microsoft Corporation (supplier) | x64 | 系统软件（操作系统） | — | ok
      .NET Runtime | 6.0.25 | Microsoft Corporation (supplier) | — | 支持软件（框架） | — | ok
      OpenSSL | 3.0.13 | OpenSSL Software Foundation (supplier) | — | 支持软件（库） | DCMTK 3.6.8 | ok
      SQLite | 3.45.1 | SQLite Consortium (supplier) | — | 支持软件（库） | — | ok
      Qt | 5.15.2 | The Qt Company (supplier) | open source | 支持软件（框架） | — | ok
      zlib | 1.3.1 | Jean-loup Gailly, Mark Adler (author) | — | 支持软件（库） | DCMTK 3.6.8 | ok
      libcurl | 8.6.0 | curl project (Daniel Stenberg) (publisher) | — | 支持软件（库） | — | ok
      DCMTK | 3.6.8 | OFFIS e.V. (supplier) | — | 支持软件（库） | — | ok
      NLog | 5.x | NLog Project (supplier) | — | 支持软件（库） | — | version-not-full
      protobuf | 3.21.12 | — | — | 支持软件（库） | — | supplier-missing"
    `);
  });
  test('licences, purl and CPE are kept', () => {
    const openssl = doc.components.find((c) => c.name === 'OpenSSL')!;
    expect(openssl).toMatchObject({ purl: 'pkg:generic/openssl@3.0.13', cpe: 'cpe:2.3:a:openssl:openssl:3.0.13:*:*:*:*:*:*:*', licenses: ['Apache-2.0'], ref: 'openssl', type: 'library' });
    expect(doc.components.find((c) => c.name === 'Qt')!.licenses).toEqual(['LGPL-3.0-only']);
    expect(doc.components.find((c) => c.name === 'SQLite')!.licenses).toEqual(['Public Domain']);
  });
  test('the duplicate OpenSSL (same purl, other qualifiers) is merged; excluded and hardware entries are skipped', () => {
    expect(doc.duplicates).toBe(1);
    expect(doc.components.filter((c) => c.name === 'OpenSSL')).toHaveLength(1);
    expect(doc.skipped).toEqual([
      { name: 'WiX Toolset', version: '3.11.2', type: 'application', reason: 'excluded-scope' },
      { name: 'Intel Ethernet Connection I219-LM', version: 'rev 31', type: 'device', reason: 'not-software' },
    ]);
    expect(doc.patches).toEqual([]);
  });
});

describe('CycloneDX 1.5', () => {
  const doc = sbom('cyclonedx-1.5.json');
  test('nested components are flattened with their parent; platform, firmware; data skipped', () => {
    expect(lines(doc)).toMatchInlineSnapshot(`
      "Windows 10 IoT Enterprise LTSC 2019 | 10.0.17763.5329 | Microsoft Corporation (supplier) | x64 | 系统软件（操作系统） | — | ok
      Eclipse Temurin JRE | 17.0.10+7 | Eclipse Foundation (supplier) | — | 支持软件（运行平台） | — | ok
      hapi-base | 2.5.1 | University Health Network (supplier) | — | 支持软件（库） | — | ok
      hapi-structures-v26 | 2.5.1 | University Health Network (supplier) | — | 支持软件（库） | hapi-base 2.5.1 | ok
      OpenSSL | 3.0.13 | OpenSSL Software Foundation (supplier) | — | 支持软件（库） | — | ok
      sqlite-jdbc | 3.45.1.0 | Xerial Project (supplier) | — | 支持软件（库） | — | ok
      libusb | >=1.0.26 | libusb project (supplier) | — | 支持软件（库） | — | version-not-full
      IPX 射频模块固件 | latest | — | — | 系统软件（固件） | — | version-not-full,supplier-missing"
    `);
    expect(doc.skipped.map((s) => `${s.name}: ${s.reason}`)).toEqual(['KB5034127: patch', '药物库: not-software']);
  });
  test('patches: a KB update component, release notes of type patch, pedigree patches', () => {
    expect(doc.patches).toMatchInlineSnapshot(`
      [
        {
          "appliesTo": "Windows 10 IoT Enterprise LTSC 2019 10.0.17763.5329",
          "date": "2024-01-09",
          "flags": [],
          "name": "KB5034127",
          "resolves": [
            "CVE-2024-20674",
          ],
          "source": "kb-component",
          "version": "10.0.17763.5329",
        },
        {
          "appliesTo": "Eclipse Temurin JRE 17.0.10+7",
          "date": "2024-01-16",
          "flags": [],
          "name": "Eclipse Temurin 17.0.10+7 (2024-01 CPU)",
          "resolves": [
            "CVE-2024-20918",
            "CVE-2024-20952",
          ],
          "source": "release-notes",
          "version": "17.0.10+7",
        },
        {
          "appliesTo": "OpenSSL 3.0.13",
          "date": "2024-04-10",
          "flags": [],
          "name": "CVE-2024-2511",
          "resolves": [
            "CVE-2024-2511",
          ],
          "source": "pedigree",
          "version": "3.0.13",
        },
      ]
    `);
  });
});

describe('CycloneDX 1.6', () => {
  const doc = sbom('cyclonedx-1.6.json');
  test('manufacturer, authors, the cyberdossier:model property, versionRange (never full), device drivers', () => {
    expect(lines(doc)).toMatchInlineSnapshot(`
      "Poky (Yocto Project reference distribution) | 4.0.17 | Yocto Project (Linux Foundation) (manufacturer) | kirkstone LTS | 系统软件（操作系统） | — | ok
      Linux kernel | 5.15.148 | Linus Torvalds, Greg Kroah-Hartman (authors) | arm | 系统软件（操作系统） | Poky (Yocto Project reference distribution) 4.0.17 | ok
      zlib | 1.3.1 | zlib project (Jean-loup Gailly, Mark Adler) (supplier) | — | 支持软件（库） | Poky (Yocto Project reference distribution) 4.0.17 | ok
      U-Boot | 2022.01 | DENX Software Engineering (authors) | — | 系统软件（固件） | — | ok
      Qt Base | 5.15.2 | The Qt Company (supplier) | 开源版（LGPLv3） | 支持软件（库） | — | ok
      OpenSSL | 3.0.13 | OpenSSL Software Foundation (supplier) | — | 支持软件（库） | Qt Base 5.15.2 | ok
      lwIP | vers:generic/>=2.1.0|<2.2.0 | lwIP project (Savannah) (supplier) | — | 支持软件（库） | — | version-not-full
      FTDI VCP driver | 2.12.36.4 | Future Technology Devices International Ltd. (supplier) | — | 系统软件（设备驱动） | — | ok"
    `);
    expect(doc.components.find((c) => c.name === 'lwIP')!.versionSource).toBe('versionRange');
    expect(doc.skipped).toEqual([{ name: '设备 TLS 证书', type: 'cryptographic-asset', reason: 'not-software' }]);
  });
  test('a cyberdossier:category property overrides the type; a version from the purl when there is none', () => {
    const d = parseSbom(
      JSON.stringify({
        bomFormat: 'CycloneDX',
        specVersion: '1.6',
        components: [
          { type: 'library', name: 'Chromium Embedded Framework', version: '121.3.15', supplier: { name: 'Marshall A. Greenblatt' }, properties: [{ name: 'cyberdossier:category', value: '应用软件' }] },
          { type: 'library', name: 'jackson-databind', purl: 'pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.16.1', supplier: { name: 'FasterXML' } },
          { type: 'device', name: 'Marvell 88E1512 PHY firmware', version: '1.2.3', properties: [{ name: 'cyberdossier:category', value: 'system' }] },
        ],
      }),
    );
    expect(d.components.map((c) => [c.name, c.category?.zh, c.version, c.versionSource])).toEqual([
      ['Chromium Embedded Framework', '应用软件', '121.3.15', 'version'],
      ['jackson-databind', '支持软件（库）', '2.16.1', 'purl'],
      ['Marvell 88E1512 PHY firmware', '系统软件', '1.2.3', 'version'],
    ]);
  });
});

test('components nested in metadata.component are the device’s own, after the top-level ones', () => {
  const d = parseSbom(
    JSON.stringify({
      bomFormat: 'CycloneDX',
      specVersion: '1.6',
      metadata: { component: { type: 'application', name: 'PM-9000 中央监护软件', version: 'V2.1.0.3', components: [{ type: 'library', name: 'DCMTK', version: '3.6.8', components: [{ type: 'library', name: 'zlib', version: '1.3.1' }] }] } },
      components: [{ type: 'library', name: 'OpenSSL', version: '3.0.13' }],
    }),
  );
  expect(d.components.map((c) => [c.name, c.parent])).toEqual([
    ['OpenSSL', undefined],
    ['DCMTK', undefined],
    ['zlib', 'DCMTK 3.6.8'],
  ]);
  expect(d.subject).toEqual({ name: 'PM-9000 中央监护软件', version: 'V2.1.0.3' });
});

describe('SPDX 2.3', () => {
  const doc = sbom('spdx-2.3.json');
  test('supplier, else originator; NOASSERTION is no vendor; the described package is the subject', () => {
    expect(doc.format).toBe('SPDX');
    expect(doc.specVersion).toBe('2.3');
    expect(doc.id).toBe('https://sbom.example.invalid/spdx/hl7-gateway-1.4.0.12-5b1f0c3e');
    expect(doc.subject).toEqual({ name: 'HL7 接口网关软件', version: 'V1.4.0.12' });
    expect(lines(doc)).toMatchInlineSnapshot(`
      "Debian GNU/Linux | 12.5 | Debian Project (supplier) | amd64 | 系统软件（操作系统） | — | ok
      Eclipse Temurin JRE | 17.0.10+7 | Eclipse Foundation (supplier) | — | 支持软件（框架） | — | ok
      hapi-base | 2.5.1 | University Health Network (supplier) | — | 支持软件（库） | — | ok
      openssl | 3.0.13 | OpenSSL Software Foundation (supplier) | — | 支持软件（库） | Debian GNU/Linux 12.5 | ok
      libcurl | 8.6.0 | Daniel Stenberg (originator) | — | 支持软件（库） | Debian GNU/Linux 12.5 | ok
      zlib | 1.3.1 | — | — | 支持软件（库） | Debian GNU/Linux 12.5 | supplier-missing
      SQLite | 3.45.1 | SQLite Consortium (supplier) | — | 支持软件（库） | — | ok
      log4j-core | >=2.17.1 | The Apache Software Foundation (supplier) | — | 支持软件（库） | — | version-not-full"
    `);
  });
  test('relationships: test-only packages skipped, PATCH_APPLIED is a patch row, duplicates by purl merged', () => {
    expect(doc.skipped.map((s) => `${s.name}: ${s.reason}`)).toEqual(['junit-jupiter: build-only', 'openssl-3.0.13-CVE-2024-2511.patch: patch']);
    expect(doc.patches).toEqual([
      { name: 'openssl-3.0.13-CVE-2024-2511.patch', version: '3.0.13-1', date: '2024-04-10', appliesTo: 'openssl 3.0.13', source: 'spdx-patch-applied', resolves: [], flags: [] },
    ]);
    expect(doc.duplicates).toBe(1);
    expect(doc.components.find((c) => c.name === 'openssl')).toMatchObject({ licenses: ['Apache-2.0'], purl: 'pkg:deb/debian/openssl@3.0.13', ref: 'SPDXRef-openssl' });
  });
  test('a document describing every package keeps them all', () => {
    const d = parseSbom(
      JSON.stringify({
        spdxVersion: 'SPDX-2.3',
        dataLicense: 'CC0-1.0',
        SPDXID: 'SPDXRef-DOCUMENT',
        name: 'x',
        creationInfo: { created: '2024-01-01T00:00:00Z', creators: ['Tool: x'] },
        documentDescribes: ['SPDXRef-a', 'SPDXRef-b'],
        packages: [
          { SPDXID: 'SPDXRef-a', name: 'OpenSSL', versionInfo: '3.0.13', downloadLocation: 'NOASSERTION', supplier: 'Organization: OpenSSL Software Foundation' },
          { SPDXID: 'SPDXRef-b', name: 'SQLite', versionInfo: '3.45.1', downloadLocation: 'NOASSERTION', supplier: 'Organization: SQLite Consortium' },
        ],
      }),
    );
    expect(d.components.map((c) => c.name)).toEqual(['OpenSSL', 'SQLite']);
  });
  test('agent names', () => {
    expect(agentName('Organization: Microsoft Corporation (secure@microsoft.com)')).toBe('Microsoft Corporation');
    expect(agentName('Person: Daniel Stenberg ()')).toBe('Daniel Stenberg');
    expect(agentName('Organization: OFFIS e.V. (Oldenburg)')).toBe('OFFIS e.V. (Oldenburg)');
    expect(agentName('NOASSERTION')).toBeUndefined();
    expect(agentName('  ')).toBeUndefined();
  });
});

describe('identifiers', () => {
  test('package URLs', () => {
    expect(parsePurl('pkg:maven/ca.uhn.hapi/hapi-base@2.5.1?type=jar')).toEqual({ type: 'maven', namespace: 'ca.uhn.hapi', name: 'hapi-base', version: '2.5.1' });
    expect(parsePurl('pkg:npm/%40angular/core@17.3.0')).toEqual({ type: 'npm', namespace: '@angular', name: 'core', version: '17.3.0' });
    expect(parsePurl('pkg:generic/temurin-jre@17.0.10%2B7')?.version).toBe('17.0.10+7');
    expect(parsePurl('pkg:nuget/NLog')).toEqual({ type: 'nuget', name: 'NLog', version: undefined });
    expect(parsePurl('https://example.invalid')).toBeUndefined();
    expect(purlKey('pkg:Generic/OpenSSL@3.0.13?arch=x64#src')).toBe(purlKey('pkg:generic/openssl@3.0.13'));
  });
  test('CPE 2.3 and 2.2: the edition fields are the model', () => {
    expect(modelFromCpe('cpe:2.3:o:microsoft:windows_10_21h2:10.0.19044.3086:*:*:*:*:*:x64:*')).toBe('x64');
    expect(modelFromCpe('cpe:2.3:a:qt:qt:5.15.2:*:*:*:open_source:*:*:*')).toBe('open source');
    expect(modelFromCpe('cpe:2.3:a:openssl:openssl:3.0.13:*:*:*:*:*:*:*')).toBeUndefined();
    expect(modelFromCpe('cpe:/o:microsoft:windows_10:1809::~~ltsc~~x64~')).toBe('ltsc x64');
    expect(parseCpe('cpe:2.3:a:acme:foo\\:bar:1.0:*:*:*:*:*:*:*')?.product).toBe('foo:bar');
    expect(modelFromCpe('not a cpe')).toBeUndefined();
  });
});

describe('invalid input: a clear message in zh-CN and en, exit 2 on the command line', () => {
  test('JSON that is no SBOM', () => {
    const e = parseError(sbomText('invalid/not-an-sbom.json'));
    expect(e.code).toBe('not-sbom');
    expect(e.localized).toMatchInlineSnapshot(`
      {
        "en": "not an SBOM: expected CycloneDX JSON with bomFormat "CycloneDX" and specVersion 1.4–1.6, or SPDX JSON with spdxVersion "SPDX-2.3"",
        "zh": "不是 SBOM：应为含 bomFormat: "CycloneDX" 与 specVersion（1.4–1.6）的 CycloneDX JSON，或含 spdxVersion: "SPDX-2.3" 的 SPDX JSON",
      }
    `);
    expect(parseError('[1, 2]').code).toBe('not-sbom');
    expect(parseError('{"bomFormat": "cyclonedx", "specVersion": "1.5"}').localized.en).toBe('not a CycloneDX SBOM: bomFormat is "cyclonedx", expected "CycloneDX"');
  });
  test('broken JSON: where it breaks', () => {
    const e = parseError(sbomText('invalid/broken.json'));
    expect(e.code).toBe('not-json');
    // Where, never what: no byte of the file in the message.
    expect(e.localized.zh).toBe('不是有效的 JSON（第 9 行第 1 列）');
    expect(e.localized.en).toBe('not valid JSON at line 9, column 1');
    expect(parseError('').code).toBe('not-json');
  });
  test('CycloneDX with missing and mistyped fields: every problem, located', () => {
    const e = parseError(sbomText('invalid/cyclonedx-missing-fields.json'));
    expect(e.code).toBe('invalid');
    expect(e.localized).toEqual({ zh: 'SBOM 不符合 CycloneDX 1.5 的结构要求（8 处问题）', en: 'the SBOM does not conform to CycloneDX 1.5 (8 problems)' });
    expect(e.issues.map((i) => `${i.path}: ${i.message.en} / ${i.message.zh}`)).toMatchInlineSnapshot(`
      [
        "version: must be at least 1 / 不能小于 1",
        "components[0].name: required field missing / 缺少必需字段",
        "components[1].type: required field missing / 缺少必需字段",
        "components[2].type: “libary” is not one of application, framework, library, container, operating-system, device, firmware, file, platform, device-driver, machine-learning-model, data / “libary”不是允许的值（application、framework、library、container、operating-system、device、firmware、file、platform、device-driver、machine-learning-model、data）",
        "components[3].version: must be a string, not number / 应为字符串，实际为数字",
        "components[4].supplier: must be an object, not string / 应为对象，实际为字符串",
        "components[4].licenses[0].license: needs id or name / 应有 id 或 name",
        "components[5].components: must be an array, not object / 应为数组，实际为对象",
      ]
    `);
  });
  test('a type of a later specification is invalid in 1.4; a CycloneDX without specVersion', () => {
    const e = parseError(JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.4', version: 1, components: [{ type: 'platform', name: 'Temurin', version: '17.0.10' }] }));
    expect(e.issues.map((i) => i.path)).toEqual(['components[0].type']);
    expect(parseError('{"bomFormat":"CycloneDX","components":[]}').localized.en).toBe('the CycloneDX SBOM has no specVersion');
  });
  test('unsupported versions and encodings', () => {
    expect(parseError(sbomText('invalid/cyclonedx-1.3.json')).localized).toEqual({
      zh: '不支持 CycloneDX 1.3：支持的版本为 1.4、1.5、1.6',
      en: 'CycloneDX 1.3 is not supported: the supported versions are 1.4, 1.5, 1.6',
    });
    expect(parseError(sbomText('invalid/spdx-2.2.json')).localized.en).toBe('SPDX-2.2 is not supported: SPDX-2.3 (JSON) is');
    expect(parseError(sbomText('invalid/cyclonedx.xml')).localized.zh).toBe('不支持 XML 格式的 CycloneDX SBOM：请导出为 JSON（CycloneDX 1.4–1.6）');
    expect(parseError('SPDXVersion: SPDX-2.3\nDataLicense: CC0-1.0\n').code).toBe('unsupported');
    expect(parseError(JSON.stringify({ '@context': 'https://spdx.org/rdf/3.0.1/spdx-context.jsonld', '@graph': [] })).localized.en).toMatch(/^SPDX 3/);
  });
  test('SPDX with missing fields and a misspelt relationship', () => {
    const e = parseError(sbomText('invalid/spdx-missing-fields.json'));
    expect(e.issues.map((i) => `${i.path}: ${i.message.en}`)).toMatchInlineSnapshot(`
      [
        "dataLicense: required field missing",
        "creationInfo: required field missing",
        "packages[0].downloadLocation: required field missing",
        "packages[1].SPDXID: required field missing",
        "packages[1].primaryPackagePurpose: “LIB” is not one of OTHER, INSTALL, ARCHIVE, FIRMWARE, APPLICATION, FRAMEWORK, LIBRARY, CONTAINER, SOURCE, DEVICE, OPERATING_SYSTEM, OPERATING-SYSTEM, FILE",
        "relationships[0].relationshipType: “DESCRIBE” is not one of VARIANT_OF, COPY_OF, PATCH_FOR, TEST_DEPENDENCY_OF, CONTAINED_BY, DATA_FILE_OF, OPTIONAL_COMPONENT_OF, ANCESTOR_OF, GENERATES, CONTAINS, OPTIONAL_DEPENDENCY_OF, FILE_ADDED, REQUIREMENT_DESCRIPTION_FOR, DEV_DEPENDENCY_OF, DEPENDENCY_OF, BUILD_DEPENDENCY_OF, DESCRIBES, PREREQUISITE_FOR, HAS_PREREQUISITE, PROVIDED_DEPENDENCY_OF, DYNAMIC_LINK, DESCRIBED_BY, METAFILE_OF, DEPENDENCY_MANIFEST_OF, PATCH_APPLIED, RUNTIME_DEPENDENCY_OF, TEST_OF, TEST_TOOL_OF, DEPENDS_ON, SPECIFICATION_FOR, FILE_MODIFIED, DISTRIBUTION_ARTIFACT, AMENDS, DOCUMENTATION_OF, GENERATED_FROM, STATIC_LINK, OTHER, BUILD_TOOL_OF, TEST_CASE_OF, PACKAGE_OF, DESCENDANT_OF, FILE_DELETED, EXPANDED_FROM_ARCHIVE, DEV_TOOL_OF, EXAMPLE_OF",
      ]
    `);
  });
  test('a byte order mark is fine; fields the importer does not read are not checked', () => {
    const d = parseSbom(`\uFEFF${JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.5', components: [{ type: 'library', name: 'zlib', version: '1.3.1', hashes: 'not checked', 'x-vendor-extension': { a: 1 } }] })}`);
    expect(d.components.map((c) => c.name)).toEqual(['zlib']);
  });
});

describe('bounds', () => {
  test('deep nesting: no recursion, paths of deep issues are shortened', () => {
    const depth = 20_000;
    let text = '{"bomFormat":"CycloneDX","specVersion":"1.5","components":[';
    for (let i = 0; i < depth; i++) text += `{"type":"library","name":"lib-${i}","version":"1.0.${i}","supplier":{"name":"ACME"},"components":[`;
    text += ']}'.repeat(depth) + ']}';
    const d = parseSbom(text);
    expect(d.components).toHaveLength(depth);
    expect(d.components[depth - 1].parent).toBe(`lib-${depth - 2} 1.0.${depth - 2}`);
    const bad = text.replace(`"name":"lib-${depth - 1}",`, '');
    const e = parseError(bad);
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0].path).toBe('….components[0].components[0].components[0].components[0].components[0].components[0].components[0].components[0].components[0].components[0].components[0].components[0].name');
  });
  test('too large, too many components', () => {
    expect(() => parseSbom(sbomText('cyclonedx-1.4.json'), { maxBytes: 100 })).toThrow(/too large/);
    const many = `{"bomFormat":"CycloneDX","specVersion":"1.5","components":[${'{"type":"library","name":"x"},'.repeat(500_001)}{"type":"library","name":"y"}]}`;
    expect(parseError(many).code).toBe('too-many-components');
  });
  test('duplicates are merged in linear time', () => {
    const n = 50_000;
    const text = JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.6', components: Array.from({ length: n }, () => ({ type: 'library', name: 'zlib', version: '1.3.1' })) });
    const t0 = performance.now();
    const d = parseSbom(text);
    expect(performance.now() - t0).toBeLessThan(2_000);
    expect(d.components).toHaveLength(1);
    expect(d.duplicates).toBe(n - 1);
  });
  test('a 5 MB SBOM is read in under 3 s (about 0.35 s on an idle machine)', () => {
    const text = bigCycloneDx(12_000);
    expect(text.length).toBeGreaterThan(5_000_000);
    const t0 = performance.now();
    const d = parseSbom(text);
    const ms = performance.now() - t0;
    expect(d.components).toHaveLength(10_800);
    expect(d.duplicates).toBe(1_200);
    expect(ms).toBeLessThan(3_000);
  });
});
