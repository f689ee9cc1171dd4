// Checking a spec exhaustively: compile, choose the properties, search, and report coverage.

import { compileModel } from "../compile/compile.js";
import { bfs, type BfsOptions, type BfsResult } from "../explore/bfs.js";
import { livenessSearch } from "../explore/liveness/search.js";
import { bfsAuto, type Workers } from "../explore/parallel.js";
import { selectsLiveness, type PropertySelection } from "../explore/result.js";
import { hasSymmetry } from "../explore/symmetry.js";
import type { Spec } from "../ir/ir.js";
import { InputError } from "../lang/read.js";
import { closest } from "../lang/suggest.js";
import type { Model } from "../model/model.js";
import { setUpCheckpoints, withCheckpointErrors, withCheckpointErrorsSync } from "./checkpoint.js";

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

export interface CheckRun {
  readonly model: Model;
  readonly result: BfsResult;
  readonly selection: PropertySelection;
  /** Whether the search went on past violations (--continue). */
  readonly continued: boolean;
}

/** What a property that was not found violated means in this run. */
export type Unviolated =
  | { readonly kind: "holds" }
  /** A bound the user asked for (--max-depth, --max-states): holds within it. */
  | { readonly kind: "bounded"; readonly limit: string }
  /** Not proved: the search stopped early (a violation without --continue, memory, interrupt). */
  | { readonly kind: "unknown"; readonly why: string };

export function unviolated(run: CheckRun): Unviolated {
  const r = run.result;
  if (r.limit && (r.limit.kind === "depth" || r.limit.kind === "states")) return { kind: "bounded", limit: r.limit.message };
  if (r.limit) return { kind: "unknown", why: `not violated in the part explored (${r.limit.message})` };
  if (stoppedAtViolation(run)) return { kind: "unknown", why: "not checked beyond the first violation (use --continue)" };
  return { kind: "holds" };
}

/** Whether the breadth-first search stopped at a violation (liveness violations are found after it,
 * on the whole graph). */
function stoppedAtViolation(run: CheckRun): boolean {
  return !run.continued && run.result.violations.some((v) => v.property.kind !== "liveness");
}

/** What liveness property `k`, not found violated, means in this run. A bound proves nothing about
 * a liveness property (a lasso may need the states beyond it): only a whole search does. */
export function livenessUnviolated(run: CheckRun, k: number): Unviolated {
  const r = run.result;
  const outcome = r.liveness?.properties[k];
  if (outcome?.failed) return { kind: "unknown", why: "not decided: evaluating it failed a well_typed check (see well_typed)" };
  if (outcome?.skipped) return { kind: "unknown", why: outcome.skipped };
  if (r.limit) return { kind: "unknown", why: `no lasso in the part explored; not proved (${r.limit.message})` };
  if (stoppedAtViolation(run)) return { kind: "unknown", why: "no lasso in the part explored; not proved beyond the first violation (use --continue)" };
  return { kind: "holds" };
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
