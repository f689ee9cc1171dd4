// Types as TLA+ sets (for TypeOK, quantifiers and range checks), scalar values as TLA+ values, and
// Apalache's type annotations. Booleans are BOOLEAN, enum members strings, maps functions, records
// records, tuples tuples, sets sets, queues sequences (position p of a queue is index p + 1), and an
// option a set of at most one value (`none` is {}, `some(x)` is {x}).

import type * as I from "../ir/ir.js";
import { allValues, valueAt, type Value } from "../ir/finite.js";
import { toScaled, type Num } from "../ir/rational.js";
import { cardinality, isPlainInt, scalarLo, stepOf } from "../ir/types.js";
import { assertNever } from "../util/assert-never.js";
import type { ModuleCtx } from "./context.js";
import { factor, times } from "./scale.js";
import { app, bin, id, index, num, setEnum, str, tuple, type T } from "./tla.js";

const bound = new WeakMap<ModuleCtx, string>();
/** A bound name of the module's own, for the set comprehensions below (never clashes). */
export function boundName(m: ModuleCtx): string {
  let n = bound.get(m);
  if (n === undefined) {
    n = m.names.derived("elem");
    bound.set(m, n);
  }
  return n;
}

function sameTy(a: I.Ty, b: I.Ty): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The operator of a named type, if `ty` is that type exactly. */
function named(m: ModuleCtx, ty: I.Ty): T | null {
  const name = "name" in ty ? ty.name : undefined;
  if (name === undefined) return null;
  const t = m.types.get(name);
  return t && sameTy(t.ty, ty) ? id(t.op) : null;
}

/** The set of a type's values. `declaring` spells the type out even if it has a name. */
export function typeSet(m: ModuleCtx, ty: I.Ty, declaring = false): T {
  if (!declaring) {
    const n = named(m, ty);
    if (n) return n;
  }
  switch (ty.k) {
    case "bool":
      return id("BOOLEAN");
    case "int":
      return intSet(m, ty);
    case "enum":
      if (!declaring) return id(m.enumSets.get(ty.id)!);
      return setEnum(m.enumMembers.get(ty.id)!.map(id));
    case "set":
      return { k: "prefix", op: "SUBSET", e: elemSet(m, ty.elem) };
    case "map":
      return { k: "fnSet", dom: typeSet(m, ty.key), rng: typeSet(m, ty.val) };
    case "rec": {
      if (!ty.tuple) return { k: "recSet", fields: ty.fields.map((f) => [m.names.field(f.name), typeSet(m, f.ty)] as const) };
      // A \X B written as a set of tuples built from a set of records (\X does not nest as a binary operator).
      const r = boundName(m);
      const recs: T = { k: "recSet", fields: ty.fields.map((f, i) => [`f${i}`, typeSet(m, f.ty)] as const) };
      return { k: "setMap", e: tuple(ty.fields.map((_, i) => ({ k: "dot", e: id(r), field: `f${i}` }) as T)), name: r, set: recs };
    }
    case "option": {
      const x = boundName(m);
      const none = setEnum([setEnum([])]);
      if (ty.elem.k === "any") return none;
      return { k: "bin", op: "\\cup", l: none, r: { k: "setMap", e: setEnum([id(x)]), name: x, set: typeSet(m, ty.elem) } };
    }
    case "seq":
      m.helpers.add("BSeq");
      return app("BSeq", elemSet(m, ty.elem), num(ty.cap));
    case "any":
    case "error":
      throw new Error(`internal: no set for type ${ty.k}`);
    default:
      return assertNever(ty);
  }
}

/** A number type's values, scaled by the module's denominator (src/export/scale.ts). */
function intSet(m: ModuleCtx, ty: I.IntTy): T {
  const f = factor(m.scale, ty);
  const st = stepOf(ty);
  if (f === 1 && st === 1) return bin("..", num(ty.lo), num(ty.hi));
  const x = boundName(m);
  if (st === 1) return { k: "setMap", e: times(id(x), f), name: x, set: bin("..", num(ty.lo), num(ty.hi)) };
  const e = ty.lo === 0 ? times(id(x), st * f) : bin("+", num(ty.lo * f), times(id(x), st * f));
  return { k: "setMap", e, name: x, set: bin("..", num(0), num((ty.hi - ty.lo) / st)) };
}

function elemSet(m: ModuleCtx, ty: I.Ty): T {
  return ty.k === "any" ? setEnum([]) : typeSet(m, ty);
}

/** The TLA+ value of a scalar's code (ints scaled to the module's denominator, bools 0/1, enum
 * ordinals). */
export function scalarValue(m: ModuleCtx, ty: I.ScalarTy, code: number): T {
  switch (ty.k) {
    case "bool":
      return { k: "bool", v: code !== 0 };
    case "int":
      return num(code * factor(m.scale, ty));
    case "enum":
      return ty.id === -1 ? str(m.enumMembers.get(-1)![code]) : id(m.enumMembers.get(ty.id)![code]);
    default:
      return assertNever(ty);
  }
}

/** Every value of a scalar type, in stakecheck's order (ascending codes). */
export function scalarValues(m: ModuleCtx, ty: I.ScalarTy): T[] {
  const lo = scalarLo(ty);
  const st = ty.k === "int" ? stepOf(ty) : 1;
  return Array.from({ length: cardinality(ty) }, (_, i) => scalarValue(m, ty, lo + i * st));
}

/** The set a bitmask constant stands for. */
export function maskSet(m: ModuleCtx, ty: I.SetTy, mask: number): T {
  if (ty.elem.k === "any") return setEnum([]);
  const elem = ty.elem;
  const out: T[] = [];
  // Scalars sit at their codes' positions; other elements at their indexes (src/ir/finite.ts).
  const atCode = elem.k === "bool" || elem.k === "enum" || (elem.k === "int" && isPlainInt(elem));
  for (let i = 0; i < 31; i++) if (mask & (1 << i)) out.push(atCode ? scalarValue(m, elem as I.ScalarTy, i) : valueTla(m, elem, valueAt(elem, i)));
  return setEnum(out);
}

/** An option constant's value: 0 is none, 1 + i is some of the payload's value with index i. */
export function optionConst(m: ModuleCtx, ty: I.OptTy, code: number): T {
  return code === 0 || ty.elem.k === "any" ? setEnum([]) : setEnum([valueTla(m, ty.elem, valueAt(ty.elem, code - 1))]);
}

/** A reference evaluator's value (src/ir/finite.ts) as a TLA+ value (numbers scaled). */
export function valueTla(m: ModuleCtx, ty: I.Ty, v: Value): T {
  switch (ty.k) {
    case "bool":
      return { k: "bool", v: v === true || v === 1 };
    case "int": {
      const code = toScaled(v as Num, m.scale);
      if (code === null) throw new Error("internal: a number the module's denominator does not scale");
      return num(code);
    }
    case "enum":
      return scalarValue(m, ty, v as number);
    case "rec": {
      const xs = (v as Value[]).map((x, i) => valueTla(m, ty.fields[i].ty, x));
      return ty.tuple ? tuple(xs) : { k: "rec", fields: ty.fields.map((f, i) => [m.names.field(f.name), xs[i]] as const) };
    }
    case "option":
    case "set": {
      const elem = ty.elem;
      return setEnum(elem.k === "any" ? [] : (v as Value[]).map((x) => valueTla(m, elem, x)));
    }
    case "map":
    case "seq":
    case "any":
    case "error":
      throw new Error(`internal: a value of type ${ty.k}`);
    default:
      return assertNever(ty);
  }
}

/** Every value of a finite type (or every subset, for a set type), in stakecheck's order. */
export function allValuesTla(m: ModuleCtx, ty: I.Ty): T[] {
  if (ty.k === "bool" || ty.k === "int" || ty.k === "enum") return scalarValues(m, ty);
  return allValues(ty).map((v) => valueTla(m, ty, v));
}

/** Field `i` of a record or tuple value. */
export function fieldOf(m: ModuleCtx, ty: I.RecTy, e: T, i: number): T {
  return ty.tuple ? index(e, num(i + 1)) : { k: "dot", e, field: m.names.field(ty.fields[i].name) };
}

/** Apalache's type of a value of `ty` (Snowcat's syntax), for the `@type:` annotations. */
export function apalacheType(m: ModuleCtx, ty: I.Ty): string {
  switch (ty.k) {
    case "bool":
      return "Bool";
    case "int":
      return "Int";
    case "enum":
      return "Str";
    case "set":
      return `Set(${ty.elem.k === "any" ? "Int" : apalacheType(m, ty.elem)})`;
    case "map": {
      const v = apalacheType(m, ty.val);
      return `${apalacheType(m, ty.key)} -> ${ty.val.k === "map" ? `(${v})` : v}`;
    }
    case "option":
      return `Set(${ty.elem.k === "any" ? "Int" : apalacheType(m, ty.elem)})`;
    case "rec":
      if (ty.tuple) return `<<${ty.fields.map((f) => apalacheType(m, f.ty)).join(", ")}>>`;
      return `{ ${ty.fields.map((f) => `${m.names.field(f.name)}: ${apalacheType(m, f.ty)}`).join(", ")} }`;
    case "seq":
      return `Seq(${ty.elem.k === "any" ? "Int" : apalacheType(m, ty.elem)})`;
    case "any":
    case "error":
      return "Int";
    default:
      return assertNever(ty);
  }
}
