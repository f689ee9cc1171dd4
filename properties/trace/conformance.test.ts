// Conformance counterexamples in the file format (format 2 added them; written as format 3): round trip of the new violation kind
// and of steps the spec does not enable, golden errors for malformed conformance files, and what
// `replay` says of one (its spec side only): replays on the spec, or diverged.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { replayTraceFile, type ReplayOutcome } from "../../src/api/replay.js";
import type { Ty } from "../../src/ir/types.js";
import type { Readable } from "../../src/model/layout.js";
import { DISABLED, ENABLED, type Model } from "../../src/model/model.js";
import { bindTrace } from "../../src/trace/bind.js";
import { traceFromConformance, type ConformanceDivergence } from "../../src/trace/from-conformance.js";
import { readTraceText } from "../../src/trace/read.js";
import { replayBound } from "../../src/trace/replay.js";
import { saveTrace } from "../../src/trace/save.js";
import { traceFileName, writeTrace } from "../../src/trace/write.js";
import { modelFromFile } from "../support/load.js";
import { itfProblems } from "./support/itf-check.js";
import { VALID } from "./support/mutate.js";
import { variants, verdictText } from "./support/variant.js";

const POOL = "spec/pool.stake";
const RICH = "properties/trace/fixtures/rich.stake";
const MODELS: [string, Model][] = [
  [POOL, modelFromFile(POOL)],
  [RICH, modelFromFile(RICH)],
];

const dir = mkdtempSync(join(tmpdir(), "stakecheck-conformance-trace-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A walk that, like conform, now and then tries an instance the spec does not enable. */
function probingWalk(model: Model, choices: readonly { probe: boolean; n: number }[]): { instances: number[]; disabled: boolean[]; state: Int32Array } {
  let s = new Int32Array(model.width);
  model.init(s);
  const d = new Int32Array(model.width);
  const instances: number[] = [];
  const disabled: boolean[] = [];
  for (const c of choices) {
    const on: number[] = [];
    const off: number[] = [];
    for (let i = 0; i < model.instanceCount; i++) {
      const r = model.apply(s, d, i);
      if (r === ENABLED) on.push(i);
      else if (r === DISABLED) off.push(i);
    }
    const list = c.probe && off.length ? off : on;
    if (list.length === 0) break;
    const inst = list[c.n % list.length];
    instances.push(inst);
    disabled.push(list === off);
    if (list === on) {
      const next = new Int32Array(model.width);
      model.apply(s, next, inst);
      s = next;
    }
  }
  return { instances, disabled, state: s };
}

/** A place in a value of type `ty` (`bal[1]`, `last.amount`, `queue[0].owner`) and the value there. */
function placeIn(ty: Ty, v: Readable, path: string, pick: number): { at: string; value: Readable } {
  if (pick % 3 === 0) return { at: path, value: v };
  const next = Math.floor(pick / 3);
  const o = v as Record<string, Readable>;
  if (ty.k === "map") {
    const keys = Object.keys(o);
    const k = keys[next % keys.length];
    return placeIn(ty.val, o[k], `${path}[${k}]`, next);
  }
  if (ty.k === "rec") {
    const f = ty.fields[next % ty.fields.length];
    return placeIn(f.ty, o[f.name], `${path}.${f.name}`, next);
  }
  if (ty.k === "seq" && ty.elem.k !== "any" && Array.isArray(v) && v.length) {
    const i = next % v.length;
    return placeIn(ty.elem, v[i], `${path}[${i}]`, next);
  }
  return { at: path, value: v };
}

const sampleArb = fc.record({
  model: fc.integer({ min: 0, max: MODELS.length - 1 }),
  choices: fc.array(fc.record({ probe: fc.boolean(), n: fc.nat(1000) }), { maxLength: 10 }),
  failure: fc.constantFrom("state", "rejected", "error"),
  variable: fc.nat(100),
  pick: fc.nat(1000),
});

function sample(w: typeof sampleArb extends fc.Arbitrary<infer T> ? T : never) {
  const [path, model] = MODELS[w.model];
  const walk = probingWalk(model, w.choices);
  let failure = w.failure as ConformanceDivergence["failure"];
  // A refused step is one the spec enables: the last one must be enabled.
  if (failure === "rejected" && (walk.instances.length === 0 || walk.disabled[walk.disabled.length - 1])) failure = "error";
  const values = model.decode(walk.state);
  const { name: variable, ty } = model.vars[w.variable % model.vars.length];
  const { at, value } = placeIn(ty, values[variable], variable, w.pick);
  // The implementation's value: for an int, one more (perhaps outside the spec's type: found need not fit).
  const found = typeof value === "number" ? value + 1 : value;
  const d: ConformanceDivergence =
    failure === "state"
      ? { instances: walk.instances, failure, variable, at, expected: value, found, message: `${at} differs` }
      : { instances: walk.instances, failure, message: failure === "rejected" ? "refused" : "read() threw" };
  const trace = traceFromConformance(model, d, { explorer: { kind: "conform", seed: w.pick, flags: { impl: "adapter.ts", runs: 100, steps: 40, path: "1:2" } }, specPath: path });
  return { model, walk, trace };
}

describe("conformance counterexamples round-trip", () => {
  it("write then read gives the same trace (format 3, well-formed ITF), binding to the same steps, and the spec side replays", () => {
    fc.assert(
      fc.property(sampleArb, (w) => {
        const { model, walk, trace } = sample(w);
        const text = writeTrace(model, trace);
        const json = JSON.parse(text);
        expect(itfProblems(json)).toEqual([]);
        expect(json["#meta"]["stakecheck-format"]).toBe(3);
        const back = readTraceText(text, "c.itf.json");
        expect(back).toEqual(trace);
        expect(writeTrace(model, back)).toBe(text);
        expect(traceFileName(back)).toMatch(new RegExp(`-conformance-${trace.violation.name}-[0-9a-f]{8}\\.itf\\.json$`));

        const bound = bindTrace(model, back);
        if ("problems" in bound) throw new Error(bound.problems.join("\n"));
        expect(bound.bound.property).toBeNull();
        expect(bound.bound.steps.map((s) => s.inst)).toEqual(walk.instances);
        expect(bound.bound.steps.map((s) => s.disabled === true)).toEqual(walk.disabled);
        expect(replayBound(model, bound.bound)).toEqual({ kind: "replays", steps: walk.instances.length });
      }),
      { numRuns: 150 },
    );
  });

  it("walks reach every kind: state, rejected and error divergences, with and without steps the spec does not enable", () => {
    const kinds = new Set<string>();
    fc.assert(
      fc.property(sampleArb, (w) => {
        const { trace } = sample(w);
        kinds.add(`${trace.violation.conformance!.failure}${trace.states.some((s) => s.step?.disabled) ? "+disabled" : ""}`);
      }),
      { numRuns: 300, seed: 42 },
    );
    expect([...kinds].sort()).toEqual(["error", "error+disabled", "rejected", "rejected+disabled", "state", "state+disabled"]);
  });

  it("the same divergence saves to one file; property counterexamples are written as format 3 too", () => {
    const [, model] = MODELS[0];
    const { trace } = sample({ model: 0, choices: [{ probe: false, n: 0 }, { probe: true, n: 3 }], failure: "state", variable: 0, pick: 4 });
    const sub = mkdtempSync(join(dir, "save-"));
    const a = saveTrace(model, trace, sub);
    const b = saveTrace(model, trace, sub);
    expect([a.status, b.status]).toEqual(["created", "unchanged"]);
    expect(b.path).toBe(a.path);
    expect(JSON.parse(readFileSync(VALID, "utf8"))["#meta"]["stakecheck-format"]).toBe(3);
  });
});

// ---- a real conformance counterexample, and broken copies of it ----

const model = MODELS[0][1];
const inst = (action: string, ...args: number[]) => model.encodeInstance(model.actions.findIndex((a) => a.name === action), args);
/** What conform finds for a pool that lets anyone withdraw: deposit, unbond, then withdraw by
 * another caller, which the spec does not enable and the implementation accepted. */
const THEFT: ConformanceDivergence = {
  // Choices in declaration order: the caller first, then `a`.
  instances: [inst("deposit", 1, 1), inst("unbond", 1, 1), inst("withdraw", 0, 1)],
  failure: "state",
  variable: "bal",
  at: "bal[1]",
  expected: 2,
  found: 3,
  message: "after step 3, the spec does not allow this step here and the implementation accepted it; bal[1] is 3 in the implementation, 2 in the spec",
};
const theftTrace = traceFromConformance(model, THEFT, { explorer: { kind: "conform", seed: 5, flags: { impl: "theft-adapter.ts" } }, specPath: POOL });
const theftFile = saveTrace(model, theftTrace, mkdtempSync(join(dir, "theft-"))).path;
const validText = readFileSync(theftFile, "utf8");

type J = Record<string, any>;
const MALFORMED: Record<string, [(j: J) => void, string]> = {
  "no conformance field": [(j) => delete j["#meta"].violation.conformance, "field #meta.violation.conformance: missing (a conformance violation says how the implementation diverged)"],
  "an unknown failure": [
    (j) => (j["#meta"].violation.conformance.failure = "crash"),
    'field #meta.violation.conformance.failure: expected "state" | "rejected" | "error" | "accepted", found "crash"',
  ],
  "a state divergence without the implementation's value": [
    (j) => delete j["#meta"].violation.conformance.found,
    "field #meta.violation.conformance: missing found (a state divergence records where the states differ and both values)",
  ],
  "a variable the spec does not have": [(j) => (j["#meta"].violation.name = "bals"), "field #meta.violation.name: spec `StakingPool` has no variable `bals`; did you mean `bal`?"],
  "a place that is not part of the variable": [(j) => (j["#meta"].violation.conformance.at = "bal[7]"), "field #meta.violation.conformance.at: `bal[7]` is not a part of variable `bal`"],
  "a place in another variable": [(j) => (j["#meta"].violation.conformance.at = "stake[1]"), "field #meta.violation.conformance.at: `stake[1]` is not a part of variable `bal`"],
  "an expected value outside its type": [(j) => (j["#meta"].violation.conformance.expected = { "#bigint": "99" }), "field #meta.violation.conformance.expected: 99 is outside 0 .. 11"],
  "a bad found value": [(j) => (j["#meta"].violation.conformance.found = { "#bigint": "x" }), 'field #meta.violation.conformance.found: "#bigint" must be a string of digits, found "x"'],
  "a step the spec does not enable that changed the state": [
    (j) => (j.states[3].pending["#map"][1][1] = { "#bigint": "0" }),
    "state 3: the spec does not enable this step, so its state is state 2's, but pending[1] is 0 here and 1 there",
  ],
  "disabled on the initial state": [(j) => (j.states[0]["#meta"].disabled = true), "state 0, field #meta.disabled: the initial state has no step"],
  "disabled that is not a boolean": [(j) => (j.states[3]["#meta"].disabled = "yes"), 'state 3, field #meta.disabled: expected boolean, found "yes"'],
  "a refused action the spec does not have": [
    (j) => Object.assign(j["#meta"].violation, { name: "withdraww", conformance: { failure: "rejected" } }),
    "field #meta.violation.name: no action `withdraww` in spec `StakingPool`; did you mean `withdraw`?",
  ],
  "conformance details on a property violation": [
    (j) => (j["#meta"].violation.kind = "invariant"),
    [
      "2 problems:",
      "  - state 3, field #meta.disabled: only a conformance counterexample has steps the spec does not enable",
      "  - field #meta.violation.conformance: only a conformance violation says how an implementation diverged",
    ].join("\n"),
  ],
};

describe("malformed conformance counterexamples", () => {
  it.each(Object.keys(MALFORMED))("%s", (name) => {
    const [edit, golden] = MALFORMED[name];
    const j = JSON.parse(validText);
    edit(j);
    const sub = mkdtempSync(join(dir, "bad-"));
    const file = join(sub, "bad.itf.json");
    writeFileSync(file, JSON.stringify(j, null, 2));
    const o = replayTraceFile(file);
    expect(o.kind).toBe("error");
    const message = o.kind === "error" ? o.message.split(`${sub}/`).join("") : "";
    expect(message).toBe(`bad.itf.json: ${golden}`);
    expect(message).not.toMatch(/\n\s+at /);
  });

  it("a property counterexample cannot claim steps the spec does not enable", () => {
    const j = JSON.parse(readFileSync(VALID, "utf8"));
    j.states[1]["#meta"].disabled = true;
    expect(() => readTraceText(JSON.stringify(j), "bad.itf.json")).toThrow(
      "bad.itf.json: state 1, field #meta.disabled: only a conformance counterexample has steps the spec does not enable",
    );
  });
});

// ---- replay: the spec side ----

const specVariant = variants(dir);
/** A copy of spec/pool.stake with `from` replaced by `to`. */
const variant = (name: string, from: string, to: string) => specVariant(name, POOL, from, to);
const text = (o: ReplayOutcome) => verdictText(o, dir);

describe("replay of a conformance counterexample", () => {
  it("on its unchanged spec: replays on the spec, as expected under either expectation", () => {
    for (const expect_ of ["pass", "violation"] as const) {
      const o = replayTraceFile(theftFile, { expect: expect_ });
      expect(o.kind === "replayed" && o.verdict).toEqual({ kind: "replays", steps: 3 });
      expect(o.ok).toBe(true);
    }
    expect(text(replayTraceFile(theftFile)).split("\n")).toEqual([
      `✓ ${theftFile.split(`${dir}/`).join("")}: replays on the spec: its 3 steps reach the recorded states; the implementation it was saved from diverged after step 3 (bal[1]: spec 2, implementation 3)`,
      "    to test an implementation against it: stakecheck conform spec/pool.stake --impl theft-adapter.ts",
    ]);
  });

  it("diverged when the spec now enables a step the implementation had to refuse", () => {
    const o = replayTraceFile(theftFile, { specPath: variant("no-owner-check", "  require caller == a            // delete this line and stakecheck finds the theft\n", "") });
    expect(o.kind === "replayed" && o.verdict).toMatchObject({ kind: "diverged", divergence: { kind: "enabled", step: 3 } });
    expect(o.ok).toBe(false);
    expect(text(o).split("\n").slice(0, 3)).toEqual([
      `✗ ${theftFile.split(`${dir}/`).join("")}: diverged at step 3: \`withdraw(a = 1) by caller = 0\` is enabled now; when this counterexample was saved the spec did not allow it (the implementation had to refuse it)`,
      "    the spec no longer takes these steps to these states: the conformance counterexample is out of date (delete it, or let conform find the divergence again)",
      "    note: no-owner-check.stake changed since this counterexample was saved (its sha256 differs)",
    ]);
  });

  it("diverged when the spec now reaches another state, the last step included", () => {
    const o = replayTraceFile(theftFile, { specPath: variant("unbond-two", "  stake[a] -= 1\n  pending[a] += 1", "  stake[a] -= 1\n  pending[a] += 1\n  bal[a] += 0") });
    // Another text, the same states: still replays (with a note). Now one that changes what unbond does.
    expect(o.kind === "replayed" && o.verdict.kind).toBe("replays");
    const moved = replayTraceFile(theftFile, { specPath: variant("unbond-pays", "  stake[a] -= 1\n  pending[a] += 1", "  stake[a] -= 1\n  bal[a] += 1") });
    expect(moved.kind === "replayed" && moved.verdict).toMatchObject({ kind: "diverged", divergence: { kind: "state", step: 2 } });
    expect(text(moved).split("\n").slice(0, 3)).toEqual([
      `✗ ${theftFile.split(`${dir}/`).join("")}: diverged at step 2: the state after it differs from the recorded one`,
      "    bal[1]: recorded 2, now 3",
      "    pending[1]: recorded 1, now 0",
    ]);
  });
});
