// Types as TLA+ sets (for TypeOK, quantifiers and range checks), scalar values as TLA+ values, and
// Apalache's type annotations. Booleans are BOOLEAN, enum members strings, maps functions, records
// records, sets sets, queues sequences (position p of a queue is index p + 1).

import type * as I from "../ir/ir.js";
import { cardinality, scalarLo } from "../ir/types.js";
import { assertNever } from "../util/assert-never.js";
import type { ModuleCtx } from "./context.js";
import { app, id, num, setEnum, str, type T } from "./tla.js";

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
      return { k: "bin", op: "..", l: num(ty.lo), r: num(ty.hi) };
    case "enum":
      if (!declaring) return id(m.enumSets.get(ty.id)!);
      return setEnum(m.enumMembers.get(ty.id)!.map(id));
    case "set":
      return { k: "prefix", op: "SUBSET", e: elemSet(m, ty.elem) };
    case "map":
      return { k: "fnSet", dom: typeSet(m, ty.key), rng: typeSet(m, ty.val) };
    case "rec":
      return { k: "recSet", fields: ty.fields.map((f) => [m.names.field(f.name), typeSet(m, f.ty)] as const) };
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

function elemSet(m: ModuleCtx, ty: I.Ty): T {
  return ty.k === "any" ? setEnum([]) : typeSet(m, ty);
}

/** The TLA+ value of a scalar's code (ints as they are, bools 0/1, enum ordinals). */
export function scalarValue(m: ModuleCtx, ty: I.ScalarTy, code: number): T {
  switch (ty.k) {
    case "bool":
      return { k: "bool", v: code !== 0 };
    case "int":
      return num(code);
    case "enum":
      return ty.id === -1 ? str(m.enumMembers.get(-1)![code]) : id(m.enumMembers.get(ty.id)![code]);
    default:
      return assertNever(ty);
  }
}

/** Every value of a scalar type, in stakecheck's order (ascending codes). */
export function scalarValues(m: ModuleCtx, ty: I.ScalarTy): T[] {
  const lo = scalarLo(ty);
  return Array.from({ length: cardinality(ty) }, (_, i) => scalarValue(m, ty, lo + i));
}

/** The set a bitmask constant stands for. */
export function maskSet(m: ModuleCtx, ty: I.SetTy, mask: number): T {
  if (ty.elem.k === "any") return setEnum([]);
  const elem = ty.elem;
  const out: T[] = [];
  for (let i = 0; i < 31; i++) if (mask & (1 << i)) out.push(scalarValue(m, elem, i));
  return setEnum(out);
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
    case "rec":
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
