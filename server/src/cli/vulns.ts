// `cyberdossier vulns FILE|FOLDER`: the dossier's components (its SBOM, else its OTS table) against
// the vulnerability data its .cyberdossierrc.yaml names (`vulnerabilities:`) → the vulnerability
// assessment tables (counts by CVSS level, every known vulnerability, the residual list) as GFM,
// in the dossier's language, or JSON. Nothing is fetched: the data are the user's own files.
// Exit 0 written and every vulnerability assessed; 1 written, but some still need a status (or one
// is KEV-listed and not fixed); 2 bad usage, nothing configured, or data that cannot be used.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { localize, type Locale } from '../engine';
import { cliEngine } from './engine';
import { draftAssessment } from '../vulns';
import type { CliIO, Subcommand } from './io';
import { ALLOW_PATH_HELP, cliRoots, parseOrExit, tokens, UsageError, type OptionSpec, sharedOption, markdownOrJson } from './args';

export const VULNS_USAGE = `Usage: cyberdossier vulns FILE|FOLDER [--format md|json] [--output FILE] [--force]
                         [--config FILE] [--locale zh-CN|en] [--allow-path DIR]

Matches the components of the dossier — the SBOM its .cyberdossierrc.yaml names (sbom:), else
its off-the-shelf software table — against the vulnerability data the same file names
(vulnerabilities: OSV JSON or per-ecosystem zip exports, NVD CVE API 2.0 JSON, CVE JSON 5, the
CISA KEV catalog, CycloneDX / OpenVEX / CSAF VEX), and writes the vulnerability assessment as GFM
Markdown to paste into the dossier: the counts by CVSS level, the table of every known
vulnerability (CVE, component, version, CVSS v3.1 base score and vector, severity, status,
justification) and the residual list. Statuses and justifications come from VEX; the rest are
placeholders the checker reports until they are written. Nothing is downloaded.

Options:
  --format md|json     md: the tables (default); json: rows, counts, data dates
  --output FILE        write to FILE instead of standard output
  --force              overwrite an existing --output FILE
  --config FILE        use this configuration instead of discovering .cyberdossierrc.yaml
  --locale zh-CN|en    language of the tables (default: configuration, else the dossier's)
${ALLOW_PATH_HELP}
  -h, --help           show this help

Exit status: 0 written, every vulnerability assessed; 1 written, but some need a status or a
KEV-listed one is not fixed; 2 bad usage, no vulnerability data configured, or data that cannot
be used.`;

interface Options {
  target: string;
  format: 'md' | 'json';
  output?: string;
  force: boolean;
  config?: string;
  locale?: Locale;
  allowPaths: string[];
}

const VULNS_OPTIONS: OptionSpec = {
  help: { type: 'boolean', short: 'h' },
  format: { type: 'string' },
  output: { type: 'string', short: 'o' },
  force: { type: 'boolean' },
  config: { type: 'string' },
  locale: { type: 'string' },
  'allow-path': { type: 'string' },
};

function parseArgs(argv: string[]): Options | 'help' {
  const targets: string[] = [];
  let help = false;
  const o: Omit<Options, 'target'> = { format: 'md', force: false, allowPaths: [] };
  for (const t of tokens(argv, VULNS_OPTIONS)) {
    if (t.kind === 'positional') {
      targets.push(t.value);
      continue;
    }
    if (sharedOption(t, o)) continue;
    switch (t.long) {
      case '--help':
        help = true;
        break;
      case '--format':
        o.format = markdownOrJson(t);
        break;
      case '--force':
        o.force = true;
        break;
    }
  }
  if (help) return 'help';
  if (targets.length !== 1) throw new UsageError(targets.length ? `vulns takes one FILE or FOLDER, not ${targets.length}` : 'missing FILE or FOLDER (a dossier file or folder)');
  return { target: targets[0], ...o };
}

const t = (locale: Locale, zh: string, en: string) => localize([zh, en], locale);

export const vulns: Subcommand = {
  async run(argv: string[], io: CliIO): Promise<number> {
    const o = parseOrExit(io, 'cyberdossier vulns', VULNS_USAGE, () => parseArgs(argv));
    if (typeof o === 'number') return o;
    const abs = (p: string) => path.resolve(io.cwd, p);
    const target = abs(o.target);
    if (o.config && !fs.existsSync(abs(o.config))) {
      io.stderr(`cyberdossier vulns: configuration file not found: ${o.config}\n`);
      return 2;
    }
    let st: fs.Stats;
    try {
      st = fs.statSync(target);
    } catch {
      io.stderr(`cyberdossier vulns: no such file or folder: ${o.target}\n`);
      return 2;
    }
    const engine = cliEngine({ configFile: o.config ? abs(o.config) : undefined, roots: cliRoots(io.cwd, o.allowPaths) });
    const start = performance.now();
    const d = draftAssessment(engine, st.isDirectory() ? { folder: target } : { file: target }, o.locale);
    const loc = d.locale;
    const msg = (l: { zh: string; en: string }) => localize(l, loc);
    if (!d.feeds.length && !d.problems.length) {
      io.stderr(
        t(
          loc,
          'cyberdossier vulns: .cyberdossierrc.yaml 没有 vulnerabilities：请列出本地漏洞数据文件或文件夹（OSV、NVD、CVE 5、KEV、VEX），例如\n  vulnerabilities:\n    - vulns/osv/\n    - { path: vulns/known_exploited_vulnerabilities.json, maxAge: 30d }\n',
          'cyberdossier vulns: .cyberdossierrc.yaml has no vulnerabilities: list local vulnerability data files or folders (OSV, NVD, CVE 5, KEV, VEX), e.g.\n  vulnerabilities:\n    - vulns/osv/\n    - { path: vulns/known_exploited_vulnerabilities.json, maxAge: 30d }\n',
        ),
      );
      return 2;
    }
    if (d.problems.length) {
      for (const p of d.problems) io.stderr(`cyberdossier vulns: ${msg(p.message)}\n`);
      return 2;
    }
    if (o.output && !o.force && fs.existsSync(abs(o.output))) {
      io.stderr(t(loc, `cyberdossier vulns: ${o.output} 已存在：不会覆盖（使用 --force 覆盖）\n`, `cyberdossier vulns: ${o.output} exists: not overwritten (--force overwrites it)\n`));
      return 2;
    }
    const ms = Math.round(performance.now() - start);
    const body = o.format === 'json' ? `${JSON.stringify({ version: 1, locale: d.locale, dataDate: d.dataDate, feeds: d.feeds, components: d.components, counts: d.counts, rows: d.rows }, null, 2)}\n` : d.markdown;
    if (o.output) {
      try {
        fs.mkdirSync(path.dirname(abs(o.output)), { recursive: true });
        fs.writeFileSync(abs(o.output), body);
      } catch (e) {
        io.stderr(`cyberdossier vulns: ${t(loc, '无法写入', 'cannot write')} ${o.output}: ${(e as Error).message}\n`);
        return 2;
      }
    } else io.stdout(body);
    const ids = new Set(d.rows.map((r) => r.id));
    const open = new Set(d.rows.filter((r) => r.status === 'unassessed').map((r) => r.id));
    const kev = new Set(d.rows.filter((r) => r.kev && r.status !== 'fixed' && r.status !== 'not_affected').map((r) => r.id));
    const source = d.components.source === 'sbom' ? 'SBOM' : d.components.source === 'ots-table' ? t(loc, '现成软件表', 'the OTS table') : t(loc, '（无组件）', 'nowhere');
    const lines = [
      t(
        loc,
        `${d.components.count} 个组件（来自 ${source}），${ids.size} 个已知漏洞，其中 ${open.size} 个待评估；漏洞数据截至 ${d.dataDate ?? '（日期不详）'}（${ms} ms）`,
        `${d.components.count} components (from ${source}), ${ids.size} known vulnerabilities, ${open.size} to assess; data as of ${d.dataDate ?? '(no date)'} (${ms} ms)`,
      ),
      ...(kev.size ? [t(loc, `  ⚠ ${kev.size} 个已列入 CISA KEV 且未修复：${[...kev].join('、')}`, `  ⚠ ${kev.size} KEV-listed and not fixed: ${[...kev].join(', ')}`)] : []),
    ];
    io.stderr(`${lines.join('\n')}\n`);
    return open.size || kev.size ? 1 : 0;
  },
};
