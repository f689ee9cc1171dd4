// Interval arithmetic for static bounds on integer expressions. Every leaf of an expression is
// bounded (typed variables, parameters, literals), so every expression is: the compiler drops
// range checks that the bounds prove unnecessary, and the checker rejects expressions that could
// leave the exactly representable integers.

export interface Interval {
  readonly lo: number;
  readonly hi: number;
}

export function add(a: Interval, b: Interval): Interval {
  return { lo: a.lo + b.lo, hi: a.hi + b.hi };
}

export function sub(a: Interval, b: Interval): Interval {
  return { lo: a.lo - b.hi, hi: a.hi - b.lo };
}

export function neg(a: Interval): Interval {
  // 0 - x, not -x: a bound of -0 would print and compare as a different number from 0.
  return { lo: 0 - a.hi, hi: 0 - a.lo };
}

function hull(values: number[]): Interval {
  return { lo: Math.min(...values), hi: Math.max(...values) };
}

export function mul(a: Interval, b: Interval): Interval {
  return hull([a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi].map((x) => x + 0));
}

/** The nonzero parts of a divisor interval. */
function nonzeroParts(b: Interval): Interval[] {
  const parts: Interval[] = [];
  if (b.lo <= -1) parts.push({ lo: b.lo, hi: Math.min(b.hi, -1) });
  if (b.hi >= 1) parts.push({ lo: Math.max(b.lo, 1), hi: b.hi });
  return parts;
}

function divWith(a: Interval, b: Interval, round: (x: number) => number): Interval {
  const parts = nonzeroParts(b);
  if (parts.length === 0) return { lo: 0, hi: 0 };
  const vals: number[] = [];
  for (const p of parts) {
    for (const x of [a.lo, a.hi]) for (const y of [p.lo, p.hi]) vals.push(round(x / y) + 0);
  }
  return hull(vals);
}

export function floorDiv(a: Interval, b: Interval): Interval {
  return divWith(a, b, Math.floor);
}

export function ceilDiv(a: Interval, b: Interval): Interval {
  return divWith(a, b, Math.ceil);
}

export function floorMod(a: Interval, b: Interval): Interval {
  if (b.lo > 0) return a.lo >= 0 && a.hi < b.lo ? a : { lo: 0, hi: b.hi - 1 };
  if (b.hi < 0) return { lo: b.lo + 1, hi: 0 };
  const m = Math.max(Math.abs(b.lo), Math.abs(b.hi));
  return { lo: -(m - 1), hi: m - 1 };
}

export function min(a: Interval, b: Interval): Interval {
  return { lo: Math.min(a.lo, b.lo), hi: Math.min(a.hi, b.hi) };
}

export function max(a: Interval, b: Interval): Interval {
  return { lo: Math.max(a.lo, b.lo), hi: Math.max(a.hi, b.hi) };
}

export function abs(a: Interval): Interval {
  if (a.lo >= 0) return a;
  if (a.hi <= 0) return neg(a);
  return { lo: 0, hi: Math.max(-a.lo, a.hi) };
}

export function join(a: Interval, b: Interval): Interval {
  return { lo: Math.min(a.lo, b.lo), hi: Math.max(a.hi, b.hi) };
}

export function contains(outer: Interval, inner: Interval): boolean {
  return outer.lo <= inner.lo && inner.hi <= outer.hi;
}

export function isExact(a: Interval): boolean {
  return Number.isSafeInteger(a.lo) && Number.isSafeInteger(a.hi);
}
