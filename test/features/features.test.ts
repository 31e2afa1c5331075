// Editor features as pure functions over the engine's state: frontmatter completion from the
// schema, suppression-comment and ID completion, hovers on keys and IDs, numbering of inserted
// sections.

import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { Engine } from '../../server/src/engine/engine';
import { complete } from '../../server/src/features/completion';
import { hover } from '../../server/src/features/hover';
import { viewOf } from '../../server/src/features/view';
import { nmpa2017 } from '../../server/src/engine/rulesets/nmpa-2017';
import { childNumbering, numberingOf, shiftNumbering } from '../../server/src/engine/numbering';
import { memHost, ROOT } from '../helpers';
import { fixture } from '../fixtures';

function at(text: string, marker = '‸') {
  const i = text.indexOf(marker);
  const before = text.slice(0, i);
  const line = before.split('\n').length - 1;
  const character = i - (before.lastIndexOf('\n') + 1);
  return { text: text.slice(0, i) + text.slice(i + marker.length), position: { line, character } };
}

function labels(text: string, locale: 'zh-CN' | 'en' = 'zh-CN') {
  const { text: t, position } = at(text);
  const host = memHost({ 'doc.md': t });
  const engine = new Engine({ host });
  const file = path.join(ROOT, 'doc.md');
  engine.check({ files: [file] });
  const list = complete({ text: t, position, locale, view: viewOf(engine, file), ruleset: nmpa2017 });
  return (list?.items ?? []).sort((a, b) => ((a.sortText ?? a.label) < (b.sortText ?? b.label) ? -1 : 1)).map((i) => (i.detail ? `${i.label} ${i.detail}` : i.label));
}

describe('frontmatter completion from the JSON Schema', () => {
  test('top-level keys not yet present, required first, with zh labels', () => {
    expect(labels('---\ndocument: technical-requirements\n‸\n---\n').slice(0, 4)).toEqual(['submission 申报类型', 'product 产品', 'data 数据', 'guideline 指导原则版本']);
  });
  test('nested keys under a mapping', () => {
    expect(labels('---\nproduct:\n  name: 泵\n  ‸\n---\n')).toEqual(['class 管理类别', 'model 型号规格', 'software_version 软件完整版本']);
  });
  test('enum values with their zh labels', () => {
    expect(labels('---\nfunctions:\n  remote_control: ‸\n---\n')).toEqual(['none 无', 'realtime 实时', 'non-realtime 非实时']);
    expect(labels('---\nsubmission: ‸\n---\n')).toEqual(['initial-registration 产品注册', 'change 许可事项变更', 'renewal 延续注册']);
  });
  test('items of a list: flow and block', () => {
    expect(labels('---\ndata:\n  types: [‸]\n---\n')).toEqual(['health 健康数据', 'device 设备数据']);
    expect(labels('---\nupdates:\n  - ‸\n---\n')).toEqual(['major 重大网络安全更新', 'minor 轻微网络安全更新', 'none 无网络安全更新']);
  });
  test('a key of a protocol item inside a flow mapping', () => {
    expect(labels('---\ninterfaces:\n  network:\n    protocols:\n      - { name: HL7, kind: ‸ }\n---\n')).toEqual(['standard 标准', 'custom 自定义']);
  });
});

describe('body completion', () => {
  test('codes, then requirement IDs, in suppression comments', () => {
    const codes = labels(`${fixture('nmpa-2017/technical-requirements.md')}\n<!-- cyberdossier-disable-next-line ‸`);
    expect(codes).toContain('missing-section 缺少必需章节');
    const reqs = labels(`${fixture('nmpa-2017/technical-requirements.md')}\n<!-- cyberdossier-disable-next-line missing-section ‸`);
    expect(reqs).toContain('D3.7 完整性和可得性测试报告');
  });
  test('capability codes in the capability section; dossier IDs defined in the dossier', () => {
    const text = fixture('nmpa-2017/description-full.md');
    expect(labels(text.replace('| ALOF | 自动注销 |', '| ‸\n| ALOF | 自动注销 |'))).toContain('ALOF 自动注销');
    const ids = labels(text.replace('TC-001、TC-002 全部通过', 'TC-‸ 全部通过'));
    expect(ids.filter((l) => l.startsWith('TC-'))).toEqual(['TC-001 test', 'TC-002 test']);
  });
});

describe('hover', () => {
  const doc = fixture('nmpa-2017/description-full.md');
  const hoverAt = (line: number, character: number, locale: 'zh-CN' | 'en' = 'zh-CN') => {
    const host = memHost({ 'doc.md': doc });
    const engine = new Engine({ host });
    const file = path.join(ROOT, 'doc.md');
    engine.check({ files: [file] });
    const h = hover({ text: doc, position: { line, character }, locale, view: viewOf(engine, file), ruleset: nmpa2017 });
    return h ? (h.contents as { value: string }).value : '';
  };
  const lineOf = (s: string) => doc.split('\n').findIndex((l) => l.startsWith(s));
  test('a frontmatter key: label, documentation, values, what it switches on', () => {
    expect(hoverAt(lineOf('  remote_control'), 4)).toMatchInlineSnapshot(`
      "**functions.remote_control** · 远程控制

      远程控制；实时远程控制须提供完整性和可得性测试报告（D3.7）。

      \`none\` 无 · \`realtime\` 实时 · \`non-realtime\` 非实时

      决定是否需要: D3.7"
    `);
  });
  test('a conditional requirement says why it is required here', () => {
    expect(hoverAt(lineOf('### 3.7'), 5, 'en')).toContain('Required here because functions.remote_control: realtime');
  });
  test('an ID shows its definition', () => {
    expect(hoverAt(lineOf('| SR-001 | SD-001'), 4)).toMatch(/^\*\*SR-001\*\* \(requirement\) — 第 \d+ 行\n\n- SR-001：远程调速指令须经数字签名并由床旁确认。$/);
  });
});

test('numbering of inserted sections follows the document’s style', () => {
  expect(numberingOf('3.6 完整性测试总结报告')).toBe('3.6 ');
  expect(shiftNumbering('3.6 ', 1)).toBe('3.7 ');
  expect(shiftNumbering('（六）', 1)).toBe('（七）');
  expect(shiftNumbering('六、', -1)).toBe('五、');
  expect(shiftNumbering('Part 2 ', 1)).toBe('Part 3 ');
  expect(shiftNumbering('IV. ', 1)).toBe('V. ');
  expect(shiftNumbering('C. ', 1)).toBe('D. ');
  expect(shiftNumbering('1 ', -1)).toBe('');
  expect(childNumbering('3 ', 2)).toBe('3.2 ');
  expect(childNumbering('（三）')).toBe('');
});
