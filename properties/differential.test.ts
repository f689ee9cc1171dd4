// The compiled model against the reference interpreter (src/ir/interpret.ts), on random specs:
// (1) at every state of a random walk, every action instance has the same outcome (enabled with
//     the same successor, disabled, or failing at the same site) and every property the same value;
// (2) whole breadth-first searches agree on counts and on every violation, path for path;
// (3) the whole reachable space has the same number of states in every storage mode (exact,
//     fingerprints, bit-packed), so a state the compiled model leaves in a non-canonical form
//     (a popped queue of a type that does not start at 0) shows as extra states.
// The random specs use types that do not start at 0; every run's seed is printed on failure and
// replayed with STAKECHECK_SEED (properties/support/fc-seed.ts).

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileModel } from "../src/compile/compile.js";
import { bfs } from "../src/explore/bfs.js";
import { valuesEqual } from "../src/ir/eval.js";
import { checkInvariant, checkStep, initialState, runInstance, totalInstances, type State } from "../src/ir/interpret.js";
import { stateValues } from "../src/model/eval-values.js";
import { ENABLED, FAILED, FAILED_PROPERTY, type Model } from "../src/model/model.js";
import { naiveBfs } from "./support/naive-bfs.js";
import { fcChoose, randomSpec } from "./support/random-spec.js";
import { specFromText } from "./support/load.js";

function sameState(model: Model, flat: Int32Array, ref: State): boolean {
  return stateValues(model.layout, flat).every((v, i) => valuesEqual(v, ref[i]));
}

describe("compiled model = reference interpreter", () => {
  it("agrees on every instance and invariant along random walks", () => {
    fc.assert(
      fc.property(fc.gen(), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (g, walkSeed) => {
        const text = randomSpec(fcChoose(g));
        const spec = specFromText(text);
        const model = compileModel(spec);
        let ref = initialState(spec);
        const flat = new Int32Array(model.width);
        model.init(flat);
        expect(sameState(model, flat, ref), text).toBe(true);
        const next = new Int32Array(model.width);
        let rnd = walkSeed;
        for (let step = 0; step < 25; step++) {
          for (let k = 0; k < spec.invariants.length; k++) {
            const want = checkInvariant(spec, ref, k);
            const got = model.checkInvariant(k, flat);
            if ("failed" in want) {
              expect(got, text).toBe(FAILED_PROPERTY);
              expect(model.failure.site).toBe(want.site);
            } else expect(got, text).toBe(want.holds ? 1 : 0);
          }
          const enabled: { inst: number; state: State }[] = [];
          for (let inst = 0; inst < totalInstances(spec); inst++) {
            const want = runInstance(spec, ref, inst);
            const got = model.apply(flat, next, inst);
            if (want.status === "enabled") {
              expect(got, `${text}\ninstance ${inst}`).toBe(ENABLED);
              expect(sameState(model, next, want.state), `${text}\ninstance ${inst}`).toBe(true);
              enabled.push({ inst, state: want.state });
            } else if (want.status === "failed") {
              expect(got, `${text}\ninstance ${inst}`).toBe(FAILED);
              expect(model.failure.site, `${text}\ninstance ${inst}`).toBe(want.site);
            } else {
              expect(got, `${text}\ninstance ${inst}`).toBe(0);
            }
          }
          if (enabled.length === 0) break;
          rnd = (Math.imul(rnd, 1103515245) + 12345) >>> 0;
          const chosen = enabled[rnd % enabled.length];
          model.apply(flat, next, chosen.inst);
          for (let k = 0; k < spec.steps.length; k++) {
            const want = checkStep(spec, ref, chosen.state, chosen.inst, k);
            const got = model.checkStep(k, flat, next, chosen.inst);
            if ("failed" in want) {
              expect(got, text).toBe(FAILED_PROPERTY);
              expect(model.failure.site).toBe(want.site);
            } else expect(got, `${text}\nstep property ${k}, instance ${chosen.inst}`).toBe(want.holds ? 1 : 0);
          }
          flat.set(next);
          ref = chosen.state;
        }
      }),
      { numRuns: 250 },
    );
  });

  it.each([false, true])("agrees on whole searches (continue after violations: %s)", (continueAll) => {
    let compared = 0;
    fc.assert(
      fc.property(fc.gen(), (g) => {
        const text = randomSpec(fcChoose(g));
        const spec = specFromText(text);
        const naive = naiveBfs(spec, { maxDepth: 6, continueAll, maxStates: 4000 });
        if (naive.tooBig) return;
        compared++;
        const r = bfs(compileModel(spec), { maxDepth: 6, continueAfterViolation: continueAll, exact: true });
        const got = r.violations.map((v) => ({
          kind: v.property.kind,
          name: v.property.name,
          instances: [...v.instances],
          ...(v.failure ? { site: v.failure.site } : {}),
        }));
        expect({ distinct: r.stats.distinct, generated: r.stats.generated, depth: r.stats.depth, violations: got }, text).toEqual({
          distinct: naive.distinct,
          generated: naive.generated,
          depth: naive.depth,
          violations: naive.violations,
        });
      }),
      { numRuns: 150 },
    );
    expect(compared).toBeGreaterThan(75);
  });

  it("agrees on the whole reachable-state count, in every storage mode", () => {
    let compared = 0;
    fc.assert(
      fc.property(fc.gen(), (g) => {
        const text = randomSpec(fcChoose(g));
        const spec = specFromText(text);
        const naive = naiveBfs(spec, { continueAll: true, maxStates: 3000 });
        if (naive.tooBig) return;
        compared++;
        for (const exact of [true, false]) {
          const r = bfs(compileModel(spec), { continueAfterViolation: true, exact });
          expect({ exact, distinct: r.stats.distinct, generated: r.stats.generated, depth: r.stats.depth }, text).toEqual({
            exact,
            distinct: naive.distinct,
            generated: naive.generated,
            depth: naive.depth,
          });
        }
      }),
      { numRuns: 120 },
    );
    expect(compared).toBeGreaterThan(40);
  });
});
