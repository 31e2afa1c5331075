// The crosswalk computation on fixture pairs: the statuses are the checklist's, the marks follow
// §12, and the Markdown / HTML / CSV renderers escape dossier text.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Engine, nodeHost } from '../../server/src/engine';
import { sbomReader } from '../../server/src/sbom';
import { crosswalkOf, markOf, verdictOf, type CrosswalkCell, type CrosswalkReport } from '../../server/src/features/crosswalk';
import { checklist } from '../../server/src/features/checklist';
import { renderCrosswalkCsv, renderCrosswalkHtml, renderCrosswalkMarkdown } from '../../server/src/report/crosswalk';

const REPO = path.join(__dirname, '..', '..');
const GAPS = path.join(REPO, 'test', 'fixtures', 'crosswalk', 'gaps');
const NOW = new Date(Date.UTC(2024, 4, 1));

function pair(a: string, b: string): CrosswalkReport {
  const engine = new Engine({ sbom: sbomReader, host: nodeHost });
  const r = crosswalkOf(engine, a, b, 'en', { fresh: true });
  if ('error' in r) throw new Error(JSON.stringify(r));
  return r;
}

describe('crosswalk of a pair with gaps', () => {
  const r = pair(path.join(GAPS, 'nmpa-2022'), path.join(GAPS, 'fda-premarket-2025'));

  it('is the same in either order', () => {
    const swapped = pair(path.join(GAPS, 'fda-premarket-2025'), path.join(GAPS, 'nmpa-2022'));
    expect(swapped.rows).toEqual(r.rows);
    expect(swapped.source.ruleset.id).toBe('nmpa-2022');
  });

  it('marks each kind of gap', () => {
    const mark = (id: string) => r.rows.find((l) => l.source.id === id)!.mark;
    expect(mark('R1.2')).toBe('both');
    expect(mark('M2')).toBe('source-only'); // L3 removed from the FDA labeling
    expect(mark('R2.4')).toBe('target-only'); // R2.4 removed from the NMPA report
    expect(mark('R2.5')).toBe('neither'); // no R2.5, no management plan (G)
    expect(mark('R1')).toBe('no-counterpart');
    expect(r.counts).toEqual({ both: 30, 'source-only': 1, 'target-only': 7, neither: 1, 'not-required': 0, 'no-counterpart': 7 });
  });

  it('uses the checklist statuses', () => {
    const engine = new Engine({ sbom: sbomReader, host: nodeHost });
    const c = checklist(engine, path.join(GAPS, 'nmpa-2022'), 'en', { fresh: true })!;
    const items = new Map(c.documents.flatMap((d) => d.requirements).map((i) => [i.id, i.status]));
    for (const l of r.rows) expect(l.source.status, l.source.id).toBe(items.get(l.source.id) ?? 'not-required');
  });

  it('lists the capabilities with the FDA categories under R1.3, and Table B', () => {
    const caps = r.rows.find((l) => l.source.id === 'R1.3')!.capabilities!;
    expect(caps).toHaveLength(22);
    expect(caps.find((c) => c.code === 'STCF')!.targets.map((t) => t.code)).toEqual(['CONFID', 'CRYPT', 'INTEG']);
    // The draft with mistakes leaves CONFID out of its control-category table.
    const unaddressed = new Set(caps.flatMap((c) => c.targets.filter((t) => t.status === 'unaddressed').map((t) => t.code)));
    expect([...unaddressed]).toEqual(['CONFID']);
    expect(caps.find((c) => c.code === 'STCF')!.targets.map((t) => t.status)).toEqual(['unaddressed', 'applicable', 'applicable']);
    expect(caps.every((c) => c.source === 'applicable')).toBe(true);
    expect(r.unmapped).toHaveLength(53);
    expect(r.unmapped.filter((c) => c.id.startsWith('G')).every((c) => c.status === 'missing')).toBe(true);
  });

  it('renders Markdown', () => {
    const md = renderCrosswalkMarkdown(r, 'en', { now: NOW });
    const lines = md.split('\n');
    // Up to Table A: the header, the counts and the verdict (§12).
    expect(lines.slice(0, lines.indexOf('## Table A: requirement by requirement') + 1).join('\n')).toMatchInlineSnapshot(`
      "# NMPA 2022 ↔ FDA premarket 2025 crosswalk

      | Dossier | Product | Completeness |
      | --- | --- | --- |
      | NMPA 2022 cybersecurity guideline | 多参数患者监护仪 PM-9000 | 35 of 40 required sections present |
      | FDA premarket cybersecurity guidance (2025) | SmartInfuse IP-600 Infusion Pump IP-600 | 44 of 62 required sections present |

      Generated: 2024-05-01 00:00 UTC

      both 30, NMPA only 1, FDA only 7, neither 1, not required 0, no counterpart 7

      **Gaps**: absent where a dossier needs them (required, or recommended and missing): the NMPA dossier lacks R2.4, R2.5, R2.5.1, R2.5.2, R2.5.3; the FDA dossier lacks the counterpart of R2.5, M2.

      **Not a gap**: present on one side, not required on the other by its facts: R2.3.6, R3.2, R3.3 (FDA only).

      **No FDA counterpart**: NMPA-only items, compared with nothing (the note says why): present: R1, R1.1.1, R2, R2.3.4; not required here: R1.2.5, R2.3.3, R2.3.7.

      ## Table A: requirement by requirement"
    `);
    expect(lines.filter((l) => /^\| (R1\.3|R2\.4|R2\.5|M2) \|/.test(l)).join('\n')).toMatchInlineSnapshot(`
      "| R1.3 | Cybersecurity capabilities | Present | B1 Present | both | per capability: the table below |
      | R2.4 | Traceability analysis | Missing | K9 Present | FDA only |  |
      | R2.5 | Maintenance plan | Missing | G (whole document) Missing | neither | a kind letter alone is the document: present when a file of that kind exists in the FDA dossier |
      | M2 | Electronic interfaces | Present | L3 Missing | NMPA only |  |"
    `);
    expect(lines.filter((l) => /^\| (STCF|SBOM) /.test(l)).join('\n')).toMatchInlineSnapshot(`
      "| STCF Data storage confidentiality and integrity | applicable | CONFID not addressed; CRYPT applicable; INTEG applicable |
      | SBOM Software bill of materials | applicable | K5 Present; L5 Present |"
    `);
    const zh = renderCrosswalkMarkdown(r, 'zh-CN', { now: NOW });
    expect(zh).toContain('| R2.5 | 维护计划 | 缺少 | G（整份文档） 缺少 | 两者均无 |');
  });
});

describe('the verdict (§12)', () => {
  const r = pair(path.join(GAPS, 'nmpa-2022'), path.join(GAPS, 'fda-premarket-2025'));

  it('names each gap by the dossier that lacks it; a recommended FDA element that is missing is a gap', () => {
    const v = verdictOf(r.rows);
    expect(v.gaps).toEqual([
      { id: 'R2.4', mark: 'target-only', lacking: 'source' },
      { id: 'R2.5', mark: 'neither', lacking: 'both' },
      { id: 'R2.5.1', mark: 'target-only', lacking: 'source' },
      { id: 'R2.5.2', mark: 'target-only', lacking: 'source' },
      { id: 'R2.5.3', mark: 'target-only', lacking: 'source' },
      { id: 'M2', mark: 'source-only', lacking: 'target' },
    ]);
    // R2.3.6, R3.2, R3.3: the FDA side has them, the moderate-level NMPA dossier does not need them.
    expect(v.explained).toEqual([
      { id: 'R2.3.6', mark: 'target-only' },
      { id: 'R3.2', mark: 'target-only' },
      { id: 'R3.3', mark: 'target-only' },
    ]);
    expect(v.unmatched).toEqual({ present: ['R1', 'R1.1.1', 'R2', 'R2.3.4'], notRequired: ['R1.2.5', 'R2.3.3', 'R2.3.7'] });
  });

  it('a required NMPA item with no counterpart that is missing is the NMPA dossier’s gap', () => {
    const rows = r.rows.map((l) => (l.source.id === 'R2.3.4' ? { ...l, source: { ...l.source, status: 'missing' as const, satisfied: false, required: true } } : l));
    expect(verdictOf(rows).gaps).toContainEqual({ id: 'R2.3.4', mark: 'no-counterpart', lacking: 'source' });
    expect(verdictOf(rows).unmatched.present).not.toContain('R2.3.4');
  });

  it('renders in zh and in HTML', () => {
    const zh = renderCrosswalkMarkdown(r, 'zh-CN', { now: NOW });
    expect(zh).toContain('**缺口**: 应有而缺少（必需，或建议项缺少）：NMPA 资料缺少 R2.4、R2.5、R2.5.1、R2.5.2、R2.5.3；FDA 资料缺少 R2.5、M2 的对应条目。');
    expect(zh).toContain('**非缺口**: 仅一方具备，另一方按其事实无需提交：R2.3.6、R3.2、R3.3（仅 FDA）。');
    const html = renderCrosswalkHtml(r, 'en', { now: NOW });
    expect(html).toContain('<div class="findings-line"><b>Gaps</b> absent where a dossier needs them');
    expect(html).toContain('<b>No FDA counterpart</b>');
  });
});

describe('crosswalk of the example pair: one infusion pump, NMPA 2022 and FDA (examples/crosswalk)', () => {
  const NMPA = path.join(REPO, 'examples', 'crosswalk', 'infusion-pump', 'nmpa-2022');
  const FDA = path.join(REPO, 'examples', 'crosswalk', 'infusion-pump', 'fda-premarket-2025');
  const r = pair(NMPA, FDA);

  it('both dossiers check clean: no finding, every required section present', () => {
    const engine = new Engine({ sbom: sbomReader, host: nodeHost });
    for (const dir of [NMPA, FDA]) {
      const result = engine.check({ files: [], folders: [dir] });
      expect(result.errors, dir).toEqual([]);
      expect(result.reports.length, dir).toBeGreaterThanOrEqual(3);
      expect(result.reports.flatMap((f) => f.diagnostics.map((d) => `${f.path}:${d.range.start.line + 1} ${d.code}`)), dir).toEqual([]);
      const c = checklist(engine, dir, 'en', { fresh: true })!;
      expect(c.counts.present, dir).toBe(c.counts.required);
    }
  });

  it('covers every mapped requirement on both sides; the rest has no FDA counterpart, each with a note', () => {
    expect(r.counts).toEqual({ both: 39, 'source-only': 0, 'target-only': 0, neither: 0, 'not-required': 0, 'no-counterpart': 7 });
    const v = verdictOf(r.rows);
    expect(v.gaps).toEqual([]);
    expect(v.explained).toEqual([]);
    expect(v.unmatched).toEqual({ present: ['R1', 'R1.1.1', 'R2', 'R2.3.4'], notRequired: ['R1.2.5', 'R2.3.3', 'R2.3.7'] });
    for (const l of r.rows.filter((x) => x.mark === 'no-counterpart')) expect(l.note, l.source.id).toBeDefined();
    // A major-level pump: the third-party assessment and the residual plan are required and present.
    const row = (id: string) => r.rows.find((l) => l.source.id === id)!;
    expect([row('R3.2').source.status, row('R3.2').source.required, row('R3.2').mark]).toEqual(['present', true, 'both']);
    expect([row('R3.3').source.status, row('R3.3').mark]).toEqual(['present', 'both']);
    expect([row('R2.3.6').source.status, row('R2.3.6').mark]).toEqual(['present', 'both']); // realtime control from the handheld
    const caps = row('R1.3').capabilities!;
    expect(caps.every((c) => c.source === 'applicable' && c.targets.every((t) => t.status === 'applicable' || t.status === 'present'))).toBe(true);
    expect(r.unmapped.filter((c) => c.status !== 'present' && c.status !== 'not-required')).toEqual([]);
  });

  it('renders the summary and verdict in Markdown, in en and zh', () => {
    const head = (locale: 'en' | 'zh-CN') => {
      const lines = renderCrosswalkMarkdown(r, locale, { now: NOW }).split('\n');
      return lines.slice(0, lines.findIndex((l) => l.startsWith('## '))).join('\n');
    };
    expect(head('en')).toMatchInlineSnapshot(`
      "# NMPA 2022 ↔ FDA premarket 2025 crosswalk

      | Dossier | Product | Completeness |
      | --- | --- | --- |
      | NMPA 2022 cybersecurity guideline | 输液泵 IP-600 | 41 of 41 required sections present |
      | FDA premarket cybersecurity guidance (2025) | SmartInfuse IP-600 Infusion Pump IP-600 | 62 of 62 required sections present |

      Generated: 2024-05-01 00:00 UTC

      both 39, NMPA only 0, FDA only 0, neither 0, not required 0, no counterpart 7

      **Gaps**: none: every mapped requirement that either dossier needs is covered on both sides.

      **No FDA counterpart**: NMPA-only items, compared with nothing (the note says why): present: R1, R1.1.1, R2, R2.3.4; not required here: R1.2.5, R2.3.3, R2.3.7.
      "
    `);
    expect(head('zh-CN')).toMatchInlineSnapshot(`
      "# NMPA 2022 ↔ FDA 上市前 2025 对照

      | 申报资料 | 产品 | 完整性 |
      | --- | --- | --- |
      | NMPA 2022 网络安全指导原则 | 输液泵 IP-600 | 41 项必需章节中已具备 41 项 |
      | FDA 上市前网络安全指南（2025） | SmartInfuse IP-600 Infusion Pump IP-600 | 62 项必需章节中已具备 62 项 |

      生成时间: 2024-05-01 00:00 UTC

      两者均有 39，仅 NMPA 0，仅 FDA 0，两者均无 0，均无需 0，无对应 7

      **缺口**: 无：对照表中任一方要求的条目在两份资料中均已具备。

      **无 FDA 对应条目**: NMPA 特有条目，不作比较（原因见说明）：已有：R1、R1.1.1、R2、R2.3.4；本次无需：R1.2.5、R2.3.3、R2.3.7。
      "
    `);
  });

  it('is the same in either order', () => {
    expect(pair(FDA, NMPA).rows).toEqual(r.rows);
  });
});

describe('crosswalk of the clean examples', () => {
  it('has no gap', () => {
    const r = pair(path.join(REPO, 'examples', 'fda-premarket-2025', 'infusion-pump'), path.join(REPO, 'examples', 'nmpa-2022', 'monitor'));
    expect(r.counts.neither + r.counts['source-only']).toBe(0);
    const caps = r.rows.find((l) => l.source.id === 'R1.3')!.capabilities!;
    expect(caps.flatMap((c) => c.targets).filter((t) => t.status === 'unaddressed')).toEqual([]);
    expect(r.rows.find((l) => l.source.id === 'R2.5')!.targets[0]).toMatchObject({ id: 'G', document: true, status: 'present' });
  });
});

describe('crosswalk rendering escapes dossier text', () => {
  const base = pair(path.join(GAPS, 'nmpa-2022'), path.join(GAPS, 'fda-premarket-2025'));
  const evil = '<script>alert(1)</script> | =cmd https://x.test/';
  const r: CrosswalkReport = { ...base, source: { ...base.source, name: evil }, rows: base.rows.map((l, i) => (i ? l : { ...l, source: { ...l.source, title: { zh: evil, en: evil } } })) };

  it('HTML', () => {
    const html = renderCrosswalkHtml(r, 'en', { now: NOW });
    expect(html).not.toContain('<script');
    expect(html).not.toMatch(/https?:|\/\/x/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;&#47;script&gt;');
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
  });

  it('Markdown and CSV', () => {
    expect(renderCrosswalkMarkdown(r, 'en', { now: NOW })).toContain('\\<script\\>alert(1)\\</script\\> \\| =cmd');
    const csv = renderCrosswalkCsv({ ...r, rows: r.rows.map((l, i) => (i ? l : { ...l, source: { ...l.source, title: { zh: '=1+1', en: '=1+1' } } })) }, 'en');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain(`"'=1+1"`);
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(1 + r.rows.length + r.unmapped.length);
  });
});

describe('crosswalk with software.ots_usage: full', () => {
  it('compares the O mirrors of the R rows', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberdossier-xwalk-'));
    try {
      fs.mkdirSync(path.join(tmp, '.git'));
      fs.cpSync(path.join(GAPS, 'nmpa-2022'), path.join(tmp, 'nmpa'), { recursive: true });
      const yaml = path.join(tmp, 'nmpa', 'dossier.yaml');
      fs.writeFileSync(yaml, fs.readFileSync(yaml, 'utf8').replace('ots_usage: partial', 'ots_usage: full'));
      fs.renameSync(path.join(tmp, 'nmpa', 'cybersecurity-research-report.md'), path.join(tmp, 'research.txt'));
      const r = pair(path.join(tmp, 'nmpa'), path.join(GAPS, 'fda-premarket-2025'));
      expect(r.mirrored).toEqual({ from: 'R', to: 'O' });
      expect(r.rows.map((l) => l.source.id).slice(0, 3)).toEqual(['O1', 'O1.1', 'O1.1.1']);
      expect(r.rows.some((l) => l.source.id.startsWith('R'))).toBe(false);
      // No OTS report in the folder: its sections are missing, the FDA side decides the mark.
      const o12 = r.rows.find((l) => l.source.id === 'O1.2')!;
      expect(o12).toMatchObject({ source: { status: 'missing', required: true }, mark: 'target-only' });
      expect(r.rows.find((l) => l.source.id === 'M2')!.mark).toBe('source-only');
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe('marks', () => {
  const c = (status: CrosswalkCell['status'], required: boolean): CrosswalkCell => ({ id: 'X', title: { zh: 'X', en: 'X' }, status, required, satisfied: status === 'present' });
  it.each([
    [c('present', true), [c('present', true)], 'both'],
    [c('present', false), [c('missing', true), c('present', false)], 'both'],
    [c('present', true), [c('missing', true)], 'source-only'],
    [c('missing', true), [c('present', true)], 'target-only'],
    [c('missing', true), [c('missing', true)], 'neither'],
    [c('missing', true), [c('not-required', false)], 'neither'],
    [c('not-required', false), [c('not-required', false)], 'not-required'],
    [c('not-required', false), [], 'no-counterpart'],
    [c('present', true), [], 'no-counterpart'],
  ])('%#', (s, t, mark) => expect(markOf(s, t)).toBe(mark));
});
