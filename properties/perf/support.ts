// Helpers for the performance-feature tests: run a search, summarise what must not depend on how
// it ran (counts, verdicts, counterexample lengths), and replay a counterexample on the model.

import { replayPath } from "../../src/explore/path.js";
import type { BfsResult } from "../../src/explore/bfs.js";
import type { Violation } from "../../src/explore/result.js";
import { FAILED_PROPERTY, type Model } from "../../src/model/model.js";

export function counts(r: BfsResult): { distinct: number; generated: number; depth: number } {
  return { distinct: r.stats.distinct, generated: r.stats.generated, depth: r.stats.depth };
}

/** Each violated property with the length of its counterexample, sorted. */
export function verdicts(r: BfsResult): string[] {
  return r.violations.map((v) => `${v.property.kind}:${v.property.name}:${v.instances.length}`).sort();
}

/** Whether replaying `v.instances` from the initial state shows the violation `v` describes. */
export function reproduces(model: Model, v: Violation): boolean {
  const path = replayPath(model, v.instances);
  const steps = path.steps;
  if (steps.length !== v.instances.length) return false;
  const last = steps[steps.length - 1];
  if (v.property.kind === "well_typed" && !v.during) return last?.status === "failed";
  if (steps.some((s) => s.status !== "enabled")) return false;
  const state = last?.state ?? path.init;
  if (v.property.kind === "invariant") return model.checkInvariant(v.property.index, state) === 0;
  if (v.property.kind === "well_typed" && v.during) {
    if (v.during.kind === "invariant") return model.checkInvariant(v.during.index, state) === FAILED_PROPERTY;
    const prev = steps.length > 1 ? steps[steps.length - 2].state! : path.init;
    return model.checkStep(v.during.index, prev, state, last.inst) === FAILED_PROPERTY;
  }
  const prev = steps.length > 1 ? steps[steps.length - 2].state! : path.init;
  return model.checkStep(v.property.index, prev, state, last.inst) === 0;
}
