// The fast paths of parse/ (issue 15 item 1): which blocks the line scan takes, which it leaves
// to remark, and that what it takes reads exactly as remark reads it.

import { describe, expect, test } from 'vitest';
import { analyzeWithFastPaths, findSimpleBlocks, maskSpans } from '../../server/src/engine/parse/fast-path';
import { splitLines } from '../../server/src/engine/parse/lines';
import { simpleListAt } from '../../server/src/engine/parse/simple-list';
import { simpleTableAt } from '../../server/src/engine/parse/simple-table';
import { analyzeChunkFull } from '../../server/src/engine/parse';

const OTS = ['| 名称 | 型号规格 | 完整版本 | 供应商 |', '| --- | --- | --- | --- |', '| Linux 内核 | linux-imx LTS | 5.15.71 | NXP |', '| SQLite | 通用版 | 3.42.0 | SQLite Consortium |'].join('\n');
const SECTION = ['### 1.6 现成软件', '', '本产品使用下列现成软件：', '', OTS, '', '- 系统软件：Linux 内核', '- 支持软件：SQLite', '', '其余见附录 A。', ''].join('\n');
const kinds = (t: string) => findSimpleBlocks(t).map((s) => `${s.kind}:${t.slice(s.start, s.end).split('\n')[0]}`);

describe('findSimpleBlocks', () => {
  test('takes a plain table and a tight one-line list between paragraphs, and the spans tile the chunk', () => {
    const spans = findSimpleBlocks(SECTION);
    expect(kinds(SECTION)).toEqual(['text:### 1.6 现成软件', 'table:| 名称 | 型号规格 | 完整版本 | 供应商 |', 'text:', 'list:- 系统软件：Linux 内核', 'text:']);
    expect(spans[0].start).toBe(0);
    for (let i = 1; i < spans.length; i++) expect(spans[i].start).toBe(spans[i - 1].end);
    expect(spans[spans.length - 1].end).toBe(SECTION.length);
  });

  test('leaves to remark: inline markup in a cell, a row without a closing blank line, a table in a fence', () => {
    expect(kinds(OTS.replace('SQLite Consortium', '**SQLite**'))).toEqual([`text:${OTS.split('\n')[0]}`]);
    expect(kinds(`${OTS}\n续行`)).toEqual([`text:${OTS.split('\n')[0]}`]);
    expect(kinds(`\`\`\`\n${OTS}\n\`\`\`\n`).every((k) => k.startsWith('text:'))).toBe(true);
  });

  test('leaves a list to remark where it could continue, follow an open list, or follow an HTML block', () => {
    expect(kinds('- 甲\n- 乙\n\n- 丙\n')).toEqual(['text:- 甲']); // loose: the blank line does not end it
    expect(kinds('1. 第一\n\n- 甲\n- 乙\n').some((k) => k.startsWith('list:'))).toBe(false);
    expect(kinds('<div>\n说明\n</div>\n\n- 甲\n- 乙\n').some((k) => k.startsWith('list:'))).toBe(false);
    expect(kinds('段落\n\n- 甲\n- 乙\n\n段落\n')).toContain('list:- 甲');
  });

  test('keeps a chunk with a link reference definition or a carriage return whole', () => {
    expect(findSimpleBlocks(`${OTS}\n\n[ref]: https://example.com\n`)).toHaveLength(1);
    expect(findSimpleBlocks(OTS.replace(/\n/g, '\r\n'))).toHaveLength(1);
  });
});

test('simpleTableAt and simpleListAt say where their block ends', () => {
  const lines = splitLines(SECTION);
  expect(simpleTableAt(lines, 4)).toEqual({ end: 8, simple: true });
  expect(simpleTableAt(lines, 2)).toBeUndefined(); // a paragraph is no header row
  expect(simpleListAt(lines, 9)).toBe(11);
  expect(simpleListAt(lines, 2)).toBeUndefined();
});

test('maskSpans keeps every offset and line: a thematic break and blank lines in place of each block', () => {
  const spans = findSimpleBlocks(SECTION).filter((s) => s.kind !== 'text');
  const masked = maskSpans(SECTION, spans);
  expect(masked.length).toBe(SECTION.length);
  expect(masked.split('\n').length).toBe(SECTION.split('\n').length);
  expect(masked.slice(spans[0].start, spans[0].start + 3)).toBe('***');
  expect(masked.slice(spans[0].start, spans[0].end).replace(/^\*\*\*/, '').trim()).toBe('');
});

test('the facts of the fast paths equal the full processor’s', () => {
  for (const t of [SECTION, `${SECTION}\n<!-- cyberdossier-disable-next-line missing-column -->\n${OTS}\n`, `# 标题\n\n- 含 \`代码\` 的条目\n- 含 <!-- 注释 --> 的条目\n`]) {
    expect(analyzeWithFastPaths(t)).toEqual(analyzeChunkFull(t));
  }
});
