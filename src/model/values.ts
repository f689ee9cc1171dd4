// Values of finite types in flat states: slot codes <-> indexes (src/ir/finite.ts gives the
// numbering), set bit positions, and the readable forms people and files see:
//   a fraction-typed number  {num: 7, den: 2} (lowest terms, den > 0; den 1 for whole values)
//   a tuple                  an array [a, b]
//   an option                {tag: "None", value: []} or {tag: "Some", value: x}
//   a map key                its text (readableText): 3, A, true, 7/2, (1, 2), {a: 1}, some(1)
// The ITF forms of these are in src/trace/itf.ts.

import { gcd } from "../ir/rational.js";
import { denOf, isPlainInt, sizeOfTy, slotCount, stepOf, type Ty } from "../ir/types.js";
import type { Readable } from "./layout.js";

/** The index of the value whose slot codes start at `s[at]`. */
export function slotsToIndex(ty: Ty, s: ArrayLike<number>, at: number): number {
  switch (ty.k) {
    case "bool":
    case "enum":
    case "option":
      return s[at];
    case "int":
      return (s[at] - ty.lo) / stepOf(ty);
    case "rec": {
      let idx = 0;
      let o = at;
      for (const f of ty.fields) {
        idx = idx * sizeOfTy(f.ty) + slotsToIndex(f.ty, s, o);
        o += slotCount(f.ty);
      }
      return idx;
    }
    default:
      throw new Error(`internal: ${ty.k} values have no index`);
  }
}

/** Writes the slot codes of the value with index `idx`. */
export function indexToSlots(ty: Ty, idx: number, out: Int32Array | number[], at: number): void {
  switch (ty.k) {
    case "bool":
    case "enum":
    case "option":
      out[at] = idx;
      return;
    case "int":
      out[at] = ty.lo + idx * stepOf(ty);
      return;
    case "rec": {
      let o = at + slotCount(ty);
      for (let k = ty.fields.length - 1; k >= 0; k--) {
        const f = ty.fields[k];
        const n = sizeOfTy(f.ty);
        o -= slotCount(f.ty);
        indexToSlots(f.ty, idx % n, out, o);
        idx = Math.floor(idx / n);
      }
      return;
    }
    default:
      throw new Error(`internal: ${ty.k} values have no index`);
  }
}

/** The bit position of the element with index `idx` in a set over `elem` (see setBase). */
export function positionOf(elem: Ty, idx: number): number {
  return isPlainInt(elem) ? elem.lo + idx : idx;
}

/** The index of the element at bit position `p`, or -1 if no element of `elem` sits there. */
export function indexAtPosition(elem: Ty, p: number): number {
  const i = isPlainInt(elem) ? p - elem.lo : p;
  return i >= 0 && i < sizeOfTy(elem) ? i : -1;
}

/** A fraction's readable form, in lowest terms. */
export function fractionReadable(scaled: number, den: number): Readable {
  const g = gcd(scaled, den) || 1;
  return { num: scaled / g, den: den / g };
}

/** Whether a number type's readable values are fractions ({num, den}) rather than numbers. */
export function isFractionType(ty: Ty): boolean {
  return ty.k === "int" && denOf(ty) > 1;
}

function isObj(v: Readable): v is { [k: string]: Readable } {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A readable fraction {num, den} (or a whole number) as [num, den], or null. */
export function readableFraction(v: Readable): [number, number] | null {
  if (typeof v === "number") return Number.isSafeInteger(v) ? [v, 1] : null;
  if (!isObj(v) || !Object.hasOwn(v, "num") || !Object.hasOwn(v, "den") || Object.keys(v).length !== 2) return null;
  const n = v.num;
  const d = v.den;
  if (typeof n !== "number" || typeof d !== "number" || !Number.isSafeInteger(n) || !Number.isSafeInteger(d) || d <= 0) return null;
  return [n, d];
}

/** A readable option as null (none), [x] (some), or undefined when it is not one. */
export function readableOption(v: Readable): Readable[] | null | undefined {
  if (!isObj(v) || !Object.hasOwn(v, "tag")) return undefined;
  const keys = Object.keys(v);
  if (v.tag === "None" && keys.every((k) => k === "tag" || k === "value")) return null;
  if (v.tag === "Some" && keys.length === 2 && Object.hasOwn(v, "value")) return [v.value];
  return undefined;
}

/** The text of a readable value as people read it, and as maps key their entries by: `3`, `A`,
 * `true`, `7/2`, `(1, 2)` for a tuple, `{a: 1, b: 2}` for a record (fields sorted by name, so the
 * text does not depend on the order a file lists them in), `none`, `some(1)`, `{1, 2}` for a set
 * (arrays that are not tuples are shown with brackets by the caller that knows the type). */
export function readableText(v: Readable): string {
  if (typeof v !== "object" || v === null) return String(v);
  if (Array.isArray(v)) return `(${v.map(readableText).join(", ")})`;
  const f = readableFraction(v);
  if (f) return f[1] === 1 ? String(f[0]) : `${f[0]}/${f[1]}`;
  const o = readableOption(v);
  if (o === null) return "none";
  if (o !== undefined) return `some(${readableText(o[0])})`;
  return `{${Object.keys(v).sort().map((k) => `${k}: ${readableText(v[k])}`).join(", ")}}`;
}
