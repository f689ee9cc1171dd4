// Random walks on a compiled model, as violations any property could have: the raw material of the
// round-trip property. `choices` picks among the enabled instances (and failing ones) at each step.

import type { PropertyRef, Violation } from "../../../src/explore/result.js";
import type { Model } from "../../../src/model/model.js";

/** Walks from the initial state; a chosen instance whose effect fails well_typed ends the walk. */
export function randomWalk(model: Model, choices: readonly number[], property: number): Violation {
  let s = new Int32Array(model.width);
  model.init(s);
  const d = new Int32Array(model.width);
  const instances: number[] = [];
  for (const choice of choices) {
    const options: { inst: number; failed: boolean }[] = [];
    model.expand(
      s,
      d,
      (inst) => (options.push({ inst, failed: false }), false),
      (inst) => (options.push({ inst, failed: true }), false),
    );
    if (options.length === 0) break;
    const o = options[choice % options.length];
    instances.push(o.inst);
    if (o.failed) {
      const f = model.failure;
      return { property: { kind: "well_typed", index: -1, name: "well_typed" }, instances, failure: { site: f.site, detail: f.detail } };
    }
    const next = new Int32Array(model.width);
    model.apply(s, next, o.inst);
    s = next;
  }
  // Any property will do for a round trip: the file records it, replay judges it.
  const spec = model.spec;
  const props: PropertyRef[] = [
    ...spec.invariants.map((p, index) => ({ kind: "invariant" as const, index, name: p.name })),
    ...(instances.length ? spec.steps.map((p, index) => ({ kind: "step" as const, index, name: p.name })) : []),
  ];
  const p = props[property % props.length];
  if (property % 5 === 4 && props.length && spec.sites.length) {
    return { property: { kind: "well_typed", index: -1, name: "well_typed" }, instances, failure: { site: 0, detail: "1" }, during: p };
  }
  return { property: p, instances };
}
