// Binding a Trace to a compiled model: names become action instances and property indexes, values
// become flat states through model.encode, which applies the spec's types. What does not fit is
// reported in words naming the state and the field, never thrown.

import type { PropertyRef } from "../explore/result.js";
import { WELL_TYPED } from "../explore/result.js";
import { closest } from "../lang/suggest.js";
import { encodeValue } from "../model/layout.js";
import type { Model } from "../model/model.js";
import type { Trace, TraceStep } from "./trace.js";

export interface BoundStep {
  readonly inst: number;
  readonly action: number;
  /** Choice codes, as model.decodeInstance gives them. */
  readonly args: readonly number[];
}

export interface BoundTrace {
  readonly trace: Trace;
  readonly property: PropertyRef;
  readonly during?: PropertyRef;
  /** Every step from the initial state, the failed one (if any) included. */
  readonly steps: readonly BoundStep[];
  /** The recorded states as flat states: states[k] is the state after step k. */
  readonly states: readonly Int32Array[];
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
  const tmp = new Int32Array(1);
  for (const c of info.choices) {
    const where = c.kind === "caller" ? `${at}.caller` : `${at}.${c.kind === "param" ? "params" : "picks"}.${c.name}`;
    const value = c.kind === "caller" ? step.caller : c.kind === "param" ? (Object.hasOwn(step.params, c.name) ? step.params[c.name] : undefined) : Object.hasOwn(step.picks, c.name) ? step.picks[c.name] : undefined;
    if (value === undefined) {
      problems.push(`${where}: missing (action \`${info.name}\` has ${c.kind === "caller" ? `\`by ${c.name}\`` : `${c.kind === "param" ? "parameter" : "pick"} \`${c.name}\``})`);
      continue;
    }
    const err = encodeValue(c.ty, value, tmp, 0, where);
    if (err) problems.push(err);
    else args.push(tmp[0]);
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
  return { inst, action, args };
}

function bindProperty(model: Model, kind: string, name: string, at: string, problems: string[]): PropertyRef | null {
  if (kind === "well_typed") return WELL_TYPED;
  const list = kind === "invariant" ? model.spec.invariants : model.spec.steps;
  const names = list.map((p) => p.name);
  const index = names.indexOf(name);
  if (index < 0) {
    problems.push(`${at}: spec \`${model.spec.name}\` has no ${kind === "invariant" ? "invariant" : "step property"} \`${name}\`${didYouMean(name, names, kind === "invariant" ? "invariants" : "step properties")}`);
    return null;
  }
  return { kind: kind as "invariant" | "step", index, name };
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
  const property = bindProperty(model, v.kind, v.name, "field #meta.violation.name", problems);
  const during = v.during ? bindProperty(model, v.during.kind, v.during.name, "field #meta.violation.during.name", problems) : undefined;
  if (problems.length || !property) return { problems };
  return { bound: { trace, property, ...(during ? { during } : {}), steps, states } };
}
