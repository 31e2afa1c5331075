// Behaviour of the FDA premarket catalogue (docs/spec/requirements-fda-premarket-2025.md): the
// clean infusion-pump example is the realistic base. For every requirement it holds (generated
// from the rule set's data, so a new requirement adds its cases) the section absent, answered not
// applicable with and without a reason; then each condition, the IDE subset, each submission type,
// the cyber-device states and their severities, and the quotes against the vendored guidance.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fdaPremarket2025 as FDA } from '../../server/src/engine/rulesets/fda-premarket-2025';
import { parentId } from '../../server/src/engine/match';
import { englishKey } from '../../server/src/engine/titles';
import type { ConfigInput } from '../../server/src/engine/config';
import type { Requirement } from '../../server/src/engine/rulesets/types';
import { checkFiles, render } from '../helpers';
import { headings, replaceLines, type Section } from '../fixtures';

const ROOT = path.join(__dirname, '..', '..');
const read = (p: string) => fs.readFileSync(path.join(ROOT, p), 'utf8');
const EX = 'examples/fda-premarket-2025/infusion-pump';
const YAML = read(`${EX}/dossier.yaml`);
const FILE: Record<string, string> = {
  K: 'cybersecurity-risk-management-report.md',
  B: 'security-architecture.md',
  E: 'cybersecurity-testing.md',
  L: 'labeling.md',
  G: 'cybersecurity-management-plan.md',
};
const DOCS: Record<string, string> = Object.fromEntries(Object.entries(FILE).map(([p, f]) => [p, read(`${EX}/${f}`)]));

/** The dossier folder `d/` with the example's files, some replaced or left out. */
function dossier(over: Record<string, string | null> = {}, yaml = YAML, settings?: ConfigInput): string {
  const files: Record<string, string> = { 'd/dossier.yaml': yaml };
  for (const [p, f] of Object.entries(FILE)) {
    const t = p in over ? over[p] : DOCS[p];
    if (t !== null) files[`d/${f}`] = t;
  }
  for (const [k, t] of Object.entries(over)) if (!(k in FILE) && t !== null) files[`d/${k}`] = t;
  return render(checkFiles(files, { folders: ['d'], settings }));
}

/** Replaces one `key: value` line of the example's dossier.yaml (or appends it). */
function withYaml(...edits: [RegExp, string][]): string {
  let y = YAML;
  for (const [re, s] of edits) y = re.test(y) ? y.replace(re, s) : `${y}\n${s}\n`;
  return y;
}

const only = (out: string, codes: string[]) =>
  out
    .split('\n')
    .filter((l) => codes.some((c) => l.includes(` ${c}`)))
    .map((l) => l.replace(/^d\/[^:]+:\d+ /, ''));

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
function sectionIn(text: string, r: Requirement): Section | undefined {
  return headings(text).find((h) => norm(h.title) === norm(r.title.en));
}

const all = FDA.kinds.flatMap((k) => k.requirements.map((r) => ({ kind: k, r })));
const cases = all.filter(({ kind, r }) => DOCS[kind.prefix] && sectionIn(DOCS[kind.prefix], r));

const tierSeverity = (r: Requirement) => (r.tier === 'A' ? 'error' : 'warning');

test('the catalogue has the counts of the spec (29 K, 7 B, 22 E, 18 L, 11 G, 6 H) and every example section is found', () => {
  expect(FDA.kinds.map((k) => [k.prefix, k.requirements.length])).toEqual([
    ['K', 29],
    ['B', 7],
    ['E', 22],
    ['L', 18],
    ['G', 11],
    ['H', 6],
  ]);
  // What the 510(k) example does not hold: fielded-device metrics, the IDE items, the modification kind.
  const absent = all.filter((c) => !cases.includes(c)).map((c) => c.r.id);
  expect(absent).toEqual(['K8', 'K8.1', 'K8.2', 'K8.2.1', 'K8.2.2', 'K8.2.3', 'L15', 'L16', 'H1', 'H2', 'H2.1', 'H2.2', 'H3', 'H4']);
});

test('the infusion-pump example checks clean; the mistakes example shows the refuse-to-accept gaps', () => {
  expect(dossier()).toBe('');
  const files: Record<string, string> = {};
  const dir = path.join(ROOT, 'examples/fda-premarket-2025/infusion-pump-with-mistakes');
  for (const f of fs.readdirSync(dir)) if (/\.(md|yaml)$/.test(f)) files[`m/${f}`] = fs.readFileSync(path.join(dir, f), 'utf8');
  expect(render(checkFiles(files, { folders: ['m'] }))).toMatchInlineSnapshot(`
    "m/cybersecurity-risk-management-report.md:4 error missing-section K2
    m/cybersecurity-risk-management-report.md:42 error unacceptable-residual-risk K3
    m/cybersecurity-risk-management-report.md:64 warning inconsistent-fact K4
    m/cybersecurity-risk-management-report.md:71 error missing-column K5
    m/cybersecurity-risk-management-report.md:71 error missing-column K5
    m/cybersecurity-risk-management-report.md:76 error incomplete-row K5
    m/cybersecurity-risk-management-report.md:76 warning version-not-full K5
    m/cybersecurity-testing.md:87 error missing-section E4.1
    m/cybersecurity-testing.md:87 error missing-section E4.2
    m/dossier.yaml:6 error missing-document
    m/security-architecture.md:9 error capability-unaddressed B1
    m/security-architecture.md:48 warning inconsistent-fact B2.2"
  `);
});

describe('every requirement: absent → missing-section at the severity of its tier', () => {
  test.each(cases.map((c) => [c.r.id, c] as const))('%s', (_id, { kind, r }) => {
    const text = DOCS[kind.prefix];
    const s = sectionIn(text, r)!;
    const out = dossier({ [kind.prefix]: replaceLines(text, s.line, s.end, []) });
    expect(only(out, ['missing-section'])).toEqual([`${tierSeverity(r)} missing-section ${r.id}`]);
  });
});

/** What answering not applicable contradicts (§4, §5): the facts say the section applies. */
const CONTRADICTS: Record<string, string> = { K5: 'error inconsistent-fact K5', 'B2.2': 'warning inconsistent-fact B2.2', 'B2.3': 'warning inconsistent-fact B2.3' };

describe('every requirement: not applicable', () => {
  const answer = (text: string, s: Section, body: string) => replaceLines(text, s.line + 1, s.end, ['', body, '']);
  test.each(cases.map((c) => [c.r.id, c] as const))('%s with a reason → covered (children included)', (_id, { kind, r }) => {
    const text = DOCS[kind.prefix];
    const out = dossier({ [kind.prefix]: answer(text, sectionIn(text, r)!, 'Not applicable: this function is not present in the IP-600 system.') });
    expect(only(out, ['missing-section', 'not-applicable-without-reason', 'inconsistent-fact', 'empty-section'])).toEqual(CONTRADICTS[r.id] ? [CONTRADICTS[r.id]] : []);
  });
  test.each(cases.map((c) => [c.r.id, c] as const))('%s bare N/A → not-applicable-without-reason', (_id, { kind, r }) => {
    const text = DOCS[kind.prefix];
    const out = dossier({ [kind.prefix]: answer(text, sectionIn(text, r)!, 'N/A') });
    expect(only(out, ['missing-section', 'not-applicable-without-reason'])).toEqual([`error not-applicable-without-reason ${r.id}`]);
  });
});

describe('titles: English normalisation (§3.1)', () => {
  test('the spec’s examples', () => {
    const en = FDA.answers.english!;
    expect(englishKey('Security Risk Management Report', en)).toBe('riskmanagement');
    expect(englishKey('Security Risk Management Plan', en)).toBe('riskmanagementplan');
    expect(englishKey('Cybersecurity Risk Assessment', en)).toBe(englishKey('Security Risk Assessment', en));
    expect(englishKey('Safety Risk Assessment', en)).not.toBe(englishKey('Security Risk Assessment', en));
    expect(englishKey('Test Plan', en)).not.toBe(englishKey('Test Report', en));
    expect(englishKey('Penetration Test Report', en)).toBe(englishKey('Penetration Test', en));
    expect(englishKey('Threat Model', en)).not.toBe(englishKey('Threat Modeling', en));
    expect(englishKey('Updateability/Patchability View', en)).toBe('updatabilitypatchabilityview');
    expect(englishKey('End-of-Support', en)).toBe('endsupport');
    expect(englishKey('Security', en)).toBe('security');
    expect(englishKey('Section 3 Threat Modelling', en)).toBe('threatmodeling');
  });
  test('within each parent no two requirements share a normalised title or synonym', () => {
    const en = FDA.answers.english!;
    for (const kind of FDA.kinds) {
      const byParent = new Map<string, Map<string, string>>();
      for (const r of kind.requirements) {
        const seen = byParent.get(parentId(r.id)) ?? new Map<string, string>();
        byParent.set(parentId(r.id), seen);
        for (const k of new Set([r.title.en, ...r.synonyms].map((t) => englishKey(t, en)).filter(Boolean))) {
          expect(seen.get(k), `${r.id}: ${k}`).toBeUndefined();
          seen.set(k, r.id);
        }
      }
    }
  });
  test('a heading in another spelling and with filler words still names its requirement', () => {
    const text = DOCS.K.replace('## 2 Threat model', '## 2 Cybersecurity Threat Modelling Documentation').replace('### 5.1 Machine-readable SBOM', '### 5.1 Machine Readable SBOM Information');
    expect(only(dossier({ K: text }), ['missing-section'])).toEqual([]);
  });
});

describe('conditions', () => {
  const absentIn = (p: string, id: string, yaml: string) => {
    const r = FDA.kinds.find((k) => k.prefix === p)!.requirements.find((x) => x.id === id)!;
    const s = sectionIn(DOCS[p], r)!;
    return only(dossier({ [p]: replaceLines(DOCS[p], s.line, s.end, []) }, yaml), ['missing-section']);
  };
  test('has interfaces: K4, B3, L3 required with a connection, not with connectivity: {} (nor while connectivity is missing)', () => {
    const none = withYaml([/connectivity:[\s\S]*?usb: true[^\n]*\n/, 'connectivity: {}\n']);
    const missing = withYaml([/connectivity:[\s\S]*?usb: true[^\n]*\n/, '']);
    for (const [p, id] of [['K', 'K4'], ['B', 'B3'], ['L', 'L3']]) {
      expect(absentIn(p, id, YAML)).toEqual([`${id === 'K4' ? 'error' : 'warning'} missing-section ${id}`]);
      expect(absentIn(p, id, none)).toEqual([]);
      expect(absentIn(p, id, missing)).toEqual([]);
    }
    // Removable media alone is an interface (not an internet connection).
    const media = withYaml([/connectivity:[\s\S]*?usb: true[^\n]*\n/, 'connectivity: { removable_media: true }\n']);
    expect(absentIn('K', 'K4', media)).toEqual(['error missing-section K4']);
  });
  test('third-party testing: E7 only with testing.third_party: true', () => {
    expect(absentIn('E', 'E7', YAML)).toEqual(['error missing-section E7']);
    expect(absentIn('E', 'E7', withYaml([/third_party: true/, 'third_party: false']))).toEqual([]);
    expect(absentIn('E', 'E7', withYaml([/testing:\n\s+third_party: true[^\n]*\n/, '']))).toEqual([]);
  });
  test('fielded devices: K8 and its metrics (tier B) with previously_marketed, or by default for a modification', () => {
    const k8 = ['warning missing-section K8'];
    expect(only(dossier({}, withYaml([/previously_marketed: false/, 'previously_marketed: true'])), ['missing-section'])).toEqual(k8);
    const mod = withYaml([/submission: 510k/, 'submission: modification'], [/  previously_marketed: false\n/, ''], [/^testing:/m, 'change: { cybersecurity_impact: may-impact }\ntesting:']);
    const h = '---\ndocument: modification-documentation\n---\n\n# Modification\n\n## 1 Description of the change and its cybersecurity impact\n\nNew Wi-Fi module: the change may impact cybersecurity (VII.D.1).\n';
    expect(only(dossier({ 'h.md': h }, mod), ['missing-section'])).toEqual(k8);
    expect(only(dossier({}, YAML), ['missing-section'])).toEqual([]);
  });
  test('Windows: L1 must name anti-malware; multi_patient_harm: false allows B2.2 not applicable', () => {
    const win = withYaml([/operating_systems: \[embedded\]/, 'operating_systems: [windows]']);
    const l1 = DOCS.L.replace('keep anti-malware software on the Fleet Server host', 'keep the Fleet Server host patched');
    expect(only(dossier({ L: l1 }, win), ['inconsistent-fact'])).toEqual(['warning inconsistent-fact L1']);
    expect(only(dossier({ L: l1 }, YAML), ['inconsistent-fact'])).toEqual([]);
    const b = DOCS.B.replace(/### 2\.2 Multi-patient harm view[\s\S]*?### 2\.3/, '### 2.2 Multi-patient harm view\n\nNot applicable: one pump serves a single patient and holds no fleet credentials.\n\n### 2.3');
    expect(only(dossier({ B: b }, YAML), ['inconsistent-fact'])).toEqual(['warning inconsistent-fact B2.2']);
    expect(only(dossier({ B: b }, withYaml([/^update:/m, 'multi_patient_harm: false\nupdate:'])), ['inconsistent-fact'])).toEqual([]);
  });
  test('B3 must name every declared connection', () => {
    const b = DOCS.B.replace(/Bluetooth Low Energy 5\.2/g, 'the short-range radio');
    expect(only(dossier({ B: b }), ['inconsistent-fact'])).toEqual(['warning inconsistent-fact B3']);
  });
});

describe('submission types (§11)', () => {
  const kOnly = (yaml: string, extra: Record<string, string | null> = {}) =>
    only(dossier({ B: null, E: null, L: null, G: null, ...extra }, yaml), ['missing-document', 'wrong-document-kind']);
  const H = '---\ndocument: modification-documentation\n---\n\n# Modification\n';
  test.each(['510k', 'de-novo', 'pma', 'hde', 'pdp'])('%s needs K, B, E, L, G; H is the wrong kind', (s) => {
    const y = withYaml([/submission: 510k/, `submission: ${s}`]);
    expect(kOnly(y)).toHaveLength(4);
    expect(kOnly(y).every((l) => l === 'error missing-document')).toBe(true);
    expect(kOnly(y, { 'h.md': H })).toContain('error wrong-document-kind');
  });
  const mod = (s: string, change: string) => withYaml([/submission: 510k/, `submission: ${s}`], [/^testing:/m, `change: ${change}\ntesting:`]);
  test.each(['modification', 'pma-supplement'])('%s: may-impact needs all six kinds; unlikely needs K, G, H; with a prior plan K, H', (s) => {
    expect(kOnly(mod(s, '{ cybersecurity_impact: may-impact }'))).toHaveLength(5);
    expect(kOnly(mod(s, '{ cybersecurity_impact: unlikely }'))).toHaveLength(2);
    expect(kOnly(mod(s, '{ cybersecurity_impact: unlikely, prior_plan: true, prior_submission: K231234 }'))).toHaveLength(1);
    expect(kOnly(mod(s, '{ cybersecurity_impact: unlikely, prior_plan: true, prior_submission: K231234 }'), { 'h.md': H })).toEqual([]);
  });
  test('a modification without change.cybersecurity_impact: frontmatter-missing, no kind needed or rejected', () => {
    const out = dossier({ B: null, E: null, L: null, G: null }, withYaml([/submission: 510k/, 'submission: modification']));
    expect(only(out, ['missing-document', 'wrong-document-kind'])).toEqual([]);
    expect(out).toContain('frontmatter-missing');
  });
  test('a reduced modification needs only K5 and K5.1 of the risk management report', () => {
    const k = DOCS.K.replace(/## 1 Risk management summary[\s\S]*?## 5 Software bill of materials/, '## 5 Software bill of materials');
    const out = only(dossier({ K: k, B: null, E: null, L: null }, mod('modification', '{ cybersecurity_impact: unlikely, prior_plan: true, prior_submission: K231234 }')), ['missing-section']);
    expect(out).toEqual([]);
  });
  test('IDE: K5, B2 views and L15, L16 only, at reduced severity; E and G accepted, H wrong', () => {
    const ide = withYaml([/submission: 510k/, 'submission: ide']);
    const out = dossier({ 'h.md': H }, ide);
    expect(only(out, ['missing-section', 'missing-document', 'wrong-document-kind'])).toEqual([
      'error wrong-document-kind',
      'warning missing-section L15',
      'warning missing-section L16',
    ]);
    // B1 and the testing document are not needed at IDE.
    const b = DOCS.B.replace(/## 1 Security controls and requirements[\s\S]*?## 2 Security architecture views/, '## 2 Security architecture views');
    expect(only(dossier({ B: b, E: null, G: null }, ide), ['missing-section', 'missing-document'])).toEqual(['warning missing-section L15', 'warning missing-section L16']);
  });
});

describe('cyber device (524B(c), VII.B) and severities (§1)', () => {
  const noThreatModel = (() => {
    const s = sectionIn(DOCS.K, FDA.kinds[0].requirements.find((r) => r.id === 'K2')!)!;
    return replaceLines(DOCS.K, s.line, s.end, []);
  })();
  test.each(['software', 'internet', 'vulnerable_characteristics'])('%s: false → not-a-cyber-device (info) and tier A absences are warnings', (c) => {
    const y = withYaml([new RegExp(`${c}: true`), `${c}: false`], ...(c === 'internet' ? ([[/connectivity:[\s\S]*?usb: true[^\n]*\n/, 'connectivity: {}\n']] as [RegExp, string][]) : []));
    const out = render(checkFiles({ 'd/dossier.yaml': y, 'd/k.md': noThreatModel }, { folders: ['d'] }), { data: ['criterion'] });
    expect(out).toContain(`d/k.md:1 info not-a-cyber-device criterion="${c}"`);
    expect(out).toContain('warning missing-section K2');
    expect(out).toContain('d/dossier.yaml:5 warning missing-document');
    expect(out).not.toContain('error missing');
  });
  test('on the criterion’s value when the file writes it; the first false criterion in order', () => {
    const t = DOCS.G.replace('document: cybersecurity-management-plan\n', 'document: cybersecurity-management-plan\ncyber_device: { software: true, internet: true, vulnerable_characteristics: false }\n');
    const out = render(checkFiles({ 'd/dossier.yaml': YAML.replace('software: true', 'software: false'), 'd/g.md': t }, { files: ['d/g.md'] }), { data: ['criterion'] });
    expect(out).toContain('d/g.md:3 info not-a-cyber-device criterion="vulnerable_characteristics"');
  });
  test('undetermined: a missing criterion is frontmatter-missing, no notice, normal severities', () => {
    const y = YAML.replace(/  vulnerable_characteristics: true\n/, '');
    const out = render(checkFiles({ 'd/dossier.yaml': y, 'd/k.md': noThreatModel }, { files: ['d/k.md'] }));
    expect(out).toContain('frontmatter-missing');
    expect(out).not.toContain('not-a-cyber-device');
    expect(out).toContain('error missing-section K2');
  });
  test('internet: false with a declared connection is contradictory and counts as invalid (undetermined)', () => {
    const y = YAML.replace('internet: true', 'internet: false');
    const out = render(checkFiles({ 'd/dossier.yaml': y, 'd/k.md': noThreatModel }, { files: ['d/k.md'] }));
    expect(out).toContain('d/dossier.yaml:15 error config-invalid');
    expect(out).not.toContain('not-a-cyber-device');
    expect(out).toContain('error missing-section K2');
  });
  test('a cyber device cannot be non-updatable', () => {
    const out = render(checkFiles({ 'd/dossier.yaml': YAML.replace('mechanism: [network, service]', 'mechanism: [none]'), 'd/k.md': DOCS.K }, { files: ['d/k.md'] }));
    expect(out).toContain('d/dossier.yaml:25 error config-invalid');
  });
  test('IDE is reduced mode too; a configured severity wins over the mode', () => {
    const ide = withYaml([/submission: 510k/, 'submission: ide']);
    const k5 = sectionIn(DOCS.K, FDA.kinds[0].requirements.find((r) => r.id === 'K5')!)!;
    const noSbom = replaceLines(DOCS.K, k5.line, k5.end, []);
    const k5Only = (out: string) => only(out, ['missing-section K5']);
    expect(k5Only(dossier({ K: noSbom }, ide))).toEqual(['warning missing-section K5']);
    expect(k5Only(dossier({ K: noSbom }, ide, { rules: { 'missing-section': 'error' } }))).toEqual(['error missing-section K5']);
    expect(k5Only(dossier({ K: noSbom }, YAML, { rules: { 'missing-section/K5': 'info' } }))).toEqual(['info missing-section K5']);
    expect(k5Only(dossier({ K: noSbom }, YAML))).toEqual(['error missing-section K5']);
  });
});

describe('quotes (§ "Quotes"): verbatim in the vendored guidance', () => {
  const guidance = read('test/fixtures/guideline/fda-2025-cybersecurity-premarket.en.md');
  const collapse = (s: string) => s.replace(/\s+/g, ' ');
  const text = collapse(guidance);
  test('the vendored file is the spec’s (SHA-256)', async () => {
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(fs.readFileSync(path.join(ROOT, 'test/fixtures/guideline/fda-2025-cybersecurity-premarket.en.md'))).digest('hex')).toBe(
      '64d40c1aa131d7e169b0fce9e846b164d7b598616dd4dda0aeed0e28e38e403d',
    );
  });
  test.each(all.map(({ r }) => [r.id, r] as const))('%s occurs exactly once', (_id, r) => {
    const q = collapse(r.quote);
    expect(q.length).toBeGreaterThan(8);
    expect(text.split(q).length - 1).toBe(1);
  });
  test('a quote that is not the guidance’s text fails (the test can fail)', () => {
    expect(text.split(collapse('FDA recommends that premarket submissions include a threat model.')).length - 1).toBe(0);
  });
});

describe('B1 control-category table (§5): acceptance criteria per applicable category', () => {
  test('without the acceptance column: missing-column; an applicable row without criteria: incomplete-row', () => {
    const noColumn = DOCS.B.replace(/ \| Acceptance criteria \|/, ' |').replace(/^(\| [^|\n]+\| (?:Yes|Applicable) \|[^|\n]+\|)[^|\n]+\|$/gm, '$1').replace('| --- | --- | --- | --- |', '| --- | --- | --- |');
    expect(only(dossier({ B: noColumn }), ['missing-column', 'incomplete-row'])).toEqual(['error missing-column B1']);
    const emptyCell = DOCS.B.replace('| An unsigned or altered image is rejected and the pump stays on the prior version (TC-102) |', '|  |');
    expect(only(dossier({ B: emptyCell }), ['missing-column', 'incomplete-row'])).toEqual(['error incomplete-row B1']);
  });
  test('a not-applicable category with its reason (in the requirements column) needs no criteria', () => {
    const na = DOCS.B.replace(
      '| Confidentiality | Yes | SR-07: infusion records and credentials are encrypted at rest and in transit | No credential or record is readable from a flash dump (TC-107) |',
      '| Confidentiality | No | The pump stores no personal data and no credentials outside the secure element | |',
    );
    expect(only(dossier({ B: na }), ['missing-column', 'incomplete-row', 'not-applicable-without-reason', 'capability-unaddressed'])).toEqual([]);
  });
});

// Issue 16, the independent corpus (test/corpus/fda-premarket-2025): each reading it settled, on
// the example dossier with one thing changed.
describe('corpus readings (issue 16)', () => {
  const withData = (over: Record<string, string | null>, codes: string[], data: string[], yaml = YAML): string[] => {
    const files: Record<string, string> = { 'd/dossier.yaml': yaml };
    for (const [p, f] of Object.entries(FILE)) {
      const t = p in over ? over[p] : DOCS[p];
      if (t !== null) files[`d/${f}`] = t;
    }
    for (const [k, t] of Object.entries(over)) if (!(k in FILE) && t !== null) files[`d/${k}`] = t;
    return render(checkFiles(files, { folders: ['d'] }), { data })
      .split('\n')
      .filter((l) => codes.some((c) => l.includes(` ${c}`)));
  };
  const SBOM_HEADER = '| Component | Supplier | Version | Unique identifier | Level of support | End-of-support date |\n| --- | --- | --- | --- | --- | --- |\n';
  const sbom = (rows: string) =>
    DOCS.K.replace(/\| Component \| Supplier \|[\s\S]*?\n\n### 5\.1/, `| Component | Type | Supplier | Version | Unique identifier | Level of support | End-of-support date |\n| --- | --- | --- | --- | --- | --- | --- |\n${rows}\n\n### 5.1`);
  const APP = '| IP-600 pump application | Application | SmartInfuse Medical | 3.2.1.4 | pkg:generic/smartinfuse/ip600-app@3.2.1.4 | Actively maintained | 2034-12-31 |';
  const SBOM_CODES = ['version-not-full', 'incomplete-row', 'not-applicable-without-reason', 'missing-column', 'end-of-support-passed'];

  test('the example’s SBOM table is the one these cases replace', () => {
    expect(DOCS.K).toContain(SBOM_HEADER);
    expect(withData({ K: sbom(APP) }, SBOM_CODES, [])).toEqual([]);
  });

  test('§10: a hardware row (type hardware, 硬件, device) is never checked — not its version, not its empty cells', () => {
    const rows = [
      APP,
      '| Main board MCU | Hardware | STMicroelectronics | STM32H743 | — | — | — |',
      '| Display controller | 硬件 | Sitronix | ST7789V |  |  |  |',
      '| Handheld | Device | SmartInfuse Medical | rev C |  |  |  |',
    ].join('\n');
    expect(withData({ K: sbom(rows) }, SBOM_CODES, [])).toEqual([]);
    // The same rows as software (firmware) are checked.
    const firmware = rows.replace('| Hardware |', '| Firmware |');
    expect(withData({ K: sbom(firmware) }, SBOM_CODES, ['value'])).toEqual(['d/cybersecurity-risk-management-report.md:111 warning version-not-full K5 value="STM32H743"']);
  });

  test('§10.1, §3.2: a justified N/A version is accepted; a bare N/A cell is not-applicable-without-reason on the cell; an empty cell is incomplete-row with data.missing', () => {
    const rows = [
      APP,
      '| MCU boot ROM | Firmware | STMicroelectronics | N/A – mask ROM, the supplier publishes no version; identified by its hash | sha256:9f2c4e01d7b35a6e | Maintained by the supplier | 2035-12-31 |',
      '| Yocto Linux | Operating system | Wind River | 5.0.4 | N/A | Actively maintained | 2028-04-30 |',
      '| BlueZ | Library |  | 5.72 | pkg:generic/bluez@5.72 | Actively maintained | 2027 |',
      '| zlib | Library | zlib project | Not applicable | pkg:generic/zlib@1.3.1 | Actively maintained | 2030 |',
    ].join('\n');
    expect(withData({ K: sbom(rows) }, SBOM_CODES, ['missing', 'columns', 'column', 'value'])).toEqual([
      'd/cybersecurity-risk-management-report.md:112 error not-applicable-without-reason K5 column="identifier" value="N/A"',
      'd/cybersecurity-risk-management-report.md:113 error incomplete-row K5 missing=["supplier"] columns=["supplier"]',
      'd/cybersecurity-risk-management-report.md:114 error not-applicable-without-reason K5 column="version" value="Not applicable"',
    ]);
  });

  test('§4 K7, §5 B3: a "None" cell is an answer there, "N/A" is not', () => {
    expect(DOCS.K).toContain('| BUG-2264 | Handheld shows stale battery level | None | None | No security relevance |');
    const k = DOCS.K.replace('| BUG-2264 | Handheld shows stale battery level | None | None |', '| BUG-2264 | Handheld shows stale battery level | None | N/A |');
    expect(withData({ K: k }, ['not-applicable-without-reason'], ['column'])).toEqual(['d/cybersecurity-risk-management-report.md:147 error not-applicable-without-reason K7 column="cwe"']);
    const b = DOCS.B.replace('| Service one-time code |', '| None |');
    expect(withData({ B: b }, ['not-applicable-without-reason', 'incomplete-row'], [])).toEqual([]);
  });

  test('§6: a tools table without settings is tier B (warning; info in reduced mode) although E3 and E4 are tier A', () => {
    const e = DOCS.E.replace('| Tool | Version | Settings |\n| --- | --- | --- |\n| Burp Suite Professional | 2024.11.2 | Active scan, authenticated as each role |\n| Ubertooth One firmware | 2020.12.1 | BLE sniffing on all advertising channels |', '| Tool | Version |\n| --- | --- |\n| Burp Suite Professional | 2024.11.2 |\n| Ubertooth One firmware | 2020.12.1 |');
    expect(e).not.toBe(DOCS.E);
    expect(withData({ E: e }, ['missing-column'], ['column'])).toEqual(['d/cybersecurity-testing.md:90 warning missing-column E4 column="settings"']);
    const notCyber = withYaml([/vulnerable_characteristics: true/, 'vulnerable_characteristics: false']);
    expect(withData({ E: e }, ['missing-column'], ['column'], notCyber)).toEqual(['d/cybersecurity-testing.md:90 info missing-column E4 column="settings"']);
    // An empty settings cell: incomplete-row, tier B as well.
    const empty = DOCS.E.replace('| Burp Suite Professional | 2024.11.2 | Active scan, authenticated as each role |', '| Burp Suite Professional | 2024.11.2 |  |');
    expect(withData({ E: empty }, ['incomplete-row'], ['missing'])).toEqual(['d/cybersecurity-testing.md:92 warning incomplete-row E4 missing=["settings"]']);
  });

  test('§4 K9: a table with test and threat but no risk column is the traceability table: missing-column', () => {
    const k = DOCS.K.replace(/\| Threat \| Risk \| Requirement \| Test \|\n\| --- \| --- \| --- \| --- \|\n((?:\| T-\d+ \| R-\d+ \| SR-\d+ \| TC-\d+ \|\n?)+)/, (_m, rows: string) =>
      `| Threat | Requirement | Test |\n| --- | --- | --- |\n${rows.replace(/ \| R-\d+ \|/g, ' |')}`,
    );
    expect(k).not.toBe(DOCS.K);
    expect(withData({ K: k }, ['missing-column'], ['column'])).toEqual(['d/cybersecurity-risk-management-report.md:156 error missing-column K9 column="risk"']);
    // Neither threat nor risk: not a traceability table (a test list), nothing about its columns.
    const tests = k.replace('| Threat | Requirement | Test |', '| Item | Requirement | Test |');
    expect(withData({ K: tests }, ['missing-column'], [])).toEqual([]);
  });

  test('§5 B1: an applicability that is neither yes nor no (Partly, empty) is incomplete-row; ✓ and × are answers', () => {
    const partly = DOCS.B.replace('| Authorization | Yes |', '| Authorization | Partly |').replace('| Cryptography | Yes |', '| Cryptography |  |');
    expect(withData({ B: partly }, ['incomplete-row', 'not-applicable-without-reason'], ['capability', 'value'])).toEqual([
      'd/security-architecture.md:18 error incomplete-row B1 capability="AUTHZ" value="Partly"',
      'd/security-architecture.md:19 error incomplete-row B1 capability="CRYPT"',
    ]);
    const signs = DOCS.B.replace('| Authorization | Yes |', '| Authorization | ✓ |');
    expect(withData({ B: signs }, ['incomplete-row', 'not-applicable-without-reason'], [])).toEqual([]);
    const cross = DOCS.B.replace('| Authorization | Yes | SR-05: role-based access (nurse, biomed, service) on the pump and the server; the service role needs a one-time code |', '| Authorization | × | |');
    expect(withData({ B: cross }, ['incomplete-row', 'not-applicable-without-reason'], [])).toEqual(['d/security-architecture.md:18 error not-applicable-without-reason B1']);
  });

  test('§4, §5, §7: the "must name" findings carry data.fact and data.value', () => {
    const b = DOCS.B.replace(/Bluetooth Low Energy 5\.2/g, 'the short-range radio');
    expect(withData({ B: b }, ['inconsistent-fact'], ['fact', 'value'])).toEqual(['d/security-architecture.md:69 warning inconsistent-fact B3 fact="connectivity.wireless" value="bluetooth"']);
    const usb = DOCS.B.replace('| USB service port |', '| Service port |').replace(/USB/g, 'service');
    expect(withData({ B: usb }, ['inconsistent-fact'], ['fact', 'value'])).toEqual(['d/security-architecture.md:69 warning inconsistent-fact B3 fact="connectivity.usb" value=true']);
    const k = DOCS.K.replace(/Bluetooth Low Energy/g, 'a short-range radio').replace(/BLE/g, 'radio');
    expect(withData({ K: k }, ['inconsistent-fact'], ['fact', 'value'])).toEqual(['d/cybersecurity-risk-management-report.md:100 warning inconsistent-fact K4 fact="connectivity.wireless" value="bluetooth"']);
    const win = withYaml([/operating_systems: \[embedded\]/, 'operating_systems: [windows]']);
    const l1 = DOCS.L.replace('keep anti-malware software on the Fleet Server host', 'keep the Fleet Server host patched');
    expect(withData({ L: l1 }, ['inconsistent-fact'], ['fact', 'value'], win)).toEqual(['d/labeling.md:9 warning inconsistent-fact L1 fact="software.operating_systems" value="windows"']);
  });

  test('§3.1, §5: "Global System View: see Threat Model, Section 2.3" answers by reference — no missing-diagram', () => {
    const b = DOCS.B.replace(/### 2\.1 Global system view\n[\s\S]*?### 2\.2/, '### 2.1 Global system view\n\nSee Threat Model, Section 2.3.\n\n### 2.2');
    expect(b).not.toBe(DOCS.B);
    expect(withData({ B: b }, ['missing-diagram', 'answered-by-reference'], ['reference'])).toEqual(['d/security-architecture.md:40 hint answered-by-reference B2.1 reference="Threat Model, Section 2.3"']);
    // Without the pointer the view has no diagram.
    const none = DOCS.B.replace(/### 2\.1 Global system view\n[\s\S]*?### 2\.2/, '### 2.1 Global system view\n\nThe pump talks to the Fleet Server and to the handheld.\n\n### 2.2');
    expect(withData({ B: none }, ['missing-diagram', 'answered-by-reference'], [])).toEqual(['d/security-architecture.md:40 warning missing-diagram B2.1']);
  });
});

describe('H2.1 names the prior submission (§9)', () => {
  const doc = (prior: string, h21: string) =>
    [
      '---',
      'guideline: fda-premarket-2025',
      'document: modification-documentation',
      'submission: pma-supplement',
      'submission_date: 2026-02-16',
      'product: { name: ICM-2 Insertable Cardiac Monitor, model: ICM-2, class: III, software_version: 2.0.4.1900 }',
      'cyber_device: { software: true, internet: true, vulnerable_characteristics: true }',
      'connectivity: { wireless: [bluetooth], cloud: true }',
      'update: { mechanism: [network] }',
      `change: { cybersecurity_impact: unlikely, prior_plan: true, prior_submission: ${prior} }`,
      '---',
      '',
      '# ICM-2 — Cybersecurity Documentation of the Modification',
      '',
      '## 1 Description of the change and its cybersecurity impact',
      '',
      'The battery cell changes supplier. The change is unlikely to impact cybersecurity (VII.D.2).',
      '',
      '## 2 Cybersecurity management plan: prior submission',
      '',
      '### 2.1 Reference to the prior submission',
      '',
      h21,
      '',
      '### 2.2 Summary of changes to the plan',
      '',
      'The KEV catalog is now matched daily instead of weekly.',
      '',
      '## 3 Critical vulnerabilities that could cause uncontrolled risks',
      '',
      'There are currently no critical vulnerabilities that could cause uncontrolled risks.',
      '',
      '## 4 Vulnerabilities with uncontrolled risk remediated since the last authorization',
      '',
      'None was remediated since the last authorization: none was found.',
      '',
    ].join('\n');
  const check = (text: string) => render(checkFiles({ 'm.md': text }, { files: ['m.md'] }), { data: ['fact', 'value'] });
  test('named (spaces and case aside): clean; another number: inconsistent-fact on the H2.1 heading', () => {
    expect(check(doc('P170019/S012', 'The plan was provided in supplement P170019/S012.'))).toBe('');
    expect(check(doc('P170019/S012', 'The plan was provided in supplement p170019 / s012.'))).toBe('');
    expect(check(doc('P170019/S012', 'The plan was provided in supplement P170019/S011.'))).toBe('m.md:21 warning inconsistent-fact H2.1 fact="change.prior_submission" value="P170019/S012"');
  });
  test('without its H2.1 heading, on H2’s', () => {
    const text = doc('P170019/S012', 'x').replace('### 2.1 Reference to the prior submission\n\nx\n\n', 'The plan was provided in P170019/S011.\n\n');
    expect(check(text)).toContain('m.md:19 warning inconsistent-fact H2 fact="change.prior_submission" value="P170019/S012"');
  });
});

describe('submission_date (frontmatter spec: a valid calendar date YYYY-MM-DD)', () => {
  const check = (value: string) => render(checkFiles({ 'd/dossier.yaml': withYaml([/^submission_date: .*$/m, `submission_date: ${value}`]), ...Object.fromEntries(Object.entries(FILE).map(([p, f]) => [`d/${f}`, DOCS[p]])) }, { folders: ['d'] }), { data: [], message: 'en' });
  test.each(['2026-02-30', '2026-3-2', '02.03.2026', 'next spring'])('%s is invalid on the value (config-invalid in dossier.yaml)', (value) => {
    expect(check(value)).toBe(`d/dossier.yaml:6 error config-invalid — submission_date: "${value}" is not a valid date: write a calendar date as YYYY-MM-DD (2026-03-02)`);
  });
  test('a valid date, a future one included, is accepted', () => {
    expect(check('2026-03-02')).toBe('');
    expect(check('2027-01-15')).toBe(''); // planned, in the future of the example
    expect(check('2024-02-29')).toBe(''); // a leap day
  });
  test('an invalid date decides nothing: no end of support is compared with it', () => {
    const k = DOCS.K.replace('| lwIP | Savannah lwIP project | 2.2.0 | pkg:generic/lwip@2.2.0 | Actively maintained | 2028-12-31 |', '| lwIP | Savannah lwIP project | 2.2.0 | pkg:generic/lwip@2.2.0 | Actively maintained | 2001-12-31 |');
    expect(k).not.toBe(DOCS.K);
    expect(only(dossier({ K: k }), ['end-of-support-passed'])).toEqual(['warning end-of-support-passed K5']);
    expect(only(dossier({ K: k }, withYaml([/^submission_date: .*$/m, 'submission_date: 2026-02-30'])), ['end-of-support-passed'])).toEqual([]);
  });
});

describe('not-applicable words (§3.1): NA and Not required, FDA only', () => {
  const E6 = /## 6 Plans for deferred remediation\n\n[\s\S]*?\n\n## 7/;
  const e6 = (body: string) => DOCS.E.replace(E6, `## 6 Plans for deferred remediation\n\n${body}\n\n## 7`);
  test('the E6 section the cases replace', () => expect(e6('x')).not.toBe(DOCS.E));
  test('bare NA / Not required: not-applicable-without-reason; with a reason: accepted', () => {
    const codes = ['not-applicable-without-reason', 'empty-section', 'missing-section'];
    expect(only(dossier({ E: e6('NA.') }), codes)).toEqual(['error not-applicable-without-reason E6']);
    expect(only(dossier({ E: e6('Not required.') }), codes)).toEqual(['error not-applicable-without-reason E6']);
    expect(only(dossier({ E: e6('NA — every finding of the tests was fixed in release 3.2.1.4; none is deferred.') }), codes)).toEqual([]);
    expect(only(dossier({ E: e6('Not required: every finding was fixed in release 3.2.1.4.') }), codes)).toEqual([]);
    // A word that only begins with NA is no answer.
    expect(only(dossier({ E: e6('NAND flash wear findings are deferred to release 3.3 (planned 2026-Q3); interim pumps receive it within 30 days.') }), codes)).toEqual([]);
  });
  test('the NMPA rule sets keep their words (requirements.md §3): NA there is text', () => {
    const dir = 'examples/nmpa-2017/monitor';
    const files: Record<string, string> = {};
    for (const f of fs.readdirSync(path.join(ROOT, dir))) files[`n/${f}`] = read(`${dir}/${f}`);
    const desc = files['n/cybersecurity-description.md'];
    const replaced = desc.replace(/(### 3\.4 标准符合性证明\n\n)[^\n]+/, '$1NA.');
    expect(replaced).not.toBe(desc);
    const out = (d: string) => render(checkFiles({ ...files, 'n/cybersecurity-description.md': d }, { folders: ['n'] })).split('\n').filter((l) => l.includes('not-applicable-without-reason'));
    expect(out(replaced)).toEqual([]);
    expect(out(desc.replace(/(### 3\.4 标准符合性证明\n\n)[^\n]+/, '$1N/A.'))).toEqual(['n/cybersecurity-description.md:118 error not-applicable-without-reason D3.5']);
  });
});

describe('§3.2 in the K9 traceability table: a bare N/A cell needs a reason', () => {
  test('N/A alone is not-applicable-without-reason on the cell; with a reason it is filled', () => {
    const bare = DOCS.K.replace('| T-04 | R-04 | SR-04 | TC-104 |', '| T-04 | R-04 | SR-04 | N/A |');
    expect(bare).not.toBe(DOCS.K);
    expect(only(dossier({ K: bare }), ['not-applicable-without-reason', 'incomplete-row'])).toEqual(['error not-applicable-without-reason K9']);
    const reason = DOCS.K.replace('| T-04 | R-04 | SR-04 | TC-104 |', '| T-04 | R-04 | SR-04 | N/A – verified by design review DR-12 of the alarm path |');
    expect(only(dossier({ K: reason }), ['not-applicable-without-reason', 'incomplete-row'])).toEqual([]);
  });
});
