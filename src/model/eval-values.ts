// Flat states as the reference evaluator's values (src/ir/eval.ts), for explaining violations and
// for comparing the compiled model with the reference interpreter.

import type { Value } from "../ir/eval.js";
import { cardinality, slotCount, type Ty } from "../ir/types.js";
import type { Layout } from "./layout.js";

export function slotsToValue(ty: Ty, s: ArrayLike<number>, at: number): Value {
  switch (ty.k) {
    case "bool":
      return s[at] !== 0;
    case "int":
    case "enum":
      return s[at];
    case "set": {
      const out: number[] = [];
      for (let i = 0; i <= 30; i++) if ((s[at] >>> i) & 1) out.push(i);
      return out;
    }
    case "map": {
      const w = slotCount(ty.val);
      return Array.from({ length: cardinality(ty.key) }, (_, i) => slotsToValue(ty.val, s, at + i * w));
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
