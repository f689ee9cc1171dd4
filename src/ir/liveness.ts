// Instances of liveness properties: a property with binders `all(a in A, b in B: ...)` is checked
// once per combination of values, numbered with the first binder varying slowest.

import type { Liveness } from "./ir.js";
import { choiceCodeAt, choiceCount, choiceOrdinal } from "./finite.js";

/** The number of instances: the product of the binders' domains (1 without binders). */
export function livenessInstances(l: Liveness): number {
  return l.binders.reduce((n, b) => n * choiceCount(b.ty), 1);
}

/** The binders' values (choice codes: bools 0/1, enum ordinals, a compound value's index) of instance `k`. */
export function livenessBinding(l: Liveness, k: number): number[] {
  const out = new Array<number>(l.binders.length);
  for (let i = l.binders.length - 1; i >= 0; i--) {
    const n = choiceCount(l.binders[i].ty);
    out[i] = choiceCodeAt(l.binders[i].ty, k % n);
    k = Math.floor(k / n);
  }
  return out;
}

/** The instance whose binders have these values (codes); -1 if a value is outside its binder's type. */
export function livenessInstanceOf(l: Liveness, codes: readonly number[]): number {
  if (codes.length !== l.binders.length) return -1;
  let k = 0;
  for (let i = 0; i < l.binders.length; i++) {
    const ty = l.binders[i].ty;
    const ord = choiceOrdinal(ty, codes[i]);
    if (ord < 0) return -1;
    k = k * choiceCount(ty) + ord;
  }
  return k;
}
