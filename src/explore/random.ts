// Random walks over the compiled model: from the initial state, each step takes one action instance
// chosen uniformly among those enabled, and checks every selected invariant and step property (and
// well_typed) on the way. The hot loop allocates nothing and creates no closure per step.
//
// Exactly uniform choice without enumerating every instance at every step: draw instances without
// replacement (a lazy Fisher-Yates shuffle of the instance numbers) and `apply` each until one is
// enabled. The first enabled instance of a uniformly random order is uniform over the enabled
// ones, a disabled draw is never retried, and a state where nothing is enabled costs one `apply`
// per instance, as enumerating would. Expected draws per step: (n + 1) / (enabled + 1). An instance
// whose effect fails a well_typed check counts as enabled: it is a transition the model can take,
// and taking it is the violation.

import type { Model } from "../model/model.js";
import { PropertyChecks, toViolation, type Found } from "./checks.js";
import { WELL_TYPED, selectAll, type CoverageSnapshot, type PropertySelection, type Violation } from "./result.js";
import { Rng } from "./rng.js";
import { Swarm } from "./swarm.js";

export interface WalkOptions {
  readonly seed: number;
  /** Walks to run (default 10,000; Infinity: until the time limit or an interrupt). */
  readonly runs?: number;
  /** Steps per walk at most (default 100). */
  readonly depth?: number;
  /** Stop after this many milliseconds (default: no limit). */
  readonly timeMs?: number;
  /** Each run turns on a random subset of actions and choice values. */
  readonly swarm?: boolean;
  readonly properties?: PropertySelection;
  /** Checked now and then; the walks stop cleanly when it returns true. */
  readonly shouldStop?: () => boolean;
  readonly onProgress?: (p: WalkProgress) => void;
  /** Milliseconds between progress reports (default 1000). */
  readonly progressEveryMs?: number;
}

export interface WalkProgress {
  readonly runs: number;
  readonly steps: number;
  readonly seconds: number;
}

export interface WalkStats {
  /** Walks started (the failing one included). */
  readonly runs: number;
  /** Steps taken over all walks. */
  readonly steps: number;
  /** Walks that ended early because no (allowed) instance was enabled. */
  readonly deadlocks: number;
  readonly seconds: number;
  readonly stepsPerSecond: number;
  /** Seconds from the start to the violation, when one was found. */
  readonly secondsToViolation?: number;
}

export type WalkLimit = "time" | "interrupted";

export interface WalkResult {
  readonly violation?: Violation;
  /** The run (0-based) that found the violation. */
  readonly run?: number;
  /** In swarm mode: the actions that were on in the failing run. */
  readonly swarmActions?: string[];
  /** Set when the walks stopped before `runs` were done. */
  readonly limit?: WalkLimit;
  readonly stats: WalkStats;
  /** `fired` counts the steps taken per action; the rest is the model's guard counters. */
  readonly coverage: CoverageSnapshot;
}

export const DEFAULT_RUNS = 10_000;
export const DEFAULT_DEPTH = 100;

/** What one walk ended with. */
const DONE = 0;
const DEADLOCK = 1;
const VIOLATED = 2;
const OUT_OF_TIME = 3;

/** One walker over one model: the buffers every walk reuses, and the walk itself. */
class Walker {
  readonly init: Int32Array;
  private s: Int32Array;
  private d: Int32Array;
  /** The instances of the current walk (grows as walks get longer). */
  path: Int32Array;
  /** Steps taken per action. */
  readonly taken: Float64Array;
  private readonly actionOf: Int32Array;
  /** The candidates of the current run (all instances, or the swarm's), shuffled in place. */
  private readonly order: Int32Array;
  private orderSize: number;
  private readonly checks: PropertyChecks;
  readonly found: Found[] = [];
  steps = 0;
  private readonly rngState = new Int32Array(4);
  /** Length of the violating path, when a walk returns VIOLATED. */
  length = 0;

  constructor(
    private readonly model: Model,
    selection: PropertySelection,
    private readonly rng: Rng,
    private readonly depth: number,
  ) {
    const n = model.instanceCount;
    this.init = new Int32Array(model.width);
    this.s = new Int32Array(model.width);
    this.d = new Int32Array(model.width);
    this.path = new Int32Array(Math.min(Math.max(1, depth), 1024));
    this.taken = new Float64Array(model.actions.length);
    this.actionOf = new Int32Array(n);
    model.actions.forEach((a, k) => this.actionOf.fill(k, a.firstInstance, a.firstInstance + a.instanceCount));
    this.order = new Int32Array(Math.max(1, n));
    for (let i = 0; i < n; i++) this.order[i] = i;
    this.orderSize = n;
    this.checks = new PropertyChecks(model, selection);
    model.init(this.init);
  }

  /** Restricts the candidates to `allowed[0..count)` (swarm), or lifts the restriction. */
  restrict(allowed: Int32Array | null, count: number): void {
    if (allowed === null) {
      const n = this.model.instanceCount;
      for (let i = 0; i < n; i++) this.order[i] = i;
      this.orderSize = n;
    } else {
      for (let i = 0; i < count; i++) this.order[i] = allowed[i];
      this.orderSize = count;
    }
  }

  /** The initial state's violations (the same for every walk). */
  checkInit(): boolean {
    this.checks.invariants(this.init, false, this.found);
    return this.found.length > 0;
  }

  /** One walk of up to `depth` steps from the initial state. `deadline`: checked every 64k steps. */
  walk(deadline: number): number {
    const model = this.model;
    const apply = model.apply;
    const rng = this.rng;
    const order = this.order;
    const size = this.orderSize;
    let path = this.path;
    const taken = this.taken;
    const actionOf = this.actionOf;
    const checks = this.checks;
    const hasSteps = checks.hasSteps;
    const found = this.found;
    const depth = this.depth;
    let s = this.s;
    let d = this.d;
    let steps = this.steps;
    let status = DONE;
    const rs = this.rngState;
    rng.save(rs);
    let ra = rs[0];
    let rb = rs[1];
    let rc = rs[2];
    let rd = rs[3];
    s.set(this.init);
    let step = 0;
    for (; step < depth; step++) {
      let inst = -1;
      let r = 0;
      // Lazy Fisher-Yates: order[0..j) holds this step's disabled draws.
      for (let j = 0; j < size; j++) {
        // rng.below(size - j), inlined with the generator's state in locals.
        const bound = size - j;
        let pick = 0;
        for (;;) {
          const m5 = Math.imul(rb, 5);
          const out = Math.imul((m5 << 7) | (m5 >>> 25), 9) >>> 0;
          const t = rb << 9;
          rc ^= ra;
          rd ^= rb;
          rb ^= rc;
          ra ^= rd;
          rc ^= t;
          rd = (rd << 11) | (rd >>> 21);
          if (bound <= 0x200000) {
            const prod = out * bound;
            pick = Math.floor(prod / 4294967296);
            const lo = prod - pick * 4294967296;
            if (lo >= bound || lo >= (4294967296 - bound) % bound) break;
          } else if (out < 4294967296 - (4294967296 % bound)) {
            pick = out % bound;
            break;
          }
        }
        const k = j + pick;
        const i = order[k];
        order[k] = order[j];
        order[j] = i;
        r = apply(s, d, i);
        if (r !== 0) {
          inst = i;
          break;
        }
      }
      if (inst < 0) {
        status = DEADLOCK;
        break;
      }
      if (step === path.length) {
        const longer = new Int32Array(path.length * 2);
        longer.set(path);
        this.path = path = longer;
      }
      path[step] = inst;
      steps++;
      taken[actionOf[inst]]++;
      if (r < 0) {
        const f = model.failure;
        found.push({ property: WELL_TYPED, failure: { site: f.site, detail: f.detail } });
        status = VIOLATED;
        step++;
        break;
      }
      if (hasSteps) {
        checks.steps(s, d, inst, false, found);
        if (found.length > 0) {
          status = VIOLATED;
          step++;
          break;
        }
      }
      checks.invariants(d, false, found);
      if (found.length > 0) {
        status = VIOLATED;
        step++;
        break;
      }
      const x = s;
      s = d;
      d = x;
      if ((steps & 0xffff) === 0 && performance.now() >= deadline) {
        status = OUT_OF_TIME;
        break;
      }
    }
    rs[0] = ra;
    rs[1] = rb;
    rs[2] = rc;
    rs[3] = rd;
    rng.restore(rs);
    this.s = s;
    this.d = d;
    this.steps = steps;
    this.length = step;
    return status;
  }
}

/** Random walks that run in slices (src/api/fuzz.ts yields to the event loop between them, so
 * Ctrl-C is heard): `slice(until)` walks until the clock reaches `until` (between walks) and says
 * whether the walks are over; `result()` is what they found. */
export interface WalksRunner {
  slice(until: number): boolean;
  result(): WalkResult;
}

export function walksRunner(model: Model, options: WalkOptions): WalksRunner {
  const t0 = performance.now();
  const runs = options.runs ?? DEFAULT_RUNS;
  const depth = options.depth ?? DEFAULT_DEPTH;
  const deadline = options.timeMs !== undefined ? t0 + options.timeMs : Infinity;
  const progressEvery = options.progressEveryMs ?? 1000;
  const rng = new Rng(options.seed);
  model.resetCoverage();
  const walker = new Walker(model, options.properties ?? selectAll(model), rng, depth);
  const swarm = options.swarm ? new Swarm(model) : null;

  let violation: Violation | undefined;
  let swarmActions: string[] | undefined;
  let limit: WalkLimit | undefined;
  let deadlocks = 0;
  let run = 0;
  let secondsToViolation: number | undefined;
  let lastProgress = t0;
  let over = false;

  if (walker.checkInit()) {
    run = 1;
    violation = toViolation(walker.found[0], []);
    secondsToViolation = (performance.now() - t0) / 1000;
  }

  function slice(until: number): boolean {
    while (!over) {
      if (violation || run >= runs) {
        over = true;
        break;
      }
      const now = performance.now();
      if (now >= deadline) {
        limit = "time";
        over = true;
        break;
      }
      if (options.shouldStop?.()) {
        limit = "interrupted";
        over = true;
        break;
      }
      if (now >= until) return false;
      if (options.onProgress && now - lastProgress >= progressEvery) {
        lastProgress = now;
        options.onProgress({ runs: run, steps: walker.steps, seconds: (now - t0) / 1000 });
      }
      run++;
      if (swarm) {
        swarm.draw(rng);
        walker.restrict(swarm.allowed, swarm.count);
      }
      const status = walker.walk(deadline);
      if (status === DEADLOCK) deadlocks++;
      else if (status === VIOLATED) {
        secondsToViolation = (performance.now() - t0) / 1000;
        violation = toViolation(walker.found[0], Array.from(walker.path.subarray(0, walker.length)));
        if (swarm) swarmActions = swarm.actionNames();
      }
    }
    return true;
  }

  function result(): WalkResult {
    const seconds = (performance.now() - t0) / 1000;
    const c = model.coverage;
    return {
      ...(violation ? { violation, run: run - 1 } : {}),
      ...(swarmActions ? { swarmActions } : {}),
      ...(limit ? { limit } : {}),
      stats: {
        runs: run,
        steps: walker.steps,
        deadlocks,
        seconds,
        stepsPerSecond: seconds > 0 ? walker.steps / seconds : 0,
        ...(secondsToViolation !== undefined ? { secondsToViolation } : {}),
      },
      coverage: {
        fired: Array.from(walker.taken),
        disabled: Array.from(c.disabled),
        requireHeld: Array.from(c.requireHeld),
        requireFailed: Array.from(c.requireFailed),
      },
    };
  }

  return { slice, result };
}

/** Runs the walks to the end, in one go. */
export function randomWalks(model: Model, options: WalkOptions): WalkResult {
  const r = walksRunner(model, options);
  r.slice(Infinity);
  return r.result();
}

/** Runs the walks in slices of `sliceMs`, yielding to the event loop between them, so a signal
 * handler (Ctrl-C) runs and `shouldStop` can stop the walks. Same result as randomWalks. */
export async function randomWalksAsync(model: Model, options: WalkOptions, sliceMs = 50): Promise<WalkResult> {
  const r = walksRunner(model, options);
  while (!r.slice(performance.now() + sliceMs)) await new Promise<void>((resolve) => setImmediate(resolve));
  return r.result();
}
