// Causes, not symptoms (issue 18 item 3): a broken dossier.yaml or rc file is said once per member,
// pointing there, instead of a cascade of missing keys; YAML parser problems are told in the
// user's language with line and column, the parser's own English kept as data.detail.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { yamlProblemText, loadYaml } from '../../server/src/engine/facts/yaml';
import { LineIndex } from '../../server/src/engine/text';
import { checkFiles, render, ROOT } from '../helpers';

const MONITOR = path.join(__dirname, '..', '..', 'examples', 'nmpa-2017', 'monitor');
const monitor = (): Record<string, string> => Object.fromEntries(fs.readdirSync(MONITOR).map((f) => [`d/${f}`, fs.readFileSync(path.join(MONITOR, f), 'utf8')]));
// A missing `]` (the example).
const broken = (yaml: string) => yaml.replace('types: [health, device]', 'types: [health, device');

describe('a dossier.yaml that does not parse', () => {
  const files = monitor();
  files['d/dossier.yaml'] = broken(files['d/dossier.yaml']);
  const reports = checkFiles(files, { folders: ['d'] });

  test('each member says so once, on line 1; dossier.yaml has its error; no missing keys, no out-of-scope', () => {
    expect(render(reports, { message: 'en' })).toMatchInlineSnapshot(`
      "d/cybersecurity-description.md:1 error config-invalid — dossier.yaml has a YAML error at line 10 — facts not loaded, so this file was not checked; fix dossier.yaml first
      d/dossier.yaml:10 error config-invalid — dossier.yaml is not valid YAML (line 10, column 1: not indented enough, or the closing “]” is missing): the shared facts were not loaded
      d/instructions-for-use.md:1 error config-invalid — dossier.yaml has a YAML error at line 10 — facts not loaded, so this file was not checked; fix dossier.yaml first
      d/technical-requirements.md:1 error config-invalid — dossier.yaml has a YAML error at line 10 — facts not loaded, so this file was not checked; fix dossier.yaml first"
    `);
    expect(render(reports, { message: 'zh' })).toMatchInlineSnapshot(`
      "d/cybersecurity-description.md:1 error config-invalid — dossier.yaml 第 10 行有 YAML 错误——产品事实未加载，本文件未检查；请先修正 dossier.yaml
      d/dossier.yaml:10 error config-invalid — dossier.yaml 的 YAML 无效（第 10 行第 1 列：缩进不足，或缺少结尾的“]”）：共享的产品事实未加载
      d/instructions-for-use.md:1 error config-invalid — dossier.yaml 第 10 行有 YAML 错误——产品事实未加载，本文件未检查；请先修正 dossier.yaml
      d/technical-requirements.md:1 error config-invalid — dossier.yaml 第 10 行有 YAML 错误——产品事实未加载，本文件未检查；请先修正 dossier.yaml"
    `);
  });

  test('the member finding points at the error (related) and keeps the parser message as detail only', () => {
    const member = reports.find((r) => r.path.endsWith('cybersecurity-description.md'))!.diagnostics[0];
    const yaml = reports.find((r) => r.path.endsWith('dossier.yaml'))!.diagnostics[0];
    expect(member.code).toBe('config-invalid');
    expect(member.related).toEqual([{ path: path.join(ROOT, 'd', 'dossier.yaml'), range: yaml.range, message: expect.any(Object) }]);
    expect(member.data).toMatchObject({ file: 'dossier.yaml', problem: 'yaml', line: yaml.range.start.line + 1, detail: expect.stringMatching(/\]/) });
    // The raw English parser message is nowhere in the Chinese sentences.
    for (const d of [member, yaml]) {
      expect(d.message.zh).not.toContain(String(d.data.detail));
      expect(d.message.zh.replace(/dossier\.yaml|YAML/g, '')).not.toMatch(/[A-Za-z]{3,}/);
    }
  });

  test('fixed, the members are checked again as usual', () => {
    const clean = checkFiles(monitor(), { folders: ['d'] });
    expect(clean.flatMap((r) => r.diagnostics).filter((d) => d.code === 'config-invalid')).toEqual([]);
  });
});

describe('an rc file that does not parse', () => {
  test('each member says so once, pointing at it, and is still checked with the defaults', () => {
    const files = monitor();
    files['.cyberdossierrc.yaml'] = 'rules:\n  placeholder: [off\n';
    const reports = checkFiles(files, { folders: ['d'] });
    const out = render(reports, { message: 'en' });
    expect(out).toMatchInlineSnapshot(`
      ".cyberdossierrc.yaml:3 error config-invalid — The configuration file is not valid YAML (line 3, column 1: not indented enough, or the closing “]” is missing): its settings were not applied
      d/cybersecurity-description.md:1 error config-invalid — .cyberdossierrc.yaml has a YAML error at line 3 — its settings were not applied, so this file was checked with the defaults; fix it first
      d/instructions-for-use.md:1 error config-invalid — .cyberdossierrc.yaml has a YAML error at line 3 — its settings were not applied, so this file was checked with the defaults; fix it first
      d/technical-requirements.md:1 error config-invalid — .cyberdossierrc.yaml has a YAML error at line 3 — its settings were not applied, so this file was checked with the defaults; fix it first"
    `);
    const member = reports.find((r) => r.path.endsWith('instructions-for-use.md'))!.diagnostics.find((d) => d.code === 'config-invalid')!;
    expect(member.related?.[0].path).toBe(path.join(ROOT, '.cyberdossierrc.yaml'));
    expect(member.data).toMatchObject({ file: '.cyberdossierrc.yaml', line: 3 });
  });
  test('an rc file with a bad value but valid YAML is not a cause: members say nothing about it', () => {
    const files = monitor();
    files['.cyberdossierrc.yaml'] = 'rules:\n  placeholder: loud\n';
    const reports = checkFiles(files, { folders: ['d'] });
    expect(reports.filter((r) => !r.path.endsWith('.cyberdossierrc.yaml')).flatMap((r) => r.diagnostics).filter((d) => d.code === 'config-invalid')).toEqual([]);
  });
});

describe('parser problems in the user’s language, with line and column', () => {
  const problem = (yaml: string) => {
    const r = loadYaml(yaml, 0, new LineIndex(yaml));
    return yamlProblemText(r.problems[0]);
  };
  test('each problem: a sentence of ours in zh and en, never the parser’s English inside the Chinese', () => {
    const cases: [string, string][] = [
      ['a missing ]', 'a: [x, y\nb: 1\n'],
      ['a missing }', 'a: { x: 1\n'],
      ['a missing quote', 'a: "x\n'],
      ['a tab as indentation', 'a:\n\tb: 1\n'],
      ['a duplicate key', 'a: 1\na: 2\n'],
      ['a custom tag', 'a: !!js/function x\n'],
    ];
    const rows = cases.map(([name, yaml]) => {
      const t = problem(yaml);
      expect(t.zh).toMatch(/^第 \d+ 行第 \d+ 列：/);
      expect(t.en).toMatch(/^line \d+, column \d+: /);
      expect(t.zh.replace(/js\/function|YAML/g, '')).not.toMatch(/[A-Za-z]{3,}/);
      return `${name}: ${t.zh} | ${t.en}`;
    });
    expect(rows).toMatchInlineSnapshot(`
      [
        "a missing ]: 第 2 行第 1 列：缩进不足，或缺少结尾的“]” | line 2, column 1: not indented enough, or the closing “]” is missing",
        "a missing }: 第 2 行第 1 列：缩进不足，或缺少结尾的“}” | line 2, column 1: not indented enough, or the closing “}” is missing",
        "a missing quote: 第 2 行第 1 列：缺少结尾的“"” | line 2, column 1: the closing “"” is missing",
        "a tab as indentation: 第 2 行第 1 列：用制表符缩进（YAML 只允许空格） | line 2, column 1: a tab is used for indentation (YAML allows spaces only)",
        "a duplicate key: 第 2 行第 1 列：键重复 | line 2, column 1: a key appears twice",
        "a custom tag: 第 1 行第 18 列：不允许自定义标签 !!js/function（只接受纯数据） | line 1, column 18: the custom tag !!js/function is not allowed (plain data only)",
      ]
    `);
  });
  test('the frontmatter: a YAML error names line and column, the detail stays in data', () => {
    const reports = checkFiles({ 'doc.md': '---\ndocument: cybersecurity-description\nproduct: { name: x\n---\n\n# 网络安全描述文档\n' });
    const d = reports[0].diagnostics.find((x) => x.code === 'frontmatter-invalid')!;
    expect(d.message.zh).toMatch(/^frontmatter 的 YAML 无效（第 \d+ 行第 \d+ 列：[^A-Za-z]+）；正文未检查$/);
    expect(typeof d.data.detail).toBe('string');
    expect(d.data).toMatchObject({ line: expect.any(Number), column: expect.any(Number) });
  });
});
