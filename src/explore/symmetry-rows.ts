// The canonical form when every symmetric type is "simple" (src/explore/symmetry.ts): used only as
// the single symmetric key of map slots holding plain values. An element of such a type is then
// nothing but its row of slots, elements with equal rows are interchangeable as they are, and the
// canonical form is the state with each type's rows sorted: no candidate permutations, no
// relabelling. This is the hot path of POOL- and BFT-like specs (accounts or validators keying
// balances and votes), so it is written as flat loops over typed arrays, allocation-free.

import type { Canonicalizer } from "./symmetry.js";
import { networkCanonicalizer } from "./symmetry-network.js";

export interface RowLayout {
  /** Per type: elements, row length, and the row slots (element e's k-th slot at rows[e * len + k]). */
  readonly size: readonly number[];
  readonly rowLen: readonly number[];
  readonly rowSlots: readonly Int32Array[];
  /** Slots no permutation moves. */
  readonly still: Int32Array;
  readonly groupSize: number;
}

/** The generated sorting network where the layout is small enough (src/explore/symmetry-network.ts),
 * else the loops below; `network: false` forces the loops (to test one against the other). */
export function rowCanonicalizer(layout: RowLayout, network = true): Canonicalizer {
  return (network ? networkCanonicalizer(layout) : null) ?? loopCanonicalizer(layout);
}

function loopCanonicalizer(layout: RowLayout): Canonicalizer {
  const T = layout.size.length;
  const size = Int32Array.from(layout.size);
  const rowLen = Int32Array.from(layout.rowLen);
  const rows = layout.rowSlots;
  const still = layout.still;
  const order = Array.from({ length: T }, (_, t) => new Int32Array(size[t]));
  const fact = new Float64Array(Math.max(...size, 0) + 2);
  fact[0] = 1;
  for (let i = 1; i < fact.length; i++) fact[i] = fact[i - 1] * i;

  const c: Canonicalizer = {
    groupSize: layout.groupSize,
    stabilizer: 1,
    exact: true,
    canonicalize(src: Int32Array, dst: Int32Array): void {
      for (let i = 0; i < still.length; i++) dst[still[i]] = src[still[i]];
      let fixed = 1;
      for (let t = 0; t < T; t++) {
        const n = size[t];
        const L = rowLen[t];
        const rs = rows[t];
        const o = order[t];
        for (let e = 0; e < n; e++) o[e] = e;
        // Insertion sort of the elements by row (n is small), lexicographic on the slots' values.
        for (let i = 1; i < n; i++) {
          const x = o[i];
          const xb = x * L;
          let k = i - 1;
          for (; k >= 0; k--) {
            const yb = o[k] * L;
            let cmp = 0;
            for (let q = 0; q < L; q++) {
              cmp = src[rs[yb + q]] - src[rs[xb + q]];
              if (cmp !== 0) break;
            }
            if (cmp <= 0) break;
            o[k + 1] = o[k];
          }
          o[k + 1] = x;
        }
        // Write the sorted rows; a run of equal rows multiplies the stabiliser by its size!.
        let run = 1;
        for (let p = 0; p < n; p++) {
          const from = o[p] * L;
          const to = p * L;
          let same = p > 0;
          for (let q = 0; q < L; q++) {
            const v = src[rs[from + q]];
            if (same && v !== dst[rs[to - L + q]]) same = false;
            dst[rs[to + q]] = v;
          }
          if (same) run++;
          else {
            fixed *= fact[run];
            run = 1;
          }
        }
        fixed *= fact[run];
      }
      c.stabilizer = fixed;
    },
  };
  return c;
}
