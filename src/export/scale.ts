// Fractions in the export. stakecheck keeps each number as an integer scaled by its own type's
// denominator (src/ir/numbers.ts), which changes from expression to expression. The export scales
// every number of the module by one denominator D instead, the lcm of all of them: the TLA+ value
// n stands for n / D everywhere, so values of different types compare, join and sit in sets and
// functions without conversions, and only the operations that see the scale change (a product is
// divided by D once, a quotient multiplied by D, a count or a length multiplied by D, a queue
// position divided by D). Every such division is exact: the result's own denominator divides D.
// A spec without fractions has D = 1 and its export is what it always was.

import type * as I from "../ir/ir.js";
import { lcm } from "../ir/rational.js";
import { denOf, type IntTy, type Ty } from "../ir/types.js";
import { forEachExpr, forEachStmtExpr } from "../ir/walk.js";
import { assertNever } from "../util/assert-never.js";
import { ExportError } from "./context.js";
import { bin, num, type T } from "./tla.js";

/** Beyond this the scaled values would not fit TLC's 32-bit integers anyway. */
const MAX_SCALE = 1 << 20;

function typeDen(t: Ty | I.Ty): number {
  switch (t.k) {
    case "int":
      return denOf(t);
    case "set":
    case "option":
    case "seq":
      return typeDen(t.elem);
    case "map":
      return lcm(typeDen(t.key), typeDen(t.val));
    case "rec":
      return t.fields.reduce((d, f) => lcm(d, typeDen(f.ty)), 1);
    case "bool":
    case "enum":
    case "any":
    case "error":
      return 1;
    default:
      return assertNever(t);
  }
}

function stmtDomains(stmts: readonly I.Stmt[], add: (t: I.Ty) => void): void {
  for (const s of stmts) {
    if (s.k === "assign") add(s.place.ty);
    if (s.k === "if") {
      stmtDomains(s.then, add);
      stmtDomains(s.else, add);
    }
    if (s.k === "for") {
      add(s.domain.k === "type" ? s.domain.ty : s.domain.elem);
      stmtDomains(s.body, add);
    }
  }
}

/** The module's one denominator: the lcm of every number type's in the spec (1 without fractions). */
export function moduleScale(spec: I.Spec): number {
  let d = 1;
  let where: I.Expr | null = null;
  const add = (t: I.Ty) => {
    d = lcm(d, typeDen(t));
  };
  const visit = (e: I.Expr) => {
    const before = d;
    add(e.ty);
    if (e.k === "agg") for (const b of e.binders) add(b.domain.k === "type" ? b.domain.ty : b.domain.elem);
    if (d !== before && where === null && d > MAX_SCALE) where = e;
  };
  for (const t of spec.types) add(t.ty);
  for (const v of spec.vars) {
    add(v.ty);
    forEachExpr(v.init, visit);
  }
  for (const x of spec.defs) forEachExpr(x.body, visit);
  for (const a of spec.actions) {
    for (const c of a.choices) add(c.ty);
    forEachStmtExpr(a.body, visit);
    stmtDomains(a.body, add);
  }
  for (const p of [...spec.invariants, ...spec.steps]) forEachExpr(p.expr, visit);
  for (const l of spec.liveness ?? []) {
    if (l.p) forEachExpr(l.p, visit);
    forEachExpr(l.q, visit);
  }
  if (!(d <= MAX_SCALE)) {
    const at = where as I.Expr | null;
    const pos = at ? spec.file.position(at.span.start) : null;
    throw new ExportError(`${spec.file.path}${pos ? `:${pos.line}:${pos.col}` : ""}: the spec's fractions need a common denominator above ${MAX_SCALE}, beyond what TLC's 32-bit integers can scale (use coarser steps)`);
  }
  return d;
}

/** The multiplier from a type's own scaled integers to the module's. */
export function factor(D: number, t: IntTy): number {
  return D / denOf(t);
}

/** `x * k`, folded. */
export function times(x: T, k: number): T {
  if (k === 1) return x;
  if (x.k === "num") return num(x.v * k);
  return bin("*", x, num(k));
}

/** `x \div k` for a positive k that divides x exactly, folded. */
export function exactDiv(x: T, k: number): T {
  if (k === 1) return x;
  if (x.k === "num" && x.v % k === 0) return num(x.v / k);
  return bin("\\div", x, num(k));
}
