// Each condition of the 2017 catalogue switched on and off, and each submission case of §9.

import { describe, expect, test } from 'vitest';
import { checkFiles, diag, render } from '../helpers';
import { fixture, headings, replaceLines } from '../fixtures';

const full = fixture('nmpa-2017/description-full.md');

function without(text: string, title: string): string {
  const s = headings(text).find((h) => h.title === title)!;
  return replaceLines(text, s.line, s.end, []);
}
function lineOf(text: string, title: string): number {
  return headings(text).find((h) => h.title === title)!.line + 1;
}
function setFm(text: string, from: string | RegExp, to: string): string {
  const out = text.replace(from, to);
  if (out === text && from !== to) throw new Error(`frontmatter edit did not apply: ${from}`);
  return out;
}

describe('D1.4.1 radio compliance ← interfaces.network.dedicated_wireless', () => {
  const absent = without(full, '无线电管理符合性');
  test('on: missing, and the message names the fact', () => {
    expect(diag(absent, { message: 'en' })).toBe(
      `doc.md:${lineOf(absent, '交换方式')} error missing-section D1.4.1 — Missing section “无线电管理符合性” (D1.4.1): because interfaces.network.dedicated_wireless: true, guideline 四(二)1(4), 三(一) requires it: For dedicated wireless devices (not general IT equipment), evidence of compliance with radio regulations must also be submitted.`,
    );
  });
  test('off: not required', () => {
    expect(diag(setFm(absent, 'dedicated_wireless: true', 'dedicated_wireless: false'))).toBe('');
    expect(diag(setFm(absent, '    dedicated_wireless: true\n', ''))).toBe('');
  });
});

describe('D3.4 compatibility test ← security software', () => {
  const absent = without(full, '安全软件兼容性测试报告');
  const d3 = lineOf(absent, '验证与确认');
  test('inferred from a D1.5 product row', () => {
    expect(diag(absent, { message: 'zh' })).toBe(
      `doc.md:${d3} error missing-section D3.4 — 缺少“安全软件兼容性测试报告”（D3.4）章节：因为 frontmatter 声明了 D1.5 列出了安全软件，指导原则 四(二)3 要求：对于安全软件，应提供兼容性测试报告`,
    );
  });
  test('security_software: false wins over the table', () => {
    expect(diag(setFm(absent, 'uses:', 'security_software: false\nuses:'))).toBe('');
  });
  test('security_software: true with D1.5 answered 无 + reason', () => {
    const noTable = replaceLines(absent, ...(() => {
      const s = headings(absent).find((h) => h.title === '安全软件')!;
      return [s.line + 1, s.end] as [number, number];
    })(), ['', '无，输液工作站不安装第三方安全软件，防护由系统加固实现。', '']);
    expect(diag(noTable)).toBe('');
    const on = setFm(noTable, 'uses:', 'security_software: true\nuses:');
    expect(diag(on)).toBe(`doc.md:${lineOf(on, '验证与确认')} error missing-section D3.4`);
  });
  test('a D1.5 table whose only row answers 无 lists nothing', () => {
    const s = headings(absent).find((h) => h.title === '安全软件')!;
    const table = ['', '| 名称 | 型号规格 | 完整版本 | 供应商 | 运行环境要求 |', '| --- | --- | --- | --- | --- |', '| 无 | / | / | / | / |', ''];
    expect(diag(replaceLines(absent, s.line + 1, s.end, table))).toBe('');
  });
});

describe('D3.5 / D3.6 ← protocol and format kinds', () => {
  test('no standard protocol or format: D3.5 not required', () => {
    const t = setFm(without(full, '标准符合性证明'), '{ name: HL7 v2.6, kind: standard }', '{ name: HL7 v2.6, kind: custom }');
    expect(diag(t)).toBe('');
  });
  test('a standard format alone requires D3.5', () => {
    let t = setFm(without(full, '标准符合性证明'), '{ name: HL7 v2.6, kind: standard }', '{ name: HL7 v2.6, kind: custom }');
    t = setFm(t, '{ name: IPX 日志格式 v1, kind: custom }', '{ name: IPX 日志格式 v1, kind: standard }');
    expect(diag(t, { message: 'en' })).toContain('missing-section D3.5 — Missing section “标准符合性证明” (D3.5): because interfaces.storage_media.formats: IPX 日志格式 v1 (kind: standard)');
  });
  test('no custom protocol or format: D3.6 not required; zh alias 自定义 counts as custom', () => {
    let t = without(full, '完整性测试总结报告');
    t = setFm(t, '{ name: IPX 输液控制协议 v2.0, kind: custom }', '{ name: IPX 输液控制协议 v2.0, kind: standard }');
    t = setFm(t, '{ name: IPX 日志格式 v1, kind: custom }', '{ name: IPX 日志格式 v1, kind: standard }');
    expect(diag(t)).toBe('');
    expect(diag(setFm(t, 'kind: standard }\n    bandwidth', 'kind: 自定义 }\n    bandwidth'))).toBe(`doc.md:${lineOf(t, '验证与确认')} error missing-section D3.6`);
  });
  test('an invalid kind decides nothing', () => {
    let t = without(full, '完整性测试总结报告');
    t = setFm(t, '{ name: IPX 输液控制协议 v2.0, kind: custom }', '{ name: IPX 输液控制协议 v2.0, kind: custon }');
    t = setFm(t, '{ name: IPX 日志格式 v1, kind: custom }', '{ name: IPX 日志格式 v1, kind: standard }');
    expect(diag(t)).toBe('doc.md:22 error frontmatter-invalid');
  });
});

describe('D3.7 ← functions.remote_control: realtime', () => {
  const absent = without(full, '完整性和可得性测试报告');
  test.each([
    ['realtime', 'missing'],
    ['实时', 'missing'],
    ['non-realtime', ''],
    ['非实时', ''],
    ['none', ''],
  ])('remote_control: %s', (v, expected) => {
    const out = diag(setFm(absent, 'remote_control: realtime', `remote_control: ${v}`));
    expect(out).toBe(expected ? `doc.md:${lineOf(absent, '验证与确认')} error missing-section D3.7` : '');
  });
  test('an invalid value is reported and requires nothing (no guessing from the did-you-mean)', () => {
    expect(diag(setFm(absent, 'remote_control: realtime', 'remote_control: realtme'), { message: 'en', data: ['suggestion'] })).toBe(
      'doc.md:13 error frontmatter-invalid suggestion="realtime" — functions.remote_control: "realtme" is not one of none | realtime | non-realtime. Did you mean realtime?',
    );
    expect(diag(setFm(absent, 'remote_control: realtime', 'remote_control: "realtime "'), { data: ['suggestion'] })).toBe('doc.md:13 error frontmatter-invalid suggestion="realtime"');
  });
});

describe('T1.1 / T1.2 ← interfaces present', () => {
  const tr = fixture('nmpa-2017/technical-requirements.md');
  test('without a network block T1.1 is not required', () => {
    const t = without(tr, '传输协议').replace(/  network:\n    wired: true\n    protocols:\n      - \{ name: HL7 v2.6, kind: standard \}\n/, '');
    expect(diag(t)).toBe('');
    expect(diag(without(tr, '传输协议'))).toBe(`doc.md:${lineOf(tr, '数据接口')} error missing-section T1.1`);
  });
  test('without storage media T1.2 is not required', () => {
    const t = without(tr, '存储格式').replace(/  storage_media:\n    types: \[usb\]\n    formats:\n      - \{ name: IPX 日志格式 v1, kind: custom \}\n/, '');
    expect(diag(t)).toBe('');
  });
});

describe('scope (一): class I, or no network and no storage media', () => {
  test('class I: out-of-scope once on the class value, nothing about the body', () => {
    const t = setFm(without(full, '基本信息'), 'class: III', 'class: 第一类');
    expect(diag(t, { message: 'zh' })).toBe(
      'doc.md:7 info out-of-scope — 本文件描述的是第一类医疗器械，不适用《医疗器械网络安全注册技术审查指导原则》（2017年）（一、适用范围：第二类、第三类，具有网络连接或通过存储媒介交换数据的医疗器械）；正文未检查',
    );
  });
  test('no interfaces and no exchange: out-of-scope on line 0; frontmatter errors still reported', () => {
    let t = full.replace(/interfaces:[\s\S]*?\n---/, '---');
    t = setFm(t, 'exchange: bidirectional', 'exchange: none').replace('remote_control: realtime', 'remote_control: none');
    expect(diag(t)).toBe('doc.md:1 info out-of-scope');
    expect(diag(t.replace('uses: [clinical, maintenance]', 'usage: [clinical]'))).toBe('doc.md:1 info out-of-scope\ndoc.md:14 error frontmatter-invalid');
  });
  test('exchange declared without interfaces stays in scope', () => {
    const t = full.replace(/interfaces:[\s\S]*?\n---/, '---');
    expect(diag(t)).not.toContain('out-of-scope');
  });
});

describe('submission logic (§9)', () => {
  const base = (submission: string, updates?: string) =>
    `submission: ${submission}\n${updates ? `updates: ${updates}\n` : ''}product:\n  name: 智能输液泵系统\n  class: III\ndata:\n  types: [device]\ninterfaces:\n  network:\n    wired: true\n`;
  const docs = {
    'cybersecurity-description': 'd.md',
    'patch-description': 'p.md',
    'authenticity-statement': 's.md',
    'technical-requirements': 't.md',
    'instructions-for-use': 'i.md',
  };
  const only = (kinds: string[]) =>
    Object.fromEntries(kinds.map((k) => [`dossier/${docs[k as keyof typeof docs]}`, `---\ndocument: ${k}\n---\n\n# 文档\n\n正文。\n`]));

  const cases: [string, string | undefined, string[], string[], string[]][] = [
    // submission, updates, required, accepted, wrong
    ['initial-registration', undefined, ['cybersecurity-description', 'technical-requirements', 'instructions-for-use'], [], ['patch-description', 'authenticity-statement']],
    ['change', '[major]', ['cybersecurity-description'], ['technical-requirements', 'instructions-for-use'], ['patch-description', 'authenticity-statement']],
    ['change', '[major, minor]', ['cybersecurity-description'], ['technical-requirements', 'instructions-for-use'], ['patch-description', 'authenticity-statement']],
    ['change', '[minor]', ['patch-description'], ['technical-requirements', 'instructions-for-use'], ['cybersecurity-description', 'authenticity-statement']],
    ['change', '[none]', ['authenticity-statement'], ['technical-requirements', 'instructions-for-use'], ['cybersecurity-description', 'patch-description']],
    ['renewal', undefined, [], ['patch-description', 'technical-requirements', 'instructions-for-use'], ['cybersecurity-description', 'authenticity-statement']],
    ['renewal', '[minor]', [], ['patch-description', 'technical-requirements', 'instructions-for-use'], ['cybersecurity-description', 'authenticity-statement']],
  ];
  test.each(cases)('%s %s: each required kind missing → missing-document on dossier.yaml', (sub, upd, required) => {
    for (const kind of required) {
      const files = { 'dossier/dossier.yaml': base(sub, upd), ...only(required.filter((k) => k !== kind)) };
      const out = render(checkFiles(files, { folders: ['dossier'] }), { data: ['document'] }).split('\n').filter((l) => l.includes('missing-document'));
      expect(out).toEqual([`dossier/dossier.yaml:1 error missing-document document="${kind}"`]);
    }
  });
  test.each(cases)('%s %s: required and accepted kinds are fine; others are wrong-document-kind', (sub, upd, required, accepted, wrong) => {
    const files = { 'dossier/dossier.yaml': base(sub, upd), ...only([...required, ...accepted, ...wrong]) };
    const lines = render(checkFiles(files, { folders: ['dossier'] }))
      .split('\n')
      .filter((l) => /wrong-document-kind|missing-document/.test(l));
    expect(lines).toEqual(wrong.map((k) => `dossier/${docs[k as keyof typeof docs]}:2 error wrong-document-kind`).sort());
  });
  test('at a change, T and I sections are not reported missing but present ones are checked', () => {
    const t = `---\ndocument: technical-requirements\nsubmission: change\nupdates: [major]\nproduct:\n  name: 泵\n  class: II\ndata:\n  types: [device]\ninterfaces:\n  network:\n    wired: true\n---\n\n# 变更说明\n\n## 用户访问控制\n\n`;
    expect(diag(t)).toBe('doc.md:17 warning empty-section T2');
    expect(diag(t.replace('change', 'initial-registration').replace('updates: [major]\n', ''))).toBe(
      'doc.md:13 error missing-section T1\ndoc.md:16 warning empty-section T2\ndoc.md:16 error missing-section T2.1\ndoc.md:16 error missing-section T2.2',
    );
  });
  test('contradictions: none with others, major at renewal, dedicated wireless without wireless', () => {
    const fmText = (y: string) => `---\ndocument: patch-description\n${y}product:\n  name: 泵\n  class: II\ndata:\n  types: [device]\ninterfaces:\n  network:\n    wired: true\n---\n\n# 补丁描述\n\n无，理由：本次未安装任何补丁，无补丁需描述。\n\n# 影响分析\n\n无影响，理由同上所述。\n\n# 用户告知计划\n\n随版本发布告知。\n\n# 测试计划与报告\n\n见附件。\n\n# 新增已知剩余缺陷情况说明\n\n无新增剩余缺陷。\n`;
    expect(diag(fmText('submission: change\nupdates: [none, minor]\n'), { message: 'en' })).toBe(
      'doc.md:4 error frontmatter-invalid — Contradictory facts: `none` in updates stands alone: it cannot be combined with other values',
    );
    expect(diag(fmText('submission: renewal\nupdates: [major]\n'))).toBe('doc.md:4 error frontmatter-invalid');
    expect(diag(fmText('submission: renewal\n').replace('wired: true', 'wireless: false\n    dedicated_wireless: true'))).toBe('doc.md:12 error frontmatter-invalid');
    expect(diag(fmText('submission: change\n'), { message: 'en' })).toBe('doc.md:1 error frontmatter-missing — The required key updates is missing (because submission: change)');
  });
});
