// One descriptor per diagnostic code (issue 15 item 5b): every code has its severity, title,
// docs page, an rc `rules:` key and a SARIF rule; the typed `data` readers accept what the rules
// produce and refuse what a client could send back malformed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ALL_CODES, CODES } from '../../server/src/engine/codes';
import { CODE_DESCRIPTORS, dataOf } from '../../server/src/engine/code-descriptors';
import { RULE_DOCS } from '../../server/src/engine/rule-docs';
import { loadConfigText } from '../../server/src/engine/config';
import { formatSarif } from '../../server/src/cli/format';
import { rcSchema } from '../../scripts/gen-editor';
import { checkFiles } from '../helpers';

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
