// One descriptor per diagnostic code (issue 15 item 5b): every code has its severity, title,
// docs page, an rc `rules:` key and a SARIF rule; the typed `data` readers accept what the rules
// produce and refuse what a client could send back malformed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ALL_CODES, CODES, type Code } from '../../server/src/engine/codes';
import { CODE_DESCRIPTORS, dataOf, findingData, tableLinesOf } from '../../server/src/engine/code-descriptors';
import { RULE_DOCS } from '../../server/src/engine/rule-docs';
import { loadConfigText } from '../../server/src/engine/config';
import { formatSarif } from '../../server/src/cli/format';
import { rcSchema } from '../../scripts/gen-editor';
import { checkFiles } from '../helpers';
import type { CodeSource } from '../../server/src/engine/descriptors/types';
import { SECTION_CODES } from '../../server/src/engine/descriptors/sections';
import { FRONTMATTER_CODES } from '../../server/src/engine/descriptors/frontmatter';
import { TABLE_CODES } from '../../server/src/engine/descriptors/tables';
import { DOSSIER_CODES } from '../../server/src/engine/descriptors/dossier';
import { CONTENT_CODES } from '../../server/src/engine/descriptors/content';
import { VULNERABILITY_DATA_CODES } from '../../server/src/engine/descriptors/vulns';
import { SBOM_CODES } from '../../server/src/engine/descriptors/sbom';

const ROOT = path.join(__dirname, '..', '..');

describe('code descriptors', () => {
  const schema = JSON.parse(rcSchema()) as { properties: { rules: { propertyNames: { pattern: string }; additionalProperties: { enum: string[] } } } };
  const rulesKey = new RegExp(schema.properties.rules.propertyNames.pattern);
  const sarif = JSON.parse(formatSarif([], (p) => p, 'en')) as { runs: { tool: { driver: { rules: { id: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }[] } } }[] };
  const sarifRules = new Map(sarif.runs[0].tool.driver.rules.map((r) => [r.id, r]));

  test.each(ALL_CODES)('%s: descriptor, docs page, rc rules key, SARIF rule', (code) => {
    const d = CODE_DESCRIPTORS.get(code)!;
    expect(d).toBeDefined();
    expect(d.severity).toBe(CODES[code].severity);
    expect(d.title.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(d.title.en).toMatch(/[A-Za-z]/);
    expect(d.docs).toBe(RULE_DOCS[code]);
    expect(d.docsPage).toBe(`docs/rules/${code}.md`);
    expect(fs.existsSync(path.join(ROOT, d.docsPage))).toBe(true);
    expect(rulesKey.test(code)).toBe(true);
    expect(rulesKey.test(`${code}/D1`)).toBe(true);
    expect(loadConfigText(`rules:\n  ${code}: off\n`, new Set(), ['nmpa-2017']).findings).toEqual([]);
    expect(sarifRules.get(code)?.shortDescription.text).toBe(d.title.en);
    expect(sarifRules.get(code)?.defaultConfiguration.level).toBe({ error: 'error', warning: 'warning', info: 'note', hint: 'note' }[d.severity]);
  });

  test('no descriptor without a code', () => {
    expect([...CODE_DESCRIPTORS.keys()]).toEqual(ALL_CODES);
    expect(Object.keys(RULE_DOCS).sort()).toEqual([...ALL_CODES].sort());
  });

  test('capability-unaddressed data: what the rule produces reads back typed', () => {
    const diags = checkFiles({ 'doc.md': RULE_DOCS['capability-unaddressed'].bad }, { files: ['doc.md'] })
      .flatMap((r) => r.diagnostics)
      .filter((d) => d.code === 'capability-unaddressed');
    expect(diags.length).toBeGreaterThan(0);
    expect(diags.some((d) => d.data.insert !== undefined)).toBe(true);
    for (const d of diags) {
      const c = dataOf('capability-unaddressed', JSON.parse(JSON.stringify(d.data)));
      expect(c?.capability).toBe(d.data.capability);
      expect(c?.name).toEqual(d.data.name);
      expect(c?.insert).toEqual(d.data.insert);
      expect(c?.requirement).toBe(d.data.requirement);
    }
  });

  test('capability-unaddressed data: malformed fields are refused, not cast', () => {
    const insert = { format: 'table', line: 3, columns: 4 };
    expect(dataOf('capability-unaddressed', undefined)).toBeUndefined();
    expect(dataOf('capability-unaddressed', [])).toBeUndefined();
    expect(dataOf('capability-unaddressed', { capability: 7, insert })).toBeUndefined();
    expect(dataOf('capability-unaddressed', { capability: 'AUTH', insert })?.insert).toEqual(insert);
    expect(dataOf('capability-unaddressed', { capability: 'AUTH', insert: { format: 'html', line: 3 } })?.insert).toBeUndefined();
    expect(dataOf('capability-unaddressed', { capability: 'AUTH', insert: { format: 'list', line: -1 } })?.insert).toBeUndefined();
    expect(dataOf('capability-unaddressed', { capability: 'AUTH', insert: { format: 'table', line: 1, columns: 0 } })?.insert).toBeUndefined();
    expect(dataOf('capability-unaddressed', { capability: 'AUTH', name: { zh: '认证' } })?.name).toBeUndefined();
  });
});

describe('frontmatter-missing data', () => {
  test('the key path reads back; anything else is refused', () => {
    expect(dataOf('frontmatter-missing', { path: 'product.model', requirement: 'D1' })).toEqual({ path: 'product.model', requirement: 'D1' });
    expect(dataOf('frontmatter-missing', { path: 3 })).toBeUndefined();
    expect(dataOf('frontmatter-missing', null)).toBeUndefined();
  });
});

describe('the typed data of the codes the quick fixes read', () => {
  // What the rules produce, sent through JSON as the client sends it back, reads back unchanged.
  const produced = (code: Code) =>
    checkFiles({ 'doc.md': RULE_DOCS[code].bad }, { files: ['doc.md'] })
      .flatMap((r) => r.diagnostics)
      .filter((d) => d.code === code)
      .map((d) => JSON.parse(JSON.stringify(d.data)) as Record<string, unknown>);

  test('missing-section: the insertion point reads back', () => {
    const all = produced('missing-section');
    expect(all.some((d) => d.insert !== undefined)).toBe(true);
    for (const d of all) {
      const s = dataOf('missing-section', d);
      expect(s?.requirement).toBe(d.requirement);
      expect(s?.insert).toEqual(d.insert);
    }
  });

  test('missing-column: the table lines and the label read back', () => {
    const all = produced('missing-column');
    expect(all.length).toBeGreaterThan(0);
    for (const d of all) {
      const c = dataOf('missing-column', d);
      expect(c?.table).toEqual(d.table);
      expect(c?.label).toEqual(d.label);
      expect(tableLinesOf(d.table)).toEqual(d.table);
    }
  });

  test('frontmatter-invalid: the did-you-mean suggestion reads back', () => {
    const all = produced('frontmatter-invalid');
    expect(all.some((d) => typeof d.suggestion === 'string')).toBe(true);
    for (const d of all) expect(dataOf('frontmatter-invalid', d)?.suggestion).toBe(d.suggestion);
  });

  test('malformed fields are refused, the rest of the data kept', () => {
    const table = { start: 4, end: 8, header: 4, rows: [5, 6, 7] };
    expect(tableLinesOf(table)).toEqual(table);
    expect(tableLinesOf({ ...table, rows: [5, '6'] })).toBeUndefined();
    expect(tableLinesOf({ ...table, header: -1 })).toBeUndefined();
    expect(tableLinesOf('4-8')).toBeUndefined();
    expect(dataOf('missing-column', { table: { start: 1 }, label: { zh: '版本' }, requirement: 'D2' })).toEqual({ requirement: 'D2', table: undefined, label: undefined });
    const insert = { line: 12, depth: 2, numbering: '2.3 ', lang: 'zh', children: [{ id: 'D2.3.1', depth: 3, numbering: '2.3.1 ' }] };
    expect(dataOf('missing-section', { requirement: 'D2.3', insert })?.insert).toEqual(insert);
    expect(dataOf('missing-section', { requirement: 'D2.3', insert: { ...insert, children: [{ id: 7 }] } })?.insert).toBeUndefined();
    expect(dataOf('missing-section', { requirement: 'D2.3', insert: { ...insert, line: 1.5 } })?.insert).toBeUndefined();
    expect(dataOf('config-invalid', { key: 'rules.placeholdr', suggestion: 42 })).toEqual({ key: 'rules.placeholdr', suggestion: undefined });
    expect(dataOf('inconsistent-fact', { mismatch: 'version-differs', sbomVersion: ['1.2'] })?.sbomVersion).toBeUndefined();
  });

  test('codes without a shape of their own read as FindingData; what is not an object is no data', () => {
    expect(dataOf('empty-section', { requirement: 'D1.1', clause: '六（一）' })).toEqual({ requirement: 'D1.1', clause: '六（一）' });
    expect(dataOf('empty-section', { requirement: 5 })?.requirement).toBeUndefined();
    expect(findingData(null)).toEqual({});
    expect(findingData(['D1'])).toEqual({});
  });
});

describe('the family modules under descriptors/', () => {
  const families = { SECTION_CODES, FRONTMATTER_CODES, TABLE_CODES, DOSSIER_CODES, CONTENT_CODES, VULNERABILITY_DATA_CODES, SBOM_CODES };

  test('each code is described in exactly one family (a spread would let a second entry win silently)', () => {
    const seen = new Map<string, string>();
    for (const [name, family] of Object.entries(families)) {
      for (const code of Object.keys(family)) {
        expect(seen.get(code), `${code} in ${name} and ${seen.get(code)}`).toBeUndefined();
        seen.set(code, name);
      }
    }
    expect([...seen.keys()]).toEqual(ALL_CODES);
  });

  test('the descriptor, the severity table and the docs page read the same entry', () => {
    for (const family of Object.values(families)) {
      for (const [code, source] of Object.entries(family) as [Code, CodeSource][]) {
        expect(CODES[code]).toEqual({ severity: source.severity, title: source.title });
        expect(RULE_DOCS[code].what).toBe(source.what);
        expect(RULE_DOCS[code].bad).toBe(source.bad);
        expect(Object.keys(RULE_DOCS[code])).not.toContain('severity');
        expect(Object.keys(RULE_DOCS[code])).not.toContain('title');
      }
    }
  });
});
