// Text → normalised SBOM: recognise the format (CycloneDX by `bomFormat` + `specVersion`, SPDX by
// `spdxVersion: "SPDX-2.3"`), check the structure of what is read, and reject anything else with
// a localised message. JSON.parse in V8 is iterative, and so is every walk here: nesting depth
// costs no stack.

import { CYCLONEDX_VERSIONS, readCycloneDx, type CycloneDxVersion } from './cyclonedx';
import { readSpdx } from './spdx';
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

/**
 * The offset of the first JSON syntax error (RFC 8259), or undefined when there is none; an
 * iterative scan (an explicit stack), so nesting depth costs no call stack.
 */
export function jsonErrorOffset(s: string): number | undefined {
  const n = s.length;
  let i = 0;
  const stack: number[] = []; // 1 object, 2 array
  const ws = () => {
    while (i < n) {
      const c = s.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
  };
  const isDigit = (c: number) => c >= 48 && c <= 57;
  /** A string at i (s[i] is a quote); false at the offending character. */
  const str = (): boolean => {
    i++;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (c === 34) {
        i++;
        return true;
      }
      if (c < 0x20) return false;
      if (c === 92) {
        const e = s[i + 1];
        if (e === 'u') {
          for (let k = 2; k < 6; k++) if (!/[0-9a-fA-F]/.test(s[i + k] ?? '')) return (i += k), false;
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else return (i += 1), false;
      } else i++;
    }
    return false;
  };
  const num = (): boolean => {
    if (s[i] === '-') i++;
    if (s[i] === '0') i++;
    else if (isDigit(s.charCodeAt(i))) while (isDigit(s.charCodeAt(i))) i++;
    else return false;
    if (s[i] === '.') {
      i++;
      if (!isDigit(s.charCodeAt(i))) return false;
      while (isDigit(s.charCodeAt(i))) i++;
    }
    if (s[i] === 'e' || s[i] === 'E') {
      i++;
      if (s[i] === '+' || s[i] === '-') i++;
      if (!isDigit(s.charCodeAt(i))) return false;
      while (isDigit(s.charCodeAt(i))) i++;
    }
    return true;
  };
  /** A key and its colon inside an object; false at the offending character. */
  const key = (): boolean => {
    ws();
    if (s[i] !== '"' || !str()) return false;
    ws();
    if (s[i] !== ':') return false;
    i++;
    return true;
  };
  for (;;) {
    // A value.
    ws();
    const c = s[i];
    if (c === '{') {
      i++;
      ws();
      if (s[i] === '}') i++;
      else {
        if (!key()) return i;
        stack.push(1);
        continue;
      }
    } else if (c === '[') {
      i++;
      ws();
      if (s[i] === ']') i++;
      else {
        stack.push(2);
        continue;
      }
    } else if (c === '"') {
      if (!str()) return i;
    } else if (c === '-' || isDigit(s.charCodeAt(i))) {
      if (!num()) return i;
    } else if (s.startsWith('true', i)) i += 4;
    else if (s.startsWith('false', i)) i += 5;
    else if (s.startsWith('null', i)) i += 4;
    else return i;
    // After a value: close containers, or go on after a comma.
    for (;;) {
      ws();
      const top = stack[stack.length - 1];
      if (top === undefined) return i < n ? i : undefined;
      if (s[i] === ',') {
        i++;
        if (top === 1 && !key()) return i;
        break;
      }
      if ((top === 1 && s[i] === '}') || (top === 2 && s[i] === ']')) {
        i++;
        stack.pop();
        continue;
      }
      return i;
    }
  }
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
