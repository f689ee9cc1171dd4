// Mixed-radix words (src/explore/pack.ts): where bit fields would take a word more than the slots'
// value counts need, words hold digits instead. Every state in range round-trips, the words stay
// below 2^31, and POOL(4,4,2) becomes 2 words: exact 64-bit keys instead of 3-word fingerprints.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bfs } from "../../src/explore/bfs.js";
import { makePacker } from "../../src/explore/pack.js";
import { modelFromFile } from "../support/load.js";

describe("mixed-radix packing", () => {
  it("POOL(4,4,2): 13 slots of 19 values and one of 3 in 2 words (57 bits), not 67 bits in 3", () => {
    const p = makePacker(modelFromFile("spec/anchor-pool.stake", { N: 4, B: 4, R: 2 }).layout);
    expect({ words: p.words, bits: p.bits }).toEqual({ words: 2, bits: 57 });
  });

  it.each([
    { file: "spec/anchor-pool.stake", consts: { N: 4, B: 4, R: 2 } },
    { file: "spec/anchor-pool.stake", consts: { N: 5, B: 3, R: 2 } },
  ])("every in-range state of $file $consts round-trips, in non-negative words", ({ file, consts }) => {
    const model = modelFromFile(file, consts);
    const p = makePacker(model.layout);
    const state = fc.tuple(...p.ranges.map((r) => fc.integer({ min: r.lo, max: r.lo + r.size - 1 })));
    fc.assert(
      fc.property(state, (values) => {
        const s = Int32Array.from(values);
        const buf = new Int32Array(p.words + 2);
        p.pack(s, buf, 1);
        for (let w = 1; w <= p.words; w++) expect(buf[w]).toBeGreaterThanOrEqual(0);
        const back = new Int32Array(model.width);
        p.unpack(buf, 1, back);
        expect(Array.from(back)).toEqual(values);
      }),
      { seed: 18, numRuns: 500 },
    );
  });

  it("a search over POOL(4,4,2)'s mixed-radix states keeps exact 64-bit keys", () => {
    const r = bfs(modelFromFile("spec/anchor-pool.stake", { N: 4, B: 4, R: 2 }), { maxStates: 50_000 });
    expect(r.stats.distinct).toBe(50_000);
    expect(r.exact).toBe(true);
    expect(r.storage).toBe("keys");
    expect(r.stats.packedWords).toBe(2);
  });
});
