// A small, fast, seeded PRNG for random exploration: xoshiro128** on int32s (Blackman & Vigna),
// seeded through splitmix32 so that nearby seeds give unrelated streams. Pure integer arithmetic:
// the same seed gives the same stream on every platform, which is what makes `--seed` reproduce a
// run bit for bit. Allocation-free.

import { randomInt } from "node:crypto";

function splitmix32(x: number): number {
  x = (x + 0x9e3779b9) | 0;
  let z = x;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) | 0;
}

const TWO32 = 4294967296;

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let x = seed | 0;
    this.a = x = splitmix32(x);
    this.b = x = splitmix32(x);
    this.c = x = splitmix32(x);
    this.d = splitmix32(x);
    // The all-zero state is a fixed point of xoshiro; splitmix32 never yields four zeros in a row,
    // but guard anyway.
    if ((this.a | this.b | this.c | this.d) === 0) this.a = 1;
  }

  /** A generator with this exact xoshiro128** state (not all zero), e.g. to check test vectors. */
  static fromState(a: number, b: number, c: number, d: number): Rng {
    const r = new Rng(0);
    r.restore(Int32Array.of(a, b, c, d));
    return r;
  }

  /** The next 32 bits, as an unsigned integer in [0, 2^32). */
  next(): number {
    const b = this.b;
    const m = Math.imul(b, 5);
    const r = Math.imul((m << 7) | (m >>> 25), 9);
    const t = b << 9;
    this.c ^= this.a;
    this.d ^= b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = (this.d << 11) | (this.d >>> 21);
    return r >>> 0;
  }

  /** An exactly uniform integer in [0, n), 1 <= n <= 2^32 (random.ts inlines this: keep both alike). Up to 2^21: Lemire's multiply-shift
   * with rejection (no division on the fast path; the product stays below 2^53, so it is exact). */
  below(n: number): number {
    if (n > 0x200000) return this.belowLarge(n);
    let m = this.next() * n;
    let hi = Math.floor(m / TWO32);
    let lo = m - hi * TWO32;
    if (lo < n) {
      const threshold = (TWO32 - n) % n;
      while (lo < threshold) {
        m = this.next() * n;
        hi = Math.floor(m / TWO32);
        lo = m - hi * TWO32;
      }
    }
    return hi;
  }

  private belowLarge(n: number): number {
    const limit = TWO32 - (TWO32 % n);
    let r = this.next();
    while (r >= limit) r = this.next();
    return r % n;
  }

  /** The generator's state, for a hot loop that keeps it in locals (see random.ts). */
  save(into: Int32Array): void {
    into[0] = this.a;
    into[1] = this.b;
    into[2] = this.c;
    into[3] = this.d;
  }

  restore(from: Int32Array): void {
    this.a = from[0];
    this.b = from[1];
    this.c = from[2];
    this.d = from[3];
  }

  /** True with probability 1/2. */
  coin(): boolean {
    return (this.next() & 1) === 1;
  }

  /** A 31-bit seed for a derived generator (fast-check's, a sub-run's). */
  fork(): number {
    return this.next() & 0x7fffffff;
  }
}

/** A fresh seed for a run without `--seed`: from the OS entropy source, printed so it can be reused. */
export function randomSeed(): number {
  return randomInt(0, 0x7fffffff);
}
