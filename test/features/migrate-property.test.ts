// The migration keeps every word: generated 2017 documents (random subsets of the 2017 headings
// in several numbering styles and depths, Chinese and English prose, tables, 不适用 answers,
// frontmatter variants) migrate without throwing into edits that are sorted and disjoint, whose
// result contains every original line; heading lines change only in their `#` run, their decimal
// number and — for the §13 renames — their title; the frontmatter changes only in the values
// §13 replaces. Migrating the result again plans nothing.

import * as path from 'node:path';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { Engine } from '../../server/src/engine/engine';
import { ChunkCache } from '../../server/src/engine/model';
import { getRuleSet } from '../../server/src/engine/rulesets';
import { LineIndex, normalize, stripNumbering } from '../../server/src/engine/text';
import { applyEdits, planMigration, type MigrationEdit } from '../../server/src/features/migrate';
import { disjoint, toOffsets } from '../../server/src/features/migrate/edits';
import { KIND_MAPS } from '../../server/src/features/migrate/mapping';
import { requirementKeys } from '../../server/src/engine/match';
import { memHost, ROOT } from '../helpers';

const SEED = Number(process.env.FUZZ_SEED ?? 20261128);
const RUNS = Number(process.env.MIGRATE_RUNS ?? 24);
const FILE = path.join(ROOT, 'doc.md');
const kinds2017 = getRuleSet('nmpa-2017')!.kinds;

/**
 * Titles the migration may replace: a 2017 section's title when §13 renames it, or when 2022 does
 * not know that title for the requirement the section becomes (a 2017-only synonym).
 */
const renamable = new Set(
  KIND_MAPS.flatMap((m) => {
    const k17 = kinds2017.find((x) => x.id === m.from);
    const k22 = getRuleSet('nmpa-2022')!.kinds.find((x) => x.id === m.to({}));
    return Object.entries(m.rows).flatMap(([id, row]) => {
      const r = k17?.requirements.find((x) => x.id === id);
      const target = k22?.requirements.find((x) => x.id === row.to);
      if (!r || !target) return [];
      const known = requirementKeys(target, {});
      return [r.title.zh, r.title.en, ...r.synonyms].map(normalize).filter((t) => row.rename || !known.has(t));
    });
  }),
);
/** Frontmatter values §13 replaces (kinds, guideline, data type), in every spelling generated. */
const REPLACED_VALUES = ['cybersecurity-description', 'patch-description', '网络安全描述文档', '常规安全补丁描述文档', 'nmpa-2017', 'health', '健康数据'];

// ---- generators ---------------------------------------------------------------------------------

const KINDS = ['cybersecurity-description', 'patch-description', 'instructions-for-use', 'technical-requirements', 'authenticity-statement'];
const KIND_SPELLING: Record<string, string[]> = {
  'cybersecurity-description': ['cybersecurity-description', '网络安全描述文档'],
  'patch-description': ['patch-description', '常规安全补丁描述文档'],
  'instructions-for-use': ['instructions-for-use', '说明书'],
  'technical-requirements': ['technical-requirements'],
  'authenticity-statement': ['authenticity-statement'],
};

const frontmatterOf = (kind: string) =>
  fc
    .record({
      spelling: fc.constantFrom(...KIND_SPELLING[kind]),
      guideline: fc.constantFrom('', 'guideline: nmpa-2017\n'),
      submission: fc.constantFrom('initial-registration', 'change', 'renewal', '变更注册'),
      updates: fc.constantFrom('', 'updates: [minor]\n', 'updates: [major]   # 重大\n', 'updates:\n  - none\n'),
      types: fc.constantFrom('data:\n  types: [health, device]\n', 'data:\n  types:\n    - 健康数据  # 注释\n    - device\n', 'data: { types: [device] }\n', ''),
      functions: fc.constantFrom('functions:\n  exchange: bidirectional\n  remote_control: none\n', 'functions: { exchange: unidirectional }\n', ''),
      comment: fc.constantFrom('', '# 共享事实见 dossier.yaml\n'),
    })
    .map((f) => `---\n${f.comment}document: ${f.spelling}\n${f.guideline}submission: ${f.submission}\n${f.updates}product:\n  name: 测试监护仪\n  class: II\n  software_version: V1.0.0.1\n${f.types}${f.functions}---\n`);

const ALPHABET = [...'abcxyz 患者数据监护仪风险测试网络安全，。：的 ABC123-_()'];
const words = fc.array(fc.constantFrom(...ALPHABET), { minLength: 1, maxLength: 30 }).map((cs) => cs.join('').trim() || 'x');
const sentence = fc.oneof(
  fc.constantFrom('不适用。', '不适用，理由：本产品无远程控制功能。', 'Not applicable: the device has no network.', '见 SR-001 与 TC-001。', '- 健康数据：患者姓名、病历号。', '1. 第一步', '> 引用：临床应用', 'The device stores patient data encrypted (AES-256).', '正文：无线模块已取得无线电型号核准证。'),
  words,
);
const table = fc.tuple(fc.integer({ min: 2, max: 4 }), fc.array(words, { minLength: 1, maxLength: 8 })).map(([cols, cells]) => {
  const row = (i: number) => `| ${Array.from({ length: cols }, (_, c) => cells[(i * cols + c) % cells.length]).join(' | ')} |`;
  return [`| ${['名称', '完整版本', '说明', '备注'].slice(0, cols).join(' | ')} |`, `|${' --- |'.repeat(cols)}`, row(0), row(1)].join('\n');
});
const body = fc.array(fc.oneof({ weight: 4, arbitrary: sentence }, { weight: 1, arbitrary: table }), { maxLength: 3 });

const NUMBERING = ['', 'decimal', '一、', '（一）'];

const documentOf = (kind: string) => {
  const reqs = kinds2017.find((k) => k.id === kind)!.requirements;
  const section = fc.record({
    req: fc.constantFrom(...reqs),
    spelling: fc.nat(3),
    random: fc.option(words, { freq: 6 }),
    depthDelta: fc.integer({ min: -1, max: 1 }),
    body,
  });
  return fc.tuple(frontmatterOf(kind), fc.constantFrom(...NUMBERING), fc.boolean(), fc.array(section, { minLength: 1, maxLength: 12 }), fc.boolean()).map(([fm, style, h1, sections, trailingNewline]) => {
    const out: string[] = [fm];
    if (h1) out.push('# 测试监护仪 网络安全资料', '');
    const counters: number[] = [];
    let depth = h1 ? 2 : 1;
    const seen = new Set<string>();
    for (const s of sections) {
      // A 2017 section appears once (the engine reports duplicates; the migration is not for them).
      const level = Math.max(1, s.req.id.split('.').length);
      depth = Math.min(6, Math.max(h1 ? 2 : 1, (h1 ? 1 : 0) + level + (s.random ? s.depthDelta : 0)));
      const titles = [s.req.title.zh, s.req.title.en, ...s.req.synonyms];
      const title = s.random ?? titles[s.spelling % titles.length];
      if (!s.random && seen.has(s.req.id)) continue;
      seen.add(s.req.id);
      const d = depth - (h1 ? 2 : 1);
      counters.length = d + 1;
      counters[d] = (counters[d] ?? 0) + 1;
      for (let i = 0; i < d; i++) counters[i] ??= 1;
      const num = style === 'decimal' ? `${counters.join('.')} ` : style === '' ? '' : d === 0 ? `${'一二三四五六七八九十'[(counters[0] - 1) % 10]}、` : `（${'一二三四五六七八九十'[(counters[d] - 1) % 10]}）`;
      out.push(`${'#'.repeat(depth)} ${num}${title}`, '');
      for (const b of s.body) out.push(b, '');
    }
    const text = out.join('\n').replace(/\n+$/, '\n');
    return trailingNewline ? text : text.replace(/\n$/, '');
  });
};

const documents = fc.constantFrom(...KINDS).chain(documentOf);

// ---- the properties ------------------------------------------------------------------------------

function plan(text: string) {
  const engine = new Engine({ host: memHost({ 'doc.md': text, '.cyberdossierrc.yaml': "dossierGlobs: ['**/*.md']\n" }), chunkCache: new ChunkCache() });
  return planMigration(engine, FILE)?.files.find((f) => f.path === FILE);
}

function sortedDisjoint(text: string, edits: MigrationEdit[]): boolean {
  const o = toOffsets(new LineIndex(text), edits);
  for (let i = 1; i < o.length; i++) if (o[i].start < o[i - 1].end) return false;
  return disjoint(o);
}

function split(text: string): { fm: string; lines: string[] } {
  const m = /^---\n([\s\S]*?)\n---(\n|$)/.exec(text);
  return { fm: m ? m[1] : '', lines: text.slice(m ? m[0].length : 0).split('\n') };
}

function isSubsequence(small: string, big: string): boolean {
  let i = 0;
  for (let j = 0; j < big.length && i < small.length; j++) if (big[j] === small[i]) i++;
  return i === small.length;
}

const HEADING = /^#{1,6} (?:\d{1,3}(?:\.\d{1,3})*(?!\d)\s*)?(.*)$/;

function countOf(lines: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const l of lines) m.set(l, (m.get(l) ?? 0) + 1);
  return m;
}

function keepsEveryWord(before: string, after: string): void {
  const a = split(before);
  const b = split(after);
  // Frontmatter: only the §13 values are replaced; everything else survives in order.
  let fm = a.fm;
  for (const v of REPLACED_VALUES) fm = fm.split(v).join('');
  expect(isSubsequence(fm, b.fm), `frontmatter kept:\n${a.fm}\n→\n${b.fm}`).toBe(true);
  // Body lines survive verbatim, as many times as they occur (moves only reorder sections).
  const bodyA = countOf(a.lines.filter((l) => l.trim() && !HEADING.test(l)));
  const bodyB = countOf(b.lines.filter((l) => l.trim() && !HEADING.test(l)));
  for (const [l, n] of bodyA) expect(bodyB.get(l) ?? 0, `line kept: ${l}`).toBeGreaterThanOrEqual(n);
  // Heading lines: the text after the `#` run and the decimal number survives, but for renames.
  const headsA = a.lines.map((l) => HEADING.exec(l)?.[1]).filter((x): x is string => x !== undefined && !renamable.has(normalize(stripNumbering(x))));
  const headsB = countOf(b.lines.map((l) => HEADING.exec(l)?.[1]).filter((x): x is string => x !== undefined));
  for (const [h, n] of countOf(headsA)) expect(headsB.get(h) ?? 0, `heading kept: ${h}`).toBeGreaterThanOrEqual(n);
  // Within each original section the body keeps its order (a move carries it whole).
  const sections = before.slice(before.indexOf('\n---', 3) + 4).split(/\n(?=#{1,6} )/);
  for (const s of sections) {
    const text = s.split('\n').slice(1).filter((l) => l.trim()).join('\n');
    if (text) expect(isSubsequence(text, after), `section body kept in order: ${text.slice(0, 40)}`).toBe(true);
  }
}

test('migrating generated 2017 documents keeps every word, edits are sorted and disjoint, and a second run plans nothing', () => {
  fc.assert(
    fc.property(documents, (text) => {
      const f = plan(text);
      expect(f, 'every generated 2017 document is a dossier the migration plans').toBeDefined();
      if (!f) return;
      for (const [step, edits] of Object.entries(f.steps)) if (edits) expect(sortedDisjoint(text, edits), `${step}: sorted, disjoint`).toBe(true);
      expect(sortedDisjoint(text, f.all), 'all: sorted, disjoint').toBe(true);
      const result = applyEdits(text, f.all);
      expect(result).toBe(f.result);
      keepsEveryWord(text, result);
      const again = plan(result);
      expect(again?.all ?? [], 'idempotent').toEqual([]);
    }),
    { seed: SEED, numRuns: RUNS },
  );
}, 60_000);

test('the generator covers what it claims: 2017 kinds, renamed titles, several numbering styles', () => {
  const sample = fc.sample(documents, { seed: SEED, numRuns: RUNS });
  const kinds = new Set(sample.map((t) => /document: (\S+)/.exec(t)?.[1]));
  expect(kinds.size).toBeGreaterThanOrEqual(5);
  expect(sample.some((t) => t.split('\n').some((l) => HEADING.test(l) && renamable.has(normalize(stripNumbering(HEADING.exec(l)![1])))))).toBe(true);
  expect(sample.some((t) => /^#+ \d+(\.\d+)* /m.test(t)) && sample.some((t) => /^#+ (一、|（一）)/m.test(t))).toBe(true);
});
