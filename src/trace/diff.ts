// Where two states differ. `diffStates`: leaf by leaf, down to map entries and record fields, what
// replay reports when a recorded state is not the state the spec now reaches. `stateChanges`: what a
// step changed, element by element (below).

import { sizeOfTy, type Ty } from "../ir/types.js";
import { keyText, type Readable } from "../model/layout.js";
import type { Model } from "../model/model.js";
import { assertNever } from "../util/assert-never.js";
import { entriesOf, itemsOf, leavesOf, partPath, partTy, shapeOf, valueText } from "./show.js";

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

// Element-level changes between two states, as the counterexample listings show them (terminal and
// HTML): only what changed, and inside containers only the parts that changed: `bal[0]: 3 -> 2`,
// `queue[2].amount: 1 -> 0`, `voters: +{3}`, `queue: push {owner: 0, amount: 1}`.

/** A variable and, when the spec is at hand, its type. */
export interface VarType {
  readonly name: string;
  readonly ty?: Ty;
}

export type Change =
  /** A part replaced: a scalar, or a container whose shape changed. */
  | { readonly kind: "value"; readonly path: string; readonly before: string; readonly after: string }
  /** A set's elements added and removed. */
  | { readonly kind: "set"; readonly path: string; readonly added: readonly string[]; readonly removed: readonly string[] }
  /** A queue's element taken from the front (pop), appended (push), or cut from the end (drop). */
  | { readonly kind: "pop" | "push" | "drop"; readonly path: string; readonly item: string };

const ABSENT = "(absent)";

function keyOf(v: Readable): string {
  return JSON.stringify(v);
}

/** How a queue moved: `d` elements left the front and the rest lines up with the new queue's
 * first `overlap` elements. The alignment with the fewest lines of changes wins (`lines(i, j)`: the
 * lines for old element i against new element j, 0 when equal); ties go to the one that cuts fewer
 * elements from the end, then to fewer pops: a queue is first in, first out. */
function alignQueues(na: number, nb: number, lines: (i: number, j: number) => number): { d: number; overlap: number } {
  let best = { d: 0, overlap: 0, cost: Infinity, drops: Infinity };
  for (let d = 0; d <= na; d++) {
    const overlap = Math.min(na - d, nb);
    const drops = na - d - overlap;
    let cost = d + drops + (nb - overlap);
    for (let i = 0; i < overlap && cost <= best.cost; i++) cost += lines(d + i, i);
    if (cost < best.cost || (cost === best.cost && drops < best.drops)) best = { d, overlap, cost, drops };
  }
  return best;
}

/** The changes from `before` to `after` (values of type `ty`) at `path`, appended to `out`. */
export function valueChanges(ty: Ty | undefined, path: string, before: Readable, after: Readable, out: Change[] = []): Change[] {
  if (same(before, after)) return out;
  const shape = shapeOf(ty, before);
  if (shape !== shapeOf(ty, after)) {
    out.push({ kind: "value", path, before: valueText(ty, before), after: valueText(ty, after) });
    return out;
  }
  switch (shape) {
    case "leaf":
      out.push({ kind: "value", path, before: valueText(ty, before), after: valueText(ty, after) });
      return out;
    case "set": {
      const a = new Set(itemsOf(before).map(keyOf));
      const b = new Set(itemsOf(after).map(keyOf));
      const elem = partTy(ty);
      const added = itemsOf(after).filter((x) => !a.has(keyOf(x))).map((x) => valueText(elem, x));
      const removed = itemsOf(before).filter((x) => !b.has(keyOf(x))).map((x) => valueText(elem, x));
      out.push({ kind: "set", path, added, removed });
      return out;
    }
    case "map":
    case "rec": {
      const a = entriesOf(before);
      const b = new Map(entriesOf(after));
      const seen = new Set<string>();
      for (const [k, x] of a) {
        seen.add(k);
        const p = partPath(path, shape, k);
        if (b.has(k)) valueChanges(partTy(ty, k), p, x, b.get(k)!, out);
        else out.push({ kind: "value", path: p, before: valueText(partTy(ty, k), x), after: ABSENT });
      }
      for (const [k, x] of b) if (!seen.has(k)) out.push({ kind: "value", path: partPath(path, shape, k), before: ABSENT, after: valueText(partTy(ty, k), x) });
      return out;
    }
    case "seq": {
      const a = itemsOf(before);
      const b = itemsOf(after);
      const elem = partTy(ty);
      const ka = a.map(keyOf);
      const kb = b.map(keyOf);
      const { d, overlap } = alignQueues(a.length, b.length, (i, j) => (ka[i] === kb[j] ? 0 : valueChanges(elem, "", a[i], b[j]).length));
      for (let i = 0; i < d; i++) out.push({ kind: "pop", path, item: valueText(elem, a[i]) });
      for (let i = 0; i < overlap; i++) valueChanges(elem, partPath(path, "seq", i), a[d + i], b[i], out);
      for (let i = d + overlap; i < a.length; i++) out.push({ kind: "drop", path, item: valueText(elem, a[i]) });
      for (let i = overlap; i < b.length; i++) out.push({ kind: "push", path, item: valueText(elem, b[i]) });
      return out;
    }
  }
}

/** What changed from one state to the next, variable by variable in declaration order. */
export function stateChanges(vars: readonly VarType[], before: Readonly<Record<string, Readable>>, after: Readonly<Record<string, Readable>>): Change[] {
  const out: Change[] = [];
  for (const v of vars) {
    if (!Object.hasOwn(before, v.name) || !Object.hasOwn(after, v.name)) continue;
    valueChanges(v.ty, v.name, before[v.name], after[v.name], out);
  }
  return out;
}

/** One line: `bal[0]: 3 -> 2`, `voters: +{3} -{1}`, `queue: push {owner: 0, amount: 1}`. */
export function changeText(c: Change, arrow = "->"): string {
  switch (c.kind) {
    case "value":
      return `${c.path}: ${c.before} ${arrow} ${c.after}`;
    case "set":
      return `${c.path}: ${[c.added.length ? `+{${c.added.join(", ")}}` : "", c.removed.length ? `-{${c.removed.join(", ")}}` : ""].filter((x) => x).join(" ")}`;
    case "pop":
    case "push":
      return `${c.path}: ${c.kind} ${c.item}`;
    case "drop":
      return `${c.path}: drop ${c.item} (from the end)`;
    default:
      return assertNever(c);
  }
}

/** Every leaf of a state as (path, text), variable by variable (see leavesOf). */
export function stateLeaves(vars: readonly VarType[], values: Readonly<Record<string, Readable>>): [string, string][] {
  const out: [string, string][] = [];
  for (const v of vars) if (Object.hasOwn(values, v.name)) leavesOf(v.ty, v.name, values[v.name], out);
  return out;
}
