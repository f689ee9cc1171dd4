// Evaluating the selected properties on a state or a step, with a fast path when every property is
// selected and none has been reported yet, and `skip` for properties already reported (--continue).

import { FAILED_PROPERTY, type Model } from "../model/model.js";
import { WELL_TYPED, invariantRef, stepRef, type PropertyRef, type PropertySelection, type Violation } from "./result.js";

export interface Found {
  readonly property: PropertyRef;
  readonly failure?: { site: number; detail: string };
  readonly during?: PropertyRef;
}

export class PropertyChecks {
  private readonly invSkip: boolean[];
  private readonly stepSkip: boolean[];
  private invFast: boolean;
  private stepFast: boolean;
  readonly hasSteps: boolean;
  private wellTypedReported = false;

  constructor(
    private readonly model: Model,
    selection: PropertySelection,
  ) {
    this.invSkip = selection.invariants.map((on) => !on);
    this.stepSkip = selection.steps.map((on) => !on);
    this.invFast = this.invSkip.every((x) => !x);
    this.stepFast = this.stepSkip.every((x) => !x);
    this.hasSteps = this.stepSkip.some((x) => !x);
  }

  private failed(during: PropertyRef): Found {
    const f = this.model.failure;
    return { property: WELL_TYPED, failure: { site: f.site, detail: f.detail }, during };
  }

  /** The violated invariants of `s` not reported before (the first only, unless `all`). */
  invariants(s: Int32Array, all: boolean, out: Found[]): void {
    const m = this.model;
    if (this.invFast) {
      const k = m.checkInvariants(s);
      if (k === -1) return;
      if (k !== FAILED_PROPERTY) {
        out.push({ property: invariantRef(m, k) });
        if (!all) return;
      }
    }
    for (let k = 0; k < this.invSkip.length; k++) {
      if (this.invSkip[k]) continue;
      const r = m.checkInvariant(k, s);
      if (r === 1) continue;
      const found = r === 0 ? { property: invariantRef(m, k) } : this.failed(invariantRef(m, k));
      if (!out.some((f) => f.property.kind === found.property.kind && f.property.index === found.property.index)) out.push(found);
      if (!all) return;
    }
  }

  /** The violated step properties of the step `s` -> `d` by `inst`. */
  steps(s: Int32Array, d: Int32Array, inst: number, all: boolean, out: Found[]): void {
    const m = this.model;
    if (this.stepFast) {
      const k = m.checkSteps(s, d, inst);
      if (k === -1) return;
      if (k !== FAILED_PROPERTY) {
        out.push({ property: stepRef(m, k) });
        if (!all) return;
      }
    }
    for (let k = 0; k < this.stepSkip.length; k++) {
      if (this.stepSkip[k]) continue;
      const r = m.checkStep(k, s, d, inst);
      if (r === 1) continue;
      const found = r === 0 ? { property: stepRef(m, k) } : this.failed(stepRef(m, k));
      if (!out.some((f) => f.property.kind === found.property.kind && f.property.index === found.property.index)) out.push(found);
      if (!all) return;
    }
  }

  /** Stops reporting `p` (it has its shortest counterexample); false if it was already reported. */
  report(p: PropertyRef): boolean {
    if (p.kind === "well_typed") {
      if (this.wellTypedReported) return false;
      this.wellTypedReported = true;
      return true;
    }
    const skip = p.kind === "invariant" ? this.invSkip : this.stepSkip;
    if (skip[p.index]) return false;
    skip[p.index] = true;
    if (p.kind === "invariant") this.invFast = false;
    else this.stepFast = false;
    return true;
  }
}

export function toViolation(f: Found, instances: readonly number[]): Violation {
  return {
    property: f.property,
    instances,
    ...(f.failure ? { failure: f.failure } : {}),
    ...(f.during ? { during: f.during } : {}),
  };
}
