// The rc format is described once (engine/config-schema.ts) and that description drives the
// validator, the published JSON Schema and the editor settings (issue 15 item 5a).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadConfigText, RESTRICTED_KEYS } from '../../server/src/engine/config';
import { RC_KEYS, RC_SCHEMA, settingContributions } from '../../server/src/engine/config-schema';
import { RULESETS } from '../../server/src/engine/rulesets';
import { ALL_CODES } from '../../server/src/engine/codes';
import { packageJson, rcSchema } from '../../scripts/gen-editor';

const ROOT = path.join(__dirname, '..', '..');
const read = (f: string) => fs.readFileSync(path.join(ROOT, f), 'utf8');
const ctx = { guidelines: RULESETS.map((r) => r.id), codes: ALL_CODES, requirementIds: ['D1'] };

describe('rc schema descriptor', () => {
  test('the published schema lists exactly the keys the validator accepts, in the same order', () => {
    const schema = JSON.parse(rcSchema()) as { properties: Record<string, unknown>; additionalProperties: boolean };
    expect(Object.keys(schema.properties)).toEqual(RC_KEYS);
    expect(schema.additionalProperties).toBe(false);
    expect(read('schemas/cyberdossierrc.schema.json')).toBe(rcSchema());
  });

  test('every key reaches its own check (a wrong value is config-invalid on that key, never an unknown key)', () => {
    for (const key of RC_KEYS) {
      const { findings } = loadConfigText(`${key}: [[1]]\n`, new Set(['D1']), ctx.guidelines as string[]);
      expect(findings.length, key).toBeGreaterThan(0);
      for (const f of findings) {
        expect(f.code).toBe('config-invalid');
        expect(f.message.en, key).not.toMatch(/Unknown configuration key/);
      }
    }
  });

  test('an unknown key is reported with the descriptor’s keys as the suggestions', () => {
    const { findings } = loadConfigText('sboms: a.json\nfoo: 1\n', new Set(), ['nmpa-2017']);
    expect(findings.map((f) => [f.data.key, f.data.suggestion])).toEqual([
      ['sboms', 'sbom'],
      ['foo', undefined],
    ]);
    expect(findings[1].message.en).toBe(`Unknown configuration key foo (allowed: ${RC_KEYS.join(', ')})`);
    expect(findings[1].message.zh).toBe(`未知的配置键 foo（允许：${RC_KEYS.join(', ')}）`);
  });

  test('the keys that wait for trust come from the descriptor', () => {
    expect([...RESTRICTED_KEYS].sort()).toEqual(['dossierGlobs', 'export', 'ids', 'sbom', 'vulnerabilities']);
    expect(RESTRICTED_KEYS).toEqual(RC_KEYS.filter((k) => RC_SCHEMA[k].restricted));
  });

  test('package.json carries every mirrored setting, withholds the restricted ones, and both languages describe them', () => {
    const pkg = JSON.parse(read('package.json')) as {
      contributes: { configuration: { properties: Record<string, unknown> } };
      capabilities: { untrustedWorkspaces: { restrictedConfigurations: string[] } };
    };
    expect(read('package.json')).toBe(packageJson(read('package.json')));
    const gen = settingContributions({ ...ctx, requirementIds: [] });
    const props = pkg.contributes.configuration.properties;
    for (const [k, v] of gen) expect(props[k], k).toEqual(v);
    expect([...gen.keys()]).toEqual(expect.arrayContaining(['cyberdossier.export', 'cyberdossier.guideline', 'cyberdossier.locale', 'cyberdossier.rules']));
    for (const k of RC_KEYS) {
      const s = RC_SCHEMA[k].setting;
      // A key without a setting says why (sbom, vulnerabilities: they belong to the rc file's dossier).
      if (typeof s === 'object' && 'none' in s) {
        expect(s.none.length, k).toBeGreaterThan(20);
        expect(props[`cyberdossier.${k}`], k).toBeUndefined();
      } else expect(gen.has(`cyberdossier.${k}`), k).toBe(true);
      if (RC_SCHEMA[k].restricted && gen.has(`cyberdossier.${k}`)) expect(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations).toContain(`cyberdossier.${k}`);
    }
    const en = JSON.parse(read('package.nls.json')) as Record<string, string>;
    const zh = JSON.parse(read('package.nls.zh-cn.json')) as Record<string, string>;
    const refs = [...JSON.stringify([...gen.values()]).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    expect(refs).toContain('configuration.export.referenceDocx');
    for (const r of refs) {
      expect(en[r], r).toBeTruthy();
      expect(zh[r], r).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  test('packageJson adds a new mirrored setting after the last one and keeps the rest', () => {
    const text = JSON.stringify({ name: 'x', contributes: { configuration: { properties: { 'cyberdossier.maxFileSize': {}, 'cyberdossier.trace.server': { a: 1 } } } }, capabilities: { untrustedWorkspaces: { restrictedConfigurations: ['other.key'] } } });
    const out = JSON.parse(packageJson(text)) as { name: string; contributes: { configuration: { properties: Record<string, unknown> } }; capabilities: { untrustedWorkspaces: { restrictedConfigurations: string[] } } };
    const keys = Object.keys(out.contributes.configuration.properties);
    expect(keys[0]).toBe('cyberdossier.maxFileSize');
    expect(keys.at(-1)).toBe('cyberdossier.trace.server');
    expect(keys).toContain('cyberdossier.export');
    expect(out.contributes.configuration.properties['cyberdossier.trace.server']).toEqual({ a: 1 });
    expect(out.capabilities.untrustedWorkspaces.restrictedConfigurations).toEqual(['cyberdossier.ids', 'cyberdossier.dossierGlobs', 'cyberdossier.export', 'other.key']);
    expect(out.name).toBe('x');
  });
});
