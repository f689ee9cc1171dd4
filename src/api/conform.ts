// Model-based conformance testing: drive a real implementation (through an adapter the engineer
// writes) with the spec's actions, and compare its state with the spec's after every step.
//
//   1. saved counterexamples are replayed step by step (the regression corpus: the `.itf.json`
//      files of this spec in a directory, src/api/conform-traces.ts);
//   2. fast-check generates random walks over the spec's enabled actions (and, now and then, an
//      action the spec does not enable here, which the implementation must refuse or ignore); a
//      walk where the implementation diverges is shrunk to a short one.
//
// A walk is an array of choices; the model turns it into a path of action instances (choice n
// picks the n-th enabled instance, modulo their number), so shrinking the array shrinks the path
// and every path replays exactly. We run the executed path again ourselves to report it: fast-check
// hands back the shrunk choices, not what ran.

import fc from "fast-check";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { compileModel } from "../compile/compile.js";
import type { Spec } from "../ir/ir.js";
import { InputError, readSpecFile } from "../lang/read.js";
import { choiceReadable, type Readable } from "../model/layout.js";
import { DISABLED, ENABLED, FAILED, type Model } from "../model/model.js";
import { renderConformance } from "../report/conform-text.js";
import type { ActionCall, ConformanceFailure, ConformanceReport, ConformanceStep, ConformanceTraceResult } from "./types/conform.js";
import { renderDiagnostics } from "../report/diagnostics.js";
import { choiceFields } from "../compile/ts/names.js";
import { DEFAULT_COUNTEREXAMPLE_DIR } from "../trace/save.js";
import { portablePath } from "../trace/from-model.js";
import type { ConformanceDivergence } from "../trace/from-conformance.js";
import { saveDivergence, savedTraces, type ConformanceTrace } from "./conform-traces.js";
import { differences, implValue, toReadable, ValueShapeError } from "./conform-values.js";
import { formatTyped } from "../model/format.js";
import { loadSpecText, type ConstValues } from "./load.js";

export type { ActionCall } from "./types/conform.js";

/** What the adapter's `read` returns: each spec variable by name, as a readable value (maps as
 * objects keyed by the key's text, sets as arrays) or as the generated module's types (ReadonlyMap,
 * ReadonlySet); ints may be bigints. Ghost variables may be left out (or undefined). */
export type StateReading = Readonly<Record<string, unknown>>;

/** A `read` result with exactly the spec's variables, whatever their values' types: use it with the
 * generated `State` (`ConformanceAdapter<Pool, Action, ReadingOf<State>>`) so TypeScript catches a
 * misspelt or missing variable. */
export type ReadingOf<S> = { readonly [K in keyof S]: unknown };

export interface ConformanceContext {
  readonly spec: Spec;
  /** Every const of the spec, with `--const` overrides applied. */
  readonly consts: Readonly<Record<string, number | boolean>>;
}

/**
 * The bridge between a spec and an implementation. Implementations must be deterministic: the same
 * actions from `init` must give the same states (shrinking replays walks many times).
 */
export interface ConformanceAdapter<Impl = unknown, A = ActionCall, S extends object = StateReading> {
  /** A fresh implementation in the spec's initial state. */
  init(ctx: ConformanceContext): Impl | Promise<Impl>;
  /** Performs `action`. Throw (or return false) when the implementation refuses it. */
  apply(impl: Impl, action: A): unknown;
  /** The implementation's state as the spec's variables. */
  read(impl: Impl): S | Promise<S>;
}

export type { ConformanceTrace } from "./conform-traces.js";

export interface ConformanceOptions {
  /** `--const` overrides (specs given by path only). */
  readonly consts?: ConstValues;
  /** Random walks to run (default 100). */
  readonly runs?: number;
  /** Longest walk, in steps (default 40). */
  readonly maxSteps?: number;
  /** fast-check seed (default: random); with `path`, replays one shrunk failure. */
  readonly seed?: number;
  readonly path?: string;
  /** Also try actions the spec does not enable in the current state: the implementation must
   * refuse them or leave its state unchanged (default true). */
  readonly disabledActions?: boolean;
  /** Paths to replay before the random walks (before those of `dir`). */
  readonly traces?: readonly ConformanceTrace[];
  /** A directory of counterexample files (e.g. "counterexamples"): those saved for this spec (its
   * path, the same consts) are replayed before the random walks, and a divergence the random walks
   * find is saved there as a conformance counterexample. Default: none (conformanceTest and the
   * CLI use "counterexamples"). */
  readonly dir?: string;
  /** With `dir`: save a divergence the random walks find (default true). */
  readonly save?: boolean;
  /** The adapter's module path, recorded in a saved counterexample (how to test it again). */
  readonly impl?: string;
  /** Skip the random walks (replay only). */
  readonly replayOnly?: boolean;
}

export type { ConformanceFailure, ConformanceFailureKind, ConformanceReport, ConformanceStep, ConformanceTraceResult } from "./types/conform.js";

/** Misuse: an adapter without the three functions, a reading with unknown variables. */
export class ConformanceUsageError extends Error {
  override readonly name = "ConformanceUsageError";
}

// ---- one path against the implementation ----

interface PathOutcome {
  readonly executed: ConformanceStep[];
  readonly failure: Omit<ConformanceFailure, "origin"> | null;
  /** Why the path stopped early without an implementation failure (the spec fails well_typed). */
  readonly note?: string;
}

function actionCall(model: Model, inst: number): ActionCall {
  const { action, args } = model.decodeInstance(inst);
  const a = model.actions[action];
  const fields = choiceFields(model.spec.actions[action]);
  const call: Record<string, unknown> = { action: a.name };
  a.choices.forEach((c, i) => (call[fields[i]] = implValue(c.ty, choiceReadable(c.ty, args[i]))));
  return call as ActionCall;
}

function errorText(e: unknown): string {
  if (e instanceof Error) return e.name && e.name !== "Error" ? `${e.name}: ${e.message}` : e.message;
  return String(e);
}

/** The compared variables of the spec state `s` and of the implementation's reading. */
async function compare<Impl>(
  model: Model,
  adapter: ConformanceAdapter<Impl, never, object>,
  impl: Impl,
  s: Int32Array,
): Promise<Omit<ConformanceFailure, "origin" | "steps" | "instances"> | null> {
  let reading: Record<string, unknown>;
  try {
    reading = (await adapter.read(impl)) as Record<string, unknown>;
  } catch (e) {
    return { kind: "error", message: `the adapter's read() threw: ${errorText(e)}` };
  }
  if (typeof reading !== "object" || reading === null) return { kind: "error", message: `the adapter's read() returned ${String(reading)}, not an object of variables` };
  const names = model.vars.map((v) => v.name);
  const unknown = Object.keys(reading).filter((k) => !names.includes(k));
  if (unknown.length) {
    throw new ConformanceUsageError(
      `the adapter's read() returned ${unknown.map((k) => `\`${k}\``).join(", ")}, which ${unknown.length === 1 ? "is not a variable" : "are not variables"} of spec ${model.spec.name} (its variables: ${names.join(", ")})`,
    );
  }
  const spec = model.decode(s);
  const expected: Record<string, Readable> = {};
  const found: Record<string, Readable> = {};
  for (const v of model.vars) {
    if (!(v.name in reading) || (v.ghost && reading[v.name] === undefined)) {
      if (v.ghost) continue;
      return { kind: "error", message: `the adapter's read() did not return \`${v.name}\` (ghost variables may be left out; this one is not ghost)` };
    }
    expected[v.name] = spec[v.name];
    try {
      found[v.name] = toReadable(v.ty, reading[v.name], v.name);
    } catch (e) {
      if (e instanceof ValueShapeError) return { kind: "error", message: `the adapter's read() returned a value the spec cannot hold: ${e.message}` };
      throw e;
    }
  }
  for (const v of model.vars) {
    if (!(v.name in found)) continue;
    const [d] = differences(v.ty, expected[v.name], found[v.name], v.name);
    if (d) {
      return {
        kind: "state",
        variable: v.name,
        at: d.path,
        expected: d.expected,
        found: d.found,
        expectedState: expected,
        foundState: found,
        message: `${d.path} is ${formatTyped(d.ty, d.found)} in the implementation, ${formatTyped(d.ty, d.expected)} in the spec`,
      };
    }
  }
  return null;
}

/** Runs `instances` from the initial state on a fresh implementation and on the model, comparing
 * states after every step. An instance the spec does not enable is tried too: the implementation
 * must refuse it or leave its state unchanged. Stops at the first difference, or where the spec
 * itself fails a `well_typed` check (not the implementation's fault). */
export async function runPath<Impl>(
  model: Model,
  adapter: ConformanceAdapter<Impl, never, object>,
  ctx: ConformanceContext,
  instances: readonly number[],
): Promise<PathOutcome> {
  const executed: ConformanceStep[] = [];
  const fail = (f: Omit<ConformanceFailure, "origin" | "steps" | "instances">): PathOutcome => ({
    executed,
    failure: { ...f, steps: [...executed], instances: executed.map((x) => x.instance) },
  });
  let impl: Impl;
  try {
    impl = await adapter.init(ctx);
  } catch (e) {
    return fail({ kind: "error", message: `the adapter's init() threw: ${errorText(e)}` });
  }
  let s = new Int32Array(model.width);
  model.init(s);
  const first = await compare(model, adapter, impl, s);
  if (first) return fail({ ...first, message: `in the initial state, ${first.message}` });
  for (const inst of instances) {
    if (!Number.isInteger(inst) || inst < 0 || inst >= model.instanceCount) {
      throw new ConformanceUsageError(`action instance ${inst} does not exist in spec ${model.spec.name} (it has 0 .. ${model.instanceCount - 1})`);
    }
    const d = new Int32Array(model.width);
    const r = model.apply(s, d, inst);
    if (r === FAILED) {
      return { executed, failure: null, note: `step ${executed.length + 1} fails the spec's own well_typed check; replay stopped there` };
    }
    const action = actionCall(model, inst);
    executed.push({ instance: inst, action, enabled: r === ENABLED });
    let refused: string | null = null;
    try {
      const out = await adapter.apply(impl, action as never);
      if (out === false) refused = "apply() returned false";
    } catch (e) {
      refused = errorText(e);
    }
    if (r === ENABLED && refused !== null) {
      return fail({ kind: "rejected", message: `the spec allows this step, but the implementation refused it: ${refused}` });
    }
    const next = r === ENABLED ? d : s;
    const diff = await compare(model, adapter, impl, next);
    if (diff) {
      const why = r === DISABLED ? `the spec does not allow this step here${refused === null ? " and the implementation accepted it" : ""}; ` : "";
      return fail({ ...diff, message: `after step ${executed.length}, ${why}${diff.message}` });
    }
    s = next;
  }
  return { executed, failure: null };
}

/**
 * Removes steps from a failing path while it still fails the same way (same kind, same first
 * differing variable): delta debugging over the instances. fast-check shrinks the walk's choices
 * one element at a time and stops at a local minimum (deposit, deposit, deposit, slash, where
 * dropping any one deposit makes the stake even and hides a rounding bug); removing chunks finds
 * deposit, slash; then pairs of steps anywhere. Every candidate path is runnable: a step the spec no longer enables is tried as
 * one the implementation must refuse.
 */
async function minimizePath<Impl>(
  model: Model,
  adapter: ConformanceAdapter<Impl, never, object>,
  ctx: ConformanceContext,
  path: readonly number[],
): Promise<number[]> {
  const first = await runPath(model, adapter, ctx, path);
  if (!first.failure) return [...path];
  const same = (f: PathOutcome["failure"]) => f !== null && f.kind === first.failure!.kind && f.variable === first.failure!.variable;
  let cur = first.executed.map((x) => x.instance);
  let parts = 2;
  while (cur.length > 0) {
    const chunk = Math.ceil(cur.length / parts);
    let reduced = false;
    for (let at = 0; at < cur.length; at += chunk) {
      const r = await runPath(model, adapter, ctx, [...cur.slice(0, at), ...cur.slice(at + chunk)]);
      if (same(r.failure)) {
        cur = r.executed.map((x) => x.instance);
        parts = Math.max(parts - 1, 2);
        reduced = true;
        break;
      }
    }
    if (!reduced) {
      if (chunk === 1) break;
      parts = Math.min(parts * 2, cur.length);
    }
  }
  // Then any two steps at once (deposit, deposit, unbond, slash -> deposit, slash).
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = 0; i < cur.length && !changed; i++) {
      for (let j = i + 1; j < cur.length && !changed; j++) {
        const r = await runPath(model, adapter, ctx, cur.filter((_, k) => k !== i && k !== j));
        if (same(r.failure)) {
          cur = r.executed.map((x) => x.instance);
          changed = true;
        }
      }
    }
  }
  return cur;
}

// ---- random walks ----

/** One choice of a walk: the n-th enabled instance, or (when `disabled`) the n-th disabled one. */
interface Choice {
  readonly disabled: boolean;
  readonly n: number;
}

/** The instance path a walk's choices make on the model. */
function walkPath(model: Model, choices: readonly Choice[]): number[] {
  const s = new Int32Array(model.width);
  model.init(s);
  const d = new Int32Array(model.width);
  const out: number[] = [];
  const enabled: number[] = [];
  const disabled: number[] = [];
  for (const c of choices) {
    enabled.length = 0;
    disabled.length = 0;
    for (let i = 0; i < model.instanceCount; i++) {
      const r = model.apply(s, d, i);
      if (r === ENABLED) enabled.push(i);
      else if (r === DISABLED) disabled.push(i);
    }
    if (enabled.length === 0) break; // a deadlock: the walk ends
    if (c.disabled) {
      if (disabled.length) out.push(disabled[c.n % disabled.length]);
      continue;
    }
    const inst = enabled[c.n % enabled.length];
    model.apply(s, d, inst);
    s.set(d);
    out.push(inst);
  }
  return out;
}

function choicesArb(maxSteps: number, withDisabled: boolean): fc.Arbitrary<Choice[]> {
  const enabled = fc.nat().map((n): Choice => ({ disabled: false, n }));
  const choice = withDisabled
    ? fc.oneof({ arbitrary: enabled, weight: 5 }, { arbitrary: fc.nat().map((n): Choice => ({ disabled: true, n })), weight: 1 })
    : enabled;
  return fc.array(choice, { maxLength: maxSteps, size: "max" });
}

function contextOf(spec: Spec): ConformanceContext {
  return { spec, consts: Object.fromEntries(spec.consts.map((c) => [c.name, c.value])) };
}

function checkAdapter(adapter: unknown): asserts adapter is ConformanceAdapter<unknown, never, object> {
  const a = adapter as Record<string, unknown> | null;
  const missing = ["init", "apply", "read"].filter((k) => typeof a?.[k] !== "function");
  if (a === null || typeof a !== "object" || missing.length) {
    throw new ConformanceUsageError(`an adapter is an object with init(), apply() and read() functions; this one has no ${missing.join(", ")}`);
  }
}

/** Loads and compiles a spec for conformance; throws InputError with the diagnostics. */
export function conformanceModel(specPath: string, consts: ConstValues = {}): Model {
  const loaded = loadSpecText(readSpecFile(specPath), specPath, { consts });
  if (!loaded.spec) throw new InputError(renderDiagnostics(loaded.diagnostics));
  return compileModel(loaded.spec);
}

/**
 * Checks an implementation against a spec: replays `options.traces`, then runs random walks.
 * Resolves to a report; a divergence is in `report.failure`, shrunk. Rejects with
 * ConformanceUsageError on a malformed adapter, InputError on a bad spec.
 */
export async function checkConformance<Impl>(
  spec: string | Model,
  adapter: ConformanceAdapter<Impl, never, object>,
  options: ConformanceOptions = {},
): Promise<ConformanceReport> {
  checkAdapter(adapter);
  const model = typeof spec === "string" ? conformanceModel(spec, options.consts) : spec;
  const ctx = contextOf(model.spec);
  const base = { specName: model.spec.name, consts: ctx.consts, ...(options.dir !== undefined ? { dir: options.dir } : {}) };

  const traces: ConformanceTraceResult[] = [];
  // `path` reruns one search (a failure's seed and path): saved counterexamples would fail first.
  const savedFirst = options.dir !== undefined && options.path === undefined ? savedTraces(model, options.dir) : [];
  for (const t of [...(options.traces ?? []), ...savedFirst]) {
    if (t.skip) {
      traces.push({ name: t.name, steps: 0, ok: true, note: t.skip, skipped: true });
      continue;
    }
    const r = await runPath(model, adapter, ctx, t.instances);
    const note = r.note ?? (t.recorded ? recordedNote(t.recorded, r) : undefined);
    traces.push({ name: t.name, steps: r.executed.length, ok: r.failure === null, ...(note ? { note } : {}) });
    if (r.failure) return { ok: false, ...base, traces, random: null, failure: { ...r.failure, origin: { kind: "trace", name: t.name } } };
  }
  if (options.replayOnly) return { ok: true, ...base, traces, random: null, failure: null };

  const runs = options.runs ?? 100;
  const maxSteps = options.maxSteps ?? 40;
  const seed = options.seed ?? (Date.now() ^ (Math.random() * 0x100000000)) | 0;
  let steps = 0;
  let firstFailure: number | undefined;
  let usage: ConformanceUsageError | undefined;
  const property = fc.asyncProperty(choicesArb(maxSteps, options.disabledActions ?? true), async (choices) => {
    if (usage) return true;
    try {
      const r = await runPath(model, adapter, ctx, walkPath(model, choices));
      steps += r.executed.length;
      if (r.failure && firstFailure === undefined) firstFailure = r.executed.length;
      return r.failure === null;
    } catch (e) {
      // Misuse is not a divergence: stop generating, report it after the run.
      if (!(e instanceof ConformanceUsageError)) throw e;
      usage = e;
      return true;
    }
  });
  const details = await fc.check(property, { numRuns: runs, seed, ...(options.path ? { path: options.path, endOnFailure: true } : {}) });
  if (usage) throw usage;
  const random = { runs, ran: details.numRuns, maxSteps, seed, steps, shrinks: details.numShrinks };
  if (!details.failed) return { ok: true, ...base, traces, random, failure: null };
  if (details.counterexample === null) {
    const e: unknown = details.errorInstance;
    throw e instanceof Error ? e : new Error(String(e));
  }
  const [choices] = details.counterexample;
  const shrunk = await minimizePath(model, adapter, ctx, walkPath(model, choices));
  const replay = await runPath(model, adapter, ctx, shrunk);
  if (!replay.failure) {
    throw new ConformanceUsageError(
      "the implementation diverged once but not when the same steps were replayed: is the adapter deterministic (a fresh implementation from init(), no shared globals, clocks or randomness)?",
    );
  }
  const failure: ConformanceFailure = {
    ...replay.failure,
    origin: {
      kind: "random",
      seed: details.seed,
      path: details.counterexamplePath ?? "",
      shrinks: details.numShrinks,
      originalSteps: firstFailure ?? replay.executed.length,
    },
  };
  let saved: ConformanceReport["saved"];
  if (options.dir !== undefined && options.save !== false) {
    const flags: Record<string, string | number | boolean> = {};
    if (options.impl !== undefined) flags.impl = portablePath(options.impl);
    Object.assign(flags, { runs, steps: maxSteps, path: failure.origin.kind === "random" ? failure.origin.path : "" });
    if (options.disabledActions === false) flags.disabled = false;
    const s = saveDivergence(model, divergenceOf(failure), { dir: options.dir, explorer: { kind: "conform", seed: details.seed, flags } });
    saved = { path: s.path, status: s.status };
  }
  return { ok: false, ...base, traces, random, failure, ...(saved ? { saved } : {}) };
}

/** A failure as the counterexample format records it. */
function divergenceOf(f: ConformanceFailure): ConformanceDivergence {
  return {
    instances: f.instances,
    failure: f.kind,
    message: f.message,
    ...(f.variable !== undefined ? { variable: f.variable } : {}),
    ...(f.at !== undefined ? { at: f.at } : {}),
    ...(f.expected !== undefined ? { expected: f.expected } : {}),
    ...(f.found !== undefined ? { found: f.found } : {}),
  };
}

/** How a replayed conformance counterexample compares with how it diverged when it was saved. */
function recordedNote(recorded: NonNullable<ConformanceTrace["recorded"]>, r: PathOutcome): string {
  const was =
    recorded.failure === "state"
      ? `${recorded.name} differed after step ${recorded.step}`
      : recorded.failure === "rejected"
        ? `${recorded.name} was refused at step ${recorded.step}`
        : `the adapter failed after step ${recorded.step}`;
  if (!r.failure) return `fixed: ${was} when it was saved`;
  const now = r.failure.kind === "state" ? r.failure.variable : r.failure.kind === "rejected" ? r.failure.steps[r.failure.steps.length - 1]?.action.action : "adapter";
  return now === recorded.name && r.failure.kind === recorded.failure && r.executed.length === recorded.step ? `as saved: ${was}` : `not as saved: ${was}`;
}

/** Replays one path of action instances (as printed by a failing run) against the implementation. */
export async function replayConformance<Impl>(
  spec: string | Model,
  adapter: ConformanceAdapter<Impl, never, object>,
  instances: readonly number[],
  options: Pick<ConformanceOptions, "consts"> = {},
): Promise<ConformanceReport> {
  checkAdapter(adapter);
  const model = typeof spec === "string" ? conformanceModel(spec, options.consts) : spec;
  const ctx = contextOf(model.spec);
  const r = await runPath(model, adapter, ctx, instances);
  return {
    ok: r.failure === null,
    specName: model.spec.name,
    consts: ctx.consts,
    traces: [{ name: "--instances", steps: r.executed.length, ok: r.failure === null, ...(r.note ? { note: r.note } : {}) }],
    random: null,
    failure: r.failure ? { ...r.failure, origin: { kind: "path" } } : null,
  };
}

/** Imports an adapter module: its default export, or its export named `adapter`. TypeScript files
 * are loaded with tsx's programmatic API (tsx must be installed), imported only here. */
export async function loadAdapter(file: string): Promise<ConformanceAdapter<unknown, never, object>> {
  const url = pathToFileURL(resolve(file)).href;
  let mod: Record<string, unknown>;
  try {
    if (/\.[cm]?tsx?$/.test(file)) {
      let tsImport: (specifier: string, parent: string) => Promise<Record<string, unknown>>;
      try {
        ({ tsImport } = (await import("tsx/esm/api")) as { tsImport: typeof tsImport });
      } catch {
        throw new InputError(`${file}: loading a TypeScript adapter needs tsx (npm install --save-dev tsx), or compile the adapter to JavaScript`);
      }
      mod = await tsImport(url, import.meta.url);
    } else {
      mod = (await import(url)) as Record<string, unknown>;
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${file}: cannot load the adapter: ${errorText(e)}`);
  }
  const adapter = mod.default ?? mod.adapter;
  if (adapter === undefined) throw new InputError(`${file}: export the adapter as the default export (or as \`adapter\`)`);
  try {
    checkAdapter(adapter);
  } catch (e) {
    throw new InputError(`${file}: ${(e as Error).message}`);
  }
  return adapter;
}

/**
 * A test body for vitest (or any runner): checks the implementation and throws an Error with the
 * readable report when it diverges from the spec. Saved counterexamples of the spec in
 * `options.dir` (default "counterexamples") are replayed first, and a divergence is saved there
 * (`save: false` to not write).
 *
 *     it("the pool conforms to spec/pool.stake", conformanceTest("spec/pool.stake", adapter), 60_000);
 */
export function conformanceTest<Impl>(
  spec: string,
  adapter: ConformanceAdapter<Impl, never, object>,
  options: ConformanceOptions = {},
): () => Promise<void> {
  return async () => {
    const model = conformanceModel(spec, options.consts);
    const report = await checkConformance(model, adapter, { dir: DEFAULT_COUNTEREXAMPLE_DIR, ...options });
    if (!report.ok) throw new Error(renderConformance(model, report, { spec, color: false, ...(options.impl ? { adapter: options.impl } : {}) }));
  };
}

