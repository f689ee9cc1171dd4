// Checking a spec exhaustively: compile, choose the properties, search, and report coverage.

import { compileModel } from "../compile/compile.js";
import { bfs, type BfsOptions } from "../explore/bfs.js";
import { bfsAuto, type Workers } from "../explore/parallel.js";
import { WELL_TYPED, type PropertyRef, type PropertySelection } from "../explore/result.js";
import type { Spec } from "../ir/ir.js";
import { closest } from "../lang/suggest.js";
import type { Model } from "../model/model.js";
import type { CheckRun } from "./types/check.js";
import { checkVerdict, searchEnd, type PropertyAt, type SearchEnd, type Verdict } from "./verdict.js";

export interface CheckOptions extends Omit<BfsOptions, "properties"> {
  /** Worker threads for checkAsync: a number, or "auto" (one thread for small spaces, else every core). */
  readonly workers?: Workers;
  /** Check only the invariants and step properties with these names (default: all). */
  readonly only?: readonly string[];
}

export type { CheckRun } from "./types/check.js";

/** The verdict of property `p` in a check run (the one rule: src/api/verdict.ts). */
export function propertyVerdict(run: CheckRun, p: PropertyAt): Verdict {
  return checkVerdict(run.result, run.continued, p);
}

/** How a check run's search ended. */
export function runEnd(run: CheckRun): SearchEnd {
  return searchEnd(run.result, run.continued);
}

/** The selected properties and well_typed, in report order. */
export function selectedRefs(spec: Spec, selection: PropertySelection): PropertyRef[] {
  return [
    ...spec.invariants.map((p, index) => ({ kind: "invariant" as const, index, name: p.name })).filter((_, k) => selection.invariants[k]),
    ...spec.steps.map((p, index) => ({ kind: "step" as const, index, name: p.name })).filter((_, k) => selection.steps[k]),
    WELL_TYPED,
  ];
}

/** The verdict of every selected property and of well_typed, in report order. */
export function runVerdicts(run: CheckRun): { readonly ref: PropertyRef; readonly verdict: Verdict }[] {
  return selectedRefs(run.model.spec, run.selection).map((ref) => ({ ref, verdict: propertyVerdict(run, ref) }));
}

/** A property selection from names, or the names that match nothing (with a guess each). */
export function selectProperties(spec: Spec, names: readonly string[] | undefined): PropertySelection | { unknown: string[] } {
  if (!names || names.length === 0) {
    return { invariants: spec.invariants.map(() => true), steps: spec.steps.map(() => true) };
  }
  const all = [...spec.invariants.map((p) => p.name), ...spec.steps.map((p) => p.name)];
  const unknown = names
    .filter((n) => !all.includes(n))
    .map((n) => {
      const g = closest(n, all);
      return `no property \`${n}\` in spec \`${spec.name}\`${g ? `; did you mean \`${g}\`?` : all.length ? `; it has ${all.join(", ")}` : ""}`;
    });
  if (unknown.length) return { unknown };
  return { invariants: spec.invariants.map((p) => names.includes(p.name)), steps: spec.steps.map((p) => names.includes(p.name)) };
}

export function checkModel(model: Model, selection: PropertySelection, options: CheckOptions = {}): CheckRun {
  const result = bfs(model, { ...options, properties: selection });
  return { model, result, selection, continued: options.continueAfterViolation ?? false };
}

/** checkModel on `options.workers` threads (parallel search). */
export async function checkModelAsync(model: Model, selection: PropertySelection, options: CheckOptions = {}): Promise<CheckRun> {
  const result = await bfsAuto(model, { ...options, properties: selection });
  return { model, result, selection, continued: options.continueAfterViolation ?? false };
}

/** Compiles and checks a spec; throws if `only` names an unknown property. */
export function check(spec: Spec, options: CheckOptions = {}): CheckRun {
  const selection = selectProperties(spec, options.only);
  if ("unknown" in selection) throw new Error(selection.unknown.join("\n"));
  return checkModel(compileModel(spec), selection, options);
}
