// CVSS v3.0 / v3.1 base scores from vectors (OSV gives the vector only), by the formulas of the
// CVSS v3.1 specification §7 (Roundup as in Appendix A), and the qualitative severity scale
// (§5) the NMPA count table uses: critical ≥ 9.0, high ≥ 7.0, medium ≥ 4.0, low ≥ 0.1.

export type CvssLevel = 'critical' | 'high' | 'medium' | 'low' | 'none';

export interface Cvss {
  version: string;
  score: number;
  vector: string;
}

const W: Record<string, Record<string, number>> = {
  AV: { N: 0.85, A: 0.62, L: 0.55, P: 0.2 },
  AC: { L: 0.77, H: 0.44 },
  UI: { N: 0.85, R: 0.62 },
  C: { H: 0.56, L: 0.22, N: 0 },
  I: { H: 0.56, L: 0.22, N: 0 },
  A: { H: 0.56, L: 0.22, N: 0 },
};

function roundup(x: number): number {
  const i = Math.round(x * 100000);
  return i % 10000 === 0 ? i / 100000 : (Math.floor(i / 10000) + 1) / 10;
}

/** The base score of a CVSS:3.x vector, or undefined when it is not one (missing or unknown metrics). */
export function cvss3BaseScore(vector: string): Cvss | undefined {
  const m = /^CVSS:(3\.[01])\/(.+)$/.exec(vector.trim());
  if (!m) return undefined;
  const v: Record<string, string> = {};
  for (const part of m[2].split('/')) {
    const [k, val] = part.split(':');
    if (k && val) v[k] = val;
  }
  const S = v.S;
  const PR = v.PR;
  if (S !== 'U' && S !== 'C') return undefined;
  const pr = PR === 'N' ? 0.85 : PR === 'L' ? (S === 'C' ? 0.68 : 0.62) : PR === 'H' ? (S === 'C' ? 0.5 : 0.27) : undefined;
  const get = (k: string) => W[k][v[k]];
  const [av, ac, ui, c, i, a] = ['AV', 'AC', 'UI', 'C', 'I', 'A'].map(get);
  if ([av, ac, ui, c, i, a, pr].some((x) => x === undefined)) return undefined;
  const iss = 1 - (1 - c) * (1 - i) * (1 - a);
  const impact = S === 'U' ? 6.42 * iss : 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15);
  const exploitability = 8.22 * av * ac * pr! * ui;
  const score = impact <= 0 ? 0 : S === 'U' ? roundup(Math.min(impact + exploitability, 10)) : roundup(Math.min(1.08 * (impact + exploitability), 10));
  return { version: m[1], score, vector: vector.trim() };
}

export function levelOf(score: number): CvssLevel {
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  if (score > 0) return 'low';
  return 'none';
}

/** A severity word (GHSA `database_specific.severity`, NVD `baseSeverity`) → a level. */
export function levelOfWord(w: unknown): CvssLevel | undefined {
  if (typeof w !== 'string') return undefined;
  const s = w.toLowerCase();
  if (s === 'critical') return 'critical';
  if (s === 'high') return 'high';
  if (s === 'medium' || s === 'moderate') return 'medium';
  if (s === 'low') return 'low';
  return undefined;
}
