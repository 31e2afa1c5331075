// Every requirement of the NMPA 2017 catalogue against realistic fixtures: present, absent,
// misplaced, empty, not applicable with and without reason, every title, synonym, numbering
// style and English heading. Assertions are on rendered diagnostics (file:line severity code REQ).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { nmpa2017 } from '../../server/src/engine/rulesets/nmpa-2017';
import { parentId } from '../../server/src/engine/match';
import type { Requirement } from '../../server/src/engine/rulesets/types';
import { diag } from '../helpers';
import { bodyStartLine, fixture, headings, moveToAppendix, replaceLines, sectionOf, setHeadingTitle } from '../fixtures';

const FIXTURES: Record<string, string> = {
  'cybersecurity-description': 'nmpa-2017/description-full.md',
  'patch-description': 'nmpa-2017/patch-description.md',
  'technical-requirements': 'nmpa-2017/technical-requirements.md',
  'instructions-for-use': 'nmpa-2017/instructions-for-use.md',
  'authenticity-statement': 'nmpa-2017/authenticity-statement.md',
};

const cases: { kind: string; r: Requirement; text: string }[] = [];
for (const kind of nmpa2017.kinds)
  for (const r of kind.requirements) if (!r.wholeDocument) cases.push({ kind: kind.id, r, text: fixture(FIXTURES[kind.id]) });

function severityOf(r: Requirement): string {
  return r.missingSeverity ?? 'error';
}

/** Line (1-based) where a missing requirement is reported: its parent's heading or the body start. */
function anchorLine(text: string, kindId: string, r: Requirement): number {
  const parent = parentId(r.id);
  if (!parent) return bodyStartLine(text) + 1;
  const pr = nmpa2017.kinds.find((k) => k.id === kindId)!.requirements.find((x) => x.id === parent)!;
  return sectionOf(text, pr).line + 1;
}

describe('complete fixtures check clean', () => {
  test.each(Object.values(FIXTURES))('%s', (f) => {
    expect(diag(fixture(f))).toBe('');
  });
});

describe('every requirement: absent', () => {
  test.each(cases.map((c) => [c.r.id, c] as const))('%s absent → missing-section on its parent', (_id, { kind, r, text }) => {
    const s = sectionOf(text, r);
    const without = replaceLines(text, s.line, s.end, []);
    expect(diag(without)).toBe(`doc.md:${anchorLine(text, kind, r)} ${severityOf(r)} missing-section ${r.id}`);
  });
});

describe('every sub-requirement: misplaced outside its parent', () => {
  // A requirement whose place the guideline does not fix (placement: document) counts anywhere.
  const subs = cases.filter((c) => parentId(c.r.id) && c.r.placement !== 'document');
  test.each(cases.filter((c) => c.r.placement === 'document').map((c) => [c.r.id, c] as const))('%s under an appendix still answers it (the guideline fixes no place)', (_id, { r, text }) => {
    expect(diag(moveToAppendix(text, sectionOf(text, r)).text)).toBe('');
  });
  test.each(subs.map((c) => [c.r.id, c] as const))('%s under an appendix → missing-section with foundAt', (_id, { kind, r, text }) => {
    const moved = moveToAppendix(text, sectionOf(text, r));
    expect(diag(moved.text, { data: ['foundAt'] })).toBe(
      `doc.md:${anchorLine(text, kind, r)} ${severityOf(r)} missing-section ${r.id} foundAt=${moved.newLine}`,
    );
  });
});

describe('top-level requirements nested inside another requirement do not count', () => {
  const tops = cases.filter((c) => !parentId(c.r.id) && c.kind === 'cybersecurity-description' && c.r.id !== 'D1');
  test.each(tops.map((c) => [c.r.id, c] as const))('%s demoted under D1', (_id, { kind, r, text }) => {
    // Move the section to just after D1's heading and one level deeper: it now sits inside D1.
    const s = sectionOf(text, r);
    const lines = text.split('\n');
    const block = lines.splice(s.line, s.end - s.line).map((l) => (/^#{1,5} /.test(l) ? `#${l}` : l));
    const d1 = headings(lines.join('\n')).find((h) => h.title === '基本信息')!;
    lines.splice(d1.line + 1, 0, '', ...block);
    const out = lines.join('\n');
    expect(diag(out, { data: ['foundAt'] })).toBe(`doc.md:${anchorLine(text, kind, r)} ${severityOf(r)} missing-section ${r.id} foundAt=${d1.line + 2}`);
  });
});

describe('every requirement: present but empty', () => {
  // A leaf section with no body; a parent whose children are all empty reports only the children.
  const leaves = cases.filter((c) => !cases.some((o) => o.kind === c.kind && parentId(o.r.id) === c.r.id));
  test.each(leaves.map((c) => [c.r.id, c] as const))('%s empty → empty-section', (_id, { r, text }) => {
    const s = sectionOf(text, r);
    const emptied = replaceLines(text, s.line + 1, s.end, ['']);
    expect(diag(emptied)).toBe(`doc.md:${s.line + 1} warning empty-section ${r.id}`);
  });

  test('D4 with every sub-section empty reports the sub-sections only', () => {
    const text = fixture(FIXTURES['cybersecurity-description']);
    const d4 = headings(text).find((h) => h.title === '维护计划')!;
    const lines = text.split('\n').slice(d4.line, d4.end).filter((l) => /^#/.test(l));
    const out = replaceLines(text, d4.line, d4.end, lines.flatMap((l) => [l, '']));
    const h = headings(out).filter((x) => ['更新确认', '用户告知', '软件版本命名规则'].includes(x.title));
    expect(diag(out)).toBe(h.map((x, i) => `doc.md:${x.line + 1} warning empty-section D4.${i + 1}`).join('\n'));
  });
});

describe('every requirement: not applicable', () => {
  test.each(cases.map((c) => [c.r.id, c] as const))('%s answered 不适用 with a reason → clean', (_id, { r, text }) => {
    const s = sectionOf(text, r);
    const out = replaceLines(text, s.line + 1, s.end, ['', '不适用，理由：本产品不具备该项所述的功能与配置，详见基本信息。', '']);
    expect(diag(out)).toBe('');
  });

  test.each(cases.map((c) => [c.r.id, c] as const))('%s answered a bare 不适用 → not-applicable-without-reason only', (_id, { r, text }) => {
    const s = sectionOf(text, r);
    const out = replaceLines(text, s.line + 1, s.end, ['', '不适用。', '']);
    expect(diag(out)).toBe(`doc.md:${s.line + 3} error not-applicable-without-reason ${r.id}`);
  });

  test('N/A and None in English, with and without a reason', () => {
    const text = fixture(FIXTURES['cybersecurity-description']);
    const s = sectionOf(text, nmpa2017.kinds[0].requirements.find((r) => r.id === 'D3.7')!);
    const na = (body: string) => diag(replaceLines(text, s.line + 1, s.end, ['', body, '']));
    expect(na('N/A')).toBe(`doc.md:${s.line + 3} error not-applicable-without-reason D3.7`);
    expect(na('**Not applicable**: no.')).toBe(`doc.md:${s.line + 3} error not-applicable-without-reason D3.7`);
    expect(na('None — the device has no real-time remote control.')).toBe('');
    expect(na('无，本产品的远程控制为非实时控制，不涉及实时远程控制。')).toBe('');
    // “无线…” is not a negative answer: 无 is followed by a letter.
    expect(na('无线链路在 5% 丢包下送达率 100%。')).toBe('');
    // The reason counts characters that are neither whitespace nor punctuation: 5 is too few.
    expect(na('不适用：见上文说明')).toBe(`doc.md:${s.line + 3} error not-applicable-without-reason D3.7`);
    expect(na('不适用：见上文说明。。')).toBe(`doc.md:${s.line + 3} error not-applicable-without-reason D3.7`);
    expect(na('不适用：详见上文说明')).toBe('');
  });

  test('a bare 不适用 silences everything below it; a valid one covers missing children', () => {
    const text = fixture(FIXTURES['cybersecurity-description']);
    const d3 = headings(text).find((h) => h.title === '验证与确认')!;
    const bare = replaceLines(text, d3.line + 1, d3.end, ['', '不适用', '', '### 3.2 网络安全测试报告', '', 'TODO', '']);
    expect(diag(bare)).toBe(`doc.md:${d3.line + 3} error not-applicable-without-reason D3`);
    const valid = replaceLines(text, d3.line + 1, d3.end, ['', '不适用，理由：本产品验证与确认资料另册提交，见附件 7。', '']);
    expect(diag(valid)).toBe('');
  });
});

describe('titles: every zh title, en title and synonym, with any numbering', () => {
  const titled: [string, string, { kind: string; r: Requirement; text: string }][] = [];
  for (const c of cases) for (const t of [c.r.title.en, ...c.r.synonyms]) titled.push([c.r.id, t, c]);
  test.each(titled)('%s as “%s”', (_id, title, { r, text }) => {
    const s = sectionOf(text, r);
    expect(diag(setHeadingTitle(text, s, title))).toBe('');
  });

  const STYLES: ((n: number) => string)[] = [
    () => '',
    (n) => `${n} `,
    (n) => `${n}. `,
    (n) => `${n}.${n}.${n} `,
    (n) => `${'一二三四五六七八九十'[n - 1]}、`,
    (n) => `（${'一二三四五六七八九十'[n - 1]}）`,
    (n) => `(${'一二三四五六七八九十'[n - 1]}) `,
    (n) => `（${n}）`,
    (n) => `(${n}) `,
    (n) => `${n}）`,
    (n) => `${n}、`,
    (n) => `第${'一二三四五六七八九十'[n - 1]}部分 `,
    (n) => `Part ${n} `,
    (n) => `${['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'][n - 1]}. `,
    (n) => `${'ABCDEFGHIJ'[n - 1]}. `,
  ];
  for (const [kind, file] of Object.entries(FIXTURES)) {
    test.each(STYLES.map((s, i) => [i, s] as const))(`${kind}: numbering style %i on every heading`, (_i, style) => {
      let text = fixture(file);
      const hs = headings(text);
      hs.forEach((h, i) => {
        text = setHeadingTitle(text, h, h.title, style((i % 9) + 1));
      });
      expect(diag(text)).toBe('');
    });
    test(`${kind}: every heading in English, with a trailing colon and full-width punctuation`, () => {
      let text = fixture(file);
      const reqs = nmpa2017.kinds.find((k) => k.id === kind)!.requirements;
      for (const h of headings(text)) {
        const r = reqs.find((x) => x.title.zh === h.title);
        if (r) text = setHeadingTitle(text, h, `${r.title.en.toUpperCase()}：`);
      }
      expect(diag(text)).toBe('');
    });
  }

  test('a configured alias names a section; a wording that is not a title or alias does not', () => {
    const text = fixture(FIXTURES['cybersecurity-description']);
    const r = nmpa2017.kinds[0].requirements.find((x) => x.id === 'D1.6')!;
    const s = sectionOf(text, r);
    const renamed = setHeadingTitle(text, s, '第三方软件组件一览');
    expect(diag(renamed, { data: ['foundAt'] })).toBe(`doc.md:${anchorLine(text, 'cybersecurity-description', r)} error missing-section D1.6`);
    expect(diag(renamed, { settings: { aliases: { 'D1.6': ['第三方软件组件一览'] } } })).toBe('');
    expect(diag(renamed, { extra: { '.cyberdossierrc.yaml': 'aliases:\n  D1.6: [第三方软件组件 一览]\n' } })).toBe('');
  });

  test('a title is not a substring search: 网络安全测试计划与执行 is nothing, 测试 alone is D3', () => {
    const text = fixture(FIXTURES['cybersecurity-description']);
    const d31 = sectionOf(text, nmpa2017.kinds[0].requirements.find((x) => x.id === 'D3.1')!);
    const d3 = sectionOf(text, nmpa2017.kinds[0].requirements.find((x) => x.id === 'D3')!);
    expect(diag(setHeadingTitle(text, d31, '网络安全测试计划与执行'))).toBe(`doc.md:${d3.line + 1} error missing-section D3.1`);
    expect(diag(setHeadingTitle(text, d3, '测试'))).toBe('');
  });
});

test('nesting is decided by heading level alone, not by numbering', () => {
  const text = fixture(FIXTURES['cybersecurity-description']);
  const d11 = headings(text).find((h) => h.title === '类型')!;
  // "## 1.1 类型" after "## 1 基本信息": the same level, so not inside it.
  const out = replaceLines(text, d11.line, d11.line + 1, ['## 1.1 类型']);
  const after = headings(out);
  const d1 = after.find((h) => h.title === '基本信息')!;
  // Everything from 1.1 on now sits under "## 1.1 类型", outside 基本信息.
  const moved = ['类型', '功能', '用途', '交换方式', '安全软件', '现成软件'].map((t) => after.find((h) => h.title === t)!.line);
  expect(diag(out, { data: ['foundAt'] })).toBe(
    ['D1.1', 'D1.2', 'D1.3', 'D1.4', 'D1.5', 'D1.6'].map((id, i) => `doc.md:${d1.line + 1} error missing-section ${id} foundAt=${moved[i]}`).join('\n'),
  );
});

describe('the guideline’s own words', () => {
  // Without the Word conversion's bookmark and footnote markers, which are not the guideline's words.
  const text = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'guideline', 'nmpa-2017-cybersecurity-guideline.zh.txt'), 'utf8').replace(/\[(?:footnoteRef:\d+|bookmark: [^\]]*)\]/g, '');
  const squash = (s: string) => s.replace(/\s+/g, '');
  test.each(nmpa2017.kinds.flatMap((k) => k.requirements.filter((r) => r.quote).map((r) => [r.id, r.quote] as const)))('%s quotes the 2017 text verbatim', (_id, quote) => {
    expect(squash(text)).toContain(squash(quote!));
  });
});
