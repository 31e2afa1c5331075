// Import of a .docx made with the `docx` library (a different writer from Word): numbered
// headings through a numbering definition, merged cells (rowSpan / columnSpan), an image, a
// footnote, a comment, a text box, tracked insertion and deletion.

import * as d from 'docx';
import { beforeAll, describe, expect, test } from 'vitest';
import { importDocx } from '../../server/src/word/import';
import type { ImportResult } from '../../server/src/word/types';
import { makePng, structure } from './helpers';

const PNG = makePng(120, 80, [0, 160, 60]);
let result: ImportResult;

beforeAll(async () => {
  const h = (level: 0 | 1 | 2, text: string, extra: d.ParagraphChild[] = []) =>
    new d.Paragraph({ heading: [d.HeadingLevel.HEADING_1, d.HeadingLevel.HEADING_2, d.HeadingLevel.HEADING_3][level], numbering: { reference: 'headings', level }, children: [new d.TextRun(text), ...extra] });
  const cell = (text: string, o: Partial<d.ITableCellOptions> = {}) => new d.TableCell({ ...o, children: [new d.Paragraph(text)] });
  const doc = new d.Document({
    numbering: {
      config: [
        {
          reference: 'headings',
          levels: [
            { level: 0, format: d.LevelFormat.DECIMAL, text: '%1' },
            { level: 1, format: d.LevelFormat.DECIMAL, text: '%1.%2' },
            { level: 2, format: d.LevelFormat.DECIMAL, text: '%1.%2.%3' },
          ],
        },
      ],
    },
    footnotes: { 1: { children: [new d.Paragraph('兼容性测试依据 YY/T 0664')] } },
    comments: { children: [{ id: 0, author: '审核员', date: new Date('2024-06-01'), children: [new d.Paragraph('供应商名称需与合同一致')] }] },
    sections: [
      {
        children: [
          new d.TableOfContents('目录', { headingStyleRange: '1-3' }),
          h(0, '基本信息'),
          new d.Paragraph({ children: [new d.TextRun('本产品为第二类医疗器械。')] }),
          h(1, '类型'),
          new d.Paragraph({ children: [new d.TextRun('健康数据与设备数据'), new d.FootnoteReferenceRun(1)] }),
          h(1, '现成软件'),
          new d.Table({
            rows: [
              new d.TableRow({ children: [cell('名称'), cell('型号规格'), cell('完整版本'), cell('供应商')] }),
              new d.TableRow({ children: [cell('Linux 内核', { rowSpan: 2 }), cell('linux-imx'), cell('5.15.71'), cell('NXP')] }),
              new d.TableRow({ children: [cell('linux-rt'), cell('5.15.71-rt'), cell('NXP')] }),
              new d.TableRow({ children: [cell('SQLite'), cell('通用版 3.42.0', { columnSpan: 2 }), cell('SQLite Consortium')] }),
            ],
          }),
          new d.Paragraph({
            children: [new d.CommentRangeStart(0), new d.TextRun('供应商见上表'), new d.CommentRangeEnd(0), new d.TextRun({ children: [new d.CommentReference(0)] })],
          }),
          h(0, '风险管理'),
          h(1, '风险分析报告'),
          h(2, '资产识别'),
          new d.Paragraph({ children: [new d.ImageRun({ type: 'png', data: PNG, transformation: { width: 120, height: 80 }, altText: { name: '资产图', description: '资产图', title: '资产图' } })] }),
          new d.Paragraph({
            children: [
              new d.TextRun('加密算法：'),
              new d.InsertedTextRun({ text: 'AES-256', id: 1, author: '王工', date: '2024-06-02T00:00:00Z' }),
              new d.DeletedTextRun({ text: 'DES', id: 2, author: '王工', date: '2024-06-02T00:00:00Z' }),
            ],
          }),
          new d.Textbox({ alignment: 'center', style: { width: '200pt', height: 'auto' }, children: [new d.Paragraph('文本框：数据流图说明')] }),
        ],
      },
    ],
  });
  result = await importDocx(new Uint8Array(await d.Packer.toBuffer(doc)), { assetsDir: 'lib.assets' });
});

describe('a .docx written by the docx library', () => {
  test('numbered headings', () => {
    expect(structure(result.markdown).headings).toEqual(['# 1 基本信息', '## 1.1 类型', '## 1.2 现成软件', '# 2 风险管理', '## 2.1 风险分析报告', '### 2.1.1 资产识别']);
  });

  test('rowSpan and columnSpan: values repeated, merges reported', () => {
    expect(structure(result.markdown).tables).toEqual([
      [
        ['名称', '型号规格', '完整版本', '供应商'],
        ['Linux 内核', 'linux-imx', '5.15.71', 'NXP'],
        ['Linux 内核', 'linux-rt', '5.15.71-rt', 'NXP'],
        ['SQLite', '通用版 3.42.0', '通用版 3.42.0', 'SQLite Consortium'],
      ],
    ]);
    expect(result.report.items.filter((i) => i.kind === 'merged-cell').map((i) => i.text)).toEqual(['Linux 内核', '通用版 3.42.0']);
  });

  test('image, footnote, accepted revisions, text box; comment listed', () => {
    expect(result.images).toHaveLength(1);
    expect(Buffer.from(result.images[0].bytes).equals(Buffer.from(PNG))).toBe(true);
    expect(result.markdown).toContain('![资产图](lib.assets/image-1.png)');
    expect(result.markdown).toContain('健康数据与设备数据[^1]');
    expect(structure(result.markdown).footnotes).toEqual(['兼容性测试依据 YY/T 0664']);
    expect(result.markdown).toContain('加密算法：AES-256');
    expect(result.markdown).not.toContain('DES\n');
    expect(result.markdown).toContain('文本框：数据流图说明');
    const kinds = result.report.items.map((i) => `${i.kind}/${i.action}`);
    expect(kinds).toEqual(expect.arrayContaining(['comment/dropped', 'insertion/accepted', 'deletion/dropped', 'text-box/moved', 'footnote/converted', 'merged-cell/converted', 'numbering/converted']));
    expect(result.report.items.find((i) => i.kind === 'comment')).toMatchObject({ author: '审核员', text: '供应商名称需与合同一致' });
    expect(result.report.items.find((i) => i.kind === 'deletion')).toMatchObject({ author: '王工', text: 'DES' });
  });
});
