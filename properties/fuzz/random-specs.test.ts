// For random small specs and seeds: every counterexample fuzz reports replays step by step from
// the initial state, every step enabled, violates the reported property at its last step and no
// selected property before; it is never shorter than exhaustive BFS's shortest counterexample for
// that property, and never longer than the walk that found it.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fuzz } from "../../src/api/fuzz.js";
import { bfs } from "../../src/explore/bfs.js";
import { replayPath } from "../../src/explore/path.js";
import type { PropertySelection } from "../../src/explore/result.js";
import { FAILED_PROPERTY, type Model } from "../../src/model/model.js";
import { modelFromText } from "../support/load.js";
import { smallSpec } from "./support/small-specs.js";

/** Invariants and step properties that fail (or fail to evaluate) on the step `prev` -> `cur`. */
function violatedAt(model: Model, prev: Int32Array | null, cur: Int32Array, inst: number): string[] {
  const out: string[] = [];
  model.spec.invariants.forEach((p, k) => model.checkInvariant(k, cur) !== 1 && out.push(p.name));
  if (prev) model.spec.steps.forEach((p, k) => model.checkStep(k, prev, cur, inst) !== 1 && out.push(p.name));
  return out;
}

describe("fuzz on random small specs", () => {
  it("reports traces that replay and violate the reported property at their last step", () => {
    let violations = 0;
    const kinds = new Set<string>();
    fc.assert(
      fc.property(smallSpec, fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.boolean(), (text, seed, swarm) => {
        const model = modelFromText(text);
        const run = fuzz(model, { seed, runs: 200, depth: 30, swarm });
        const v = run.violation;
        if (!v) return;
        violations++;
        kinds.add(v.property.kind);
        expect(v.instances.length).toBeLessThanOrEqual(run.found!.instances.length);

        const path = replayPath(model, v.instances);
        expect(path.steps.length).toBe(v.instances.length);
        // No property fails before the last step.
        expect(violatedAt(model, null, path.init, -1).length === 0 || v.instances.length === 0).toBe(true);
        let prev = path.init;
        path.steps.forEach((st, i) => {
          const last = i === path.steps.length - 1;
          if (!last || v.property.kind !== "well_typed" || v.during) expect(st.status).toBe("enabled");
          if (!last) {
            expect(violatedAt(model, prev, st.state!, st.inst)).toEqual([]);
            prev = st.state!;
          }
        });
        const lastStep = path.steps.at(-1);
        const before = path.steps.length >= 2 ? path.steps.at(-2)!.state! : path.init;
        const final = lastStep?.state ?? path.init;
        const p = v.property;
        if (p.kind === "invariant") expect(model.checkInvariant(p.index, final)).toBe(0);
        else if (p.kind === "step") expect(model.checkStep(p.index, before, final, lastStep!.inst)).toBe(0);
        else if (v.during) {
          const d = v.during;
          const r = d.kind === "invariant" ? model.checkInvariant(d.index, final) : model.checkStep(d.index, before, final, lastStep!.inst);
          expect(r).toBe(FAILED_PROPERTY);
          expect(model.failure.site).toBe(v.failure!.site);
        } else {
          expect(lastStep!.status).toBe("failed");
          expect(lastStep!.failure!.site).toBe(v.failure!.site);
        }

        // Exhaustive BFS for that property alone: its shortest counterexample is a lower bound.
        const only: PropertySelection = {
          invariants: model.spec.invariants.map((_, k) => p.kind === "invariant" && p.index === k),
          steps: model.spec.steps.map((_, k) => p.kind === "step" && p.index === k),
        };
        if (p.kind !== "well_typed") {
          const exhaustive = bfs(model, { properties: only, continueAfterViolation: true }).violations.find((x) => x.property.kind === p.kind && x.property.index === p.index);
          expect(exhaustive).toBeDefined();
          expect(v.instances.length).toBeGreaterThanOrEqual(exhaustive!.instances.length);
        }
      }),
      { seed: 4242, numRuns: 150 },
    );
    // The generator reaches all three kinds of violation, and often.
    expect(violations).toBeGreaterThan(50);
    expect([...kinds].sort()).toEqual(["invariant", "step", "well_typed"]);
  });
});
