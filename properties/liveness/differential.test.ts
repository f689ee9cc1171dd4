// The fair-cycle search against a naive, obviously correct checker on the reference interpreter
// (properties/liveness/naive.ts), over random small specs with fair and strongly fair actions and
// liveness properties of every kind (properties/support/random-spec.ts): the same verdict for every
// property instance, and every lasso the search reports confirmed by the naive checker (it replays
// on the interpreter, violates its instance, and its loop is fair). Both with and without the
// search's sequential short cut. Seeded; fast-check prints the seed and the spec on failure.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileModel } from "../../src/compile/compile.js";
import { livenessSearch } from "../../src/explore/liveness/search.js";
import { livenessInstances } from "../../src/ir/liveness.js";
import { specFromText } from "../support/load.js";
import { fcChoose, randomLivenessSpec } from "../support/random-spec.js";
import { naiveGraph, naiveLassoOk, naiveVerdict } from "./naive.js";

const MAX_STATES = 400;

describe("fair-cycle search = naive subset search on the reference interpreter", () => {
  it("agrees on every liveness property instance of random specs, and its lassos are real", () => {
    let compared = 0;
    let violated = 0;
    let fairHolds = 0;
    let strongHolds = 0;
    fc.assert(
      fc.property(fc.gen(), fc.boolean(), (g, shortcut) => {
        const text = randomLivenessSpec(fcChoose(g));
        const spec = specFromText(text);
        const graph = naiveGraph(spec, MAX_STATES);
        if (!graph) return;
        const model = compileModel(spec);
        const result = livenessSearch(model, { continueAfterViolation: true, livenessShortcut: shortcut });
        expect(result.limit, text).toBeUndefined();
        expect(result.stats.distinct, text).toBe(graph.states.length);
        (spec.liveness ?? []).forEach((l, k) => {
          const outcome = result.liveness!.properties[k]!;
          if (outcome.failed) return;
          const failing = new Set(outcome.failing.map((b) => JSON.stringify(b)));
          for (let b = 0; b < livenessInstances(l); b++) {
            const want = naiveVerdict(spec, graph, l, b);
            if (want === "too big" || want === "failed") continue;
            compared++;
            if (want === "holds" && spec.actions.some((a) => a.fairness) && outcome.vacuous.length === 0) fairHolds++;
            if (want === "holds" && spec.actions.some((a) => a.fairness === "strong")) strongHolds++;
            const binding = JSON.stringify(l.binders.length ? [b] : []);
            expect(failing.has(binding) ? "violated" : "holds", `${text}\nliveness ${l.name}, instance ${b}`).toBe(want);
          }
          const v = result.violations.find((x) => x.property.kind === "liveness" && x.property.index === k);
          if (!v) return;
          violated++;
          const why = naiveLassoOk(spec, graph, l, v.lasso!.instance, v.instances, v.lasso!.loop, v.lasso!.closing);
          expect(why, `${text}\nthe lasso of ${l.name}`).toBeNull();
        });
      }),
      { seed: 20261203, numRuns: 300 },
    );
    // The random specs must exercise both verdicts.
    expect(compared).toBeGreaterThan(200);
    expect(violated).toBeGreaterThan(50);
    // ... and properties that hold in specs with fair (and strongly fair) actions.
    expect(fairHolds).toBeGreaterThan(50);
    expect(strongHolds).toBeGreaterThan(50);
  });
});
