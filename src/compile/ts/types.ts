// Spec types as TypeScript types. Two views of one IR type:
//   declared: where the spec declares a type (state variables, parameters, record fields): ints as
//     literal unions (`0 | 1 | 2`) or their named alias, enums as string-literal unions, records as
//     readonly object types, maps as ReadonlyMaps, sets as ReadonlySets, queues as readonly arrays;
//   computed: what an expression evaluates to (ints are plain `number`, since arithmetic leaves the
//     declared range until a `well_typed` check brings it back).
// Plus the values of a scalar type as an array expression (aggregate and action domains) and
// constant values as TypeScript literals (the initial state).

import type * as I from "../../ir/ir.js";
import type { Value } from "../../ir/eval.js";
import { cardinality, scalarLo, type ScalarTy, type Ty } from "../../ir/types.js";
import { propKey } from "./names.js";
import { jsString } from "./escape.js";

/** Ints with at most this many values get a literal union type; wider ones are `number`. */
export const UNION_MAX = 64;

function sameType(a: Ty, b: Ty): boolean {
  if (a.k !== b.k) return false;
  switch (a.k) {
    case "int":
      return a.lo === (b as I.IntTy).lo && a.hi === (b as I.IntTy).hi;
    case "enum":
      return a.id === (b as I.EnumTy).id;
    case "set":
      return sameType(a.elem, (b as I.SetTy).elem);
    case "map":
      return sameType(a.key, (b as I.MapTy).key) && sameType(a.val, (b as I.MapTy).val);
    case "rec": {
      const f = (b as I.RecTy).fields;
      return a.fields.length === f.length && a.fields.every((x, i) => x.name === f[i].name && sameType(x.ty, f[i].ty));
    }
    case "seq":
      return a.cap === (b as I.SeqTy).cap && sameType(a.elem, (b as I.SeqTy).elem);
    default:
      return true;
  }
}

function arrayOf(elem: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(elem) ? `readonly ${elem}[]` : `ReadonlyArray<${elem}>`;
}

export class TsTypes {
  /** Spec type name -> TypeScript alias. */
  private readonly aliases = new Map<string, string>();

  constructor(
    private readonly spec: I.Spec,
    aliasOf: (specName: string) => string,
  ) {
    for (const t of spec.types) this.aliases.set(t.name, aliasOf(t.name));
  }

  /** The alias of a named type when `ty` is exactly that type. */
  alias(ty: Ty): string | null {
    if (ty.k === "enum") {
      if (ty.id < 0) return "ActionName";
      const t = this.spec.types.find((x) => x.ty.k === "enum" && x.ty.id === ty.id);
      return t ? this.aliases.get(t.name)! : null;
    }
    const name = "name" in ty ? ty.name : undefined;
    if (!name) return null;
    const t = this.spec.types.find((x) => x.name === name);
    return t && sameType(t.ty, ty) ? this.aliases.get(t.name)! : null;
  }

  /** The declared view, structurally (ignoring `ty`'s own alias): a named type's definition. */
  structural(ty: Ty): string {
    return this.render(ty, (t) => this.decl(t), true);
  }

  /** The declared view: the alias when `ty` is a named type, else its structure. */
  decl(ty: Ty): string {
    return this.alias(ty) ?? this.structural(ty);
  }

  /** The computed view: ints are `number`, compound types built of computed views (map keys stay
   * declared: they are always a key type's values). */
  value(ty: Ty): string {
    if (ty.k === "enum") return this.decl(ty);
    return this.render(ty, (t) => this.value(t), false);
  }

  private render(ty: Ty, inner: (t: Ty) => string, declared: boolean): string {
    switch (ty.k) {
      case "bool":
        return "boolean";
      case "int":
        if (!declared || ty.hi - ty.lo + 1 > UNION_MAX) return "number";
        return Array.from({ length: ty.hi - ty.lo + 1 }, (_, i) => String(ty.lo + i)).join(" | ");
      case "enum":
        return ty.members.map((m) => jsString(m)).join(" | ");
      case "set":
        return `ReadonlySet<${inner(ty.elem)}>`;
      case "map":
        return `ReadonlyMap<${this.decl(ty.key)}, ${inner(ty.val)}>`;
      case "rec":
        return ty.fields.length === 0 ? "{}" : `{ ${ty.fields.map((f) => `readonly ${propKey(f.name)}: ${inner(f.ty)}`).join("; ")} }`;
      case "seq":
        return arrayOf(inner(ty.elem));
      case "any":
      case "error":
        return "never";
    }
  }

  /** Whether a declared int type is the plain `number` (too wide for a union). */
  isWideInt(ty: Ty): boolean {
    return ty.k === "int" && ty.hi - ty.lo + 1 > UNION_MAX;
  }

  /** An array expression holding every value of a scalar type, ascending, typed precisely. */
  domain(ty: ScalarTy, useHelper: (name: string) => void): string {
    const alias = this.alias(ty);
    if (alias && ty.k !== "enum") return alias;
    if (ty.k === "enum") return alias ?? `[${ty.members.map((m) => jsString(m)).join(", ")}] as const`;
    if (ty.k === "bool") return "[false, true] as const";
    if (cardinality(ty) > UNION_MAX) {
      useHelper("range");
      return `range(${ty.lo}, ${ty.hi})`;
    }
    return `[${Array.from({ length: cardinality(ty) }, (_, i) => scalarLo(ty) + i).join(", ")}] as const`;
  }

  /** The literal for a scalar's code. */
  scalar(ty: Ty, code: number): string {
    if (ty.k === "bool") return code !== 0 ? "true" : "false";
    if (ty.k === "enum") return jsString(ty.members[code] ?? `#${code}`);
    return String(code);
  }

  /** A constant value (eval.ts form) as a TypeScript literal of the declared type `ty`. */
  literal(ty: Ty, v: Value): string {
    switch (ty.k) {
      case "bool":
        return v ? "true" : "false";
      case "int":
        return String(v);
      case "enum":
        return this.scalar(ty, v as number);
      case "set": {
        const elems = (v as number[]).map((c) => this.scalar(ty.elem, c));
        return elems.length === 0 ? `new Set<${this.decl(ty.elem)}>()` : `new Set<${this.decl(ty.elem)}>([${elems.join(", ")}])`;
      }
      case "map": {
        const lo = scalarLo(ty.key);
        const entries = (v as Value[]).map((x, i) => `[${this.scalar(ty.key, lo + i)}, ${this.literal(ty.val, x)}]`);
        return `new Map<${this.decl(ty.key)}, ${this.decl(ty.val)}>([${entries.join(", ")}])`;
      }
      case "rec":
        return `{ ${ty.fields.map((f, i) => `${propKey(f.name)}: ${this.literal(f.ty, (v as Value[])[i])}`).join(", ")} }`;
      case "seq":
        return `[${(v as Value[]).map((x) => this.literal(ty.elem, x)).join(", ")}]`;
      default:
        return "undefined as never";
    }
  }
}
