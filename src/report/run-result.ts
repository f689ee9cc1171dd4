// One command's results in the shape every CI reporter reads (JSON, JUnit, GitHub annotations, the
// summary line): suites (one per spec and consts) of cases (one per property, or one per replayed
// counterexample). check and replay build it here; fuzz builds it with `propertyCases`.

import { propertyVerdict, runEnd, type CheckRun } from "../api/check.js";
import type { FuzzRun } from "../api/types/fuzz.js";
import { fuzzVerdict, walkEnd, type StopReason, type Verdict } from "../api/verdict.js";
import type { PropertyRef, PropertySelection, Violation } from "../explore/result.js";
import { assertNever } from "../util/assert-never.js";
import type { Spec } from "../ir/ir.js";
import type { Model } from "../model/model.js";
import type { SavedTrace } from "../trace/save.js";
import { traceFromViolation } from "../trace/from-model.js";
import type { Trace, TraceExplorer } from "../trace/trace.js";
import { renderCounterexample } from "./counterexample.js";
import { bindingText } from "./lasso-text.js";

export type CaseStatus = "passed" | "failed" | "error" | "skipped";

export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly endLine: number;
  readonly endCol: number;
}

export interface CaseResult {
  /** "invariant Agreement", "well_typed", or a counterexample file's path (replay). */
  readonly name: string;
  readonly status: CaseStatus;
  /** The verdict in words: holds, violated, not violated in the part explored, still violates,
   * now passes, diverged, error. The summary line counts these. */
  readonly label: string;
  /** The property; for a conformance counterexample (replay), kind "conformance" and the
   * differing variable. */
  readonly property?: { readonly kind: PropertyRef["kind"] | "conformance"; readonly name: string };
  /** The property's declaration (or the failing site), where a GitHub annotation points. */
  readonly location?: SourceLocation;
  /** One line: why it failed. */
  readonly message?: string;
  /** Plain text for a person: the counterexample, the divergence. */
  readonly details?: string;
  /** Steps in the counterexample. */
  readonly steps?: number;
  readonly trace?: Trace;
  /** The counterexample file written by --save, or the file replayed. */
  readonly file?: string;
  /** A skipped (unknown) property: why the search stopped before proving it. */
  readonly stopped?: StopReason;
}

export interface SuiteResult {
  /** The spec's name. */
  readonly name: string;
  /** The spec's path; empty for counterexample files that could not be read. */
  readonly file: string;
  readonly consts: Readonly<Record<string, number | boolean>>;
  readonly cases: readonly CaseResult[];
  readonly seconds: number;
  /** Explorer figures (distinct states, generated, depth; runs and steps for fuzz). */
  readonly stats?: Readonly<Record<string, number>>;
  /** Set when the search stopped before it was complete. */
  readonly incomplete?: string;
  /** `fuzz --shard`: which shard of which campaign this suite is (src/api/shard.ts). */
  readonly shard?: SuiteShard;
}

export interface SuiteShard {
  readonly index: number;
  readonly count: number;
  /** The campaign's seed and runs (all shards together), and its walks' depth and mode. */
  readonly seed: number;
  readonly runs: number;
  readonly depth: number;
  readonly swarm: boolean;
}

export interface RunResult {
  readonly command: "check" | "fuzz" | "replay";
  readonly suites: readonly SuiteResult[];
  readonly seconds: number;
  readonly exitCode: number;
  /** replay: what was expected of every counterexample. */
  readonly expect?: "any" | "pass" | "violation";
  /** `stakecheck merge`: how many reports were combined into this one. */
  readonly merged?: number;
}

export function locationOf(spec: Spec, span: { start: number; end: number }): SourceLocation {
  const a = spec.file.position(span.start);
  const b = spec.file.position(Math.max(span.start, span.end));
  return { file: spec.file.path, line: a.line, col: a.col, endLine: b.line, endCol: b.col };
}

export function propertyTitle(p: { kind: PropertyRef["kind"] | "conformance"; name: string }): string {
  if (p.kind === "conformance") return `conformance (${p.name})`;
  return p.kind === "well_typed" ? "well_typed" : `${p.kind} ${p.name}`;
}

function whereText(v: Violation): string {
  const n = v.instances.length;
  if (v.lasso) return lassoText(v);
  if (n === 0) return "in the initial state";
  return v.property.kind === "invariant" ? `after ${n} step${n === 1 ? "" : "s"}` : `at step ${n}`;
}

/** "by a lasso of 5 steps (a loop from state 3)". */
export function lassoText(v: Violation): string {
  const l = v.lasso!;
  const n = v.instances.length + (l.closing >= 0 ? 1 : 0);
  const loop = l.closing < 0 ? `stuttering in state ${l.loop}` : `a loop from state ${l.loop}`;
  return `by a lasso of ${n} step${n === 1 ? "" : "s"} (${loop})`;
}

/** "for a = 0 " for a liveness violation of a property with binders; "" otherwise. */
function forBinding(model: Model, v: Violation): string {
  const l = (model.spec.liveness ?? [])[v.property.index];
  const text = l && v.lasso ? bindingText(l, v.lasso.binding) : "";
  return text ? `for ${text} ` : "";
}

/**
 * One case per selected property, and one for well_typed, each from its verdict (the one rule,
 * src/api/verdict.ts): holds and not-violated pass, violated fails, unknown is skipped (not
 * proved, with the reason). `saved`: counterexample files written for `violations`, in the same
 * order. Each failed case carries its trace (readable values, the same data as the file).
 */
export function propertyCases(
  model: Model,
  selection: PropertySelection,
  verdictOf: (ref: PropertyRef) => Verdict,
  options: {
    readonly violations?: readonly Violation[];
    readonly saved?: readonly SavedTrace[];
    /** Who found the violations, recorded in each case's trace (default: bfs). */
    readonly explorer?: TraceExplorer;
  } = {},
): CaseResult[] {
  const spec = model.spec;
  const cases: CaseResult[] = [];
  const add = (ref: PropertyRef, span: { start: number; end: number } | null) => {
    const verdict = verdictOf(ref);
    const title = propertyTitle(ref);
    const property = { kind: ref.kind, name: ref.name };
    const at = span ? { location: locationOf(spec, span) } : {};
    switch (verdict.kind) {
      case "holds":
        cases.push({ name: title, status: "passed", label: "holds", property, ...at });
        return;
      case "not-violated":
        cases.push({ name: title, status: "passed", label: verdict.why, property, ...at });
        return;
      case "unknown":
        cases.push({ name: title, status: "skipped", label: "not proved", property, ...at, message: verdict.why, stopped: verdict.reason });
        return;
      case "violated":
        break;
      default:
        assertNever(verdict);
    }
    const v = verdict.violation;
    const k = options.violations?.indexOf(v) ?? -1;
    const saved = k >= 0 ? options.saved?.[k] : undefined;
    const site = v.failure ? spec.sites[v.failure.site] : undefined;
    const where = site?.span ?? span;
    cases.push({
      name: title,
      status: "failed",
      label: "violated",
      property,
      ...(where ? { location: locationOf(spec, where) } : {}),
      message: `${title} is violated ${v.lasso ? `${forBinding(model, v)}${lassoText(v)}` : whereText(v)}`,
      details: renderCounterexample(model, v, { color: false }),
      // A lasso's steps include the one that closes its loop.
      steps: v.instances.length + (v.lasso && v.lasso.closing >= 0 ? 1 : 0),
      trace: saved?.trace ?? traceFromViolation(model, v, { explorer: options.explorer ?? { kind: "bfs" } }),
      ...(saved ? { file: saved.path } : {}),
    });
  };
  spec.invariants.forEach((p, k) => {
    if (selection.invariants[k]) add({ kind: "invariant", index: k, name: p.name }, p.span);
  });
  spec.steps.forEach((p, k) => {
    if (selection.steps[k]) add({ kind: "step", index: k, name: p.name }, p.span);
  });
  (spec.liveness ?? []).forEach((p, k) => {
    if (selection.liveness?.[k]) add({ kind: "liveness", index: k, name: p.name }, p.span);
  });
  add({ kind: "well_typed", index: -1, name: "well_typed" }, null);
  return cases;
}

/** The suite of one `check` run. */
export function checkSuite(run: CheckRun, saved?: readonly SavedTrace[]): SuiteResult {
  const spec = run.model.spec;
  const r = run.result;
  const end = runEnd(run);
  const consts: Record<string, number | boolean> = {};
  for (const c of spec.consts) consts[c.name] = c.value;
  return {
    name: spec.name,
    file: spec.file.path,
    consts,
    cases: propertyCases(run.model, run.selection, (ref) => propertyVerdict(run, ref), { violations: r.violations, ...(saved ? { saved } : {}) }),
    seconds: r.stats.seconds,
    stats: { distinct: r.stats.distinct, generated: r.stats.generated, depth: r.stats.depth },
    ...(!end.complete && end.reason !== "violation" ? { incomplete: end.why } : {}),
  };
}

/** The suite of one `fuzz` run: a property not violated is "not violated in N runs", not proved. */
export function fuzzSuite(run: FuzzRun, saved?: readonly SavedTrace[]): SuiteResult {
  const spec = run.model.spec;
  const s = run.walk.stats;
  const end = walkEnd(run);
  const consts: Record<string, number | boolean> = {};
  for (const c of spec.consts) consts[c.name] = c.value;
  const flags = { runs: run.runs, depth: run.depth, ...(run.swarm ? { swarm: true } : {}) };
  return {
    name: spec.name,
    file: spec.file.path,
    consts,
    cases: propertyCases(run.model, run.selection, (ref) => fuzzVerdict(run, ref), {
      violations: run.violation ? [run.violation] : [],
      explorer: { kind: "fuzz", seed: run.seed, flags },
      ...(saved ? { saved } : {}),
    }),
    seconds: s.seconds,
    stats: { runs: s.runs, steps: s.steps, seed: run.seed },
    ...(!end.complete && end.reason !== "violation" ? { incomplete: end.why } : {}),
    ...(run.shard
      ? { shard: { index: run.shard.index, count: run.shard.count, seed: run.shard.campaignSeed, runs: run.shard.campaignRuns, depth: run.depth, swarm: run.swarm } }
      : {}),
  };
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "holds" -> "hold", "still violates" -> "still violate", "now passes" -> "now pass",
 * "replays on the spec" -> "replay on the spec". */
function pluralLabel(label: string): string {
  return label
    .replace(/^holds/, "hold")
    .replace(/^still violates/, "still violate")
    .replace(/^now passes/, "now pass")
    .replace(/^replays/, "replay")
    .replace(/error$/, "errors");
}

/** The verdict of a whole run in one word. */
export function runVerdict(run: RunResult): "OK" | "FAILED" | "ERROR" | "INCOMPLETE" {
  if (run.exitCode === 0) return "OK";
  if (run.exitCode === 1) return "FAILED";
  if (run.exitCode === 3) return "INCOMPLETE";
  return "ERROR";
}

/**
 * One line a CI log reader takes in at a glance, e.g.
 * `stakecheck check: FAILED · 2 specs, 7 properties: 6 holds, 1 violated (AnchorBFT: Agreement) · 0.41 s`
 */
export function summaryLine(run: RunResult): string {
  const cases = run.suites.flatMap((s) => s.cases.map((c) => ({ suite: s, c })));
  // Violations first, then what holds, then what could not be decided.
  const rank: Record<CaseStatus, number> = { failed: 0, error: 1, passed: 2, skipped: 3 };
  const sorted = [...cases].sort((a, b) => rank[a.c.status] - rank[b.c.status]);
  const counts = new Map<string, number>();
  for (const { c } of sorted) counts.set(c.label, (counts.get(c.label) ?? 0) + 1);
  const unit = run.command === "replay" ? "counterexample" : "property";
  const unitPlural = run.command === "replay" ? "counterexamples" : "properties";
  const parts = [...counts].map(([label, n]) => `${n} ${n === 1 ? label : pluralLabel(label)}`).join(", ");
  const specs = new Set(run.suites.map((s) => s.file).filter((f) => f)).size;
  const bad = cases.filter(({ c }) => c.status === "failed" || c.status === "error");
  const names = bad.slice(0, 3).map(({ suite, c }) => (run.command === "replay" ? c.name.split("/").pop()! : `${suite.name}: ${c.property?.name ?? c.name}`));
  if (bad.length > 3) names.push(`${bad.length - 3} more`);
  const segments = [`stakecheck ${run.merged !== undefined ? `merge (${plural(run.merged, `${run.command} report`)})` : run.command}: ${runVerdict(run)}`];
  const configs = run.suites.length > specs && run.command !== "replay" ? ` in ${run.suites.length} configurations` : "";
  segments.push(`${plural(specs, "spec")}${configs}, ${cases.length === 1 ? `1 ${unit}` : `${cases.length} ${unitPlural}`}${parts ? `: ${parts}` : ""}${names.length ? ` (${names.join("; ")})` : ""}`);
  if (run.expect === "violation") segments.push("expected: still violates");
  else if (run.expect === "pass") segments.push("expected: now passes");
  segments.push(`${run.seconds < 10 ? run.seconds.toFixed(2) : Math.round(run.seconds)} s`);
  return segments.join(" · ");
}
