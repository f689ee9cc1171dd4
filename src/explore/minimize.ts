// Minimality by construction: after shrinking, a breadth-first search over only the action
// instances a trace uses (or all instances of its actions), within its length, looks for a shorter
// path to the same bug. BFS finds the shortest path in that restricted graph, so if there is a
// shorter counterexample made of the same moves, this is it. The search also goes to the trace's
// own length: among the shortest traces it returns the first in breadth-first order (instances in
// increasing order at every level), so equally short traces come out canonical, with the earliest
// actions and the smallest parameters (`deposit(a = 0)` rather than the `a = 2` a walk chose).
//
// The search follows what the fuzzer and the shrinker count as showing the bug: a state that
// violates another selected property, or a step that does, is a different bug and is not expanded.

import type { Model } from "../model/model.js";
import { PropertyChecks, toViolation, type Found } from "./checks.js";
import { FP, fingerprint } from "./hash.js";
import { WELL_TYPED, type PropertySelection, type Violation } from "./result.js";
import { FingerprintSet } from "./seen.js";
import { sameBug, type Target } from "./shrink-replay.js";

export interface RestrictedSearchOptions {
  readonly properties: PropertySelection;
  /** Instances the search may take. */
  readonly instances: readonly number[];
  /** Paths of at most this many steps. */
  readonly maxSteps: number;
  /** Stop (without an answer) after this many distinct states. */
  readonly maxStates: number;
}

export type RestrictedSearchResult =
  | { readonly kind: "found"; readonly violation: Violation; readonly states: number }
  | { readonly kind: "none"; readonly states: number }
  | { readonly kind: "budget"; readonly states: number };

/** A growable Int32Array. */
class Ints {
  data = new Int32Array(1024);
  length = 0;
  push(x: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = x;
  }
}

/** One BFS level: states back to back, and each one's number. */
class Level {
  states: Int32Array;
  readonly nums = new Ints();
  constructor(private readonly width: number) {
    this.states = new Int32Array(Math.max(1, width) * 256);
  }
  get count(): number {
    return this.nums.length;
  }
  push(s: Int32Array, n: number): void {
    const w = this.width;
    if ((this.count + 1) * w > this.states.length) {
      const bigger = new Int32Array(this.states.length * 2);
      bigger.set(this.states);
      this.states = bigger;
    }
    this.states.set(s, this.count * w);
    this.nums.push(n);
  }
  load(i: number, into: Int32Array): void {
    const w = this.width;
    const o = i * w;
    for (let j = 0; j < w; j++) into[j] = this.states[o + j];
  }
  clear(): void {
    this.nums.length = 0;
  }
}

/** The shortest path (within the bounds) from the initial state to `target` using only the given
 * instances; states are numbered in BFS order and keep their parent and the instance leading there. */
export function restrictedSearch(model: Model, target: Target, options: RestrictedSearchOptions): RestrictedSearchResult {
  const width = model.width;
  const insts = Int32Array.from(new Set(options.instances)).sort();
  const checks = new PropertyChecks(model, options.properties);
  const found: Found[] = [];
  const seen = new FingerprintSet();
  const parent = new Ints();
  const via = new Ints();
  const s = new Int32Array(width);
  const d = new Int32Array(width);

  const pathTo = (n: number, last: number): number[] => {
    const path: number[] = last >= 0 ? [last] : [];
    while (n > 0) {
      path.push(via.data[n]);
      n = parent.data[n];
    }
    return path.reverse();
  };
  const hit = (f: Found, n: number, last: number): RestrictedSearchResult => ({
    kind: "found",
    violation: toViolation(f, pathTo(n, last)),
    states: seen.size,
  });

  model.init(s);
  checks.invariants(s, false, found);
  if (found.length > 0) return sameBug(target, found[0]) ? hit(found[0], 0, -1) : { kind: "none", states: 1 };
  seen.add(s, fingerprint(s, width), FP.h2);
  parent.push(-1);
  via.push(-1);
  let cur = new Level(width);
  let next = new Level(width);
  cur.push(s, 0);

  for (let depth = 1; depth <= options.maxSteps && cur.count > 0; depth++) {
    for (let q = 0; q < cur.count; q++) {
      const from = cur.nums.data[q];
      cur.load(q, s);
      for (let k = 0; k < insts.length; k++) {
        const inst = insts[k];
        const r = model.apply(s, d, inst);
        if (r === 0) continue;
        if (r < 0) {
          const f = model.failure;
          const bug: Found = { property: WELL_TYPED, failure: { site: f.site, detail: f.detail } };
          if (sameBug(target, bug)) return hit(bug, from, inst);
          continue;
        }
        if (checks.hasSteps) {
          found.length = 0;
          checks.steps(s, d, inst, false, found);
          if (found.length > 0) {
            if (sameBug(target, found[0])) return hit(found[0], from, inst);
            continue;
          }
        }
        if (!seen.add(d, fingerprint(d, width), FP.h2)) continue;
        const n = parent.length;
        parent.push(from);
        via.push(inst);
        found.length = 0;
        checks.invariants(d, false, found);
        if (found.length > 0) {
          if (sameBug(target, found[0])) return hit(found[0], n, -1);
          continue;
        }
        if (seen.size >= options.maxStates) return { kind: "budget", states: seen.size };
        next.push(d, n);
      }
    }
    [cur, next] = [next, cur];
    next.clear();
  }
  return { kind: "none", states: seen.size };
}

export interface MinimizeOptions {
  readonly properties: PropertySelection;
  /** Distinct states each search may visit (default: 100,000, fewer for wide states, see
   * DEFAULT_MINIMIZE_WORDS). */
  readonly maxStates?: number;
}

export interface MinimizeResult {
  readonly violation: Violation;
  /** The widest restriction searched to the end: "actions" (every instance of the trace's
   * actions: the result is shortest among traces made of those actions), "instances" (only the
   * trace's own instances; the wider search went over budget), or "none" (both did). */
  readonly searched: "actions" | "instances" | "none";
  /** True when the search found a shorter trace than the one given. */
  readonly shorter: boolean;
  /** True when the result differs from the trace given (shorter, or equally short and earlier in
   * breadth-first order). */
  readonly changed: boolean;
  readonly states: number;
  readonly seconds: number;
}

export const DEFAULT_MINIMIZE_STATES = 100_000;
/** The default budget also keeps states x width under this many words: a search's cost grows with
 * the width of its states (copying, hashing, invariants over queues). */
export const DEFAULT_MINIMIZE_WORDS = 1 << 23;

/** The shortest trace to the same bug (the first in breadth-first order) among those made of the
 * given trace's own instances, then among those made of every instance of its actions (a wider,
 * costlier search, bounded by `maxStates`); the given trace when a search goes over budget first. */
export function minimizeViolation(model: Model, v: Violation, target: Target, options: MinimizeOptions): MinimizeResult {
  const t0 = performance.now();
  const maxStates = options.maxStates ?? Math.max(1000, Math.min(DEFAULT_MINIMIZE_STATES, Math.floor(DEFAULT_MINIMIZE_WORDS / Math.max(1, model.width))));
  const own = [...new Set(v.instances)];
  const byAction: number[] = [];
  for (const k of new Set(v.instances.map((i) => model.decodeInstance(i).action))) {
    const a = model.actions[k];
    for (let i = 0; i < a.instanceCount; i++) byAction.push(a.firstInstance + i);
  }
  let best = v;
  let searched: MinimizeResult["searched"] = "none";
  let states = 0;
  // When the trace uses every instance of its actions, the two restrictions are one.
  const searches: [MinimizeResult["searched"], readonly number[]][] =
    byAction.length > own.length ? [["instances", own], ["actions", byAction]] : [["actions", own]];
  for (const [kind, instances] of searches) {
    if (best.instances.length === 0) {
      searched = "actions";
      break;
    }
    const r = restrictedSearch(model, target, { properties: options.properties, instances, maxSteps: best.instances.length, maxStates });
    states += r.states;
    if (r.kind === "budget") break;
    if (r.kind === "found") best = r.violation;
    searched = kind;
  }
  return {
    violation: best,
    searched,
    shorter: best.instances.length < v.instances.length,
    changed: best.instances.length !== v.instances.length || best.instances.some((x, i) => x !== v.instances[i]),
    states,
    seconds: (performance.now() - t0) / 1000,
  };
}
