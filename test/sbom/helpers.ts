// Fixtures and generators for the SBOM tests.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseSbom, SbomError, type SbomDocument } from '../../server/src/sbom';
import { fixture } from '../fixtures';

export const SBOM_DIR = path.join(__dirname, '..', 'fixtures', 'sbom');

export function sbomText(name: string): string {
  return fs.readFileSync(path.join(SBOM_DIR, name), 'utf8');
}

export function sbom(name: string): SbomDocument {
  return parseSbom(sbomText(name));
}

/** The SbomError a parse throws (fails the test when it does not throw one). */
export function parseError(text: string): SbomError {
  try {
    parseSbom(text);
  } catch (e) {
    if (e instanceof SbomError) return e;
    throw e;
  }
  throw new Error('expected an SbomError');
}

/**
 * A CycloneDX 1.5 SBOM of `n` components (every 10th a duplicate of an earlier one by purl),
 * as a large build server emits it: about 600 bytes per component.
 */
export function bigCycloneDx(n: number): string {
  const comps: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = i % 10 === 9 ? i - 1 : i;
    comps.push(
      JSON.stringify({
        type: 'library',
        'bom-ref': `ref-${i}`,
        supplier: { name: `Vendor ${id % 97} GmbH`, url: [`https://vendor${id % 97}.example.invalid`] },
        name: `component-${id}`,
        version: `${1 + (id % 7)}.${id % 13}.${id % 29}`,
        description: 'A library used by the device software for data handling and communication.',
        purl: `pkg:generic/component-${id}@${1 + (id % 7)}.${id % 13}.${id % 29}`,
        licenses: [{ license: { id: 'MIT' } }],
        hashes: [{ alg: 'SHA-256', content: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' }],
      }),
    );
  }
  const deps = comps.length ? `,"dependencies":[{"ref":"app","dependsOn":["ref-0"]}]` : '';
  return `{"bomFormat":"CycloneDX","specVersion":"1.5","version":1,"metadata":{"component":{"type":"application","bom-ref":"app","name":"PM-9000","version":"V2.1.0.3"}},"components":[${comps.join(',')}]${deps}}`;
}

// The consistency check: a dossier whose D1.6 table lists the components of check/bom.*.json.
export const CDX = sbomText('check/bom.cdx.json');
export const SPDX = sbomText('check/bom.spdx.json');

export const OTS_TABLE = `| 名称 | 型号规格 | 完整版本 | 供应商 |
| --- | --- | --- | --- |
| Windows 10 IoT Enterprise LTSC 2021 | x64 | 10.0.19044.3086 | Microsoft Corporation |
| .NET Runtime | x64 | 6.0.25 | Microsoft |
| OpenSSL | 通用版 | 3.0.13 | OpenSSL Software Foundation |
| SQLite | 通用版 | V3.45.1 | SQLite Consortium |
| Qt | 开源版（LGPLv3） | 5.15.2 | The Qt Company |
| zlib | 通用版 | 1.3.1 | zlib 项目（Jean-loup Gailly、Mark Adler） |
| DCMTK | 通用版 | 3.6.8 | OFFIS e.V. |
`;

const ORIGINAL = fixture('nmpa-2017/description-full.md');

/** The 2017 example description with its D1.6 section body replaced. */
export function description(d16: string = OTS_TABLE): string {
  const start = ORIGINAL.indexOf('| 名称 | 型号规格 | 完整版本 | 供应商 |\n');
  const end = ORIGINAL.indexOf('\n\n', start);
  if (!ORIGINAL.slice(0, start).endsWith('### 1.6 现成软件\n\n')) throw new Error('the fixture’s D1.6 table moved');
  return ORIGINAL.slice(0, start) + d16.trimEnd() + '\n' + ORIGINAL.slice(end + 1);
}
