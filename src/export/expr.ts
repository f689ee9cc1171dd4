// Expressions: each IR expression becomes its TLA+ value `v` and `f`, the condition under which
// evaluating it fails (`well_typed`), in the state the context reads. `v` is meaningful only where
// `f` is false, and every use puts `f` first, so TLC never evaluates what stakecheck would not
// (a division by zero, an index outside a function's domain). Checks that the static types prove
// unnecessary are left out, as the compiler leaves them out (src/compile/expr.ts).

import { needsFit } from "../check/compat.js";
import type * as I from "../ir/ir.js";
import { subexpressions as subexprs } from "../ir/walk.js";
import { assertNever } from "../util/assert-never.js";
import { trAgg } from "./aggregates.js";
import { trCall } from "./calls.js";
import { ABSENT, childCtx, letName, withLocal, type Ctx } from "./context.js";
import * as X from "./tla.js";
import { FALSE, TRUE, and, app, bin, id, index, ite, letIn, not, num, or, type T } from "./tla.js";
import { arith, int, numberBuiltin } from "./numbers.js";
import { exactDiv, times } from "./scale.js";
import { boundName, fieldOf, maskSet, optionConst, scalarValue, typeSet } from "./types.js";

/** An expression's value and its failure condition. */
export interface R {
  readonly v: T;
  readonly f: T;
}

const ok = (v: T): R => ({ v, f: FALSE });

/** Whether evaluating `e` reads the state (a variable, `old`, or a local bound to such a value). */
export function readsState(ctx: Ctx, e: I.Expr): boolean {
  let reads = false;
  const visit = (x: I.Expr): void => {
    if (x.k === "var" || x.k === "old") reads = true;
    else if (x.k === "local" && ctx.locals.get(x.id)?.stateful) reads = true;
    else if (x.k === "call" && ctx.m.defReads[x.def].size > 0) reads = true;
    if (!reads) for (const c of subexprs(x)) visit(c);
  };
  visit(e);
  return reads;
}

/** A queue position from a number as the module holds it (scaled by its denominator). */
export function position(m: Ctx["m"], i: T): T {
  return exactDiv(i, m.scale);
}

/** `q` at position `p` (0-based, as in stakecheck). */
export function at(q: T, p: T): T {
  return index(q, bin("+", p, num(1)));
}

/** The check that integer `i` is a position of queue `q`. */
function positionFails(i: I.Expr, iv: T, q: T): T {
  const low = int(i).lo < 0 ? bin("<", iv, num(0)) : FALSE;
  return or(low, bin(">=", iv, app("Len", q)));
}

export function tr(ctx: Ctx, e: I.Expr): R {
  const m = ctx.m;
  switch (e.k) {
    case "const":
      return ok(constant(ctx, e.ty, e.v));
    case "var":
      return ok(ctx.state.read(e.id));
    case "local": {
      const l = ctx.locals.get(e.id);
      if (!l) throw new Error(`internal: local ${e.id} is not bound`);
      return ok(l.t);
    }
    case "index": {
      const t = tr(ctx, e.target);
      const i = tr(ctx, e.index);
      const tt = e.target.ty;
      switch (tt.k) {
        case "map": {
          const key = tt.key;
          const check = needsFit(e.index.ty, key) ? bin("\\notin", i.v, typeSet(m, key)) : FALSE;
          return { v: index(t.v, i.v), f: or(t.f, i.f, check) };
        }
        case "seq": {
          const p = position(m, i.v);
          return { v: at(t.v, p), f: or(t.f, i.f, positionFails(e.index, p, t.v)) };
        }
        case "bool":
        case "int":
        case "enum":
        case "set":
        case "rec":
        case "option":
        case "any":
        case "error":
          throw new Error(`internal: index into ${tt.k}`);
        default:
          return assertNever(tt);
      }
    }
    case "field": {
      const t = tr(ctx, e.target);
      const rec = e.target.ty as I.RecTy;
      return { v: fieldOf(m, rec, t.v, e.field), f: t.f };
    }
    case "neg": {
      const a = tr(ctx, e.e);
      return { v: X.neg(a.v), f: a.f };
    }
    case "not": {
      const a = tr(ctx, e.e);
      return { v: not(a.v), f: a.f };
    }
    case "arith":
      return arith(ctx, e, tr(ctx, e.l), tr(ctx, e.r));
    case "cmp": {
      const l = tr(ctx, e.l);
      const r = tr(ctx, e.r);
      return { v: bin(e.op, l.v, r.v), f: or(l.f, r.f) };
    }
    case "eq": {
      const l = tr(ctx, e.l);
      const r = tr(ctx, e.r);
      const f = or(l.f, r.f);
      if (l.v === ABSENT || r.v === ABSENT) return { v: (l.v === r.v) !== e.neg ? TRUE : FALSE, f };
      return { v: bin(e.neg ? "#" : "=", l.v, r.v), f };
    }
    case "logic":
      return logic(ctx, e);
    case "setop": {
      const l = tr(ctx, e.l);
      const r = tr(ctx, e.r);
      const op = e.op === "union" ? "\\cup" : e.op === "intersect" ? "\\cap" : "\\";
      return { v: bin(op, l.v, r.v), f: or(l.f, r.f) };
    }
    case "in": {
      const x = tr(ctx, e.elem);
      const c = tr(ctx, e.coll);
      const f = or(x.f, c.f);
      if (x.v === ABSENT) return { v: e.neg ? TRUE : FALSE, f };
      let coll = c.v;
      if (e.coll.ty.k === "seq") {
        m.helpers.add("Range");
        coll = app("Range", c.v);
      }
      return { v: bin(e.neg ? "\\notin" : "\\in", x.v, coll), f };
    }
    case "subset": {
      const l = tr(ctx, e.l);
      const r = tr(ctx, e.r);
      return { v: bin("\\subseteq", l.v, r.v), f: or(l.f, r.f) };
    }
    case "ite": {
      const c = tr(ctx, e.c);
      const t = tr(ctx, e.t);
      const f = tr(ctx, e.e);
      return { v: ite(c.v, t.v, f.v), f: or(c.f, ite(c.v, t.f, f.f)) };
    }
    case "let": {
      const value = tr(ctx, e.value);
      const inner = childCtx(ctx);
      const name = inner.scope.bind(letName(m, e.span));
      const body = tr(withLocal(inner, e.local, id(name), readsState(ctx, e.value)), e.body);
      const defs = [{ name, body: value.v }];
      return { v: letIn(defs, body.v), f: or(value.f, letIn(defs, body.f)) };
    }
    case "call":
      return trCall(ctx, e);
    case "builtin":
      return builtin(ctx, e);
    case "agg":
      return trAgg(ctx, e);
    case "setLit": {
      const xs = e.elems.map((x) => tr(ctx, x));
      // As the evaluator: an element must be a value of the set's element type.
      const elemTy = e.ty.elem;
      const checks = e.elems.map((x, i) => (elemTy.k !== "any" && elemTy.k !== "bool" && elemTy.k !== "enum" && needsFit(x.ty, elemTy) ? bin("\\notin", xs[i].v, typeSet(m, elemTy)) : FALSE));
      return { v: X.setEnum(xs.map((x) => x.v)), f: or(...xs.map((x) => x.f), ...checks) };
    }
    case "seqLit": {
      const xs = e.elems.map((x) => tr(ctx, x));
      return { v: X.tuple(xs.map((x) => x.v)), f: or(...xs.map((x) => x.f)) };
    }
    case "recLit": {
      const xs = e.fields.map((x) => tr(ctx, x));
      const v: T = e.ty.tuple ? X.tuple(xs.map((x) => x.v)) : { k: "rec", fields: e.ty.fields.map((f, i) => [m.names.field(f.name), xs[i].v] as const) };
      return { v, f: or(...xs.map((x) => x.f)) };
    }
    case "fill": {
      // Bound before the value is translated: a nested fill's own `k` must not shadow this one.
      const scope = ctx.scope.child();
      const k = scope.bind("k");
      const x = tr({ ...ctx, scope }, e.e);
      return { v: { k: "fn", name: k, set: typeSet(m, e.ty.key), body: x.v }, f: x.f };
    }
    case "old": {
      if (!ctx.old) throw new Error("internal: old() outside a step property");
      return tr({ ...ctx, state: ctx.old, old: null }, e.e);
    }
    case "action": {
      if (!ctx.step) throw new Error("internal: `action` outside a step");
      return ok(X.str(m.enumMembers.get(-1)![ctx.step.action]));
    }
    case "caller": {
      if (!ctx.step) throw new Error("internal: `caller` outside a step");
      return ok(m.spec.actions[ctx.step.action].hasCaller ? ctx.step.choices[0] : ABSENT);
    }
    case "stepParam": {
      if (!ctx.step) throw new Error("internal: a step parameter outside a step");
      return ok(e.action === ctx.step.action ? ctx.step.choices[e.param] : ABSENT);
    }
    case "fit": {
      const x = tr(ctx, e.e);
      if (x.v === ABSENT) return x;
      return { v: x.v, f: or(x.f, needsFit(e.e.ty, e.ty) ? bin("\\notin", x.v, typeSet(m, e.ty)) : FALSE) };
    }
    case "present": {
      const x = tr(ctx, e.e);
      // The value is never read when absent (the failure comes first); 0 stands in for it.
      return x.v === ABSENT ? { v: num(0), f: TRUE } : x;
    }
    default:
      return assertNever(e);
  }
}

/** A constant of the IR (numbers, booleans, enum ordinals, set bitmasks) as a TLA+ value. */
function constant(ctx: Ctx, ty: I.Ty, v: number): T {
  switch (ty.k) {
    case "set":
      return maskSet(ctx.m, ty, v);
    case "option":
      return optionConst(ctx.m, ty, v);
    case "bool":
    case "int":
    case "enum":
      return scalarValue(ctx.m, ty, v);
    case "map":
    case "rec":
    case "seq":
    case "any":
    case "error":
      throw new Error(`internal: a constant of type ${ty.k}`);
    default:
      return assertNever(ty);
  }
}

function logic(ctx: Ctx, e: Extract<I.Expr, { k: "logic" }>): R {
  const l = tr(ctx, e.l);
  const r = tr(ctx, e.r);
  switch (e.op) {
    case "and":
      return { v: and(l.v, r.v), f: or(l.f, and(l.v, r.f)) };
    case "or":
      return { v: or(l.v, r.v), f: or(l.f, and(not(l.v), r.f)) };
    case "implies":
      return { v: X.implies(l.v, r.v), f: or(l.f, and(l.v, r.f)) };
    case "iff":
      return { v: bin("<=>", l.v, r.v), f: or(l.f, r.f) };
    default:
      return assertNever(e.op);
  }
}

function builtin(ctx: Ctx, e: Extract<I.Expr, { k: "builtin" }>): R {
  const m = ctx.m;
  const args = e.args.map((a) => tr(ctx, a));
  const v = args.map((a) => a.v);
  const f = or(...args.map((a) => a.f));
  const D = m.scale;
  switch (e.fn) {
    case "div_up":
    case "mul_div":
    case "mul_div_up":
    case "min":
    case "max":
    case "abs":
    case "div":
    case "floor":
    case "ceil":
      return numberBuiltin(ctx, e, v, f);
    case "size":
      return { v: times(app("Cardinality", v[0]), D), f };
    case "len":
      return { v: times(app("Len", v[0]), D), f };
    case "head":
      return { v: app("Head", v[0]), f: or(f, bin("=", app("Len", v[0]), num(0))) };
    case "pop":
      return { v: app("Tail", v[0]), f: or(f, bin("=", app("Len", v[0]), num(0))) };
    case "push": {
      const ty = e.args[0].ty;
      const full = ty.k === "seq" ? bin(">=", app("Len", v[0]), num(ty.cap)) : FALSE;
      return { v: app("Append", v[0], v[1]), f: or(f, full) };
    }
    case "remove_at": {
      m.helpers.add("RemoveAt");
      const p = position(m, v[1]);
      return { v: app("RemoveAt", v[0], p), f: or(f, positionFails(e.args[1], p, v[0])) };
    }
    case "some":
      return { v: X.setEnum([v[0]]), f };
    case "get": {
      const x = boundName(m);
      return { v: { k: "choose", name: x, set: v[0], body: TRUE }, f: or(f, bin("=", v[0], X.setEnum([]))) };
    }
    case "get_or": {
      const x = boundName(m);
      return { v: ite(bin("=", v[0], X.setEnum([])), v[1], { k: "choose", name: x, set: v[0], body: TRUE }), f };
    }
    default:
      return assertNever(e.fn);
  }
}

