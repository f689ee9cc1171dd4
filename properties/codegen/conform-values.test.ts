// Conformance with the second edition's values: the module `stakecheck codegen` generates for
// properties/codegen/specs/values.stake, used as the implementation, conforms to its spec (actions
// arrive in the generated types: sets as ReadonlySets, fractions, tuples, records and options as
// the module holds them; states are read back in those types); a copy that skips one rounding is
// caught, with the differing fraction shown exactly.

import { beforeAll, describe, expect, it } from "vitest";
import { checkConformance, conformanceModel, type ConformanceAdapter } from "../../src/api/conform.js";
import { renderConformance } from "../../src/report/conform-text.js";
import { generate, load } from "./support.js";

const SPEC = "properties/codegen/specs/values.stake";
type Gen = Record<string, any>;
type Impl = { state: unknown };

let g: Gen;
beforeAll(async () => {
  g = await load(await generate(SPEC));
}, 60_000);

/** The generated step as an implementation: null (not enabled) and well_typed failures refuse. */
function adapter(step: (state: any, action: any) => unknown): ConformanceAdapter<Impl, any> {
  return {
    init: () => ({ state: g.initialState }),
    apply(impl, action) {
      const next = step(impl.state, action);
      if (next === null) return false;
      impl.state = next;
      return true;
    },
    read: (impl) => impl.state as Record<string, unknown>,
  };
}

describe("conformance of the generated module for values.stake", () => {
  const model = conformanceModel(SPEC);

  it("conforms over 60 random walks, set- and record-valued actions included", async () => {
    const seen = new Set<string>();
    const r = await checkConformance(model, adapter((s, a) => (seen.add(a.action), a.action === "commit" && !(a.w instanceof Set) ? null : g.step(s, a))), { runs: 60, seed: 5 });
    expect(r.failure).toBeNull();
    expect(r.ok).toBe(true);
    expect(seen).toContain("commit");
    expect(seen).toContain("attest");
  });

  it("a slash that keeps the exact product, unrounded, is caught and shown as fractions", async () => {
    const unrounded = (s: any, a: any) => {
      if (a.action !== "slash") return g.step(s, a);
      const next = g.step(s, a);
      if (next === null) return null;
      const before = s.stake.get(a.v);
      const [n, d] = typeof before === "number" ? [before, 1] : [before.num, before.den];
      const [rn, rd] = typeof a.rate === "number" ? [a.rate, 1] : [a.rate.num, a.rate.den];
      // stake * (1 - rate), not floored to 1/2
      const num = n * (rd - rn);
      const den = d * rd;
      const gcd = (x: number, y: number): number => (y === 0 ? x : gcd(y, x % y));
      const k = gcd(Math.abs(num), den);
      const exact = den / k === 1 ? num / k : { num: num / k, den: den / k };
      return { ...next, stake: new Map([...s.stake].map(([v, x]) => [v, v === a.v ? exact : x])) };
    };
    const r = await checkConformance(model, adapter(unrounded), { runs: 100, seed: 5 });
    expect(r.ok).toBe(false);
    const f = r.failure!;
    expect(f.kind).toBe("state");
    expect(f.variable).toBe("stake");
    expect(f.message).toBe("after step 3, stake[0] is 7/4 in the implementation, 3/2 in the spec");
    expect(f.steps.map((s) => s.action)).toEqual([
      { action: "start", v: 0, e: 3 },
      { action: "finish", v: 0 },
      { action: "slash", v: 0, rate: { num: 1, den: 2 } },
    ]);
    const text = renderConformance(model, r, { spec: SPEC, adapter: "unrounded" }).split("\n");
    const at = text.indexOf("  step 2  finish(v = 0)");
    expect(text.slice(at, at + 12)).toEqual([
      "  step 2  finish(v = 0)",
      "    stake[0]: 2 -> 7/2",
      "    cooldown[0]: some(3) -> none",
      "  step 3  slash(v = 0, rate = 1/2)",
      "    stake[0]: 7/2 -> 3/2",
      "    total: 0 -> 1/4",
      "",
      "  the first differing variable is stake:",
      "    stake[0]: spec 3/2, implementation 7/4",
      "",
      "  replay these steps: stakecheck conform properties/codegen/specs/values.stake --impl unrounded --instances 29,36,1",
      expect.stringMatching(/^  rerun this search: /),
    ]);
  });
});
