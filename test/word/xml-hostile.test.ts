// Hostile XML against the Word code's own XML reader (server/src/word/xml.ts — kept instead of
// @xmldom/xmldom, see bench/NOTES.md): external entities are never read, entity bombs never
// expand, deep nesting and huge attribute counts stay linear and never exhaust the stack, binary
// garbage yields no tree and, inside a .docx, a clear error.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { importDocx } from '../../server/src/word/import';
import { WordError } from '../../server/src/word/types';
import { parseXml, serializeXml, textOf, walk } from '../../server/src/word/xml';
import { craftDocx, p } from './helpers';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
let tmp: string;
let secret: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberdossier-xml-hostile-'));
  secret = path.join(tmp, 'secret.txt');
  fs.writeFileSync(secret, 'TOPSECRET-42');
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const xxe = () => `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file://${secret}"><!ENTITY % p SYSTEM "file://${secret}"> %p;]><w:document ${W}><w:body><w:p><w:r><w:t>a&x;b</w:t></w:r></w:p></w:body></w:document>`;
// Ten levels of ten: 10^10 characters if expanded.
const laughs = () => {
  const defs = ['<!ENTITY l0 "lol">'];
  for (let k = 1; k <= 10; k++) defs.push(`<!ENTITY l${k} "${`&l${k - 1};`.repeat(10)}">`);
  return `<?xml version="1.0"?><!DOCTYPE w:document [${defs.join('')}]><w:document ${W}><w:body><w:p><w:r><w:t>&l10;</w:t></w:r></w:p></w:body></w:document>`;
};
const garbage = () => Buffer.from(Array.from({ length: 64 * 1024 }, (_, i) => (i * 7919 + (i >> 7)) % 256)).toString('latin1');

/** A .docx whose document.xml is `xml`. */
async function docxWith(xml: string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await craftDocx({ body: p('x') }));
  zip.file('word/document.xml', xml);
  return new Uint8Array(await zip.generateAsync({ type: 'uint8array' }));
}

describe('parseXml on hostile input', () => {
  test('an external entity (general or parameter) is never resolved: the file is not read', () => {
    const doc = parseXml(xxe());
    const text = textOf(doc.root!);
    expect(text).toBe('a&x;b');
    expect(serializeXml(doc)).not.toContain('TOPSECRET');
    // The DOCTYPE is dropped, never interpreted or written back.
    expect(serializeXml(doc)).not.toContain('ENTITY');
  });

  test('a billion-laughs bomb is not expanded: output stays the size of the input', () => {
    const input = laughs();
    const t0 = performance.now();
    const doc = parseXml(input);
    const out = serializeXml(doc);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(textOf(doc.root!)).toBe('&l10;');
    expect(out.length).toBeLessThan(input.length);
  });

  test('100 000 nested elements: parsed, walked and written back without exhausting the stack', () => {
    const depth = 100_000;
    const input = `<w:document ${W}>${'<w:p>'.repeat(depth)}<w:t>deep</w:t>${'</w:p>'.repeat(depth)}</w:document>`;
    const t0 = performance.now();
    const doc = parseXml(input);
    let count = 0;
    for (const _ of walk(doc.root!)) count++;
    const out = serializeXml(doc);
    // Generous bound for a shared machine: a quadratic reader would take minutes here.
    expect(performance.now() - t0).toBeLessThan(20_000);
    expect(count).toBe(depth + 2);
    expect(textOf(doc.root!)).toContain('deep');
    expect(out).toBe(input);
  });

  test('100 000 attributes on one element: linear, all kept', () => {
    const n = 100_000;
    const input = `<w:document ${W} ${Array.from({ length: n }, (_, i) => `a${i}="${i}"`).join(' ')}/>`;
    const t0 = performance.now();
    const doc = parseXml(input);
    expect(performance.now() - t0).toBeLessThan(20_000);
    expect(doc.root!.attrs.length).toBe(n + 1);
    expect(serializeXml(doc)).toBe(input);
  });

  test('binary garbage yields no element tree, quickly and without throwing', () => {
    const t0 = performance.now();
    const doc = parseXml(garbage());
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(doc.root?.local ?? '').not.toBe('document');
  });
});

describe('importDocx on a hostile document.xml', () => {
  test('an external entity is not read into the Markdown', async () => {
    const r = await importDocx(await docxWith(xxe()));
    expect(r.markdown).not.toContain('TOPSECRET');
  });

  test('a billion-laughs bomb is not expanded into the Markdown', async () => {
    const t0 = performance.now();
    const r = await importDocx(await docxWith(laughs()));
    expect(performance.now() - t0).toBeLessThan(10_000);
    expect(r.markdown.length).toBeLessThan(10_000);
    expect(r.markdown).not.toContain('lollol');
  });

  test('binary garbage as document.xml: a clear error, not a crash or an empty success', async () => {
    const err = await importDocx(await docxWith(garbage())).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(WordError);
    // mammoth (its own xmldom) refuses the part; the message says so in both languages.
    expect((err as WordError).localized.en).toMatch(/^The Word document cannot be converted: .*parse error/);
    expect((err as WordError).localized.zh).toMatch(/^无法转换该 Word 文档：/);
    expect((err as WordError).kind).toBe('io');
  });
});
