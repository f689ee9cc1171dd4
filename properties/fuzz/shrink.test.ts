// Shrinking keeps the same bug (a candidate that reaches another property's violation first, or a
// well_typed failure at another site, does not count), replays with every step enabled, and the
// breadth-first minimization reaches the shortest trace over the moves a trace uses.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fuzz } from "../../src/api/fuzz.js";
import { bfs } from "../../src/explore/bfs.js";
import { minimizeViolation } from "../../src/explore/minimize.js";
import { replayPath } from "../../src/explore/path.js";
import { selectAll, type Violation } from "../../src/explore/result.js";
import { shrinkViolation } from "../../src/explore/shrink.js";
import { BugReplayer, targetOf } from "../../src/explore/shrink-replay.js";
import type { Model } from "../../src/model/model.js";
import { modelFromFile, modelFromText } from "../support/load.js";

/** The violation a replay of `instances` shows first (as the fuzzer would report it). */
function violationOf(model: Model, instances: number[]): Violation {
  const replayer = new BugReplayer(model, selectAll(model));
  for (const property of model.spec.invariants.map((p, index) => ({ kind: "invariant" as const, index, name: p.name }))) {
    const v = replayer.violation(instances, { property });
    if (v) return v;
  }
  throw new Error("no invariant violated");
}

const inst = (model: Model, action: string, ...args: number[]) =>
  model.encodeInstance(
    model.actions.findIndex((a) => a.name === action),
    args,
  );

describe("shrinking keeps the same bug", () => {
  it("rejects shrinks that reach another invariant's violation first", () => {
    const model = modelFromText(`spec TwoBugs
var x: 0 .. 9 = 0
var y: 0 .. 9 = 0
action incX() { x += 1 }
action incY() { y += 1 }
invariant b_first: not (x >= 2 and y == 0)
invariant a_target: y < 3`);
    const [X, Y] = [inst(model, "incX"), inst(model, "incY")];
    const found = violationOf(model, [Y, X, X, Y, Y]);
    expect(found.property.name).toBe("a_target");
    for (const prePasses of [true, false]) {
      const shrunk = shrinkViolation(model, found, { seed: 1, properties: selectAll(model), prePasses }).violation;
      // [X, X] would show a bug in 2 steps, but not this one.
      expect(shrunk.property.name).toBe("a_target");
      expect(shrunk.instances).toEqual([Y, Y, Y]);
    }
  });

  it("rejects shrinks that trade a well_typed failure for one at another site", () => {
    const model = modelFromText(`spec TwoOverflows
var x: 0 .. 3 = 0
var y: 0 .. 1 = 0
action a() { x += 1 }
action b() { y += 1 }`);
    const [A, B] = [inst(model, "a"), inst(model, "b")];
    const run = replayPath(model, [A, A, A, B, A]);
    const last = run.steps.at(-1)!;
    expect(last.status).toBe("failed");
    const found: Violation = { property: { kind: "well_typed", index: -1, name: "well_typed" }, instances: [A, A, A, B, A], failure: last.failure! };
    for (const prePasses of [true, false]) {
      const shrunk = shrinkViolation(model, found, { seed: 1, properties: selectAll(model), prePasses }).violation;
      expect(shrunk.instances).toEqual([A, A, A, A]);
      expect(shrunk.failure!.site).toBe(found.failure!.site);
    }
    // [B, B] fails in 2 steps, at the other site.
    expect(replayPath(model, [B, B]).steps[1].failure!.site).not.toBe(found.failure!.site);
  });

  it("prefix reuse does not change what a candidate shows (differential against fresh replays)", () => {
    const model = modelFromFile("properties/fuzz/specs/slash-round-up.stake");
    const found = fuzz(model, { seed: 5, runs: 2000, shrink: false }).violation!;
    const target = targetOf(found);
    const edit = fc.oneof(
      fc.record({ kind: fc.constant("drop" as const), at: fc.nat() }),
      fc.record({ kind: fc.constant("set" as const), at: fc.nat(), to: fc.nat({ max: model.instanceCount - 1 }) }),
    );
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 40 }), (edits) => {
        const shared = new BugReplayer(model, selectAll(model));
        let trace = [...found.instances];
        shared.length(trace, target);
        for (const e of edits) {
          if (trace.length === 0) break;
          const at = e.at % trace.length;
          const candidate = e.kind === "drop" ? [...trace.slice(0, at), ...trace.slice(at + 1)] : trace.map((x, i) => (i === at ? e.to : x));
          const n = shared.length(candidate, target);
          if (n !== new BugReplayer(model, selectAll(model)).length(candidate, target)) return false;
          if (n >= 0) trace = candidate; // as fast-check does: go on from the last failing one
        }
        return true;
      }),
      { seed: 1, numRuns: 100 },
    );
  });
});

describe("fast-check's shrinking", () => {
  it.each([
    { file: "properties/fuzz/specs/withdraw-no-owner.stake", length: 3 },
    { file: "properties/fuzz/specs/slash-round-up.stake", length: 8 },
  ])("alone (no linear passes) shrinks walks of $file to the same bug, every step enabled", ({ file, length }) => {
    const model = modelFromFile(file);
    for (const seed of [1, 2, 3]) {
      const found = fuzz(model, { seed, runs: 2000, shrink: false }).violation!;
      const r = shrinkViolation(model, found, { seed, properties: selectAll(model), prePasses: false });
      expect(r.fastCheckShrinks).toBe(r.shrinks);
      expect(targetOf(r.violation)).toEqual(targetOf(found));
      expect(r.violation.instances.length).toBeGreaterThanOrEqual(length);
      expect(r.violation.instances.length).toBeLessThanOrEqual(found.instances.length);
      if (found.instances.length > length) expect(r.fastCheckShrinks).toBeGreaterThan(0);
      const steps = replayPath(model, r.violation.instances).steps;
      expect(steps.slice(0, -1).every((st) => st.status === "enabled")).toBe(true);
    }
  });
});

describe("minimization", () => {
  it.each([
    { file: "properties/fuzz/specs/withdraw-no-owner.stake", consts: {} as Record<string, number> },
    { file: "properties/fuzz/specs/slash-round-up.stake", consts: {} as Record<string, number> },
    { file: "spec/anchor-bft.stake", consts: { F: 2 } },
  ])("turns an unshrunk walk of $file into a shortest counterexample", ({ file, consts }) => {
    const model = modelFromFile(file, consts);
    const shortest = bfs(model).violations[0].instances.length;
    for (const seed of [1, 2, 3, 4]) {
      const found = fuzz(model, { seed, runs: 2000, shrink: false }).violation!;
      const m = minimizeViolation(model, found, targetOf(found), { properties: selectAll(model) });
      expect(m.violation.instances.length).toBe(shortest);
      expect(m.searched).toBe("actions");
      expect(m.shorter).toBe(found.instances.length > shortest);
      const steps = replayPath(model, m.violation.instances).steps;
      expect(steps.slice(0, -1).every((s) => s.status === "enabled")).toBe(true);
    }
  });

  it("stops at its state budget and says so", () => {
    const model = modelFromFile("properties/fuzz/specs/unbonding-queue.stake");
    const run = fuzz(model, { seed: 1, runs: 200, swarm: true, minimizeMaxStates: 1000 });
    expect(run.violation!.instances.length).toBe(25);
    // The trace's own instances: one chain; all of unbond's instances: far over 1,000 states.
    expect(run.minimize!.searched).toBe("instances");
  });
});
