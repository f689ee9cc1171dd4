// Liveness on random walks (`fuzz`): a walk that comes back to a state it visited closes a loop,
// and a walk that reaches a state where nothing is enabled ends in a stutter; each such lasso is
// judged (src/explore/liveness/lasso-check.ts): a violation counts only when the property fails on
// it and it is fair. Walks that close no violating fair loop prove nothing: `check` proves liveness.
// Deterministic: the same model, seed and budget give the same walks.

import { livenessBinding, livenessInstances } from "../../ir/liveness.js";
import type { Model } from "../../model/model.js";
import { livenessRef, type PropertySelection, type Violation } from "../result.js";
import { Rng } from "../rng.js";
import { fairnessOf } from "./fairness.js";
import { judgeLasso, type ConcreteLasso } from "./lasso-check.js";

export interface LassoWalkOptions {
  readonly seed: number;
  readonly runs: number;
  readonly depth: number;
  readonly properties: PropertySelection;
  /** Stop at this time (performance.now()); default: no limit. */
  readonly deadline?: number;
  readonly shouldStop?: () => boolean;
}

export interface LassoWalkResult {
  readonly violation?: Violation;
  readonly runs: number;
  readonly steps: number;
  /** Lassos closed (loops and stutters) and judged. */
  readonly lassos: number;
  readonly seconds: number;
}

/** Seeds the lasso walks apart from the invariant walks of the same seed. */
const SALT = 0x5bd1e995;

function key(s: Int32Array): string {
  return s.join(",");
}

export function lassoWalks(model: Model, options: LassoWalkOptions): LassoWalkResult {
  const t0 = performance.now();
  const liveness = model.spec.liveness ?? [];
  const targets: { k: number; b: number }[] = [];
  liveness.forEach((l, k) => {
    if (!options.properties.liveness?.[k]) return;
    for (let b = 0; b < livenessInstances(l); b++) targets.push({ k, b });
  });
  const fairness = fairnessOf(model);
  const rng = new Rng((options.seed ^ SALT) >>> 0);
  const enabled: number[] = [];
  const next: Int32Array[] = [];
  let runs = 0;
  let steps = 0;
  let lassos = 0;
  const judge = (lasso: ConcreteLasso): Violation | undefined => {
    lassos++;
    for (const { k, b } of targets) {
      const v = judgeLasso(model, fairness, k, b, lasso);
      if (v.kind !== "violates") continue;
      const l = liveness[k];
      return {
        property: livenessRef(model, k),
        instances: [...lasso.steps],
        lasso: { instance: b, binding: livenessBinding(l, b), loop: lasso.loop, closing: lasso.closing, ...(v.trigger !== null && l.kind !== "stable" ? { trigger: v.trigger } : {}) },
      };
    }
    return undefined;
  };
  if (targets.length === 0) return { runs, steps, lassos, seconds: 0 };
  while (runs < options.runs) {
    if ((options.deadline !== undefined && performance.now() >= options.deadline) || options.shouldStop?.()) break;
    runs++;
    const init = new Int32Array(model.width);
    model.init(init);
    const states = [init];
    const path: number[] = [];
    const seen = new Map<string, number>([[key(init), 0]]);
    for (let step = 0; step < options.depth; step++) {
      const s = states[states.length - 1];
      enabled.length = 0;
      next.length = 0;
      model.expand(
        s,
        new Int32Array(model.width),
        (inst) => {
          enabled.push(inst);
          return false;
        },
        () => false,
      );
      if (enabled.length === 0) {
        // Nothing is enabled: the behaviour stutters here forever.
        const v = judge({ states, steps: path, loop: states.length - 1, closing: -1 });
        if (v) return { violation: v, runs, steps, lassos, seconds: (performance.now() - t0) / 1000 };
        break;
      }
      const inst = enabled[rng.below(enabled.length)];
      const d = new Int32Array(model.width);
      model.apply(s, d, inst);
      steps++;
      const k = key(d);
      const at = seen.get(k);
      if (at !== undefined) {
        const v = judge({ states, steps: path, loop: at, closing: inst });
        if (v) return { violation: v, runs, steps, lassos, seconds: (performance.now() - t0) / 1000 };
        // Walk on from the state reached, as if the loop were not closed.
      } else {
        seen.set(k, states.length);
      }
      if (at !== undefined) {
        // Continue the walk from the revisited state: the prefix is kept, the loop dropped.
        states.length = at + 1;
        path.length = at;
        for (const [x, i] of seen) if (i > at) seen.delete(x);
        continue;
      }
      states.push(d);
      path.push(inst);
    }
  }
  return { runs, steps, lassos, seconds: (performance.now() - t0) / 1000 };
}
