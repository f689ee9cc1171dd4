// The values an implementation reports, as the spec's readable values (src/model/layout.ts), and
// where two readable states first differ. An adapter may report a variable as a readable value
// (maps as objects keyed by the key's text, sets as arrays) or as the generated module's types
// (ReadonlyMap, ReadonlySet, readonly arrays); amounts may be bigints.

import { cardinality, scalarLo, type ScalarTy, type Ty } from "../ir/types.js";
import { keyText, type Readable } from "../model/layout.js";

/** A value that cannot be read as the spec's type; `path` says where (`bal[2]`). */
export class ValueShapeError extends Error {}

function scalarCode(ty: ScalarTy, v: Readable): number {
  if (ty.k === "bool") return v === true ? 1 : 0;
  if (ty.k === "enum") return ty.members.indexOf(v as string);
  return v as number;
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
      const n = typeof v === "bigint" && v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
      if (typeof n !== "number" || !Number.isInteger(n)) throw new ValueShapeError(`${path}: expected an integer, found ${describe(v)}`);
      return n === 0 ? 0 : n; // no -0
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
      const items = xs.map((x, i) => scalar(elem, x, `${path} element ${i + 1}`));
      const unique = [...new Map(items.map((x) => [JSON.stringify(x), x])).values()];
      return unique.sort((a, b) => scalarCode(elem, a) - scalarCode(elem, b));
    }
    case "map": {
      const out: { [k: string]: Readable } = {};
      const lo = scalarLo(ty.key);
      const keys = Array.from({ length: cardinality(ty.key) }, (_, i) => keyText(ty.key, lo + i));
      let entries: [string, unknown][];
      if (v instanceof Map) entries = [...v].map(([k, x]) => [String(typeof k === "bigint" ? Number(k) : k), x]);
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
  if (ty.k === "rec" && objects) {
    for (const f of ty.fields) differences(f.ty, a[f.name], (b as Record<string, Readable>)[f.name], `${path}.${f.name}`, out);
    return out;
  }
  if (ty.k === "seq" && ty.elem.k !== "any" && Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    for (let i = 0; i < a.length; i++) differences(ty.elem, a[i], b[i], `${path}[${i}]`, out);
    return out;
  }
  out.push({ path, expected: a, found: b });
  return out;
}
