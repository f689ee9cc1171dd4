// Why an event breaks the spec, in words, for the candidate the alert shows: the property and its
// explanation (src/report/explain.ts), the `require` that is false with the values that make it
// false, or the observed place and the two values.

import type * as I from "../ir/ir.js";
import { describeFailure } from "../ir/failure.js";
import { runInstance, type DisabledAt } from "../ir/interpret.js";
import { decodeValue, type Readable } from "../model/layout.js";
import { stateValues } from "../model/eval-values.js";
import { ENABLED, FAILED_PROPERTY, type Model } from "../model/model.js";
import { describeStep } from "../report/counterexample.js";
import { explainFalse, explainViolation } from "../report/explain.js";
import type { BoundEvent } from "./bind.js";
import type { Violated } from "./engine.js";
import type { AlertReason, SpecLocation } from "./types.js";

function location(spec: I.Spec, span: { start: number; end: number }): SpecLocation {
  const p = spec.file.position(span.start);
  return { file: spec.file.path, line: p.line, col: p.col };
}

function stepText(model: Model, inst: number): string {
  const { action, args } = model.decodeInstance(inst);
  return describeStep(model, action, args);
}

function successor(model: Model, s: Int32Array, inst: number): Int32Array | null {
  const d = new Int32Array(model.width);
  return model.apply(s, d, inst) === ENABLED ? d : null;
}

/** The property whose evaluation fails well_typed after the step s -> d (or in d, for inst -1). */
export function duringName(model: Model, s: Int32Array, d: Int32Array, inst: number, of: "invariant" | "step"): string {
  const list = of === "invariant" ? model.spec.invariants : model.spec.steps;
  for (let k = 0; k < list.length; k++) {
    const r = of === "invariant" ? model.checkInvariant(k, d) : model.checkStep(k, s, d, inst);
    if (r === FAILED_PROPERTY) return list[k].name;
  }
  return "";
}

/** The reason for a candidate whose step (or initial state, inst -1) violates a property. */
export function propertyReason(model: Model, s: Int32Array, inst: number, v: Violated): AlertReason {
  const spec = model.spec;
  const step = inst >= 0 ? stepText(model, inst) : null;
  if (v.kind === "effect") {
    const site = spec.sites[v.site];
    return { kind: "property", property: { kind: "well_typed", name: "well_typed" }, step, why: [describeFailure(site, v.detail)], location: location(spec, site.span) };
  }
  const d = inst >= 0 ? successor(model, s, inst) : s;
  if (!d) throw new Error("monitor: a violating step is not enabled when explained");
  if (v.kind === "during") {
    const site = spec.sites[v.site];
    const name = duringName(model, s, d, inst, v.of);
    const during = name ? ` (while evaluating ${v.of === "invariant" ? "invariant" : "step property"} \`${name}\`)` : "";
    return { kind: "property", property: { kind: "well_typed", name: "well_typed" }, step, why: [describeFailure(site, v.detail) + during], location: location(spec, site.span) };
  }
  const prop = v.kind === "invariant" ? spec.invariants[v.index] : spec.steps[v.index];
  const state = stateValues(model.layout, d);
  let why: string[];
  if (v.kind === "invariant") {
    why = explainViolation({ spec, state }, prop);
  } else {
    const { action, args } = model.decodeInstance(inst);
    why = explainViolation({ spec, state, old: stateValues(model.layout, s), step: { action, hasCaller: spec.actions[action].hasCaller, args } }, prop);
  }
  return { kind: "property", property: { kind: v.kind, name: prop.name }, step, why, location: location(spec, prop.span) };
}

/** Where instance `inst` stops being enabled in state `s` (null: nowhere the interpreter saw). */
function disabledAt(model: Model, s: Int32Array, inst: number): DisabledAt | null {
  let at: DisabledAt | null = null;
  runInstance(model.spec, stateValues(model.layout, s), inst, (x) => (at = x));
  return at;
}

/** Of the instances an event allows (none enabled in `s`), the one that gets furthest through its
 * action's guards: with the caller left open, `require caller == a` fails for most callers, but the
 * interesting guard is the one that fails for the right caller too. At most `limit` are tried. */
export function mostTellingInstance(model: Model, s: Int32Array, instances: readonly number[], limit = 256): number {
  let best = instances[0];
  let bestAt = -2;
  for (const inst of instances.slice(0, limit)) {
    const at = disabledAt(model, s, inst);
    const where = at === null ? -2 : at.stmt === null ? -1 : at.stmt.span.start;
    if (where > bestAt) {
      best = inst;
      bestAt = where;
    }
  }
  return best;
}

/** The reason for an event whose action instance is not enabled in candidate state `s`. */
export function disabledReason(model: Model, s: Int32Array, inst: number): AlertReason {
  const spec = model.spec;
  const { action } = model.decodeInstance(inst);
  const base = { kind: "disabled" as const, action: spec.actions[action].name, step: stepText(model, inst) };
  const found = disabledAt(model, s, inst);
  if (!found) return { ...base, guard: null, why: ["the spec does not enable it here"] };
  if (!found.stmt) {
    return { ...base, guard: null, why: ["a `pick` this path never reaches counts only at its first value (an event naming another value for it is not a step of the spec)"] };
  }
  const stmt = found.stmt;
  const cond = stmt.k === "require" ? stmt.cond : stmt.where!;
  const guard = spec.file.slice(stmt.span).split("\n")[0].trim();
  const why = explainFalse({ spec, state: found.state }, cond, found.locals);
  return { ...base, guard, why, location: location(spec, stmt.span) };
}

/** The reason for a step (or observation, inst -1) that reaches a state other than the observed one. */
export function observedReason(model: Model, ev: BoundEvent, s: Int32Array, inst: number): AlertReason {
  const d = inst >= 0 ? successor(model, s, inst) : s;
  if (!d) throw new Error("monitor: a mismatching step is not enabled when explained");
  const step = inst >= 0 ? stepText(model, inst) : null;
  let start = 0;
  for (let p = 0; p < ev.obsPlaces.length; p++) {
    const end = ev.obsEnds[p];
    let same = true;
    for (let i = start; i < end; i++) if (d[ev.obs[2 * i]] !== ev.obs[2 * i + 1]) same = false;
    if (!same) {
      const place = ev.obsPlaces[p];
      const codes = new Int32Array(end - start);
      for (let i = start; i < end; i++) codes[i - start] = ev.obs[2 * i + 1];
      return { kind: "observed", step, place: place.text, expected: decodeValue(place.ty, d, place.offset), found: decodeValue(place.ty, codes, 0) };
    }
    start = end;
  }
  for (let j = 0; j < ev.nDeltas; j++) {
    const x = ev.deltas[j];
    const o = x.place.offset;
    if (d[o] - s[o] !== x.by) {
      const found: Readable = s[o] + x.by;
      return { kind: "observed", step, place: x.place.text, expected: decodeValue(x.place.ty, d, o), found, delta: { before: decodeValue(x.place.ty, s, o), by: x.by } };
    }
  }
  throw new Error("monitor: a mismatch that matches when explained");
}
