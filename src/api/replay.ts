// Replaying saved counterexamples on the current spec: read the file, find and load the spec with
// the recorded consts, bind the trace to the compiled model and replay it (src/trace/replay.ts).

import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
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
import { sha256Hex } from "../trace/write.js";
import { loadSpecFile } from "./load.js";

/** What a replay should find: "pass" (the default: the bug is fixed) or "violation" (a corpus of
 * known bugs that must keep reproducing). */
export type ReplayExpectation = "pass" | "violation";

export interface ReplayOptions {
  /** Replay on this spec instead of the path recorded in the file. */
  readonly specPath?: string;
  readonly expect?: ReplayExpectation;
}

export type ReplayOutcome =
  | { readonly kind: "error"; readonly file: string; readonly message: string; readonly ok: false; readonly trace?: Trace; readonly specPath?: string }
  | {
      readonly kind: "replayed";
      readonly file: string;
      readonly trace: Trace;
      readonly specPath: string;
      /** The spec's text is not the text the trace was saved from. */
      readonly specChanged: boolean;
      readonly model: Model;
      readonly verdict: ReplayVerdict;
      /** Whether the verdict is what `expect` asked for. */
      readonly ok: boolean;
    };

/** The spec a trace names: as recorded (relative to the working directory), else relative to the
 * trace file's directory or one of its parents, so a corpus replays from anywhere in the repo. */
export function resolveSpecPath(file: string, recorded: string): string | null {
  const isFile = (p: string) => existsSync(p) && statSync(p).isFile();
  if (isFile(recorded)) return recorded;
  let dir = resolve(dirname(file));
  for (;;) {
    const candidate = join(dir, recorded);
    if (isFile(candidate)) return relative(process.cwd(), candidate) || candidate;
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
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
  return expect === "violation" ? verdict.kind === "violates" : verdict.kind === "passes";
}

/** Replays one counterexample file. Never throws for bad input: a bad file is an "error" outcome. */
export function replayTraceFile(file: string, options: ReplayOptions = {}, cache: ModelCache = new Map()): ReplayOutcome {
  const expect = options.expect ?? "pass";
  let trace: Trace;
  try {
    const quint = quintJson(file);
    if (quint !== null) return replayQuintFile(file, quint, options, cache);
    trace = readTraceFile(file);
  } catch (e) {
    if (e instanceof InputError) return { kind: "error", file, message: e.message, ok: false };
    throw e;
  }
  const specPath = options.specPath ?? resolveSpecPath(file, trace.spec.path);
  if (!specPath) {
    return { kind: "error", file, trace, ok: false, message: `${file}: its spec ${trace.spec.path} is not found (from here or from the file's directory); use --spec PATH` };
  }
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
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null; // readTraceFile says what is wrong with it
  }
  return isQuintMbt(json) ? json : null;
}

/** A Quint MBT trace, on the spec given with --spec (with its default consts): it replays, a
 * property of the spec is violated along it, or it diverges; a trace that does not match the spec
 * by names is an error naming the first mismatch. */
function replayQuintFile(file: string, json: unknown, options: ReplayOptions, cache: ModelCache): ReplayOutcome {
  const expect = options.expect ?? "pass";
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
  const ok = expect === "violation" ? verdict.kind === "violates" : verdict.kind === "replays";
  return { kind: "replayed", file, trace, specPath, specChanged: false, model: loaded.model, verdict, ok };
}

/** Replays every counterexample file named by `paths` (files, or directories searched for
 * `*.itf.json`); throws InputError for a path that does not exist. */
export function replayPaths(paths: readonly string[], options: ReplayOptions = {}): ReplayOutcome[] {
  const cache: ModelCache = new Map();
  return traceFiles(paths).map((f) => replayTraceFile(f, options, cache));
}

/** 0 when every outcome is as expected, 2 when a file or spec could not be read, else 1. */
export function replayExitCode(outcomes: readonly ReplayOutcome[]): number {
  if (outcomes.some((o) => o.kind === "error")) return 2;
  return outcomes.every((o) => o.ok) ? 0 : 1;
}
