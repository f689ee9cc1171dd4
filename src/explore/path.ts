// Replays a path of action instances from the initial state, to show (and check) a trace.

import { ENABLED, FAILED, type Model } from "../model/model.js";

export interface PathStep {
  readonly inst: number;
  readonly action: number;
  /** Choice values (codes) of the instance. */
  readonly args: readonly number[];
  /** The state after the step; null when the step failed a well_typed check or was not enabled. */
  readonly state: Int32Array | null;
  readonly status: "enabled" | "disabled" | "failed";
  readonly failure?: { readonly site: number; readonly detail: string };
}

export interface ReplayedPath {
  readonly init: Int32Array;
  readonly steps: PathStep[];
}

/** Replays `instances` from the initial state; stops at the first step that is not enabled. */
export function replayPath(model: Model, instances: readonly number[]): ReplayedPath {
  const init = new Int32Array(model.width);
  model.init(init);
  const steps: PathStep[] = [];
  let cur = init;
  for (const inst of instances) {
    const { action, args } = model.decodeInstance(inst);
    const next = new Int32Array(model.width);
    const r = model.apply(cur, next, inst);
    if (r === ENABLED) {
      steps.push({ inst, action, args, state: next, status: "enabled" });
      cur = next;
      continue;
    }
    if (r === FAILED) {
      const f = model.failure;
      steps.push({ inst, action, args, state: null, status: "failed", failure: { site: f.site, detail: f.detail } });
    } else {
      steps.push({ inst, action, args, state: null, status: "disabled" });
    }
    break;
  }
  return { init, steps };
}
