// The NMPA 2022 rule set as data (requirements-nmpa-2022.md): exact IDs per kind, parents, the
// O / Q mirrors, quotes that are the guideline's own words, condition facts that exist in the
// 2022 schema, column roles and their words on every table header the spec names, the 22
// capabilities, templates that fill their tables, skeletons that parse and match, the schema, and
// the submission cases. Behaviour (diagnostics on fixtures) is tested elsewhere.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { nmpa2022 } from '../../server/src/engine/rulesets/nmpa-2022';
import { nmpa2017 } from '../../server/src/engine/rulesets/nmpa-2017';
import { RULESETS, getRuleSet } from '../../server/src/engine/rulesets';
import { COLUMN_LABELS } from '../../server/src/engine/rulesets/common';
import type { Check, Condition, DocumentKind, JsonSchema, Requirement } from '../../server/src/engine/rulesets/types';
import { columnMap } from '../../server/src/engine/tables';
import type { CellFact } from '../../server/src/engine/parse';
import { buildModel } from '../../server/src/engine/model';
import { matchDocument, parentId } from '../../server/src/engine/match';
import { skeleton } from '../../server/src/engine/skeleton';
import { evaluate, type Facts } from '../../server/src/engine/facts/facts';
import { schemaAt } from '../../server/src/engine/facts/schema';

const ROOT = path.join(__dirname, '..', '..');
// Vendored with the tests, so a clean checkout has it.
const GUIDELINE = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'guideline', 'nmpa-2022-cybersecurity-guideline.zh.txt'), 'utf8');

const kind = (prefix: string): DocumentKind => nmpa2022.kinds.find((k) => k.prefix === prefix)!;
const ids = (prefix: string) => kind(prefix).requirements.map((r) => r.id);
const allReqs = nmpa2022.kinds.flatMap((k) => k.requirements.map((r) => ({ kind: k, r })));
const req = (id: string): Requirement => allReqs.find((x) => x.r.id === id)!.r;

// ---- the spec's ID lists ------------------------------------------------------------------------

const R_IDS = [
  'R1', 'R1.1', 'R1.1.1', 'R1.2', 'R1.2.1', 'R1.2.2', 'R1.2.3', 'R1.2.4', 'R1.2.5', 'R1.3', 'R1.4', 'R1.5',
  'R2', 'R2.1', 'R2.1.1', 'R2.1.2', 'R2.2', 'R2.3', 'R2.3.1', 'R2.3.2', 'R2.3.3', 'R2.3.4', 'R2.3.5', 'R2.3.6', 'R2.3.7',
  'R2.4', 'R2.5', 'R2.5.1', 'R2.5.2', 'R2.5.3', 'R3', 'R3.1', 'R3.2', 'R3.3', 'R4',
];
const F_IDS = [
  'F1', 'F1.1', 'F1.2', 'F1.3', 'F1.4', 'F1.5', 'F2', 'F2.1', 'F2.1.1', 'F2.1.2', 'F2.2', 'F2.3', 'F2.3.1', 'F2.3.2',
  // Added (issue 12): the research report's evidence for what the update introduces (六（二）, 二（八）2).
  'F2.3.3', 'F2.3.5', 'F2.3.6', 'F2.3.7',
  'F2.4', 'F2.5', 'F2.5.1', 'F2.5.2', 'F2.5.3', 'F3', 'F3.1', 'F3.2', 'F3.3', 'F4',
];
const U_IDS = ['U1', 'U2', 'U3', 'U3.1', 'U3.2', 'U4', 'U4.1', 'U4.2', 'U5', 'U6', 'U6.1', 'U6.2', 'U7', 'U7.1', 'U7.2', 'U7.3', 'U8'];
const O_IDS = [
  'O1', 'O1.1', 'O1.1.1', 'O1.2', 'O1.2.1', 'O1.2.2', 'O1.2.3', 'O1.2.4', 'O1.2.5', 'O1.3', 'O1.4', 'O1.5',
  'O2', 'O2.1', 'O2.1.1', 'O2.1.2', 'O2.2', 'O2.3', 'O2.3.1', 'O2.3.2', 'O2.3.3', 'O2.3.4', 'O2.3.5', 'O2.3.6', 'O2.3.7',
  'O2.4', 'O2.5', 'O2.5.1', 'O2.5.2', 'O2.5.3', 'O3', 'O3.1', 'O3.2', 'O3.3', 'O4',
];
const Q_IDS = [
  'Q1', 'Q1.1', 'Q1.2', 'Q1.3', 'Q1.4', 'Q1.5', 'Q2', 'Q2.1', 'Q2.1.1', 'Q2.1.2', 'Q2.2', 'Q2.3', 'Q2.3.1', 'Q2.3.2',
  // Added (issue 12): the research report's evidence for what the update introduces (六（二）, 二（八）2).
  'Q2.3.3', 'Q2.3.5', 'Q2.3.6', 'Q2.3.7',
  'Q2.4', 'Q2.5', 'Q2.5.1', 'Q2.5.2', 'Q2.5.3', 'Q3', 'Q3.1', 'Q3.2', 'Q3.3', 'Q4',
];
const M_IDS = ['M1', 'M2', 'M3', 'M4', 'M5', 'M5.1', 'M5.2', 'M5.3', 'M6', 'M7', 'M8'];

describe('kinds and IDs', () => {
  test('nine kinds with the spec’s prefixes, names and registration', () => {
    expect(nmpa2022.kinds.map((k) => [k.prefix, k.id])).toEqual([
      ['R', 'cybersecurity-research-report'],
      ['F', 'cybersecurity-functional-update-report'],
      ['U', 'cybersecurity-patch-update-report'],
      ['O', 'ots-cybersecurity-report'],
      ['Q', 'ots-cybersecurity-functional-update-report'],
      ['A', 'authenticity-statement'],
      ['M', 'instructions-for-use'],
      ['C', 'instructions-for-use-change-table'],
      ['N', 'technical-requirements'],
    ]);
    expect(RULESETS.map((r) => r.id)).toEqual(['nmpa-2017', 'nmpa-2022', 'fda-premarket-2025']);
    expect(getRuleSet('nmpa-2022')).toBe(nmpa2022);
    expect(getRuleSet(undefined)).toBe(nmpa2017);
  });

  test.each([
    ['R', R_IDS, 35],
    ['F', F_IDS, 28],
    ['U', U_IDS, 17],
    ['O', O_IDS, 35],
    ['Q', Q_IDS, 28],
    ['A', ['A1'], 1],
    ['M', M_IDS, 11],
    ['C', ['C1'], 1],
    ['N', ['N1', 'N1.1'], 2],
  ] as const)('%s: exact IDs in order', (prefix, expected, count) => {
    expect(ids(prefix)).toEqual(expected);
    expect(ids(prefix)).toHaveLength(count);
  });

  test('IDs are unique across both rule sets; every sub-requirement’s parent exists in its kind and comes first', () => {
    const every = RULESETS.flatMap((rs) => rs.kinds.flatMap((k) => k.requirements.map((r) => r.id)));
    expect(new Set(every).size).toBe(every.length);
    for (const k of nmpa2022.kinds) {
      k.requirements.forEach((r, i) => {
        expect(r.id.startsWith(k.prefix), r.id).toBe(true);
        const p = parentId(r.id);
        if (p) expect(k.requirements.findIndex((x) => x.id === p), `${r.id} → ${p}`).toBeGreaterThanOrEqual(0);
        if (p) expect(k.requirements.findIndex((x) => x.id === p)).toBeLessThan(i);
      });
    }
  });

  test('whole-document statements: A1 and C1 only', () => {
    expect(allReqs.filter((x) => x.r.wholeDocument).map((x) => x.r.id)).toEqual(['A1', 'C1']);
  });

  test('kind aliases of §2', () => {
    expect(kind('R').aliases).toEqual(expect.arrayContaining(['自研软件网络安全研究报告', '网络安全研究报告']));
    expect(kind('F').aliases).toEqual(expect.arrayContaining(['自研软件网络安全功能更新研究报告', '网络安全功能更新研究报告']));
    expect(kind('U').aliases).toEqual(expect.arrayContaining(['自研软件网络安全补丁更新研究报告', '网络安全补丁更新研究报告']));
    expect(kind('M').aliases).toEqual(expect.arrayContaining(['说明书', '使用说明书']));
    expect(kind('C').aliases).toEqual(expect.arrayContaining(['说明书关于网络安全内容的变更对比表', '说明书变更对比表']));
    expect(kind('N').aliases).toEqual(['产品技术要求']);
  });
});

// ---- titles, synonyms, clauses, severities ------------------------------------------------------

describe('titles, synonyms, clauses and severities from the spec tables', () => {
  test.each([
    ['R1.1.1', '网络安全的安全性级别', ['网络安全安全性级别', '网络安全的安全性级别理由', '安全性级别差异说明'], '六（一）1（1）, 三（二）'],
    ['R1.2.1', '网络环境和数据流图', ['网络环境与数据流图', '网络条件和数据流图', '数据流图', '网络环境', '使用场景'], '六（一）1（2）'],
    ['R1.2.2', '数据情况', ['数据类型', '医疗器械相关数据', '相关数据', '数据'], '六（一）1（2）, 二（二）'],
    ['R1.2.3', '电子接口情况', ['电子接口', '接口情况', '网络接口和电子数据交换接口', '接口'], '六（一）1（2）, 二（三）'],
    ['R2.3.4', '真实性声明', ['标准传输协议或存储格式真实性声明', '标准协议真实性声明', '证明材料', '标准符合性证明', '标准符合性证明材料'], '六（一）2（3）'],
    ['R2.3.6', '完整性和可得性等网络安全特性的测试报告', ['完整性和可得性测试报告', '完整性与可得性测试报告', '实时远程访问与控制测试报告'], '六（一）2（3）'],
    ['R2.4', '可追溯性分析', ['网络安全可追溯性分析', '可追溯性分析报告', '追溯性分析', '追溯关系表'], '六（一）2（4）, 二（六）'],
    ['R2.5.2', '网络安全事件应急响应', ['应急响应', '网络安全事件应急响应流程', '网络安全事件应急响应预案', '应急响应预案'], '六（一）2（5）, 表1, 二（七）'],
    ['R3.2', '网络安全漏洞评估报告', ['网络安全评估机构出具的网络安全漏洞评估报告', '第三方网络安全漏洞评估报告', '第三方漏洞评估报告'], '六（一）3'],
    ['U2', '网络安全补丁', ['网络安全补丁列表', '补丁列表', '补丁描述', '补丁清单'], '六（二）, 表2'],
    ['U4', '验证与确认', ['验证和确认', '测试计划与报告', '测试计划和报告'], '六（二）, 表2'],
    ['M2', '电子接口', ['电子接口及其数据类型和技术特征', '网络接口和电子数据交换接口', '数据与设备接口', '数据与设备（系统）接口', '接口'], '七（一）2'],
    ['M8', '现成软件清单', ['SBOM', '现成软件清单（SBOM）', '软件物料清单'], '七（一）2, 二（四）16'],
    ['N1', '产品型号/规格及其划分说明', ['产品型号规格及其划分说明', '型号规格及其划分说明'], '七（三）'],
    ['N1.1', '软件版本命名规则', ['版本命名规则'], '七（三）, 二（八）1'],
    ['A1', '真实性声明', [], '七（二）1（3）'],
    ['C1', '说明书关于网络安全内容的变更对比表', [], '七（二）2'],
  ] as const)('%s', (id, zh, synonyms, clause) => {
    const r = req(id);
    expect(r.title.zh).toBe(zh);
    expect(r.synonyms).toEqual(synonyms);
    expect(r.clause).toBe(clause);
  });

  test('every F and U clause is its 表2 row under 六（二）', () => {
    // The F items added for what an update introduces also cite the research report's clause.
    for (const id of [...F_IDS, ...U_IDS]) expect(req(id).clause, id).toMatch(/^六（二）, 表2(?:, |$)/);
    expect(req('F2.3.3').clause).toBe('六（二）, 表2, 六（一）2（3）, 二（八）2');
  });

  test('clauses use full-width brackets only', () => {
    for (const { r } of allReqs) expect(r.clause, r.id).not.toMatch(/[()]/);
    for (const k of nmpa2022.kinds) expect(k.clause, k.id).not.toMatch(/[()]/);
  });

  // R1.2.4 / O1.2.4 (远程维护与升级) are errors since issue 12: declared remote maintenance with no
  // section leaves out what 五（三） requires (技术特征, 研究资料和风险管理资料).
  test('missing-section is a warning for R1.2.1–R1.2.3, R1.2.5 and their O mirrors only', () => {
    const warned = allReqs.filter((x) => x.r.missingSeverity).map((x) => [x.r.id, x.r.missingSeverity]);
    expect(warned).toEqual(['R1.2.1', 'R1.2.2', 'R1.2.3', 'R1.2.5', 'O1.2.1', 'O1.2.2', 'O1.2.3', 'O1.2.5'].map((id) => [id, 'warning']));
    expect(req('R1.2.4').missingSeverity).toBeUndefined();
  });

  test('titles and synonyms never collide among siblings (matching is by equality)', () => {
    const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[\p{P}\p{S}\p{Z}\s]/gu, '');
    for (const k of nmpa2022.kinds) {
      const byParent = new Map<string, Map<string, string>>();
      for (const r of k.requirements) {
        const seen = byParent.get(parentId(r.id)) ?? new Map<string, string>();
        byParent.set(parentId(r.id), seen);
        for (const t of [r.title.zh, r.title.en, ...r.synonyms]) {
          const n = norm(t);
          const other = seen.get(n);
          expect(other === undefined || other === r.id, `${k.prefix}: “${t}” is both ${other} and ${r.id}`).toBe(true);
          seen.set(n, r.id);
        }
      }
    }
  });

  test('every requirement has quote, gloss, content and template in both languages', () => {
    for (const { r } of allReqs) {
      for (const v of [r.quote, r.gloss, r.content.zh, r.content.en, r.template.zh, r.template.en, r.title.en]) expect(v.trim(), r.id).not.toBe('');
      expect(r.content.zh, r.id).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

// ---- quotes -------------------------------------------------------------------------------------

describe('every quote is the guideline’s own text', () => {
  const squash = (s: string) => s.replace(/\s+/g, '');
  const collapse = (s: string) => s.replace(/\s+/g, ' ');
  test.each(allReqs.map((x) => [x.r.id, x.r.quote] as const))('%s', (_id, quote) => {
    expect(collapse(GUIDELINE)).toContain(collapse(quote).trim());
    expect(squash(GUIDELINE)).toContain(squash(quote));
  });
  test('quoted texts in messages are the guideline’s too', () => {
    const privacy = kind('R').mentions!.find((m) => m.code === 'privacy-not-addressed')!;
    const quoted = /“([^”]+)”/.exec(privacy.message.zh)![1];
    expect(squash(GUIDELINE)).toContain(squash(quoted));
  });
});

// ---- O / Q mirrors --------------------------------------------------------------------------------

describe('O mirrors R and Q mirrors F', () => {
  test.each([
    ['R', 'O'],
    ['F', 'Q'],
  ] as const)('%s → %s', (from, to) => {
    const src = kind(from).requirements;
    const dst = kind(to).requirements;
    expect(dst.map((r) => r.id)).toEqual(src.map((r) => to + r.id.slice(1)));
    src.forEach((r, i) => {
      const m = dst[i];
      expect(m.title, m.id).toEqual(r.title);
      expect(m.synonyms, m.id).toEqual(r.synonyms);
      expect(m.condition, m.id).toEqual(r.condition);
      expect(m.checks, m.id).toEqual(r.checks);
      expect(m.missingSeverity, m.id).toBe(r.missingSeverity);
      expect(m.quote, m.id).toBe(r.quote);
      expect(m.content, m.id).toEqual(r.content);
      expect(m.template, m.id).toEqual(r.template);
      expect(m.clause, m.id).toBe(`${r.clause}, 六（三）1（2）`);
    });
    const mentions = kind(from).mentions ?? [];
    expect(kind(to).mentions).toEqual(
      mentions.map((x) => ({
        ...x,
        anchors: x.anchors.map((a) => to + a.slice(1)),
        ...(x.requirement ? { requirement: to + x.requirement.slice(1) } : {}),
      })),
    );
  });

  test('dossier-wide security-software tables stay dossier-wide in the mirror', () => {
    expect(req('O2.3.3').condition).toEqual(req('R2.3.3').condition);
    expect(JSON.stringify(req('O2.3.3').condition)).toContain('"R1.5","F1.5","O1.5","Q1.5"');
  });
});

// ---- conditions --------------------------------------------------------------------------------

function conditionsOf(c: Condition | undefined): Condition[] {
  if (!c) return [];
  if ('all' in c) return [c, ...c.all.flatMap(conditionsOf)];
  if ('any' in c) return [c, ...c.any.flatMap(conditionsOf)];
  if ('not' in c) return [c, ...conditionsOf(c.not)];
  return [c];
}
function factsOf(c: Condition): string[] {
  if ('fact' in c) return [c.fact];
  if ('ordinal' in c) return c.ordinal.facts;
  if ('compare' in c) return [c.compare.left, c.compare.right];
  return [];
}
function checkConditions(c: Check): Condition[] {
  if (c.kind === 'fact-named') return c.facts.flatMap((f) => (f.when ? [f.when] : []));
  if (c.kind === 'mentions') return [c.when];
  if (c.kind === 'capabilities') return (c.mustApply ?? []).map((m) => m.when);
  if (c.kind === 'vulnerability-assessment') return [c.residualList.when, c.tools.when];
  return [];
}
const everyCondition: { where: string; c: Condition }[] = [
  ...allReqs.flatMap(({ r }) => [
    ...(r.condition ? [{ where: r.id, c: r.condition }] : []),
    ...(r.checks ?? []).flatMap((ch) => checkConditions(ch).map((c) => ({ where: `${r.id} ${ch.kind}`, c }))),
  ]),
  ...nmpa2022.kinds.flatMap((k) => (k.mentions ?? []).map((m) => ({ where: `${k.id} mention ${m.code}`, c: m.when }))),
  ...nmpa2022.submission.map((s) => ({ where: `submission ${s.label.en}`, c: s.when })),
  ...nmpa2022.contradictions.map((s) => ({ where: `contradiction at ${s.at}`, c: s.when })),
  ...nmpa2022.requiredWhen.map((s) => ({ where: `required ${s.fact}`, c: s.when })),
  ...nmpa2022.scope.map((s) => ({ where: `scope ${s.reason.en}`, c: s.when })),
];

describe('conditions', () => {
  test('every fact a condition, check or rule reads exists in the 2022 schema', () => {
    const paths = new Set<string>();
    for (const { where, c } of everyCondition) for (const x of conditionsOf(c)) for (const f of factsOf(x)) paths.add(`${f}\u0000${where}`);
    for (const { r } of allReqs)
      for (const ch of r.checks ?? []) {
        if (ch.kind === 'lists-facts') for (const f of ch.facts) paths.add(`${f.list}.0.${f.key}\u0000${r.id}`);
        if (ch.kind === 'fact-named') for (const f of ch.facts) paths.add(`${f.fact}\u0000${r.id}`);
        if (ch.kind === 'fact-values-named') paths.add(`${ch.fact}\u0000${r.id}`);
      }
    for (const k of nmpa2022.kinds) for (const m of k.mentions ?? []) paths.add(`${m.fact}\u0000${k.id}`);
    for (const x of [...nmpa2022.contradictions.map((c) => c.at), ...nmpa2022.requiredWhen.map((r) => r.fact), ...nmpa2022.scope.flatMap((s) => (s.at ? [s.at] : [])), ...nmpa2022.versionFacts])
      paths.add(`${x}\u0000rule set`);
    expect(paths.size).toBeGreaterThan(30);
    for (const p of paths) {
      const [fact, where] = p.split('\u0000');
      expect(schemaAt(nmpa2022.schema, fact), `${where}: ${fact}`).toBeDefined();
    }
  });

  test('table conditions name requirements of this rule set; enum values exist', () => {
    const known = new Set(allReqs.map((x) => x.r.id));
    for (const { where, c } of everyCondition)
      for (const x of conditionsOf(c)) {
        if ('tableHasRows' in x) for (const id of x.tableHasRows) expect(known.has(id), `${where}: ${id}`).toBe(true);
        if ('tableListsNone' in x) for (const id of x.tableListsNone) expect(known.has(id), `${where}: ${id}`).toBe(true);
        const values = (f: string) => {
          const s = schemaAt(nmpa2022.schema, f);
          return s?.enum ?? s?.items?.enum;
        };
        if ('fact' in x && 'equals' in x && typeof x.equals === 'string') expect(values(x.fact), `${where}: ${x.fact}`).toContain(x.equals);
        if ('fact' in x && 'includes' in x) expect(values(x.fact), `${where}: ${x.fact}`).toContain(x.includes);
        if ('fact' in x && 'in' in x && typeof x.in[0] === 'string' && x.fact !== 'document') for (const v of x.in) expect(values(x.fact), `${where}: ${x.fact}`).toContain(v);
        if ('fact' in x && 'in' in x && x.fact === 'document') for (const v of x.in) expect(values('document')).toContain(v);
        if ('ordinal' in x) for (const f of x.ordinal.facts) expect(values(f)).toEqual(x.ordinal.order);
        if ('compare' in x) expect(values(x.compare.left)).toEqual(x.compare.order);
      }
  });

  // A minimal Facts object for the evaluator.
  const facts = (values: Record<string, unknown>): Facts => ({ values: values as Facts['values'], invalid: new Set(), origin: new Map() });
  const holds = (c: Condition | undefined, values: Record<string, unknown>, tableRows?: boolean | undefined) =>
    evaluate(c ?? { always: true }, { facts: facts(values), tableRows: () => tableRows }).value;

  test('level scaling: L is the cybersecurity level when set, else the safety level', () => {
    expect(holds(req('R2.5.2').condition, { software: { safety_level: 'minor' } })).toBe(false);
    expect(holds(req('R2.5.2').condition, { software: { safety_level: 'moderate' } })).toBe(true);
    expect(holds(req('R2.5.2').condition, { software: { safety_level: 'major', cybersecurity_level: 'minor' } })).toBe(false);
    expect(holds(req('R3.2').condition, { software: { safety_level: 'moderate' } })).toBe(false);
    expect(holds(req('R3.3').condition, { software: { safety_level: 'major' } })).toBe(true);
    expect(holds(req('R3.1').condition, {})).toBeUndefined();
    for (const id of ['R2.5.2', 'R3.1', 'F2.5.2', 'F3.1', 'U6.2', 'U7.1', 'O3.1', 'Q3.1']) expect(req(id).condition).toEqual(req('R3.1').condition);
    for (const id of ['R3.2', 'R3.3', 'F3.2', 'F3.3', 'U7.2', 'U7.3', 'O3.3', 'Q3.3']) expect(req(id).condition).toEqual(req('R3.2').condition);
  });

  test('R1.1.1 only when the cybersecurity level is lower', () => {
    const c = req('R1.1.1').condition;
    expect(holds(c, { software: { safety_level: 'major', cybersecurity_level: 'moderate' } })).toBe(true);
    expect(holds(c, { software: { safety_level: 'major', cybersecurity_level: 'major' } })).toBe(false);
    expect(holds(c, { software: { safety_level: 'major' } })).toBe(false);
  });

  test('IFU: defaults of absent facts; security software decided by the dossier’s R1.5 table', () => {
    const m = (id: string) => req(id).condition;
    // An IFU alone (no R1.5 anywhere): M5.2, M6, M7, M8 required by default.
    for (const id of ['M5.2', 'M6', 'M7', 'M8']) expect(holds(m(id), {}, undefined), id).toBe(true);
    expect(holds(m('M5.3'), {})).toBe(false);
    expect(holds(m('M5.3'), { interfaces: { network: { wired: true } } })).toBe(true);
    // security_software: false, or an R1.5 that lists none → M6 not required.
    expect(holds(m('M6'), { security_software: false })).toBe(false);
    expect(holds(m('M6'), {}, false)).toBe(false);
    expect(holds(m('M6'), {}, true)).toBe(true);
    // M7 off only when both the external environment and security software are excluded.
    expect(holds(m('M7'), { software: { external_environment: false } })).toBe(true);
    expect(holds(m('M7'), { software: { external_environment: false }, security_software: false })).toBe(false);
    // M8 off only with ots_usage none (or absent) and external_environment false.
    expect(holds(m('M8'), { software: { external_environment: false } })).toBe(false);
    expect(holds(m('M8'), { software: { external_environment: false, ots_usage: 'partial' } })).toBe(true);
    expect(holds(m('M8'), { software: { ots_usage: 'none' } })).toBe(true);
    expect(holds(m('M5.2'), { software: { external_environment: false } })).toBe(false);
  });

  test('R2.3.x evidence conditions', () => {
    const std = { interfaces: { network: { protocols: [{ name: 'HL7', kind: 'standard' }] } } };
    const custom = { interfaces: { storage_media: { formats: [{ name: 'X', kind: 'custom' }] } } };
    expect(holds(req('R2.3.4').condition, std)).toBe(true);
    expect(holds(req('R2.3.5').condition, std)).toBe(false);
    expect(holds(req('R2.3.5').condition, custom)).toBe(true);
    expect(holds(req('R2.3.3').condition, {}, true)).toBe(true);
    expect(holds(req('R2.3.3').condition, { security_software: false }, true)).toBe(false);
    expect(holds(req('R2.3.6').condition, { functions: { remote_control: 'non-realtime' } })).toBe(false);
    expect(holds(req('R2.3.6').condition, { functions: { remote_control: 'realtime' } })).toBe(true);
    expect(holds(req('R2.3.7').condition, { interfaces: { network: { dedicated_wireless: true } } })).toBe(true);
    expect(holds(req('R1.2.4').condition, { functions: { remote_maintenance: true } })).toBe(true);
    expect(holds(req('R2.5.3').condition, {})).toBe(false);
    expect(holds(req('R1.2.5').condition, { data: { cross_border: true } })).toBe(true);
  });

  test('scope: class I, or no exchange, no remote access and an explicit user_access: false', () => {
    const out = (v: Record<string, unknown>) => nmpa2022.scope.some((s) => holds(s.when, v) === true);
    expect(out({ product: { class: 'I' } })).toBe(true);
    expect(out({ product: { class: 'II' }, functions: { user_access: false } })).toBe(true);
    expect(out({ product: { class: 'II' } })).toBe(false);
    expect(out({ product: { class: 'II' }, functions: { user_access: false, exchange: 'unidirectional' } })).toBe(false);
    expect(out({ product: { class: 'II' }, functions: { user_access: false }, interfaces: { storage_media: { types: ['usb'] } } })).toBe(false);
  });

  test('contradictions', () => {
    const bad = (v: Record<string, unknown>) => nmpa2022.contradictions.filter((c) => holds(c.when, v) === true).map((c) => c.at);
    expect(bad({ software: { safety_level: 'minor', cybersecurity_level: 'moderate' } })).toEqual(['software.cybersecurity_level']);
    expect(bad({ software: { safety_level: 'major', cybersecurity_level: 'minor' } })).toEqual([]);
    expect(bad({ submission: 'change', update_content: ['none', 'patch'] })).toEqual(['update_content']);
    expect(bad({ submission: 'change', updates: ['major'], update_content: ['patch'] })).toEqual(['update_content']);
    expect(bad({ submission: 'change', updates: ['major'] })).toEqual([]);
    expect(bad({ submission: 'change', updates: ['none'], update_content: ['patch'] })).toEqual(['update_content']);
    expect(bad({ submission: 'change', updates: ['minor'], update_content: ['none'] })).toEqual(['updates']);
    expect(bad({ submission: 'initial-registration', update_content: ['none', 'patch'] })).toEqual([]);
    expect(bad({ functions: { remote_maintenance: true, remote_control: 'non-realtime' } })).toEqual(['functions.remote_maintenance']);
    expect(bad({ functions: { remote_maintenance: true }, interfaces: { network: { wired: true } } })).toEqual(['functions.remote_maintenance']);
    expect(bad({ functions: { remote_maintenance: true, remote_control: 'realtime' }, interfaces: { network: { wired: true } } })).toEqual([]);
    expect(bad({ product: { legacy_device: true } })).toEqual(['product.legacy_device']);
    expect(bad({ interfaces: { network: { wireless: false, dedicated_wireless: true } } })).toEqual(['interfaces.network.dedicated_wireless']);
  });

  test('required facts: safety level in report kinds; updates and (when not inferable) update_content for a change', () => {
    const required = (v: Record<string, unknown>) => nmpa2022.requiredWhen.filter((r) => holds(r.when, v) === true).map((r) => r.fact);
    for (const k of ['R', 'F', 'U', 'O', 'Q']) expect(required({ document: kind(k).id, submission: 'initial-registration' })).toEqual(['software.safety_level']);
    for (const k of ['A', 'M', 'C', 'N']) expect(required({ document: kind(k).id, submission: 'initial-registration' })).toEqual([]);
    expect(required({ document: kind('M').id, submission: 'change' })).toEqual(['updates', 'update_content']);
    expect(required({ document: kind('M').id, submission: 'change', updates: ['minor'] })).toEqual(['updates', 'update_content']);
    expect(required({ document: kind('M').id, submission: 'change', updates: ['major', 'minor'] })).toEqual(['updates']);
    expect(required({ document: kind('M').id, submission: 'change', updates: ['none'] })).toEqual(['updates']);
    expect(nmpa2022.schema.required).toEqual(['document', 'submission', 'product', 'data']);
  });
});

// ---- submission cases ----------------------------------------------------------------------------

describe('submission (§12)', () => {
  const K = Object.fromEntries(nmpa2022.kinds.map((k) => [k.prefix, k.id]));
  const cases = (v: Record<string, unknown>) =>
    nmpa2022.submission.filter((s) => evaluate(s.when, { facts: { values: v as Facts['values'], invalid: new Set(), origin: new Map() } }).value === true);
  const one = (v: Record<string, unknown>) => {
    const c = cases(v);
    expect(c, JSON.stringify(v)).toHaveLength(1);
    const letters = (xs: string[]) => xs.map((x) => nmpa2022.kinds.find((k) => k.id === x)!.prefix).join('');
    return {
      required: c[0].required.map((x) => (Array.isArray(x) ? letters(x) : letters([x]))),
      accepted: letters(c[0].accepted),
      wrong: letters(c[0].wrong),
      changesOnly: letters(c[0].changesOnly ?? []),
    };
  };

  test('every case classifies every kind exactly once', () => {
    for (const s of nmpa2022.submission) {
      const all = [...s.required.flat(), ...s.accepted, ...s.wrong];
      expect([...all].sort(), s.label.en).toEqual(Object.values(K).sort());
    }
  });

  test.each([
    ['initial, ots absent', { submission: 'initial-registration' }, ['R', 'M'], 'N', 'FQUACO'],
    ['initial, ots none', { submission: 'initial-registration', software: { ots_usage: 'none' } }, ['R', 'M'], 'N', 'FQUACO'],
    ['initial, ots partial', { submission: 'initial-registration', software: { ots_usage: 'partial' } }, ['R', 'M'], 'NO', 'FQUAC'],
    ['initial, ots full', { submission: 'initial-registration', software: { ots_usage: 'full' } }, ['O', 'M'], 'N', 'FQUACR'],
    ['change functional', { submission: 'change', update_content: ['functional'] }, ['FR'], 'MCN', 'UAOQ'],
    ['change major (inferred functional)', { submission: 'change', updates: ['major'] }, ['FR'], 'MCN', 'UAOQ'],
    ['change functional + patch', { submission: 'change', updates: ['major', 'minor'], update_content: ['functional', 'patch'] }, ['FR'], 'MCN', 'UAOQ'],
    ['change functional, partial', { submission: 'change', update_content: ['functional'], software: { ots_usage: 'partial' } }, ['FR'], 'MCNOQ', 'UA'],
    ['change functional, full', { submission: 'change', update_content: ['functional'], software: { ots_usage: 'full' } }, ['QO'], 'MCN', 'UARF'],
    ['change patch only', { submission: 'change', updates: ['minor'], update_content: ['patch'] }, ['U'], 'MCN', 'RFOQA'],
    ['change patch only, full', { submission: 'change', update_content: ['patch'], software: { ots_usage: 'full' } }, ['U'], 'MCN', 'RFOQA'],
    ['change none', { submission: 'change', update_content: ['none'] }, ['A'], 'MCN', 'RFOQU'],
    ['change none (inferred)', { submission: 'change', updates: ['none'] }, ['A'], 'MCN', 'RFOQU'],
    ['renewal', { submission: 'renewal' }, [], 'RFUOQMN', 'AC'],
  ] as const)('%s', (_name, facts, required, accepted, wrong) => {
    const c = one(facts);
    expect(c.required).toEqual(required);
    expect(c.accepted).toBe(accepted);
    expect(c.wrong).toBe(wrong);
    if (facts.submission === 'change') expect(c.changesOnly).toBe('M');
  });

  test('an undetermined update content requires and rejects nothing', () => {
    expect(cases({ submission: 'change', updates: ['minor'] })).toEqual([]);
    expect(cases({ submission: 'change' })).toEqual([]);
  });
});

// ---- columns -----------------------------------------------------------------------------------

const cells = (texts: string[]): CellFact[] => texts.map((text) => ({ run: { text, pieces: [], start: 0 }, start: 0, end: 0 }));
const map = (header: string[], roles: string[]) => Object.fromEntries(columnMap(cells(header), roles, nmpa2022.columns));

function rolesOf(c: Check): string[] {
  switch (c.kind) {
    case 'listing-table':
      return [...c.select, ...c.required, ...(c.version ? [c.version] : []), ...(c.rowKey ? [c.rowKey] : []), ...Object.keys(c.inCells ?? {}), ...(c.notSelect ?? [])];
    case 'traceability':
      return [...c.select, ...c.required];
    case 'capabilities':
      return c.table ? [...c.table.select, c.table.applicability, ...c.table.implementation, ...c.table.reason, ...c.table.shared] : [];
    case 'fact-values-named':
      return c.column ? [...c.column.select, c.column.role] : [];
    case 'vulnerability-assessment':
      return [...c.residualList.select, c.residualList.impact, c.residualList.risk, c.residualList.acceptability, ...c.tools.select.flat(), ...c.tools.required, c.tools.version];
    default:
      return [];
  }
}

describe('column roles', () => {
  test('every role a check or the risk rule uses has words and a label', () => {
    const roles = new Set([...allReqs.flatMap(({ r }) => (r.checks ?? []).flatMap(rolesOf)), ...nmpa2022.risk.select.flat(), ...nmpa2022.risk.acceptability]);
    expect(roles.size).toBeGreaterThan(30);
    for (const role of roles) {
      expect(nmpa2022.columns[role]?.length, role).toBeGreaterThan(0);
      expect(COLUMN_LABELS[role]?.zh, role).toBeTruthy();
      expect(COLUMN_LABELS[role]?.en, role).toBeTruthy();
    }
  });

  test('the 2017 roles keep their words', () => {
    for (const [role, words] of Object.entries(nmpa2017.columns)) expect(nmpa2022.columns[role], role).toEqual(words);
  });

  // Each header the spec names, in its order, with the role → column each check must find. A
  // role falling on another role's column would hide a missing column.
  test.each([
    ['R1.2.2 data (zh)', ['数据类型', '具体内容', '功能', '用途'], { datatype: 0, content: 1, function: 2, use: 3 }],
    ['R1.2.2 data (en)', ['Data type', 'Content', 'Function', 'Use'], { datatype: 0, content: 1, function: 2, use: 3 }],
    ['R1.2.2 data, 内容 only', ['数据类型', '内容'], { datatype: 0, content: 1 }],
    ['R1.2.2 data (en, purpose)', ['Data type', 'Specific content', 'Function', 'Purpose'], { datatype: 0, content: 1, function: 2, use: 3 }],
    ['R1.2.3 interfaces (zh)', ['接口', '预期用户', '使用场景', '预期用途', '数据类型', '技术特征', '使用限制'], { interface: 0, user: 1, scenario: 2, purpose: 3, datatype: 4, technical: 5, limits: 6 }],
    ['R1.2.3 interfaces (zh, 接口名称)', ['接口名称', '预期用户', '使用场景', '预期用途', '数据类型', '技术特征', '使用限制'], { interface: 0, user: 1, scenario: 2, purpose: 3, datatype: 4, technical: 5, limits: 6 }],
    ['R1.2.3 interfaces (en)', ['Interface', 'Users', 'Use scenarios', 'Intended use', 'Data types', 'Technical characteristics', 'Limitations'], { interface: 0, user: 1, scenario: 2, purpose: 3, datatype: 4, technical: 5, limits: 6 }],
    ['R1.2.3 interfaces (en, restrictions)', ['Interface', 'User', 'Scenario', 'Purpose', 'Data type', 'Technical features', 'Restrictions'], { interface: 0, user: 1, scenario: 2, purpose: 3, datatype: 4, technical: 5, limits: 6 }],
    ['R1.3 capabilities (zh)', ['编号', '网络安全能力', '是否适用', '实现方式', '不适用理由', '说明'], { capability: 0, applicable: 2, implementation: 3, reason: 4, explanation: 5 }],
    ['R1.3 capabilities (zh, one column)', ['编号', '网络安全能力', '是否适用', '实现方式或不适用理由'], { capability: 0, applicable: 2, implementation: 3, reason: 3 }],
    ['R1.3 capabilities (zh, 适用性)', ['网络安全能力', '适用性', '说明'], { capability: 0, applicable: 1, explanation: 2 }],
    ['R1.3 capabilities (en)', ['Code', 'Capability', 'Applicable', 'Implementation', 'Reason', 'Explanation'], { capability: 0, applicable: 2, implementation: 3, reason: 4, explanation: 5 }],
    ['R1.4 patches (zh)', ['补丁名称', '完整版本', '发布日期'], { name: 0, version: 1, date: 2 }],
    ['R1.4 patches (zh, 编号)', ['补丁编号', '版本', '日期'], { name: 0, version: 1, date: 2 }],
    ['R1.4 patches (en)', ['Patch name', 'Full version', 'Release date'], { name: 0, version: 1, date: 2 }],
    ['R1.4 patches (en, ID)', ['ID', 'Version', 'Date'], { name: 0, version: 1, date: 2 }],
    ['R1.5 security software (zh)', ['名称', '型号规格', '完整版本', '供应商', '运行环境', '防护规则配置要求'], { name: 0, model: 1, version: 2, vendor: 3, runtime: 4, protection: 5 }],
    ['R1.5 security software (zh, 要求)', ['名称', '型号规格', '完整版本', '供应商', '运行环境要求', '防护规则配置'], { name: 0, model: 1, version: 2, vendor: 3, runtime: 4, protection: 5 }],
    ['R1.5 security software (en)', ['Name', 'Model/spec', 'Full version', 'Vendor', 'Runtime environment', 'Protection rules'], { name: 0, model: 1, version: 2, vendor: 3, runtime: 4, protection: 5 }],
    ['R2.1 risk (zh)', ['风险编号', '资产', '威胁', '脆弱性', '风险水平', '控制措施', '综合剩余风险', '是否可接受'], { threat: 2, control: 5, residual: 6, acceptability: 7 }],
    ['R2.4 traceability (zh)', ['需求编号', '设计编号', '源代码（软件单元）', '测试编号', '风险编号'], { requirement: 0, design: 1, source: 2, test: 3, risk: 4 }],
    ['R2.4 traceability (zh, 软件单元)', ['网络安全需求', '概要设计', '详细设计', '软件单元', '网络安全测试', '风险分析'], { requirement: 0, design: 1, source: 3, test: 4, risk: 5 }],
    ['R2.4 traceability (en)', ['Requirement', 'Design', 'Source code', 'Test', 'Risk'], { requirement: 0, design: 1, source: 2, test: 3, risk: 4 }],
    ['R2.4 traceability (en, unit)', ['Requirement ID', 'Design ID', 'Software unit', 'Test case', 'Risk ID'], { requirement: 0, design: 1, source: 2, test: 3, risk: 4 }],
    ['R3 residual list (zh)', ['漏洞编号', '漏洞内容', '对产品的影响', '综合剩余风险', '是否可接受'], { vulnerability: 0, impact: 2, residual: 3, acceptability: 4 }],
    ['R3 residual list (en)', ['CVE', 'Description', 'Impact on the device', 'Residual risk', 'Acceptable'], { vulnerability: 0, impact: 2, residual: 3, acceptability: 4 }],
    ['R3 residual list (en, vulnerabilities)', ['Vulnerabilities', 'Impact', 'Residual risk'], { vulnerability: 0, impact: 1, residual: 2 }],
    ['R3 tools (zh)', ['类型', '名称', '完整版本', '发布日期', '供应商'], { name: 1, version: 2, date: 3, vendor: 4 }],
    ['R3 tools (zh, 工具)', ['漏洞扫描工具', '完整版本', '发布日期', '供应商'], { tool: 0, version: 1, date: 2, vendor: 3 }],
    ['R3 tools (en)', ['Tool / database', 'Full version', 'Release date', 'Vendor'], { tool: 0, version: 1, date: 2, vendor: 3 }],
  ] as const)('%s', (_name, header, expected) => {
    expect(map([...header], Object.keys(expected))).toEqual(expected);
  });

  test('an interface table is not a data table; a data table is not an interface table', () => {
    const dataCheck = req('R1.2.2').checks!.find((c) => c.kind === 'listing-table')!;
    const ifCheck = req('R1.2.3').checks!.find((c) => c.kind === 'listing-table')!;
    if (dataCheck.kind !== 'listing-table' || ifCheck.kind !== 'listing-table') throw new Error('listing checks');
    const interfaces = ['接口', '预期用户', '使用场景', '预期用途', '数据类型', '技术特征', '使用限制'];
    const data = ['数据类型', '具体内容', '功能', '用途'];
    const selects = (c: typeof dataCheck, h: string[]) => {
      const m = map(h, [...c.select, ...(c.notSelect ?? [])]);
      return c.select.every((r) => r in m) && !(c.notSelect ?? []).some((r) => r in m);
    };
    expect(selects(dataCheck, data)).toBe(true);
    expect(selects(dataCheck, interfaces)).toBe(false);
    expect(selects(ifCheck, interfaces)).toBe(true);
    expect(selects(ifCheck, data)).toBe(false);
    // F1.2 holds both tables: the same two checks, then the data rules of 二（二） (device data
    // without personal information, its isolation from medical data).
    const f12 = req('F1.2').checks!;
    expect(f12.slice(0, 2)).toEqual([dataCheck, ifCheck].map(({ orParent: _o, ...c }) => c));
    expect(f12.slice(2).map((c) => [c.kind, 'code' in c ? c.code : undefined])).toEqual([
      ['forbidden-words', 'device-data-personal-information'],
      ['requires-words', 'section-incomplete'],
    ]);
  });
});

// ---- capabilities --------------------------------------------------------------------------------

describe('capabilities (二（四）)', () => {
  const caps = nmpa2022.capabilities['nmpa-2022'];
  test('22 codes in the guideline’s order with its names', () => {
    expect(caps.map((c) => c.code)).toEqual([
      'ALOF', 'AUDT', 'AUTH', 'NAUT', 'PAUT', 'CONN', 'PLOK', 'SAHD', 'DIDT', 'IGAU', 'DTBK',
      'STCF', 'TXCF', 'TXIG', 'CSUP', 'SBOM', 'RDMP', 'SGUD', 'CNFS', 'EMRG', 'RMOT', 'MLDP',
    ]);
    caps.forEach((c, i) => expect(GUIDELINE, c.code).toContain(`${i + 1}.${c.zh}（${c.code}）`));
  });
  test('the 2017 names stay accepted as synonyms', () => {
    const old = nmpa2017.capabilities['iec-80001-2-2:2012'];
    for (const o of old) {
      const c = caps.find((x) => x.code === o.code)!;
      expect([c.zh, ...c.synonyms], o.code).toContain(o.zh);
    }
  });
  test('R1.3 / O1.3 report errors, F1.3 / Q1.3 warnings; RMOT must apply with remote access or maintenance', () => {
    const sev = (id: string) => (req(id).checks!.find((c) => c.kind === 'capabilities') as Extract<Check, { kind: 'capabilities' }>).severity;
    expect(['R1.3', 'O1.3', 'F1.3', 'Q1.3'].map(sev)).toEqual(['error', 'error', 'warning', 'warning']);
    expect(nmpa2022.codeSeverity?.['capability-unaddressed']).toBe('error');
    const c = req('R1.3').checks![0] as Extract<Check, { kind: 'capabilities' }>;
    expect(c.mustApply?.map((m) => m.capability)).toEqual(['RMOT', 'SBOM', 'TXCF', 'TXIG', 'PAUT', 'AUTH', 'CSUP']);
    const whenOf = (cap: string) => c.mustApply!.find((m) => m.capability === cap)!.when;
    const f = (cap: string, v: Record<string, unknown>) => evaluate(whenOf(cap), { facts: { values: v as Facts['values'], invalid: new Set(), origin: new Map() } }).value;
    expect(f('RMOT', { functions: { remote_control: 'none' } })).toBe(false);
    expect(f('RMOT', { functions: { remote_control: 'non-realtime' } })).toBe(true);
    expect(f('RMOT', { functions: { remote_maintenance: true } })).toBe(true);
    expect(f('SBOM', { software: { ots_usage: 'none' } })).toBe(false);
    expect(f('SBOM', { software: { ots_usage: 'partial' } })).toBe(true);
    expect(f('SBOM', { software: { ots_usage: 'full' } })).toBe(true);
    for (const cap of ['TXCF', 'TXIG']) {
      expect(f(cap, { data: { types: ['sensitive-medical'] } })).not.toBe(true);
      expect(f(cap, { data: { types: ['device'] }, interfaces: { network: { wired: true } } })).toBe(false);
      expect(f(cap, { data: { types: ['sensitive-medical'] }, interfaces: { network: { wired: true } } })).toBe(true);
    }
    for (const cap of ['PAUT', 'AUTH']) {
      expect(f(cap, { functions: { user_access: false } })).toBe(false);
      expect(f(cap, { functions: { user_access: true } })).toBe(true);
    }
    expect(whenOf('CSUP')).toEqual({ tableHasRows: ['R1.4', 'F1.4', 'O1.4', 'Q1.4', 'U2'] });
  });
});

// ---- templates and skeletons -----------------------------------------------------------------------

/** The header cells of every GFM table in a template. */
function templateHeaders(text: string): string[][] {
  const lines = text.split('\n');
  const out: string[][] = [];
  lines.forEach((l, i) => {
    if (/^\|/.test(l) && /^\|\s*-{3}/.test(lines[i + 1] ?? '') && !/^\|/.test(lines[i - 1] ?? '')) {
      out.push(l.replace(/^\||\|$/g, '').split('|').map((c) => c.trim()));
    }
  });
  return out;
}

describe('templates', () => {
  const tableChecks = allReqs.flatMap(({ r }) =>
    (r.checks ?? []).filter((c) => c.kind === 'listing-table' || c.kind === 'traceability').map((c) => ({ r, c: c as Extract<Check, { kind: 'listing-table' | 'traceability' }> })),
  );
  test.each(tableChecks.flatMap(({ r, c }) => (['zh', 'en'] as const).map((lang) => [r.id, c.select.join('+'), lang, r, c] as const)))(
    '%s %s table template (%s) has every required column on its own cell',
    (_id, _sel, lang, r, c) => {
      const headers = templateHeaders(r.template[lang]).filter((h) => {
        const m = map(h, [...c.select, ...(c.kind === 'listing-table' ? c.notSelect ?? [] : [])]);
        return c.select.every((x) => x in m) && !(c.kind === 'listing-table' ? c.notSelect ?? [] : []).some((x) => x in m);
      });
      expect(headers.length, `${r.id} ${lang}: no table selected by ${c.select}`).toBe(1);
      const m = map(headers[0], c.required);
      expect(Object.keys(m).sort()).toEqual([...c.required].sort());
      expect(new Set(Object.values(m)).size, JSON.stringify(m)).toBe(c.required.length);
    },
  );

  test.each(['R1.3', 'F1.3'].flatMap((id) => (['zh', 'en'] as const).map((lang) => [id, lang] as const)))('%s capability table (%s): every capability, applicability and answer columns', (id, lang) => {
    const r = req(id);
    const c = r.checks!.find((x) => x.kind === 'capabilities') as Extract<Check, { kind: 'capabilities' }>;
    const [h] = templateHeaders(r.template[lang]);
    const m = map(h, [...c.table!.select, c.table!.applicability, ...c.table!.implementation, ...c.table!.reason]);
    expect(Object.keys(m)).toEqual(expect.arrayContaining([...c.table!.select, c.table!.applicability, ...c.table!.implementation, ...c.table!.reason]));
    for (const cap of nmpa2022.capabilities['nmpa-2022']) expect(r.template[lang]).toContain(`| ${cap.code} |`);
  });

  test.each(['R3', 'F3', 'U7'].flatMap((id) => (['zh', 'en'] as const).map((lang) => [id, lang] as const)))('%s vulnerability templates (%s): counts, residual list and tools', (id, lang) => {
    const r = req(id);
    const c = r.checks!.find((x) => x.kind === 'vulnerability-assessment') as Extract<Check, { kind: 'vulnerability-assessment' }>;
    const text = kind(id[0]).requirements.filter((x) => x.id === id || x.id.startsWith(`${id}.`)).map((x) => x.template[lang]).join('\n\n');
    const headers = templateHeaders(text);
    const has = (cell: string, words: string[]) => words.some((w) => cell.toLowerCase().replace(/\s/g, '').includes(w.toLowerCase().replace(/\s/g, '')));
    // The count table: known and residual columns, a row per required level, a total row.
    const count = headers.find((h) => h.some((x) => has(x, c.known) && !has(x, c.residual)) && h.some((x) => has(x, c.residual) && !has(x, c.residualNot)));
    expect(count).toBeDefined();
    for (const level of c.levels) expect(text.split('\n').some((l) => l.startsWith('|') && has(l.split('|')[1], level.words))).toBe(true);
    // The residual list: vulnerability, impact, residual risk, acceptability.
    const list = headers.find((h) => h.some((x) => has(x, nmpa2022.columns[c.residualList.select[0]]) && !has(x, c.residualList.notSelect)) && !h.some((x) => has(x, c.known)));
    expect(list).toBeDefined();
    expect(Object.keys(map(list!, [c.residualList.impact, c.residualList.risk, c.residualList.acceptability]))).toHaveLength(3);
    // The tools table, in the self-assessment sub-section.
    const tools = headers.find((h) => c.tools.select.some((roles) => roles.every((role) => role in map(h, [role]))));
    expect(tools).toBeDefined();
    const m = map(tools!, c.tools.required);
    expect(new Set(Object.values(m)).size).toBe(c.tools.required.length);
  });

  test('A1: the template states every element; C1’s template is a table', () => {
    const a1 = req('A1');
    const st = a1.checks![0] as Extract<Check, { kind: 'statement' }>;
    expect(st.elements.map((e) => e.item)).toEqual(['no-update', 'legal-responsibility', 'applicant', 'date']);
    for (const lang of ['zh', 'en'] as const)
      for (const e of st.elements) expect(e.patterns.some((p) => new RegExp(p, 'iu').test(a1.template[lang])), `${lang} ${e.item}`).toBe(true);
    const noUpdate = st.elements[0].patterns.map((p) => new RegExp(p, 'iu'));
    for (const yes of ['未发生网络安全更新', '自前次注册以来未发生任何网络安全更新', '没有网络安全更新', '无网络安全更新', 'No cybersecurity update has occurred', 'has not undergone any cyber-security updates'])
      expect(noUpdate.some((re) => re.test(yes)), yes).toBe(true);
    for (const no of ['未发生重大网络安全更新', '发生了网络安全更新']) expect(noUpdate.some((re) => re.test(no)), no).toBe(false);
    const legal = st.elements[1].patterns.map((p) => new RegExp(p, 'iu'));
    for (const yes of ['对此承担法律责任', 'bears legal responsibility', 'is legally liable']) expect(legal.some((re) => re.test(yes)), yes).toBe(true);
    const c1 = req('C1').checks![0] as Extract<Check, { kind: 'statement' }>;
    expect(c1.elements).toHaveLength(1);
    expect(c1.elements[0].table).toBe(true);
    for (const lang of ['zh', 'en'] as const) expect(templateHeaders(req('C1').template[lang])).toHaveLength(1);
  });

  test('N1.1: the template names cybersecurity updates, 重大 and 轻微', () => {
    const c = req('N1.1').checks![0] as Extract<Check, { kind: 'requires-words' }>;
    for (const lang of ['zh', 'en'] as const)
      for (const g of c.groups) expect(g.words.some((w) => req('N1.1').template[lang].toLowerCase().includes(w.toLowerCase())), `${lang} ${g.label.en}`).toBe(true);
  });

  test('diagram sections: the template refers to a numbered figure', () => {
    for (const id of ['R1.2.1', 'R2.5.1', 'R2.5.2', 'R2.5.3']) {
      expect(req(id).checks!.some((c) => c.kind === 'diagram'), id).toBe(true);
      expect(req(id).template.zh, id).toMatch(/(?:^|[^\p{L}])图\s*\d/u);
      expect(req(id).template.en, id).toMatch(/(?:^|[^\p{L}])Figure\s+\d/u);
    }
  });

  test('templates define no IDs that nothing else defines (no SR-/TC-/R- IDs in prose)', () => {
    for (const { r } of allReqs) for (const lang of ['zh', 'en'] as const) expect(r.template[lang], r.id).not.toMatch(/(?<![A-Za-z0-9_-])(?:SR|CSR|SD|DS|TC|ST|R|RISK)-\d+/);
  });
});

describe('skeletons', () => {
  test.each(nmpa2022.kinds.flatMap((k) => (['zh', 'en'] as const).map((lang) => [k.id, lang, k] as const)))('%s (%s) parses and every section matches its requirement', (_id, lang, k) => {
    const text = skeleton(nmpa2022, k, lang);
    expect(text).toContain('guideline: nmpa-2022');
    const model = buildModel(text);
    const m = matchDocument(k, [model], {}, nmpa2022.answers);
    const sections = k.requirements.filter((r) => !r.wholeDocument).map((r) => r.id);
    expect([...m.found.keys()].sort()).toEqual([...sections].sort());
    expect(m.duplicates).toEqual([]);
    expect([...m.misplaced.keys()]).toEqual([]);
    expect(model.placeholders.length).toBeGreaterThan(0);
  });
});

// ---- schema -----------------------------------------------------------------------------------------

describe('frontmatter schema (nmpa-2022)', () => {
  const s = nmpa2022.schema;
  test('document: the nine kinds with their labels and aliases; the 2017-only kinds are outside', () => {
    const doc = s.properties!.document;
    expect(doc.enum).toEqual(nmpa2022.kinds.map((k) => k.id));
    for (const k of nmpa2022.kinds) {
      expect(doc['x-enum-labels-zh']![k.id]).toBe(k.name.zh);
      for (const a of k.aliases) expect(doc['x-aliases']![a], a).toBe(k.id);
    }
    for (const old of ['cybersecurity-description', 'patch-description']) expect(doc.enum).not.toContain(old);
    for (const alias of ['网络安全描述文档', '常规安全补丁描述文档']) expect(doc['x-aliases']).not.toHaveProperty(alias);
  });

  test('new keys, values and aliases of frontmatter.md', () => {
    const at = (p: string) => schemaAt(s, p)!;
    expect(at('software.safety_level').enum).toEqual(['minor', 'moderate', 'major']);
    expect(at('software.safety_level')['x-aliases']).toMatchObject({ 轻微: 'minor', 中等: 'moderate', 严重: 'major' });
    expect(at('software.cybersecurity_level')['x-aliases']).toMatchObject({ 轻微: 'minor', 中等: 'moderate', 严重: 'major' });
    expect(at('software.ots_usage')['x-aliases']).toMatchObject({ 不使用: 'none', 部分使用: 'partial', 全部使用: 'full' });
    expect(at('software.external_environment').type).toBe('boolean');
    expect(at('update_content').items!.enum).toEqual(['functional', 'patch', 'none']);
    expect(at('update_content').items!['x-aliases']).toMatchObject({ 功能更新: 'functional', 补丁更新: 'patch', 无: 'none' });
    expect(at('data.types').items!.enum).toEqual(['sensitive-medical', 'non-sensitive-medical', 'device']);
    expect(at('data.types').items!['x-aliases']).toMatchObject({ 敏感医疗数据: 'sensitive-medical', 非敏感医疗数据: 'non-sensitive-medical', 设备数据: 'device' });
    expect(at('data.types').items!['x-replaced']).toEqual({ health: 'sensitive-medical' });
    expect(at('data.cross_border').type).toBe('boolean');
    expect(at('functions.user_access').type).toBe('boolean');
    expect(at('functions.remote_maintenance').type).toBe('boolean');
    expect(at('product.legacy_device').type).toBe('boolean');
    expect(at('submission')['x-aliases']).toMatchObject({ 变更注册: 'change' });
    expect(at('interfaces.network.protocols.0.kind')['x-aliases']).toMatchObject({ 私有: 'custom', 自定义: 'custom' });
    expect(at('uses').items!['x-aliases']).toMatchObject({ 医疗活动: 'clinical' });
    expect(at('guideline').enum).toEqual(nmpa2017.schema.properties!.guideline.enum);
  });

  test('every object is closed, every key labelled in zh; x-requirements name requirements of this rule set', () => {
    const known = new Set(allReqs.map((x) => x.r.id));
    const walk = (node: JsonSchema, p: string) => {
      if (node.$ref) return;
      if (node.type === 'object') expect(node.additionalProperties, p).toBe(false);
      for (const id of node['x-requirements'] ?? []) expect(known.has(id), `${p}: ${id}`).toBe(true);
      for (const [k, v] of Object.entries(node.properties ?? {})) {
        expect(v['x-label-zh'] ?? (v.$ref ? 'ref' : undefined), `${p}.${k}`).toBeTruthy();
        walk(v, p ? `${p}.${k}` : k);
      }
      if (node.items) walk(node.items, `${p}[]`);
      for (const [k, v] of Object.entries(node.definitions ?? {})) walk(v, `#${k}`);
    };
    walk(s, '');
  });

  test('every enum value has a zh label', () => {
    const walk = (node: JsonSchema, p: string) => {
      if (node.enum) for (const v of node.enum) expect(node['x-enum-labels-zh']?.[String(v)], `${p}: ${v}`).toBeTruthy();
      for (const [k, v] of Object.entries(node.properties ?? {})) walk(v, `${p}.${k}`);
      if (node.items) walk(node.items, `${p}[]`);
      for (const [k, v] of Object.entries(node.definitions ?? {})) walk(v, `#${k}`);
    };
    walk(s, '');
  });
});
