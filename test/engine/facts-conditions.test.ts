// facts.ts: condition evaluation, one evaluator per condition kind, three-valued ("an invalid
// value decides nothing"), over the facts of real frontmatter and the 2022 rule set's conditions.
import { describe, expect, test } from 'vitest';
import { conditionKind, evaluate, type ConditionContext } from '../../server/src/engine/facts/facts';
import { mergeFacts } from '../../server/src/engine/facts/merge';
import { validate } from '../../server/src/engine/facts/schema';
import { loadYaml } from '../../server/src/engine/facts/yaml';
import { getRuleSet } from '../../server/src/engine/rulesets';
import { cyberLevelLower, levelMinor, levelModerate } from '../../server/src/engine/rulesets/nmpa-2022/conditions';
import type { Condition } from '../../server/src/engine/rulesets/types';
import { LineIndex } from '../../server/src/engine/text';

function ctxOf(guideline: string, yaml: string, extra: Partial<ConditionContext> = {}): ConditionContext {
  const y = loadYaml(yaml, 0, new LineIndex(yaml));
  return { facts: mergeFacts(validate(y.root!, getRuleSet(guideline)!.schema), undefined), ...extra };
}
const pump = ctxOf('nmpa-2017', `document: cybersecurity-description
data:
  types: [health, device]
functions:
  exchange: bidirectional
  remote_control: realtime
interfaces:
  network:
    dedicated_wireless: true
    protocols:
      - { name: HL7 v2.6, kind: standard }
      - { name: IPX 输液控制协议 v2.0, kind: custom }
`);
const v = (c: Condition, ctx = pump) => evaluate(c, ctx);

test('the kind of a condition is its first recognised key', () => {
  expect(conditionKind({ fact: 'a', equals: 'b' })).toBe('equals');
  expect(conditionKind({ not: { always: true } })).toBe('not');
  expect(conditionKind(levelModerate)).toBe('ordinal');
  expect(conditionKind({ fact: 'a', known: true, equals: 1 } as unknown as Condition)).toBe('known');
});

describe('fact conditions', () => {
  test('equals, in, includes, present, nonEmpty, anyItem name the fact that made them hold', () => {
    expect(v({ fact: 'functions.remote_control', equals: 'realtime' })).toEqual({ value: true, because: [{ fact: 'functions.remote_control', value: 'realtime' }] });
    expect(v({ fact: 'functions.exchange', in: ['bidirectional', 'outbound'] }).value).toBe(true);
    expect(v({ fact: 'data.types', includes: 'health' })).toEqual({ value: true, because: [{ fact: 'data.types', value: 'health' }] });
    expect(v({ fact: 'data.types', nonEmpty: true }).because).toEqual([{ fact: 'data.types', value: '[health, device]' }]);
    expect(v({ fact: 'interfaces.network', present: true }).because).toEqual([{ fact: 'interfaces.network', value: 'present' }]);
    expect(v({ fact: 'interfaces.network.protocols', anyItem: { key: 'kind', equals: 'custom' } }).because).toEqual([
      { fact: 'interfaces.network.protocols', value: 'IPX 输液控制协议 v2.0 (kind: custom)' },
    ]);
  });
  test('false on absent facts, true for absent', () => {
    expect(v({ fact: 'functions.remote_control', equals: 'none' }).value).toBe(false);
    expect(v({ fact: 'uses', includes: 'clinical' }).value).toBe(false);
    expect(v({ fact: 'uses', absent: true })).toEqual({ value: true, because: [] });
    expect(v({ fact: 'uses', known: true }).value).toBeUndefined();
    expect(v({ fact: 'data.types', known: true }).value).toBe(true);
  });
  test('an invalid value, or a list with an invalid item, decides nothing', () => {
    const bad = ctxOf('nmpa-2017', 'functions:\n  remote_control: sometimes\ndata:\n  types: [health, gossip]\n');
    expect(v({ fact: 'functions.remote_control', equals: 'realtime' }, bad).value).toBeUndefined();
    expect(v({ fact: 'functions.remote_control', absent: true }, bad).value).toBeUndefined();
    expect(v({ fact: 'functions.remote_control', present: true }, bad).value).toBeUndefined();
    expect(v({ fact: 'data.types', includes: 'device' }, bad).value).toBeUndefined();
    expect(v({ fact: 'data.types', includes: 'health' }, bad).value).toBe(true);
    expect(v({ fact: 'data', absent: true }, bad).value).toBeUndefined();
  });
});

describe('combinators are three-valued', () => {
  const unknown: Condition = { fact: 'functions.remote_control', equals: 'realtime' };
  const bad = ctxOf('nmpa-2017', 'functions:\n  remote_control: sometimes\n  exchange: bidirectional\n');
  const yes: Condition = { fact: 'functions.exchange', equals: 'bidirectional' };
  const no: Condition = { fact: 'functions.exchange', equals: 'none' };
  test('all: a false part decides, else an unknown one; any: a true part decides', () => {
    expect(v({ all: [yes, unknown, no] }, bad).value).toBe(false);
    expect(v({ all: [yes, unknown] }, bad).value).toBeUndefined();
    expect(v({ any: [no, unknown, yes] }, bad)).toEqual({ value: true, because: [{ fact: 'functions.exchange', value: 'bidirectional' }] });
    expect(v({ any: [no, unknown] }, bad).value).toBeUndefined();
    expect(v({ not: unknown }, bad).value).toBeUndefined();
    expect(v({ not: no }, bad)).toEqual({ value: true, because: [] });
    expect(v({ all: [yes, { always: true }] }, bad).because).toEqual([{ fact: 'functions.exchange', value: 'bidirectional' }]);
  });
});

describe('ordered levels (2022)', () => {
  const lower = ctxOf('nmpa-2022', 'software:\n  safety_level: major\n  cybersecurity_level: minor\n');
  test('ordinal reads the first valid fact; compare needs both', () => {
    expect(v(levelMinor, lower)).toEqual({ value: true, because: [{ fact: 'software.cybersecurity_level', value: 'minor' }] });
    expect(v(levelModerate, lower).value).toBe(false);
    expect(v(levelModerate, ctxOf('nmpa-2022', 'software:\n  safety_level: major\n')).because).toEqual([{ fact: 'software.safety_level', value: 'major' }]);
    expect(v(cyberLevelLower, lower).because).toEqual([
      { fact: 'software.cybersecurity_level', value: 'minor' },
      { fact: 'software.safety_level', value: 'major' },
    ]);
    expect(v(cyberLevelLower, ctxOf('nmpa-2022', 'software:\n  safety_level: major\n')).value).toBe(false);
    expect(v(levelModerate, ctxOf('nmpa-2022', 'software:\n  cybersecurity_level: severe\n  safety_level: major\n')).value).toBeUndefined();
  });
});

describe('dossier conditions read the context', () => {
  const rows = (r: boolean | undefined | 'unknown') => ({ ...pump, tableRows: () => r });
  test('tableHasRows, tableListsNone, answeredIn', () => {
    expect(v({ tableHasRows: ['D1.5'] }, rows(true))).toEqual({ value: true, because: [{ table: 'D1.5' }] });
    expect(v({ tableHasRows: ['D1.5'] }, rows(undefined)).value).toBe(false);
    expect(v({ tableHasRows: ['D1.5'] }, rows('unknown')).value).toBeUndefined();
    expect(v({ tableListsNone: ['D1.5'] }, rows(false))).toEqual({ value: true, because: [{ table: 'D1.5' }] });
    expect(v({ tableListsNone: ['D1.5'] }, rows(undefined)).value).toBe(false);
    expect(v({ answeredIn: ['R3'] }, { ...pump, answered: () => true })).toEqual({ value: true, because: [{ table: 'R3' }] });
    expect(v({ answeredIn: ['R3'] }, { ...pump, answered: () => 'unknown' }).value).toBeUndefined();
    expect(v({ answeredIn: ['R3'] }, pump).value).toBe(false);
  });
});
