// Exact rationals. Two uses, kept apart on purpose:
// - compile-time arithmetic on denominators (gcd, lcm, the text of a scaled value) with plain
//   numbers, for the checker and the compiler, which keep fractions as scaled integers;
// - `Rat`, bigint rationals for the reference evaluator (src/ir/eval.ts), which computes fractions
//   exactly and independently of any scaling. Whole numbers stay plain JS numbers there.

export function gcd(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** lcm(a, b), or Infinity once it leaves the safe integers. */
export function lcm(a: number, b: number): number {
  if (a === 0 || b === 0) return 0;
  const r = (Math.abs(a) / gcd(a, b)) * Math.abs(b);
  return Number.isSafeInteger(r) ? r : Infinity;
}

/** The text of n/d in lowest terms: `7/2`, `-1/2`, `3`. */
export function fracText(n: number, d: number): string {
  if (d === 1) return String(n);
  const g = gcd(n, d) || 1;
  const nn = n / g;
  const dd = d / g;
  return dd === 1 ? String(nn) : `${nn}/${dd}`;
}

/** A fraction in lowest terms with a positive denominator, as two bigints. */
export class Rat {
  readonly n: bigint;
  readonly d: bigint;
  constructor(n: bigint, d: bigint) {
    if (d === 0n) throw new RangeError("Rat: zero denominator");
    if (d < 0n) {
      n = -n;
      d = -d;
    }
    const g = bgcd(n < 0n ? -n : n, d);
    this.n = n / g;
    this.d = d / g;
  }
  toString(): string {
    return this.d === 1n ? String(this.n) : `${this.n}/${this.d}`;
  }
}

function bgcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a === 0n ? 1n : a;
}

/** A number as the evaluator holds it: a JS number when whole, else a Rat. */
export type Num = number | Rat;

export function isRat(v: unknown): v is Rat {
  return v instanceof Rat;
}

function parts(v: Num): [bigint, bigint] {
  return typeof v === "number" ? [BigInt(v), 1n] : [v.n, v.d];
}

/** n/d as a Num: a JS number when whole. */
export function mkNum(n: bigint, d: bigint): Num {
  const r = new Rat(n, d);
  return r.d === 1n ? Number(r.n) : r;
}

export function numAdd(a: Num, b: Num): Num {
  if (typeof a === "number" && typeof b === "number") return a + b;
  const [an, ad] = parts(a);
  const [bn, bd] = parts(b);
  return mkNum(an * bd + bn * ad, ad * bd);
}

export function numNeg(a: Num): Num {
  if (typeof a === "number") return -a;
  return mkNum(-a.n, a.d);
}

export function numSub(a: Num, b: Num): Num {
  return numAdd(a, numNeg(b));
}

export function numMul(a: Num, b: Num): Num {
  if (typeof a === "number" && typeof b === "number") return a * b;
  const [an, ad] = parts(a);
  const [bn, bd] = parts(b);
  return mkNum(an * bn, ad * bd);
}

/** a / b exactly (b must not be 0). */
export function numDiv(a: Num, b: Num): Num {
  const [an, ad] = parts(a);
  const [bn, bd] = parts(b);
  return mkNum(an * bd, ad * bn);
}

export function numCmp(a: Num, b: Num): number {
  if (typeof a === "number" && typeof b === "number") return a < b ? -1 : a > b ? 1 : 0;
  const [an, ad] = parts(a);
  const [bn, bd] = parts(b);
  const l = an * bd;
  const r = bn * ad;
  return l < r ? -1 : l > r ? 1 : 0;
}

export function isZero(a: Num): boolean {
  return typeof a === "number" ? a === 0 : a.n === 0n;
}

function bfloor(n: bigint, d: bigint): bigint {
  const q = n / d;
  return n % d !== 0n && (n < 0n) !== (d < 0n) ? q - 1n : q;
}

/** ⌊a⌋ as a JS number. */
export function numFloor(a: Num): number {
  if (typeof a === "number") return a;
  return Number(bfloor(a.n, a.d));
}

/** ⌈a⌉ as a JS number. */
export function numCeil(a: Num): number {
  if (typeof a === "number") return a;
  return -Number(bfloor(-a.n, a.d));
}

/** ⌊a / s⌋ · s: the greatest multiple of the step s (> 0) not above a. */
export function numFloorTo(a: Num, s: Num): Num {
  return numMul(numFloor(numDiv(a, s)), s);
}

export function numCeilTo(a: Num, s: Num): Num {
  return numMul(numCeil(numDiv(a, s)), s);
}

/** a - b · ⌊a / b⌋ (b must not be 0). */
export function numMod(a: Num, b: Num): Num {
  return numSub(a, numMul(b, numFloor(numDiv(a, b))));
}

/** The Num of a scaled integer: code / den. */
export function fromScaled(code: number, den: number): Num {
  return den === 1 ? code : mkNum(BigInt(code), BigInt(den));
}

/** The scaled integer of a Num over `den`, or null when `v * den` is not whole. */
export function toScaled(v: Num, den: number): number | null {
  if (typeof v === "number") return v * den;
  const n = v.n * BigInt(den);
  return n % v.d === 0n ? Number(n / v.d) : null;
}
