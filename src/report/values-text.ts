// Values and steps in words, as a spec writes them: readable values, a state's leaves (map entries
// and record fields opened), what changed between two states, an action instance.

import type { Ty } from "../ir/types.js";
import { scalarReadable, type Readable } from "../model/layout.js";
import type { Model } from "../model/model.js";

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

function formatSet(v: Readable): string {
  return Array.isArray(v) ? `{${v.map(formatReadable).join(", ")}}` : formatReadable(v);
}

/** Leaves of a variable's value as (path, text): map entries and record fields are opened, sets
 * and queues are shown whole. */
function leaves(path: string, v: Readable, ty: Ty, out: [string, string][]): void {
  switch (ty.k) {
    case "map":
      for (const [k, x] of Object.entries(v as Record<string, Readable>)) leaves(`${path}[${k}]`, x, ty.val, out);
      return;
    case "rec":
      for (const f of ty.fields) leaves(`${path}.${f.name}`, (v as Record<string, Readable>)[f.name], f.ty, out);
      return;
    case "set":
      out.push([path, formatSet(v)]);
      return;
    default:
      out.push([path, formatReadable(v)]);
  }
}

export function stateLeaves(model: Model, s: Int32Array): Map<string, string> {
  const values = model.decode(s);
  const out: [string, string][] = [];
  for (const v of model.vars) leaves(v.name, values[v.name], v.ty, out);
  return new Map(out);
}

/** `withdraw(a = 1) by caller = 0, pick x = 2` */
export function describeStep(model: Model, action: number, args: readonly number[]): string {
  const a = model.actions[action];
  const show = (i: number) => String(scalarReadable(a.choices[i].ty, args[i]));
  const params = a.choices.map((c, i) => (c.kind === "param" ? `${c.name} = ${show(i)}` : null)).filter((x) => x !== null);
  const caller = a.choices.findIndex((c) => c.kind === "caller");
  const picks = a.choices.map((c, i) => (c.kind === "pick" ? `${c.name} = ${show(i)}` : null)).filter((x) => x !== null);
  let text = `${a.name}(${params.join(", ")})`;
  if (caller >= 0) text += ` by ${a.choices[caller].name} = ${show(caller)}`;
  if (picks.length) text += `, pick ${picks.join(", ")}`;
  return text;
}

/** `path: before -> after` for every leaf that differs; "(no change)" when none does. */
export function stateChanges(prev: ReadonlyMap<string, string>, cur: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  for (const [k, x] of cur) if (prev.get(k) !== x) out.push(`${k}: ${prev.get(k)} -> ${x}`);
  return out.length ? out : ["(no change)"];
}
