// `cyberdossier check`: the command-line adapter over the engine.
// Exit 0 clean, 1 errors or too many warnings, 2 bad usage / unreadable path / internal failure.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { Engine, faultsFromEnv, type FileReport, type InternalFailure, nodeHost, findRc, packageVersion, type Locale, sourceDateEpoch } from '../engine';
import { cliEngine } from './engine';
import { applyBaseline, readBaseline, writeBaseline } from './baseline';
import { formatJson, formatSarif, formatText, summarize } from './format';
import { ALLOW_PATH_HELP, cliRoots, parseOrExit, tokens, UsageError, valueOf, type OptionSpec, sharedOption } from './args';
import type { CliIO } from './io';

interface Options {
  paths: string[];
  format: 'text' | 'json' | 'sarif';
  config?: string;
  locale?: Locale;
  output?: string;
  maxWarnings?: number;
  baseline?: string;
  updateBaseline: boolean;
  allowPaths: string[];
}

export const USAGE = `Usage: cyberdossier check [PATH ...] [options]
       cyberdossier report [PATH] --format html|md|csv [--output FILE]
       cyberdossier import FILE.docx [--kind KIND] [--out FILE.md]
       cyberdossier export FILE.md|FOLDER --to docx [--output FILE.docx]
       cyberdossier sbom import FILE [--format md|json]
       cyberdossier vulns FILE|FOLDER [--format md|json]
       (each command takes --help)

Checks NMPA cybersecurity dossier files (Markdown with YAML frontmatter).
Folders are walked for *.md; each folder holding a dossier.yaml is checked as one dossier.

Options:
  --format text|json|sarif   output format (default: text)
  --config FILE              use this configuration instead of discovering .cyberdossierrc.yaml
  --locale zh-CN|en          language of the messages (default: configuration, else zh-CN)
  --output FILE              write the report to FILE instead of standard output
  --max-warnings N           exit 1 when there are more than N warnings
  --baseline FILE            hide findings recorded in FILE
  --update-baseline          write the current findings to the --baseline FILE
${ALLOW_PATH_HELP}
  -h, --help                 show this help
  -v, --version              show the version

Exit status: 0 no errors, 1 errors (or too many warnings), 2 usage or read failure.`;

const CHECK_OPTIONS: OptionSpec = {
  format: { type: 'string' },
  config: { type: 'string' },
  locale: { type: 'string' },
  output: { type: 'string' },
  'max-warnings': { type: 'string' },
  baseline: { type: 'string' },
  'update-baseline': { type: 'boolean' },
  'allow-path': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
};

function parseCheckArgs(argv: string[]): Options | 'help' | 'version' {
  const o: Options = { paths: [], format: 'text', updateBaseline: false, allowPaths: [] };
  const first = argv[0];
  if (first === '-h' || first === '--help' || first === 'help') return 'help';
  if (first === '-v' || first === '--version') return 'version';
  if (first === undefined) throw new UsageError('missing command: cyberdossier check [PATH ...]');
  if (first !== 'check' && !first.startsWith('-')) throw new UsageError(`unknown command: ${first}`);
  for (const t of tokens(first === 'check' ? argv.slice(1) : argv, CHECK_OPTIONS)) {
    if (t.kind === 'positional') {
      o.paths.push(t.value);
      continue;
    }
    if (sharedOption(t, o)) continue;
    switch (t.long) {
      case '--format': {
        const f = valueOf(t);
        if (f !== 'text' && f !== 'json' && f !== 'sarif') throw new UsageError(`--format must be text, json or sarif, not ${f}`);
        o.format = f;
        break;
      }
      case '--max-warnings': {
        const n = valueOf(t);
        if (!/^\d+$/.test(n)) throw new UsageError(`--max-warnings needs a non-negative integer, not ${n}`);
        o.maxWarnings = Number(n);
        break;
      }
      case '--baseline':
        o.baseline = valueOf(t);
        break;
      case '--update-baseline':
        o.updateBaseline = true;
        break;
      case '--help':
        return 'help';
      case '--version':
        return 'version';
    }
  }
  if (o.updateBaseline && !o.baseline) throw new UsageError('--update-baseline needs --baseline FILE');
  return o;
}

/** `cyberdossier check …` (also `cyberdossier [PATH …]`, `--help`, `--version`). */
export async function runCheck(argv: string[], io: CliIO): Promise<number> {
  const opts = parseOrExit(io, 'cyberdossier', USAGE, () => parseCheckArgs(argv));
  if (typeof opts === 'number') return opts;
  if (opts === 'version') {
    io.stdout(`${packageVersion()}\n`);
    return 0;
  }
  try {
    return await check(opts, io);
  } catch (e) {
    io.stderr(`cyberdossier: internal error: ${(e as Error)?.message ?? String(e)}\n`);
    return 2;
  }
}

export async function check(o: Options, io: CliIO): Promise<number> {
  const abs = (p: string) => path.resolve(io.cwd, p);
  let status = 0;
  if (o.config && !fs.existsSync(abs(o.config))) {
    io.stderr(`cyberdossier: configuration file not found: ${o.config}\n`);
    return 2;
  }
  const failures = new Map<string, InternalFailure>();
  const engine = cliEngine({
    configFile: o.config ? abs(o.config) : undefined,
    onInternalError: (f) => failures.set(`${f.rule}\u0000${f.message}`, f),
    roots: cliRoots(io.cwd, o.allowPaths),
    faults: faultsFromEnv(),
    // The end-of-support reference date when a dossier gives no submission_date (reproducible runs).
    today: () => sourceDateEpoch(process.env) ?? new Date(),
  });
  const paths = o.paths.length ? o.paths : ['.'];
  const files: string[] = [];
  const folders: string[] = [];
  for (const p of paths) {
    const a = abs(p);
    if (nodeHost.isDirectory(a)) folders.push(a);
    else files.push(a);
  }
  // One thread: on this project's 2-core machines V8's parallel GC already uses the second core,
  // and a parse worker measured slower (bench/NOTES.md).
  const result = engine.check({ files, folders });
  for (const e of result.errors) {
    io.stderr(`cyberdossier: ${e.message}: ${path.relative(io.cwd, path.resolve(io.cwd, e.path)) || e.path}\n`);
    status = 2;
  }

  let reports: FileReport[] = result.reports;
  const rel = (p: string) => path.relative(io.cwd, p).split(path.sep).join('/') || '.';
  if (o.baseline) {
    const file = abs(o.baseline);
    if (o.updateBaseline) {
      writeBaseline(file, reports, rel);
      io.stderr(`cyberdossier: baseline written to ${o.baseline}\n`);
    }
    const baseline = readBaseline(file);
    if (baseline === 'unreadable') {
      io.stderr(`cyberdossier: cannot read baseline ${o.baseline}\n`);
      return 2;
    }
    if (baseline) reports = applyBaseline(reports, baseline, rel);
  }

  const locale: Locale = o.locale ?? localeFromConfig(engine, io.cwd) ?? 'zh-CN';
  const summary = summarize(reports);
  const body =
    o.format === 'json'
      ? formatJson(reports, rel, locale)
      : o.format === 'sarif'
        ? formatSarif(reports, rel, locale)
        : formatText(reports, rel, locale, io.isTTY && !o.output);
  if (o.output) {
    try {
      fs.mkdirSync(path.dirname(abs(o.output)), { recursive: true });
      fs.writeFileSync(abs(o.output), body);
    } catch (e) {
      io.stderr(`cyberdossier: cannot write ${o.output}: ${(e as Error).message}\n`);
      return 2;
    }
  } else io.stdout(body);

  // A rule that failed leaves the result incomplete: never let CI pass on it.
  for (const f of failures.values()) {
    io.stderr(`cyberdossier: internal error in the ${f.rule} rules (${rel(f.path)}): ${f.message}; its findings are missing from this report\n`);
    status = 2;
  }
  if (status === 2) return 2;
  if (summary.errors > 0) return 1;
  if (o.maxWarnings !== undefined && summary.warnings > o.maxWarnings) {
    io.stderr(`cyberdossier: ${summary.warnings} warnings exceed --max-warnings ${o.maxWarnings}\n`);
    return 1;
  }
  return 0;
}

function localeFromConfig(engine: Engine, cwd: string): Locale | undefined {
  const rc = engine.options.configFile ?? findRc(nodeHost, cwd, true);
  if (!rc) return undefined;
  return engine.configFor(path.join(path.dirname(rc), '__any__.md')).config.locale;
}
