// Where two states differ, variable by variable, down to map entries and record fields: what replay
// reports when a recorded state is not the state the spec now reaches.

import { sizeOfTy, type Ty } from "../ir/types.js";
import { keyText, type Readable } from "../model/layout.js";
import type { Model } from "../model/model.js";

export interface ValueDiff {
  /** `bal[1]`, `queue`, `cfg.limit` */
  readonly path: string;
  readonly expected: Readable;
  readonly found: Readable;
}

function same(a: Readable, b: Readable): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function diffValue(ty: Ty, path: string, expected: Readable, found: Readable, out: ValueDiff[]): void {
  if (same(expected, found)) return;
  if (ty.k === "map" && typeof expected === "object" && typeof found === "object" && !Array.isArray(expected) && !Array.isArray(found)) {
    for (const k of Object.keys(expected)) diffValue(ty.val, `${path}[${k}]`, expected[k], found[k], out);
    return;
  }
  if (ty.k === "rec" && typeof expected === "object" && typeof found === "object" && !Array.isArray(expected) && !Array.isArray(found)) {
    for (const f of ty.fields) diffValue(f.ty, `${path}.${f.name}`, expected[f.name], found[f.name], out);
    return;
  }
  out.push({ path, expected, found });
}

/** The leaves where `found` differs from `expected` (both flat states of `model`), in variable order. */
export function diffStates(model: Model, expected: Int32Array, found: Int32Array): ValueDiff[] {
  const a = model.decode(expected);
  const b = model.decode(found);
  const out: ValueDiff[] = [];
  for (const v of model.vars) diffValue(v.ty, v.name, a[v.name], b[v.name], out);
  return out;
}

/**
 * The type of the part of a state that `place` names, in the paths diffs use (`stake[0]`, `slashed`,
 * `cfg.limit`, `queue[1].owner`: map keys by their text, queue elements by index, record fields by
 * name), or null when it names no part of a state of `model`.
 */
export function typeAt(model: Model, place: string): Ty | null {
  const head = /^[^.[\]]+/.exec(place);
  const v = head ? model.vars.find((x) => x.name === head[0]) : undefined;
  if (!head || !v) return null;
  let ty: Ty = v.ty;
  let rest = place.slice(head[0].length);
  while (rest !== "") {
    const index = /^\[([^\]]+)\]/.exec(rest);
    const field = /^\.([^.[\]]+)/.exec(rest);
    if (index && ty.k === "map") {
      const key = ty.key;
      if (!Array.from({ length: sizeOfTy(key) }, (_, i) => keyText(key, i)).includes(index[1])) return null;
      ty = ty.val;
    } else if (index && ty.k === "seq" && ty.elem.k !== "any") {
      if (!/^[0-9]+$/.test(index[1]) || Number(index[1]) >= ty.cap) return null;
      ty = ty.elem;
    } else if (field && ty.k === "rec") {
      const f = ty.fields.find((x) => x.name === field[1]);
      if (!f) return null;
      ty = f.ty;
    } else {
      return null;
    }
    rest = rest.slice((index ?? field)![0].length);
  }
  return ty;
}
