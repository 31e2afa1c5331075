// Issue 18 item 6: completion on a heading line always helps — the catalogue's children of the
// enclosing parent (missing first, present marked), numbered in the document's own style, at the
// typed level, also at the top level and under a complete parent.

import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { Engine } from '../../server/src/engine/engine';
import { complete, numberingAt } from '../../server/src/features/completion';
import { viewOf } from '../../server/src/features/view';
import { nmpa2017 } from '../../server/src/engine/rulesets/nmpa-2017';
import { memHost, ROOT } from '../helpers';
import { fixture } from '../fixtures';

const FULL = fixture('nmpa-2017/description-full.md');

function itemsAt(text: string, locale: 'zh-CN' | 'en' = 'zh-CN'): CompletionItem[] {
  const i = text.indexOf('‸');
  const before = text.slice(0, i);
  const position = { line: before.split('\n').length - 1, character: i - (before.lastIndexOf('\n') + 1) };
  const t = text.replace('‸', '');
  const host = memHost({ 'doc.md': t });
  const engine = new Engine({ host });
  const file = path.join(ROOT, 'doc.md');
  engine.check({ files: [file] });
  const list = complete({ text: t, position, locale, view: viewOf(engine, file), ruleset: nmpa2017 });
  expect(list?.isIncomplete ?? false).toBe(false);
  return (list?.items ?? []).sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1));
}
const show = (items: CompletionItem[]) => items.map((i) => `${i.label} | ${i.detail}`);

describe('heading completion under a complete parent', () => {
  test('offers the present children, marked, instead of nothing (so the word list does not take over)', () => {
    const items = itemsAt(FULL.replace('## 3 验证与确认\n', '## 3 验证与确认\n\n### ‸\n'));
    expect(show(items).slice(0, 3)).toMatchInlineSnapshot(`
      [
        "3.1 网络安全测试计划 | D3.1 · 四(二)3 · ✓ 已有",
        "3.1 网络安全测试报告 | D3.2 · 四(二)3 · ✓ 已有",
        "3.1 可追溯性分析报告 | D3.3 · 四(二)3 · ✓ 已有",
      ]
    `);
    expect(items.length).toBe(7);
    expect(items.every((i) => i.kind === 15 && i.insertTextFormat === 2)).toBe(true);
  });
  test('English UI: the mark is English, the titles stay in the document’s language', () => {
    const items = itemsAt(FULL.replace('## 3 验证与确认\n', '## 3 验证与确认\n\n### ‸\n'), 'en');
    expect(items[0].detail).toMatch(/^D3\.1 · .* · ✓ present$/);
    expect(items[0].label).toBe('3.1 网络安全测试计划');
  });
  test('filterText carries the numbering, both titles, the ID and the synonyms', () => {
    const [first] = itemsAt(FULL.replace('## 3 验证与确认\n', '## 3 验证与确认\n\n### ‸\n'));
    expect(first.filterText).toContain('3.1 网络安全测试计划');
    expect(first.filterText).toContain('Cybersecurity test plan'.split(' ')[0]);
    expect(first.filterText).toContain('D3.1');
    for (const s of nmpa2017.kinds.flatMap((k) => k.requirements).find((r) => r.id === 'D3.1')!.synonyms) expect(first.filterText).toContain(s);
  });
});

describe('missing first, numbered for the cursor’s place', () => {
  test('a removed section is offered first with the next number; present siblings follow', () => {
    const text = FULL.replace(/### 3\.7 完整性和可得性测试报告\n/, '### ‸\n');
    const items = itemsAt(text);
    expect(show(items)[0]).toBe('3.7 完整性和可得性测试报告 | D3.7 · 四(二)3');
    expect(items.slice(1).every((i) => /✓ 已有$/.test(i.detail!))).toBe(true);
    expect((items[0].textEdit as TextEdit).newText.startsWith('3.7 完整性和可得性测试报告\n\n${1:')).toBe(true);
  });
  test('a heading being edited: the typed text is replaced and matches the filter', () => {
    const text = FULL.replace(/### 3\.7 完整性和可得性测试报告\n/, '### 3.7 完整‸\n');
    const [first] = itemsAt(text);
    const edit = first.textEdit as TextEdit;
    expect(edit.range.end.character - edit.range.start.character).toBe('3.7 完整'.length);
    expect(first.filterText!.startsWith('3.7 完整')).toBe(true);
  });
  test('"#" without a space yet: the item brings its own space', () => {
    const text = FULL.replace(/## 5 网络安全能力\n/, '#‸\n');
    const items = itemsAt(text);
    const first = items[0];
    expect(first.detail!.startsWith('D5 ')).toBe(true);
    // Level 1 beside the document's title: the title carries no number, so neither does the item.
    expect((first.textEdit as TextEdit).newText.startsWith(' 网络安全能力\n')).toBe(true);
  });
  test('top level: the document’s chapters, the missing one first', () => {
    const text = FULL.replace(/## 5 网络安全能力\n/, '## ‸\n');
    expect(show(itemsAt(text)).map((s) => s.split(' · ')[0])).toEqual(['5 网络安全能力 | D5', '5 基本信息 | D1', '5 风险管理 | D2', '5 验证与确认 | D3', '5 维护计划 | D4']);
  });
  test('nested level: the children of 1.4 at ####', () => {
    const text = FULL.replace('#### 1.4.1 无线电管理符合性', '#### ‸');
    const items = itemsAt(text);
    expect(items[0].label).toBe('1.4.1 无线电管理符合性');
    expect(items[0].detail!.startsWith('D1.4.1 ')).toBe(true);
  });
});

describe('the document’s numbering style', () => {
  const h = (text: string, depth: number, parent: number, line: number) => ({ text, depth, parent, line, index: line });
  const H = (...xs: ReturnType<typeof h>[]) => xs.map((x, i) => ({ ...x, index: i }));
  test.each([
    ['decimal after a sibling', H(h('3 验证', 2, -1, 0), h('3.1 计划', 3, 0, 2)), 3, 0, '3.2 '],
    ['first child of a decimal parent', H(h('3 验证', 2, -1, 0)), 3, 0, '3.1 '],
    ['（一） style', H(h('一、基本', 2, -1, 0), h('（一）类型', 3, 0, 2), h('（二）功能', 3, 0, 4)), 3, 0, '（三）'],
    ['一、 style at the top', H(h('一、基本', 2, -1, 0), h('二、风险', 2, -1, 2)), 2, -1, '三、'],
    ['1) style', H(h('A 基本', 2, -1, 0), h('1) 类型', 3, 0, 2)), 3, 0, '2) '],
    ['before the first sibling', H(h('3 验证', 2, -1, 0), h('3.2 报告', 3, 0, 104)), 3, 0, '3.1 '],
    ['first child in the style used elsewhere at that level', H(h('一、基本', 2, -1, 0), h('（一）类型', 3, 0, 2), h('（二）功能', 3, 0, 4), h('二、风险', 2, -1, 6)), 3, 3, '（一）'],
    ['no numbering anywhere', H(h('基本', 2, -1, 0)), 3, 0, ''],
  ])('%s', (_name, headings, depth, parent, want) => {
    expect(numberingAt(headings, 99, depth, parent)).toBe(want);
  });
});

describe('snippets offered by the server (no static contribution needed)', () => {
  test('"cd-" in a document with headings: tables, sections of its kind and comments; no skeleton', () => {
    const items = itemsAt(FULL.replace('## 5 网络安全能力\n', 'cd-‸\n\n## 5 网络安全能力\n'));
    const labels = items.map((i) => i.label as string);
    expect(labels).toContain('cd-table-ots');
    expect(labels).toContain('cd-disable-next-line');
    expect(labels).toContain('cd-D3.1');
    expect(labels.some((l) => /skeleton|-zh$/.test(l) && l.startsWith('cd-cybersecurity'))).toBe(false);
    // Only the 2017 rule set's entries, each a snippet replacing what was typed.
    expect(labels.some((l) => l.startsWith('cd-R'))).toBe(false);
    const ots = items.find((i) => i.label === 'cd-table-ots')!;
    expect(ots.kind).toBe(15);
    expect(ots.insertTextFormat).toBe(2);
    expect((ots.textEdit as TextEdit).range.start.character).toBe(0);
    expect((ots.textEdit as TextEdit).newText).toContain('|');
  });
  test('a document without headings gets the skeletons', () => {
    const items = itemsAt('---\ndocument: cybersecurity-description\n---\n\ncd-‸\n');
    expect(items.map((i) => i.label)).toContain('cd-cybersecurity-description-zh');
  });
  test('the package contributes no static snippets (they would show twice)', async () => {
    const { readFileSync } = await import('node:fs');
    const pkg = JSON.parse(readFileSync(path.join(__dirname, '../../package.json'), 'utf8')) as { contributes: Record<string, unknown> };
    expect(pkg.contributes.snippets).toBeUndefined();
  });
});
