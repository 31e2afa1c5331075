// titles/normalise.ts, titles/keys.ts, titles/scan.ts and the matcher over them (titles.ts), with
// the rule sets' own answer rules and the 2022 patch update report (U) as the document kind.
import { describe, expect, test } from 'vitest';
import { getRuleSet } from '../../server/src/engine/rulesets';
import { titleMatcher } from '../../server/src/engine/titles';
import { keyIndex } from '../../server/src/engine/titles/keys';
import { CONJ, exactKey, joinedParts, titleNormaliser } from '../../server/src/engine/titles/normalise';
import { namedIn, scanIndex } from '../../server/src/engine/titles/scan';

const nmpa = getRuleSet('nmpa-2022')!;
const fda = getRuleSet('fda-premarket-2025')!;
const norm = titleNormaliser(nmpa.answers);
const patch = nmpa.kinds.find((k) => k.id === 'cybersecurity-patch-update-report')!;
const req = (id: string) => patch.requirements.find((r) => r.id === id)!;

describe('normalisation', () => {
  test('exact keys fold numbering, punctuation and width; loose keys fold the rule set’s prefixes and suffixes', () => {
    expect(exactKey('3.2 网络安全测试计划')).toBe(exactKey('网络安全测试计划'));
    expect(exactKey('（三） Ｒｉｓｋ Management')).toBe('riskmanagement');
    expect(norm.loose('网络安全风险管理报告')).toBe('风险管理');
    expect(norm.loose('3.2 网络安全测试计划和报告')).toBe(`测试计划${CONJ}`);
  });
  test('a joined title splits into its items, a shared document word distributed', () => {
    expect(norm.parts('3.2 网络安全测试计划和报告')).toEqual(['网络安全测试计划', '网络安全测试报告']);
    expect(norm.parts('风险分析和风险管理报告')).toEqual(['风险分析', '风险分析报告', '风险管理报告']);
    expect(norm.parts('网络安全风险管理报告')).toEqual([]);
    expect(joinedParts(`数据备份${CONJ}灾难恢复`, norm.typeWords)).toEqual(['数据备份', '灾难恢复']);
  });
  test('English keys only under English rules', () => {
    expect(norm.hasEnglish).toBe(false);
    expect(norm.english('Security Risk Management Report')).toBe('');
    const en = titleNormaliser(fda.answers);
    expect(en.english('Security Risk Management Report')).toBe('riskmanagement');
    expect(en.english('Section 5 Threat Modeling and Risk Assessment')).toBe('threatmodelingriskassessment');
  });
});

describe('the synonym index', () => {
  test('exact keys include the user’s aliases, loose keys only the built-in titles', () => {
    const keys = keyIndex(patch, norm, { 'U4.2': ['渗透测试结果'] });
    expect(keys.exact.get(req('U4.2'))).toContain(exactKey('渗透测试结果'));
    expect(keys.exact.get(req('U4.2'))).toContain(exactKey('网络安全测试报告'));
    expect(keys.loose.get(req('U4.2'))).not.toContain(norm.loose('渗透测试结果'));
    expect(keys.allExact.get(exactKey('风险管理报告'))?.map((r) => r.id)).toEqual(['U3.2']);
    expect(keys.english.size).toBe(0);
  });
});

describe('sentence scanning', () => {
  const scan = scanIndex(patch, norm, {});
  test('names anywhere in a sentence, a stem shared across a conjunction', () => {
    expect([...namedIn('测试情况详见附件 5《网络安全测试计划和报告》。', scan, norm)].sort()).toEqual(['U4.1', 'U4.2']);
  });
  test('a longer name hides the shorter one inside it', () => {
    expect([...namedIn('详见《风险管理报告》', scan, norm)]).toEqual(['U3.2']);
  });
  test('names under four characters do not count in prose', () => {
    expect([...namedIn('本次更新的补丁与数据无关。', scan, norm)]).toEqual([]);
  });
});

describe('the matcher', () => {
  const m = titleMatcher(patch, nmpa.answers, {});
  const u4 = patch.requirements.filter((r) => r.id.startsWith('U4.'));
  test('a joined heading names every item; one that is not every part’s names none', () => {
    expect(m.match('4.3 网络安全测试计划和报告', u4).map((r) => r.id)).toEqual(['U4.1', 'U4.2']);
    expect(m.match('测试计划与风险管理概述', u4)).toEqual([]);
  });
  test('an exact title of another requirement never matches by its normalised form', () => {
    expect(m.names('风险管理报告', req('U3.2'))).toBe(true);
    expect(m.names('风险管理报告', req('U3'))).toBe(false);
    expect(m.names('网络安全风险管理', req('U3'))).toBe(true);
  });
});
