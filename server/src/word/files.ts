// The Word import and export on disk, shared by the CLI and the language server: where the
// output goes, what may be overwritten, running the checker before an export and after an
// import, images read only from inside the dossier, the reference styles from the configuration.
// Writes only the requested output paths (and the image folder and report beside an import).

import * as fs from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import { type Engine, type FileReport, type Diagnostic, totalsOf, type SeverityTotals, getRuleSet, kindOf, DEFAULT_RULESET, comparePaths, walkMarkdown, DOSSIER_YAML, CONFIGURED_FILE_LIMITS, readConfiguredBytes, readRegularFile } from '../engine';
import { importDocx, MAX_DOCX_BYTES } from './import';
import { exportDocx } from './export';
import { formatImportReport } from './report';
import { WordError, type CoverRow, type ExportDocument, type ExportWarning, type ImageLookup, type ImportResult, type WordLocale } from './types';

const MAX_IMAGE_BYTES = 50 * 1024 * 1024;

export interface CheckSummary {
  reports: FileReport[];
  errors: number;
  warnings: number;
  /** Every count (the engine's totals: the same as `cyberdossier check` on the same target). */
  totals: SeverityTotals;
  /** The first errors, for messages: path (absolute), 0-based position, diagnostic. */
  firstErrors: { path: string; diagnostic: Diagnostic }[];
}

function summarize(reports: FileReport[], max = 5): CheckSummary {
  const totals = totalsOf(reports);
  const firstErrors: CheckSummary['firstErrors'] = [];
  for (const r of [...reports].sort((a, b) => comparePaths(a.path, b.path)))
    for (const dg of r.diagnostics) if (dg.severity === 'error' && firstErrors.length < max) firstErrors.push({ path: r.path, diagnostic: dg });
  const { total, errors, warnings, infos, hints } = totals;
  return { reports, errors, warnings, totals: { total, errors, warnings, infos, hints }, firstErrors };
}

const exists = (p: string) => fs.existsSync(p);

// ---- import ------------------------------------------------------------------------------------

export interface ImportFilesOptions {
  /** The Markdown file to write; default: the .docx path with .md. */
  out?: string;
  kind?: string;
  guideline?: string;
  /** Overwrite an existing Markdown file, report and images. */
  force?: boolean;
  locale: WordLocale;
}

export interface ImportFilesResult {
  markdownPath: string;
  reportPath: string;
  /** Every file written, absolute. */
  written: string[];
  result: ImportResult;
  reportMarkdown: string;
  check: CheckSummary;
}

/** Where an import of `docx` writes: the Markdown file, its image folder and its report. */
export function importTargets(docx: string, out?: string): { markdown: string; assetsName: string; assetsDir: string; report: string } {
  const markdown = path.resolve(out ?? docx.replace(/\.docx$/i, '') + '.md');
  const base = markdown.replace(/\.(md|markdown)$/i, '');
  const assetsName = `${path.basename(base)}.assets`;
  return { markdown, assetsName, assetsDir: path.join(path.dirname(markdown), assetsName), report: `${base}.import-report.md` };
}

export async function importToFiles(engine: Engine, docx: string, o: ImportFilesOptions): Promise<ImportFilesResult> {
  const t = importTargets(path.resolve(docx), o.out);
  if (!/\.(md|markdown)$/i.test(t.markdown)) throw new WordError({ zh: `输出文件须为 .md：${o.out}`, en: `The output must be a .md file: ${o.out}` }, 'usage');
  // A regular file only, read with a bound (a FIFO named .docx must not hang the import).
  if (!fs.existsSync(docx)) throw new WordError({ zh: `无法读取 ${docx}：文件不存在`, en: `Cannot read ${docx}: no such file` });
  const buf = readRegularFile(docx, MAX_DOCX_BYTES);
  if (!buf) throw new WordError({ zh: `无法读取 ${docx}：不是普通文件，或超过 ${MAX_DOCX_BYTES / 1024 / 1024} MB`, en: `Cannot read ${docx}: not a regular file, or over ${MAX_DOCX_BYTES / 1024 / 1024} MB` });
  const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  const refuse = (p: string) => {
    if (!o.force && exists(p)) throw new WordError({ zh: `${p} 已存在；使用 --force 覆盖`, en: `${p} exists; use --force to overwrite it` }, 'exists');
  };
  refuse(t.markdown);
  refuse(t.report);
  const { config } = engine.configFor(t.markdown);
  const result = await importDocx(bytes, {
    kind: o.kind,
    guideline: o.guideline ?? config.guideline,
    assetsDir: t.assetsName,
    sourceName: path.basename(docx),
    aliases: config.aliases,
    sharedFacts: !!engine.dossierYamlFor(t.markdown),
  });
  const targets = result.images.map((img) => path.join(path.dirname(t.markdown), ...img.path.split('/')));
  for (const p of targets) {
    // The paths are ours, but keep the promise: nothing outside the image folder.
    if (path.relative(t.assetsDir, p).startsWith('..')) throw new WordError({ zh: `图片路径越界：${p}`, en: `Image path outside the image folder: ${p}` });
    refuse(p);
  }
  const written: string[] = [];
  const write = (p: string, data: string | Uint8Array) => {
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, data);
    written.push(p);
  };
  try {
    result.images.forEach((img, i) => write(targets[i], img.bytes));
    write(t.markdown, result.markdown);
    const reportMarkdown = formatImportReport(result.report, o.locale, { markdownPath: path.basename(t.markdown) });
    write(t.report, reportMarkdown);
    engine.forgetFileSystem();
    engine.forget(t.markdown);
    const checked = engine.check({ files: [t.markdown] });
    return { markdownPath: t.markdown, reportPath: t.report, written, result, reportMarkdown, check: summarize(checked.reports) };
  } catch (e) {
    if (e instanceof WordError) throw e;
    throw new WordError({ zh: `写入失败：${(e as Error).message}`, en: `Cannot write: ${(e as Error).message}` });
  }
}

// ---- export ------------------------------------------------------------------------------------

export interface ExportFilesOptions {
  /** The .docx to write; default: FILE.docx beside a file, FOLDER/<name>.docx inside a folder. */
  output?: string;
  /** Write even when the dossier has errors. */
  force?: boolean;
}

export interface ExportFilesResult {
  outPath: string;
  /** The Markdown files exported, in order. */
  files: string[];
  /** Markdown files of a folder that are not dossier files (not exported). */
  skipped: string[];
  check: CheckSummary;
  /** True when nothing was written because the dossier has errors (and no force). */
  refused: boolean;
  written: boolean;
  warnings: ExportWarning[];
}

export function defaultExportPath(target: string): string {
  const abs = path.resolve(target);
  if (fs.existsSync(abs) && fs.statSync(abs).isDirectory()) return path.join(abs, `${path.basename(abs)}.docx`);
  return abs.replace(/\.(md|markdown)$/i, '') + '.docx';
}

function factString(v: unknown): string | undefined {
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  return undefined;
}

/** Reads images only from inside `root` (symbolic links resolved), never from anywhere else. */
function imageReader(root: string): ImageLookup {
  const realRoot = (() => {
    try {
      return fs.realpathSync(root);
    } catch {
      return root;
    }
  })();
  return (src, doc) => {
    let rel = src.replace(/[?#].*$/, '');
    try {
      rel = decodeURIComponent(rel);
    } catch {
      /* keep it as written */
    }
    rel = rel.replace(/^file:\/\//i, '');
    const outside = { zh: `图片不在档案文件夹内，未嵌入：${src}`, en: `Image outside the dossier folder, not embedded: ${src}` };
    if (path.isAbsolute(rel)) return { error: outside };
    const abs = path.resolve(path.dirname(doc.path), rel);
    let real: string;
    try {
      real = fs.realpathSync(abs);
    } catch {
      return { error: { zh: `图片不存在：${src}`, en: `Image not found: ${src}` } };
    }
    const r = path.relative(realRoot, real);
    if (r.startsWith('..') || path.isAbsolute(r)) return { error: outside };
    try {
      const st = fs.statSync(real);
      if (!st.isFile()) return { error: { zh: `不是图片文件：${src}`, en: `Not an image file: ${src}` } };
      if (st.size > MAX_IMAGE_BYTES) return { error: { zh: `图片过大（超过 50 MB）：${src}`, en: `Image too large (over 50 MB): ${src}` } };
      const b = readRegularFile(real, MAX_IMAGE_BYTES);
      if (!b) return { error: { zh: `图片无法读取：${src}`, en: `Image cannot be read: ${src}` } };
      return { bytes: new Uint8Array(b.buffer, b.byteOffset, b.byteLength) };
    } catch (e) {
      return { error: { zh: `图片无法读取：${src}（${(e as Error).message}）`, en: `Image cannot be read: ${src} (${(e as Error).message})` } };
    }
  };
}

/**
 * word/styles.xml of the configured reference document (`export.referenceDocx`), read as every
 * configured file is (engine/configured-file.ts: inside the allowed folders, a regular file, at
 * most 20 MB). A document that cannot be used is a warning and the built-in styles are used; the
 * check before the export has already reported it (config-invalid), so this is reached only with
 * --force. Messages never quote the file.
 */
async function referenceStyles(engine: Engine, firstFile: string): Promise<{ styles?: string; warning?: ExportWarning }> {
  const { config } = engine.configFor(firstFile);
  const value = config.export?.value;
  if (!value) return {};
  const where = config.file ?? firstFile;
  const warn = (zh: string, en: string) => ({ warning: { path: where, message: { zh: `export.referenceDocx 指定的 ${value}：${zh}；使用内置样式`, en: `export.referenceDocx: ${value}: ${en}; the built-in styles were used` } } });
  const r = readConfiguredBytes(engine.host, value, engine.pathScope(config, firstFile), { key: 'export.referenceDocx', maxBytes: CONFIGURED_FILE_LIMITS.referenceDocx });
  if (!r.ok) return warn(r.message.zh, r.message.en);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(r.bytes);
  } catch {
    return warn('不是有效的 .docx（zip）文件', 'it is not a valid .docx (zip) file');
  }
  const styles = zip.file('word/styles.xml');
  if (!styles) return warn('其中没有 word/styles.xml', 'it has no word/styles.xml');
  return { styles: await styles.async('string') };
}

export async function exportToFile(engine: Engine, target: string, o: ExportFilesOptions = {}): Promise<ExportFilesResult> {
  const abs = path.resolve(target);
  const host = engine.host;
  if (!host.exists(abs)) throw new WordError({ zh: `找不到 ${target}`, en: `Cannot find ${target}` });
  const folder = host.isDirectory(abs);
  const outPath = path.resolve(o.output ?? defaultExportPath(abs));
  if (!/\.docx$/i.test(outPath)) throw new WordError({ zh: `输出文件须为 .docx：${o.output}`, en: `The output must be a .docx file: ${o.output}` }, 'usage');

  const checked = engine.check(folder ? { folders: [abs] } : { files: [abs] });
  if (checked.errors.length) throw new WordError({ zh: `无法读取 ${checked.errors[0].path}`, en: `Cannot read ${checked.errors[0].path}` });
  const check = summarize(checked.reports);

  // Which files, in which order.
  let files: string[];
  const skipped: string[] = [];
  const kindIndex = (f: string) => {
    const st = engine.snapshotOf(f)?.file;
    const k = st?.kind;
    return k ? st!.ruleset.kinds.indexOf(k) : Number.MAX_SAFE_INTEGER;
  };
  if (folder) {
    files = [];
    for (const f of walkMarkdown(host, abs)) {
      if (engine.snapshotOf(f)?.file?.isDossier) files.push(f);
      else skipped.push(f);
    }
    if (host.exists(path.join(abs, DOSSIER_YAML))) files.sort((a, b) => kindIndex(a) - kindIndex(b) || comparePaths(a, b));
  } else files = [abs];
  if (!files.length) throw new WordError({ zh: `${target} 中没有档案文件（frontmatter 含 document: 的 Markdown）`, en: `${target} holds no dossier file (Markdown with document: in its frontmatter)` });

  const base: ExportFilesResult = { outPath, files, skipped, check, refused: false, written: false, warnings: [] };
  if (check.errors > 0 && !o.force) return { ...base, refused: true };

  // Cover: the facts of the first dossier file (merged with dossier.yaml).
  const first = engine.snapshotOf(files[0])?.file;
  const facts = (first?.facts.values ?? {}) as Record<string, unknown>;
  const product = (facts.product ?? {}) as Record<string, unknown>;
  const ruleset = first?.ruleset ?? getRuleSet(DEFAULT_RULESET)!;
  const zhLabel = (key: string, v: unknown) => {
    const s = factString(v);
    if (s === undefined) return undefined;
    let schema = ruleset.schema;
    for (const p of key.split('.')) schema = schema.properties?.[p] ?? {};
    return schema['x-enum-labels-zh']?.[s] ?? s;
  };
  const docs: ExportDocument[] = files.map((f) => {
    const st = engine.snapshotOf(f)?.file;
    const text = host.readFile(f);
    if (text === undefined) throw new WordError({ zh: `无法读取 ${f}`, en: `Cannot read ${f}` });
    return { path: f, markdown: text, kind: st?.kind ? { id: st.kind.id, name: st.kind.name } : undefined };
  });
  const kinds = [...new Set(docs.map((dc) => dc.kind?.name.zh).filter((x): x is string => !!x))];
  const cover: CoverRow[] = [];
  const add = (label: string, value: string | undefined) => value && cover.push({ label, value });
  add('产品名称', factString(product.name));
  add('型号规格', factString(product.model));
  add('软件版本', factString(product.software_version));
  add('管理类别', zhLabel('product.class', product.class));
  add('注册类型', zhLabel('submission', facts.submission));
  add('文档类型', kinds.join('、'));
  add('指导原则', first?.isDossier ? ruleset.name.zh : undefined);
  const single = docs.length === 1 && docs[0].kind ? (kindOf(ruleset, docs[0].kind.id)?.name.zh ?? '') : '网络安全注册资料';
  const title = [factString(product.name), single].filter(Boolean).join(' ');

  const root = folder ? abs : (engine.dossierYamlFor(abs) ? path.dirname(engine.dossierYamlFor(abs)!) : path.dirname(abs));
  const ref = await referenceStyles(engine, files[0]);
  const result = await exportDocx(docs, {
    cover: cover.length ? cover : undefined,
    title,
    readImage: imageReader(root),
    referenceStyles: ref.styles,
  });
  if (ref.warning) result.warnings.unshift(ref.warning);
  try {
    fs.mkdirSync(path.dirname(outPath), { recursive: true });
    fs.writeFileSync(outPath, result.bytes);
  } catch (e) {
    throw new WordError({ zh: `无法写入 ${outPath}：${(e as Error).message}`, en: `Cannot write ${outPath}: ${(e as Error).message}` });
  }
  return { ...base, written: true, warnings: result.warnings };
}
