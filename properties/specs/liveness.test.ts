// The spec library's liveness properties, checked exhaustively: every fixed spec's hold (over the
// pinned graph), and the liveness-only buggy variants fail exactly where their headers say, with
// the pinned lasso shape, the failing instances pinned, and every safety property still holding.
// The pausable-claims variant holds under strong fairness of `claim` and fails under weak: both
// are checked here, as its header says.

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { check } from "../../src/api/check.js";
import { loadSpecText } from "../../src/api/load.js";
import { livenessWarnings } from "../../src/report/liveness-warnings.js";
import { renderDiagnostics } from "../../src/report/diagnostics.js";
import { confirmLasso, shape } from "../liveness/support.js";
import { loadShipped } from "./load.js";

const FIXED: { file: string; distinct: number; edges: number; holds: string[] }[] = [
  { file: "spec/governance.stake", distinct: 76_005, edges: 448_380, holds: ["passed_resolved"] },
  { file: "spec/share-pool.stake", distinct: 289_101, edges: 1_121_966, holds: ["matured_withdrawals_paid"] },
  { file: "spec/unbonding-queue.stake", distinct: 34, edges: 90, holds: ["finalized", "claimed"] },
  { file: "spec/unbonding-slash.stake", distinct: 50_127, edges: 97_507, holds: ["unbonding_paid_out"] },
  { file: "spec/withdrawal-limits.stake", distinct: 518, edges: 1_750, holds: ["paid"] },
];

const BUGGY: { file: string; violated: string; failing: number[][]; lasso: { prefix: number; loop: number }; holds: string[] }[] = [
  { file: "spec/buggy/unbonding-queue-lifo.stake", violated: "finalized", failing: [[0], [1]], lasso: { prefix: 2, loop: 4 }, holds: ["claimed"] },
  { file: "spec/buggy/unbonding-queue-pausable-claims.stake", violated: "claimed", failing: [[0], [1]], lasso: { prefix: 2, loop: 2 }, holds: ["finalized"] },
  { file: "spec/buggy/withdrawal-limits-instant-first.stake", violated: "paid", failing: [[0], [1], [2]], lasso: { prefix: 1, loop: 6 }, holds: [] },
];

describe("the spec library's liveness properties", () => {
  it.each(FIXED)("$file: $holds hold over $distinct states and $edges edges, nothing vacuous", ({ file, distinct, edges, holds }) => {
    const { spec } = loadShipped(file);
    const run = check(spec);
    const r = run.result;
    expect(r.limit).toBeUndefined();
    expect(r.violations.map((v) => v.property.name)).toEqual([]);
    expect((spec.liveness ?? []).map((l) => l.name)).toEqual(holds);
    expect({ distinct: r.stats.distinct, edges: r.liveness!.edges }).toEqual({ distinct, edges });
    expect(renderDiagnostics(livenessWarnings(run.model, r))).toBe("");
  });

  it.each(BUGGY)("$file violates only $violated, for $failing, with a lasso of $lasso", ({ file, violated, failing, lasso, holds }) => {
    const { spec } = loadShipped(file);
    const run = check(spec);
    const r = run.result;
    expect(r.limit).toBeUndefined();
    expect(r.violations.map((v) => `${v.property.kind} ${v.property.name}`)).toEqual([`liveness ${violated}`]);
    const k = spec.liveness!.findIndex((l) => l.name === violated);
    expect(r.liveness!.properties[k]!.failing).toEqual(failing);
    expect(shape(r.violations[0])).toEqual(lasso);
    confirmLasso(run.model, r.violations[0]);
    expect(spec.liveness!.map((l) => l.name).filter((n) => n !== violated)).toEqual(holds);
  });

  it("share-pool's states are wider than 64 bits: --exact keeps them whole and finds the same graph", () => {
    const run = check(loadShipped("spec/share-pool.stake").spec, { exact: true });
    expect(run.result.exact).toBe(true);
    expect({ distinct: run.result.stats.distinct, edges: run.result.liveness!.edges, violations: run.result.violations }).toEqual({ distinct: 289_101, edges: 1_121_966, violations: [] });
  });

  it("pausable claims: weak fairness of claim is not enough, strong fairness is", () => {
    const file = "spec/buggy/unbonding-queue-pausable-claims.stake";
    const text = readFileSync(file, "utf8");
    expect(text).toContain("\nfair action claim(");
    const strong = loadSpecText(text.replace("\nfair action claim(", "\nstrong fair action claim("), file);
    expect(check(strong.spec!).result.violations).toEqual([]);
  });

  it("withdrawal limits, instant first: no fairness of the report helps, it is taken all along", () => {
    const file = "spec/buggy/withdrawal-limits-instant-first.stake";
    const text = readFileSync(file, "utf8");
    expect(text).toContain("\nfair action report(");
    const strong = loadSpecText(text.replace("\nfair action report(", "\nstrong fair action report(").replace("\nfair action next_epoch(", "\nstrong fair action next_epoch("), file);
    expect(check(strong.spec!).result.violations.map((v) => v.property.name)).toEqual(["paid"]);
  });

  it("withdrawal limits, reset on set: the burst breaks the limit, not the queue's liveness", () => {
    const run = check(loadShipped("spec/buggy/withdrawal-limits-reset-on-set.stake").spec, { continueAfterViolation: true });
    expect(run.result.limit).toBeUndefined();
    expect(run.result.violations.map((v) => `${v.property.kind} ${v.property.name}`)).toEqual(["invariant epoch_within_limit"]);
    expect({ distinct: run.result.stats.distinct, edges: run.result.liveness!.edges }).toEqual({ distinct: 822, edges: 2_742 });
  });

  it("LIFO: no fairness of finalize helps, it is taken all along", () => {
    const file = "spec/buggy/unbonding-queue-lifo.stake";
    const text = readFileSync(file, "utf8");
    const strong = loadSpecText(text.replace("\nfair action finalize(", "\nstrong fair action finalize("), file);
    expect(check(strong.spec!).result.violations.map((v) => v.property.name)).toEqual(["finalized"]);
  });
});
