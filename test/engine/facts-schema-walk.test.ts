// facts/schema-walk.ts and schema-messages.ts: one frontmatter walked against the real rule-set
// schemas, keyword family by keyword family — what is kept, what is invalid, what is said.
import { describe, expect, test } from 'vitest';
import { validate } from '../../server/src/engine/facts/schema';
import { shownNode, typeMessage } from '../../server/src/engine/facts/schema-messages';
import { validElsewhere } from '../../server/src/engine/facts/schema-walk';
import { loadYaml } from '../../server/src/engine/facts/yaml';
import { getRuleSet } from '../../server/src/engine/rulesets';
import { LineIndex } from '../../server/src/engine/text';

const s2017 = getRuleSet('nmpa-2017')!.schema;
const s2022 = getRuleSet('nmpa-2022')!.schema;
const others = [{ id: 'nmpa-2022', schema: s2022 }];
function check(yaml: string, opts: Parameters<typeof validate>[2] = { others }) {
  const y = loadYaml(yaml, 0, new LineIndex(yaml));
  expect(y.problems).toEqual([]);
  return validate(y.root!, s2017, opts);
}
const en = (r: ReturnType<typeof check>) => r.issues.map((i) => `${i.range.start.line}:${i.range.start.character} ${i.target} ${i.message.en}`);

describe('enum', () => {
  test('aliases resolve to the canonical value; a typo gets a did-you-mean on the value', () => {
    const r = check('submission: 产品注册\nfunctions:\n  exchange: bidirectionl\n');
    expect(r.values.submission).toBe('initial-registration');
    expect(r.values.functions).toEqual({});
    expect([...r.invalid]).toEqual(['functions.exchange']);
    expect(r.issues.map((i) => [i.suggestion, i.target])).toEqual([['bidirectional', 'value']]);
    expect(r.issues[0].message.en).toMatch(/^functions\.exchange: "bidirectionl" is not one of .*\. Did you mean bidirectional\?$/);
    expect(r.issues[0].message.zh).toMatch(/^functions\.exchange 的值 "bidirectionl" 无效，应为 .*。您是否想写 bidirectional？$/);
  });
  test('a mapping where an enum value is wanted is shown as a mapping', () => {
    const r = check('functions:\n  exchange: { a: 1 }\n');
    expect(r.issues[0].message.en).toMatch(/^functions\.exchange: a mapping is not one of /);
    expect(r.issues[0].message.zh).toMatch(/^functions\.exchange 的值 映射 无效/);
  });
});

describe('properties and additionalProperties', () => {
  test('an unknown key is reported on the key with a did-you-mean; the rest of the mapping is kept', () => {
    const r = check('product:\n  softwre_version: V3.0.2\n  model: IP-600\n  nmae: IP\n');
    expect(r.values.product).toEqual({ model: 'IP-600' });
    expect(en(r)).toEqual([
      '1:2 key Unknown key product.softwre_version. Did you mean software_version?',
      '3:2 key Unknown key product.nmae (allowed: name, model, class, software_version)',
    ]);
    expect(r.issues.map((i) => i.suggestion)).toEqual(['software_version', undefined]);
    expect(r.positions.get('product.softwre_version')?.value.start).toEqual({ line: 1, character: 19 });
  });
  test('a key forbidden in dossier.yaml is reported as such, without a suggestion', () => {
    const r = check('document: cybersecurity-description\nsubmission: initial-registration\n', { forbid: ['document'] });
    expect(r.values).toEqual({ submission: 'initial-registration' });
    expect(en(r)).toEqual(["0:0 key document does not belong in dossier.yaml; set it in each file's frontmatter"]);
  });
  test('a key of another guideline names it', () => {
    const key = Object.keys(s2022.properties!).find((k) => !s2017.properties![k])!;
    expect(validElsewhere({ others }, '', key, undefined)).toBe('nmpa-2022');
    expect(validElsewhere({ others }, '', 'no_such_key', undefined)).toBeUndefined();
    const r = check(`${key}: x\n`);
    expect(r.issues[0].message.en).toContain(`(valid only under guideline: nmpa-2022; set guideline: nmpa-2022)`);
  });
});

describe('items and minItems, type and format', () => {
  test('an empty list item is reported on the item; the other items stay', () => {
    const r = check('data:\n  types:\n    - health\n    -\n');
    expect(r.values.data).toEqual({ types: ['health'] });
    expect(en(r)).toEqual(['3:5 value data.types has an empty item']);
    expect([...r.invalid]).toEqual(['data.types.1']);
  });
  test('a scalar where a list of enum values is wanted suggests the list', () => {
    const r = check('data:\n  types: health\n');
    expect(r.issues.map((i) => [i.message.en, i.suggestion])).toEqual([['data.types must be a list, not "health". Did you mean [health]?', '[health]']]);
    expect(r.issues[0].message.zh).toBe('data.types 应为列表，实际为 "health"。您是否想写 [health]？');
  });
  test('a list where text or a number is wanted', () => {
    const r = check('product:\n  model: [a, b]\n');
    expect(en(r)).toEqual(['1:9 value product.model must be text or a number, not a list']);
  });
  test('the top level must be a mapping', () => {
    const y = loadYaml('- a\n- b\n', 0, new LineIndex('- a\n- b\n'));
    const r = validate(y.root!, s2017);
    expect([...r.invalid]).toEqual(['']);
    expect(r.issues.map((i) => i.message.en)).toEqual(['The frontmatter must be a mapping of keys to values']);
  });
});

test('messages name kinds of nodes, and several wanted types joined', () => {
  const y = loadYaml('a: 12\nb: [1]\n', 0, new LineIndex('a: 12\nb: [1]\n'));
  const [a, b] = (y.root as Extract<typeof y.root, { kind: 'map' }>).entries.map((e) => e.node);
  expect(shownNode(a)).toEqual({ zh: '12', en: '12' });
  expect(shownNode(b)).toEqual({ zh: '列表', en: 'a list' });
  expect(typeMessage('x', ['string', 'boolean'], shownNode(b), undefined)).toEqual({ zh: 'x 应为文本或true 或 false，实际为 列表', en: 'x must be text or true or false, not a list' });
});
