// The CLI run inside the test's own process: the dispatcher (server/src/cli/main.ts `run`) that
// the bundle's composition root (server/src/entries/cli-main.ts) starts, given captured streams
// instead of the process's. For the cases where the process is not the thing tested — usage
// messages and their exit status, the other output formats of a check a spawned process already
// ran — since a spawn of the bundle costs 0.25 s on an idle 2-core machine and up to 1 s under
// load. What a real process adds (bin/, the bundle, the code cache, the exit code it sets) stays
// covered by the spawned cases beside these.
import { run } from '../../server/src/cli/main';

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

export async function runInProcess(args: string[], cwd: string): Promise<CliResult> {
  let out = '';
  let err = '';
  const code = await run(args, { cwd, stdout: (s) => (out += s), stderr: (s) => (err += s), isTTY: false });
  return { code, out, err };
}
