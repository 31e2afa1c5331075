// A rule family that throws is contained (issue 5 §4): its findings for that pass are dropped,
// every other family still reports, the failure reaches the adapter once — the server logs it to
// the output channel, the CLI prints it and exits 2 so CI never passes on an incomplete check.

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Engine, type InternalFailure } from '../../server/src/engine/engine';
import { nodeHost } from '../../server/src/engine/host';
import { startServer } from '../protocol/client';
import { sbomReader } from '../../server/src/sbom';

const ROOT = path.join(__dirname, '..', '..');
const CLI = path.join(ROOT, 'bin', 'cyberdossier.js');
const FAMILIES = ['frontmatter', 'scope', 'document-kind', 'structure', 'content', 'placeholders', 'ids', 'consistency', 'dossier'];

let ws: string;
beforeAll(() => {
  ws = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberdossier-contain-'));
  fs.mkdirSync(path.join(ws, '.git'));
  fs.cpSync(path.join(ROOT, 'examples', 'nmpa-2017'), ws, { recursive: true });
});
afterAll(() => fs.rmSync(ws, { recursive: true, force: true }));

function checkWith(faults: string[]): { keys: Set<string>; failures: InternalFailure[] } {
  const failures: InternalFailure[] = [];
  const engine = new Engine({ sbom: sbomReader, host: nodeHost, faults, onInternalError: (f) => failures.push(f) });
  const r = engine.check({ files: [], folders: [path.join(ws, 'monitor-with-mistakes')] });
  const keys = new Set(r.reports.flatMap((f) => f.diagnostics.map((d) => `${path.basename(f.path)}:${d.range.start.line}:${d.code}:${d.data.requirement ?? ''}`)));
  return { keys, failures };
}

describe('the engine', () => {
  const baseline = () => checkWith([]);
  test('the example with mistakes exercises every rule family without a failure', () => {
    const b = baseline();
    expect(b.failures).toEqual([]);
    expect(b.keys.size).toBeGreaterThan(8);
  });
  test.each(FAMILIES)('a throwing %s family is reported, and the other families still report', (family) => {
    const b = baseline();
    const r = checkWith([family]);
    expect(r.failures.length).toBeGreaterThan(0);
    expect(new Set(r.failures.map((f) => f.rule))).toEqual(new Set([family]));
    expect(r.failures[0].message).toBe(`injected fault in ${family}`);
    // Nothing invented, and findings of other families survive.
    for (const k of r.keys) expect(b.keys.has(k), k).toBe(true);
    expect(r.keys.size).toBeGreaterThan(0);
    if (family !== 'structure') expect([...r.keys].some((k) => k.includes(':missing-section:'))).toBe(true);
    if (family !== 'content') expect([...r.keys].some((k) => /:(missing-column|version-not-full|capability-unaddressed|incomplete-row):/.test(k))).toBe(true);
  });
});

describe('the CLI', () => {
  test('prints the failure once, still writes valid JSON with the other findings, and exits 2', () => {
    const r = spawnSync(process.execPath, [CLI, 'check', 'monitor-with-mistakes', '--format', 'json'], {
      cwd: ws,
      encoding: 'utf8',
      env: { ...process.env, CYBERDOSSIER_FAULTS: 'content' },
    });
    expect(r.status).toBe(2);
    expect(r.stderr.match(/internal error in the content rules/g)).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace for the user
    const json = JSON.parse(r.stdout);
    expect(JSON.stringify(json)).toContain('missing-section');
  });
});

describe('the language server', () => {
  test('logs a failing rule once per session and keeps publishing the other findings on every edit', async () => {
    const c = await startServer({ root: ws, env: { CYBERDOSSIER_FAULTS: 'content' } });
    try {
      const file = path.join(ws, 'monitor-with-mistakes', 'description.md');
      const text = fs.readFileSync(file, 'utf8');
      const uri = await c.open(file, text);
      for (let v = 2; v <= 4; v++) {
        c.change(uri, v, `${text}\n\n段落 ${v}\n`);
        const p = await c.diagnostics(uri, (x) => x.version === v);
        expect(p.diagnostics.some((d) => d.code === 'missing-section')).toBe(true);
        expect(p.diagnostics.some((d) => d.code === 'missing-column')).toBe(false);
      }
      const info = (await c.conn.sendRequest('cyberdossier/serverInfo')) as { pid: number };
      expect(info.pid).toBe(c.proc.pid);
      expect(c.logs.filter((l) => l.includes('internal error in the content rules'))).toHaveLength(1);
    } finally {
      await c.close();
    }
  });
});
