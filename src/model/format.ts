// Readable values as a spec writes them, for counterexamples, conformance reports and messages:
// `7/2`, `(1, 2)`, `some(A)`, `none`, `{0, 1, 2}`, `{owner: 0, amount: 1}`, `[1, 2]`.

import type { Ty } from "../ir/types.js";
import type { Readable } from "./layout.js";
import { readableOption, readableText } from "./values.js";

/** A readable value as written in a spec: `{A, B}`, `[1, 2]`, `{0: 3, 1: 2}`. */
export function formatReadable(v: Readable): string {
  if (Array.isArray(v)) {
    return v.length > 0 && v.every((x) => typeof x !== "object") ? `[${v.map(formatReadable).join(", ")}]` : `[${v.map(formatReadable).join(", ")}]`;
  }
  if (typeof v === "object" && v !== null) {
    return `{${Object.entries(v).map(([k, x]) => `${k}: ${formatReadable(x)}`).join(", ")}}`;
  }
  return String(v);
}

/** A readable value of type `ty` as written in a spec: `7/2`, `(1, 2)`, `some(A)`, `none`,
 * `{0, 1, 2}`, `{owner: 0, amount: 1}`, `[1, 2]`. */
export function formatTyped(ty: Ty, v: Readable): string {
  switch (ty.k) {
    case "int":
      return readableText(v);
    case "option": {
      const o = readableOption(v);
      if (o === undefined) return formatReadable(v);
      return o === null || ty.elem.k === "any" ? "none" : `some(${formatTyped(ty.elem, o[0])})`;
    }
    case "set":
      return Array.isArray(v) && ty.elem.k !== "any" ? `{${v.map((x) => formatTyped(ty.elem as Ty, x)).join(", ")}}` : formatReadable(v);
    case "rec":
      if (ty.tuple && Array.isArray(v)) return `(${ty.fields.map((f, i) => formatTyped(f.ty, v[i])).join(", ")})`;
      if (typeof v === "object" && v !== null && !Array.isArray(v)) return `{${ty.fields.map((f) => `${f.name}: ${formatTyped(f.ty, v[f.name])}`).join(", ")}}`;
      return formatReadable(v);
    case "seq":
      return Array.isArray(v) && ty.elem.k !== "any" ? `[${v.map((x) => formatTyped(ty.elem as Ty, x)).join(", ")}]` : formatReadable(v);
    case "map":
      if (typeof v === "object" && v !== null && !Array.isArray(v)) return `{${Object.entries(v).map(([k, x]) => `${k}: ${formatTyped(ty.val, x)}`).join(", ")}}`;
      return formatReadable(v);
    default:
      return formatReadable(v);
  }
}
