// The scalarset discipline for `symmetric type T = lo .. hi`. Symmetry reduction explores one state
// per orbit under permutations of T's values; that is sound only when permuting the values of T
// maps every reachable state to a reachable state and keeps every property's verdict. These rules
// guarantee it: a value of T is a name, not a number.
//
//   1. no arithmetic on values of T (+ - * / %, unary -, min, max, abs, div_up, mul_div, sum/min/max
//      of them): it would tell element 0 from element 1;
//   2. no ordering (< <= > >=) of values of T;
//   3. a value of T is compared (==, !=, in, subset, union, ...) only with values of T: never with an
//      integer literal, a const or another integer type;
//   4. a map keyed by T is indexed only by values of T; a queue is never indexed by one;
//   5. values stored, passed and returned keep their symmetric type: assigning an integer to a
//      place of T (or a T to a plain integer), passing one to a parameter of T, mixing T and
//      integers in the branches of an `if`, a set literal or a queue literal are errors;
//   6. an initial value is symmetric: a variable of T (or a set of T given elements) cannot be
//      initialised, since no value of T is special; maps keyed by T are filled with one value.
//
// Quantifiers (all, any, sum, count, map, set) over T, parameters, callers and picks of type T are
// all fine: they range over every element alike. So is a `for` loop over T whose rounds do not
// interfere (src/check/symmetry-loops.ts).
//
// Breaking a rule is a warning, not an error: the spec means the same with or without symmetry,
// only the reduction would be unsound. The type is marked `broken` and explored without reduction.

import type * as I from "../ir/ir.js";
import { showType, slotCount, type Ty } from "../ir/types.js";
import type { Checker } from "./checker.js";
import { src } from "./expressions.js";
import { forEachExpr, forEachStmtExpr } from "../ir/walk.js";
import { loopOrderRule } from "./symmetry-loops.js";

function symOf(t: Ty): number | undefined {
  return t.k === "int" ? t.sym : undefined;
}

/** Whether storing or comparing values of types `a` and `b` would mix symmetric and plain values. */
export function symMismatch(a: Ty, b: Ty): boolean {
  if (a.k === "any" || b.k === "any" || a.k === "error" || b.k === "error") return false;
  if (a.k === "int" && b.k === "int") return (a.sym ?? -1) !== (b.sym ?? -1);
  if (a.k === "set" && b.k === "set") return symMismatch(a.elem, b.elem);
  if (a.k === "map" && b.k === "map") return symMismatch(a.key, b.key) || symMismatch(a.val, b.val);
  if (b.k === "map" && a.k !== "map") return symMismatch(a, b.val); // a scalar filling a map
  if (a.k === "rec" && b.k === "rec") return a.fields.some((f, i) => b.fields[i] !== undefined && symMismatch(f.ty, b.fields[i].ty));
  if (a.k === "seq" && b.k === "seq") return symMismatch(a.elem, b.elem);
  if (a.k === "option" && b.k === "option") return symMismatch(a.elem, b.elem);
  return false;
}

/** Whether a type holds values of a symmetric type anywhere (not counting map keys). */
function holdsSym(t: Ty): boolean {
  switch (t.k) {
    case "int":
      return t.sym !== undefined;
    case "set":
      return holdsSym(t.elem);
    case "map":
      return holdsSym(t.val);
    case "rec":
      return t.fields.some((f) => holdsSym(f.ty));
    case "seq":
    case "option":
      return holdsSym(t.elem);
    default:
      return false;
  }
}

/** Symmetric types that appear in a type, as values or keys. */
function symsOf(t: Ty, out: Set<number> = new Set()): Set<number> {
  switch (t.k) {
    case "int":
      if (t.sym !== undefined) out.add(t.sym);
      break;
    case "set":
      symsOf(t.elem, out);
      break;
    case "map":
      symsOf(t.key, out);
      symsOf(t.val, out);
      break;
    case "rec":
      for (const f of t.fields) symsOf(f.ty, out);
      break;
    case "seq":
    case "option":
      symsOf(t.elem, out);
      break;
  }
  return out;
}

/** Symmetric types a state of type `t` holds in a form the explorer cannot permute: inside an
 * option (one slot: an index), as part of a compound set element or map key (a mixed-radix
 * index), or in a set of more than one word. Reduction is turned off for them. */
function hiddenSyms(t: Ty, out: Map<number, string>): void {
  const hide = (inner: Ty, where: string) => {
    for (const k of symsOf(inner)) if (!out.has(k)) out.set(k, where);
  };
  switch (t.k) {
    case "option":
      hide(t.elem, "inside an option");
      break;
    case "set":
      if (t.elem.k === "rec" || t.elem.k === "option") hide(t.elem, "inside the elements of a set of tuples, records or options");
      else if (slotCount(t) > 1) hide(t.elem, "as the elements of a set wider than 32");
      break;
    case "map":
      if (t.key.k === "rec" || t.key.k === "option") hide(t.key, "inside a compound map key");
      hiddenSyms(t.val, out);
      break;
    case "rec":
      for (const f of t.fields) hiddenSyms(f.ty, out);
      break;
    case "seq":
      if (t.elem.k !== "any") hiddenSyms(t.elem, out);
      break;
    default:
      break;
  }
}

/** Checks the rules; returns the spec's symmetric types, those whose rules are broken marked so. */
export function checkSymmetry(checker: Checker, spec: I.Spec): I.SymmetricType[] {
  if (spec.symmetric.length === 0) return [...spec.symmetric];
  const broken = new Map<number, string>();
  // `x += 1` holds its place's index twice (target and value): report each problem once.
  const said = new Set<string>();
  const c = {
    /** A rule broken at `span` by values of the types `tys`: a warning; no reduction by them. */
    error(span: I.Expr["span"], message: string, _hint: string | undefined, ...tys: Ty[]): void {
      const key = `${span.start}:${span.end}:${message}`;
      if (said.has(key)) return;
      said.add(key);
      const syms = new Set<number>();
      for (const t of tys) symsOf(t, syms);
      for (const k of syms) if (!broken.has(k)) broken.set(k, message);
      const names = [...syms].map((k) => `\`${spec.symmetric[k].name}\``).join(" and ");
      checker.warn(span, message, `so ${names || "the symmetric types"} will be explored without symmetry reduction: values of a symmetric type are interchangeable names, only compared with == or != and used as map keys, set elements and parameters`);
    },
  };
  const text = (span: I.Expr["span"]) => src(checker, span);
  const name = (t: Ty): string => {
    const s = symOf(t) ?? (t.k === "set" && t.elem.k === "int" ? t.elem.sym : undefined);
    return s !== undefined ? spec.symmetric[s].name : "?";
  };
  const HINT = "values of a symmetric type are interchangeable names: compare them with == or !=, use them as map keys, set elements and parameters";
  const isSym = (e: I.Expr) => symOf(e.ty) !== undefined;
  const desc = (t: Ty): string => {
    if (t.k === "int") return t.sym !== undefined ? `a value of the symmetric type \`${spec.symmetric[t.sym].name}\`` : "a plain integer";
    return `\`${showType(t, false)}\``;
  };
  const mixed = (span: I.Expr["span"], a: Ty, b: Ty, what: string) => {
    c.error(span, `${what} puts ${desc(a)} where ${desc(b)} belongs`, HINT, a, b);
  };

  /** Rule 4: maps keyed by T take values of T; queues are never indexed by one. */
  const indexRule = (index: I.Expr, container: Ty, what: string): void => {
    if (container.k === "map" && symMismatch(index.ty, container.key)) {
      c.error(index.span, `${what} is keyed by ${showType(container.key, false)}, but \`${text(index.span)}\` is ${showType(index.ty, false)}`, HINT, container.key, index.ty);
    }
    if (container.k === "seq" && isSym(index)) c.error(index.span, `a queue cannot be indexed by \`${text(index.span)}\`, a value of the symmetric type \`${name(index.ty)}\``, HINT, index.ty);
  };

  /** The rules about one expression node (its subexpressions are visited by forEachExpr). */
  const rule = (e: I.Expr): void => {
    switch (e.k) {
      case "arith":
      case "neg": {
        const s = (e.k === "arith" ? [e.l, e.r] : [e.e]).find(isSym);
        if (s) c.error(e.span, `arithmetic on \`${text(s.span)}\`, a value of the symmetric type \`${name(s.ty)}\``, HINT, s.ty);
        return;
      }
      case "cmp": {
        const s = [e.l, e.r].find(isSym);
        if (s) c.error(e.span, `values of the symmetric type \`${name(s.ty)}\` are not ordered`, "compare them with == or !=", s.ty);
        return;
      }
      case "eq":
      case "subset":
      case "setop":
        if (symMismatch(e.l.ty, e.r.ty)) {
          const s = isSym(e.l) || holdsSym(e.l.ty) ? e.l : e.r;
          const o = s === e.l ? e.r : e.l;
          c.error(e.span, `\`${text(s.span)}\` (of the symmetric type \`${name(s.ty)}\`) is compared with \`${text(o.span)}\`, which is not of that type`, HINT, e.l.ty, e.r.ty);
        }
        return;
      case "in": {
        const elemTy = e.coll.ty.k === "set" || e.coll.ty.k === "seq" ? e.coll.ty.elem : e.elem.ty;
        if (symMismatch(e.elem.ty, elemTy)) mixed(e.span, e.elem.ty, e.coll.ty, "`in`");
        return;
      }
      case "index":
        indexRule(e.index, e.target.ty, `\`${text(e.target.span)}\``);
        return;
      case "fit":
        if (symMismatch(e.e.ty, e.ty)) mixed(e.span, e.e.ty, e.ty, `\`${text(e.span)}\``);
        return;
      case "fill":
        if (symMismatch(e.e.ty, e.ty.val)) mixed(e.span, e.e.ty, e.ty.val, "this value");
        return;
      case "ite":
        if (symMismatch(e.t.ty, e.e.ty)) mixed(e.span, e.t.ty, e.e.ty, "this `if`");
        return;
      case "call":
        e.args.forEach((a, i) => {
          const p = spec.defs[e.def]?.params[i];
          if (p && symMismatch(a.ty, p.ty)) mixed(a.span, a.ty, p.ty, `argument \`${p.name}\` of \`${spec.defs[e.def].name}\``);
        });
        return;
      case "builtin": {
        const s = ["div", "div_up", "mul_div", "mul_div_up", "min", "max", "abs", "floor", "ceil"].includes(e.fn) ? e.args.find(isSym) : undefined;
        if (s) c.error(e.span, `\`${e.fn}\` of \`${text(s.span)}\`, a value of the symmetric type \`${name(s.ty)}\``, HINT, s.ty);
        if (e.fn === "push" && e.args[0].ty.k === "seq" && symMismatch(e.args[1].ty, e.args[0].ty.elem)) mixed(e.args[1].span, e.args[1].ty, e.args[0].ty.elem, "`push`");
        if (e.fn === "remove_at") indexRule(e.args[1], e.args[0].ty, "`remove_at`");
        return;
      }
      case "agg":
        if (e.body && (e.op === "sum" || e.op === "min" || e.op === "max") && isSym(e.body)) {
          c.error(e.body.span, `\`${e.op}\` of \`${text(e.body.span)}\`, a value of the symmetric type \`${name(e.body.ty)}\``, HINT, e.body.ty);
        }
        return;
      case "setLit":
      case "seqLit":
        for (const x of e.elems) if (e.ty.elem.k !== "any" && symMismatch(x.ty, e.ty.elem)) mixed(x.span, x.ty, e.ty.elem, "this literal");
        return;
      case "recLit":
        e.fields.forEach((f, i) => {
          if (symMismatch(f.ty, e.ty.fields[i].ty)) mixed(f.span, f.ty, e.ty.fields[i].ty, `field \`${e.ty.fields[i].name}\``);
        });
        return;
      default:
        return;
    }
  };
  const expr = (e: I.Expr): void => forEachExpr(e, rule);

  /** The rules about assignments (places and stored values), in nested blocks too. */
  const assignments = (ss: readonly I.Stmt[]): void => {
    for (const s of ss) {
      if (s.k === "if") {
        assignments(s.then);
        assignments(s.else);
      }
      if (s.k === "for") assignments(s.body);
      if (s.k !== "assign") continue;
      let ty: Ty = spec.vars[s.place.var].ty;
      for (const step of s.place.path) {
        if (step.k === "index") {
          indexRule(step.index, ty, "this map");
          ty = ty.k === "map" ? ty.val : ty.k === "seq" && ty.elem.k !== "any" ? ty.elem : ty;
        } else if (ty.k === "rec") ty = ty.fields[step.field].ty;
      }
      if (symMismatch(s.value.ty, s.place.ty)) mixed(s.span, s.value.ty, s.place.ty, "this assignment");
    }
  };

  spec.vars.forEach((v) => {
    const hidden = new Map<number, string>();
    hiddenSyms(v.ty, hidden);
    for (const [k, where] of hidden) {
      const t = spec.symmetric[k];
      c.error(v.span, `\`${v.name}\` holds values of the symmetric type \`${t.name}\` ${where}, which symmetry reduction does not permute`, undefined, t.ty);
    }
    if (symMismatch(v.init.ty, v.ty)) {
      c.error(v.init.span, `the initial value of \`${v.name}\` is not symmetric: no value of ${holdsSym(v.ty) ? "a symmetric type" : "it"} is special`, undefined, v.ty, v.init.ty);
    }
    expr(v.init);
  });
  spec.defs.forEach((d) => {
    if (symMismatch(d.body.ty, d.ret)) mixed(d.span, d.body.ty, d.ret, `the result of \`${d.name}\``);
    expr(d.body);
  });
  spec.actions.forEach((a) => {
    forEachStmtExpr(a.body, rule);
    assignments(a.body);
    loopOrderRule(a.body, (s, sym, why) => {
      const t = spec.symmetric[sym];
      c.error(s.span, `this loop over \`${t.name}\` may depend on the order of \`${t.name}\`'s values: ${why}`, undefined, { k: "int", lo: t.ty.lo, hi: t.ty.hi, sym });
    });
  });
  [...spec.invariants, ...spec.steps].forEach((p) => expr(p.expr));
  return spec.symmetric.map((t, k) => (broken.has(k) ? { ...t, broken: broken.get(k)! } : t));
}
