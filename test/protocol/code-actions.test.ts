// Quick-fix menu hygiene (issue 18 item 9) over the protocol: one action per distinct fix, the
// frontmatter-missing fix inserting every missing key (a snippet where the client accepts snippet
// edits, plain text otherwise), the migration only as source actions, and source.fixAll.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { startServer, type TestClient } from './client';

let tmp: string;
const clients: TestClient[] = [];

function applyEdits(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

// The skeleton *New dossier document…* writes for a 2022 research report: only document and guideline.
const NEW_DOC = '---\ndocument: cybersecurity-research-report\nguideline: nmpa-2022\n---\n\n# <产品名称> 网络安全研究报告\n\n## 1 基本情况\n\n本产品的基本情况如下。\n';

async function start(capabilities?: object): Promise<TestClient> {
  const c = await startServer({ root: tmp, ...(capabilities ? { capabilities } : {}), initializationOptions: { selectRangeCommand: false } });
  clients.push(c);
  return c;
}

async function openFile(c: TestClient, rel: string, text: string): Promise<{ uri: string; diags: Diagnostic[] }> {
  const file = path.join(tmp, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  const uri = await c.open(file, text);
  return { uri, diags: (await c.diagnostics(uri)).diagnostics };
}

const actionsAt = (c: TestClient, uri: string, diagnostics: Diagnostic[], only?: string[], line = diagnostics[0]?.range.start.line ?? 0) =>
  c.conn.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line, character: 0 }, end: { line, character: 0 } },
    context: { diagnostics, ...(only ? { only } : {}) },
  }) as Promise<CodeAction[]>;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberdossier-actions-'));
  fs.mkdirSync(path.join(tmp, '.git'));
  fs.cpSync(path.join(__dirname, '..', '..', 'examples', 'nmpa-2017', 'monitor'), path.join(tmp, 'monitor'), { recursive: true });
});
afterAll(async () => {
  for (const c of clients) await c.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('a new document: the frontmatter-missing findings on line 1', () => {
  test('one disable action for the four findings, one fix inserting every missing key (plain for this client)', async () => {
    const c = await start();
    const { uri, diags } = await openFile(c, 'new/research.md', NEW_DOC);
    const missing = diags.filter((d) => d.code === 'frontmatter-missing');
    expect(missing.map((d) => (d.data as { path: string }).path)).toEqual(['submission', 'product', 'data', 'software.safety_level']);
    const actions = await actionsAt(c, uri, missing);
    const titles = actions.map((a) => a.title);
    expect(new Set(titles).size, titles.join(' | ')).toBe(titles.length);
    expect(titles).toEqual(['Add the missing frontmatter keys: submission, product, data, software.safety_level', 'Disable frontmatter-missing for this file']);
    expect(actions.map((a) => a.diagnostics?.length)).toEqual([4, 4]);
    expect(actions[0].isPreferred).toBe(true);
    const after = applyEdits(NEW_DOC, actions[0].edit!.changes![uri]);
    expect(after.slice(0, after.indexOf('\n---\n') + 5)).toMatchInlineSnapshot(`
      "---
      document: cybersecurity-research-report
      guideline: nmpa-2022
      submission: <initial-registration | change | renewal>
      product:
        name: <产品名称>
        class: <I | II | III>
      data:
        types: [<sensitive-medical | non-sensitive-medical | device>]
      software:
        safety_level: <minor | moderate | major>
      ---
      "
    `);
    // Applied, no key is missing any more: what is left are the values to fill in.
    c.change(uri, 2, after);
    const now = (await c.diagnostics(uri, (p) => p.version === 2)).diagnostics;
    expect(now.filter((d) => d.code === 'frontmatter-missing')).toEqual([]);
  });

  test('a client that accepts snippet edits gets one snippet with tab stops and choices', async () => {
    const c = await start({ workspace: { configuration: true, workspaceEdit: { documentChanges: true, snippetEditSupport: true } } });
    const { uri, diags } = await openFile(c, 'new/snippet.md', NEW_DOC);
    const missing = diags.filter((d) => d.code === 'frontmatter-missing');
    const [fix] = await actionsAt(c, uri, missing.slice(0, 1));
    expect(fix.diagnostics?.length).toBe(4);
    const change = fix.edit!.documentChanges![0] as { textDocument: { uri: string; version: number }; edits: { range: unknown; snippet: { kind: string; value: string } }[] };
    expect(change.textDocument).toEqual({ uri, version: 1 });
    expect(change.edits).toHaveLength(1);
    expect(change.edits[0].range).toEqual({ start: { line: 3, character: 0 }, end: { line: 3, character: 0 } });
    expect(change.edits[0].snippet.kind).toBe('snippet');
    expect(change.edits[0].snippet.value).toMatchInlineSnapshot(`
      "submission: \${1|initial-registration,change,renewal|}
      product:
        name: \${2:<产品名称>}
        class: \${3|I,II,III|}
      data:
        types: [\${4|sensitive-medical,non-sensitive-medical,device|}]
      software:
        safety_level: \${5|minor,moderate,major|}
      "
    `);
  });

  test('a key missing under an existing parent goes into that block; a flow-style parent is left alone', async () => {
    const c = await start();
    const text = '---\ndocument: cybersecurity-research-report\nguideline: nmpa-2022\nsubmission: initial-registration\nproduct:\n  name: 监护仪\ndata: { types: [device] }\n---\n\n# 监护仪 网络安全研究报告\n';
    const { uri, diags } = await openFile(c, 'new/nested.md', text);
    const missing = diags.filter((d) => d.code === 'frontmatter-missing');
    expect(missing.map((d) => (d.data as { path: string }).path).sort()).toEqual(['product.class', 'software.safety_level']);
    const [fix] = await actionsAt(c, uri, missing);
    expect(applyEdits(text, fix.edit!.changes![uri]).split('\n---\n')[0]).toMatchInlineSnapshot(`
      "---
      document: cybersecurity-research-report
      guideline: nmpa-2022
      submission: initial-registration
      product:
        name: 监护仪
        class: <I | II | III>
      data: { types: [device] }
      software:
        safety_level: <minor | moderate | major>"
    `);
    // `product: { name: … }` in flow style: its missing class is not inserted (that would rewrite the line).
    const flow = text.replace('product:\n  name: 监护仪', 'product: { name: 监护仪 }');
    const f = await openFile(c, 'new/flow.md', flow);
    const [flowFix] = await actionsAt(c, f.uri, f.diags.filter((d) => d.code === 'frontmatter-missing'));
    expect(flowFix.title).toBe('Add the missing frontmatter keys: software.safety_level');
    expect(flowFix.diagnostics?.map((d) => (d.data as { path: string }).path)).toEqual(['software.safety_level']);
  });
});

describe('source.fixAll.cyberdossier', () => {
  test('advertised; applies the safe fixes only (typos, missing keys), works as codeActionsOnSave asks', async () => {
    const c = await start();
    expect((c.init.capabilities.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds).toEqual(expect.arrayContaining(['quickfix', 'source.fixAll.cyberdossier']));
    const text = fs
      .readFileSync(path.join(__dirname, '..', 'fixtures', 'nmpa-2017', 'description-full.md'), 'utf8')
      .replace('exchange: bidirectional', 'exchange: bidirectonal')
      .replace(/### 3\.7 完整性和可得性测试报告\n\n[^\n]+\n/, '');
    const { uri, diags } = await openFile(c, 'fixall/description.md', text);
    expect(diags.map((d) => d.code)).toEqual(expect.arrayContaining(['frontmatter-invalid', 'missing-section']));
    // Not in the lightbulb list (no `only`), and not for a request of quick fixes.
    expect((await actionsAt(c, uri, diags)).some((a) => a.kind?.startsWith('source.fixAll'))).toBe(false);
    expect((await actionsAt(c, uri, diags, ['quickfix'])).some((a) => a.kind?.startsWith('source.fixAll'))).toBe(false);
    // editor.codeActionsOnSave: { "source.fixAll": "explicit" } asks with only: ["source.fixAll"] and no diagnostics.
    const actions = await actionsAt(c, uri, [], ['source.fixAll'], 0);
    expect(actions.map((a) => a.kind)).toEqual(['source.fixAll.cyberdossier']);
    expect(actions[0].diagnostics?.map((d) => d.code)).toEqual(['frontmatter-invalid']);
    const after = applyEdits(text, actions[0].edit!.changes![uri]);
    expect(after).toBe(text.replace('bidirectonal', 'bidirectional'));
    c.change(uri, 2, after);
    const now = (await c.diagnostics(uri, (p) => p.version === 2)).diagnostics;
    expect(now.map((d) => d.code)).not.toContain('frontmatter-invalid');
    expect(now.map((d) => d.code)).toContain('missing-section'); // sections are never inserted unasked
    // Nothing left to fix safely: no action.
    expect(await actionsAt(c, uri, [], ['source.fixAll'], 0)).toEqual([]);
  });
});

describe('the migration is a source action and a command, never in the quick-fix list of a heading', () => {
  test('a 2017 heading: quick fixes and the disable, no migration step; the steps under source', async () => {
    const c = await start();
    const file = path.join(tmp, 'monitor', 'cybersecurity-description.md');
    const text = fs.readFileSync(file, 'utf8');
    const uri = await c.open(file, text);
    await c.diagnostics(uri);
    const line = text.split('\n').findIndex((l) => /^##+ /.test(l) && !l.startsWith('# '));
    const lightbulb = await actionsAt(c, uri, [], undefined, line);
    expect(lightbulb.filter((a) => /migrate/.test(a.kind ?? '') && !a.kind!.startsWith('source.'))).toEqual([]);
    expect(lightbulb.filter((a) => /Migrate this dossier/.test(a.title)).length).toBeLessThanOrEqual(1);
    expect(lightbulb.some((a) => /step/.test(a.title))).toBe(false);
    const source = await actionsAt(c, uri, [], ['source'], line);
    expect(source.map((a) => a.kind)).toEqual(['source.migrate.nmpa2022', 'source.migrateSteps.nmpa2022.frontmatter', 'source.migrateSteps.nmpa2022.headings']);
    const onDocumentLine = await actionsAt(c, uri, [], undefined, 1);
    expect(onDocumentLine.filter((a) => /Migrate this dossier/.test(a.title)).map((a) => a.kind)).toEqual(['source.migrate.nmpa2022']);
  });
});
