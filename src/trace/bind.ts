// Binding a Trace to a compiled model: names become action instances and property indexes, values
// become flat states through model.encode, which applies the spec's types. What does not fit is
// reported in words naming the state and the field, never thrown.

import type { PropertyRef } from "../explore/result.js";
import { WELL_TYPED } from "../explore/result.js";
import { closest } from "../lang/suggest.js";
import { slotCount } from "../ir/types.js";
import { encodeChoice, encodeValue } from "../model/layout.js";
import type { Model } from "../model/model.js";
import { diffStates, typeAt } from "./diff.js";
import type { Trace, TraceStep } from "./trace.js";
import { livenessInstanceOf } from "../ir/liveness.js";

export interface BoundStep {
  readonly inst: number;
  readonly action: number;
  /** Choice codes, as model.decodeInstance gives them. */
  readonly args: readonly number[];
  /** A conformance probe: the spec did not enable this step (src/trace/trace.ts, TraceStep). */
  readonly disabled?: true;
}

export interface BoundTrace {
  readonly trace: Trace;
  /** The violated property; null for a conformance counterexample (the spec itself holds). */
  readonly property: PropertyRef | null;
  readonly during?: PropertyRef;
  /** Every step from the initial state, the failed one (if any) included. */
  readonly steps: readonly BoundStep[];
  /** The recorded states as flat states: states[k] is the state after step k. */
  readonly states: readonly Int32Array[];
  /** Liveness: the lasso's loop (Trace.loop), its closing step (absent: a stutter) and the
   * property's instance (src/ir/liveness.ts). */
  readonly lasso?: { readonly loop: number; readonly closing: BoundStep | null; readonly instance: number };
}

function didYouMean(word: string, candidates: readonly string[], what: string): string {
  const g = closest(word, candidates);
  if (g) return `; did you mean \`${g}\`?`;
  return candidates.length ? `; its ${what}: ${candidates.join(", ")}` : `; it has no ${what}`;
}

/** The instance a recorded step names, or problems (`at` is e.g. "state 3, field #meta"). */
export function bindStep(model: Model, step: TraceStep, at: string, problems: string[]): BoundStep | null {
  const names = model.actions.map((a) => a.name);
  const action = names.indexOf(step.action);
  if (action < 0) {
    problems.push(`${at}.action: no action \`${step.action}\` in spec \`${model.spec.name}\`${didYouMean(step.action, names, "actions")}`);
    return null;
  }
  const info = model.actions[action];
  const before = problems.length;
  const args: number[] = [];
  for (const c of info.choices) {
    const where = c.kind === "caller" ? `${at}.caller` : `${at}.${c.kind === "param" ? "params" : "picks"}.${c.name}`;
    const value = c.kind === "caller" ? step.caller : c.kind === "param" ? (Object.hasOwn(step.params, c.name) ? step.params[c.name] : undefined) : Object.hasOwn(step.picks, c.name) ? step.picks[c.name] : undefined;
    if (value === undefined) {
      problems.push(`${where}: missing (action \`${info.name}\` has ${c.kind === "caller" ? `\`by ${c.name}\`` : `${c.kind === "param" ? "parameter" : "pick"} \`${c.name}\``})`);
      continue;
    }
    const r = encodeChoice(c.ty, value, where);
    if ("error" in r) problems.push(r.error);
    else args.push(r.code);
  }
  const kinds = [
    ["param", "params", step.params, "parameter", "parameters"],
    ["pick", "picks", step.picks, "pick", "picks"],
  ] as const;
  for (const [kind, field, given, one, many] of kinds) {
    const declared = info.choices.filter((c) => c.kind === kind).map((c) => c.name);
    for (const k of Object.keys(given)) {
      if (!declared.includes(k)) problems.push(`${at}.${field}: action \`${info.name}\` has no ${one} \`${k}\`${didYouMean(k, declared, many)}`);
    }
  }
  if (step.caller !== undefined && !info.choices.some((c) => c.kind === "caller")) {
    problems.push(`${at}.caller: action \`${info.name}\` has no caller (no \`by\` clause)`);
  }
  if (problems.length > before) return null;
  const inst = model.encodeInstance(action, args);
  if (inst < 0) {
    problems.push(`${at}: the choices of \`${info.name}\` do not name one of its instances`);
    return null;
  }
  return step.disabled ? { inst, action, args, disabled: true } : { inst, action, args };
}

const PROPERTY_WORDS = {
  invariant: ["invariant", "invariants"],
  step: ["step property", "step properties"],
  liveness: ["liveness property", "liveness properties"],
} as const;

function bindProperty(model: Model, kind: string, name: string, at: string, problems: string[]): PropertyRef | null {
  if (kind === "well_typed") return WELL_TYPED;
  const k = kind === "invariant" || kind === "liveness" ? kind : "step";
  const list = k === "invariant" ? model.spec.invariants : k === "liveness" ? (model.spec.liveness ?? []) : model.spec.steps;
  const names = list.map((p) => p.name);
  const index = names.indexOf(name);
  if (index < 0) {
    problems.push(`${at}: spec \`${model.spec.name}\` has no ${PROPERTY_WORDS[k][0]} \`${name}\`${didYouMean(name, names, PROPERTY_WORDS[k][1])}`);
    return null;
  }
  return { kind: k, index, name };
}

/** A liveness trace's loop, closing step and property instance (its binders' recorded values). */
function bindLasso(model: Model, trace: Trace, property: PropertyRef, problems: string[]): BoundTrace["lasso"] {
  const v = trace.violation;
  const l = (model.spec.liveness ?? [])[property.index];
  const codes: number[] = [];
  for (const b of l.binders) {
    const value = v.binding && Object.hasOwn(v.binding, b.name) ? v.binding[b.name] : undefined;
    if (value === undefined) {
      problems.push(`field #meta.violation.binding.${b.name}: missing (liveness \`${l.name}\` ranges \`${b.name}\` over its values)`);
      continue;
    }
    const r = encodeChoice(b.ty, value, `field #meta.violation.binding.${b.name}`);
    if ("error" in r) problems.push(r.error);
    else codes.push(r.code);
  }
  for (const k of Object.keys(v.binding ?? {})) {
    if (!l.binders.some((b) => b.name === k)) problems.push(`field #meta.violation.binding.${k}: liveness \`${l.name}\` has no binder \`${k}\``);
  }
  const closing = v.loopStep ? bindStep(model, v.loopStep, "field #meta.violation.loopStep", problems) : null;
  if (problems.length) return undefined;
  return { loop: trace.loop ?? trace.states.length - 1, closing, instance: livenessInstanceOf(l, codes) };
}

/** Binds `trace` to `model`, or lists every place where it does not fit the spec. */
export function bindTrace(model: Model, trace: Trace): { bound: BoundTrace } | { problems: string[] } {
  const problems: string[] = [];
  const specVars = model.vars.map((v) => v.name);
  for (const v of trace.vars) if (!specVars.includes(v)) problems.push(`field vars: spec \`${model.spec.name}\` has no variable \`${v}\``);
  for (const v of specVars) if (!trace.vars.includes(v)) problems.push(`field vars: variable \`${v}\` of spec \`${model.spec.name}\` is missing`);
  const varsFit = problems.length === 0;

  const states: Int32Array[] = [];
  const steps: BoundStep[] = [];
  trace.states.forEach((s, k) => {
    if (s.step) {
      const b = bindStep(model, s.step, `state ${k}, field #meta`, problems);
      if (b) steps.push(b);
    }
    if (!varsFit) return;
    const r = model.encode(s.values);
    if ("errors" in r) for (const e of r.errors) problems.push(`state ${k}, variable ${e}`);
    else states.push(r.state);
  });
  const v = trace.violation;
  if (v.failedStep) {
    const b = bindStep(model, v.failedStep, "field #meta.violation.failedStep", problems);
    if (b) steps.push(b);
  }
  if (v.kind === "run") return problems.length ? { problems } : { bound: { trace, property: null, steps, states } };
  if (v.kind === "conformance") {
    bindConformance(model, trace, problems);
    // A step the spec did not enable left the spec's state as it was.
    if (states.length === trace.states.length) {
      trace.states.forEach((s, k) => {
        if (!s.step?.disabled) return;
        const d = diffStates(model, states[k - 1], states[k])[0];
        if (d) problems.push(`state ${k}: the spec does not enable this step, so its state is state ${k - 1}'s, but ${d.path} is ${JSON.stringify(d.found)} here and ${JSON.stringify(d.expected)} there`);
      });
    }
    if (problems.length) return { problems };
    return { bound: { trace, property: null, steps, states } };
  }
  const property = bindProperty(model, v.kind, v.name, "field #meta.violation.name", problems);
  const during = v.during ? bindProperty(model, v.during.kind, v.during.name, "field #meta.violation.during.name", problems) : undefined;
  const lasso = property?.kind === "liveness" ? bindLasso(model, trace, property, problems) : undefined;
  if (problems.length || !property) return { problems };
  return { bound: { trace, property, ...(during ? { during } : {}), steps, states, ...(lasso ? { lasso } : {}) } };
}

/** A conformance violation's name is the differing variable (or the refused action), and its
 * recorded place and spec value fit the spec; the implementation's value need not. */
function bindConformance(model: Model, trace: Trace, problems: string[]): void {
  const v = trace.violation;
  const c = v.conformance;
  if (!c) return;
  const at = "field #meta.violation";
  if (c.failure === "state") {
    const vars = model.vars.map((x) => x.name);
    if (!vars.includes(v.name)) {
      problems.push(`${at}.name: spec \`${model.spec.name}\` has no variable \`${v.name}\`${didYouMean(v.name, vars, "variables")}`);
      return;
    }
    if (c.at === undefined) return;
    const ty = c.at.startsWith(v.name) ? typeAt(model, c.at) : null;
    if (!ty) {
      problems.push(`${at}.conformance.at: \`${c.at}\` is not a part of variable \`${v.name}\``);
      return;
    }
    if (c.expected !== undefined) {
      const err = encodeValue(ty, c.expected, new Int32Array(slotCount(ty)), 0, `${at}.conformance.expected`);
      if (err) problems.push(err);
    }
  } else if (c.failure === "rejected" || c.failure === "accepted") {
    const names = model.actions.map((a) => a.name);
    if (!names.includes(v.name)) problems.push(`${at}.name: no action \`${v.name}\` in spec \`${model.spec.name}\`${didYouMean(v.name, names, "actions")}`);
  }
}
