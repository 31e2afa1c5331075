// `cyberdossier import FILE.docx` and `cyberdossier export FILE.md|FOLDER --to docx`: thin
// command-line adapters over server/src/word (the language server uses the same functions).
// Exit status as cli.md: 0 ok, 1 findings (import) or refused (export), 2 usage or read/write
// failure (an existing .md is never overwritten without --force).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { Engine, localize, nodeHost, type Locale } from '../engine';
import { cliEngine } from './engine';
import { exportToFile, importToFiles } from '../word/files';
import { formatImportSummary } from '../word/report';
import { WordError } from '../word/types';
import { formatText } from './format';
import type { CliIO, Subcommand } from './io';
import { cliRoots, parseLocale, parseOrExit, tokens, UsageError, valueOf, type OptionSpec } from './args';

export const IMPORT_USAGE = `Usage: cyberdossier import FILE.docx [--kind KIND] [--out FILE.md] [--force]
                           [--guideline ID] [--config FILE] [--locale zh-CN|en]

Converts a Word document into dossier Markdown (GFM tables), then checks it. Writes, beside the
.docx unless --out says otherwise:
  FILE.md                  the Markdown with a frontmatter skeleton; inferred values are
                           marked "# 待确认 / review"
  FILE.assets/             the document's images
  FILE.import-report.md    what Markdown could not keep as it was (comments, tracked changes,
                           text boxes, merged cells, objects, …); also printed
Heading numbers from Word's automatic numbering are kept as text.

Options:
  --kind KIND        document kind (e.g. cybersecurity-description or 网络安全描述文档);
                     guessed from the headings when absent
  --guideline ID     rule set (default: configuration, else nmpa-2017)
  --out FILE.md      the Markdown file to write
  --force            overwrite an existing Markdown file, report and images
  --config FILE      use this configuration instead of discovering .cyberdossierrc.yaml
  --locale zh-CN|en  language of the messages and the report (default: configuration, else zh-CN)
  --allow-path DIR   a file named by the configuration (sbom) may also lie in DIR (repeatable)
  -h, --help         show this help

Exit status: 0 written and no errors, 1 written but the check found errors,
2 bad usage, an unreadable file, or an existing output without --force.`;

export const EXPORT_USAGE = `Usage: cyberdossier export FILE.md|FOLDER --to docx [--output FILE.docx] [--force]
                           [--config FILE] [--locale zh-CN|en]

Renders a dossier file, or every dossier file of a folder (in the rule set's order of document
kinds when the folder holds dossier.yaml, then by path; a new page for each), into one Word
document: a cover table of the product facts, a table of contents, Word heading styles, tables,
images (only from inside the dossier folder), footnotes; A4, 宋体 body, 黑体 headings. The styles
of export.referenceDocx in .cyberdossierrc.yaml replace the built-in ones when set.
The dossier is checked first: when it has errors nothing is written, unless --force.

Options:
  --to docx           output format (docx, the default)
  --output FILE.docx  where to write (default: FILE.docx beside a file, FOLDER/FOLDER.docx)
  --force             write even when the dossier has errors (with a warning)
  --config FILE       use this configuration instead of discovering .cyberdossierrc.yaml
  --locale zh-CN|en   language of the messages (default: configuration, else zh-CN)
  --allow-path DIR    a file named by the configuration (export.referenceDocx, sbom) may also
                      lie in DIR (repeatable); by default only the rc file's folder, the
                      dossier's folder and the current directory
  -h, --help          show this help

Exit status: 0 written, 1 refused because the dossier has errors,
2 bad usage, an unreadable path, or a write failure.`;


interface Parsed {
  positional: string[];
  values: Map<string, string>;
  flags: Set<string>;
  help: boolean;
  /** Every --allow-path DIR (repeatable). */
  allow: string[];
}

/**
 * `valued` and `flags` are `--` names; `aliases` maps other spellings to them (their errors name
 * the option by its canonical name).
 */
function parse(argv: string[], valued: string[], flags: string[], aliases: Record<string, string> = {}): Parsed {
  const p: Parsed = { positional: [], values: new Map(), flags: new Set(), help: false, allow: [] };
  const spec: OptionSpec = { help: { type: 'boolean', short: 'h' }, 'allow-path': { type: 'string' } };
  for (const v of valued) spec[v.slice(2)] = { type: 'string' };
  for (const f of flags) spec[f.slice(2)] = { type: 'boolean' };
  for (const [alias, to] of Object.entries(aliases)) {
    if (alias.startsWith('--')) spec[alias.slice(2)] = { type: spec[to.slice(2)].type };
    else spec[to.slice(2)] = { ...spec[to.slice(2)], short: alias.slice(1) };
  }
  for (const t of tokens(argv, spec)) {
    if (t.kind === 'positional') {
      p.positional.push(t.value);
      continue;
    }
    const a = aliases[t.long] ?? t.long;
    if (a === '--help') p.help = true;
    else if (a === '--allow-path') p.allow.push(valueOf(t));
    else if (valued.includes(a)) p.values.set(a, valueOf(t, aliases[t.name] ?? t.name));
    else p.flags.add(a);
  }
  return p;
}

const localeOf = (v: string | undefined): Locale | undefined => (v === undefined ? undefined : parseLocale(v));

const t = (locale: Locale, zh: string, en: string) => localize([zh, en], locale);

function setup(io: CliIO, p: Parsed, target: string): { engine: Engine; locale: Locale } | number {
  const config = p.values.get('--config');
  if (config && !fs.existsSync(path.resolve(io.cwd, config))) {
    io.stderr(`cyberdossier: configuration file not found: ${config}\n`);
    return 2;
  }
  const engine = cliEngine({ configFile: config ? path.resolve(io.cwd, config) : undefined, roots: cliRoots(io.cwd, p.allow) });
  const probe = nodeHost.isDirectory(target) ? path.join(target, '__any__.md') : target;
  const locale = localeOf(p.values.get('--locale')) ?? engine.configFor(probe).config.locale ?? 'zh-CN';
  return { engine, locale };
}

function fail(io: CliIO, e: unknown, locale: Locale): number {
  if (e instanceof WordError) {
    io.stderr(`cyberdossier: ${localize(e.localized, locale)}\n`);
    return 2;
  }
  throw e;
}

export const importCommand: Subcommand = {
  async run(argv: string[], io: CliIO) {
    const p = parseOrExit(io, 'cyberdossier', IMPORT_USAGE, () => {
      const p = parse(argv, ['--kind', '--out', '--guideline', '--config', '--locale'], ['--force'], { '--output': '--out', '-o': '--out' });
      localeOf(p.values.get('--locale'));
      if (p.help) return 'help';
      if (p.positional.length !== 1) throw new UsageError(p.positional.length ? 'import takes one .docx file' : 'missing FILE.docx');
      if (!/\.docx$/i.test(p.positional[0])) throw new UsageError(`not a .docx file: ${p.positional[0]}`);
      return p;
    });
    if (typeof p === 'number') return p;
    const docx = path.resolve(io.cwd, p.positional[0]);
    const out = p.values.get('--out');
    const s = setup(io, p, out ? path.resolve(io.cwd, out) : docx.replace(/\.docx$/i, '.md'));
    if (typeof s === 'number') return s;
    const { engine, locale } = s;
    if (!fs.existsSync(docx)) {
      io.stderr(`cyberdossier: ${t(locale, '找不到文件', 'file not found')}: ${p.positional[0]}\n`);
      return 2;
    }
    const rel = (f: string) => path.relative(io.cwd, f).split(path.sep).join('/') || '.';
    try {
      const start = performance.now();
      const r = await importToFiles(engine, docx, {
        out: out ? path.resolve(io.cwd, out) : undefined,
        kind: p.values.get('--kind'),
        guideline: p.values.get('--guideline'),
        force: p.flags.has('--force'),
        locale,
      });
      const ms = Math.round(performance.now() - start);
      const images = r.result.images.length;
      io.stdout(
        t(
          locale,
          `已写入 ${rel(r.markdownPath)}${images ? `，图片 ${images} 张（${rel(path.dirname(r.markdownPath))}/${r.result.images[0].path.split('/')[0]}/）` : ''}，导入报告 ${rel(r.reportPath)}（${ms} ms）\n`,
          `Wrote ${rel(r.markdownPath)}${images ? `, ${images} image(s) in ${rel(path.dirname(r.markdownPath))}/${r.result.images[0].path.split('/')[0]}/` : ''}, import report ${rel(r.reportPath)} (${ms} ms)\n`,
        ),
      );
      io.stdout(formatImportSummary(r.result.report, locale));
      io.stdout(`\n${t(locale, '检查结果：', 'Check of the imported file:')}\n`);
      io.stdout(formatText(r.check.reports, rel, locale, false));
      return r.check.errors > 0 ? 1 : 0;
    } catch (e) {
      return fail(io, e, locale);
    }
  },
};

export const exportCommand: Subcommand = {
  async run(argv: string[], io: CliIO) {
    const p = parseOrExit(io, 'cyberdossier', EXPORT_USAGE, () => {
      const p = parse(argv, ['--to', '--output', '--config', '--locale'], ['--force'], { '-o': '--output', '--out': '--output' });
      localeOf(p.values.get('--locale'));
      if (p.help) return 'help';
      const to = p.values.get('--to') ?? 'docx';
      if (to !== 'docx') throw new UsageError(`--to must be docx, not ${to}`);
      if (p.positional.length !== 1) throw new UsageError(p.positional.length ? 'export takes one file or folder' : 'missing FILE.md or FOLDER');
      return p;
    });
    if (typeof p === 'number') return p;
    const target = path.resolve(io.cwd, p.positional[0]);
    const s = setup(io, p, target);
    if (typeof s === 'number') return s;
    const { engine, locale } = s;
    const rel = (f: string) => path.relative(io.cwd, f).split(path.sep).join('/') || '.';
    const output = p.values.get('--output');
    try {
      const start = performance.now();
      const r = await exportToFile(engine, target, { output: output ? path.resolve(io.cwd, output) : undefined, force: p.flags.has('--force') });
      const errs = r.check.firstErrors
        .map(({ path: f, diagnostic: dg }) => `  ${rel(f)}:${dg.range.start.line + 1}:${dg.range.start.character + 1}  ${localize(dg.message, locale)}  [${dg.code}${typeof dg.data.requirement === 'string' ? ` ${dg.data.requirement}` : ''}]\n`)
        .join('');
      const more = r.check.errors > r.check.firstErrors.length ? t(locale, `  ……另有 ${r.check.errors - r.check.firstErrors.length} 个错误\n`, `  … and ${r.check.errors - r.check.firstErrors.length} more\n`) : '';
      if (r.refused) {
        io.stderr(
          t(
            locale,
            `cyberdossier: 未导出：档案有 ${r.check.errors} 个错误（运行 cyberdossier check 查看全部；使用 --force 仍然导出）。前几个错误：\n`,
            `cyberdossier: not exported: the dossier has ${r.check.errors} error(s) (run cyberdossier check to see them all; --force exports anyway). The first:\n`,
          ) + errs + more,
        );
        return 1;
      }
      if (r.check.errors > 0) {
        io.stderr(
          t(
            locale,
            `cyberdossier: 警告：档案有 ${r.check.errors} 个错误，因 --force 仍然导出。导出的 Word 文档不完整，不能直接用于注册申报！\n`,
            `cyberdossier: WARNING: the dossier has ${r.check.errors} error(s); exported anyway because of --force. The Word document is NOT ready for submission!\n`,
          ) + errs + more,
        );
      }
      for (const w of r.warnings) io.stderr(`cyberdossier: ${rel(w.path)}${w.line ? `:${w.line}` : ''}: ${localize(w.message, locale)}\n`);
      for (const f of r.skipped) io.stderr(t(locale, `cyberdossier: 跳过（不是档案文件）：${rel(f)}\n`, `cyberdossier: skipped (not a dossier file): ${rel(f)}\n`));
      const ms = Math.round(performance.now() - start);
      io.stdout(
        t(
          locale,
          `已导出 ${r.files.length} 个文件到 ${rel(r.outPath)}（${ms} ms）：${r.files.map(rel).join('、')}\n`,
          `Exported ${r.files.length} file(s) to ${rel(r.outPath)} (${ms} ms): ${r.files.map(rel).join(', ')}\n`,
        ),
      );
      return 0;
    } catch (e) {
      return fail(io, e, locale);
    }
  },
};
