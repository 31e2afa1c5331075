// The client's pure helpers (issue 18): the language its surfaces use, the count forms, the
// checklist icons; and the server side of *New dossier document…* (guidelines offered, the
// dossier.yaml merge that never replaces a user's key).

import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { contentLanguage, countForm, format, resolveLocale, settingLocale, translate } from '../../client/src/i18n-core';
import { documentIcon, requirementIcon } from '../../client/src/checklist-icons';
import { REPORT_CSP, reportOpener, withReportCsp } from '../../client/src/report-open';
import { RULESETS } from '../../server/src/engine/rulesets';
import { guidelineInfos, mergeDossierYaml, orderRuleSets } from '../../server/src/features/new-dossier';
import type { RuleSet } from '../../server/src/engine/rulesets/types';

describe('one language per dossier', () => {
  test('the setting wins, then the dossier, then the editor; auto and null mean unset', () => {
    expect(resolveLocale('en', 'zh-CN', 'zh-cn')).toBe('en');
    expect(resolveLocale('zh-CN', 'en', 'en')).toBe('zh-CN');
    expect(resolveLocale('auto', 'zh-CN', 'en')).toBe('zh-CN');
    expect(resolveLocale(null, 'en', 'zh-cn')).toBe('en');
    expect(resolveLocale(undefined, undefined, 'zh-cn')).toBe('zh-CN');
    expect(resolveLocale('auto', undefined, 'en-US')).toBe('en');
    expect(settingLocale('auto')).toBeUndefined();
  });
  test('a dossier file’s language is the language of its headings (fences ignored)', () => {
    expect(contentLanguage('---\ndocument: description\n---\n# 监护仪 网络安全描述文档\n## 1 基本情况\n')).toBe('zh-CN');
    expect(contentLanguage('# Monitor — Cybersecurity description\n## 1 Basic information\n```\n# 注释\n# 注释\n# 注释\n```\n')).toBe('en');
    expect(contentLanguage('no headings at all')).toBeUndefined();
    expect(contentLanguage('## 1.2\n')).toBeUndefined();
  });
  test('bundle look-up and {n} formatting; English is the key itself', () => {
    const bundles = { 'zh-CN': { '{0} findings': '{0} 项发现' } };
    expect(translate(bundles, 'zh-CN', '{0} findings', [3])).toBe('3 项发现');
    expect(translate(bundles, 'en', '{0} findings', [3])).toBe('3 findings');
    expect(translate(bundles, 'zh-CN', 'untranslated {0}', ['x'])).toBe('untranslated x');
    expect(format('{0}/{1} {2}', [1, 2])).toBe('1/2 {2}');
  });
  test('"1 finding", "2 findings", "0 findings"', () => {
    const f = (n: number) => format(countForm(n, '{0} finding', '{0} findings'), [n]);
    expect([f(1), f(2), f(0)]).toEqual(['1 finding', '2 findings', '0 findings']);
  });
});

describe('checklist icons', () => {
  const counts = { required: 2, present: 2, byStatus: { present: 2, 'not-applicable': 0, missing: 0, empty: 0, 'not-required': 0 }, findings: { total: 0, error: 0, warning: 0, info: 0, hint: 0 } };
  test('required gap, recommended gap, not applicable and not part of this submission look different', () => {
    const required = requirementIcon({ status: 'missing', required: true, recommended: false });
    const recommended = requirementIcon({ status: 'missing', required: false, recommended: true });
    const na = requirementIcon({ status: 'not-applicable', required: true, recommended: false });
    const rejected = documentIcon({ status: 'rejected', counts });
    const notRequired = requirementIcon({ status: 'not-required', required: false, recommended: false });
    const icons = [required, recommended, na, rejected, notRequired];
    expect(new Set(icons.map((i) => i.icon)).size).toBe(icons.length);
    expect(required.color).toBe('list.errorForeground');
    // Only an incomplete submission is red.
    for (const i of [recommended, na, rejected, notRequired]) expect(i.color).not.toBe('list.errorForeground');
    expect(documentIcon({ status: 'missing', counts }).color).toBe('list.errorForeground');
    expect(documentIcon({ status: 'present', counts }).meaning).toBe('present');
  });
});

describe('New dossier document: guidelines and dossier.yaml', () => {
  test('current law first: nmpa-2022, then nmpa-2017; another family after, newest first', () => {
    const infos = guidelineInfos(RULESETS);
    expect(infos.map((g) => g.id).slice(0, 2)).toEqual(['nmpa-2022', 'nmpa-2017']);
    expect(infos[0].current).toBe(true);
    expect(infos.filter((g) => g.default).map((g) => g.id)).toEqual(['nmpa-2017']);
    const fake = (id: string) => ({ id }) as RuleSet;
    expect(orderRuleSets([fake('nmpa-2017'), fake('nmpa-2022'), fake('fda-premarket-2023'), fake('fda-premarket-2025')]).map((r) => r.id)).toEqual(['nmpa-2022', 'nmpa-2017', 'fda-premarket-2025', 'fda-premarket-2023']);
    // The facts asked come from each schema: the submission kinds, the product with class as a choice.
    const g = infos[0];
    expect(g.submissions.map((s) => s.value)).toEqual(['initial-registration', 'change', 'renewal']);
    expect(g.submissions[1].label).toEqual({ zh: '变更注册', en: 'change' });
    expect(g.product.map((p) => p.key)).toEqual(['name', 'model', 'class', 'software_version']);
    expect(g.product.find((p) => p.key === 'class')?.choices?.map((c) => c.value)).toEqual(['I', 'II', 'III']);
    // Only that guideline's kinds.
    expect(g.kinds.map((k) => k.id)).toEqual(RULESETS.find((r) => r.id === 'nmpa-2022')!.kinds.map((k) => k.id));
  });

  test('a new dossier.yaml holds the answers', () => {
    const r = mergeDossierYaml(undefined, { guideline: 'nmpa-2022', submission: 'initial-registration', product: { name: '监护仪', model: 'PM-1', class: 'II', software_version: '1.0' } }, 'zh');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.added).toEqual(['guideline', 'submission', 'product.name', 'product.model', 'product.class', 'product.software_version']);
    expect(r.text).toMatchInlineSnapshot(`
      "# 共享的产品事实：本文件夹内每个申报文件的 frontmatter 只需写明 document。

      guideline: nmpa-2022
      submission: initial-registration
      product:
        name: 监护仪
        model: PM-1
        class: II
        software_version: "1.0"
      "
    `);
    // "1.0" stays a string: a version is not a number.
    expect(parse(r.text).product.software_version).toBe('1.0');
  });

  test('an existing dossier.yaml keeps every key and comment; only what is missing is added', () => {
    const existing = '# our facts\nsubmission: change  # since v2\nproduct:\n  name: 旧名称\n  class: III\nupdates: [minor]\n';
    const r = mergeDossierYaml(existing, { guideline: 'nmpa-2022', submission: 'initial-registration', product: { name: '新名称', model: 'PM-2', class: 'II' } }, 'zh');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.added).toEqual(['guideline', 'product.model']);
    expect(r.kept).toEqual(['submission', 'product.name', 'product.class']);
    expect(r.present).toEqual({ submission: 'change', 'product.name': '旧名称', 'product.class': 'III' });
    expect(r.text).toContain('# our facts');
    expect(r.text).toContain('submission: change # since v2');
    expect(parse(r.text)).toEqual({ submission: 'change', product: { name: '旧名称', class: 'III', model: 'PM-2' }, updates: ['minor'], guideline: 'nmpa-2022' });
  });

  test('nothing to add: the text is returned as it was; reading only reports what is there', () => {
    const existing = 'guideline: nmpa-2017\nproduct: { name: X, class: II }\n';
    const r = mergeDossierYaml(existing, { guideline: 'nmpa-2022', product: { name: 'Y' } }, 'en');
    expect(r).toMatchObject({ ok: true, changed: false, text: existing, added: [], kept: ['guideline', 'product.name'] });
    expect(mergeDossierYaml(existing, undefined, 'en')).toMatchObject({ ok: true, changed: false, present: { guideline: 'nmpa-2017', 'product.name': 'X', 'product.class': 'II' } });
  });

  test('a dossier.yaml that does not parse is left alone, with the line', () => {
    const r = mergeDossierYaml('product:\n  name: [X\n', { guideline: 'nmpa-2022' }, 'en');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem.en).toMatch(/does not parse \(line \d+\); it was left unchanged/);
    expect(r.problem.zh).toMatch(/无法解析（第 \d+ 行）/);
    // A list at the top is not a dossier.yaml either; `product:` holding a scalar is not replaced.
    expect(mergeDossierYaml('- a\n', { guideline: 'nmpa-2022' }, 'en').ok).toBe(false);
    const scalar = mergeDossierYaml('product: tbd\n', { guideline: 'nmpa-2022', product: { name: 'X' } }, 'en');
    expect(scalar).toMatchObject({ ok: true, added: ['guideline'], kept: ['product.name'] });
  });
});

describe('where a written report opens (issue 18 item 8)', () => {
  test('HTML: the system browser on a local desktop; a webview in a remote window or the browser; Markdown in the preview', () => {
    expect(reportOpener('html', { remoteName: undefined, web: false })).toBe('browser');
    expect(reportOpener('html', { remoteName: 'ssh-remote', web: false })).toBe('webview');
    expect(reportOpener('html', { remoteName: undefined, web: true })).toBe('webview');
    expect(reportOpener('md', { remoteName: 'ssh-remote', web: false })).toBe('preview');
    expect(reportOpener('csv', { remoteName: undefined, web: false })).toBe('editor');
  });
  test('the webview policy comes first in the head and allows only inline styles and data: images', () => {
    const html = '<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8"><style>td{}</style></head><body><a href="#r1">x</a></body></html>';
    const out = withReportCsp(html);
    expect(out).toBe(html.replace('<head>', `<head><meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`));
    expect(REPORT_CSP).toMatch(/^default-src 'none';/);
    expect(REPORT_CSP).not.toMatch(/script-src|https?:/);
    expect(withReportCsp('<p>bare</p>')).toMatch(/^<meta http-equiv="Content-Security-Policy"[^>]+><p>bare<\/p>$/);
  });
});
