// Export to Word and the round trip: what the .docx holds (styles, fonts, page, TOC, footnotes,
// images), the checker's veto, the reference styles, and import(export(x)) giving back every
// section title, level and number and every table cell.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Engine } from '../../server/src/engine/engine';
import { nodeHost } from '../../server/src/engine/host';
import { loadConfigText, resolveConfig } from '../../server/src/engine/config';
import { allRequirementIds } from '../../server/src/engine/rulesets';
import { range } from '../../server/src/engine/text';
import { exportDocx } from '../../server/src/word/export';
import { exportToFile, importToFiles } from '../../server/src/word/files';
import { importDocx } from '../../server/src/word/import';
import { craftDocx, makePng, p, structure, wordStyles, type Structure } from './helpers';
import { sbomReader } from '../../server/src/sbom';

const EXAMPLES = path.join(__dirname, '..', '..', 'examples', 'nmpa-2017');
let tmp: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberdossier-word-'));
  fs.mkdirSync(path.join(tmp, '.git'));
  fs.cpSync(EXAMPLES, path.join(tmp, 'examples'), { recursive: true });
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const engine = () => new Engine({ sbom: sbomReader, host: nodeHost });
const part = async (bytes: Uint8Array, name: string) => (await JSZip.loadAsync(bytes)).file(name)?.async('string');

/** Sections and tables only (the bits the round trip promises). */
const sectionsAndTables = (s: Structure) => ({ headings: s.headings, tables: s.tables });

const SAMPLE = `---
document: cybersecurity-description
---

# 血糖仪 网络安全描述文档

## 1 基本信息

本产品为**第二类**医疗器械，软件版本见*产品技术要求*，接口为 \`USB 2.0\`。依据 GB/T 25000.51[^std]。

### 1.1 类型

- 健康数据：血糖值
  - 含测量时间
- 设备数据：日志

1. 第一步
2. 第二步

> 说明：本节引用了风险分析。

\`\`\`text
version=1.0.3
\`\`\`

### 1.6 现成软件

| 名称 | 型号规格 | 完整版本 | 供应商 |
| :--- | :---: | ---: | --- |
| OpenSSL | 通用版 | 3.0.13 | OpenSSL Software Foundation |
| FreeRTOS | LTS | 202210.01 | Amazon |

![系统框图](img/diagram.png)

<!-- cyberdossier-disable-next-line placeholder -->
## （一）维护计划

见[官方网站](https://example.com/security)。

[^std]: 《医疗器械软件 第1部分：安全》。
`;

describe('what the .docx holds', () => {
  let bytes: Uint8Array;
  let warnings: { message: { en: string } }[];
  const png = makePng(320, 200, [20, 120, 200]);
  beforeAll(async () => {
    const r = await exportDocx([{ path: '/dossier/doc.md', markdown: SAMPLE }], {
      cover: [
        { label: '产品名称', value: '血糖仪' },
        { label: '型号规格', value: 'BG-1' },
      ],
      title: '血糖仪 网络安全描述文档',
      readImage: (src) => (src === 'img/diagram.png' ? { bytes: png } : { error: { zh: '无', en: 'none' } }),
    });
    bytes = r.bytes;
    warnings = r.warnings;
  });

  test('Word heading styles, 宋体 body and 黑体 headings (east-Asian attributes), A4, a TOC field', async () => {
    const doc = (await part(bytes, 'word/document.xml'))!;
    const styles = (await part(bytes, 'word/styles.xml'))!;
    expect(doc).toContain('<w:pStyle w:val="Heading1"/>');
    expect(doc).toContain('<w:pStyle w:val="Heading3"/>');
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(doc).toContain('TOC \\h \\o &quot;1-3&quot;');
    expect(doc).toContain('<w:docPartGallery w:val="Table of Contents"/>');
    expect(styles).toMatch(/w:eastAsia="宋体"/);
    expect(styles).toMatch(/<w:style w:type="paragraph" w:styleId="Heading1">[\s\S]*?w:eastAsia="黑体"/);
    expect(styles).toMatch(/<w:lang [^>]*w:eastAsia="zh-CN"/);
    expect(warnings).toEqual([]);
  });

  test('Word is told to update fields on open: the TOC gets its page numbers (issue 18 item 8)', async () => {
    const settings = (await part(bytes, 'word/settings.xml'))!;
    expect(settings).toMatch(/<w:updateFields( w:val="(true|1|on)")?\/>/);
    // The TOC field itself is marked dirty too, for readers that ignore the setting.
    expect((await part(bytes, 'word/document.xml'))!).toMatch(/<w:fldChar w:fldCharType="begin" w:dirty="true"\/>/);
  });

  test('footnotes, the image, the cover table, tables with a bold repeated header row and borders', async () => {
    const doc = (await part(bytes, 'word/document.xml'))!;
    expect(await part(bytes, 'word/footnotes.xml')).toContain('《医疗器械软件 第1部分：安全》。');
    const zip = await JSZip.loadAsync(bytes);
    const media = Object.keys(zip.files).filter((f) => f.startsWith('word/media/') && !f.endsWith('/'));
    expect(media).toHaveLength(1);
    expect(Buffer.from(await zip.file(media[0])!.async('uint8array')).equals(Buffer.from(png))).toBe(true);
    expect(doc).toContain('<w:tblHeader/>');
    expect(doc).toMatch(/<w:insideH w:val="single"/);
    expect(doc).toContain('产品名称');
    expect(doc).not.toContain('cyberdossier-disable');
  });

  test('round trip: the same sections (title, level, number), table cells, footnote and image', async () => {
    const back = await importDocx(bytes, { assetsDir: 'doc.assets' });
    const a = structure(SAMPLE);
    const b = structure(back.markdown);
    expect(sectionsAndTables(b)).toEqual(sectionsAndTables(a));
    expect(b.footnotes).toEqual(a.footnotes);
    expect(back.images.map((i) => i.path)).toEqual(['doc.assets/image-1.png']);
    expect(b.images).toEqual(['doc.assets/image-1.png']);
    expect(back.markdown).toContain('**第二类**');
    expect(back.markdown).toContain('*产品技术要求*');
    expect(back.markdown).toContain('[官方网站](https://example.com/security)');
    // The cover table went back into the frontmatter; nothing else was lost.
    expect(back.markdown).toContain('  name: "血糖仪"  # 待确认 / review');
    expect(back.report.items.map((i) => i.kind)).toEqual(['cover', 'footnote', 'toc']);
  });

  test('missing, outside and remote images: placeholder text and a warning each, never a read outside', async () => {
    const md = '---\ndocument: cybersecurity-description\n---\n\n# 标题\n\n![缺失](nope.png)\n\n![外部](https://example.com/a.png)\n\n![越界](../../etc/passwd)\n';
    const asked: string[] = [];
    const r = await exportDocx([{ path: '/d/x.md', markdown: md }], {
      toc: false,
      readImage: (src) => {
        asked.push(src);
        return { error: { zh: `图片不存在：${src}`, en: `Image not found: ${src}` } };
      },
    });
    expect(asked).toEqual(['nope.png', '../../etc/passwd']);
    expect(r.warnings.map((w) => [w.line, w.message.en])).toEqual([
      [7, 'Image not found: nope.png'],
      [9, 'Remote image not embedded (export never uses the network): https://example.com/a.png'],
      [11, 'Image not found: ../../etc/passwd'],
    ]);
    expect(await part(r.bytes, 'word/document.xml')).toContain('[图片缺失 / missing image: 缺失]');
  });
});

describe('the example dossier', () => {
  const files = ['cybersecurity-description.md', 'technical-requirements.md', 'instructions-for-use.md'];

  test.each(files)('round trip of %s: every section title, level and number, every table cell', async (name) => {
    const md = fs.readFileSync(path.join(EXAMPLES, 'monitor', name), 'utf8');
    const { bytes } = await exportDocx([{ path: path.join(EXAMPLES, 'monitor', name), markdown: md }]);
    const back = await importDocx(bytes);
    expect(sectionsAndTables(structure(back.markdown))).toEqual(sectionsAndTables(structure(md)));
  });

  test('the folder: documents in the rule set’s order, one .docx, imported back whole; timings', async () => {
    const e = engine();
    const dossier = path.join(tmp, 'examples', 'monitor');
    const out = path.join(tmp, 'out', 'monitor.docx');
    let t = performance.now();
    const r = await exportToFile(e, dossier, { output: out });
    const exportMs = performance.now() - t;
    expect(r).toMatchObject({ refused: false, written: true, skipped: [], warnings: [] });
    expect(r.files.map((f) => path.basename(f))).toEqual(files);
    expect(r.check.errors).toBe(0);
    t = performance.now();
    const back = await importToFiles(e, out, { locale: 'en' });
    const importMs = performance.now() - t;
    const expected = files.map((f) => structure(fs.readFileSync(path.join(dossier, f), 'utf8')));
    const got = structure(fs.readFileSync(back.markdownPath, 'utf8'));
    expect(got.headings).toEqual(expected.flatMap((s) => s.headings));
    expect(got.tables).toEqual(expected.flatMap((s) => s.tables));
    expect(back.result.kindGuess.kind).toBe('cybersecurity-description');
    console.log(`monitor example: export ${exportMs.toFixed(0)} ms, import ${importMs.toFixed(0)} ms, ${got.headings.length} headings, ${got.tables.length} tables`);
  });

  test('a dossier with errors is refused, unless forced; files that are not dossier files are skipped', async () => {
    const dossier = path.join(tmp, 'examples', 'monitor-with-mistakes');
    fs.writeFileSync(path.join(dossier, 'NOTES.md'), '# notes, not a dossier file\n');
    const out = path.join(tmp, 'out', 'mistakes.docx');
    const refused = await exportToFile(engine(), dossier, { output: out });
    expect(refused.refused).toBe(true);
    expect(refused.written).toBe(false);
    expect(refused.check.errors).toBeGreaterThan(0);
    expect(refused.check.firstErrors.length).toBeGreaterThan(0);
    expect(fs.existsSync(out)).toBe(false);
    const forced = await exportToFile(engine(), dossier, { output: out, force: true });
    expect(forced.written).toBe(true);
    expect(forced.skipped.map((f) => path.basename(f))).toEqual(['NOTES.md']);
    expect(fs.existsSync(out)).toBe(true);
  });
});

describe('reference styles (export.referenceDocx)', () => {
  test('configuration: validated, resolved against the rc file’s folder', () => {
    const ids = allRequirementIds();
    const ok = loadConfigText('export:\n  referenceDocx: templates/ref.docx\n', ids, ['nmpa-2017']);
    expect(ok.findings).toEqual([]);
    expect(resolveConfig(ok.input, undefined, '/proj').export).toEqual({ referenceDocx: path.resolve('/proj/templates/ref.docx'), value: 'templates/ref.docx', at: range(1, 17, 1, 35) });
    const bad = loadConfigText('export:\n  referenceDocx: ref.dotx\n  paper: A4\n', ids, ['nmpa-2017']);
    expect(bad.findings.map((f) => f.message.en)).toEqual(['export.referenceDocx must be the path of a .docx file', 'Unknown key export.paper (allowed: referenceDocx)']);
    expect(loadConfigText('export: ref.docx\n', ids, ['nmpa-2017']).findings.map((f) => f.message.en)).toEqual(['export must be a mapping (referenceDocx)']);
    expect(resolveConfig(undefined, undefined).export).toBeUndefined();
  });

  test('the reference’s styles are used, its heading style ids too; its numbering links are dropped', async () => {
    const dir = path.join(tmp, 'ref-dossier');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'ref.docx'), await craftDocx({ body: p('x'), styles: wordStyles() }));
    fs.writeFileSync(path.join(dir, '.cyberdossierrc.yaml'), 'export:\n  referenceDocx: ref.docx\n');
    fs.copyFileSync(path.join(EXAMPLES, 'monitor', 'technical-requirements.md'), path.join(dir, 'tr.md'));
    fs.copyFileSync(path.join(EXAMPLES, 'monitor', 'dossier.yaml'), path.join(dir, 'dossier.yaml'));
    const r = await exportToFile(engine(), path.join(dir, 'tr.md'), { output: path.join(dir, 'tr.docx') });
    expect(r.written).toBe(true);
    const bytes = new Uint8Array(fs.readFileSync(path.join(dir, 'tr.docx')));
    const styles = (await part(bytes, 'word/styles.xml'))!;
    expect(styles).toContain('<w:name w:val="heading 1"/>');
    expect(styles).not.toContain('<w:numPr>');
    const doc = (await part(bytes, 'word/document.xml'))!;
    expect(doc).toContain('<w:pStyle w:val="1"/>');
    expect(doc).toContain('<w:pStyle w:val="2"/>');
    expect(doc).not.toContain('<w:pStyle w:val="Heading1"/>');
    const back = await importDocx(bytes);
    const md = fs.readFileSync(path.join(dir, 'tr.md'), 'utf8');
    expect(sectionsAndTables(structure(back.markdown))).toEqual(sectionsAndTables(structure(md)));
  });
});
