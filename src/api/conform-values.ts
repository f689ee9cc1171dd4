// The values an implementation reports, as the spec's readable values (src/model/layout.ts), and
// where two readable states first differ. An adapter may report a variable as a readable value
// (maps as objects keyed by the key's text, sets as arrays) or as the generated module's types
// (ReadonlyMap, ReadonlySet, readonly arrays); amounts may be bigints.

import { denOf, sizeOfTy, slotCount, type ScalarTy, type Ty } from "../ir/types.js";
import { encodeValue, keyText, type Readable } from "../model/layout.js";
import { fractionReadable, readableText, slotsToIndex } from "../model/values.js";

/** A value that cannot be read as the spec's type; `path` says where (`bal[2]`). */
export class ValueShapeError extends Error {}

/** An element's place in a set's order (its index; values outside the type sort last). */
function elementOrder(ty: Ty, v: Readable): number {
  const tmp = new Int32Array(Math.max(1, slotCount(ty)));
  return encodeValue(ty, v, tmp, 0, "") === null ? slotsToIndex(ty, tmp, 0) : Number.MAX_SAFE_INTEGER;
}

function whole(v: unknown): number | null {
  const n = typeof v === "bigint" && v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
  return typeof n === "number" && Number.isInteger(n) ? (n === 0 ? 0 : n) : null;
}

/** A fraction reported as {num, den} (numbers or bigints) or a whole number, in lowest terms. */
function fraction(v: unknown, path: string): Readable {
  const w = whole(v);
  if (w !== null) return fractionReadable(w, 1);
  if (typeof v === "object" && v !== null && "num" in v && "den" in v) {
    const n = whole((v as { num: unknown }).num);
    const d = whole((v as { den: unknown }).den);
    if (n !== null && d !== null && d !== 0) return fractionReadable(d < 0 ? -n : n, Math.abs(d));
  }
  throw new ValueShapeError(`${path}: expected a fraction {num, den} or an integer, found ${describe(v)}`);
}

function describe(v: unknown): string {
  if (typeof v === "bigint") return `${v}n`;
  if (v instanceof Map) return "a Map";
  if (v instanceof Set) return "a Set";
  if (v === undefined) return "undefined";
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

function scalar(ty: ScalarTy, v: unknown, path: string): Readable {
  switch (ty.k) {
    case "bool":
      if (typeof v !== "boolean") throw new ValueShapeError(`${path}: expected true or false, found ${describe(v)}`);
      return v;
    case "int": {
      if (denOf(ty) > 1) return fraction(v, path);
      const n = whole(v);
      if (n === null) throw new ValueShapeError(`${path}: expected an integer, found ${describe(v)}`);
      return n; // no -0
    }
    case "enum":
      if (typeof v !== "string") throw new ValueShapeError(`${path}: expected one of ${ty.members.join(", ")}, found ${describe(v)}`);
      return v;
  }
}

/** `v` as the readable value of type `ty`. Sets come out in element order, maps in key order.
 * Values are not range-checked here: a value outside its type is a difference, shown as found. */
export function toReadable(ty: Ty, v: unknown, path: string): Readable {
  switch (ty.k) {
    case "bool":
    case "int":
    case "enum":
      return scalar(ty, v, path);
    case "set": {
      const xs = v instanceof Set ? [...v] : Array.isArray(v) ? v : null;
      if (xs === null) throw new ValueShapeError(`${path}: expected a set (a Set or an array), found ${describe(v)}`);
      if (ty.elem.k === "any") return [];
      const elem = ty.elem;
      const items = xs.map((x, i) => toReadable(elem, x, `${path} element ${i + 1}`));
      const unique = [...new Map(items.map((x) => [readableText(x), x])).values()];
      return unique.sort((a, b) => elementOrder(elem, a) - elementOrder(elem, b));
    }
    case "option": {
      if (v === null || v === undefined) return { tag: "None", value: [] };
      if (typeof v === "object" && (v as { tag?: unknown }).tag === "None") return { tag: "None", value: [] };
      if (typeof v === "object" && (v as { tag?: unknown }).tag === "Some" && "value" in v && ty.elem.k !== "any") {
        return { tag: "Some", value: toReadable(ty.elem, (v as { value: unknown }).value, `${path}.value`) };
      }
      throw new ValueShapeError(`${path}: expected an option ({tag: "None"} or {tag: "Some", value}), found ${describe(v)}`);
    }
    case "map": {
      const out: { [k: string]: Readable } = {};
      const keys = Array.from({ length: sizeOfTy(ty.key) }, (_, i) => keyText(ty.key, i));
      let entries: [string, unknown][];
      const keyOf = (k: unknown): string => (typeof k === "object" && k !== null ? readableText(toReadable(ty.key, k, `${path} key`)) : ty.key.k === "int" && denOf(ty.key) > 1 ? readableText(fraction(k, `${path} key`)) : String(typeof k === "bigint" ? Number(k) : k));
      if (v instanceof Map) entries = [...v].map(([k, x]) => [keyOf(k), x]);
      else if (typeof v === "object" && v !== null && !Array.isArray(v)) entries = Object.entries(v);
      else throw new ValueShapeError(`${path}: expected a map (a Map or an object), found ${describe(v)}`);
      const byKey = new Map(entries);
      for (const k of keys) {
        if (!byKey.has(k)) throw new ValueShapeError(`${path}: no entry for key ${k}`);
        out[k] = toReadable(ty.val, byKey.get(k), `${path}[${k}]`);
      }
      for (const [k] of entries) if (!keys.includes(k)) throw new ValueShapeError(`${path}: ${k} is not a key of this map (its keys: ${keys.join(", ")})`);
      return out;
    }
    case "rec": {
      if (ty.tuple) {
        if (!Array.isArray(v) || v.length !== ty.fields.length) throw new ValueShapeError(`${path}: expected a tuple of ${ty.fields.length} (an array), found ${describe(v)}`);
        return ty.fields.map((f, i) => toReadable(f.ty, v[i], `${path}.${i}`));
      }
      if (typeof v !== "object" || v === null || Array.isArray(v) || v instanceof Map) {
        throw new ValueShapeError(`${path}: expected a record (an object), found ${describe(v)}`);
      }
      const obj = v as Record<string, unknown>;
      const out: { [k: string]: Readable } = {};
      for (const f of ty.fields) {
        if (!(f.name in obj)) throw new ValueShapeError(`${path}: field ${f.name} is missing`);
        out[f.name] = toReadable(f.ty, obj[f.name], `${path}.${f.name}`);
      }
      return out;
    }
    case "seq": {
      if (!Array.isArray(v)) throw new ValueShapeError(`${path}: expected a queue (an array), found ${describe(v)}`);
      const elem = ty.elem;
      return elem.k === "any" ? [] : v.map((x, i) => toReadable(elem, x, `${path}[${i}]`));
    }
    case "any":
    case "error":
      return [];
  }
}

/** A readable value of type `ty` in the generated module's types (what an adapter receives): sets
 * as ReadonlySets, fractions as plain numbers when whole, options without the empty `value`. */
export function implValue(ty: Ty, v: Readable): unknown {
  switch (ty.k) {
    case "int": {
      if (typeof v === "number") return v;
      const f = v as { num: number; den: number };
      return f.den === 1 ? f.num : f;
    }
    case "set":
      return new Set(ty.elem.k === "any" ? [] : (v as Readable[]).map((x) => implValue(ty.elem as Ty, x)));
    case "option": {
      const o = v as { tag: string; value: Readable };
      return o.tag === "None" || ty.elem.k === "any" ? { tag: "None" } : { tag: "Some", value: implValue(ty.elem, o.value) };
    }
    case "rec":
      if (ty.tuple) return ty.fields.map((f, i) => implValue(f.ty, (v as Readable[])[i]));
      return Object.fromEntries(ty.fields.map((f) => [f.name, implValue(f.ty, (v as Record<string, Readable>)[f.name])]));
    case "map":
    case "seq":
    case "bool":
    case "enum":
    case "any":
    case "error":
      return v;
  }
}

export function readableEqual(a: Readable, b: Readable): boolean {
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => readableEqual(x, b[i]));
  if (typeof a === "object" && a !== null) {
    if (typeof b !== "object" || b === null || Array.isArray(b)) return false;
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && readableEqual(a[k], (b as Record<string, Readable>)[k]));
  }
  return a === b;
}

export interface Difference {
  readonly path: string;
  /** The type of the differing part (for showing its values). */
  readonly ty: Ty;
  readonly expected: Readable;
  readonly found: Readable;
}

/** Where two values of type `ty` differ, innermost first-level parts in order: map entries, record
 * fields, queue elements (sets, and queues of different lengths, are compared whole). */
export function differences(ty: Ty, a: Readable, b: Readable, path: string, out: Difference[] = []): Difference[] {
  if (readableEqual(a, b)) return out;
  const objects = typeof a === "object" && typeof b === "object" && !Array.isArray(a) && !Array.isArray(b);
  if (ty.k === "map" && objects) {
    for (const k of Object.keys(a)) differences(ty.val, a[k], (b as Record<string, Readable>)[k], `${path}[${k}]`, out);
    return out;
  }
  if (ty.k === "rec" && ty.tuple && Array.isArray(a) && Array.isArray(b)) {
    ty.fields.forEach((f, i) => differences(f.ty, a[i], b[i], `${path}.${i}`, out));
    return out;
  }
  if (ty.k === "rec" && objects) {
    for (const f of ty.fields) differences(f.ty, a[f.name], (b as Record<string, Readable>)[f.name], `${path}.${f.name}`, out);
    return out;
  }
  if (ty.k === "seq" && ty.elem.k !== "any" && Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    for (let i = 0; i < a.length; i++) differences(ty.elem, a[i], b[i], `${path}[${i}]`, out);
    return out;
  }
  out.push({ path, ty, expected: a, found: b });
  return out;
}
