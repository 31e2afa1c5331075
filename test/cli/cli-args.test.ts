// The command line's usage errors, in-process (no process, no build): node:util.parseArgs lexes,
// the messages and exit codes stay those of the hand-written parser it replaced.
import { describe, expect, test } from 'vitest';
import { tokens, valueOf, UsageError, type OptionSpec } from '../../server/src/cli/args';
import { run } from '../../server/src/cli/main';

async function cliAsync(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { cwd: process.cwd(), stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), isTTY: false });
  return { code, stdout, stderr };
}
const firstLine = (s: string) => s.split('\n')[0];

describe('usage errors: exit 2, the message, then the usage', () => {
  test.each([
    [['check', '--frobnicate'], 'cyberdossier: unknown option: --frobnicate'],
    [['check', '--frobnicate=1'], 'cyberdossier: unknown option: --frobnicate'],
    [['check', '-x'], 'cyberdossier: unknown option: -x'],
    [['check', '-hv'], 'cyberdossier: unknown option: -hv'],
    [['check', '--format'], 'cyberdossier: --format needs a value'],
    [['check', '--format', '--output', 'x'], 'cyberdossier: --format needs a value'],
    [['check', '--format', 'xml'], 'cyberdossier: --format must be text, json or sarif, not xml'],
    [['check', '--format='], 'cyberdossier: --format must be text, json or sarif, not '],
    [['check', '--max-warnings', '-1'], 'cyberdossier: --max-warnings needs a non-negative integer, not -1'],
    [['check', '--update-baseline'], 'cyberdossier: --update-baseline needs --baseline FILE'],
    [['check', '--locale', 'fr'], 'cyberdossier: --locale must be zh-CN or en, not fr'],
    [['frobnicate'], 'cyberdossier: unknown command: frobnicate'],
    [[], 'cyberdossier: missing command: cyberdossier check [PATH ...]'],
    [['report', 'a', 'b'], 'cyberdossier report: report takes one PATH (a dossier folder or file), not a and b'],
    [['report', '--table', 'x'], 'cyberdossier report: --table must be checklist or trace, not x'],
    [['report', '--format', 'md', '--table', 'trace'], 'cyberdossier report: --table applies to --format csv only'],
    [['sbom'], 'cyberdossier sbom: missing command: cyberdossier sbom import FILE'],
    [['sbom', 'export'], 'cyberdossier sbom: unknown sbom command: export (expected import)'],
    [['sbom', 'import'], 'cyberdossier sbom: missing FILE (a CycloneDX or SPDX JSON SBOM)'],
    [['sbom', 'import', 'a.json', 'b.json'], 'cyberdossier sbom: sbom import takes one FILE, not 2'],
    [['sbom', 'import', 'a.json', '-o'], 'cyberdossier sbom: -o needs a value'],
    // After `--` nothing is an option or the sbom command: `import` is a FILE here.
    [['sbom', '--', 'import', 'a.json'], 'cyberdossier sbom: missing command: cyberdossier sbom import FILE'],
  ])('%j', async (argv, message) => {
    const r = await cliAsync(argv);
    expect(r.code).toBe(2);
    expect(firstLine(r.stderr)).toBe(message);
    expect(r.stderr).toContain('Usage: cyberdossier');
    expect(r.stdout).toBe('');
  });
});

test.each([[['--help']], [['help']], [['check', '-h']], [['check', 'x.md', '--help']], [['report', '-h']], [['sbom', 'import', '--help']]])('%j prints the usage, exit 0', async (argv) => {
  const r = await cliAsync(argv);
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/^Usage: cyberdossier/);
  expect(r.stderr).toBe('');
});

test('-v and --version print the version', async () => {
  for (const v of ['-v', '--version', 'check --version']) {
    const r = await cliAsync(v.split(' '));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+/);
  }
});

describe('tokens', () => {
  const spec: OptionSpec = { out: { type: 'string', short: 'o' }, force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } };
  test('in order; inline and separate values; short aliases; positionals after -- are terminated', () => {
    expect(tokens(['a', '--out=x', '-o', 'y', '--force', '-', '--', '--force', 'b'], spec)).toEqual([
      { kind: 'positional', value: 'a', terminated: false },
      { kind: 'option', name: '--out', long: '--out', value: 'x', inline: true },
      { kind: 'option', name: '-o', long: '--out', value: 'y', inline: false },
      { kind: 'option', name: '--force', long: '--force', value: undefined, inline: false },
      { kind: 'positional', value: '-', terminated: false },
      { kind: 'positional', value: '--force', terminated: true },
      { kind: 'positional', value: 'b', terminated: true },
    ]);
  });
  test('an option name from Object.prototype is unknown, not a crash', () => {
    expect(() => tokens(['--constructor'], spec)).toThrow(new UsageError('unknown option: --constructor'));
    expect(() => tokens(['--__proto__=1'], spec)).toThrow(new UsageError('unknown option: --__proto__'));
  });
  test('valueOf: a value that is the next option is missing; an inline one is taken as given', () => {
    const [t] = tokens(['--out', '--force'], spec);
    expect(() => valueOf(t as never)).toThrow(new UsageError('--out needs a value'));
    expect(() => valueOf(t as never, '--output')).toThrow(new UsageError('--output needs a value'));
    const [u] = tokens(['--out=--force'], spec);
    expect(valueOf(u as never)).toBe('--force');
  });
});
