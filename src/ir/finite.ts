// Values of finite types and their indexes. Every value of a finite type (bool, a number range,
// an enum, a record or tuple of finite types, an option of one) has an index in 0 .. size-1:
//   bool: false 0, true 1; numbers: (scaled - lo) / step; enums: the ordinal;
//   records and tuples: mixed radix, the first field most significant (so index order is the
//     lexicographic order of the fields); option: none 0, some(x) 1 + index(x).
// Map keys are addressed by index, set elements by position (the index, except plain integers,
// whose position is the value itself: see setWords in types.ts), options store 1 + index, and an
// action's parameters of compound types are numbered by index. This file is the reference side:
// indexes of the evaluator's values (src/ir/eval.ts). The compiler computes the same numbers in
// generated code (src/compile/values.ts); the differential test holds the two together.

import { Rat, fromScaled, numCmp, toScaled, type Num } from "./rational.js";
import { WORD_BITS, denOf, isPlainInt, sizeOfTy, stepOf, type Ty } from "./types.js";

/** A value as the reference evaluator holds it: numbers (whole ones as JS numbers, fractions as
 * Rat), bools, enum and action ordinals as numbers; sets as sorted arrays of elements (scalar
 * elements as codes: bools 0/1), maps as arrays by key index, records and tuples as arrays of
 * fields, options as [] (none) or [x] (some), queues as arrays of their elements. */
export type Value = number | boolean | Rat | Value[];

/** A set over more elements than this is an error. */
export const MAX_SET_ELEMENTS = 4096;
/** An action parameter (or pick) over more values than this is an error. */
export const MAX_CHOICE_VALUES = 1 << 16;

/** Whether values of `t` have an index: keys, set elements, option payloads. */
export function isIndexable(t: Ty): boolean {
  switch (t.k) {
    case "bool":
    case "int":
    case "enum":
      return true;
    case "rec":
      return t.fields.every((f) => isIndexable(f.ty));
    case "option":
      return t.elem.k === "any" || isIndexable(t.elem);
    default:
      return false;
  }
}

/** Whether `t` can be an action parameter, caller or pick: an indexable type or a set of one. */
export function isChoiceType(t: Ty): boolean {
  return isIndexable(t) || (t.k === "set" && t.elem.k !== "any" && isIndexable(t.elem));
}

/** The first bit position of a set over `elem`'s first word (plain integers sit at their own
 * positions, word-aligned; everything else at its index, from 0). */
export function setBase(elem: Ty): number {
  return isPlainInt(elem) ? Math.floor(elem.lo / WORD_BITS) * WORD_BITS : 0;
}

/** Element code as stored in a reference set: bools as 0/1, everything else as it is. */
export function elemKey(v: Value): Value {
  return typeof v === "boolean" ? (v ? 1 : 0) : v;
}

function asNum(v: Value): Num {
  return typeof v === "boolean" ? (v ? 1 : 0) : (v as Num);
}

/** A total order on values of one type that is their index order (and ascending for numbers). */
export function compareValues(a: Value, b: Value): number {
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const c = compareValues(a[i], b[i]);
      if (c !== 0) return c;
    }
    return a.length - b.length;
  }
  return numCmp(asNum(a), asNum(b));
}

/** The index of `v` in `t`, or -1 when `v` is not a value of `t` (out of range, off the step). */
export function valueIndex(t: Ty, v: Value): number {
  switch (t.k) {
    case "bool":
      return v === true || v === 1 ? 1 : v === false || v === 0 ? 0 : -1;
    case "enum": {
      const n = v as number;
      return Number.isInteger(n) && n >= 0 && n < t.members.length ? n : -1;
    }
    case "int": {
      const s = toScaled(v as Num, denOf(t));
      if (s === null || s < t.lo || s > t.hi || (s - t.lo) % stepOf(t) !== 0) return -1;
      return (s - t.lo) / stepOf(t);
    }
    case "rec": {
      const xs = v as Value[];
      let idx = 0;
      for (let i = 0; i < t.fields.length; i++) {
        const f = valueIndex(t.fields[i].ty, xs[i]);
        if (f < 0) return -1;
        idx = idx * sizeOfTy(t.fields[i].ty) + f;
      }
      return idx;
    }
    case "option": {
      const xs = v as Value[];
      if (xs.length === 0) return 0;
      if (t.elem.k === "any") return -1;
      const i = valueIndex(t.elem, xs[0]);
      return i < 0 ? -1 : 1 + i;
    }
    default:
      return -1;
  }
}

/** The value of `t` with index `i` (0 <= i < size). */
export function valueAt(t: Ty, i: number): Value {
  switch (t.k) {
    case "bool":
      return i !== 0;
    case "enum":
      return i;
    case "int":
      return fromScaled(t.lo + i * stepOf(t), denOf(t));
    case "rec": {
      const out: Value[] = new Array(t.fields.length);
      for (let k = t.fields.length - 1; k >= 0; k--) {
        const n = sizeOfTy(t.fields[k].ty);
        out[k] = valueAt(t.fields[k].ty, i % n);
        i = Math.floor(i / n);
      }
      return out;
    }
    case "option":
      return i === 0 || t.elem.k === "any" ? [] : [valueAt(t.elem, i - 1)];
    default:
      throw new Error(`internal: ${t.k} values have no index`);
  }
}

/** Every value of a finite type (or every subset of one), in index order. */
export function allValues(t: Ty): Value[] {
  if (t.k === "set") {
    const elems = t.elem.k === "any" ? [] : allValues(t.elem).map(elemKey);
    return Array.from({ length: 2 ** elems.length }, (_, m) => elems.filter((_, b) => (m >>> b) & 1));
  }
  return Array.from({ length: sizeOfTy(t) }, (_, i) => valueAt(t, i));
}

/** An action choice's code: a scalar's slot code (an int's scaled value, a bool's 0/1, an enum's
 * ordinal); for any other type, its index (a set's: the bitmask of its elements' indexes). */
export function choiceCode(t: Ty, v: Value): number {
  if (t.k === "bool") return v ? 1 : 0;
  if (t.k === "enum") return v as number;
  if (t.k === "int") return toScaled(v as Num, denOf(t)) ?? Number.NaN;
  if (t.k === "set") {
    let m = 0;
    if (t.elem.k !== "any") for (const x of v as Value[]) m |= 1 << valueIndex(t.elem, x);
    return m;
  }
  return valueIndex(t, v);
}

/** The value of a choice code (see choiceCode). */
export function choiceValue(t: Ty, code: number): Value {
  if (t.k === "bool") return code !== 0;
  if (t.k === "enum") return code;
  if (t.k === "int") return fromScaled(code, denOf(t));
  if (t.k === "set") {
    const out: Value[] = [];
    if (t.elem.k !== "any") for (let b = 0; b < sizeOfTy(t.elem); b++) if ((code >>> b) & 1) out.push(elemKey(valueAt(t.elem, b)));
    return out;
  }
  return valueAt(t, code);
}

/** How many values a choice ranges over. */
export function choiceCount(t: Ty): number {
  return sizeOfTy(t);
}

/** The code of a choice's ordinal-th value, in instance order. */
export function choiceCodeAt(t: Ty, ordinal: number): number {
  if (t.k === "int") return t.lo + ordinal * stepOf(t);
  return ordinal;
}

/** The ordinal of a choice code, or -1 when it is not one of the type's. */
export function choiceOrdinal(t: Ty, code: number): number {
  if (!Number.isInteger(code)) return -1;
  if (t.k === "int") {
    const o = (code - t.lo) / stepOf(t);
    return Number.isInteger(o) && o >= 0 && code <= t.hi ? o : -1;
  }
  return code >= 0 && code < sizeOfTy(t) ? code : -1;
}

/** A value of `t` as a spec writes it (`7/2`, `Alice`, `(1, 2)`, `some(A)`, `{0, 1}`): the labels of
 * a loop's rounds in the names of the picks they make (`b[(0, 1)]`). */
export function valueLabel(t: Ty, v: Value): string {
  switch (t.k) {
    case "bool":
      return String(v === true || v === 1);
    case "enum":
      return t.members[v as number] ?? String(v);
    case "rec": {
      const xs = v as Value[];
      if (t.tuple) return `(${t.fields.map((f, i) => valueLabel(f.ty, xs[i])).join(", ")})`;
      return `{${t.fields.map((f, i) => `${f.name}: ${valueLabel(f.ty, xs[i])}`).join(", ")}}`;
    }
    case "option": {
      const xs = v as Value[];
      return xs.length === 0 || t.elem.k === "any" ? "none" : `some(${valueLabel(t.elem, xs[0])})`;
    }
    case "set": {
      const elem = t.elem;
      return `{${(v as Value[]).map((x) => (elem.k === "any" ? String(x) : valueLabel(elem, elem.k === "bool" ? x !== 0 : x))).join(", ")}}`;
    }
    default:
      return String(v);
  }
}
