// What explorers report: violations as action-instance paths from the initial state, and the
// figures TLC users expect.

import type { Model } from "../model/model.js";

export type PropertyKind = "invariant" | "step" | "well_typed";

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
}

export function selectAll(model: Model): PropertySelection {
  return { invariants: model.spec.invariants.map(() => true), steps: model.spec.steps.map(() => true) };
}
