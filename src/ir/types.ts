// Types of the typed IR. Every type is finite; integer types carry their interval, which is the
// declared range for variables and parameters and a proven bound for computed values.

export interface BoolTy {
  readonly k: "bool";
}
export interface IntTy {
  readonly k: "int";
  readonly lo: number;
  readonly hi: number;
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
export interface SetTy {
  readonly k: "set";
  readonly elem: ScalarTy | AnyTy;
  readonly name?: string;
}
export interface MapTy {
  readonly k: "map";
  readonly key: ScalarTy;
  readonly val: Ty;
  readonly name?: string;
}
export interface RecField {
  readonly name: string;
  readonly ty: Ty;
}
export interface RecTy {
  readonly k: "rec";
  readonly fields: readonly RecField[];
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
export type Ty = ScalarTy | SetTy | MapTy | RecTy | SeqTy | AnyTy | ErrTy;

export const BOOL: BoolTy = { k: "bool" };
export const ERR: ErrTy = { k: "error" };
export const ANY: AnyTy = { k: "any" };

/** Sets are bitmasks in one 32-bit word: elements are 0..30 (ints), enum ordinals, or booleans. */
export const SET_MAX_ELEMENT = 30;

export function isScalar(t: Ty): t is ScalarTy {
  return t.k === "bool" || t.k === "int" || t.k === "enum";
}

/** Values held in one slot and one JS number: scalars and sets. */
export function isWord(t: Ty): boolean {
  return t.k === "bool" || t.k === "int" || t.k === "enum" || t.k === "set";
}

/** Number of values of a scalar type. */
export function cardinality(t: ScalarTy): number {
  switch (t.k) {
    case "bool":
      return 2;
    case "int":
      return t.hi - t.lo + 1;
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
    case "set":
      return 1;
    case "map":
      return cardinality(t.key) * slotCount(t.val);
    case "rec":
      return t.fields.reduce((n, f) => n + slotCount(f.ty), 0);
    case "seq":
      return 1 + t.cap * slotCount(t.elem);
    case "any":
    case "error":
      return 0;
  }
}

function intervalText(lo: number, hi: number): string {
  return `${lo} .. ${hi}`;
}

/** How a type reads in a message: `Amount (0 .. 20)`, `map<Account, Amount>`, `int`. */
export function showType(t: Ty, withRange = true): string {
  switch (t.k) {
    case "bool":
      return "bool";
    case "int":
      if (t.name) return withRange ? `${t.name} (${intervalText(t.lo, t.hi)})` : t.name;
      return withRange ? "int" : intervalText(t.lo, t.hi);
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
      return t.name ?? `{ ${t.fields.map((f) => `${f.name}: ${showType(f.ty, false)}`).join(", ")} }`;
    case "seq":
      return t.name ?? `seq<${showType(t.elem, false)}, ${t.cap}>`;
  }
}

/** `0 .. 20` for ints, for "outside its type" messages; for a map or queue, its entries' type. */
export function showRange(t: Ty): string {
  if (t.k === "int") return t.name ? `${t.name} (${intervalText(t.lo, t.hi)})` : intervalText(t.lo, t.hi);
  if (t.k === "map" && t.val.k !== "rec") return showRange(t.val);
  if (t.k === "set" && t.elem.k === "int") return `${showType(t)} (elements ${intervalText(t.elem.lo, t.elem.hi)})`;
  return showType(t);
}
