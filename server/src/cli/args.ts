// Command-line options, shared by every subcommand: `--name value` or `--name=value`, `--` ends
// the options, a usage error prints the usage and exits 2.

import * as path from 'node:path';
import type { Locale } from '../engine';
import type { CliIO } from './io';

export class UsageError extends Error {}

/** Reads argv one argument at a time; `value()` takes the current option's value. */
export class Args {
  private readonly rest: string[];
  private inline: string | undefined;
  /** The current argument (an option's name, `=value` split off). */
  name = '';

  constructor(argv: readonly string[]) {
    this.rest = [...argv];
  }

  next(): string | undefined {
    const a = this.rest.shift();
    if (a === undefined) return undefined;
    const eq = a.indexOf('=');
    const inline = a.startsWith('--') && eq > 0;
    this.name = inline ? a.slice(0, eq) : a;
    this.inline = inline ? a.slice(eq + 1) : undefined;
    return this.name;
  }

  value(): string {
    const v = this.inline ?? this.rest.shift();
    if (v === undefined || (this.inline === undefined && v.startsWith('--') && v.length > 2)) throw new UsageError(`${this.name} needs a value`);
    this.inline = undefined;
    return v;
  }

  /** Everything left (after `--`). */
  remaining(): string[] {
    return this.rest.splice(0);
  }
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
