// Random small specs, typed by construction, for differential testing of the compiler against the
// reference interpreter. They reach the risky parts on purpose: maps, sets, records, queues,
// aggregates, picks in branches, division, and values that leave their types (well_typed); loops
// over types, ranges, sets and queues (nested, with require, pick and let inside, changing what
// they loop over), procs (calling procs, picking, taking records), filter/remove_at, let-in, `**`
// and defs that use the step.

import fc from "fast-check";
import { OffsetVars } from "./random-spec-offsets.js";

/** The choices a generator makes; backed by fast-check's `fc.gen()` so failures shrink. */
export interface Choose {
  int(lo: number, hi: number): number;
}

export function fcChoose(g: fc.GeneratorValue): Choose {
  return { int: (lo, hi) => g(fc.integer, { min: lo, max: hi }) };
}

function pick<T>(c: Choose, xs: readonly T[]): T {
  return xs[c.int(0, xs.length - 1)];
}

type VarKind =
  | "int" | "bool" | "enum" | "map" | "set" | "eset" | "rec" | "seq" | "mrec" | "qrec" | "emap" | "pseq"
  // the second edition's values: a tuple, a set of tuples, an option, a map keyed by tuples, a set
  // over integers that do not start at 0 (two words), a map keyed by a range not starting at 0
  | "tup" | "tset" | "opt" | "tmap" | "wset" | "wmap"
  // exact fractions: a number with a step, a map to them, a set of them, a map keyed by them, an
  // option of one
  | "frac" | "fmap" | "fset" | "fkey" | "fopt"
  // a set of records, an option of a tuple, a map keyed by options
  | "rset" | "ropt" | "okey";

export interface Scope {
  ints: string[];
  keys: string[];
  bools: string[];
  /** Locals of type set<K> (set parameters, picks of subsets). */
  ksets?: string[];
  /** Locals of type R (record parameters). */
  recs?: string[];
  /** Locals of type Q (`0 .. 1 step 1/2` parameters). */
  fracs?: string[];
  /** Locals of type (K, bool) (tuple parameters). */
  tups?: string[];
}

interface Proc {
  readonly name: string;
  readonly params: ("K" | "bool" | "R")[];
  /** How many instances its picks make per call (the product of their domains' sizes). */
  readonly cost: number;
}

/** An action's instances (its choices multiplied) stay below this, so walks try each. */
const INSTANCE_BUDGET = 128;

class SpecGen {
  private lines: string[] = [];
  private vars = new Map<VarKind, string>();
  private letCount = 0;
  private hasDef = false;
  private procs: Proc[] = [];
  /** Procs the statement being generated may call (those declared before the current proc). */
  private callable = 0;
  /** Instances the current action (or proc) may still multiply by. */
  private budget = INSTANCE_BUDGET;
  /** The product of the round counts of the loops around the statement being generated. */
  private rounds = 1;
  /** Instances the current proc's picks make per call. */
  private procCost = 1;
  private anyCaller = false;
  private act0Params: string[] = [];
  /** Whether expressions may use fractions. */
  private fracs = false;
  private readonly n: number;
  private readonly m: number;

  /** Variables whose types do not start at 0 (queues, maps, records, sets). */
  private readonly offsets: OffsetVars;

  constructor(private readonly c: Choose) {
    this.n = c.int(2, 3);
    this.m = c.int(1, 3);
    this.offsets = new OffsetVars(c, this.n, this.m, (s, d) => this.int(s, d), (s, d) => this.bool(s, d));
  }

  private key(s: Scope): string {
    const r = this.c.int(0, 9);
    if (r < 5 && s.keys.length) return pick(this.c, s.keys);
    if (r < 8 || (!this.vars.has("int") && !this.vars.has("map"))) return String(this.c.int(0, this.n - 1));
    // A value read from the state may fall outside K: a well_typed index failure at run time.
    return this.vars.has("int") ? this.vars.get("int")! : `${this.vars.get("map")}[0]`;
  }

  /** A number that may be a fraction: over 1/2, 1/4 and the divisors 2 and 1 .. M + 1. */
  frac(s: Scope, d: number): string {
    const c = this.c;
    const v = (k: VarKind) => this.vars.get(k)!;
    const leaf = () => {
      const opts: (() => string)[] = [() => "F", () => "G", () => this.int(s, 0), () => pick(c, ["0.5", "1.25", "3/4"])];
      if (this.vars.has("frac")) opts.push(() => v("frac"), () => v("frac"));
      if (this.vars.has("fmap")) opts.push(() => `${v("fmap")}[${this.key(s)}]`);
      if (this.vars.has("fopt")) opts.push(() => `get_or(${v("fopt")}, F)`);
      for (const q of s.fracs ?? []) opts.push(() => q);
      return pick(c, opts)();
    };
    if (d <= 0) return leaf();
    switch (c.int(0, 9)) {
      case 0:
        return `${this.frac(s, d - 1)} ${pick(c, ["+", "-"])} ${this.frac(s, d - 1)}`;
      case 1:
        return `${this.frac(s, d - 1)} * ${pick(c, ["F", "2", "G", this.int(s, 0)])}`;
      case 2:
        return `(${this.frac(s, d - 1)}) / ${pick(c, ["2", "3", "F", this.vars.has("int") ? `(${v("int")} + 1)` : "4", this.vars.has("int") ? v("int") : "G"])}`;
      case 3:
        return `${pick(c, ["min", "max"])}(${this.frac(s, d - 1)}, ${this.frac(s, d - 1)})`;
      case 4:
        return `${pick(c, ["floor", "ceil"])}(${this.frac(s, d - 1)}, ${pick(c, ["F", "1/4"])})`;
      case 5:
        return `(${this.frac(s, d - 1)}) % ${pick(c, ["F", "1", "G"])}`;
      case 6:
        return `-${pick(c, ["F", "G"])}`;
      default:
        return leaf();
    }
  }

  /** A key of `map<0 .. 4 step 2, V>`, possibly off the step or a fraction. */
  private fkey(s: Scope): string {
    return pick(this.c, [() => `min(max(${this.int(s, 0)}, 0), 2) * 2`, () => `min(max(${this.int(s, 0)}, 0), 3)`, () => (this.vars.has("frac") ? `${this.vars.get("frac")} * 2` : "2")])();
  }

  /** A key of `map<2 .. 4, V>`: a literal, or a state read that may fall outside. */
  private okey(): string {
    if (this.vars.has("int") && this.c.int(0, 1) === 0) return `${this.vars.get("int")} + ${this.c.int(1, 2)}`;
    return String(this.c.int(2, 4));
  }

  int(s: Scope, d: number): string {
    const c = this.c;
    const leaf = () => {
      const opts: (() => string)[] = [() => String(c.int(0, this.m))];
      if (s.ints.length) opts.push(() => pick(c, s.ints));
      if (this.vars.has("int")) opts.push(() => this.vars.get("int")!);
      if (this.vars.has("map")) opts.push(() => `${this.vars.get("map")}[${this.key(s)}]`);
      if (this.vars.has("rec")) opts.push(() => `${this.vars.get("rec")}.a`);
      if (this.vars.has("seq")) opts.push(() => `len(${this.vars.get("seq")})`);
      if (this.vars.has("pseq")) opts.push(() => `sum(e${this.letCount++} in ${this.vars.get("pseq")}: e${this.letCount - 1})`);
      if (this.vars.has("set")) opts.push(() => `size(${this.vars.get("set")})`);
      if (this.vars.has("mrec")) opts.push(() => `${this.vars.get("mrec")}[${this.key(s)}].a`);
      if (this.vars.has("qrec")) opts.push(() => `sum(e${this.letCount++} in ${this.vars.get("qrec")}: 1)`, () => `len(${this.vars.get("qrec")})`);
      if (this.vars.has("emap")) opts.push(() => `${this.vars.get("emap")}[${pick(c, ["A", "B", "C"])}]`);
      if (this.hasDef) opts.push(() => `twice(${this.key(s)})`);
      const v = (k: VarKind) => this.vars.get(k)!;
      if (this.vars.has("tup")) opts.push(() => `${v("tup")}.${c.int(0, 1)}`);
      if (this.vars.has("opt")) opts.push(() => `get_or(${v("opt")}, ${c.int(0, this.m)})`, () => `get(${v("opt")})`);
      if (this.vars.has("tmap")) opts.push(() => `${v("tmap")}[(${this.key(s)}, ${pick(c, ["true", "false"])})]`);
      if (this.vars.has("wmap")) opts.push(() => `${v("wmap")}[${this.okey()}]`);
      if (this.vars.has("tset")) opts.push(() => `size(${v("tset")})`, () => `sum((e${this.letCount}, f${this.letCount++}) in ${v("tset")}: e${this.letCount - 1})`);
      if (this.vars.has("wset")) opts.push(() => `size(${v("wset")})`);
      for (const w of s.ksets ?? []) opts.push(() => `size(${w})`);
      for (const r of s.recs ?? []) opts.push(() => `${r}.a`);
      if (this.fracs) opts.push(() => `${pick(c, ["floor", "ceil"])}(${this.frac(s, 1)})`, () => `${pick(c, ["div", "div_up"])}(${this.frac(s, 0)}, ${pick(c, ["F", "G", "2"])})`);
      if (this.vars.has("fset")) opts.push(() => `size(${v("fset")})`);
      if (this.vars.has("fkey")) opts.push(() => `${v("fkey")}[${this.fkey(s)}]`);
      if (this.vars.has("rset")) opts.push(() => `size(${v("rset")})`, () => `sum(e${this.letCount++} in ${v("rset")}: e${this.letCount - 1}.a)`);
      if (this.vars.has("ropt")) opts.push(() => `get_or(${v("ropt")}, (0, false)).0`);
      if (this.vars.has("okey")) opts.push(() => `${v("okey")}[some(${this.key(s)})]`, () => `${v("okey")}[if ${this.bool(s, 0)} then none else some(${this.key(s)})]`);
      for (const t of s.tups ?? []) opts.push(() => `${t}.0`);
      opts.push(...this.offsets.intLeaves(s));
      return pick(c, opts)();
    };
    if (d <= 0) return leaf();
    switch (c.int(0, 13)) {
      case 0:
      case 1:
        return `${this.int(s, d - 1)} ${pick(c, ["+", "-", "*"])} ${this.int(s, d - 1)}`;
      case 2:
        return pick(c, [() => `div(${this.int(s, d - 1)}, ${this.int(s, d - 1)})`, () => `(${this.int(s, d - 1)}) % (${this.int(s, d - 1)})`])();
      case 3:
        return `${pick(c, ["div_up", "min", "max"])}(${this.int(s, d - 1)}, ${this.int(s, d - 1)})`;
      case 4:
        return `mul_div${pick(c, ["", "_up"])}(${this.int(s, d - 1)}, ${this.int(s, d - 1)}, ${this.int(s, d - 1)})`;
      case 5:
        return `(if ${this.bool(s, d - 1)} then ${this.int(s, d - 1)} else ${this.int(s, d - 1)})`;
      case 6: {
        const b = `k${this.letCount++}`;
        const inner: Scope = { ...s, keys: [...s.keys, b], ints: [...s.ints, b] };
        return pick(c, [
          () => `sum(${b} in K: ${this.int(inner, d - 1)})`,
          () => `count(${b} in K where ${this.bool(inner, d - 1)})`,
          () => `max(${b} in K where ${this.bool(inner, d - 1)}: ${this.int(inner, d - 1)})`,
        ])();
      }
      case 7:
        return this.vars.has("seq") ? pick(c, [`head(${this.vars.get("seq")})`, `${this.vars.get("seq")}[${this.int(s, 0)}]`]) : leaf();
      case 8:
        return pick(c, [
          () => `abs(${this.int(s, d - 1)} - ${this.int(s, d - 1)})`,
          () => {
            const x = `l${this.letCount++}`;
            return `(let ${x} = (${this.int(s, d - 1)}) in ${this.int({ ...s, ints: [...s.ints, x] }, d - 1)})`;
          },
          () => `(${this.int(s, 0)}) ** ${c.int(0, 3)}`,
          () => `${this.int(s, 0)} * (${this.int(s, 0)}) ** 2`,
          () => (this.vars.has("seq") ? `len(filter(e${this.letCount++} in ${this.vars.get("seq")} where e${this.letCount - 1} ${pick(c, ["<", "!=", ">="])} ${this.int(s, 0)}))` : leaf()),
        ])();
      case 9:
        if (this.vars.has("qrec")) {
          const q = this.vars.get("qrec")!;
          return pick(c, [() => `head(${q}).a`, () => `${q}[${this.int(s, 0)}].a`, () => `sum(e${this.letCount++} in ${q}: e${this.letCount - 1}.a)`])();
        }
        return leaf();
      default:
        return leaf();
    }
  }

  bool(s: Scope, d: number): string {
    const c = this.c;
    const leaf = () => {
      const opts: (() => string)[] = [() => pick(c, ["true", "false"]), () => `${this.int(s, 0)} ${pick(c, ["<", "<=", "==", "!=", ">="])} ${this.int(s, 0)}`];
      if (this.vars.has("bool")) opts.push(() => this.vars.get("bool")!);
      if (s.bools.length) opts.push(() => pick(c, s.bools));
      if (this.vars.has("set")) opts.push(() => `${this.key(s)} ${pick(c, ["in", "not in"])} ${this.vars.get("set")}`);
      if (this.vars.has("eset")) opts.push(() => `${pick(c, ["A", "B"])} in ${this.vars.get("eset")}`);
      if (this.vars.has("enum")) opts.push(() => `${this.vars.get("enum")} ${pick(c, ["==", "!="])} ${pick(c, ["A", "B", "C"])}`);
      if (this.vars.has("rec")) opts.push(() => `${this.vars.get("rec")}.b`, () => `${this.vars.get("rec")} == {a: ${c.int(0, this.m)}, b: false}`);
      if (this.vars.has("seq")) opts.push(() => `${this.vars.get("seq")} == []`, () => `${this.int(s, 0)} in ${this.vars.get("seq")}`);
      if (this.vars.has("mrec") && this.vars.has("rec")) opts.push(() => `${this.vars.get("mrec")}[${this.key(s)}] == ${this.vars.get("rec")}`);
      if (this.vars.has("qrec")) opts.push(() => `any(e${this.letCount++} in ${this.vars.get("qrec")}: e${this.letCount - 1}.b)`);
      const v = (k: VarKind) => this.vars.get(k)!;
      if (this.vars.has("opt")) opts.push(() => `${v("opt")} ${pick(c, ["==", "!="])} none`, () => `${v("opt")} ${pick(c, ["==", "!="])} some(${this.int(s, 0)})`);
      if (this.vars.has("tset")) opts.push(() => `({(${this.key(s)}, ${this.bool(s, 0)})} union {(${c.int(0, 1)}, true)}) subset ${v("tset")}`);
      if (this.vars.has("tset")) opts.push(() => `(${this.key(s)}, ${pick(c, ["true", "false"])}) in ${v("tset")}`, () => `any((e${this.letCount}, f${this.letCount++}) in ${v("tset")}: f${this.letCount - 1})`);
      if (this.vars.has("wset")) opts.push(() => `${c.int(31, 37)} in ${v("wset")}`, () => `${this.int(s, 0)} + 31 in ${v("wset")}`, () => `${v("wset")} == {${this.int(s, 0)} + 30}`);
      if (this.vars.has("tup")) opts.push(() => `${v("tup")} == (${this.key(s)}, ${c.int(0, this.m)})`);
      for (const w of s.ksets ?? []) opts.push(() => `${this.key(s)} in ${w}`, () => `${w} == {}`);
      for (const r of s.recs ?? []) opts.push(() => `${r}.b`);
      if (this.fracs) opts.push(() => `${this.frac(s, 1)} ${pick(c, ["<", "<=", "==", "!=", ">"])} ${this.frac(s, 1)}`);
      if (this.vars.has("fset")) opts.push(() => `${this.frac(s, 0)} in ${v("fset")}`);
      if (this.vars.has("fopt")) opts.push(() => `${v("fopt")} == some(${this.frac(s, 0)})`);
      if (this.vars.has("rset")) {
        opts.push(
          () => `{a: ${this.int(s, 0)}, b: ${this.bool(s, 0)}} in ${v("rset")}`,
          () => `any(e${this.letCount++} in ${v("rset")}: e${this.letCount - 1}.b)`,
          () => `${v("rset")} == { {a: ${c.int(0, this.m)}, b: true} }`,
        );
      }
      if (this.vars.has("ropt")) opts.push(() => `${v("ropt")} ${pick(c, ["==", "!="])} ${pick(c, ["none", `some((${this.key(s)}, true))`])}`, () => `get(${v("ropt")}).1`);
      for (const t of s.tups ?? []) {
        opts.push(() => `${t}.1`);
        if (this.vars.has("tset")) opts.push(() => `${t} in ${v("tset")}`);
        if (this.vars.has("ropt")) opts.push(() => `${v("ropt")} == some(${t})`);
      }
      opts.push(...this.offsets.boolLeaves(s));
      return pick(c, opts)();
    };
    if (d <= 0) return leaf();
    switch (c.int(0, 10)) {
      case 0:
        return `(${this.bool(s, d - 1)}) ${pick(c, ["and", "or", "implies"])} (${this.bool(s, d - 1)})`;
      case 1:
        return `not (${this.bool(s, d - 1)})`;
      case 2: {
        const b = `k${this.letCount++}`;
        const inner: Scope = { ...s, keys: [...s.keys, b], ints: [...s.ints, b] };
        return `${pick(c, ["all", "any"])}(${b} in K: ${this.bool(inner, d - 1)})`;
      }
      case 3:
        return `${this.int(s, d - 1)} ${pick(c, ["<", ">", "==", "!="])} ${this.int(s, d - 1)}`;
      case 4:
        if (this.vars.has("set")) return `${this.setExpr(s, d - 1)} subset ${this.vars.get("set")}`;
        return leaf();
      case 5: {
        const x = `l${this.letCount++}`;
        return c.int(0, 1) === 0
          ? `(let ${x} = (${this.int(s, d - 1)}) in ${this.bool({ ...s, ints: [...s.ints, x] }, d - 1)})`
          : `(let ${x} = (${this.bool(s, d - 1)}) in ${this.bool({ ...s, bools: [...s.bools, x] }, d - 1)})`;
      }
      default:
        return leaf();
    }
  }

  setExpr(s: Scope, d: number): string {
    const set = this.vars.get("set")!;
    const c = this.c;
    if (d <= 0) return pick(c, [set, `{${this.key(s)}}`, "{}"]);
    return pick(c, [
      () => `${set} union {${this.key(s)}}`,
      () => `${set} minus {${this.key(s)}}`,
      () => `${set} intersect ${this.setExpr(s, d - 1)}`,
      () => {
        const b = `k${this.letCount++}`;
        return `set(${b} in K where ${this.bool({ ...s, keys: [...s.keys, b], ints: [...s.ints, b] }, d - 1)})`;
      },
    ])();
  }

  /** A pick's domain and how many values it has, if the budget allows one here. */
  private pickDomain(): { domain: string; size: number } | null {
    const opts: { domain: string; size: number }[] = [{ domain: "K", size: this.n }, { domain: "bool", size: 2 }];
    if (this.vars.has("set")) opts.push({ domain: this.vars.get("set")!, size: this.n });
    // In a loop, mostly booleans: a pick per round multiplies the instances quickly.
    const o = this.rounds > 1 && this.c.int(0, 2) > 0 ? opts[1] : pick(this.c, opts);
    const cost = o.size ** this.rounds;
    if (cost > this.budget) return null;
    this.budget = Math.floor(this.budget / cost);
    this.procCost *= cost;
    return o;
  }

  private stmts(s: Scope, depth: number, count: number, out: string[], indent: string): void {
    const c = this.c;
    for (let i = 0; i < count; i++) {
      const r = c.int(0, 13);
      if (r <= 1) {
        out.push(`${indent}require ${this.bool(s, 1)}`);
      } else if (r === 2) {
        const name = `l${this.letCount++}`;
        out.push(`${indent}let ${name} = ${this.int(s, 1)}`);
        s = { ...s, ints: [...s.ints, name] };
      } else if (r === 3 && depth > 0) {
        out.push(`${indent}if ${this.bool(s, 1)} {`);
        this.stmts(s, depth - 1, c.int(1, 2), out, indent + "  ");
        out.push(`${indent}} else {`);
        this.stmts(s, depth - 1, c.int(0, 2), out, indent + "  ");
        out.push(`${indent}}`);
      } else if (r <= 4 && this.rounds <= 1 && c.int(0, 3) === 0 && 2 ** this.n <= this.budget) {
        this.budget = Math.floor(this.budget / 2 ** this.n);
        this.procCost *= 2 ** this.n;
        const name = `ws${this.letCount++}`;
        const inner: Scope = { ...s, ksets: [...(s.ksets ?? []), name] };
        out.push(`${indent}pick ${name} in subsets(K) where ${this.bool(inner, 1)}`);
        s = inner;
      } else if (r <= 4 && c.int(0, this.rounds > 1 ? 0 : 2) === 0) {
        const d = this.pickDomain();
        if (d === null) continue;
        const name = `p${this.letCount++}`;
        const inner: Scope = d.domain === "bool" ? { ...s, bools: [...s.bools, name] } : { ...s, keys: [...s.keys, name], ints: [...s.ints, name] };
        out.push(`${indent}pick ${name} in ${d.domain} where ${this.bool(inner, 1)}`);
        s = inner;
      } else if ((r === 10 || r === 11) && depth > 0) {
        this.loop(s, depth, out, indent);
      } else if (r === 12 && this.callable > 0) {
        this.callProc(s, out, indent);
      } else {
        out.push(indent + this.assignment(s));
      }
    }
  }

  /** `for x in D { ... }` over K, a constant range, the set, a queue or a queue of records. */
  private loop(s: Scope, depth: number, out: string[], indent: string): void {
    const c = this.c;
    const x = `f${this.letCount++}`;
    const opts: { domain: string; rounds: number; inner: Scope }[] = [
      { domain: "K", rounds: this.n, inner: { ...s, keys: [...s.keys, x], ints: [...s.ints, x] } },
      { domain: `0 .. ${c.int(0, 2)}`, rounds: 3, inner: { ...s, ints: [...s.ints, x] } },
    ];
    if (this.vars.has("set")) opts.push({ domain: this.vars.get("set")!, rounds: this.n, inner: { ...s, keys: [...s.keys, x], ints: [...s.ints, x] } });
    if (this.vars.has("seq")) opts.push({ domain: this.vars.get("seq")!, rounds: 2, inner: { ...s, ints: [...s.ints, x] } });
    if (this.vars.has("pseq")) opts.push({ domain: this.vars.get("pseq")!, rounds: 2, inner: { ...s, ints: [...s.ints, x] } });
    if (this.vars.has("qrec")) opts.push({ domain: this.vars.get("qrec")!, rounds: 2, inner: { ...s, ints: [...s.ints, `${x}.a`], bools: [...s.bools, `${x}.b`] } });
    // Sets of tuples, of records, of integers from 33 and every subset of K: rounds bound to
    // compound values (rounds numbered by the element's index in its type).
    if (this.vars.has("tset")) opts.push({ domain: this.vars.get("tset")!, rounds: 2 * this.n, inner: { ...s, tups: [...(s.tups ?? []), x], keys: [...s.keys, `${x}.0`] } });
    if (this.vars.has("rset")) opts.push({ domain: this.vars.get("rset")!, rounds: 2 * (this.m + 1), inner: { ...s, recs: [...(s.recs ?? []), x] } });
    if (this.vars.has("wset")) opts.push({ domain: this.vars.get("wset")!, rounds: 4, inner: { ...s, ints: [...s.ints, x] } });
    if (this.n <= 3) opts.push({ domain: "subsets(K)", rounds: 2 ** this.n, inner: { ...s, ksets: [...(s.ksets ?? []), x] } });
    // A long range: the compiled model makes it a JavaScript loop rather than unrolling it.
    if (this.rounds === 1) opts.push({ domain: "0 .. 19", rounds: 20, inner: { ...s, ints: [...s.ints, x] } });
    const o = pick(c, opts);
    out.push(`${indent}for ${x} in ${o.domain} {`);
    const saved = this.rounds;
    this.rounds *= o.rounds;
    // Rounds that change what the loop goes over (it goes over what was there when it began).
    const v = (k: VarKind) => this.vars.get(k)!;
    if (o.domain === this.vars.get("set") && c.int(0, 1) === 0) out.push(`${indent}  ${v("set")} = ${v("set")} ${pick(c, ["union", "minus"])} {${this.key(o.inner)}}`);
    if (o.domain === this.vars.get("seq") && c.int(0, 1) === 0) out.push(`${indent}  ${v("seq")} = ${pick(c, [`pop(${v("seq")})`, `remove_at(${v("seq")}, 0)`, `filter(e${this.letCount++} in ${v("seq")} where e${this.letCount - 1} != ${x})`])}`);
    if (o.domain === this.vars.get("qrec") && c.int(0, 1) === 0) out.push(`${indent}  ${v("qrec")} = pop(${v("qrec")})`);
    // Picks in every round, one or two (then each round's picks are numbered with a stride of 2).
    let inner = o.inner;
    for (let k = c.int(0, 2); k > 0 && o.rounds <= 3 && 2 ** this.rounds <= this.budget; k--) {
      this.budget = Math.floor(this.budget / 2 ** this.rounds);
      this.procCost *= 2 ** this.rounds;
      const p = `p${this.letCount++}`;
      out.push(`${indent}  pick ${p} in bool`);
      inner = { ...inner, bools: [...inner.bools, p] };
    }
    this.stmts(inner, depth - 1, c.int(1, 3), out, indent + "  ");
    this.rounds = saved;
    out.push(`${indent}}`);
  }

  /** A call of a proc declared earlier, if its picks fit the budget here. */
  private callProc(s: Scope, out: string[], indent: string): void {
    const p = this.procs[this.c.int(0, this.callable - 1)];
    const cost = p.cost ** this.rounds;
    if (cost > this.budget) {
      out.push(indent + this.assignment(s));
      return;
    }
    this.budget = Math.floor(this.budget / cost);
    this.procCost *= cost;
    const args = p.params.map((t) =>
      t === "K" ? this.key(s) : t === "bool" ? this.bool(s, 0) : this.vars.has("rec") && this.c.int(0, 1) === 0 ? this.vars.get("rec")! : `{a: ${this.int(s, 0)}, b: ${this.bool(s, 0)}}`,
    );
    out.push(`${indent}${p.name}(${args.join(", ")})`);
  }

  /** `proc procN(...) { ... }`, which may call the procs before it. */
  private proc(k: number): void {
    const c = this.c;
    const params: Proc["params"] = Array.from({ length: c.int(0, 2) }, () => pick(c, ["K", "K", "bool", "R"] as const));
    const scope: Scope = { ints: [], keys: [], bools: [] };
    const decl = params.map((t, i) => {
      const n = `a${i}`;
      if (t === "K") {
        scope.keys.push(n);
        scope.ints.push(n);
      } else if (t === "bool") scope.bools.push(n);
      else {
        scope.ints.push(`${n}.a`);
        scope.bools.push(`${n}.b`);
      }
      return `${n}: ${t}`;
    });
    this.callable = k;
    this.budget = 8;
    this.procCost = 1;
    this.rounds = 1;
    const body: string[] = [];
    this.stmts(scope, 2, c.int(1, 3), body, "  ");
    this.lines.push(`proc proc${k}(${decl.join(", ")}) {`, ...body, "}");
    this.procs.push({ name: `proc${k}`, params, cost: this.procCost });
  }

  private assignment(s: Scope): string {
    const c = this.c;
    const opts: (() => string)[] = [];
    const v = (k: VarKind) => this.vars.get(k)!;
    if (this.vars.has("int")) opts.push(() => `${v("int")} ${pick(c, ["=", "+=", "-="])} ${this.int(s, 1)}`);
    if (this.vars.has("map")) {
      opts.push(
        () => `${v("map")}[${this.key(s)}] ${pick(c, ["=", "+=", "-="])} ${this.int(s, 1)}`,
        () => `${v("map")} = ${this.int(s, 0)}`,
        () => {
          const b = `k${this.letCount++}`;
          return `${v("map")} = map(${b} in K: ${this.int({ ...s, keys: [...s.keys, b], ints: [...s.ints, b] }, 1)})`;
        },
      );
    }
    if (this.vars.has("mrec")) {
      opts.push(
        () => `${v("mrec")}[${this.key(s)}].a ${pick(c, ["=", "+=", "-="])} ${this.int(s, 1)}`,
        () => `${v("mrec")}[${this.key(s)}] = {a: ${this.int(s, 0)}, b: ${this.bool(s, 0)}}`,
        () => `${v("mrec")}[${this.key(s)}].b = not ${v("mrec")}[${this.key(s)}].b`,
      );
      if (this.vars.has("rec")) opts.push(() => `${v("mrec")}[${this.key(s)}] = if ${this.bool(s, 0)} then ${v("rec")} else ${v("mrec")}[${this.key(s)}]`);
    }
    if (this.vars.has("qrec")) {
      opts.push(
        () => `${v("qrec")} = push(${v("qrec")}, {a: ${this.int(s, 0)}, b: ${this.bool(s, 0)}})`,
        () => `${v("qrec")} = pop(${v("qrec")})`,
        () => `${v("qrec")}[${this.int(s, 0)}].b = ${this.bool(s, 0)}`,
      );
    }
    if (this.vars.has("emap")) opts.push(() => `${v("emap")}[${pick(c, ["A", "B", "C"])}] ${pick(c, ["=", "+="])} ${this.int(s, 0)}`);
    if (this.vars.has("tup")) opts.push(() => `${v("tup")} = (${this.key(s)}, ${this.int(s, 0)})`, () => `${v("tup")}.1 ${pick(c, ["=", "+="])} ${this.int(s, 0)}`);
    if (this.vars.has("tset")) opts.push(() => `${v("tset")} = ${v("tset")} ${pick(c, ["union", "minus"])} {(${this.key(s)}, ${this.bool(s, 0)})}`, () => `${v("tset")} = {(${this.key(s)}, true)} union {(${this.int(s, 0)}, ${this.bool(s, 0)})}`);
    if (this.vars.has("opt")) opts.push(() => `${v("opt")} = some(${this.int(s, 1)})`, () => `${v("opt")} = none`);
    if (this.vars.has("tmap")) opts.push(() => `${v("tmap")}[(${this.key(s)}, ${this.bool(s, 0)})] ${pick(c, ["=", "+="])} ${this.int(s, 0)}`);
    if (this.vars.has("wset")) opts.push(() => `${v("wset")} = ${v("wset")} ${pick(c, ["union", "minus"])} {${this.int(s, 0)} + ${c.int(30, 34)}}`);
    if (this.vars.has("wmap")) opts.push(() => `${v("wmap")}[${this.okey()}] = ${this.int(s, 0)}`);
    if (this.vars.has("frac")) opts.push(() => `${v("frac")} = ${this.frac(s, 1)}`, () => `${v("frac")} ${pick(c, ["+=", "-="])} ${pick(c, ["F", "1/4", "1"])}`);
    if (this.vars.has("fmap")) opts.push(() => `${v("fmap")}[${this.key(s)}] = ${this.frac(s, 1)}`);
    if (this.vars.has("fset")) opts.push(() => `${v("fset")} = ${v("fset")} ${pick(c, ["union", "minus"])} {${this.frac(s, 0)}}`);
    if (this.vars.has("fkey")) opts.push(() => `${v("fkey")}[${this.fkey(s)}] = ${this.int(s, 0)}`);
    if (this.vars.has("fopt")) opts.push(() => `${v("fopt")} = some(${this.frac(s, 1)})`, () => `${v("fopt")} = none`);
    if (this.vars.has("rset")) {
      opts.push(
        () => `${v("rset")} = ${v("rset")} ${pick(c, ["union", "minus"])} { {a: ${this.int(s, 0)}, b: ${this.bool(s, 0)}} }`,
        () => `${v("rset")} = set(e${this.letCount++} in ${v("rset")} where e${this.letCount - 1}.b)`,
      );
    }
    if (this.vars.has("ropt")) opts.push(() => `${v("ropt")} = ${pick(c, ["none", `some((${this.key(s)}, ${this.bool(s, 0)}))`])}`);
    if (this.vars.has("okey")) opts.push(() => `${v("okey")}[${pick(c, ["none", `some(${this.key(s)})`])}] ${pick(c, ["=", "+="])} ${this.int(s, 0)}`);
    for (const t of s.tups ?? []) {
      if (this.vars.has("tset")) opts.push(() => `${v("tset")} = ${v("tset")} union {${t}}`);
      if (this.vars.has("ropt")) opts.push(() => `${v("ropt")} = some(${t})`);
    }
    if (this.vars.has("pseq")) {
      opts.push(
        () => `${v("pseq")} = push(${v("pseq")}, ${pick(c, ["1", "2", `${this.int(s, 0)}`])})`,
        () => `${v("pseq")} = pop(${v("pseq")})`,
        () => `${v("pseq")} = remove_at(${v("pseq")}, ${this.int(s, 0)})`,
        () => {
          const e = `e${this.letCount++}`;
          return `${v("pseq")} = filter(${e} in ${v("pseq")} where ${e} != ${this.int(s, 0)})`;
        },
      );
    }
    if (this.vars.has("bool")) opts.push(() => `${v("bool")} = ${this.bool(s, 1)}`);
    if (this.vars.has("enum")) opts.push(() => `${v("enum")} = ${pick(c, ["A", "B", "C"])}`);
    if (this.vars.has("set")) opts.push(() => `${v("set")} = ${this.setExpr(s, 1)}`);
    if (this.vars.has("eset")) opts.push(() => `${v("eset")} = ${v("eset")} ${pick(c, ["union", "minus"])} {${pick(c, ["A", "B"])}}`);
    if (this.vars.has("rec")) opts.push(() => `${v("rec")}.a ${pick(c, ["=", "+="])} ${this.int(s, 1)}`, () => `${v("rec")} = {a: ${this.int(s, 0)}, b: ${this.bool(s, 0)}}`);
    if (this.vars.has("seq")) {
      opts.push(
        () => `${v("seq")} = push(${v("seq")}, ${this.int(s, 0)})`,
        () => `${v("seq")} = pop(${v("seq")})`,
        () => `${v("seq")}[${this.int(s, 0)}] = ${this.int(s, 0)}`,
        () => `${v("seq")} = remove_at(${v("seq")}, ${this.int(s, 0)})`,
        () => `${v("seq")} = remove_at(${v("seq")}, ${pick(c, ["0", "1", `len(${v("seq")}) - 1`])})`,
        () => {
          const e = `e${this.letCount++}`;
          return `${v("seq")} = filter(${e} in ${v("seq")} where ${e} ${pick(c, ["<", ">", "!="])} ${this.int(s, 0)})`;
        },
        () => {
          const e = `e${this.letCount++}`;
          return `${v("seq")} = filter(${e} in ${v("seq")} where ${this.bool({ ...s, ints: [...s.ints, e] }, 1)})`;
        },
      );
    }
    if (this.vars.has("qrec")) {
      opts.push(
        () => `${v("qrec")} = remove_at(${v("qrec")}, ${this.int(s, 0)})`,
        () => {
          const e = `e${this.letCount++}`;
          return `${v("qrec")} = filter(${e} in ${v("qrec")} where ${this.bool({ ...s, ints: [...s.ints, `${e}.a`], bools: [...s.bools, `${e}.b`] }, 1)})`;
        },
      );
    }
    opts.push(...this.offsets.assignments(s));
    return pick(c, opts)();
  }

  generate(): string {
    const c = this.c;
    const L = this.lines;
    L.push("spec Random");
    L.push(`const N = ${this.n}`);
    L.push(`const M = ${this.m}`);
    L.push("type K = 0 .. N - 1");
    L.push("type V = 0 .. M");
    L.push("type E = enum { A, B, C }");
    L.push("type R = { a: V, b: bool }");
    L.push("type Q = 0 .. 1 step 1/2");
    L.push("const F = 1/2");
    L.push("const G = 0.25");
    const kinds: VarKind[] = ["int", "bool", "enum", "map", "set", "eset", "rec", "seq", "mrec", "qrec", "emap", "pseq", "tup", "tset", "opt", "tmap", "wset", "wmap", "frac", "fmap", "fset", "fkey", "fopt", "rset", "ropt", "okey"];
    for (const k of kinds) if (c.int(0, 3) === 0) this.vars.set(k, `v_${k}`);
    this.fracs = c.int(0, 2) === 0 || ["frac", "fmap", "fset", "fkey", "fopt"].some((k) => this.vars.has(k as VarKind));
    if (this.vars.size === 0) this.vars.set(pick(c, kinds), "");
    for (const k of [...this.vars.keys()]) this.vars.set(k, `v_${k}`);
    const init: Record<VarKind, () => string> = {
      int: () => `var v_int: V = ${c.int(0, this.m)}`,
      bool: () => `var v_bool: bool = ${pick(c, ["true", "false"])}`,
      enum: () => `var v_enum: E = ${pick(c, ["A", "B", "C"])}`,
      map: () => `var v_map: map<K, V> = ${c.int(0, this.m)}`,
      set: () => `var v_set: set<K> = ${pick(c, ["{}", "{0}"])}`,
      eset: () => "var v_eset: set<E> = {}",
      rec: () => `var v_rec: R = {a: ${c.int(0, this.m)}, b: false}`,
      seq: () => "var v_seq: seq<V, 2> = []",
      mrec: () => `var v_mrec: map<K, R> = {a: ${c.int(0, this.m)}, b: true}`,
      qrec: () => "var v_qrec: seq<R, 2> = []",
      emap: () => `var v_emap: map<E, V> = ${c.int(0, this.m)}`,
      tup: () => `var v_tup: (K, V) = (0, ${c.int(0, this.m)})`,
      tset: () => `var v_tset: set<(K, bool)> = ${pick(c, ["{}", "{(0, true)}"])}`,
      opt: () => `var v_opt: option<V> = ${pick(c, ["none", "some(0)"])}`,
      tmap: () => `var v_tmap: map<(K, bool), V> = ${c.int(0, this.m)}`,
      // One word from position 32 on; literals below 32 widen sets into two words from 0.
      wset: () => `var v_wset: set<33 .. 36> = ${pick(c, ["{}", "{34}"])}`,
      wmap: () => `var v_wmap: map<2 .. 4, V> = ${c.int(0, this.m)}`,
      frac: () => `var v_frac: 0 .. 2 step 1/4 = ${pick(c, ["0", "F", "1.75"])}`,
      fmap: () => `var v_fmap: map<K, -1 .. 1 step 1/2> = ${pick(c, ["0", "F", "-1/2"])}`,
      // Steps finer than the bounds' denominators: 1/4, 3/4, ... (scaled step 2), and 0, 2, 4.
      fset: () => `var v_fset: set<1/4 .. 9/4 step 1/2> = ${pick(c, ["{}", "{3/4}", "{1.25, 1.75}"])}`,
      fkey: () => `var v_fkey: map<0 .. 4 step 2, V> = ${c.int(0, this.m)}`,
      fopt: () => `var v_fopt: option<Q> = ${pick(c, ["none", "some(F)"])}`,
      rset: () => `var v_rset: set<R> = ${pick(c, ["{}", "{ {a: 0, b: true} }"])}`,
      ropt: () => `var v_ropt: option<(K, bool)> = ${pick(c, ["none", "some((0, false))"])}`,
      okey: () => `var v_okey: map<option<K>, V> = ${c.int(0, this.m)}`,
      // Elements that exclude 0, the value of a queue's unused positions.
      pseq: () => "var v_pseq: seq<1 .. 2, 2> = [1]",
    };
    for (const k of this.vars.keys()) L.push(init[k]());
    this.offsets.declare(L);
    if (c.int(0, 2) === 0) {
      L.push(`def twice(k: K): 0 .. 2 * N = 2 * k`);
      this.hasDef = true;
    }
    const nProcs = c.int(0, 2);
    for (let k = 0; k < nProcs; k++) this.proc(k);
    this.callable = this.procs.length;
    const nActions = c.int(1, 3);
    for (let a = 0; a < nActions; a++) {
      const params: string[] = [];
      const scope: Scope = { ints: [], keys: [], bools: [] };
      const nParams = c.int(0, 2);
      for (let i = 0; i < nParams; i++) {
        const r = c.int(0, 7);
        if (r === 0) {
          params.push(`b${i}: bool`);
          scope.bools.push(`b${i}`);
        } else if (r === 1) {
          params.push(`w${i}: set<K>`);
          scope.ksets = [...(scope.ksets ?? []), `w${i}`];
        } else if (r === 2) {
          params.push(`r${i}: R`);
          scope.recs = [...(scope.recs ?? []), `r${i}`];
        } else if (r === 3 && this.fracs) {
          params.push(`q${i}: Q`);
          scope.fracs = [...(scope.fracs ?? []), `q${i}`];
        } else if (r === 4) {
          params.push(`t${i}: (K, bool)`);
          scope.tups = [...(scope.tups ?? []), `t${i}`];
        } else {
          params.push(`x${i}: K`);
          scope.keys.push(`x${i}`);
          scope.ints.push(`x${i}`);
        }
      }
      if (a === 0) this.act0Params = params.filter((p) => p.endsWith(": K")).map((p) => p.split(":")[0]);
      const by = c.int(0, 2) === 0 ? " by who: K" : "";
      if (by) {
        this.anyCaller = true;
        scope.keys.push("who");
        scope.ints.push("who");
      }
      L.push(`action act${a}(${params.join(", ")})${by} {`);
      const body: string[] = [];
      this.budget = Math.floor(INSTANCE_BUDGET / (by ? this.n : 1) / params.reduce((x, p) => x * (p.endsWith(": K") ? this.n : 2), 1));
      this.rounds = 1;
      this.stmts(scope, 2, c.int(1, 4), body, "  ");
      L.push(...body, "}");
    }
    const empty: Scope = { ints: [], keys: [], bools: [] };
    const nInv = c.int(0, 2);
    for (let i = 0; i < nInv; i++) L.push(`invariant inv${i}: ${this.bool(empty, 2)}`);
    if (c.int(0, 2) === 0 && this.vars.has("int")) {
      L.push(`step st0: action == act0 implies ${this.vars.get("int")} ${pick(c, [">=", "<=", "!="])} old(${this.vars.get("int")})`);
    }
    if (c.int(0, 2) === 0) {
      const compound = [...this.vars.keys()].filter((k) => k === "map" || k === "rec" || k === "mrec" || k === "qrec");
      const parts = [`caller == ${c.int(0, this.n - 1)}`, `caller != act0.${this.act0Params[0] ?? "none"}`];
      if (compound.length) {
        const v = this.vars.get(pick(c, compound));
        parts.push(`old(${v}) == ${v}`);
      }
      const usable = parts.filter((p) => !p.endsWith(".none"));
      // A def that uses the step, called from a step property (inside `old` too).
      if (this.anyCaller && c.int(0, 1) === 0) {
        L.push(`def by_self(k: K) = caller == k and action != act0`);
        usable.push(pick(c, [`by_self(${c.int(0, this.n - 1)})`, `old(by_self(${c.int(0, this.n - 1)}))`]));
      }
      if (this.anyCaller) L.push(`step st1: ${usable.slice(0, c.int(1, usable.length)).join(pick(c, [" or ", " and "]))}`);
    }
    return L.join("\n") + "\n";
  }
}

export function randomSpec(c: Choose): string {
  return new SpecGen(c).generate();
}

/** A random spec as `randomSpec` makes it, plus fairness on some actions (`fair`, `strong fair`)
 * and one to three liveness properties of every kind, some over `all(k in K: ...)`; for the
 * differential test of the fair-cycle search (properties/liveness/differential.test.ts). */
export function randomLivenessSpec(c: Choose): string {
  const gen = new SpecGen(c);
  const lines = gen.generate().trimEnd().split("\n");
  const fairness = ["", "", "fair ", "strong fair "];
  const out = lines.map((l) => (l.startsWith("action ") ? pick(c, fairness) + l : l));
  const empty: Scope = { ints: [], keys: [], bools: [] };
  const bound: Scope = { ints: ["k"], keys: ["k"], bools: [] };
  const count = c.int(1, 3);
  for (let i = 0; i < count; i++) {
    const kind = c.int(0, 4);
    if (kind === 4) {
      out.push(`liveness lv${i}: all(k in K: ${gen.bool(bound, 1)} ~> ${gen.bool(bound, 1)})`);
      continue;
    }
    const q = gen.bool(empty, 1);
    out.push(
      kind === 0 ? `liveness lv${i}: ${gen.bool(empty, 1)} ~> ${q}`
      : kind === 1 ? `liveness lv${i}: eventually ${q}`
      : kind === 2 ? `liveness lv${i}: always eventually ${q}`
      : `liveness lv${i}: eventually always ${q}`,
    );
  }
  return out.join("\n") + "\n";
}
