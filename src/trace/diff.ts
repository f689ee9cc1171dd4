// Where two states differ, variable by variable, down to map entries and record fields: what replay
// reports when a recorded state is not the state the spec now reaches.

import type { Ty } from "../ir/types.js";
import type { Readable } from "../model/layout.js";
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
