// Text → normalised SBOM: recognise the format (CycloneDX by `bomFormat` + `specVersion`, SPDX by
// `spdxVersion: "SPDX-2.3"`), check the structure of what is read, and reject anything else with
// a localised message. JSON.parse in V8 is iterative, and so is every walk here: nesting depth
// costs no stack.

import { CYCLONEDX_VERSIONS, readCycloneDx, type CycloneDxVersion } from './cyclonedx';
import { readSpdx } from './spdx';
import { jsonErrorOffset } from './json-syntax';
import { isObject } from './validate';
import { SbomError, type SbomDocument } from './types';

/** Default size limit: larger files are refused before they are read. */
export const MAX_SBOM_BYTES = 100 * 1024 * 1024;

export interface ParseOptions {
  maxBytes?: number;
}

const mb = (n: number) => (n >= 1024 * 1024 ? `${Math.round((n / 1024 / 1024) * 10) / 10} MB` : `${Math.ceil(n / 1024)} KB`);

export function tooLarge(size: number, max: number): SbomError {
  return new SbomError('too-large', { zh: `SBOM 文件过大（${mb(size)}，上限 ${mb(max)}）`, en: `the SBOM file is too large (${mb(size)}; the limit is ${mb(max)})` });
}

export function parseSbom(text: string, opts: ParseOptions = {}): SbomDocument {
  const max = opts.maxBytes ?? MAX_SBOM_BYTES;
  if (text.length > max) throw tooLarge(text.length, max);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const head = body.slice(0, 4096).trimStart();
  if (head.startsWith('<')) {
    throw new SbomError(
      'unsupported',
      /cyclonedx/i.test(head)
        ? { zh: '不支持 XML 格式的 CycloneDX SBOM：请导出为 JSON（CycloneDX 1.4–1.6）', en: 'CycloneDX XML is not supported: export the SBOM as JSON (CycloneDX 1.4–1.6)' }
        : { zh: '不是 JSON 文件：请提供 CycloneDX（1.4–1.6）或 SPDX 2.3 的 JSON SBOM', en: 'not a JSON file: expected a CycloneDX (1.4–1.6) or SPDX 2.3 JSON SBOM' },
    );
  }
  if (/^SPDXVersion\s*:/m.test(head)) {
    throw new SbomError('unsupported', { zh: '不支持 SPDX 标签-值（tag-value）格式：请导出为 SPDX 2.3 JSON', en: 'SPDX tag-value is not supported: export the SBOM as SPDX 2.3 JSON' });
  }
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch {
    // Where, never what: the engine's message quotes the file ("Unexpected token 'r', "root:x:0:0"…"),
    // and this message reaches text, JSON and SARIF output (SECURITY.md).
    const at = jsonErrorOffset(body);
    const where = at === undefined ? undefined : lineCol(body, at);
    throw new SbomError('not-json', {
      zh: `不是有效的 JSON${where ? `（第 ${where.line} 行第 ${where.column} 列）` : ''}`,
      en: `not valid JSON${where ? ` at line ${where.line}, column ${where.column}` : ''}`,
    });
  }
  if (!isObject(doc)) throw notSbom();
  if ('bomFormat' in doc) {
    if (doc.bomFormat !== 'CycloneDX') {
      throw new SbomError(
        'not-sbom',
        {
          zh: `不是 CycloneDX SBOM：bomFormat 为 ${JSON.stringify(doc.bomFormat)}，应为 "CycloneDX"`,
          en: `not a CycloneDX SBOM: bomFormat is ${JSON.stringify(doc.bomFormat)}, expected "CycloneDX"`,
        },
        [],
        0,
        { zh: '不是 CycloneDX SBOM：bomFormat 应为 "CycloneDX"', en: 'not a CycloneDX SBOM: bomFormat is not "CycloneDX"' },
      );
    }
    const spec = doc.specVersion;
    if (typeof spec !== 'string') {
      throw new SbomError('invalid', { zh: 'CycloneDX SBOM 缺少 specVersion（规范版本）', en: 'the CycloneDX SBOM has no specVersion' }, [
        { path: 'specVersion', message: { zh: '缺少必需字段', en: 'required field missing' } },
      ]);
    }
    if (!(CYCLONEDX_VERSIONS as readonly string[]).includes(spec)) {
      throw new SbomError(
        'unsupported',
        {
          zh: `不支持 CycloneDX ${spec}：支持的版本为 ${CYCLONEDX_VERSIONS.join('、')}`,
          en: `CycloneDX ${spec} is not supported: the supported versions are ${CYCLONEDX_VERSIONS.join(', ')}`,
        },
        [],
        0,
        { zh: `不支持该 CycloneDX specVersion：支持的版本为 ${CYCLONEDX_VERSIONS.join('、')}`, en: `this CycloneDX specVersion is not supported: the supported versions are ${CYCLONEDX_VERSIONS.join(', ')}` },
      );
    }
    return readCycloneDx(doc, spec as CycloneDxVersion);
  }
  if ('spdxVersion' in doc) {
    if (doc.spdxVersion === 'SPDX-2.3') return readSpdx(doc);
    throw new SbomError(
      'unsupported',
      {
        zh: `不支持 ${typeof doc.spdxVersion === 'string' ? doc.spdxVersion : 'spdxVersion ' + JSON.stringify(doc.spdxVersion)}：支持 SPDX-2.3（JSON）`,
        en: `${typeof doc.spdxVersion === 'string' ? doc.spdxVersion : 'spdxVersion ' + JSON.stringify(doc.spdxVersion)} is not supported: SPDX-2.3 (JSON) is`,
      },
      [],
      0,
      { zh: '不支持该 spdxVersion：支持 SPDX-2.3（JSON）', en: 'this spdxVersion is not supported: SPDX-2.3 (JSON) is' },
    );
  }
  if ('@context' in doc && /spdx/i.test(JSON.stringify(doc['@context']).slice(0, 1000))) {
    throw new SbomError('unsupported', { zh: '不支持 SPDX 3（JSON-LD）：请导出为 SPDX 2.3 JSON 或 CycloneDX JSON', en: 'SPDX 3 (JSON-LD) is not supported: export SPDX 2.3 JSON or CycloneDX JSON' });
  }
  throw notSbom();
}

function notSbom(): SbomError {
  return new SbomError('not-sbom', {
    zh: '不是 SBOM：应为含 bomFormat: "CycloneDX" 与 specVersion（1.4–1.6）的 CycloneDX JSON，或含 spdxVersion: "SPDX-2.3" 的 SPDX JSON',
    en: 'not an SBOM: expected CycloneDX JSON with bomFormat "CycloneDX" and specVersion 1.4–1.6, or SPDX JSON with spdxVersion "SPDX-2.3"',
  });
}

function lineCol(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: end - start + 1 };
}
