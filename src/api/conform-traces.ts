// Counterexample files for conformance: which saved counterexamples belong to a spec (the spec path
// they record, and the same consts), as paths of action instances to replay against an
// implementation; and a divergence saved as a conformance counterexample. Reading, binding, naming
// and saving are src/trace's; this only chooses and converts.

import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { Model } from "../model/model.js";
import { bindTrace } from "../trace/bind.js";
import { traceFiles } from "../trace/files.js";
import { traceFromConformance, type ConformanceDivergence } from "../trace/from-conformance.js";
import { readTraceFile, TraceFileError } from "../trace/read.js";
import { saveTrace, type SavedTrace } from "../trace/save.js";
import type { Trace, TraceExplorer } from "../trace/trace.js";
import { sha256Hex } from "../trace/write.js";
import { resolveSpecPath } from "./replay.js";

/** A path to replay against an implementation before the random walks. */
export interface ConformanceTrace {
  /** What the report calls it: the counterexample file's path, or a name of the caller's. */
  readonly name: string;
  readonly instances: readonly number[];
  /** Why it is not replayed (saved with other consts, or the spec moved away from it). */
  readonly skip?: string;
  /** For a conformance counterexample: how the implementation diverged when it was saved. */
  readonly recorded?: { readonly step: number; readonly name: string; readonly failure: string };
}

function constsText(c: Readonly<Record<string, number | boolean>>): string {
  return Object.entries(c)
    .map(([k, v]) => `${k} = ${String(v)}`)
    .join(", ");
}

/** Why a trace saved with `recorded` consts does not apply to `model`, or null when it does. */
function constsMismatch(model: Model, recorded: Trace["consts"]): string | null {
  const now: Record<string, number | boolean> = {};
  for (const c of model.spec.consts) now[c.name] = c.value;
  const keys = new Set([...Object.keys(now), ...Object.keys(recorded)]);
  const differ = [...keys].filter((k) => now[k] !== recorded[k]);
  if (differ.length === 0) return null;
  const pick = (c: Readonly<Record<string, number | boolean>>) => Object.fromEntries(differ.filter((k) => k in c).map((k) => [k, c[k]]));
  return `saved with ${constsText(pick(recorded)) || "other consts"}; this run has ${constsText(pick(now)) || "other consts"}`;
}

/**
 * The counterexamples under `dir` (searched recursively for `*.itf.json`) whose recorded spec is
 * `model`'s file, in file-name order: property counterexamples (from check, fuzz) and conformance
 * ones alike. None when `dir` does not exist. A file that cannot be read, or that does not fit the
 * very spec text it was saved from, throws TraceFileError: a corrupt corpus is not skipped quietly.
 */
export function savedTraces(model: Model, dir: string): ConformanceTrace[] {
  if (!existsSync(dir)) return [];
  const specFile = resolve(model.spec.file.path);
  const sha = sha256Hex(model.spec.file.text);
  const out: ConformanceTrace[] = [];
  for (const file of traceFiles([dir])) {
    const trace = readTraceFile(file);
    const found = resolveSpecPath(file, trace.spec.path);
    if ("refused" in found || resolve(found.path) !== specFile) continue;
    const mismatch = constsMismatch(model, trace.consts);
    if (mismatch) {
      out.push({ name: file, instances: [], skip: mismatch });
      continue;
    }
    const bound = bindTrace(model, trace);
    if ("problems" in bound) {
      if (trace.spec.sha256 === sha) throw new TraceFileError(file, bound.problems);
      out.push({ name: file, instances: [], skip: `the spec changed and the counterexample no longer fits it (${bound.problems[0]}); \`stakecheck replay ${file}\` says more` });
      continue;
    }
    const v = trace.violation;
    out.push({
      name: file,
      instances: bound.bound.steps.map((s) => s.inst),
      ...(v.kind === "conformance" && v.conformance ? { recorded: { step: v.step, name: v.name, failure: v.conformance.failure } } : {}),
    });
  }
  return out;
}

/** Saves a divergence as a conformance counterexample in `dir` (stable name; saving it again
 * writes no second file). `specPath` as the user gave it (default: the model's file). */
export function saveDivergence(model: Model, d: ConformanceDivergence, options: { readonly dir: string; readonly explorer: TraceExplorer; readonly specPath?: string }): SavedTrace {
  const trace = traceFromConformance(model, d, { explorer: options.explorer, ...(options.specPath ? { specPath: options.specPath } : {}) });
  return saveTrace(model, trace, options.dir);
}
