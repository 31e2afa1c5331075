// docs/migration.md carries the section mapping of mapping.ts as a table: it must not drift.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect, test } from 'vitest';
import { getRuleSet } from '../../server/src/engine/rulesets';
import { KIND_MAPS } from '../../server/src/features/migrate/mapping';

/** The table rows docs/migration.md shows, generated from KIND_MAPS and the two rule sets. */
export function mappingRows(): string[] {
  const k17 = getRuleSet('nmpa-2017')!.kinds;
  const k22 = getRuleSet('nmpa-2022')!.kinds;
  const rows = ['| kinds | 2017 | 2017 title | 2022 | 2022 title | heading |', '| --- | --- | --- | --- | --- | --- |'];
  for (const m of KIND_MAPS) {
    const from = k17.find((k) => k.id === m.from)!;
    const to = k22.find((k) => k.id === m.to({}))!;
    const kinds = `${from.prefix} → ${to.prefix}`;
    const entries = Object.entries(m.rows);
    if (!entries.length) rows.push(`| ${kinds} | — | — | — | — | unchanged; new sections as templates |`);
    for (const [id, row] of entries) {
      const r17 = from.requirements.find((r) => r.id === id)!;
      const target = row.to ?? row.under;
      const r22 = target ? to.requirements.find((r) => r.id === target) : undefined;
      const action = row.rename ? 'renamed' : row.under ? `filed under the new ${row.under}` : row.to ? 'kept' : 'kept, no 2022 requirement';
      rows.push(`| ${kinds} | ${id} | ${r17.title.zh} | ${row.to ?? '—'} | ${r22 && row.to ? r22.title.zh : row.under ? `(${r22?.title.zh ?? row.under})` : '—'} | ${action} |`);
    }
  }
  return rows;
}

test('docs/migration.md shows the mapping of mapping.ts', () => {
  const doc = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'migration.md'), 'utf8');
  const m = /<!-- mapping:start -->\n([\s\S]*?)\n<!-- mapping:end -->/.exec(doc);
  expect(m, 'the mapping table markers').toBeTruthy();
  expect(m![1].split('\n')).toEqual(mappingRows());
});
