// The number built-ins: rounding (`floor`, `ceil`, to an integer or to a step), the integer
// divisions `div`, `div_up`, `mul_div`, `mul_div_up` (exact on fractions too: `div(a, b)` is
// ⌊a / b⌋), and `min`, `max`, `abs`. `floor(a / b)` and `ceil(a / b)` are checked as
// `div(a, b)` and `div_up(a, b)`: rounding a quotient needs no common denominator, so any divisor
// works there.

import type * as A from "../lang/ast.js";
import type * as I from "../ir/ir.js";
import { common, scaled } from "../ir/numbers.js";
import { denOf, type IntTy } from "../ir/types.js";
import type { Checker, Scope } from "./checker.js";
import { checkNumber, src } from "./expressions.js";
import { arithTy, numConst, numIntTy } from "./fractions.js";
import * as iv from "./intervals.js";
import { EvalFailure, evaluate } from "../ir/eval.js";
import type { Num } from "../ir/rational.js";

type Call = Extract<A.Expr, { kind: "call" }>;
type NumFn = "div" | "div_up" | "mul_div" | "mul_div_up" | "min" | "max" | "abs" | "floor" | "ceil";

const FLOOR_STEP_LIMIT = 1e9;

/** A rounding step: a positive constant. */
function stepArg(c: Checker, arg: A.Expr, sc: Scope, fn: string): { e: I.Expr; v: Num } | null {
  const e = checkNumber(c, arg, sc, `the step of \`${fn}\``);
  if (e.ty.k !== "int") return null;
  if (e.k !== "const") {
    c.error(arg.span, `the step of \`${fn}\` must be a constant, such as 1/2`, "rounding to a step that changes makes a value's type unknowable");
    return null;
  }
  let v: Num;
  try {
    v = evaluate({ defs: [], sites: c.sites }, e) as Num;
  } catch (err) {
    if (err instanceof EvalFailure) return null;
    throw err;
  }
  if (e.ty.lo <= 0 || denOf(e.ty) > FLOOR_STEP_LIMIT) {
    c.error(arg.span, `the step of \`${fn}\` must be positive, not ${src(c, arg.span)}`);
    return null;
  }
  return { e: numConst(v, e.span), v };
}

/** `floor(a / b)` or `ceil(a / b)` (with or without a step): the quotient's operands, when the
 * argument is one. */
function quotient(e: Call): { l: A.Expr; r: A.Expr } | null {
  const a = e.args[0];
  return a.kind === "binary" && a.op === "/" ? { l: a.left, r: a.right } : null;
}

/** `floor(a / b, s)` as `div(a, b · s) · s` (`ceil`: `div_up`): no common denominator either. */
function roundQuotientToStep(c: Checker, fn: "floor" | "ceil", q: { l: A.Expr; r: A.Expr }, e: Call, sc: Scope): I.Expr {
  const l = checkNumber(c, q.l, sc, "`/`");
  const r = checkNumber(c, q.r, sc, "`/`");
  const step = stepArg(c, e.args[1], sc, fn);
  if (l.ty.k !== "int" || r.ty.k !== "int" || !step) return c.errExpr(e.span);
  const text = (s: A.Span) => src(c, s);
  const rsTy = arithTy(c, e, "*", r.ty, step.e.ty as IntTy, text, e.args[1].span);
  if (rsTy.k !== "int") return c.errExpr(e.span);
  const rs: I.Expr = { k: "arith", ty: rsTy, op: "*", l: r, r: step.e, site: -1, span: q.r.span };
  const k = intDivision(c, fn === "floor" ? "div" : "div_up", [l, rs], e);
  if (k.ty.k !== "int") return k;
  const ty = arithTy(c, e, "*", k.ty, step.e.ty as IntTy, text, e.args[1].span);
  if (ty.k !== "int") return c.errExpr(e.span);
  return { k: "arith", ty, op: "*", l: k, r: step.e, site: -1, span: e.span };
}

export function checkNumberBuiltin(c: Checker, fn: NumFn, e: Call, sc: Scope): I.Expr {
  const ctx = `\`${fn}\``;
  const q = fn === "floor" || fn === "ceil" ? quotient(e) : null;
  if (q && e.args.length > 1) return roundQuotientToStep(c, fn as "floor" | "ceil", q, e, sc);
  if (q) {
    const args = [checkNumber(c, q.l, sc, "`/`"), checkNumber(c, q.r, sc, "`/`")];
    return intDivision(c, fn === "floor" ? "div" : "div_up", args, e);
  }
  if (fn === "floor" || fn === "ceil") {
    const x = checkNumber(c, e.args[0], sc, ctx);
    const step = e.args.length > 1 ? stepArg(c, e.args[1], sc, fn) : null;
    if (x.ty.k !== "int" || (e.args.length > 1 && step === null)) return c.errExpr(e.span);
    const t = x.ty;
    const round = fn === "floor" ? iv.floorDiv : iv.ceilDiv;
    if (!step) {
      const range = round(t, { lo: denOf(t), hi: denOf(t) });
      return { k: "builtin", ty: numIntTy(c, e.span, range, 1), fn, args: [x], site: -1, span: e.span };
    }
    // ⌊x / s⌋ · s over s's denominator: ⌊X·ds / (dx·S)⌋ · S.
    const st = step.e.ty as IntTy;
    const k = round(scaled(t, denOf(st)), { lo: denOf(t) * st.lo, hi: denOf(t) * st.lo });
    numIntTy(c, e.span, scaled(t, denOf(st)), 1);
    return { k: "builtin", ty: numIntTy(c, e.span, scaled(k, st.lo), denOf(st)), fn, args: [x, step.e], site: -1, span: e.span };
  }
  const args = e.args.map((a) => checkNumber(c, a, sc, ctx));
  if (args.some((a) => a.ty.k !== "int")) return c.errExpr(e.span);
  if (fn === "div" || fn === "div_up" || fn === "mul_div" || fn === "mul_div_up") return intDivision(c, fn, args, e);
  const [a, b] = args.map((x) => x.ty as IntTy);
  if (fn === "abs") return { k: "builtin", ty: numIntTy(c, e.span, iv.abs(a), denOf(a)), fn, args, site: -1, span: e.span };
  const cm = common(a, b);
  const range = (fn === "min" ? iv.min : iv.max)(scaled(a, cm.ml), scaled(b, cm.mr));
  return { k: "builtin", ty: numIntTy(c, e.span, range, cm.den), fn, args, site: -1, span: e.span };
}

/** div, div_up, mul_div, mul_div_up: an integer from numbers, rounded down or up. */
function intDivision(c: Checker, fn: "div" | "div_up" | "mul_div" | "mul_div_up", args: I.Expr[], e: Call): I.Expr {
  if (args.some((a) => a.ty.k !== "int")) return c.errExpr(e.span);
  const ts = args.map((a) => a.ty as IntTy);
  const round = fn === "div" || fn === "mul_div" ? iv.floorDiv : iv.ceilDiv;
  let num: IntTy = ts[0];
  if (fn === "mul_div" || fn === "mul_div_up") {
    // The product is taken exactly before dividing: it must stay within 2^53 itself.
    num = numIntTy(c, e.span, iv.mul(ts[0], ts[1]), denOf(ts[0]) * denOf(ts[1]));
  }
  const d = ts[ts.length - 1];
  const cm = common(num, d);
  const n = scaled(num, cm.ml);
  numIntTy(c, e.span, n, 1);
  numIntTy(c, e.span, scaled(d, cm.mr), 1);
  const range = round(n, scaled(d, cm.mr));
  return { k: "builtin", ty: numIntTy(c, e.span, range, 1), fn, args, site: c.site("divzero", e.span), span: e.span };
}
