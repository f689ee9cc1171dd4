// Exact number arithmetic in generated code. Every number expression compiles to its value times
// its type's denominator (src/ir/numbers.ts decides the denominators); integers have denominator 1
// and compile exactly as before fractions existed. Failure details show values as fractions.

import type * as I from "../ir/ir.js";
import { common, divPlan, mulPlan } from "../ir/numbers.js";
import { denOf, type IntTy } from "../ir/types.js";
import { bind, lit, type Ctx } from "./expr.js";
import { times } from "./values.js";

type Arith = Extract<I.Expr, { k: "arith" }>;

/** The text of a scaled value in a failure detail (JS expression). */
export function shown(code: string, den: number): string {
  return den === 1 ? code : `fr(${code}, ${den})`;
}

/** A scaled code over `from`'s denominator as a code over `den` (a multiple of it). */
export function rescale(code: string, from: IntTy, den: number): string {
  return times(code, den / denOf(from));
}

function small(t: IntTy): boolean {
  return Math.max(Math.abs(t.lo), Math.abs(t.hi)) < 1 << 24;
}

/** ⌊a / b⌋ or a mod b for scaled integers (b !== 0) whose ranges are known. */
export function intDivExpr(op: "/" | "%", L: string, R: string, l: { lo: number; hi: number }, r: { lo: number; hi: number }): string {
  const isSmall = Math.max(Math.abs(l.lo), Math.abs(l.hi)) < 1 << 24 && Math.max(Math.abs(r.lo), Math.abs(r.hi)) < 1 << 24;
  if (op === "/") return isSmall ? `Math.floor(${L} / ${R})` : `fdiv(${L}, ${R})`;
  if (l.lo >= 0 && r.lo > 0) return `(${L} % ${R})`;
  return `fmod(${L}, ${R})`;
}

/** `if (R === 0) F(site, "<a> op 0")`, when the divisor's range holds 0; returns the bound operands. */
function zeroCheck(ctx: Ctx, site: number, L: string, R: string, r: IntTy, detail: (l: string) => string): [string, string] {
  if (r.lo > 0 || r.hi < 0) return [L, R];
  const Rb = bind(ctx, R);
  const Lb = bind(ctx, L);
  ctx.fn.line(`if (${Rb} === 0) F(${site}, ${detail(Lb)});`);
  return [Lb, Rb];
}

/** An arithmetic node, its operands already compiled (value form). */
export function compileArith(ctx: Ctx, e: Arith, L: string, R: string): string {
  const l = e.l.ty as IntTy;
  const r = e.r.ty as IntTy;
  switch (e.op) {
    case "+":
    case "-": {
      const cm = common(l, r);
      return `(${times(L, cm.ml)} ${e.op} ${times(R, cm.mr)})`;
    }
    case "*": {
      const p = mulPlan(l, r);
      if (p.g === 1) return `(${L} * ${R})`;
      return l.lo === l.hi ? `(${times(R, l.lo / p.g)})` : `(${times(L, r.lo / p.g)})`;
    }
    case "/": {
      const p = divPlan(l, r);
      const detail = (lb: string) => `${shown(lb, denOf(l))} + " / 0"`;
      if (p.k === "tooBig") throw new Error("internal: an unchecked quotient");
      if (p.k === "const") {
        if (p.mult === 0) {
          ctx.fn.line(`F(${e.site}, ${detail(bind(ctx, L))});`);
          return "0";
        }
        return `(${times(L, p.mult)})`;
      }
      const [Lb, Rb] = zeroCheck(ctx, e.site, L, R, r, detail);
      return `(${times(Lb, p.mult)} / ${Rb})`;
    }
    case "%": {
      const cm = common(l, r);
      const [Lb, Rb] = zeroCheck(ctx, e.site, times(L, cm.ml), times(R, cm.mr), r, (lb) => `${shown(lb, cm.den)} + " % 0"`);
      const sl = { lo: l.lo * cm.ml, hi: l.hi * cm.ml };
      const sr = { lo: r.lo * cm.mr, hi: r.hi * cm.mr };
      return intDivExpr("%", Lb, Rb, sl, sr);
    }
  }
}

/** Two numbers over their common denominator (comparisons, min, max). */
export function commonCodes(l: IntTy, r: IntTy, L: string, R: string): [string, string] {
  const cm = common(l, r);
  return [times(L, cm.ml), times(R, cm.mr)];
}

type Builtin = Extract<I.Expr, { k: "builtin" }>;

/** div, div_up, mul_div, mul_div_up: an integer from scaled numbers; `args` compiled. */
export function compileIntDivision(ctx: Ctx, e: Builtin, args: string[]): string {
  const ts = e.args.map((a) => a.ty as IntTy);
  let num = args[0];
  let nt: IntTy = ts[0];
  if (e.fn === "mul_div" || e.fn === "mul_div_up") {
    num = `${args[0]} * ${args[1]}`;
    nt = { k: "int", lo: Math.min(ts[0].lo * ts[1].lo, ts[0].lo * ts[1].hi, ts[0].hi * ts[1].lo, ts[0].hi * ts[1].hi), hi: Math.max(ts[0].lo * ts[1].lo, ts[0].lo * ts[1].hi, ts[0].hi * ts[1].lo, ts[0].hi * ts[1].hi), den: denOf(ts[0]) * denOf(ts[1]) };
  }
  const dt = ts[ts.length - 1];
  const cm = common(nt, dt);
  let n = times(num, cm.ml);
  let d = times(args[args.length - 1], cm.mr);
  if (dt.lo <= 0 && dt.hi >= 0) {
    d = bind(ctx, d);
    const shownArgs = e.args.slice(0, -1).map((a, i) => bind(ctx, args[i]));
    const detail = `"${e.fn}(" + ${shownArgs.map((x, i) => shown(x, denOf(ts[i]))).join(' + ", " + ')} + ", 0)"`;
    ctx.fn.line(`if (${d} === 0) F(${e.site}, ${detail});`);
    const n2 = e.fn === "mul_div" || e.fn === "mul_div_up" ? `${shownArgs[0]} * ${shownArgs[1]}` : shownArgs[0];
    n = times(n2, cm.ml);
    if (e.fn === "div") return intDivExpr("/", n, d, scaledRange(nt, cm.ml), scaledRange(dt, cm.mr));
    return e.fn === "mul_div" ? `fdiv(${n}, ${d})` : `cdiv(${n}, ${d})`;
  }
  if (e.fn === "div") return intDivExpr("/", n, d, scaledRange(nt, cm.ml), scaledRange(dt, cm.mr));
  return e.fn === "mul_div" ? `fdiv(${n}, ${d})` : `cdiv(${n}, ${d})`;
}

function scaledRange(t: IntTy, m: number): { lo: number; hi: number } {
  return { lo: t.lo * m, hi: t.hi * m };
}

/** floor(x), ceil(x), floor(x, step), ceil(x, step); `x` compiled. */
export function compileRound(e: Builtin, x: string): string {
  const t = e.args[0].ty as IntTy;
  const d = denOf(t);
  const floor = e.fn === "floor";
  if (e.args.length === 1) {
    if (d === 1) return x;
    if (floor) return small(t) ? `Math.floor(${x} / ${d})` : `fdiv(${x}, ${d})`;
    return `cdiv(${x}, ${d})`;
  }
  const st = e.args[1].ty as IntTy;
  // ⌊X·ds / (dx·S)⌋ · S, over the step's denominator ds.
  const q = `${floor ? "fdiv" : "cdiv"}(${times(x, denOf(st))}, ${d * st.lo})`;
  return `(${times(q, st.lo)})`;
}

export { lit };
