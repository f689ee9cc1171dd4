// vitest helpers (`import { checkSpecInVitest, fuzzSpecInVitest, replayCorpus,
// checkConformanceInVitest } from "stakecheck/vitest"`): a spec's properties (exhaustively or by
// random walks), a directory of saved counterexamples, and an implementation's conformance to a
// spec as tests in a user's own suite. Call them at the top level
// of a test file (or inside a describe); they register tests, they do not run them.

import { existsSync } from "node:fs";
import { relative } from "node:path";
import { describe, it } from "vitest";
import { check, propertyVerdict, type CheckOptions, type CheckRun } from "./api/check.js";
import { passes } from "./api/verdict.js";
import { conformanceTest, type ConformanceAdapter, type ConformanceOptions } from "./api/conform.js";
import { fuzzFailureMessage, fuzzSpecFile, type FuzzFileOptions } from "./api/fuzz.js";
import { loadSpecFile, type ConstValues } from "./api/load.js";
import { replayTraceFile, type ModelCache, type ReplayExpectation } from "./api/replay.js";
import { renderCounterexample } from "./report/counterexample.js";
import { renderDiagnostics } from "./report/diagnostics.js";
import { renderReplayOutcome } from "./report/replay-text.js";
import { traceFiles } from "./trace/files.js";

export interface CheckSpecInVitestOptions extends Omit<CheckOptions, "onProgress" | "shouldStop"> {
  readonly consts?: ConstValues;
}

/** A stakecheck failure, with the counterexample (or the divergence) as its message. */
export class StakecheckFailure extends Error {
  override readonly name = "StakecheckFailure";
}

function constsText(consts: ConstValues | undefined): string {
  const e = Object.entries(consts ?? {});
  return e.length ? ` (${e.map(([k, v]) => `${k} = ${v}`).join(", ")})` : "";
}

/** A test to register: its name and its body (throws StakecheckFailure when it fails). */
export interface SpecTest {
  readonly name: string;
  readonly run: () => void;
}

/** The tests checkSpecInVitest registers, as data: one per property and one for well_typed,
 * sharing a single exhaustive check run by whichever test runs first. */
export function specTests(path: string, options: CheckSpecInVitestOptions = {}): { readonly title: string; readonly tests: readonly SpecTest[] } {
  const loaded = loadSpecFile(path, { consts: options.consts ?? {} });
  const spec = loaded.spec;
  const title = `${spec?.name ?? path} (${path})${constsText(options.consts)}`;
  if (!spec) {
    const errors = renderDiagnostics(loaded.diagnostics.filter((d) => d.severity === "error"));
    return { title, tests: [{ name: "loads", run: () => { throw new StakecheckFailure(errors); } }] };
  }
  let run: CheckRun | undefined;
  // Every property gets its own verdict: the search goes on past violations unless told otherwise.
  const result = () => (run ??= check(spec, { continueAfterViolation: true, ...options }));
  const names = options.only?.length ? options.only : [...spec.invariants, ...spec.steps, ...(spec.liveness ?? [])].map((p) => p.name);
  const props = [
    ...spec.invariants.map((p, index) => ({ kind: "invariant" as const, index, name: p.name })),
    ...spec.steps.map((p, index) => ({ kind: "step" as const, index, name: p.name })),
    ...(spec.liveness ?? []).map((p, index) => ({ kind: "liveness" as const, index, name: p.name })),
  ].filter((p) => names.includes(p.name));
  const tests = [...props, { kind: "well_typed" as const, index: -1, name: "well_typed" }].map((p) => ({
    name: p.kind === "well_typed" ? "well_typed" : `${p.kind} ${p.name}`,
    run: () => {
      const r = result();
      const v = propertyVerdict(r, p);
      if (v.kind === "violated") throw new StakecheckFailure(renderCounterexample(r.model, v.violation));
      if (!passes(v)) throw new StakecheckFailure(`not proved: ${v.kind === "unknown" ? v.why : v.kind}`);
    },
  }));
  return { title, tests };
}

/**
 * One test per property of the spec at `path` (and one for well_typed), under a describe named
 * after the spec. The spec is checked exhaustively once, by whichever of its tests runs first; a
 * violated property's test fails with the counterexample.
 */
export function checkSpecInVitest(path: string, options: CheckSpecInVitestOptions = {}): void {
  const { title, tests } = specTests(path, options);
  describe(title, () => {
    for (const t of tests) it(t.name, t.run);
  });
}

export interface ReplayCorpusOptions {
  /** "violation" (the default): every counterexample must still violate, a regression corpus of
   * known bugs. "pass": every one must now pass (the bugs are fixed). */
  readonly expect?: ReplayExpectation;
  /** Replay on this spec instead of the one recorded in each file. */
  readonly specPath?: string;
}

/** The tests replayCorpus registers, as data: one per counterexample file under `dir`. */
export function corpusTests(dir: string, options: ReplayCorpusOptions = {}): { readonly title: string; readonly tests: readonly SpecTest[] } {
  const expect = options.expect ?? "violation";
  const files = existsSync(dir) ? traceFiles([dir]) : [];
  const title = `counterexamples in ${dir} (expect ${expect === "violation" ? "still violates" : "now passes"})`;
  if (files.length === 0) {
    return { title, tests: [{ name: "has counterexamples", run: () => { throw new StakecheckFailure(`no counterexample files (*.itf.json) in ${dir}`); } }] };
  }
  const cache: ModelCache = new Map();
  return {
    title,
    tests: files.map((file) => ({
      name: relative(dir, file),
      run: () => {
        const o = replayTraceFile(file, { expect, ...(options.specPath ? { specPath: options.specPath } : {}) }, cache);
        if (!o.ok) throw new StakecheckFailure(renderReplayOutcome(o));
      },
    })),
  };
}

/**
 * One test per counterexample file (`*.itf.json`, searched recursively) under `dir`. A test fails
 * with the replay's explanation when the verdict is not the expected one; an empty or missing
 * directory is a failing test too, so a corpus cannot vanish unnoticed.
 */
export function replayCorpus(dir: string, options: ReplayCorpusOptions = {}): void {
  const { title, tests } = corpusTests(dir, options);
  describe(title, () => {
    for (const t of tests) it(t.name, t.run);
  });
}

export { conformanceTest };

export interface ConformanceInVitestOptions extends ConformanceOptions {
  /** The test's name (default: "<impl or the implementation> conforms to <spec>"). */
  readonly name?: string;
  /** The test's timeout in ms (default 60 000: shrinking a divergence replays many walks). */
  readonly timeout?: number;
}

/**
 * One test: the implementation behind `adapter` conforms to the spec at `spec`. It replays the
 * spec's counterexamples saved in `options.dir` (default "counterexamples") first, then runs random
 * walks; a divergence fails the test with the shrunk steps and the first differing variable, and is
 * saved in `dir` (unless `save: false`), so the next run replays it first.
 */
export function checkConformanceInVitest<Impl>(spec: string, adapter: ConformanceAdapter<Impl, never, object>, options: ConformanceInVitestOptions = {}): void {
  const { name, timeout, ...rest } = options;
  it(name ?? `${rest.impl ?? "the implementation"} conforms to ${spec}`, conformanceTest(spec, adapter, rest), timeout ?? 60_000);
}

export interface FuzzSpecInVitestOptions extends Omit<FuzzFileOptions, "onProgress" | "shouldStop"> {
  /** The test's name (default: "<spec> survives random walks"). */
  readonly name?: string;
  readonly timeout?: number;
}

/**
 * One test that explores the spec at `path` by random walks (for specs too large to check
 * exhaustively); it fails with the shrunk counterexample and the command that reproduces it. Pass
 * a `seed` to make the test deterministic.
 */
export function fuzzSpecInVitest(path: string, options: FuzzSpecInVitestOptions = {}): void {
  const { name, timeout, ...fuzzOptions } = options;
  it(
    name ?? `${path}${constsText(options.consts)} survives random walks`,
    () => {
      const message = fuzzFailureMessage(fuzzSpecFile(path, fuzzOptions));
      if (message !== null) throw new StakecheckFailure(message);
    },
    timeout ?? 60_000,
  );
}
