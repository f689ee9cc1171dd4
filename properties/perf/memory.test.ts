// Memory: bit-packed states round-trip, the tables stay within 24 bytes per state, the memory
// ceiling stops a search cleanly, and bitstate hashing estimates its own coverage.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bfs } from "../../src/explore/bfs.js";
import { makePacker } from "../../src/explore/pack.js";
import { TraceStore } from "../../src/explore/store.js";
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

describe("the trace (parents and instances)", () => {
  // Parents as a breadth-first search writes them (never decreasing, the first -1), with runs of
  // childless parents long enough to push a block's span past 16 bits; and any sequence at all.
  const parentSteps = fc.array(fc.oneof(fc.constant(0), fc.nat(3), fc.nat(70_000)), { minLength: 1, maxLength: 9_000 });
  const anyParents = fc.array(fc.integer({ min: -1, max: 2 ** 31 - 1 }), { minLength: 1, maxLength: 5_000 });

  const roundTrip = (parents: number[], instances: number) => {
    const t = new TraceStore(instances);
    const vias = parents.map((_, k) => (k * 7919) % instances);
    parents.forEach((p, k) => t.push(p, vias[k]));
    expect(t.length).toBe(parents.length);
    for (let k = 0; k < parents.length; k++) {
      if (t.parent(k) !== parents[k] || t.via(k) !== vias[k]) expect([k, t.parent(k), t.via(k)]).toEqual([k, parents[k], vias[k]]);
    }
    // What a checkpoint saves and takes back.
    const parts = t.parts();
    const flat = (views: ArrayBufferView[], as: (b: ArrayBufferView) => ArrayLike<number>) => views.flatMap((v) => Array.from(as(v)));
    const savedParents = Int32Array.from(flat(parts.parents, (v) => v as Int32Array));
    expect(Array.from(savedParents)).toEqual(parents);
    const back = new TraceStore(instances);
    back.restore(savedParents, flat(parts.vias, (v) => v as Uint8Array));
    for (let k = 0; k < parents.length; k++) if (back.parent(k) !== parents[k]) expect([k, back.parent(k)]).toEqual([k, parents[k]]);
  };

  it("gives back every parent and instance pushed, in BFS order, and after a checkpoint's round trip", () => {
    fc.assert(
      fc.property(parentSteps, fc.constantFrom(3, 300, 70_000), (steps, instances) => {
        let p = -1;
        roundTrip(steps.map((d, k) => (k === 0 ? -1 : (p += d))), instances);
      }),
      { numRuns: 60 },
    );
  });

  it("gives back any sequence of parents (a block widens when they leave its 16-bit span)", () => {
    fc.assert(fc.property(anyParents, (parents) => roundTrip(parents, 1000)), { numRuns: 40 });
  });

  it("keeps 2 bytes per parent while a block's parents span less than 65,536, 4 otherwise", () => {
    const dense = new TraceStore(100);
    for (let k = 0; k < 4096 * 4; k++) dense.push(k - 1, 0);
    expect(dense.bytes()).toBe(4096 * 4 * (2 + 1));
    const sparse = new TraceStore(100);
    for (let k = 0; k < 4096; k++) sparse.push(k * 17, 0);
    expect(sparse.bytes()).toBe(4096 * (4 + 1));
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
