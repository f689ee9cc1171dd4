// Numbers that may be fractions, in generated TypeScript. Integer arithmetic stays plain
// JavaScript (src/compile/ts/expr.ts); an operation with a fraction operand or result goes
// through the exact helpers of helpers-values.ts (qadd, qcmp, ...), whose values are canonical
// (whole numbers plain, others {num, den} in lowest terms). An expression whose type is integral
// is a plain number at run time even when computed by the helpers: its TypeScript type says so.

import type * as I from "../../ir/ir.js";
import { denOf, type IntTy, type Ty } from "../../ir/types.js";
import { FRACTION_TS } from "./types.js";

/** A TypeScript expression and its precedence (as expr.ts's Code). */
interface Code {
  readonly text: string;
  readonly prec: number;
  readonly ts: string | null;
}

const PRIMARY = 20;
const REL = 10;

/** Whether a number type holds fractions. */
export function isFraction(t: Ty | undefined): boolean {
  return t !== undefined && t.k === "int" && denOf(t) > 1;
}

/** Whether any of these number types holds fractions (the operation then goes through the helpers). */
export function anyFraction(...ts: Ty[]): boolean {
  return ts.some(isFraction);
}

/** A helper's result as a value of `ty`: integral results are plain numbers at run time. */
export function asType(text: string, ty: Ty): Code {
  if (isFraction(ty)) return { text, prec: PRIMARY, ts: FRACTION_TS };
  return { text: `(${text} as number)`, prec: PRIMARY, ts: null };
}

/** `l op r` with a fraction operand or result. */
export function fractionArith(use: (h: string) => string, e: Extract<I.Expr, { k: "arith" }>, l: Code, r: Code, site: () => string): Code {
  switch (e.op) {
    case "+":
      return asType(`${use("qadd")}(${l.text}, ${r.text})`, e.ty);
    case "-":
      return asType(`${use("qsub")}(${l.text}, ${r.text})`, e.ty);
    case "*":
      return asType(`${use("qmul")}(${l.text}, ${r.text})`, e.ty);
    case "/":
      return asType(`${use("qdiv")}(${l.text}, ${r.text}, ${site()})`, e.ty);
    case "%":
      return asType(`${use("qmod")}(${l.text}, ${r.text}, ${site()})`, e.ty);
  }
}

/** `l op r` for numbers, one of them a fraction. */
export function fractionCompare(use: (h: string) => string, op: I.CmpOp, l: Code, r: Code): Code {
  return { text: `${use("qcmp")}(${l.text}, ${r.text}) ${op} 0`, prec: REL, ts: "boolean" };
}

/** The number built-ins with a fraction argument or result, and floor/ceil. Null: not a number
 * built-in that needs the helpers. */
export function fractionBuiltin(use: (h: string) => string, e: Extract<I.Expr, { k: "builtin" }>, args: readonly Code[], site: () => string): Code | null {
  const frac = anyFraction(e.ty, ...e.args.map((a) => a.ty));
  switch (e.fn) {
    case "floor":
    case "ceil": {
      if (e.args.length === 1) {
        if (!isFraction(e.args[0].ty)) return args[0];
        return { text: `${use(e.fn === "floor" ? "qfloor" : "qceil")}(${args[0].text})`, prec: PRIMARY, ts: null };
      }
      return asType(`${use(e.fn === "floor" ? "qfloorTo" : "qceilTo")}(${args[0].text}, ${args[1].text})`, e.ty);
    }
    case "div":
    case "div_up":
    case "mul_div":
    case "mul_div_up": {
      const d = e.args[e.args.length - 1].ty as IntTy;
      if (!frac && !(e.fn === "div" && d.lo <= 0 && d.hi >= 0)) return null;
      const up = e.fn === "div_up" || e.fn === "mul_div_up";
      return { text: `${use("qround")}(${JSON.stringify(e.fn)}, ${up}, [${args.map((a) => a.text).join(", ")}], ${site()})`, prec: PRIMARY, ts: null };
    }
    case "min":
    case "max":
      if (!frac) return null;
      return asType(`${use(e.fn === "min" ? "qmin" : "qmax")}(${args[0].text}, ${args[1].text})`, e.ty);
    case "abs":
      if (!frac) return null;
      return asType(`${use("qabs")}(${args[0].text})`, e.ty);
    default:
      return null;
  }
}
