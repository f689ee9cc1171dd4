// The sorted-rows canonical form (src/explore/symmetry-rows.ts) is the generic canonicaliser's
// result, stabiliser included, on every state of random walks over specs whose symmetric types
// only key maps of plain values; and specs that need candidates still take the generic path.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makeCanonicalizer } from "../../src/explore/symmetry.js";
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
