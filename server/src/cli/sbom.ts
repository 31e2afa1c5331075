// `cyberdossier sbom import FILE`: a CycloneDX (1.4–1.6) or SPDX 2.3 JSON SBOM → the dossier's
// 现成软件 table (or its 网络安全补丁 table) as GFM Markdown, or the normalised components as JSON.
// A thin adapter over server/src/sbom (the language server uses the same functions).
// Exit 0 written and nothing flagged, 1 written but entries are flagged (a version that is not
// full, no vendor, no patch date), 2 bad usage, an unreadable file or not a valid SBOM.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { localize, nodeHost, type Locale } from '../engine';
import { cliEngine } from './engine';
import { importResult, loadSbom, summaryLine, type SbomTable } from '../sbom';
import type { CliIO, Subcommand } from './io';
import { parseOrExit, tokens, UsageError, valueOf, type OptionSpec, sharedOption, markdownOrJson } from './args';

export const SBOM_USAGE = `Usage: cyberdossier sbom import FILE [--format md|json] [--table ots|patches] [--output FILE]
                                   [--force] [--config FILE] [--locale zh-CN|en]

Reads a CycloneDX (1.4, 1.5, 1.6) or SPDX 2.3 JSON SBOM and writes a table of the dossier as
GFM Markdown, to paste into the document:
  --table ots       现成软件 / off-the-shelf software (the default):
                    名称 | 型号规格 | 完整版本 | 供应商 | 类别
  --table patches   网络安全补丁 / cybersecurity patches:
                    补丁名称 | 完整版本 | 发布日期 | 适用软件
                    (from CycloneDX pedigree.patches, releaseNotes of type patch and KB update
                    components, or SPDX PATCH_APPLIED; an empty template when there is none)

Nested components and SPDX relationships are flattened, each component listed once (same purl,
else same name and version). Entries that do not ship as software of the device are left out and
named on standard error: scope "excluded", build or test tooling, hardware, data, certificates.
What the SBOM does not say is written as a placeholder (<型号规格>, <供应商>) that the checker
reports until it is filled in. 型号规格 comes from a "cyberdossier:model" property, else from the
edition and platform fields of the CPE; 供应商 from supplier, else manufacturer, publisher, authors
(CycloneDX) or originator (SPDX).

Options:
  --format md|json     md: the table (default); json: components, patches, flags and the table
  --table ots|patches  which table (default: ots)
  --output FILE        write to FILE instead of standard output
  --force              overwrite an existing --output FILE
  --config FILE        use this configuration instead of discovering .cyberdossierrc.yaml
  --locale zh-CN|en    language of the headers and messages (default: configuration, else zh-CN)
  -h, --help           show this help

Exit status: 0 written, nothing flagged; 1 written, but entries are flagged (a version that is
not a full version, no vendor, no release date; listed on standard error); 2 bad usage, an
unreadable file, or not a valid SBOM.`;


interface Options {
  file: string;
  format: 'md' | 'json';
  table: SbomTable;
  output?: string;
  force: boolean;
  config?: string;
  locale?: Locale;
}

const SBOM_OPTIONS: OptionSpec = {
  help: { type: 'boolean', short: 'h' },
  format: { type: 'string' },
  table: { type: 'string' },
  output: { type: 'string', short: 'o' },
  config: { type: 'string' },
  locale: { type: 'string' },
  force: { type: 'boolean' },
};

function parseArgs(argv: string[]): Options | 'help' {
  const files: string[] = [];
  let command: string | undefined;
  let help = false;
  const o: Omit<Options, 'file'> = { format: 'md', table: 'ots', force: false };
  for (const t of tokens(argv, SBOM_OPTIONS)) {
    if (t.kind === 'positional') {
      if (command === undefined && !t.terminated) command = t.value;
      else files.push(t.value);
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
      case '--table': {
        const v = valueOf(t);
        if (v !== 'ots' && v !== 'patches') throw new UsageError(`--table must be ots or patches, not ${v}`);
        o.table = v;
        break;
      }
      case '--force':
        o.force = true;
        break;
    }
  }
  if (help || command === 'help') return 'help';
  if (command === undefined) throw new UsageError('missing command: cyberdossier sbom import FILE');
  if (command !== 'import') throw new UsageError(`unknown sbom command: ${command} (expected import)`);
  if (files.length !== 1) throw new UsageError(files.length ? `sbom import takes one FILE, not ${files.length}` : 'missing FILE (a CycloneDX or SPDX JSON SBOM)');
  return { file: files[0], ...o };
}

const t = (locale: Locale, zh: string, en: string) => localize([zh, en], locale);

export const sbom: Subcommand = {
  async run(argv: string[], io: CliIO): Promise<number> {
    const o = parseOrExit(io, 'cyberdossier sbom', SBOM_USAGE, () => parseArgs(argv));
    if (typeof o === 'number') return o;
    const abs = (p: string) => path.resolve(io.cwd, p);
    const rel = (p: string) => path.relative(io.cwd, p).split(path.sep).join('/') || '.';
    if (o.config && !fs.existsSync(abs(o.config))) {
      io.stderr(`cyberdossier sbom: configuration file not found: ${o.config}\n`);
      return 2;
    }
    // The language: --locale, else the configuration where the table goes (or here).
    let locale: Locale = o.locale ?? 'zh-CN';
    if (!o.locale) {
      const engine = cliEngine({ configFile: o.config ? abs(o.config) : undefined });
      const probe = o.output ? abs(o.output) : path.join(io.cwd, '__any__.md');
      locale = engine.configFor(probe).config.locale ?? 'zh-CN';
    }
    const msg = (l: { zh: string; en: string }) => localize(l, locale);

    const file = abs(o.file);
    if (o.output && !o.force && fs.existsSync(abs(o.output))) {
      io.stderr(
        t(
          locale,
          `cyberdossier sbom: ${o.output} 已存在：不会覆盖（使用 --force 覆盖，或把表格输出到标准输出后粘贴）\n`,
          `cyberdossier sbom: ${o.output} exists: not overwritten (--force overwrites it; or print the table and paste it)\n`,
        ),
      );
      return 2;
    }
    const start = performance.now();
    const loaded = loadSbom(file, nodeHost);
    if (!loaded.ok) {
      const e = loaded.error;
      let text = `cyberdossier sbom: ${o.file}: ${msg(e.localized)}\n`;
      for (const i of e.issues.slice(0, 20)) text += `  ${i.path}: ${msg(i.message)}\n`;
      if (e.issueCount > 20) text += t(locale, `  ……另有 ${e.issueCount - 20} 处问题\n`, `  … and ${e.issueCount - 20} more\n`);
      io.stderr(text);
      return 2;
    }
    const doc = loaded.sbom;
    const result = importResult(doc, o.table, locale);
    const ms = Math.round(performance.now() - start);
    const body = o.format === 'json' ? `${JSON.stringify({ version: 1, file: rel(file), ...result }, null, 2)}\n` : result.markdown;
    if (o.output) {
      try {
        fs.mkdirSync(path.dirname(abs(o.output)), { recursive: true });
        fs.writeFileSync(abs(o.output), body);
      } catch (e) {
        io.stderr(`cyberdossier sbom: ${t(locale, '无法写入', 'cannot write')} ${o.output}: ${(e as Error).message}\n`);
        return 2;
      }
    } else io.stdout(body);

    // What was read, what was left out and what is flagged: on stderr so stdout stays the table.
    const report: string[] = [];
    const summary = msg(summaryLine(doc));
    report.push(o.output ? t(locale, `已写入 ${o.output}：${summary}（${ms} ms）`, `Wrote ${o.output}: ${summary} (${ms} ms)`) : `${summary} (${ms} ms)`);
    if (o.format === 'md') for (const n of result.notes) report.push(`  ${n}`);
    if (result.flagged.length) {
      const what = o.table === 'ots' ? t(locale, '个组件', ' component(s)') : t(locale, '个补丁', ' patch(es)');
      report.push(
        t(
          locale,
          `${result.flagged.length} ${what}需要补充（完整版本、供应商${o.table === 'patches' ? '、发布日期' : ''}），填写后才能用于申报：`,
          `${result.flagged.length}${what} need attention (full version, vendor${o.table === 'patches' ? ', release date' : ''}) before the table can be submitted:`,
        ),
      );
      for (const f of result.flagged) report.push(`  ⚠ ${f.message}`);
    }
    const line = report.join('\n') + '\n';
    if (o.output) {
      io.stdout(`${report[0]}\n`);
      if (report.length > 1) io.stderr(`${report.slice(1).join('\n')}\n`);
    } else io.stderr(line);
    return result.flagged.length ? 1 : 0;
  },
};
