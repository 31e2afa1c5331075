// facts/yaml.ts, yaml-walk.ts, yaml-text.ts: the strict parse, the walk under its limits (alias
// budget, depth), tags and keys as plain data, and the problems in the user's language.
import { describe, expect, test } from 'vitest';
import { loadYaml, yamlProblemText } from '../../server/src/engine/facts/yaml';
import { MAX_DEPTH, MAX_NODES } from '../../server/src/engine/facts/yaml-types';
import { LineIndex } from '../../server/src/engine/text';

/** Frontmatter as a dossier file holds it: the YAML starts after the opening `---` line. */
function frontmatter(yaml: string) {
  const doc = `---\n${yaml}---\n\n# 网络安全描述文档\n`;
  return loadYaml(yaml, 4, new LineIndex(doc));
}
const codes = (r: ReturnType<typeof frontmatter>) => r.problems.map((p) => p.code);

describe('the walk', () => {
  test('mappings keep keys as data with positions in the document; quotes stay outside ranges', () => {
    const r = frontmatter('product:\n  "name": "IP-600"\n  class: III\ndata:\n  types: [health, device]\n');
    expect(r.problems).toEqual([]);
    const root = r.root as Extract<typeof r.root, { kind: 'map' }>;
    expect(root.entries.map((e) => e.key)).toEqual(['product', 'data']);
    const product = root.entries[0].node as typeof root;
    expect(product.entries[0]).toMatchObject({
      key: 'name',
      keyRange: { start: { line: 2, character: 3 }, end: { line: 2, character: 7 } },
      node: { kind: 'scalar', value: 'IP-600', quoted: true, range: { start: { line: 2, character: 11 }, end: { line: 2, character: 17 } } },
    });
    expect(product.entries[1].node).toMatchObject({ kind: 'scalar', value: 'III', quoted: false });
  });
  test('an empty value is a null scalar; __proto__ is an ordinary key', () => {
    const r = frontmatter('updates:\n__proto__: x\n');
    const root = r.root as Extract<typeof r.root, { kind: 'map' }>;
    expect(root.entries.map((e) => [e.key, e.node.kind === 'scalar' ? e.node.value : e.node.kind])).toEqual([
      ['updates', null],
      ['__proto__', 'x'],
    ]);
  });
  test('an alias is its anchor’s value, positioned where the alias stands', () => {
    const r = frontmatter('a: &p [usb, sd]\nb: *p\n');
    const root = r.root as Extract<typeof r.root, { kind: 'map' }>;
    expect(root.entries[1].node).toMatchObject({ kind: 'seq', range: { start: { line: 2, character: 3 }, end: { line: 2, character: 5 } } });
    expect((root.entries[1].node as Extract<typeof r.root, { kind: 'seq' }>).items.map((i) => i.kind === 'scalar' && i.value)).toEqual(['usb', 'sd']);
  });
});

describe('limits', () => {
  test(`an alias bomb is cut off after ${MAX_NODES} nodes, with one problem and no root`, () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) lines.push(`${'abcdefghij'[i]}: &${'abcdefghij'[i]} [${Array(10).fill(`*${'abcdefghij'[i - 1]}`).join(', ')}]`);
    const started = performance.now();
    const r = frontmatter(`${lines.join('\n')}\n`);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(r.root).toBeUndefined();
    expect(codes(r)).toEqual(['TOO_LARGE']);
  });
  test(`nesting deeper than ${MAX_DEPTH} levels is rejected`, () => {
    const deep = `${'['.repeat(MAX_DEPTH + 1)}x${']'.repeat(MAX_DEPTH + 1)}\n`;
    const r = frontmatter(`a: ${deep}`);
    expect(r.root).toBeUndefined();
    expect(codes(r)).toEqual(['TOO_DEEP']);
    expect(frontmatter(`a: ${'['.repeat(MAX_DEPTH - 1)}x${']'.repeat(MAX_DEPTH - 1)}\n`).problems).toEqual([]);
  });
});

describe('plain data only', () => {
  test('a custom tag and a non-scalar key are problems; the rest is kept', () => {
    const tagged = frontmatter('a: !custom x\nb: 1\n');
    expect(codes(tagged)).toEqual(['CUSTOM_TAG']);
    expect(tagged.problems[0].message).toBe('Custom YAML tag !custom is not allowed: frontmatter and configuration are plain data');
    expect((tagged.root as Extract<typeof tagged.root, { kind: 'map' }>).entries.map((e) => e.key)).toEqual(['a', 'b']);
    const keyed = frontmatter('? [k]\n: v\nb: 1\n');
    expect(codes(keyed)).toEqual(['NON_PLAIN_KEY']);
    expect(keyed.problems[0].range.start).toEqual({ line: 1, character: 2 });
    expect((keyed.root as Extract<typeof keyed.root, { kind: 'map' }>).entries.map((e) => e.key)).toEqual(['b']);
  });
  test('parser errors leave no root and keep the parser’s code', () => {
    const r = frontmatter('a: 1\na: 2\n');
    expect(r.root).toBeUndefined();
    expect(codes(r)).toEqual(['DUPLICATE_KEY']);
  });
});

describe('yamlProblemText', () => {
  test('the parser’s code as a sentence with a 1-based line and column', () => {
    const r = frontmatter('name: "IP-600\nclass: III\n');
    expect(codes(r)).toEqual(['MISSING_CHAR']);
    expect(r.root).toBeUndefined();
    const t = yamlProblemText(r.problems[0]);
    expect(t).toEqual({ zh: '第 4 行第 1 列：缺少结尾的“"”', en: 'line 4, column 1: the closing “"” is missing', line: 4, column: 1 });
  });
  test('our codes and an unknown one', () => {
    const range = { start: { line: 4, character: 2 }, end: { line: 4, character: 3 } };
    expect(yamlProblemText({ code: 'TOO_LARGE', message: '', range })).toEqual({
      zh: `第 5 行第 3 列：展开后超过 ${MAX_NODES} 个节点（别名展开上限）`,
      en: `line 5, column 3: more than ${MAX_NODES} nodes after alias expansion`,
      line: 5,
      column: 3,
    });
    expect(yamlProblemText({ code: 'CUSTOM_TAG', message: 'Custom YAML tag !!js/function is not allowed', range }).en).toBe(
      'line 5, column 3: the custom tag !!js/function is not allowed (plain data only)',
    );
    expect(yamlProblemText({ code: 'SOMETHING_NEW', message: 'x', range }).zh).toBe('第 5 行第 3 列：YAML 语法错误');
  });
});
