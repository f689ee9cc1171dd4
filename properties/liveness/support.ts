// Helpers for the liveness tests: check a spec's liveness properties exhaustively, and confirm each
// lasso independently (it replays on the model, the property fails on it, it is fair).

import { expect } from "vitest";
import { compileModel } from "../../src/compile/compile.js";
import { fairnessOf } from "../../src/explore/liveness/fairness.js";
import { judgeLasso } from "../../src/explore/liveness/lasso-check.js";
import { livenessSearch, type LivenessSearchOptions } from "../../src/explore/liveness/search.js";
import type { BfsResult } from "../../src/explore/bfs.js";
import type { Violation } from "../../src/explore/result.js";
import type { Model } from "../../src/model/model.js";
import { concreteLasso } from "../../src/report/lasso-text.js";
import { specFromText } from "../support/load.js";

export interface LiveRun {
  readonly model: Model;
  readonly result: BfsResult;
  /** Per liveness property name: "holds" or "violated". */
  readonly verdicts: Record<string, "holds" | "violated">;
}

export function checkLive(text: string, options: LivenessSearchOptions = {}, consts: Record<string, number> = {}): LiveRun {
  const model = compileModel(specFromText(text, "<test>", consts));
  const result = livenessSearch(model, options);
  expect(result.limit, "the search ran to the end").toBeUndefined();
  const verdicts: Record<string, "holds" | "violated"> = {};
  (model.spec.liveness ?? []).forEach((l, k) => {
    const v = result.violations.find((x) => x.property.kind === "liveness" && x.property.index === k);
    verdicts[l.name] = v ? "violated" : "holds";
    if (v) confirmLasso(model, v);
  });
  return { model, result, verdicts };
}

/** The lasso replays on the model, violates its property instance and is fair. */
export function confirmLasso(model: Model, v: Violation): void {
  const lasso = concreteLasso(model, v);
  const verdict = judgeLasso(model, fairnessOf(model), v.property.index, v.lasso!.instance, lasso);
  expect(verdict.kind, `the lasso of ${v.property.name} violates it and is fair`).toBe("violates");
  if (v.lasso!.closing < 0) expect(v.lasso!.loop).toBe(v.instances.length);
  else {
    // The closing step goes back to the loop's first state.
    const d = new Int32Array(model.width);
    expect(model.apply(lasso.states[lasso.states.length - 1], d, v.lasso!.closing)).toBe(1);
    expect(Array.from(d)).toEqual(Array.from(lasso.states[v.lasso!.loop]));
  }
}

/** The steps of a violation's lasso: before the loop, and in the loop (0: a stutter). */
export function shape(v: Violation): { prefix: number; loop: number } {
  const l = v.lasso!;
  return { prefix: l.loop, loop: v.instances.length - l.loop + (l.closing >= 0 ? 1 : 0) };
}

export function violationOf(run: LiveRun, name: string): Violation {
  const v = run.result.violations.find((x) => x.property.kind === "liveness" && x.property.name === name);
  if (!v) throw new Error(`${name} is not violated`);
  return v;
}
