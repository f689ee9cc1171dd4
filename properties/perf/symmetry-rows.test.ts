// The sorted-rows canonical form (src/explore/symmetry-rows.ts) is the generic canonicaliser's
// result, stabiliser included, on every state of random walks over specs whose symmetric types
// only key maps of plain values; and specs that need candidates still take the generic path. Its
// generated sorting network (src/explore/symmetry-network.ts) sorts, and agrees with the loops.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makeCanonicalizer } from "../../src/explore/symmetry.js";
import { sortingNetwork } from "../../src/explore/symmetry-network.js";
import { rowCanonicalizer, type RowLayout } from "../../src/explore/symmetry-rows.js";
import type { Model } from "../../src/model/model.js";
import { modelFromFile } from "../support/load.js";

// The anchors' symmetric variants take the fast path; the test specs here (symmetric values stored,
// queues of them, loops) the generic one: both must agree with the generic path everywhere.
const ROWS: { file: string; consts: Record<string, number> }[] = [
  { file: "bench/models/anchor-pool-symmetric.stake", consts: { N: 4, B: 3, R: 2 } },
  { file: "bench/models/anchor-bft-symmetric.stake", consts: { N: 7, F: 2 } },
  ...["sym-loops", "sym-overflow", "sym-queue", "sym-theft"].map((n) => ({ file: `properties/perf/specs/${n}.stake`, consts: {} })),
];

/** A random walk of `steps` steps: every state on it. */
function walk(model: Model, choices: number[]): Int32Array[] {
  let s = new Int32Array(model.width);
  model.init(s);
  const out = [Int32Array.from(s)];
  for (const c of choices) {
    const d = new Int32Array(model.width);
    for (let j = 0; j < model.instanceCount; j++) {
      if (model.apply(s, d, (c + j) % model.instanceCount) === 1) {
        s = d;
        out.push(Int32Array.from(s));
        break;
      }
    }
  }
  return out;
}

describe("sorted-rows canonical form", () => {
  it.each(ROWS)("$file: the same canonical form and stabiliser as the generic path", ({ file, consts }) => {
    const model = modelFromFile(file, consts);
    const fast = makeCanonicalizer(model);
    const generic = makeCanonicalizer(model, true);
    const a = new Int32Array(model.width);
    const b = new Int32Array(model.width);
    fc.assert(
      fc.property(fc.array(fc.nat(10_000), { minLength: 1, maxLength: 40 }), (choices) => {
        for (const s of walk(model, choices)) {
          fast.canonicalize(s, a);
          generic.canonicalize(s, b);
          expect(Array.from(a)).toEqual(Array.from(b));
          expect(fast.stabilizer).toBe(generic.stabilizer);
        }
      }),
      { seed: 18, numRuns: 200 },
    );
    expect(fast.groupSize).toBe(generic.groupSize);
  });
});

describe("the generated sorting network (src/explore/symmetry-network.ts)", () => {
  it("sorts every sequence of 0s and 1s of up to 12 elements (so, by the 0-1 principle, any sequence)", () => {
    for (let n = 0; n <= 12; n++) {
      const net = sortingNetwork(n);
      for (let bits = 0; bits < 1 << n; bits++) {
        const a = Array.from({ length: n }, (_, i) => (bits >>> i) & 1);
        for (const [i, j] of net) if (a[i] > a[j]) [a[i], a[j]] = [a[j], a[i]];
        for (let i = 1; i < n; i++) if (a[i - 1] > a[i]) expect({ n, bits, a }).toBe("sorted");
      }
    }
  });

  it("sorts random sequences of 13 to 16 elements", () => {
    fc.assert(
      fc.property(fc.integer({ min: 13, max: 16 }).chain((n) => fc.array(fc.integer({ min: -3, max: 3 }), { minLength: n, maxLength: n })), (a) => {
        for (const [i, j] of sortingNetwork(a.length)) if (a[i] > a[j]) [a[i], a[j]] = [a[j], a[i]];
        expect(a).toEqual([...a].sort((x, y) => x - y));
      }),
    );
  });

  // Layouts of 1 to 3 symmetric types (1 to 18 elements: above 16 the loops serve), rows of 0 to 3
  // slots, slots shuffled, values from a small range (many equal rows: the stabiliser counts).
  const layouts = fc
    .array(fc.record({ n: fc.integer({ min: 1, max: 18 }), len: fc.integer({ min: 0, max: 3 }) }), { minLength: 1, maxLength: 3 })
    .chain((types) => {
      const rowSlots = types.reduce((k, t) => k + t.n * t.len, 0);
      return fc.record({ types: fc.constant(types), still: fc.integer({ min: 0, max: 3 }), perm: fc.shuffledSubarray([...Array(rowSlots + 3).keys()], { minLength: rowSlots + 3, maxLength: rowSlots + 3 }) });
    })
    .map(({ types, still, perm }) => {
      let at = 0;
      const rowSlotsOf = types.map((t) => Int32Array.from(perm.slice(at, (at += t.n * t.len))));
      const fact = (k: number): number => (k <= 1 ? 1 : k * fact(k - 1));
      const layout: RowLayout = {
        size: types.map((t) => t.n),
        rowLen: types.map((t) => t.len),
        rowSlots: rowSlotsOf,
        still: Int32Array.from(perm.slice(at, at + still)),
        groupSize: types.reduce((g, t) => g * fact(t.n), 1),
      };
      return { layout, width: perm.length };
    });

  it("gives the loops' canonical form and stabiliser on random layouts and states", () => {
    fc.assert(
      fc.property(layouts, fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 60, maxLength: 60 }), ({ layout, width }, values) => {
        const net = rowCanonicalizer(layout);
        const loops = rowCanonicalizer(layout, false);
        const s = Int32Array.from({ length: width }, (_, i) => values[i % values.length] - (i % 2));
        const a = new Int32Array(width);
        const b = new Int32Array(width);
        net.canonicalize(s, a);
        loops.canonicalize(s, b);
        expect({ state: Array.from(a), stabilizer: net.stabilizer }).toEqual({ state: Array.from(b), stabilizer: loops.stabilizer });
      }),
      { numRuns: 300 },
    );
  });
});
