// Checking the value constructs of the second edition: set literals of any finite element type,
// tuple literals, options (`none`, `some`, `get`, `get_or`), and the folding of constant sets.

import type * as A from "../lang/ast.js";
import type * as I from "../ir/ir.js";
import { MAX_SET_ELEMENTS, isIndexable, setBase, valueIndex, type Value } from "../ir/finite.js";
import { denOf, isPlainInt, setWords, showType, sizeOfTy, type IntTy, type OptTy, type Ty } from "../ir/types.js";
import type { Checker, Scope } from "./checker.js";
import { fits, unify } from "./compat.js";
import { checkExpr, coerce, describeTy, fitTo, src } from "./expressions.js";

/** The type a literal of kind `k` is expected to have: through maps, since a value fills every
 * entry of a map it is assigned to. */
export function expectedOf(expected: Ty | undefined, k: Ty["k"]): Ty | undefined {
  let t = expected;
  while (t && t.k === "map" && k !== "map") t = t.val;
  return t;
}

/** Whether a value of type `it` can index a map keyed by `key`. */
export function indexCompatible(it: Ty, key: Ty): boolean {
  if (isPlainInt(key)) return it.k === "int";
  return unify(it, key) !== null;
}

/** A constant set as a one-word mask, when it is one (elements at positions 0 .. 31). */
export function foldSet(e: I.Expr, v: Value): I.Expr {
  const ty = e.ty as I.SetTy;
  if (ty.elem.k === "any" || ty.elem.k === "error" || setWords(ty.elem) !== 1 || setBase(ty.elem) !== 0) return e;
  let mask = 0;
  for (const x of v as Value[]) {
    const p = isPlainInt(ty.elem) ? (x as number) : valueIndex(ty.elem, typeof x === "number" && ty.elem.k === "bool" ? x !== 0 : x);
    if (p < 0 || p > 31) return e;
    mask |= 1 << p;
  }
  return { k: "const", ty, v: mask, span: e.span };
}

function plainWiden(want: IntTy, elems: readonly I.Expr[]): IntTy {
  const lo = Math.min(want.lo, ...elems.map((x) => (x.ty as IntTy).lo));
  const hi = Math.max(want.hi, ...elems.map((x) => (x.ty as IntTy).hi));
  const widened: IntTy = { ...want, lo, hi };
  return sizeOfTy(widened) <= MAX_SET_ELEMENTS ? widened : want;
}

export function checkSetLit(c: Checker, e: Extract<A.Expr, { kind: "setLit" }>, sc: Scope, outer?: Ty): I.Expr {
  const expected = expectedOf(outer, "set");
  const want = expected?.k === "set" && expected.elem.k !== "any" && expected.elem.k !== "error" ? expected.elem : undefined;
  const elems = e.elems.map((x) => checkExpr(c, x, sc, want));
  let elemTy: Ty = want ?? { k: "any" };
  for (const x of elems) {
    if (x.ty.k === "error") return c.errExpr(e.span);
    const u = unify(elemTy, x.ty);
    if (u === null) {
      if (want) c.error(x.span, `this set holds ${showType(want)}, but \`${src(c, x.span)}\` is ${describeTy(x.ty)}`);
      else c.error(x.span, `set elements must all have one type; \`${src(c, x.span)}\` is ${describeTy(x.ty)}, the others ${showType(elemTy)}`);
      return c.errExpr(e.span);
    }
    if (!want) elemTy = u;
  }
  if (elems.length === 0) return { k: "setLit", ty: { k: "set", elem: elemTy }, elems, site: -1, span: e.span };
  if (!isIndexable(elemTy)) {
    const x = elems[0];
    c.error(x.span, `set elements must be bool, a number range, an enum, or a tuple, record or option of those; \`${src(c, x.span)}\` is ${describeTy(x.ty)}`);
    return c.errExpr(e.span);
  }
  // Plain integers: the literal's universe also covers its own elements' ranges (a value outside
  // the variable's type is then caught where the set is stored, as for any other value).
  if (want && isPlainInt(want) && elems.every((x) => x.ty.k === "int" && denOf(x.ty) === 1)) elemTy = plainWiden(want, elems);
  if (sizeOfTy(elemTy) > MAX_SET_ELEMENTS) {
    const x = elems.find((y) => sizeOfTy(y.ty) > MAX_SET_ELEMENTS) ?? elems[0];
    c.error(x.span, `\`${src(c, x.span)}\` ranges over ${sizeOfTy(x.ty).toLocaleString("en-US")} values, too many for a set element (at most ${MAX_SET_ELEMENTS.toLocaleString("en-US")})`, "give the set a type: assign it to a variable of type set<T>, or narrow the element");
    return c.errExpr(e.span);
  }
  const site = c.site("set-element", e.span, elemTy, "a set literal");
  return { k: "setLit", ty: { k: "set", elem: elemTy }, elems, site, span: e.span };
}

export function checkTupleLit(c: Checker, e: Extract<A.Expr, { kind: "tupleLit" }>, sc: Scope, outer?: Ty): I.Expr {
  const expected = expectedOf(outer, "rec");
  const want = expected?.k === "rec" && expected.tuple && expected.fields.length === e.elems.length ? expected : undefined;
  const fields = e.elems.map((x, i) => {
    const ft = want?.fields[i].ty;
    const v = checkExpr(c, x, sc, ft);
    return ft && fits(v.ty, ft) !== "no" ? coerce(v, ft) : v;
  });
  if (fields.some((f) => f.ty.k === "error")) return c.errExpr(e.span);
  return { k: "recLit", ty: { k: "rec", tuple: true, fields: fields.map((f, i) => ({ name: String(i), ty: f.ty })) }, fields, span: e.span };
}

/** `some(e)`: an option holding e; with an expected option type, e is stored as its value type. */
export function checkSome(c: Checker, e: Extract<A.Expr, { kind: "call" }>, sc: Scope, outer?: Ty): I.Expr {
  const expected = expectedOf(outer, "option");
  const want = expected?.k === "option" && expected.elem.k !== "any" ? expected.elem : undefined;
  let x = checkExpr(c, e.args[0], sc, want);
  if (x.ty.k === "error") return c.errExpr(e.span);
  if (!isIndexable(x.ty)) {
    c.error(x.span, `an option holds bool, a number range, an enum, or a tuple, record or option of those; \`${src(c, x.span)}\` is ${describeTy(x.ty)}`);
    return c.errExpr(e.span);
  }
  let elem: Ty = x.ty;
  if (want && unify(x.ty, want) !== null) {
    x = fitTo(c, x, want, "the value of an option");
    elem = want;
  }
  const ty: OptTy = { k: "option", elem };
  return { k: "builtin", ty, fn: "some", args: [x], site: -1, span: e.span };
}

/** `get(o)` (fails on none) and `get_or(o, d)`. */
export function checkGet(c: Checker, fn: "get" | "get_or", e: Extract<A.Expr, { kind: "call" }>, sc: Scope): I.Expr {
  const o = checkExpr(c, e.args[0], sc);
  if (o.ty.k === "error") {
    if (fn === "get_or") checkExpr(c, e.args[1], sc);
    return c.errExpr(e.span);
  }
  if (o.ty.k !== "option") {
    c.error(o.span, `\`${fn}\` needs an option, but \`${src(c, o.span)}\` is ${describeTy(o.ty)}`, `only a value of type option<T> can be none; \`${src(c, o.span)}\` always has a value`);
    if (fn === "get_or") checkExpr(c, e.args[1], sc);
    return c.errExpr(e.span);
  }
  if (o.ty.elem.k === "any") {
    c.error(o.span, `\`${fn}\` of \`none\` has no value to give`);
    return c.errExpr(e.span);
  }
  const elem = o.ty.elem;
  if (fn === "get") return { k: "builtin", ty: elem, fn, args: [o], site: c.site("get-none", e.span, undefined, `\`${src(c, o.span)}\``), span: e.span };
  const d = checkExpr(c, e.args[1], sc, elem);
  if (d.ty.k === "error") return c.errExpr(e.span);
  const u = unify(elem, d.ty);
  if (u === null) {
    c.error(d.span, `the default of \`get_or\` must be ${describeTy(elem)} like the option's value, but \`${src(c, d.span)}\` is ${describeTy(d.ty)}`);
    return c.errExpr(e.span);
  }
  return { k: "builtin", ty: u, fn, args: [o, d], site: -1, span: e.span };
}
