// Why server/src/word/xml.ts was not replaced by @xmldom/xmldom (issue 15, item 6): the version
// mammoth ships (npm ls @xmldom/xmldom) on hostile XML and on a parse + serialize round trip of
// every XML part of a fresh export of examples/nmpa-2017/monitor (needs `npm run build`).
// Results of 2026-12-07 in bench/NOTES.md.
//
//   node bench/xmldom-probe.mjs
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const require = createRequire(path.join(root, 'node_modules', 'mammoth', 'package.json'));
const { DOMParser, XMLSerializer } = require('@xmldom/xmldom');
const version = require('@xmldom/xmldom/package.json').version;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-xmldom-'));
const secret = path.join(tmp, 'secret.txt');
fs.writeFileSync(secret, 'TOPSECRET');

function parse(s) {
  const errors = [];
  const t0 = Date.now();
  const handler = { warning: (m) => errors.push(m), error: (m) => errors.push(m), fatalError: (m) => errors.push(m) };
  let doc;
  let threw;
  try {
    doc = new DOMParser({ errorHandler: handler }).parseFromString(s, 'application/xml');
  } catch (e) {
    threw = String(e).split('\n')[0];
  }
  return { doc, errors, threw, ms: Date.now() - t0 };
}

console.log(`@xmldom/xmldom ${version}`);
const hostile = {
  'external entity (XXE to a local file)': `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file://${secret}">]><r>&x;</r>`,
  'billion laughs (10^4 per reference)': `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]><r>&d;&d;</r>`,
  'nesting 200 000 deep': '<r>'.repeat(200_000) + '</r>'.repeat(200_000),
  '200 000 attributes': `<r ${Array.from({ length: 200_000 }, (_, i) => `a${i}="1"`).join(' ')}/>`,
  'binary garbage (4 KB)': Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)).toString('latin1'),
};
for (const [name, xml] of Object.entries(hostile)) {
  const r = parse(xml);
  const el = r.doc?.documentElement;
  const text = el ? (el.textContent ?? '').slice(0, 40) : '';
  console.log(`- ${name}: ${r.threw ? `throws ${r.threw}` : 'no exception'}, ${r.ms} ms, ${r.errors.length} error callback(s)` +
    `${r.errors[0] ? ` (first: ${r.errors[0].split('\n')[0].replace(/\s+/g, ' ')})` : ''}, root ${el ? `<${el.nodeName}> with ${el.attributes.length} attribute(s), text ${JSON.stringify(text)}` : 'none'}` +
    `${text.includes('TOPSECRET') ? ' — THE FILE WAS READ' : ''}`);
}

// Round trip of the parts the export parses and writes back.
const docx = path.join(tmp, 'monitor.docx');
const r = spawnSync(process.execPath, [path.join(root, 'bin', 'cyberdossier.js'), 'export', 'examples/nmpa-2017/monitor', '--to', 'docx', '--output', docx, '--force'], { cwd: root, encoding: 'utf8' });
if (r.status !== 0) throw new Error(`export exited ${r.status}: ${r.stderr}`);
const zip = await JSZip.loadAsync(fs.readFileSync(docx));
let same = 0;
const diffs = [];
for (const name of Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n)).sort()) {
  const s = await zip.files[name].async('string');
  const out = new XMLSerializer().serializeToString(parse(s).doc);
  if (out === s) same++;
  else {
    let i = 0;
    while (out[i] === s[i]) i++;
    diffs.push(`${name} at ${i}: ${JSON.stringify(s.slice(Math.max(0, i - 30), i + 20))} → ${JSON.stringify(out.slice(Math.max(0, i - 30), i + 20))}`);
  }
}
// What a Word-authored part looks like: CRLF after the declaration, an empty element written open.
const word = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<b:Sources xmlns:b="urn:b" SelectedStyle="&quot;x&quot;"></b:Sources>\r\n';
const wordOut = new XMLSerializer().serializeToString(parse(word).doc);
console.log(`round trip of ${same + diffs.length} parts of the monitor export: ${same} identical, ${diffs.length} changed`);
for (const d of diffs) console.log(`  ${d}`);
console.log(`a Word-style part: ${JSON.stringify(word)}\n                → ${JSON.stringify(wordOut)}`);
fs.rmSync(tmp, { recursive: true, force: true });
