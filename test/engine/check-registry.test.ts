// The check registry (rules/checks/, issue 15 item 3): every kind of check the three rule sets'
// catalogues use has an entry, every code an entry may report has a docs page, and what a
// handler reports on the bundled dossiers (with mistakes) and the corpora stays within its
// declared codes.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { ALL_CODES, type Code } from '../../server/src/engine/codes';
import { RULE_DOCS } from '../../server/src/engine/rule-docs';
import { CHECKS, type CheckEntry, type SectionCheck, type SectionCheckKind } from '../../server/src/engine/rules/checks';
import { RULESETS } from '../../server/src/engine/rulesets';
import type { Check } from '../../server/src/engine/rulesets/types';
import { checkFiles } from '../helpers';

const ROOT = path.join(__dirname, '..', '..');
const REQUIREMENT_LEVEL = new Set<Check['kind']>(['statement', 'applies-when']);

/** Every check of every requirement of every rule set, with where it comes from. */
function catalogueChecks(): { ruleset: string; requirement: string; check: Check }[] {
  return RULESETS.flatMap((rs) => rs.kinds.flatMap((k) => k.requirements.flatMap((r) => (r.checks ?? []).map((check) => ({ ruleset: rs.id, requirement: r.id, check })))));
}

describe('check registry', () => {
  test('every section check kind of the catalogues has an entry, and the catalogues use every entry', () => {
    const used = new Set(catalogueChecks().map((x) => x.check.kind));
    const section = [...used].filter((k) => !REQUIREMENT_LEVEL.has(k));
    for (const k of section) expect(Object.hasOwn(CHECKS, k), k).toBe(true);
    // An entry no catalogue uses would be dead code (a kind is added when a rule set needs it).
    expect(Object.keys(CHECKS).sort()).toEqual(section.sort());
  });

  test('every code an entry may report, for each catalogue check, is a known code with a docs page', () => {
    const missing: string[] = [];
    for (const { ruleset, requirement, check } of catalogueChecks()) {
      if (REQUIREMENT_LEVEL.has(check.kind)) continue;
      const c = check as SectionCheck;
      const codes = (CHECKS[c.kind] as CheckEntry<SectionCheckKind>).codes(c);
      expect(codes.length, `${ruleset} ${requirement} ${c.kind}`).toBeGreaterThan(0);
      for (const code of codes) {
        if (!ALL_CODES.includes(code) || !RULE_DOCS[code]?.what.en || !fs.existsSync(path.join(ROOT, 'docs', 'rules', `${code}.md`))) missing.push(`${ruleset} ${requirement} ${c.kind}: ${code}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('handlers report only their declared codes', () => {
  // Wrap each entry's handler to record what it adds to the findings of its group's files.
  const seen = new Map<SectionCheckKind, Set<Code>>();
  const stray: string[] = [];
  const originals = new Map<SectionCheckKind, CheckEntry<SectionCheckKind>['run']>();
  for (const kind of Object.keys(CHECKS) as SectionCheckKind[]) {
    const entry = CHECKS[kind] as CheckEntry<SectionCheckKind>;
    const run = entry.run;
    originals.set(kind, run);
    entry.run = (group, r, sec, c, cond) => {
      const before = group.files.map((f) => f.findings.length);
      run(group, r, sec, c, cond);
      const declared = new Set(entry.codes(c));
      group.files.forEach((f, i) => {
        for (const x of f.findings.slice(before[i])) {
          if (!seen.has(kind)) seen.set(kind, new Set());
          seen.get(kind)!.add(x.code);
          if (!declared.has(x.code)) stray.push(`${kind} (${r.id}): ${x.code}`);
        }
      });
    };
  }
  afterAll(() => {
    for (const [kind, run] of originals) (CHECKS[kind] as CheckEntry<SectionCheckKind>).run = run;
  });

  function read(dir: string, rel = ''): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of fs.readdirSync(path.join(ROOT, dir, rel), { withFileTypes: true })) {
      const r = path.join(rel, e.name);
      if (e.isDirectory()) Object.assign(out, read(dir, r));
      else if (/\.(md|ya?ml|json)$/.test(e.name)) out[r] = fs.readFileSync(path.join(ROOT, dir, r), 'utf8');
    }
    return out;
  }

  test('on the bundled dossiers with mistakes and the corpora', () => {
    const dossiers = ['examples/nmpa-2017/monitor-with-mistakes', 'examples/fda-premarket-2025/infusion-pump-with-mistakes', 'test/corpus/nmpa-2017', 'test/corpus/nmpa-2022', 'test/corpus/fda-premarket-2025'];
    for (const d of dossiers) checkFiles(read(d), { today: '2026-12-07' });
    expect(stray).toEqual([]);
    // The dossiers exercise table kinds and text kinds alike: the wrapper saw their findings.
    expect([...seen.keys()]).toEqual(expect.arrayContaining(['listing-table', 'capabilities', 'requires-words']));
  });
});
