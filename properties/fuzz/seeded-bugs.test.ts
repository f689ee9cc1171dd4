// Seeded bugs: fuzzing finds each within a fixed seed and budget, and the reported trace (shrunk by
// fast-check, then minimized) is exactly as long as the shortest counterexample exhaustive BFS
// reports for the same spec, and shows the same property.

import { describe, expect, it } from "vitest";
import { fuzz } from "../../src/api/fuzz.js";
import { bfs } from "../../src/explore/bfs.js";
import { replayPath } from "../../src/explore/path.js";
import { describeStep } from "../../src/report/counterexample.js";
import { modelFromFile } from "../support/load.js";

const SPECS = "properties/fuzz/specs";

describe("fuzz finds seeded bugs and reports a shortest counterexample", () => {
  it.each([
    { name: "withdrawal with no owner check", file: `${SPECS}/withdraw-no-owner.stake`, consts: {} as Record<string, number>, property: "no_unauthorized_withdrawal", kind: "step", length: 3 },
    { name: "slashing by a rounded-up fraction that exceeds the stake", file: `${SPECS}/slash-round-up.stake`, consts: {} as Record<string, number>, property: "well_typed", kind: "well_typed", length: 8 },
    { name: "BFT with Byzantine stake at 1/3 (F=2 of N=4)", file: "spec/anchor-bft.stake", consts: { F: 2 }, property: "Agreement", kind: "invariant", length: 6 },
    { name: "a commit by light validators through a count-based fast path", file: `${SPECS}/commit-fast-path.stake`, consts: {} as Record<string, number>, property: "quorum_behind_every_block", kind: "invariant", length: 2 },
  ])("$name: $property, $length steps", ({ file, consts, property, kind, length }) => {
    const model = modelFromFile(file, consts);
    const exhaustive = bfs(model).violations;
    expect(exhaustive.map((v) => [v.property.name, v.instances.length])).toEqual([[property, length]]);

    for (const seed of [1, 2, 3]) {
      const run = fuzz(model, { seed, runs: 2000, depth: 100 });
      expect(run.violation, `seed ${seed}`).toBeDefined();
      const v = run.violation!;
      expect(v.property).toEqual(exhaustive[0].property);
      expect(v.property.kind).toBe(kind);
      expect(v.instances.length).toBe(length);
      expect(run.found!.instances.length).toBeGreaterThanOrEqual(length);
      // Every step replays, enabled, from the initial state; a well_typed failure is the last.
      const steps = replayPath(model, v.instances).steps;
      expect(steps.slice(0, -1).every((s) => s.status === "enabled")).toBe(true);
      expect(steps.at(-1)!.status).toBe(kind === "well_typed" ? "failed" : "enabled");
      if (kind === "well_typed") expect(v.failure!.site).toBe(exhaustive[0].failure!.site);
    }
  });

  it("shrinking lowers set- and record-valued parameters to the least that still show the bug", () => {
    const model = modelFromFile(`${SPECS}/commit-fast-path.stake`);
    const shown = (instances: readonly number[]) => instances.map((i) => {
      const { action, args } = model.decodeInstance(i);
      return describeStep(model, action, args);
    });
    const found = new Set<string>();
    for (const seed of [1, 2, 3, 4]) {
      const run = fuzz(model, { seed, runs: 2000, depth: 20 });
      found.add(shown(run.found!.instances).join("; "));
      expect(shown(run.violation!.instances), `seed ${seed}`).toEqual([
        "commit(w = {0, 1}, b = {height: 1, fork: false})",
        "commit(w = {1, 2, 3, 4}, b = {height: 2, fork: false})",
      ]);
    }
    // The walks found other (longer or larger) traces: the shrinker did the work.
    expect([...found].some((t) => !t.startsWith("commit(w = {0, 1}, b = {height: 1, fork: false}); commit(w = {1, 2, 3, 4}"))).toBe(true);
  });

  it("the walk's trace is usually longer than the shortest one: shrinking does real work", () => {
    const model = modelFromFile(`${SPECS}/slash-round-up.stake`);
    const lengths = [1, 2, 3, 4, 5].map((seed) => fuzz(model, { seed, runs: 2000, depth: 100, shrink: false }).violation!.instances.length);
    expect(Math.max(...lengths)).toBeGreaterThan(8);
  });
});
