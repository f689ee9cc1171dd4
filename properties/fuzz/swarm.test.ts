// Swarm mode: the deep bug (an unbonding queue that overflows only after 25 requests while keepers
// drain it three times as fast) is found by swarm runs within a small budget, and not by uniform
// runs within the same budget; the reported trace is the 25-step minimum.

import { describe, expect, it } from "vitest";
import { fuzz } from "../../src/api/fuzz.js";
import { replayPath } from "../../src/explore/path.js";
import { Rng } from "../../src/explore/rng.js";
import { Swarm } from "../../src/explore/swarm.js";
import { modelFromFile } from "../support/load.js";

const DEEP = "properties/fuzz/specs/unbonding-queue.stake";

describe("swarm mode", () => {
  it("finds the 25-step queue overflow that uniform walks miss, within the same budget", () => {
    const model = modelFromFile(DEEP);
    const budget = { runs: 300, depth: 100 };
    for (const seed of [1, 2, 3]) {
      const swarm = fuzz(model, { seed, ...budget, swarm: true });
      expect(swarm.violation?.property.kind, `seed ${seed}`).toBe("well_typed");
      expect(swarm.violation!.instances.length).toBe(25);
      expect(swarm.walk.swarmActions).toContain("unbond");
      const steps = replayPath(model, swarm.violation!.instances).steps;
      expect(steps.map((s) => model.actions[s.action].name)).toEqual(new Array(25).fill("unbond"));
      expect(steps.at(-1)!.status).toBe("failed");

      const uniform = fuzz(model, { seed, ...budget });
      expect(uniform.violation).toBeUndefined();
      expect(uniform.walk.stats.runs).toBe(300);
    }
  });

  it("draws at least one action, and one value per choice, in every run", () => {
    const model = modelFromFile(DEEP);
    const swarm = new Swarm(model);
    const rng = new Rng(5);
    const seen = new Set<string>();
    for (let run = 0; run < 500; run++) {
      swarm.draw(rng);
      expect(swarm.count).toBeGreaterThan(0);
      const on = swarm.actionNames();
      seen.add(on.join(","));
      // The allowed instances are exactly those of the actions on, in increasing order.
      const allowed = Array.from(swarm.allowed.subarray(0, swarm.count));
      expect([...allowed].sort((a, b) => a - b)).toEqual(allowed);
      for (const i of allowed) expect(on).toContain(model.actions[model.decodeInstance(i).action].name);
      for (const name of on) {
        const a = model.actions.find((x) => x.name === name)!;
        expect(allowed.some((i) => i >= a.firstInstance && i < a.firstInstance + a.instanceCount)).toBe(true);
      }
    }
    // All 7 non-empty subsets of the 3 actions occur.
    expect(seen.size).toBe(7);
  });
});
