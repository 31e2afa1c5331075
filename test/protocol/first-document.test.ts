// Issue 18, acceptance: from an empty folder, *New dossier document…* (the requests the client's
// flow sends: guidelines, skeleton, dossier.yaml) → the asked facts filled in → the diagnostics
// show at most one finding per section still to write, each with a fix or a clear next step.
// The same flow runs in the real workbench (test/e2e/vscode/index.js); here it runs over stdio for
// every guideline's first document, in both languages where the guideline has them.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import type { GuidelineInfo } from '../../server/src/features/new-dossier';
import { startServer, type TestClient } from './client';

let tmp: string;
const clients: TestClient[] = [];

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberdossier-first-'));
  fs.mkdirSync(path.join(tmp, '.git'));
});
afterAll(async () => {
  for (const c of clients) await c.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** What a person types into the flow's text boxes (a realistic answer per product fact). */
const ANSWERS: Record<string, Record<'zh' | 'en', string>> = {
  name: { zh: '首例监护仪', en: 'FirstCare Patient Monitor' },
  model: { zh: 'FM-1', en: 'FM-1' },
  software_version: { zh: '1.0.0.1', en: '1.0.0.1' },
};

/** What a person picks where the default (the second choice, the first two) would not be realistic. */
const PICKS: Record<string, string[]> = {
  // A cyber device: the three criteria of 524B(c) hold.
  cyber_device: ['software', 'internet', 'vulnerable_characteristics'],
  connectivity: ['wired.ethernet', 'wireless.wifi', 'usb'],
  interfaces: ['network', 'storage_media'],
  'functions.remote_control': ['none'],
};

/** The section a line belongs to: the nearest heading above it (the file's start for line 0…). */
function sectionOf(lines: string[], line: number): string {
  for (let i = line; i >= 0; i--) if (/^#{1,6} /.test(lines[i])) return `${i + 1}: ${lines[i]}`;
  return '(before the first heading)';
}

/** A fix is an action that edits or runs something other than switching the rule off. */
const isFix = (a: CodeAction) => !/^(Disable|Suppress|禁用|停用|忽略)/.test(a.title) && (a.edit !== undefined || a.command !== undefined || a.data !== undefined);

/** A next step: the message tells what to write, replace, answer or fill in. */
const NEXT_STEP = /write|replace|fill in|answer|add|state|describe|填写|替换|补充|写明|说明|答复|添加|撰写|给出|列出/i;

export async function firstDocument(c: TestClient, guideline: string, lang: 'zh' | 'en', dir: string, kindIndex = 0, submissionIndex = 0, picks: Record<string, string[]> = {}) {
  const gs = (await c.conn.sendRequest('cyberdossier/guidelines', {})) as GuidelineInfo[];
  const g = gs.find((x) => x.id === guideline)!;
  expect(g, guideline).toBeDefined();
  const kind = g.kinds[kindIndex].id;
  const product: Record<string, string> = {};
  for (const f of g.product) product[f.key] = f.choices ? f.choices[f.choices.length > 1 ? 1 : 0].value : (ANSWERS[f.key]?.[lang] ?? 'X');
  const submission = g.submissions[submissionIndex]?.value;
  // The facts asked after the kind (those the catalogue depends on, for this kind).
  const answers: Record<string, string[]> = {};
  for (const q of g.facts) {
    if ((q.kinds && !q.kinds.includes(kind)) || (q.submissions && !q.submissions.includes(submission))) continue;
    answers[q.path] = picks[q.path] ?? PICKS[q.path] ?? (q.kind === 'one' ? [q.choices[Math.min(1, q.choices.length - 1)].value] : q.choices.slice(0, 2).map((x) => x.value));
    for (const v of answers[q.path]) expect(q.choices.map((x) => x.value), q.path).toContain(v);
  }
  const sk = (await c.conn.sendRequest('cyberdossier/skeleton', { kind, lang, ruleset: g.id })) as { text: string; fileName: string };
  const yaml = (await c.conn.sendRequest('cyberdossier/dossierYaml', { facts: { guideline: g.id, submission, product, answers }, lang, ruleset: g.id })) as { ok: boolean; text: string; added: string[] };
  expect(yaml.ok).toBe(true);
  // Every answer was written (nothing the flow asked is lost on the way).
  for (const p of Object.keys(answers)) expect(yaml.added, p).toContain(p);
  const folder = path.join(tmp, dir);
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, 'dossier.yaml'), yaml.text);
  // As the client does: the title names the product.
  const text = sk.text.replace(lang === 'en' ? '<insert product name>' : '<产品名称>', product.name);
  const file = path.join(folder, sk.fileName);
  fs.writeFileSync(file, text);
  const uri = await c.open(file, text);
  const diags = (await c.diagnostics(uri)).diagnostics;
  return { uri, text, diags, kind };
}

async function audit(c: TestClient, uri: string, text: string, diags: Diagnostic[]) {
  const lines = text.split('\n');
  const perSection = new Map<string, string[]>();
  const noWayOn: string[] = [];
  for (const d of diags) {
    const s = sectionOf(lines, d.range.start.line);
    const message = typeof d.message === 'string' ? d.message : d.message.value;
    perSection.set(s, [...(perSection.get(s) ?? []), `${d.code}: ${message}`]);
    const actions = (await c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } })) as CodeAction[];
    if (!actions.some(isFix) && !NEXT_STEP.test(message)) noWayOn.push(`${d.range.start.line + 1} ${d.code}: ${message} [${actions.map((a) => a.title).join(' | ')}]`);
  }
  return { crowded: [...perSection].filter(([, v]) => v.length > 1), noWayOn };
}

describe('a first document from an empty folder: at most one finding per section, each with a way on', () => {
  for (const [guideline, lang, locale] of [
    ['nmpa-2022', 'zh', 'zh-cn'],
    ['nmpa-2022', 'en', 'en'],
    ['nmpa-2017', 'zh', 'zh-cn'],
    ['fda-premarket-2025', 'en', 'en'],
  ] as const) {
    test(`${guideline}, ${lang}`, async () => {
      const c = await startServer({ root: tmp, locale, capabilities: { workspace: { configuration: true } } });
      clients.push(c);
      const { uri, text, diags } = await firstDocument(c, guideline, lang, `${guideline}-${lang}`);
      // The facts were asked and loaded: nothing about missing frontmatter or dossier facts.
      expect(diags.filter((d) => ['frontmatter-missing', 'frontmatter-invalid', 'dossier-invalid', 'config-invalid'].includes(String(d.code))).map((d) => d.message)).toEqual([]);
      // Something is left to write (the skeleton is not a finished document).
      expect(diags.length).toBeGreaterThan(0);
      const { crowded, noWayOn } = await audit(c, uri, text, diags);
      expect(crowded).toEqual([]);
      expect(noWayOn).toEqual([]);
    });
  }
});

// Every kind a submission takes (the kind picker lists those first), for every submission.
describe('every guideline × submission × the kinds it takes: the same acceptance', () => {
  for (const guideline of ['nmpa-2022', 'nmpa-2017', 'fda-premarket-2025'] as const) {
    test(guideline, async () => {
      const lang = guideline.startsWith('fda') ? 'en' : 'zh';
      const c = await startServer({ root: tmp, locale: lang === 'zh' ? 'zh-cn' : 'en', capabilities: { workspace: { configuration: true } } });
      clients.push(c);
      const g = ((await c.conn.sendRequest('cyberdossier/guidelines', {})) as GuidelineInfo[]).find((x) => x.id === guideline)!;
      const problems: string[] = [];
      let checked = 0;
      for (const [si, sub] of g.submissions.entries()) {
        for (const [ki, kind] of g.kinds.entries()) {
          if (sub.wrongKinds?.includes(kind.id)) continue;
          // Which kinds a change takes depends on its updates: the user answers them for the
          // report being written (a patch update report: minor patch updates), so try each.
          const presets: Record<string, string[]>[] = g.facts.some((q) => q.path === 'updates' && q.submissions?.includes(sub.value))
            ? [
                { updates: ['major'], update_content: ['functional'] },
                { updates: ['minor'], update_content: ['patch'] },
                { updates: ['none'], update_content: ['none'] },
              ]
            : [{}];
          // …and whether the software is wholly OTS decides between the self-developed and the OTS reports.
          if (g.facts.some((q) => q.path === 'software.ots_usage')) presets.push(...presets.map((p) => ({ ...p, 'software.ots_usage': ['full'] })));
          let doc: Awaited<ReturnType<typeof firstDocument>> | undefined;
          for (const [pi, picks] of presets.entries()) {
            doc = await firstDocument(c, guideline, lang, `${guideline}-all/${sub.value}-${kind.id}-${pi}`, ki, si, picks);
            if (!doc.diags.some((d) => d.code === 'wrong-document-kind')) break;
          }
          const { uri, text, diags } = doc!;
          const facts = diags.filter((d) => ['frontmatter-missing', 'frontmatter-invalid', 'dossier-invalid', 'config-invalid', 'wrong-document-kind'].includes(String(d.code)));
          const { crowded, noWayOn } = await audit(c, uri, text, diags);
          for (const d of facts) problems.push(`${sub.value} ${kind.id}: ${d.code} ${typeof d.message === 'string' ? d.message : d.message.value}`);
          for (const [sec, v] of crowded) problems.push(`${sub.value} ${kind.id}: ${sec} ${JSON.stringify(v)}`);
          for (const n of noWayOn) problems.push(`${sub.value} ${kind.id}: ${n}`);
          checked++;
        }
      }
      expect(problems).toEqual([]);
      expect(checked).toBeGreaterThan(g.submissions.length);
    });
  }
});
