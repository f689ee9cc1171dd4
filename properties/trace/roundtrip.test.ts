// Round trip: a trace from a random walk, written and read back, is the same trace; the written file
// is well-formed ITF; it binds to the same flat states and instances; reading is lenient about what
// ITF allows (plain JSON integers, any order of set elements and map entries, extra fields).

import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { replayPath } from "../../src/explore/path.js";
import type { Model } from "../../src/model/model.js";
import { bindTrace } from "../../src/trace/bind.js";
import { traceFromViolation } from "../../src/trace/from-model.js";
import { readTraceText } from "../../src/trace/read.js";
import { traceFileName, writeTrace } from "../../src/trace/write.js";
import { modelFromFile } from "../support/load.js";
import { itfProblems } from "./support/itf-check.js";
import { randomWalk } from "./support/walk.js";

const MODELS: [string, Model][] = [
  ["spec/pool.stake", modelFromFile("spec/pool.stake")],
  ["spec/anchor-bft.stake", modelFromFile("spec/anchor-bft.stake", { F: 2 })],
  ["properties/trace/fixtures/rich.stake", modelFromFile("properties/trace/fixtures/rich.stake")],
  ["properties/trace/fixtures/values.stake", modelFromFile("properties/trace/fixtures/values.stake")],
  // Picks in loops and procs: choices named `yes[0]`, `extra[1]`.
  ["properties/codegen/specs/statements.stake", modelFromFile("properties/codegen/specs/statements.stake")],
];

const walkArb = fc.record({
  model: fc.integer({ min: 0, max: MODELS.length - 1 }),
  choices: fc.array(fc.nat(1000), { maxLength: 12 }),
  property: fc.nat(100),
  seed: fc.option(fc.oneof(fc.integer(), fc.string({ maxLength: 8 })), { nil: undefined }),
});

function sample(w: { model: number; choices: number[]; property: number; seed: number | string | undefined }) {
  const [path, model] = MODELS[w.model];
  const v = randomWalk(model, w.choices, w.property);
  const explorer = w.seed === undefined ? ({ kind: "bfs" } as const) : ({ kind: "fuzz", seed: w.seed, flags: { swarm: w.property % 2 === 0, depth: 12 } } as const);
  return { model, v, trace: traceFromViolation(model, v, { explorer, specPath: path }) };
}

/** Rewrites a written file the way other ITF writers may: small ints as JSON numbers, set
 * elements and map entries reversed, extra fields in #meta, states and the top level. */
function loosen(json: unknown, inMeta = false): unknown {
  if (Array.isArray(json)) return json.map((x) => loosen(x, inMeta));
  if (typeof json !== "object" || json === null) return json;
  const o = json as Record<string, unknown>;
  if ("#bigint" in o) return Number(o["#bigint"]);
  // A whole fraction as a plain integer; another as {num, den} not in lowest terms.
  if ("num" in o && "den" in o && Object.keys(o).length === 2) {
    const [n, d] = [Number((o.num as { "#bigint": string })["#bigint"]), Number((o.den as { "#bigint": string })["#bigint"])];
    return d === 1 ? n : { num: 3 * n, den: 3 * d };
  }
  if ("#set" in o) return { "#set": (o["#set"] as unknown[]).map((x) => loosen(x)).reverse() };
  if ("#map" in o) return { "#map": (o["#map"] as unknown[]).map((x) => loosen(x)).reverse() };
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) out[k] = loosen(v, inMeta || k === "#meta");
  if ("#meta" in o) (out["#meta"] as Record<string, unknown>)["x-other-tool"] = { note: "ignored" };
  // (ITF's top-level `loop` is not an extra: it makes the trace a lasso, read and written back.)
  if ("states" in o) out.params = [];
  return out;
}

describe("counterexample files round-trip", () => {
  it("write then read gives the same trace, in well-formed ITF, binding to the same states", () => {
    fc.assert(
      fc.property(walkArb, (w) => {
        const { model, v, trace } = sample(w);
        const text = writeTrace(model, trace);
        const json = JSON.parse(text);
        expect(itfProblems(json)).toEqual([]);
        const back = readTraceText(text, "walk.itf.json");
        expect(back).toEqual(trace);
        expect(writeTrace(model, back)).toBe(text);
        expect(traceFileName(back)).toBe(traceFileName(trace));

        const bound = bindTrace(model, back);
        if ("problems" in bound) throw new Error(bound.problems.join("\n"));
        expect(bound.bound.steps.map((s) => s.inst)).toEqual(v.instances);
        const path = replayPath(model, v.instances);
        const flat = [path.init, ...path.steps.filter((s) => s.state).map((s) => s.state!)];
        expect(bound.bound.states.map((s) => Array.from(s))).toEqual(flat.map((s) => Array.from(s)));
        expect(bound.bound.property).toEqual(v.property);
      }),
      { numRuns: 150 },
    );
  });

  it("reading is lenient about what ITF allows and binds the loosened file to the same states", () => {
    fc.assert(
      fc.property(walkArb, (w) => {
        const { model, trace } = sample(w);
        const loose = JSON.stringify(loosen(JSON.parse(writeTrace(model, trace))));
        const back = readTraceText(loose, "loose.itf.json");
        const a = bindTrace(model, trace);
        const b = bindTrace(model, back);
        if ("problems" in a || "problems" in b) throw new Error("does not bind");
        expect(b.bound.states.map((s) => Array.from(s))).toEqual(a.bound.states.map((s) => Array.from(s)));
        expect(b.bound.steps).toEqual(a.bound.steps);
        // Canonical again once written by us.
        expect(writeTrace(model, back)).toBe(writeTrace(model, trace));
      }),
      { numRuns: 100 },
    );
  });

  it("walks reach every kind of trace: well_typed in an effect, during a property, invariants and steps", () => {
    const kinds = new Set<string>();
    fc.assert(
      fc.property(walkArb, (w) => {
        const { trace } = sample(w);
        const v = trace.violation;
        kinds.add(v.failedStep ? "failedStep" : v.during ? "during" : v.kind);
      }),
      { numRuns: 300, seed: 42 },
    );
    expect([...kinds].sort()).toEqual(["during", "failedStep", "invariant", "step"]);
  });
});

describe("a lasso's loop", () => {
  it("ITF's top-level loop is read, checked against the states, and written back", () => {
    const text = readFileSync("properties/html/fixtures/lasso.itf.json", "utf8");
    const t = readTraceText(text, "lasso.itf.json");
    expect(t.loop).toBe(2);
    const model = modelFromFile("properties/html/fixtures/lasso.stake");
    expect(readTraceText(writeTrace(model, t), "again.itf.json").loop).toBe(2);
    const bad = JSON.parse(text);
    bad.loop = 4;
    expect(() => readTraceText(JSON.stringify(bad), "bad.itf.json")).toThrow("bad.itf.json: field loop: 4, but a lasso loops back to one of its states, 0 to 3");
  });
});
