// The SBOM reader port (engine/sbom-reader.ts, issue 15 item 2): the engine reads SBOMs only
// through the reader it is given (EngineOptions.sbom). With sbom/'s reader the D1.6 comparison
// runs as before; a reader of the caller's own is what the rules ask; without one, a dossier that
// names an SBOM fails the families that read it, contained and reported, never silently skipped —
// and a dossier that names none never asks.

import * as path from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { dossierComponents, Engine, type InternalFailure, type SbomReader } from '../../server/src/engine';
import { clearSbomCache, sbomReader } from '../../server/src/sbom';
import { memHost, render, ROOT } from '../helpers';
import { CDX, description, OTS_TABLE } from '../sbom/helpers';

const FILE = path.join(ROOT, 'description.md');
const RC = 'sbom: bom.cdx.json\n';
// The D1.6 table with DCMTK at 3.6.7, while the SBOM says 3.6.8.
const differs = () => description(OTS_TABLE.replace('| 3.6.8 |', '| 3.6.7 |'));

beforeEach(() => clearSbomCache());

describe('the SBOM reader port', () => {
  test('sbom/ implements it: the version that differs is found through the injected reader', () => {
    const engine = new Engine({ host: memHost({ '.cyberdossierrc.yaml': RC, 'bom.cdx.json': CDX, 'description.md': differs() }), sbom: sbomReader });
    expect(render(engine.check({ files: [FILE] }).reports, { data: ['mismatch', 'tableVersion', 'sbomVersion'], message: 'en' })).toMatchInlineSnapshot(
      `"description.md:75 warning inconsistent-fact D1.6 mismatch="version-differs" tableVersion="3.6.7" sbomVersion="3.6.8" — The full version of “DCMTK” is “3.6.7” in the “1.6 现成软件” (D1.6) table but “3.6.8” in the SBOM (bom.cdx.json): both must name the same build (四(二)1(6))"`,
    );
  });

  test('the engine asks the reader it is given: each configured SBOM once per check, with the rc value, through the engine’s host, inside the rc file’s folder', () => {
    const host = memHost({ '.cyberdossierrc.yaml': RC, 'bom.cdx.json': CDX, 'description.md': differs() });
    const asked: { value: string; base: string; sameHost: boolean }[] = [];
    const compared: number[] = [];
    const spy: SbomReader = {
      loadConfigured: (value, h, scope) => {
        asked.push({ value, base: scope.base, sameHost: h === host });
        return sbomReader.loadConfigured(value, h, scope);
      },
      compareOtsTable: (rows, components, opts) => {
        compared.push(components.length);
        return sbomReader.compareOtsTable(rows, components, opts);
      },
      unionComponents: (lists) => sbomReader.unionComponents(lists),
    };
    const engine = new Engine({ host, sbom: spy });
    const out = render(engine.check({ files: [FILE] }).reports, { data: ['mismatch'] });
    expect(out).toBe('description.md:75 warning inconsistent-fact D1.6 mismatch="version-differs"');
    // The sbom family and the vulnerabilities family (no data configured: it reads no SBOM).
    expect(asked).toEqual([{ value: 'bom.cdx.json', base: ROOT, sameHost: true }]);
    expect(compared).toHaveLength(1);
    expect(compared[0]).toBeGreaterThan(3);
  });

  test('a reader that says the SBOM cannot be used: config-invalid on the rc value, in its plain words, nothing compared', () => {
    const broken: SbomReader = {
      ...sbomReader,
      loadConfigured: (value) => ({ ok: false, path: value, error: { code: 'invalid', plain: { zh: 'SBOM 无效', en: 'not a valid SBOM' }, issues: [], issueCount: 0 } }),
    };
    const engine = new Engine({ host: memHost({ '.cyberdossierrc.yaml': RC, 'bom.cdx.json': CDX, 'description.md': differs() }), sbom: broken });
    expect(render(engine.check({ files: [FILE] }).reports, { data: ['key', 'error'], message: 'en' })).toMatchInlineSnapshot(
      `".cyberdossierrc.yaml:1 error config-invalid key="sbom" error="invalid" — The SBOM bom.cdx.json named by sbom cannot be used: not a valid SBOM. The off-the-shelf software list was not compared with it"`,
    );
  });

  test('no reader and an SBOM configured: the families that read it fail, contained and reported; the other findings stay', () => {
    const failures: InternalFailure[] = [];
    const engine = new Engine({ host: memHost({ '.cyberdossierrc.yaml': RC, 'bom.cdx.json': CDX, 'description.md': differs() + '\nTODO\n' }), onInternalError: (f) => failures.push(f) });
    const out = render(engine.check({ files: [FILE] }).reports);
    expect(failures.map((f) => f.rule)).toEqual(['sbom']);
    expect(failures[0].message).toMatch(/no SBOM reader \(EngineOptions\.sbom/);
    expect(out).not.toContain('inconsistent-fact');
    expect(out).toContain('placeholder');
  });

  test('no reader and no SBOM configured: nothing asks for one', () => {
    const failures: InternalFailure[] = [];
    const engine = new Engine({ host: memHost({ 'description.md': differs() }), onInternalError: (f) => failures.push(f) });
    engine.check({ files: [FILE] });
    expect(failures).toEqual([]);
  });
});

describe('dossierComponents: what the vulnerability rule matches, for the drafted assessment', () => {
  test('the configured SBOM’s components, through the engine’s reader', () => {
    const engine = new Engine({ host: memHost({ '.cyberdossierrc.yaml': RC, 'bom.cdx.json': CDX, 'description.md': differs() }), sbom: sbomReader });
    expect(dossierComponents(engine, FILE)).toBeUndefined(); // not checked yet
    engine.check({ files: [FILE] });
    const c = dossierComponents(engine, FILE)!;
    expect(c.source).toBe('sbom');
    expect(c.list).toContainEqual(expect.objectContaining({ name: 'DCMTK', version: '3.6.8' }));
  });

  test('without an SBOM: the D1.6 table’s rows (name and version), no reader needed', () => {
    const engine = new Engine({ host: memHost({ 'description.md': differs() }) });
    engine.check({ files: [FILE] });
    const c = dossierComponents(engine, FILE)!;
    expect(c.source).toBe('ots-table');
    expect(c.list).toContainEqual(expect.objectContaining({ name: 'DCMTK', version: '3.6.7' }));
  });
});
