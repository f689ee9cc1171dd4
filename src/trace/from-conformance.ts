// From a conformance failure (a path of action instances on which an implementation diverged from
// the spec) to a Trace. The states are the spec's: a step the spec does not enable (conformance
// tries such steps; the implementation must refuse them) is recorded with `disabled` and leaves the
// state as it was, so every state still holds every variable, as ITF requires.

import { DISABLED, ENABLED, type Model } from "../model/model.js";
import type { Readable } from "../model/layout.js";
import { stepOf, traceContext, type TraceOrigin } from "./from-model.js";
import { MBT_TRACE_VERSION, type Trace, type TraceConformance, type TraceState } from "./trace.js";

/** How an implementation diverged, as data any conformance driver can give. */
export interface ConformanceDivergence {
  /** The steps from the initial state, probes of steps the spec does not enable included; the
   * divergence shows after the last one. */
  readonly instances: readonly number[];
  readonly failure: TraceConformance["failure"];
  /** failure "state": the first differing variable, the first place it differs, and the values
   * there (the spec's, the implementation's). */
  readonly variable?: string;
  readonly at?: string;
  readonly expected?: Readable;
  readonly found?: Readable;
  /** One sentence for people. */
  readonly message: string;
}

/** The trace of `d`; throws if its path does not run on `model` (a bug in the driver). */
export function traceFromConformance(model: Model, d: ConformanceDivergence, origin: TraceOrigin): Trace {
  let s = new Int32Array(model.width);
  model.init(s);
  const states: TraceState[] = [{ index: 0, step: null, values: model.decode(s) }];
  d.instances.forEach((inst, i) => {
    const next = new Int32Array(model.width);
    const r = model.apply(s, next, inst);
    if (r !== ENABLED && r !== DISABLED) throw new Error(`traceFromConformance: step ${i + 1} fails the spec's well_typed check`);
    const step = stepOf(model, inst);
    if (r === ENABLED) s = next;
    states.push({ index: i + 1, step: r === ENABLED ? step : { ...step, disabled: true }, values: model.decode(s) });
  });
  const n = d.instances.length;
  const last = states[n].step;
  const name = d.failure === "state" ? d.variable : d.failure === "rejected" ? last?.action : "adapter";
  if (name === undefined) throw new Error(`traceFromConformance: a ${d.failure} divergence without ${d.failure === "state" ? "a variable" : "a step"}`);
  const conformance: { -readonly [K in keyof TraceConformance]: TraceConformance[K] } = { failure: d.failure };
  if (d.failure === "state") {
    if (d.at === undefined || d.expected === undefined || d.found === undefined) throw new Error("traceFromConformance: a state divergence without its place and values");
    Object.assign(conformance, { at: d.at, expected: d.expected, found: d.found });
  }
  return {
    version: MBT_TRACE_VERSION,
    ...traceContext(model, origin),
    violation: { kind: "conformance", name, step: n, conformance, message: d.message },
    states,
  };
}
