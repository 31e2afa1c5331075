// Quick fixes keep every word: every code action offered on generated and mutated documents,
// applied, leaves the original text as a subsequence of the result (only insertions), or is
// exactly the replacement it names (a did-you-mean); applying it twice does no harm.

import * as path from 'node:path';
import fc from 'fast-check';
import { afterAll, expect, test } from 'vitest';
import type { Diagnostic as LspDiagnostic, TextEdit } from 'vscode-languageserver-types';
import { Engine } from '../../server/src/engine/engine';
import { ChunkCache } from '../../server/src/engine/model';
import { codeActions } from '../../server/src/features/codeActions';
import { LineIndex } from '../../server/src/engine/text';
import { memHost, ROOT } from '../helpers';
import { fixture } from '../fixtures';
import { document, example2022, mutated, stats } from './arbitraries';

const RUNS = Number(process.env.FUZZ_RUNS ?? 120);
const SEED = Number(process.env.FUZZ_SEED ?? 20261128);
const URI = 'file:///ws/doc.md';
afterAll(() => console.log(`fuzz cases per target: ${JSON.stringify(stats)}`));

// One chunk cache for the whole file, as the language server keeps one: a document, its fixed
// version and the version fixed twice share all but the edited chunks, so only those are parsed
// again. A warm cache gives exactly the facts of a fresh parse (test/fuzz/fuzz.test.ts and
// parse-identity.test.ts prove it); a fresh cache per check only parsed every chunk three times.
const chunks = new ChunkCache();

function diagnostics(text: string): LspDiagnostic[] {
  const host = memHost({ 'doc.md': text, '.cyberdossierrc.yaml': "dossierGlobs: ['**/*.md']\n" });
  const r = new Engine({ host, chunkCache: chunks }).check({ files: [path.join(ROOT, 'doc.md')] }).reports.find((x) => x.path.endsWith('doc.md'));
  return (r?.diagnostics ?? []).map((d) => ({ range: d.range, code: d.code, source: 'cyberdossier', message: d.message.en, data: d.data, severity: 1 }));
}

function apply(text: string, edits: TextEdit[]): string {
  const lines = new LineIndex(text);
  const sorted = [...edits].sort((a, b) => lines.offsetAt(b.range.start) - lines.offsetAt(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, lines.offsetAt(e.range.start)) + e.newText + out.slice(lines.offsetAt(e.range.end));
  return out;
}

function isSubsequence(small: string, big: string): boolean {
  let i = 0;
  for (let j = 0; j < big.length && i < small.length; j++) if (big[j] === small[i]) i++;
  return i === small.length;
}

function checkAllActions(text: string): number {
  let checked = 0;
  const diags = diagnostics(text);
  for (const d of diags) {
    const actions = codeActions({ uri: URI, text, locale: 'zh-CN', diagnostics: [d], today: '2026-11-28' });
    for (const a of actions) {
      (stats['quick fixes'] ??= { cases: 0, failures: 0 }).cases++;
      checked++;
      const edits = a.edit?.changes?.[URI] ?? [];
      const once = apply(text, edits);
      const data = (d.data ?? {}) as { suggestion?: string };
      if ((d.code === 'frontmatter-invalid' || d.code === 'config-invalid') && data.suggestion !== undefined && a.isPreferred) {
        // The named replacement, and nothing else.
        const lines = new LineIndex(text);
        expect(once, a.title).toBe(text.slice(0, lines.offsetAt(d.range.start)) + data.suggestion + text.slice(lines.offsetAt(d.range.end)));
      } else {
        expect(isSubsequence(text, once), `${a.title} only inserts`).toBe(true);
      }
      // Twice: whatever the editor offers again under the same title, applied to the result,
      // still keeps every word of the first result (and the result still checks).
      const again = diagnostics(once)
        .flatMap((d2) => codeActions({ uri: URI, text: once, locale: 'zh-CN', diagnostics: [d2], today: '2026-11-28' }))
        .find((b) => b.title === a.title);
      if (again) {
        const twice = apply(once, again.edit?.changes?.[URI] ?? []);
        if (!(d.code === 'frontmatter-invalid' || d.code === 'config-invalid')) expect(isSubsequence(once, twice), `${a.title} applied twice`).toBe(true);
        expect(() => diagnostics(twice)).not.toThrow();
      }
    }
  }
  return checked;
}

/** Runs the property and asserts it really applied actions (a property over nothing proves nothing). */
function assertActions(arb: fc.Arbitrary<string>, numRuns: number): void {
  let total = 0;
  fc.assert(
    fc.property(arb, (text) => {
      total += checkAllActions(text);
    }),
    { seed: SEED, numRuns },
  );
  expect(total, 'code actions applied').toBeGreaterThanOrEqual(numRuns);
}

test('every action on generated documents keeps every word', () => {
  assertActions(document, Math.ceil(RUNS / 2));
});

test.each(['nmpa-2017/description-full.md', 'nmpa-2017/patch-description.md', 'nmpa-2017/authenticity-statement.md'])('every action on mutations of %s keeps every word', (name) => {
  assertActions(mutated(fixture(name)), Math.ceil(RUNS / 3));
});

test('every action on mutations of the 2022 example keeps every word', () => {
  assertActions(mutated(example2022()), Math.ceil(RUNS / 3));
});
