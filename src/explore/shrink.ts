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
  /** Drop single steps in one linear pass before fast-check shrinks (default true). */
  readonly dropPass?: boolean;
}

export interface ShrinkResult {
  readonly violation: Violation;
  /** Shrink steps fast-check took (candidates that kept the bug and replaced the trace). */
  readonly shrinks: number;
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

/** One pass from the last step to the first, dropping each step whose removal keeps the bug:
 * n candidates that share a prefix with the current trace, so cheap. fast-check's array shrinker
 * removes inner steps only through nested passes over the tail, hundreds of candidates per step of
 * a long trace; handing it a trace with the removable steps gone leaves it the value shrinks
 * (earlier actions, smaller parameters) and the removals that need two steps to go together. */
function dropSteps(replayer: BugReplayer, target: Target, v: Violation, budget: number): { violation: Violation; tried: number; dropped: number } {
  let trace = [...v.instances];
  let tried = 0;
  let dropped = 0;
  for (let k = trace.length - 1; k >= 0 && tried < budget; k--) {
    const candidate = trace.slice(0, k).concat(trace.slice(k + 1));
    tried++;
    if (replayer.length(candidate, target) >= 0) {
      trace = candidate;
      dropped++;
    }
  }
  return { violation: replayer.violation(trace, target) ?? v, tried, dropped };
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
  let candidates = 0;
  let exhausted = false;
  if (options.dropPass !== false) {
    const r = dropSteps(replayer, target, best, budget);
    candidates += r.tried;
    shrinks += r.dropped;
    best = r.violation;
  }
  // fast-check stops at a trace none of whose shrinks fails; when that trace still has skipped
  // (disabled) steps or steps after the violation, dropping them gives a new trace whose shrinks
  // were not all tried: another pass.
  for (let pass = 0; pass < 4 && !exhausted; pass++) {
    const r = shrinkPass(model, replayer, target, best.instances, (options.seed + pass) | 0, budget - candidates);
    shrinks += r.shrinks;
    candidates += r.tried;
    exhausted = r.exhausted;
    const next = replayer.violation(r.trace, target);
    if (!next) throw new Error(`internal: the shrunk counterexample for ${v.property.name} does not replay`);
    best = next;
    if (next.instances.length === r.trace.length) break;
  }
  return { violation: best, shrinks, candidates, seconds: (performance.now() - t0) / 1000, exhausted };
}
