// Types of the typed IR. Every type is finite; integer types carry their interval, which is the
// declared range for variables and parameters and a proven bound for computed values.

import { fracText } from "./rational.js";

export interface BoolTy {
  readonly k: "bool";
}
/** A number type. Plain integers have no `den`; a type with a step (`0 .. 10 step 1/2`) or a
 * computed fraction has one, and then `lo`, `hi` and `step` are scaled by it: the values are
 * `(lo + k * step) / den` up to `hi / den` (src/ir/finite.ts). Slots and compiled code hold the
 * scaled integer. */
export interface IntTy {
  readonly k: "int";
  readonly lo: number;
  readonly hi: number;
  /** The common denominator (>= 1; absent means 1). */
  readonly den?: number;
  /** The declared step, scaled by `den` (absent means 1: every scaled integer in range). */
  readonly step?: number;
  /** The declared name (`Amount`), for messages; absent on computed values. */
  readonly name?: string;
  /** Index of the `symmetric` type this value belongs to, if any. */
  readonly sym?: number;
}
export interface EnumTy {
  readonly k: "enum";
  readonly name: string;
  readonly members: readonly string[];
  /** Unique per declared enum; the built-in enum of action names is -1. */
  readonly id: number;
}
/** The element type of `{}` and `[]`: fits any set or queue. */
export interface AnyTy {
  readonly k: "any";
}
/** A set of any finite type: a bitset over its elements' positions (src/ir/finite.ts). */
export interface SetTy {
  readonly k: "set";
  readonly elem: Ty | AnyTy;
  readonly name?: string;
}
/** A map over a finite key type: a slot array over the keys' indexes. */
export interface MapTy {
  readonly k: "map";
  readonly key: Ty;
  readonly val: Ty;
  readonly name?: string;
}
export interface RecField {
  readonly name: string;
  readonly ty: Ty;
}
/** Records, and tuples (`tuple`: fields named "0", "1", ...). */
export interface RecTy {
  readonly k: "rec";
  readonly fields: readonly RecField[];
  readonly tuple?: boolean;
  readonly name?: string;
}
/** `option<T>`: one slot, 0 for `none`, 1 + the index of the value for `some` (elem `any`: the
 * type of a bare `none`). */
export interface OptTy {
  readonly k: "option";
  readonly elem: Ty | AnyTy;
  readonly name?: string;
}
export interface SeqTy {
  readonly k: "seq";
  readonly elem: Ty | AnyTy;
  readonly cap: number;
  readonly name?: string;
}
/** The type of an expression whose error was already reported: silences follow-up errors. */
export interface ErrTy {
  readonly k: "error";
}

export type ScalarTy = BoolTy | IntTy | EnumTy;
export type Ty = ScalarTy | SetTy | MapTy | RecTy | OptTy | SeqTy | AnyTy | ErrTy;

export const BOOL: BoolTy = { k: "bool" };
export const ERR: ErrTy = { k: "error" };
export const ANY: AnyTy = { k: "any" };

export function isScalar(t: Ty): t is ScalarTy {
  return t.k === "bool" || t.k === "int" || t.k === "enum";
}

/** Values held in one slot and one JS number: scalars, options and one-word sets. */
export function isWord(t: Ty): boolean {
  return t.k === "bool" || t.k === "int" || t.k === "enum" || t.k === "option" || (t.k === "set" && setWords(t.elem) === 1);
}

/** A number type's denominator (1 for integers). */
export function denOf(t: IntTy): number {
  return t.den ?? 1;
}

/** A number type's step, scaled by its denominator (1 for integers and computed values). */
export function stepOf(t: IntTy): number {
  return t.step ?? 1;
}

/** Integers with no step: the types whose set bits sit at their values' own positions. */
export function isPlainInt(t: Ty): t is IntTy {
  return t.k === "int" && denOf(t) === 1 && stepOf(t) === 1;
}

/** Bits per set word. */
export const WORD_BITS = 32;

/** Words of a set over `elem`: plain integers sit at their own bit positions, word-aligned (so
 * sets over different ranges of integers line up without shifting); every other element type at
 * its index (src/ir/finite.ts). */
export function setWords(elem: Ty): number {
  if (elem.k === "any" || elem.k === "error") return 1;
  if (isPlainInt(elem)) return Math.floor(elem.hi / WORD_BITS) - Math.floor(elem.lo / WORD_BITS) + 1;
  return Math.max(1, Math.ceil(sizeOfTy(elem) / WORD_BITS));
}

/** The number of values of a type (Infinity beyond 2^53; maps and queues: Infinity). */
export function sizeOfTy(t: Ty): number {
  switch (t.k) {
    case "bool":
      return 2;
    case "int":
      return Math.floor((t.hi - t.lo) / stepOf(t)) + 1;
    case "enum":
      return t.members.length;
    case "rec": {
      let n = 1;
      for (const f of t.fields) n *= sizeOfTy(f.ty);
      return n > Number.MAX_SAFE_INTEGER ? Infinity : n;
    }
    case "option":
      return t.elem.k === "any" ? 1 : 1 + sizeOfTy(t.elem);
    case "set": {
      const n = t.elem.k === "any" ? 0 : sizeOfTy(t.elem);
      return n > 52 ? Infinity : 2 ** n;
    }
    case "map":
    case "seq":
    case "any":
    case "error":
      return Infinity;
  }
}

/** Number of values of a scalar type. */
export function cardinality(t: ScalarTy): number {
  switch (t.k) {
    case "bool":
      return 2;
    case "int":
      return Math.floor((t.hi - t.lo) / stepOf(t)) + 1;
    case "enum":
      return t.members.length;
  }
}

/** The smallest ordinal-encoded value of a scalar type (ints: lo; enums and bools: 0). */
export function scalarLo(t: ScalarTy): number {
  return t.k === "int" ? t.lo : 0;
}

/** Number of 32-bit slots a value of this type takes in a flat state (DESIGN.md's table). */
export function slotCount(t: Ty): number {
  switch (t.k) {
    case "bool":
    case "int":
    case "enum":
    case "option":
      return 1;
    case "set":
      return setWords(t.elem);
    case "map":
      return sizeOfTy(t.key) * slotCount(t.val);
    case "rec":
      return t.fields.reduce((n, f) => n + slotCount(f.ty), 0);
    case "seq":
      return 1 + t.cap * slotCount(t.elem);
    case "any":
    case "error":
      return 0;
  }
}

/** `0 .. 20`, `0 .. 10 step 1/2`, `-1/2 .. 7/2` (a computed fraction's bounds). */
/** `0 .. 10 step 1/2`: a number type's values as a spec writes them. */
export function intervalText(t: IntTy): string {
  const d = denOf(t);
  const range = `${fracText(t.lo, d)} .. ${fracText(t.hi, d)}`;
  return t.step !== undefined && !(t.step === 1 && d === 1) ? `${range} step ${fracText(t.step, d)}` : range;
}

/** How a type reads in a message: `Amount (0 .. 20)`, `map<Account, Amount>`, `int`. */
export function showType(t: Ty, withRange = true): string {
  switch (t.k) {
    case "bool":
      return "bool";
    case "int":
      if (t.name) return withRange ? `${t.name} (${intervalText(t)})` : t.name;
      return withRange ? (denOf(t) === 1 ? "int" : "a fraction") : intervalText(t);
    case "enum":
      return t.name;
    case "any":
      return "any";
    case "error":
      return "<error>";
    case "set":
      return t.name ?? `set<${showType(t.elem, false)}>`;
    case "map":
      return t.name ?? `map<${showType(t.key, false)}, ${showType(t.val, false)}>`;
    case "rec":
      if (t.name) return t.name;
      if (t.tuple) return `(${t.fields.map((f) => showType(f.ty, false)).join(", ")})`;
      return `{ ${t.fields.map((f) => `${f.name}: ${showType(f.ty, false)}`).join(", ")} }`;
    case "option":
      return t.name ?? `option<${showType(t.elem, false)}>`;
    case "seq":
      return t.name ?? `seq<${showType(t.elem, false)}, ${t.cap}>`;
  }
}

/** `0 .. 20` for ints, for "outside its type" messages; for a map or queue, its entries' type. */
export function showRange(t: Ty): string {
  if (t.k === "int") return t.name ? `${t.name} (${intervalText(t)})` : intervalText(t);
  if (t.k === "map" && t.val.k !== "rec") return showRange(t.val);
  if (t.k === "set" && t.elem.k === "int") return `${showType(t)} (elements ${intervalText(t.elem)})`;
  return showType(t);
}
