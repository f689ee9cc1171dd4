// The reference models of ../shared/anchors, written in .stake: distinct states, states generated
// and depth must equal what TLC and Spin report for every configuration listed there (our depth
// counts steps; TLC's diameter counts the states on that path, one more).

import { describe, expect, it } from "vitest";
import { bfs } from "../src/explore/bfs.js";
import { modelFromFile } from "./support/load.js";

const POOL = "spec/anchor-pool.stake";
const BFT = "spec/anchor-bft.stake";

describe("anchor models match TLC and Spin", () => {
  const configs: { name: string; file: string; consts: Record<string, number>; distinct: number; generated: number; depth: number }[] = [
    { name: "POOL(3,3,2)", file: POOL, consts: { N: 3, B: 3, R: 2 }, distinct: 98_700, generated: 709_801, depth: 22 },
    { name: "POOL(4,3,2)", file: POOL, consts: { N: 4, B: 3, R: 2 }, distinct: 2_652_000, generated: 24_832_001, depth: 28 },
    { name: "BFT(4,1)", file: BFT, consts: { N: 4, F: 1 }, distinct: 108, generated: 325, depth: 5 },
    { name: "BFT(12,3)", file: BFT, consts: { N: 12, F: 3 }, distinct: 1_259_712, generated: 11_337_409, depth: 15 },
  ];
  it.each(configs)("$name: $distinct distinct states, $generated generated, depth $depth, all invariants hold", ({ file, consts, distinct, generated, depth }) => {
    const r = bfs(modelFromFile(file, consts));
    expect(r.violations).toEqual([]);
    expect(r.limit).toBeUndefined();
    expect({ distinct: r.stats.distinct, generated: r.stats.generated, depth: r.stats.depth }).toEqual({ distinct, generated, depth });
  });

  it("BFT(4,2) violates Agreement with a shortest counterexample of 6 steps", () => {
    const r = bfs(modelFromFile(BFT, { N: 4, F: 2 }));
    expect(r.violations.map((v) => [v.property.name, v.instances.length])).toEqual([["Agreement", 6]]);
  });

  it("BFT(4,2) with --continue explores the whole space: 144 states, 481 generated, depth 6; AccountableSafety holds", () => {
    const r = bfs(modelFromFile(BFT, { N: 4, F: 2 }), { continueAfterViolation: true });
    expect({ distinct: r.stats.distinct, generated: r.stats.generated, depth: r.stats.depth }).toEqual({ distinct: 144, generated: 481, depth: 6 });
    expect(r.violations.map((v) => [v.property.name, v.instances.length])).toEqual([["Agreement", 6]]);
  });

  it("exact mode gives the same counts as fingerprints", () => {
    const r = bfs(modelFromFile(POOL, { N: 3, B: 3, R: 2 }), { exact: true });
    expect({ distinct: r.stats.distinct, generated: r.stats.generated, depth: r.stats.depth }).toEqual({ distinct: 98_700, generated: 709_801, depth: 22 });
    expect(r.stats.collisionProbability).toBe(0);
  });
});
