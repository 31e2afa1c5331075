// The incremental engine must equal a full parse: per chunk, the fast path (simple-table
// tokenizer, GFM parts chosen by trigger characters) gives exactly the facts of remark-gfm; per
// document, chunked analysis with a warm cache gives the diagnostics of a whole-document parse —
// on every fixture, example and corpus file, and on fuzzed edits.

import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { analyzeChunk, analyzeChunkFull, findSimpleBlocks } from '../../server/src/engine/parse';
import { scan } from '../../server/src/engine/scan';
import { Engine } from '../../server/src/engine/engine';
import { ChunkCache } from '../../server/src/engine/model';
import { memHost, ROOT, render } from '../helpers';
import { generate } from '../../bench/generate.mjs';

const REPO = path.join(__dirname, '..', '..');
function markdownFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? markdownFiles(path.join(dir, e.name)) : e.name.endsWith('.md') ? [path.join(dir, e.name)] : []));
}
const FILES = [...markdownFiles(path.join(REPO, 'test', 'fixtures')), ...markdownFiles(path.join(REPO, 'examples')), ...markdownFiles(path.join(REPO, 'test', 'corpus'))];
const texts = new Map(FILES.map((f) => [path.relative(REPO, f), fs.readFileSync(f, 'utf8')]));
texts.set('bench 50 KB', generate(50_000, 7));

const json = (x: unknown) => JSON.parse(JSON.stringify(x));

describe('per chunk: the fast path equals remark-gfm', () => {
  test.each([...texts.keys()])('%s', (name) => {
    const text = texts.get(name)!;
    for (const c of scan(text).chunks) {
      const chunk = text.slice(c.start, c.end);
      expect(json(analyzeChunk(chunk)), `${name} @${c.startLine}`).toEqual(json(analyzeChunkFull(chunk)));
    }
  });

  test('the simple-table path is taken for plain tables and refused for anything else', () => {
    const kinds = (t: string) => findSimpleBlocks(t).map((p) => p.kind).join(',');
    expect(kinds('## 1.6 现成软件\n\n| 名称 | 版本 |\n| --- | ---: |\n| OpenSSL | 3.0.13 |\n\n后文。\n')).toBe('text,table,text');
    expect(kinds('| a | b |\n| - | - |\n| `x` | y |\n')).toBe('text'); // inline code
    expect(kinds('| a | b |\n| - | - |\n| x \\| y | z |\n')).toBe('text'); // escaped pipe
    expect(kinds('段落\n| a | b |\n| - | - |\n')).toBe('text'); // not after a blank line
    expect(kinds('| a | b |\n| - | - |\n| x |\n')).toBe('text'); // ragged row
    expect(kinds('| a | b |\n| - | - |\n尾随文字\n')).toBe('text'); // a lazy row
    expect(kinds('```\n| a | b |\n| - | - |\n```\n')).toBe('text'); // inside a fence
    expect(kinds('| a | b |\n| - | - |\n\n[x]: http://example.com\n')).toBe('text'); // a link definition
    expect(kinds('| a | https://x.cn |\n| - | - |\n')).toBe('text'); // an autolink literal
  });
});

describe('per chunk: the simple-list path equals remark-gfm', () => {
  test('taken for plain tight bullet lists, refused where remark could read more into them', () => {
    const kinds = (t: string) => findSimpleBlocks(t).map((p) => p.kind).join(',');
    expect(kinds('## 附录 A\n\n- SR-0001：口令完整性\n- SR-0002：数据加密\n\n后文。\n')).toBe('text,list,text');
    expect(kinds('## 附录 A\n- SR-0001：口令\n- SR-0002：加密\n')).toBe('text,list,text'); // right after a heading
    expect(kinds('段落\n- a\n- b\n')).toBe('text'); // interrupts a paragraph
    expect(kinds('- a\n- b\n续行\n')).toBe('text'); // a lazy continuation
    expect(kinds('- a\n- b\n\n- c\n')).toBe('text'); // a loose list goes on after the blank
    expect(kinds('- a\n- b\n\n  续段\n')).toBe('text'); // the last item goes on
    expect(kinds('1. x\n\n- a\n- b\n')).toBe('text'); // a list may be open before it
    expect(kinds('- a\n- 见 `config.yaml` 与 **附件 3**\n')).toBe('list,text'); // inline markup: items parsed as paragraphs
    expect(kinds('- a\n- **b**\n')).toBe('text'); // an item opening with * (a nested list or a break?)
    expect(kinds('- a\n- [ ] 任务\n')).toBe('text'); // a task item, or a link definition
    expect(kinds('- a\n- - b\n')).toBe('text'); // a nested list
    expect(kinds('- a \n- b\n')).toBe('text'); // trailing whitespace
    expect(kinds('- [ ] 任务\n')).toBe('text'); // a task item
    expect(kinds('```\n- a\n```\n')).toBe('text'); // inside a fence
  });

  // Chunks built from lines that stress list boundaries; the facts must equal remark's.
  const simple = fc.constantFrom('- SR-001：需求', '- 普通条目 AES-256', '- a', '- 不适用', '- 见 TC-001 与 R-002。', '- **b** 粗体', '- `c` 代码', '- <b>x</b>', '- a <!-- c --> b', '- ![i](x.png)', '- [l](u)', '- a [^1]', '- ~~s~~', '- ___', '- ```', '- `x', '- x\\', '- a<br>b', '- &amp;', '- _e_', '- https://x.cn', '- a@b.cn', '- <div>', '- <!-- c -->', '- ~~~', '- <https://x>', '- a | b', '- 详见 `config.yaml` 与 **附件 3**。', '- **a', '- b**');
  const other = fc.constantFrom('* x', '+ y', '1. z', '2) w', '  - nested', '   - three', '    code', '', '## 2 标题', '# 1', '段落文字', 'lazy', '> 引用', '> - q', '- [ ] task', '-  two', '- x  ', '- ---', '- # h', '- > q', '- 1. x', '-', '- =', '---', '===', '***', '```', '~~~', '<div>', '</div>', '<!-- c -->', '| a | b |', '| - | - |', '| 1 | 2 |', '\t- tab', '- 中文\t制表', ' - one space', '  续段', '-\tx', '10. x', '<https://x>', '<?php', '[x]: /u', '[^1]: note', '<![CDATA[', '  ~~~');
  const line = fc.oneof({ weight: 6, arbitrary: simple }, { weight: 2, arbitrary: fc.constant('') }, { weight: 2, arbitrary: other });
  test('fuzzed list-heavy chunks (seeded)', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 24 }), (ls) => {
        const chunk = `${ls.join('\n')}\n`;
        expect(json(analyzeChunk(chunk))).toEqual(json(analyzeChunkFull(chunk)));
      }),
      { seed: 20261128, numRuns: 1500 },
    );
  });
});

function diagnostics(text: string, engine: Engine): string {
  const host = engine.host as ReturnType<typeof memHost>;
  host.files.set(path.join(ROOT, 'doc.md'), text);
  engine.forget(path.join(ROOT, 'doc.md'));
  return render(engine.check({ files: [path.join(ROOT, 'doc.md')] }).reports, { data: ['foundAt', 'capability', 'item', 'id', 'column'] });
}

describe('per document: chunked with a warm cache equals a whole-document parse', () => {
  test.each([...texts.keys()])('%s', (name) => {
    const text = texts.get(name)!;
    const incremental = new Engine({ host: memHost({}), chunkCache: new ChunkCache() });
    const whole = new Engine({ host: memHost({}), parse: 'whole' });
    expect(diagnostics(text, incremental)).toBe(diagnostics(text, whole));
  });

  // Edits that stress the chunk boundaries: headings, fences, tables, HTML, list markers.
  const snippets = ['\n', '# ', '## 2 风险管理\n', '\n```\n', '```', '| a | b |\n| - | - |\n', '| x |', '<!-- ', ' -->', '- ', '> ', 'TODO', '不适用', 'SR-001', '`', '*', '\\', '[x]: http://e.cn\n', '\n---\n', '<div>\n', '    ', '|', '~~~\n'];
  const docs = ['test/fixtures/nmpa-2017/description-full.md', 'examples/nmpa-2017/monitor-with-mistakes/description.md', 'test/fixtures/nmpa-2017/patch-description.md'];
  test.each(docs)('fuzzed edits of %s (seeded)', (doc) => {
    const base = texts.get(doc)!;
    const incremental = new Engine({ host: memHost({}), chunkCache: new ChunkCache() });
    const whole = new Engine({ host: memHost({}), parse: 'whole' });
    diagnostics(base, incremental); // warm the cache with the original chunks
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(), fc.nat(40), fc.oneof(fc.constantFrom(...snippets), fc.string({ maxLength: 6 }))), { minLength: 1, maxLength: 6 }),
        (edits) => {
          let text = base;
          for (const [at, del, ins] of edits) {
            const i = at % (text.length + 1);
            text = text.slice(0, i) + ins + text.slice(i + del);
          }
          expect(diagnostics(text, incremental)).toBe(diagnostics(text, whole));
        },
      ),
      { seed: 20261127, numRuns: 60 },
    );
  });
});

describe('answer fast first: the heading-scan answer is a subset of the full check', () => {
  const key = (d: { code: string; range: { start: { line: number } }; data: Record<string, unknown> }) => `${d.code} ${d.range.start.line} ${d.data.requirement ?? ''}`;
  function compare(text: string): { quick: string[]; full: string[] } | undefined {
    const host = memHost({ 'doc.md': text });
    const engine = new Engine({ host, chunkCache: new ChunkCache() });
    const file = path.join(ROOT, 'doc.md');
    const quick = engine.quickCheck(file);
    const full = engine.check({ files: [file] }).reports.find((r) => r.path === file);
    if (!quick) return undefined;
    return { quick: quick.diagnostics.map(key), full: (full?.diagnostics ?? []).map(key) };
  }
  test.each([...texts.keys()])('%s', (name) => {
    const r = compare(texts.get(name)!);
    if (r) for (const q of r.quick) expect(r.full).toContain(q);
  });
  test('a quick answer exists for an ordinary dossier and already holds its structural findings', () => {
    const text = texts.get('test/fixtures/nmpa-2017/description-full.md')!.replace(/### 3\.7 完整性和可得性测试报告\n\n[^\n]+\n\n/, '').replace('## 5 网络安全能力', '## 5 其他');
    const r = compare(text)!;
    const d3 = text.split('\n').findIndex((l) => l.startsWith('## 3 验证与确认'));
    expect(r.quick).toEqual(['missing-section 29 D5', `missing-section ${d3} D3.7`]);
  });
  test('fuzzed edits keep the subset property', () => {
    const base = texts.get('test/fixtures/nmpa-2017/description-full.md')!;
    const snippets = ['\n## 附录\n', '\n### 1.1 类型\n', '不适用，理由：本产品无此功能的任何实现。\n', '**', '\n---\n', '<!-- x -->', '# ', '\n'];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.nat(200), fc.constantFrom(...snippets)), { minLength: 1, maxLength: 5 }), (edits) => {
        let text = base;
        for (const [at, del, ins] of edits) {
          const i = at % (text.length + 1);
          text = text.slice(0, i) + ins + text.slice(i + del);
        }
        const r = compare(text);
        if (r) for (const q of r.quick) expect(r.full).toContain(q);
      }),
      { seed: 42, numRuns: 80 },
    );
  });
});
