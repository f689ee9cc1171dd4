// Random exploration as one call: walk, shrink the first violation with fast-check, then look for
// a shorter trace of the same bug by breadth-first search over the moves the shrunk trace uses.
// Deterministic: the same model, seed and options give the same result (timings aside).

import { compileModel } from "../compile/compile.js";
import { minimizeViolation, type MinimizeResult } from "../explore/minimize.js";
import { DEFAULT_DEPTH, DEFAULT_RUNS, randomWalks, randomWalksAsync, type WalkOptions, type WalkResult } from "../explore/random.js";
import { selectsLiveness, type PropertySelection } from "../explore/result.js";
import { lassoWalks } from "../explore/liveness/walks.js";
import { randomSeed } from "../explore/rng.js";
import { shrinkViolation, type ShrinkResult } from "../explore/shrink.js";
import { targetOf } from "../explore/shrink-replay.js";
import type { Spec } from "../ir/ir.js";
import { hasErrors } from "../lang/diagnostic.js";
import type { Model } from "../model/model.js";
import { renderCounterexample } from "../report/counterexample.js";
import { renderDiagnostics } from "../report/diagnostics.js";
import { reproduceCommand } from "../report/fuzz-text.js";
import type { FuzzRun } from "./types/fuzz.js";
import { selectProperties } from "./check.js";
import { loadSpecFile, type ConstValues } from "./load.js";
import { shardRuns, shardSeed, type ShardInfo, type ShardSpec } from "./shard.js";

export interface FuzzOptions extends Omit<WalkOptions, "seed" | "properties"> {
  /** The PRNG seed; a random one (reported in the result) when absent. */
  readonly seed?: number;
  /** Check only the invariants and step properties with these names (default: all). */
  readonly only?: readonly string[];
  /** Shrink the counterexample with fast-check (default true). */
  readonly shrink?: boolean;
  /** Candidate traces the shrinker may try (default 200,000). */
  readonly maxShrinkCandidates?: number;
  /** Look for a shorter trace by restricted breadth-first search (default true). */
  readonly minimize?: boolean;
  /** Distinct states each minimizing search may visit (default 100,000; fewer for wide states). */
  readonly minimizeMaxStates?: number;
  /** Run only this shard of the campaign: `seed` and `runs` are then the campaign's (src/api/shard.ts). */
  readonly shard?: ShardSpec;
}

export type { FuzzRun } from "./types/fuzz.js";

/** Walks `model`, then shrinks and minimizes the first violation found. */
export function fuzzModel(model: Model, selection: PropertySelection, options: FuzzOptions = {}): FuzzRun {
  const plan = walkPlan(selection, options);
  const t0 = performance.now();
  return afterWalks(model, selection, options, plan, randomWalks(model, plan.walk), t0);
}

/** fuzzModel, yielding to the event loop while it walks, so Ctrl-C (through `shouldStop`) is heard. */
export async function fuzzModelAsync(model: Model, selection: PropertySelection, options: FuzzOptions = {}): Promise<FuzzRun> {
  const plan = walkPlan(selection, options);
  const t0 = performance.now();
  const walk = await randomWalksAsync(model, plan.walk);
  return afterWalks(model, selection, options, plan, walk, t0);
}

interface WalkPlan {
  readonly walk: WalkOptions & { readonly seed: number; readonly runs: number; readonly depth: number; readonly swarm: boolean };
  readonly shard?: ShardInfo;
}

/** The walks to run: the campaign's, or one shard's own seed and share of the runs. */
function walkPlan(selection: PropertySelection, options: FuzzOptions): WalkPlan {
  const campaignSeed = options.seed ?? randomSeed();
  const campaignRuns = options.runs ?? DEFAULT_RUNS;
  const shard: ShardInfo | undefined = options.shard ? { ...options.shard, campaignSeed, campaignRuns } : undefined;
  const seed = shard ? shardSeed(campaignSeed, shard.index) : campaignSeed;
  const runs = shard ? shardRuns(campaignRuns, shard) : campaignRuns;
  const walk = { ...options, seed, runs, depth: options.depth ?? DEFAULT_DEPTH, swarm: options.swarm ?? false, properties: selection };
  return { walk, ...(shard ? { shard } : {}) };
}

function afterWalks(model: Model, selection: PropertySelection, options: FuzzOptions, plan: WalkPlan, walk: WalkResult, t0: number): FuzzRun {
  const { seed, depth, swarm } = plan.walk;
  // Unlimited runs (a time budget) are recorded as the runs done: the same seed and that many runs
  // reproduce the walks exactly.
  const runs = Number.isFinite(plan.walk.runs) ? plan.walk.runs : walk.stats.runs;
  const base = { model, selection, seed, runs, depth, swarm, walk, ...(plan.shard ? { shard: plan.shard } : {}) };
  const found = walk.violation;
  if (!found && selectsLiveness(selection) && !walk.limit) {
    // Lassos are not shrunk: a loop's steps cannot be dropped one by one.
    const lassoWalk = lassoWalks(model, {
      seed,
      runs,
      depth,
      properties: selection,
      ...(options.timeMs !== undefined ? { deadline: t0 + options.timeMs } : {}),
      ...(options.shouldStop ? { shouldStop: options.shouldStop } : {}),
    });
    return { ...base, lassoWalk, ...(lassoWalk.violation ? { violation: lassoWalk.violation, found: lassoWalk.violation } : {}) };
  }
  if (!found) return base;
  let violation = found;
  let shrink: ShrinkResult | undefined;
  let minimize: MinimizeResult | undefined;
  // A violation in the initial state has nothing to shrink.
  const work = found.instances.length > 0;
  if (work && options.shrink !== false) {
    shrink = shrinkViolation(model, found, {
      seed,
      properties: selection,
      ...(options.maxShrinkCandidates !== undefined ? { maxCandidates: options.maxShrinkCandidates } : {}),
    });
    violation = shrink.violation;
  }
  if (work && (options.minimize ?? options.shrink !== false)) {
    minimize = minimizeViolation(model, violation, targetOf(found), {
      properties: selection,
      ...(options.minimizeMaxStates !== undefined ? { maxStates: options.minimizeMaxStates } : {}),
    });
    violation = minimize.violation;
  }
  return { ...base, violation, found, ...(shrink ? { shrink } : {}), ...(minimize ? { minimize } : {}) };
}

/** Compiles a checked spec (or takes a compiled model) and fuzzes it; throws if `only` names an
 * unknown property. */
export function fuzz(input: Spec | Model, options: FuzzOptions = {}): FuzzRun {
  const model = "instanceCount" in input ? input : compileModel(input);
  const selection = selectProperties(model.spec, options.only);
  if ("unknown" in selection) throw new Error(selection.unknown.join("\n"));
  return fuzzModel(model, selection, options);
}

export interface FuzzFileOptions extends FuzzOptions {
  readonly consts?: ConstValues;
}

/** Loads, checks and fuzzes a spec file: for test suites. Throws an Error with the rendered
 * diagnostics when the spec has errors. */
export function fuzzSpecFile(path: string, options: FuzzFileOptions = {}): FuzzRun {
  const loaded = loadSpecFile(path, { consts: options.consts ?? {} });
  if (!loaded.spec || hasErrors(loaded.diagnostics)) throw new Error(renderDiagnostics(loaded.diagnostics, { color: false }));
  return fuzz(loaded.spec, options);
}

/** The failure message of a fuzz run that found a violation: the counterexample, and how to
 * reproduce it. */
export function fuzzFailureMessage(run: FuzzRun): string | null {
  if (!run.violation) return null;
  return `${renderCounterexample(run.model, run.violation, { color: false })}\n\nreproduce: ${reproduceCommand(run)}`;
}

/** Throws an Error whose message is the rendered counterexample when the run found a violation. */
export function assertNoViolation(run: FuzzRun): void {
  const message = fuzzFailureMessage(run);
  if (message !== null) throw new Error(message);
}
