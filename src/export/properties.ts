// Init, TypeOK, invariants, step properties and WellTyped.
//
// An invariant whose evaluation fails in a state is not violated there: stakecheck reports
// well_typed instead. So the invariant reads `F \/ V` (F: evaluating it fails) and WellTyped `~F`.
//
// A step property P is the action property `[][P_step]_vars`, where P_step says, for every action
// instance, `Act(args) => P` (P's `old(e)` unprimed, its state primed, `action`, `caller` and the
// step's parameters fixed per action). TLA+ cannot see a step that leaves every variable unchanged
// (stuttering), and stakecheck checks those steps too: `P_unchanged` checks them as an invariant,
// `~P => ~ENABLED (Act(args) /\ UNCHANGED vars)`, P read with both states the current one.

import type * as I from "../ir/ir.js";
import { instance } from "./actions.js";
import { plainState, type Ctx, type ModuleCtx } from "./context.js";
import { tr, type R } from "./expr.js";
import { Scope, commentText } from "./names.js";
import { definition } from "./print.js";
import { TRUE, and, bin, conjList, forall, id, implies, isFalse, isTrue, ite, not, type T } from "./tla.js";
import { typeSet } from "./types.js";

export function rootCtx(m: ModuleCtx, primed = false): Ctx {
  return { m, scope: new Scope(m.names), locals: new Map(), state: plainState(m, primed), old: null, step: null };
}

export function initOperator(m: ModuleCtx): T {
  const ctx = rootCtx(m);
  return conjList(
    m.spec.vars.map((v, i) => bin("=", id(m.vars[i]), tr(ctx, v.init).v)),
    m.spec.vars.map(() => undefined),
  );
}

export function typeOk(m: ModuleCtx): T {
  return conjList(
    m.spec.vars.map((v, i) => bin("\\in", id(m.vars[i]), typeSet(m, v.ty))),
    m.spec.vars.map(() => undefined),
  );
}

export interface PropertyOut {
  readonly text: string;
  /** Conjuncts WellTyped gets from this property (its evaluation failing), with their comments. */
  readonly wellTyped: readonly (readonly [T, string])[];
  /** Names the configuration lists: invariants and temporal properties. */
  readonly invariants: readonly string[];
  readonly properties: readonly string[];
}

export function invariantOperator(m: ModuleCtx, p: I.Property, name: string): PropertyOut {
  const r = tr(rootCtx(m), p.expr);
  const text = [`\\* invariant ${commentText(p.name)}`, definition(name, [], ite(r.f, TRUE, r.v))].join("\n");
  return { text, wellTyped: isFalse(r.f) ? [] : [[not(r.f), `evaluating invariant ${commentText(p.name)}`]], invariants: [name], properties: [] };
}

/** P for the steps of action `k`, with the instance's choices bound in `scope`. */
function stepFor(m: ModuleCtx, p: I.Property, k: number, scope: Scope, primed: boolean, names: readonly string[]): R {
  const ctx: Ctx = {
    m,
    scope,
    locals: new Map(),
    state: plainState(m, primed),
    old: plainState(m, false),
    step: { action: k, choices: names.map(id) },
  };
  return tr(ctx, p.expr);
}

export function stepOperators(m: ModuleCtx, p: I.Property, name: string): PropertyOut {
  const step = m.names.derived(`${name}_step`);
  const unchangedName = m.names.derived(`${name}_unchanged`);
  const items: T[] = [];
  const stutter: T[] = [];
  const wellTyped: [T, string][] = [];
  const scope = new Scope(m.names);
  m.spec.actions.forEach((_, k) => {
    const own = scope.child();
    const inst = instance(m, k, own);
    const r = stepFor(m, p, k, own.child(), true, inst.names);
    items.push(forall(inst.binds, implies(inst.call, ite(r.f, TRUE, r.v))));
    if (!isFalse(r.f)) wellTyped.push([forall(inst.binds, not({ k: "prefix", op: "ENABLED", e: and(inst.call, r.f) })), `evaluating step ${commentText(p.name)} on ${commentText(m.spec.actions[k].name)}`]);
    const s = stepFor(m, p, k, own.child(), false, inst.names);
    const unchanged: T = { k: "prefix", op: "ENABLED", e: and(inst.call, { k: "prefix", op: "UNCHANGED", e: id("vars") }) };
    // P read first: TLC evaluates ENABLED only where P fails on a step that would change nothing.
    stutter.push(forall(inst.binds, implies(not(ite(s.f, TRUE, s.v)), not(unchanged))));
  });
  const onStutter = and(...stutter);
  const text = [
    `\\* step ${commentText(p.name)}: every step of every action, as an action property`,
    definition(step, [], and(...items)),
    definition(name, [], { k: "sub", op: "[]", a: id(step), v: id("vars") }),
    ...(isTrue(onStutter)
      ? [`\\* (${commentText(p.name)} holds on any step that changes nothing, which [][...]_vars cannot see)`]
      : [`\\* step ${commentText(p.name)} on the steps that change nothing (TLA+'s [][...]_vars cannot see them)`, definition(unchangedName, [], onStutter)]),
  ].join("\n");
  return { text, wellTyped, invariants: isTrue(onStutter) ? [] : [unchangedName], properties: [name] };
}

export function wellTypedOperator(parts: readonly (readonly [T, string])[]): T {
  if (parts.length === 0) return TRUE;
  return conjList(
    parts.map(([t]) => t),
    parts.map(([, n]) => n),
  );
}

