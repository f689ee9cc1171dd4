// Exact fractions in the checker: number types with a step, fraction constants and decimal
// literals, the types of arithmetic (src/ir/numbers.ts decides denominators), and the error for an
// exact division of integers stored into an integer place without rounding.

import type * as A from "../lang/ast.js";
import type * as I from "../ir/ir.js";
import { divPlan, divRange, mulPlan, common, numTy, scaled, SAFE } from "../ir/numbers.js";
import { Rat, fracText, lcm, type Num } from "../ir/rational.js";
import { ERR, denOf, type IntTy, type Ty } from "../ir/types.js";
import type { Checker, Scope } from "./checker.js";
import { foldConst } from "./consts.js";
import * as iv from "./intervals.js";

function numParts(v: Num): [number, number] {
  return typeof v === "number" ? [v, 1] : [Number(v.n), Number(v.d)];
}

/** The type of a constant number: its value over its own denominator. */
export function constNumTy(v: Num): IntTy {
  const [n, d] = numParts(v);
  return d === 1 ? { k: "int", lo: n, hi: n } : { k: "int", lo: n, hi: n, den: d };
}

/** The IR constant of a number (a fraction is its numerator over its type's denominator). */
export function numConst(v: Num, span: A.Span): I.Expr {
  const ty = constNumTy(v);
  return { k: "const", ty, v: ty.lo, span };
}

/** A decimal literal's exact value: `2.25` is 9/4. */
export function decimalValue(text: string): Num {
  const [whole, frac] = text.split(".");
  const d = 10n ** BigInt(frac.length);
  const r = new Rat(BigInt(whole + frac), d);
  return r.d === 1n ? Number(r.n) : r;
}

/** `lo .. hi` or `lo .. hi step s`: bounds and step fold to numbers; every value is
 * lo + k·step, so hi - lo must be a multiple of the step. */
export function rangeType(c: Checker, t: Extract<A.TypeExpr, { kind: "range" }>, constsIn: (e: A.Expr) => string): Ty {
  const lo = foldConst(c, t.lo, "number", "a range bound");
  const hi = foldConst(c, t.hi, "number", "a range bound");
  const step = t.step ? foldConst(c, t.step, "number", "a range's step") : 1;
  if (lo === undefined || hi === undefined || step === undefined) return ERR;
  const [ln, ld] = numParts(lo);
  const [hn, hd] = numParts(hi);
  const [sn, sd] = numParts(step);
  const den = lcm(lcm(ld, hd), sd);
  if (!Number.isFinite(den) || den > 1e9) {
    c.error(t.span, "the bounds and step of this range need too large a common denominator", "use simpler fractions");
    return ERR;
  }
  const L = ln * (den / ld);
  const H = hn * (den / hd);
  const S = sn * (den / sd);
  const show = (n: number) => fracText(n, den);
  if (L > H) {
    const consts = [constsIn(t.lo), constsIn(t.hi)].filter((x) => x).join(", ");
    c.error(t.span, `the range ${show(L)} .. ${show(H)} is empty${consts ? ` (with ${consts})` : ""}`, "every type must have at least one value");
    return ERR;
  }
  // A slot holds the scaled value (src/ir/types.ts, IntTy) as a 32-bit integer.
  if (L < -(2 ** 31) || H > 2 ** 31 - 1) {
    const consts = [constsIn(t.lo), constsIn(t.hi)].filter((x) => x).join(", ");
    const scaled = den === 1 ? "" : ` (scaled by ${den}, its common denominator)`;
    c.error(t.span, `the range ${show(L)} .. ${show(H)} does not fit in 32 bits${scaled}${consts ? ` (with ${consts})` : ""}`, `a state holds 32-bit integers: bounds must lie in ${-(2 ** 31)} .. ${2 ** 31 - 1}`);
    return ERR;
  }
  if (S <= 0) {
    c.error(t.step!.span, `a range's step must be positive, not ${show(S)}`);
    return ERR;
  }
  if ((H - L) % S !== 0) {
    c.error(t.span, `${show(H)} is not reached from ${show(L)} in steps of ${show(S)}`, t.step ? "make the bounds multiples of the step" : `a range without \`step\` holds integers; for fractions, add one: \`step ${fracText(1, den)}\``);
    return ERR;
  }
  if (!iv.isExact({ lo: L, hi: H }) || (H - L) / S > 2 ** 31) {
    c.error(t.span, `the range ${show(L)} .. ${show(H)} has too many values`, "narrow it");
    return ERR;
  }
  if (den === 1 && S === 1) return { k: "int", lo: L, hi: H };
  return den === 1 ? { k: "int", lo: L, hi: H, step: S } : { k: "int", lo: L, hi: H, den, step: S };
}

/** A number type for a scaled interval; reports a bound beyond 2^53 (once per expression). */
export function numIntTy(c: Checker, span: A.Span, r: iv.Interval, den: number): IntTy {
  if (!iv.isExact(r)) {
    c.error(span, "this expression can exceed the exactly representable integers (±2^53)", "narrow the types of its operands");
    return numTy({ lo: Math.max(r.lo, -SAFE), hi: Math.min(r.hi, SAFE) }, den);
  }
  return numTy(r, den);
}

/** The type of `l op r` for numbers (integers and fractions alike); ERR after a diagnostic. */
export function arithTy(c: Checker, e: { span: A.Span; opSpan?: A.Span }, op: I.ArithOp, a: IntTy, b: IntTy, text: (s: A.Span) => string, right: A.Span): Ty {
  switch (op) {
    case "+":
    case "-": {
      const cm = common(a, b);
      const x = scaled(a, cm.ml);
      const y = scaled(b, cm.mr);
      return numIntTy(c, e.span, op === "+" ? iv.add(x, y) : iv.sub(x, y), cm.den);
    }
    case "*": {
      const p = mulPlan(a, b);
      const r = p.g === 1 ? iv.mul(a, b) : a.lo === a.hi ? scaled(b, a.lo / p.g) : scaled(a, b.lo / p.g);
      return numIntTy(c, e.span, r, p.den);
    }
    case "/": {
      const p = divPlan(a, b);
      if (p.k === "tooBig") {
        c.error(
          e.span,
          `the exact quotient \`${text(e.span)}\` would need a common denominator of ${Number.isFinite(p.L) ? p.L.toLocaleString("en-US") : "more than 2^53"} (every value \`${text(right)}\` can take divides it)`,
          "round it: `div(a, b)` or `floor(a / b)` rounds down, `div_up(a, b)` or `ceil(a / b)` rounds up; or narrow the divisor's type",
        );
        return ERR;
      }
      return numIntTy(c, e.span, divRange(a, b, p), p.den);
    }
    case "%": {
      const cm = common(a, b);
      return numIntTy(c, e.span, iv.floorMod(scaled(a, cm.ml), scaled(b, cm.mr)), cm.den);
    }
  }
}

/** The scaled range of a number type over a larger denominator. */
export function rangeOver(t: IntTy, den: number): iv.Interval {
  return scaled(t, den / denOf(t));
}

// ---- unrounded divisions stored into integer places ----

/** Per scope: `let` names whose value holds an exact division of integers, unrounded. */
const divLets = new WeakMap<Scope, Map<number, I.Expr>>();

/** An exact division of integers whose (possibly fractional) result flows unrounded into `e`'s
 * value: through arithmetic, `if`, min/max/abs and `let`s. Null when there is none. */
export function unroundedDivision(sc: Scope | undefined, e: I.Expr): I.Expr | null {
  switch (e.k) {
    case "arith":
      if (e.op === "/" && denOf(e.l.ty as IntTy) === 1 && denOf(e.r.ty as IntTy) === 1 && denOf(e.ty) > 1) return e;
      return unroundedDivision(sc, e.l) ?? unroundedDivision(sc, e.r);
    case "neg":
      return unroundedDivision(sc, e.e);
    case "ite":
      return unroundedDivision(sc, e.t) ?? unroundedDivision(sc, e.e);
    case "builtin":
      if (e.fn === "min" || e.fn === "max" || e.fn === "abs") {
        for (const a of e.args) {
          const d = unroundedDivision(sc, a);
          if (d) return d;
        }
      }
      return null;
    case "local":
      return sc ? (divLets.get(sc)?.get(e.id) ?? null) : null;
    default:
      return null;
  }
}

/** Remembers a `let` whose value holds an unrounded division of integers. */
export function noteLet(sc: Scope, local: number, value: I.Expr): void {
  if (value.ty.k !== "int" || denOf(value.ty) === 1) return;
  const d = unroundedDivision(sc, value);
  if (!d) return;
  let m = divLets.get(sc);
  if (!m) divLets.set(sc, (m = new Map()));
  m.set(local, d);
}

/** The error for storing an exact division of integers, unrounded, into an integer place. */
export function checkRounding(c: Checker, sc: Scope | undefined, value: I.Expr, place: Ty, placeText: string): void {
  if (place.k !== "int" || denOf(place) !== 1 || value.ty.k !== "int" || denOf(value.ty) === 1) return;
  const d = unroundedDivision(sc, value);
  if (!d || d.k !== "arith") return;
  const a = c.file.slice(d.l.span).trim();
  const b = c.file.slice(d.r.span).trim();
  const arg = (s: string) => (s.length > 30 ? "..." : s);
  const operand = (s: string) => (/^[\w.[\]]+$/.test(s) ? s : `(${arg(s)})`);
  c.error(
    d.span,
    `\`${arg(c.file.slice(d.span))}\` is an exact division, and its result may not be a whole number, but \`${placeText}\` holds integers`,
    `round it: write \`div(${arg(a)}, ${arg(b)})\` or \`floor(${operand(a)} / ${operand(b)})\` to round down, \`div_up(${arg(a)}, ${arg(b)})\` or \`ceil(${operand(a)} / ${operand(b)})\` to round up`,
  );
}
