// The scalarset discipline for loops. A loop over a symmetric type T (or over a set of T's values)
// visits T's values in ascending order; permuting T's values permutes the rounds, so the loop means
// the same under every permutation only when its rounds do not interfere: each round writes only
// entries indexed by its own value (or adds a non-negative amount to a total, which commutes) and
// reads of what the loop writes only its own entries. Otherwise which value comes first would
// matter (`for v in T { if owner == none { owner = v } }` picks the smallest), and reduction by T
// would be unsound: the loop is reported and T explored without reduction. A loop over a queue
// follows the queue's own order, which permutations keep.

import type * as I from "../ir/ir.js";
import { subexpressions } from "../ir/walk.js";
import type { Ty } from "../ir/types.js";

type For = Extract<I.Stmt, { k: "for" }>;
type Assign = Extract<I.Stmt, { k: "assign" }>;

/** A symmetric type inside `t` (`t` itself, a field of a tuple or record, an option's value, a
 * subset's elements), if any. */
function symInside(t: Ty): number | undefined {
  switch (t.k) {
    case "int":
      return t.sym;
    case "rec":
      for (const f of t.fields) {
        const k = symInside(f.ty);
        if (k !== undefined) return k;
      }
      return undefined;
    case "option":
    case "set":
      return t.elem.k === "any" ? undefined : symInside(t.elem);
    default:
      return undefined;
  }
}

/** The symmetric type a loop ranges over, if any: its rounds go in the order of its values (for a
 * domain of tuples, records, options or subsets, in an order that permutations change too). */
function loopSym(s: For): number | undefined {
  const t: Ty = s.domain.k === "type" ? s.domain.ty : s.domain.k === "set" ? s.domain.elem : { k: "error" };
  return symInside(t);
}

function assignsIn(stmts: readonly I.Stmt[], out: Assign[] = []): Assign[] {
  for (const s of stmts) {
    if (s.k === "assign") out.push(s);
    else if (s.k === "if") {
      assignsIn(s.then, out);
      assignsIn(s.else, out);
    } else if (s.k === "for") assignsIn(s.body, out);
  }
  return out;
}

/** The locals that hold the loop's value: its variable, and `let`s (a proc's parameters too)
 * bound to one of them. */
function aliases(s: For): Set<number> {
  const out = new Set([s.local]);
  const walk = (stmts: readonly I.Stmt[]): void => {
    for (const x of stmts) {
      if (x.k === "let") {
        let v = x.value;
        while (v.k === "fit") v = v.e;
        if (v.k === "local" && out.has(v.id)) out.add(x.local);
      } else if (x.k === "if") {
        walk(x.then);
        walk(x.else);
      } else if (x.k === "for") walk(x.body);
    }
  };
  walk(s.body);
  return out;
}

/** `S = S union {x}` or `S = S minus {x}` with `x` the loop's value: the round's own element. */
function ownElement(s: Assign, own: (e: I.Expr) => boolean): I.Expr | null {
  const v = s.value;
  if (s.place.path.length > 0 || v.k !== "setop" || v.op === "intersect" || v.l.k !== "var" || v.l.id !== s.place.var) return null;
  return v.r.k === "setLit" && v.r.elems.length === 1 && own(v.r.elems[0]) ? v.l : null;
}

/** `x += d` or `x -= d` with `d` never negative: the read of `x` in its value is the only one. */
function accumulation(s: Assign): I.Expr | null {
  const v = s.value;
  if (v.k !== "arith" || (v.op !== "+" && v.op !== "-") || v.r.ty.k !== "int" || v.r.ty.lo < 0) return null;
  let e: I.Expr = v.l;
  for (let i = s.place.path.length - 1; i >= 0; i--) {
    const step = s.place.path[i];
    if (e.k === "index" && step.k === "index" && e.index === step.index) e = e.target;
    else if (e.k === "field" && step.k === "field" && e.field === step.field) e = e.target;
    else return null;
  }
  return e.k === "var" && e.id === s.place.var ? v.l : null;
}

/** The expressions statements evaluate (not their parts), nested blocks included. */
function topExprs(stmts: readonly I.Stmt[], out: I.Expr[] = []): I.Expr[] {
  for (const s of stmts) {
    switch (s.k) {
      case "require":
        out.push(s.cond);
        break;
      case "let":
        out.push(s.value);
        break;
      case "if":
        out.push(s.cond);
        topExprs(s.then, out);
        topExprs(s.else, out);
        break;
      case "pick":
        if (s.where) out.push(s.where);
        break;
      case "assign":
        for (const p of s.place.path) if (p.k === "index") out.push(p.index);
        out.push(s.value);
        break;
      case "for":
        if (s.domain.k === "set") out.push(s.domain.set);
        if (s.domain.k === "seq") out.push(s.domain.seq);
        topExprs(s.body, out);
        break;
    }
  }
  return out;
}

/** Why the rounds of `s` may interfere, or null. */
function interference(s: For): string | null {
  const mine = aliases(s);
  const own = (e: I.Expr) => e.k === "local" && mine.has(e.id);
  const assigns = assignsIn(s.body);
  const written = new Set(assigns.map((a) => a.place.var));
  const accumulated = new Set<I.Expr>();
  for (const a of assigns) {
    if (a.place.path.some((p) => p.k === "index" && own(p.index))) continue;
    const acc = ownElement(a, own) ?? accumulation(a);
    if (acc === null) return "a round writes a place its value does not index";
    accumulated.add(acc);
  }
  // A read of what the loop writes must be of the round's own entries (or the total it adds to).
  const readsOwn = (e: I.Expr): boolean => {
    // `x in S` for the round's own `x` reads only its own element of the set.
    if (e.k === "in" && own(e.elem) && e.coll.k === "var" && e.coll.ty.k === "set") return true;
    if (e.k === "var" || e.k === "index" || e.k === "field") {
      let root: I.Expr = e;
      let mine_ = false;
      const indexes: I.Expr[] = [];
      while (root.k === "index" || root.k === "field") {
        if (root.k === "index") {
          indexes.push(root.index);
          if (own(root.index)) mine_ = true;
        }
        root = root.target;
      }
      if (root.k === "var" && written.has(root.id) && !mine_ && !accumulated.has(e)) return false;
      if (root.k === "var") return indexes.every(readsOwn);
    }
    return subexpressions(e).every(readsOwn);
  };
  return topExprs(s.body).every(readsOwn) ? null : "a round reads what other rounds write";
}

/** Calls `report` for each loop over a symmetric type whose rounds may interfere. */
export function loopOrderRule(stmts: readonly I.Stmt[], report: (s: For, sym: number, why: string) => void): void {
  for (const s of stmts) {
    if (s.k === "if") {
      loopOrderRule(s.then, report);
      loopOrderRule(s.else, report);
    } else if (s.k === "for") {
      const sym = loopSym(s);
      const why = sym === undefined ? null : interference(s);
      if (sym !== undefined && why !== null) report(s, sym, why);
      loopOrderRule(s.body, report);
    }
  }
}
