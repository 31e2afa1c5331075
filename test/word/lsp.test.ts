// The language server's Word requests (server/src/lsp/word.ts) driven through a stand-in
// connection, and the rule that the Word library itself knows no editor.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Connection } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { Engine } from '../../server/src/engine/engine';
import { nodeHost } from '../../server/src/engine/host';
import { registerWordRequests } from '../../server/src/lsp/word';
import { ExportDocxRequest, ImportDocxRequest, type ExportDocxResult, type ImportDocxResult } from '../../server/src/shared/protocol';
import { sbomReader } from '../../server/src/sbom';

let tmp: string;
const handlers = new Map<string, (p: unknown) => Promise<unknown>>();
const writtenFiles: string[] = [];

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberdossier-word-lsp-'));
  fs.mkdirSync(path.join(tmp, '.git'));
  fs.cpSync(path.join(__dirname, '..', '..', 'examples', 'nmpa-2017'), path.join(tmp, 'examples'), { recursive: true });
  const connection = { onRequest: (method: string, handler: (p: unknown) => Promise<unknown>) => handlers.set(method, handler) } as unknown as Connection;
  const engine = new Engine({ sbom: sbomReader, host: nodeHost });
  registerWordRequests(connection, () => engine, { locale: () => 'en', onWritten: (f) => writtenFiles.push(...f) });
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const uri = (rel: string) => URI.file(path.join(tmp, rel)).toString();

describe('cyberdossier/exportDocx and cyberdossier/importDocx', () => {
  test('export refuses a dossier with errors (written false, the first errors), then writes with force', async () => {
    const exp = handlers.get(ExportDocxRequest)!;
    const refused = (await exp({ uri: uri('examples/monitor-with-mistakes'), outUri: uri('out/m.docx') })) as ExportDocxResult;
    expect(refused.written).toBe(false);
    expect(refused.errors).toBeGreaterThan(0);
    expect(refused.firstErrors[0]).toMatch(/^\S+\.(md|yaml):\d+:\d+ {2}.+ {2}\[[a-z-]+/);
    expect(fs.existsSync(path.join(tmp, 'out/m.docx'))).toBe(false);
    const forced = (await exp({ uri: uri('examples/monitor-with-mistakes'), outUri: uri('out/m.docx'), force: true })) as ExportDocxResult;
    expect(forced).toMatchObject({ written: true, outUri: uri('out/m.docx') });
    expect(fs.existsSync(path.join(tmp, 'out/m.docx'))).toBe(true);
  });

  test('export of the clean example, then import: files written, the report returned, the check counted', async () => {
    const exp = (await handlers.get(ExportDocxRequest)!({ uri: uri('examples/monitor'), outUri: uri('out/monitor.docx') })) as ExportDocxResult;
    expect(exp).toMatchObject({ written: true, errors: 0, messages: [] });
    expect(exp.files.map((f) => path.basename(URI.parse(f).fsPath))).toEqual(['cybersecurity-description.md', 'technical-requirements.md', 'instructions-for-use.md']);
    const imp = (await handlers.get(ImportDocxRequest)!({ uri: uri('out/monitor.docx'), outUri: uri('back/monitor.md') })) as ImportDocxResult;
    expect(imp).toMatchObject({ markdownUri: uri('back/monitor.md'), reportUri: uri('back/monitor.import-report.md'), kind: 'cybersecurity-description', guessed: true });
    expect(imp.reportMarkdown).toContain('# Import report: monitor.docx');
    expect(imp.report.items.map((i) => i.kind)).toEqual(['cover', 'toc']);
    expect(imp.errors).toBeGreaterThan(0);
    expect(fs.existsSync(path.join(tmp, 'back/monitor.md'))).toBe(true);
    expect(writtenFiles).toEqual(expect.arrayContaining([path.join(tmp, 'back/monitor.md'), path.join(tmp, 'out/monitor.docx')]));
  });

  test('a refused overwrite and an unreadable file are response errors with a readable message', async () => {
    const imp = handlers.get(ImportDocxRequest)!;
    await expect(imp({ uri: uri('out/monitor.docx'), outUri: uri('back/monitor.md') })).rejects.toMatchObject({ message: expect.stringContaining('exists; use --force to overwrite it') });
    await expect(imp({ uri: uri('nope.docx') })).rejects.toMatchObject({ message: expect.stringContaining('Cannot read') });
    await expect(imp({ uri: 'untitled:Untitled-1' })).rejects.toMatchObject({ message: 'Only file URIs are supported: untitled:Untitled-1' });
  });
});

test('server/src/word imports neither vscode nor vscode-languageserver (one engine, thin adapters)', () => {
  const dir = path.join(__dirname, '..', '..', 'server', 'src', 'word');
  for (const f of fs.readdirSync(dir)) {
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    expect(text, f).not.toMatch(/from ['"](vscode|vscode-languageserver[^'"]*|vscode-languageclient[^'"]*)['"]/);
  }
});
