// When one type can stand for another: assignment (with the scalar-fills-a-map rule) and the join of
// two branches. Integer intervals never make types incompatible: the value is range-checked at the
// assignment instead.

import { ANY, type ScalarTy, type Ty } from "../ir/types.js";

export function sameKey(a: ScalarTy, b: ScalarTy): boolean {
  if (a.k !== b.k) return false;
  if (a.k === "int" && b.k === "int") return a.lo === b.lo && a.hi === b.hi;
  if (a.k === "enum" && b.k === "enum") return a.id === b.id;
  return true;
}

/** The type both `a` and `b` fit in, or null if they are not the same kind of value. */
export function unify(a: Ty, b: Ty): Ty | null {
  if (a.k === "error") return b;
  if (b.k === "error") return a;
  if (a.k === "any") return b;
  if (b.k === "any") return a;
  switch (a.k) {
    case "bool":
      return b.k === "bool" ? a : null;
    case "int":
      if (b.k !== "int") return null;
      if (a.lo === b.lo && a.hi === b.hi && a.name === b.name && a.sym === b.sym) return a;
      return a.sym !== undefined && a.sym === b.sym
        ? { k: "int", lo: Math.min(a.lo, b.lo), hi: Math.max(a.hi, b.hi), sym: a.sym }
        : { k: "int", lo: Math.min(a.lo, b.lo), hi: Math.max(a.hi, b.hi) };
    case "enum":
      return b.k === "enum" && a.id === b.id ? a : null;
    case "set": {
      if (b.k !== "set") return null;
      const elem = unify(a.elem, b.elem);
      if (elem === null || elem.k === "error") return elem === null ? null : a;
      return elem === a.elem ? a : elem === b.elem ? b : { k: "set", elem: elem as ScalarTy };
    }
    case "map": {
      if (b.k !== "map" || !sameKey(a.key, b.key)) return null;
      const val = unify(a.val, b.val);
      if (val === null) return null;
      return val === a.val ? a : { k: "map", key: a.key, val };
    }
    case "rec": {
      if (b.k !== "rec" || a.fields.length !== b.fields.length) return null;
      const fields = [];
      for (let i = 0; i < a.fields.length; i++) {
        if (a.fields[i].name !== b.fields[i].name) return null;
        const t = unify(a.fields[i].ty, b.fields[i].ty);
        if (t === null) return null;
        fields.push({ name: a.fields[i].name, ty: t });
      }
      return fields.every((f, i) => f.ty === a.fields[i].ty) ? a : { k: "rec", fields };
    }
    case "seq": {
      if (b.k !== "seq") return null;
      const elem = unify(a.elem, b.elem);
      if (elem === null) return null;
      return elem === a.elem && a.cap >= b.cap ? a : { k: "seq", elem, cap: Math.max(a.cap, b.cap) };
    }
  }
}

export type Fit = "ok" | "fill" | "no";

/** Whether a value of type `from` can be stored where `to` is expected ("fill": a map of copies). */
export function fits(from: Ty, to: Ty): Fit {
  if (from.k === "error" || to.k === "error") return "ok";
  if (to.k === "map" && from.k !== "map") return fits(from, to.val) === "no" ? "no" : "fill";
  if (to.k === "any") return "ok";
  return unify(from, to) === null ? "no" : "ok";
}

export { ANY };

/** Whether storing a `from` value where `to` is expected needs a run-time check (a range, a set's
 * element range or a queue's capacity that the static types do not already guarantee). */
export function needsFit(from: Ty, to: Ty): boolean {
  switch (to.k) {
    case "int":
      return from.k === "int" && (from.lo < to.lo || from.hi > to.hi);
    case "set":
      return (
        from.k === "set" && to.elem.k === "int" && from.elem.k === "int" && (from.elem.lo < to.elem.lo || from.elem.hi > to.elem.hi)
      );
    case "map":
      return from.k === "map" ? needsFit(from.val, to.val) : needsFit(from, to.val);
    case "rec":
      return from.k === "rec" && from.fields.some((f, i) => to.fields[i] !== undefined && needsFit(f.ty, to.fields[i].ty));
    case "seq":
      return from.k === "seq" && (from.cap > to.cap || (to.elem.k !== "any" && needsFit(from.elem, to.elem)));
    default:
      return false;
  }
}
