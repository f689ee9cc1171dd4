// Does a sequence of action instances still show the same bug? Replays it from the initial state,
// skipping instances that are not enabled where they come (so every candidate a shrinker proposes
// means something, and the executed steps are all enabled), and stops at the first violation of a
// selected property. The candidate counts only when that first violation is the target: the same
// invariant or step property, or for well_typed the same failing site. A candidate that reaches a
// different bug first, or none, does not.

import { type Model } from "../model/model.js";
import { PropertyChecks, toViolation, type Found } from "./checks.js";
import { WELL_TYPED, type PropertyRef, type PropertySelection, type Violation } from "./result.js";

/** The bug a counterexample shows: its property, and for well_typed where it failed. */
export interface Target {
  readonly property: PropertyRef;
  /** For well_typed: the failing site (another site is another bug). */
  readonly site?: number;
}

export function targetOf(v: Violation): Target {
  return v.property.kind === "well_typed" && v.failure ? { property: v.property, site: v.failure.site } : { property: v.property };
}

export function sameBug(t: Target, f: Found): boolean {
  if (f.property.kind !== t.property.kind || f.property.index !== t.property.index) return false;
  return t.site === undefined || f.failure?.site === t.site;
}

/** Replays candidate traces against one target. Shrinking tries many candidates that share a
 * prefix with the last one that failed (fast-check shrinks an array item by item, and keeps the
 * head when it shrinks the tail), so the states along that last failing trace are kept, and a
 * candidate's replay starts after the prefix it shares with it. */
export class BugReplayer {
  private readonly checks: PropertyChecks;
  private readonly found: Found[] = [];
  private readonly init: Int32Array;
  /** The violation the initial state shows, if any (checked once). */
  private readonly initFound: Found | null;
  private a: Int32Array;
  private b: Int32Array;
  /** The executed instances of the last replay. */
  private executed: Int32Array;

  /** The reference: the last candidate that showed the bug, its entries before the violating one
   * (`refUsable` of them), the state before each of those entries, and the number of executed
   * steps before each. */
  private ref = new Int32Array(0);
  private refUsable = 0;
  private refStates = new Int32Array(0);
  private refExecuted = new Int32Array(0);
  private refExecutedList = new Int32Array(0);

  /** Candidates replayed. */
  replays = 0;

  constructor(
    private readonly model: Model,
    selection: PropertySelection,
  ) {
    this.checks = new PropertyChecks(model, selection);
    this.init = new Int32Array(model.width);
    model.init(this.init);
    this.a = new Int32Array(model.width);
    this.b = new Int32Array(model.width);
    this.executed = new Int32Array(64);
    const found: Found[] = [];
    this.checks.invariants(this.init, false, found);
    this.initFound = found.length > 0 ? found[0] : null;
  }

  /** Replays `instances` (disabled ones skipped) to the first violation; the number of executed
   * steps when that violation is `target`, else -1. A candidate that shows the bug becomes the
   * reference for the next ones. */
  length(instances: ArrayLike<number>, target: Target): number {
    this.replays++;
    const n = this.run(instances, target, false);
    if (n >= 0) this.run(instances, target, true);
    return n;
  }

  private run(instances: ArrayLike<number>, target: Target, record: boolean): number {
    const m = this.model;
    const w = m.width;
    const found = this.found;
    found.length = 0;
    if (this.initFound) {
      found.push(this.initFound);
      return sameBug(target, this.initFound) ? 0 : -1;
    }
    const len = instances.length;
    if (this.executed.length < len) this.executed = new Int32Array(len * 2);
    const executed = this.executed;
    let s = this.a;
    let d = this.b;
    let start = 0;
    let n = 0;
    if (record) {
      if (this.ref.length < len) {
        this.ref = new Int32Array(len);
        this.refStates = new Int32Array((len + 1) * w);
        this.refExecuted = new Int32Array(len + 1);
        this.refExecutedList = new Int32Array(len);
      }
      this.refUsable = 0;
      s.set(this.init);
    } else {
      // Start after the prefix shared with the reference.
      const ref = this.ref;
      const lim = Math.min(len, this.refUsable);
      while (start < lim && instances[start] === ref[start]) start++;
      if (start === 0) s.set(this.init);
      else {
        s.set(this.refStates.subarray(start * w, (start + 1) * w));
        n = this.refExecuted[start];
        executed.set(this.refExecutedList.subarray(0, n));
      }
    }
    let k = start;
    for (; k < len; k++) {
      const inst = instances[k];
      if (record) {
        this.ref[k] = inst;
        this.refStates.set(s, k * w);
        this.refExecuted[k] = n;
      }
      const r = m.apply(s, d, inst);
      if (r === 0) continue;
      executed[n++] = inst;
      if (r < 0) {
        const f = m.failure;
        found.push({ property: WELL_TYPED, failure: { site: f.site, detail: f.detail } });
        break;
      }
      if (this.checks.hasSteps) {
        this.checks.steps(s, d, inst, false, found);
        if (found.length > 0) break;
      }
      this.checks.invariants(d, false, found);
      if (found.length > 0) break;
      const x = s;
      s = d;
      d = x;
    }
    if (record) {
      this.refUsable = k;
      this.refExecutedList.set(executed.subarray(0, n));
    }
    return found.length > 0 && sameBug(target, found[0]) ? n : -1;
  }

  /** The violation shown by `instances`, as executed (disabled instances dropped, cut at the
   * violation), or null when their first violation is not `target`. */
  violation(instances: ArrayLike<number>, target: Target): Violation | null {
    const n = this.run(instances, target, false);
    if (n < 0) return null;
    const v = toViolation(this.found[0], Array.from(this.executed.subarray(0, n)));
    return v;
  }
}
