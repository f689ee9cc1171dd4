// Walking the IR: the direct subexpressions of an expression, and every expression of statements.

import type { Domain, Expr, Stmt } from "./ir.js";
import { assertNever } from "../util/assert-never.js";

function domainExprs(d: Domain): Expr[] {
  return d.k === "set" ? [d.set] : d.k === "seq" ? [d.seq] : [];
}

/** The direct subexpressions of `e`, in evaluation order. */
export function subexpressions(e: Expr): Expr[] {
  switch (e.k) {
    case "const":
    case "var":
    case "local":
    case "action":
    case "caller":
    case "stepParam":
      return [];
    case "index":
      return [e.target, e.index];
    case "field":
      return [e.target];
    case "neg":
    case "not":
    case "fill":
    case "old":
    case "present":
    case "fit":
      return [e.e];
    case "arith":
    case "cmp":
    case "eq":
    case "logic":
    case "setop":
    case "subset":
      return [e.l, e.r];
    case "in":
      return [e.elem, e.coll];
    case "ite":
      return [e.c, e.t, e.e];
    case "let":
      return [e.value, e.body];
    case "call":
    case "builtin":
      return [...e.args];
    case "agg":
      return [...e.binders.flatMap((b) => domainExprs(b.domain)), ...(e.where ? [e.where] : []), ...(e.body ? [e.body] : [])];
    case "setLit":
    case "seqLit":
      return [...e.elems];
    case "recLit":
      return [...e.fields];
  }
}

/** Calls `visit` on every expression in `e`, `e` included. */
export function forEachExpr(e: Expr, visit: (x: Expr) => void): void {
  visit(e);
  for (const c of subexpressions(e)) forEachExpr(c, visit);
}

/** Calls `visit` on every expression in the statements, nested blocks included. */
export function forEachStmtExpr(stmts: readonly Stmt[], visit: (x: Expr) => void): void {
  for (const s of stmts) {
    switch (s.k) {
      case "require":
        forEachExpr(s.cond, visit);
        break;
      case "let":
        forEachExpr(s.value, visit);
        break;
      case "if":
        forEachExpr(s.cond, visit);
        forEachStmtExpr(s.then, visit);
        forEachStmtExpr(s.else, visit);
        break;
      case "pick":
        if (s.where) forEachExpr(s.where, visit);
        break;
      case "assign":
        for (const p of s.place.path) if (p.k === "index") forEachExpr(p.index, visit);
        forEachExpr(s.value, visit);
        break;
      case "for":
        for (const x of domainExprs(s.domain)) forEachExpr(x, visit);
        forEachStmtExpr(s.body, visit);
        break;
      default:
        assertNever(s);
    }
  }
}

/** The locals the statements read. */
export function localsRead(stmts: readonly Stmt[]): Set<number> {
  const out = new Set<number>();
  forEachStmtExpr(stmts, (x) => {
    if (x.k === "local") out.add(x.id);
  });
  return out;
}
