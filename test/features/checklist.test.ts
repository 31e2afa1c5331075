// The requirement checklist (issue 7) on the example dossiers and the checklist fixtures: the
// status of every requirement, not-applicable reasons, requirements switched off by facts (and
// why), findings, "N of M"; the condition explainer; the traceability matrix; the language
// status item's counts; the engine's cached state reused only while it matches the files.

import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { Engine } from '../../server/src/engine/engine';
import { nodeHost } from '../../server/src/engine/host';
import { mergeFacts } from '../../server/src/engine/facts/facts';
import { validate } from '../../server/src/engine/facts/schema';
import { loadYaml } from '../../server/src/engine/facts/yaml';
import { nmpa2017 } from '../../server/src/engine/rulesets/nmpa-2017';
import type { Condition } from '../../server/src/engine/rulesets/types';
import { checklist, checklists, type Checklist } from '../../server/src/features/checklist';
import { explainCondition } from '../../server/src/features/explain';
import { documentStatus } from '../../server/src/features/status';
import { traceMatrix } from '../../server/src/features/traceability';
import { reasonSentence, viewOf } from '../../server/src/features/view';
import { LineIndex } from '../../server/src/engine/text';
import { fm, memHost, ROOT } from '../helpers';
import { sbomReader } from '../../server/src/sbom';

const REPO = path.join(__dirname, '..', '..');
const EX = path.join(REPO, 'examples', 'nmpa-2017');
const FX = path.join(REPO, 'test', 'fixtures', 'checklist');

function load(dir: string, locale: 'zh-CN' | 'en' = 'en'): Checklist {
  const c = checklist(new Engine({ sbom: sbomReader, host: nodeHost }), dir, locale, { fresh: true });
  if (!c) throw new Error(`no dossier at ${dir}`);
  return c;
}

/** One line per requirement: ID | status (and whether it counts) | note (en) | findings. */
function lines(c: Checklist): Record<string, string[]> {
  return Object.fromEntries(
    c.documents.map((d) => [
      `${d.kind}: ${d.status} ${d.counts.present}/${d.counts.required}`,
      d.requirements.map((r) =>
        [r.id, r.status + (r.required ? '' : r.recommended ? ' (recommended)' : ' (not counted)'), r.note?.en, r.findings.total ? `${r.findings.total} ${r.findings.highest}` : '']
          .filter(Boolean)
          .join(' | '),
      ),
    ]),
  );
}

describe('examples/nmpa-2017/monitor (checks clean)', () => {
  const c = load(path.join(EX, 'monitor'));
  test('every requirement of every document', () => {
    expect(lines(c)).toEqual({
      'cybersecurity-description: present 20/20': [
        'D1 | present',
        'D1.1 | present',
        'D1.2 | present',
        'D1.3 | present',
        'D1.4 | present',
        'D1.4.1 | not-required (not counted) | interfaces.network.dedicated_wireless = false',
        'D1.5 | not-applicable | 监护仪运行嵌入式 Linux 操作系统，采用只读根文件系统和应用白名单机制，不安装也不兼容杀毒软件、防火墙等第三方安全软件；恶意软件防护措施见第 5 章 MLDP。',
        'D1.6 | present',
        'D2 | present',
        'D2.1 | present',
        'D2.2 | present',
        'D3 | present',
        'D3.1 | present',
        'D3.2 | present',
        'D3.3 | present',
        'D3.4 | not-required (not counted) | security_software = false; “Security software” (D1.5) lists nothing',
        'D3.5 | present | because interfaces.network.protocols = HL7 v2.6 (kind: standard)',
        'D3.6 | present | because interfaces.network.protocols = PMX 维护协议 v1.2 (kind: custom)',
        'D3.7 | not-required (not counted) | functions.remote_control = none',
        'D4 | present',
        'D4.1 | present',
        'D4.2 | present',
        'D4.3 | present',
        'D5 | present (recommended)',
      ],
      'technical-requirements: present 6/6': [
        'T1 | present',
        'T1.1 | present | because interfaces.network is declared',
        'T1.2 | present | because interfaces.storage_media is declared',
        'T2 | present',
        'T2.1 | present',
        'T2.2 | present',
      ],
      'instructions-for-use: present 8/8': ['I1 | present', 'I1.1 | present', 'I1.2 | present', 'I1.3 | present', 'I2 | present', 'I3 | present', 'I4 | present', 'I5 | present'],
    });
  });
  test('dossier: name, submission, N of M, counts per status', () => {
    expect(c.name).toBe('多参数患者监护仪 PM-9000');
    expect(c.product).toEqual({ name: '多参数患者监护仪', model: 'PM-9000', class: 'II', softwareVersion: 'V2.1.0.3' });
    expect(c.submission).toMatchObject({ value: 'initial-registration', label: { en: 'initial registration' }, needs: ['cybersecurity-description', 'technical-requirements', 'instructions-for-use'], rejects: ['patch-description', 'authenticity-statement'] });
    expect(c.counts).toEqual({
      required: 34,
      present: 34,
      byStatus: { present: 34, 'not-applicable': 1, missing: 0, empty: 0, 'not-required': 3 },
      findings: { total: 0, error: 0, warning: 0, info: 0, hint: 0 },
    });
  });
  test('switched off by facts: the condition’s false leaves with the actual values', () => {
    const d = c.documents[0].requirements;
    const off = (id: string) => d.find((r) => r.id === id)!.switchedOff!;
    expect(off('D1.4.1')).toMatchObject({ kind: 'condition', facts: [{ fact: 'interfaces.network.dedicated_wireless', state: 'false', actual: { kind: 'value', value: 'false' }, expected: { en: '= true' } }] });
    expect(off('D3.4').facts.map((f) => f.text.zh)).toEqual(['security_software = false', '“安全软件”（D1.5）未列出任何条目']);
    expect(off('D3.7').text).toEqual({ zh: 'functions.remote_control = none', en: 'functions.remote_control = none' });
  });
  test('a present requirement points at its heading; not-applicable carries the reason', () => {
    const d15 = c.documents[0].requirements.find((r) => r.id === 'D1.5')!;
    expect(d15).toMatchObject({ status: 'not-applicable', satisfied: true, reason: expect.stringMatching(/^监护仪运行嵌入式 Linux/), location: { relPath: 'cybersecurity-description.md', line: 39 } });
    expect(d15.location!.uri).toMatch(/^file:\/\/.*cybersecurity-description\.md$/);
  });
});

describe('examples/nmpa-2017/monitor-with-mistakes', () => {
  const c = load(path.join(EX, 'monitor-with-mistakes'));
  test('every requirement: bare 不适用, placeholders, missing (conditional, misplaced, recommended), a missing document, a rejected one', () => {
    expect(lines(c)).toEqual({
      'cybersecurity-description: present 16/20': [
        'D1 | present',
        'D1.1 | present',
        'D1.2 | present',
        'D1.3 | present',
        'D1.4 | present',
        'D1.4.1 | not-required (not counted) | interfaces.network.dedicated_wireless: not declared',
        'D1.5 | not-applicable | no reason given | 1 error',
        'D1.6 | present | 3 error',
        'D2 | present | 1 error',
        'D2.1 | present',
        'D2.2 | present',
        'D3 | present',
        'D3.1 | present',
        'D3.2 | empty | placeholders only: TODO | 1 warning',
        'D3.3 | present',
        'D3.4 | not-required (not counted) | security_software: not declared; “Security software” (D1.5) lists nothing',
        'D3.5 | present | because interfaces.network.protocols = HL7 v2.6 (kind: standard)',
        'D3.6 | not-required (not counted) | interfaces.network.protocols = [HL7 v2.6 (kind: standard)]; interfaces.storage_media.formats: not declared',
        'D3.7 | missing | because functions.remote_control = realtime | 1 error',
        'D4 | present',
        'D4.1 | missing | its heading on line 27 is not under its parent | 1 error',
        'D4.2 | present',
        'D4.3 | present',
        'D5 | missing (recommended) | recommended | 1 hint',
      ],
      'patch-description: rejected 5/5': ['P1 | present', 'P2 | present', 'P3 | present', 'P4 | present', 'P5 | present'],
      'technical-requirements: missing 0/5': [
        'T1 | missing',
        'T1.1 | missing | because interfaces.network is declared',
        'T1.2 | not-required (not counted) | interfaces.storage_media: not declared',
        'T2 | missing',
        'T2.1 | missing',
        'T2.2 | missing',
      ],
      'instructions-for-use: present 6/8': [
        'I1 | present',
        'I1.1 | present',
        'I1.2 | present',
        'I1.3 | empty | placeholders only: <医院监护专网名称> | 1 warning',
        'I2 | present',
        'I3 | present',
        'I4 | present',
        'I5 | missing | 1 error',
      ],
    });
  });
  test('N of M: the rejected patch description does not count; the missing technical requirements do', () => {
    expect(c.counts).toMatchObject({ required: 33, present: 22, byStatus: { present: 22, 'not-applicable': 1, missing: 9, empty: 2, 'not-required': 4 } });
    expect(c.counts.findings).toEqual({ total: 13, error: 7, warning: 5, info: 0, hint: 1, highest: 'error' });
    // dossier.yaml: missing-document and a version that is not full.
    expect(c.otherFindings).toMatchObject({ total: 2, error: 1, warning: 1 });
    const patch = c.documents.find((d) => d.kind === 'patch-description')!;
    expect(patch).toMatchObject({ role: 'rejected', status: 'rejected', note: { en: 'Not part of initial registration' } });
    const tr = c.documents.find((d) => d.kind === 'technical-requirements')!;
    expect(tr).toMatchObject({ role: 'required', status: 'missing', files: [], create: { kind: 'technical-requirements', ruleset: 'nmpa-2017', fileName: 'technical-requirements.md' } });
  });
  test('quick fixes: the diagnostic a client asks code actions for', () => {
    const d = c.documents[0].requirements;
    const fix = (id: string) => d.find((r) => r.id === id)!.quickFix!;
    expect(fix('D3.7')).toMatchObject({
      path: path.join(EX, 'monitor-with-mistakes', 'description.md'),
      diagnostic: { code: 'missing-section', severity: 'error', range: { start: { line: 55, character: 0 } }, data: { requirement: 'D3.7', clause: '四(二)3', insert: { line: 79, depth: 3, numbering: '3.5 ' } } },
    });
    expect(fix('D4.1').diagnostic).toMatchObject({ code: 'missing-section', severity: 'error', data: { requirement: 'D4.1', foundAt: 26 } });
    expect(fix('D1.5').diagnostic).toMatchObject({ code: 'not-applicable-without-reason', data: { requirement: 'D1.5' } });
    expect(d.find((r) => r.id === 'D4.1')!.misplacedAt).toMatchObject({ relPath: 'description.md', line: 26 });
    const i5 = c.documents.find((x) => x.kind === 'instructions-for-use')!.requirements.find((r) => r.id === 'I5')!;
    expect(i5.quickFix!.diagnostic).toMatchObject({ code: 'missing-section', range: { start: { line: 3 } }, data: { requirement: 'I5' } });
    // Present requirements need no fix.
    expect(d.filter((r) => r.quickFix).map((r) => r.id)).toEqual(['D1.5', 'D3.7', 'D4.1', 'D5']);
  });
});

describe('fixture aw-700 (anesthesia workstation, initial registration)', () => {
  const c = load(path.join(FX, 'aw-700'));
  test('every requirement: conditions true by facts and by a table, 不适用 with a reason, empty and placeholder-only sections, an invalid fact, a section switched off in .cyberdossierrc.yaml', () => {
    expect(lines(c)).toEqual({
      'cybersecurity-description: present 19/21': [
        'D1 | present',
        'D1.1 | present',
        'D1.2 | present',
        'D1.3 | present',
        'D1.4 | present',
        'D1.4.1 | present | because interfaces.network.dedicated_wireless = true',
        'D1.5 | present',
        'D1.6 | present',
        'D2 | present',
        'D2.1 | present',
        'D2.2 | empty | no content | 1 warning',
        'D3 | present',
        'D3.1 | present',
        'D3.2 | present',
        'D3.3 | present | 3 error',
        'D3.4 | present | because “Security software” (D1.5) lists items',
        'D3.5 | not-applicable | HL7 v2.5 接口为选配的信息系统接口模块，本次注册的 AW-700 标准配置不含该模块，选配模块将另行申报。',
        'D3.6 | empty | placeholders only: <AWT 遥测协议 v2 完整性测试总结报告> | 1 warning',
        'D3.7 | not-required (not counted) | functions.remote_control is invalid: cannot decide',
        'D4 | present',
        'D4.1 | present',
        'D4.2 | present',
        'D4.3 | not-required (not counted) | turned off in the configuration or a suppression comment (missing-section/D4.3)',
        'D5 | present (recommended)',
      ],
      'technical-requirements: present 4/5': [
        'T1 | present',
        'T1.1 | present | because interfaces.network is declared',
        'T1.2 | not-required (not counted) | interfaces.storage_media: not declared',
        'T2 | present',
        'T2.1 | present',
        'T2.2 | empty | placeholders only: TBD | 1 warning',
      ],
      'instructions-for-use: missing 0/8': ['I1 | missing', 'I1.1 | missing', 'I1.2 | missing', 'I1.3 | missing', 'I2 | missing', 'I3 | missing', 'I4 | missing', 'I5 | missing'],
    });
    expect(c.counts).toMatchObject({ required: 34, present: 23 });
  });
  test('the invalid fact is reported as unknown, not as false', () => {
    const d37 = c.documents[0].requirements.find((r) => r.id === 'D3.7')!;
    expect(d37.switchedOff).toMatchObject({ kind: 'unknown', facts: [{ fact: 'functions.remote_control', state: 'unknown', actual: { kind: 'invalid' } }], text: { zh: 'functions.remote_control 的值无效，无法判断' } });
    const d43 = c.documents[0].requirements.find((r) => r.id === 'D4.3')!;
    expect(d43).toMatchObject({ status: 'not-required', required: false, switchedOff: { kind: 'suppressed' } });
  });
  test('empty sections: what was left', () => {
    const d = c.documents[0].requirements;
    expect(d.find((r) => r.id === 'D2.2')).toMatchObject({ status: 'empty', placeholders: [], satisfied: false, quickFix: { diagnostic: { code: 'empty-section' } } });
    expect(d.find((r) => r.id === 'D3.6')).toMatchObject({ status: 'empty', placeholders: ['<AWT 遥测协议 v2 完整性测试总结报告>'], required: true, requiredBecause: { en: 'interfaces.network.protocols = AWT 遥测协议 v2 (kind: custom)' } });
  });
  test('the traceability matrix: rows with gaps, undefined IDs, a requirement no row names', () => {
    const engine = new Engine({ sbom: sbomReader, host: nodeHost });
    const dir = path.join(FX, 'aw-700');
    checklist(engine, dir, 'en');
    const state = engine.stateOf(path.join(dir, '网络安全描述文档.md'))!.state;
    const t = traceMatrix(state, { root: dir });
    expect(t.tables).toEqual([expect.objectContaining({ relPath: '网络安全描述文档.md', line: 76 })]);
    expect(t.rows.map((r) => [r.source, ...(['requirement', 'design', 'test', 'risk'] as const).map((k) => r.cells[k].ids.map((i) => `${i.id}${i.defined ? '' : '?'}`).join(',') || '-'), r.gaps.join(',') || 'ok'].join(' '))).toEqual([
      'table SR-01 SD-01 TC-01 R-01 ok',
      'table SR-02 SD-02 - R-02 no-test',
      'table SR-03 SD-09? TC-03 R-03 undefined-id',
      'untraced SR-04 - - - not-in-table',
    ]);
    expect(t.rows[0].cells.requirement.ids[0]).toEqual({ id: 'SR-01', kind: 'requirement', defined: true, title: 'HL7 通信采用 TLS 1.2 加密。' });
    expect(t.rows[0].cells.risk.ids[0].title).toBe('网络窃听导致麻醉记录泄露');
    expect(t).toMatchObject({ definedRequirements: 4, tracedRequirements: 3, undefinedIds: ['SD-09'], gapRows: 3 });
  });
});

describe('fixture ip-30-change (change without cybersecurity update)', () => {
  const c = load(path.join(FX, 'ip-30-change'));
  test('the authenticity statement lacks its date; the changed instructions only describe changes', () => {
    expect(lines(c)).toEqual({
      'authenticity-statement: present 0/1': ['S1 | missing | lacks a date | 1 error'],
      'instructions-for-use: present 0/0': [
        'I1 | not-required (not counted) | a change: this document describes the changes only',
        'I1.1 | not-required (not counted) | a change: this document describes the changes only',
        'I1.2 | not-required (not counted) | a change: this document describes the changes only',
        'I1.3 | not-required (not counted) | a change: this document describes the changes only',
        'I2 | not-required (not counted) | a change: this document describes the changes only',
        'I3 | not-required (not counted) | a change: this document describes the changes only',
        'I4 | not-required (not counted) | a change: this document describes the changes only',
        'I5 | present (not counted)',
      ],
    });
    expect(c.submission).toMatchObject({ value: 'change', updates: ['none'], label: { zh: '未发生网络安全更新的许可事项变更' }, needs: ['authenticity-statement'], accepts: ['technical-requirements', 'instructions-for-use'] });
    expect(c.documents.map((d) => [d.kind, d.role])).toEqual([
      ['authenticity-statement', 'required'],
      ['instructions-for-use', 'accepted'],
    ]);
    expect(c.documents[0].requirements[0]).toMatchObject({ missingItems: ['date'], quickFix: { diagnostic: { code: 'missing-section', data: { requirement: 'S1', item: 'date' } } } });
  });
  test('a complete statement is present (derived from the statement check, not assumed)', () => {
    const host = memHost({
      'd/dossier.yaml': 'submission: change\nupdates: [none]\nproduct: { name: 输液泵, class: II, software_version: V1.4.2.88 }\ndata: { types: [device] }\ninterfaces: { network: { wired: true } }\n',
      'd/真实性声明.md': `${fm('document: authenticity-statement')}\n# 真实性声明\n\n自上次注册以来未发生网络安全更新。\n\n申请人：杭州安泰医疗器械有限公司\n\n日期：2024年5月6日\n`,
    });
    const s = checklist(new Engine({ sbom: sbomReader, host }), path.join(ROOT, 'd'), 'en')!;
    expect(lines(s)).toEqual({ 'authenticity-statement: present 1/1': ['S1 | present'] });
  });
});

describe('the condition explainer', () => {
  const facts = (yaml: string) => {
    const y = loadYaml(yaml, 0, new LineIndex(yaml));
    return mergeFacts(validate(y.root!, nmpa2017.schema, {}), undefined);
  };
  test('false leaves of all / any / not with the facts’ actual values', () => {
    const f = facts('submission: change\nupdates: [minor]\nfunctions: { remote_control: none }\ninterfaces: { network: { wired: true } }\n');
    const c: Condition = { all: [{ fact: 'submission', equals: 'change' }, { any: [{ fact: 'updates', includes: 'major' }, { fact: 'functions.remote_control', in: ['realtime', 'non-realtime'] }] }] };
    expect(explainCondition(c, { facts: f })!.text.en).toBe('updates = [minor]; functions.remote_control = none');
    expect(explainCondition({ not: { fact: 'interfaces.network', present: true } }, { facts: f })).toMatchObject({ value: false, leaves: [{ fact: 'interfaces.network', expected: { en: 'not declared' }, actual: { kind: 'value' } }] });
    expect(explainCondition({ fact: 'interfaces.storage_media', present: true }, { facts: f })!.text).toEqual({ zh: 'interfaces.storage_media: 未声明', en: 'interfaces.storage_media: not declared' });
    expect(explainCondition({ fact: 'submission', equals: 'change' }, { facts: f })).toBeUndefined();
  });
  test('an invalid value makes the condition unknown: only the invalid leaf is named', () => {
    const f = facts('functions: { remote_control: 实时 远程 }\nsecurity_software: false\n');
    const e = explainCondition({ any: [{ fact: 'security_software', equals: true }, { fact: 'functions.remote_control', equals: 'realtime' }] }, { facts: f })!;
    expect(e.value).toBeUndefined();
    expect(e.leaves.map((l) => [l.fact, l.state])).toEqual([['functions.remote_control', 'unknown']]);
  });
  test('table leaves: the listing table of a requirement', () => {
    const f = facts('security_software: false\n');
    expect(explainCondition({ tableHasRows: ['D1.5'] }, { facts: f, tableRows: () => undefined })!.text.en).toBe('no “Security software” (D1.5) section');
    expect(explainCondition({ tableHasRows: ['D1.5'] }, { facts: f, tableRows: () => 'unknown' })).toMatchObject({ value: undefined, leaves: [{ state: 'unknown' }] });
  });
});

test('the reason of a not-applicable answer: its first sentence, without “，理由：”', () => {
  expect(reasonSentence('，理由：本产品无远程控制功能。远程查看仅为只读。')).toBe('本产品无远程控制功能。');
  expect(reasonSentence(': the device has no network interface. It exports to USB only.')).toBe('the device has no network interface.');
  expect(reasonSentence('。\n原因：设备为嵌入式系统\n不安装任何软件')).toBe('设备为嵌入式系统');
  expect(reasonSentence(`，${'很长的理由'.repeat(60)}`)).toHaveLength(200);
});

test('the language status item: "N/M" for the document and for the dossier', () => {
  const engine = new Engine({ sbom: sbomReader, host: nodeHost });
  const file = path.join(EX, 'monitor-with-mistakes', 'instructions-for-use.md');
  engine.check({ files: [file] });
  const s = documentStatus(viewOf(engine, file), { errors: 1, warnings: 1 });
  expect(s).toMatchObject({
    kind: 'instructions-for-use',
    present: 6,
    required: 8,
    missing: ['I5'],
    dossier: { present: 22, required: 33, missingDocuments: ['technical-requirements'] },
    summary: { zh: '本文档 6/8 · 申报资料 22/33', en: 'document 6/8 · dossier 22/33' },
  });
  // The bare 不适用 of D1.5 is answered but does not count as present.
  const d = path.join(EX, 'monitor-with-mistakes', 'description.md');
  expect(documentStatus(viewOf(engine, d), { errors: 0, warnings: 0 })).toMatchObject({ present: 16, required: 20, missing: ['D3.7', 'D4.1'] });
});

describe('state: the engine’s cache while it matches the files, a check of that dossier otherwise', () => {
  const text = fm('document: technical-requirements\nsubmission: initial-registration\nproduct: { name: 泵, class: II, software_version: V1.0.0 }\ndata: { types: [device] }\ninterfaces: { network: { wired: true } }') + '\n# 技术要求\n\n## 数据接口\n\n### 传输协议\n\nHTTPS。\n\n## 用户访问控制\n\n### 用户身份鉴别方法\n\n口令。\n';
  test('an edit the engine has not seen yet is picked up; a checked state is reused', () => {
    const host = memHost({ 'tr.md': text });
    const engine = new Engine({ sbom: sbomReader, host });
    const file = path.join(ROOT, 'tr.md');
    engine.check({ files: [file] });
    const before = engine.stateOf(file)!.state;
    expect(lines(checklist(engine, file, 'en')!)).toEqual({
      'technical-requirements: present 4/5': ['T1 | present', 'T1.1 | present | because interfaces.network is declared', 'T1.2 | not-required (not counted) | interfaces.storage_media: not declared', 'T2 | present', 'T2.1 | present', 'T2.2 | missing | 1 error'],
    });
    expect(engine.stateOf(file)!.state).toBe(before); // answered from the cache
    host.files.set(file, `${text}\n### 用户类型及权限\n\n护士、医生、管理员。\n`);
    expect(checklist(engine, file, 'en')!.counts).toMatchObject({ present: 5, required: 5 });
    expect(engine.stateOf(file)!.state).not.toBe(before); // checked again, and kept
  });
  test('checklists of a folder: each dossier folder and each loose dossier file', () => {
    const host = memHost({
      'ws/a/dossier.yaml': 'submission: renewal\nproduct: { name: 泵, class: II, software_version: V1.0.0 }\ndata: { types: [device] }\ninterfaces: { network: { wired: true } }\n',
      'ws/a/patch.md': `${fm('document: patch-description')}\n# 补丁\n\n## 补丁描述\n\n无。\n`,
      'ws/loose.md': text,
      'ws/notes.md': '# 会议记录\n',
    });
    const all = checklists(new Engine({ sbom: sbomReader, host }), path.join(ROOT, 'ws'), 'en');
    expect(all.map((c) => [path.relative(ROOT, c.root), c.submission.value, c.documents.map((d) => `${d.kind}:${d.role}:${d.status}`).join(' ')])).toEqual([
      ['ws/a', 'renewal', 'patch-description:accepted:present'],
      // A lone file is a dossier of one (requirements.md §10): it lacks no other document.
      ['ws', 'initial-registration', 'technical-requirements:required:present'],
    ]);
  });
});

describe('the LSP requests (registerChecklistRequests over a stand-in connection)', () => {
  async function setup() {
    const { registerChecklistRequests } = await import('../../server/src/lsp/checklist');
    const { URI } = await import('vscode-uri');
    const handlers = new Map<string, (p: unknown) => Promise<unknown>>();
    const errors: string[] = [];
    const connection = { onRequest: (m: string, h: (p: unknown) => Promise<unknown>) => handlers.set(m, h), console: { error: (s: string) => errors.push(s) } };
    const engine = new Engine({ sbom: sbomReader, host: nodeHost });
    registerChecklistRequests(connection as never, { engine, localeFor: () => 'zh-CN' });
    return { handlers, errors, engine, uri: (p: string) => URI.file(p).toString() };
  }
  test('checklist of a file and of a folder, with vscode-uri URIs; null outside any dossier', async () => {
    const { handlers, uri } = await setup();
    const file = path.join(EX, 'monitor-with-mistakes', 'description.md');
    const c = (await handlers.get('cyberdossier/checklist')!({ uri: uri(file) })) as Checklist;
    expect(c.counts).toMatchObject({ present: 22, required: 33 });
    expect(c.documents[0].files[0].uri).toBe(uri(file));
    expect(c.documents[0].requirements.find((r) => r.id === 'D3.7')!.quickFix!.uri).toBe(uri(file));
    expect(await handlers.get('cyberdossier/checklist')!({ uri: uri(path.join(REPO, 'docs')) })).toBeNull();
    const all = (await handlers.get('cyberdossier/checklists')!({ uri: uri(EX) })) as Checklist[];
    expect(all.map((x) => x.name)).toEqual(['多参数患者监护仪 PM-9000', '多参数患者监护仪 PM-9000']);
    expect(all.map((x) => `${x.counts.present}/${x.counts.required}`)).toEqual(['34/34', '22/33']);
  });
  test('report: the rendered text and a file name; a bad format is null, a failure is logged and null', async () => {
    const { handlers, errors, engine, uri } = await setup();
    const r = (await handlers.get('cyberdossier/report')!({ uri: uri(path.join(EX, 'monitor')), format: 'csv', locale: 'en' })) as { text: string; fileName: string };
    expect(r.fileName).toBe('monitor-report.csv');
    expect(r.text.split('\r\n')[0]).toBe('\uFEFF"ID","Requirement","Clause","Required","Cybersecurity description","Product technical requirements (cybersecurity)","Instructions for use (cybersecurity)","Note / reason","Findings","Location"');
    const trace = (await handlers.get('cyberdossier/report')!({ uri: uri(path.join(EX, 'monitor')), format: 'csv', table: 'trace' })) as { fileName: string };
    expect(trace.fileName).toBe('monitor-trace.csv');
    expect(await handlers.get('cyberdossier/report')!({ uri: uri(path.join(EX, 'monitor')), format: 'pdf' })).toBeNull();
    engine.stateOf = () => {
      throw new Error('boom');
    };
    expect(await handlers.get('cyberdossier/report')!({ uri: uri(path.join(EX, 'monitor')), format: 'html' })).toBeNull();
    expect(errors[0]).toMatch(/^\[cyberdossier\] report: Error: boom/);
  });
});

test('the checklist, the explainer, the matrix and the renderers import no editor API (they go over LSP and into the CLI)', async () => {
  const fs = await import('node:fs');
  const files = ['server/src/features/checklist.ts', 'server/src/features/explain.ts', 'server/src/features/traceability.ts', ...fs.readdirSync(path.join(REPO, 'server/src/report')).map((f) => `server/src/report/${f}`)];
  for (const f of files) {
    const imports = [...fs.readFileSync(path.join(REPO, f), 'utf8').matchAll(/(?:from|import|require\()\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
    for (const i of imports) expect(i, `${f} imports ${i}`).not.toMatch(/^vscode(-languageserver|-languageclient)?(\/|$)/);
  }
});
