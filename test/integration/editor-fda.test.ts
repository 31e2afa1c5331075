// Everything the editor offers for NMPA works for the FDA rule set: completion of the missing
// sections and of the FDA frontmatter keys and values, hovers quoting the guidance (English) with
// the Chinese gloss, quick fixes inserting a missing section where it belongs, the checklist's
// required / recommended split by tier and mode, the report, the Word export, the generated docs.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, test } from 'vitest';
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { Engine } from '../../server/src/engine/engine';
import { nodeHost } from '../../server/src/engine/host';
import { LineIndex } from '../../server/src/engine/text';
import { fdaPremarket2025 as FDA } from '../../server/src/engine/rulesets/fda-premarket-2025';
import type { DocumentKind } from '../../server/src/engine/rulesets/types';
import { complete } from '../../server/src/features/completion';
import { hover } from '../../server/src/features/hover';
import { codeActions } from '../../server/src/features/codeActions';
import { checklist } from '../../server/src/features/checklist';
import { viewOf } from '../../server/src/features/view';
import { dossierReport, render as renderReport } from '../../server/src/report';
import { exportToFile } from '../../server/src/word/files';
import { memHost, ROOT } from '../helpers';
import { headings, replaceLines } from '../fixtures';
import { sbomReader } from '../../server/src/sbom';

const REPO = path.join(__dirname, '..', '..');
const read = (p: string) => fs.readFileSync(path.join(REPO, p), 'utf8');
const EX = 'examples/fda-premarket-2025/infusion-pump';
const K_DOC = read(`${EX}/cybersecurity-risk-management-report.md`);
const DOSSIER = read(`${EX}/dossier.yaml`);
const GUIDANCE = read('test/fixtures/guideline/fda-2025-cybersecurity-premarket.en.md').replace(/\s+/g, ' ');
const kind = (id: string) => FDA.kinds.find((k) => k.id === id)!;
const req = (k: DocumentKind, id: string) => k.requirements.find((r) => r.id === id)!;
const K = kind('cybersecurity-risk-management-report');
const URI = 'file:///ws/d/doc.md';

function viewFor(text: string, yaml = DOSSIER) {
  const host = memHost({ 'd/doc.md': text, 'd/dossier.yaml': yaml });
  const engine = new Engine({ sbom: sbomReader, host });
  const file = path.join(ROOT, 'd/doc.md');
  const result = engine.check({ files: [file] });
  return { view: viewOf(engine, file), report: result.reports.find((r) => r.path === file)! };
}

function at(text: string, marker = '‸') {
  const i = text.indexOf(marker);
  const before = text.slice(0, i);
  return { text: text.slice(0, i) + text.slice(i + marker.length), position: { line: before.split('\n').length - 1, character: i - (before.lastIndexOf('\n') + 1) } };
}

const section = (text: string, title: string) => headings(text).find((h) => h.title === title)!;

describe('completion', () => {
  test('a new heading under the vulnerability assessment offers its missing sub-sections, in catalogue order', () => {
    const k6 = section(K_DOC, 'Vulnerability assessment and software support');
    const k62 = section(K_DOC, 'CISA Known Exploited Vulnerabilities');
    const { text, position } = at(replaceLines(K_DOC, k62.line, k6.end, ['### ‸', '']));
    const { view } = viewFor(text);
    const all = complete({ text, position, locale: 'en', view, ruleset: FDA })?.items ?? [];
    // Missing first (sort 0…); the present K6.1 follows, marked (issue 18 item 6).
    const items = all.filter((i) => i.sortText!.startsWith('0'));
    expect(all.filter((i) => i.sortText!.startsWith('2')).map((i) => `${i.label} · ${i.detail?.split(' · ')[0]} · ${i.detail?.split(' · ').pop()}`)).toEqual(['6.2 Known vulnerabilities · K6.1 · ✓ present']);
    expect(items.map((i) => i.detail?.split(' · ')[0])).toEqual(['K6.2', 'K6.3']);
    expect(items.map((i) => i.label)).toEqual(['6.2 CISA Known Exploited Vulnerabilities', '6.2 Third-party component support plans']);
    // The documentation quotes the guidance.
    expect((items[0].documentation as { value: string }).value).toContain(req(K, 'K6.2').quote);
  });

  const fmItems = (fm: string) => {
    const { text, position } = at(`---\n${fm}\n---\n`);
    return (complete({ text, position, locale: 'zh-CN', ruleset: FDA })?.items ?? []).map((i) => (i.detail ? `${i.label} ${i.detail}` : i.label));
  };
  test('frontmatter keys and values of the FDA schema, with zh labels', () => {
    expect(fmItems('guideline: fda-premarket-2025\ncyber_device:\n  ‸')).toEqual([
      'software 包含软件（524B(c)(1)）',
      'internet 具备连接互联网的能力（524B(c)(2)）',
      'vulnerable_characteristics 含可能易受网络安全威胁影响的技术特征（524B(c)(3)）',
    ]);
    expect(fmItems('guideline: fda-premarket-2025\nsubmission: ‸')).toEqual([
      '510k 510(k) 上市前通知',
      'de-novo De Novo 分类申请',
      'pma 上市前批准申请',
      'pma-supplement PMA 补充申请',
      'hde 人道主义器械豁免申请',
      'pdp 产品开发方案',
      'ide 试验用器械豁免申请',
      'modification 器械变更申报',
    ]);
    expect(fmItems('guideline: fda-premarket-2025\nconnectivity:\n  wireless: [‸]')).toEqual(expect.arrayContaining(['bluetooth 蓝牙（含低功耗蓝牙）', 'wifi Wi-Fi']));
    const docs = fmItems('guideline: fda-premarket-2025\ndocument: ‸');
    for (const k of FDA.kinds) expect(docs.some((d) => d.startsWith(`${k.id} `))).toBe(true);
  });
});

describe('hover on an FDA heading quotes the guidance (en) with its gloss (zh)', () => {
  const { view } = viewFor(K_DOC);
  const lines = K_DOC.split('\n');
  const hs = headings(K_DOC).filter((h) => h.depth > 1);
  test.each(hs.map((h) => [h.numbering + h.title, h] as const))('%s', (_t, h) => {
    const value = (hover({ text: K_DOC, position: { line: h.line, character: lines[h.line].length - 1 }, locale: 'en', view, ruleset: FDA })?.contents as { value: string } | undefined)?.value ?? '';
    const id = /^\*\*(K[\d.]+) /.exec(value)?.[1];
    expect(id, value).toBeTruthy();
    const r = req(K, id!);
    const quote = /\n> (.*)\n/.exec(value)?.[1] ?? '';
    expect(quote).toBe(r.quote);
    expect(GUIDANCE).toContain(quote.replace(/\s+/g, ' '));
    expect(value).toContain(`*${r.gloss}*`);
    expect(value).toContain('FDA premarket cybersecurity guidance (2025)');
  });
  test('tier B is recommended here; a not-a-cyber-device file makes tier A recommended too', () => {
    const l = read(`${EX}/labeling.md`);
    const h = section(l, 'Recommended cybersecurity controls');
    const hv = (yaml: string) =>
      (hover({ text: l, position: { line: h.line, character: 8 }, locale: 'en', view: viewFor(l, yaml).view, ruleset: FDA })?.contents as { value: string }).value;
    expect(hv(DOSSIER)).toContain('Recommended here because submission: 510k');
    const k = section(K_DOC, 'Threat model');
    const hk = (yaml: string) =>
      (hover({ text: K_DOC, position: { line: k.line, character: 8 }, locale: 'en', view: viewFor(K_DOC, yaml).view, ruleset: FDA })?.contents as { value: string }).value;
    expect(hk(DOSSIER)).toContain('Required here because submission: 510k');
    expect(hk(DOSSIER.replace('software: true', 'software: false'))).toContain('Recommended here because');
  });
});

// ---- Quick fixes -----------------------------------------------------------------------------

function lspDiagnostics(text: string): Diagnostic[] {
  return viewFor(text).report.diagnostics.map((d) => ({ range: d.range, code: d.code, source: 'cyberdossier', message: d.message.en, data: d.data, severity: 1 }));
}

function apply(text: string, edits: TextEdit[]): string {
  const lines = new LineIndex(text);
  let out = text;
  for (const e of [...edits].sort((a, b) => lines.offsetAt(b.range.start) - lines.offsetAt(a.range.start)))
    out = out.slice(0, lines.offsetAt(e.range.start)) + e.newText + out.slice(lines.offsetAt(e.range.end));
  return out;
}

describe('quick fixes insert a missing FDA section where it belongs, in English', () => {
  test.each([
    ['K2.4', 'Supply chain and lifecycle threats'],
    ['K5', 'Software bill of materials'],
    ['K6.2', 'CISA Known Exploited Vulnerabilities'],
  ])('%s %s', (id, title) => {
    const h = section(K_DOC, title);
    const without = replaceLines(K_DOC, h.line, h.end, []);
    const d = lspDiagnostics(without).find((x) => x.code === 'missing-section' && (x.data as { requirement?: string }).requirement === id);
    expect(d, `missing-section ${id}`).toBeTruthy();
    const fix = codeActions({ uri: URI, text: without, locale: 'en', diagnostics: [d!], today: '2026-01-15' }).find((a) => a.isPreferred)!;
    const fixed = apply(without, fix.edit!.changes![URI]);
    const inserted = headings(fixed).find((x) => x.title === title);
    expect(inserted?.depth).toBe(h.depth);
    expect(inserted?.numbering).toBe(h.numbering);
    expect(fixed).toContain(req(K, id).template.en.split('\n')[0]);
    expect(lspDiagnostics(fixed).filter((x) => x.code === 'missing-section')).toEqual([]);
  });
});

// ---- Checklist, report, Word export ------------------------------------------------------------

describe('checklist and report', () => {
  const c = checklist(new Engine({ sbom: sbomReader, host: nodeHost }), path.join(REPO, EX), 'en', { fresh: true })!;
  test('N of M counts tier A only; tier B and conditions off are not counted', () => {
    expect(c.documents.map((d) => `${d.kind}: ${d.status} ${d.counts.present}/${d.counts.required}`)).toEqual([
      'cybersecurity-risk-management-report: present 23/23',
      'security-architecture: present 6/6',
      'cybersecurity-testing: present 22/22',
      'labeling: present 0/0',
      'cybersecurity-management-plan: present 11/11',
    ]);
    const b3 = c.documents[1].requirements.find((r) => r.id === 'B3')!;
    expect([b3.status, b3.required, b3.recommended]).toEqual(['present', false, true]);
    const k8 = c.documents[0].requirements.find((r) => r.id === 'K8')!;
    expect([k8.status, k8.required]).toEqual(['not-required', false]);
  });
  test('the Markdown report names the FDA guidance and the submission', () => {
    const r = dossierReport(new Engine({ sbom: sbomReader, host: nodeHost }), path.join(REPO, EX), 'en')!;
    const md = renderReport(r, 'md', 'en');
    expect(md).toContain('Cybersecurity in Medical Devices: Quality System Considerations and Content of Premarket Submissions');
    expect(md).toContain('| Completeness | 62 of 62 required sections present |');
    expect(md).toContain('| K5 | Software bill of materials | V.A.4.a, V.A.4.b, VII.C.3, Appendix 4, Table 1 | Present |');
  });
});

describe('Word export', () => {
  test('the clean example exports to one .docx with every document', async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cd-fda-')), 'ip600.docx');
    const r = await exportToFile(new Engine({ sbom: sbomReader, host: nodeHost }), path.join(REPO, EX), { output: out });
    expect([r.refused, r.written, r.files.length, r.check.errors]).toEqual([false, true, 5, 0]);
    const xml = await (await JSZip.loadAsync(fs.readFileSync(out))).file('word/document.xml')!.async('string');
    for (const t of ['Security Risk Management Report', 'Software bill of materials', 'Penetration testing', 'Coordinated vulnerability disclosure']) expect(xml).toContain(t);
  });
});

describe('generated docs cover the FDA rule set', () => {
  test('docs/requirements/fda-premarket-2025.md lists every kind and requirement with its titles and clause', () => {
    const doc = read('docs/requirements/fda-premarket-2025.md');
    for (const k of FDA.kinds) {
      expect(doc).toContain(`\`${k.id}\``);
      for (const r of k.requirements) expect(doc, r.id).toContain(`| ${r.id} | ${r.title.zh} | ${r.title.en} |`);
    }
  });
  test('docs/rules/not-a-cyber-device.md in zh and en with examples', () => {
    const doc = read('docs/rules/not-a-cyber-device.md');
    expect(doc).toContain('# `not-a-cyber-device`');
    expect(doc).toMatch(/[\u4e00-\u9fff]/);
    expect(doc).toMatch(/## 错误示例 · Bad/);
  });
});
