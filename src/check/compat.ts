// When one type can stand for another: assignment (with the scalar-fills-a-map rule) and the join of
// two branches. Integer intervals never make types incompatible: the value is range-checked at the
// assignment instead.

import { lcm } from "../ir/rational.js";
import { MAX_SET_ELEMENTS } from "../ir/finite.js";
import { ANY, denOf, isPlainInt, sizeOfTy, stepOf, type IntTy, type Ty } from "../ir/types.js";

/** The most elements a set renumbered into another element type may have (unrolled code). */
export const MAX_REMAP = 256;

/** Whether two finite types number their values alike (the same index for the same value): map
 * keys, set elements of compound types and option payloads must agree this way. */
export function sameKey(a: Ty, b: Ty): boolean {
  if (a.k !== b.k) return a.k === "any" || b.k === "any";
  switch (a.k) {
    case "int": {
      const y = b as IntTy;
      return a.lo === y.lo && a.hi === y.hi && denOf(a) === denOf(y) && stepOf(a) === stepOf(y);
    }
    case "enum":
      return b.k === "enum" && a.id === b.id;
    case "rec":
      return b.k === "rec" && a.fields.length === b.fields.length && a.fields.every((f, i) => f.name === b.fields[i].name && sameKey(f.ty, b.fields[i].ty));
    case "option":
      return b.k === "option" && sameKey(a.elem, b.elem);
    case "set":
      return b.k === "set" && sameKey(a.elem, b.elem);
    default:
      return true;
  }
}

/** The join of two number types over their common denominator. */
function joinNumbers(a: IntTy, b: IntTy): IntTy {
  const den = lcm(denOf(a), denOf(b));
  const sa = den / denOf(a);
  const sb = den / denOf(b);
  const lo = Math.min(a.lo * sa, b.lo * sb);
  const hi = Math.max(a.hi * sa, b.hi * sb);
  const base: IntTy = den === 1 ? { k: "int", lo, hi } : { k: "int", lo, hi, den };
  return a.sym !== undefined && a.sym === b.sym ? { ...base, sym: a.sym } : base;
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
      if (a.lo === b.lo && a.hi === b.hi && a.name === b.name && a.sym === b.sym && denOf(a) === denOf(b) && stepOf(a) === stepOf(b)) return a;
      return joinNumbers(a, b);
    case "enum":
      return b.k === "enum" && a.id === b.id ? a : null;
    case "set": {
      if (b.k !== "set") return null;
      const elem = unify(a.elem, b.elem);
      if (elem === null || elem.k === "error") return elem === null ? null : a;
      // Plain integers sit at their own bit positions, so their sets always join; other elements
      // sit at their index: a set is renumbered element by element into the joined type, which
      // the compiler does for small sets only (src/compile/sets.ts).
      if (!(isPlainInt(a.elem) && isPlainInt(b.elem)) && !sameKey(a.elem, b.elem) && a.elem.k !== "any" && b.elem.k !== "any") {
        if (sizeOfTy(elem) > MAX_SET_ELEMENTS) return null;
        if (!sameKey(a.elem, elem) && sizeOfTy(a.elem) > MAX_REMAP) return null;
        if (!sameKey(b.elem, elem) && sizeOfTy(b.elem) > MAX_REMAP) return null;
      }
      return elem === a.elem ? a : elem === b.elem ? b : { k: "set", elem };
    }
    case "option": {
      if (b.k !== "option") return null;
      const elem = unify(a.elem, b.elem);
      if (elem === null) return null;
      return elem === a.elem ? a : elem === b.elem ? b : { k: "option", elem };
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
      return fields.every((f, i) => f.ty === a.fields[i].ty) ? a : a.tuple ? { k: "rec", fields, tuple: true } : { k: "rec", fields };
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
    case "int": {
      if (from.k !== "int") return false;
      if (denOf(to) % denOf(from) !== 0) return true;
      const m = denOf(to) / denOf(from);
      if (from.lo * m < to.lo || from.hi * m > to.hi) return true;
      return stepOf(to) > 1 && !(denOf(from) === denOf(to) && stepOf(from) % stepOf(to) === 0 && (from.lo - to.lo) % stepOf(to) === 0);
    }
    case "set":
      if (from.k !== "set" || from.elem.k === "any" || to.elem.k === "any") return false;
      if (isPlainInt(to.elem) && isPlainInt(from.elem)) return from.elem.lo < to.elem.lo || from.elem.hi > to.elem.hi;
      return !sameKey(from.elem, to.elem);
    case "option":
      return from.k === "option" && from.elem.k !== "any" && to.elem.k !== "any" && !sameKey(from.elem, to.elem) && needsFit(from.elem, to.elem);
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
