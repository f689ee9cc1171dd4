// The numbers a counterexample's chart can plot, per state: every integer leaf (`bal[0]`,
// `cfg.limit`), sums over maps and queues (`sum(bal)`, `sum(queue[*].amount)`), sizes of sets
// (`size(voters)`) and lengths of queues (`len(queue)`). Queue elements are summed, not plotted one
// by one: a pop shifts every index. Exact fractions are plotted at their value (`5/4` as 1.25),
// summed exactly; an empty container sums to 0 over the number fields its element type has.

import { gcd } from "../ir/rational.js";
import type { Ty } from "../ir/types.js";
import type { Readable } from "../model/layout.js";
import { readableFraction } from "../model/values.js";
import type { VarType } from "../trace/diff.js";
import { entriesOf, itemsOf, partPath, partTy, shapeOf } from "../trace/show.js";
import type { ReportSeries } from "./report-data.js";

/** A plottable number: an integer, or an exact fraction as [num, den]; undefined otherwise. */
function ratioOf(v: Readable): [number, number] | undefined {
  if (typeof v === "number") return [v, 1];
  return readableFraction(v) ?? undefined;
}

function addRatio(a: [number, number], b: [number, number]): [number, number] {
  const num = a[0] * b[1] + b[0] * a[1];
  const den = a[1] * b[1];
  const g = gcd(num, den) || 1;
  return [num / g, den / g];
}

/** The number leaves a value of type `ty` always has (record fields, not map keys: those depend
 * on the value), so an empty container's sums are 0 rather than missing. */
function typeLeaves(ty: Ty | undefined, path: string, out: Map<string, [number, number]>): void {
  if (ty === undefined) return;
  if (ty.k === "int") out.set(path, [0, 1]);
  else if (ty.k === "rec" && !ty.tuple) for (const f of ty.fields) typeLeaves(f.ty, partPath(path, "rec", f.name), out);
}

/** Leaves only (relative paths such as "", `.amount`, `[0]`), for summing over a container. */
function leaves(ty: Ty | undefined, path: string, v: Readable, out: Map<string, [number, number]>): void {
  const shape = shapeOf(ty, v);
  switch (shape) {
    case "leaf": {
      const r = ratioOf(v);
      if (r !== undefined) out.set(path, r);
      return;
    }
    case "map":
    case "rec":
      for (const [k, x] of entriesOf(v)) leaves(partTy(ty, k), partPath(path, shape, k), x, out);
      return;
    case "set":
    case "seq":
      return;
  }
}

function sums(ty: Ty | undefined, path: string, items: readonly Readable[], out: Map<string, number>): void {
  const total = new Map<string, [number, number]>();
  typeLeaves(ty, "", total);
  for (const x of items) {
    const own = new Map<string, [number, number]>();
    leaves(ty, "", x, own);
    for (const [rel, n] of own) total.set(rel, addRatio(total.get(rel) ?? [0, 1], n));
  }
  for (const [rel, [num, den]] of total) out.set(rel === "" ? `sum(${path})` : `sum(${path}[*]${rel})`, num / den);
}

/** Every plottable number of a value at `path`, into `out` (in a stable order). */
export function numbersOf(ty: Ty | undefined, path: string, v: Readable, out: Map<string, number>): void {
  const shape = shapeOf(ty, v);
  switch (shape) {
    case "leaf": {
      const r = ratioOf(v);
      if (r !== undefined) out.set(path, r[0] / r[1]);
      return;
    }
    case "set":
      out.set(`size(${path})`, itemsOf(v).length);
      return;
    case "seq":
      out.set(`len(${path})`, itemsOf(v).length);
      sums(partTy(ty), path, itemsOf(v), out);
      return;
    case "rec":
      for (const [k, x] of entriesOf(v)) numbersOf(partTy(ty, k), partPath(path, shape, k), x, out);
      return;
    case "map": {
      const entries = entriesOf(v);
      sums(partTy(ty), path, entries.map(([, x]) => x), out);
      for (const [k, x] of entries) numbersOf(partTy(ty, k), partPath(path, shape, k), x, out);
      return;
    }
  }
}

/** At most this many series (sums and top-level numbers first). */
const MAX_SERIES = 80;
/** At most this many shown at first. */
const MAX_SHOWN = 8;

/**
 * The chart's series over `states`, and which are shown at first: the sums over maps (total stake),
 * the lengths of queues and sizes of sets, the entries of the first map of numbers (each account's
 * balance) and the integer variables, those that change before those that do not.
 */
export function seriesOf(vars: readonly VarType[], states: readonly Readonly<Record<string, Readable>>[]): ReportSeries[] {
  const perState = states.map((s) => {
    const out = new Map<string, number>();
    for (const v of vars) if (Object.hasOwn(s, v.name)) numbersOf(v.ty, v.name, s[v.name], out);
    return out;
  });
  const names: string[] = [];
  const seen = new Set<string>();
  for (const m of perState) for (const k of m.keys()) if (!seen.has(k)) (seen.add(k), names.push(k));
  const rank = (n: string) => (n.startsWith("sum(") ? 0 : /^[^.[(]+$/.test(n) ? 1 : /^[^.[(]+\[[^\]]+\]$/.test(n) ? 2 : 3);
  const kept = names
    .map((name, i) => ({ name, i }))
    .sort((a, b) => rank(a.name) - rank(b.name) || a.i - b.i)
    .slice(0, MAX_SERIES)
    .sort((a, b) => a.i - b.i)
    .map((x) => x.name);
  const all = kept.map((name) => ({ name, values: perState.map((m) => m.get(name) ?? null) }));
  const changes = (s: { values: readonly (number | null)[] }) => s.values.some((x) => x !== s.values[0]);
  const firstMap = vars.find((v) => all.some((s) => s.name === `sum(${v.name})`));
  const wanted = (name: string) =>
    /^(sum|len|size)\([^.[\]]+\)$/.test(name) ||
    /^[^.[(]+$/.test(name) ||
    (firstMap !== undefined && name.startsWith(`${firstMap.name}[`) && /^[^.[(]+\[[^\]]+\]$/.test(name));
  const preferred = [...all.filter((s) => wanted(s.name) && changes(s)), ...all.filter((s) => wanted(s.name) && !changes(s))];
  const fallback = all.filter(changes);
  const shown = new Set((preferred.some(changes) ? preferred : fallback).slice(0, MAX_SHOWN).map((s) => s.name));
  return all.map((s) => ({ ...s, shown: shown.has(s.name) }));
}
