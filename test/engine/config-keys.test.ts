// config-keys.ts: one validator per rc key, referenced from RC_SCHEMA. The rc file is walked by
// loadConfigText; each key's value goes to its validator, which fills the input or reports
// config-invalid on the value and leaves the other keys applied.
import { describe, expect, test } from 'vitest';
import { RC_KEYS, RC_SCHEMA } from '../../server/src/engine/config-schema';
import { parseAge, parseSize, validateSbom, validateVulnerabilities, type RcValidation } from '../../server/src/engine/config-keys';
import { loadConfigText } from '../../server/src/engine/config';
import { loadYaml } from '../../server/src/engine/facts/yaml';
import { LineIndex } from '../../server/src/engine/text';

const REQS = new Set(['D1', 'D1.1', 'D2']);
const load = (text: string) => loadConfigText(text, REQS, ['nmpa-2017', 'nmpa-2022']);
const node = (yaml: string) => {
  const y = loadYaml(`v: ${yaml}\n`, 0, new LineIndex(`v: ${yaml}\n`));
  if (y.root?.kind !== 'map') throw new Error('not a map');
  return y.root.entries[0].node;
};
const cx = (): RcValidation => ({ input: {}, findings: [], knownRequirements: REQS, guidelines: ['nmpa-2017'] });

describe('every key of RC_SCHEMA has its validator', () => {
  // A valid value of each key, as a real rc file writes it.
  const VALID: Record<string, string> = {
    guideline: 'nmpa-2022',
    locale: 'en',
    rules: '{ placeholder: off, missing-section/D1.1: warning }',
    aliases: '{ D1.1: [产品网络安全概述] }',
    ids: '{ requirement: ["SRS-\\\\d+"] }',
    dossierGlobs: '["docs/**/*.md"]',
    maxFileSize: '2MB',
    export: '{ referenceDocx: styles/reference.docx }',
    sbom: 'bom.cdx.json',
    vulnerabilities: '[{ path: vulns/osv, maxAge: 30d }]',
  };

  test('the table lists every key once', () => {
    expect(Object.keys(VALID).sort()).toEqual([...RC_KEYS].sort());
    for (const k of RC_KEYS) expect(typeof RC_SCHEMA[k].validate).toBe('function');
  });

  test.each(RC_KEYS)('%s: a valid value is applied without findings; a wrong type is config-invalid on the value', (key) => {
    const ok = load(`${key}: ${VALID[key]}\n`);
    expect(ok.findings).toEqual([]);
    expect(ok.input[key]).toBeDefined();
    const other = key === 'locale' ? 'guideline' : 'locale';
    const wrong = load(`${key}: [[1, 2]]\n${other}: ${VALID[other]}\n`);
    expect(wrong.findings.length).toBeGreaterThan(0);
    for (const f of wrong.findings) {
      expect(f.code).toBe('config-invalid');
      expect(f.range.start.line).toBe(0);
    }
    // The other key still applies.
    expect(wrong.input[other]).toBe(VALID[other]);
  });
});

describe('the walk: unknown keys, order, YAML problems', () => {
  test('an unknown key gets did-you-mean, the known ones around it still apply, findings in file order', () => {
    const r = load('guidline: nmpa-2017\nrules:\n  placeholdr: off\nlocale: en\n');
    expect(r.findings.map((f) => [f.range.start.line, f.message.en, f.data.suggestion])).toEqual([
      [0, 'Unknown configuration key guidline. Did you mean guideline?', 'guideline'],
      [2, 'Unknown diagnostic code placeholdr. Did you mean placeholder?', 'placeholder'],
    ]);
    expect(r.input).toEqual({ rules: {}, locale: 'en' });
    expect([...r.keys.keys()]).toEqual(['guidline', 'rules', 'locale']);
  });

  test('a key far from every key lists them all; __proto__ is just an unknown key', () => {
    const r = load('__proto__: { locale: en }\n');
    expect(r.findings[0].message.en).toBe(`Unknown configuration key __proto__ (allowed: ${RC_KEYS.join(', ')})`);
    expect(r.input).toEqual({});
  });
});

describe('validators on their own', () => {
  test('sbom: URLs and empty entries are refused, local paths kept with their ranges', () => {
    const c = cx();
    validateSbom(node('[bom.json, "https://example.com/bom.json", "", file:///tmp/b.json]'), c);
    expect(c.input.sbom).toEqual(['bom.json', 'file:///tmp/b.json']);
    expect(c.input.sbomAt).toHaveLength(2);
    expect(c.findings.map((f) => f.message.en)).toEqual([
      'sbom must be a local file path, not a URL (the checker never goes online): https://example.com/bom.json',
      'sbom must be the path of an SBOM file (relative to this file)',
    ]);
  });

  test('vulnerabilities: a bad maxAge drops that item only; an unknown item key is reported and the item kept', () => {
    const c = cx();
    validateVulnerabilities(node('[{ path: a, maxAge: soon }, { path: b, max_age: 3d }, c]'), c);
    expect(c.input.vulnerabilities).toEqual([{ path: 'b' }, { path: 'c' }]);
    expect(c.findings.map((f) => [f.data.key, f.data.suggestion])).toEqual([
      ['vulnerabilities.maxAge', undefined],
      ['vulnerabilities.max_age', 'maxAge'],
    ]);
  });

  test('sizes and ages', () => {
    expect(parseSize('10MB')).toBe(10 * 1024 * 1024);
    expect(parseSize('512 KiB')).toBe(512 * 1024);
    expect(parseSize('ten')).toBeUndefined();
    expect(parseAge('2w')).toBe(14 * 86_400_000);
    expect(parseAge(1.5)).toBe(1.5 * 86_400_000);
    expect(parseAge('0d')).toBeUndefined();
  });
});
