// Numbers in the export: arithmetic and the number built-ins over values scaled by the module's
// denominator D (src/export/scale.ts). With D = 1 (no fractions) each is the plain TLA+ operator.

import type * as I from "../ir/ir.js";
import { gcd } from "../ir/rational.js";
import { denOf, type IntTy } from "../ir/types.js";
import { assertNever } from "../util/assert-never.js";
import type { Ctx } from "./context.js";
import type { R } from "./expr.js";
import { exactDiv, times } from "./scale.js";
import { FALSE, TRUE, app, bin, num, or, type T } from "./tla.js";

export function int(e: I.Expr): IntTy {
  return e.ty as IntTy;
}

/** Whether an integer expression's proven range includes 0. */
export function mayBeZero(e: I.Expr): boolean {
  const t = int(e);
  return t.lo <= 0 && t.hi >= 0;
}

/** `x · (c / d)` for a known number c/d (c, d integers, d > 0): exact in the module. */
function timesRatio(x: T, c: number, d: number): T {
  const g = gcd(c, d) || 1;
  return exactDiv(times(x, c / g), d / g);
}

/** An arithmetic node, its operands translated. */
export function arith(ctx: Ctx, e: Extract<I.Expr, { k: "arith" }>, l: R, r: R): R {
  const f = or(l.f, r.f);
  const D = ctx.m.scale;
  const lt = int(e.l);
  const rt = int(e.r);
  switch (e.op) {
    case "+":
    case "-":
      return { v: bin(e.op, l.v, r.v), f };
    case "*":
      // Scaled operands: a·b carries D twice. A known factor (as stakecheck's mulPlan) is applied as
      // a ratio, which keeps the intermediate product small.
      if (D === 1) return { v: bin("*", l.v, r.v), f };
      if (rt.lo === rt.hi) return { v: timesRatio(l.v, rt.lo, denOf(rt)), f };
      if (lt.lo === lt.hi) return { v: timesRatio(r.v, lt.lo, denOf(lt)), f };
      return { v: exactDiv(bin("*", l.v, r.v), D), f };
    case "/":
      return D > 1 ? quotient(ctx, l, r, rt) : floored(ctx, e, l.v, r.v, f);
    case "%":
      return floored(ctx, e, l.v, r.v, f);
    default:
      return assertNever(e.op);
  }
}

/** Floor division or modulo (whole numbers, or scaled ones for `%`, which scaling does not change). */
function floored(ctx: Ctx, e: Extract<I.Expr, { k: "arith" }>, a: T, b: T, f: T): R {
  const zero = mayBeZero(e.r) ? bin("=", b, num(0)) : FALSE;
  // TLA+'s \div and % are floor division for a positive divisor; FloorDiv covers a negative one.
  const positive = int(e.r).lo >= 0;
  let v: T;
  if (positive) v = bin(e.op === "/" ? "\\div" : "%", a, b);
  else {
    ctx.m.helpers.add("FloorDiv");
    if (e.op === "%") ctx.m.helpers.add("FloorMod");
    v = app(e.op === "/" ? "FloorDiv" : "FloorMod", a, b);
  }
  return { v, f: or(f, zero) };
}

/** x / y of scaled numbers (the module's D > 1): exact, as stakecheck's fractions are. */
function quotient(ctx: Ctx, l: R, r: R, rt: IntTy): R {
  const D = ctx.m.scale;
  const f = or(l.f, r.f);
  if (rt.lo === rt.hi) {
    // By a known number c/d: times d/c.
    if (rt.lo === 0) return { v: num(0), f: TRUE };
    const sign = rt.lo < 0 ? -1 : 1;
    return { v: timesRatio(l.v, sign * denOf(rt), Math.abs(rt.lo)), f };
  }
  const zero = rt.lo <= 0 && rt.hi >= 0 ? bin("=", r.v, num(0)) : FALSE;
  const n = times(l.v, D);
  if (rt.lo >= 0) return { v: bin("\\div", n, r.v), f: or(f, zero) };
  ctx.m.helpers.add("FloorDiv");
  return { v: app("FloorDiv", n, r.v), f: or(f, zero) };
}

/** floor(x), ceil(x), floor(x, step), ceil(x, step) of a scaled x: to a multiple of the step (or 1). */
function rounded(m: Ctx["m"], e: Extract<I.Expr, { k: "builtin" }>, x: T): T {
  const xt = int(e.args[0]);
  if (e.args.length === 1 && denOf(xt) === 1) return x;
  // The step as the module holds it (a known positive number; 1 when there is none).
  const st = e.args.length === 2 ? int(e.args[1]) : null;
  const S = st ? (st.lo * m.scale) / denOf(st) : m.scale;
  if (S === 1) return x;
  if (e.fn === "floor") return times(bin("\\div", x, num(S)), S);
  m.helpers.add("FloorDiv");
  m.helpers.add("div_up");
  return times(app("div_up", x, num(S)), S);
}

type Builtin = Extract<I.Expr, { k: "builtin" }>;

/** The number built-ins, their arguments translated (`v`) and their failure so far (`f`). */
export function numberBuiltin(ctx: Ctx, e: Builtin, v: readonly T[], f: T): R {
  const m = ctx.m;
  const D = m.scale;
  switch (e.fn) {
    case "div_up":
    case "mul_div":
    case "mul_div_up": {
      m.helpers.add("FloorDiv");
      m.helpers.add(e.fn);
      if (e.fn === "mul_div_up") m.helpers.add("div_up");
      const d = e.args[e.args.length - 1];
      // Whole results from scaled operands: x·y/z is a·b / (c·D); the result is scaled back.
      const args = e.fn === "div_up" ? v : [v[0], v[1], times(v[2], D)];
      return { v: times(app(e.fn, ...args), D), f: or(f, mayBeZero(d) ? bin("=", v[v.length - 1], num(0)) : FALSE) };
    }
    case "min":
    case "max":
    case "abs": {
      const h = e.fn === "min" ? "Min" : e.fn === "max" ? "Max" : "Abs";
      m.helpers.add(h);
      return { v: app(h, ...v), f };
    }
    case "div": {
      // Floor division; the quotient of scaled numbers is the whole number itself, scaled back.
      const zero = mayBeZero(e.args[1]) ? bin("=", v[1], num(0)) : FALSE;
      if (int(e.args[1]).lo >= 0) return { v: times(bin("\\div", v[0], v[1]), D), f: or(f, zero) };
      m.helpers.add("FloorDiv");
      return { v: times(app("FloorDiv", v[0], v[1]), D), f: or(f, zero) };
    }
    case "floor":
    case "ceil":
      return { v: rounded(m, e, v[0]), f };
    default:
      throw new Error(`internal: ${e.fn} is not a number built-in`);
  }
}
