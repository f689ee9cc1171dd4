// Seeded bugs: fuzzing finds each within a fixed seed and budget, and the reported trace (shrunk by
// fast-check, then minimized) is exactly as long as the shortest counterexample exhaustive BFS
// reports for the same spec, and shows the same property.

import { describe, expect, it } from "vitest";
import { fuzz } from "../../src/api/fuzz.js";
import { bfs } from "../../src/explore/bfs.js";
import { replayPath } from "../../src/explore/path.js";
import { modelFromFile } from "../support/load.js";

const SPECS = "properties/fuzz/specs";

describe("fuzz finds seeded bugs and reports a shortest counterexample", () => {
  it.each([
    { name: "withdrawal with no owner check", file: `${SPECS}/withdraw-no-owner.stake`, consts: {} as Record<string, number>, property: "no_unauthorized_withdrawal", kind: "step", length: 3 },
    { name: "slashing by a rounded-up fraction that exceeds the stake", file: `${SPECS}/slash-round-up.stake`, consts: {} as Record<string, number>, property: "well_typed", kind: "well_typed", length: 8 },
    { name: "BFT with Byzantine stake at 1/3 (F=2 of N=4)", file: "spec/anchor-bft.stake", consts: { F: 2 }, property: "Agreement", kind: "invariant", length: 6 },
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

  it("the walk's trace is usually longer than the shortest one: shrinking does real work", () => {
    const model = modelFromFile(`${SPECS}/slash-round-up.stake`);
    const lengths = [1, 2, 3, 4, 5].map((seed) => fuzz(model, { seed, runs: 2000, depth: 100, shrink: false }).violation!.instances.length);
    expect(Math.max(...lengths)).toBeGreaterThan(8);
  });
});
