// Issue 18 item 2, "one count everywhere": for EVERY example dossier (examples/**) and every
// corpus case (test/corpus/*/*/), found by walking the folders, the totals agree across the
// surfaces — the CLI's JSON summary, the Markdown and HTML report headers (and their rows), the
// checklist, the language status item, what the language server publishes for an open member
// (the Problems panel) and the Word export's check.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { Engine } from '../../server/src/engine/engine';
import { nodeHost } from '../../server/src/engine/host';
import { totalsOf, totalsFor, type SeverityTotals } from '../../server/src/engine/totals';
import { DOSSIER_YAML } from '../../server/src/engine/workspace';
import { check } from '../../server/src/cli/check';
import { checklist, dossiersIn, type DossierRef } from '../../server/src/features/checklist';
import { documentStatus } from '../../server/src/features/status';
import { viewOf } from '../../server/src/features/view';
import { dossierReport, render } from '../../server/src/report';
import { exportToFile } from '../../server/src/word/files';
import { sbomReader } from '../../server/src/sbom';

const REPO = path.join(__dirname, '..', '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberdossier-totals-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

type Four = [errors: number, warnings: number, infos: number, hints: number];
const four = (t: Pick<SeverityTotals, 'errors' | 'warnings' | 'infos' | 'hints'>): Four => [t.errors, t.warnings, t.infos, t.hints];

/** Every folder under examples/ holding a dossier.yaml, or a dossier file of its own (a README.md is not one: examples/crosswalk/ explains the pair below it). */
function exampleFolders(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    const entries = fs.readdirSync(dir, { withFileTypes: true });
    if (entries.some((e) => e.isFile() && (e.name === DOSSIER_YAML || (e.name.endsWith('.md') && e.name !== 'README.md')))) out.push(dir);
    else for (const e of entries) if (e.isDirectory()) walk(path.join(dir, e.name));
  };
  walk(path.join(REPO, 'examples'));
  return out.sort();
}

function corpusCases(): string[] {
  const root = path.join(REPO, 'test', 'corpus');
  return fs
    .readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => fs.readdirSync(path.join(root, d.name), { withFileTypes: true }).filter((c) => c.isDirectory()).map((c) => path.join(root, d.name, c.name)))
    .sort();
}

/** The CLI's `--format json` summary and files for a target, run in-process (cwd: the case folder). */
async function cli(cwd: string, target: string): Promise<{ summary: { errors: number; warnings: number; infos: number; hints: number }; files: { path: string; diagnostics: unknown[] }[] }> {
  let out = '';
  await check({ paths: [target], format: 'json', updateBaseline: false, allowPaths: [] }, { cwd, stdout: (s) => (out += s), stderr: () => undefined, isTTY: false });
  return JSON.parse(out);
}

/** "16 (9 errors, 6 warnings, 1 hint)" → [9, 6, 0, 1]; "0" → zeros. */
function parseFindings(text: string): Four {
  const n = (w: string) => Number(new RegExp(`(\\d+) ${w}`).exec(text)?.[1] ?? 0);
  return [n('errors?'), n('warnings?'), n('info'), n('hints?')];
}

async function surfaces(cwd: string, d: DossierRef) {
  const target = d.yamlPath ? d.root : d.members[0];
  const json = await cli(cwd, path.relative(cwd, target) || '.');
  const want = four(json.summary);

  // The report, as `cyberdossier report` builds it (fresh), in English.
  const reportEngine = new Engine({ sbom: sbomReader, host: nodeHost });
  const r = dossierReport(reportEngine, target, 'en', { fresh: true })!;
  const md = render(r, 'md', 'en', { now: new Date(0) });
  const html = render(r, 'html', 'en', { now: new Date(0) });
  const mdHeader = /^\| Findings \| (.*) \|$/m.exec(md)?.[1] ?? '(no Findings row)';
  const htmlHeader = /data-totals="(\d+) (\d+) (\d+) (\d+)"/.exec(html);
  // The overview rows (one per document) and the line for dossier.yaml and other files.
  const overview = md.slice(md.indexOf('## Overview'), md.indexOf('\n## ', md.indexOf('## Overview') + 5));
  const rows = overview.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Document') && !l.startsWith('| ---'));
  const rowSum = rows.map((l) => parseFindings(l.split(' | ').at(-1)!)).concat([parseFindings(/Findings on dossier\.yaml and other files: (.*)/.exec(overview)?.[1] ?? '0')]);

  // The editor: a member open in the language server (the check it runs on each version).
  const lsp = new Engine({ sbom: sbomReader, host: nodeHost });
  const first = lsp.check({ files: [d.members[0]], members: true, dossier: true });
  // The status item of a dossier file (a member that is not one has none).
  const member = first.reports.find((x) => x.isDossierFile)?.path ?? d.members[0];
  const published = member === d.members[0] ? first : lsp.check({ files: [member], members: true, dossier: true });
  const status = documentStatus(viewOf(lsp, member), []);
  const list = checklist(lsp, member, 'en')!;

  // Word export: its check before writing (refused when there are errors).
  const wordEngine = new Engine({ sbom: sbomReader, host: nodeHost });
  const word = await exportToFile(wordEngine, target, { output: path.join(tmp, `${path.basename(d.root)}-${Math.random().toString(36).slice(2)}.docx`) });

  return {
    want,
    got: {
      reportMd: parseFindings(mdHeader),
      reportHtml: htmlHeader ? (htmlHeader.slice(1).map(Number) as Four) : null,
      reportRows: rowSum.reduce((a, b) => a.map((x, i) => x + b[i]) as Four, [0, 0, 0, 0] as Four),
      checklist: four(list.totals),
      checklistParts: four(
        [...list.documents.map((x) => x.counts.findings), list.otherFindings].reduce(
          (a, c) => ({ errors: a.errors + c.error, warnings: a.warnings + c.warning, infos: a.infos + c.info, hints: a.hints + c.hint }),
          { errors: 0, warnings: 0, infos: 0, hints: 0 },
        ),
      ),
      reportChecklist: four(r.checklist.totals),
      status: status.totals?.dossier ? four(status.totals.dossier) : null,
      problems: four(totalsOf(published.reports)),
      word: four(word.check.totals),
    },
    perFile: { json, status, member, list },
    sections: { report: [r.checklist.counts.present, r.checklist.counts.required], checklist: [list.counts.present, list.counts.required], status: status.dossier ? [status.dossier.present, status.dossier.required] : null, md: /\| Completeness \| (\d+) of (\d+) required/.exec(md)?.slice(1).map(Number) },
  };
}

const targets = [...exampleFolders().map((f) => ({ group: 'examples', folder: f })), ...corpusCases().map((f) => ({ group: 'corpus', folder: f }))];

describe.each(['examples', 'corpus'])('%s: every dossier, the same totals on every surface', (group) => {
  const mine = targets.filter((t) => t.group === group);
  test('the folders are found by walking, not listed by hand', () => {
    expect(mine.length).toBeGreaterThan(group === 'examples' ? 4 : 100);
  });
  test.each(mine.map((t) => [path.relative(REPO, t.folder), t.folder]))('%s', async (_name, folder) => {
    const dossiers = dossiersIn(new Engine({ sbom: sbomReader, host: nodeHost }), folder);
    expect(dossiers.length, 'a dossier in the folder').toBeGreaterThan(0);
    for (const d of dossiers) {
      const { want, got, perFile, sections } = await surfaces(folder, d);
      const all = Object.fromEntries(Object.keys(got).map((k) => [k, want]));
      expect({ dossier: path.relative(REPO, d.root), ...got }).toEqual({ dossier: path.relative(REPO, d.root), ...all });
      // This document's count in the status item is the CLI's count for that file.
      const rel = path.relative(folder, perFile.member).split(path.sep).join('/');
      const file = perFile.json.files.find((f) => f.path === rel);
      expect([perFile.status.errors, perFile.status.warnings]).toEqual(four(totalsFor(totalsOf(perFile.json.files.map((f) => ({ path: f.path, diagnostics: f.diagnostics as { severity: 'error' }[] }))), [rel])).slice(0, 2));
      if (file) expect(perFile.status.totals?.document.total).toBe(file.diagnostics.length);
      // N of M: the report, the checklist and the status item.
      expect(sections.checklist).toEqual(sections.report);
      expect(sections.md).toEqual(sections.report);
      if (sections.status) expect(sections.status).toEqual(sections.report);
    }
  });
});

test('the example with mistakes: dossier.yaml’s missing-document counts everywhere (9 errors, 6 warnings, 1 hint)', async () => {
  const folder = path.join(REPO, 'examples', 'nmpa-2017', 'monitor-with-mistakes');
  const [d] = dossiersIn(new Engine({ sbom: sbomReader, host: nodeHost }), folder);
  const { want, got } = await surfaces(folder, d);
  expect(want).toEqual([9, 6, 0, 1]);
  expect(got).toEqual({ reportMd: want, reportHtml: want, reportRows: want, checklist: want, checklistParts: want, reportChecklist: want, status: want, problems: want, word: want });
});
