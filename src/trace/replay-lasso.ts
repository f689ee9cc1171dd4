// Replaying a saved lasso (a liveness counterexample) on the current model: every recorded step,
// the loop's closing step included, must be enabled and reach the recorded state (else diverged);
// then the infinite behaviour is judged on the current spec (src/explore/liveness/lasso-check.ts):
// still violates (the property fails on it and it is fair), now passes (the property holds on it,
// or it is no longer fair: a fix made an action fair), or diverged (evaluating the property fails).

import { fairnessOf } from "../explore/liveness/fairness.js";
import { judgeLasso } from "../explore/liveness/lasso-check.js";
import { DISABLED, ENABLED, FAILED, type Model } from "../model/model.js";
import type { BoundTrace } from "./bind.js";
import { diffStates } from "./diff.js";
import { assertNever } from "../util/assert-never.js";
import type { ReplayVerdict } from "./replay.js";

function failedRequire(model: Model, before: Float64Array): number | undefined {
  const now = model.coverage.requireFailed;
  for (let r = 0; r < now.length; r++) if (now[r] > before[r]) return r;
  return undefined;
}

export function replayLasso(model: Model, b: BoundTrace): ReplayVerdict {
  const lasso = b.lasso!;
  const property = b.property!;
  const init = new Int32Array(model.width);
  model.init(init);
  const initDiffs = diffStates(model, b.states[0], init);
  if (initDiffs.length) return { kind: "diverged", divergence: { kind: "state", step: 0, diffs: initDiffs } };
  const states = [init];
  const steps = lasso.closing ? [...b.steps, lasso.closing] : b.steps;
  const before = new Float64Array(model.coverage.requireFailed.length);
  for (let k = 1; k <= steps.length; k++) {
    const step = steps[k - 1];
    const cur = states[k - 1];
    const next = new Int32Array(model.width);
    before.set(model.coverage.requireFailed);
    const r = model.apply(cur, next, step.inst);
    if (r === DISABLED) {
      const require = failedRequire(model, before);
      return { kind: "diverged", divergence: { kind: "disabled", step: k, at: step, ...(require !== undefined ? { require } : {}) } };
    }
    if (r === FAILED) return { kind: "diverged", divergence: { kind: "failed", step: k, at: step, failure: { site: model.failure.site, detail: model.failure.detail } } };
    if (r !== ENABLED) throw new Error(`replay: apply returned ${r}`);
    // The closing step goes back to the loop's first state.
    const recorded = k < b.states.length ? b.states[k] : b.states[lasso.loop];
    const diffs = diffStates(model, recorded, next);
    if (diffs.length) return { kind: "diverged", divergence: { kind: "state", step: k, diffs } };
    if (k < b.states.length) states.push(next);
  }
  const verdict = judgeLasso(model, fairnessOf(model), property.index, lasso.instance, {
    states,
    steps: b.steps.map((s) => s.inst),
    loop: lasso.loop,
    closing: lasso.closing ? lasso.closing.inst : -1,
  });
  switch (verdict.kind) {
    case "violates":
      return { kind: "violates", step: b.steps.length };
    case "holds":
    case "unfair":
      return { kind: "passes", changed: [], liveness: verdict };
    case "failed":
      return { kind: "diverged", divergence: { kind: "failed", step: verdict.at, at: null, failure: { site: verdict.site, detail: verdict.detail } } };
    default:
      return assertNever(verdict);
  }
}
