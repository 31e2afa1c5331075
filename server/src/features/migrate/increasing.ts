// The order-keeping core of the structure planner: which sections keep their place.

/**
 * Indices (into `values`) of the increasing subsequence with the largest total weight.
 * `values` are distinct integers in [0, size). O(n log n) with a Fenwick tree of maxima.
 */
export function heaviestIncreasing(values: number[], weights: number[], size: number): number[] {
  const tree = new Array<number>(size + 1).fill(0);
  const at = new Array<number>(size + 1).fill(-1);
  const best = new Array<number>(values.length).fill(0);
  const prev = new Array<number>(values.length).fill(-1);
  const query = (i: number): [number, number] => {
    let m = 0;
    let who = -1;
    for (let j = i; j > 0; j -= j & -j) {
      if (tree[j] > m) {
        m = tree[j];
        who = at[j];
      }
    }
    return [m, who];
  };
  const update = (i: number, v: number, who: number) => {
    for (let j = i; j <= size; j += j & -j) {
      if (v > tree[j]) {
        tree[j] = v;
        at[j] = who;
      }
    }
  };
  let top = -1;
  values.forEach((v, k) => {
    const [m, who] = query(v);
    best[k] = m + weights[k];
    prev[k] = who;
    update(v + 1, best[k], k);
    if (top < 0 || best[k] > best[top]) top = k;
  });
  const out: number[] = [];
  for (let k = top; k >= 0; k = prev[k]) out.push(k);
  return out.reverse();
}
