// Calls of defs. A def that reads only the state is a TLA+ operator, called as `f(args)` where the
// state it reads is the plain one, and as `f(args)'` after a step. Where its operator would read the
// wrong state (inside an action, after a write to a variable it reads), or where it reads the step
// itself (`old`, `caller`, `action`, a step parameter), its body is inlined, its parameters bound
// by LET.

import type * as I from "../ir/ir.js";
import { forEachExpr } from "../ir/walk.js";
import { plainState, withLocal, type Ctx } from "./context.js";
import { readsState, tr, type R } from "./expr.js";
import { FALSE, app, id, letIn, or, prime, type LetDef } from "./tla.js";

function hasOld(e: I.Expr): boolean {
  let found = false;
  forEachExpr(e, (x) => {
    if (x.k === "old") found = true;
  });
  return found;
}

export function trCall(ctx: Ctx, e: Extract<I.Expr, { k: "call" }>): R {
  const m = ctx.m;
  const k = e.def;
  const args = e.args.map((a) => tr(ctx, a));
  const argsF = or(...args.map((a) => a.f));
  if (!m.stepDefs[k]) {
    const fails = m.defFails[k];
    const reads = [...m.defReads[k]];
    if (!ctx.state.primed && !reads.some((v) => ctx.state.differs(v))) {
      const v = args.map((a) => a.v);
      return { v: app(m.defs[k], ...v), f: or(argsF, fails ? app(fails, ...v) : FALSE) };
    }
    // After a step: prime the whole call, its arguments written as of the plain state.
    if (ctx.state.primed && !e.args.some((a) => hasOld(a) || stateLocal(ctx, a))) {
      const plain: Ctx = { ...ctx, state: plainState(m, false), old: null };
      const v = e.args.map((a) => tr(plain, a).v);
      return { v: prime(app(m.defs[k], ...v)), f: or(argsF, fails ? prime(app(fails, ...v)) : FALSE) };
    }
  }
  return inline(ctx, e, args);
}

/** Whether `e` uses a local bound (by LET) to a value read from the state. */
function stateLocal(ctx: Ctx, e: I.Expr): boolean {
  let found = false;
  forEachExpr(e, (x) => {
    if (x.k === "local" && ctx.locals.get(x.id)?.stateful) found = true;
  });
  return found;
}

function inline(ctx: Ctx, e: Extract<I.Expr, { k: "call" }>, args: readonly R[]): R {
  const def = ctx.m.spec.defs[e.def];
  const scope = ctx.scope.child();
  let inner: Ctx = { ...ctx, scope, locals: new Map() };
  const defs: LetDef[] = [];
  def.params.forEach((p, i) => {
    const a = args[i].v;
    if (a.k === "id" || a.k === "num" || a.k === "str" || a.k === "bool") {
      inner = withLocal(inner, p.local, a, readsState(ctx, e.args[i]));
      return;
    }
    const name = scope.bind(p.name);
    defs.push({ name, body: a });
    inner = withLocal(inner, p.local, id(name), readsState(ctx, e.args[i]));
  });
  const body = tr(inner, def.body);
  return { v: letIn(defs, body.v), f: or(...args.map((a) => a.f), letIn(defs, body.f)) };
}

/** A def as an operator: its parameters' names and its body's value and failure (plain state). */
export function defOperator(ctx: Ctx, def: I.Def): { params: string[]; body: R } {
  let c = ctx;
  const params = def.params.map((p) => {
    const name = ctx.scope.bind(p.name);
    c = withLocal(c, p.local, id(name));
    return name;
  });
  return { params, body: tr(c, def.body) };
}

