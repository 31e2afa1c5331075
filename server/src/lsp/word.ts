// The Word import and export as custom requests of the language server (a thin adapter over
// server/src/word/files.ts, which the CLI uses too). Messages follow the file's configured
// locale, else the one the caller gives.

import * as path from 'node:path';
import { type Connection, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import * as engineModule from '../engine';
import * as sbomModule from '../sbom';
import { localize, type Engine, type Locale } from '../engine';
import { loadBundle } from '../shared/lazy';
import type { WorkspaceScope } from './scope';
import { pathOfUri } from '../shared/uri';
import {
  ExportDocxRequest,
  type ExportDocxParams,
  type ExportDocxResult,
  ImportDocxRequest,
  type ImportDocxParams,
  type ImportDocxResult,
} from '../shared/protocol';

export interface WordRequestOptions {
  /** Locale for a file when its configuration sets none (the editor's display language). */
  locale?: (file: string) => Locale | undefined;
  /** Called after files were written, so the server can re-read the file system. */
  onWritten?: (files: string[]) => void;
  /** The workspace folders: every URI of a request must lie inside them (scope.ts). */
  scope?: WorkspaceScope;
  /** The language of a refusal (the editor's). */
  clientLocale?: () => Locale;
}

type WordBundle = typeof import('../word/bundle');
/** The Word code is loaded on the first request (it is large and most sessions never use it); it
 *  takes this server's engine by injection (../shared/lazy.ts). */
const word = () => loadBundle<WordBundle>('word', { engine: engineModule, sbom: sbomModule });

export function registerWordRequests(connection: Connection, getEngine: () => Engine, opts: WordRequestOptions = {}): void {
  const toPath = (uri: string, what: string): string => {
    if (opts.scope) return opts.scope.pathOf(uri, opts.clientLocale?.() ?? 'zh-CN', what);
    const u = URI.parse(uri);
    if (u.scheme !== 'file') throw new ResponseError(LSPErrorCodes.RequestFailed, `Only file URIs are supported: ${uri}`);
    return pathOfUri(uri);
  };
  const localeFor = (engine: Engine, file: string): Locale => engine.configFor(file).config.locale ?? opts.locale?.(file) ?? 'zh-CN';
  const fail = (e: unknown, locale: Locale): never => {
    if (e instanceof word().WordError) throw new ResponseError(LSPErrorCodes.RequestFailed, localize(e.localized, locale));
    throw e;
  };

  connection.onRequest(ImportDocxRequest, async (p: ImportDocxParams): Promise<ImportDocxResult> => {
    const engine = getEngine();
    const docx = toPath(p.uri, 'uri');
    const out = p.outUri ? toPath(p.outUri, 'outUri') : undefined;
    // The default output (FILE.md beside the .docx) and its images stay beside it: inside too.
    const locale = localeFor(engine, out ?? docx.replace(/\.docx$/i, '.md'));
    try {
      const r = await word().importToFiles(engine, docx, { out, kind: p.kind, force: !!p.force, locale });
      opts.onWritten?.(r.written);
      return {
        markdownUri: URI.file(r.markdownPath).toString(),
        reportUri: URI.file(r.reportPath).toString(),
        reportMarkdown: r.reportMarkdown,
        report: r.result.report,
        kind: r.result.kindGuess.kind,
        guessed: r.result.kindGuess.source !== 'option',
        errors: r.check.errors,
        warnings: r.check.warnings,
      };
    } catch (e) {
      return fail(e, locale);
    }
  });

  connection.onRequest(ExportDocxRequest, async (p: ExportDocxParams): Promise<ExportDocxResult> => {
    const engine = getEngine();
    const target = toPath(p.uri, 'uri');
    const out = toPath(p.outUri, 'outUri');
    const locale = localeFor(engine, engine.host.isDirectory(target) ? path.join(target, '__any__.md') : target);
    const msg = (m: { zh: string; en: string }) => localize(m, locale);
    try {
      const r = await word().exportToFile(engine, target, { output: out, force: !!p.force });
      const base = engine.host.isDirectory(target) ? target : path.dirname(target);
      const rel = (f: string) => path.relative(base, f).split(path.sep).join('/') || path.basename(f);
      if (r.written) opts.onWritten?.([r.outPath]);
      return {
        written: r.written,
        outUri: URI.file(r.outPath).toString(),
        errors: r.check.errors,
        warnings: r.check.warnings,
        firstErrors: r.check.firstErrors.map(
          ({ path: f, diagnostic: dg }) =>
            `${rel(f)}:${dg.range.start.line + 1}:${dg.range.start.character + 1}  ${msg(dg.message)}  [${dg.code}${typeof dg.data.requirement === 'string' ? ` ${dg.data.requirement}` : ''}]`,
        ),
        messages: [
          ...r.warnings.map((w) => `${rel(w.path)}${w.line ? `:${w.line}` : ''}: ${msg(w.message)}`),
          ...r.skipped.map((f) => msg({ zh: `跳过（不是档案文件）：${rel(f)}`, en: `Skipped (not a dossier file): ${rel(f)}` })),
        ],
        files: r.files.map((f) => URI.file(f).toString()),
      };
    } catch (e) {
      return fail(e, locale);
    }
  });
}
