// --workers 2 against one worker: the same counts, verdicts, counterexample lengths and coverage on
// the reference models (small configurations, BFT(12,3) as the large one), and counterexamples that
// replay. Parallel workers are real worker_threads running the TypeScript sources through tsx.

import { describe, expect, it } from "vitest";
import { bfs } from "../../src/explore/bfs.js";
import { bfsParallel } from "../../src/explore/parallel.js";
import { modelFromFile } from "../support/load.js";
import { counts, reproduces, verdicts } from "./support.js";

const POOL = "spec/anchor-pool.stake";
const BFT = "spec/anchor-bft.stake";

describe("two workers find what one finds", () => {
  it.each([
    { name: "POOL(3,3,2)", file: POOL, consts: { N: 3, B: 3, R: 2 } as Record<string, number>, distinct: 98_700 },
    { name: "BFT(12,3)", file: BFT, consts: { N: 12, F: 3 }, distinct: 1_259_712 },
    { name: "POOL(3,3,2) symmetric", file: "bench/models/anchor-pool-symmetric.stake", consts: { N: 3, B: 3, R: 2 }, distinct: 17_730 },
  ])("$name: same counts, verdicts and coverage ($distinct states)", async ({ file, consts, distinct }) => {
    const model = modelFromFile(file, consts);
    const one = bfs(model);
    const two = await bfsParallel(modelFromFile(file, consts), { workers: 2 });
    expect(two.workers).toBe(2);
    expect(one.stats.distinct).toBe(distinct);
    expect(counts(two)).toEqual(counts(one));
    expect(verdicts(two)).toEqual(verdicts(one));
    expect(two.coverage).toEqual(one.coverage);
    expect(two.symmetry?.fullStates).toEqual(one.symmetry?.fullStates);
  });

  it("BFT(4,2) with --continue: 144 states, 481 generated, depth 6, Agreement violated in 6 steps by a trace that replays", async () => {
    const model = modelFromFile(BFT, { N: 4, F: 2 });
    const r = await bfsParallel(model, { workers: 2, continueAfterViolation: true });
    expect(counts(r)).toEqual({ distinct: 144, generated: 481, depth: 6 });
    expect(verdicts(r)).toEqual(["invariant:Agreement:6"]);
    expect(reproduces(model, r.violations[0])).toBe(true);
  });

  it.each(["properties/perf/specs/sym-theft.stake"])(
    "%s: the same verdicts with --continue, and counterexamples that replay",
    async (file) => {
      const model = modelFromFile(file);
      const one = bfs(model, { continueAfterViolation: true });
      const two = await bfsParallel(model, { workers: 2, continueAfterViolation: true });
      expect(counts(two)).toEqual(counts(one));
      expect(verdicts(two)).toEqual(verdicts(one));
      expect(two.violations.length).toBeGreaterThan(0);
      for (const v of two.violations) expect(reproduces(model, v)).toBe(true);
    },
  );

  it("stops at --max-depth like one worker", async () => {
    const model = modelFromFile(POOL, { N: 3, B: 3, R: 2 });
    const one = bfs(model, { maxDepth: 6 });
    const two = await bfsParallel(model, { workers: 2, maxDepth: 6 });
    expect(two.limit?.kind).toBe("depth");
    expect(counts(two)).toEqual(counts(one));
  });
});
