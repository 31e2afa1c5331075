// The parts of the Word import and export, each on its own (issue 15: the split modules): the
// package reader (import-package.ts), the document pass (docx-prepare.ts), the scan for the
// report (docx-scan.ts), the export's images (export-images.ts) and layout (export-layout.ts).
// Inputs are WordprocessingML as Word writes it (helpers.ts), not restatements of the code.

import JSZip from 'jszip';
import { describe, expect, test } from 'vitest';
import { Numbering, prepareDocument, readStyles, scanParts } from '../../server/src/word/docx-xml';
import { dataUrl, fit, imageInfo } from '../../server/src/word/export-images';
import { CONTENT_PX, MAX_IMAGE_PX_HEIGHT, defaultStyles, prepareReferenceStyles } from '../../server/src/word/export-layout';
import { MAX_UNZIPPED_BYTES, readPackage } from '../../server/src/word/import-package';
import { WordError } from '../../server/src/word/types';
import { craftDocx, DOC_NS, lvl, makePng, p, r, wordStyles } from './helpers';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const doc = (body: string) => `<w:document ${DOC_NS}><w:body>${body}<w:sectPr/></w:body></w:document>`;
const numbering = `<w:numbering ${W}><w:abstractNum w:abstractNumId="0">${lvl(0, 'decimal', '%1', { pStyle: '1' })}${lvl(1, 'decimal', '%1.%2', { pStyle: '2' })}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;

describe('import-package: reading the package', () => {
  test('finds the parts by relationship, scans them and rewrites document.xml for mammoth', async () => {
    const bytes = await craftDocx({
      body: p('网络安全', { style: '1' }) + p('概述', { style: '2' }) + p(r('正文') + '<w:commentRangeStart w:id="0"/>' + r('被批注') + '<w:commentRangeEnd w:id="0"/>'),
      styles: wordStyles(),
      numbering,
      comments: `<w:comments ${W}><w:comment w:id="0" w:author="张三"><w:p><w:r><w:t>请核对</w:t></w:r></w:p></w:comment></w:comments>`,
      header: `<w:hdr ${W}><w:p><w:r><w:t>公司机密</w:t></w:r></w:p></w:hdr>`,
    });
    const { prepared, scan, rewritten } = await readPackage(bytes);
    expect(prepared.headings).toEqual([
      { level: 1, label: '1' },
      { level: 2, label: '1.1' },
    ]);
    expect(scan.items.map((i) => [i.kind, i.text])).toEqual([
      ['comment', '请核对'],
      ['header-footer', '公司机密'],
    ]);
    // The rewritten package holds the prepared document.xml, stored uncompressed.
    const zip = await JSZip.loadAsync(rewritten);
    expect(await zip.file('word/document.xml')!.async('string')).toBe(prepared.documentXml);
    expect(prepared.documentXml).toContain('CDImpH1');
  });

  test('refuses what is no .docx: not a ZIP, no main document, a package that would inflate past the bound', async () => {
    await expect(readPackage(new TextEncoder().encode('plain text'))).rejects.toThrow(WordError);
    const noDoc = new JSZip();
    noDoc.file('hello.txt', 'x');
    await expect(readPackage(new Uint8Array(await noDoc.generateAsync({ type: 'uint8array' })))).rejects.toThrow(/word\/document\.xml/);
    // A directory entry that claims more than MAX_UNZIPPED_BYTES: refused before any part is read.
    const zip = await JSZip.loadAsync(await craftDocx({ body: p('x') }));
    const bytes = new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'STORE' }));
    const view = Buffer.from(bytes);
    const cd = view.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    view.writeUInt32LE(MAX_UNZIPPED_BYTES + 1, cd + 24);
    await expect(readPackage(view)).rejects.toThrow(/1 GB/);
  });
});

describe('docx-prepare: the pass over document.xml', () => {
  test('headings get the synthetic style and their number as text; TOC paragraphs are dropped; table cells are never headings', () => {
    const styles = readStyles(wordStyles());
    const xml = doc(p('目录', { style: '10' }) + p('网络安全', { style: '1' }) + p('描述', { style: '2' }) + `<w:tbl><w:tr><w:tc>${p('格内', { style: '1' })}</w:tc></w:tr></w:tbl>`);
    const out = prepareDocument(xml, styles, new Numbering(numbering, styles));
    expect(out.headings).toEqual([
      { level: 1, label: '1' },
      { level: 2, label: '1.1' },
    ]);
    expect(out.tocParagraphs).toBe(1);
    expect(out.documentXml).toMatch(/CDImpH1.*1 网络安全|CDImpH1[\s\S]*网络安全/);
    expect(out.documentXml).toContain('CDImpDrop');
    // The heading inside the table cell keeps its own style.
    expect(out.documentXml.match(/CDImpH/g)).toHaveLength(2);
  });
});

describe('docx-scan: what Markdown cannot hold, in the report’s order', () => {
  test('comments, revisions, text boxes, objects, equations, linked images, notes, headers, macros', () => {
    const body = [
      p(r('见') + '<w:commentRangeStart w:id="1"/>' + r('此处') + '<w:commentRangeEnd w:id="1"/>'),
      p(`<w:ins w:id="2" w:author="李四">${r('新增的话')}</w:ins><w:del w:id="3" w:author="李四"><w:r><w:delText>删掉的话</w:delText></w:r></w:del>`),
      p(`<w:r><w:rPr><w:rPrChange w:id="4" w:author="李四"><w:rPr/></w:rPrChange></w:rPr><w:t>格式</w:t></w:r>`),
      p(`<w:r><w:pict><v:shape><v:textbox><w:txbxContent>${p('框中文字')}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>`),
      p(`<w:r><w:object><v:shape><v:imagedata r:id="rIdPrev"/></v:shape><o:OLEObject ProgID="Excel.Sheet.12"/></w:object></w:r>`),
      p(`<m:oMathPara><m:oMath><m:r><m:t>E=mc2</m:t></m:r></m:oMath></m:oMathPara>`),
      p(`<w:r><w:drawing><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:blipFill><a:blip r:link="rIdExt"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></w:drawing></w:r>`),
    ].join('');
    const scan = scanParts({
      document: doc(body),
      comments: `<w:comments ${W}><w:comment w:id="1" w:author="王五"><w:p><w:r><w:t>需要补充</w:t></w:r></w:p></w:comment></w:comments>`,
      footnotes: `<w:footnotes ${W}><w:footnote w:type="separator" w:id="-1"/><w:footnote w:id="1"><w:p/></w:footnote></w:footnotes>`,
      documentRels: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdExt" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="http://example.invalid/a.png" TargetMode="External"/></Relationships>`,
      headersFooters: [`<w:ftr ${W}><w:p><w:r><w:t>第 1 页</w:t></w:r></w:p></w:ftr>`],
      hasMacros: true,
    });
    expect(scan.items.map((i) => `${i.kind}:${i.action}${i.text ? `:${i.text}` : ''}`)).toEqual([
      'comment:dropped:需要补充',
      'insertion:accepted:新增的话',
      'deletion:dropped:删掉的话',
      'format-change:dropped',
      'ole-object:converted:Excel.Sheet.12',
      'equation:dropped:E=mc2',
      'external-image:dropped:http://example.invalid/a.png',
      'header-footer:dropped:第 1 页',
      'macro:dropped',
    ]);
    expect(scan.items[0].message.en).toBe('Comment by 王五 not imported, on “此处”');
    expect(scan.textBoxes).toEqual(['框中文字']);
    expect([scan.footnotes, scan.endnotes]).toEqual([1, 0]);
  });

  test('a document without a root element reports nothing', () => {
    expect(scanParts({ document: '', headersFooters: [], hasMacros: false })).toEqual({ items: [], footnotes: 0, endnotes: 0, textBoxes: [] });
  });
});

describe('export-images and export-layout', () => {
  test('imageInfo reads PNG sizes; fit keeps the aspect within the page; data: URLs decode, others do not', () => {
    expect(imageInfo(makePng(300, 200))).toEqual({ type: 'png', width: 300, height: 200 });
    expect(imageInfo(new TextEncoder().encode('<svg/>'))).toBeUndefined();
    expect(fit(300, 200)).toEqual({ width: 300, height: 200 });
    const wide = fit(CONTENT_PX * 2, 100);
    expect(wide.width).toBe(CONTENT_PX);
    expect(wide.height).toBe(50);
    expect(fit(100, MAX_IMAGE_PX_HEIGHT * 4).height).toBeLessThanOrEqual(MAX_IMAGE_PX_HEIGHT);
    expect([...dataUrl(`data:image/png;base64,${Buffer.from([1, 2, 3]).toString('base64')}`)!]).toEqual([1, 2, 3]);
    expect(dataUrl('https://example.invalid/a.png')).toBeUndefined();
  });

  test('a reference styles.xml loses its numbering links and names its heading styles; the default styles use 黑体 headings', () => {
    const ref = prepareReferenceStyles(wordStyles());
    expect(ref.headingIds).toEqual(['1', '2', '3', 'Heading4', 'Heading5', 'Heading6']);
    expect(ref.xml).not.toContain('w:numPr');
    expect(ref.xml).toContain('w:outlineLvl');
    const styles = defaultStyles();
    expect(styles.default?.heading1?.run).toMatchObject({ font: { eastAsia: '黑体' }, bold: true });
    expect(styles.paragraphStyles?.map((s) => s.id)).toEqual(['CDCoverTitle', 'CDTocTitle', 'TOC1', 'TOC2', 'TOC3']);
  });
});
