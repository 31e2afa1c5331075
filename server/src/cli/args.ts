// Command-line options, shared by every subcommand: `--name value` or `--name=value`, `--` ends
// the options, a usage error prints the usage and exits 2.

import * as path from 'node:path';
import { parseArgs } from 'node:util';
import type { Locale } from '../engine';
import type { CliIO } from './io';

export class UsageError extends Error {}

export type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

/** An option as given: `name` as typed (`-o`, `--out`, before any `=value`), `long` its `--` name. */
export interface OptionToken {
  kind: 'option';
  name: string;
  long: string;
  value?: string;
  inline: boolean;
}
/** A positional; `terminated` when it follows `--`. */
export type Token = OptionToken | { kind: 'positional'; value: string; terminated: boolean };

/**
 * argv → options and positionals, in order, lexed by `node:util.parseArgs` (`--name value`,
 * `--name=value`, short aliases, `--` ends the options). Not strict: the CLI's own messages are
 * kept (`unknown option: --x`, `--format needs a value`), and a short option only stands alone
 * (`-hv`, `-ofile` are unknown options, as before).
 */
export function tokens(argv: readonly string[], spec: OptionSpec): Token[] {
  const { tokens: raw } = parseArgs({ args: [...argv], options: spec, strict: false, allowPositionals: true, tokens: true });
  const out: Token[] = [];
  let terminated = false;
  for (const t of raw) {
    if (t.kind === 'option-terminator') terminated = true;
    else if (t.kind === 'positional') out.push({ kind: 'positional', value: t.value, terminated });
    else {
      const arg = argv[t.index];
      const typed = arg.startsWith('--') ? arg.split('=')[0] : arg;
      if (!Object.hasOwn(spec, t.name) || (!arg.startsWith('--') && arg.length > 2)) throw new UsageError(`unknown option: ${typed}`);
      out.push({ kind: 'option', name: typed, long: `--${t.name}`, value: t.value, inline: t.inlineValue === true });
    }
  }
  return out;
}

/** The value of a string option; a missing one (or the next option taken for it) is a usage error. */
export function valueOf(t: OptionToken, name = t.name): string {
  const v = t.value;
  if (v === undefined || (!t.inline && v.startsWith('--') && v.length > 2)) throw new UsageError(`${name} needs a value`);
  return v;
}

/**
 * The folders a configured path (`sbom`, `export.referenceDocx`) may lead into on the command
 * line, besides the rc file's and the dossier's own (engine/configured-file.ts): the current
 * directory and every `--allow-path DIR`. Only an explicit flag widens them, never a setting in
 * the repository.
 */
export function cliRoots(cwd: string, allow: readonly string[]): () => string[] {
  const roots = [cwd, ...allow.map((a) => path.resolve(cwd, a))];
  return () => roots;
}

export const ALLOW_PATH_HELP = `  --allow-path DIR           a file named by the configuration (sbom, export.referenceDocx) may
                             also lie in DIR (repeatable); by default only the folder of the rc
                             file, the dossier's folder and the current directory are allowed`;

export function parseLocale(v: string): Locale {
  if (v === 'zh-CN' || v === 'zh-cn' || v === 'zh') return 'zh-CN';
  if (v === 'en' || v.startsWith('en-')) return 'en';
  throw new UsageError(`--locale must be zh-CN or en, not ${v}`);
}

/** The parsed options, or the exit status after printing the usage (help: 0, a usage error: 2). */
export function parseOrExit<T>(io: CliIO, command: string, usage: string, parse: () => T | 'help'): T | number {
  let o: T | 'help';
  try {
    o = parse();
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`${command}: ${e.message}\n\n${usage}\n`);
      return 2;
    }
    throw e;
  }
  if (o === 'help') {
    io.stdout(`${usage}\n`);
    return 0;
  }
  return o;
}

/** `--format md|json`, the output of the commands that draft Markdown (sbom import, vulns). */
export function markdownOrJson(t: OptionToken): 'md' | 'json' {
  const f = valueOf(t);
  if (f !== 'md' && f !== 'json') throw new UsageError(`--format must be md or json, not ${f}`);
  return f;
}

/**
 * The options several subcommands share, with one meaning everywhere (`--config`, `--locale`,
 * `--output`, and `--allow-path` where the command has `allowPaths`); true when `t` was one of them.
 */
export function sharedOption(t: OptionToken, o: { config?: string; locale?: Locale; output?: string; allowPaths?: string[] }): boolean {
  switch (t.long) {
    case '--config':
      o.config = valueOf(t);
      return true;
    case '--locale':
      o.locale = parseLocale(valueOf(t));
      return true;
    case '--output':
      o.output = valueOf(t);
      return true;
    case '--allow-path':
      if (!o.allowPaths) return false;
      o.allowPaths.push(valueOf(t));
      return true;
  }
  return false;
}
