// `cyberdossier report`: the requirement checklist and traceability matrix of one dossier as a
// self-contained HTML page, Markdown or CSV (issue 7). It reports; it does not judge: exit 0 when
// the report was written whatever the findings, 2 on bad usage or an unreadable path.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { Engine, nodeHost, findRc, packageVersion, type Locale, sourceDateEpoch } from '../engine';
import { cliEngine } from './engine';
import { dossiersIn, resolveDossier } from '../features/checklist';
import { dossierReport, render, reportTime, REPORT_FORMATS, type ReportFormat } from '../report';
import type { CsvTable } from '../report/csv';
import { renderCrosswalk } from '../report/crosswalk';
import { crosswalkOf } from '../features/crosswalk';
import { CROSSWALKS } from '../engine';
import type { CliIO, Subcommand } from './io';
import { ALLOW_PATH_HELP, cliRoots, parseLocale, parseOrExit, tokens, UsageError, valueOf, type OptionSpec } from './args';

const USAGE = `Usage: cyberdossier report [PATH] [--format html|md|csv] [--output FILE] [options]
       cyberdossier report PATH --crosswalk OTHER [--format html|md|csv] [--output FILE] [options]

Writes the requirement checklist of one dossier — every document its submission needs, each
requirement with its status (present, not applicable + reason, missing, empty/placeholder, not
required here + the fact that switched it off) and findings, "N of M required sections present"
per document and for the dossier — and the traceability matrix (requirement → design → test →
risk) with its gaps.

PATH is a dossier folder (holding dossier.yaml) or any file of a dossier; default: the current
folder. A folder holding several dossiers must be narrowed to one.

Options:
  --format html|md|csv     html: one self-contained page (inline CSS, no script, no external URL);
                           md: Markdown tables; csv: one row per requirement (RFC 4180, UTF-8 with
                           BOM, CRLF). Default: from the --output extension, else md.
  --crosswalk OTHER        compare PATH with OTHER, two dossiers of a mapped pair of rule sets
                           (nmpa-2022 and fda-premarket-2025, in either order): per requirement
                           both statuses and a mark (both / one side only / neither / not
                           required / no counterpart), and the requirements no row maps to
  --table checklist|trace  csv only: the checklist (default) or the traceability matrix
  --output FILE            write to FILE instead of standard output
  --locale zh-CN|en        language of the report (default: configuration, else zh-CN)
  --config FILE            use this configuration instead of discovering .cyberdossierrc.yaml
${ALLOW_PATH_HELP}
  -h, --help               show this help

CSV columns (checklist): ID, title, clause, required (yes / no / recommended), one column per
document (the requirement's status in its own document's column), note, findings, location.
CSV columns (trace): requirement, design, test, risk, gaps, location.

The generation time printed in the report is the current time, or SOURCE_DATE_EPOCH (seconds
since 1970, UTC) when that environment variable is set (reproducible output).

Exit status: 0 the report was written (findings do not change it), 2 bad usage, an unreadable
path, no dossier at PATH, or a write failure.`;


interface Options {
  path?: string;
  format?: ReportFormat;
  table: CsvTable;
  crosswalk?: string;
  output?: string;
  locale?: Locale;
  config?: string;
  allowPaths: string[];
}

const REPORT_OPTIONS: OptionSpec = {
  format: { type: 'string' },
  table: { type: 'string' },
  crosswalk: { type: 'string' },
  output: { type: 'string' },
  config: { type: 'string' },
  'allow-path': { type: 'string' },
  locale: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

function parseArgs(argv: string[]): Options | 'help' {
  const o: Options = { table: 'checklist', allowPaths: [] };
  for (const t of tokens(argv, REPORT_OPTIONS)) {
    if (t.kind === 'positional') {
      addPath(o, t.value);
      continue;
    }
    switch (t.long) {
      case '--format': {
        const f = valueOf(t);
        if (!REPORT_FORMATS.includes(f as ReportFormat)) throw new UsageError(`--format must be html, md or csv, not ${f}`);
        o.format = f as ReportFormat;
        break;
      }
      case '--table': {
        const v = valueOf(t);
        if (v !== 'checklist' && v !== 'trace') throw new UsageError(`--table must be checklist or trace, not ${v}`);
        o.table = v;
        break;
      }
      case '--crosswalk':
        if (o.crosswalk !== undefined) throw new UsageError('--crosswalk takes one OTHER dossier');
        o.crosswalk = valueOf(t);
        break;
      case '--output':
        o.output = valueOf(t);
        break;
      case '--config':
        o.config = valueOf(t);
        break;
      case '--allow-path':
        o.allowPaths.push(valueOf(t));
        break;
      case '--locale':
        o.locale = parseLocale(valueOf(t));
        break;
      case '--help':
        return 'help';
    }
  }
  if (o.crosswalk !== undefined && o.path === undefined) throw new UsageError('--crosswalk needs PATH and OTHER: two dossiers, one of each rule set');
  if (o.crosswalk !== undefined && argv.some((a) => a === '--table' || a.startsWith('--table='))) throw new UsageError('--table does not apply to --crosswalk');
  if (o.table === 'trace' && o.format && o.format !== 'csv') throw new UsageError('--table applies to --format csv only');
  return o;
}

function addPath(o: Options, p: string): void {
  if (o.path !== undefined) throw new UsageError(`report takes one PATH (a dossier folder or file), not ${o.path} and ${p}`);
  o.path = p;
}

function formatFromFile(file: string | undefined): ReportFormat | undefined {
  const ext = file ? path.extname(file).toLowerCase() : '';
  return ext === '.html' || ext === '.htm' ? 'html' : ext === '.md' || ext === '.markdown' ? 'md' : ext === '.csv' ? 'csv' : undefined;
}

export const report: Subcommand = {
  async run(argv: string[], io: CliIO): Promise<number> {
    const o = parseOrExit(io, 'cyberdossier report', USAGE, () => parseArgs(argv));
    if (typeof o === 'number') return o;
    const abs = (p: string) => path.resolve(io.cwd, p);
    if (o.config && !fs.existsSync(abs(o.config))) {
      io.stderr(`cyberdossier report: configuration file not found: ${o.config}\n`);
      return 2;
    }
    if (o.crosswalk !== undefined) return runCrosswalk(o as Options & { path: string; crosswalk: string }, io);
    const target = abs(o.path ?? '.');
    const shown = o.path ?? '.';
    if (!nodeHost.exists(target) || (!nodeHost.isDirectory(target) && nodeHost.fileSize(target) === undefined)) {
      io.stderr(`cyberdossier report: cannot read ${shown}\n`);
      return 2;
    }
    const engine = cliEngine({ configFile: o.config ? abs(o.config) : undefined, roots: cliRoots(io.cwd, o.allowPaths), today: () => sourceDateEpoch(process.env) ?? new Date() });
    // A folder above several dossiers: one of them by name, or a clear message.
    let where = target;
    if (nodeHost.isDirectory(target) && !resolveDossier(engine, target)) {
      const found = dossiersIn(engine, target);
      if (found.length !== 1) {
        const rel = (p: string) => path.relative(io.cwd, p).split(path.sep).join('/') || '.';
        io.stderr(
          found.length
            ? `cyberdossier report: ${shown} holds ${found.length} dossiers; name one: ${found.map((d) => rel(d.yamlPath ? d.root : d.members[0])).join(', ')}\n`
            : `cyberdossier report: no dossier at ${shown} (no dossier.yaml and no file with document: in its frontmatter)\n`,
        );
        return 2;
      }
      where = found[0].yamlPath ? found[0].root : found[0].members[0];
    }
    const locale: Locale = o.locale ?? localeFromConfig(engine, where) ?? 'zh-CN';
    const r = dossierReport(engine, where, locale, { fresh: true });
    if (!r) {
      io.stderr(`cyberdossier report: no dossier at ${shown}\n`);
      return 2;
    }
    const format = o.format ?? formatFromFile(o.output) ?? 'md';
    if (o.table === 'trace' && format !== 'csv') {
      io.stderr(`cyberdossier report: --table applies to --format csv only\n`);
      return 2;
    }
    const body = render(r, format, locale, { now: reportTime(), generator: `CyberDossier ${packageVersion()}`, table: o.table });
    if (o.output) {
      try {
        fs.mkdirSync(path.dirname(abs(o.output)), { recursive: true });
        fs.writeFileSync(abs(o.output), body);
      } catch (e) {
        io.stderr(`cyberdossier report: cannot write ${o.output}: ${(e as Error).message}\n`);
        return 2;
      }
    } else io.stdout(body);
    return 0;
  },
};

function runCrosswalk(o: Options & { path: string; crosswalk: string }, io: CliIO): number {
  const abs = (p: string) => path.resolve(io.cwd, p);
  const fail = (msg: string) => {
    io.stderr(`cyberdossier report: ${msg}\n`);
    return 2;
  };
  if (o.config && !fs.existsSync(abs(o.config))) return fail(`configuration file not found: ${o.config}`);
  for (const p of [o.path, o.crosswalk]) {
    const a = abs(p);
    if (!nodeHost.exists(a) || (!nodeHost.isDirectory(a) && nodeHost.fileSize(a) === undefined)) return fail(`cannot read ${p}`);
  }
  const engine = cliEngine({ configFile: o.config ? abs(o.config) : undefined, roots: cliRoots(io.cwd, o.allowPaths), today: () => sourceDateEpoch(process.env) ?? new Date() });
  const locale: Locale = o.locale ?? localeFromConfig(engine, abs(o.path)) ?? 'zh-CN';
  const r = crosswalkOf(engine, abs(o.path), abs(o.crosswalk), locale, { fresh: true });
  if ('error' in r) {
    if (r.error === 'no-dossier') return fail(`no dossier at ${r.which === 0 ? o.path : o.crosswalk} (no dossier.yaml and no file with document: in its frontmatter)`);
    const pairs = CROSSWALKS.map((x) => `${x.source} and ${x.target}`).join('; ');
    return fail(`--crosswalk compares two dossiers of a mapped pair of rule sets (${pairs}), not ${r.rulesets[0]} and ${r.rulesets[1]}`);
  }
  const format = o.format ?? formatFromFile(o.output) ?? 'md';
  const body = renderCrosswalk(r, format, locale, { now: reportTime(), generator: `CyberDossier ${packageVersion()}` });
  if (o.output) {
    try {
      fs.mkdirSync(path.dirname(abs(o.output)), { recursive: true });
      fs.writeFileSync(abs(o.output), body);
    } catch (e) {
      return fail(`cannot write ${o.output}: ${(e as Error).message}`);
    }
  } else io.stdout(body);
  return 0;
}

/** `locale` of the configuration that applies to the dossier (as `check` reads it). */
function localeFromConfig(engine: Engine, where: string): Locale | undefined {
  const rc = engine.options.configFile ?? findRc(nodeHost, where, nodeHost.isDirectory(where));
  if (!rc) return undefined;
  return engine.configFor(path.join(path.dirname(rc), '__any__.md')).config.locale;
}
