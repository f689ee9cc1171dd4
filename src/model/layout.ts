// The flat state layout (DESIGN.md): every variable gets a fixed run of 32-bit slots.
//   int, bool (0/1), enum (ordinal), set (bitmask, bit i = element code i): 1 slot
//   map<K, V>: |K| entries of slots(V), in key order
//   record: its fields in declaration order
//   seq<T, k>: the length, then k entries of slots(T); entries past the length are all zero
// Values leave this form only to be shown to a person or written to a file.

import type * as I from "../ir/ir.js";
import { cardinality, scalarLo, slotCount, type ScalarTy, type Ty } from "../ir/types.js";

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

/** A value as people and files see it: ints as numbers, enums as member names, sets as sorted
 * arrays, maps as objects keyed by the key's text, records as objects, queues as arrays. */
export type Readable = number | boolean | string | Readable[] | { [key: string]: Readable };

/** The readable value of a scalar's slot code. */
export function scalarReadable(ty: ScalarTy, c: number): Readable {
  switch (ty.k) {
    case "bool":
      return c !== 0;
    case "int":
      return c;
    case "enum":
      return ty.members[c] ?? `#${c}`;
  }
}

/** Sets an own property even for names like `__proto__`, which plain assignment would not. */
export function setOwn<T>(obj: { [key: string]: T }, key: string, value: T): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The text of a map key, as used in readable maps. */
export function keyText(ty: ScalarTy, c: number): string {
  return String(scalarReadable(ty, c));
}

export function decodeValue(ty: Ty, state: ArrayLike<number>, at: number): Readable {
  switch (ty.k) {
    case "bool":
    case "int":
    case "enum":
      return scalarReadable(ty, state[at]);
    case "set": {
      const out: Readable[] = [];
      const m = state[at];
      const elem = ty.elem;
      if (elem.k === "any") return out;
      for (let i = 0; i <= 30; i++) if ((m >>> i) & 1) out.push(scalarReadable(elem, i));
      return out;
    }
    case "map": {
      const out: { [k: string]: Readable } = {};
      const w = slotCount(ty.val);
      const lo = scalarLo(ty.key);
      for (let i = 0; i < cardinality(ty.key); i++) setOwn(out, keyText(ty.key, lo + i), decodeValue(ty.val, state, at + i * w));
      return out;
    }
    case "rec": {
      const out: { [k: string]: Readable } = {};
      let o = at;
      for (const f of ty.fields) {
        setOwn(out, f.name, decodeValue(f.ty, state, o));
        o += slotCount(f.ty);
      }
      return out;
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
    case "int":
      if (typeof v !== "number" || !Number.isInteger(v)) return bad("an integer");
      if (v < ty.lo || v > ty.hi) return `${path}: ${v} is outside ${ty.lo} .. ${ty.hi}`;
      out[at] = v;
      return null;
    case "enum": {
      const i = typeof v === "string" ? ty.members.indexOf(v) : -1;
      if (i < 0) return bad(`one of ${ty.members.join(", ")}`);
      out[at] = i;
      return null;
    }
    case "set": {
      if (!Array.isArray(v)) return bad("a set (an array)");
      let m = 0;
      const elem = ty.elem;
      if (elem.k === "any") return v.length === 0 ? ((out[at] = 0), null) : bad("an empty set");
      for (const x of v) {
        const tmp = new Int32Array(1);
        const err = encodeValue(elem, x as Readable, tmp, 0, `${path} element`);
        if (err) return err;
        m |= 1 << tmp[0];
      }
      out[at] = m;
      return null;
    }
    case "map": {
      if (typeof v !== "object" || v === null || Array.isArray(v)) return bad("a map (an object)");
      const w = slotCount(ty.val);
      const lo = scalarLo(ty.key);
      const obj = v as { [k: string]: Readable };
      for (let i = 0; i < cardinality(ty.key); i++) {
        const k = keyText(ty.key, lo + i);
        if (!Object.hasOwn(obj, k)) return `${path}: key ${k} is missing`;
        const err = encodeValue(ty.val, obj[k], out, at + i * w, `${path}[${k}]`);
        if (err) return err;
      }
      for (const k of Object.keys(obj)) {
        let known = false;
        for (let i = 0; i < cardinality(ty.key); i++) if (keyText(ty.key, lo + i) === k) known = true;
        if (!known) return `${path}: ${k} is not a key of this map`;
      }
      return null;
    }
    case "rec": {
      if (typeof v !== "object" || v === null || Array.isArray(v)) return bad("a record (an object)");
      const obj = v as { [k: string]: Readable };
      let o = at;
      for (const f of ty.fields) {
        if (!Object.hasOwn(obj, f.name)) return `${path}: field ${f.name} is missing`;
        const err = encodeValue(f.ty, obj[f.name], out, o, `${path}.${f.name}`);
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
