// `const` declarations and other compile-time values (type bounds, queue capacities): checked as
// expressions that may use only numbers, consts and built-in functions, then folded.

import type * as A from "../lang/ast.js";
import { EvalFailure, evaluate } from "../ir/eval.js";
import { describeFailure } from "../ir/failure.js";
import { Rat } from "../ir/rational.js";
import type { Checker } from "./checker.js";
import { Scope } from "./checker.js";
import { checkExpr } from "./expressions.js";

/** A const's value: an integer, a boolean or a fraction (src/ir/rational.ts). */
export type ConstValue = number | boolean | Rat;

type ConstState = { state: "evaluating" } | { state: "done"; value: ConstValue | undefined };
const constStates = new WeakMap<Checker, Map<string, ConstState>>();
/** The consts being evaluated, outermost first (to show a cycle). */
const paths = new WeakMap<Checker, string[]>();

function states(c: Checker): Map<string, ConstState> {
  let m = constStates.get(c);
  if (!m) constStates.set(c, (m = new Map()));
  return m;
}

/** Folds a compile-time expression; undefined (with a diagnostic) when it is not one. "int"
 * wants an integer, "number" an integer or a fraction, "any" a number or a boolean. */
export function foldConst(c: Checker, e: A.Expr, expect: "int", what: string): number | undefined;
export function foldConst(c: Checker, e: A.Expr, expect: "number", what: string): number | Rat | undefined;
export function foldConst(c: Checker, e: A.Expr, expect: "any", what: string): ConstValue | undefined;
export function foldConst(c: Checker, e: A.Expr, expect: "int" | "number" | "any", what: string): ConstValue | undefined {
  const before = c.diags.length;
  const ir = checkExpr(c, e, new Scope("const"));
  if (c.diags.length > before || ir.ty.k === "error") return undefined;
  if (expect !== "any" && ir.ty.k !== "int") {
    c.error(e.span, `${what} must be ${expect === "int" ? "an integer" : "a number"}`);
    return undefined;
  }
  if (ir.ty.k !== "int" && ir.ty.k !== "bool") {
    c.error(e.span, `${what} must be an integer or a boolean`);
    return undefined;
  }
  try {
    const v = evaluate({ defs: [], sites: c.sites }, ir);
    if (expect === "int" && v instanceof Rat) {
      c.error(e.span, `${what} must be an integer, but \`${c.file.slice(e.span)}\` is ${v}`, "round it with floor(...) or ceil(...)");
      return undefined;
    }
    return typeof v === "boolean" || typeof v === "number" || v instanceof Rat ? v : undefined;
  } catch (err) {
    if (err instanceof EvalFailure) {
      c.error(c.sites[err.site].span, describeFailure(c.sites[err.site], err.detail));
      return undefined;
    }
    throw err;
  }
}

/** The value of const `name` (overrides applied), evaluating it on first use. */
export function constValue(c: Checker, decl: A.ConstDecl, useSpan: A.Span): ConstValue | undefined {
  const m = states(c);
  const name = decl.name.text;
  const st = m.get(name);
  if (st?.state === "done") return st.value;
  const path = paths.get(c) ?? [];
  paths.set(c, path);
  if (st?.state === "evaluating") {
    const cycle = [...path.slice(path.indexOf(name)), name].join(" -> ");
    c.error(useSpan, `const \`${name}\` is defined in terms of itself: ${cycle}`, "give one of them a value that does not depend on the others");
    return undefined;
  }
  m.set(name, { state: "evaluating" });
  path.push(name);
  const own = foldConst(c, decl.value, "any", `const \`${name}\``);
  path.pop();
  let value = own;
  const override = c.constOverrides.get(name);
  if (override !== undefined) {
    if (own !== undefined && (typeof own === "boolean") !== (typeof override === "boolean")) {
      c.error(decl.name.span, `--const ${name}=${override}: \`${name}\` is ${typeof own === "boolean" ? "a boolean" : own instanceof Rat ? "a fraction" : "an integer"}`);
    } else value = override;
  }
  m.set(name, { state: "done", value });
  return value;
}

/** Every integer and boolean const, in declaration order, with its final value (the ones
 * `--const` overrides and traces record; a fraction const is fixed by the spec's text). */
export function allConsts(c: Checker): { name: string; value: number | boolean }[] {
  const out: { name: string; value: number | boolean }[] = [];
  for (const g of c.globals.values()) {
    if (g.kind !== "const") continue;
    const v = constValue(c, g.decl, g.decl.name.span);
    if (v !== undefined && !(v instanceof Rat)) out.push({ name: g.decl.name.text, value: v });
  }
  return out;
}
