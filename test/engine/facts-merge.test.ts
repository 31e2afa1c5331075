// facts/merge.ts: a file's validated frontmatter deep-merged over its dossier.yaml, the origin of
// every value, and the lookup of one fact (valid, absent or invalid) that conditions read.
import { describe, expect, test } from 'vitest';
import { factPosition, getFact, mergeFacts } from '../../server/src/engine/facts/merge';
import { validate, type Validated } from '../../server/src/engine/facts/schema';
import { loadYaml } from '../../server/src/engine/facts/yaml';
import { getRuleSet } from '../../server/src/engine/rulesets';
import { LineIndex } from '../../server/src/engine/text';

const schema = getRuleSet('nmpa-2017')!.schema;
function validated(yaml: string, forbid?: string[]): Validated {
  const y = loadYaml(yaml, 0, new LineIndex(yaml));
  expect(y.problems).toEqual([]);
  return validate(y.root!, schema, { forbid });
}

const dossier = validated(`product:
  name: 智能输液泵系统
  model: IP-600
  class: III
data:
  types: [health, device]
functions:
  exchange: bidirectional
  remote_control: realtime
interfaces:
  network:
    wired: true
    wireless: true
`, ['document']);

describe('mergeFacts', () => {
  test('mappings merge key by key; the file wins and every value records where it came from', () => {
    const file = validated(`document: cybersecurity-description
product:
  software_version: V3.0.2.118
functions:
  remote_control: none
`);
    const f = mergeFacts(file, dossier);
    expect(f.values.product).toEqual({ name: '智能输液泵系统', model: 'IP-600', class: 'III', software_version: 'V3.0.2.118' });
    expect(f.values.functions).toEqual({ exchange: 'bidirectional', remote_control: 'none' });
    expect(f.origin.get('product')).toBe('file');
    expect(f.origin.get('product.name')).toBe('dossier');
    expect(f.origin.get('product.software_version')).toBe('file');
    expect(f.origin.get('functions.remote_control')).toBe('file');
    expect(f.origin.get('interfaces.network.wired')).toBe('dossier');
    expect(f.origin.get('document')).toBe('file');
  });

  test('a list in the file replaces the dossier’s list as a whole', () => {
    const f = mergeFacts(validated('data:\n  types: [device]\n'), dossier);
    expect(f.values.data).toEqual({ types: ['device'] });
    expect(f.origin.get('data.types')).toBe('file');
  });

  test('a dossier value the file sets validly is no longer invalid; the file’s own invalid values stay', () => {
    const badDossier = validated('functions:\n  remote_control: sometimes\n', ['document']);
    expect([...badDossier.invalid]).toEqual(['functions.remote_control']);
    expect(mergeFacts(validated('functions:\n  remote_control: realtime\n'), badDossier).invalid.size).toBe(0);
    expect([...mergeFacts(undefined, badDossier).invalid]).toEqual(['functions.remote_control']);
    expect([...mergeFacts(validated('product:\n  class: IV\n'), badDossier).invalid]).toEqual(['functions.remote_control', 'product.class']);
  });
});

describe('getFact', () => {
  const file = validated(`document: cybersecurity-description
interfaces:
  network:
    protocols:
      - { name: HL7 v2.6, kind: standard }
      - { name: IPX, kind: proprietary }
`);
  const f = mergeFacts(file, dossier);
  test('valid values by dotted path, list items by index', () => {
    expect(getFact(f, 'functions.exchange')).toEqual({ status: 'valid', value: 'bidirectional' });
    expect(getFact(f, 'interfaces.network.protocols.0.name')).toEqual({ status: 'valid', value: 'HL7 v2.6' });
    expect(getFact(f, 'data.types')).toEqual({ status: 'valid', value: ['health', 'device'] });
  });
  test('absent paths, including below a scalar and past a list’s end', () => {
    expect(getFact(f, 'product.software_version')).toEqual({ status: 'absent' });
    expect(getFact(f, 'product.name.first')).toEqual({ status: 'absent' });
    expect(getFact(f, 'interfaces.network.protocols.5.name')).toEqual({ status: 'absent' });
  });
  test('a path at or below an invalid value is invalid', () => {
    expect(getFact(f, 'interfaces.network.protocols.1.kind')).toEqual({ status: 'invalid' });
    expect(getFact(f, 'interfaces.network.protocols.1')).toEqual({ status: 'valid', value: { name: 'IPX' } });
  });
});

test('factPosition: the file’s position first, else dossier.yaml’s', () => {
  const f = mergeFacts(validated('functions:\n  remote_control: none\n'), dossier);
  expect(factPosition(f, 'functions.remote_control')).toEqual({
    origin: 'file',
    key: { start: { line: 1, character: 2 }, end: { line: 1, character: 16 } },
    value: { start: { line: 1, character: 18 }, end: { line: 1, character: 22 } },
  });
  expect(factPosition(f, 'product.model')?.origin).toBe('dossier');
  expect(factPosition(f, 'product.model')?.value.start).toEqual({ line: 2, character: 9 });
  expect(factPosition(f, 'uses')).toBeUndefined();
});
