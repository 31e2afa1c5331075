// Protocol and CLI tests run the real bundles: build them once before the run.
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

export default function setup(): void {
  execFileSync(process.execPath, [path.join(__dirname, '..', '..', 'esbuild.mjs')], { cwd: path.join(__dirname, '..', '..'), stdio: 'inherit' });
}
