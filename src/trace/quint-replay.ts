// Replaying a Quint MBT trace (src/trace/quint.ts) on a .stake spec: bind it by names (variables,
// `mbt::actionTaken`, the picks in `mbt::nondetPicks`), then re-run its steps. The verdict:
//   diverged  the spec's initial state or the state after step k is not the trace's, or step k is
//             not enabled in the spec;
//   violates  a property of the spec fails along the trace (at the first step where one does; a step
//             whose effect fails `well_typed` is one);
//   replays   every step replays to the recorded state and every property holds along the way.

import { PropertyChecks, type Found } from "../explore/checks.js";
import { selectAll } from "../explore/result.js";
import { describeFailure } from "../ir/failure.js";
import type { Readable } from "../model/layout.js";
import { DISABLED, FAILED, type Model } from "../model/model.js";
import { bindStep, type BoundStep, type BoundTrace } from "./bind.js";
import { diffStates } from "./diff.js";
import { traceContext } from "./from-model.js";
import { fromItf } from "./itf.js";
import { MBT_VARS, NONDET_PICKS, mbtStep, normalizeQuintValue, readMbt } from "./quint.js";
import { disabledDivergence, type ReplayVerdict } from "./replay.js";
import { MBT_TRACE_VERSION, type Trace, type TraceState, type TraceStep, type TraceViolation } from "./trace.js";

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Quint qualifies a variable by its module (`bankTest::bank::balances`): the last part is its name. */
function shortName(v: string): string {
  const i = v.lastIndexOf("::");
  return i < 0 ? v : v.slice(i + 2);
}

/** Binds a Quint MBT trace to `model`, or says what does not match (the first mismatch first). */
export function bindQuintTrace(json: unknown, model: Model, specPath: string): { bound: BoundTrace } | { problems: string[] } {
  const problems: string[] = [];
  if (!isObject(json) || !Array.isArray(json.vars) || !Array.isArray(json.states) || json.states.length === 0) {
    return { problems: ['expected an ITF trace: a JSON object with "vars" and a non-empty "states" array'] };
  }
  const spec = model.spec;
  const specVars = model.vars.map((v) => v.name);
  // Variable name in the spec -> its key in the trace's states.
  const keyOf = new Map<string, string>();
  for (const raw of json.vars) {
    if (typeof raw !== "string" || MBT_VARS.includes(raw)) continue;
    const name = shortName(raw);
    if (!specVars.includes(name)) problems.push(`variable \`${raw}\` of the trace is not a variable of spec \`${spec.name}\` (it has ${specVars.join(", ")})`);
    else keyOf.set(name, raw);
  }
  for (const v of specVars) if (!keyOf.has(v)) problems.push(`variable \`${v}\` of spec \`${spec.name}\` is not in the trace`);
  if (problems.length) return { problems };

  const states: TraceState[] = [];
  const flat: Int32Array[] = [];
  const steps: BoundStep[] = [];
  json.states.forEach((s: unknown, k: number) => {
    const at = `state ${k}`;
    if (!isObject(s)) {
      problems.push(`${at}: not an object of variables`);
      return;
    }
    let step: TraceStep | null = null;
    if (k > 0) {
      const mbt = readMbt(s, at, problems);
      step = mbt ? mbtStep(model, mbt, at, problems) : null;
      const b = step ? bindStep(model, step, `${at}, ${NONDET_PICKS}`, problems) : null;
      if (b) steps.push(b);
    }
    const values: Record<string, Readable> = {};
    for (const name of specVars) {
      const r = fromItf(normalizeQuintValue(s[keyOf.get(name)!]), `${at}, variable ${name}`);
      if ("error" in r) problems.push(r.error);
      else values[name] = r.value;
    }
    const encoded = model.encode(values);
    if ("errors" in encoded) for (const e of encoded.errors) problems.push(`${at}, variable ${e}`);
    else flat.push(encoded.state);
    states.push({ index: k, step, values });
  });
  if (problems.length) return { problems };
  const trace: Trace = {
    version: MBT_TRACE_VERSION,
    ...traceContext(model, { explorer: { kind: "quint" }, specPath }),
    violation: { kind: "run", name: "run", step: states.length - 1 },
    states,
  };
  return { bound: { trace, property: null, steps, states: flat } };
}

function violationOf(f: Found, step: number, model: Model): TraceViolation {
  return {
    kind: f.property.kind,
    name: f.property.name,
    step,
    ...(f.during ? { during: { kind: f.during.kind === "step" ? "step" : "invariant", name: f.during.name } } : {}),
    ...(f.failure ? { message: describeFailure(model.spec.sites[f.failure.site], f.failure.detail) } : {}),
  };
}

/** Replays a bound Quint trace; `trace` is the trace as far as it is shown (up to the violation). */
export function replayQuint(model: Model, b: BoundTrace): { verdict: ReplayVerdict; trace: Trace } {
  const checks = new PropertyChecks(model, selectAll(model));
  const found: Found[] = [];
  const upTo = (k: number, violation: TraceViolation): Trace => ({ ...b.trace, violation, states: b.trace.states.slice(0, k + 1) });
  let cur = new Int32Array(model.width);
  model.init(cur);
  const init = diffStates(model, b.states[0], cur);
  if (init.length) return { verdict: { kind: "diverged", divergence: { kind: "state", step: 0, diffs: init } }, trace: b.trace };
  checks.invariants(cur, false, found);
  if (found.length) return { verdict: { kind: "violates", step: 0, ...(found[0].failure ? { failure: found[0].failure } : {}) }, trace: upTo(0, violationOf(found[0], 0, model)) };
  const before = new Float64Array(model.coverage.requireFailed.length);
  for (let k = 1; k <= b.steps.length; k++) {
    const step = b.steps[k - 1];
    before.set(model.coverage.requireFailed);
    const next = new Int32Array(model.width);
    const r = model.apply(cur, next, step.inst);
    if (r === DISABLED) return { verdict: { kind: "diverged", divergence: disabledDivergence(model, step, k, before) }, trace: b.trace };
    if (r === FAILED) {
      const failure = { site: model.failure.site, detail: model.failure.detail };
      const v: TraceViolation = { kind: "well_typed", name: "well_typed", step: k, failedStep: b.trace.states[k].step!, message: describeFailure(model.spec.sites[failure.site], failure.detail) };
      return { verdict: { kind: "violates", step: k, failure }, trace: { ...upTo(k - 1, v) } };
    }
    const diffs = diffStates(model, b.states[k], next);
    if (diffs.length) return { verdict: { kind: "diverged", divergence: { kind: "state", step: k, diffs } }, trace: b.trace };
    checks.steps(cur, next, step.inst, false, found);
    if (!found.length) checks.invariants(next, false, found);
    if (found.length) return { verdict: { kind: "violates", step: k, ...(found[0].failure ? { failure: found[0].failure } : {}) }, trace: upTo(k, violationOf(found[0], k, model)) };
    cur = next;
  }
  return { verdict: { kind: "replays", steps: b.steps.length }, trace: b.trace };
}
