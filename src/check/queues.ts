// Queue helpers: `filter(x in q where c)`, the elements of a queue that satisfy a condition, in
// order (a queue of the same type), and `remove_at(q, i)`, the queue without its element at
// position i (a `well_typed` violation when there is none).

import type * as A from "../lang/ast.js";
import type * as I from "../ir/ir.js";
import type { Checker, Scope } from "./checker.js";
import { checkExpr, checkInt, describeTy, src } from "./expressions.js";

type Agg = Extract<I.Expr, { k: "agg" }>;

export function checkFilter(c: Checker, e: Extract<A.Expr, { kind: "aggregate" }>, base: Omit<Agg, "ty">): I.Expr {
  const b = base.binders[0];
  if (base.binders.length !== 1 || b.domain.k !== "seq") {
    const d = e.binders[0].domain;
    const text = src(c, d.span);
    c.error(
      d.span,
      `\`filter\` keeps elements of a queue, but \`${text}\` is ${b?.domain.k === "set" ? "a set" : "a type"}`,
      b?.domain.k === "set" ? `for a set, write \`set(${e.binders[0].name.text} in ${text} where ...)\`` : `to collect values of a type, write \`set(${e.binders[0].name.text} in ${text} where ...)\``,
    );
    return c.errExpr(e.span);
  }
  const q = b.domain.seq.ty as I.SeqTy;
  return { ...base, ty: { k: "seq", elem: q.elem, cap: q.cap } };
}

export function checkRemoveAt(c: Checker, e: Extract<A.Expr, { kind: "call" }>, sc: Scope): I.Expr {
  const q = checkExpr(c, e.args[0], sc);
  const i = checkInt(c, e.args[1], sc, "the position given to `remove_at`");
  if (q.ty.k === "error" || i.ty.k === "error") return c.errExpr(e.span);
  if (q.ty.k !== "seq") {
    const hint =
      q.ty.k === "set" ? `to take an element out of a set, write \`${src(c, q.span)} minus {x}\``
      : q.ty.k === "map" ? "a map has an entry for every key: set the entry to a value that means empty"
      : undefined;
    c.error(q.span, `\`remove_at\` needs a queue, but \`${src(c, q.span)}\` is ${describeTy(q.ty)}`, hint);
    return c.errExpr(e.span);
  }
  if (i.ty.k !== "int") return c.errExpr(e.span);
  const site = c.site("index", e.args[1].span, { k: "int", lo: 0, hi: q.ty.cap - 1 }, `the queue \`${src(c, q.span)}\``);
  return { k: "builtin", ty: q.ty, fn: "remove_at", args: [q, i], site, span: e.span };
}
