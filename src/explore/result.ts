// What explorers report: violations as action-instance paths from the initial state, and the
// figures TLC users expect.

import type { Model } from "../model/model.js";

export type PropertyKind = "invariant" | "step" | "well_typed" | "liveness";

export interface PropertyRef {
  readonly kind: PropertyKind;
  /** Index among the spec's invariants or step properties; -1 for well_typed. */
  readonly index: number;
  readonly name: string;
}

export const WELL_TYPED: PropertyRef = { kind: "well_typed", index: -1, name: "well_typed" };

export interface Violation {
  readonly property: PropertyRef;
  /** Action instances from the initial state; the violation shows after the last one (an empty
   * path: in the initial state). For a `well_typed` failure in an effect, the last instance is the
   * step that failed and has no successor state. */
  readonly instances: readonly number[];
  /** For well_typed: where and why. */
  readonly failure?: { readonly site: number; readonly detail: string };
  /** For well_typed: the property being evaluated when it failed, if the failure was not in an effect. */
  readonly during?: PropertyRef;
  /** For liveness: `instances` run from the initial state to the loop's last state; the loop. */
  readonly lasso?: Lasso;
}

/**
 * An infinite behaviour, finitely: the states after `instances` (state 0 the initial one, state k
 * after k steps), then forever the loop from state `loop` to the last state and back to state
 * `loop` by `closing`. `closing` -1: the last state repeats by stuttering (then `loop` is the last
 * state's index).
 */
export interface Lasso {
  /** The liveness property's instance (src/ir/liveness.ts) and its binders' values (codes). */
  readonly instance: number;
  readonly binding: readonly number[];
  readonly loop: number;
  readonly closing: number;
  /** The state where the violation starts: where P holds and Q stays false from then on (leads-to),
   * or from which Q stays false (always eventually); 0 for eventually; absent for eventually always. */
  readonly trigger?: number;
}

/** What a search found out about liveness beyond its violations. */
export interface LivenessSummary {
  /** Edges of the reachable graph kept for the fair-cycle search (stutter steps left out). */
  readonly edges: number;
  /** Bytes of the graph (edges, state numbers, labels) and of the fair-cycle search's arrays. */
  readonly bytes: number;
  /** Of which the fair-cycle search's own arrays (the rest is in BfsStats.bytes too). */
  readonly searchBytes: number;
  /** Seconds of the fair-cycle searches, after the breadth-first search. */
  readonly seconds: number;
  /** How the search differs from a safety search (one worker, no symmetry reduction), in words. */
  readonly notes: readonly string[];
  /** Per liveness property of the spec (in order); absent for those not selected. */
  readonly properties: readonly (LivenessOutcome | null)[];
  /** Fairness groups never enabled in a reachable state, per fair action: the parameter values. */
  readonly neverEnabled: readonly { readonly action: number; readonly params: readonly (readonly number[])[]; readonly of: number }[];
}

export interface LivenessOutcome {
  /** Instances checked: one per combination of the binders' values. */
  readonly instances: number;
  /** Binder values of the instances that fail (the first one's lasso is among the violations). */
  readonly failing: readonly (readonly number[])[];
  /** Leads-to: binder values of the instances whose P holds in no reachable state. */
  readonly vacuous: readonly (readonly number[])[];
  /** Set when evaluating the property failed a well_typed check: not decided. */
  readonly failed?: boolean;
  /** Set when the fair-cycle search did not run for every instance (memory, interruption): why. */
  readonly skipped?: string;
}

export interface CoverageSnapshot {
  readonly fired: number[];
  readonly disabled: number[];
  readonly requireHeld: number[];
  readonly requireFailed: number[];
}

export function snapshotCoverage(model: Model): CoverageSnapshot {
  const c = model.coverage;
  return {
    fired: Array.from(c.fired),
    disabled: Array.from(c.disabled),
    requireHeld: Array.from(c.requireHeld),
    requireFailed: Array.from(c.requireFailed),
  };
}

export function invariantRef(model: Model, k: number): PropertyRef {
  return { kind: "invariant", index: k, name: model.spec.invariants[k].name };
}

export function stepRef(model: Model, k: number): PropertyRef {
  return { kind: "step", index: k, name: model.spec.steps[k].name };
}

/** Which properties to check: all by default, or those named. */
export interface PropertySelection {
  readonly invariants: readonly boolean[];
  readonly steps: readonly boolean[];
  /** Liveness properties (absent: none). */
  readonly liveness?: readonly boolean[];
}

export function selectAll(model: Model): PropertySelection {
  return {
    invariants: model.spec.invariants.map(() => true),
    steps: model.spec.steps.map(() => true),
    liveness: (model.spec.liveness ?? []).map(() => true),
  };
}

/** Whether a selection includes a liveness property. */
export function selectsLiveness(selection: PropertySelection): boolean {
  return (selection.liveness ?? []).some((x) => x);
}

export function livenessRef(model: Model, k: number): PropertyRef {
  return { kind: "liveness", index: k, name: (model.spec.liveness ?? [])[k].name };
}
