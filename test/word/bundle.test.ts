// The built Word bundle (server/out/word.js) takes the engine by injection: it is a factory that
// holds no copy of the engine (esbuild.mjs refuses to build one that does) and exports through
// the engine module it is given — the caller's, so one Engine class per process.

import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as engineModule from '../../server/src/engine';
import { Engine, nodeHost } from '../../server/src/engine';
import * as sbomModule from '../../server/src/sbom';
import { sbomReader } from '../../server/src/sbom';

type WordBundle = typeof import('../../server/src/word/bundle');
const FILE = path.join(__dirname, '..', '..', 'server', 'out', 'word.js');
const MONITOR = path.join(__dirname, '..', '..', 'examples', 'nmpa-2017', 'monitor');
let tmp: string;

/** A fresh instance of the bundle (not the one the adapters cached). */
function factory(): (deps: { engine: object; sbom: object }) => WordBundle {
  const req = createRequire(FILE);
  delete req.cache[req.resolve(FILE)];
  return req(FILE) as (deps: { engine: object; sbom: object }) => WordBundle;
}

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberdossier-word-bundle-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('the Word bundle', () => {
  test('is a factory without an engine of its own', () => {
    const text = fs.readFileSync(FILE, 'utf8');
    expect(typeof factory()).toBe('function');
    expect(text).toContain('__cyberdossierDeps.engine');
    // The SBOM reader, which the bundle's engines are given (EngineOptions.sbom), is injected too.
    expect(text).toContain('__cyberdossierDeps.sbom');
    expect(text).not.toMatch(/^\/\/ server\/src\/sbom\//m);
    // The development build names every bundled source in a comment; none is the engine's or yaml's.
    expect(text).toContain('// server/src/word/export.ts');
    expect(text).not.toMatch(/^\/\/ server\/src\/engine\//m);
    expect(text).not.toMatch(/^\/\/ node_modules\/yaml\//m);
  });

  test('exports through the engine module it is given', async () => {
    const calls: string[] = [];
    // The real engine module, every function it exports counted when the Word code calls it.
    const counted = new Proxy(engineModule, {
      get(target, key, receiver) {
        const v: unknown = Reflect.get(target, key, receiver);
        if (typeof v === 'function' && typeof key === 'string' && key !== 'Engine') {
          return (...args: unknown[]) => {
            calls.push(key);
            return (v as (...a: unknown[]) => unknown)(...args);
          };
        }
        return v;
      },
    });
    const word = factory()({ engine: counted, sbom: sbomModule });
    const output = path.join(tmp, 'monitor.docx');
    const r = await word.exportToFile(new Engine({ sbom: sbomReader, host: nodeHost }), MONITOR, { output });
    expect(fs.statSync(output).size).toBeGreaterThan(10_000);
    expect(r.files.length).toBe(3);
    expect(calls).toContain('parseMarkdown');
    expect(calls).toContain('walkMarkdown');
  });

  test('without an engine it cannot export (nothing falls back to a bundled copy)', async () => {
    const word = factory()({ engine: {}, sbom: sbomModule });
    await expect(word.exportToFile(new Engine({ sbom: sbomReader, host: nodeHost }), MONITOR, { output: path.join(tmp, 'none.docx') })).rejects.toThrow(TypeError);
    expect(fs.existsSync(path.join(tmp, 'none.docx'))).toBe(false);
  });
});
