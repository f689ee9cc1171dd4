// Memory: bit-packed states round-trip, the tables stay within 24 bytes per state, the memory
// ceiling stops a search cleanly, and bitstate hashing estimates its own coverage.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bfs } from "../../src/explore/bfs.js";
import { makePacker } from "../../src/explore/pack.js";
import { ENABLED } from "../../src/model/model.js";
import { modelFromFile } from "../support/load.js";
import { counts } from "./support.js";

describe("packed states", () => {
  it("pack then unpack gives back every state reached by random walks (spec/pool.stake, N = 4)", () => {
    const model = modelFromFile("spec/pool.stake", { N: 4 });
    const packer = makePacker(model.layout);
    expect(packer.words).toBeLessThan(model.width);
    fc.assert(
      fc.property(fc.array(fc.nat(model.instanceCount - 1), { maxLength: 40 }), (insts) => {
        let s = new Int32Array(model.width);
        let d = new Int32Array(model.width);
        model.init(s);
        const buf = new Int32Array(packer.words);
        const back = new Int32Array(model.width);
        for (const i of insts) {
          packer.pack(s, buf, 0);
          packer.unpack(buf, 0, back);
          expect(Array.from(back)).toEqual(Array.from(s));
          if (model.apply(s, d, i) === ENABLED) [s, d] = [d, s];
        }
      }),
      { numRuns: 200 },
    );
  });

  it("POOL(4,3,2) packs 14 slots into 54 bits (2 words) and BFT(12,3) 12 slots into 24 bits", () => {
    const pool = makePacker(modelFromFile("spec/anchor-pool.stake", { N: 4, B: 3, R: 2 }).layout);
    const bft = makePacker(modelFromFile("spec/anchor-bft.stake", { N: 12, F: 3 }).layout);
    expect({ words: pool.words, bits: pool.bits }).toEqual({ words: 2, bits: 54 });
    expect({ words: bft.words, bits: bft.bits }).toEqual({ words: 1, bits: 24 });
  });
});

describe("the search's tables", () => {
  it.each([
    { name: "POOL(3,3,2)", file: "spec/anchor-pool.stake", consts: { N: 3, B: 3, R: 2 } as Record<string, number> },
    { name: "BFT(12,3)", file: "spec/anchor-bft.stake", consts: { N: 12, F: 3 } },
  ])("$name: at most 24 bytes per distinct state", ({ file, consts }) => {
    const r = bfs(modelFromFile(file, consts));
    expect(r.stats.bytes / r.stats.distinct).toBeLessThanOrEqual(24);
  });

  it("the memory ceiling stops the search cleanly, with partial counts", () => {
    const r = bfs(modelFromFile("spec/anchor-pool.stake", { N: 4, B: 3, R: 2 }), { memoryBytes: 4 * 2 ** 20 });
    expect(r.limit?.kind).toBe("memory");
    expect(r.violations).toEqual([]);
    expect(r.stats.distinct).toBeGreaterThan(0);
    expect(r.stats.distinct).toBeLessThan(2_652_000);
    expect(r.stats.queue).toBeGreaterThan(0);
  });

  it("exact mode over wide states (ExactSet) counts like fingerprints", () => {
    const model = modelFromFile("spec/pool.stake", { N: 2 });
    expect(counts(bfs(model, { exact: true }))).toEqual(counts(bfs(model)));
  });
});

describe("bitstate (supertrace)", () => {
  it("with room to spare it explores everything: BFT(4,1), 108 states", () => {
    const r = bfs(modelFromFile("spec/anchor-bft.stake", { N: 4, F: 1 }), { bitstate: 2 ** 20 });
    expect(counts(r)).toEqual({ distinct: 108, generated: 325, depth: 5 });
    expect(r.bitstate?.coverage).toBeGreaterThan(0.9999);
    expect(r.exact).toBe(false);
  });

  it("in a crowded bit array it misses states and its coverage estimate says how many (BFT(12,3), 2^23 bits)", () => {
    const r = bfs(modelFromFile("spec/anchor-bft.stake", { N: 12, F: 3 }), { bitstate: 2 ** 23 });
    const real = r.stats.distinct / 1_259_712;
    expect(r.stats.distinct).toBeLessThan(1_259_712);
    expect(Math.abs(r.bitstate!.coverage - real)).toBeLessThan(0.02);
  });
});
