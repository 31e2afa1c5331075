// Issue 18 item 1 / acceptance: the facts that decide the catalogue, asked by *New dossier
// document…* beyond the product: the keys the schema requires, the keys required for a kind,
// and the facts whose absence puts a new dossier out of scope — and what each answer writes.

import { describe, expect, test } from 'vitest';
import { RULESETS, getRuleSet } from '../../server/src/engine';
import { answerValue, askedFacts, guidelineInfos, mergeDossierYaml } from '../../server/src/features/new-dossier';

const rs = (id: string) => getRuleSet(id)!;
const q = (id: string, path: string) => askedFacts(rs(id)).find((x) => x.path === path)!;

describe('the questions, derived from each rule set', () => {
  test('per guideline: path, kind, choices, for which kinds and submissions', () => {
    const shown = guidelineInfos(RULESETS).map((g) => `${g.id}: ${g.facts.map((f) => `${f.path} ${f.kind}${f.emptyWrites ? ' (empty answers)' : ''} [${f.choices.map((c) => c.value).join(', ')}]${f.kinds ? ` for ${f.kinds.join(',')}` : ''}${f.submissions ? ` when ${f.submissions.join(',')}` : ''}`).join(' | ')}`);
    expect(shown).toMatchInlineSnapshot(`
      [
        "nmpa-2022: data.types many [sensitive-medical, non-sensitive-medical, device] | software.safety_level one [minor, moderate, major] for cybersecurity-research-report,cybersecurity-functional-update-report,cybersecurity-patch-update-report,ots-cybersecurity-report,ots-cybersecurity-functional-update-report | updates many [major, minor, none] when change | update_content many [functional, patch, none] when change | software.ots_usage one [none, partial, full] when initial-registration,change",
        "nmpa-2017: data.types many [health, device] | updates many [major, minor, none] when change | interfaces many [network, storage_media] | functions.exchange one [none, unidirectional, bidirectional] | functions.remote_control one [none, realtime, non-realtime]",
        "fda-premarket-2025: cyber_device many (empty answers) [software, internet, vulnerable_characteristics] | connectivity many (empty answers) [wired.ethernet, wired.serial, wired.other, wireless.wifi, wireless.bluetooth, wireless.cellular, wireless.nfc, wireless.inductive, wireless.other, cloud, usb, removable_media] | change.cybersecurity_impact one [may-impact, unlikely] when pma-supplement,modification | change.prior_plan one [true, false] when modification,pma-supplement",
      ]
    `);
  });

  test('labels in both languages, details from the schema', () => {
    const cd = q('fda-premarket-2025', 'cyber_device');
    expect(cd.label).toEqual({ zh: '网络设备判定（524B(c)）', en: 'Cyber device criteria (section 524B(c)) the device meets' });
    expect(cd.choices[1].detail?.en).toMatch(/^\(2\) Has the ability to connect to the internet/);
    expect(q('nmpa-2022', 'software.safety_level').choices.map((c) => c.label)).toEqual([
      { zh: '轻微', en: 'minor' },
      { zh: '中等', en: 'moderate' },
      { zh: '严重', en: 'major' },
    ]);
  });
});

describe('what an answer writes', () => {
  test('a value, a list, the keys of an object', () => {
    expect(answerValue(q('nmpa-2022', 'software.safety_level'), ['moderate'])).toBe('moderate');
    expect(answerValue(q('nmpa-2022', 'data.types'), ['device', 'sensitive-medical'], rs('nmpa-2022').schema)).toEqual(['device', 'sensitive-medical']);
    // Nothing chosen where the schema needs one value at least: decide later.
    expect(answerValue(q('nmpa-2022', 'data.types'), [], rs('nmpa-2022').schema)).toBeUndefined();
    const fda = rs('fda-premarket-2025').schema;
    expect(answerValue(q('fda-premarket-2025', 'cyber_device'), ['software', 'internet'], fda)).toEqual({ software: true, internet: true, vulnerable_characteristics: false });
    expect(answerValue(q('fda-premarket-2025', 'connectivity'), ['wired.ethernet', 'wireless.wifi', 'wireless.bluetooth', 'usb'], fda)).toEqual({ wired: ['ethernet'], wireless: ['wifi', 'bluetooth'], usb: true });
    // connectivity: {} is the schema's "no connection of any kind".
    expect(answerValue(q('fda-premarket-2025', 'connectivity'), [], fda)).toEqual({});
    expect(answerValue(q('nmpa-2017', 'interfaces'), ['network'], rs('nmpa-2017').schema)).toEqual({ network: {} });
    // A value that is not one of the choices is not written.
    expect(answerValue(q('nmpa-2022', 'software.safety_level'), ['critical'])).toBeUndefined();
  });

  test('merged into dossier.yaml beside the product facts; keys the user wrote are kept', () => {
    const r = mergeDossierYaml(undefined, { guideline: 'nmpa-2022', submission: 'initial-registration', product: { name: '监护仪' }, answers: { 'data.types': ['sensitive-medical', 'device'], 'software.safety_level': ['major'], 'not.asked': ['x'] } }, 'zh', rs('nmpa-2022'));
    expect(r.ok && r.text).toMatchInlineSnapshot(`
      "# 共享的产品事实：本文件夹内每个申报文件的 frontmatter 只需写明 document。

      guideline: nmpa-2022
      submission: initial-registration
      product:
        name: 监护仪
      data:
        types:
          - sensitive-medical
          - device
      software:
        safety_level: major
      "
    `);
    const again = mergeDossierYaml('software:\n  safety_level: minor\n', { answers: { 'software.safety_level': ['major'] } }, 'en', rs('nmpa-2022'));
    expect(again).toMatchObject({ ok: true, changed: false, kept: ['software.safety_level'], present: { 'software.safety_level': '"minor"' } });
    // Without the rule set the answers are not read (nothing is guessed).
    expect(mergeDossierYaml(undefined, { answers: { 'software.safety_level': ['major'] } }, 'en')).toMatchObject({ ok: true, changed: false });
  });
});
