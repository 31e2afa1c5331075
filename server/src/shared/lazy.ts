// Heavy, rarely used parts (the Word import and export: mammoth, docx, jszip) are bundled on
// their own (server/out/<name>.js) and loaded on first use, so `cyberdossier check` and the
// language server start without them.
//
// Such a bundle does not carry its own copy of the engine: esbuild.mjs builds it as a factory,
// `module.exports = (deps) => exports`, whose imports of server/src/engine/index.ts read
// `deps.engine` — the caller's engine module, passed in here (one engine per process, the same
// Engine class, caches and catalogue for the check and for the Word code).

import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const loaded = new Map<string, unknown>();

/**
 * What a factory bundle receives: the engine module of its caller (`import * as engine from
 * '../engine'`) and its SBOM reader module (`import * as sbom from '../sbom'`: the reader the
 * bundle's engines are given, EngineOptions.sbom).
 */
export interface BundleDeps {
  engine: object;
  sbom: object;
}

function requireBundle(name: string): unknown {
  // Beside the running bundle (server/out); from the sources (tests), in ../../out.
  const file = [path.join(__dirname, `${name}.js`), path.join(__dirname, '..', '..', 'out', `${name}.js`)].find((f) => fs.existsSync(f));
  if (!file) throw new Error(`the ${name} bundle is missing: run npm run build`);
  return createRequire(file)(file);
}

/** Loads (once) the bundle `name`, built as a factory, and gives it `deps`. */
export function loadBundle<T>(name: string, deps: BundleDeps): T {
  let m = loaded.get(name);
  if (!m) {
    const factory = requireBundle(name);
    if (typeof factory !== 'function') throw new Error(`the ${name} bundle is not a factory bundle: run npm run build`);
    m = (factory as (d: BundleDeps) => unknown)(deps);
    loaded.set(name, m);
  }
  return m as T;
}
