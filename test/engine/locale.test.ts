// One Locale type and one zh/en helper (issue 15 item 5c).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { isLocale, LOCALES, localize } from '../../server/src/engine';

const ROOT = path.resolve(__dirname, '../..');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : /\.ts$/.test(e.name) ? [p] : [];
  });
}

describe('locale', () => {
  test('localize picks English for en and Chinese otherwise, from pairs and tuples', () => {
    const l = { zh: '缺少章节', en: 'Missing section' };
    expect(localize(l, 'en')).toBe('Missing section');
    expect(localize(l, 'zh-CN')).toBe('缺少章节');
    expect(localize(l, undefined)).toBe('缺少章节');
    expect(localize(['已保留', 'kept'], 'en')).toBe('kept');
    expect(localize(['已保留', 'kept'], 'zh-CN')).toBe('已保留');
  });
  test('isLocale accepts exactly the two locales', () => {
    expect(LOCALES).toEqual(['zh-CN', 'en']);
    for (const v of LOCALES) expect(isLocale(v)).toBe(true);
    for (const v of ['zh', 'zh-cn', 'EN', 'auto', null, undefined, 1]) expect(isLocale(v)).toBe(false);
  });
  test('the Locale union is written once (engine/locale.ts), every other layer imports it', () => {
    const offenders = [...sources(path.join(ROOT, 'server', 'src')), ...sources(path.join(ROOT, 'client', 'src'))]
      .filter((f) => !f.endsWith(path.join('engine', 'locale.ts')))
      .filter((f) => /'zh-CN' \| 'en'|'en' \| 'zh-CN'/.test(fs.readFileSync(f, 'utf8')))
      .map((f) => path.relative(ROOT, f));
    expect(offenders).toEqual([]);
  });
});
