// Replaying saved counterexamples on the current spec: read the file, find and load the spec with
// the recorded consts, bind the trace to the compiled model and replay it (src/trace/replay.ts).

import { readFileSync, realpathSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { compileModel } from "../compile/compile.js";
import { hasErrors } from "../lang/diagnostic.js";
import { InputError } from "../lang/read.js";
import type { Model } from "../model/model.js";
import { renderDiagnostics } from "../report/diagnostics.js";
import { bindTrace } from "../trace/bind.js";
import { traceFiles } from "../trace/files.js";
import { bindQuintTrace, replayQuint } from "../trace/quint-replay.js";
import { isQuintMbt, readTraceFile } from "../trace/read.js";
import { replayBound, type ReplayVerdict } from "../trace/replay.js";
import type { Trace } from "../trace/trace.js";
import { defuse, MAX_JSON_DEPTH, nestingBeyond } from "../trace/untrusted.js";
import { sha256Hex } from "../trace/write.js";
import { assertNever } from "../util/assert-never.js";
import { loadSpecFile } from "./load.js";
import type { ReplayExpectation, ReplayOptions, ReplayOutcome } from "./types/replay.js";

export type { ReplayExpectation, ReplayOptions, ReplayOutcome } from "./types/replay.js";

/**
 * The spec a trace names, under one rule: a trace file is untrusted data and never picks a file to
 * read outside what the user named. `#meta.spec.path` must be a relative path to a `.stake` file,
 * with no `..` segment; it is looked up from the working directory, then from the trace file's
 * directory and each parent of it up to the working directory (so a corpus replays from anywhere in
 * the repository); the file found, symbolic links followed, must lie inside the working directory
 * or the trace file's directory. Anything else needs `--spec PATH`. Returns the path, or why not.
 */
export function resolveSpecPath(file: string, recorded: string): { path: string } | { refused: string } {
  const shown = JSON.stringify(recorded);
  if (isAbsolute(recorded) || /^[A-Za-z]:/.test(recorded)) return { refused: `its spec path ${shown} is absolute; a trace names its spec relative to the working directory` };
  const parts = recorded.split(/[\\/]/);
  if (parts.includes("..")) return { refused: `its spec path ${shown} leaves the directory it is looked up from (\`..\`)` };
  if (!recorded.endsWith(".stake")) return { refused: `its spec path ${shown} is not a .stake file` };
  const cwd = realpathOrSelf(process.cwd());
  const traceDir = realpathOrSelf(resolve(dirname(file)));
  const inside = (p: string, root: string) => p === root || p.startsWith(root.endsWith(sep) ? root : root + sep);
  const allowed = (p: string) => {
    const real = realpathOrSelf(p);
    return (inside(real, cwd) || inside(real, traceDir)) && isFile(real);
  };
  const dirs = [cwd];
  for (let dir = traceDir; ; ) {
    dirs.push(dir);
    const up = dirname(dir);
    if (up === dir || !inside(up, cwd)) break;
    dir = up;
  }
  for (const dir of dirs) {
    const candidate = join(dir, recorded);
    if (allowed(candidate)) return { path: relative(process.cwd(), candidate) || candidate };
  }
  return { refused: `its spec ${shown} is not found (from here or from the file's directory and its parents here)` };
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function realpathOrSelf(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

/** Compiled models by spec path and consts, so a corpus compiles each spec once. */
type Loaded = { model: Model; sha256: string } | { error: string } | { gone: string[]; sha256: string };
export type ModelCache = Map<string, Loaded>;

function loadModel(specPath: string, consts: Trace["consts"], cache: ModelCache): Loaded {
  const key = `${resolve(specPath)}\u0000${JSON.stringify(consts)}`;
  const hit = cache.get(key);
  if (hit) return hit;
  let entry: Loaded;
  try {
    const loaded = loadSpecFile(specPath, { consts });
    if (!loaded.spec || hasErrors(loaded.diagnostics)) {
      // A const the spec no longer declares is a spec that moved away from the trace, not an error.
      const plain = loadSpecFile(specPath);
      const declared = plain.spec?.consts.map((c) => c.name);
      const gone = declared ? Object.keys(consts).filter((c) => !declared.includes(c)) : [];
      if (plain.spec && gone.length) {
        entry = { gone: gone.map((c) => `field #meta.consts.${c}: spec \`${plain.spec!.name}\` has no const \`${c}\` any more`), sha256: sha256Hex(plain.file.text) };
      } else {
        const errors = loaded.diagnostics.filter((d) => d.severity === "error");
        entry = { error: `the spec has errors with the recorded consts:\n${renderDiagnostics(errors)}` };
      }
    } else {
      entry = { model: compileModel(loaded.spec), sha256: sha256Hex(loaded.file.text) };
    }
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    entry = { error: e.message };
  }
  cache.set(key, entry);
  return entry;
}

function okFor(verdict: ReplayVerdict, expect: ReplayExpectation): boolean {
  // A conformance counterexample's spec side replaying is all replay can check: as expected
  // either way (whether the implementation still diverges is for `conform` to say).
  if (verdict.kind === "replays") return true;
  switch (expect) {
    case "any":
      return verdict.kind !== "diverged";
    case "violation":
      return verdict.kind === "violates";
    case "pass":
      return verdict.kind === "passes";
    default:
      return assertNever(expect);
  }
}

/** Replays one counterexample file. Never throws for bad input: a bad file is an "error" outcome. */
export function replayTraceFile(file: string, options: ReplayOptions = {}, cache: ModelCache = new Map()): ReplayOutcome {
  const expect = options.expect ?? "any";
  let trace: Trace;
  try {
    const quint = quintJson(file);
    if (quint !== null) return replayQuintFile(file, quint, options, cache);
    trace = readTraceFile(file);
  } catch (e) {
    if (e instanceof InputError) return { kind: "error", file, message: e.message, ok: false };
    throw e;
  }
  const found = options.specPath !== undefined ? { path: options.specPath } : resolveSpecPath(file, trace.spec.path);
  if ("refused" in found) return { kind: "error", file, trace, ok: false, message: `${file}: ${found.refused}; use --spec PATH` };
  const specPath = found.path;
  const loaded = loadModel(specPath, trace.consts, cache);
  if ("error" in loaded) return { kind: "error", file, trace, specPath, ok: false, message: `${file}: cannot replay on ${specPath}: ${loaded.error}` };
  if ("gone" in loaded) {
    // The trace cannot bind without a model; report the consts against a model with the defaults.
    const fallback = loadModel(specPath, {}, cache);
    if (!("model" in fallback)) return { kind: "error", file, trace, specPath, ok: false, message: `${file}: cannot replay on ${specPath}: ${loaded.gone.join("; ")}` };
    const verdict: ReplayVerdict = { kind: "diverged", divergence: { kind: "mismatch", problems: loaded.gone } };
    return { kind: "replayed", file, trace, specPath, specChanged: true, model: fallback.model, verdict, ok: okFor(verdict, expect) };
  }
  const { model } = loaded;
  const specChanged = loaded.sha256 !== trace.spec.sha256;
  const bound = bindTrace(model, trace);
  let verdict: ReplayVerdict;
  if ("problems" in bound) {
    // On the spec it was saved from, a trace that does not fit is a corrupt file; on a changed
    // spec, it is a trace the spec has moved away from.
    if (!specChanged) {
      const ps = bound.problems;
      const message = ps.length === 1 ? `${file}: ${ps[0]}` : `${file}: ${ps.length} problems:\n${ps.map((p) => `  - ${p}`).join("\n")}`;
      return { kind: "error", file, trace, specPath, ok: false, message };
    }
    verdict = { kind: "diverged", divergence: { kind: "mismatch", problems: bound.problems } };
  } else {
    verdict = replayBound(model, bound.bound);
  }
  return { kind: "replayed", file, trace, specPath, specChanged, model, verdict, ok: okFor(verdict, expect) };
}

/** The parsed file when it is a Quint MBT trace (no stakecheck #meta), else null (read as ours). */
function quintJson(file: string): unknown | null {
  let json: unknown;
  try {
    const text = readFileSync(file, "utf8");
    // Too deep to be any trace: readTraceFile says so.
    if (nestingBeyond(text, MAX_JSON_DEPTH) !== null) return null;
    json = defuse(JSON.parse(text));
  } catch {
    return null; // readTraceFile says what is wrong with it
  }
  return isQuintMbt(json) ? json : null;
}

/** A Quint MBT trace, on the spec given with --spec (with its default consts): it replays, a
 * property of the spec is violated along it, or it diverges; a trace that does not match the spec
 * by names is an error naming the first mismatch. */
function replayQuintFile(file: string, json: unknown, options: ReplayOptions, cache: ModelCache): ReplayOutcome {
  const expect = options.expect ?? "any";
  const specPath = options.specPath;
  if (!specPath) return { kind: "error", file, ok: false, message: `${file}: a Quint MBT trace names no .stake spec; replay it with --spec PATH` };
  const loaded = loadModel(specPath, {}, cache);
  if (!("model" in loaded)) return { kind: "error", file, specPath, ok: false, message: `${file}: cannot replay on ${specPath}: ${"error" in loaded ? loaded.error : loaded.gone.join("; ")}` };
  const b = bindQuintTrace(json, loaded.model, specPath);
  if ("problems" in b) {
    const [first, ...rest] = b.problems;
    return { kind: "error", file, specPath, ok: false, message: `${file}: does not match spec ${specPath}: ${first}${rest.length ? ` (and ${rest.length} more)` : ""}` };
  }
  const { verdict, trace } = replayQuint(loaded.model, b.bound);
  const ok = expect === "violation" ? verdict.kind === "violates" : expect === "pass" ? verdict.kind === "replays" : verdict.kind !== "diverged";
  return { kind: "replayed", file, trace, specPath, specChanged: false, model: loaded.model, verdict, ok };
}

/** Replays every counterexample file named by `paths` (files, or directories searched for
 * `*.itf.json`); a path that does not exist is an "error" outcome. */
export function replayPaths(paths: readonly string[], options: ReplayOptions = {}): ReplayOutcome[] {
  const cache: ModelCache = new Map();
  const out: ReplayOutcome[] = [];
  const seen = new Set<string>();
  for (const p of paths) {
    let files: string[];
    try {
      files = traceFiles([p]);
    } catch (e) {
      // A missing path is reported with the others, so the rest are still replayed.
      if (!(e instanceof InputError)) throw e;
      out.push({ kind: "error", file: p, message: e.message, ok: false });
      continue;
    }
    for (const f of files) {
      if (seen.has(f)) continue;
      seen.add(f);
      out.push(replayTraceFile(f, options, cache));
    }
  }
  return out;
}

/** 0 when every outcome is as expected, 2 when a file or spec could not be read, else 1. */
export function replayExitCode(outcomes: readonly ReplayOutcome[]): number {
  if (outcomes.some((o) => o.kind === "error")) return 2;
  return outcomes.every((o) => o.ok) ? 0 : 1;
}
