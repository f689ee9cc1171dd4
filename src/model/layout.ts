// The flat state layout (DESIGN.md): every variable gets a fixed run of 32-bit slots.
//   int, bool (0/1), enum (ordinal): 1 slot; a number type with a step: its value times its
//     denominator (`0 .. 10 step 1/2` holds 7/2 as 7)
//   option<T>: 1 slot, 0 for none, 1 + the value's index for some(value)
//   set<T>: a bitset over T's element positions, 32 per word, as many words as T needs
//   map<K, V>: one entry of slots(V) per key, in key index order
//   record, tuple: its fields in declaration order
//   seq<T, k>: the length, then k entries of slots(T); entries past the length are all zero
// Values leave this form only to be shown to a person or written to a file.

import { setBase } from "../ir/finite.js";
import type * as I from "../ir/ir.js";
import { fracText } from "../ir/rational.js";
import { WORD_BITS, denOf, setWords, showRange, sizeOfTy, slotCount, stepOf, type ScalarTy, type Ty } from "../ir/types.js";
import { fractionReadable, indexAtPosition, indexToSlots, positionOf, readableFraction, readableOption, readableText, slotsToIndex } from "./values.js";

export interface VarLayout {
  readonly name: string;
  readonly ty: Ty;
  readonly offset: number;
  readonly width: number;
  readonly ghost: boolean;
}

export interface Layout {
  readonly vars: readonly VarLayout[];
  readonly width: number;
}

export function layoutOf(spec: I.Spec): Layout {
  let offset = 0;
  const vars = spec.vars.map((v) => {
    const width = slotCount(v.ty);
    const l: VarLayout = { name: v.name, ty: v.ty, offset, width, ghost: v.ghost };
    offset += width;
    return l;
  });
  return { vars, width: offset };
}

/** A value as people and files see it: ints as numbers, fractions as {num, den}, enums as member
 * names, sets as arrays in element order, maps as objects keyed by the key's text, records as
 * objects, tuples and queues as arrays, options as {tag: "None" | "Some", value} (src/model/values.ts). */
export type Readable = number | boolean | string | Readable[] | { [key: string]: Readable };

/** The readable value of a scalar's slot code. */
export function scalarReadable(ty: ScalarTy, c: number): Readable {
  switch (ty.k) {
    case "bool":
      return c !== 0;
    case "int":
      return denOf(ty) > 1 ? fractionReadable(c, denOf(ty)) : c;
    case "enum":
      return ty.members[c] ?? `#${c}`;
  }
}

/** Sets an own property even for names like `__proto__`, which plain assignment would not. */
export function setOwn<T>(obj: { [key: string]: T }, key: string, value: T): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The readable value of index `idx` of a finite type. */
export function indexReadable(ty: Ty, idx: number): Readable {
  const tmp = new Int32Array(Math.max(1, slotCount(ty)));
  indexToSlots(ty, idx, tmp, 0);
  return decodeValue(ty, tmp, 0);
}

/** The text of a map key (its index in the key type), as used in readable maps. */
export function keyText(ty: Ty, idx: number): string {
  return readableText(indexReadable(ty, idx));
}

export function decodeValue(ty: Ty, state: ArrayLike<number>, at: number): Readable {
  switch (ty.k) {
    case "bool":
    case "int":
    case "enum":
      return scalarReadable(ty, state[at]);
    case "option":
      if (state[at] === 0 || ty.elem.k === "any") return { tag: "None", value: [] };
      return { tag: "Some", value: indexReadable(ty.elem, state[at] - 1) };
    case "set": {
      const out: Readable[] = [];
      const elem = ty.elem;
      if (elem.k === "any" || elem.k === "error") return out;
      const base = setBase(elem);
      for (let w = 0; w < setWords(elem); w++) {
        const m = state[at + w];
        if (m === 0) continue;
        for (let b = 0; b < WORD_BITS; b++) {
          if (!((m >>> b) & 1)) continue;
          const p = base + w * WORD_BITS + b;
          const i = indexAtPosition(elem, p);
          out.push(i < 0 ? p : indexReadable(elem, i));
        }
      }
      return out;
    }
    case "map": {
      const out: { [k: string]: Readable } = {};
      const w = slotCount(ty.val);
      for (let i = 0; i < sizeOfTy(ty.key); i++) setOwn(out, keyText(ty.key, i), decodeValue(ty.val, state, at + i * w));
      return out;
    }
    case "rec": {
      const out: { [k: string]: Readable } = {};
      const arr: Readable[] = [];
      let o = at;
      for (const f of ty.fields) {
        const v = decodeValue(f.ty, state, o);
        if (ty.tuple) arr.push(v);
        else setOwn(out, f.name, v);
        o += slotCount(f.ty);
      }
      return ty.tuple ? arr : out;
    }
    case "seq": {
      const len = state[at];
      const w = slotCount(ty.elem);
      const out: Readable[] = [];
      for (let i = 0; i < len && i < ty.cap; i++) out.push(decodeValue(ty.elem, state, at + 1 + i * w));
      return out;
    }
    case "any":
    case "error":
      return [];
  }
}

/** A readable value's slot codes, or a plain-words reason it does not fit the type. */
export function encodeValue(ty: Ty, v: Readable, out: Int32Array, at: number, path: string): string | null {
  const bad = (what: string) => `${path}: expected ${what}, found ${JSON.stringify(v)}`;
  switch (ty.k) {
    case "bool":
      if (typeof v !== "boolean") return bad("true or false");
      out[at] = v ? 1 : 0;
      return null;
    case "int": {
      const d = denOf(ty);
      const f = readableFraction(v);
      if (f === null) return bad(d > 1 ? "a number or a fraction {num, den}" : "an integer");
      const scaled = (f[0] * d) / f[1];
      if (!Number.isSafeInteger(scaled)) return `${path}: ${readableText(v)} is not a multiple of ${fracText(stepOf(ty), d)}`;
      if (scaled < ty.lo || scaled > ty.hi) return `${path}: ${readableText(v)} is outside ${showRange({ ...ty, name: undefined })}`;
      if ((scaled - ty.lo) % stepOf(ty) !== 0) return `${path}: ${readableText(v)} is not a multiple of ${fracText(stepOf(ty), d)}`;
      out[at] = scaled;
      return null;
    }
    case "enum": {
      const i = typeof v === "string" ? ty.members.indexOf(v) : -1;
      if (i < 0) return bad(`one of ${ty.members.join(", ")}`);
      out[at] = i;
      return null;
    }
    case "option": {
      const o = readableOption(v);
      if (o === undefined) return bad(`an option ({"tag": "None"} or {"tag": "Some", "value": ...})`);
      if (o === null) {
        out[at] = 0;
        return null;
      }
      if (ty.elem.k === "any") return bad("none");
      const tmp = new Int32Array(Math.max(1, slotCount(ty.elem)));
      const err = encodeValue(ty.elem, o[0], tmp, 0, `${path} value`);
      if (err) return err;
      out[at] = 1 + slotsToIndex(ty.elem, tmp, 0);
      return null;
    }
    case "set": {
      if (!Array.isArray(v)) return bad("a set (an array)");
      const elem = ty.elem;
      if (elem.k === "any" || elem.k === "error") return v.length === 0 ? ((out[at] = 0), null) : bad("an empty set");
      const words = setWords(elem);
      out.fill(0, at, at + words);
      const base = setBase(elem);
      const tmp = new Int32Array(Math.max(1, slotCount(elem)));
      for (const x of v) {
        const err = encodeValue(elem, x as Readable, tmp, 0, `${path} element`);
        if (err) return err;
        const p = positionOf(elem, slotsToIndex(elem, tmp, 0)) - base;
        out[at + (p >>> 5)] |= 1 << (p & 31);
      }
      return null;
    }
    case "map": {
      if (typeof v !== "object" || v === null || Array.isArray(v)) return bad("a map (an object)");
      const w = slotCount(ty.val);
      const obj = v as { [k: string]: Readable };
      const keys = new Set<string>();
      for (let i = 0; i < sizeOfTy(ty.key); i++) {
        const k = keyText(ty.key, i);
        keys.add(k);
        if (!Object.hasOwn(obj, k)) return `${path}: key ${k} is missing`;
        const err = encodeValue(ty.val, obj[k], out, at + i * w, `${path}[${k}]`);
        if (err) return err;
      }
      for (const k of Object.keys(obj)) if (!keys.has(k)) return `${path}: ${k} is not a key of this map`;
      return null;
    }
    case "rec": {
      if (ty.tuple) {
        if (!Array.isArray(v) || v.length !== ty.fields.length) return bad(`a tuple of ${ty.fields.length} (an array)`);
      } else if (typeof v !== "object" || v === null || Array.isArray(v)) return bad("a record (an object)");
      const obj = v as { [k: string]: Readable };
      let o = at;
      for (const f of ty.fields) {
        if (!Object.hasOwn(obj, f.name)) return `${path}: field ${f.name} is missing`;
        const err = encodeValue(f.ty, obj[f.name], out, o, ty.tuple ? `${path}.${f.name}` : `${path}.${f.name}`);
        if (err) return err;
        o += slotCount(f.ty);
      }
      return null;
    }
    case "seq": {
      if (!Array.isArray(v)) return bad("a queue (an array)");
      if (v.length > ty.cap) return `${path}: ${v.length} elements, more than the capacity ${ty.cap}`;
      const w = slotCount(ty.elem);
      out.fill(0, at, at + slotCount(ty));
      out[at] = v.length;
      for (let i = 0; i < v.length; i++) {
        const err = encodeValue(ty.elem, v[i] as Readable, out, at + 1 + i * w, `${path}[${i}]`);
        if (err) return err;
      }
      return null;
    }
    case "any":
    case "error":
      return null;
  }
}

/** The readable value of an action choice's code (src/ir/finite.ts, choiceCode): a scalar's
 * value, a compound value by its index, a set from the bitmask of its elements' indexes. */
export function choiceReadable(ty: Ty, code: number): Readable {
  if (ty.k === "bool" || ty.k === "int" || ty.k === "enum") return scalarReadable(ty, code);
  if (ty.k === "set") {
    const out: Readable[] = [];
    if (ty.elem.k !== "any") for (let b = 0; b < sizeOfTy(ty.elem); b++) if ((code >>> b) & 1) out.push(indexReadable(ty.elem, b));
    return out;
  }
  return indexReadable(ty, code);
}

/** An action choice's code from its readable value, or why it does not fit the type. */
export function encodeChoice(ty: Ty, v: Readable, path: string): { code: number } | { error: string } {
  const tmp = new Int32Array(Math.max(1, slotCount(ty)));
  const err = encodeValue(ty, v, tmp, 0, path);
  if (err) return { error: err };
  if (ty.k === "bool" || ty.k === "int" || ty.k === "enum") return { code: tmp[0] };
  if (ty.k === "set") {
    if (ty.elem.k === "any") return { code: 0 };
    let m = 0;
    for (let b = 0; b < sizeOfTy(ty.elem); b++) {
      const p = positionOf(ty.elem, b) - setBase(ty.elem);
      if ((tmp[p >>> 5] >>> (p & 31)) & 1) m |= 1 << b;
    }
    return { code: m };
  }
  return { code: slotsToIndex(ty, tmp, 0) };
}
