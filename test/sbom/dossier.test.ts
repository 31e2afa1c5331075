// The rendered table pasted into a 2017 网络安全描述文档's D1.6 section: the checker finds every
// column and every row complete; what it still reports is what the importer flagged (versions
// that are not full) or left as a placeholder (model, vendor) — nothing else.

import { describe, expect, test } from 'vitest';
import { importResult, renderOtsTable, type SbomDocument } from '../../server/src/sbom';
import { fixture } from '../fixtures';
import { checkFiles, diag } from '../helpers';
import { sbom } from './helpers';

const ORIGINAL = fixture('nmpa-2017/description-full.md');

/** The fixture with its D1.6 table replaced by `table`. */
function withOtsTable(table: string): string {
  const start = ORIGINAL.indexOf('| 名称 | 型号规格 | 完整版本 | 供应商 |\n');
  const end = ORIGINAL.indexOf('\n\n', start);
  expect(start).toBeGreaterThan(0);
  expect(ORIGINAL.slice(0, start)).toMatch(/### 1\.6 现成软件\n\n$/);
  return ORIGINAL.slice(0, start) + table + ORIGINAL.slice(end + 1);
}

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('pasted into D1.6 of a 2017 cybersecurity description', () => {
  test('the fixture is clean as it is', () => {
    expect(diag(ORIGINAL)).toBe('');
  });

  for (const [file, locale] of [
    ['cyclonedx-1.4.json', 'zh-CN'],
    ['cyclonedx-1.5.json', 'zh-CN'],
    ['cyclonedx-1.6.json', 'en'],
    ['spdx-2.3.json', 'zh-CN'],
  ] as const) {
    test(`${file} (${locale}): no missing-column, no incomplete-row; the flags and placeholders are what the checker reports`, () => {
      const doc: SbomDocument = sbom(file);
      const text = withOtsTable(renderOtsTable(doc.components, locale));
      const found = diag(text).split('\n').filter(Boolean);
      expect(found.filter((l) => / (missing-column|incomplete-row) /.test(l))).toEqual([]);
      // version-not-full on exactly the components flagged for their version
      const flaggedVersions = importResult(doc, 'ots', locale).flagged.filter((f) => f.flags.includes('version-not-full'));
      expect(found.filter((l) => l.includes('version-not-full')).map((l) => Number(/:(\d+) /.exec(l)![1])).sort((a, b) => a - b)).toEqual(
        flaggedVersions.map((f) => lineOf(text, `| ${f.name} |`)).sort((a, b) => a - b),
      );
      // placeholders only where the SBOM has no model or no vendor
      const holes = doc.components.flatMap((c) => [...(c.model ? [] : [c]), ...(c.vendor ? [] : [c])]).map((c) => lineOf(text, `| ${c.name} |`));
      // (one placeholder finding for the section: its data.lines are every placeholder's line)
      const placeholders = checkFiles({ 'doc.md': text })[0].diagnostics.filter((d) => d.code === 'placeholder');
      expect(placeholders.flatMap((d) => (d.data.lines as number[]).map((l) => l + 1))).toEqual(holes.sort((a, b) => a - b));
      expect(found.filter((l) => !/ (version-not-full|placeholder) /.test(l))).toEqual([]);
    });
  }

  test('a complete SBOM (models and vendors given) checks clean', () => {
    const doc = sbom('cyclonedx-1.4.json');
    const complete = doc.components.filter((c) => c.flags.length === 0).map((c) => ({ ...c, model: c.model ?? '通用版' }));
    expect(diag(withOtsTable(renderOtsTable(complete, 'zh-CN')))).toBe('');
  });
});
