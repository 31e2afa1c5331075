// The stages of a dossier check (engine/check/, issue 15 item 1): the plan groups files by the
// dossier that governs them, the containment drops a failed family's findings from exactly the
// targets it was given, and the table-rows condition reads the dossier's listing tables.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Finding } from '../../server/src/engine/codes';
import { Containment } from '../../server/src/engine/check/containment';
import { keyPath, planCheck, type PlanSeam } from '../../server/src/engine/check/plan';
import type { InternalFailure } from '../../server/src/engine/check/types';
import { Engine } from '../../server/src/engine/engine';
import { nodeHost } from '../../server/src/engine/host';
import { ChunkCache } from '../../server/src/engine/model';
import { dossierTableRows } from '../../server/src/engine/rules/table-rows';
import { findDossierYaml, walkMarkdown } from '../../server/src/engine/workspace';
import { range } from '../../server/src/engine/text';
import { sbomReader } from '../../server/src/sbom';

const ROOT = path.join(__dirname, '..', '..');
let ws: string;
beforeAll(() => {
  ws = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberdossier-stages-'));
  fs.mkdirSync(path.join(ws, '.git'));
  fs.cpSync(path.join(ROOT, 'examples', 'nmpa-2017', 'monitor'), path.join(ws, 'monitor'), { recursive: true });
  fs.mkdirSync(path.join(ws, 'notes'));
  fs.writeFileSync(path.join(ws, 'notes', 'b.md'), '# 备忘\n');
  fs.writeFileSync(path.join(ws, 'notes', 'a.md'), '# 备忘\n');
});
afterAll(() => fs.rmSync(ws, { recursive: true, force: true }));

const seam = (): PlanSeam => ({ host: nodeHost, dossierYamlFor: (f) => findDossierYaml(nodeHost, f), membersOf: (y) => walkMarkdown(nodeHost, path.dirname(y), { stopAtDossier: true }) });

describe('planCheck', () => {
  test('a requested member brings its whole dossier; files no dossier.yaml governs are checked alone, after the dossiers, in path order', () => {
    const member = path.join(ws, 'monitor', 'instructions-for-use.md');
    const p = planCheck(seam(), { files: [path.join(ws, 'notes', 'b.md'), member, path.join(ws, 'notes', 'a.md'), path.join(ws, 'missing.md')] });
    expect(p.errors).toEqual([{ path: path.join(ws, 'missing.md'), message: 'cannot read file' }]);
    expect(p.dossiers.map((d) => [d.key.kind, path.relative(ws, keyPath(d.key)), d.folder])).toEqual([
      ['dossier', 'monitor/dossier.yaml', false],
      ['single', 'notes/a.md', false],
      ['single', 'notes/b.md', false],
    ]);
    expect(p.dossiers[0].members.map((m) => path.basename(m))).toEqual(['cybersecurity-description.md', 'instructions-for-use.md', 'technical-requirements.md']);
    expect([...p.dossiers[0].requested]).toEqual([member]);
  });

  test('a folder walk checks each dossier it reaches as its folder; `dossier` does the same for a requested member', () => {
    expect(planCheck(seam(), { folders: [ws] }).dossiers.map((d) => [path.relative(ws, keyPath(d.key)), d.folder])).toEqual([
      ['monitor/dossier.yaml', true],
      ['notes/a.md', false],
      ['notes/b.md', false],
    ]);
    expect(planCheck(seam(), { files: [path.join(ws, 'monitor', 'instructions-for-use.md')], dossier: true }).dossiers[0].folder).toBe(true);
    expect(planCheck(seam(), { folders: [path.join(ws, 'nowhere')] }).errors).toEqual([{ path: path.join(ws, 'nowhere'), message: 'cannot read folder' }]);
  });
});

describe('Containment', () => {
  const finding = (n: number): Finding => ({ code: 'missing-section', range: range(n, 0, n, 1), message: { zh: `缺 ${n}`, en: `missing ${n}` }, data: {} });

  test('a family that throws loses what it added to its targets, and only to them; the failure is reported with its rule and place', () => {
    const failures: InternalFailure[] = [];
    const contain = new Containment({ onInternalError: (f) => failures.push(f) });
    const a = { findings: [finding(1)] };
    const b = { findings: [] as Finding[] };
    const other = { findings: [] as Finding[] };
    contain.run('content', 'a.md', [a, b], () => {
      a.findings.push(finding(2));
      b.findings.push(finding(3));
      other.findings.push(finding(4));
      throw new Error('boom');
    });
    expect(a.findings).toEqual([finding(1)]);
    expect(b.findings).toEqual([]);
    expect(other.findings).toEqual([finding(4)]);
    expect(failures.map(({ rule, path: p, message }) => ({ rule, path: p, message }))).toEqual([{ rule: 'content', path: 'a.md', message: 'boom' }]);
  });

  test('a family that returns keeps its findings; an injected fault runs nothing', () => {
    const failures: InternalFailure[] = [];
    const contain = new Containment({ faults: ['ids'], onInternalError: (f) => failures.push(f) });
    const t = { findings: [] as Finding[] };
    contain.run('structure', 'x', [t], () => t.findings.push(finding(5)));
    let ran = false;
    contain.run('ids', 'x', [t], () => (ran = true));
    expect(t.findings).toEqual([finding(5)]);
    expect(ran).toBe(false);
    expect(failures.map((f) => f.message)).toEqual(['injected fault in ids']);
  });
});

describe('dossierTableRows (the tableHasRows / tableListsNone conditions)', () => {
  const stateOf = (folder: string) => {
    const engine = new Engine({ sbom: sbomReader, host: nodeHost, chunkCache: new ChunkCache(), today: () => new Date('2026-12-01T00:00:00Z') });
    const yamlPath = path.join(folder, 'dossier.yaml');
    return engine.checkDossier({ members: walkMarkdown(nodeHost, folder, { stopAtDossier: true }), yamlPath, scope: 'folder' }).state;
  };

  test('true for the OTS table of the example, false for a section without a table, undefined for a section the dossier lacks', () => {
    const rows = dossierTableRows(stateOf(path.join(ws, 'monitor')));
    expect(rows(['D1.6'])).toBe(true);
    expect(rows(['D1.5'])).toBe(false);
    expect(rows(['D9.9'])).toBeUndefined();
  });

  test('a listing table whose rows name no product lists nothing', () => {
    const copy = path.join(ws, 'monitor-none');
    fs.cpSync(path.join(ws, 'monitor'), copy, { recursive: true });
    const file = path.join(copy, 'cybersecurity-description.md');
    const text = fs.readFileSync(file, 'utf8').replace(/(\| --- \| --- \| --- \| --- \| --- \|\n)(?:\|[^\n]*\n)+/, '$1| 无 | — | — | — | — |\n');
    fs.writeFileSync(file, text);
    expect(dossierTableRows(stateOf(copy))(['D1.6'])).toBe(false);
  });
});
