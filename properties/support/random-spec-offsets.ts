// The random specs' variables over types that do not start at 0 (properties/support/random-spec.ts):
// where a compiled model's packing and canonical forms go wrong unless every offset is right.

import type { Choose, Scope } from "./random-spec.js";

function pick<T>(c: Choose, xs: readonly T[]): T {
  return xs[c.int(0, xs.length - 1)];
}

/**
 * Variables over types that do not start at 0: values `W = LO .. LO + M` (LO is 1, 3 or -3, so 0
 * is below, far below or at the top of the range) and keys `J = KL .. KL + N - 1`. A queue's empty
 * entries, a map's keys and a record's fields are then laid out away from the zero slot, where
 * the compiled model's packing and canonical forms can go wrong.
 */
export class OffsetVars {
  private readonly vars = new Set<"oseq" | "omap" | "oset" | "oqrec">();
  private readonly lo: number;
  private readonly kl: number;
  private count = 0;

  constructor(
    private readonly c: Choose,
    private readonly n: number,
    private readonly m: number,
    private readonly int: (s: Scope, d: number) => string,
    private readonly bool: (s: Scope, d: number) => string,
  ) {
    this.lo = pick(c, [1, 3, -3]);
    this.kl = c.int(1, 2);
  }

  private w(): string {
    return String(this.c.int(this.lo, this.lo + this.m));
  }

  /** A key of J: a literal, or a bound key of K shifted (by one too few or too many, it may lie
   * outside J: a well_typed failure). */
  private j(s: Scope): string {
    if (s.keys.length === 0 || this.c.int(0, 2) > 0) return String(this.c.int(this.kl, this.kl + this.n - 1));
    return `${pick(this.c, s.keys)} + ${this.kl + this.c.int(-1, 1)}`;
  }

  declare(L: string[]): void {
    for (const k of ["oseq", "omap", "oset", "oqrec"] as const) if (this.c.int(0, 3) === 0) this.vars.add(k);
    if (this.vars.size === 0) return;
    L.push(`type W = ${this.lo} .. ${this.lo} + M`, `type J = ${this.kl} .. ${this.kl} + N - 1`, "type RW = { a: W, b: bool }");
    if (this.vars.has("oseq")) L.push("var v_oseq: seq<W, 2> = []");
    if (this.vars.has("omap")) L.push(`var v_omap: map<J, W> = ${this.w()}`);
    if (this.vars.has("oset")) L.push(`var v_oset: set<J> = ${pick(this.c, ["{}", `{${this.kl}}`])}`);
    if (this.vars.has("oqrec")) L.push("var v_oqrec: seq<RW, 2> = []");
  }

  intLeaves(s: Scope): (() => string)[] {
    const out: (() => string)[] = [];
    if (this.vars.has("oseq")) out.push(() => `len(v_oseq)`, () => `(if v_oseq == [] then ${this.w()} else head(v_oseq))`);
    if (this.vars.has("omap")) out.push(() => `v_omap[${this.j(s)}]`, () => `sum(o${this.count++} in J: v_omap[o${this.count - 1}])`);
    if (this.vars.has("oset")) out.push(() => `size(v_oset)`);
    if (this.vars.has("oqrec")) out.push(() => `sum(o${this.count++} in v_oqrec: o${this.count - 1}.a)`);
    return out;
  }

  boolLeaves(s: Scope): (() => string)[] {
    const out: (() => string)[] = [];
    if (this.vars.has("oseq")) out.push(() => `${this.w()} in v_oseq`);
    if (this.vars.has("oset")) out.push(() => `${this.j(s)} in v_oset`);
    if (this.vars.has("oqrec")) out.push(() => `any(o${this.count++} in v_oqrec: o${this.count - 1}.b)`);
    return out;
  }

  assignments(s: Scope): (() => string)[] {
    const out: (() => string)[] = [];
    if (this.vars.has("oseq")) out.push(() => `v_oseq = push(v_oseq, ${pick(this.c, [() => this.w(), () => this.int(s, 0)])()})`, () => "v_oseq = pop(v_oseq)");
    if (this.vars.has("omap")) out.push(() => `v_omap[${this.j(s)}] ${pick(this.c, ["=", "+=", "-="])} ${pick(this.c, [() => this.w(), () => this.int(s, 0)])()}`);
    if (this.vars.has("oset")) out.push(() => `v_oset = v_oset ${pick(this.c, ["union", "minus"])} {${this.j(s)}}`);
    if (this.vars.has("oqrec")) {
      out.push(
        () => `v_oqrec = push(v_oqrec, {a: ${this.w()}, b: ${this.bool(s, 0)}})`,
        () => "v_oqrec = pop(v_oqrec)",
        () => `v_oqrec[${this.c.int(0, 1)}].a = ${this.w()}`,
      );
    }
    return out;
  }
}
