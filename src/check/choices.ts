// Action parameters, callers and picks of any finite type: each value is an instance, so a type
// with more than 2^16 values is an error that says how many it has.

import type * as A from "../lang/ast.js";
import { MAX_CHOICE_VALUES } from "../ir/finite.js";
import { showType, sizeOfTy, type Ty } from "../ir/types.js";
import type { Checker } from "./checker.js";

function count(n: number): string {
  return n > 2 ** 52 ? "more than 2^52" : n.toLocaleString("en-US");
}

/** True when `ty` has few enough values to enumerate; reports otherwise. */
export function choiceSize(c: Checker, span: A.Span, what: string, ty: Ty): boolean {
  if (ty.k === "error") return false;
  const n = sizeOfTy(ty);
  if (n <= MAX_CHOICE_VALUES) return true;
  const sets = ty.k === "set" ? ` (every subset of ${ty.elem.k === "any" ? "its elements" : `\`${showType(ty.elem, false)}\``}, the empty one included)` : "";
  c.error(span, `${what} ranges over ${count(n)} values${sets}; at most ${MAX_CHOICE_VALUES.toLocaleString("en-US")} (2^16) are enumerated`, "narrow its type");
  return false;
}
