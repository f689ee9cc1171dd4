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
import { elemKey, setBase, valueAt } from "../../ir/finite.js";
import { Rat } from "../../ir/rational.js";
import { cardinality, denOf, isPlainInt, stepOf, type Ty } from "../../ir/types.js";
import { propKey } from "./names.js";
import { jsString } from "./escape.js";

/** The TypeScript type of a number of a fraction type (see helpers-values.ts). */
export const FRACTION_TS = "number | Fraction";

/** A number (an evaluator value: a JS number, or a Rat) as a TypeScript literal. */
export function numLiteral(v: Value): string {
  if (v instanceof Rat) return `{ num: ${v.n}, den: ${v.d} }`;
  return String(v);
}

/** Ints with at most this many values get a literal union type; wider ones are `number`. */
export const UNION_MAX = 64;

function sameType(a: Ty, b: Ty): boolean {
  if (a.k !== b.k) return false;
  switch (a.k) {
    case "int":
      return a.lo === (b as I.IntTy).lo && a.hi === (b as I.IntTy).hi && denOf(a) === denOf(b as I.IntTy) && stepOf(a) === stepOf(b as I.IntTy);
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
    case "option":
      return sameType(a.elem, (b as I.OptTy).elem);
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
        if (denOf(ty) > 1) return FRACTION_TS;
        if (!declared || cardinality(ty) > UNION_MAX) return "number";
        return Array.from({ length: cardinality(ty) }, (_, i) => String(ty.lo + i * stepOf(ty))).join(" | ");
      case "enum":
        return ty.members.map((m) => jsString(m)).join(" | ");
      case "set":
        return `ReadonlySet<${inner(ty.elem)}>`;
      case "map":
        return `ReadonlyMap<${this.decl(ty.key)}, ${inner(ty.val)}>`;
      case "rec":
        if (ty.tuple) return `readonly [${ty.fields.map((f) => inner(f.ty)).join(", ")}]`;
        return ty.fields.length === 0 ? "{}" : `{ ${ty.fields.map((f) => `readonly ${propKey(f.name)}: ${inner(f.ty)}`).join("; ")} }`;
      case "seq":
        return arrayOf(inner(ty.elem));
      case "option":
        return `Option<${inner(ty.elem)}>`;
      case "any":
      case "error":
        return "never";
    }
  }

  /** Whether a declared number type is not a union of literals (too wide, or fractions). */
  isWideInt(ty: Ty): boolean {
    return ty.k === "int" && (denOf(ty) > 1 || cardinality(ty) > UNION_MAX);
  }

  /** The values of a number type as an array expression, never its alias (the alias's own
   * definition). */
  domainOf(ty: I.IntTy, useHelper: (name: string) => void): string {
    return this.domain({ ...ty, name: undefined }, useHelper);
  }

  /** An array expression holding every value of a choice type (a finite type, or a set type's
   * subsets), in stakecheck's instance order, typed precisely. */
  domain(ty: Ty, useHelper: (name: string) => void): string {
    const alias = this.alias(ty);
    if (alias && (ty.k === "int" || ty.k === "bool")) return alias;
    switch (ty.k) {
      case "enum":
        return alias ?? `[${ty.members.map((m) => jsString(m)).join(", ")}] as const`;
      case "bool":
        return "[false, true] as const";
      case "int":
        if (denOf(ty) > 1) {
          useHelper("fractions");
          return `fractions(${ty.lo}, ${ty.hi}, ${denOf(ty)}, ${stepOf(ty)})`;
        }
        if (cardinality(ty) > UNION_MAX) {
          useHelper(stepOf(ty) === 1 ? "range" : "stepRange");
          return stepOf(ty) === 1 ? `range(${ty.lo}, ${ty.hi})` : `stepRange(${ty.lo}, ${ty.hi}, ${stepOf(ty)})`;
        }
        return `[${Array.from({ length: cardinality(ty) }, (_, i) => ty.lo + i * stepOf(ty)).join(", ")}] as const`;
      case "rec": {
        // Field by field, the first field outermost: index order.
        const xs = ty.fields.map((_, i) => `x${i}`);
        const value = ty.tuple ? `[${xs.join(", ")}] as const` : `({ ${ty.fields.map((f, i) => `${propKey(f.name)}: ${xs[i]}`).join(", ")} })`;
        let body = value;
        for (let i = ty.fields.length - 1; i >= 0; i--) {
          const d = this.domain(ty.fields[i].ty, useHelper);
          body = `${/^[\w$]+$/.test(d) ? d : `(${d})`}.${i === ty.fields.length - 1 ? "map" : "flatMap"}((${xs[i]}) => ${body})`;
        }
        return ty.fields.length === 0 ? `[${value}]` : body;
      }
      case "option": {
        if (ty.elem.k === "any") return `[{ tag: "None" } as const]`;
        const d = this.domain(ty.elem, useHelper);
        return `[{ tag: "None" } as const, ...${/^[\w$]+$/.test(d) ? d : `(${d})`}.map((x) => ({ tag: "Some", value: x }) as const)]`;
      }
      case "set":
        useHelper("subsets");
        return `subsets(${ty.elem.k === "any" ? "[]" : this.domain(ty.elem, useHelper)})`;
      default:
        throw new Error(`internal: ${ty.k} is not a choice type`);
    }
  }

  /** The literal for a scalar's code. */
  scalar(ty: Ty, code: number): string {
    if (ty.k === "bool") return code !== 0 ? "true" : "false";
    if (ty.k === "enum") return jsString(ty.members[code] ?? `#${code}`);
    if (ty.k === "int" && denOf(ty) > 1) return numLiteral(valueOfCode(ty, code));
    return String(code);
  }

  /** A constant value (eval.ts form) as a TypeScript literal of the declared type `ty`. */
  literal(ty: Ty, v: Value): string {
    switch (ty.k) {
      case "bool":
        return v === true || v === 1 ? "true" : "false";
      case "int":
        return numLiteral(v);
      case "enum":
        return this.scalar(ty, v as number);
      case "set": {
        const elem = ty.elem;
        const elems = elem.k === "any" ? [] : (v as Value[]).map((x) => this.literal(elem, x));
        return elems.length === 0 ? `new Set<${this.decl(ty.elem)}>()` : `new Set<${this.decl(ty.elem)}>([${elems.join(", ")}])`;
      }
      case "map": {
        const entries = (v as Value[]).map((x, i) => `[${this.literal(ty.key, valueAt(ty.key, i))}, ${this.literal(ty.val, x)}]`);
        return `new Map<${this.decl(ty.key)}, ${this.decl(ty.val)}>([${entries.join(", ")}])`;
      }
      case "rec":
        if (ty.tuple) return `[${ty.fields.map((f, i) => this.literal(f.ty, (v as Value[])[i])).join(", ")}]`;
        return `{ ${ty.fields.map((f, i) => `${propKey(f.name)}: ${this.literal(f.ty, (v as Value[])[i])}`).join(", ")} }`;
      case "option": {
        const xs = v as Value[];
        return xs.length === 0 || ty.elem.k === "any" ? `{ tag: "None" }` : `{ tag: "Some", value: ${this.literal(ty.elem, xs[0])} }`;
      }
      case "seq":
        return `[${(v as Value[]).map((x) => this.literal(ty.elem, x)).join(", ")}]`;
      default:
        return "undefined as never";
    }
  }
}

/** The value of a number type's slot code (its value times the type's denominator). */
function valueOfCode(ty: I.IntTy, code: number): Value {
  const d = denOf(ty);
  return d === 1 ? code : valueAt({ k: "int", lo: code, hi: code, den: d }, 0);
}

/** The elements of a constant set (bit positions of its first word) as evaluator values. */
export function constSetValues(elem: Ty, mask: number): Value[] {
  const out: Value[] = [];
  for (let p = 0; p < 32; p++) {
    if (!((mask >>> p) & 1)) continue;
    out.push(isPlainInt(elem) ? setBase(elem) + p : elemKey(valueAt(elem, p)));
  }
  return out;
}
