// Everything the editor offers for 2017 works for 2022: completion of the missing 2022 sections in
// guideline order and of the 2022 frontmatter keys and values, hovers quoting the 2022 guideline,
// a skeleton and a snippet per 2022 kind and language, quick fixes inserting a missing 2022
// section where it belongs, and the generated rule and requirement docs.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { Engine } from '../../server/src/engine/engine';
import { LineIndex } from '../../server/src/engine/text';
import { parentId } from '../../server/src/engine/match';
import { skeleton } from '../../server/src/engine/skeleton';
import { nmpa2022 } from '../../server/src/engine/rulesets/nmpa-2022';
import type { DocumentKind, Requirement } from '../../server/src/engine/rulesets/types';
import { complete } from '../../server/src/features/completion';
import { hover } from '../../server/src/features/hover';
import { codeActions } from '../../server/src/features/codeActions';
import { viewOf } from '../../server/src/features/view';
import { diag, memHost, ROOT } from '../helpers';
import { headings, replaceLines } from '../fixtures';

const REPO = path.join(__dirname, '..', '..');
const read = (p: string) => fs.readFileSync(path.join(REPO, p), 'utf8');
const EXAMPLE = read('examples/nmpa-2022/monitor/cybersecurity-research-report.md');
const DOSSIER = read('examples/nmpa-2022/monitor/dossier.yaml');
// The guideline's text, vendored with the tests (the hover quotes must be its words).
const GUIDELINE = read('test/fixtures/guideline/nmpa-2022-cybersecurity-guideline.zh.txt');
const squash = (s: string) => s.replace(/\s+/g, '');
const kind = (id: string) => nmpa2022.kinds.find((k) => k.id === id)!;
const req = (k: DocumentKind, id: string) => k.requirements.find((r) => r.id === id)!;
const R = kind('cybersecurity-research-report');
const URI = 'file:///ws/d/doc.md';

/** The engine's view of doc.md in a folder with the example's dossier.yaml. */
function viewFor(text: string) {
  const host = memHost({ 'd/doc.md': text, 'd/dossier.yaml': DOSSIER });
  const engine = new Engine({ host });
  const file = path.join(ROOT, 'd/doc.md');
  const result = engine.check({ files: [file] });
  return { view: viewOf(engine, file), report: result.reports.find((r) => r.path === file)! };
}

function at(text: string, marker = '‸') {
  const i = text.indexOf(marker);
  const before = text.slice(0, i);
  const line = before.split('\n').length - 1;
  return { text: text.slice(0, i) + text.slice(i + marker.length), position: { line, character: i - (before.lastIndexOf('\n') + 1) } };
}

function completions(text: string, locale: 'zh-CN' | 'en' = 'zh-CN') {
  const { text: t, position } = at(text);
  const { view } = viewFor(t);
  const list = complete({ text: t, position, locale, view, ruleset: nmpa2022 });
  return (list?.items ?? []).sort((a, b) => ((a.sortText ?? a.label) < (b.sortText ?? b.label) ? -1 : 1));
}

const section = (text: string, title: string, from = 0) => headings(text).find((h) => h.title === title && h.line >= from)!;

describe('completion', () => {
  test('the example research report checks clean (the base of these tests)', () => {
    expect(diag(EXAMPLE, { name: 'd/doc.md', extra: { 'd/dossier.yaml': DOSSIER } })).toBe('');
  });

  test('a new heading under 维护计划 offers the missing 2022 sub-sections, in guideline order, with the document’s numbering', () => {
    let text = EXAMPLE;
    const r25 = section(text, '维护计划');
    const r252 = section(text, '网络安全事件应急响应');
    // Remove 2.5.2 and 2.5.3 (R2.5.2: L = 中等; R2.5.3: remote maintenance), then type "#### " after 2.5.1.
    text = replaceLines(text, r252.line, r25.end, ['#### ‸', '']);
    const all = completions(text);
    // Issue 18 item 6: the present sibling is offered too, marked and sorted after the missing ones.
    expect(all.filter((i) => i.sortText!.startsWith('2')).map((i) => `${i.label} · ${i.detail}`)).toEqual(['2.5.2 网络安全更新 · R2.5.1 · 六（一）2（5）, 表1 · ✓ 已有']);
    const items = all.filter((i) => i.sortText!.startsWith('0'));
    // Each item is numbered for insertion at the cursor (after 2.5.1), so both carry 2.5.2.
    expect(items.map((i) => `${i.label} · ${i.detail}`)).toEqual(['2.5.2 网络安全事件应急响应 · R2.5.2 · 六（一）2（5）, 表1, 二（七）', '2.5.2 远程维护与升级 · R2.5.3 · 六（一）2（5）, 五（三）']);
    // The inserted snippet carries the 2022 template, and the documentation quotes the guideline.
    const first = items[0];
    expect((first.textEdit as TextEdit).newText).toContain('网络安全事件应急响应流程图');
    expect((first.documentation as { value: string }).value).toContain(`> ${req(R, 'R2.5.2').quote}`);
  });

  test('a new top-level heading offers the missing chapters (结论), not those already present', () => {
    const text = EXAMPLE;
    const r4 = section(text, '结论');
    const all = completions(replaceLines(text, r4.line, r4.end, ['## ‸', '']));
    // Missing first; the present chapters follow, marked (issue 18 item 6: never an empty list).
    expect(all.filter((i) => i.sortText!.startsWith('0')).map((i) => `${i.label} · ${i.detail?.split(' · ')[0]}`)).toEqual(['4 结论 · R4']);
    expect(all.filter((i) => i.sortText!.startsWith('2')).map((i) => i.detail?.split(' · ')[0])).toEqual(['R1', 'R2', 'R3']);
    expect(all.filter((i) => i.sortText!.startsWith('2')).every((i) => i.detail!.endsWith('✓ 已有'))).toBe(true);
  });

  test('conditional sections are offered only when the facts require them (R1.2.5 needs data.cross_border: true)', () => {
    const text = EXAMPLE;
    const r124 = section(text, '远程维护与升级');
    const r13 = section(text, '网络安全能力');
    const typed = replaceLines(text, r124.line, r13.line, ['#### ‸', '']);
    const all = completions(typed);
    expect(all.filter((i) => i.sortText!.startsWith('0')).map((i) => i.detail?.split(' · ')[0])).toEqual(['R1.2.4']);
    // Not required under these facts: offered after the missing ones and said so.
    expect(all.find((i) => i.detail?.startsWith('R1.2.5 '))?.detail).toMatch(/此处非必需$/);
  });

  const fmItems = (fm: string, locale: 'zh-CN' | 'en' = 'zh-CN') => {
    const { text, position } = at(`---\n${fm}\n---\n`);
    const list = complete({ text, position, locale, ruleset: nmpa2022 });
    return (list?.items ?? []).map((i) => (i.detail ? `${i.label} ${i.detail}` : i.label));
  };

  test('frontmatter keys of the 2022 schema, with zh labels', () => {
    expect(fmItems('guideline: nmpa-2022\nsoftware:\n  ‸')).toEqual(['safety_level 软件安全性级别', 'cybersecurity_level 网络安全的安全性级别', 'ots_usage 现成软件组件使用方式', 'external_environment 外部软件环境']);
    expect(fmItems('guideline: nmpa-2022\nfunctions:\n  ‸')).toEqual(expect.arrayContaining(['remote_maintenance 远程维护与升级', 'user_access 用户访问']));
    expect(fmItems('guideline: nmpa-2022\ndata:\n  types: [sensitive-medical]\n  ‸')).toEqual(['cross_border 医疗数据出境']);
  });

  test('enum values of the 2022 facts, with zh labels', () => {
    expect(fmItems('software:\n  safety_level: ‸')).toEqual(['minor 轻微', 'moderate 中等', 'major 严重']);
    expect(fmItems('software:\n  cybersecurity_level: ‸')).toEqual(['minor 轻微', 'moderate 中等', 'major 严重']);
    expect(fmItems('software:\n  ots_usage: ‸')).toEqual(['none 不使用', 'partial 部分使用', 'full 全部使用']);
    expect(fmItems('data:\n  types: [‸]')).toEqual(['sensitive-medical 敏感医疗数据', 'non-sensitive-medical 非敏感医疗数据', 'device 设备数据']);
    expect(fmItems('update_content: [‸]')).toEqual(['functional 功能更新', 'patch 补丁更新', 'none 无']);
    const docs = fmItems('document: ‸');
    for (const k of nmpa2022.kinds) expect(docs.some((d) => d.startsWith(`${k.id} `))).toBe(true);
  });
});

describe('hover on a 2022 heading quotes the 2022 guideline', () => {
  test('the guideline text is available', () => {
    expect(GUIDELINE.length).toBeGreaterThan(10_000);
  });

  const { view } = viewFor(EXAMPLE);
  const lines = EXAMPLE.split('\n');
  const hs = headings(EXAMPLE).filter((h) => h.depth > 1);
  test.each(hs.map((h) => [h.numbering + h.title, h] as const))('%s', (_t, h) => {
    const value = (hover({ text: EXAMPLE, position: { line: h.line, character: lines[h.line].length - 1 }, locale: 'zh-CN', view, ruleset: nmpa2022 })?.contents as { value: string } | undefined)?.value ?? '';
    const id = /^\*\*([RO][\d.]+) /.exec(value)?.[1];
    expect(id, value).toBeTruthy();
    const r = req(R, id!);
    expect(r.title.zh === h.title || r.synonyms.includes(h.title)).toBe(true);
    const quote = /\n> (.*)\n/.exec(value)?.[1] ?? '';
    expect(quote).toBe(r.quote);
    // The quote is the guideline's own words (line breaks of the text file aside).
    expect(squash(GUIDELINE)).toContain(squash(quote));
  });

  test('a conditional 2022 requirement says which fact requires it; English locale', () => {
    const h = section(EXAMPLE, '网络安全事件应急响应');
    const value = (hover({ text: EXAMPLE, position: { line: h.line, character: 6 }, locale: 'en', view, ruleset: nmpa2022 })?.contents as { value: string }).value;
    expect(value).toContain('Required here because software.safety_level: moderate');
    expect(value).toContain('Clause 六（一）2（5）, 表1, 二（七） · NMPA 2022 cybersecurity guideline');
  });

  test('every quote of every 2022 requirement is in the guideline', () => {
    const off = nmpa2022.kinds.flatMap((k) => k.requirements).filter((r) => !squash(GUIDELINE).includes(squash(r.quote)));
    expect(off.map((r) => r.id)).toEqual([]);
  });
});

// ---- Skeletons and snippets ------------------------------------------------------------------

/** Facts that switch every 2022 condition on (as in catalogue-2022.test.ts), per kind. */
function factsFor(kindId: string): string {
  const submission: Record<string, string> = {
    'ots-cybersecurity-report': 'submission: initial-registration\n',
    'cybersecurity-functional-update-report': 'submission: change\nupdates: [minor]\nupdate_content: [functional]\n',
    'ots-cybersecurity-functional-update-report': 'submission: change\nupdates: [minor]\nupdate_content: [functional]\n',
    'cybersecurity-patch-update-report': 'submission: change\nupdates: [minor]\nupdate_content: [patch]\n',
    'authenticity-statement': 'submission: change\nupdates: [none]\n',
    'instructions-for-use-change-table': 'submission: change\nupdates: [minor]\nupdate_content: [functional]\n',
  };
  const ots = kindId.startsWith('ots-') ? 'full' : 'partial';
  return [
    submission[kindId] ?? 'submission: initial-registration\n',
    'product: { name: 输液泵, model: IP-600, class: III, software_version: V2.1.0.3 }\n',
    `software: { safety_level: major, ots_usage: ${ots}, external_environment: true }\n`,
    'data: { types: [sensitive-medical, device], cross_border: true }\n',
    'functions: { exchange: bidirectional, remote_control: realtime, user_access: true, remote_maintenance: true }\n',
    'interfaces:\n  network: { wired: true, dedicated_wireless: true, protocols: [{ name: HL7 v2.6, kind: standard }, { name: IPX v2, kind: custom }] }\n',
    'security_software: true\n',
  ].join('');
}

const snippets = JSON.parse(read('snippets/cyberdossier.code-snippets')) as Record<string, { prefix: string[]; body: string[] | string }>;
const kindLang = nmpa2022.kinds.flatMap((k) => (['zh', 'en'] as const).map((lang) => [k.id, lang] as const));

describe('a skeleton and a snippet for each 2022 kind, zh and en', () => {
  test.each(kindLang)('%s (%s): the snippet is the skeleton', (kindId, lang) => {
    // cd-<kind>-<lang> is shared with the 2017 kind of the same id (authenticity-statement,
    // instructions-for-use, technical-requirements); <letter>-skeleton-<lang> tells them apart.
    const letter = `${kind(kindId).prefix.toLowerCase()}-skeleton-${lang}`;
    const s = Object.values(snippets).find((x) => x.prefix.includes(`cd-${kindId}-${lang}`) && x.prefix.includes(letter));
    expect(s, `cd-${kindId}-${lang} / ${letter}`).toBeTruthy();
    const body = Array.isArray(s!.body) ? s!.body.join('\n') : s!.body;
    const sk = skeleton(nmpa2022, kind(kindId), lang);
    // The snippet escapes $ } \ for the snippet syntax; the text it inserts is the skeleton.
    const unescaped = body.replace(/\\([$}\\])/g, '$1');
    expect(unescaped.trimEnd()).toBe(sk.trimEnd());
    expect(sk).toContain('guideline: nmpa-2022');
  });

  test('a snippet per 2022 section, zh and en, inserting its heading and template', () => {
    for (const k of nmpa2022.kinds)
      for (const r of k.requirements) {
        if (r.wholeDocument) continue;
        for (const lang of ['zh', 'en'] as const) {
          const s = Object.values(snippets).find((x) => x.prefix.includes(`cd-${r.id}${lang === 'en' ? '-en' : ''}`));
          expect(s, `${r.id} ${lang}`).toBeTruthy();
          const body = (Array.isArray(s!.body) ? s!.body.join('\n') : s!.body).replace(/\\([$}\\])/g, '$1');
          expect(body).toContain(r.title[lang]);
        }
      }
  });

  test.each(kindLang)('%s (%s): every section, in order, and no missing-section with every condition on', (kindId, lang) => {
    const k = kind(kindId);
    const sk = skeleton(nmpa2022, k, lang);
    const titles = headings(sk)
      .filter((h) => h.depth > 1)
      .map((h) => h.title);
    expect(titles).toEqual(k.requirements.filter((r) => !r.wholeDocument).map((r) => r.title[lang]));
    const text = sk.replace('guideline: nmpa-2022\n', `guideline: nmpa-2022\n${factsFor(kindId)}`);
    const out = diag(text).split('\n').filter(Boolean);
    expect(out.filter((l) => / (missing-section|frontmatter-invalid|frontmatter-missing|wrong-document-kind) /.test(`${l} `))).toEqual([]);
    // What is reported is the template's placeholders (and facts a template cannot name).
    for (const l of out) expect(l).toMatch(/ (placeholder|inconsistent-fact|privacy-not-addressed|empty-section|vulnerability-assessment-incomplete|missing-diagram|version-rule-incomplete|incomplete-row|capability-unaddressed)( |$)/);
  });
});

// ---- Quick fixes -----------------------------------------------------------------------------

function lspDiagnostics(text: string): Diagnostic[] {
  const { report } = viewFor(text);
  return report.diagnostics.map((d) => ({ range: d.range, code: d.code, source: 'cyberdossier', message: d.message.zh, data: d.data, severity: 1 }));
}

function apply(text: string, edits: TextEdit[]): string {
  const lines = new LineIndex(text);
  const sorted = [...edits].sort((a, b) => lines.offsetAt(b.range.start) - lines.offsetAt(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, lines.offsetAt(e.range.start)) + e.newText + out.slice(lines.offsetAt(e.range.end));
  return out;
}

/** Applies the preferred fix of the missing-section diagnostic of `id`. */
function fixMissing(text: string, id: string, locale: 'zh-CN' | 'en' = 'zh-CN'): string {
  const d = lspDiagnostics(text).find((x) => x.code === 'missing-section' && (x.data as { requirement?: string }).requirement === id);
  expect(d, `missing-section ${id}`).toBeTruthy();
  const actions = codeActions({ uri: URI, text, locale, diagnostics: [d!], today: '2026-01-15' });
  const fix = actions.find((a) => a.isPreferred) ?? actions[0];
  return apply(text, fix.edit!.changes![URI]);
}

describe('quick fixes insert a missing 2022 section where it belongs', () => {
  const cases: [string, string][] = [
    ['R2.5.2', '网络安全事件应急响应'],
    ['R1.2.4', '远程维护与升级'],
    ['R3.1', '网络安全漏洞自评报告'],
    ['R1.4', '网络安全补丁'],
    ['R4', '结论'],
  ];
  test.each(cases)('%s %s', (id, title) => {
    const r = req(R, id);
    // The first heading of that title (远程维护与升级 is R1.2.4 first, R2.5.3 later).
    const h = headings(EXAMPLE).find((x) => x.title === title)!;
    const without = replaceLines(EXAMPLE, h.line, h.end, []);
    const fixed = fixMissing(without, id);
    // The section is back under its parent, between the same neighbours, numbered like them.
    const after = headings(fixed);
    const inserted = after.find((x) => x.title === r.title.zh && x.line >= h.line - 1 && x.line <= h.line + 1);
    expect(inserted, fixed.split('\n').slice(h.line - 3, h.line + 4).join('\n')).toBeTruthy();
    expect(inserted!.depth).toBe(h.depth);
    expect(inserted!.numbering).toBe(h.numbering);
    // The fix inserts the 2022 template, and the section is no longer missing.
    expect(fixed).toContain(r.template.zh.split('\n')[0]);
    expect(lspDiagnostics(fixed).filter((d) => d.code === 'missing-section')).toEqual([]);
  });

  test('a missing U item (top level) and a missing M sub-section (M5.3) go to their places in guideline order', () => {
    const U = kind('cybersecurity-patch-update-report');
    const M = kind('instructions-for-use');
    for (const [k, id, patch] of [
      [U, 'U6', 'submission: change\nupdates: [minor]\nupdate_content: [patch]\n'],
      [M, 'M5.3', ''],
    ] as const) {
      const sk = skeleton(nmpa2022, k, 'zh');
      const full = sk.replace('guideline: nmpa-2022\n', `guideline: nmpa-2022\n${patch}`);
      const r = req(k, id);
      const h = headings(full).find((x) => x.title === r.title.zh)!;
      const without = replaceLines(full, h.line, h.end, []);
      const fixed = fixMissing(without, id);
      const titles = headings(fixed).filter((x) => x.depth > 1).map((x) => `${x.numbering}${x.title}`);
      expect(titles).toEqual(headings(full).filter((x) => x.depth > 1).map((x) => `${x.numbering}${x.title}`));
      expect(parentId(id) === '' || titles.includes(`${h.numbering}${r.title.zh}`)).toBe(true);
    }
  });

  test('in English documents the fix inserts the English title and template', () => {
    const sk = skeleton(nmpa2022, R, 'en').replace('guideline: nmpa-2022\n', 'guideline: nmpa-2022\nsoftware: { safety_level: major }\n');
    const h = headings(sk).find((x) => x.title === req(R, 'R3.3').title.en)!;
    const fixed = fixMissing(replaceLines(sk, h.line, h.end, []), 'R3.3', 'en');
    expect(headings(fixed).some((x) => x.title === 'Maintenance plan for known residual vulnerabilities' && x.numbering === h.numbering)).toBe(true);
  });
});

// ---- Generated docs ------------------------------------------------------------------------

describe('rule docs and the requirement catalogue cover 2022', () => {
  test.each(['missing-diagram', 'vulnerability-assessment-incomplete', 'version-rule-incomplete'])('docs/rules/%s.md describes the 2022 code in zh and en with examples', (code) => {
    const doc = read(`docs/rules/${code}.md`);
    expect(doc).toContain(`# \`${code}\``);
    expect(doc).toContain('nmpa-2022');
    expect(doc).toMatch(/[\u4e00-\u9fff]/);
    expect(doc).toMatch(/## 错误示例 · Bad/);
  });
  test('docs/requirements/nmpa-2022.md lists every kind and every requirement with its titles and clause', () => {
    const doc = read('docs/requirements/nmpa-2022.md');
    for (const k of nmpa2022.kinds) {
      expect(doc).toContain(`\`${k.id}\``);
      for (const r of k.requirements) expect(doc, r.id).toContain(`| ${r.id} | ${r.title.zh} | ${r.title.en} |`);
    }
  });
  test('the missing-section doc and the requirement docs name the 2022 rule set', () => {
    const rule = read('docs/rules/missing-section.md');
    expect(rule).toMatch(/nmpa-2022|2022/);
  });
});

void ({} as Requirement);
