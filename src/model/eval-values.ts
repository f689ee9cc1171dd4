// Flat states as the reference evaluator's values (src/ir/eval.ts), for explaining violations and
// for comparing the compiled model with the reference interpreter.

import type { Value } from "../ir/eval.js";
import { elemKey, setBase, valueAt } from "../ir/finite.js";
import { fromScaled } from "../ir/rational.js";
import { WORD_BITS, denOf, setWords, sizeOfTy, slotCount, type Ty } from "../ir/types.js";
import type { Layout } from "./layout.js";
import { indexAtPosition } from "./values.js";

export function slotsToValue(ty: Ty, s: ArrayLike<number>, at: number): Value {
  switch (ty.k) {
    case "bool":
      return s[at] !== 0;
    case "int":
      return fromScaled(s[at], denOf(ty));
    case "enum":
      return s[at];
    case "option":
      return s[at] === 0 || ty.elem.k === "any" ? [] : [valueAt(ty.elem, s[at] - 1)];
    case "set": {
      const out: Value[] = [];
      const elem = ty.elem;
      if (elem.k === "any" || elem.k === "error") return out;
      const base = setBase(elem);
      for (let w = 0; w < setWords(elem); w++) {
        for (let b = 0; b < WORD_BITS; b++) {
          if (!((s[at + w] >>> b) & 1)) continue;
          const p = base + w * WORD_BITS + b;
          const i = indexAtPosition(elem, p);
          // A bit outside the element type (never in a valid state) shows as its position.
          out.push(i < 0 ? p : elemKey(valueAt(elem, i)));
        }
      }
      return out;
    }
    case "map": {
      const w = slotCount(ty.val);
      return Array.from({ length: sizeOfTy(ty.key) }, (_, i) => slotsToValue(ty.val, s, at + i * w));
    }
    case "rec": {
      const out: Value[] = [];
      let o = at;
      for (const f of ty.fields) {
        out.push(slotsToValue(f.ty, s, o));
        o += slotCount(f.ty);
      }
      return out;
    }
    case "seq": {
      const w = slotCount(ty.elem);
      return Array.from({ length: Math.min(s[at], ty.cap) }, (_, i) => slotsToValue(ty.elem, s, at + 1 + i * w));
    }
    default:
      return [];
  }
}

/** Every variable's value, by variable id. */
export function stateValues(layout: Layout, s: ArrayLike<number>): Value[] {
  return layout.vars.map((v) => slotsToValue(v.ty, s, v.offset));
}
