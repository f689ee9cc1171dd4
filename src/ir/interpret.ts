// The reference interpreter: runs actions on the IR directly, statement by statement, with the
// reference evaluator (eval.ts). Simple and obviously correct rather than fast: states are nested
// JS arrays, every action copies the whole state. Tests use it as the oracle for the compiler.
// Action instances are numbered exactly as the compiled Model numbers them.

import { assertNever } from "../util/assert-never.js";
import { EvalFailure, checkFits, code, domainValues, evaluate, show, valuesEqual, type EvalEnv, type StepInfo, type Value } from "./eval.js";
import { choiceCodeAt, choiceCount, choiceValue, valueIndex } from "./finite.js";
import type * as I from "./ir.js";

export type State = Value[];

export type StepOutcome =
  | { readonly status: "enabled"; readonly state: State }
  | { readonly status: "disabled" }
  | { readonly status: "failed"; readonly site: number; readonly detail: string };

function clone(v: Value): Value {
  return Array.isArray(v) ? v.map(clone) : v;
}

export function initialState(spec: I.Spec): State {
  const env: EvalEnv = { defs: spec.defs, sites: spec.sites };
  return spec.vars.map((v) => evaluate(env, v.init));
}

/** Instances of an action, in the model's order: choices in lexicographic order, first slowest. */
export function instanceCount(a: I.Action): number {
  return a.choices.reduce((n, c) => n * choiceCount(c.ty), 1);
}

/** The action and choice codes of global instance `inst`. */
export function decodeInstance(spec: I.Spec, inst: number): { action: number; args: number[] } {
  let first = 0;
  for (let k = 0; k < spec.actions.length; k++) {
    const a = spec.actions[k];
    const n = instanceCount(a);
    if (inst < first + n) {
      let x = inst - first;
      const args = new Array<number>(a.choices.length);
      for (let i = a.choices.length - 1; i >= 0; i--) {
        const card = choiceCount(a.choices[i].ty);
        args[i] = choiceCodeAt(a.choices[i].ty, x % card);
        x = Math.floor(x / card);
      }
      return { action: k, args };
    }
    first += n;
  }
  throw new RangeError(`no instance ${inst}`);
}

export function totalInstances(spec: I.Spec): number {
  return spec.actions.reduce((n, a) => n + instanceCount(a), 0);
}

class Disabled {}
const DISABLED = new Disabled();

interface Run {
  readonly spec: I.Spec;
  readonly action: I.Action;
  readonly args: readonly number[];
  readonly env: EvalEnv;
  readonly state: State;
  readonly locals: Value[];
  readonly picked: Set<number>;
  /** Told which statement disabled the instance, and the locals and state at that point. */
  readonly onDisabled?: (at: DisabledAt) => void;
}

/** Where an instance stopped being enabled: a `require` or a `pick ... where` that is false (with
 * the locals and the state as they were there), or a pick its path never reached (`stmt` null). */
export interface DisabledAt {
  readonly action: I.Action;
  readonly stmt: Extract<I.Stmt, { k: "require" } | { k: "pick" }> | null;
  readonly locals: readonly Value[];
  readonly state: State;
}

/** Writes `value` at `place`, evaluating the place's indexes first (as the compiler does). */
function assign(r: Run, s: Extract<I.Stmt, { k: "assign" }>): void {
  const p = s.place;
  // Resolve the path to a container and a slot, checking every index.
  let ty: I.Ty = r.spec.vars[p.var].ty;
  const keys: number[] = [];
  let cur: Value = r.state[p.var];
  for (const step of p.path) {
    if (step.k === "index") {
      const iv = evaluate(r.env, step.index, r.locals);
      const i = code(iv);
      if (ty.k === "map") {
        const ord = valueIndex(ty.key, iv);
        if (ord < 0) throw new EvalFailure(step.site, show(iv));
        keys.push(ord);
        cur = (cur as Value[])[ord];
        ty = ty.val;
      } else if (ty.k === "seq") {
        const len = (cur as Value[]).length;
        if (i < 0 || i >= len) throw new EvalFailure(step.site, `${i} (the queue holds ${len})`);
        keys.push(i);
        cur = (cur as Value[])[i];
        ty = ty.elem as I.Ty;
      }
    } else if (ty.k === "rec") {
      keys.push(step.field);
      cur = (cur as Value[])[step.field];
      ty = ty.fields[step.field].ty;
    }
  }
  const value = evaluate(r.env, s.value, r.locals);
  checkFits(s.site, p.ty, value);
  if (keys.length === 0) {
    r.state[p.var] = clone(value);
    return;
  }
  let container = r.state[p.var] as Value[];
  for (let i = 0; i < keys.length - 1; i++) container = container[keys[i]] as Value[];
  container[keys[keys.length - 1]] = clone(value);
}

/** The rounds of a loop: each slot's number and the value bound in it, the domain evaluated once. */
function rounds(r: Run, d: I.Domain): { slot: number; value: Value }[] {
  switch (d.k) {
    case "type":
      return domainValues(d.ty).map((value, slot) => ({ slot, value }));
    case "set": {
      // A round's slot is the element's index in its type (as the checker numbered the picks).
      const elem = d.elem;
      return (evaluate(r.env, d.set, r.locals) as Value[]).map((c) => {
        const value = elem.k === "bool" ? c !== 0 : c;
        return { slot: valueIndex(elem, value), value };
      });
    }
    case "seq":
      return (evaluate(r.env, d.seq, r.locals) as Value[]).map((value, slot) => ({ slot, value: clone(value) }));
  }
}

/** Runs statements; `picks` is added to every pick's number (the rounds of the enclosing loops). */
function exec(r: Run, stmts: readonly I.Stmt[], picks = 0): void {
  for (const s of stmts) {
    switch (s.k) {
      case "require":
        if (evaluate(r.env, s.cond, r.locals) !== true) {
          r.onDisabled?.({ action: r.action, stmt: s, locals: [...r.locals], state: r.state.map(clone) });
          throw DISABLED;
        }
        break;
      case "let":
        r.locals[s.local] = evaluate(r.env, s.value, r.locals);
        break;
      case "if":
        exec(r, evaluate(r.env, s.cond, r.locals) === true ? s.then : s.else, picks);
        break;
      case "for":
        for (const { slot, value } of rounds(r, s.domain)) {
          r.locals[s.local] = value;
          exec(r, s.body, picks + slot * s.stride);
        }
        break;
      case "pick": {
        const idx = r.action.choices.findIndex((c) => c.kind === "pick") + s.pick + picks;
        r.locals[s.local] = choiceValue(r.action.choices[idx].ty, r.args[idx]);
        r.picked.add(s.pick + picks);
        if (s.where !== null && evaluate(r.env, s.where, r.locals) !== true) {
          r.onDisabled?.({ action: r.action, stmt: s, locals: [...r.locals], state: r.state.map(clone) });
          throw DISABLED;
        }
        break;
      }
      case "assign":
        assign(r, s);
        break;
      default:
        assertNever(s);
    }
  }
}

/** Runs one action instance on a copy of `state`; `onDisabled` is told why it is not enabled. */
export function runInstance(spec: I.Spec, state: State, inst: number, onDisabled?: (at: DisabledAt) => void): StepOutcome {
  const { action, args } = decodeInstance(spec, inst);
  const a = spec.actions[action];
  const next = state.map(clone);
  const locals: Value[] = new Array(Math.max(1, a.nLocals));
  a.choices.forEach((c, i) => {
    if (c.kind !== "pick") locals[c.local] = choiceValue(c.ty, args[i]);
  });
  const run: Run = { spec, action: a, args, env: { defs: spec.defs, sites: spec.sites, state: next }, state: next, locals, picked: new Set(), ...(onDisabled ? { onDisabled } : {}) };
  try {
    exec(run, a.body);
  } catch (e) {
    if (e === DISABLED) return { status: "disabled" };
    if (e instanceof EvalFailure) return { status: "failed", site: e.site, detail: e.detail };
    throw e;
  }
  // A pick its path never reached counts only at its first value, so it does not multiply instances.
  const firstPick = a.choices.findIndex((c) => c.kind === "pick");
  for (let p = 0; firstPick >= 0 && firstPick + p < a.choices.length; p++) {
    const c = a.choices[firstPick + p];
    if (!run.picked.has(p) && args[firstPick + p] !== choiceCodeAt(c.ty, 0)) {
      onDisabled?.({ action: a, stmt: null, locals, state: next });
      return { status: "disabled" };
    }
  }
  return { status: "enabled", state: next };
}

export type PropertyOutcome = { readonly holds: true } | { readonly holds: false } | { readonly failed: true; readonly site: number; readonly detail: string };

function evalProperty(env: EvalEnv, p: I.Property): PropertyOutcome {
  try {
    return evaluate(env, p.expr, new Array(Math.max(1, p.nLocals))) === true ? { holds: true } : { holds: false };
  } catch (e) {
    if (e instanceof EvalFailure) return { failed: true, site: e.site, detail: e.detail };
    throw e;
  }
}

export function checkInvariant(spec: I.Spec, state: State, k: number): PropertyOutcome {
  return evalProperty({ defs: spec.defs, sites: spec.sites, state }, spec.invariants[k]);
}

export function checkStep(spec: I.Spec, before: State, after: State, inst: number, k: number): PropertyOutcome {
  const { action, args } = decodeInstance(spec, inst);
  const step: StepInfo = { action, hasCaller: spec.actions[action].hasCaller, args };
  return evalProperty({ defs: spec.defs, sites: spec.sites, state: after, old: before, step }, spec.steps[k]);
}

export function statesEqual(a: State, b: State): boolean {
  return a.length === b.length && a.every((v, i) => valuesEqual(v, b[i]));
}
