// Exact arithmetic on scaled integers. A number expression's type says its denominator D: the
// compiled code holds value × D as a JS integer, and the type's lo/hi bound that integer. This
// file decides, for each operation, the result's denominator and how to compute its scaled value
// from the operands' (the checker types with it, the compiler emits it): one common denominator
// per expression, worked out at compile time, so states stay flat integers.
//
//   a + b, a - b, min, max, comparisons: D = lcm(da, db); each side multiplied up to D
//   a * b: D = da·db, reduced when one side is a constant (x · 1/2 · 2 is an integer again)
//   a / c, c constant: D = da·|C| / g, R = A · (±db / g), with g = gcd(db, |C|): no run-time division
//   a / b otherwise: D = da·L, R = A·db·L / B, L the lcm of b's possible scaled values: B divides L,
//     so the division is exact; L must stay small (a quotient by 1 .. 20 needs L = 232,792,560)
//   a % b, div(a, b), div_up: both sides over lcm(da, db), then integer floor-division/modulo

import { gcd, lcm } from "./rational.js";
import { denOf, stepOf, type IntTy } from "./types.js";

/** Bounds on a scaled value (structurally check/intervals.ts's Interval). */
export interface Interval {
  readonly lo: number;
  readonly hi: number;
}

export const SAFE = Number.MAX_SAFE_INTEGER;

/** Multipliers that bring two operands to their common denominator. */
export interface Common {
  readonly den: number;
  readonly ml: number;
  readonly mr: number;
}

export function common(l: IntTy, r: IntTy): Common {
  const den = lcm(denOf(l), denOf(r));
  return { den, ml: den / denOf(l), mr: den / denOf(r) };
}

/** An interval scaled by `m`. */
export function scaled(a: Interval, m: number): Interval {
  return m === 1 ? a : m > 0 ? { lo: a.lo * m, hi: a.hi * m } : { lo: a.hi * m, hi: a.lo * m };
}

/** Whether a type holds one value only. */
export function isSingle(t: IntTy): boolean {
  return t.lo === t.hi;
}

/** a * b: the result's denominator and the compile-time divisor g of A·B (g > 1 only when one
 * side is a single value C and g divides it: R = A · (C / g)). */
export function mulPlan(l: IntTy, r: IntTy): { den: number; g: number } {
  const d = denOf(l) * denOf(r);
  if (!isSingle(l) && !isSingle(r)) return { den: d, g: 1 };
  const c = isSingle(r) ? r.lo : l.lo;
  const g = gcd(c, d) || 1;
  return { den: d / g, g };
}

export type DivPlan =
  /** The divisor is one value C: R = A · mult, no division at run time. */
  | { readonly k: "const"; readonly den: number; readonly mult: number }
  /** R = (A · mult) / B, exact since B divides L. */
  | { readonly k: "var"; readonly den: number; readonly mult: number; readonly L: number }
  /** L is too large to keep the quotient exact in 2^53: the checker reports it. */
  | { readonly k: "tooBig"; readonly L: number };

/** The lcm of |B| over the nonzero scaled values B of `b`, or Infinity past `limit`. */
export function divisorLcm(b: IntTy, limit: number): number {
  let L = 1;
  const st = stepOf(b);
  for (let x = b.lo; x <= b.hi; x += st) {
    if (x === 0) continue;
    L = lcm(L, x);
    if (L > limit) return Infinity;
  }
  return L;
}

export function divPlan(l: IntTy, r: IntTy): DivPlan {
  const da = denOf(l);
  const db = denOf(r);
  if (isSingle(r)) {
    const c = r.lo;
    if (c === 0) return { k: "const", den: da, mult: 0 };
    const g = gcd(db, c);
    return { k: "const", den: (da * Math.abs(c)) / g, mult: (Math.sign(c) * db) / g };
  }
  const maxA = Math.max(Math.abs(l.lo), Math.abs(l.hi), 1);
  const L = divisorLcm(r, Math.floor(SAFE / (maxA * db)));
  if (!Number.isFinite(L) || da * L > SAFE) return { k: "tooBig", L };
  return { k: "var", den: da * L, mult: db * L, L };
}

/** The scaled interval of a / b under a plan (sound: corners of A/B over b's nonzero parts). */
export function divRange(l: IntTy, r: IntTy, plan: Exclude<DivPlan, { k: "tooBig" }>): Interval {
  if (plan.k === "const") return plan.mult === 0 ? { lo: 0, hi: 0 } : scaled(l, plan.mult);
  const parts: Interval[] = [];
  if (r.lo <= -1) parts.push({ lo: r.lo, hi: Math.min(r.hi, -1) });
  if (r.hi >= 1) parts.push({ lo: Math.max(r.lo, 1), hi: r.hi });
  const vals: number[] = [];
  for (const p of parts) for (const x of [l.lo, l.hi]) for (const y of [p.lo, p.hi]) vals.push((x * plan.mult) / y);
  if (vals.length === 0) return { lo: 0, hi: 0 };
  return { lo: Math.floor(Math.min(...vals)), hi: Math.ceil(Math.max(...vals)) };
}

/** The type of a number computed in scaled units over `den` (den 1: a plain integer). */
export function numTy(range: Interval, den: number): IntTy {
  return den === 1 ? { k: "int", lo: range.lo, hi: range.hi } : { k: "int", lo: range.lo, hi: range.hi, den };
}
