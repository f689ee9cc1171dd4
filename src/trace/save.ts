// Saving counterexamples into a directory under stable names (src/trace/write.ts): saving the same
// counterexample again finds its file and leaves it alone, so a corpus never fills with copies.

import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { isAbsolute, join, relative, resolve } from "node:path";
import type { Violation } from "../explore/result.js";
import { InputError } from "../lang/read.js";
import type { Model } from "../model/model.js";
import { traceFromViolation, type TraceOrigin } from "./from-model.js";
import type { Trace } from "./trace.js";
import { traceFileName, writeTrace } from "./write.js";

export const DEFAULT_COUNTEREXAMPLE_DIR = "counterexamples";

export interface SavedTrace {
  readonly path: string;
  /** created: a new file; unchanged: the same bytes were there; updated: same name, new content
   * (the spec's text or the explorer changed since it was saved). */
  readonly status: "created" | "unchanged" | "updated";
  readonly trace: Trace;
}

/** Writes `trace` into `dir` (created if needed); throws InputError when the disk refuses. */
export function saveTrace(model: Model, given: Trace, dir: string = DEFAULT_COUNTEREXAMPLE_DIR): SavedTrace {
  const trace = withFindableSpec(given, dir);
  const text = writeTrace(model, trace);
  const path = join(dir, traceFileName(trace));
  try {
    mkdirSync(dir, { recursive: true });
    let status: SavedTrace["status"] = "created";
    if (existsSync(path)) {
      if (readFileSync(path, "utf8") === text) return { path, status: "unchanged", trace };
      status = "updated";
    }
    // Write then rename, so an interrupted save never leaves half a file under the real name.
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, text);
    renameSync(tmp, path);
    return { path, status, trace };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`${path}: cannot save the counterexample (${code ?? (e instanceof Error ? e.message : String(e))})`);
  }
}

/** A spec outside the working directory is recorded as an absolute path, which replay refuses to
 * follow (src/api/replay.ts): when it lies in the save directory's tree, record it relative to
 * that directory instead, where replay looks. */
function withFindableSpec(trace: Trace, dir: string): Trace {
  if (!isAbsolute(trace.spec.path)) return trace;
  const rel = relative(resolve(dir), trace.spec.path);
  if (rel === "" || rel.split(/[\\/]/).includes("..") || isAbsolute(rel)) return trace;
  return { ...trace, spec: { ...trace.spec, path: rel.replace(/\\/g, "/") } };
}

/** Saves every violation of one run (any explorer: say which in `origin.explorer`). */
export function saveViolations(model: Model, violations: readonly Violation[], origin: TraceOrigin & { readonly dir?: string }): SavedTrace[] {
  return violations.map((v) => saveTrace(model, traceFromViolation(model, v, origin), origin.dir));
}
