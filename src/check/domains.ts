// Domains of the second edition: ranging over any finite type (tuples, records, options), over
// the subsets of one (`subsets(Validator)`), and destructuring binders `(s, t) in signed`.

import type * as A from "../lang/ast.js";
import type * as I from "../ir/ir.js";
import { MAX_CHOICE_VALUES, isIndexable } from "../ir/finite.js";
import { ERR, showType, sizeOfTy, type Ty } from "../ir/types.js";
import type { Checker, Scope } from "./checker.js";
import { resolveType } from "./types.js";

/** The largest type an aggregate or pick may range over value by value. */
export const MAX_DOMAIN_VALUES = 1 << 24;

/** `subsets(T)`: every subset of a finite type, the empty one included; null when `e` is not a
 * `subsets` call; ERR after a diagnostic. */
export function subsetsDomain(c: Checker, e: A.Expr, sc: Scope): Ty | null {
  if (e.kind !== "call" || e.callee.text !== "subsets" || sc.lookup("subsets") || c.globals.has("subsets")) return null;
  const arg = e.args[0];
  if (e.args.length !== 1 || arg.kind !== "name") {
    c.error(e.span, "`subsets` takes one type: `subsets(Validator)`");
    return ERR;
  }
  const elem = resolveType(c, { kind: "named", name: { text: arg.name, span: arg.span }, span: arg.span });
  if (elem.k === "error") return ERR;
  if (!isIndexable(elem)) {
    c.error(arg.span, `\`${arg.name}\` (${showType(elem)}) has no subsets to range over`, "range over the subsets of bool, a number range, an enum, or a tuple, record or option of those");
    return ERR;
  }
  const n = sizeOfTy(elem);
  if (n > 16) {
    c.error(e.span, `\`${arg.name}\` has ${n.toLocaleString("en-US")} values, so ${n > 52 ? "more than 2^52" : (2 ** n).toLocaleString("en-US")} subsets; at most ${MAX_CHOICE_VALUES.toLocaleString("en-US")} (2^16) can be ranged over`, "narrow the type");
    return ERR;
  }
  return { k: "set", elem };
}

/** Whether a named type can be ranged over value by value (reporting why not). */
export function rangeableType(c: Checker, span: A.Span, name: string, ty: Ty): boolean {
  if (!isIndexable(ty)) {
    c.error(span, `cannot range over the type \`${name}\` (${showType(ty)})`, "range over bool, a number range, an enum, a tuple, record or option of those, a set or queue value, or `subsets(T)`");
    return false;
  }
  if (sizeOfTy(ty) > MAX_DOMAIN_VALUES) {
    c.error(span, `the type \`${name}\` has ${sizeOfTy(ty).toLocaleString("en-US")} values, too many to range over (at most ${MAX_DOMAIN_VALUES.toLocaleString("en-US")})`);
    return false;
  }
  return true;
}

/** Declares a destructuring binder's names as the fields of the bound tuple (`local`), after
 * checking the domain's values are tuples of as many fields. */
export function declareParts(c: Checker, sc: Scope, b: A.Binder, ty: Ty, local: number, declare: (name: A.Name, ty: Ty, alias: I.Expr) => void): boolean {
  const parts = b.parts!;
  if (ty.k === "error") {
    for (const p of parts) declare(p, ERR, c.errExpr(p.span));
    return false;
  }
  if (ty.k !== "rec" || !ty.tuple || ty.fields.length !== parts.length) {
    c.error(b.name.span, `\`${c.file.slice(b.name.span)}\` takes apart tuples of ${parts.length}, but the values ranged over are ${showType(ty)}`, "bind one name and read its fields: `all(p in D: p.0 ...)`");
    for (const p of parts) declare(p, ERR, c.errExpr(p.span));
    return false;
  }
  const whole: I.Expr = { k: "local", ty, id: local, span: b.name.span };
  parts.forEach((p, i) => declare(p, ty.fields[i].ty, { k: "field", ty: ty.fields[i].ty, target: whole, field: i, span: p.span }));
  return true;
}
