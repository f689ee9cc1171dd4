// Readable values as people read them, typed by the spec when its types are known: sets in braces,
// queues in brackets, maps and records as `{k: v}`. Every surface that shows a value (the terminal
// counterexample, the HTML report, replay's messages) goes through here, so a new kind of value is
// taught to them all in one place: `shapeOf` and `valueText`.

import type { Ty } from "../ir/types.js";
import type { Readable } from "../model/layout.js";
import { formatTyped } from "../model/format.js";
import { readableFraction, readableOption, readableText } from "../model/values.js";
import { assertNever } from "../util/assert-never.js";

/** How a value is taken apart: a leaf is shown whole; containers are opened element by element. */
export type Shape = "leaf" | "set" | "seq" | "map" | "rec";

/** The shape of a value of type `ty`; without a type (a trace whose spec is not at hand), guessed
 * from the value: fractions and options as leaves, arrays as queues, other objects as maps. A
 * fraction, an option and a tuple are leaves: shown whole (`7/2`, `some(1)`, `(1, 2)`). */
export function shapeOf(ty: Ty | undefined, v: Readable): Shape {
  if (ty === undefined) {
    if (Array.isArray(v)) return "seq";
    if (typeof v !== "object" || v === null || readableFraction(v) || readableOption(v) !== undefined) return "leaf";
    return "map";
  }
  switch (ty.k) {
    case "bool":
    case "int":
    case "enum":
    case "option":
    case "any":
    case "error":
      return "leaf";
    case "set":
      return "set";
    case "seq":
      return "seq";
    case "map":
      return "map";
    case "rec":
      return ty.tuple ? "leaf" : "rec";
    default:
      return assertNever(ty, "type");
  }
}

/** The type of a container's part: a set's or queue's element, a map's value, a record's field. */
export function partTy(ty: Ty | undefined, field?: string): Ty | undefined {
  if (ty === undefined) return undefined;
  switch (ty.k) {
    case "set":
    case "seq":
      return ty.elem.k === "any" ? undefined : ty.elem;
    case "map":
      return ty.val;
    case "rec":
      return ty.fields.find((f) => f.name === field)?.ty;
    case "bool":
    case "int":
    case "enum":
    case "option":
    case "any":
    case "error":
      return undefined;
    default:
      return assertNever(ty, "type");
  }
}

function isObject(v: Readable): v is { [key: string]: Readable } {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The entries of a map or record value, in the value's own order (the spec's key or field order). */
export function entriesOf(v: Readable): [string, Readable][] {
  return isObject(v) ? Object.entries(v) : [];
}

export function itemsOf(v: Readable): Readable[] {
  return Array.isArray(v) ? v : [];
}

/** A value as written in a spec: `{A, B}` (set), `[1, 2]` (queue), `{0: 3, 1: 2}` (map),
 * `{owner: 0, amount: 1}` (record), `7/2`, `(1, 2)`, `some(A)`, `none`. */
export function valueText(ty: Ty | undefined, v: Readable): string {
  switch (shapeOf(ty, v)) {
    case "leaf":
      return ty ? formatTyped(ty, v) : readableText(v);
    case "set":
      return `{${itemsOf(v).map((x) => valueText(partTy(ty), x)).join(", ")}}`;
    case "seq":
      return `[${itemsOf(v).map((x) => valueText(partTy(ty), x)).join(", ")}]`;
    case "map":
    case "rec":
      return `{${entriesOf(v).map(([k, x]) => `${k}: ${valueText(partTy(ty, k), x)}`).join(", ")}}`;
  }
}

/** The path of a container's part: `bal[0]`, `cfg.limit`, `queue[2]`. */
export function partPath(path: string, shape: "map" | "rec" | "seq", key: string | number): string {
  return shape === "rec" ? `${path}.${key}` : `${path}[${key}]`;
}

/** Past this many characters, a queue in a listing of leaves is opened element by element. */
export const LONG_VALUE = 100;

/**
 * The leaves of a value as (path, text): map entries and record fields are opened, sets shown whole,
 * queues whole unless their text is longer than LONG_VALUE (then element by element), so a listing
 * of a state never has a line much longer than its longest element.
 */
export function leavesOf(ty: Ty | undefined, path: string, v: Readable, out: [string, string][] = []): [string, string][] {
  const shape = shapeOf(ty, v);
  switch (shape) {
    case "map":
    case "rec":
      if (entriesOf(v).length === 0) out.push([path, valueText(ty, v)]);
      for (const [k, x] of entriesOf(v)) leavesOf(partTy(ty, k), partPath(path, shape, k), x, out);
      return out;
    case "seq": {
      const text = valueText(ty, v);
      if (text.length <= LONG_VALUE) out.push([path, text]);
      else
        itemsOf(v).forEach((x, i) => {
          const item = valueText(partTy(ty), x);
          if (item.length <= LONG_VALUE) out.push([partPath(path, "seq", i), item]);
          else leavesOf(partTy(ty), partPath(path, "seq", i), x, out);
        });
      return out;
    }
    case "leaf":
    case "set":
      out.push([path, valueText(ty, v)]);
      return out;
  }
}
