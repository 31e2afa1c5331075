// Issue 18 item 5: a message names a section by the heading the file actually has — "1.6 现成软件"
// with the English UI, "1.6 Off-the-shelf software" with the Chinese UI — and an absent section
// by its catalogue title in the dossier's language, never in a language the file does not use.

import { describe, expect, test } from 'vitest';
import { diag } from '../helpers';
import { fixture, headings, removeLines, replaceLines, setHeadingTitle } from '../fixtures';
import { nmpa2017 } from '../../server/src/engine/rulesets/nmpa-2017';

const zhFile = fixture('nmpa-2017/description-full.md');
const description = nmpa2017.kinds.find((k) => k.id === 'cybersecurity-description')!;

/** The same dossier with every catalogue heading written with the guideline's English title. */
function englishHeadings(text: string): string {
  let out = text;
  for (const r of description.requirements) {
    const s = headings(out).find((h) => h.title === r.title.zh);
    if (s) out = setHeadingTitle(out, s, r.title.en);
  }
  return out;
}

const BAD_TABLE = ['', '| 名称 | 完整版本 | 供应商 |', '| --- | --- | --- |', '| OpenSSL | 3.0.13 |  |', ''];
function withBadTable(text: string, title: string): string {
  const s = headings(text).find((h) => h.title === title)!;
  return replaceLines(text, s.line + 1, s.end, BAD_TABLE);
}
const messages = (out: string, code: string) =>
  out
    .split('\n')
    .filter((l) => l.includes(` ${code} `))
    .map((l) => l.replace(/^.* — /, ''));

describe('sections named as the file has them', () => {
  test('English UI, Chinese file: the Chinese heading as written', () => {
    const out = diag(withBadTable(zhFile, '现成软件'), { message: 'en' });
    expect(messages(out, 'incomplete-row')).toEqual(['This row of the “1.6 现成软件” (D1.6) table has no “Vendor” (guideline 四(二)1(6))']);
  });

  test('Chinese UI, English file: the English heading as written', () => {
    const en = englishHeadings(zhFile);
    expect(headings(en).some((h) => h.title === 'Off-the-shelf software')).toBe(true);
    const out = diag(withBadTable(en, 'Off-the-shelf software'), { message: 'zh' });
    expect(messages(out, 'incomplete-row')).toEqual(['“1.6 Off-the-shelf software”（D1.6）表格的这一行缺少“供应商”（指导原则 四(二)1(6)）']);
  });

  test('an absent section: the catalogue title in the dossier’s language, whatever the UI language', () => {
    const drop = (text: string, title: string) => {
      const s = headings(text).find((h) => h.title === title)!;
      return removeLines(text, s.line, s.end);
    };
    const zhOut = diag(drop(zhFile, '风险分析报告'), { message: 'en' });
    expect(messages(zhOut, 'missing-section')[0]).toMatch(/^Missing section “风险分析报告” \(D2\.1\)/);
    const en = englishHeadings(zhFile);
    const enOut = diag(drop(en, description.requirements.find((r) => r.id === 'D2.1')!.title.en), { message: 'zh' });
    expect(messages(enOut, 'missing-section')[0]).toMatch(/^缺少“Risk analysis report”（D2\.1）章节/);
  });
});
