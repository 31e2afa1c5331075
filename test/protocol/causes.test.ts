// Causes, not symptoms, over the protocol (issue 18 item 3): with a broken dossier.yaml an open
// member gets one diagnostic naming it, with relatedInformation pointing at the YAML error; the
// placeholders of a section are one diagnostic whose relatedInformation lists the others.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { URI } from 'vscode-uri';
import { startServer, type TestClient } from './client';

let tmp: string;
let client: TestClient;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberdossier-causes-'));
  fs.mkdirSync(path.join(tmp, '.git'));
  fs.cpSync(path.join(__dirname, '..', '..', 'examples', 'nmpa-2017', 'monitor'), path.join(tmp, 'monitor'), { recursive: true });
  client = await startServer({ root: tmp, locale: 'zh-cn' });
});
afterAll(async () => {
  await client?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

test('a broken dossier.yaml: the member says so once, in Chinese, pointing at the error', async () => {
  const yamlFile = path.join(tmp, 'monitor', 'dossier.yaml');
  const good = fs.readFileSync(yamlFile, 'utf8');
  fs.writeFileSync(yamlFile, good.replace('types: [health, device]', 'types: [health, device'));
  const file = path.join(tmp, 'monitor', 'instructions-for-use.md');
  const uri = await client.open(file, fs.readFileSync(file, 'utf8'));
  const diags = (await client.diagnostics(uri)).diagnostics;
  expect(diags.map((d) => `${d.range.start.line + 1} ${d.code} ${d.message}`)).toMatchInlineSnapshot(`
    [
      "1 config-invalid dossier.yaml 第 10 行有 YAML 错误——产品事实未加载，本文件未检查；请先修正 dossier.yaml",
    ]
  `);
  expect(diags[0].relatedInformation).toEqual([
    { location: { uri: URI.file(yamlFile).toString(), range: { start: { line: 9, character: 0 }, end: expect.any(Object) } }, message: expect.stringMatching(/^YAML 错误（第 10 行第 1 列：/) },
  ]);
  // dossier.yaml itself, published with the member: its error in Chinese, the parser's words only in data.
  const yaml = (await client.diagnostics(URI.file(yamlFile).toString())).diagnostics;
  expect(yaml.map((d) => d.message)).toEqual([expect.stringMatching(/^dossier\.yaml 的 YAML 无效（第 10 行第 1 列：[^A-Za-z]*）：共享的产品事实未加载$/)]);
  expect((yaml[0].data as { detail: string }).detail).toMatch(/Flow sequence/);
  fs.writeFileSync(yamlFile, good);
});

test('placeholders: one diagnostic per section, the others in relatedInformation', async () => {
  const file = path.join(tmp, 'monitor', 'draft.md');
  const text = '---\ndocument: instructions-for-use\n---\n\n# 使用说明书\n\n## 9 网络安全\n\n### 9.1 运行环境\n\n硬件：<型号>，内存：<容量>，系统：待补充。\n';
  fs.writeFileSync(file, text);
  const uri = await client.open(file, text);
  const d = (await client.diagnostics(uri)).diagnostics.filter((x) => x.code === 'placeholder');
  expect(d).toHaveLength(1);
  expect(d[0].message).toMatch(/^“9\.1 运行环境”（I1）中残留 3 处占位符/);
  expect(d[0].relatedInformation?.map((r) => [r.location.uri === uri, r.location.range.start.line, r.message])).toEqual([
    [true, 10, '占位符“<容量>”'],
    [true, 10, '占位符“待补充”'],
  ]);
});
