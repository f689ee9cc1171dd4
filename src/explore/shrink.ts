// Shrinking a counterexample with fast-check. A trace is a choice sequence: one action instance
// number per step. fast-check's array shrinker proposes fewer steps, and its integer shrinker
// smaller instance numbers (instances are numbered action by action, parameters in order, so
// smaller means an earlier action or smaller parameters). Each candidate is replayed with disabled
// steps skipped (BugReplayer), and counts as failing only if it shows the same bug.
//
// The found trace is handed to fast-check as its only example (`examples`, `numRuns: 1`), so
// fast-check runs no random input of its own and goes straight to shrinking it; a plugin caps the
// number of candidates tried. Shrinking is deterministic: the same trace and budget give the same
// result (fast-check's shrinkers draw no random numbers; its seed is set from ours anyway).
//
// Two cheap linear passes run first, because fast-check's array shrinker restarts from the head of
// the array after every accepted shrink (O(n) candidates each time, each an O(n) replay): a trace of
// 150 essential steps whose values all shrink costs it ~60,000 candidates, 10+ seconds. The passes
// drop the steps that can go one at a time, then lower each step's instance number as far as it
// goes, so fast-check is left to confirm (and improve on) a trace that is already nearly minimal:
// what it still finds are shrinks no single-step change makes.

import fc from "fast-check";
import type { Model } from "../model/model.js";
import type { PropertySelection, Violation } from "./result.js";
import { BugReplayer, targetOf, type Target } from "./shrink-replay.js";

export interface ShrinkOptions {
  readonly seed: number;
  readonly properties: PropertySelection;
  /** Candidate traces to try at most (default 200,000): a budget in work, not time, so that the
   * result does not depend on the machine. */
  readonly maxCandidates?: number;
  /** Drop single steps, then lower single steps' instance numbers, in two linear passes before
   * fast-check shrinks (default true). */
  readonly prePasses?: boolean;
}

export interface ShrinkResult {
  readonly violation: Violation;
  /** Shrink steps taken (candidates that kept the bug and replaced the trace), by the linear passes
   * and by fast-check. */
  readonly shrinks: number;
  /** Of those, the ones fast-check took. */
  readonly fastCheckShrinks: number;
  /** Candidates replayed. */
  readonly candidates: number;
  readonly seconds: number;
  /** True when the candidate budget ran out before fast-check was done. */
  readonly exhausted: boolean;
}

export const DEFAULT_MAX_CANDIDATES = 200_000;

/** One fast-check shrinking pass over `trace`; the smallest failing trace it reached. */
function shrinkPass(
  model: Model,
  replayer: BugReplayer,
  target: Target,
  trace: readonly number[],
  seed: number,
  budget: number,
): { trace: number[]; shrinks: number; tried: number; exhausted: boolean } {
  let tried = 0;
  let exhausted = false;
  // Interrupting the run (a precondition failure that interrupts) keeps the last failing value.
  const cap: fc.Plugin<[number[]]> = () => ({
    decorateRun: (run) => (value) => {
      if (tried >= budget) {
        exhausted = true;
        return new fc.PreconditionFailure(true);
      }
      tried++;
      return run(value);
    },
  });
  const arb = fc.array(fc.integer({ min: 0, max: Math.max(0, model.instanceCount - 1) }), { maxLength: trace.length });
  const property = fc.property(arb, (candidate) => replayer.length(candidate, target) < 0);
  const details = fc.check<[number[]]>(property, { examples: [[[...trace]]], numRuns: 1, seed, plugins: [cap] });
  if (!details.failed || details.counterexample === null) return { trace: [...trace], shrinks: 0, tried, exhausted };
  return { trace: details.counterexample[0], shrinks: details.numShrinks, tried, exhausted };
}

/** One pass from the last step to the first, dropping each step whose removal keeps the bug: n
 * candidates, each sharing a prefix with the current trace, so replays are short. */
function dropSteps(replayer: BugReplayer, target: Target, trace: number[], budget: number): { trace: number[]; tried: number; accepted: number } {
  let tried = 0;
  let accepted = 0;
  for (let k = trace.length - 1; k >= 0 && tried < budget; k--) {
    const candidate = trace.slice(0, k).concat(trace.slice(k + 1));
    tried++;
    if (replayer.length(candidate, target) >= 0) {
      trace = candidate;
      accepted++;
    }
  }
  return { trace, tried, accepted };
}

/** One pass from the first step to the last, lowering each step's instance number as fast-check's
 * integer shrinker would (0 first, then halving the distance) while the bug stays. A lowered step
 * that is not enabled where it comes is skipped on replay: that drops it. */
function lowerSteps(replayer: BugReplayer, target: Target, trace: number[], budget: number): { trace: number[]; tried: number; accepted: number } {
  let tried = 0;
  let accepted = 0;
  for (let k = 0; k < trace.length && tried < budget; k++) {
    let lowered = true;
    while (lowered && trace[k] > 0 && tried < budget) {
      lowered = false;
      const v = trace[k];
      for (let gap = v; gap > 0 && tried < budget; gap = Math.floor(gap / 2)) {
        const candidate = trace.slice();
        candidate[k] = v - gap;
        tried++;
        if (replayer.length(candidate, target) >= 0) {
          trace = candidate;
          accepted++;
          lowered = true;
          break;
        }
      }
    }
  }
  return { trace, tried, accepted };
}

/** Shrinks a violation to a shorter (or equal) trace that shows the same bug, every step enabled. */
export function shrinkViolation(model: Model, v: Violation, options: ShrinkOptions): ShrinkResult {
  const t0 = performance.now();
  const budget = options.maxCandidates ?? DEFAULT_MAX_CANDIDATES;
  const replayer = new BugReplayer(model, options.properties);
  const target = targetOf(v);
  let best = replayer.violation(v.instances, target);
  if (!best) throw new Error(`internal: the counterexample for ${v.property.name} does not replay`);
  let shrinks = 0;
  let fastCheckShrinks = 0;
  let candidates = 0;
  let exhausted = false;
  if (options.prePasses !== false) {
    for (const pass of [dropSteps, lowerSteps]) {
      const r = pass(replayer, target, [...best.instances], budget - candidates);
      candidates += r.tried;
      shrinks += r.accepted;
      best = replayer.violation(r.trace, target) ?? best;
    }
  }
  // fast-check stops at a trace none of whose shrinks fails; when that trace still has skipped
  // (disabled) steps or steps after the violation, dropping them gives a new trace whose shrinks
  // were not all tried: another pass.
  for (let pass = 0; pass < 4 && !exhausted; pass++) {
    const r = shrinkPass(model, replayer, target, best.instances, (options.seed + pass) | 0, budget - candidates);
    shrinks += r.shrinks;
    fastCheckShrinks += r.shrinks;
    candidates += r.tried;
    exhausted = r.exhausted;
    const next = replayer.violation(r.trace, target);
    if (!next) throw new Error(`internal: the shrunk counterexample for ${v.property.name} does not replay`);
    best = next;
    if (next.instances.length === r.trace.length) break;
  }
  return { violation: best, shrinks, fastCheckShrinks, candidates, seconds: (performance.now() - t0) / 1000, exhausted: exhausted || candidates >= budget };
}
