// Import of .docx files written as Word writes them (raw WordprocessingML assembled with jszip):
// heading numbering from a multilevel list linked to the heading styles, Chinese numbering,
// merged cells, images, footnotes, and everything Markdown cannot keep listed in the report.

import { describe, expect, test, beforeAll } from 'vitest';
import { importDocx } from '../../server/src/word/import';
import { formatImportReport, formatImportSummary } from '../../server/src/word/report';
import { formatNumber, Numbering, readStyles } from '../../server/src/word/docx-xml';
import { WordError, type ImportResult } from '../../server/src/word/types';
import { craftDocx, lvl, makePng, p, r, structure, tbl, wordStyles } from './helpers';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const PNG = makePng(64, 48);

const numbering = `<w:numbering ${W}>
<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>${lvl(0, 'decimal', '%1', { pStyle: '1' })}${lvl(1, 'decimal', '%1.%2', { pStyle: '2' })}${lvl(2, 'decimal', '%1.%2.%3', { pStyle: '3' })}</w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="multilevel"/>${lvl(0, 'chineseCounting', '%1、')}${lvl(1, 'chineseCounting', '（%2）')}</w:abstractNum>
<w:abstractNum w:abstractNumId="2">${lvl(0, 'decimal', '（%1）')}</w:abstractNum>
<w:abstractNum w:abstractNumId="3">${lvl(0, 'decimal', '%1.')}</w:abstractNum>
<w:abstractNum w:abstractNumId="4">${lvl(0, 'bullet', '•')}</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="3"/></w:num>
<w:num w:numId="5"><w:abstractNumId w:val="4"/></w:num>
</w:numbering>`;

const inlineImage = (rid: string, name: string) =>
  `<w:r><w:drawing><wp:inline><wp:extent cx="609600" cy="457200"/><wp:docPr id="1" name="${name}" descr="${name}"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="0" name="${name}"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="${rid}"/></pic:blipFill><pic:spPr/></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`;

const textBox = (text: string, fallback: boolean) =>
  `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:docPr id="5" name="文本框 1"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx><w:txbxContent>${p(text)}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>${
    fallback ? `<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>${p(text)}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>` : ''
  }</mc:AlternateContent></w:r>`;

const body = [
  p('PM-9000 多参数患者监护仪 网络安全描述文档', { style: 'a5' }),
  tbl([
    ['产品名称', '多参数患者监护仪'],
    ['型号规格', 'PM-9000'],
    ['软件版本', 'V2.1.0.3'],
    ['管理类别', '第二类'],
  ]),
  p('目录 …… 1', { style: '10' }),
  p('基本信息', { style: '1' }),
  p(`${r('PM-9000 通过 ')}<w:commentRangeStart w:id="0"/>${r('HL7 v2.6')}<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>${r(' 与中央站通信。')}`),
  p('类型', { style: '2' }),
  p(`${r('涉及健康数据与设备数据')}<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r>${r('。')}`),
  p('功能', { style: '2' }),
  p(`${r('数据交换：')}<w:ins w:id="11" w:author="李工" w:date="2024-05-01T00:00:00Z">${r('双向')}</w:ins><w:del w:id="12" w:author="李工" w:date="2024-05-01T00:00:00Z"><w:r><w:delText>单向</w:delText></w:r></w:del>${r('。')}`),
  p('首先建立连接', { numId: 4 }),
  p('然后发送数据', { numId: 4 }),
  p('有线网络', { numId: 3 }),
  p('无线网络', { numId: 3 }),
  p('HL7', { numId: 5 }),
  p('现成软件', { style: '2' }),
  tbl([
    ['名称', '型号规格', '完整版本', '供应商'],
    [{ text: 'OpenSSL', vMerge: 'restart' }, '通用版', '1.1.1w', 'OpenSSL Software Foundation'],
    [{ text: '', vMerge: 'continue' }, '通用版', '3.0.13', 'OpenSSL Software Foundation'],
    ['Qt', { text: '见 Qt 许可', gridSpan: 2 }, 'The Qt Company'],
  ]),
  p(`${r('网络拓扑：')}${textBox('文本框：中央站与监护仪位于同一 VLAN', true)}`),
  p(`${textBox('仅绘图文本框的内容', false)}`),
  p('风险管理', { style: '1' }),
  p('风险分析报告', { style: '2' }),
  p('威胁列表', { style: '3' }),
  p(`${r('示意图：')}${inlineImage('rIdImg', '系统框图')}`),
  p(`<w:r><w:object><v:shape><v:imagedata r:id="rIdImg"/></v:shape><o:OLEObject ProgID="Excel.Sheet.12" r:id="rIdOle"/></w:object></w:r>`),
  p(`<w:r><w:drawing><wp:inline><wp:docPr id="7" name="图表 1"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart r:id="rIdChart"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`),
  p(`${r('风险值 ')}<m:oMath><m:r><m:t>R=P×S</m:t></m:r></m:oMath>`),
  p(`<w:r><w:drawing><wp:inline><wp:docPr id="8" name="徽标"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:blipFill><a:blip r:link="rIdExt"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`),
  p('维护计划', { style: '1', numId: 2, ilvl: 0 }),
  p('更新确认', { style: '2', numId: 2, ilvl: 1 }),
  p('用户告知', { style: '2', numId: 2, ilvl: 1 }),
  p('用户告知的方式如下：'),
  p('发布安全公告', { numId: 4 }),
  p('升级说明', { numId: 4 }),
  p('大纲级别标题', { outline: 1 }),
].join('');

let result: ImportResult;

beforeAll(async () => {
  const docx = await craftDocx({
    body,
    styles: wordStyles(),
    numbering,
    comments: `<w:comments ${W}><w:comment w:id="0" w:author="张工" w:date="2024-05-02T00:00:00Z">${p('请确认协议版本')}</w:comment></w:comments>`,
    footnotes: `<w:footnotes ${W}><w:footnote w:type="separator" w:id="-1">${p('<w:r><w:separator/></w:r>')}</w:footnote><w:footnote w:id="1">${p('依据 GB/T 25000.51 分类')}</w:footnote></w:footnotes>`,
    header: `<w:hdr ${W}>${p('内部资料 请勿外传')}</w:hdr>`,
    media: { 'image1.png': PNG },
    rels: {
      rIdImg: ['image', 'media/image1.png'],
      rIdExt: ['image', 'http://example.com/logo.png', true],
      rIdChart: ['chart', 'charts/chart1.xml'],
      rIdOle: ['oleObject', 'embeddings/oleObject1.bin'],
    },
  });
  result = await importDocx(docx, { sourceName: '监护仪网络安全描述.docx', assetsDir: 'desc.assets' });
});

describe('a Word document with automatic numbering, objects and revisions', () => {
  test('headings keep level and the numbers Word shows (multilevel list linked to heading styles, 一、 / （一）)', () => {
    expect(structure(result.markdown).headings).toMatchInlineSnapshot(`
      [
        "# PM-9000 多参数患者监护仪 网络安全描述文档",
        "# 1 基本信息",
        "## 1.1 类型",
        "## 1.2 功能",
        "## 1.3 现成软件",
        "# 2 风险管理",
        "## 2.1 风险分析报告",
        "### 2.1.1 威胁列表",
        "# 三、维护计划",
        "## （一）更新确认",
        "## （二）用户告知",
        "## 大纲级别标题",
      ]
    `);
  });

  test('the cover table becomes frontmatter with every value marked for review; the kind is guessed from headings', () => {
    const fm = result.markdown.slice(0, result.markdown.indexOf('\n---\n', 4) + 5);
    expect(fm).toContain('document: cybersecurity-description  # 待确认 / review');
    expect(fm).toContain('guideline: nmpa-2017');
    expect(fm).toContain('  name: "多参数患者监护仪"  # 待确认 / review');
    expect(fm).toContain('  model: "PM-9000"  # 待确认 / review');
    expect(fm).toContain('  software_version: "V2.1.0.3"  # 待确认 / review');
    expect(fm).toContain('  class: "II"  # 待确认 / review');
    expect(result.kindGuess).toMatchObject({ kind: 'cybersecurity-description', source: 'headings' });
    expect(result.kindGuess.candidates[0].matched).toEqual(expect.arrayContaining(['D1', 'D1.1', 'D1.2', 'D1.6', 'D2', 'D2.1', 'D4', 'D4.1', 'D4.2']));
    // The cover table is not left in the body.
    expect(structure(result.markdown).tables.some((t) => t[0][0] === '产品名称')).toBe(false);
  });

  test('merged cells: the value is repeated into every covered cell, and each merge is reported', () => {
    expect(structure(result.markdown).tables).toEqual([
      [
        ['名称', '型号规格', '完整版本', '供应商'],
        ['OpenSSL', '通用版', '1.1.1w', 'OpenSSL Software Foundation'],
        ['OpenSSL', '通用版', '3.0.13', 'OpenSSL Software Foundation'],
        ['Qt', '见 Qt 许可', '见 Qt 许可', 'The Qt Company'],
      ],
    ]);
    const merges = result.report.items.filter((i) => i.kind === 'merged-cell');
    expect(merges.map((m) => [m.text, m.message.en])).toEqual([
      ['OpenSSL', 'Table 2, row 2, column 1: a merged cell (2 × 1); GFM tables cannot merge, so its value was repeated into every covered cell'],
      ['见 Qt 许可', 'Table 2, row 4, column 2: a merged cell (1 × 2); GFM tables cannot merge, so its value was repeated into every covered cell'],
    ]);
  });

  test('lists: plain decimal stays an ordered list, other numbers become text, bullets stay bullets', () => {
    const md = result.markdown;
    expect(md).toContain('1. 首先建立连接\n2. 然后发送数据');
    expect(md).toContain('（1）有线网络\n\n（2）无线网络');
    expect(md).toContain('- HL7');
    // The list goes on after the interruption as in Word (an <ol start>), not from 1.
    expect(md).toContain('3. 发布安全公告\n4. 升级说明');
  });

  test('images are extracted beside the Markdown and linked; footnotes become GFM footnotes', () => {
    expect(result.images.map((i) => [i.path, i.contentType, i.bytes.length])).toEqual([['desc.assets/image-1.png', 'image/png', PNG.length]]);
    expect(Buffer.from(result.images[0].bytes).equals(Buffer.from(PNG))).toBe(true);
    expect(result.markdown).toContain('示意图：![系统框图](desc.assets/image-1.png)');
    expect(result.markdown).toContain('涉及健康数据与设备数据[^1]。');
    expect(structure(result.markdown).footnotes).toEqual(['依据 GB/T 25000.51 分类']);
  });

  test('tracked changes are accepted: insertions kept, deletions dropped; comments are not in the text', () => {
    expect(result.markdown).toContain('数据交换：双向。');
    expect(result.markdown).not.toContain('单向');
    expect(result.markdown).not.toContain('请确认协议版本');
    expect(result.markdown).toContain('PM-9000 通过 HL7 v2.6 与中央站通信。');
    expect(result.markdown).not.toContain('目录 …… 1');
  });

  test('the report lists everything that was dropped or changed', () => {
    const rows = result.report.items.map((i) => `${i.kind}/${i.action}${i.author ? ` ${i.author}` : ''}${i.text ? `: ${i.text}` : ''}`);
    expect(rows).toMatchInlineSnapshot(`
      [
        "cover/converted: 产品名称 | 多参数患者监护仪 / 型号规格 | PM-9000 / 软件版本 | V2.1.0.3 / 管理类别 | 第二类",
        "text-box/moved: 文本框：中央站与监护仪位于同一 VLAN",
        "text-box/dropped: 仅绘图文本框的内容",
        "comment/dropped 张工: 请确认协议版本",
        "insertion/accepted 李工: 双向",
        "deletion/dropped 李工: 单向",
        "ole-object/converted: Excel.Sheet.12",
        "chart/dropped",
        "equation/dropped: R=P×S",
        "external-image/dropped: http://example.com/logo.png",
        "header-footer/dropped: 内部资料 请勿外传",
        "footnote/converted",
        "merged-cell/converted: OpenSSL",
        "merged-cell/converted: 见 Qt 许可",
        "numbering/converted",
        "toc/dropped",
      ]
    `);
    const comment = result.report.items.find((i) => i.kind === 'comment')!;
    expect(comment.message).toEqual({ zh: '批注（张工）未导入，批注对象：“HL7 v2.6”', en: 'Comment by 张工 not imported, on “HL7 v2.6”' });
    expect(result.report.items.find((i) => i.kind === 'numbering')!.message.en).toBe(
      'Word automatic numbering written as text: 10 heading(s), 2 numbered paragraph(s) (plain 1. 2. 3. lists stay Markdown ordered lists, numbered from 1)',
    );
  });

  test('the report as Markdown (silenced for the checker) and as terminal text, in both languages', () => {
    const zh = formatImportReport(result.report, 'zh-CN', { markdownPath: 'desc.md' });
    expect(zh.startsWith('<!-- cyberdossier-disable-file -->\n\n# 导入报告：监护仪网络安全描述.docx\n')).toBe(true);
    expect(zh).toContain('| 批注 | 未导入 | 批注（张工）未导入，批注对象：“HL7 v2.6” | 张工: 请确认协议版本 |');
    expect(zh).toContain('| `product.name` | 多参数患者监护仪 | 产品名称 |');
    // A value holding a backslash before a pipe stays one cell.
    const odd = formatImportReport({ ...result.report, inferred: [{ ...result.report.inferred[0], value: 'a\\|b' }] }, 'en');
    expect(odd).toContain('| a\\\\\\|b |');
    const en = formatImportReport(result.report, 'en');
    expect(en).toContain('| Revision: deletion | not imported | Tracked deletion accepted (李工): the deleted text was not imported | 李工: 单向 |');
    expect(formatImportSummary(result.report, 'en').split('\n')).toContain(
      'Required sections not found (by heading): D1.3 Uses, D1.4 Exchange methods, D1.5 Security software, D2.2 Risk management summary report, D3 Verification and validation, D4.3 Software version naming rule',
    );
    expect(formatImportSummary(result.report, 'en').split('\n')[0]).toBe(
      'Document kind: Cybersecurity description (cybersecurity-description) (guessed from the headings: 9 of 24 sections matched, named in a title; review)',
    );
  });
});

describe('options and bad input', () => {
  test('--kind wins over the guess and is not marked for review; unknown kinds and non-docx bytes are errors', async () => {
    const docx = await craftDocx({ body: p('基本信息', { style: '1' }), styles: wordStyles() });
    const r1 = await importDocx(docx, { kind: '说明书' });
    expect(r1.kindGuess).toMatchObject({ kind: 'instructions-for-use', source: 'option' });
    expect(r1.markdown).toContain('\ndocument: instructions-for-use\n');
    await expect(importDocx(docx, { kind: 'nonsense' })).rejects.toThrow('Unknown document kind: nonsense');
    await expect(importDocx(new Uint8Array(Buffer.from('plain text, not a zip')))).rejects.toThrow('Not a Word document');
  });

  test('a dossier.yaml governs the output: inferred product facts are comments, not keys', async () => {
    const docx = await craftDocx({ body: tbl([['产品名称', '监护仪'], ['型号规格', 'PM-1']]) + p('基本信息', { style: '1' }), styles: wordStyles() });
    const res = await importDocx(docx, { sharedFacts: true });
    expect(res.markdown).toContain('# product.name: "监护仪"  # 待确认 / review');
    expect(res.markdown).not.toMatch(/^product:/m);
  });

  test('no heading matches any kind: the default kind, said plainly', async () => {
    const docx = await craftDocx({ body: p('随便的标题', { style: '1' }) + p('正文'), styles: wordStyles() });
    const res = await importDocx(docx);
    expect(res.kindGuess.source).toBe('default');
    expect(formatImportSummary(res.report, 'zh-CN')).toContain('没有标题与任何文档类型匹配');
  });
});

describe('numbering formats and counters', () => {
  test('Word number formats as Word shows them', () => {
    expect([1, 2, 10, 11, 20, 21, 99, 100, 105].map((n) => formatNumber(n, 'chineseCounting'))).toEqual(['一', '二', '十', '十一', '二十', '二十一', '九十九', '一百', '一百零五']);
    expect([1, 3, 10].map((n) => formatNumber(n, 'ideographTraditional'))).toEqual(['甲', '丙', '癸']);
    expect([4, 9, 14].map((n) => formatNumber(n, 'upperRoman'))).toEqual(['IV', 'IX', 'XIV']);
    expect([1, 26, 27].map((n) => formatNumber(n, 'lowerLetter'))).toEqual(['a', 'z', 'aa']);
    expect(formatNumber(3, 'decimalEnclosedCircle')).toBe('③');
    expect(formatNumber(12, 'chineseLegalSimplified')).toBe('壹拾贰');
    expect(formatNumber(7, 'decimalZero')).toBe('07');
  });

  test('deeper levels restart after a shallower one; lvlRestart and isLgl are honoured', () => {
    const xml = `<w:numbering ${W}><w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '第%1章')}<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:isLgl/><w:lvlText w:val="%1.%2"/></w:lvl><w:lvl w:ilvl="2"><w:start w:val="1"/><w:lvlRestart w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
    const n = new Numbering(xml, readStyles(undefined));
    const seq: [number, string][] = [[0, '第一章'], [1, '1.1'], [2, 'a)'], [1, '1.2'], [2, 'b)'], [0, '第二章'], [1, '2.1'], [2, 'a)']];
    for (const [ilvl, label] of seq) expect(n.next('1', ilvl)?.label).toBe(label);
  });
});

test('a package whose parts would inflate beyond 1 GB is refused before reading them', async () => {
  const JSZip = (await import('jszip')).default;
  const zip = new JSZip();
  // 1.1 GB of zeros in one part would take long to build; the stated size is what counts.
  zip.file('word/document.xml', '<w:document/>', { createFolders: false });
  const bytes = await zip.generateAsync({ type: 'uint8array' });
  // State 1.2 GB as the part's size in its local header and its central directory entry.
  const buf = Buffer.from(bytes);
  buf.writeUInt32LE(0x48000000, buf.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04])) + 22);
  buf.writeUInt32LE(0x48000000, buf.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 24);
  await expect(importDocx(new Uint8Array(buf))).rejects.toThrow('would inflate to over 1 GB');
});

test('a package the converter cannot read is a user-facing error, not a crash', async () => {
  const JSZip = (await import('jszip')).default;
  const zip = new JSZip();
  zip.file('word/document.xml', '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>');
  const err = await importDocx(await zip.generateAsync({ type: 'uint8array' })).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(WordError);
  expect((err as WordError).localized.en).toMatch(/^The Word document cannot be converted: /);
});
