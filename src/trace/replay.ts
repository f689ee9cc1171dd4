// Replaying a bound trace on the current model: re-run the recorded steps from the initial state
// and say one of
//   violates  the recorded property fails at the recorded step, as before;
//   passes    every step replays, and the property holds at the last one (the fix holds);
//   diverged  the trace no longer describes a run of this spec: the initial state or the state after
//             step k differs from the recorded one, step k is not enabled, step k now fails
//             `well_typed`, or the property already fails at an earlier step.
// States are compared after every step but the last: the last step is the one a fix changes.
// A conformance counterexample has no property of the spec to judge: its spec side replays (every
// step and state as recorded, `replays`) or diverges; the implementation is `conform`'s business.

import { DISABLED, ENABLED, FAILED, FAILED_PROPERTY, type Model } from "../model/model.js";
import type { PropertyRef } from "../explore/result.js";
import { livenessInstances } from "../ir/liveness.js";
import type { BoundStep, BoundTrace } from "./bind.js";
import { diffStates, type ValueDiff } from "./diff.js";
import type { LassoVerdict } from "../explore/liveness/lasso-check.js";
import { replayLasso } from "./replay-lasso.js";

export interface StepFailure {
  readonly site: number;
  readonly detail: string;
}

export type Divergence =
  /** The recorded initial state (k = 0) or the state after step k is not what the spec reaches. */
  | { readonly kind: "state"; readonly step: number; readonly diffs: readonly ValueDiff[] }
  /** Step k's action instance is not enabled; `require` is the failing guard, when one failed. */
  | { readonly kind: "disabled"; readonly step: number; readonly at: BoundStep; readonly require?: number }
  /** Step k was recorded as one the spec does not enable (a conformance probe), and now it is. */
  | { readonly kind: "enabled"; readonly step: number; readonly at: BoundStep }
  /** Step k (or evaluating the property after it) now fails a `well_typed` check. */
  | { readonly kind: "failed"; readonly step: number; readonly at: BoundStep | null; readonly failure: StepFailure }
  /** The recorded property already fails at step k, before the recorded step. */
  | { readonly kind: "earlier"; readonly step: number }
  /** The trace does not fit the spec any more (a variable, action or value the spec no longer has). */
  | { readonly kind: "mismatch"; readonly problems: readonly string[] };

export type ReplayVerdict =
  | { readonly kind: "violates"; readonly step: number; readonly failure?: StepFailure }
  /** `changed`: how the last state now differs from the recorded one (empty if it does not);
   * `liveness`: why a lasso passes now (the property holds on it, or it is not fair any more). */
  | { readonly kind: "passes"; readonly changed: readonly ValueDiff[]; readonly liveness?: Extract<LassoVerdict, { kind: "holds" | "unfair" }> }
  | { readonly kind: "diverged"; readonly divergence: Divergence }
  /** A conformance counterexample: the spec takes the recorded steps to the recorded states, every
   * one (the last included). Whether an implementation still diverges is for `conform` to say. */
  | { readonly kind: "replays"; readonly steps: number };

/** Holds; violated (with the well_typed failure, for a violation during another property); or
 * evaluating it failed a well_typed check. */
type Check = "holds" | { readonly violated: StepFailure | null } | { readonly failure: StepFailure };

/** Evaluates the trace's property after step k (s -> d by inst; for k = 0, d is the initial state). */
function checkProperty(model: Model, b: BoundTrace, p: PropertyRef, s: Int32Array | null, d: Int32Array, inst: number): Check {
  const failure = (): StepFailure => ({ site: model.failure.site, detail: model.failure.detail });
  const failed = (): Check => ({ failure: failure() });
  const violated: Check = { violated: null };
  if (p.kind === "invariant") {
    const r = model.checkInvariant(p.index, d);
    return r === 1 ? "holds" : r === 0 ? violated : failed();
  }
  if (p.kind === "step") {
    if (!s) return "holds";
    const r = model.checkStep(p.index, s, d, inst);
    return r === 1 ? "holds" : r === 0 ? violated : failed();
  }
  // well_typed while evaluating another property: violated when that evaluation fails.
  const during = b.during;
  if (!during) return "holds";
  const r = during.kind === "invariant" ? model.checkInvariant(during.index, d) : during.kind === "liveness" ? livenessFails(model, during.index, d) : s ? model.checkStep(during.index, s, d, inst) : 1;
  return r === FAILED_PROPERTY ? { violated: failure() } : "holds";
}

/** FAILED_PROPERTY when evaluating liveness property `k` (any instance, P or Q) fails in `s`. */
function livenessFails(model: Model, k: number, s: Int32Array): number {
  const l = (model.spec.liveness ?? [])[k];
  for (let b = 0; b < livenessInstances(l); b++) {
    for (const which of [0, 1]) if (model.checkLive(k, which, b, s) === FAILED_PROPERTY) return FAILED_PROPERTY;
  }
  return 1;
}

/** The `require` that failed since `before` (a copy of the model's requireFailed counters). */
export function failedRequire(model: Model, before: Float64Array): number | undefined {
  const now = model.coverage.requireFailed;
  for (let r = 0; r < now.length; r++) if (now[r] > before[r]) return r;
  return undefined;
}

/** Step k is not enabled: the divergence, with the `require` that failed since `before`, if one did. */
export function disabledDivergence(model: Model, step: BoundStep, k: number, before: Float64Array): Divergence {
  const require = failedRequire(model, before);
  return { kind: "disabled", step: k, at: step, ...(require !== undefined ? { require } : {}) };
}

/** The spec side of a conformance counterexample: every step as recorded (enabled, or not enabled
 * for a probe), every state as recorded. */
function replayConformance(model: Model, b: BoundTrace): ReplayVerdict {
  let cur = new Int32Array(model.width);
  model.init(cur);
  const initDiffs = diffStates(model, b.states[0], cur);
  if (initDiffs.length) return { kind: "diverged", divergence: { kind: "state", step: 0, diffs: initDiffs } };
  const before = new Float64Array(model.coverage.requireFailed.length);
  for (let k = 1; k <= b.steps.length; k++) {
    const step = b.steps[k - 1];
    before.set(model.coverage.requireFailed);
    const next = new Int32Array(model.width);
    const r = model.apply(cur, next, step.inst);
    if (r === FAILED) return { kind: "diverged", divergence: { kind: "failed", step: k, at: step, failure: { site: model.failure.site, detail: model.failure.detail } } };
    if (step.disabled && r === ENABLED) return { kind: "diverged", divergence: { kind: "enabled", step: k, at: step } };
    if (!step.disabled && r === DISABLED) return { kind: "diverged", divergence: disabledDivergence(model, step, k, before) };
    if (r === ENABLED) cur = next;
    const diffs = diffStates(model, b.states[k], cur);
    if (diffs.length) return { kind: "diverged", divergence: { kind: "state", step: k, diffs } };
  }
  return { kind: "replays", steps: b.steps.length };
}

export function replayBound(model: Model, b: BoundTrace): ReplayVerdict {
  if (!b.property) return replayConformance(model, b);
  if (b.lasso) return replayLasso(model, b);
  const property = b.property;
  const n = b.steps.length;
  const inEffect = property.kind === "well_typed" && !b.during;
  let cur = new Int32Array(model.width);
  model.init(cur);
  const initDiffs = diffStates(model, b.states[0], cur);
  if (initDiffs.length) return { kind: "diverged", divergence: { kind: "state", step: 0, diffs: initDiffs } };

  const judge = (k: number, c: Check, at: BoundStep | null): ReplayVerdict | null => {
    if (c === "holds") return k === n ? { kind: "passes", changed: [] } : null;
    if ("violated" in c) {
      if (k < n) return { kind: "diverged", divergence: { kind: "earlier", step: k } };
      return c.violated ? { kind: "violates", step: k, failure: c.violated } : { kind: "violates", step: k };
    }
    // The recorded property's evaluation failed well_typed: a different violation.
    return { kind: "diverged", divergence: { kind: "failed", step: k, at, failure: c.failure } };
  };

  if (n === 0) return judge(0, checkProperty(model, b, property, null, cur, -1), null)!;

  const before = new Float64Array(model.coverage.requireFailed.length);
  for (let k = 1; k <= n; k++) {
    const step = b.steps[k - 1];
    before.set(model.coverage.requireFailed);
    const next = new Int32Array(model.width);
    const r = model.apply(cur, next, step.inst);
    if (r === DISABLED) return { kind: "diverged", divergence: disabledDivergence(model, step, k, before) };
    if (r === FAILED) {
      const failure = { site: model.failure.site, detail: model.failure.detail };
      if (k === n && inEffect) return { kind: "violates", step: k, failure };
      return { kind: "diverged", divergence: { kind: "failed", step: k, at: step, failure } };
    }
    if (r !== ENABLED) throw new Error(`replay: apply returned ${r}`);
    if (k < n) {
      const diffs = diffStates(model, b.states[k], next);
      if (diffs.length) return { kind: "diverged", divergence: { kind: "state", step: k, diffs } };
    }
    const verdict = judge(k, inEffect ? "holds" : checkProperty(model, b, property, cur, next, step.inst), step);
    if (verdict) {
      if (verdict.kind === "passes" && b.states[k]) return { kind: "passes", changed: diffStates(model, b.states[k], next) };
      return verdict;
    }
    cur = next;
  }
  throw new Error("replay: unreachable");
}
