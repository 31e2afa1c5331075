// The CLI's entry point (server/out/cli.js, required by bin/cyberdossier.js): runs the bundle
// (cli-main.js, entries/cli-main.ts) with the V8 code cache the build wrote beside it
// (cli-main.jsc), so a check does not compile 1.4 MB of JavaScript on every run (~0.1 s of a 500 KB check here: bench/NOTES.md). V8 validates a cache only by the
// source's length, so the cache starts with the bundle's SHA-1; any mismatch — no cache, another
// Node, a rebuilt bundle — and the bundle simply compiles as usual. Nothing is written at run
// time: only the build sets CYBERDOSSIER_WRITE_CODE_CACHE (scripts/code-cache.mjs).

import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { createRequire, wrap } from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';

const main = path.join(__dirname, 'cli-main.js');
const cacheFile = path.join(__dirname, 'cli-main.jsc');
const write = process.env.CYBERDOSSIER_WRITE_CODE_CACHE === '1';

const source = fs.readFileSync(main, 'utf8');
const digest = createHash('sha1').update(source).digest();
let cachedData: Buffer | undefined;
if (!write) {
  try {
    const buf = fs.readFileSync(cacheFile);
    if (buf.subarray(0, digest.length).equals(digest)) cachedData = buf.subarray(digest.length);
  } catch {
    // No cache (a development build, or the file was removed): compile.
  }
}
const script = new vm.Script(wrap(source), { filename: main, cachedData });
if (write) {
  // After the run, so the functions the run compiled are in the cache too.
  process.on('exit', () => fs.writeFileSync(cacheFile, Buffer.concat([digest, script.createCachedData()])));
}
const mod = { exports: {} };
(script.runInThisContext() as (...a: unknown[]) => void).call(mod.exports, mod.exports, createRequire(main), mod, main, __dirname);
