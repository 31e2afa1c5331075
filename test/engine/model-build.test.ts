// The model's stages (engine/model/, issue 15 item 1): the heading tree by level, a heading's
// answer (body, negative answer and its reason), suppression comments and placeholders in
// document positions, and the outline model agreeing with the full one where it answers.

import { describe, expect, test } from 'vitest';
import { buildModel, buildOutlineModel, ChunkCache } from '../../server/src/engine/model';
import { linkHeadingTree } from '../../server/src/engine/model/build';
import { parseSuppression } from '../../server/src/engine/model/comments';
import type { Heading } from '../../server/src/engine/model';

const DOC = [
  '---',
  'document: cybersecurity-description',
  '---',
  '# 网络安全描述',
  '',
  '## 1 基本情况',
  '',
  '### 1.5 安全软件',
  '',
  '不适用。本产品不使用杀毒软件，恶意软件防护见第 5 章。',
  '',
  '### 1.6 现成软件',
  '',
  '<!-- cyberdossier-disable-next-line missing-column D1.6 -->',
  '',
  '| 名称 | 完整版本 |',
  '| --- | --- |',
  '| OpenSSL | 1.1.1w |',
  '',
  '## 2 风险管理',
  '',
  '风险分析待补充。',
  '',
].join('\n');

describe('buildModel', () => {
  const model = buildModel(DOC, new ChunkCache());

  test('headings form a tree by level alone, each subtree ending where the next heading of its level or higher starts', () => {
    expect(model.headings.map((h) => [h.text, h.line, h.parent, h.children, h.end])).toEqual([
      ['网络安全描述', 3, -1, [1, 4], 23],
      ['1 基本情况', 5, 0, [2, 3], 19],
      ['1.5 安全软件', 7, 1, [], 11],
      ['1.6 现成软件', 11, 1, [], 19],
      ['2 风险管理', 19, 0, [], 23],
    ]);
  });

  test('a negative answer at the start of a body is found with its reason; a table-first body is no answer', () => {
    const na = model.headings[2].notApplicable!;
    expect(na.range).toEqual({ start: { line: 9, character: 0 }, end: { line: 9, character: 3 } });
    expect(na.reason).toBe('。本产品不使用杀毒软件，恶意软件防护见第 5 章。');
    expect(na.extra).toBeUndefined();
    expect(model.headings[3].notApplicable).toBeUndefined();
    expect(model.headings.map((h) => h.hasBody)).toEqual([false, false, true, true, true]);
  });

  test('a next-line suppression targets the first non-blank line after it; placeholders keep document positions', () => {
    expect(model.suppressions).toEqual([{ kind: 'next-line', rules: [{ code: 'missing-column', requirement: 'D1.6' }], line: 13, endLine: 13, target: 15 }]);
    expect(model.placeholders.map((p) => [p.text, p.range.start.line, p.heading])).toEqual([['待补充', 21, 4]]);
    expect(model.tables.map((t) => [t.heading, t.fact.rows.length])).toEqual([[3, 1]]);
  });

  test('the outline model has the same tree, and marks a body that may answer negatively', () => {
    const outline = buildOutlineModel(DOC.replace(/<!--[^\n]*-->/, ''), buildModel(DOC, new ChunkCache()).scan)!;
    expect(outline.outline).toBe(true);
    expect(outline.headings.map((h) => [h.text, h.parent, h.end])).toEqual(model.headings.map((h) => [h.text, h.parent, h.end]));
    expect(outline.headings[2].notApplicable?.range.start.line).toBe(9);
    expect(buildOutlineModel(DOC, model.scan)).toBeUndefined(); // a suppression comment: no outline answer
  });
});

test('linkHeadingTree: a deeper heading after a shallower one is its child, a skipped level still nests', () => {
  const h = (index: number, depth: number, line: number): Heading => ({ index, depth, line, text: '', key: '', range: { start: { line, character: 0 }, end: { line, character: 0 } }, parent: -1, children: [], blocks: [], hasBody: false, end: 100 });
  const hs = [h(0, 1, 0), h(1, 3, 2), h(2, 2, 4), h(3, 1, 6)];
  linkHeadingTree(hs);
  expect(hs.map((x) => [x.parent, x.children, x.end])).toEqual([
    [-1, [1, 2], 6],
    [0, [], 4],
    [0, [], 6],
    [-1, [], 100],
  ]);
});

test('parseSuppression reads the kind and the code/requirement pairs', () => {
  expect(parseSuppression('<!-- cyberdossier-disable missing-section D1.2, placeholder -->')).toEqual({ kind: 'disable', rules: [{ code: 'missing-section', requirement: 'D1.2' }, { code: 'placeholder', requirement: undefined }] });
  expect(parseSuppression('<!-- cyberdossier-disable-file -->')).toEqual({ kind: 'file', rules: [] });
  expect(parseSuppression('<!-- 说明 -->')).toBeUndefined();
});
