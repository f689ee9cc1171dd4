// Mapping a counterexample found under symmetry back to the unreduced model. The search recorded
// instances taken from canonical representatives: r0 = canon(init), r(k+1) = canon(apply(r(k), i(k))).
// The concrete trace starts from the real initial state x0 and at each step takes the first
// instance whose successor has the same canonical form as r(k+1); one exists, because x(k) is a
// permutation of r(k) and the permuted instance does the same thing. The last step must also
// violate the same property (a step property or a well_typed check of the same site).

import { ENABLED, FAILED, type Model } from "../model/model.js";
import type { Found } from "./checks.js";
import type { Canonicalizer } from "./symmetry.js";

function same(a: Int32Array, b: Int32Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export class SymmetryMappingError extends Error {}

export function concretePath(model: Model, canon: Canonicalizer, instances: readonly number[], found: Found): number[] {
  const w = model.width;
  const r = new Int32Array(w); // representative
  const x = new Int32Array(w); // concrete
  const s = new Int32Array(w);
  const target = new Int32Array(w);
  const y = new Int32Array(w);
  const cy = new Int32Array(w);
  const saved = model.coverage.fired.slice();
  const savedDis = model.coverage.disabled.slice();
  const savedRH = model.coverage.requireHeld.slice();
  const savedRF = model.coverage.requireFailed.slice();
  model.init(x);
  canon.canonicalize(x, r);
  const out: number[] = [];
  try {
    for (let k = 0; k < instances.length; k++) {
      const last = k === instances.length - 1;
      const res = model.apply(r, s, instances[k]);
      if (res === FAILED) {
        // A well_typed failure in the effect: find a concrete instance failing at the same site.
        const site = model.failure.site;
        const i = findInstance(model, (inst) => model.apply(x, y, inst) === FAILED && model.failure.site === site);
        out.push(i);
        model.apply(x, y, i); // leave model.failure describing the concrete step
        return out;
      }
      if (res !== ENABLED) throw new SymmetryMappingError(`step ${k + 1} of the reduced trace is not enabled`);
      canon.canonicalize(s, target);
      const stepProp = last && found.property.kind === "step" ? found.property.index : -1;
      const i = findInstance(model, (inst) => {
        if (model.apply(x, y, inst) !== ENABLED) return false;
        canon.canonicalize(y, cy);
        if (!same(cy, target)) return false;
        return stepProp < 0 || model.checkStep(stepProp, x, y, inst) !== 1;
      });
      out.push(i);
      model.apply(x, y, i);
      x.set(y);
      r.set(target);
    }
    return out;
  } finally {
    model.coverage.fired.set(saved);
    model.coverage.disabled.set(savedDis);
    model.coverage.requireHeld.set(savedRH);
    model.coverage.requireFailed.set(savedRF);
  }
}

function findInstance(model: Model, ok: (inst: number) => boolean): number {
  for (let i = 0; i < model.instanceCount; i++) if (ok(i)) return i;
  throw new SymmetryMappingError(
    "a counterexample found under symmetry could not be mapped back to the unreduced model: the spec is not symmetric in a way the checker missed; run with --no-symmetry and report this",
  );
}
