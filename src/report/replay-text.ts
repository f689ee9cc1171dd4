// What `stakecheck replay` prints per counterexample file (one verdict line, then the reason), and
// the same outcomes as a RunResult for the CI reporters.

import pc from "picocolors";
import { shellCommand, shellQuote } from "../util/shell.js";
import type { ReplayExpectation, ReplayOutcome } from "../api/types/replay.js";
import type { Violation } from "../explore/result.js";
import { describeFailure } from "../ir/failure.js";
import type { Model } from "../model/model.js";
import { bindTrace } from "../trace/bind.js";
import type { ValueDiff } from "../trace/diff.js";
import type { Divergence, ReplayVerdict } from "../trace/replay.js";
import type { Trace, TraceViolation } from "../trace/trace.js";
import { printable } from "../util/untrusted.js";
import { describeStep, formatReadable, renderCounterexample } from "./counterexample.js";
import { groupText } from "./lasso-text.js";
import { fairnessOf } from "../explore/liveness/fairness.js";
import type { LassoVerdict } from "../explore/liveness/lasso-check.js";
import { livenessBinding } from "../ir/liveness.js";
import { locationOf, propertyTitle, type CaseResult, type RunResult, type SourceLocation, type SuiteResult } from "./run-result.js";

export interface ReplayTextOptions {
  readonly color?: boolean;
}

type Replayed = Extract<ReplayOutcome, { kind: "replayed" }>;

/** "invariant X", "well_typed", or for a Quint trace that violates nothing, "the run". */
function titleOf(v: TraceViolation): string {
  const kind = v.kind;
  return kind === "run" ? "the run" : propertyTitle({ kind, name: v.name });
}

/** The verdict in two or three words, as the summary line counts it. */
export function verdictLabel(o: ReplayOutcome): string {
  if (o.kind === "error") return "error";
  // A Quint trace is not a counterexample that "still" violates: it violates, or replays.
  if (o.trace.explorer.kind === "quint" && o.verdict.kind === "violates") return "violates";
  switch (o.verdict.kind) {
    case "violates":
      return "still violates";
    case "passes":
      return "now passes";
    case "replays":
      return "replays on the spec";
    case "diverged":
      return "diverged";
  }
}

function where(kind: string, step: number): string {
  if (kind === "liveness") return "on its lasso";
  if (step === 0) return "in the initial state";
  return kind === "invariant" ? `after step ${step}` : `at step ${step}`;
}

function diffLine(d: ValueDiff): string {
  return `${d.path}: recorded ${formatReadable(d.expected)}, now ${formatReadable(d.found)}`;
}

function loc(l: SourceLocation): string {
  return `${l.file}:${l.line}:${l.col}`;
}

function divergenceLines(o: Replayed, d: Divergence): { head: string; body: string[]; location?: SourceLocation } {
  const { model, trace } = o;
  const spec = model.spec;
  const n = trace.violation.step;
  switch (d.kind) {
    case "state":
      return {
        head: d.step === 0 ? "diverged in the initial state: it differs from the recorded one" : `diverged at step ${d.step}: the state after it differs from the recorded one`,
        body: d.diffs.slice(0, 8).map(diffLine).concat(d.diffs.length > 8 ? [`... and ${d.diffs.length - 8} more`] : []),
      };
    case "disabled": {
      const body: string[] = [];
      let location: SourceLocation | undefined;
      if (d.require !== undefined) {
        const span = spec.requires[d.require].span;
        location = locationOf(spec, span);
        body.push(`its guard is false: ${loc(location)}  ${spec.file.slice(span).split("\n")[0]}`);
      }
      if (d.step === n) body.push("this is the step that broke the property: if the fix was to forbid it, the counterexample is obsolete (delete the file)");
      return { head: `diverged at step ${d.step}: \`${describeStep(model, d.at.action, d.at.args)}\` is not enabled any more`, body, ...(location ? { location } : {}) };
    }
    case "failed": {
      const site = spec.sites[d.failure.site];
      const location = locationOf(spec, site.span);
      const what = d.at ? `\`${describeStep(model, d.at.action, d.at.args)}\` now fails well_typed` : "evaluating the property now fails well_typed";
      return { head: `diverged at step ${d.step}: ${what}: ${describeFailure(site, d.failure.detail)}`, body: [`at ${loc(location)}`], location };
    }
    case "enabled":
      return {
        head: `diverged at step ${d.step}: \`${describeStep(model, d.at.action, d.at.args)}\` is enabled now; when this counterexample was saved the spec did not allow it (the implementation had to refuse it)`,
        body: [],
      };
    case "earlier":
      return { head: `diverged at step ${d.step}: ${titleOf(trace.violation)} is now violated ${where(trace.violation.kind, d.step)}, before step ${n} where it was recorded`, body: [] };
    case "mismatch":
      return { head: "diverged: the trace does not fit the spec any more", body: d.problems.slice(0, 8).concat(d.problems.length > 8 ? [`... and ${d.problems.length - 8} more`] : []) };
  }
}

/** The recorded trace as a Violation on the current model, to show it again (null if it does not bind). */
export function asViolation(o: Replayed, verdict: Extract<ReplayVerdict, { kind: "violates" }>): { model: Model; v: Violation } | null {
  const b = bindTrace(o.model, o.trace);
  if ("problems" in b || !b.bound.property) return null;
  const bound = { ...b.bound, property: b.bound.property };
  const lasso = bound.lasso;
  const l = lasso ? (o.model.spec.liveness ?? [])[bound.property.index] : undefined;
  return {
    model: o.model,
    v: {
      property: bound.property,
      instances: bound.steps.map((s) => s.inst),
      ...(verdict.failure ? { failure: verdict.failure } : {}),
      ...(bound.during ? { during: bound.during } : {}),
      ...(lasso && l
        ? {
            lasso: {
              instance: lasso.instance,
              binding: livenessBinding(l, lasso.instance),
              loop: lasso.loop,
              closing: lasso.closing ? lasso.closing.inst : -1,
              ...(o.trace.violation.trigger !== undefined ? { trigger: o.trace.violation.trigger } : {}),
            },
          }
        : {}),
    },
  };
}

interface Explained {
  readonly head: string;
  readonly body: string[];
  readonly location?: SourceLocation;
  /** The counterexample again, for a violation that was not expected. */
  readonly counterexample?: string;
}

function explain(o: ReplayOutcome): Explained {
  if (o.kind === "error") {
    const [first, ...rest] = o.message.split("\n");
    return { head: `error: ${first.startsWith(o.file) ? first.slice(o.file.length).replace(/^: /, "") : first}`, body: rest.map((l) => l.replace(/^ {2}/, "")) };
  }
  if (o.trace.explorer.kind === "quint") return quintExplained(o);
  const v = o.verdict;
  const spec = o.model.spec;
  const body: string[] = [];
  const t = o.trace.violation;
  const propSpan =
    t.kind === "invariant" ? spec.invariants.find((p) => p.name === t.name)?.span
    : t.kind === "step" ? spec.steps.find((p) => p.name === t.name)?.span
    : t.kind === "liveness" ? (spec.liveness ?? []).find((p) => p.name === t.name)?.span
    : undefined;
  const propLocation = propSpan ? locationOf(spec, propSpan) : undefined;
  let out: Explained;
  if (v.kind === "replays") {
    out = conformanceExplained(o, v.steps);
  } else if (v.kind === "diverged" && t.kind === "conformance") {
    const d = divergenceLines(o, v.divergence);
    const body = [...d.body, "the spec no longer takes these steps to these states: the conformance counterexample is out of date (delete it, or let conform find the divergence again)"];
    out = { head: d.head, body, ...(d.location ? { location: d.location } : {}) };
  } else if (v.kind === "violates") {
    const extra = v.failure ? `: ${describeFailure(spec.sites[v.failure.site], v.failure.detail)}` : "";
    const location = v.failure ? locationOf(spec, spec.sites[v.failure.site].span) : propLocation;
    const again = o.ok ? null : asViolation(o, v);
    const binding = Object.entries(t.binding ?? {}).map(([k, x]) => `${k} = ${formatReadable(x)}`).join(", ");
    out = {
      head: `still violates ${titleOf(t)}${binding ? ` (for ${binding})` : ""} ${where(t.kind, v.step)}${extra}`,
      body,
      ...(location ? { location } : {}),
      ...(again ? { counterexample: renderCounterexample(again.model, again.v) } : {}),
    };
  } else if (v.kind === "passes" && v.liveness) {
    out = { head: `now passes: ${livenessPassText(o, v.liveness)}`, body, ...(propLocation ? { location: propLocation } : {}) };
  } else if (v.kind === "passes") {
    if (v.changed.length) body.push(`the last step now gives ${v.changed.slice(0, 4).map(diffLine).join("; ")}`);
    out = { head: `now passes: ${titleOf(t)} holds ${where(t.kind === "invariant" ? "invariant" : "step", t.step)}`, body, ...(propLocation ? { location: propLocation } : {}) };
  } else {
    const d = divergenceLines(o, v.divergence);
    out = { head: d.head, body: [...d.body], ...(d.location ? { location: d.location } : propLocation ? { location: propLocation } : {}) };
  }
  if (o.specChanged) out.body.push(`note: ${o.specPath} changed since this counterexample was saved (its sha256 differs)`);
  return out;
}

/** A Quint MBT trace replayed on a spec: it replays, violates a property along the way, or diverges. */
function quintExplained(o: Replayed): Explained {
  const v = o.verdict;
  const spec = o.model.spec;
  const t = o.trace.violation;
  if (v.kind === "replays") {
    return { head: `replays on the spec: its ${v.steps === 1 ? "1 step reaches" : `${v.steps} steps reach`} the recorded states, and no property is violated along the way`, body: [] };
  }
  if (v.kind === "violates") {
    const extra = v.failure ? `: ${describeFailure(spec.sites[v.failure.site], v.failure.detail)}` : "";
    const span = v.failure ? spec.sites[v.failure.site].span : t.kind === "invariant" ? spec.invariants.find((p) => p.name === t.name)?.span : spec.steps.find((p) => p.name === t.name)?.span;
    const location = span ? locationOf(spec, span) : undefined;
    const again = o.ok ? null : asViolation(o, v);
    return {
      head: `violates ${titleOf(t)} ${where(t.kind, v.step)}${extra}`,
      body: [],
      ...(location ? { location } : {}),
      ...(again ? { counterexample: renderCounterexample(again.model, again.v) } : {}),
    };
  }
  if (v.kind === "diverged") {
    const d = divergenceLines(o, v.divergence);
    const body = d.body.filter((l) => !l.startsWith("this is the step that broke"));
    return { head: d.head.replace(/ any more$/, " in the spec"), body, ...(d.location ? { location: d.location } : {}) };
  }
  return { head: "now passes", body: [] };
}

/** Why a saved lasso no longer violates its liveness property. */
function livenessPassText(o: Replayed, why: Extract<LassoVerdict, { kind: "holds" | "unfair" }>): string {
  const t = o.trace.violation;
  const binding = Object.entries(t.binding ?? {}).map(([k, x]) => `${k} = ${formatReadable(x)}`).join(", ");
  const title = `liveness ${t.name}${binding ? ` (for ${binding})` : ""}`;
  if (why.kind === "holds") return `${title} holds on this behaviour`;
  const fairness = fairnessOf(o.model);
  const unmet = why.groups.filter((g) => !g.met).map((g) => {
    const fg = fairness.groups[g.group];
    return `${groupText(o.model, fg.action, fg.params)} is ${fg.kind === "weak" ? "weakly fair and enabled throughout the loop" : "strongly fair and enabled on the loop"} but never taken`;
  });
  return `the behaviour still violates ${title}, but it is not fair any more: ${unmet.join("; ")}, so no fair behaviour follows it`;
}

/** The implementation's side of a conformance counterexample, in words (from the file). */
export function conformanceSummary(t: Trace): string {
  const v = t.violation;
  const c = v.conformance;
  const n = v.step;
  const last = t.states[t.states.length - 1]?.step;
  const where = n === 0 ? "in the initial state" : `after step ${n}`;
  if (c?.failure === "state" && c.at !== undefined && c.expected !== undefined && c.found !== undefined) {
    return `the implementation it was saved from diverged ${where} (${c.at}: spec ${formatReadable(c.expected)}, implementation ${formatReadable(c.found)})`;
  }
  if (c?.failure === "rejected" && last) return `the implementation it was saved from refused step ${n} (${last.action}), which the spec allows`;
  if (c?.failure === "accepted" && last) return `the implementation it was saved from took step ${n} (${last.action}), which the spec does not allow`;
  return `the implementation it was saved from diverged ${where}${v.message ? ` (${v.message})` : ""}`;
}

/** A conformance counterexample whose spec side replays: what it was, and how to test an
 * implementation against it. */
function conformanceExplained(o: Replayed, steps: number): Explained {
  const t = o.trace;
  const impl = t.explorer.flags?.impl;
  if (t.explorer.kind === "monitor") {
    const f = t.explorer.flags ?? {};
    const seen = typeof f.events === "string" ? ` in ${printable(f.events, 200)}${typeof f.line === "number" ? `, line ${f.line}` : ""}` : "";
    return { head: `replays on the spec: its ${steps === 1 ? "1 step reaches" : `${steps} steps reach`} the recorded states; ${conformanceSummary(t)}`, body: [`seen by stakecheck monitor${seen}`] };
  }
  return {
    head: `replays on the spec: its ${steps === 1 ? "1 step reaches" : `${steps} steps reach`} the recorded states; ${conformanceSummary(t)}`,
    // The recorded impl is text from the file: quoted, it pastes as one word whatever it holds.
    body: [`to test an implementation against it: ${shellCommand("stakecheck conform", [o.specPath, "--impl"])} ${typeof impl === "string" ? shellQuote(impl) : "ADAPTER"}`],
  };
}

/** One file's verdict: `✓ FILE: still violates invariant Agreement after step 6`, then why. */
export function renderReplayOutcome(o: ReplayOutcome, options: ReplayTextOptions = {}): string {
  const color = options.color ?? false;
  const e = explain(o);
  const mark = o.ok ? (color ? pc.green("✓") : "✓") : color ? pc.red("✗") : "✗";
  const lines = [`${mark} ${o.file}: ${color && !o.ok ? pc.bold(e.head) : e.head}`];
  for (const l of e.body) lines.push(`    ${color ? pc.dim(l) : l}`);
  if (e.counterexample) lines.push("", ...e.counterexample.split("\n").map((l) => (l ? `    ${l}` : l)), "");
  return lines.join("\n");
}

function constsKey(c: Readonly<Record<string, number | boolean>>): string {
  return JSON.stringify(Object.entries(c));
}

/** Replay outcomes as suites: one per spec and consts, one case per counterexample file. */
export function replaySuites(outcomes: readonly ReplayOutcome[]): SuiteResult[] {
  const suites = new Map<string, { name: string; file: string; consts: Readonly<Record<string, number | boolean>>; cases: CaseResult[] }>();
  for (const o of outcomes) {
    const file = o.specPath ?? o.trace?.spec.path ?? "";
    const consts = o.trace?.consts ?? {};
    const key = `${file}\u0000${constsKey(consts)}`;
    let s = suites.get(key);
    if (!s) suites.set(key, (s = { name: o.trace?.spec.name ?? (file || "unreadable counterexamples"), file, consts, cases: [] }));
    const e = explain(o);
    s.cases.push({
      name: o.file,
      status: o.kind === "error" ? "error" : o.ok ? "passed" : "failed",
      label: verdictLabel(o),
      ...(o.trace && o.trace.violation.kind !== "run" ? { property: { kind: o.trace.violation.kind, name: o.trace.violation.name } } : {}),
      ...(e.location ? { location: e.location } : {}),
      // A head that announces a list ("error: 2 problems:") takes the list, for one-line readers.
      message: e.head.endsWith(":") && e.body.length ? `${e.head} ${e.body.map((l) => l.replace(/^- /, "")).join("; ")}` : e.head,
      details: [e.head, ...e.body, ...(e.counterexample ? ["", e.counterexample] : [])].join("\n"),
      ...(o.trace ? { steps: o.trace.violation.step, trace: o.trace } : {}),
      file: o.file,
    });
  }
  return [...suites.values()].map((s) => ({ ...s, seconds: 0 }));
}

export function replayRunResult(outcomes: readonly ReplayOutcome[], run: { seconds: number; exitCode: number; expect: ReplayExpectation }): RunResult {
  return { command: "replay", suites: replaySuites(outcomes), seconds: run.seconds, exitCode: run.exitCode, expect: run.expect };
}
