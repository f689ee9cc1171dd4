// Aggregates over finite domains (all, any, sum, count, min, max, map, set) and the domains that
// binders and picks range over.

import type * as A from "../lang/ast.js";
import type * as I from "../ir/ir.js";
import { MAX_SET_ELEMENTS } from "../ir/finite.js";
import { BOOL, showType, sizeOfTy, type IntTy, type Ty } from "../ir/types.js";
import { PROTO_RESERVED, type Checker, type LocalBinding, type Scope } from "./checker.js";
import { foldConst } from "./consts.js";
import { declareParts, rangeableType, subsetsDomain } from "./domains.js";
import { checkBool, checkExpr, checkNumber, describeTy, src } from "./expressions.js";
import { numIntTy } from "./fractions.js";
import { checkFilter } from "./queues.js";
import { declaredType } from "./types.js";

export interface CheckedDomain {
  readonly domain: I.Domain;
  /** The type of a name bound to this domain's values. */
  readonly ty: Ty;
  /** The most values the domain can have. */
  readonly size: number;
}

/** Resolves what a binder or pick ranges over; null (after a diagnostic) when it is not a domain. */
export function checkDomain(c: Checker, d: A.Domain, sc: Scope): CheckedDomain | null {
  switch (d.kind) {
    case "bool":
      return { domain: { k: "type", ty: BOOL }, ty: BOOL, size: 2 };
    case "range": {
      const lo = foldConst(c, d.lo, "int", "a range bound");
      const hi = foldConst(c, d.hi, "int", "a range bound");
      if (typeof lo !== "number" || typeof hi !== "number") return null;
      const ty: IntTy = { k: "int", lo, hi };
      return { domain: { k: "type", ty }, ty, size: Math.max(0, hi - lo + 1) };
    }
    case "expr": {
      const e = d.expr;
      if (e.kind === "name" && !sc.lookup(e.name)) {
        const g = c.globals.get(e.name);
        if (g?.kind === "type") {
          const ty = declaredType(c, g.decl);
          if (ty.k === "error" || !rangeableType(c, e.span, e.name, ty)) return null;
          return { domain: { k: "type", ty }, ty, size: sizeOfTy(ty) };
        }
      }
      const subsets = subsetsDomain(c, e, sc);
      if (subsets) return subsets.k === "error" ? null : { domain: { k: "type", ty: subsets }, ty: subsets, size: sizeOfTy(subsets) };
      const ir = checkExpr(c, e, sc);
      if (ir.ty.k === "error") return null;
      if (ir.ty.k === "set") {
        if (ir.ty.elem.k === "any") {
          c.error(e.span, "ranging over an empty set literal gives nothing");
          return null;
        }
        return { domain: { k: "set", set: ir, elem: ir.ty.elem }, ty: ir.ty.elem, size: sizeOfTy(ir.ty.elem) };
      }
      if (ir.ty.k === "seq") {
        if (ir.ty.elem.k === "any") {
          c.error(e.span, "ranging over an empty queue literal gives nothing");
          return null;
        }
        return { domain: { k: "seq", seq: ir, elem: ir.ty.elem }, ty: ir.ty.elem, size: ir.ty.cap };
      }
      const keys = ir.ty.k === "map" ? showType(ir.ty.key, false) : undefined;
      c.error(
        e.span,
        `cannot range over \`${src(c, e.span)}\`: it is ${describeTy(ir.ty)}`,
        keys ? `range over its keys, \`k in ${keys}\`, and read \`${src(c, e.span)}[k]\`` : "range over a type (Account, 0 .. N - 1, bool), a set or a queue",
      );
      return null;
    }
  }
}

/** Declares a bound name, refusing to shadow anything already visible. */
export function declareLocal(c: Checker, sc: Scope, name: A.Name, ty: Ty, what: LocalBinding["what"], value?: I.Expr): number {
  const prev = sc.lookup(name.text);
  if (name.text === "__proto__") {
    c.error(name.span, `\`__proto__\` is reserved: it is ${PROTO_RESERVED}`, "choose another name");
  } else if (prev) {
    c.error(name.span, `\`${name.text}\` is already defined (line ${c.lineOf(prev.span)})`, "choose another name", [{ span: prev.span, message: `\`${name.text}\` is first defined here` }]);
  } else {
    const g = c.globals.get(name.text);
    if (g) {
      const at = g.kind === "enumMember" ? g.span : g.decl.name.span;
      c.error(name.span, `\`${name.text}\` is already declared at line ${c.lineOf(at)}`, "choose another name: stakecheck does not shadow declarations", [{ span: at, message: `\`${name.text}\` is declared here` }]);
    }
  }
  return sc.declare(name.text, ty, name.span, what, value).id;
}

export function checkAggregate(c: Checker, e: Extract<A.Expr, { kind: "aggregate" }>, sc: Scope, expected?: Ty): I.Expr {
  sc.push();
  try {
    const binders: I.Binder[] = [];
    let size = 1;
    let bad = false;
    for (const b of e.binders) {
      const d = checkDomain(c, b.domain, sc);
      if (!d) bad = true;
      const local = b.parts ? sc.declare(b.name.text, d?.ty ?? { k: "error" }, b.name.span, "binder").id : declareLocal(c, sc, b.name, d?.ty ?? { k: "error" }, "binder");
      if (b.parts && !declareParts(c, sc, b, d?.ty ?? { k: "error" }, local, (n, ty, value) => declareLocal(c, sc, n, ty, "binder", value))) bad = true;
      if (d) {
        binders.push({ name: b.name.text, local, domain: d.domain, span: b.span });
        size *= d.size;
      }
    }
    const where = e.where ? checkBool(c, e.where, sc, "`where`") : null;
    const body =
      e.body === null ? null
      : e.op === "all" || e.op === "any" ? checkBool(c, e.body, sc, `\`${e.op}\``)
      : e.op === "map" ? checkExpr(c, e.body, sc, expected?.k === "map" ? expected.val : undefined)
      : checkNumber(c, e.body, sc, `\`${e.op}\``);
    if (bad || (body && body.ty.k === "error") || (where && where.ty.k === "error")) return c.errExpr(e.span);
    const base = { k: "agg" as const, op: e.op, binders, where, body, site: -1, span: e.span };
    switch (e.op) {
      case "all":
      case "any":
        return { ...base, ty: BOOL };
      case "count":
        return { ...base, ty: { k: "int", lo: 0, hi: size } };
      case "sum": {
        const t = body!.ty as I.IntTy;
        return { ...base, ty: numIntTy(c, e.span, { lo: Math.min(0, size * t.lo), hi: Math.max(0, size * t.hi) }, t.den ?? 1) };
      }
      case "min":
      case "max":
        return { ...base, ty: body!.ty, site: c.site("empty-agg", e.span) };
      case "map": {
        if (binders.length !== 1 || binders[0].domain.k !== "type" || where !== null) {
          c.error(e.span, "`map(k in K: value)` takes one name ranging over a type, and no `where`", "a map has a value for every key");
          return c.errExpr(e.span);
        }
        return { ...base, ty: { k: "map", key: binders[0].domain.ty, val: body!.ty } };
      }
      case "set": {
        const bt = binders.length === 1 ? (binders[0].domain.k === "seq" ? null : binders[0].domain.k === "type" ? binders[0].domain.ty : binders[0].domain.elem) : null;
        if (bt === null) {
          c.error(e.span, "`set(x in D where condition)` takes one name ranging over a type or a set");
          return c.errExpr(e.span);
        }
        if (bt.k === "set" || sizeOfTy(bt) > MAX_SET_ELEMENTS) {
          c.error(e.binders[0].domain.span, bt.k === "set" ? "`set(...)` cannot collect sets: a set's elements have an index, and a set has none" : `a set of this domain's values would range over ${sizeOfTy(bt).toLocaleString("en-US")} values; a set holds at most ${MAX_SET_ELEMENTS.toLocaleString("en-US")}`);
          return c.errExpr(e.span);
        }
        return { ...base, ty: { k: "set", elem: bt } };
      }
      case "filter":
        return checkFilter(c, e, base);
    }
  } finally {
    sc.pop();
  }
}
