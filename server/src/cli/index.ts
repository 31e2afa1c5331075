// Entry point of the bundled CLI (bin/cyberdossier.js).
import { run } from './main';

void run(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: !!process.stdout.isTTY,
}).then((code) => {
  process.exitCode = code;
});
