// Composition root of the CLI bundle (server/out/cli-main.js, run by entries/cli.ts for
// bin/cyberdossier.js): wires the process — arguments, working directory, standard streams, exit
// code — to the command dispatcher (cli/main.ts) and starts it. Nothing else lives here.
import { run } from '../cli/main';

void run(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: !!process.stdout.isTTY,
}).then((code) => {
  process.exitCode = code;
});
