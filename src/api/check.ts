// Checking a spec exhaustively: compile, choose the properties, search, and report coverage.

import { compileModel } from "../compile/compile.js";
import { bfs, type BfsOptions } from "../explore/bfs.js";
import { livenessSearch } from "../explore/liveness/search.js";
import { bfsAuto, type Workers } from "../explore/parallel.js";
import { selectsLiveness, WELL_TYPED, type PropertyRef, type PropertySelection } from "../explore/result.js";
import { hasSymmetry } from "../explore/symmetry.js";
import type { Spec } from "../ir/ir.js";
import { InputError } from "../lang/read.js";
import { closest } from "../lang/suggest.js";
import type { Model } from "../model/model.js";
import { setUpCheckpoints, withCheckpointErrors, withCheckpointErrorsSync } from "./checkpoint.js";
import type { CheckRun } from "./types/check.js";
import { checkVerdict, searchEnd, type PropertyAt, type SearchEnd, type Verdict } from "./verdict.js";

export interface CheckOptions extends Omit<BfsOptions, "properties"> {
  /** Worker threads for checkAsync: a number, or "auto" (one thread for small spaces, else every core). */
  readonly workers?: Workers;
  /** Check only the invariants and step properties with these names (default: all). */
  readonly only?: readonly string[];
  /** Write a checkpoint of the search to this file now and then (every `checkpointEveryMs`, default 5 minutes). */
  readonly checkpointFile?: string;
  readonly checkpointEveryMs?: number;
  /** Continue the search from this checkpoint (written by a search with the same spec, consts and options). */
  readonly resumeFile?: string;
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
    ...(spec.liveness ?? []).map((p, index) => ({ kind: "liveness" as const, index, name: p.name })).filter((_, k) => selection.liveness?.[k]),
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
    return { invariants: spec.invariants.map(() => true), steps: spec.steps.map(() => true), liveness: (spec.liveness ?? []).map(() => true) };
  }
  const all = [...spec.invariants.map((p) => p.name), ...spec.steps.map((p) => p.name), ...(spec.liveness ?? []).map((p) => p.name)];
  const unknown = names
    .filter((n) => !all.includes(n))
    .map((n) => {
      const g = closest(n, all);
      return `no property \`${n}\` in spec \`${spec.name}\`${g ? `; did you mean \`${g}\`?` : all.length ? `; it has ${all.join(", ")}` : ""}`;
    });
  if (unknown.length) return { unknown };
  return {
    invariants: spec.invariants.map((p) => names.includes(p.name)),
    steps: spec.steps.map((p) => names.includes(p.name)),
    liveness: (spec.liveness ?? []).map((p) => names.includes(p.name)),
  };
}

export function checkModel(model: Model, selection: PropertySelection, options: CheckOptions = {}): CheckRun {
  if (selectsLiveness(selection)) {
    if (options.checkpointFile || options.resumeFile) throw new InputError("checkpoints are not supported for liveness properties: check them alone without --checkpoint/--resume, or leave them out with --invariant");
    const result = livenessSearch(model, { ...options, properties: selection, notes: livenessNotes(model, options) });
    return { model, result, selection, continued: options.continueAfterViolation ?? false };
  }
  const ck = setUpCheckpoints(model, selection, options);
  if (ck.resume?.header.mode === "parallel") {
    ck.resume.reader.close();
    throw new InputError(`${options.resumeFile}: a checkpoint of a parallel search resumes with checkModelAsync`);
  }
  try {
    const result = withCheckpointErrorsSync(options.resumeFile, () => bfs(model, { ...options, properties: selection, ...ck }));
    return { model, result, selection, continued: options.continueAfterViolation ?? false };
  } finally {
    ck.resume?.reader.close();
  }
}

/** checkModel on `options.workers` threads (parallel search); liveness runs on one. */
export async function checkModelAsync(model: Model, selection: PropertySelection, options: CheckOptions = {}): Promise<CheckRun> {
  if (selectsLiveness(selection)) return checkModel(model, selection, options);
  const ck = setUpCheckpoints(model, selection, options);
  try {
    const result = await withCheckpointErrors(options.resumeFile, () => bfsAuto(model, { ...options, properties: selection, ...ck }));
    return { model, result, selection, continued: options.continueAfterViolation ?? false };
  } finally {
    ck.resume?.reader.close();
  }
}

/** How a search with liveness properties differs from what a safety search would do. */
function livenessNotes(model: Model, options: CheckOptions): string[] {
  const notes: string[] = [];
  const w = options.workers;
  if (typeof w === "number" && w > 1) notes.push(`--workers ${w} ignored: liveness is checked on one worker`);
  if (options.symmetry !== false && hasSymmetry(model)) notes.push("symmetry reduction off: liveness is checked on the unreduced graph");
  if (options.bitstate !== undefined) notes.push("--bitstate ignored: liveness needs every state by number");
  return notes;
}

/** Compiles and checks a spec; throws if `only` names an unknown property. */
export function check(spec: Spec, options: CheckOptions = {}): CheckRun {
  const selection = selectProperties(spec, options.only);
  if ("unknown" in selection) throw new Error(selection.unknown.join("\n"));
  return checkModel(compileModel(spec), selection, options);
}
