import { describe, expect, it } from 'vitest';
import { CROSSWALKS, findCrosswalk } from '../../server/src/engine/rulesets/crosswalk';
import { getRuleSet } from '../../server/src/engine/rulesets';
import { unmappedTargets } from '../../server/src/features/crosswalk';

describe('crosswalk data', () => {
  for (const x of CROSSWALKS) {
    const source = getRuleSet(x.source)!;
    const target = getRuleSet(x.target)!;
    const sourceIds = new Set(source.kinds.flatMap((k) => k.requirements.map((r) => r.id)));
    const targetIds = new Set(target.kinds.flatMap((k) => k.requirements.map((r) => r.id)));
    const targetPrefixes = new Set(target.kinds.map((k) => k.prefix));

    it(`${x.id}: both rule sets exist`, () => {
      expect(source).toBeDefined();
      expect(target).toBeDefined();
    });

    it(`${x.id}: every source ID exists, once, in catalogue order; every target ID or kind exists`, () => {
      for (const r of x.rows) {
        expect(sourceIds.has(r.from), r.from).toBe(true);
        for (const t of r.to) expect(targetIds.has(t) || targetPrefixes.has(t), `${r.from} → ${t}`).toBe(true);
      }
      const froms = x.rows.map((r) => r.from);
      expect(new Set(froms).size).toBe(froms.length);
      const order = source.kinds.flatMap((k) => k.requirements.map((r) => r.id));
      expect([...froms].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(froms);
    });

    it(`${x.id}: every requirement of the compared kinds has a row`, () => {
      for (const k of x.kinds) {
        const kind = source.kinds.find((q) => q.prefix === k.prefix)!;
        expect(kind, k.prefix).toBeDefined();
        for (const r of kind.requirements) expect(x.rows.some((row) => row.from === r.id), r.id).toBe(true);
        if (k.mirror) {
          const m = source.kinds.find((q) => q.prefix === k.mirror!.prefix)!;
          expect(m.requirements.map((r) => r.id)).toEqual(kind.requirements.map((r) => r.id.replace(k.prefix, k.mirror!.prefix)));
        }
      }
    });

    it(`${x.id}: every row with no counterpart says why (its note is the report's explanation)`, () => {
      const bare = x.rows.filter((r) => !r.to.length && !(r.note?.zh && r.note?.en)).map((r) => r.from);
      expect(bare).toEqual([]);
    });

    // Only a crosswalk that maps capabilities gets this test (no vacuous pass for the others).
    const caps = x.capabilities;
    if (caps) it(`${x.id}: capability rows name the source set's capabilities and target categories or IDs`, () => {
      const from = source.kinds.flatMap((k) => k.requirements).find((r) => r.id === caps.from)!;
      const to = target.kinds.flatMap((k) => k.requirements).find((r) => r.id === caps.to)!;
      const setOf = (r: typeof from) => r.checks!.flatMap((c) => (c.kind === 'capabilities' ? [c.set] : []))[0];
      const sourceCaps = source.capabilities[setOf(from)].map((c) => c.code);
      const targetCaps = new Set(target.capabilities[setOf(to)].map((c) => c.code));
      expect(caps.rows.map((r) => r.capability)).toEqual(sourceCaps);
      for (const r of caps.rows) for (const t of r.to) expect(targetCaps.has(t) || targetIds.has(t), `${r.capability} → ${t}`).toBe(true);
    });
  }

  it('NMPA 2022 ↔ FDA: Table B is the 53 IDs of §12', () => {
    const x = findCrosswalk('fda-premarket-2025', 'nmpa-2022')!;
    expect(x.swapped).toBe(true);
    const ids = unmappedTargets(x.crosswalk);
    expect(ids.join(', ')).toBe(
      'K1.1, K1.3, K2.1, K2.2, K2.3, K2.4, K3.1, K3.2, K3.3, K4, K5.1, K6.2, K7, K7.1, K8, K8.1, K8.2, K8.2.1, K8.2.2, K8.2.3, B2.2, E1.1, E3.2, E3.4, E3.5, E3.7, E3.8.1, E4.1, E4.2, E4.3, E4.4, E4.5, L2, L4.1, L7, L8, L12, L13, L14, L15, L16, G1, G3, G4, G5.1, G5.2, G7, H1, H2, H2.1, H2.2, H3, H4',
    );
    expect(ids).toHaveLength(53);
  });
});
