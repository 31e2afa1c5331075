// The language server over stdio, as an editor drives it: initialize, open the example dossier,
// diagnostics (the same as the CLI's), completion, hover, every quick fix, navigation, the
// workspace check and cross-file re-checks. Push versus pull: diagnostics-mode.test.ts.

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CodeAction, CompletionList, Diagnostic, Hover, Location, TextEdit } from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';
import { startServer, type TestClient } from './client';
import { fixture } from '../fixtures';

let tmp: string;
let client: TestClient;
const CLI = path.join(__dirname, '..', '..', 'bin', 'cyberdossier.js');

function applyEdits(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

/** True when `a` is `b` with only insertions (every character of b survives, in order). */
function onlyInsertions(b: string, a: string): boolean {
  let i = 0;
  for (const ch of a) if (i < b.length && ch === b[i]) i++;
  return i === b.length;
}

const render = (ds: Diagnostic[]) => ds.map((d) => `${d.range.start.line + 1} ${['', 'error', 'warning', 'info', 'hint'][d.severity!]} ${d.code}${(d.data as { requirement?: string })?.requirement ? ` ${(d.data as { requirement: string }).requirement}` : ''}`);

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberdossier-lsp-'));
  fs.mkdirSync(path.join(tmp, '.git'));
  fs.cpSync(path.join(__dirname, '..', '..', 'examples', 'nmpa-2017'), tmp, { recursive: true });
  client = await startServer({ root: tmp, initializationOptions: { selectRangeCommand: false } });
});
afterAll(async () => {
  await client?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

test('initialize: sync, completion triggers, hover, code actions, navigation; no pull provider unless asked', () => {
  const c = client.init.capabilities;
  expect(c.textDocumentSync).toMatchObject({ openClose: true, change: 2 });
  expect(c.completionProvider?.triggerCharacters).toEqual(expect.arrayContaining(['#', ' ', ':', '-']));
  expect(c.hoverProvider).toBe(true);
  expect(c.codeActionProvider).toBeTruthy();
  expect(c.definitionProvider).toBe(true);
  expect(c.referencesProvider).toBe(true);
  expect(c.diagnosticProvider).toBeUndefined();
});

describe('the example dossier with mistakes', () => {
  const file = () => path.join(tmp, 'monitor-with-mistakes', 'description.md');
  let uri: string;
  let diags: Diagnostic[];
  beforeAll(async () => {
    uri = await client.open(file(), fs.readFileSync(file(), 'utf8'));
    const p = await client.diagnostics(uri);
    expect(p.version).toBe(1);
    diags = p.diagnostics;
  });

  test('diagnostics are pushed with version, code, source, href and data — and equal the CLI’s', () => {
    for (const d of diags) {
      expect(d.source).toBe('cyberdossier');
      expect(d.codeDescription?.href).toMatch(new RegExp(`docs/rules/${d.code}\\.md$`));
      expect(String(d.message).length).toBeGreaterThan(10);
    }
    expect(render(diags)).toMatchInlineSnapshot(`
      [
        "4 hint missing-section D5",
        "11 warning privacy-not-addressed",
        "33 error not-applicable-without-reason D1.5",
        "39 warning version-not-full D1.6",
        "40 error incomplete-row D1.6",
        "41 warning version-not-full D1.6",
        "50 error unacceptable-residual-risk D2",
        "50 error undefined-reference",
        "56 error missing-section D3.7",
        "66 warning placeholder D3.2",
        "81 error missing-section D4.1",
      ]
    `);
    const cli = spawnSync(process.execPath, [CLI, 'check', file(), '--format', 'json'], { cwd: tmp, encoding: 'utf8' });
    const fromCli = JSON.parse(cli.stdout).files.find((f: { path: string }) => f.path.endsWith('description.md')).diagnostics;
    expect(fromCli.map((d: { range: unknown; code: string; severity: string; requirement: string | null }) => [d.range, d.code, d.severity, d.requirement])).toEqual(
      diags.map((d) => [d.range, d.code, ['', 'error', 'warning', 'info', 'hint'][d.severity!], (d.data as { requirement?: string }).requirement ?? null]),
    );
  });

  test('completion at a new heading offers the missing section, in the document’s numbering and level', async () => {
    const text = fs.readFileSync(file(), 'utf8');
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.startsWith('## 4 维护计划'));
    lines.splice(at, 0, '### ', '');
    const edited = lines.join('\n');
    client.change(uri, 2, edited);
    await client.diagnostics(uri, (p) => p.version === 2);
    const list = (await client.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: at, character: 4 } })) as CompletionList;
    // Issue 18 item 6: present siblings are offered too (marked), the missing section sorts first.
    const sorted = [...list.items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    expect(sorted[0].label).toBe('3.5 完整性和可得性测试报告');
    expect(list.items.filter((i) => /完整性和可得性测试报告/.test(i.label))).toHaveLength(1);
    expect((sorted[0].textEdit as TextEdit).newText).toMatch(/^3\.5 完整性和可得性测试报告\n\n\$\{1:<实时远程控制的完整性和可得性测试报告>\}$/);
    client.change(uri, 3, text);
    await client.diagnostics(uri, (p) => p.version === 3);
  });

  test('hover on a heading: ID, clause, the guideline’s sentence, an English gloss, what it must contain', async () => {
    const line = fs.readFileSync(file(), 'utf8').split('\n').findIndex((l) => l.startsWith('### 3.3 可追溯性分析报告'));
    const h = (await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character: 6 } })) as Hover;
    expect((h.contents as { value: string }).value).toMatchInlineSnapshot(`
      "**D3.3 可追溯性分析报告** · Traceability analysis report

      Clause 四(二)3 · NMPA 2017 cybersecurity guideline

      > 提供网络安全可追溯性分析报告，即追溯网络安全需求规范、设计规范、测试、风险管理的关系表

      *Provide the traceability analysis report: the table relating cybersecurity requirements, design, tests and risk management.*

      **Must contain**：A table relating requirement ↔ design ↔ test ↔ risk, every row complete.

      Always required."
    `);
  });

  test('go to definition and find references for a dossier ID', async () => {
    const lines = fs.readFileSync(file(), 'utf8').split('\n');
    const line = lines.findIndex((l) => l.startsWith('| SR-001 | SD-001'));
    const defs = (await client.conn.sendRequest('textDocument/definition', { textDocument: { uri }, position: { line, character: 4 } })) as Location[];
    expect(defs.map((d) => d.range.start.line)).toEqual([lines.findIndex((l) => l.startsWith('- SR-001'))]);
    const refs = (await client.conn.sendRequest('textDocument/references', { textDocument: { uri }, position: { line, character: 4 }, context: { includeDeclaration: true } })) as Location[];
    expect(refs.map((r) => r.range.start.line).sort((a, b) => a - b)).toEqual([lines.findIndex((l) => l.startsWith('| R-001 ')), line, lines.findIndex((l) => l.startsWith('- SR-001'))].sort((a, b) => a - b));
  });
});

describe('every quick fix clears its diagnostic and changes nothing else', () => {
  const cases: [string, string][] = [
    ['description', fixture('nmpa-2017/description-full.md')
      .replace('exchange: bidirectional', 'exchange: bidirectonal')
      .replace(/### 3\.7 完整性和可得性测试报告\n\n[^\n]+\n/, '')
      .replace(/## 4 维护计划\n\n[^\n]+\n\n### 4\.1 更新确认[\s\S]*?(?=## 5 网络安全能力)/, '')
      .replace(/\| PLOK \|[^\n]+\n/, '')
      .replace(/\| TXCF \|[^\n]+\n\| TXIG \|[^\n]+\n/, '')
      .replace('全部剩余风险均为低，依据风险接受准则均可接受。', '')
      .replace(/### 1\.5 安全软件\n\n[\s\S]*?(?=### 1\.6)/, '### 1.5 安全软件\n\n不适用。\n\n')
      .replace('| 名称 | 型号规格 | 完整版本 | 供应商 |\n| --- | --- | --- | --- |\n| Windows', '| 名称 | 完整版本 | 供应商 |\n| --- | --- | --- |\n| Windows')
      .replace(/\| (Windows 10 IoT Enterprise LTSC|\.NET Framework|SQLite|OpenSSL) \| [^|]+ \|/g, '| $1 |')],
    ['authenticity', '---\ndocument: authenticity-statement\nsubmission: change\nupdates: [none]\nproduct: { name: 输液泵, class: III }\ndata: { types: [device] }\ninterfaces: { network: { wired: true } }\n---\n\n# 真实性声明\n\n本产品自上次注册以来的情况如下。\n'],
    ['technical', fixture('nmpa-2017/technical-requirements.md').replace(/### 2\.9\.1 用户身份鉴别方法\n\n[^\n]+\n\n/, '').replace('class: III', 'class: 3类')],
  ];
  test.each(cases)('%s', async (name, original) => {
    const file = path.join(tmp, 'fixes', `${name}.md`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, original);
    const uri = await client.open(file, original);
    let version = 1;
    const first = (await client.diagnostics(uri, (p) => p.version === 1)).diagnostics;
    const key = (d: Diagnostic) => JSON.stringify([d.code, (d.data as Record<string, unknown>)?.requirement, (d.data as Record<string, unknown>)?.capability, (d.data as Record<string, unknown>)?.item, (d.data as Record<string, unknown>)?.column, (d.data as Record<string, unknown>)?.path]);
    let fixed = 0;
    for (const d of first) {
      const actions = (await client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
      const preferred = actions.filter((a) => a.isPreferred);
      expect(preferred.length, `${d.code}: at most one preferred fix`).toBeLessThanOrEqual(1);
      // Every finding can be disabled, after its fixes (the migration's source actions may follow).
      const disableAt = actions.findIndex((a) => /^(Disable|停用)/.test(a.title));
      expect(disableAt, String(d.code)).toBeGreaterThanOrEqual(0);
      expect(actions.findIndex((a) => a.isPreferred), String(d.code)).toBeLessThan(disableAt);
      if (!preferred.length) continue;
      const edits = preferred[0].edit!.changes![uri];
      const after = applyEdits(original, edits);
      if (d.code === 'frontmatter-invalid') {
        expect(after).toBe(original.replace(/bidirectonal|3类/, (d.data as { suggestion: string }).suggestion));
      } else {
        expect(onlyInsertions(original, after), `${d.code} only inserts`).toBe(true);
      }
      version++;
      client.change(uri, version, after);
      const now = (await client.diagnostics(uri, (p) => p.version === version)).diagnostics;
      expect(now.map(key), `${d.code} ${preferred[0].title}`).not.toContain(key(d));
      // Applying the same fix to the fixed text must not be offered again for that diagnostic.
      version++;
      client.change(uri, version, original);
      await client.diagnostics(uri, (p) => p.version === version);
      fixed++;
    }
    expect(fixed).toBeGreaterThan(name === 'description' ? 6 : 0);
  });

  test('applying every disable action clears its diagnostic', async () => {
    const original = cases[0][1];
    const file = path.join(tmp, 'fixes', 'disable.md');
    fs.writeFileSync(file, original);
    const uri = await client.open(file, original);
    const diags = (await client.diagnostics(uri, (p) => p.version === 1)).diagnostics;
    let version = 1;
    for (const d of diags) {
      const actions = (await client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
      const disable = actions.find((a) => /^(Disable|停用)/.test(a.title))!;
      const after = applyEdits(original, disable.edit!.changes![uri]);
      expect(onlyInsertions(original, after)).toBe(true);
      version++;
      client.change(uri, version, after);
      const now = (await client.diagnostics(uri, (p) => p.version === version)).diagnostics;
      expect(now.filter((x) => x.code === d.code && x.message === d.message), disable.title).toEqual([]);
    }
  });
});

test('check workspace: closed files and missing-document appear; dossier.yaml edits re-check open files', async () => {
  const result = await client.conn.sendRequest('cyberdossier/checkWorkspace', {});
  expect(result).toMatchObject({ files: expect.any(Number), errors: expect.any(Number) });
  const yamlUri = URI.file(path.join(tmp, 'monitor-with-mistakes', 'dossier.yaml')).toString();
  const yaml = await client.diagnostics(yamlUri, (p) => p.diagnostics.some((d) => d.code === 'missing-document'));
  expect(render(yaml.diagnostics)).toEqual(['4 error missing-document', '9 warning version-not-full']);
  const patchUri = URI.file(path.join(tmp, 'monitor-with-mistakes', 'patch.md')).toString();
  expect(render((await client.diagnostics(patchUri)).diagnostics)).toEqual(['2 error wrong-document-kind']);

  // Editing dossier.yaml (open in the editor) re-checks the open description: remote control off.
  const descUri = URI.file(path.join(tmp, 'monitor-with-mistakes', 'description.md')).toString();
  const yamlText = fs.readFileSync(path.join(tmp, 'monitor-with-mistakes', 'dossier.yaml'), 'utf8');
  await client.open(path.join(tmp, 'monitor-with-mistakes', 'dossier.yaml'), yamlText, 'yaml');
  const before = client.published.length;
  client.change(yamlUri, 2, yamlText.replace('remote_control: realtime', 'remote_control: none'));
  const p = await client.diagnostics(descUri, (x) => client.published.indexOf(x) >= before && !x.diagnostics.some((d) => (d.data as { requirement?: string })?.requirement === 'D3.7'));
  expect(render(p.diagnostics)).not.toContain('56 error missing-section D3.7');
});

test('status request: document kind, rule set, required sections present', async () => {
  const file = path.join(tmp, 'monitor', 'technical-requirements.md');
  const uri = await client.open(file, fs.readFileSync(file, 'utf8'));
  await client.diagnostics(uri);
  const s = await client.conn.sendRequest('cyberdossier/status', { uri });
  expect(s).toMatchObject({ dossierFile: true, kind: 'technical-requirements', ruleset: 'nmpa-2017', present: 6, required: 6, missing: [] });
});

test('messages follow the client’s display language (initialize locale); the locale setting wins', async () => {
  const zhClient = await startServer({ root: tmp, locale: 'zh-cn' });
  try {
    const file = path.join(tmp, 'monitor-with-mistakes', 'instructions-for-use.md');
    const uri = await zhClient.open(file, fs.readFileSync(file, 'utf8'));
    const ds = (await zhClient.diagnostics(uri)).diagnostics;
    expect(ds[0].message).toMatch(/^缺少“软件环境与安全软件更新”（I5）章节/);
  } finally {
    await zhClient.close();
  }
  const enByRc = await startServer({ root: tmp, locale: 'zh-cn', settings: { locale: 'en' } });
  try {
    const file = path.join(tmp, 'monitor-with-mistakes', 'instructions-for-use.md');
    const uri = await enByRc.open(file, fs.readFileSync(file, 'utf8'));
    expect((await enByRc.diagnostics(uri)).diagnostics[0].message).toMatch(/^Missing section “软件环境与安全软件更新” \(I5\)/);
  } finally {
    await enByRc.close();
  }
});
