// A negative answer at the start of a section ("N/A — <reason>", "Not applicable: <reason>",
// "NA - …", "Not required: …", 不适用，理由…) is read the same way by a single file checked on its
// own (facts in its frontmatter, no dossier.yaml), by the same file in its dossier folder, and by
// the heading-scan quick answer (Engine.quickCheck), which must never report what the full check
// would retract. The words come from one list (rulesets/common.ts notApplicableLead), which the
// row-level answers of match.ts use too.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { Engine } from '../../server/src/engine/engine';
import { ChunkCache } from '../../server/src/engine/model';
import { NOT_APPLICABLE, NOT_APPLICABLE_EXTRA, notApplicableLead } from '../../server/src/engine/rulesets/common';
import { memHost, ROOT } from '../helpers';

const REPO = path.join(__dirname, '..', '..');
type D = { code: string; range: { start: { line: number } }; data: Record<string, unknown> };
const key = (d: D) => `${d.code} ${d.data.requirement ?? ''}`;

/** The findings of `body` (frontmatter without facts) checked the three ways. */
function modes(body: string, yaml: string, name: string) {
  const facts = yaml.split('\n').filter((l) => !l.startsWith('#') && l.trim()).join('\n');
  const single = body.replace(/^---\n(document: [^\n]+)\n/, `---\n$1\n${facts}\n`);
  const alone = new Engine({ host: memHost({ [`d/${name}`]: single }), chunkCache: new ChunkCache() });
  const inFolder = new Engine({ host: memHost({ [`d/${name}`]: body, 'd/dossier.yaml': yaml }), chunkCache: new ChunkCache() });
  const f = path.join(ROOT, 'd', name);
  const of = (e: Engine, req: { files: string[]; folders: string[] }) => e.check(req).reports.find((r) => r.path === f)!.diagnostics.map(key);
  return {
    single: of(alone, { files: [f], folders: [] }),
    dossier: of(inFolder, { files: [], folders: [path.join(ROOT, 'd')] }),
    quickSingle: alone.quickCheck(f)?.diagnostics.map(key),
    quickDossier: inFolder.quickCheck(f)?.diagnostics.map(key),
  };
}

describe('FDA: a negative answer to G5 covers G5.1 and G5.2 in every mode', () => {
  const EX = path.join(REPO, 'examples', 'fda-premarket-2025', 'infusion-pump');
  const plan = fs.readFileSync(path.join(EX, 'cybersecurity-management-plan.md'), 'utf8');
  const yaml = fs.readFileSync(path.join(EX, 'dossier.yaml'), 'utf8');
  const answer = (lead: string) => plan.replace(/## 5 Timeline to develop and release patches[\s\S]*?## 6 /, `## 5 Timeline to develop and release patches\n\n${lead}\n\n## 6 `);
  const reason = 'the pump is never patched in the field; every update replaces the pump.';

  test.each(['N/A — ', 'Not applicable: ', 'NA - ', 'Not required: ', '1. N/A — ', '**N/A** — '])('%s<reason>: no finding, the same in every mode', (lead) => {
    expect(modes(answer(lead + reason), yaml, 'plan.md')).toEqual({ single: [], dossier: [], quickSingle: [], quickDossier: [] });
  });

  test('a bare N/A: not-applicable-without-reason in both full modes, no child reported missing by the quick answer', () => {
    expect(modes(answer('N/A'), yaml, 'plan.md')).toEqual({ single: ['not-applicable-without-reason G5'], dossier: ['not-applicable-without-reason G5'], quickSingle: [], quickDossier: [] });
  });

  test('without any answer the children are missing in every mode', () => {
    const m = modes(answer('Patches are released on the schedule of the update processes below.'), yaml, 'plan.md');
    expect(m.single).toEqual(['missing-section G5.1', 'missing-section G5.2']);
    expect(m.dossier).toEqual(m.single);
    expect(m.quickSingle).toEqual(m.single);
    expect(m.quickDossier).toEqual(m.single);
  });
});

describe('NMPA 2022: 不适用，理由… covers the sub-sections in every mode', () => {
  const EX = path.join(REPO, 'examples', 'crosswalk', 'infusion-pump', 'nmpa-2022');
  const ifu = fs.readFileSync(path.join(EX, 'instructions-for-use.md'), 'utf8');
  const yaml = fs.readFileSync(path.join(EX, 'dossier.yaml'), 'utf8');
  const answer = (lead: string) => ifu.replace(/## 12\.5 运行环境[\s\S]*?## 12\.6 /, `## 12.5 运行环境\n\n${lead}\n\n## 12.6 `);

  test.each(['不适用，理由：输液泵为一体化设备，运行环境由注册人固定，用户不能改变。', '不适用：输液泵为一体化设备，运行环境由注册人固定，用户不能改变。'])('%s', (lead) => {
    expect(modes(answer(lead), yaml, 'ifu.md')).toEqual({ single: [], dossier: [], quickSingle: [], quickDossier: [] });
  });

  test('a bare 不适用 is reported the same way alone and in the folder', () => {
    const m = modes(answer('不适用'), yaml, 'ifu.md');
    expect(m.single).toEqual(['not-applicable-without-reason M5']);
    expect(m.dossier).toEqual(m.single);
    expect(m.quickSingle).toEqual([]);
  });
});

describe('one list of negative answers', () => {
  test('notApplicableLead: the base words for every rule set, NA and Not required only where the rule set reads them', () => {
    for (const t of ['N/A — x', 'Not applicable: x', '不适用，理由', '无。', 'None']) {
      expect(notApplicableLead(t, {})?.[0], t).toBe(NOT_APPLICABLE.exec(t)?.[0]);
      expect(notApplicableLead(t, { extraNotApplicable: true })?.[0], t).toBe(NOT_APPLICABLE.exec(t)?.[0]);
    }
    for (const t of ['NA - x', 'Not required: x']) {
      expect(notApplicableLead(t, {}), t).toBeNull();
      expect(notApplicableLead(t, { extraNotApplicable: true })?.[0], t).toBe(NOT_APPLICABLE_EXTRA.exec(t)?.[0]);
    }
    expect(notApplicableLead('无线网络', { extraNotApplicable: true })).toBeNull();
  });

  test('match.ts: a table row answered NA names its item in the FDA rule set (as a section answered NA does)', () => {
    const EX = path.join(REPO, 'examples', 'fda-premarket-2025', 'infusion-pump');
    const labeling = fs.readFileSync(path.join(EX, 'labeling.md'), 'utf8');
    const yaml = fs.readFileSync(path.join(EX, 'dossier.yaml'), 'utf8');
    const row = (answer: string) =>
      labeling.replace(/## 12\.14 Secure decommissioning[\s\S]*$/, `## 12.14 Other items\n\n| Item | Answer |\n| --- | --- |\n| Secure decommissioning | ${answer} |\n`);
    expect(modes(row('NA'), yaml, 'labeling.md').dossier).toEqual(['not-applicable-without-reason L14']);
    expect(modes(row('N/A'), yaml, 'labeling.md').dossier).toEqual(['not-applicable-without-reason L14']);
  });
});
