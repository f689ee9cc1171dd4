// The random walker: its PRNG matches the reference xoshiro128**, its draws are exactly uniform
// over the enabled instances, and the optimised walk (inlined PRNG, reused buffers) takes exactly
// the steps a plain reference walk takes.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { randomWalks } from "../../src/explore/random.js";
import { Rng } from "../../src/explore/rng.js";
import { Swarm } from "../../src/explore/swarm.js";
import type { Model } from "../../src/model/model.js";
import { modelFromFile, modelFromText } from "../support/load.js";

describe("Rng", () => {
  it("xoshiro128** matches the reference implementation's outputs from state (0, 1, 2, 3)", () => {
    const r = Rng.fromState(0, 1, 2, 3);
    expect(Array.from({ length: 8 }, () => r.next())).toEqual([5760, 17280, 2966400, 32451840, 2604340873, 3891234569, 1254043636, 216095511]);
  });

  it("a seed gives a fixed stream (seeds reproduce across versions)", () => {
    const r = new Rng(1);
    expect(Array.from({ length: 5 }, () => r.next())).toEqual([418128060, 3712186797, 1764717425, 4181822725, 4195548534]);
  });

  it("below(n) is in range for small and large bounds", () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 2 ** 32 }), (seed, n) => {
        const r = new Rng(seed);
        for (let i = 0; i < 20; i++) {
          const x = r.below(n);
          if (!Number.isInteger(x) || x < 0 || x >= n) return false;
        }
        return true;
      }),
    );
  });

  it("below(6) is uniform (chi-square over 60,000 draws, fixed seed)", () => {
    const r = new Rng(42);
    const counts = new Array(6).fill(0);
    for (let i = 0; i < 60_000; i++) counts[r.below(6)]++;
    const chi = counts.reduce((acc, c) => acc + (c - 10_000) ** 2 / 10_000, 0);
    expect(chi).toBeLessThan(20.5); // p = 0.001 for 5 degrees of freedom
  });
});

/** A plain walk with the same semantics as random.ts: Fisher-Yates draws with Rng.below over a
 * candidate order kept between steps and runs, swarm subsets drawn per run. Returns every walk's
 * instances. */
function referenceWalks(model: Model, seed: number, runs: number, depth: number, swarm: boolean): number[][] {
  const rng = new Rng(seed);
  const sw = swarm ? new Swarm(model) : null;
  let order = Array.from({ length: model.instanceCount }, (_, i) => i);
  const out: number[][] = [];
  const init = new Int32Array(model.width);
  model.init(init);
  for (let run = 0; run < runs; run++) {
    if (sw) {
      sw.draw(rng);
      order = Array.from(sw.allowed.subarray(0, sw.count));
    }
    let s = Int32Array.from(init);
    const path: number[] = [];
    for (let step = 0; step < depth; step++) {
      let taken = -1;
      const d = new Int32Array(model.width);
      for (let j = 0; j < order.length; j++) {
        const k = j + rng.below(order.length - j);
        [order[j], order[k]] = [order[k], order[j]];
        if (model.apply(s, d, order[j]) !== 0) {
          taken = order[j];
          break;
        }
      }
      if (taken < 0) break;
      path.push(taken);
      s = d;
    }
    out.push(path);
  }
  return out;
}

describe("random walks", () => {
  // No invariants: walks run to their depth or a deadlock, and every one can be compared.
  const POOL_NO_PROPS = "spec/anchor-pool.stake";

  it.each([false, true])("take exactly the reference walk's steps (swarm: %s)", (swarm) => {
    const model = modelFromFile(POOL_NO_PROPS, { N: 2, B: 2, R: 1 });
    const runs = 300;
    const ref = referenceWalks(model, 7, runs, 40, swarm);
    const r = randomWalks(model, { seed: 7, runs, depth: 40, swarm, properties: { invariants: model.spec.invariants.map(() => false), steps: [] } });
    expect(r.violation).toBeUndefined();
    expect(r.stats.runs).toBe(runs);
    expect(r.stats.steps).toBe(ref.reduce((n, p) => n + p.length, 0));
    expect(r.stats.deadlocks).toBe(ref.filter((p) => p.length < 40).length);
    // Per-action step counts agree too.
    const perAction = model.actions.map(() => 0);
    for (const p of ref) for (const i of p) perAction[model.decodeInstance(i).action]++;
    expect(r.coverage.fired).toEqual(perAction);
  });

  it("take the reference walk's steps with more than 2^21 instances (the PRNG's other bound path)", () => {
    // The violation comes at the 4th step of the first walk: the fuzzer's trace is that walk.
    const model = modelFromText(`spec Big
var n: 0 .. 4 = 0
action a(p: 0 .. 2999, q: 0 .. 999) { require q == 7; n = min(n + 1, 4) }
invariant short: n < 4`);
    expect(model.instanceCount).toBeGreaterThan(2 ** 21);
    const v = randomWalks(model, { seed: 5, runs: 3, depth: 4 }).violation!;
    expect(v.instances).toEqual(referenceWalks(model, 5, 1, 4, false)[0]);
  });

  it("the violating walk is the reference's first violating walk", () => {
    // An invariant that fails once x reaches 5: the reference walk finds the first walk that
    // gets there, and the fuzzer must report that walk's prefix.
    const model = modelFromText(`spec W
var x: 0 .. 9 = 0
action up(p: 0 .. 2) { require p == 0; x += 1 }
action down(p: 0 .. 2) { require x > 0; x -= 1 }
invariant low: x < 5`);
    const free = modelFromText(`spec W
var x: 0 .. 9 = 0
action up(p: 0 .. 2) { require p == 0; x += 1 }
action down(p: 0 .. 2) { require x > 0; x -= 1 }`);
    const r = randomWalks(model, { seed: 3, runs: 10_000, depth: 30 });
    expect(r.violation?.property.name).toBe("low");
    const ref = referenceWalks(free, 3, r.run! + 1, 30, false);
    const walk = ref[r.run!];
    let x = 0;
    const upTo = walk.findIndex((i) => (x += free.decodeInstance(i).action === 0 ? 1 : -1) === 5);
    expect(r.violation!.instances).toEqual(walk.slice(0, upTo + 1));
    for (const earlier of ref.slice(0, r.run!)) {
      let y = 0;
      expect(earlier.some((i) => (y += free.decodeInstance(i).action === 0 ? 1 : -1) === 5)).toBe(false);
    }
  });

  it("choose uniformly among the enabled instances", () => {
    // From the initial state, 2 of 12 instances are enabled, plus 1 of the other 9 picks: the
    // first step of each walk must be spread evenly over the 3 enabled ones.
    const model = modelFromText(`spec U
var x: 0 .. 3 = 0
action a(p: 0 .. 2) { require p != 1; x = 1 }
action b(p: 0 .. 8) { require p == 4; x = 2 }`);
    const counts = new Map<number, number>();
    const runs = 30_000;
    const r = randomWalks(model, { seed: 11, runs, depth: 1 });
    expect(r.stats.steps).toBe(runs);
    // depth 1: fired counts per action are the first steps; a gets 2/3 of them, b 1/3.
    const [a, b] = r.coverage.fired;
    const chi = (a - (2 * runs) / 3) ** 2 / ((2 * runs) / 3) + (b - runs / 3) ** 2 / (runs / 3);
    expect(chi).toBeLessThan(10.8); // p = 0.001, 1 degree of freedom
    for (const p of referenceWalks(model, 11, 3000, 1, false)) counts.set(p[0], (counts.get(p[0]) ?? 0) + 1);
    expect([...counts.keys()].sort((x, y) => x - y)).toEqual([0, 2, 7]);
    for (const c of counts.values()) expect(Math.abs(c - 1000)).toBeLessThan(110);
  });
});
