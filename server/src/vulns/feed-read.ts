// One file of vulnerability data read into a sink: recognised by content (OSV, NVD CVE API 2.0,
// CVE JSON 5, CISA KEV, CycloneDX / OpenVEX / CSAF VEX), parsed whole up to WHOLE_JSON_BYTES,
// streamed element by element beyond, and a zip export entry by entry.

import * as path from 'node:path';
import type { RandomAccessFile } from '../engine/host';
import type { Localized } from '../engine/rulesets/types';
import { parseJsonText, streamJson } from './json';
import { cve5Record, isCve5, isKev, isNvd, isOsv, kevEntry, nvdRecord, osvRecord } from './records';
import { FeedError, type FeedKind, type KevEntry, type VexStatement, type VulnRecord } from './types';
import { vexDate, vexFormat, vexStatements } from './vex';
import { forEachZipEntry, zipEntryData } from './zip';

/** Files up to this size are parsed whole; larger JSON is streamed. */
export const WHOLE_JSON_BYTES = 64 * 1024 * 1024;

/** Where a file's contents go: records to index, KEV entries, VEX statements, the data's date. */
export interface FeedSink {
  kinds: Set<FeedKind>;
  kev: Map<string, KevEntry>;
  vex: VexStatement[];
  add(r: VulnRecord | undefined): void;
  seeDate(d: unknown): void;
}

export const NOT_VULN_DATA: Localized = {
  zh: '不是可识别的漏洞数据：应为 OSV JSON（单条记录或按生态系统导出的 zip）、NVD CVE API 2.0 JSON、CVE JSON 5 记录、CISA KEV 目录，或 CycloneDX / OpenVEX / CSAF 2.0 VEX',
  en: 'not recognised vulnerability data: expected OSV JSON (a record, or a per-ecosystem zip export), NVD CVE API 2.0 JSON, a CVE JSON 5 record, the CISA KEV catalog, or CycloneDX / OpenVEX / CSAF 2.0 VEX',
};

type J = Record<string, unknown>;
const isObj = (v: unknown): v is J => !!v && typeof v === 'object' && !Array.isArray(v);

export function readFeedFile(rf: RandomAccessFile, p: string, b: FeedSink): void {
  if (/\.zip$/i.test(p) || (rf.size >= 4 && rf.read(0, 4).readUInt32LE(0) === 0x04034b50)) return readZip(rf, b);
  if (rf.size <= WHOLE_JSON_BYTES) {
    const text = rf.read(0, rf.size).toString('utf8');
    return readDocument(parseJsonText(text), p, b);
  }
  // Large JSON: an NVD feed, the KEV catalog, or a list of OSV / CVE 5 records, element by element.
  let kind: FeedKind | undefined;
  const top = streamJson(rf, {
    arrayKey: 'vulnerabilities',
    onElement: (v) => {
      if (!isObj(v)) return;
      if (!kind) kind = isObj(v.cve) ? 'nvd' : typeof v.cveID === 'string' ? 'kev' : isCve5(v) ? 'cve5' : isOsv(v) ? 'osv' : undefined;
      if (kind === 'nvd') b.add(nvdRecord(v));
      else if (kind === 'kev') {
        const k = kevEntry(v);
        if (k) b.kev.set(k.cve, k);
      } else if (kind === 'cve5') b.add(cve5Record(v));
      else if (kind === 'osv') b.add(osvRecord(v));
    },
  });
  if (!kind) throw new FeedError(NOT_VULN_DATA);
  b.kinds.add(kind);
  b.seeDate(top.timestamp ?? top.dateReleased);
}

function readDocument(doc: unknown, p: string, b: FeedSink): void {
  const list = Array.isArray(doc) ? doc : [doc];
  for (const o of list) {
    if (!isObj(o)) throw new FeedError(NOT_VULN_DATA);
    const vf = vexFormat(o);
    if (vf) {
      b.kinds.add(vf === 'cyclonedx' ? 'cyclonedx-vex' : vf === 'openvex' ? 'openvex' : 'csaf-vex');
      b.vex.push(...vexStatements(o, path.basename(p)));
      b.seeDate(vexDate(o));
    } else if (isKev(o)) {
      b.kinds.add('kev');
      for (const v of o.vulnerabilities as unknown[]) {
        const k = kevEntry(v);
        if (k) b.kev.set(k.cve, k);
      }
      b.seeDate(o.dateReleased);
    } else if (isNvd(o)) {
      b.kinds.add('nvd');
      for (const v of Array.isArray(o.vulnerabilities) ? o.vulnerabilities : []) if (isObj(v)) b.add(nvdRecord(v));
      b.seeDate(o.timestamp);
    } else if (isCve5(o)) {
      b.kinds.add('cve5');
      b.add(cve5Record(o));
    } else if (isOsv(o)) {
      b.kinds.add('osv');
      b.add(osvRecord(o));
    } else throw new FeedError(NOT_VULN_DATA);
  }
}

/**
 * A zip export, entry by entry in the central directory's order: the directory is read in slices
 * (`forEachZipEntry`), each entry inflated alone under its cap, parsed, indexed and dropped — no
 * entry list, and never more than one entry's bytes in memory.
 */
function readZip(rf: RandomAccessFile, b: FeedSink): void {
  // A bomb of many small entries is bounded too: at most 100 × the archive's size inflated in all.
  let budget = Math.max(1024 * 1024 * 1024, rf.size * 100);
  let json = 0;
  forEachZipEntry(rf, (e) => {
    if (!/\.json$/i.test(e.name) || e.name.endsWith('/')) return;
    json++;
    const data = zipEntryData(rf, e);
    budget -= data.length;
    if (budget < 0) throw new FeedError({ zh: '不是可读取的 ZIP 文件：解压后的总量超过上限', en: 'not a readable ZIP file: it inflates to more than the limit' });
    let o: unknown;
    try {
      o = parseJsonText(data.toString('utf8'));
    } catch (err) {
      if (err instanceof FeedError) throw new FeedError({ zh: `${e.name}：${err.plain.zh}`, en: `${e.name}: ${err.plain.en}` }, err.line, err.column);
      throw err;
    }
    if (!isObj(o)) return;
    if (isCve5(o)) {
      b.kinds.add('cve5');
      b.add(cve5Record(o));
    } else if (isOsv(o)) {
      b.kinds.add('osv-zip');
      b.add(osvRecord(o));
    }
  });
  if (!json) throw new FeedError({ zh: 'ZIP 文件中没有 .json 记录', en: 'the ZIP file holds no .json records' });
}
