// Which values the generated module compares by content, and the type descriptions (TShape, in
// helpers-values.ts) its value checks read.

import { denOf, stepOf, type Ty } from "../../ir/types.js";
import { jsString } from "./escape.js";

/** Whether values of `t` are objects at run time (fractions, tuples, records, options), so that
 * sets and maps holding them must compare them by content. */
export function byContent(t: Ty): boolean {
  return (t.k === "int" && denOf(t) > 1) || t.k === "rec" || t.k === "option";
}

/** Whether any of these set types holds elements compared by content. */
export function setsByContent(...ts: Ty[]): boolean {
  return ts.some((t) => t.k === "set" && byContent(t.elem));
}

/** Whether a type holds, anywhere inside, a value of the second edition (a fraction, tuple,
 * option, or a set or map of values compared by content): equality then compares by content. */
export function hasValues(t: Ty): boolean {
  switch (t.k) {
    case "int":
      return denOf(t) > 1;
    case "option":
      return true;
    case "rec":
      return t.tuple === true || t.fields.some((f) => hasValues(f.ty));
    case "set":
      return hasValues(t.elem) || byContent(t.elem);
    case "map":
      return byContent(t.key) || hasValues(t.key) || hasValues(t.val);
    case "seq":
      return hasValues(t.elem);
    default:
      return false;
  }
}

/** The TShape literal of a finite type. */
export function typeShape(t: Ty): string {
  switch (t.k) {
    case "int":
      return `["i", ${t.lo}, ${t.hi}, ${denOf(t)}, ${stepOf(t)}]`;
    case "bool":
      return `["b"]`;
    case "enum":
      return `["e", ${t.members.length}]`;
    case "rec":
      return t.tuple ? `["t", [${t.fields.map((f) => typeShape(f.ty)).join(", ")}]]` : `["r", [${t.fields.map((f) => `[${jsString(f.name)}, ${typeShape(f.ty)}]`).join(", ")}]]`;
    case "option":
      return t.elem.k === "any" ? `["o", ["b"]]` : `["o", ${typeShape(t.elem)}]`;
    default:
      throw new Error(`internal: ${t.k} values have no index`);
  }
}
