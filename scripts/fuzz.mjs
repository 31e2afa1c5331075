// `npm run fuzz`: the seeded fuzz targets of test/fuzz run long. FUZZ_RUNS (default 2000 per
// target unit) and FUZZ_SEED (default: a fresh random seed, printed so a failure can be replayed
// with `FUZZ_SEED=<seed> npm run fuzz`). `npm test` runs the same targets with a fixed seed and
// 120 runs.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const runs = process.env.FUZZ_RUNS ?? '2000';
const seed = process.env.FUZZ_SEED ?? String(Math.floor(Math.random() * 2 ** 31));
console.log(`fuzz: FUZZ_RUNS=${runs} FUZZ_SEED=${seed}`);
const started = Date.now();
const r = spawnSync(path.join(root, 'node_modules', '.bin', 'vitest'), ['run', 'test/fuzz', '--testTimeout', '0', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, FUZZ_RUNS: runs, FUZZ_SEED: seed },
});
console.log(`fuzz: ${r.status === 0 ? 'no failure' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(0)} s (replay: FUZZ_SEED=${seed} FUZZ_RUNS=${runs} npm run fuzz)`);
process.exit(r.status ?? 1);
